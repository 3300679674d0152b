// Page switching, the lock and the idle timer. Each handler is a few lines that hand over
// to a panel or to the open database's use cases (practice::Workspace), through runGuarded.
#include "ui/MainFrame.h"

#include <wx/aboutdlg.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/infobar.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/textentry.h>
#include <wx/utils.h>

#include <array>

#include "practice/Dates.h"
#include "practice/ScopeExit.h"
#include "printing/Output.h"
#include "records/ServerSetup.h"
#include "text/Translate.h"
#include "ui/AccessPanels.h"
#include "ui/CurriculumPanel.h"
#include "ui/GroupPanel.h"
#include "ui/Guarded.h"
#include "ui/HomePanel.h"
#include "ui/MemberPanel.h"
#include "ui/ModuleEditor.h"
#include "ui/PhrasesDialog.h"
#include "ui/PreferencesDialog.h"
#include "ui/PrintController.h"
#include "ui/SessionPanel.h"
#include "ui/StandardCommands.h"
#include "ui/UsersPanel.h"
#include "ui/WindowPlacement.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {
constexpr const char* kProductName = "Roundtable";
/// How often a server that cannot be reached is tried again.
constexpr int kSecondsBetweenReconnects = 3;
constexpr const char* kDatabaseWildcard =
    text::trLater("Roundtable databases (*.rtdb)|*.rtdb|All files|*");
/// The main window's size when nothing is remembered (cut to the screen).
const wxSize kUsualSize(1360, 840);
constexpr int kLockId = wxID_HIGHEST + 1;
constexpr int kBackupId = wxID_HIGHEST + 2;
constexpr int kBackupNowId = wxID_HIGHEST + 3;
constexpr int kEditModuleId = wxID_HIGHEST + 4;
constexpr int kRestoreId = wxID_HIGHEST + 5;
constexpr int kShortcutsId = wxID_HIGHEST + 6;
constexpr int kNoRecentId = wxID_HIGHEST + 7;
constexpr int kPhrasesId = wxID_HIGHEST + 8;
constexpr int kOpenServerId = wxID_HIGHEST + 9;
constexpr int kViewCurriculumId = wxID_HIGHEST + 10;
constexpr int kViewFirstPageId = wxID_HIGHEST + 11;  // one id a page, in kPageNames' order
/// The work area's pages, in the order of their tabs and of View's Ctrl+1, Ctrl+2...
constexpr std::array<const char*, 5> kPageNames{text::trLater("Home"), text::trLater("Group"),
                                                text::trLater("Session"), text::trLater("Member"),
                                                text::trLater("Users")};
/// The pages' places, in kPageNames' order.
enum WorkTab { homeTab, groupTab, sessionTab, memberTab, usersTab };

void removeBackupButton(wxInfoBar* notice) {
    if (notice->HasButtonId(kBackupNowId))
        notice->RemoveButton(kBackupNowId);
}
}  // namespace

MainFrame::MainFrame(const curriculum::Programme& programme, records::KeyDerivation keyDerivation)
    : wxFrame(nullptr, wxID_ANY, kProductName),
      programme_(programme),
      keyDerivation_(keyDerivation) {
    notice_ = new wxInfoBar(this);
    notice_->SetName("notice");
    // No sliding: the work area should not move under the pointer while it appears.
    notice_->SetShowHideEffects(wxSHOW_EFFECT_NONE, wxSHOW_EFFECT_NONE);
    book_ = new wxSimplebook(this);
    welcome_ = new WelcomePanel(
        book_, [this] { chooseDatabase(false); }, [this] { chooseDatabase(true); });
    book_->AddPage(welcome_, "welcome");
    signIn_ = new SignInPanel(
        book_,
        [this](const std::string& login, const std::string& pass) { return signIn(login, pass); },
        [this] {
            recover_->prepare(workspace_ ? workspace_->displayName() : std::string());
            book_->SetSelection(recoverPage);
        });
    book_->AddPage(signIn_, "sign in");
    recover_ = new RecoverAccessPanel(
        book_,
        [this](const std::string& key, const std::string& login, const std::string& pass,
               const std::string& repeat) { recoverWithKey(key, login, pass, repeat); },
        [this] { book_->SetSelection(signInPage); });
    book_->AddPage(recover_, "recover access");
    setup_ = new NewDatabasePanel(book_, [this](const std::string& login, const std::string& pass) {
        createDatabase(login, pass);
    });
    book_->AddPage(setup_, "new database");
    recovery_ = new RecoveryKeyPanel(
        book_,
        [this] {
            if (printing_)
                printing_->closePreview();  // the sheet holds the key: not left on screen
            if (auto problem = enterWork(); !problem.empty())
                showNotice(problem, wxICON_ERROR);
        },
        [this] {
            if (!printing_)
                return;
            runGuarded(
                [this](const Failure& failure) { showNotice(failure.message, wxICON_ERROR); },
                [this] { printing_->preview(recovery_->printables()); });
        });
    book_->AddPage(recovery_, "recovery key");

    auto* splitter = new wxSplitterWindow(book_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxSP_LIVE_UPDATE | wxSP_3D);
    splitter->SetMinimumPaneSize(220);
    curriculum_ = new CurriculumPanel(splitter, programme_);
    pages_ = new wxNotebook(splitter, wxID_ANY);
    home_ = new HomePanel(
        pages_,
        {[this](records::SessionId id) { showSession(id); },
         [this](records::SessionId id, records::MemberId member) {
             showSession(id);
             session_->selectMember(member);
         },
         [this](records::GroupId group, records::MemberId member, HomePanel::MemberTab tab) {
             showMember(group, member);
             member_->sections()->SetSelection(static_cast<std::size_t>(tab));
         }});
    groups_ = new GroupPanel(pages_, {[this] { return curriculum_->selectedSessionId(); },
                                      [this](records::SessionId id) { showSession(id); },
                                      [this](records::GroupId group, records::MemberId member) {
                                          showMember(group, member);
                                      },
                                      [this](records::SessionId id, records::MemberId member) {
                                          showSession(id);
                                          session_->selectMember(member);
                                      },
                                      [this](std::vector<printing::PrintableDocument> offers) {
                                          printing_->preview(std::move(offers));
                                      }});
    session_ = new SessionPanel(pages_);
    member_ = new MemberPanel(pages_);
    users_ = new UsersPanel(pages_);
    const std::array<wxWindow*, kPageNames.size()> pages{home_, groups_, session_, member_, users_};
    // Back on the home page, what was done meanwhile is no longer listed; back on the Group
    // page, its sessions show what the session page recorded.
    pages_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        event.Skip();
        if (isLocked())
            return;
        if (event.GetSelection() == homeTab)
            home_->refresh();
        else if (event.GetSelection() == groupTab)
            groups_->refreshSessions();
    });
    for (std::size_t i = 0; i < pages.size(); ++i)
        pages_->AddPage(pages[i], trWx(kPageNames[i]));
    splitter->SplitVertically(curriculum_, pages_, FromDIP(380));
    // The curriculum takes at most 30% of a narrower window, so that the pages keep the width
    // their forms need; once a person has dragged the divider, it stays where it was put.
    splitter->Bind(wxEVT_SIZE, [this, splitter](wxSizeEvent& event) {
        event.Skip();
        const int width = event.GetSize().x;
        splitter->SetSashPosition(curriculumWidth_
                                      ? std::min(*curriculumWidth_, width - FromDIP(300))
                                      : std::min(FromDIP(380), width * 3 / 10));
    });
    splitter->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this, splitter](wxSplitterEvent& event) {
        // Its own divider only, not a splitter inside one of its panes.
        if (event.GetEventObject() == splitter)
            curriculumWidth_ = event.GetSashPosition();
        event.Skip();
    });
    book_->AddPage(splitter, "work");
    book_->SetSelection(welcomePage);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(notice_, wxSizerFlags().Expand());
    sizer->Add(book_, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    buildMenus();
    CreateStatusBar();
    fitToScreen(this, kUsualSize);
    SetStatusText(trWx("No database open."));

    // Any key or mouse input anywhere in the application counts as activity.
    wxEvtHandler::AddFilter(this);
    idleTimer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (!isLocked() && std::chrono::steady_clock::now() - lastActivity_ >= idleLock_)
            lock();
        if (isLocked())
            return;
        if (serverAway_)
            whileServerAway();
        else
            showChangesFromElsewhere();
    });
    idleTimer_.Start(1000);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        // While the server is away the note is kept on this computer (keepTypedNote) and
        // saved at the next sign-in: closing loses nothing.
        if (serverAway_)
            keepTypedNote();
        bool noteLost = !serverAway_ && (!session_->keepUnsavedNote() || keptNote_);
        if (noteLost && event.CanVeto() &&
            wxMessageBox(trWx("A progress note could not be saved, and its text would be lost. "
                              "Quit anyway?"),
                         kProductName, wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES) {
            event.Veto();
            return;
        }
        // The module editor asks about its unsaved changes first, and may keep both open.
        if (editor_ && event.CanVeto() && !editor_->Close()) {
            event.Veto();
            return;
        }
        idleTimer_.Stop();
        if (settings_) {
            rememberPlacement(this, *settings_);
            settings::curriculumWidth.write(*settings_, curriculumWidth_.value_or(0));
            runGuarded([](const Failure&) {}, [this] { settings_->flush(); });  // best effort
        }
        event.Skip();
    });
}

MainFrame::~MainFrame() {
    wxEvtHandler::RemoveFilter(this);
}

int MainFrame::FilterEvent(wxEvent& event) {
    auto type = event.GetEventType();
    if (type == wxEVT_KEY_DOWN || type == wxEVT_LEFT_DOWN || type == wxEVT_RIGHT_DOWN ||
        type == wxEVT_MOTION || type == wxEVT_MOUSEWHEEL) {
        lastActivity_ = std::chrono::steady_clock::now();
    }
    return Event_Skip;
}

void MainFrame::buildMenus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, trWx("&New database...\tCtrl+N"));
    file->Append(wxID_OPEN, trWx("&Open database...\tCtrl+O"));
    file->Append(kOpenServerId, trWx("Open from a &server..."),
                 trWx("Open the team's records on a PostgreSQL server"));
    recent_ = new wxMenu;
    file->AppendSubMenu(recent_, trWx("Open &recent"));
    file->AppendSeparator();
    file->Append(kBackupId, trWx("&Back up...\tCtrl+B"),
                 trWx("Make a verified copy of the database"));
    file->Append(kRestoreId, trWx("&Restore from a backup..."),
                 trWx("Put a backup in place of this database (administrators)"));
    file->AppendSeparator();
    file->Append(kLockId, trWx("&Lock\tCtrl+L"),
                 trWx("Hide every record and ask for the passphrase again"));
    file->Append(wxID_EXIT, trWx("&Quit\tCtrl+Q"));

    // Undo and Redo act on the text field with the keyboard where the toolkit can (GTK 3's
    // fields cannot: they stay disabled there); the module editor has its own, for the module.
    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, trWx("&Undo\tCtrl+Z"));
    edit->Append(wxID_REDO, trWx("&Redo\tCtrl+Shift+Z"));
    edit->AppendSeparator();
    appendClipboardCommands(this, edit);
    edit->AppendSeparator();
    edit->Append(kPhrasesId, trWx("P&hrases for notes..."),
                 trWx("Your own phrases, typed in a note as a full stop and a shortcut"));
    edit->Append(wxID_PREFERENCES, trWx("Pr&eferences..."), trWx("This computer's settings"));

    auto* view = new wxMenu;
    view->Append(kViewCurriculumId, trWx("&Curriculum\tCtrl+0"),
                 trWx("Move to the curriculum tree"));
    for (std::size_t i = 0; i < kPageNames.size(); ++i) {
        view->Append(kViewFirstPageId + static_cast<int>(i),
                     toWx(std::string("&")
                              .append(text::tr(kPageNames[i]))
                              .append("\tCtrl+")
                              .append(std::to_string(i + 1))));
    }

    auto* programmeMenu = new wxMenu;
    programmeMenu->Append(
        kEditModuleId, trWx("&Edit module...\tCtrl+E"),
        trWx("Change the module selected in the curriculum (clinical leads) or read it"));

    auto* help = new wxMenu;
    help->Append(wxID_HELP, trWx("User &guide\tF1"));
    help->Append(kShortcutsId, trWx("&Keyboard shortcuts\tCtrl+?"));
    help->AppendSeparator();
    help->Append(wxID_ABOUT, trWx("&About Roundtable"));

    auto* menuBar = new wxMenuBar;
    menuBar->Append(file, trWx("&File"));
    menuBar->Append(edit, trWx("&Edit"));
    menuBar->Append(view, trWx("&View"));
    menuBar->Append(programmeMenu, trWx("&Programme"));
    menuBar->Append(help, trWx("&Help"));
    SetMenuBar(menuBar);

    auto command = [this](int id, std::function<void()> work) {
        Bind(
            wxEVT_MENU, [work = std::move(work)](wxCommandEvent&) { work(); }, id);
    };
    auto enable = [this](int id, std::function<bool()> when) {
        Bind(
            wxEVT_UPDATE_UI,
            [when = std::move(when)](wxUpdateUIEvent& event) { event.Enable(when()); }, id);
    };
    auto unlocked = [this] { return !isLocked(); };
    command(wxID_NEW, [this] { chooseDatabase(true); });
    command(wxID_OPEN, [this] { chooseDatabase(false); });
    command(kOpenServerId, [this] { chooseServer(); });
    file->Bind(wxEVT_MENU_OPEN, [this](wxMenuEvent& event) {
        fillRecentMenu();
        event.Skip();
    });
    fillRecentMenu();
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& event) {
            const auto paths =
                settings_ ? settings::readRecentDatabases(*settings_) : std::vector<std::string>();
            const auto index = static_cast<std::size_t>(event.GetId() - wxID_FILE1);
            if (index < paths.size())
                beginOpen(paths[index]);
        },
        wxID_FILE1, wxID_FILE9);
    command(kBackupId, [this] { chooseBackupFile(); });
    // A store on a server is backed up and restored there, by its administrator.
    auto onFile = [this] { return workspace_ && !workspace_->isOnServer(); };
    enable(kBackupId, [unlocked, onFile] { return unlocked() && onFile(); });
    notice_->Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { chooseBackupFile(); }, kBackupNowId);
    command(kRestoreId, [this] { chooseRestore(); });
    enable(kRestoreId, [this, onFile] { return isAdministrator() && onFile(); });
    command(kLockId, [this] { lock(); });
    enable(kLockId, unlocked);
    command(wxID_EXIT, [this] { Close(); });

    // No text field has the keyboard: nothing to undo here.
    Bind(
        wxEVT_MENU,
        [](wxCommandEvent& event) {
            if (auto* text = dynamic_cast<wxTextEntry*>(wxWindow::FindFocus()))
                event.GetId() == wxID_UNDO ? text->Undo() : text->Redo();
        },
        wxID_UNDO, wxID_REDO);
    Bind(
        wxEVT_UPDATE_UI,
        [](wxUpdateUIEvent& event) {
            auto* text = dynamic_cast<wxTextEntry*>(wxWindow::FindFocus());
            event.Enable(text && (event.GetId() == wxID_UNDO ? text->CanUndo() : text->CanRedo()));
        },
        wxID_UNDO, wxID_REDO);
    command(kPhrasesId, [this] {
        PhrasesDialog dialog(this, workspace_->practice());
        openPhrases_ = &dialog;
        dialog.ShowModal();
        openPhrases_ = nullptr;
    });
    enable(kPhrasesId, unlocked);
    command(wxID_PREFERENCES, [this] { editPreferences(); });
    enable(wxID_PREFERENCES, [this] { return settings_ != nullptr; });

    command(kViewCurriculumId, [this] { curriculum_->SetFocus(); });
    enable(kViewCurriculumId, unlocked);
    for (std::size_t i = 0; i < kPageNames.size(); ++i) {
        const int id = kViewFirstPageId + static_cast<int>(i);
        command(id, [this, i] {
            pages_->SetSelection(i);
            pages_->GetCurrentPage()->SetFocus();
        });
        enable(id, unlocked);
    }

    command(kEditModuleId, [this] { editSelectedModule(); });
    enable(kEditModuleId,
           [this] { return !isLocked() && !curriculum_->selectedModuleId().empty(); });

    command(wxID_HELP, [this] { openUserGuide(); });
    command(kShortcutsId, [this] {
        auto shortcuts = shortcutsOf(*GetMenuBar());
        for (auto& onPage : pageShortcuts())
            shortcuts.push_back(std::move(onPage));
        showShortcuts(this, shortcuts);
    });
    command(wxID_ABOUT, [this] { wxAboutBox(aboutRoundtable(), this); });
}

void MainFrame::fillRecentMenu() {
    while (recent_->GetMenuItemCount() > 0)
        recent_->Destroy(recent_->FindItemByPosition(0));
    const auto paths =
        settings_ ? settings::readRecentDatabases(*settings_) : std::vector<std::string>();
    for (std::size_t i = 0; i < paths.size(); ++i) {
        // The file's name first, as people look for it; the folder after it.
        const std::filesystem::path path(paths[i]);
        std::string label("&");
        label.append(std::to_string(i + 1))
            .append(" ")
            .append(path.filename().string())
            .append("   (")
            .append(path.parent_path().string())
            .append(")");
        recent_->Append(wxID_FILE1 + static_cast<int>(i), toWx(label), toWx(path.string()));
    }
    if (paths.empty())
        recent_->Append(kNoRecentId, trWx("(none yet)"))->Enable(false);
}

void MainFrame::useSettings(settings::SettingsStore& settings) {
    settings_ = &settings;
    if (const int width = settings::curriculumWidth.read(settings); width > 0)
        curriculumWidth_ = width;
    restorePlacement(this, settings, kUsualSize);
    setIdleLock(std::chrono::minutes(settings::readIdleLockMinutes(settings)));
    seenLogHeads_ = std::make_unique<practice::SeenLogHeads>(settings);
    fillRecentMenu();
}

void MainFrame::editPreferences() {
    if (!settings_)
        return;
    std::function<void(wxWindow*)> serviceDetails;
    if (printing_)
        serviceDetails = [this](wxWindow* over) { printing_->editServiceDetails(over); };
    PreferencesDialog dialog(this, *settings_, serviceDetails);
    if (dialog.ShowModal() != wxID_OK)
        return;
    setIdleLock(std::chrono::minutes(settings::readIdleLockMinutes(*settings_)));
    if (!isLocked()) {
        workspace_->practice().useDateOrder(practice::dateOrderSetting(*settings_));
        member_->showDateOrder();
    }
}

void MainFrame::openUserGuide() {
    const auto guide = userGuidePath();
    if (!guide || !wxLaunchDefaultBrowser(toWx(std::string("file://").append(guide->string())))) {
        showNotice(guide ? text::fill(text::tr("The user guide could not be opened ({1})."),
                                      {guide->string()})
                         : text::tr("The user guide could not be opened: it is not installed."),
                   wxICON_WARNING);
    }
}

void MainFrame::enablePrinting(settings::SettingsStore& settings,
                               std::filesystem::path picturesFolder) {
    printing_ = std::make_unique<PrintController>(this, settings, std::move(picturesFolder));
    // After the ways of opening a database (Open recent the last of them).
    auto* file = GetMenuBar()->GetMenu(0);
    std::size_t afterOpening = 0;
    while (file->FindItemByPosition(afterOpening++)->GetSubMenu() != recent_) {
    }
    printing_->addCommands(
        file, afterOpening, [this] { return printables(); },
        [this](const std::string& text, bool failed) {
            showNotice(text, failed ? wxICON_ERROR : wxICON_INFORMATION);
        });
    member_->previewWith([this](std::vector<printing::PrintableDocument> offers) {
        printing_->preview(std::move(offers));
    });
    if (!isLocked())
        printing_->attach(&workspace_->practice());
}

std::vector<printing::PrintableDocument> MainFrame::printables() const {
    if (!printing_ || isLocked())
        return {};
    if (book_->GetSelection() == recoveryPage)
        return recovery_->printables();
    if (book_->GetSelection() != workPage)
        return {};
    std::vector<printing::PrintableDocument> page;
    if (pages_->GetCurrentPage() == session_)
        page = session_->printables();
    else if (pages_->GetCurrentPage() == groups_)
        page = groups_->printables();
    else if (pages_->GetCurrentPage() == member_)
        page = member_->printables();
    auto curriculum = curriculum_->printables();
    // What the person is working in comes first, so that Ctrl+P prints from there: the
    // curriculum while it has the keyboard, else the page beside it.
    auto offers = std::move(page);
    auto position =
        curriculum_->IsDescendant(wxWindow::FindFocus()) ? offers.begin() : offers.end();
    offers.insert(position, std::make_move_iterator(curriculum.begin()),
                  std::make_move_iterator(curriculum.end()));
    return offers;
}

void MainFrame::chooseDatabase(bool create) {
    wxFileDialog dialog(
        this, create ? trWx("Create a new database") : trWx("Open a database"), wxEmptyString,
        create ? "service.rtdb" : wxString(), trWx(kDatabaseWildcard),
        create ? wxFD_SAVE | wxFD_OVERWRITE_PROMPT : wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK)
        return;
    std::filesystem::path path(fromWx(dialog.GetPath()));
    if (create) {
        beginCreate(path);
    } else {
        beginOpen(path);
    }
}

void MainFrame::chooseServer() {
    wxTextEntryDialog dialog(
        this,
        trWx("The records' connection, as the server's administrator gave it: for example "
             "service=clinic, or postgresql://records.example.org/roundtable"),
        trWx("Open from a server"));
    dialog.SetName("open-from-server");
    dialog.FindWindow(wxID_OK)->SetLabel(trWx("Open"));
    if (dialog.ShowModal() != wxID_OK)
        return;
    const auto connection = records::trimmed(fromWx(dialog.GetValue()));
    if (!records::server::isServerLocation(connection)) {
        refuseOpen(connection, text::tr("That is not a server connection. It starts with "
                                        "postgresql:// or is written as name=value, such as "
                                        "service=clinic."));
        return;
    }
    beginOpen(connection);
}

void MainFrame::beginCreate(const std::filesystem::path& path) {
    lock();
    pendingPath_ = path;
    setup_->prepare(path.filename().string());
    book_->SetSelection(setupPage);
}

bool MainFrame::beginOpen(const std::filesystem::path& path) {
    std::unique_ptr<practice::Workspace> opened;
    auto refuse = [this, &path](const Failure& failure) { refuseOpen(path, failure.message); };
    if (!runGuarded(refuse, [&] {
            opened = practice::Workspace::open(path, programme_, seenLogHeads_.get());
        })) {
        return false;
    }
    lock();
    keptNote_.reset();  // a note of the database that was open cannot be saved in this one
    workspace_ = std::move(opened);
    SetTitle(toWx(std::string(kProductName) + " - " + workspace_->displayName()));
    SetStatusText(toWx(text::fill(text::tr("Database: {1} (locked)"), {path.string()})));
    signIn_->prepare(workspace_->displayName(), lastLogin_);
    book_->SetSelection(signInPage);
    if (auto before = workspace_->migrationBackup()) {
        showNotice(text::fill(text::tr("This database was updated to work with this version of "
                                       "Roundtable. A copy of it as it was is kept at {1}."),
                              {before->string()}),
                   wxICON_INFORMATION);
    }
    if (!workspace_->openingWarning().empty())
        showNotice(workspace_->openingWarning(), wxICON_WARNING);
    lastError_.clear();
    return true;
}

void MainFrame::refuseOpen(const std::filesystem::path& path, const std::string& problem) {
    lastError_ = problem;
    if (onOpenFailed_)
        onOpenFailed_(path);
    if (workspace_) {
        showNotice(
            text::fill(text::tr("The database {1} was not opened. {2}"), {path.string(), problem}),
            wxICON_ERROR);
        return;
    }
    welcome_->showProblem(text::fill(text::tr("Roundtable could not open the database {1}.\n{2}"),
                                     {path.string(), problem}));
    book_->SetSelection(welcomePage);
}

std::string MainFrame::signIn(const std::string& login, const std::string& passphrase) {
    if (!workspace_)
        return text::tr("Open a database first.");
    std::string problem;
    auto refuse = [&problem](const Failure& failure) { problem = failure.message; };
    if (!runGuarded(refuse, [&] {
            wxBusyCursor busy;  // deriving the key takes about half a second by design
            workspace_->signIn(login, passphrase);
        })) {
        return problem;
    }
    lastLogin_ = login;
    return enterWork();
}

void MainFrame::recoverWithKey(const std::string& key, const std::string& login,
                               const std::string& passphrase, const std::string& repeat) {
    if (!workspace_)
        throw records::StoreError(text::tr("Open a database first."));
    {
        wxBusyCursor busy;  // the new passphrase's key takes about half a second by design
        workspace_->recoverWithKey(key, login, passphrase, repeat);
    }
    lastLogin_ = records::trimmed(login);
    if (auto problem = enterWork(); !problem.empty())
        throw records::StoreError(problem);
    showNotice(text::fill(text::tr("The recovery key added {1} as an administrator, and this was "
                                   "recorded. Put the recovery key away safely again."),
                          {lastLogin_}),
               wxICON_INFORMATION);
}

void MainFrame::createDatabase(const std::string& login, const std::string& passphrase) {
    wxBusyCursor busy;
    practice::RecoveryKeyToKeep recoveryKey;
    workspace_ = practice::Workspace::create(pendingPath_, {login, passphrase, keyDerivation_},
                                             programme_, recoveryKey);
    keptNote_.reset();  // a note of another database cannot be saved in this one
    lastLogin_ = login;
    SetTitle(toWx(std::string(kProductName) + " - " + pendingPath_.filename().string()));
    if (printing_)  // the recovery key sheet's print is recorded
        printing_->attach(&workspace_->practice());
    recovery_->show(recoveryKey.key, recoveryKey.publicKey, pendingPath_.filename().string(),
                    workspace_->practice());
    book_->SetSelection(recoveryPage);
}

void MainFrame::chooseBackupFile() {
    if (isLocked())
        return;
    wxFileDialog dialog(this, trWx("Back up the database"), wxEmptyString,
                        toWx(workspace_->suggestedBackupName()), trWx(kDatabaseWildcard),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() == wxID_OK)
        backupTo(std::filesystem::path(fromWx(dialog.GetPath())));
}

bool MainFrame::backupTo(const std::filesystem::path& destination) {
    auto failed = [this](const Failure& failure) {
        showNotice(text::fill(text::tr("The backup failed: {1}"), {failure.message}), wxICON_ERROR);
    };
    return runGuarded(failed, [&] {
        wxBusyCursor busy;
        auto result = workspace_->backupTo(destination);
        showNotice(text::fill(text::tr("Backed up and verified: {1}"), {result.file.string()}),
                   wxICON_INFORMATION);
        removeBackupButton(notice_);
    });
}

bool MainFrame::isAdministrator() const {
    return workspace_ && workspace_->isAdministrator();
}

void MainFrame::chooseRestore() {
    if (!isAdministrator())
        return;
    wxFileDialog choose(this, trWx("Restore from a backup"), wxEmptyString, wxEmptyString,
                        trWx(kDatabaseWildcard), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (choose.ShowModal() != wxID_OK)
        return;
    const std::filesystem::path backup(fromWx(choose.GetPath()));
    // An administrator of the backup signs in to it: the backup's users may differ from today's.
    wxDialog ask(this, wxID_ANY, trWx("Restore from a backup"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* text = new wxStaticText(
        &ask, wxID_ANY,
        toWx("The backup " + backup.filename().string() + " will take the place of " +
             workspace_->displayName() +
             ". The database as it is now is kept beside it, and the records added since the "
             "backup stay there.\n\nSign in as an administrator of the backup:"));
    text->Wrap(ask.FromDIP(440));
    sizer->Add(text, wxSizerFlags().Border(wxALL, 12));
    auto* form = new wxFlexGridSizer(2, wxSize(ask.FromDIP(8), ask.FromDIP(8)));
    form->AddGrowableCol(1);
    auto* login = new wxTextCtrl(&ask, wxID_ANY, toWx(lastLogin_));
    auto* passphrase = new wxTextCtrl(&ask, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                      wxDefaultSize, wxTE_PASSWORD);
    form->Add(new wxStaticText(&ask, wxID_ANY, trWx("User name")), wxSizerFlags().CenterVertical());
    form->Add(login, wxSizerFlags().Expand());
    form->Add(new wxStaticText(&ask, wxID_ANY, trWx("Passphrase")),
              wxSizerFlags().CenterVertical());
    form->Add(passphrase, wxSizerFlags().Expand());
    sizer->Add(form, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 12));
    auto* buttons = ask.CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    ask.FindWindow(wxID_OK)->SetLabel(trWx("Restore"));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 12));
    ask.SetSizerAndFit(sizer);
    passphrase->SetFocus();
    if (ask.ShowModal() == wxID_OK)
        restoreFrom(backup, fromWx(login->GetValue()), fromWx(passphrase->GetValue()));
}

bool MainFrame::restoreFrom(const std::filesystem::path& backup, const std::string& login,
                            const std::string& passphrase) {
    if (!isAdministrator())
        return false;
    const auto database = workspace_->path();
    // The restore refuses a database that any process holds open, this window included.
    lock();
    workspace_.reset();
    std::optional<records::RestoreResult> restored;
    std::string problem;
    runGuarded([&problem](const Failure& failure) { problem = failure.message; },
               [&] {
                   wxBusyCursor busy;
                   restored = practice::restoreBackup(backup, database, login, passphrase);
               });
    const bool reopened = beginOpen(database);
    if (!restored) {
        showNotice(text::fill(text::tr("The backup was not restored: {1} The database is as it "
                                       "was."),
                              {problem}),
                   wxICON_ERROR);
        return false;
    }
    if (reopened) {
        auto said = text::fill(text::tr("Restored from {1} ({2} records checked)."),
                               {backup.string(), std::to_string(restored->recordsChecked)});
        if (!restored->kept.empty()) {
            said.append(" ").append(text::fill(text::tr("The database as it was is kept as {1}."),
                                               {restored->kept.string()}));
        }
        showNotice(said.append(" ").append(text::tr("Sign in to go on.")), wxICON_INFORMATION);
    }
    return reopened;
}

std::string MainFrame::enterWork() {
    std::string problem;
    if (!runGuarded([&problem](const Failure& failure) { problem = failure.message; },
                    [this] { showWork(); })) {
        lock();
    }
    return problem;
}

void MainFrame::showWork() {
    auto& practice = workspace_->practice();
    practice.useDateOrder(settings_ ? practice::dateOrderSetting(*settings_)
                                    : practice::localeDateOrder());
    groups_->attach(&practice);
    home_->attach(&practice);
    session_->attach(&practice);
    member_->attach(&practice);
    users_->attach(&practice);
    if (printing_)
        printing_->attach(&practice);
    pages_->ChangeSelection(homeTab);  // gathered by attach: not again by the tab's event
    book_->SetSelection(workPage);
    lastActivity_ = std::chrono::steady_clock::now();
    auto user = workspace_->currentUser();
    SetStatusText(toWx(text::fill(
        text::tr("Database: {1}   Signed in as {2}"),
        {workspace_->path().string(), user ? user->login : std::string(text::tr("(recovery)"))})));
    if (onDatabaseOpened_)
        onDatabaseOpened_(workspace_->path());
    rememberLogHead();
    if (auto reminder = workspace_->backupReminder()) {
        showNotice(reminder->append(" ").append(text::tr("Back up to another disk regularly.")),
                   wxICON_WARNING);
        removeBackupButton(notice_);
        notice_->AddButton(kBackupNowId, trWx("Back up now..."));
    } else {
        notice_->Dismiss();
    }
    // The service's programme, from the database (stored there from the shipped one at the
    // first sign-in). The records must stay reachable when it cannot be used, so the shipped
    // programme is shown then, with the reason.
    runGuarded(
        [this](const Failure& failure) {
            showNotice(failure.message + "\n" +
                           text::tr("The programme shipped with Roundtable is shown until this "
                                    "is put right."),
                       wxICON_WARNING);
        },
        [&practice, this] { practice.useServiceProgramme(shippedProgramme_); });
    curriculum_->showProgramme(practice.programme());
    showProgrammePictures();
    runGuarded([this](const Failure& failure) { showNotice(failure.message, wxICON_WARNING); },
               [this] { workspace_->listenForChanges(); });
    saveNoteKeptWhileAway();
    if (keptNote_ && user && user->login == keptNote_->login) {
        session_->restoreUnsavedNote(keptNote_->note);
        pages_->SetSelection(sessionTab);
        keptNote_.reset();  // only now: until it is back in the editor, it is kept here
    }
}

ModuleEditor* MainFrame::editSelectedModule() {
    if (isLocked())
        return nullptr;
    if (editor_) {
        editor_->Raise();
        return editor_.get();
    }
    const auto moduleId = curriculum_->selectedModuleId();
    if (moduleId.empty()) {
        showNotice(text::tr("Choose a module or one of its sessions in the curriculum first."),
                   wxICON_INFORMATION);
        return nullptr;
    }
    runGuarded(
        [this](const Failure& failure) { showNotice(failure.message, wxICON_ERROR); },
        [&] {
            editor_ = ModuleEditor::open(this, workspace_->curriculumChanges(), moduleId,
                                         [this] { reloadProgramme(); });
            if (printing_) {
                editor_->previewWith([this](std::vector<printing::PrintableDocument> offers) {
                    printing_->preview(std::move(offers));
                });
            }
            editor_->Show();
        });
    return editor_.get();
}

void MainFrame::reloadProgramme() {
    if (isLocked())
        return;
    runGuarded([this](const Failure& failure) { showNotice(failure.message, wxICON_WARNING); },
               [this] { workspace_->practice().useServiceProgramme(shippedProgramme_); });
    curriculum_->showProgramme(workspace_->practice().programme());
    showProgrammePictures();
}

void MainFrame::showProgrammePictures() {
    // The service's own pictures (those it added too) once it has its programme, as printing
    // does; read here once for both pages.
    runGuarded([this](const Failure& failure) { showNotice(failure.message, wxICON_WARNING); },
               [this] {
                   auto pictures = printing::servicePictures(workspace_->practice(),
                                                             shippedProgramme_ / "pictures");
                   curriculum_->usePictures(pictures);
                   session_->usePictures(std::move(pictures));
               });
}

void MainFrame::showNotice(const std::string& text, int icon) {
    noticeText_ = text;
    notice_->ShowMessage(toWx(text), icon);
}

void MainFrame::showChangesFromElsewhere() {
    runGuarded(
        [this](const Failure& failure) {
            // Said once, not every second, until it is put right.
            if (noticeText_ != failure.message)
                showNotice(failure.message, wxICON_WARNING);
        },
        [this] {
            // The log moves with every record written, here or on another computer sharing
            // the records: only then is the page in front read again.
            std::int64_t head = 0;
            try {
                // On a server, a write is announced: nothing is asked until one is.
                if (shownLogEvent_ > 0 && !workspace_->mayHaveChanged())
                    return;
                head = workspace_->logHead().event;
            } catch (const records::ConnectionLost&) {
                serverWentAway();
                return;
            }
            if (head == shownLogEvent_)
                return;
            const bool first = shownLogEvent_ == 0;
            shownLogEvent_ = head;
            if (first)
                return;
            switch (pages_->GetSelection()) {
                case homeTab:
                    home_->refresh();
                    break;
                case groupTab:
                    groups_->refreshSessions();
                    break;
                case sessionTab:
                    session_->showChangesFromElsewhere();
                    break;
                default:
                    break;
            }
        });
}

void MainFrame::serverWentAway() {
    serverAway_ = true;
    secondsToReconnect_ = kSecondsBetweenReconnects;
    showNotice(text::tr("The server holding the records cannot be reached. What is on screen "
                        "stays, but nothing can be saved until it is back; Roundtable tries "
                        "again every few seconds. The note you are typing is kept on this "
                        "computer, encrypted, and saved as a draft when the server is back."),
               wxICON_WARNING);
    keepTypedNote();
}

void MainFrame::keepTypedNote() {
    auto typed = session_->typedNote();
    if (!typed || typed == lastKept_)
        return;
    runGuarded(
        [this](const Failure& failure) {
            showNotice(text::fill(text::tr("The note you are typing could not be kept on this "
                                           "computer: {1}. Do not close Roundtable until the "
                                           "server is back."),
                                  {failure.message}),
                       wxICON_ERROR);
        },
        [&] {
            workspace_->keptNote(keptNotesFolder_).keep(*typed);
            lastKept_ = typed;
        });
}

void MainFrame::whileServerAway() {
    keepTypedNote();
    if (--secondsToReconnect_ > 0)
        return;
    secondsToReconnect_ = kSecondsBetweenReconnects;
    std::optional<bool> interruptedSaved;
    try {
        interruptedSaved = workspace_->reconnect();
    } catch (const records::ConnectionLost&) {
        return;  // still away: the notice already says so
    } catch (const std::exception& error) {
        showNotice(error.what(), wxICON_ERROR);  // back, but refusing (a newer format)
        return;
    }
    serverAway_ = false;
    std::string said = text::tr("The server can be reached again.");
    if (interruptedSaved) {
        said.append(" ").append(*interruptedSaved
                                    ? text::tr("What was being saved when the connection was lost "
                                               "was saved.")
                                    : text::tr("What was being saved when the connection was lost "
                                               "was not saved: do it again."));
    }
    // The note in the editor is saved the usual way (as when moving to another man); the copy
    // kept on this computer goes once it is.
    if (lastKept_ && session_->keepUnsavedNote()) {
        said.append(" ").append(text::tr("The note you typed meanwhile is saved as a draft."));
        workspace_->keptNote(keptNotesFolder_).discard();
        lastKept_.reset();
    }
    showNotice(said, wxICON_INFORMATION);
    shownLogEvent_ = -1;  // read the page in front again: others may have written meanwhile
    showChangesFromElsewhere();
}

void MainFrame::saveNoteKeptWhileAway() {
    runGuarded([this](const Failure& failure) { showNotice(failure.message, wxICON_WARNING); },
               [this] {
                   auto kept = workspace_->keptNote(keptNotesFolder_);
                   auto note = kept.kept();
                   if (!note)
                       return;
                   // A note this window kept in memory at locking is the same one, typed further.
                   if (keptNote_ && keptNote_->note.session == note->session &&
                       keptNote_->note.member == note->member) {
                       kept.discard();
                       return;
                   }
                   try {
                       workspace_->practice().saveUnsaved(*note);
                   } catch (const records::ConnectionLost&) {
                       throw;  // kept for the next time
                   } catch (const std::exception& error) {
                       // Refused (signed meanwhile, say): back in the editor, to be dealt with
                       // there.
                       keptNote_ = KeptNote{workspace_->currentUser()->login, *note, error.what()};
                       kept.discard();
                       return;
                   }
                   kept.discard();
                   showNotice(text::tr("A note typed while the server could not be reached is now "
                                       "saved as a draft."),
                              wxICON_INFORMATION);
               });
}

void MainFrame::rememberLogHead() {
    if (!seenLogHeads_ || !workspace_)
        return;
    runGuarded(
        [this](const Failure& failure) {
            showNotice(
                text::fill(text::tr("This computer could not note how far the database's log "
                                    "goes: {1}"),
                           {failure.message}),
                wxICON_WARNING);
        },
        [this] { workspace_->rememberLogHead(*seenLogHeads_); });
}

void MainFrame::lock() {
    if (!workspace_)
        return;
    // However the rest ends, every record leaves the window and the key goes (STYLE.md 15);
    // then the log's newest point, the lock included, is noted as seen.
    practice::ScopeExit noteHead([this] { rememberLogHead(); });
    practice::ScopeExit hide([this] { hideRecords(); });
    if (editor_) {
        editor_->closeForLock();  // its changes saved while the key is still there
        editor_ = nullptr;        // destroyed only when idle: not to be raised again
    }
    auto user = workspace_->currentUser();
    if (serverAway_)
        keepTypedNote();  // what was typed since the last second, too
    auto outcome = workspace_->lock(session_->takeUnsavedNote());
    if (outcome.notSaved) {
        keptNote_ =
            KeptNote{user ? user->login : std::string(), *outcome.notSaved, outcome.problem};
    }
}

void MainFrame::hideRecords() {
    shownLogEvent_ = 0;
    serverAway_ = false;  // tried again at sign-in; a note kept meanwhile is saved then
    lastKept_.reset();
    if (openPhrases_)
        openPhrases_->EndModal(wxID_CLOSE);  // her phrases leave the screen with the records
    groups_->attach(nullptr);
    home_->attach(nullptr);
    session_->attach(nullptr);
    member_->attach(nullptr);
    users_->attach(nullptr);
    if (printing_)
        printing_->attach(nullptr);  // closes the print preview
    notice_->Dismiss();
    removeBackupButton(notice_);  // nothing to back up while locked
    workspace_->wipeKey();        // done already by Workspace::lock, unless a failure came first
    signIn_->prepare(workspace_->displayName(), lastLogin_);
    book_->SetSelection(signInPage);
    SetStatusText(
        toWx(text::fill(text::tr("Database: {1} (locked)"), {workspace_->path().string()})));
    if (keptNote_) {
        showNotice("The note you were writing could not be saved when Roundtable locked (" +
                       keptNote_->problem + "). Its text is kept and comes back when " +
                       keptNote_->login +
                       " signs in again; it is lost if Roundtable is closed first.",
                   wxICON_WARNING);
    }
}

bool MainFrame::isLocked() const {
    return !workspace_ || !workspace_->isUnlocked();
}

void MainFrame::setIdleLock(std::chrono::seconds after) {
    idleLock_ = after;
}

void MainFrame::showSession(records::SessionId session) {
    session_->showSession(session);
    pages_->SetSelection(sessionTab);
}

void MainFrame::showMember(records::GroupId group, records::MemberId member) {
    member_->showMember(group, member);
    pages_->SetSelection(memberTab);
}

}  // namespace roundtable::ui
