// Session mode driven as a facilitator would, by keyboard: F5 on the session page opens it on
// the plan's first activity, Space starts its countdown (the clock is a hand-set one, so the test
// says how much time passes and the window's own once-a-second timer shows it), Right and Left
// move, the strip jumps, the prompts from programme.xml show for the check-in and D dismisses
// them for that run, an overrun reads "+m:ss over", and Esc leaves to the session page. Nothing
// about the members is in any of its texts. Screenshots at 1366x768 and 1024x768.
#include <doctest/doctest.h>
#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/tooltip.h>
#include <wx/uiaction.h>

#include <chrono>
#include <string>
#include <vector>

#include "gui/GuiDriver.h"
#include "ui/MainFrame.h"
#include "ui/Screenshot.h"
#include "ui/SessionModeFrame.h"
#include "ui/SessionPanel.h"
#include "ui/WxText.h"

using namespace roundtable;
using namespace roundtable::test;
using namespace std::chrono_literals;

namespace {

ui::SessionModeFrame* openSessionMode() {
    ui::SessionModeFrame* mode = nullptr;
    waitFor([&] {
        mode = dynamic_cast<ui::SessionModeFrame*>(wxWindow::FindWindowByName("session-mode"));
        return mode && mode->IsShownOnScreen();
    });
    REQUIRE(mode);
    pump(300);
    return mode;
}

/// What a label shows, its wrapping undone.
std::string shown(wxWindow* top, const char* name) {
    auto text = find<wxStaticText>(top, name)->GetLabelText();
    text.Replace("\n", " ");
    return ui::fromWx(text);
}

/// Every text a window and its children show: labels, tooltips and the title.
void collectTexts(wxWindow* window, std::string& out) {
    out.append(ui::fromWx(window->GetLabel())).append("\n");
    if (auto* tip = window->GetToolTip())
        out.append(ui::fromWx(tip->GetTip())).append("\n");
    for (auto* child : window->GetChildren())
        collectTexts(child, out);
}

/// Whether `control` lies wholly inside `top`'s client area: nothing of it cut off.
bool fitsIn(wxWindow* top, wxWindow* control) {
    const auto area = top->GetClientRect();
    const auto rect = wxRect(top->ScreenToClient(control->GetScreenPosition()), control->GetSize());
    return area.Contains(rect);
}

}  // namespace

TEST_CASE("session mode runs the plan by keyboard and shows the prompts, and nothing clinical") {
    SeededService service({"Daniel Hughes", "Aaron Price"}, "framework-01", true);
    const auto* planned = programme().findSession("framework-01")->session;
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    auto* registerList = openFirstSession(frame, service.path, 2);
    std::vector<std::string> members;  // codes and names, as the register shows them
    for (long row = 0; row < registerList->GetItemCount(); ++row) {
        members.push_back(ui::fromWx(registerList->GetItemText(row, 0)));
        members.push_back(ui::fromWx(registerList->GetItemText(row, 1)));
    }
    REQUIRE(members.size() == 4);
    CHECK(find<wxButton>(frame, "session-mode-button")->IsEnabled());

    press(WXK_F5);  // the focus is in the register, on the session page
    auto* mode = openSessionMode();
    std::chrono::milliseconds now{5'000'000};
    mode->useClock([&now] { return now; });

    const auto& first = planned->activities[0];
    REQUIRE(first.kind == "check-in");
    CHECK(shown(mode, "session-mode-title") == std::string(first.title));
    CHECK(shown(mode, "session-mode-position") ==
          "Activity 1 of " + std::to_string(planned->activities.size()) + ": check-in, " +
              std::to_string(first.minutes) + " minutes");
    CHECK(shown(mode, "session-mode-countdown") == "20:00");
    CHECK(shown(mode, "session-mode-state") == "Press Space to start");
    CHECK(shown(mode, "session-mode-next") ==
          "Next: " + std::string(planned->activities[1].title) + " (" +
              std::to_string(planned->activities[1].minutes) + " minutes)");
    // The guidance, "adapt" and "watch for" of the curriculum's activity.
    std::string guidance;
    collectTexts(find<wxWindow>(mode, "session-mode-guidance"), guidance);
    for (char& c : guidance) {
        if (c == '\n')
            c = ' ';
    }
    CHECK(guidance.find(std::string(first.guidance[0].substr(0, 40))) != std::string::npos);
    CHECK(guidance.find("Adapt") != std::string::npos);
    CHECK(guidance.find(std::string(first.watch.substr(0, 40))) != std::string::npos);
    // The check-in's prompts from programme.xml: the LISTEN reminders first.
    auto* prompt = find<wxWindow>(mode, "session-mode-prompt");
    CHECK(prompt->IsShown());
    CHECK(shown(mode, "session-mode-prompt-title") == "Listening well: LISTEN");
    CHECK(shown(mode, "session-mode-prompt-text").starts_with("Look: "));

    // Nothing about the members anywhere in session mode's texts.
    std::string everything;
    collectTexts(mode, everything);
    for (const auto& member : members) {
        CAPTURE(member);
        CHECK(everything.find(member) == std::string::npos);
    }
    CHECK(everything.find("Daniel") == std::string::npos);

    // Large, readable and whole at 1366x768 and at 1024x768.
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        mode->SetSize(size);
        pump(500);
        CAPTURE(size.x);
        for (const char* name :
             {"session-mode-title", "session-mode-countdown", "session-mode-state",
              "session-mode-next", "session-mode-clock", "session-mode-keys",
              "session-mode-dismiss", "session-mode-activity-1", "session-mode-activity-5"}) {
            CAPTURE(name);
            CHECK(fitsIn(mode, find<wxWindow>(mode, name)));
        }
        CHECK(find<wxWindow>(mode, "session-mode-title")->GetFont().GetPointSize() >=
              2 * frame->GetFont().GetPointSize());
        // The LISTEN reminders whole in their box; each activity's label inside its button.
        CHECK(fitsIn(find<wxWindow>(mode, "session-mode-prompt-scroll"),
                     find<wxWindow>(mode, "session-mode-prompt-text")));
        for (std::size_t i = 1; i <= planned->activities.size(); ++i) {
            auto* button =
                find<wxButton>(mode, ("session-mode-activity-" + std::to_string(i)).c_str());
            CAPTURE(ui::fromWx(button->GetLabel()));
            CHECK(button->GetTextExtent(button->GetLabel()).x < button->GetClientSize().x);
        }
        CHECK(ui::saveScreenshot(mode, ROUNDTABLE_SCREENSHOT_DIR "/gui-session-mode-" +
                                           std::to_string(size.x) + "x768.png"));
    }
    mode->SetSize(wxSize(1366, 768));
    pump(300);

    // Space starts the countdown; the window's timer shows the time the clock says has passed.
    press(' ');
    CHECK(mode->run().clock().running());
    now += 65s;
    CHECK(waitFor([&] { return shown(mode, "session-mode-countdown") == "18:55"; }));
    CHECK(shown(mode, "session-mode-state") == "Running");
    CHECK(shown(mode, "session-mode-clock")
              .starts_with("Session clock 1:05 of 2:00:00, 1:58:55 to the planned end"));

    // D dismisses the LISTEN reminders; the check-in prompt follows, then none.
    press('d');
    CHECK(shown(mode, "session-mode-prompt-title") == "Check-in");
    press('d');
    CHECK_FALSE(prompt->IsShown());

    // Right: the next activity, its own countdown running on; Left: back, its time kept.
    press(WXK_RIGHT);
    CHECK(shown(mode, "session-mode-title") == std::string(planned->activities[1].title));
    CHECK(shown(mode, "session-mode-countdown") ==
          std::to_string(planned->activities[1].minutes) + ":00");
    CHECK(mode->run().clock().running());
    press(WXK_LEFT);
    CHECK(shown(mode, "session-mode-title") == std::string(first.title));
    CHECK(shown(mode, "session-mode-countdown") == "18:55");
    CHECK_FALSE(prompt->IsShown());  // dismissed for this activity in this run

    // Over its time: shown calmly, as time over.
    now += 20min;
    CHECK(waitFor([&] { return shown(mode, "session-mode-countdown") == "+1:05 over"; }));
    CHECK(shown(mode, "session-mode-state") == "Over its time: Right moves on");
    CHECK(ui::saveScreenshot(mode, ROUNDTABLE_SCREENSHOT_DIR "/gui-session-mode-over.png"));

    // The strip jumps: by its button, and by the activity's number.
    click(find<wxButton>(mode, "session-mode-activity-4"));
    CHECK(waitFor([&] { return mode->run().clock().current() == 3; }));
    CHECK(shown(mode, "session-mode-title") == std::string(planned->activities[3].title));
    press('2');
    CHECK(mode->run().clock().current() == 1);
    // Space pauses.
    press(' ');
    CHECK_FALSE(mode->run().clock().running());
    CHECK(shown(mode, "session-mode-state") == "Paused: Space goes on");

    everything.clear();
    collectTexts(mode, everything);
    for (const auto& member : members)
        CHECK(everything.find(member) == std::string::npos);

    // Esc leaves, back to the session page.
    press(WXK_ESCAPE);
    CHECK(waitFor([] { return wxWindow::FindWindowByName("session-mode") == nullptr; }));
    CHECK(frame->sessionPanel()->IsShownOnScreen());
    CHECK(find<wxListCtrl>(frame, "register")->GetItemCount() == 2);

    // Opened again from its button: a new run, with its prompts back.
    click(find<wxButton>(frame, "session-mode-button"));
    mode = openSessionMode();
    CHECK(mode->run().clock().current() == 0);
    CHECK(find<wxWindow>(mode, "session-mode-prompt")->IsShown());
    CHECK(shown(mode, "session-mode-prompt-title") == "Listening well: LISTEN");
    // Locking (by hand or when idle) leaves it running: it holds nothing about the members,
    // and the room keeps its clock.
    press(' ');
    frame->lock();
    pump(300);
    REQUIRE(frame->isLocked());
    CHECK(wxWindow::FindWindowByName("session-mode") == mode);
    CHECK(mode->run().clock().running());
    // The lock puts the keyboard on the sign-in page; session mode brought forward again (a
    // click does it where a window manager runs; Xvfb has none) has it back.
    mode->Raise();
    pump(300);
    press(WXK_ESCAPE);
    CHECK(waitFor([] { return wxWindow::FindWindowByName("session-mode") == nullptr; }));
    CHECK(find<wxWindow>(frame, "sign-in-passphrase")->IsShownOnScreen());
    closeFrame(frame);
}

TEST_CASE("in session mode, J jots a few words against a man by his code, for his note") {
    SeededService service({"Daniel Hughes", "Aaron Price"}, "framework-01", true);
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    openFirstSession(frame, service.path, 2);
    press(WXK_F5);
    auto* mode = openSessionMode();
    bool jotted = false;
    whenShown("jot", [&](wxWindow* jot) {
        // Codes only: the room may see this screen.
        std::string texts;
        collectTexts(jot, texts);
        auto* list = find<wxListBox>(jot, "jot-members");
        for (unsigned i = 0; i < list->GetCount(); ++i)
            texts.append(ui::fromWx(list->GetString(i))).append("\n");
        CHECK(texts.find("R0002") != std::string::npos);
        CHECK(texts.find("Aaron") == std::string::npos);
        CHECK(texts.find("Daniel") == std::string::npos);
        press(WXK_RETURN);  // nothing chosen by number: the first man, and nothing typed
        press(WXK_RETURN);
        CHECK(waitFor([&] {
            return find<wxStaticText>(jot, "jot-message")->GetLabel() ==
                   "Please write a few words to jot down.";
        }));
        find<wxListBox>(jot, "jot-members")->SetFocus();
        press('2');
        CHECK(wxWindow::FindFocus() == find<wxTextCtrl>(jot, "jotting"));
        typeHere("Quiet today");
        CHECK(ui::saveScreenshot(jot, ROUNDTABLE_SCREENSHOT_DIR "/gui-jot.png"));
        press(WXK_RETURN);
        jotted = true;
    });
    press('j');
    REQUIRE(waitFor([&] { return jotted && wxWindow::FindWindowByName("jot") == nullptr; }));
    CHECK(wxWindow::FindWindowByName("session-mode") == mode);  // still running the session
    press(WXK_ESCAPE);
    CHECK(waitFor([] { return wxWindow::FindWindowByName("session-mode") == nullptr; }));
    closeFrame(frame);
    auto store = openTestStore(service.path);
    auto jottings = store.jottingsOf(service.session);
    REQUIRE(jottings.size() == 1);
    CHECK(jottings[0].memberId == service.members[1]);
    CHECK(jottings[0].text == "Quiet today");
}
