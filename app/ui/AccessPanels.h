// The pages shown when no records may be visible: welcome (no database open), sign in
// (database locked), the first administrator of a new database, and the recovery key
// shown once. They hold no records; MainFrame swaps them with the work area.
#pragma once

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "practice/Practice.h"
#include "printing/Printable.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class WelcomePanel : public wxPanel {
  public:
    WelcomePanel(wxWindow* parent, std::function<void()> onOpen, std::function<void()> onCreate);
    /// Says why a database could not be opened, below the buttons.
    void showProblem(const std::string& text);

  private:
    wxStaticText* message_;
};

class SignInPanel : public wxPanel {
  public:
    /// `onSignIn(login, passphrase)` returns an error message, or "" when signed in.
    using SignIn = std::function<std::string(const std::string&, const std::string&)>;
    /// `onLostPassphrase` shows the page that uses the recovery key.
    SignInPanel(wxWindow* parent, SignIn onSignIn, std::function<void()> onLostPassphrase);
    /// Shows which database is being unlocked and clears the fields.
    void prepare(const std::string& databaseName, const std::string& lastLogin);

  private:
    void signIn();
    SignIn onSignIn_;
    wxStaticText* heading_;
    wxTextCtrl* login_;
    wxTextCtrl* passphrase_;
    wxStaticText* message_;
};

/// When no administrator can sign in: the recovery key kept from the day the database was
/// created adds a new administrator, who then signs in.
class RecoverAccessPanel : public wxPanel {
  public:
    /// `onRecover(key, login, passphrase, repeat)` adds the administrator and signs in, or
    /// throws (shown at the field it names); `onBack` returns to the sign-in page.
    using Recover = std::function<void(const std::string&, const std::string&, const std::string&,
                                       const std::string&)>;
    RecoverAccessPanel(wxWindow* parent, Recover onRecover, std::function<void()> onBack);
    /// Clears the fields for the database `databaseName`.
    void prepare(const std::string& databaseName);

  private:
    void recover();
    Recover onRecover_;
    wxStaticText* heading_;
    wxTextCtrl* key_;
    wxTextCtrl* login_;
    wxTextCtrl* passphrase_;
    wxTextCtrl* repeat_;
    wxStaticText* message_;
};

class NewDatabasePanel : public wxPanel {
  public:
    /// `onCreate(login, passphrase)` creates the database, or throws (shown at the field it
    /// names: "setup-login" or "setup-passphrase", as practice::Workspace::create names them).
    using Create = std::function<void(const std::string&, const std::string&)>;
    NewDatabasePanel(wxWindow* parent, Create onCreate);
    void prepare(const std::string& databaseName);

  private:
    void create();
    Create onCreate_;
    wxStaticText* heading_;
    wxTextCtrl* login_;
    wxTextCtrl* passphrase_;
    wxTextCtrl* repeat_;
    wxStaticText* message_;
};

class RecoveryKeyPanel : public wxPanel {
  public:
    /// `onPrint` opens the print preview of the page's printables().
    RecoveryKeyPanel(wxWindow* parent, std::function<void()> onDone, std::function<void()> onPrint);
    /// Shows the key of the database `databaseName`, and its public check key
    /// (RecordStore::trustRoots); both are cleared from the page when the user continues.
    /// Saving them to a file is recorded in `practice`'s audit log.
    void show(const std::string& recoveryKey, const std::string& checkKey,
              const std::string& databaseName, practice::Practice& practice);
    /// The recovery key sheet while the key is shown; nothing after.
    [[nodiscard]] std::vector<printing::PrintableDocument> printables() const;

  private:
    void save();
    std::function<void()> onDone_;
    practice::Practice* practice_ = nullptr;
    std::string recoveryKey_;
    std::string checkKeyText_;
    std::string databaseName_;
    wxTextCtrl* key_;
    wxStaticText* checkKey_;
    wxStaticText* message_;
};

}  // namespace roundtable::ui
