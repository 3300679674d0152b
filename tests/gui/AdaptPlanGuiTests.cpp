// Adapting a session's plan for its group on screen (issue 14, item 4), driven as a facilitator
// would: "Adapt the plan..." (Alt+D) on the session page of a planned session, the worksheet moved
// to second place by Alt+Up and the Move down button, its minutes typed, guidance of the group's
// own and the reason typed (Enter there is a new line, not a save), a refusal shown at the
// reason, then Ctrl+Enter saves. The session page, its plan in full and session mode then follow
// the plan as adapted; the curriculum does not change. Screenshots at 1366x768 and 1024x768.
#include <doctest/doctest.h>
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <string>

#include "gui/GuiDriver.h"
#include "support/RawSql.h"
#include "ui/MainFrame.h"
#include "ui/Screenshot.h"
#include "ui/SessionContentView.h"
#include "ui/SessionModeFrame.h"
#include "ui/WxText.h"

using namespace roundtable;
using namespace roundtable::test;

namespace {

std::string shotName(const char* what, const wxSize& size) {
    return std::string(ROUNDTABLE_SCREENSHOT_DIR "/gui-adapt-plan-") + what + "-" +
           std::to_string(size.x) + "x768.png";
}

}  // namespace

TEST_CASE("a facilitator adapts a planned session's plan for the group, and the page follows it") {
    SeededService service({"Daniel Hughes", "Aaron Price"}, "framework-02", false);
    const auto& curriculum = *programme().findSession("framework-02")->session;
    REQUIRE(curriculum.activities.size() == 6);
    const std::string worksheet(curriculum.activities[4].title);
    REQUIRE(curriculum.activities[4].minutes == 25);
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    openFirstSession(frame, service.path, 2);
    auto* adapt = find<wxButton>(frame, "adapt-plan-button");
    CHECK(adapt->IsEnabled());  // a planned session
    auto* from = find<wxStaticText>(frame, "planned-from");
    CHECK(from->GetLabel() == "from version 1");

    bool saved = false;
    whenShown("adapt-plan-dialog", [&](wxWindow* dialog) {
        auto* list = find<wxListCtrl>(dialog, "adapt-plan");
        REQUIRE(list->GetItemCount() == 6);
        CHECK(ui::fromWx(list->GetItemText(4, 1)) == worksheet);
        CHECK(list->GetItemText(4, 0) == "25");
        auto* total = find<wxStaticText>(dialog, "adapt-total");
        CHECK(total->GetLabel() == "In all 120 minutes, the session's length.");
        for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
            frame->SetSize(size);
            pump(200);
            dialog->CentreOnParent();  // as it opens over a window of that size
            pump(200);
            INFO(size.x << ": the window " << frame->GetScreenRect().x << ","
                        << frame->GetScreenRect().y << " " << frame->GetSize().x << "x"
                        << frame->GetSize().y << ", the dialog " << dialog->GetScreenRect().x << ","
                        << dialog->GetScreenRect().y << " " << dialog->GetSize().x << "x"
                        << dialog->GetSize().y);
            CHECK(wxRect(frame->GetScreenRect()).Contains(dialog->GetScreenRect()));
            CHECK(ui::saveScreenshot(dialog, shotName("dialog", size)));
        }
        // The worksheet first by Alt+Up, then one place later by its button.
        clickListRow(list, 4);
        for (int i = 0; i < 4; ++i)
            press(WXK_UP, wxMOD_ALT);
        CHECK(waitFor([&] { return ui::fromWx(list->GetItemText(0, 1)) == worksheet; }));
        CHECK_FALSE(find<wxButton>(dialog, "adapt-move-up")->IsEnabled());
        click(find<wxButton>(dialog, "adapt-move-down"));
        CHECK(waitFor([&] { return ui::fromWx(list->GetItemText(1, 1)) == worksheet; }));
        CHECK(ui::fromWx(list->GetItemText(0, 1)) == std::string(curriculum.activities[0].title));
        CHECK(list->GetItemState(1, wxLIST_STATE_SELECTED) == wxLIST_STATE_SELECTED);
        // Its minutes typed, the total against the session's length.
        auto* minutes = find<wxSpinCtrl>(dialog, "adapt-minutes");
        CHECK(minutes->GetValue() == 25);
        minutes->SetFocus();
        pump(100);
        press('a', wxMOD_CONTROL);
        typeHere("40");
        CHECK(waitFor([&] { return list->GetItemText(1, 0) == "40"; }));
        CHECK(total->GetLabel() == "In all 135 minutes: 15 over the session's 120.");
        typeInto(find<wxTextCtrl>(dialog, "adapt-guidance"), "Read each question aloud.");
        // Saved without a reason: refused at the reason, nothing lost.
        press(WXK_RETURN, wxMOD_CONTROL);
        auto* message = find<wxStaticText>(dialog, "adapt-message");
        CHECK(waitFor([&] { return message->GetLabel().Contains("say why the plan is adapted"); }));
        CHECK(dialog->IsShown());
        CHECK(list->GetItemText(1, 0) == "40");
        // Enter in the reason is a new line; Ctrl+Enter saves.
        auto* reason = find<wxTextCtrl>(dialog, "adapt-reason");
        typeInto(reason, "Two men read little.");
        press(WXK_RETURN);
        typeHere("The worksheet while they are fresh.");
        CHECK(waitFor([&] {
            return reason->GetValue() ==
                   "Two men read little.\nThe worksheet while they are fresh.";
        }));
        CHECK(dialog->IsShown());
        CHECK(ui::saveScreenshot(dialog, shotName("dialog-filled", wxSize(1024, 768))));
        saved = true;
        press(WXK_RETURN, wxMOD_CONTROL);
    });
    press('d', wxMOD_ALT);  // from the register, where the focus is
    REQUIRE(waitFor([&] { return saved; }));
    CHECK(waitFor([] { return wxWindow::FindWindowByName("adapt-plan-dialog") == nullptr; }));

    // The page shows the plan as it stands, and says who adapted it and why.
    auto* plan = find<wxListCtrl>(frame, "session-plan");
    CHECK(waitFor([&] { return ui::fromWx(plan->GetItemText(1, 1)) == worksheet; }));
    CHECK(plan->GetItemText(1, 0) == "40");
    CHECK(ui::fromWx(plan->GetItemText(2, 1)) == std::string(curriculum.activities[1].title));
    CHECK(from->GetLabel() == "from version 1, adapted for this group");
    CHECK(from->GetToolTipText().StartsWith("Adapted for this group on "));
    CHECK(from->GetToolTipText().EndsWith(
        " by admin: Two men read little.\nThe worksheet while they are fresh."));
    CHECK(plan->GetToolTipText().Contains("\nAdapted for this group on "));
    CHECK(find<wxStaticText>(frame, "session-message")->GetLabel() ==
          "The plan is adapted for this group. The curriculum is not changed.");
    // Its content in full: the curriculum's guidance, then the group's.
    clickListRow(plan, 1);
    auto* content = find<ui::SessionContentView>(frame, "session-content");
    REQUIRE(waitFor([&] { return content->IsShownOnScreen(); }));
    const auto text = content->text();
    CHECK(text.starts_with("2. " + worksheet + "\n"));
    CHECK(text.find("Worksheet, 40 minutes") != std::string::npos);
    const auto own = text.find(std::string(curriculum.activities[4].guidance.front()));
    const auto added = text.find("For this group:\nRead each question aloud.");
    REQUIRE(own != std::string::npos);
    REQUIRE(added != std::string::npos);
    CHECK(own < added);
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(400);
        CHECK(adapt->GetScreenRect().GetRight() <= frame->GetScreenRect().GetRight());
        CHECK(from->GetScreenRect().GetRight() <= frame->GetScreenRect().GetRight());
        CHECK(ui::saveScreenshot(frame, shotName("page", size)));
    }
    // The curriculum is as it was.
    CHECK(curriculum.activities[4].minutes == 25);
    CHECK(std::string(curriculum.activities[1].title) != worksheet);

    // Session mode runs the plan as adapted.
    click(find<wxButton>(frame, "session-mode-button"));
    ui::SessionModeFrame* mode = nullptr;
    REQUIRE(waitFor([&] {
        mode = dynamic_cast<ui::SessionModeFrame*>(wxWindow::FindWindowByName("session-mode"));
        return mode && mode->IsShownOnScreen();
    }));
    const auto& run = mode->run().plan();
    REQUIRE(run.activities.size() == 6);
    CHECK(run.activities[1].title == worksheet);
    CHECK(run.activities[1].minutes == 40);
    CHECK(run.activities[1].guidance.back() == "For this group: Read each question aloud.");
    CHECK(find<wxButton>(mode, "session-mode-activity-2")->GetToolTipText() == ui::toWx(worksheet));
    press('2');  // the worksheet, with the group's guidance after the curriculum's
    CHECK(waitFor([&] { return mode->run().clock().current() == 1; }));
    mode->SetSize(wxSize(1366, 768));
    pump(300);
    CHECK(ui::saveScreenshot(mode, shotName("session-mode", wxSize(1366, 768))));
    press(WXK_ESCAPE);
    CHECK(waitFor([] { return wxWindow::FindWindowByName("session-mode") == nullptr; }));

    // Esc leaves the dialog with nothing written.
    bool left = false;
    whenShown("adapt-plan-dialog", [&](wxWindow* dialog) {
        auto* list = find<wxListCtrl>(dialog, "adapt-plan");
        CHECK(ui::fromWx(list->GetItemText(1, 1)) == worksheet);  // as it stands now
        typeInto(find<wxTextCtrl>(dialog, "adapt-reason"), "Not after all");
        left = true;
        press(WXK_ESCAPE);
    });
    click(adapt);
    REQUIRE(waitFor([&] { return left; }));
    CHECK(waitFor([] { return wxWindow::FindWindowByName("adapt-plan-dialog") == nullptr; }));

    // Once the session did not take place, its plan is no longer adapted.
    typeInto(find<wxTextCtrl>(frame, "not-held-reason"), "Snow");
    click(find<wxButton>(frame, "mark-not-held"));
    CHECK(waitFor([&] { return !adapt->IsEnabled(); }));
    closeFrame(frame);

    auto store = openTestStore(service.path);
    const auto session = store.session(service.session);
    REQUIRE(session.adaptation);
    CHECK(session.adaptation->reason ==
          "Two men read little.\nThe worksheet while they are fresh.");
    CHECK(test::rawCount(service.path, "SELECT COUNT(*) FROM plan_adaptations") == 1);
    CHECK(session.activities[4].minutes == 25);  // the plan as made stays
}
