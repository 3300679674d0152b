// The member page's "Progress report...": what the facilitator chooses before the report is
// made (the period, whether his open concerns go in, her summary). Layout and transfer only:
// the period is read by practice::Practice::typedPeriod, and a refusal is shown at its field.
#pragma once

#include <wx/dialog.h>

#include "practice/Practice.h"
#include "printing/PageDocuments.h"

class wxCheckBox;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class ReportDialog : public wxDialog {
  public:
    /// For the member coded `code`; `practice` reads the dates in the person's order.
    ReportDialog(wxWindow* parent, const practice::Practice& practice, const std::string& code);

    /// Reads the choices; false (the dialog stays open) with the reason at the field.
    bool TransferDataFromWindow() override;
    /// What was chosen, once the dialog was confirmed.
    [[nodiscard]] const printing::ReportChoices& choices() const { return choices_; }

  private:
    const practice::Practice& practice_;
    printing::ReportChoices choices_;
    wxTextCtrl* from_;
    wxTextCtrl* to_;
    wxCheckBox* concerns_;
    wxTextCtrl* summary_;
    wxStaticText* message_;
};

}  // namespace roundtable::ui
