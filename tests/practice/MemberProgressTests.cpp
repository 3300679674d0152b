// A member's progress on a real database and the shipped programme: sessions attended of those
// delivered per module (a man who joined late, one who left, late and left early counted as
// attended), his ratings from signed notes in date order, his scores grouped by measure, the
// audit of the look, and damaged records refused.
#include <doctest/doctest.h>

#include "practice/Practice.h"
#include "support/PracticeGroup.h"
#include "support/RawSql.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using records::Attendance;
using roundtable::test::shippedProgramme;

namespace {

/// Three framework sessions and two of relationships delivered, one more planned; Adam there
/// throughout, Eli joined after the first, Finn left after the second.
struct Group : test::PracticeGroup {
    records::MemberId adam = practice.addMember(group, "Adam Always", "2026-09-01");
    records::MemberId eli = practice.addMember(group, "Eli Late", "2026-09-20");
    records::MemberId finn = practice.addMember(group, "Finn Leaver", "2026-09-01");
    records::SessionId first = deliver("framework-01", "2026-09-15");
    records::SessionId second = deliver("framework-02", "2026-09-22");
    records::SessionId third = deliver("framework-03", "2026-09-29");
    records::SessionId fourth = deliver("relationships-01", "2026-10-06");
    records::SessionId fifth = deliver("relationships-02", "2026-10-13");
    records::SessionId planned = practice.planSession(group, "relationships-03", "2026-10-20");

    Group() {
        mark(first, adam, Attendance::attended);
        mark(second, adam, Attendance::late, "Bus");
        mark(third, adam, Attendance::leftEarly, "Appointment", 30);  // still attended
        mark(fourth, adam, Attendance::absentAuthorised, "Unwell");
        mark(fifth, adam, Attendance::attended);
        // Eli: no mark at the first (before he joined), absent at the third.
        mark(second, eli, Attendance::attended);
        mark(third, eli, Attendance::absentUnauthorised, "No word");
        mark(fourth, eli, Attendance::attended);
        // Finn: at the first two, then left.
        mark(first, finn, Attendance::attended);
        mark(second, finn, Attendance::attended);
        practice.recordLeaving(group, finn, "2026-09-25", "Moved away");
    }
    void sign(records::SessionId session, records::MemberId member,
              std::vector<records::IndicatorRating> ratings) {
        records::NoteContent content("Took part.");
        content.ratings = std::move(ratings);
        practice.signNote(session, member, content);
    }
};

/// "title: attended/delivered" for each module, in order.
std::vector<std::string> modulesOf(const practice::MemberProgress& progress) {
    std::vector<std::string> lines;
    for (const auto& module : progress.modules) {
        lines.push_back(module.title + ": " + std::to_string(module.attended) + "/" +
                        std::to_string(module.delivered));
    }
    return lines;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("progress counts per module the sessions he attended of those delivered while a member") {
    Group g;
    const std::string framework(shippedProgramme().findModule("framework")->title);
    const std::string relationships(shippedProgramme().findModule("relationships")->title);
    // Late and left early (however short his stay) count as attended; absent does not. The
    // planned session is not delivered yet.
    CHECK(modulesOf(g.practice.memberProgress(g.adam)) ==
          Lines{framework + ": 3/3", relationships + ": 1/2"});
    // Eli joined after the first session: two framework sessions delivered while a member.
    CHECK(modulesOf(g.practice.memberProgress(g.eli)) ==
          Lines{framework + ": 1/2", relationships + ": 1/2"});
    // Finn left before the third: nothing after counts against him.
    CHECK(modulesOf(g.practice.memberProgress(g.finn)) == Lines{framework + ": 2/2"});
    // A mark taken before he joined counts (the register was taken), as in the report.
    g.mark(g.first, g.eli, Attendance::attended);
    CHECK(modulesOf(g.practice.memberProgress(g.eli)) ==
          Lines{framework + ": 2/3", relationships + ": 1/2"});
    CHECK(g.practice.memberProgress(g.adam).member.code ==
          g.practice.membersOf(g.group).front().code);
}

TEST_CASE("progress lists his ratings from signed notes by indicator, oldest first") {
    Group g;
    // Signed out of date order; a draft is not counted.
    g.sign(g.third, g.adam, {{"framework-keeps-rules", 3}, {"framework-social-skills", 2}});
    g.sign(g.first, g.adam, {{"framework-keeps-rules", 1}});
    g.sign(g.second, g.adam, {{"framework-keeps-rules", 2}, {"framework-social-skills", 1}});
    records::NoteContent draft("Not finished.");
    const auto& relationshipsModule = *shippedProgramme().findModule("relationships");
    draft.ratings = {{std::string(relationshipsModule.indicators.front().id), 1}};
    g.practice.saveNote(g.fifth, g.adam, draft);

    const auto progress = g.practice.memberProgress(g.adam);
    REQUIRE(progress.indicators.size() == 2);  // only the rated ones, none of the draft's
    const auto& keepsRules = progress.indicators[0];
    CHECK(keepsRules.moduleId == "framework");
    CHECK(keepsRules.indicatorId == "framework-keeps-rules");
    const auto& known = shippedProgramme().findModule("framework")->indicators.front();
    CHECK(keepsRules.label == std::string(known.label));
    CHECK(keepsRules.scaleMin == 0);
    CHECK(keepsRules.scaleMax == 3);
    REQUIRE(keepsRules.ratings.size() == 3);
    CHECK(keepsRules.ratings[0].date == "2026-09-15"_date);
    CHECK(keepsRules.ratings[0].rating == 1);
    CHECK(keepsRules.ratings[1].rating == 2);
    CHECK(keepsRules.ratings[2].date == "2026-09-29"_date);
    CHECK(keepsRules.ratings[2].rating == 3);
    // The programme's order of indicators, not the order rated.
    CHECK(progress.indicators[1].indicatorId == "framework-social-skills");
    CHECK(progress.indicators[1].ratings.size() == 2);
    // Another man's ratings are not his.
    CHECK(g.practice.memberProgress(g.finn).indicators.empty());
}

TEST_CASE("progress groups his scores by measure in the programme's order, each by date") {
    Group g;
    g.practice.recordOutcomeScore(g.adam, "empathy-for-victims", "after", "2026-10-14", 60);
    g.practice.recordOutcomeScore(g.adam, "sexual-knowledge", "before", "2026-09-10", 35);
    g.practice.recordOutcomeScore(g.adam, "empathy-for-victims", "before", "2026-09-10", 40);
    auto wrong =
        g.practice.recordOutcomeScore(g.adam, "sexual-knowledge", "after", "2026-10-14", 5);
    // A correction replaces the score it corrects.
    g.practice.recordOutcomeScore(g.adam, "sexual-knowledge", "after", "2026-10-14", 55, wrong);

    const auto progress = g.practice.memberProgress(g.adam);
    REQUIRE(progress.measures.size() == 2);  // only the measures he has scores on
    const auto& knowledge = progress.measures[0];
    CHECK(knowledge.measureId == "sexual-knowledge");
    CHECK(knowledge.min == 0);
    CHECK(knowledge.max == 100);
    CHECK(knowledge.higherIsBetter);
    REQUIRE(knowledge.scores.size() == 2);
    CHECK(knowledge.scores[0].timePoint == "before");
    CHECK(knowledge.scores[0].timePointLabel == "Before the group starts");
    CHECK(knowledge.scores[0].score == 35);
    CHECK(knowledge.scores[1].score == 55);
    const auto& empathy = progress.measures[1];
    CHECK(empathy.measureId == "empathy-for-victims");
    REQUIRE(empathy.scores.size() == 2);
    CHECK(empathy.scores[0].takenOn == "2026-09-10"_date);
    CHECK(empathy.scores[0].score == 40);
    CHECK(empathy.scores[1].timePointLabel == "When the treatment year ends");
    CHECK(empathy.scores[1].score == 60);
}

TEST_CASE("a look at a member's progress is audited, and a damaged record refuses it") {
    Group g;
    const auto path = g.dir / "service.rtdb";
    const auto looks = [&] {
        return test::rawCount(
            path,
            "SELECT COUNT(*) FROM audit_events WHERE record_kind = 'member-progress' AND "
            "record_id = " +
                std::to_string(g.adam));
    };
    CHECK(looks() == 0);
    (void)g.practice.memberProgress(g.adam);
    CHECK(looks() == 1);
    CHECK_THROWS_AS((void)g.practice.memberProgress(999), practice::ValidationError);

    // A mark changed with a SQLite shell: the numbers cannot be relied on, so none are shown.
    REQUIRE(test::rawSql(path,
                         "DROP TRIGGER attendance_marks_are_kept_update; "
                         "UPDATE attendance_marks SET status = 'attended' WHERE member_id = " +
                             std::to_string(g.adam)) == "");
    try {
        (void)g.practice.memberProgress(g.adam);
        FAIL("a damaged mark was used");
    } catch (const practice::ValidationError& refused) {
        CHECK(refused.field() == "progress");
        CHECK(std::string(refused.what()).starts_with("The progress view was not made."));
    }
    CHECK(looks() == 1);  // nothing shown, no look recorded
    // Another member's progress does not use his marks.
    CHECK_NOTHROW((void)g.practice.memberProgress(g.finn));
}

TEST_CASE(
    "milestones are recorded on the day he reached them, withdrawn with a reason, and shown") {
    Group g;
    // Every milestone of the programme, none reached yet.
    auto progress = g.practice.memberProgress(g.adam);
    REQUIRE(progress.milestones.size() == shippedProgramme().milestones.size());
    CHECK(progress.milestones[0].milestoneId == "account-four-steps");
    CHECK_FALSE(progress.milestones[0].reached);

    CHECK_THROWS_WITH_AS(g.practice.recordMilestone(g.adam, "no-such-step", "2026-10-01", ""),
                         "Choose one of the programme's milestones.", practice::ValidationError);
    CHECK_THROWS_AS(g.practice.recordMilestone(g.adam, "account-four-steps", "2026-02-30", ""),
                    practice::ValidationError);
    const auto tomorrow = g.practice.today().plusDays(1).iso();
    CHECK_THROWS_WITH_AS(g.practice.recordMilestone(g.adam, "account-four-steps", tomorrow, ""),
                         "A milestone is recorded once he has reached it, not before.",
                         practice::ValidationError);

    g.practice.recordMilestone(g.adam, "account-four-steps", "2026-10-06", "  In his own words. ");
    progress = g.practice.memberProgress(g.adam);
    REQUIRE(progress.milestones[0].reached);
    CHECK(progress.milestones[0].reached->reachedOn == "2026-10-06"_date);
    CHECK(progress.milestones[0].reached->note == "In his own words.");
    CHECK(progress.milestones[0].reached->recordedBy == test::kTestLogin);
    CHECK(g.practice.memberProgress(g.eli).milestones[0].reached == std::nullopt);

    // Withdrawn as a mistake: a reason is needed, and the record is kept, marked withdrawn.
    const auto id = progress.milestones[0].reached->id;
    CHECK_THROWS_AS(g.practice.withdrawMilestone(g.adam, id, " "), practice::ValidationError);
    CHECK_THROWS_AS(g.practice.withdrawMilestone(g.eli, id, "Not his"), practice::ValidationError);
    g.practice.withdrawMilestone(g.adam, id, "Recorded for the wrong man.");
    CHECK_FALSE(g.practice.memberProgress(g.adam).milestones[0].reached);
    auto kept = g.store.milestonesOf(g.adam);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].withdrawnBecause == "Recorded for the wrong man.");
    CHECK(test::rawCount(g.dir / "service.rtdb",
                         "SELECT COUNT(*) FROM audit_events WHERE kind IN ('record-milestone', "
                         "'withdraw-milestone')") == 2);
}

TEST_CASE("progress shows his mood at each check-in by the session's date, the newest counting") {
    Group g;
    g.practice.recordCheckIn(g.second, g.adam, 2, "");
    g.practice.recordCheckIn(g.first, g.adam, 4, "calm");
    g.practice.recordCheckIn(g.second, g.adam, 3, "");  // corrects the first of the second
    g.practice.recordCheckIn(g.first, g.eli, 5, "");    // before he joined: not his session
    auto progress = practice::memberProgress(g.store, g.adam, shippedProgramme());
    REQUIRE(progress.moods.size() == 2);
    CHECK(progress.moods[0].date == "2026-09-15"_date);
    CHECK(progress.moods[0].rating == 4);
    CHECK(progress.moods[1].date == "2026-09-22"_date);
    CHECK(progress.moods[1].rating == 3);
    CHECK(practice::memberProgress(g.store, g.eli, shippedProgramme()).moods.empty());
}
