// The catch-up list on a real database and the shipped programme: who has not had which
// delivered curriculum session, and why; what makes a session had (including a later delivery
// of it); the share a man who left early must have stayed; who left, who joined late.
#include <doctest/doctest.h>

#include "practice/Practice.h"
#include "support/PracticeGroup.h"
#include "support/RawSql.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using practice::MissReason;
using records::Attendance;
using roundtable::test::shippedProgramme;

namespace {

/// A group of six over three delivered sessions of 120 minutes and one still planned.
struct Group : test::PracticeGroup {
    records::MemberId always = practice.addMember(group, "Adam Always", "2026-09-01");
    records::MemberId absent = practice.addMember(group, "Ben Absent", "2026-09-01");
    records::MemberId briefly = practice.addMember(group, "Carl Briefly", "2026-09-01");
    records::MemberId mostly = practice.addMember(group, "Dan Mostly", "2026-09-01");
    records::MemberId late = practice.addMember(group, "Eli Late", "2026-09-20");
    records::MemberId leaver = practice.addMember(group, "Finn Leaver", "2026-09-01");
    records::SessionId first = deliver("framework-01", "2026-09-15");
    records::SessionId second = deliver("framework-02", "2026-09-22");
    records::SessionId third = deliver("framework-03", "2026-09-29");
    records::SessionId planned = practice.planSession(group, "framework-04", "2026-10-06");

    Group() {
        // Eli joined after the first session: he has no mark there.
        for (auto member : {always, absent, briefly, mostly, leaver})
            mark(first, member, Attendance::attended);
        for (auto session : {second, third}) {
            for (auto member : {always, absent, briefly, mostly, late})
                mark(session, member, Attendance::attended);
        }
        mark(second, absent, Attendance::absentAuthorised, "Unwell");
        mark(third, briefly, Attendance::leftEarly, "Upset", 30);       // a quarter: missed
        mark(third, mostly, Attendance::leftEarly, "Appointment", 90);  // three quarters: had
        mark(second, leaver, Attendance::absentUnauthorised, "No word");
        practice.recordLeaving(group, leaver, "2026-09-25", "Moved away");
    }
    /// "curriculum-session-id (reason)" for each session `member` has not had.
    std::vector<std::string> missedBy(records::MemberId member) {
        std::vector<std::string> missed;
        for (const auto& each : practice.catchUps(group)) {
            if (each.member.id != member)
                continue;
            for (const auto& session : each.missed) {
                missed.push_back(session.curriculumSessionId + " (" +
                                 practice::missReasonInWords(session.reason) + ")");
            }
        }
        return missed;
    }
};

using Missed = std::vector<std::string>;

}  // namespace

TEST_CASE("catch-ups list the delivered curriculum sessions each member has not had, and why") {
    Group g;
    auto list = g.practice.catchUps(g.group);
    REQUIRE(list.size() == 6);
    CHECK(g.missedBy(g.always).empty());
    CHECK(g.missedBy(g.absent) == Missed{"framework-02 (absent)"});
    CHECK(g.missedBy(g.briefly) == Missed{"framework-03 (left early)"});
    CHECK(g.missedBy(g.mostly).empty());
    CHECK(g.missedBy(g.late) == Missed{"framework-01 (before he joined)"});
    // Finn left before the third session: only what was delivered while he was a member.
    CHECK(g.missedBy(g.leaver) == Missed{"framework-02 (absent)"});
    // A session still planned is nobody's catch-up; the list says which delivery was missed.
    const auto& ben = list.at(1);
    REQUIRE(ben.missed.size() == 1);
    CHECK(ben.missed[0].deliveredAs == g.second);
    CHECK(ben.missed[0].deliveredOn == "2026-09-22"_date);
    CHECK(ben.missed[0].moduleId == "framework");
    // Looking is recorded in the audit log.
    CHECK(test::rawCount(g.dir / "service.rtdb",
                         "SELECT COUNT(*) FROM audit_events WHERE record_kind = 'catch-ups'") >= 1);
}

TEST_CASE("a later delivery he attends catches a session up, and a register not taken does not") {
    Group g;
    // The second session again, for Ben (a catch-up); Eli present, nobody else marked.
    auto again = g.deliver("framework-02", "2026-10-08");
    g.mark(again, g.absent, Attendance::late, "Bus");
    CHECK(g.missedBy(g.absent).empty());
    // Adam has no mark at the repeat, but he had it the first time.
    CHECK(g.missedBy(g.always).empty());
    // A delivered session whose register was not taken for him: not recorded as had.
    auto untaken = g.deliver("framework-05", "2026-10-13");
    (void)untaken;
    CHECK(g.missedBy(g.always) == Missed{"framework-05 (no mark)"});
}

TEST_CASE("the share a man who left early must have stayed is the service's to set") {
    Group g;
    CHECK(g.practice.servicePercent(practice::kCatchUpShare) == 50);
    g.practice.setServicePercent(practice::kCatchUpShare,
                                 20);  // Carl's 30 of 120 minutes is now enough
    CHECK(g.practice.servicePercent(practice::kCatchUpShare) == 20);
    CHECK(g.missedBy(g.briefly).empty());
    g.practice.setServicePercent(practice::kCatchUpShare, 80);  // and Dan's 90 of 120 no longer is
    CHECK(g.missedBy(g.mostly) == Missed{"framework-03 (left early)"});
    for (int wrong : {0, 101, -5}) {
        CHECK_THROWS_WITH_AS(g.practice.setServicePercent(practice::kCatchUpShare, wrong),
                             "Please give a percentage from 1 to 100.", practice::ValidationError);
    }
    CHECK(g.practice.servicePercent(practice::kCatchUpShare) == 80);
}

TEST_CASE(
    "a catch-up planned for the men who missed a session is theirs alone, and catches it up") {
    Group g;
    // Ben missed framework-02 (absent) and Finn too, but Finn has left: a catch-up is for men
    // on the group's list on its day.
    CHECK_THROWS_WITH_AS(g.practice.planCatchUp(g.group, "framework-02", {}, "2026-10-09"),
                         "Choose who the catch-up is for.", practice::ValidationError);
    CHECK_THROWS_AS(
        g.practice.planCatchUp(g.group, "framework-02", {g.absent, g.leaver}, "2026-10-09"),
        practice::ValidationError);
    CHECK_THROWS_AS(g.practice.planCatchUp(g.group, "no-such-session", {g.absent}, "2026-10-09"),
                    practice::ValidationError);
    auto catchUp =
        g.practice.planCatchUp(g.group, "framework-02", {g.absent, g.late}, "2026-10-09");

    // Planned: still missed, with the catch-up named.
    auto ben = g.practice.catchUps(g.group).at(1);
    REQUIRE(ben.missed.size() == 1);
    REQUIRE(ben.missed[0].plannedCatchUp);
    CHECK(ben.missed[0].plannedCatchUp->id == catchUp);
    CHECK(ben.missed[0].plannedCatchUp->date == "2026-10-09"_date);
    CHECK(ben.caughtUp.empty());

    // Its register lists only the two men; nobody else can be marked there.
    auto lines = g.practice.registerFor(catchUp);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].member.id == g.absent);
    CHECK(lines[1].member.id == g.late);
    CHECK_THROWS_WITH_AS(g.mark(catchUp, g.always, Attendance::attended),
                         "This catch-up session is not for him.", practice::ValidationError);

    // Delivered, run by the administrator; Ben came, Eli (who had it at the group) did not.
    g.practice.markDelivered(catchUp);
    g.practice.recordFacilitators(catchUp, {1});
    g.mark(catchUp, g.absent, Attendance::attended);
    g.mark(catchUp, g.late, Attendance::absentAuthorised, "Unwell");
    auto list = g.practice.catchUps(g.group);
    ben = list.at(1);
    CHECK(ben.missed.empty());
    REQUIRE(ben.caughtUp.size() == 1);
    CHECK(ben.caughtUp[0].curriculumSessionId == "framework-02");
    CHECK(ben.caughtUp[0].catchUp == catchUp);
    CHECK(ben.caughtUp[0].on == "2026-10-09"_date);
    CHECK(ben.caughtUp[0].by == std::vector<std::string>{test::kTestLogin});
    CHECK(g.missedBy(g.late) == Missed{"framework-01 (before he joined)"});

    // The group's year (register grid, rates, printed register) holds the group's own sessions.
    auto year = g.practice.groupYear(g.group);
    CHECK(std::none_of(year.sessions.begin(), year.sessions.end(),
                       [](const records::Session& s) { return s.isCatchUp(); }));
    // His progress counts framework's delivered sessions once (the catch-up is not one more).
    auto progress = g.practice.memberProgress(g.absent);
    REQUIRE(!progress.modules.empty());
    CHECK(progress.modules[0].delivered == 3);
    CHECK(progress.modules[0].attended == 2);
}

TEST_CASE("the group-wide view answers who has not had each delivered session") {
    Group g;
    auto gaps = practice::gapsBySession(g.practice.catchUps(g.group));
    REQUIRE(gaps.size() == 3);
    auto codes = [](const practice::SessionGap& gap) {
        std::vector<records::MemberId> ids;
        for (const auto& member : gap.notHad)
            ids.push_back(member.id);
        return ids;
    };
    CHECK(gaps[0].curriculumSessionId == "framework-01");
    CHECK(codes(gaps[0]) == std::vector<records::MemberId>{g.late});
    CHECK(gaps[1].curriculumSessionId == "framework-02");
    CHECK(codes(gaps[1]) == std::vector<records::MemberId>{g.absent, g.leaver});
    CHECK(gaps[1].firstDelivered == "2026-09-22"_date);
    CHECK(gaps[2].curriculumSessionId == "framework-03");
    CHECK(codes(gaps[2]) == std::vector<records::MemberId>{g.briefly});
}
