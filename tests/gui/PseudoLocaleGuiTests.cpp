// Nothing the window shows is left hard-coded in English: run under the pseudo-locale en@pseudo
// (the build's catalog, which wraps every translated message in ⟦ ⟧; see po/CMakeLists.txt), the
// test walks the pages a person reaches, and the dialogs and the module editor, and names every
// label, button, check box, box title, tab and list column heading without the marker. User data
// (names, dates, numbers, the curriculum's own text) is not translated and is left out by name.
// Its own ctest entry sets LANGUAGE=en@pseudo and ROUNDTABLE_LOCALEDIR (tests/CMakeLists.txt);
// without them it checks nothing.
#include <doctest/doctest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/infobar.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/radiobut.h>
#include <wx/simplebook.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/stockitem.h>
#include <wx/treectrl.h>

#include <cctype>
#include <cstdlib>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "gui/GuiDriver.h"
#include "practice/Practice.h"
#include "text/Translate.h"
#include "ui/ModuleEditor.h"
#include "ui/PreferencesDialog.h"
#include "ui/Screenshot.h"
#include "ui/SessionPanel.h"

using namespace roundtable;
using namespace roundtable::test;

namespace {

const std::string kOpen = "\u27E6";  // ⟦

/// Whether the suite runs under the pseudo-locale (its own ctest entry); otherwise it says so and
/// checks nothing, so that a run of every GUI test in English does not fail here.
bool underPseudoLocale() {
    const char* language = std::getenv("LANGUAGE");
    return language && std::string(language) == "en@pseudo" &&
           std::string(text::tr("Sign in")).starts_with(kOpen);
}

/// Texts that are not the app's words: data a person typed or the programme's own text.
struct NotTranslated {
    std::set<std::string> texts;  ///< exactly these (names, file names, titles)
    std::set<std::string> controlNames{
        "check-key",           // the recovery key's check key: hexadecimal digits
        "session-date-words",  // a date, as the system's locale writes it
        "recovery-key",        // the key itself
        // The curriculum's own text in a session's content (SessionContentView): its title,
        // paragraphs, list items and easy-read points, and a missing picture's name; and a
        // list's bullet, a sign in every language.
        "content-title",
        "content-text",
        "content-item",
        "content-point",
        "content-missing-picture",
        "content-bullet",
    };
};

bool isNumberOrEmpty(const std::string& text) {
    for (char c : text) {
        if (!(std::isdigit(static_cast<unsigned char>(c)) ||
              std::isspace(static_cast<unsigned char>(c)) || c == '%' || c == ':' || c == '-' ||
              c == '.'))
            return false;
    }
    return true;
}

/// What one window shows in words, each with where it is (its class and name).
struct Shown {
    std::string text;
    std::string where;
};

/// Every label, button, check box, box title, tab title and column heading under `top`, shown
/// or not (a hidden label is shown at another moment). Skips text fields, trees and choices
/// (data), and wx's own stock buttons (OK, Cancel: wxWidgets' catalog translates them).
void collect(wxWindow* window, std::vector<Shown>& found) {
    for (auto* child : window->GetChildren()) {
        const auto name = child->GetName().utf8_string();
        const auto where =
            wxString(child->GetClassInfo()->GetClassName()).utf8_string() + " " + name;
        if (dynamic_cast<wxTextCtrl*>(child) || dynamic_cast<wxTreeCtrl*>(child))
            continue;
        if (auto* button = dynamic_cast<wxButton*>(child)) {
            if (!wxIsStockID(button->GetId()) ||
                !wxIsStockLabel(button->GetId(), button->GetLabel()))
                found.push_back({button->GetLabel().utf8_string(), where});
        } else if (auto* box = dynamic_cast<wxCheckBox*>(child)) {
            found.push_back({box->GetLabel().utf8_string(), where});
        } else if (auto* radio = dynamic_cast<wxRadioButton*>(child)) {
            found.push_back({radio->GetLabel().utf8_string(), where});
        } else if (auto* staticBox = dynamic_cast<wxStaticBox*>(child)) {
            found.push_back({staticBox->GetLabel().utf8_string(), where});
        } else if (auto* label = dynamic_cast<wxStaticText*>(child)) {
            found.push_back({label->GetLabel().utf8_string(), where});
        } else if (auto* list = dynamic_cast<wxListCtrl*>(child); list && list->InReportView()) {
            for (int column = 0; column < list->GetColumnCount(); ++column) {
                wxListItem heading;
                heading.SetMask(wxLIST_MASK_TEXT);
                list->GetColumn(column, heading);
                found.push_back({heading.GetText().utf8_string(), where + " column"});
            }
        }
        if (auto* notebook = dynamic_cast<wxNotebook*>(child)) {
            for (std::size_t page = 0; page < notebook->GetPageCount(); ++page)
                found.push_back({notebook->GetPageText(page).utf8_string(), where + " tab"});
        }
        collect(child, found);
    }
}

void collectMenus(const wxMenu& menu, const std::string& where, std::vector<Shown>& found) {
    for (const auto* item : menu.GetMenuItems()) {
        if (item->IsSeparator())
            continue;
        found.push_back({item->GetItemLabelText().utf8_string(), where + " menu item"});
        // wx's own help for a stock command (Undo, Close...) is wxWidgets' to translate.
        const bool stockHelp =
            wxIsStockID(item->GetId()) && item->GetHelp() == wxGetStockHelpString(item->GetId());
        if (!item->GetHelp().empty() && !stockHelp)
            found.push_back({item->GetHelp().utf8_string(), where + " help"});
        if (item->IsSubMenu())
            collectMenus(*item->GetSubMenu(), where, found);
    }
}

void collectMenuBar(const wxMenuBar& bar, const std::string& where, std::vector<Shown>& found) {
    for (std::size_t i = 0; i < bar.GetMenuCount(); ++i) {
        found.push_back({bar.GetMenuLabelText(i).utf8_string(), where + " menu"});
        collectMenus(*bar.GetMenu(i), where, found);
    }
}

/// `text` with each run of white space (a label wrapped to its width) as one space.
std::string unwrapped(const std::string& text) {
    std::string one;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!one.empty() && one.back() != ' ')
                one.push_back(' ');
        } else {
            one.push_back(c);
        }
    }
    return one;
}

/// Adds to `untranslated` each text of `shown` without the marker that is not data.
void check(const std::vector<Shown>& shown, const NotTranslated& data, const std::string& page,
           std::set<std::string>& untranslated) {
    for (const auto& [text, where] : shown) {
        if (isNumberOrEmpty(text) || text.find(kOpen) != std::string::npos ||
            data.texts.contains(unwrapped(text)))
            continue;
        const auto name = where.substr(where.find(' ') + 1);
        if (data.controlNames.contains(name.substr(0, name.find(' '))))
            continue;
        untranslated.insert(page + ": \"" + text + "\" (" + where + ")");
    }
}

void checkWindow(wxWindow* top, const NotTranslated& data, const std::string& page,
                 std::set<std::string>& untranslated) {
    std::vector<Shown> shown;
    collect(top, shown);
    check(shown, data, page, untranslated);
}

}  // namespace

TEST_CASE("under the pseudo-locale every label the window shows is translated") {
    if (!underPseudoLocale()) {
        MESSAGE("not under the pseudo-locale (LANGUAGE=en@pseudo, ROUNDTABLE_LOCALEDIR): skipped");
        return;
    }
    SeededService service({"Daniel Hughes", "Aaron Price"}, "framework-01", true);
    NotTranslated data;
    // The product's name, the people's and the group's names, the programme's own words.
    data.texts = {"Roundtable",  kTestLogin, "Daniel Hughes",
                  "Aaron Price", "Group",    unwrapped(std::string(programme().title))};
    for (const auto& module : programme().modules) {
        for (const auto& indicator : module.indicators)
            data.texts.insert(unwrapped(std::string(indicator.label)));
    }
    std::set<std::string> untranslated;

    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    pump(300);
    checkWindow(frame, data, "welcome", untranslated);

    // A new database: the form, then its recovery key.
    TempDir dir;
    frame->beginCreate(dir / "new.rtdb");
    pump(300);
    checkWindow(frame, data, "new database", untranslated);
    typeInto(find<wxTextCtrl>(frame, "setup-login"), kTestLogin);
    typeInto(find<wxTextCtrl>(frame, "setup-passphrase"), kTestPassphrase);
    typeInto(find<wxTextCtrl>(frame, "setup-repeat"), kTestPassphrase);
    click(find<wxButton>(frame, "setup-create"));
    REQUIRE(waitFor([&] { return find<wxButton>(frame, "recovery-done")->IsShownOnScreen(); }));
    checkWindow(frame, data, "recovery key", untranslated);
    closeFrame(frame);

    // The seeded service: sign-in, the recovery page, then the work pages with a session open.
    frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    REQUIRE(frame->beginOpen(service.path));
    pump(300);
    checkWindow(frame, data, "sign in", untranslated);
    click(find<wxButton>(frame, "sign-in-lost"));
    REQUIRE(waitFor([&] { return find<wxTextCtrl>(frame, "recover-key")->IsShownOnScreen(); }));
    checkWindow(frame, data, "recover access", untranslated);
    click(find<wxButton>(frame, "recover-back"));
    REQUIRE(waitFor([&] { return find<wxTextCtrl>(frame, "sign-in-login")->IsShownOnScreen(); }));

    settings::MemoryStore settings;  // Preferences edits this computer's settings
    frame->useSettings(settings);
    openFirstSession(frame, service.path, 2);
    for (int page = 0; page < static_cast<int>(frame->pages()->GetPageCount()); ++page) {
        frame->pages()->SetSelection(page);
        pump(300);
        checkWindow(frame, data, frame->pages()->GetPageText(page).utf8_string(), untranslated);
    }
    showPage(frame, frame->sessionPanel());  // the session, its register and note
    frame->SetSize(wxSize(1366, 768));
    pump(400);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-pseudo-locale-1366x768.png"));

    // Session mode (F5), its first activity with the LISTEN prompt: the curriculum's words are
    // data, everything around them the app's.
    click(find<wxButton>(frame, "session-mode-button"));
    wxWindow* sessionMode = nullptr;
    REQUIRE(waitFor([&] {
        sessionMode = wxWindow::FindWindowByName("session-mode");
        return sessionMode && sessionMode->IsShownOnScreen();
    }));
    pump(300);
    NotTranslated curriculumWords = data;
    for (const char* name :
         {"session-mode-title", "session-mode-guidance-text", "session-mode-prompt-title",
          "session-mode-prompt-text", "session-mode-activity-1", "session-mode-activity-2",
          "session-mode-activity-3", "session-mode-activity-4", "session-mode-activity-5"})
        curriculumWords.controlNames.insert(name);
    checkWindow(sessionMode, curriculumWords, "session mode", untranslated);
    CHECK(ui::saveScreenshot(sessionMode,
                             ROUNDTABLE_SCREENSHOT_DIR "/gui-pseudo-locale-session-mode.png"));
    sessionMode->Close();
    REQUIRE(waitFor([] { return wxWindow::FindWindowByName("session-mode") == nullptr; }));

    // Every menu of the main window, with the help of each command.
    std::vector<Shown> menus;
    collectMenuBar(*frame->GetMenuBar(), "main window", menus);
    check(menus, data, "menus", untranslated);
    // The texts the window sets itself: its status bar and its notice bar.
    check({{frame->GetStatusBar()->GetStatusText().utf8_string(), "main window status bar"}}, data,
          "status bar", untranslated);

    // Edit > Preferences, answered as it opens (it is modal).
    bool answered = false;
    wxTheApp->CallAfter([&] {
        auto* dialog = find<ui::PreferencesDialog>(nullptr, "preferences");
        checkWindow(dialog, data, "preferences", untranslated);
        if (dialog->GetTitle().utf8_string().find(kOpen) == std::string::npos)
            untranslated.insert("preferences: its title \"" + dialog->GetTitle().utf8_string() +
                                "\"");
        dialog->EndModal(wxID_CANCEL);
        answered = true;
    });
    frame->ProcessCommand(wxID_PREFERENCES);
    CHECK(answered);

    // The module editor, on the first module, with its own menus.
    auto* tree = find<wxTreeCtrl>(frame, "curriculum-tree");
    clickTreeItem(tree, treeItem(tree, 0, 0));
    auto* editor = frame->editSelectedModule();
    REQUIRE(editor);
    REQUIRE(waitFor([&] { return editor->IsShownOnScreen(); }));
    pump(300);
    checkWindow(editor, data, "module editor", untranslated);
    std::vector<Shown> editorMenus;
    collectMenuBar(*editor->GetMenuBar(), "module editor", editorMenus);
    check(editorMenus, data, "module editor", untranslated);
    editor->Close(true);
    pump(200);
    closeFrame(frame);

    std::string all;
    for (const auto& each : untranslated)
        all.append("\n  ").append(each);
    CHECK_MESSAGE(untranslated.empty(), untranslated.size() << " texts are not translated:" << all);
}
