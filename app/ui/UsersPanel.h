// The users page: who can sign in to this database and with which role. An administrator
// adds users and gives a user a new passphrase; everyone changes their own passphrase.
// All of it goes through practice::Practice; the record store enforces the roles. A user's
// record damaged outside Roundtable is marked in the list and explained when selected.
#pragma once

#include <wx/panel.h>

#include <string>
#include <vector>

#include "practice/Practice.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class DamageNotice;

class UsersPanel : public wxPanel {
  public:
    explicit UsersPanel(wxWindow* parent);
    /// Shows the users of the open database (or nothing, with nullptr).
    void attach(practice::Practice* practice);

  private:
    void reload();
    void addUser();
    void resetPassphrase();
    void changeOwnPassphrase();
    /// Shows a refusal at the field it names (or only in the message line).

    practice::Practice* practice_ = nullptr;
    std::vector<records::User> users_;

    wxListCtrl* list_;
    DamageNotice* userDamage_;  ///< the selected user's
    wxTextCtrl* newLogin_;
    wxChoice* newRole_;
    wxTextCtrl* newPassphrase_;
    wxTextCtrl* newRepeat_;
    wxButton* addButton_;
    wxTextCtrl* resetPassphrase_;
    wxTextCtrl* resetRepeat_;
    wxButton* resetButton_;
    wxTextCtrl* ownCurrent_;
    wxTextCtrl* ownPassphrase_;
    wxTextCtrl* ownRepeat_;
    wxButton* ownButton_;
    wxButton* settingsButton_;  ///< the service's settings (administrators)
    wxStaticText* adminNote_;
    wxStaticText* message_;
};

}  // namespace roundtable::ui
