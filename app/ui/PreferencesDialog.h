// Edit > Preferences: this computer's settings, each checked at its field as it is typed and
// applied as soon as the dialog is closed with OK (no restart). The service's contact details
// and paper have their own dialog (ServiceDetailsDialog), opened from here.
#pragma once

#include <wx/dialog.h>

#include <functional>
#include <optional>

#include "settings/Settings.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class PreferencesDialog : public wxDialog {
  public:
    /// Reads and saves `settings`, which must outlive the dialog; `editServiceDetails` opens
    /// the service details dialog over this one (no button when it is empty: no printing).
    PreferencesDialog(wxWindow* parent, settings::SettingsStore& settings,
                      std::function<void(wxWindow*)> editServiceDetails);

    bool TransferDataToWindow() override;
    /// Checks and saves; false (the dialog stays open) with the reason at the field.
    bool TransferDataFromWindow() override;

  private:
    /// Shows what is wrong with the typed idle lock under its field; its minutes when right.
    std::optional<int> showIdleLockCheck();

    settings::SettingsStore& settings_;
    wxTextCtrl* idleLock_;
    wxStaticText* idleLockProblem_;
    wxChoice* dateOrder_;
};

}  // namespace roundtable::ui
