// A member's progress, driven as a facilitator would: from the Group page to his record, then
// its Progress tab: the sessions he attended of those delivered by module, his ratings and his
// scores, in tables and charts drawn at the screen's scale; the look audited only when the tab
// was opened. Photographed at 1366x768 and 1024x768.
#include <doctest/doctest.h>
#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cmath>

#include "gui/GuiDriver.h"
#include "practice/Practice.h"
#include "support/RawSql.h"
#include "support/TestStore.h"
#include "ui/ChartView.h"
#include "ui/MainFrame.h"
#include "ui/MemberPanel.h"
#include "ui/Screenshot.h"
#include "ui/WxText.h"

using namespace roundtable;
using namespace roundtable::test;
using records::Attendance;

namespace {

constexpr int kProgressTab = 5;

/// Daniel at three framework sessions (late at one, leaving early at another) and one of two
/// relationships sessions, rated in signed notes, with scores before and after.
void writeDanielsYear(const std::filesystem::path& path) {
    auto store = createTestStore(path);
    practice::Practice practice(store, programme());
    auto group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
    auto daniel = practice.addMember(group, "Daniel Hughes", "2026-09-01");
    auto aaron = practice.addMember(group, "Aaron Price", "2026-09-01");
    const std::vector<std::pair<const char*, Attendance>> weeks{
        {"framework-01", Attendance::attended},
        {"framework-02", Attendance::late},
        {"framework-03", Attendance::leftEarly},
        {"relationships-01", Attendance::attended},
        {"relationships-02", Attendance::absentAuthorised}};
    for (std::size_t week = 0; week < weeks.size(); ++week) {
        auto session = practice.planSession(
            group, weeks[week].first, "2026-09-08"_date.plusDays(7 * static_cast<int>(week)).iso());
        const auto status = weeks[week].second;
        practice.recordAttendance(session, daniel, status,
                                  records::wasPresent(status) ? "" : "Unwell");
        practice.recordAttendance(session, aaron, Attendance::attended, "");
        practice.markDelivered(session);
        if (!records::wasPresent(status))
            continue;
        records::NoteContent note("Took part.");
        const auto rating = static_cast<int>(std::min<std::size_t>(week + 1, 3));
        for (const auto& indicator : practice.indicatorsFor(session))
            note.ratings.push_back({std::string(indicator.id), rating});
        practice.signNote(session, daniel, note);
        practice.recordCheckIn(session, daniel, static_cast<int>(week) + 2, "");
    }
    practice.recordOutcomeScore(daniel, "sexual-knowledge", "before", "2026-09-01", 41);
    practice.recordOutcomeScore(daniel, "sexual-knowledge", "after", "2026-10-20", 58);
    practice.recordOutcomeScore(daniel, "cognitive-distortions", "before", "2026-09-01", 62);
    practice.recordOutcomeScore(daniel, "cognitive-distortions", "after", "2026-10-20", 45);
}

}  // namespace

TEST_CASE("a member's Progress tab shows his attendance by module, ratings and scores") {
    TempDir dir;
    const auto path = dir / "service.rtdb";
    writeDanielsYear(path);
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    REQUIRE(frame->beginOpen(path));
    signInToGroupPage(frame);
    auto* members = find<wxListBox>(frame, "members");
    REQUIRE(waitFor([&] { return members->GetCount() == 2; }));
    clickAt(members->GetScreenPosition() + wxSize(40, 10));  // Daniel, the first line
    CHECK(waitFor([&] { return members->GetSelection() == 0; }));
    click(find<wxButton>(frame, "open-member"));
    REQUIRE(waitFor([&] { return frame->pages()->GetCurrentPage() == frame->memberPanel(); }));

    const auto looks = [&] {
        return rawCount(path,
                        "SELECT COUNT(*) FROM audit_events WHERE record_kind = 'member-progress'");
    };
    CHECK(looks() == 0);  // his record was opened, not yet his progress
    auto* sections = frame->memberPanel()->sections();
    REQUIRE(sections->GetPageCount() == 6);
    CHECK(sections->GetPageText(kProgressTab) == "Progress");
    clickTab(sections, kProgressTab);
    auto* modules = find<wxListCtrl>(frame, "progress-modules");
    REQUIRE(waitFor([&] { return modules->GetItemCount() == 2; }));
    CHECK(looks() == 1);
    CHECK(modules->GetItemText(0, 0) == "Social and therapeutic framework");
    CHECK(modules->GetItemText(0, 1) == "3");  // late and left early count as attended
    CHECK(modules->GetItemText(0, 2) == "3");
    CHECK(modules->GetItemText(0, 3) == "3 of 3 (100%)");
    CHECK(modules->GetItemText(1, 1) == "1");
    CHECK(modules->GetItemText(1, 2) == "2");
    CHECK(modules->GetItemText(1, 3) == "1 of 2 (50%)");

    auto* attendance = find<ui::ChartView>(frame, "attendance-chart");
    CHECK(attendance->chart().series.at(0).valueTexts ==
          std::vector<std::string>{"3 of 3 (100%)", "1 of 2 (50%)"});
    auto* framework = find<ui::ChartView>(frame, "indicator-chart-1");
    CHECK(framework->chart().title == "Social and therapeutic framework: progress indicators");
    CHECK(framework->chart().categories.size() == 3);
    CHECK(framework->chart().series.at(0).values ==
          std::vector<std::optional<double>>{1.0, 2.0, 3.0});
    CHECK(find<ui::ChartView>(frame, "indicator-chart-2")->chart().categories.size() == 1);
    // His mood at the check-ins of the four sessions he was at.
    auto* mood = find<ui::ChartView>(frame, "mood-chart");
    CHECK(mood->IsShown());
    CHECK(mood->chart().series.at(0).values ==
          std::vector<std::optional<double>>{2.0, 3.0, 4.0, 5.0});
    auto* scores = find<wxListCtrl>(frame, "progress-scores");
    REQUIRE(scores->GetItemCount() == 4);
    CHECK(scores->GetItemText(0, 0) == "Sexual knowledge");
    CHECK(scores->GetItemText(0, 1) == "Before the group starts");
    CHECK(scores->GetItemText(1, 3) == "58");
    CHECK(find<ui::ChartView>(frame, "score-chart-2")->chart().series.at(0).values ==
          std::vector<std::optional<double>>{62.0, 45.0});

    auto* page = find<wxScrolledWindow>(frame, "member-progress");
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        page->Scroll(0, 0);
        pump(400);
        // Each chart is drawn for its own size at the screen's pixel density.
        for (auto* view : {attendance, framework}) {
            REQUIRE(view->image().IsOk());
            CHECK(view->image().GetScaleFactor() == view->GetContentScaleFactor());
            const double scale = view->GetContentScaleFactor();
            CHECK(view->image().GetWidth() == std::lround(view->GetClientSize().x * scale));
            CHECK(view->image().GetHeight() == std::lround(view->GetClientSize().y * scale));
            CHECK(view->GetClientSize().x >= 400);
        }
        // Nothing wider than the page: it scrolls down, never across.
        CHECK(page->GetVirtualSize().x <= page->GetClientSize().x);
        const auto name = std::string(ROUNDTABLE_SCREENSHOT_DIR "/gui-member-progress-")
                              .append(std::to_string(size.x))
                              .append("x768");
        CHECK(ui::saveScreenshot(frame, std::string(name).append(".png")));
        page->Scroll(0, page->GetVirtualSize().y);
        pump(300);
        CHECK(ui::saveScreenshot(frame, std::string(name).append("-scrolled.png")));
    }
    // The mood chart, scrolled to, is drawn like the others.
    int unitX = 1, unitY = 1;
    page->GetScrollPixelsPerUnit(&unitX, &unitY);
    page->Scroll(0, page->CalcUnscrolledPosition(mood->GetPosition()).y / std::max(1, unitY));
    pump(400);
    REQUIRE(mood->image().IsOk());
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-member-progress-mood.png"));
    // Opening another tab and coming back reads it again only after a change to his record.
    clickTab(sections, 0);
    clickTab(sections, kProgressTab);
    pump(200);
    CHECK(looks() == 1);
    // A milestone recorded from the tab: a day still to come is refused at its field, then
    // the day he reached it is kept with who recorded it.
    auto* milestones = find<wxListCtrl>(frame, "progress-milestones");
    REQUIRE(milestones->GetItemCount() == 4);  // the shipped programme's
    CHECK(milestones->GetItemText(0, 1) == "not yet");
    scrollIntoView(find<wxButton>(frame, "record-milestone"));
    auto* day = find<wxDatePickerCtrl>(frame, "milestone-date");
    day->SetValue(wxDateTime::Today() + wxDateSpan::Days(2));
    typeInto(find<wxTextCtrl>(frame, "milestone-note"), "In his own words.");
    click(find<wxButton>(frame, "record-milestone"));
    CHECK(waitFor([&] {
        return find<wxStaticText>(frame, "progress-message")
            ->GetLabel()
            .Contains("once he has reached it");
    }));
    day->SetValue(ui::toWx("2026-10-20"_date));
    click(find<wxButton>(frame, "record-milestone"));
    REQUIRE(waitFor([&] { return milestones->GetItemText(0, 1) == "2026-10-20"; }));
    CHECK(milestones->GetItemText(0, 2) == "admin");
    CHECK(milestones->GetItemText(0, 3) == "In his own words.");
    CHECK(rawCount(path, "SELECT COUNT(*) FROM audit_events WHERE kind = 'record-milestone'") == 1);
    // Withdrawn as a mistake, with the reason: no longer reached, the record kept.
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-member-milestones.png"));
    clickListRow(milestones, 0);
    typeInto(find<wxTextCtrl>(frame, "milestone-reason"), "Recorded a month early.");
    click(find<wxButton>(frame, "withdraw-milestone"));
    REQUIRE(waitFor([&] { return milestones->GetItemText(0, 1) == "not yet"; }));
    CHECK(rawCount(path, "SELECT COUNT(*) FROM milestones") == 2);
    // Locking leaves nothing of his progress in the window.
    frame->lock();
    CHECK(modules->GetItemCount() == 0);
    CHECK(scores->GetItemCount() == 0);
    CHECK(wxWindow::FindWindowByName("indicator-chart-1", frame) == nullptr);
    closeFrame(frame);
}
