// The pictogram picker of the module editor (issue 12, item 3): the service's pictures shown as
// pictures, with their names and what they show, to choose the one for an easy-read point
// instead of typing it. A list, one picture a row, so that the keyboard works as everywhere:
// type to narrow it down, arrows to choose, Enter to take it.
#pragma once

#include <wx/dialog.h>

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
    /// Shows every picture of `pictures` (damaged ones are left out); OK, Enter or a
    /// double-click chooses the one selected.
    PicturePicker(wxWindow* parent, const std::vector<records::ProgrammePicture>& pictures);

    /// The name of the picture selected; nullopt when none is.
    [[nodiscard]] std::optional<std::string> chosen() const;
    /// Selects the picture called `name` (for tests and for keeping a point's picture);
    /// false when there is none.
    bool select(const std::string& name);
    [[nodiscard]] wxListCtrl* list() const { return list_; }

    /// Shows only the pictures whose name or description holds `text` (all when empty).
    void narrowTo(const std::string& text);

  private:
    void showDescription();

    std::vector<records::ProgrammePicture> pictures_;
    std::vector<std::size_t> shown_;  ///< the pictures in the list's rows, by index
    wxListCtrl* list_ = nullptr;
    wxStaticText* description_ = nullptr;
};

}  // namespace roundtable::ui
