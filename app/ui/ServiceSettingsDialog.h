// The Users page's "Service settings...", for administrators: the settings kept with the
// records that decide what everyone's pages show (practice/ServiceSettings.h): how much of a
// session a man who left early must have stayed for it to count, when a session rating is an
// alert, and whether signed notes need a clinical lead's review. Layout and transfer only; a
// refusal is shown at its field.
#pragma once

#include <wx/dialog.h>

#include <array>

#include "practice/Practice.h"

class wxCheckBox;
class wxSpinCtrl;
class wxStaticText;

namespace roundtable::ui {

class ServiceSettingsDialog : public wxDialog {
  public:
    ServiceSettingsDialog(wxWindow* parent, practice::Practice& practice);

    bool TransferDataToWindow() override;
    /// Saves the settings that changed; false (the dialog stays open) with the reason.
    bool TransferDataFromWindow() override;

  private:
    practice::Practice& practice_;
    std::array<wxSpinCtrl*, 3> percents_;  ///< in kSettings' order
    wxCheckBox* reviewsRequired_;
    wxStaticText* message_;
};

}  // namespace roundtable::ui
