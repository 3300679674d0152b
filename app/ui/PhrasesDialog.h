// Edit > Phrases for notes...: the facilitator's own phrases and the programme's, with their
// shortcuts; she adds, changes and removes her own here (practice::Practice::savePhrase), and
// takes a programme's phrase as a start for one of hers. Layout and transfer only: the checks
// are Practice's, shown at the refused field.
#pragma once

#include <wx/dialog.h>

#include "practice/Practice.h"

class wxListCtrl;
class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace roundtable::ui {

class PhrasesDialog : public wxDialog {
  public:
    PhrasesDialog(wxWindow* parent, practice::Practice& practice);

  private:
    /// Lists the phrases as they now stand, the one with `shortcut` selected.
    void fill(const std::string& shortcut);
    /// Puts the selected phrase in the fields.
    void showSelected();
    void keep();
    void remove();

    practice::Practice& practice_;
    wxListCtrl* list_;
    wxTextCtrl* shortcut_;
    wxTextCtrl* text_;
    wxButton* remove_;
    wxStaticText* message_;
};

}  // namespace roundtable::ui
