// The group's year at a glance, driven as a facilitator would: from the Group page to the grid,
// each mark's letter (and colour) in its cell, the late entries starred, the rates, and a cell
// opening its session on that member; the catch-ups, one planned from the list and gone from it
// once he attends; the home page the window opens on, a line of which opens the note it names; and
// a clinical lead returning a note from her home page, and its author seeing why.
#include <doctest/doctest.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dialog.h>
#include <wx/display.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "gui/GuiDriver.h"
#include "practice/Practice.h"
#include "support/RawSql.h"
#include "support/TestStore.h"
#include "ui/GroupPanel.h"
#include "ui/HomePanel.h"
#include "ui/MainFrame.h"
#include "ui/Screenshot.h"
#include "ui/SessionPanel.h"
#include "ui/WxText.h"

using namespace roundtable;
using namespace roundtable::test;
using records::Attendance;

namespace {
/// The main window at 1366x768 on the Group page of the database at `path`, signed in.
ui::MainFrame* groupPageOf(const std::filesystem::path& path) {
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    REQUIRE(frame->beginOpen(path));
    signInToGroupPage(frame);
    return frame;
}
}  // namespace

TEST_CASE("the year at a glance shows each mark by its letter and opens a cell's session on him") {
    TempDir dir;
    const auto path = dir / "service.rtdb";
    records::SessionId second = 0;
    {
        // Marks taken on the day, except the second session's, entered two days late.
        records::SetClock clock(practice::localTimeOn("2026-11-03"_date, 13, 0));
        auto store = createTestStore(path);
        store.useClock(clock);
        practice::Practice practice(store, programme());
        auto group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
        auto daniel = practice.addMember(group, "Daniel Hughes", "2026-11-01");
        auto aaron = practice.addMember(group, "Aaron Price", "2026-11-01");
        auto first = practice.planSession(group, "framework-01", "2026-11-03");
        practice.recordAttendance(first, daniel, Attendance::attended, "");
        practice.recordAttendance(first, aaron, Attendance::absentAuthorised, "Unwell");
        practice.markDelivered(first);
        second = practice.planSession(group, "framework-02", "2026-11-10");
        clock.set(practice::localTimeOn("2026-11-12"_date, 9, 0));
        practice.recordAttendance(second, daniel, Attendance::late, "Bus");
        practice.recordAttendance(second, aaron, Attendance::attended, "");
        practice.markDelivered(second);
        practice.planSession(group, "relationships-01", "2026-11-17");  // not yet held
    }
    auto* frame = groupPageOf(path);
    bool looked = false;
    whenShown("register-grid-dialog", [&](wxWindow* dialog) {
        auto* grid = find<wxGrid>(dialog, "register-grid");
        // Row 0 names the module over its sessions; rows 1-2 the men; the last row and column
        // the rates.
        CHECK(grid->GetCellValue(0, 0) == "framework");
        int rows = 0, columns = 0;
        grid->GetCellSize(0, 0, &rows, &columns);
        CHECK(columns == 2);
        CHECK(grid->GetCellValue(0, 2) == "relationships");
        CHECK(grid->GetRowLabelValue(1).StartsWith("R0001  Daniel Hughes"));
        CHECK(grid->GetCellValue(1, 0) == "P");
        CHECK(grid->GetCellValue(2, 0) == "A");
        CHECK(grid->GetCellValue(1, 1) == "L*");  // entered after the session's day
        CHECK(grid->GetCellValue(2, 1) == "P*");
        CHECK(grid->GetCellValue(1, 2) == "");  // not held yet
        CHECK(grid->GetCellValue(1, 3) == "2/2 (100%)");
        CHECK(grid->GetCellValue(2, 3) == "1/2 (50%)");
        CHECK(grid->GetCellValue(3, 0) == "1/2");
        CHECK(grid->GetCellBackgroundColour(1, 0) != grid->GetCellBackgroundColour(2, 0));
        CHECK(ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-year-at-a-glance.png"));
        looked = true;
        // Aaron at the second session.
        wxGridEvent event(grid->GetId(), wxEVT_GRID_CELL_LEFT_DCLICK, grid, 2, 1);
        grid->GetEventHandler()->ProcessEvent(event);
    });
    click(find<wxButton>(frame, "open-register-grid"));
    REQUIRE(waitFor(
        [&] { return looked && frame->pages()->GetCurrentPage() == frame->sessionPanel(); }));
    CHECK(frame->sessionPanel()->currentSession() == second);
    auto* registerList = find<wxListCtrl>(frame, "register");
    const long selected = registerList->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    REQUIRE(selected >= 0);
    CHECK(registerList->GetItemText(selected) == "R0002");  // Aaron's code
    closeFrame(frame);
}

TEST_CASE(
    "a year of 52 sessions and 12 members stays readable at 1366x768 and 1024x768, its labels in "
    "view") {
    TempDir dir;
    const auto path = dir / "service.rtdb";
    {
        // Written once the year is over: a session is marked as taken place on its day or later.
        records::SetClock yearEnd(practice::localTimeOn("2027-01-04"_date, 9, 0));
        auto store = createTestStore(path);
        store.useClock(yearEnd);
        practice::Practice practice(store, programme());
        auto group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
        std::vector<records::MemberId> members;
        for (int m = 0; m < 12; ++m)
            members.push_back(
                practice.addMember(group, "Member " + std::to_string(m + 1), "2026-01-01"));
        std::vector<std::string> sessionIds;
        for (const auto& module : programme().modules) {
            if (module.phase != curriculum::Phase::treatment)
                continue;
            for (const auto& session : module.sessions)
                sessionIds.emplace_back(session.id);
        }
        for (int s = 0; s < 52; ++s) {  // the treatment sessions, then the first again
            auto session = practice.planSession(
                group, sessionIds[static_cast<std::size_t>(s) % sessionIds.size()],
                "2026-01-06"_date.plusDays(7 * s).iso());
            for (int m = 0; m < 12; ++m) {
                const bool away = (s + m) % 9 == 0;
                practice.recordAttendance(
                    session, members[static_cast<std::size_t>(m)],
                    away ? Attendance::absentAuthorised : Attendance::attended,
                    away ? "Unwell" : "");
            }
            practice.markDelivered(session);
        }
    }
    auto* frame = groupPageOf(path);
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(300);
        const auto suffix = std::string("-").append(std::to_string(size.x)).append("x768.png");
        bool looked = false;
        whenShown("register-grid-dialog", [&](wxWindow* dialog) {
            auto* grid = find<wxGrid>(dialog, "register-grid");
            CHECK(grid->GetNumberCols() == 53);  // 52 sessions and the rates
            CHECK(grid->GetNumberRows() == 14);  // the modules, 12 men, the rates
            CHECK(wxDisplay(0u).GetClientArea().Contains(dialog->GetScreenRect()));
            CHECK(dialog->GetScreenRect().Contains(
                wxWindow::FindWindowById(wxID_CLOSE, dialog)->GetScreenRect()));
            // Every man's row shows without scrolling down.
            CHECK(grid->IsVisible(12, 0, false));
            CHECK(ui::saveScreenshot(dialog,
                                     ROUNDTABLE_SCREENSHOT_DIR "/gui-year-52-start" + suffix));
            // Scrolled to the year's end: the members' labels are still there.
            grid->MakeCellVisible(12, 52);
            pump(200);
            CHECK(grid->IsVisible(12, 52, false));
            CHECK(grid->GetRowLabelSize() > 0);
            CHECK(
                ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-year-52-end" + suffix));
            looked = true;
            dynamic_cast<wxDialog*>(dialog)->EndModal(wxID_CLOSE);
        });
        click(find<wxButton>(frame, "open-register-grid"));
        REQUIRE(waitFor([&] { return looked; }));
    }
    closeFrame(frame);
}

TEST_CASE("the home page after sign-in lists a note not yet written and opens it") {
    TempDir dir;
    const auto path = dir / "service.rtdb";
    records::SessionId held = 0, next = 0;
    const auto today = practice::today();
    {
        auto store = createTestStore(path);
        practice::Practice practice(store, programme());
        auto group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
        auto daniel = practice.addMember(group, "Daniel Hughes", today.plusDays(-30).iso());
        held = practice.planSession(group, "framework-01", today.plusDays(-3).iso());
        practice.recordAttendance(held, daniel, Attendance::attended, "");
        practice.markDelivered(held);
        next = practice.planSession(group, "framework-02", today.plusDays(4).iso());
    }
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(path));
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    // What the window opens on.
    CHECK(frame->pages()->GetCurrentPage() == static_cast<wxWindow*>(frame->homePanel()));
    auto* notes = find<wxListCtrl>(frame, "home-notes");
    REQUIRE(notes->GetItemCount() == 1);
    CHECK(notes->GetItemText(0, 1) == "R0001  Daniel Hughes");
    CHECK(notes->GetItemText(0, 2) == "not begun, overdue by 3 days");
    auto* sessions = find<wxListCtrl>(frame, "home-sessions");
    REQUIRE(sessions->GetItemCount() == 1);
    CHECK(sessions->GetItemText(0, 2) == "Making our group rules");
    // Before the group's first measures are taken, they are listed as due.
    CHECK(find<wxListCtrl>(frame, "home-measures")->GetItemCount() == 3);
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(400);
        CHECK(notes->GetScreenRect().GetRight() <= frame->GetScreenRect().GetRight());
        CHECK(ui::saveScreenshot(frame, std::string(ROUNDTABLE_SCREENSHOT_DIR) + "/gui-home-" +
                                            std::to_string(size.x) + "x768.png"));
    }

    // Enter on the line opens the session on him, ready for his note.
    clickListRow(notes, 0);
    wxUIActionSimulator().Char(WXK_RETURN);
    REQUIRE(waitFor([&] {
        return frame->pages()->GetCurrentPage() == static_cast<wxWindow*>(frame->sessionPanel());
    }));
    CHECK(frame->sessionPanel()->currentSession() == held);
    auto* registerList = find<wxListCtrl>(frame, "register");
    const long selected = registerList->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    REQUIRE(selected == 0);
    CHECK(registerList->GetItemText(selected) == "R0001");  // Daniel's code
    typeInto(find<wxTextCtrl>(frame, "note-text"), "Took part in agreeing the rules.");
    chooseItem(find<wxChoice>(frame, "note-participation"), 1);  // took a full part
    click(find<wxButton>(frame, "sign-note"));
    // Signed three days after the session: a late entry, and marked so.
    CHECK(waitFor([&] { return registerList->GetItemText(0, 3).StartsWith("signed"); }));

    // Back on the home page, the signed note is no longer owed.
    showPage(frame, frame->homePanel());
    CHECK(waitFor([&] { return notes->GetItemCount() == 0; }));
    CHECK_FALSE(notes->IsShown());
    CHECK(frame->homePanel()->page().sessions.front().session.id == next);
    closeFrame(frame);
}

TEST_CASE(
    "a catch-up is planned from the list, opens on his register line, and once he attends "
    "it is caught up") {
    TempDir dir;
    const auto path = dir / "service.rtdb";
    {
        auto store = createTestStore(path);
        practice::Practice practice(store, programme());
        auto group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
        auto daniel = practice.addMember(group, "Daniel Hughes", "2026-11-01");
        auto aaron = practice.addMember(group, "Aaron Price", "2026-11-01");
        auto first = practice.planSession(group, "framework-01", "2026-11-03");
        practice.recordAttendance(first, daniel, Attendance::attended, "");
        practice.recordAttendance(first, aaron, Attendance::absentAuthorised, "Unwell");
        practice.markDelivered(first);
    }
    auto* frame = groupPageOf(path);
    bool planned = false;
    whenShown("catch-up-dialog", [&](wxWindow* dialog) {
        auto* byMember = find<wxListCtrl>(dialog, "catch-ups-by-member");
        REQUIRE(byMember->GetItemCount() == 1);
        CHECK(byMember->GetItemText(0, 0) == "R0002");
        CHECK(byMember->GetItemText(0, 3) == "absent");
        CHECK(byMember->GetItemText(0, 4) == "-");
        // The group-wide view names him under the session.
        auto* bySession = find<wxListCtrl>(dialog, "catch-ups-by-session");
        REQUIRE(bySession->GetItemCount() == 1);
        CHECK(bySession->GetItemText(0, 2) == "R0002");
        CHECK_FALSE(find<wxButton>(dialog, "plan-catch-up")->IsEnabled());
        clickListRow(byMember, 0);
        find<wxDatePickerCtrl>(dialog, "catch-up-date")->SetValue(ui::toWx("2026-11-05"_date));
        click(find<wxButton>(dialog, "plan-catch-up"));
        REQUIRE(waitFor([&] { return byMember->GetItemText(0, 4).StartsWith("planned for"); }));
        CHECK(find<wxStaticText>(dialog, "catch-up-message")
                  ->GetLabel()
                  .StartsWith("Catch-up planned for R0002"));
        CHECK(ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-catch-ups.png"));
        planned = true;
        // The line stays chosen, ready to open.
        CHECK(find<wxButton>(dialog, "open-catch-up")->IsEnabled());
        click(find<wxButton>(dialog, "open-catch-up"));
    });
    click(find<wxButton>(frame, "open-catch-ups"));
    REQUIRE(waitFor(
        [&] { return planned && frame->pages()->GetCurrentPage() == frame->sessionPanel(); }));
    // Its register lists Aaron alone; he attends and the session is marked as held.
    auto* registerList = find<wxListCtrl>(frame, "register");
    REQUIRE(registerList->GetItemCount() == 1);
    CHECK(registerList->GetItemText(0) == "R0002");
    clickListRow(registerList, 0);
    click(find<wxButton>(frame, "mark-attended"));
    REQUIRE(waitFor([&] { return registerList->GetItemText(0, 2) != ""; }));
    auto* whoRanIt = find<wxCheckBox>(frame, ("facilitator-" + std::string(kTestLogin)).c_str());
    click(whoRanIt);  // so marking it held asks nothing
    REQUIRE(waitFor([&] { return whoRanIt->GetValue(); }));
    click(find<wxButton>(frame, "mark-delivered"));
    pump(300);
    showPage(frame, frame->groupPanel());
    frame->SetSize(wxSize(1024, 768));  // a small laptop
    pump(300);
    bool looked = false;
    whenShown("catch-up-dialog", [&](wxWindow* dialog) {
        auto* byMember = find<wxListCtrl>(dialog, "catch-ups-by-member");
        REQUIRE(byMember->GetItemCount() == 1);
        CHECK(byMember->GetItemText(0, 3) == "caught up");
        CHECK(byMember->GetItemText(0, 4).StartsWith("held"));
        CHECK(find<wxListCtrl>(dialog, "catch-ups-by-session")->GetItemCount() == 0);
        CHECK(wxDisplay(0u).GetClientArea().Contains(dialog->GetScreenRect()));
        CHECK(ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-catch-ups-1024x768.png"));
        looked = true;
        dynamic_cast<wxDialog*>(dialog)->EndModal(wxID_CLOSE);
    });
    click(find<wxButton>(frame, "open-catch-ups"));
    REQUIRE(waitFor([&] { return looked; }));
    closeFrame(frame);
}

TEST_CASE(
    "a clinical lead returns a note with a comment from her home page, and its author sees "
    "why") {
    TempDir dir;
    const auto path = dir / "service.rtdb";
    records::SessionId held = 0;
    {
        auto store = createTestStore(path);
        practice::Practice practice(store, programme());
        practice.setReviewsRequired(true);
        practice.addUser("lena", records::Role::clinicalLead, kTestPassphrase, kTestPassphrase);
        auto group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
        auto daniel = practice.addMember(group, "Daniel Hughes", "2026-11-01");
        held = practice.planSession(group, "framework-01", "2026-11-03");
        practice.recordAttendance(held, daniel, Attendance::attended, "");
        practice.markDelivered(held);
        practice.signNote(held, daniel, {"Took part."});
    }
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    REQUIRE(frame->beginOpen(path));
    signInThroughPage(frame, kTestPassphrase, "lena");
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    auto* reviews = find<wxListCtrl>(frame, "home-reviews");
    REQUIRE(reviews->GetItemCount() == 1);
    CHECK(reviews->GetItemText(0, 1) == "R0001  Daniel Hughes");
    CHECK(reviews->GetItemText(0, 2).StartsWith("by admin, signed"));
    clickListRow(reviews, 0);
    wxUIActionSimulator().Char(WXK_RETURN);
    REQUIRE(waitFor([&] {
        return frame->pages()->GetCurrentPage() == static_cast<wxWindow*>(frame->sessionPanel());
    }));
    CHECK(frame->sessionPanel()->currentSession() == held);
    // Returning without a comment is refused at the comment; with one, it is recorded.
    auto* comment = find<wxTextCtrl>(frame, "review-comment");
    REQUIRE(comment->IsShownOnScreen());
    click(find<wxButton>(frame, "return-note"));
    CHECK(waitFor([&] {
        return find<wxStaticText>(frame, "session-message")
            ->GetLabel()
            .Contains("Say what the author should look at again.");
    }));
    typeInto(comment, "Say how he took part in making the rules.");
    click(find<wxButton>(frame, "return-note"));
    auto* history = find<wxTextCtrl>(frame, "note-amendments");
    REQUIRE(
        waitFor([&] { return history->GetValue().Contains("Returned to its author by lena"); }));
    CHECK(history->GetValue().Contains("Say how he took part in making the rules."));
    CHECK_FALSE(find<wxTextCtrl>(frame, "review-comment")->IsShownOnScreen());
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-note-returned-1366x768.png"));
    showPage(frame, frame->homePanel());
    CHECK(waitFor([&] { return reviews->GetItemCount() == 0; }));
    closeFrame(frame);

    // Its author signs in: the note returned to him, with the comment.
    frame = showFrame();
    frame->SetSize(wxSize(1024, 768));
    REQUIRE(frame->beginOpen(path));
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    auto* returned = find<wxListCtrl>(frame, "home-returned");
    REQUIRE(returned->GetItemCount() == 1);
    CHECK(returned->GetItemText(0, 3) == "Say how he took part in making the rules.");
    CHECK_FALSE(find<wxListCtrl>(frame, "home-reviews")->IsShown());  // he is no reviewer
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-home-returned-1024x768.png"));
    closeFrame(frame);
    CHECK(rawCount(path,
                   "SELECT COUNT(*) FROM audit_events WHERE kind = 'return-note' AND "
                   "login = 'lena'") == 1);
}
