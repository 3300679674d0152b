// The pictogram picker of the module editor (issue 12, item 3): the service's pictures shown as
// pictures, with their names and what they show, to choose the one for an easy-read point
// instead of typing it. A list, one picture a row, so that the keyboard works as everywhere:
// type to narrow it down, arrows to choose, Enter to take it.
#pragma once

#include <wx/dialog.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "records/Types.h"

class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class PicturePicker : public wxDialog {
  public:
    /// Adds a picture file to the service's pictures under a name and a description (or
    /// throws what refuses it, at its field: picture-file, picture-name or
    /// picture-description); returns every picture there is then.
    using Add = std::function<std::vector<records::ProgrammePicture>(
        const std::filesystem::path& file, const std::string& name,
        const std::string& description)>;

    /// Shows every picture of `pictures` (damaged ones are left out); OK, Enter or a
    /// double-click chooses the one selected. With `add` (a clinical lead's editor), "Add a
    /// picture..." brings in a new one, which is then chosen.
    PicturePicker(wxWindow* parent, const std::vector<records::ProgrammePicture>& pictures,
                  Add add = {});

    /// The name of the picture selected; nullopt when none is.
    [[nodiscard]] std::optional<std::string> chosen() const;
    /// Selects the picture called `name` (for tests and for keeping a point's picture);
    /// false when there is none.
    bool select(const std::string& name);
    [[nodiscard]] wxListCtrl* list() const { return list_; }

    /// Shows only the pictures whose name or description holds `text` (all when empty).
    void narrowTo(const std::string& text);
    /// "Add a picture..." without its dialogs: adds `file` and chooses it; false, with the
    /// reason under the list, when it is refused.
    bool addPicture(const std::filesystem::path& file, const std::string& name,
                    const std::string& description);
    [[nodiscard]] wxString message() const;

  private:
    /// Keeps `pictures` (without damaged ones) and their thumbnails, then lists them.
    void fill(const std::vector<records::ProgrammePicture>& pictures);
    void showDescription();
    /// Asks for a file, then its name and description, and adds it.
    void askForPicture();

    std::vector<records::ProgrammePicture> pictures_;
    std::vector<std::size_t> shown_;  ///< the pictures in the list's rows, by index
    wxListCtrl* list_ = nullptr;
    wxStaticText* description_ = nullptr;
    wxTextCtrl* find_ = nullptr;
    Add add_;
};

}  // namespace roundtable::ui
