// The pictogram picker of the module editor (issue 12, item 3): the service's pictures shown as
// pictures, with their names, to choose the one for an easy-read point instead of typing it.
#pragma once

#include <wx/dialog.h>

#include <optional>
#include <string>
#include <vector>

#include "records/Types.h"

class wxListCtrl;
class wxStaticText;

namespace roundtable::ui {

class PicturePicker : public wxDialog {
  public:
    /// Shows every picture of `pictures` (damaged ones are left out); OK or a double-click
    /// chooses the one selected.
    PicturePicker(wxWindow* parent, const std::vector<records::ProgrammePicture>& pictures);

    /// The name of the picture selected; nullopt when none is.
    [[nodiscard]] std::optional<std::string> chosen() const;
    /// Selects the picture called `name` (for tests and for keeping a point's picture);
    /// false when there is none.
    bool select(const std::string& name);
    [[nodiscard]] wxListCtrl* list() const { return list_; }

  private:
    void showDescription();

    std::vector<records::ProgrammePicture> pictures_;
    wxListCtrl* list_ = nullptr;
    wxStaticText* description_ = nullptr;
};

}  // namespace roundtable::ui
