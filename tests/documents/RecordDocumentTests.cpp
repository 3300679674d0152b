// What each document made from records holds, and what it must not: built from a real record
// store (the small service of tests/support/SmallService.h) and the shipped programme, read from
// the document model without rendering anything.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "documents/Fixtures.h"
#include "documents/MemberReport.h"
#include "documents/Registers.h"
#include "documents/RelapsePlanDocument.h"
#include "documents/SessionPlan.h"
#include "practice/Practice.h"
#include "support/SmallService.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::documents;
using namespace roundtable::test;
namespace practice = roundtable::practice;
namespace records = roundtable::records;

namespace {

const records::Date kToday = "2026-12-01"_date;
constexpr auto kIso = practice::DateOrder::yearMonthDay;

/// A fresh store holding the small service, signed in as the test administrator.
struct ServiceStore {
    TempDir dir;
    records::RecordStore store = createTestStore(dir / "service.rtdb");
    SmallService service = writeSmallService(store, shippedProgramme());
};

/// Every text of `document` on one line each, to search.
std::string allText(const Document& document) {
    std::string text;
    for (const auto& each : textsOf(document))
        text += each + "\n";
    return text;
}

bool has(const Document& document, const std::string& text) {
    return allText(document).find(text) != std::string::npos;
}

std::vector<Table> tablesOf(const Document& document) {
    std::vector<Table> tables;
    for (const auto& block : document.blocks) {
        if (const auto* table = std::get_if<Table>(&block))
            tables.push_back(*table);
    }
    return tables;
}

/// No other member's name, code or concern anywhere on a document about Owen.
void checkNamesOnlyOwen(const Document& document) {
    for (const char* other : {"Callum", "Reid", "R0002", "Dev", "Patel", "R0003", kCallumConcern}) {
        INFO(other);
        CHECK_FALSE(has(document, other));
    }
}

Document owensReport(ServiceStore& s, const practice::AskedPeriod& period = {},
                     bool concerns = false,
                     practice::DateOrder dates = practice::DateOrder::yearMonthDay) {
    auto records = practice::memberPeriod(s.store, "R0001", period, kToday, concerns);
    return memberReport(
        records, shippedProgramme(),
        {"Settled into the group.", concerns, {"admin", "Facilitator", kToday}, dates});
}

}  // namespace

TEST_CASE("a member's progress report names him, and no other member or note text") {
    ServiceStore s;
    auto report = owensReport(s, {}, true);
    CHECK(report.confidential);
    CHECK(report.typography == Typography::standard);
    CHECK(report.title == "Progress report: R0001");
    CHECK(has(report, "Member: Owen Marsh (code R0001)"));
    CHECK(has(report, "Group: Thursday group, joined 2026-09-03"));
    checkNamesOnlyOwen(report);
    // His notes name Callum: the report prints no note's text.
    CHECK_FALSE(has(report, "Helped"));
    CHECK(has(report, "Settled into the group."));
    // Signed in one row: who, as what, when, and a space to sign.
    CHECK(has(report, "Signed\nName\nRole\nDate\nSignature\nadmin\nFacilitator\n2026-12-01"));
}

TEST_CASE("a progress report gives attendance, sessions missed, ratings and scores") {
    ServiceStore s;
    auto report = owensReport(s);
    CHECK(has(report, "Period: 2026-09-03 to 2026-12-01"));
    // Weeks one to six count: week seven did not take place and week eight is still planned.
    CHECK(has(report, "Attendance: present at 5 of 6 (83%) of the sessions held in the period"));
    auto tables = tablesOf(report);
    REQUIRE(tables.size() >= 5);
    CHECK(tables[0].rows == std::vector<std::vector<std::string>>{{"Present", "3"},
                                                                  {"Late", "1"},
                                                                  {"Left early", "1"},
                                                                  {"Absent (authorised)", "1"},
                                                                  {"Sessions held", "6"}});
    CHECK(tables[1].rows == std::vector<std::vector<std::string>>{
                                {"Social and therapeutic framework", "1", "4 of 5 (80%)"},
                                {"Human relations and sex education", "1", "1 of 1 (100%)"}});
    CHECK(tables[2].rows.size() == 5);  // the sessions he attended
    CHECK(tables[3].rows == std::vector<std::vector<std::string>>{
                                {"2026-09-24",
                                 "Group social skills 1: listening, turns, body "
                                 "language and praise",
                                 "Social and therapeutic framework", "Absent (authorised)"}});
    // The indicators' labels and scales from the curriculum, his ratings by date.
    const auto& ratings = tables[4];
    REQUIRE(ratings.columns.size() == 4);
    CHECK(ratings.columns[1].heading == "Keeps to the group rules (0 to 3)");
    CHECK(ratings.rows == std::vector<std::vector<std::string>>{{"2026-09-03", "0", "0", "0"},
                                                                {"2026-09-10", "0", "0", "0"},
                                                                {"2026-09-17", "1", "1", "1"},
                                                                {"2026-10-01", "2", "2", "2"}});
    // Outcome scores: measure names and time points from the curriculum.
    CHECK(has(report,
              "Sexual knowledge (0 to 100, higher is better)\nBefore the group "
              "starts\n2026-09-01\n41"));
    CHECK(has(report,
              "How the session felt (0 to 10, higher is better)\nAt the end of every "
              "session\n2026-09-03\n7"));
}

TEST_CASE(
    "a progress report lists his catch-ups without counting them as sessions held, and "
    "the milestones he reached") {
    ServiceStore s;
    {
        practice::Practice practice(s.store, shippedProgramme());
        // He missed week four (24 September): a catch-up on 1 October, which he attends.
        auto catchUp =
            practice.planCatchUp(s.service.group, "framework-04", {s.service.owen}, "2026-10-02");
        practice.recordAttendance(catchUp, s.service.owen, records::Attendance::attended, "");
        practice.markDelivered(catchUp);
        practice.recordMilestone(s.service.owen, "account-four-steps", "2026-10-20", "");
        practice.recordMilestone(s.service.owen, "victim-letter", "2026-11-20", "");
    }
    auto report = owensReport(s, {std::nullopt, "2026-11-01"_date});
    // The same rates as without the catch-up, and the catch-up on a line of its own.
    CHECK(has(report, "Attendance: present at 5 of 6 (83%) of the sessions held in the period"));
    auto tables = tablesOf(report);
    REQUIRE(tables.size() >= 3);
    CHECK(tables[0].rows.back() == std::vector<std::string>{"Catch-up sessions attended", "1"});
    CHECK(tables[1].rows.at(0).at(2) == "4 of 5 (80%)");
    CHECK(has(report, "Catch-up: Group social skills 1"));
    // Milestones reached by the period's end only.
    CHECK(has(report, "Milestones"));
    CHECK(has(report, "His account of his offending, worked through the four steps\n2026-10-20"));
    CHECK_FALSE(has(report, "A letter to a victim"));
}

TEST_CASE("a progress report is made from signed notes only: a draft's ratings are left out") {
    ServiceStore s;
    auto report = owensReport(s);
    CHECK_FALSE(has(report, kOwenDraft));
    // Week six (relationships) was his only session of that module, and its note is a draft.
    CHECK_FALSE(has(report, "Understands consent"));
    CHECK(tablesOf(report)[4].rows.back().front() == "2026-10-01");
}

TEST_CASE("a progress report shows his open concerns only when the facilitator chooses to") {
    ServiceStore s;
    auto without = owensReport(s);
    CHECK_FALSE(has(without, "Open concerns"));
    CHECK_FALSE(has(without, kOwenOpenConcern));
    auto with = owensReport(s, {}, true);
    CHECK(has(with, "Open concerns\nRaised "));
    CHECK(has(with, kOwenOpenConcern));
    CHECK(has(with, "Tell his care manager (Group lead, by 2026-09-20)"));
    CHECK_FALSE(has(with, kOwenClosedConcern));
    CHECK_FALSE(has(with, kCallumConcern));
}

TEST_CASE("a progress report covers the period chosen, and is refused when nothing is signed") {
    ServiceStore s;
    auto weeks = owensReport(s, {"2026-09-15"_date, "2026-09-30"_date});
    CHECK(has(weeks, "Period: 2026-09-15 to 2026-09-30"));
    // Its dates in the order chosen in Preferences.
    auto british = owensReport(s, {"2026-09-15"_date, "2026-09-30"_date}, false,
                               practice::DateOrder::dayMonthYear);
    CHECK(has(british, "Period: 15/09/2026 to 30/09/2026"));
    CHECK(has(british, "Facilitator\n01/12/2026"));
    CHECK_FALSE(has(british, "2026-09"));
    CHECK(has(weeks, "Attendance: present at 1 of 2 (50%)"));
    CHECK(tablesOf(weeks)[4].rows.size() == 1);
    // Week four alone: he was absent, so nothing about him was signed.
    CHECK_THROWS_WITH_AS(owensReport(s, {"2026-09-20"_date, "2026-09-30"_date}),
                         doctest::Contains("Nothing signed about R0001 falls between 2026-09-20 "
                                           "and 2026-09-30"),
                         practice::ValidationError);
    CHECK_THROWS_WITH_AS(owensReport(s, {"2026-10-01"_date, "2026-09-01"_date}),
                         doctest::Contains("ends (2026-09-01) before it starts"),
                         practice::ValidationError);
    CHECK_THROWS_WITH_AS(practice::memberPeriod(s.store, "R0999", {}, kToday, false),
                         "There is no member with the code R0999.", practice::ValidationError);
}

TEST_CASE("a sign-in sheet lists the session's members by code unless names are asked for") {
    ServiceStore s;
    // Week five: Dev has joined and Callum leaves that day, so all three are on it.
    auto sheet = practice::sessionSheet(s.store, s.service.sessions[4]);
    auto codes = signInSheet(sheet, MemberNaming::codes, kIso);
    CHECK(codes.confidential);
    CHECK(has(codes, "Session: Group social skills 2"));
    CHECK(has(codes, "Group: Thursday group"));
    CHECK(has(codes, "Date: 2026-10-01, starting at 13:30"));
    auto table = tablesOf(codes).at(0);
    CHECK(table.forWriting);
    CHECK(table.rows == std::vector<std::vector<std::string>>{{"R0001", "\u2610", ""},
                                                              {"R0002", "\u2610", ""},
                                                              {"R0003", "\u2610", ""}});
    for (const char* name : {"Owen", "Callum", "Dev"})
        CHECK_FALSE(has(codes, name));
    auto names = signInSheet(sheet, MemberNaming::names, kIso);
    CHECK(tablesOf(names).at(0).rows.front().front() == "Owen Marsh (R0001)");
    // Week six: Callum has left.
    auto later = signInSheet(practice::sessionSheet(s.store, s.service.sessions[5]),
                             MemberNaming::codes, kIso);
    CHECK_FALSE(has(later, "R0002"));
}

TEST_CASE(
    "the year register shows each man's mark at each session, when he joined or left, "
    "and the rates") {
    ServiceStore s;
    auto document =
        yearRegister(practice::groupYear(s.store, s.service.group), MemberNaming::codes, kIso);
    CHECK(document.orientation == Orientation::landscape);
    CHECK(document.confidential);
    auto tables = tablesOf(document);
    REQUIRE(tables.size() == 4);  // one page of sessions, the key under it, by member, by session
    const auto& key = tables[1];
    CHECK(key.rows.front() == std::vector<std::string>{"P", "Present"});
    const auto& grid = tables[0];
    CHECK(grid.columns.size() == 9);
    CHECK(grid.columns[8].heading == "8");
    CHECK(grid.rows == std::vector<std::vector<std::string>>{
                           {"R0001", "P", "L", "P", "A", "P", "E", "x", ""},
                           {"R0002\nleft 2026-10-01", "P", "U", "P", "P", "P", "", "x", ""},
                           {"R0003\njoined 2026-09-17", "", "", "P", "P", "U", "P", "x", ""},
                           {"Present", "2", "1", "3", "2", "2", "2", "", ""}});
    CHECK(tables[2].rows == std::vector<std::vector<std::string>>{
                                {"R0001", "2026-09-03", "", "5 of 6 (83%)"},
                                {"R0002", "2026-09-03", "2026-10-01", "4 of 5 (80%)"},
                                {"R0003", "2026-09-17", "", "3 of 4 (75%)"}});
    CHECK(tables[3].rows[6] == std::vector<std::string>{"7", "2026-10-15", "Bodies and growing up",
                                                        "Did not take place", ""});
    CHECK(tables[3].rows[7][3] == "Planned");
    CHECK_FALSE(has(document, "Owen"));
    CHECK(
        has(yearRegister(practice::groupYear(s.store, s.service.group), MemberNaming::names, kIso),
            "Owen Marsh (R0001)"));
    CHECK_THROWS_AS(practice::groupYear(s.store, 999), practice::ValidationError);
}

TEST_CASE("a year's register puts 26 sessions on each page, each page under its own heading") {
    practice::GroupYear year;
    year.group.name = "Long group";
    year.members.push_back({1, "R0001", "A name", "2026-01-01"_date, std::nullopt, "", false});
    for (int week = 0; week < 52; ++week) {
        records::Session session;
        session.date = "2026-01-01"_date.plusDays(week);
        session.status = records::SessionStatus::tookPlace;
        year.sessions.push_back(session);
    }
    year.marks.assign(1, std::vector<std::optional<records::AttendanceMark>>(52));
    auto tables = tablesOf(yearRegister(year, MemberNaming::codes, kIso));
    REQUIRE(tables.size() == 5);  // two pages of sessions, the key, by member, by session
    CHECK(tables[0].columns.size() == 27);
    CHECK(tables[1].columns.size() == 27);
    CHECK(tables[1].columns[1].heading == "27");
    // Held with no mark recorded.
    CHECK(tables[1].rows.front()[1] == "?");
}

TEST_CASE("the easy-read relapse plan: his words under each heading beside its picture") {
    ServiceStore s;
    auto plan = easyReadRelapsePlan(practice::memberPlan(s.store, "R0001"));
    CHECK(plan.typography == Typography::easyRead);
    CHECK(has(plan, "This is the plan of Owen Marsh."));
    checkNamesOnlyOwen(plan);
    std::vector<std::pair<std::string, std::string>> points;
    for (const auto& block : plan.blocks) {
        if (const auto* point = std::get_if<EasyReadPoint>(&block))
            points.emplace_back(point->picture, point->text);
        // Every picture is one of the curriculum's.
        if (const auto* point = std::get_if<EasyReadPoint>(&block))
            CHECK(std::filesystem::exists(kShippedPictures / (point->picture + ".svg")));
    }
    CHECK(std::find(points.begin(), points.end(),
                    std::pair<std::string, std::string>{
                        "warning-sign", "I stop sleeping and I feel cross."}) != points.end());
    CHECK(std::find(points.begin(), points.end(),
                    std::pair<std::string, std::string>{
                        "support-worker", "Sam, my key worker. My sister Jo."}) != points.end());
    CHECK(has(plan, "People who help me\nSam, my key worker."));
    CHECK_THROWS_WITH_AS(practice::memberPlan(s.store, "R0003"),
                         "There is no relapse-prevention plan for R0003 yet.",
                         practice::ValidationError);
}

TEST_CASE("the formal relapse plan: every section, its version, date and writer, confidential") {
    ServiceStore s;
    auto plan = formalRelapsePlan(practice::memberPlan(s.store, "R0001"), kIso);
    CHECK(plan.confidential);
    CHECK(plan.typography == Typography::standard);
    CHECK(has(plan, "Member: Owen Marsh (code R0001)"));
    auto text = allText(plan);
    auto version = text.find("Version: 1, written 20");
    REQUIRE(version != std::string::npos);
    CHECK(text.substr(version + 30, 10) == " by admin\n");
    for (const auto& heading : practice::relapsePlanHeadings())
        CHECK(has(plan, heading + "\n"));
    CHECK(has(plan, "A job at the garden centre."));
    checkNamesOnlyOwen(plan);
}

TEST_CASE("a session plan printed from a record says which module version it was planned from") {
    ServiceStore s;
    auto [group, session] = practice::groupSession(s.store, s.service.sessions[0]);
    auto [module, curriculumSession] = shippedSession(session.stamp.sessionId);
    SessionPlanOptions options{*ClockTime::parse(session.startsAt), session.date.iso(), group.name,
                               session.stamp.moduleVersion};
    auto plan = sessionPlan(*module, *curriculumSession, options);
    CHECK(has(plan, "Planned from: version 1, as printed here"));
    CHECK(has(plan, "Date: 2026-09-03"));
    CHECK(has(plan, "Group: Thursday group"));
    CHECK(has(plan, "13:30\u201315:30"));
    options.plannedVersion = 2;
    CHECK(has(sessionPlan(*module, *curriculumSession, options),
              "Planned from: version 2; the curriculum now has version 1, which this plan shows"));
    // Printed from the curriculum alone, it says nothing of a plan.
    CHECK_FALSE(has(sessionPlan(*module, *curriculumSession, {}), "Planned from"));
}

TEST_CASE("a session plan adapted for the group prints its order, minutes and added guidance") {
    ServiceStore s;
    const records::SetClock adaptedAt(practice::localTimeOn("2026-11-04"_date, 12, 0));
    s.store.useClock(adaptedAt);
    practice::Practice practice(s.store, shippedProgramme());
    const auto id = practice.planSession(s.service.group, "framework-02", "2026-11-05");
    const auto& curriculum = *shippedProgramme().findSession("framework-02")->session;
    REQUIRE(curriculum.activities.size() == 6);
    practice.adaptPlan(id,
                       {{5, 40, "Read each question aloud."},
                        {1, 15, ""},
                        {2, 30, ""},
                        {3, 20, ""},
                        {4, 15, ""},
                        {6, 15, ""}},
                       "Two men read little.");
    const auto plan = recordedSessionPlan(shippedProgramme(), practice::groupSession(s.store, id),
                                          kIso, ClockTime(13 * 60 + 30));
    CHECK(has(plan, "Plan: Adapted for this group on 2026-11-04 by " + std::string(kTestLogin) +
                        ": Two men read little."));
    // As long as its activities now are: 135 minutes, not the curriculum's 120.
    CHECK(has(plan, "Session: framework-02, 135 minutes, 13:30\u201315:45"));
    // The worksheet first, 40 minutes from 13:30, then the rest in their order and times.
    const auto worksheet = std::string(curriculum.activities[4].title);
    const auto text = allText(plan);
    const auto first = text.find("13:30\u201314:10  " + worksheet);
    const auto second =
        text.find("14:10\u201314:25  " + std::string(curriculum.activities[0].title));
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    CHECK(first < second);
    CHECK(has(plan, "Worksheet, 40 minutes"));
    CHECK(has(plan, std::string(curriculum.activities[4].guidance.front())));
    CHECK(has(plan, "For this group: Read each question aloud."));
    CHECK(text.find("Read each question aloud.") > text.find(worksheet));
    // Not adapted, the same session prints the curriculum's plan.
    const auto other = practice.planSession(s.service.group, "framework-02", "2026-11-12");
    const auto plain =
        recordedSessionPlan(shippedProgramme(), practice::groupSession(s.store, other), kIso);
    CHECK_FALSE(has(plain, "Adapted for this group"));
    CHECK_FALSE(has(plain, "For this group:"));
    CHECK(allText(plain).find(std::string(curriculum.activities[0].title)) <
          allText(plain).find(worksheet));
}

TEST_CASE("a table's headings and cells are what a reader sees, empty cells left out") {
    Document document;
    document.blocks.push_back(Table{{{"Mark", 1.0, true}, {"Meaning", 4.0, false}},
                                    {{"P", "Present"}, {"", "Nothing"}},
                                    false});
    CHECK(textsOf(document) ==
          std::vector<std::string>{"Mark", "Meaning", "P", "Present", "Nothing"});
    CHECK(pageSizeOf(Paper::a4, Orientation::landscape).width == 842);
    CHECK(pageSizeOf(Paper::letter, Orientation::landscape).height == 612);
}
