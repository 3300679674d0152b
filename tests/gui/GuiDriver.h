// Driving the real main window under Xvfb as a person would (wxUIActionSimulator): waiting,
// finding controls by name, clicking, typing and choosing; and the window and databases the
// GUI tests start from. Shared by the GUI suite's files.
#pragma once

#include <doctest/doctest.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "curriculum/Programme.h"
#include "records/Types.h"
#include "settings/Settings.h"
#include "support/TempDir.h"
#include "support/TestStore.h"
#include "ui/MainFrame.h"

namespace roundtable::test {

/// Lets wx process events for `milliseconds`.
void pump(int milliseconds);
/// Pumps events until `done` is true or five seconds pass; returns `done()`.
bool waitFor(const std::function<bool()>& done);

template <typename Control>
Control* find(wxWindow* top, const char* name) {
    auto* window = wxWindow::FindWindowByName(name, top);
    REQUIRE_MESSAGE(window, "no control named " << name);
    auto* control = dynamic_cast<Control*>(window);
    REQUIRE_MESSAGE(control, name << " is not of the expected type");
    return control;
}

/// Runs `answer` on the window named `name` as soon as it is shown (a modal dialog about to
/// be opened, which blocks the test until `answer` closes it).
void whenShown(const char* name, std::function<void(wxWindow*)> answer);
void clickAt(const wxPoint& screenPoint);
/// Presses `key` with `modifiers` (wxMOD_CONTROL and the like) where the focus is.
void press(int key, int modifiers = wxMOD_NONE);
/// Types `text` where the focus is.
void typeHere(const char* text);
/// How many clicks and key presses the driver has made since the program started; typed text
/// (typeInto, typeHere) is not counted, the click that puts the focus in its field is.
[[nodiscard]] long inputsMade();
/// Scrolls a long form so that `control` shows, as a person would before clicking it.
void scrollIntoView(wxWindow* control);
void click(wxWindow* control);
void typeInto(wxTextCtrl* field, const char* text);
void clickListRow(wxListCtrl* list, long row);
void clickTreeItem(wxTreeCtrl* tree, const wxTreeItemId& item);
wxTreeItemId treeItem(wxTreeCtrl* tree, int moduleIndex, int sessionIndex);
/// Clicks tab number `index` of a notebook, finding it along the tab strip.
void clickTab(wxNotebook* notebook, int index);
/// Chooses item `index` of a choice with the keyboard, as a user would: click it open, move
/// up or down from the item chosen (or the first) and press Enter.
void chooseItem(wxChoice* choice, int index);

/// The programme shipped in content-xml/, loaded once.
const curriculum::Programme& programme();
/// The settings the windows of showFrame print with (the service's details and paper).
settings::SettingsStore& printSettings();
/// A main window at the screen's corner, printing with printSettings and the shipped pictures.
ui::MainFrame* showFrame();
void closeFrame(ui::MainFrame* frame);
/// Types the user name and passphrase into the sign-in page and presses Sign in.
void signInThroughPage(ui::MainFrame* frame, const char* passphrase = kTestPassphrase,
                       const char* login = kTestLogin);
/// Brings `page` of the work area (frame->groupPanel() and the like) to the front, as its tab
/// would; the window opens on the home page after sign-in.
void showPage(ui::MainFrame* frame, wxWindow* page);
/// Signs in through the page and waits for the work area, then shows the Group page.
void signInToGroupPage(ui::MainFrame* frame);

/// Opens `path`, signs in, opens the group's first session and selects the first line of
/// its register, which must have `members` lines.
wxListCtrl* openFirstSession(ui::MainFrame* frame, const std::filesystem::path& path, int members);

/// A database with one treatment group, the named members (joined 2026-01-01) and, unless
/// `curriculumSession` is empty, that session planned on 2026-11-03 with every member marked
/// present when `present` is set.
struct SeededService {
    SeededService(std::initializer_list<const char*> names, const std::string& curriculumSession,
                  bool present);
    TempDir dir;
    std::filesystem::path path = dir / "service.rtdb";
    records::GroupId group = 0;
    std::vector<records::MemberId> members;
    records::SessionId session = 0;
};

/// A name the keyboard simulator cannot type.
extern const std::string kAwkwardName;

}  // namespace roundtable::test
