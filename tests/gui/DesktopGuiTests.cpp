// The main window as a desktop application under Xvfb: its menus after the GNOME and Windows
// conventions and their enabling, the keyboard shortcuts list and the About box made from
// them, Edit > Preferences checked at the field and applied at once, File > Open recent, and
// File > Restore from a backup done from the window.
#include <doctest/doctest.h>
#include <wx/aboutdlg.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/display.h>
#include <wx/generic/aboutdlgg.h>
#include <wx/infobar.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>

#include <wx/scrolwin.h>
#include <wx/spinctrl.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "gui/GuiDriver.h"
#include "records/RecordStore.h"
#include "support/RawSql.h"
#include "support/TestServer.h"
#include "ui/GroupPanel.h"
#include "ui/MemberPanel.h"
#include "ui/PreferencesDialog.h"
#include "ui/Screenshot.h"
#include "ui/SessionContentView.h"
#include "ui/SessionPanel.h"
#include "ui/StandardCommands.h"
#include "ui/StartUp.h"
#include "ui/UsersPanel.h"

using namespace roundtable;
using namespace roundtable::test;

namespace {

std::vector<std::string> menuTitles(const wxMenuBar& bar) {
    std::vector<std::string> titles;
    for (std::size_t i = 0; i < bar.GetMenuCount(); ++i)
        titles.push_back(bar.GetMenuLabelText(i).utf8_string());
    return titles;
}

std::vector<std::string> commandsOf(const wxMenu& menu) {
    std::vector<std::string> commands;
    for (const auto* item : menu.GetMenuItems()) {
        if (!item->IsSeparator())
            commands.push_back(item->GetItemLabelText().utf8_string());
    }
    return commands;
}

/// Whether the command `id` is enabled, once the window has updated its menus as it does
/// before a menu opens.
bool enabled(ui::MainFrame* frame, int id) {
    frame->GetMenuBar()->UpdateMenus();
    return frame->GetMenuBar()->IsEnabled(id);
}

ui::MainFrame* openWithSettings(settings::SettingsStore& settings,
                                const std::filesystem::path& database) {
    auto* frame = ui::showMainWindow(programme(), settings, database, records::KeyDerivation::fast);
    frame->enablePrinting(settings, std::filesystem::path(ROUNDTABLE_CONTENT) / "pictures");
    frame->SetPosition(wxPoint(0, 0));
    pump(500);
    return frame;
}

}  // namespace

TEST_CASE("the menus follow the desktop conventions and enable what can be done") {
    SeededService service({"Daniel Hughes"}, "", false);
    {
        auto store = openTestStore(service.path);
        store.addUser("lead", records::Role::clinicalLead, "the lead's passphrase");
    }
    settings::MemoryStore settings;
    auto* frame = openWithSettings(settings, service.path);
    const auto& bar = *frame->GetMenuBar();
    CHECK(menuTitles(bar) == std::vector<std::string>{"File", "Edit", "View", "Programme", "Help"});
    CHECK(commandsOf(*bar.GetMenu(0)) ==
          std::vector<std::string>{"New database...", "Open database...", "Open from a server...",
                                   "Open recent", "Print preview...", "Print...", "Page setup...",
                                   "Export PDF...", "Back up...", "Restore from a backup...",
                                   "Lock", "Quit"});
    CHECK(commandsOf(*bar.GetMenu(1)) ==
          std::vector<std::string>{"Undo", "Redo", "Cut", "Copy", "Paste", "Select all",
                                   "Phrases for notes...", "Preferences..."});
    CHECK(commandsOf(*bar.GetMenu(2)) ==
          std::vector<std::string>{"Curriculum", "Home", "Group", "Session", "Member", "Users"});
    CHECK(commandsOf(*bar.GetMenu(4)) ==
          std::vector<std::string>{"User guide", "Keyboard shortcuts", "About Roundtable"});

    // Locked: nothing that needs the records.
    CHECK(frame->isLocked());
    CHECK(enabled(frame, wxID_OPEN));
    CHECK(enabled(frame, wxID_PREFERENCES));
    CHECK_FALSE(enabled(frame, bar.FindMenuItem("File", "Back up...")));
    CHECK_FALSE(enabled(frame, bar.FindMenuItem("File", "Restore from a backup...")));
    CHECK_FALSE(enabled(frame, bar.FindMenuItem("View", "Session")));
    CHECK_FALSE(enabled(frame, bar.FindMenuItem("Edit", "Phrases for notes...")));

    // An administrator may restore; a clinical lead may not.
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    CHECK(enabled(frame, bar.FindMenuItem("File", "Restore from a backup...")));
    CHECK(enabled(frame, bar.FindMenuItem("View", "Session")));
    CHECK(enabled(frame, bar.FindMenuItem("Edit", "Phrases for notes...")));
    frame->lock();
    typeInto(find<wxTextCtrl>(frame, "sign-in-login"), "lead");
    typeInto(find<wxTextCtrl>(frame, "sign-in-passphrase"), "the lead's passphrase");
    click(find<wxButton>(frame, "sign-in"));
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    CHECK(enabled(frame, bar.FindMenuItem("File", "Back up...")));
    CHECK_FALSE(enabled(frame, bar.FindMenuItem("File", "Restore from a backup...")));

    // A module chosen in the curriculum: the pane below says what it is for and its sessions.
    auto* tree = find<wxTreeCtrl>(frame, "curriculum-tree");
    clickTreeItem(tree, tree->GetItemParent(treeItem(tree, 0, 0)));
    const auto overview = find<ui::SessionContentView>(frame, "curriculum-preview")->text();
    CHECK(overview.starts_with(std::string(programme().modules.front().title) +
                               "\nVersion 1 (treatment)\n"));
    CHECK(overview.find("\nSessions\n1. ") != std::string::npos);

    // View's shortcuts move between the pages.
    frame->ProcessCommand(bar.FindMenuItem("View", "Member"));
    CHECK(frame->pages()->GetCurrentPage() == frame->memberPanel());
    frame->ProcessCommand(bar.FindMenuItem("View", "Group"));
    CHECK(frame->pages()->GetCurrentPage() == frame->groupPanel());

    // Cut, Copy, Paste and Select all follow the text field with the keyboard.
    auto* groupName = find<wxTextCtrl>(frame, "new-group-name");
    click(groupName);
    wxUIActionSimulator().Text("Tuesday");
    CHECK(waitFor([&] { return groupName->GetValue() == "Tuesday"; }));
    CHECK(enabled(frame, wxID_SELECTALL));
    CHECK(enabled(frame, wxID_PASTE) == groupName->CanPaste());
    frame->ProcessCommand(wxID_SELECTALL);
    CHECK(groupName->GetStringSelection() == "Tuesday");
    CHECK(enabled(frame, wxID_COPY));
    click(find<wxListBox>(frame, "members"));
    CHECK_FALSE(enabled(frame, wxID_COPY));

    // The shortcuts list is read from the menus themselves.
    auto shortcuts = ui::shortcutsOf(bar);
    auto has = [&](const char* menu, const char* command, const char* keys) {
        for (const auto& shortcut : shortcuts) {
            if (shortcut.menu == menu && shortcut.command == command && shortcut.keys == keys)
                return true;
        }
        return false;
    };
    CHECK(has("File", "Open database...", "Ctrl+O"));
    CHECK(has("File", "Lock", "Ctrl+L"));
    // Print names what it prints ("Print the register..."), the shortcut stays.
    CHECK(std::any_of(shortcuts.begin(), shortcuts.end(), [](const ui::Shortcut& shortcut) {
        return shortcut.command.starts_with("Print") && shortcut.keys == "Ctrl+P";
    }));
    CHECK(has("View", "Home", "Ctrl+1"));
    CHECK(has("View", "Session", "Ctrl+3"));
    CHECK(has("Programme", "Edit module...", "Ctrl+E"));
    CHECK(has("Help", "User guide", "F1"));
    CHECK(has("Edit", "Copy", "Ctrl+C"));
    // Then the keys of the pages without a menu (each is driven by its own GUI test).
    shortcuts = ui::pageShortcuts();
    CHECK(has("Session page", "Session mode", "F5"));
    CHECK(has("Session page", "Everyone present", "Alt+V"));
    CHECK(has("Session mode", "Jot a few words against a man", "J"));
    CHECK(has("Notes round", "Sign and go to the next man", "Ctrl+Enter"));

    // About: the neutral name, the version, the data format and the libraries' licences.
    auto about = ui::aboutRoundtable();
    CHECK(about.GetName() == "Roundtable");
    CHECK(about.GetVersion() == ROUNDTABLE_VERSION);
    CHECK(about.GetDescription().utf8_string().find(
              "data format " + std::to_string(records::RecordStore::dataFormat())) !=
          std::string::npos);
    for (const char* library : {"wxWidgets", "SQLite - public domain", "libsodium - ISC",
                                "pugixml - MIT", "Boost", "cairo", "Pango", "librsvg"})
        CHECK_MESSAGE(about.GetLicence().utf8_string().find(library) != std::string::npos, library);
    {
        auto* box = new wxGenericAboutDialog(about, frame);
        box->Show();
        pump(400);
        CHECK(ui::saveScreenshot(box, ROUNDTABLE_SCREENSHOT_DIR "/gui-about.png"));
        box->Destroy();
    }
    // Under GDK_SCALE=2 (a ctest entry of its own) the sizes are the window's own pixels, each
    // drawn as four on the screen.
    const auto scale = frame->GetContentScaleFactor();
    std::string scaled;  // appended, not "-" + text: GCC 12 warns (-Wrestrict) about that
    if (scale > 1)
        scaled.append("-").append(std::to_string(int(scale * 100))).append("pct");
    if (const char* asked = std::getenv("GDK_SCALE"))
        REQUIRE(scale == std::atof(asked));  // the 200% entry really runs at 200%
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(400);
        CHECK(ui::saveScreenshot(
            frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-main-" + std::to_string(size.x) + "x768.png"));
    }
    closeFrame(frame);
}

TEST_CASE("preferences are checked at the field and applied without a restart") {
    settings::MemoryStore settings;
    auto* frame = openWithSettings(settings, {});
    CHECK(frame->idleLock() == std::chrono::minutes(10));

    // Through the menu, as a person would: the dialog is modal, so it is answered as it opens.
    bool answered = false;
    wxTheApp->CallAfter([&] {
        auto* dialog = find<ui::PreferencesDialog>(nullptr, "preferences");
        auto* minutes = find<wxTextCtrl>(dialog, "preferences-idle-lock");
        auto* problem = find<wxStaticText>(dialog, "preferences-idle-lock-problem");
        CHECK(minutes->GetValue() == "10");
        CHECK(problem->GetLabel().empty());
        for (const char* refused : {"0", "10000", "soon"}) {
            typeInto(minutes, refused);
            CHECK(problem->GetLabel().utf8_string().starts_with("\u26A0 "));
            CHECK(problem->GetLabel().utf8_string().find("from 1 to 240") != std::string::npos);
        }
        // OK with a refused value keeps the dialog open and changes nothing.
        click(dialog->FindWindow(wxID_OK));
        CHECK(dialog->IsShown());
        CHECK(settings::idleLockMinutes.read(settings) == 10);
        typeInto(minutes, "25");
        CHECK(problem->GetLabel().empty());
        CHECK(ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-preferences.png"));
        click(dialog->FindWindow(wxID_OK));
        answered = true;
    });
    frame->ProcessCommand(wxID_PREFERENCES);
    CHECK(answered);
    CHECK(settings::idleLockMinutes.read(settings) == 25);
    CHECK(frame->idleLock() == std::chrono::minutes(25));
    closeFrame(frame);
}

TEST_CASE("dates are typed and shown in the order chosen in preferences, without a restart") {
    SeededService service({"Daniel Hughes"}, "", false);
    settings::MemoryStore settings;
    auto* frame = openWithSettings(settings, service.path);
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    frame->memberPanel()->showMember(service.group, service.members[0]);
    showPage(frame, frame->memberPanel());
    pump(200);
    auto* born = find<wxTextCtrl>(frame, "date-of-birth");
    // The tests run under the C locale, which is no person's: the order that cannot be misread.
    CHECK(born->GetHint() == "YYYY-MM-DD");

    bool answered = false;
    wxTheApp->CallAfter([&] {
        auto* dialog = find<ui::PreferencesDialog>(nullptr, "preferences");
        auto* order = find<wxChoice>(dialog, "preferences-date-order");
        CHECK(order->GetSelection() == 0);  // the computer's own
        CHECK(order->GetString(1) == "DD/MM/YYYY, e.g. 03/11/2026");
        order->SetSelection(1);
        click(dialog->FindWindow(wxID_OK));
        answered = true;
    });
    frame->ProcessCommand(wxID_PREFERENCES);
    REQUIRE(answered);
    CHECK(settings::dateOrder.read(settings) == "day-month-year");
    CHECK(born->GetHint() == "DD/MM/YYYY");
    CHECK(find<wxTextCtrl>(frame, "taken-on")->GetHint() == "Taken on, DD/MM/YYYY");

    typeInto(born, "3/11/1980");
    click(find<wxButton>(frame, "save-details"));
    auto* message = find<wxStaticText>(frame, "member-message");
    CHECK(waitFor([&] { return message->GetLabel().StartsWith("Details saved"); }));
    CHECK(born->GetValue() == "03/11/1980");
    closeFrame(frame);
    auto store = test::openTestStore(service.path);
    CHECK(store.memberDetails(service.members[0])->dateOfBirth == "1980-11-03"_date);
}

TEST_CASE("open recent lists the databases signed in to and opens one") {
    SeededService first({"Daniel Hughes"}, "", false);
    SeededService second({"Aaron Price"}, "", false);
    settings::MemoryStore settings;
    auto* frame = openWithSettings(settings, first.path);
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    REQUIRE(frame->beginOpen(second.path));
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    CHECK(settings::readRecentDatabases(settings) ==
          std::vector<std::string>{std::filesystem::absolute(second.path).string(),
                                   std::filesystem::absolute(first.path).string()});
    // The menu is filled as it opens: the newest first, by file name and folder.
    auto* file = frame->GetMenuBar()->GetMenu(0);
    wxMenuEvent opening(wxEVT_MENU_OPEN, 0, file);
    file->ProcessEvent(opening);
    auto* recent =
        file->FindItem(frame->GetMenuBar()->FindMenuItem("File", "Open recent"))->GetSubMenu();
    REQUIRE(recent->GetMenuItemCount() == 2);
    CHECK(recent->FindItemByPosition(1)->GetItemLabelText().utf8_string().starts_with(
        "2 service.rtdb   (" + first.dir.path().string()));
    frame->ProcessCommand(wxID_FILE2);
    CHECK(frame->isLocked());
    CHECK(frame->workspace()->path() == first.path);
    closeFrame(frame);
}

TEST_CASE("an administrator sets the service's settings, kept with the records for everyone") {
    SeededService service({"Daniel Hughes"}, "", false);
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(service.path));
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    showPage(frame, frame->usersPanel());
    auto* open = find<wxButton>(frame, "open-service-settings");
    REQUIRE(open->IsEnabled());  // an administrator's
    bool answered = false;
    whenShown("service-settings", [&](wxWindow* dialog) {
        auto* below = find<wxSpinCtrl>(dialog, "rating-alert-below");
        CHECK(below->GetValue() == 40);  // the default
        CHECK(find<wxSpinCtrl>(dialog, "catch-up-share")->GetValue() == 50);
        below->SetValue(30);
        auto* reviews = find<wxCheckBox>(dialog, "service-notes-need-review");
        CHECK_FALSE(reviews->GetValue());
        click(reviews);
        CHECK(waitFor([&] { return reviews->GetValue(); }));
        CHECK(ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-service-settings.png"));
        click(dialog->FindWindow(wxID_OK));
        answered = true;
    });
    click(open);
    REQUIRE(answered);
    CHECK(waitFor([&] {
        return find<wxStaticText>(frame, "users-message")->GetLabel() ==
               "The service's settings are saved.";
    }));
    closeFrame(frame);
    // Kept in the database, as two recorded changes (the others were left as they were).
    auto store = openTestStore(service.path);
    practice::Practice practice(store, programme());
    CHECK(practice.servicePercent(practice::kRatingAlertBelow) == 30);
    CHECK(practice.servicePercent(practice::kCatchUpShare) == 50);
    CHECK(practice.reviewsRequired());
    CHECK(rawTexts(service.path,
                   "SELECT name FROM record_settings WHERE scope = 'service' ORDER BY id") ==
          std::vector<std::string>{"rating-alert-below-percent", "notes-need-review"});
}

TEST_CASE("an administrator restores a backup from the window, and a refused one changes nothing") {
    SeededService service({"Daniel Hughes"}, "", false);
    settings::MemoryStore settings;
    auto* frame = openWithSettings(settings, service.path);
    signInToGroupPage(frame);
    const auto backup = service.dir / "backup.rtdb";
    REQUIRE(frame->backupTo(backup));
    // A member added after the backup: gone from the database once it is restored, kept in
    // the file put aside.
    {
        auto* name = find<wxTextCtrl>(frame, "new-member-name");
        typeInto(name, "Aaron Price");
        click(find<wxButton>(frame, "add-member"));
        CHECK(waitFor([&] { return find<wxListBox>(frame, "members")->GetCount() == 2; }));
    }

    // A wrong passphrase for the backup: refused, the database opened again as it was.
    CHECK_FALSE(frame->restoreFrom(backup, kTestLogin, "not the passphrase"));
    CHECK(frame->noticeText().starts_with("The backup was not restored: "));
    CHECK(frame->isLocked());
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    CHECK(waitFor([&] { return find<wxListBox>(frame, "members")->GetCount() == 2; }));

    CHECK(frame->restoreFrom(backup, kTestLogin, kTestPassphrase));
    CHECK(frame->noticeText().starts_with("Restored from " + backup.string()));
    CHECK(frame->noticeText().find("is kept as") != std::string::npos);
    CHECK(find<wxTextCtrl>(frame, "sign-in-passphrase")->IsShownOnScreen());
    pump(300);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-restored.png"));
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    CHECK(waitFor([&] { return find<wxListBox>(frame, "members")->GetCount() == 1; }));
    closeFrame(frame);
}

namespace {

/// The shown controls of `page` that a person cannot reach in `frame`: outside the window and
/// not inside a scrolled window that could bring them into view, squeezed smaller than their
/// text, or a list or reading pane squeezed too small to show a line.
std::vector<std::string> outOfReach(wxWindow* frame, wxWindow* page) {
    std::vector<std::string> names;
    // The page clips what lies beyond it, and the window the page.
    const auto visible = frame->GetScreenRect().Intersect(page->GetScreenRect());
    // Inside a scrolled window a control may lie beyond the window, but not be squeezed.
    std::function<void(wxWindow*, bool)> walk = [&](wxWindow* window, bool scrolls) {
        for (auto* child : window->GetChildren()) {
            if (!child->IsShown())
                continue;
            const auto rect = child->GetScreenRect();
            if (dynamic_cast<wxScrolledWindow*>(child)) {
                // Whatever lies inside scrolls into view: the scrolled window must show.
                if (!scrolls && !visible.Contains(rect))
                    names.push_back(child->GetName().utf8_string());
                walk(child, true);
                continue;
            }
            // A button, choice or check box squeezed below its natural width is cut off too.
            const bool fixedWidth = dynamic_cast<wxButton*>(child) ||
                                    dynamic_cast<wxCheckBox*>(child) ||
                                    dynamic_cast<wxChoice*>(child);
            const auto* text = dynamic_cast<wxTextCtrl*>(child);
            const bool area = dynamic_cast<wxListCtrl*>(child) || (text && text->IsMultiLine());
            const bool squeezed = (fixedWidth && rect.width < child->GetBestSize().x - 4) ||
                                  (area && (rect.width < 120 || rect.height < 40));
            const bool beyond =
                !scrolls && rect.width > 0 && rect.height > 0 && !visible.Contains(rect);
            if (squeezed || beyond)
                names.push_back(child->GetName().utf8_string() + " (" +
                                child->GetLabel().utf8_string() + ")");
            walk(child, scrolls);
        }
    };
    walk(page, dynamic_cast<wxScrolledWindow*>(page) != nullptr);
    return names;
}

}  // namespace

TEST_CASE("every page of the main window can be used at 1024x768 and 1366x768") {
    SeededService service({"Daniel Hughes", "Aaron Price", "Ben Carter", "Colin Dawson",
                           "Edward Fox", "Frank Green", "George Hill", "Henry Irwin"},
                          "framework-01", true);
    settings::MemoryStore settings;
    auto* frame = openWithSettings(settings, {});
    // The session open, its register showing, a member's note beside it.
    auto* registerList = openFirstSession(frame, service.path, 8);
    // Under GDK_SCALE=2 (a ctest entry of its own) the sizes are the window's own pixels, each
    // drawn as four on the screen.
    const auto scale = frame->GetContentScaleFactor();
    std::string scaled;  // appended, not "-" + text: GCC 12 warns (-Wrestrict) about that
    if (scale > 1)
        scaled.append("-").append(std::to_string(int(scale * 100))).append("pct");
    INFO("scale " << scale);
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(300);
        // The whole group's register shows without scrolling.
        showPage(frame, frame->sessionPanel());
        pump(100);
        wxRect last;
        REQUIRE(registerList->GetItemRect(7, last));
        CHECK_MESSAGE(last.GetBottom() < registerList->GetClientSize().y,
                      "the register shows fewer than 8 members at " << size.x << "x768");
        // Each page, and each tab of a page that has them (the member's sections).
        auto checkShown = [&](wxWindow* page, const std::string& title) {
            pump(300);
            auto cut = outOfReach(frame, page);
            std::string names;
            for (const auto& name : cut)
                names += name + "; ";
            CHECK_MESSAGE(cut.empty(),
                          "at " << size.x << "x" << size.y << " on " << title << ": " << names);
            CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-fit-" + title + "-" +
                                                std::to_string(size.x) + "x768" + scaled + ".png"));
        };
        for (int page = 0; page < static_cast<int>(frame->pages()->GetPageCount()); ++page) {
            frame->pages()->SetSelection(page);
            const auto title = frame->pages()->GetPageText(page).utf8_string();
            checkShown(frame->pages()->GetPage(page), title);
            auto* tabs = dynamic_cast<wxNotebook*>(
                wxWindow::FindWindowByName("member-sections", frame->pages()->GetPage(page)));
            for (int tab = 1; tabs && tab < static_cast<int>(tabs->GetPageCount()); ++tab) {
                tabs->SetSelection(tab);
                checkShown(frame->pages()->GetPage(page),
                           title + "-" + tabs->GetPageText(tab).utf8_string());
            }
            if (tabs)
                tabs->SetSelection(0);
        }
    }
    closeFrame(frame);
}

TEST_CASE("the main window fits the screen and opens as it was left") {
    const auto area = wxDisplay(0u).GetClientArea();
    settings::MemoryStore settings;
    // Remembered from a larger monitor: cut to this screen.
    settings::windowWidth.write(settings, area.width + 1000);
    settings::windowHeight.write(settings, area.height + 1000);
    auto* frame = openWithSettings(settings, {});
    CHECK(area.Contains(frame->GetScreenRect()));
    frame->SetSize(wxSize(1100, 700));
    pump(300);
    closeFrame(frame);
    CHECK(settings::windowWidth.read(settings) == 1100);
    CHECK(settings::windowHeight.read(settings) == 700);

    frame = ui::showMainWindow(programme(), settings, {}, records::KeyDerivation::fast);
    pump(300);
    CHECK(frame->GetSize() == wxSize(1100, 700));
    closeFrame(frame);
}

TEST_CASE("when no administrator can sign in, the recovery key adds one from the sign-in page") {
    test::TempDir dir;
    const auto path = dir / "service.rtdb";
    const auto recoveryKey = records::RecordStore::create(
                                 path, {kTestLogin, kTestPassphrase, records::KeyDerivation::fast})
                                 .recoveryKey;
    settings::MemoryStore settings;
    auto* frame = openWithSettings(settings, path);
    click(find<wxButton>(frame, "sign-in-lost"));
    auto* key = find<wxTextCtrl>(frame, "recover-key");
    REQUIRE(waitFor([&] { return key->IsShownOnScreen(); }));
    auto* page = key->GetParent();
    auto fill = [&](const char* typedKey) {
        typeInto(key, typedKey);
        typeInto(find<wxTextCtrl>(page, "recover-login"), "morgan");
        typeInto(find<wxTextCtrl>(page, "recover-passphrase"), "a new long passphrase");
        typeInto(find<wxTextCtrl>(page, "recover-repeat"), "a new long passphrase");
        click(find<wxButton>(page, "recover"));
    };
    fill("AAAA-BBBB");
    auto* message = find<wxStaticText>(page, "recover-message");
    CHECK(waitFor([&] { return message->GetLabel().Contains("That recovery key is not right."); }));
    CHECK(frame->isLocked());
    CHECK(key->GetValue() == "AAAA-BBBB");  // kept to be put right; the passphrases are not
    CHECK(find<wxTextCtrl>(page, "recover-passphrase")->GetValue().empty());
    // Under GDK_SCALE=2 (a ctest entry of its own) the sizes are the window's own pixels, each
    // drawn as four on the screen.
    const auto scale = frame->GetContentScaleFactor();
    std::string scaled;  // appended, not "-" + text: GCC 12 warns (-Wrestrict) about that
    if (scale > 1)
        scaled.append("-").append(std::to_string(int(scale * 100))).append("pct");
    INFO("scale " << scale);
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(300);
        CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-recover-access-" +
                                            std::to_string(size.x) + "x768.png"));
    }
    fill(recoveryKey.c_str());
    CHECK(waitFor([&] { return !frame->isLocked(); }));
    CHECK(frame->workspace()->currentUser()->login == "morgan");
    CHECK(frame->workspace()->currentUser()->role == records::Role::administrator);
    CHECK(frame->noticeText().starts_with("The recovery key added morgan as an administrator"));
    CHECK(key->GetValue().empty());
    closeFrame(frame);
}

TEST_CASE("the main window's named controls have names of their own") {
    // Tests and refusals find a control by its name (Guarded.h): two controls with one name,
    // on different pages, would send a refusal or a test's typing to the wrong one.
    auto* frame = showFrame();
    std::map<std::string, int> seen;
    std::function<void(wxWindow*)> walk = [&](wxWindow* window) {
        for (auto* child : window->GetChildren()) {
            const auto name = child->GetName().utf8_string();
            if (name.find('-') != std::string::npos)  // ours; wx's own are single words
                ++seen[name];
            walk(child);
        }
    };
    walk(frame);
    CHECK(seen.size() > 50);
    for (const auto& [name, count] : seen)
        CHECK_MESSAGE(count == 1, name << " names " << count << " controls");
    closeFrame(frame);
}

TEST_CASE("a team's records on a server open by their connection, and are backed up there") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    {
        auto created = database.createStore();
        auto group = created.store.addGroup("Tuesday group", records::GroupKind::treatment);
        created.store.addMember(group, "Sam Clarke", "2026-11-01"_date);
    }
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(database.clientConnection()));
    CHECK(frame->GetTitle().utf8_string() == "Roundtable - " + database.clientConnection());
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(300);
        CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-server-sign-in-" +
                                            std::to_string(size.x) + "x768.png"));
    }
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    CHECK(waitFor([&] { return find<wxListBox>(frame, "members")->GetCount() == 1; }));
    const auto& bar = *frame->GetMenuBar();
    CHECK(enabled(frame, bar.FindMenuItem("View", "Session")));
    CHECK_FALSE(enabled(frame, bar.FindMenuItem("File", "Back up...")));
    CHECK_FALSE(enabled(frame, bar.FindMenuItem("File", "Restore from a backup...")));
    CHECK_FALSE(frame->notice()->IsShown());  // no reminder to back up what the server keeps
    closeFrame(frame);
}

TEST_CASE(
    "a mark made on another computer shows in the open register within two seconds, and "
    "the note being typed stays") {
    for (const bool onServer : {false, true}) {
        if (onServer && !test::testServerAvailable())
            continue;
        CAPTURE(onServer);
        // The service on a file, then on the test server (its stores made where the suites' are).
        if (onServer)
            ::setenv("ROUNDTABLE_TEST_ENGINE", "postgresql", 1);
        SeededService service({"Daniel Hughes", "Ravi Chandra"}, "framework-01", true);
        ::unsetenv("ROUNDTABLE_TEST_ENGINE");
        const auto location =
            onServer ? test::clientConnectionFor(service.path) : service.path.string();
        auto* frame = showFrame();
        auto* registerList = openFirstSession(frame, location, 2);
        auto* text = find<wxTextCtrl>(frame, "note-text");
        typeInto(text, "Quiet today.");
        {
            // Another computer, with its own sign-in, marks the second man late.
            auto other = records::RecordStore::openLocation(location);
            other.unlock(kTestLogin, kTestPassphrase);
            other.markAttendance(service.session,
                                 {service.members[1], records::Attendance::late, "Bus", {}, {}});
        }
        const auto shown = std::chrono::steady_clock::now();
        CHECK(waitFor([&] { return registerList->GetItemText(1, 2).Lower().Contains("late"); }));
        CHECK(std::chrono::steady_clock::now() - shown < std::chrono::milliseconds(2200));
        CHECK(text->GetValue() == "Quiet today.");
        CHECK(registerList->GetItemState(0, wxLIST_STATE_SELECTED) == wxLIST_STATE_SELECTED);
        closeFrame(frame);
    }
}

TEST_CASE(
    "the server stopped while a note is typed: the window says so, the note is kept on this "
    "computer, encrypted, and saved as a draft when the server is back") {
    if (!test::testServerAvailable())
        return;
    test::OwnTestServer server;  // stopped and started by this test alone
    ::setenv("ROUNDTABLE_TEST_ENGINE", "postgresql", 1);
    SeededService service({"Daniel Hughes", "Ravi Chandra"}, "framework-01", true);
    ::unsetenv("ROUNDTABLE_TEST_ENGINE");
    const auto location = test::clientConnectionFor(service.path);
    test::TempDir keptFolder;
    auto* frame = showFrame();
    frame->keepNotesWhileAwayIn(keptFolder.path());
    auto* registerList = openFirstSession(frame, location, 2);
    auto* text = find<wxTextCtrl>(frame, "note-text");
    typeInto(text, "Quiet today.");

    server.pause();
    REQUIRE(waitFor([&] { return frame->serverAway(); }));
    CHECK(frame->noticeText().starts_with("The server holding the records cannot be reached."));
    // Typing goes on while the server is away.
    typeInto(text, "Quiet today. He asked about the rules.");
    const std::string typed = text->GetValue().utf8_string();
    auto kept = frame->workspace()->keptNote(frame->keptNotesFolder());
    CHECK(waitFor([&] {
        auto note = kept.kept();
        return note && note->content.text == typed && note->member == service.members[0];
    }));
    // Saving now says why it cannot, and keeps the text where it is.
    click(find<wxButton>(frame, "save-note"));
    CHECK(find<wxStaticText>(frame, "session-message")
              ->GetLabel()
              .utf8_string()
              .find("This was not done: the server holding the records cannot be reached") !=
          std::string::npos);
    CHECK(text->GetValue().utf8_string() == typed);
    CHECK(registerList->GetItemCount() == 2);  // what was shown stays shown
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(300);
        CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-server-away-" +
                                            std::to_string(size.x) + "x768.png"));
    }

    server.resume();
    CHECK(waitFor([&] { return !frame->serverAway(); }));
    CHECK(frame->noticeText() ==
          "The server can be reached again. The note you typed meanwhile is saved as a draft.");
    CHECK_FALSE(std::filesystem::exists(kept.file()));
    CHECK(text->GetValue().utf8_string() == typed);
    {
        // Another computer sees the draft on the server.
        auto other = records::RecordStore::openLocation(location);
        other.unlock(kTestLogin, kTestPassphrase);
        auto note = other.note(service.session, service.members[0]);
        REQUIRE(note);
        CHECK(note->state == records::NoteState::draft);
        CHECK(note->content.text == typed);
    }
    closeFrame(frame);
}

TEST_CASE("File > Open from a server asks for the connection, and says plainly what is not one") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    (void)database.createStore();
    auto* frame = showFrame();
    const int command = frame->GetMenuBar()->FindMenuItem("File", "Open from a server...");
    REQUIRE(command != wxNOT_FOUND);
    auto openFromServer = [&](const std::string& typed) {
        bool answered = false;
        whenShown("open-from-server", [&](wxWindow* dialog) {
            auto* asking = dynamic_cast<wxTextEntryDialog*>(dialog);
            REQUIRE(asking);
            asking->SetValue(wxString::FromUTF8(typed));
            pump(100);
            CHECK(
                ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-open-from-server.png"));
            click(dialog->FindWindow(wxID_OK));
            answered = true;
        });
        wxCommandEvent event(wxEVT_MENU, command);
        frame->ProcessWindowEvent(event);
        REQUIRE(answered);
    };

    openFromServer("records.rtdb");
    CHECK(frame->lastError() ==
          "That is not a server connection. It starts with postgresql:// or is written as "
          "name=value, such as service=clinic.");
    openFromServer("  " + database.clientConnection() + " ");
    CHECK(frame->GetTitle().utf8_string() == "Roundtable - " + database.clientConnection());
    signInThroughPage(frame);
    CHECK(waitFor([&] { return !frame->isLocked(); }));
    closeFrame(frame);
}
