// The main window: swaps between the access pages (welcome, sign in, new database,
// recovery key) and the work area (curriculum, group and session pages), owns the open
// database and locks it on demand (Ctrl+L) or when the user has been idle too long.
// Features live in the panels, not here; printing in PrintController, whatever the page in
// front offers. Its handlers report failures through runGuarded
// (Guarded.h): in the notice bar, on the page asking, or on the welcome page.
#pragma once

#include <wx/eventfilter.h>
#include <wx/frame.h>
#include <wx/timer.h>
#include <wx/weakref.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "curriculum/Programme.h"
#include "curriculum/ProgrammeLocation.h"
#include "practice/Practice.h"
#include "practice/SeenLogHeads.h"
#include "practice/Workspace.h"
#include "printing/Printable.h"

class wxInfoBar;
class wxMenu;
class wxNotebook;
class wxSimplebook;

namespace roundtable::ui {

class CurriculumPanel;
class GroupPanel;
class HomePanel;
class NewDatabasePanel;
class RecoverAccessPanel;
class RecoveryKeyPanel;
class MemberPanel;
class ModuleEditor;
class PhrasesDialog;
class PrintController;
class SessionPanel;
class UsersPanel;
class SignInPanel;
class WelcomePanel;

class MainFrame : public wxFrame, private wxEventFilter {
  public:
    MainFrame(const curriculum::Programme& programme, records::KeyDerivation keyDerivation);
    ~MainFrame() override;

    /// Shows the page that sets up a new database at `path` (File > New without the dialog).
    void beginCreate(const std::filesystem::path& path);
    /// Opens the database at `path` locked and shows the sign-in page. Returns false, after
    /// telling the user why, when the file cannot be opened: on the welcome page when no
    /// database is open, else in the notice bar (what was open stays open).
    bool beginOpen(const std::filesystem::path& path);
    /// Wipes the key, clears every record from the window and asks for the passphrase. The
    /// note being written is saved first; if that fails the lock happens all the same and the
    /// note is kept in memory until its writer signs in again (lost if the app is closed).
    void lock();
    [[nodiscard]] bool isLocked() const;
    /// Makes a verified backup and tells the user the result (File > Back up without the
    /// file dialog). Returns false when it failed.
    bool backupTo(const std::filesystem::path& destination);
    /// Puts `backup` in place of the open database (File > Restore from a backup, without its
    /// dialogs), signed in to the backup as `login`, an administrator of it; the signed-in
    /// person must be an administrator. The window locks and closes the database first, then
    /// opens it again at the sign-in page, and says what happened in the notice bar. Returns
    /// false when nothing was restored (the database is as it was).
    bool restoreFrom(const std::filesystem::path& backup, const std::string& login,
                     const std::string& passphrase);
    /// How long without keyboard or mouse input before the window locks itself.
    void setIdleLock(std::chrono::seconds after);
    [[nodiscard]] std::chrono::seconds idleLock() const { return idleLock_; }
    /// This computer's settings, which must outlive the window: the idle lock, File > Open
    /// recent, Edit > Preferences, and the newest log point seen of each database (a database
    /// whose log no longer reaches it is warned about as it opens, before sign-in).
    void useSettings(settings::SettingsStore& settings);

    /// Called after every successful sign-in, e.g. to remember the file for the next start.
    void onDatabaseOpened(std::function<void(const std::filesystem::path&)> callback) {
        onDatabaseOpened_ = std::move(callback);
    }
    /// Called when a database cannot be opened, e.g. to forget it as the last one used.
    void onOpenFailed(std::function<void(const std::filesystem::path&)> callback) {
        onOpenFailed_ = std::move(callback);
    }
    /// The programme folder a database without a programme is given (--content).
    void useShippedProgrammeFrom(std::filesystem::path folder) {
        shippedProgramme_ = std::move(folder);
    }
    /// Turns printing on: the File menu gains its print commands, the service's details and
    /// paper are read from `settings`, which must outlive the window, and the easy-read pictures
    /// from `picturesFolder`.
    void enablePrinting(settings::SettingsStore& settings, std::filesystem::path picturesFolder);
    /// Printing (preview, page setup, print, export); nullptr until enablePrinting.
    [[nodiscard]] PrintController* printing() const { return printing_.get(); }
    /// What the page in front can print: the selected group's on the Group page, the open
    /// session's on the Session page, and the curriculum's (always beside them), those of the
    /// part with the keyboard first; the recovery key sheet on the recovery key page. Nothing
    /// while locked.
    [[nodiscard]] std::vector<printing::PrintableDocument> printables() const;
    /// Shows `text` in the notice bar and remembers it (see noticeText).
    void showNotice(const std::string& text, int icon);

    /// Opens the module editor (Programme > Edit module, Ctrl+E) on the module selected in the
    /// curriculum tree, or brings the open one to the front; read-only for facilitators. Returns
    /// it, or nullptr (with the reason in the notice bar) when it cannot be opened.
    ModuleEditor* editSelectedModule();
    /// The open module editor; nullptr when none is.
    [[nodiscard]] ModuleEditor* moduleEditor() const { return editor_.get(); }
    /// Works from the service's programme as it is now in the database (after a module was
    /// published) and shows it in the curriculum tree.
    void reloadProgramme();

    [[nodiscard]] CurriculumPanel* curriculumPanel() const { return curriculum_; }
    [[nodiscard]] GroupPanel* groupPanel() const { return groups_; }
    [[nodiscard]] SessionPanel* sessionPanel() const { return session_; }
    [[nodiscard]] HomePanel* homePanel() const { return home_; }
    [[nodiscard]] UsersPanel* usersPanel() const { return users_; }
    [[nodiscard]] MemberPanel* memberPanel() const { return member_; }
    [[nodiscard]] wxNotebook* pages() const { return pages_; }
    /// The error shown by the last failed beginOpen.
    [[nodiscard]] const std::string& lastError() const { return lastError_; }
    /// The open database (tests check that locking wiped its key); nullptr when none is open.
    [[nodiscard]] practice::Workspace* workspace() const { return workspace_.get(); }
    [[nodiscard]] wxInfoBar* notice() const { return notice_; }
    /// The text of the last notice shown in the bar (wxInfoBar cannot be asked for it).
    [[nodiscard]] const std::string& noticeText() const { return noticeText_; }
    /// Where a note typed while the server cannot be reached is kept (tests use a folder of
    /// their own; by default practice::defaultKeptNotesFolder).
    void keepNotesWhileAwayIn(std::filesystem::path folder) {
        keptNotesFolder_ = std::move(folder);
    }
    [[nodiscard]] const std::filesystem::path& keptNotesFolder() const { return keptNotesFolder_; }
    /// Whether the server holding the open records cannot be reached now.
    [[nodiscard]] bool serverAway() const { return serverAway_; }

  private:
    /// In the order the pages are added to book_.
    enum Page { welcomePage, signInPage, recoverPage, setupPage, recoveryPage, workPage };

    void buildMenus();
    void chooseDatabase(bool create);
    /// Reads the page in front again when the records changed since it was shown (another
    /// computer sharing them wrote something); once a second, from the idle timer.
    void showChangesFromElsewhere();
    /// The server cannot be reached (records::ConnectionLost): says so, keeps what is shown,
    /// and keeps the note being typed on this computer until the server is back.
    void serverWentAway();
    /// Once a second while the server is away: keeps the note being typed, and every few
    /// seconds tries the server again; when it answers, saves the note and says so.
    void whileServerAway();
    /// Keeps the note typed in the session page's editor (practice::KeptNote) when it changed
    /// since it was last kept.
    void keepTypedNote();
    /// After sign-in: saves as a draft a note kept on this computer while the server could
    /// not be reached (the window was closed, or Roundtable stopped, before it came back).
    void saveNoteKeptWhileAway();
    /// Asks for a server connection (File > Open from a server) and opens it.
    void chooseServer();
    void refuseOpen(const std::filesystem::path& path, const std::string& problem);
    std::string signIn(const std::string& login, const std::string& passphrase);
    /// The recovery key page's work: a new administrator, then signed in as them. Throws
    /// what refuses it (shown at the page's fields).
    void recoverWithKey(const std::string& key, const std::string& login,
                        const std::string& passphrase, const std::string& repeat);
    /// The new database page's work: the database with its administrator, then its recovery
    /// key shown. Throws what refuses it (shown at the page's fields).
    void createDatabase(const std::string& login, const std::string& passphrase);
    /// Shows the work area after sign-in; when it cannot be filled, locks again (nothing is
    /// left half shown) and returns why.
    std::string enterWork();
    void showWork();
    /// Gives the curriculum preview and the session page the service's pictograms.
    void showProgrammePictures();
    /// Empties every page of records, wipes the key and shows the sign-in page. Runs at the
    /// end of lock() however it ends, so it must not throw.
    void hideRecords();
    void chooseBackupFile();
    /// File > Restore from a backup: the backup file, then who signs in to it.
    void chooseRestore();
    [[nodiscard]] bool isAdministrator() const;
    /// File > Open recent, from the settings (empty without them).
    void fillRecentMenu();
    void editPreferences();
    /// Help > User guide (F1), in the web browser.
    void openUserGuide();
    void showSession(records::SessionId session);
    void showMember(records::GroupId group, records::MemberId member);
    int FilterEvent(wxEvent& event) override;

    const curriculum::Programme& programme_;
    /// Where the programme a database is given at its first sign-in is read from.
    std::filesystem::path shippedProgramme_ = curriculum::defaultProgrammeDirectory();
    records::KeyDerivation keyDerivation_;
    std::unique_ptr<practice::Workspace> workspace_;
    std::filesystem::path pendingPath_;  ///< the file being created or signed in to
    std::string lastLogin_;
    /// A note that could not be saved when the database was locked, with who wrote it and why
    /// it failed; given back to the editor when that person signs in again.
    struct KeptNote {
        std::string login;
        practice::UnsavedNote note;
        std::string problem;
    };
    std::optional<KeptNote> keptNote_;

    wxInfoBar* notice_;
    std::string noticeText_;
    wxSimplebook* book_;
    WelcomePanel* welcome_;
    SignInPanel* signIn_;
    RecoverAccessPanel* recover_;
    NewDatabasePanel* setup_;
    RecoveryKeyPanel* recovery_;
    CurriculumPanel* curriculum_;
    wxNotebook* pages_;
    HomePanel* home_;
    GroupPanel* groups_;
    SessionPanel* session_;
    MemberPanel* member_;
    UsersPanel* users_;

    wxTimer idleTimer_;
    /// The log's newest event when the page in front was last read (0: not yet, since sign-in).
    std::int64_t shownLogEvent_ = 0;
    bool serverAway_ = false;
    int secondsToReconnect_ = 0;  ///< while the server is away: until it is tried again
    std::filesystem::path keptNotesFolder_ = practice::defaultKeptNotesFolder();
    std::optional<practice::UnsavedNote> lastKept_;  ///< what keepTypedNote last kept
    std::chrono::steady_clock::time_point lastActivity_ = std::chrono::steady_clock::now();
    std::chrono::seconds idleLock_{600};

    std::string lastError_;
    std::function<void(const std::filesystem::path&)> onDatabaseOpened_;
    std::function<void(const std::filesystem::path&)> onOpenFailed_;
    std::unique_ptr<practice::SeenLogHeads> seenLogHeads_;
    std::unique_ptr<PrintController> printing_;
    settings::SettingsStore* settings_ = nullptr;  ///< see useSettings
    wxMenu* recent_ = nullptr;                     ///< File > Open recent
    /// Where a person has dragged the divider beside the curriculum, if they have.
    std::optional<int> curriculumWidth_;
    /// The module editor's window while it is open (it closes itself; the reference empties).
    wxWeakRef<ModuleEditor> editor_;
    PhrasesDialog* openPhrases_ = nullptr;  ///< while Edit > Phrases for notes is open
    /// Remembers the open database's newest log point as seen; a failure to save it is told
    /// in the notice bar, never stops the work.
    void rememberLogHead();
};

}  // namespace roundtable::ui
