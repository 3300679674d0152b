// The group's outcomes at a glance on a real database and the shipped programme: each measure's
// count, mean and range at each time point (corrections applied, a retaken score counted once,
// the session rating left out), the session ratings recorded after a session (a change recorded
// as a correction, refusals at the field, all or nothing) and their trend for the group and each
// member, and the audit of every look. The clock is set: nothing depends on the day tests run.
#include <doctest/doctest.h>

#include <algorithm>

#include "practice/Practice.h"
#include "support/RawSql.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using records::Attendance;
using roundtable::test::shippedProgramme;

namespace {

/// Adam, Ben and Carl in a Tuesday group from 1 September 2026, Dan until he left on the 20th;
/// two sessions took place (8 and 15 September), the third did not, the fourth is planned. It is
/// 25 September 2026.
struct Group {
    test::TempDir dir;
    std::filesystem::path path = dir / "service.rtdb";
    records::SetClock clock{practice::localTimeOn("2026-09-25"_date, 12, 0)};
    records::RecordStore store = openWithClock();
    practice::Practice practice{store, shippedProgramme()};
    records::GroupId group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
    records::MemberId adam = practice.addMember(group, "Adam Able", "2026-09-01");
    records::MemberId ben = practice.addMember(group, "Ben Bright", "2026-09-01");
    records::MemberId carl = practice.addMember(group, "Carl Calm", "2026-09-01");
    records::MemberId dan = practice.addMember(group, "Dan Daly", "2026-09-01");
    records::SessionId first = practice.planSession(group, "framework-01", "2026-09-08");
    records::SessionId second = practice.planSession(group, "framework-02", "2026-09-15");
    records::SessionId third = practice.planSession(group, "framework-03", "2026-09-22");
    records::SessionId fourth = practice.planSession(group, "framework-04", "2026-09-29");

    Group() {
        practice.recordAttendance(first, adam, Attendance::attended, "");
        practice.recordAttendance(first, ben, Attendance::late, "Bus");
        practice.recordAttendance(first, carl, Attendance::absentAuthorised, "Unwell");
        practice.recordAttendance(first, dan, Attendance::leftEarly, "Appointment");
        practice.markDelivered(first);
        practice.recordAttendance(second, adam, Attendance::attended, "");
        practice.recordAttendance(second, ben, Attendance::attended, "");
        practice.recordAttendance(second, carl, Attendance::attended, "");
        practice.recordAttendance(second, dan, Attendance::absentUnauthorised, "No word");
        practice.markDelivered(second);
        practice.markNotHeld(third, "The building was closed.");
        practice.recordLeaving(group, dan, "2026-09-20", "Moved away");
    }
    records::RecordStore openWithClock() {
        auto made = test::createTestStore(path);
        made.useClock(clock);
        return made;
    }
    std::int64_t audited(const char* kind) const {
        return test::rawCount(path, std::string("SELECT COUNT(*) FROM audit_events WHERE "
                                                "record_kind = '")
                                        .append(kind)
                                        .append("'"));
    }
};

std::string field(records::MemberId member) {
    return std::string("session-rating:").append(std::to_string(member));
}

/// The field a use case refused, or "" when it did not.
template <typename Work>
std::string refusedAt(Work work) {
    try {
        work();
    } catch (const practice::ValidationError& error) {
        return error.field();
    }
    return {};
}

const practice::MeasureOutcome& measureWithId(const practice::GroupOutcomeSummary& summary,
                                              const std::string& id) {
    auto found = std::find_if(summary.measures.begin(), summary.measures.end(),
                              [&](const auto& measure) { return measure.measureId == id; });
    REQUIRE(found != summary.measures.end());
    return *found;
}

const practice::TimePointOutcome& at(const practice::MeasureOutcome& measure,
                                     const std::string& point) {
    auto found = std::find_if(measure.timePoints.begin(), measure.timePoints.end(),
                              [&](const auto& each) { return each.timePoint == point; });
    REQUIRE(found != measure.timePoints.end());
    return *found;
}

}  // namespace

TEST_CASE(
    "a group's outcome measures give how many were scored, the mean and range per time point") {
    Group g;
    auto& p = g.practice;
    p.recordOutcomeScore(g.adam, "sexual-knowledge", "before", "2026-09-01", 40);
    p.recordOutcomeScore(g.ben, "sexual-knowledge", "before", "2026-09-02", 60);
    const auto mistyped =
        p.recordOutcomeScore(g.carl, "sexual-knowledge", "before", "2026-09-01", 50);
    p.recordOutcomeScore(g.carl, "sexual-knowledge", "before", "2026-09-01", 56, mistyped);
    // Taken twice at the end of the year: the newest counts, once.
    p.recordOutcomeScore(g.adam, "sexual-knowledge", "after", "2026-09-10", 70);
    p.recordOutcomeScore(g.adam, "sexual-knowledge", "after", "2026-09-20", 74);
    p.recordOutcomeScore(g.ben, "cognitive-distortions", "before", "2026-09-02", 33);
    p.recordOutcomeScore(g.adam, "session-rating", "each-session", "2026-09-08", 8);

    const auto summary = p.groupOutcomeSummary(g.group);
    CHECK(summary.outcomes.group.name == "Tuesday group");
    // The programme's measures in its order, the session rating not among them.
    REQUIRE(summary.measures.size() == 3);
    CHECK(summary.measures[0].name == "Sexual knowledge");
    CHECK(summary.measures[2].measureId == "empathy-for-victims");
    const auto& knowledge = measureWithId(summary, "sexual-knowledge");
    CHECK(knowledge.min == 0);
    CHECK(knowledge.max == 100);
    CHECK(knowledge.higherIsBetter);
    REQUIRE(knowledge.timePoints.size() == 5);  // every time point, scored or not
    CHECK(knowledge.timePoints[0].label == "Before the group starts");
    const auto& before = at(knowledge, "before").scores;
    CHECK(before.count == 3);
    CHECK(before.mean == doctest::Approx(52.0));  // 40, 60 and Carl's corrected 56
    CHECK(before.min == 40);
    CHECK(before.max == 60);
    const auto& after = at(knowledge, "after").scores;
    CHECK(after.count == 1);
    CHECK(after.mean == doctest::Approx(74.0));
    CHECK(after.min == 74);
    CHECK(after.max == 74);
    CHECK(at(knowledge, "follow-up-6m").scores.count == 0);
    const auto& attitudes = measureWithId(summary, "cognitive-distortions");
    CHECK_FALSE(attitudes.higherIsBetter);
    CHECK(at(attitudes, "before").scores.count == 1);
    CHECK(at(attitudes, "before").scores.mean == doctest::Approx(33.0));
    CHECK(at(measureWithId(summary, "empathy-for-victims"), "before").scores.count == 0);
    // The look is recorded, once, as a look at the group's outcomes.
    CHECK(g.audited("group-outcomes") == 1);

    CHECK(practice::spreadOf({}).count == 0);
    CHECK(practice::spreadOf({3, 4}).mean == doctest::Approx(3.5));
}

TEST_CASE("session ratings are recorded for those who were there, a change as a correction") {
    Group g;
    auto& p = g.practice;
    // The sheet lists who was there: present, late or left early, not the absent.
    auto sheet = p.sessionRatings(g.first);
    CHECK(sheet.measureName == "How the session felt");
    CHECK(sheet.min == 0);
    CHECK(sheet.max == 10);
    std::vector<std::string> codes;
    for (const auto& line : sheet.lines)
        codes.push_back(line.member.name);
    CHECK(codes == std::vector<std::string>{"Adam Able", "Ben Bright", "Dan Daly"});
    CHECK(g.audited("session-ratings") == 1);

    // Dan not rated.
    CHECK(p.recordSessionRatings(g.first, {{g.adam, 8}, {g.ben, 6}, {g.dan, std::nullopt}}) == 2);
    CHECK(p.recordSessionRatings(g.second, {{g.adam, 7}, {g.ben, 9}, {g.carl, 5}}) == 3);
    // Each is a score of the session rating, taken on the session's day.
    auto adams = p.openMemberRecord(g.adam).scores;
    REQUIRE(adams.size() == 2);
    CHECK(adams[0].measureId == "session-rating");
    CHECK(adams[0].timePoint == "each-session");
    CHECK(adams[0].takenOn == "2026-09-08"_date);
    CHECK(adams[1].takenOn == "2026-09-15"_date);

    // Shown again, each with his rating; unchanged ones are not written again; a changed one
    // replaces the one on record, which stays in the store.
    sheet = p.sessionRatings(g.second);
    REQUIRE(sheet.lines.size() == 3);
    REQUIRE(sheet.lines[0].rating);
    CHECK(sheet.lines[0].rating->score == 7);
    CHECK(p.recordSessionRatings(g.second, {{g.adam, 9}, {g.ben, 9}, {g.carl, 5}}) == 1);
    CHECK(p.sessionRatings(g.second).lines[0].rating->score == 9);
    CHECK(test::rawCount(g.path, "SELECT COUNT(*) FROM outcome_scores") == 6);
    CHECK(test::rawCount(g.path,
                         "SELECT COUNT(*) FROM outcome_scores WHERE replaces_id IS NOT "
                         "NULL") == 1);
    CHECK(test::rawCount(g.path,
                         "SELECT COUNT(*) FROM audit_events WHERE kind = "
                         "'correct-outcome-score'") == 1);
    CHECK(p.recordSessionRatings(g.second, {{g.adam, 9}}) == 0);
    // Not rated stays not rated, and can be rated later.
    CHECK(p.recordSessionRatings(g.first, {{g.adam, 8}, {g.dan, std::nullopt}}) == 0);
    CHECK_FALSE(p.sessionRatings(g.first).lines[2].rating);
    CHECK(p.recordSessionRatings(g.first, {{g.dan, 4}}) == 1);
}

TEST_CASE("a second session on the same day keeps its own ratings") {
    Group g;
    auto& p = g.practice;
    REQUIRE(p.recordSessionRatings(g.first, {{g.adam, 8}}) == 1);
    auto sameDay = p.planSession(g.group, "framework-02", "2026-09-08");
    p.recordAttendance(sameDay, g.adam, Attendance::attended, "");
    p.markDelivered(sameDay);
    CHECK_FALSE(p.sessionRatings(sameDay).lines.at(0).rating);  // the first session's is not his
    REQUIRE(p.recordSessionRatings(sameDay, {{g.adam, 3}}) == 1);
    CHECK(p.sessionRatings(sameDay).lines.at(0).rating->score == 3);
    CHECK(p.sessionRatings(g.first).lines.at(0).rating->score == 8);
    auto scores = p.openMemberRecord(g.adam).scores;
    REQUIRE(scores.size() == 2);
    CHECK(scores[0].forSession == g.first);
    CHECK(scores[1].forSession == sameDay);
}

TEST_CASE("a session rating is refused at its field: off the scale, not there, taken away") {
    Group g;
    auto& p = g.practice;
    REQUIRE(p.recordSessionRatings(g.first, {{g.adam, 8}, {g.ben, 6}}) == 2);
    CHECK(refusedAt([&] {
              (void)p.recordSessionRatings(g.first, {{g.adam, 11}});
          }) == field(g.adam));
    CHECK(refusedAt([&] { (void)p.recordSessionRatings(g.first, {{g.ben, -1}}); }) == field(g.ben));
    // Carl was away from the first session.
    CHECK(refusedAt([&] {
              (void)p.recordSessionRatings(g.first, {{g.carl, 5}});
          }) == field(g.carl));
    // Someone of another group.
    auto other = p.createGroup("Thursday group", records::GroupKind::treatment);
    auto stranger = p.addMember(other, "Sam Stranger", "2026-09-01");
    CHECK(refusedAt([&] {
              (void)p.recordSessionRatings(g.first, {{stranger, 5}});
          }) == field(stranger));
    CHECK(refusedAt([&] {
              (void)p.recordSessionRatings(g.first, {{g.adam, 5}, {g.adam, 6}});
          }) == field(g.adam));
    // A rating on record can be changed, never taken away.
    CHECK(refusedAt([&] {
              (void)p.recordSessionRatings(g.first, {{g.adam, std::nullopt}});
          }) == field(g.adam));
    // All or nothing: Ben's change is not written when Adam's rating is refused.
    CHECK(refusedAt([&] {
              (void)p.recordSessionRatings(g.first, {{g.ben, 3}, {g.adam, 12}});
          }) == field(g.adam));
    CHECK(p.sessionRatings(g.first).lines[1].rating->score == 6);
    CHECK(test::rawCount(g.path, "SELECT COUNT(*) FROM outcome_scores") == 2);
}

TEST_CASE("only a session that took place, on a day that has come, is rated") {
    Group g;
    auto& p = g.practice;
    // Did not take place; still planned (and it cannot be marked as taken place before its day).
    CHECK(refusedAt([&] { (void)p.recordSessionRatings(g.third, {}); }) == "session-ratings");
    CHECK(refusedAt([&] { (void)p.recordSessionRatings(g.fourth, {}); }) == "session-ratings");
    CHECK(refusedAt([&] { p.markDelivered(g.fourth); }) == "session-status");  // 4 days ahead
    CHECK(refusedAt([&] { (void)p.recordSessionRatings(g.fourth, {}); }) == "session-ratings");
    CHECK(test::rawCount(g.path, "SELECT COUNT(*) FROM outcome_scores") == 0);
}

TEST_CASE("the session ratings' trend: the group's mean and range per session, each member's") {
    Group g;
    auto& p = g.practice;
    p.recordSessionRatings(g.first, {{g.adam, 8}, {g.ben, 6}, {g.dan, 4}});
    p.recordSessionRatings(g.second, {{g.adam, 7}, {g.ben, 9}, {g.carl, 5}});
    p.recordSessionRatings(g.second, {{g.adam, 9}});  // corrected

    const auto summary = p.groupOutcomeSummary(g.group);
    REQUIRE(summary.ratings);
    const auto& trend = *summary.ratings;
    CHECK(trend.measureId == "session-rating");
    CHECK(trend.name == "How the session felt");
    CHECK(trend.max == 10);
    // The two sessions that took place; not the one that did not, nor the one still planned.
    REQUIRE(trend.sessions.size() == 2);
    CHECK(trend.sessions[0].session.id == g.first);
    CHECK(trend.sessions[0].ratings.count == 3);
    CHECK(trend.sessions[0].ratings.mean == doctest::Approx(6.0));
    CHECK(trend.sessions[0].ratings.min == 4);
    CHECK(trend.sessions[0].ratings.max == 8);
    CHECK(trend.sessions[1].ratings.count == 3);
    CHECK(trend.sessions[1].ratings.mean == doctest::Approx(23.0 / 3.0));  // 9, 9 and 5
    CHECK(trend.sessions[1].ratings.min == 5);
    CHECK(trend.sessions[1].ratings.max == 9);
    // Every member, in the group's order, with his ratings by session date.
    REQUIRE(trend.members.size() == 4);
    CHECK(trend.members[0].member.id == g.adam);
    REQUIRE(trend.members[0].ratings.size() == 2);
    CHECK(trend.members[0].ratings[0].date == "2026-09-08"_date);
    CHECK(trend.members[0].ratings[0].rating == 8);
    CHECK(trend.members[0].ratings[1].rating == 9);
    REQUIRE(trend.members[2].ratings.size() == 1);  // Carl, away from the first
    CHECK(trend.members[2].ratings[0].date == "2026-09-15"_date);
    CHECK(trend.members[3].ratings.size() == 1);  // Dan, before he left
}
