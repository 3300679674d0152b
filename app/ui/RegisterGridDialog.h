// The group's year at a glance: members down, sessions across (numbered and dated, grouped under
// their module), each cell his mark as the register's letter on a colour (never the colour
// alone), a star on a mark entered after the session's day, and the attendance rates of each
// member and each session. The labels stay in view as the grid scrolls. Enter or a double-click
// on a cell opens that session on that member. "Export CSV..." saves the grid for service
// evaluation (CsvExportButton.h); "Print preview..." ends the dialog with wxID_PREVIEW, and the
// Group page opens the preview on the printed year register.
#pragma once

#include <wx/dialog.h>

#include <optional>
#include <utility>

#include "practice/Practice.h"

class wxGrid;
class wxStaticText;

namespace roundtable::ui {

class RegisterGridDialog : public wxDialog {
  public:
    /// `practice` records an export of the grid and must outlive the dialog.
    RegisterGridDialog(wxWindow* parent, practice::Practice& practice,
                       const practice::GroupYear& year);
    /// The session and member of the cell chosen (the dialog then closed with wxID_OK).
    [[nodiscard]] std::optional<std::pair<records::SessionId, records::MemberId>> chosen() const {
        return chosen_;
    }

  private:
    void openCell(int row, int column);

    practice::GroupYear year_;
    std::optional<std::pair<records::SessionId, records::MemberId>> chosen_;
    wxGrid* grid_;
    wxStaticText* message_;
};

}  // namespace roundtable::ui
