// File > Service details for printing: whom carers should contact (printed on their handouts)
// and the paper documents are laid out on. Layout and transfer only: the checks and the saving
// are printing/PrintPreferences.h's; a refused value is shown at its field.
#pragma once

#include <wx/dialog.h>

#include "settings/Settings.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class ServiceDetailsDialog : public wxDialog {
  public:
    /// Reads and saves `settings`, which must outlive the dialog.
    ServiceDetailsDialog(wxWindow* parent, settings::SettingsStore& settings);

    bool TransferDataToWindow() override;
    /// Checks and saves the details; false (the dialog stays open) with the reason at the field.
    bool TransferDataFromWindow() override;

  private:
    settings::SettingsStore& settings_;
    wxTextCtrl* name_;
    wxTextCtrl* phone_;
    wxTextCtrl* email_;
    wxTextCtrl* address_;
    wxChoice* paper_;
    wxChoice* naming_;  ///< members by codes or names on sign-in sheets and registers
    wxStaticText* message_;
};

}  // namespace roundtable::ui
