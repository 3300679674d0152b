// The group's outcomes, driven as a facilitator would: after a session, its ratings typed on the
// session page (Tab between the fields, Enter to save, a rating off the scale refused at its
// field), then seen on the Group page's Outcomes: the table of each measure's time points, the
// charts, the group's ratings and a member's; and the register and outcome tables exported as
// CSV files from their dialogs, read back, private, and recorded in the audit log. Dialogs
// photographed at 1366x768 and 1024x768.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <algorithm>

#include "documents/Document.h"
#include "gui/GuiDriver.h"
#include "practice/Practice.h"
#include "support/RawSql.h"
#include "support/TestStore.h"
#include "ui/ChartView.h"
#include "ui/CsvExportButton.h"
#include "ui/GroupPanel.h"
#include "ui/MainFrame.h"
#include "ui/PreviewFrame.h"
#include "ui/PrintController.h"
#include "ui/Screenshot.h"
#include "ui/SessionPanel.h"

using namespace roundtable;
using namespace roundtable::test;
using records::Attendance;

namespace {

/// Daniel and Aaron in a Tuesday group: both at the session of 8 September 2026, Daniel only at
/// that of the 15th (both took place); Daniel's and Aaron's sexual knowledge scored before.
struct RatedService {
    TempDir dir;
    std::filesystem::path path = dir / "service.rtdb";
    records::GroupId group = 0;
    records::MemberId daniel = 0, aaron = 0;
    records::SessionId first = 0, second = 0;

    RatedService() {
        auto store = createTestStore(path);
        records::SetClock clock(practice::localTimeOn("2026-09-16"_date, 10, 0));
        store.useClock(clock);
        practice::Practice practice(store, programme());
        group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
        daniel = practice.addMember(group, "Daniel Hughes", "2026-09-01");
        aaron = practice.addMember(group, "Aaron Price", "2026-09-01");
        first = practice.planSession(group, "framework-01", "2026-09-08");
        practice.recordAttendance(first, daniel, Attendance::attended, "");
        practice.recordAttendance(first, aaron, Attendance::late, "Bus");
        practice.markDelivered(first);
        second = practice.planSession(group, "framework-02", "2026-09-15");
        practice.recordAttendance(second, daniel, Attendance::attended, "");
        practice.recordAttendance(second, aaron, Attendance::absentAuthorised, "Unwell");
        practice.markDelivered(second);
        practice.recordOutcomeScore(daniel, "sexual-knowledge", "before", "2026-09-01", 41);
        practice.recordOutcomeScore(aaron, "sexual-knowledge", "before", "2026-09-02", 55);
    }
    [[nodiscard]] std::string ratingField(records::MemberId member) const {
        return std::string("session-rating:").append(std::to_string(member));
    }
};

int modeOf(const std::filesystem::path& file) {
    struct stat status {};
    REQUIRE(::stat(file.c_str(), &status) == 0);
    return static_cast<int>(status.st_mode & 0777);
}

/// Exports the table of `dialog` with its "Export CSV..." button, to `file` instead of asking.
void exportTo(wxWindow* dialog, const std::filesystem::path& file, const char* messageName) {
    auto* button = find<ui::CsvExportButton>(dialog, "export-csv");
    std::string suggested;
    button->chooseFilesWith([&suggested, file](wxWindow*, const std::string& name) {
        suggested = name;
        return std::optional(file);
    });
    click(button);
    auto* message = find<wxStaticText>(dialog, messageName);
    CHECK(waitFor([&] { return message->GetLabel().StartsWith("Exported to"); }));
    CHECK(suggested.ends_with(".csv"));
    CHECK(suggested.starts_with("Tuesday group-"));
}

std::string suffixFor(const wxSize& size) {
    return std::string("-").append(std::to_string(size.x)).append("x768.png");
}

}  // namespace

TEST_CASE("a session's ratings typed on the session page show in the group's outcomes") {
    RatedService service;
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    openFirstSession(frame, service.path, 2);
    auto* ratings = find<wxButton>(frame, "session-ratings");
    REQUIRE(waitFor([&] { return ratings->IsEnabled(); }));  // the session took place

    bool saved = false;
    whenShown("session-ratings-dialog", [&](wxWindow* dialog) {
        auto* danielField = find<wxTextCtrl>(dialog, service.ratingField(service.daniel).c_str());
        auto* aaronField = find<wxTextCtrl>(dialog, service.ratingField(service.aaron).c_str());
        CHECK(danielField->GetValue().empty());  // not rated yet
        CHECK(danielField->GetHint() == "not rated");
        for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
            frame->SetSize(size);
            pump(200);
            CHECK(wxRect(frame->GetScreenRect()).Contains(dialog->GetScreenRect()));
            CHECK(ui::saveScreenshot(
                dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-session-ratings" + suffixFor(size)));
        }
        // The keyboard only: his rating, Tab to the next man's, a rating off the scale, Enter.
        typeInto(danielField, "7");
        // A simulator of its own for each key: its events reach the display when it goes.
        wxUIActionSimulator().Char(WXK_TAB);
        pump(150);
        // What is typed next goes to the next man's field. (Not checked with FindFocus: in a
        // dialog under Xvfb without a window manager, wx does not hear GTK's focus change.)
        wxUIActionSimulator().Text("12");
        CHECK(waitFor([&] { return aaronField->GetValue() == "12"; }));
        CHECK(danielField->GetValue() == "7");
        wxUIActionSimulator().Char(WXK_RETURN);
        auto* message = find<wxStaticText>(dialog, "session-ratings-message");
        CHECK(waitFor([&] { return message->GetLabel().Contains("is rated from 0 to 10"); }));
        CHECK(dialog->IsShown());  // refused at the field, nothing lost
        CHECK(aaronField->GetValue() == "12");
        CHECK(wxWindow::FindFocus() == aaronField);
        CHECK(ui::saveScreenshot(dialog,
                                 ROUNDTABLE_SCREENSHOT_DIR "/gui-session-ratings-refused.png"));
        typeInto(aaronField, "9");
        wxUIActionSimulator().Char(WXK_RETURN);
        saved = true;
    });
    click(ratings);
    REQUIRE(waitFor([&] { return saved; }));
    auto* message = find<wxStaticText>(frame, "session-message");
    CHECK(waitFor([&] { return message->GetLabel() == "2 ratings recorded."; }));
    CHECK(rawCount(service.path,
                   "SELECT COUNT(*) FROM outcome_scores WHERE measure_id = "
                   "'session-rating' AND taken_on = '2026-09-08'") == 2);

    // Opened again, the ratings on record are filled in; changing one corrects it.
    bool corrected = false;
    whenShown("session-ratings-dialog", [&](wxWindow* dialog) {
        auto* danielField = find<wxTextCtrl>(dialog, service.ratingField(service.daniel).c_str());
        CHECK(danielField->GetValue() == "7");
        CHECK(find<wxTextCtrl>(dialog, service.ratingField(service.aaron).c_str())->GetValue() ==
              "9");
        typeInto(danielField, "6");
        wxUIActionSimulator().Char(WXK_RETURN);
        corrected = true;
    });
    click(ratings);
    REQUIRE(waitFor([&] { return corrected; }));
    CHECK(waitFor([&] { return message->GetLabel() == "1 rating recorded."; }));
    CHECK(rawCount(service.path,
                   "SELECT COUNT(*) FROM outcome_scores WHERE replaces_id IS NOT NULL") == 1);

    // The Group page's Outcomes: the table, the charts, the group's ratings and a member's.
    showPage(frame, frame->groupPanel());
    const auto looks = [&] {
        return rawCount(service.path,
                        "SELECT COUNT(*) FROM audit_events WHERE record_kind = 'group-outcomes'");
    };
    CHECK(looks() == 0);
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(300);
        bool looked = false;
        whenShown("group-outcomes-dialog", [&](wxWindow* dialog) {
            auto* table = find<wxListCtrl>(dialog, "outcome-summary");
            REQUIRE(table->GetItemCount() == 15);  // three measures at five time points each
            CHECK(table->GetItemText(0, 0) == "Sexual knowledge");
            CHECK(table->GetItemText(0, 1) == "Before the group starts");
            CHECK(table->GetItemText(0, 2) == "2");
            CHECK(table->GetItemText(0, 3) == "48.0");
            CHECK(table->GetItemText(0, 4) == "41 to 55");
            CHECK(table->GetItemText(1, 0) == "");  // the measure named once over its rows
            CHECK(table->GetItemText(5, 0) == "Attitudes that excuse offending");
            CHECK(table->GetItemText(1, 2) == "0");
            CHECK(table->GetItemText(1, 3) == "");
            const auto& knowledge = find<ui::ChartView>(dialog, "outcome-chart-1")->chart();
            CHECK(knowledge.series.at(0).values.at(0) == 48.0);
            CHECK(knowledge.series.at(0).ranges.at(0)->low == 41.0);
            CHECK(knowledge.series.at(0).ranges.at(0)->high == 55.0);
            CHECK_FALSE(knowledge.series.at(0).values.at(1));
            // No chart for the measures no one is scored on yet: they are named instead.
            CHECK(wxWindow::FindWindowByName("outcome-chart-2", dialog) == nullptr);
            CHECK(find<wxStaticText>(dialog, "outcomes-not-scored")->GetLabel() ==
                  "No one is scored yet on: Attitudes that excuse offending, Victim empathy.");
            // The group's ratings at its two sessions: 6 and 9 at the first, none at the second.
            const auto& group = find<ui::ChartView>(dialog, "rating-group-chart")->chart();
            CHECK(group.categories.size() == 2);
            CHECK(group.series.at(0).values ==
                  std::vector<std::optional<double>>{7.5, std::nullopt});
            CHECK(group.series.at(0).ranges.at(0)->low == 6.0);
            CHECK(group.series.at(0).ranges.at(0)->high == 9.0);
            auto* member = find<wxChoice>(dialog, "rating-member");
            CHECK(member->GetStringSelection() == "R0001  Daniel Hughes");
            auto* memberChart = find<ui::ChartView>(dialog, "rating-member-chart");
            CHECK(memberChart->chart().series.at(0).values.at(0) == 6.0);
            // The keyboard steps a closed choice through its members.
            member->SetFocus();
            REQUIRE(waitFor([&] { return wxWindow::FindFocus() == member; }));
            wxUIActionSimulator().Char(WXK_DOWN);
            CHECK(waitFor([&] { return member->GetSelection() == 1; }));
            CHECK(waitFor([&] { return memberChart->chart().series.at(0).values.at(0) == 9.0; }));
            CHECK(memberChart->chart().series.at(1).values.at(0) == 7.5);  // the group's mean
            // Fits the screen, the buttons in view; the page scrolls down, never across.
            auto* page = find<wxWindow>(dialog, "group-outcomes-page");
            CHECK(page->GetVirtualSize().x <= page->GetClientSize().x);
            CHECK(dialog->GetScreenRect().Contains(
                wxWindow::FindWindowById(wxID_CLOSE, dialog)->GetScreenRect()));
            CHECK(ui::saveScreenshot(
                dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-group-outcomes" + suffixFor(size)));
            auto* scrolled = dynamic_cast<wxScrolledWindow*>(page);
            int unitX = 0, unitY = 0;
            scrolled->GetScrollPixelsPerUnit(&unitX, &unitY);
            auto* firstChart = find<ui::ChartView>(dialog, "outcome-chart-1");
            scrolled->Scroll(0, firstChart->GetPosition().y / std::max(unitY, 1));
            pump(300);
            CHECK(ui::saveScreenshot(
                dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-group-outcomes-charts" + suffixFor(size)));
            scrolled->Scroll(0, page->GetVirtualSize().y);
            pump(300);
            CHECK(ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR
                                                 "/gui-group-outcomes-scrolled" +
                                                 suffixFor(size)));
            looked = true;
            dynamic_cast<wxDialog*>(dialog)->EndModal(wxID_CLOSE);
        });
        click(find<wxButton>(frame, "open-group-outcomes"));
        REQUIRE(waitFor([&] { return looked; }));
    }
    CHECK(looks() == 2);

    closeFrame(frame);
}

TEST_CASE("the register and the outcome scores are exported as CSV from their dialogs, recorded") {
    RatedService service;
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    REQUIRE(frame->beginOpen(service.path));
    signInToGroupPage(frame);

    const auto registerFile = service.dir / "register.csv";
    bool exported = false;
    whenShown("register-grid-dialog", [&](wxWindow* dialog) {
        exportTo(dialog, registerFile, "register-grid-message");
        CHECK(ui::saveScreenshot(dialog,
                                 ROUNDTABLE_SCREENSHOT_DIR "/gui-year-exported-1366x768.png"));
        exported = true;
        dynamic_cast<wxDialog*>(dialog)->EndModal(wxID_CLOSE);
    });
    click(find<wxButton>(frame, "open-register-grid"));
    REQUIRE(waitFor([&] { return exported; }));
    CHECK(readFile(registerFile) ==
          "code,joined,left,present,counted,2026-09-08 framework-01,2026-09-15 framework-02\r\n"
          "R0001,2026-09-01,,2,2,P,P\r\n"
          "R0002,2026-09-01,,1,2,L,A\r\n");
    CHECK(modeOf(registerFile) == 0600);

    const auto outcomesFile = service.dir / "outcomes.csv";
    exported = false;
    whenShown("group-outcomes-dialog", [&](wxWindow* dialog) {
        exportTo(dialog, outcomesFile, "group-outcomes-message");
        exported = true;
        dynamic_cast<wxDialog*>(dialog)->EndModal(wxID_CLOSE);
    });
    click(find<wxButton>(frame, "open-group-outcomes"));
    REQUIRE(waitFor([&] { return exported; }));
    CHECK(readFile(outcomesFile) ==
          "code,measure,time_point,taken_on,score\r\n"
          "R0001,sexual-knowledge,before,2026-09-01,41\r\n"
          "R0002,sexual-knowledge,before,2026-09-02,55\r\n");
    CHECK(modeOf(outcomesFile) == 0600);
    CHECK(printsAndExports(service.path) ==
          std::vector<std::string>{"export register-csv " + std::to_string(service.group),
                                   "export outcomes-csv " + std::to_string(service.group)});
    closeFrame(frame);
}

TEST_CASE("the year grid and the outcomes each open the print preview on their own document") {
    RatedService service;
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    REQUIRE(frame->beginOpen(service.path));
    signInToGroupPage(frame);
    auto* printing = frame->printing();
    auto previewFrom = [&](const char* dialogName, const char* buttonName, const char* opener) {
        INFO(dialogName);
        whenShown(dialogName, [&](wxWindow* dialog) { click(find<wxButton>(dialog, buttonName)); });
        click(find<wxButton>(frame, opener));
        REQUIRE(waitFor([&] {
            return printing->previewWindow() && printing->previewWindow()->IsShownOnScreen();
        }));
        pump(300);
        return printing->previewWindow();
    };

    auto* preview =
        previewFrom("register-grid-dialog", "register-print-preview", "open-register-grid");
    REQUIRE(preview->shown());
    CHECK(preview->shown()->printable.label() == "Year register: Tuesday group");
    preview->Close();
    REQUIRE(waitFor([&] { return printing->previewWindow() == nullptr; }));

    // The outcomes: the same figures as the dialog's table, on paper.
    preview = previewFrom("group-outcomes-dialog", "outcomes-print-preview", "open-group-outcomes");
    REQUIRE(preview->shown());
    CHECK(preview->shown()->printable.label() == "Group outcomes: Tuesday group");
    auto texts = documents::textsOf(preview->shown()->printout.document);
    CHECK(std::find(texts.begin(), texts.end(), "41 to 55") != texts.end());
    CHECK(ui::saveScreenshot(preview, ROUNDTABLE_SCREENSHOT_DIR "/gui-group-outcomes-preview.png"));
    preview->Close();
    CHECK(waitFor([&] { return printing->previewWindow() == nullptr; }));
    closeFrame(frame);
}
