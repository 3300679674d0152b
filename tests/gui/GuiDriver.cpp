// The GUI suite's driver (GuiDriver.h): waits and clicks as TOOLCHAIN.md found reliable
// under Xvfb (move to the control's centre, pump ~20 ms, click, then poll for the effect).
#include "gui/GuiDriver.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/scrolwin.h>
#include <wx/timer.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <algorithm>
#include <chrono>

#include "curriculum/ProgrammeLoader.h"
#include "practice/Practice.h"
#include "ui/GroupPanel.h"

namespace roundtable::test {

void pump(int milliseconds) {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
    while (std::chrono::steady_clock::now() < end) {
        wxYield();
        wxMilliSleep(5);
    }
}

bool waitFor(const std::function<bool()>& done) {
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!done() && std::chrono::steady_clock::now() < end)
        pump(20);
    return done();
}

void whenShown(const char* name, std::function<void(wxWindow*)> answer) {
    // A timer, not CallAfter: events posted while pending events are handled would be handled
    // in the same pass, and a test waiting for a window would never yield to it.
    auto* timer = new wxTimer;
    timer->Bind(wxEVT_TIMER, [timer, name, answer = std::move(answer)](wxTimerEvent&) {
        auto* window = wxWindow::FindWindowByName(name);
        if (!window || !window->IsShownOnScreen())
            return;
        timer->Stop();
        pump(200);  // drawn before it is looked at
        answer(window);
        // Only now: this handler belongs to the timer.
        wxTheApp->CallAfter([timer] { delete timer; });
    });
    timer->Start(50);
}

namespace {
long inputs = 0;
}  // namespace

long inputsMade() {
    return inputs;
}

void press(int key, int modifiers) {
    ++inputs;
    wxUIActionSimulator().Char(key, modifiers);
    pump(150);
}

void typeHere(const char* text) {
    wxUIActionSimulator().Text(text);
    pump(80);
}

void clickAt(const wxPoint& screenPoint) {
    ++inputs;
    wxUIActionSimulator simulator;
    simulator.MouseMove(screenPoint);
    pump(30);
    simulator.MouseClick();
    pump(80);
}

void scrollIntoView(wxWindow* control) {
    // As a person scrolls a long form to reach a field: a scrolled window shows the child that
    // takes the focus.
    for (auto* parent = control->GetParent(); parent; parent = parent->GetParent()) {
        if (!dynamic_cast<wxScrolledWindow*>(parent))
            continue;
        if (!parent->GetScreenRect().Contains(control->GetScreenRect())) {
            control->SetFocus();
            pump(80);
        }
        return;
    }
}
void click(wxWindow* control) {
    pump(30);  // let any layout change settle before reading where the control is
    REQUIRE(control->IsEnabled());
    scrollIntoView(control);
    auto rect = control->GetScreenRect();
    clickAt(rect.GetPosition() + wxSize(rect.width / 2, rect.height / 2));
}

void typeInto(wxTextCtrl* field, const char* text) {
    click(field);
    field->SelectAll();
    wxUIActionSimulator().Text(text);
    INFO("typed into " << field->GetName() << ": " << field->GetValue());
    CHECK(waitFor([&] { return field->GetValue() == text; }));
}

void clickListRow(wxListCtrl* list, long row) {
    wxRect rect;
    REQUIRE(list->GetItemRect(row, rect));
    if (!list->GetClientRect().Contains(rect)) {
        // Scrolled to first, as a person would (one more action).
        ++inputs;
        list->EnsureVisible(row);
        pump(150);
        REQUIRE(list->GetItemRect(row, rect));
    }
    clickAt(list->ClientToScreen(rect.GetPosition() + wxSize(40, rect.height / 2)));
    CHECK(waitFor([&] { return list->GetItemState(row, wxLIST_STATE_SELECTED) != 0; }));
}

void clickTreeItem(wxTreeCtrl* tree, const wxTreeItemId& item) {
    tree->EnsureVisible(item);
    pump(100);
    wxRect rect;
    REQUIRE(tree->GetBoundingRect(item, rect, true));
    clickAt(tree->ClientToScreen(rect.GetPosition() + wxSize(rect.width / 2, rect.height / 2)));
    CHECK(waitFor([&] { return tree->GetSelection() == item; }));
}

wxTreeItemId treeItem(wxTreeCtrl* tree, int moduleIndex, int sessionIndex) {
    wxTreeItemIdValue cookie;
    auto module = tree->GetFirstChild(tree->GetRootItem(), cookie);
    for (int i = 0; i < moduleIndex; ++i)
        module = tree->GetNextChild(tree->GetRootItem(), cookie);
    tree->Expand(module);
    wxTreeItemIdValue sessionCookie;
    auto session = tree->GetFirstChild(module, sessionCookie);
    for (int i = 0; i < sessionIndex; ++i)
        session = tree->GetNextChild(module, sessionCookie);
    return session;
}

const curriculum::Programme& programme() {
    static const auto loaded = curriculum::loadProgramme(ROUNDTABLE_CONTENT);
    REQUIRE(loaded.ok());
    return *loaded.programme;
}

settings::SettingsStore& printSettings() {
    static settings::MemoryStore store;
    return store;
}

ui::MainFrame* showFrame() {
    auto* frame = new ui::MainFrame(programme(), records::KeyDerivation::fast);
    frame->enablePrinting(printSettings(), std::filesystem::path(ROUNDTABLE_CONTENT) / "pictures");
    frame->SetPosition(wxPoint(0, 0));
    frame->Show();
    frame->Raise();
    pump(700);
    return frame;
}

void closeFrame(ui::MainFrame* frame) {
    frame->Close(true);
    pump(300);
}

void signInThroughPage(ui::MainFrame* frame, const char* passphrase, const char* login) {
    typeInto(find<wxTextCtrl>(frame, "sign-in-login"), login);
    typeInto(find<wxTextCtrl>(frame, "sign-in-passphrase"), passphrase);
    click(find<wxButton>(frame, "sign-in"));
}

void chooseItem(wxChoice* choice, int index) {
    click(choice);
    pump(200);
    wxUIActionSimulator simulator;
    const int from = std::max(0, choice->GetSelection());
    for (int i = from; i != index; i += (i < index ? 1 : -1)) {
        ++inputs;
        simulator.Char(i < index ? WXK_DOWN : WXK_UP);
        pump(40);
    }
    ++inputs;
    simulator.Char(WXK_RETURN);
    CHECK(waitFor([&] { return choice->GetSelection() == index; }));
    pump(100);
}

void showPage(ui::MainFrame* frame, wxWindow* page) {
    frame->pages()->SetSelection(static_cast<std::size_t>(frame->pages()->FindPage(page)));
    pump(200);
}

void signInToGroupPage(ui::MainFrame* frame) {
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    showPage(frame, frame->groupPanel());
}

wxListCtrl* openFirstSession(ui::MainFrame* frame, const std::filesystem::path& path, int members) {
    REQUIRE(frame->beginOpen(path));
    signInToGroupPage(frame);
    clickListRow(find<wxListCtrl>(frame, "sessions"), 0);
    click(find<wxButton>(frame, "open-session"));
    auto* registerList = find<wxListCtrl>(frame, "register");
    CHECK(waitFor([&] { return registerList->GetItemCount() == members; }));
    clickListRow(registerList, 0);
    return registerList;
}

SeededService::SeededService(std::initializer_list<const char*> names,
                             const std::string& curriculumSession, bool present) {
    auto store = createTestStore(path);
    practice::Practice practice(store, programme());
    group = practice.createGroup("Group", records::GroupKind::treatment);
    for (const char* name : names)
        members.push_back(practice.addMember(group, name, "2026-01-01"));
    if (curriculumSession.empty())
        return;
    session = practice.planSession(group, curriculumSession, "2026-11-03");
    for (auto member : members) {
        if (present)
            practice.recordAttendance(session, member, records::Attendance::attended, "");
    }
}

void clickTab(wxNotebook* notebook, int index) {
    auto strip = notebook->GetScreenRect();
    for (int x = 20; x < 700 && notebook->GetSelection() != index; x += 15)
        clickAt(strip.GetPosition() + wxSize(x, 15));
    REQUIRE(notebook->GetSelection() == index);
}

const std::string kAwkwardName = "Zo\xC3\xAB O'Brien \xE2\x80\x93 Caf\xC3\xA9";

}  // namespace roundtable::test
