// "Everyone present" and the notes round on a real database and the shipped programme: who is
// in the round, each man's previous note, which of its ratings are offered to carry forward
// (this session's indicators only, never from a damaged note), and how many notes are signed.
#include <doctest/doctest.h>

#include "practice/Practice.h"
#include "practice/Wording.h"
#include "support/PracticeGroup.h"
#include "support/RawSql.h"
#include "support/Refusal.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using records::Attendance;
using records::IndicatorRating;
using roundtable::test::shippedProgramme;

namespace {

/// Three men, the first framework session held and written up, the second held.
struct Group : test::PracticeGroup {
    records::MemberId adam = practice.addMember(group, "Adam Able", "2026-09-01");
    records::MemberId ben = practice.addMember(group, "Ben Brook", "2026-09-01");
    records::MemberId carl = practice.addMember(group, "Carl Cole", "2026-09-01");
    records::SessionId first = deliver("framework-01", "2026-09-15");
    records::SessionId second = deliver("framework-02", "2026-09-22");

    Group() {
        CHECK(practice.markEveryonePresent(first) == 3);
        records::NoteContent adamsNote("Adam listened well.");
        adamsNote.participation = records::Participation::full;
        adamsNote.ratings = {{"framework-keeps-rules", 3}, {"framework-social-skills", 1}};
        practice.signNote(first, adam, adamsNote);
        records::NoteContent bensDraft("Ben was quiet.");
        bensDraft.ratings = {{"framework-says-why-here", 2}};
        practice.saveNote(first, ben, bensDraft);
        // Carl has no note of the first session.
    }
};

}  // namespace

TEST_CASE("everyone present marks only those without a mark, and keeps the exceptions") {
    Group g;
    g.practice.recordAttendance(g.second, g.carl, Attendance::absentAuthorised, "Unwell");
    CHECK(g.practice.markEveryonePresent(g.second) == 2);
    CHECK(g.practice.markEveryonePresent(g.second) == 0);  // nobody left to mark
    for (const auto& line : g.practice.registerFor(g.second)) {
        REQUIRE(line.mark);
        CHECK(line.mark->status ==
              (line.member.id == g.carl ? Attendance::absentAuthorised : Attendance::attended));
    }

    auto notHeld = g.practice.planSession(g.group, "framework-03", "2026-09-29");
    g.practice.markNotHeld(notHeld, "Snow");
    CHECK_THROWS_AS(g.practice.markEveryonePresent(notHeld), practice::ValidationError);
    CHECK_FALSE(g.practice.registerFor(notHeld)[0].mark);
}

TEST_CASE("the notes round lists the men who were there with their previous notes and ratings") {
    Group g;
    g.practice.recordAttendance(g.second, g.carl, Attendance::absentUnauthorised, "No word");
    g.practice.recordAttendance(g.second, g.ben, Attendance::late, "", 100);
    g.practice.markEveryonePresent(g.second);

    auto round = g.practice.notesRound(g.second);
    CHECK(round.indicators.size() == 3);
    REQUIRE(round.lines.size() == 2);  // Carl was absent: no note to write
    const auto& adam = round.lines[0];
    const auto& ben = round.lines[1];
    CHECK(adam.member.id == g.adam);
    CHECK(ben.member.id == g.ben);

    REQUIRE(adam.previous);
    CHECK(adam.previous->session.id == g.first);
    CHECK(adam.previous->note->content.text == "Adam listened well.");
    CHECK(adam.carried == std::vector<IndicatorRating>{{"framework-keeps-rules", 3},
                                                       {"framework-social-skills", 1}});
    REQUIRE(ben.previous);  // a draft is his previous note too
    CHECK(ben.previous->note->state == records::NoteState::draft);
    CHECK(ben.carried == std::vector<IndicatorRating>{{"framework-says-why-here", 2}});
    CHECK(round.doneCount() == 0);

    g.practice.signNote(g.second, g.adam, "Adam again.");
    round = g.practice.notesRound(g.second);
    CHECK(round.doneCount() == 1);
    CHECK(round.lines[0].done());
    CHECK_FALSE(round.lines[1].done());
    CHECK(round.lines[0].note->content.text == "Adam again.");
}

TEST_CASE("the notes round carries nothing across modules or from a note changed outside") {
    Group g;
    g.practice.markEveryonePresent(g.second);
    g.practice.signNote(g.second, g.adam, "Second session.");  // no ratings this time

    SUBCASE("a later note without ratings offers none, though an older one had them") {
        auto third = g.deliver("framework-03", "2026-09-29");
        g.practice.markEveryonePresent(third);
        auto round = g.practice.notesRound(third);
        REQUIRE(round.lines[0].previous);
        CHECK(round.lines[0].previous->session.id == g.second);
        CHECK(round.lines[0].carried.empty());
        CHECK_FALSE(round.lines[2].previous);  // Carl: no note yet anywhere
    }
    SUBCASE("another module's indicators are not this session's") {
        auto relationships = g.deliver("relationships-01", "2026-09-29");
        g.practice.markEveryonePresent(relationships);
        auto round = g.practice.notesRound(relationships);
        REQUIRE(round.lines[1].previous);
        CHECK(round.lines[1].previous->session.id == g.first);
        CHECK(round.lines[1].carried.empty());
    }
    SUBCASE("a damaged previous note is shown as damaged and offers nothing") {
        REQUIRE(test::rawSql(g.dir / "service.rtdb",
                             "UPDATE progress_notes SET participation = 'none' WHERE member_id = " +
                                 std::to_string(g.ben.value()) + ";") == "");
        auto third = g.deliver("framework-03", "2026-09-29");
        g.practice.markEveryonePresent(third);
        auto round = g.practice.notesRound(third);
        REQUIRE(round.lines[1].previous);
        CHECK_FALSE(round.lines[1].previous->note->damage.empty());
        CHECK(round.lines[1].carried.empty());
    }
}

TEST_CASE("what the group did starts from the plan's activities, and is written once") {
    Group g;
    auto firstDraft = g.practice.sharedSection(g.second);
    CHECK_FALSE(firstDraft.written);
    // Made from the shipped plan: its activities' titles, in order.
    const auto plan = g.store.session(g.second).planNow();
    REQUIRE(plan.size() >= 2);
    CHECK(firstDraft.text.starts_with("The group did: " + plan[0].title + "; " + plan[1].title));
    CHECK_THROWS_AS(g.practice.saveSharedSection(g.second, "  "), practice::ValidationError);
    g.practice.saveSharedSection(g.second, "  We agreed the rules and practised listening. ");
    auto written = g.practice.sharedSection(g.second);
    CHECK(written.written);
    CHECK(written.text == "We agreed the rules and practised listening.");
}

TEST_CASE("jottings go into the draft of the man they are about, never into a signed note") {
    Group g;
    CHECK_THROWS_AS(g.practice.addJotting(g.second, g.adam, " "), practice::ValidationError);
    g.practice.addJotting(g.second, g.adam, "Asked how to say no.");
    g.practice.addJotting(g.second, g.ben, "Laughed at the role-play.");
    CHECK(g.practice.useJottings(g.second, g.adam) == 1);
    CHECK(g.store.note(g.second, g.adam)->content.text == "Asked how to say no.");
    CHECK(g.store.note(g.second, g.adam)->state == records::NoteState::draft);
    g.practice.markEveryonePresent(g.second);
    g.practice.signNote(g.second, g.ben, records::NoteContent("Ben joined in."));
    CHECK(g.practice.useJottings(g.second, g.ben) == 0);
    CHECK(g.store.note(g.second, g.ben)->content.text == "Ben joined in.");
    CHECK(g.store.jottingsOf(g.second).size() == 1);  // kept: nothing is lost
}

TEST_CASE("a man's check-in mood is one of five pictures, shown in the round, and corrected") {
    Group g;
    g.practice.markEveryonePresent(g.second);
    CHECK_THROWS_AS(g.practice.recordCheckIn(g.second, g.adam, 0, ""), practice::ValidationError);
    CHECK_THROWS_AS(g.practice.recordCheckIn(g.second, g.adam, 6, ""), practice::ValidationError);
    g.practice.recordCheckIn(g.second, g.adam, 2, " tired ");
    g.practice.recordCheckIn(g.second, g.adam, 3, "tired but OK");
    auto round = g.practice.notesRound(g.second);
    REQUIRE(round.lines.size() == 3);
    REQUIRE(round.lines[0].checkIn);
    CHECK(round.lines[0].checkIn->mood == 3);
    CHECK(round.lines[0].checkIn->word == "tired but OK");
    CHECK_FALSE(round.lines[1].checkIn);
    CHECK(practice::moodInWords(3) == "Mixed");
    CHECK(practice::moodInWords(9).empty());
    // Each point's picture is one the shipped programme has.
    for (const auto& point : practice::moodScale())
        CHECK(std::filesystem::exists(std::filesystem::path(ROUNDTABLE_CONTENT) / "pictures" /
                                      (std::string(point.picture) + ".svg")));
}

TEST_CASE(
    "a between-sessions task is set for a man who was there and reviewed at his next "
    "session") {
    Group g;
    CHECK_FALSE(g.practice.taskOffer(g.second));  // "Making our group rules" sets no task
    auto first = g.deliver("relationships-01", "2026-09-29");
    g.practice.recordAttendance(first, g.adam, Attendance::attended, "");
    g.practice.recordAttendance(first, g.ben, Attendance::absentAuthorised, "Unwell");
    auto offer = g.practice.taskOffer(first);
    REQUIRE(offer);
    CHECK(offer->text == "This week we will notice the people we meet.");  // the easy-read words
    CHECK(g.practice.notesRound(first).task->activityPosition == offer->activityPosition);
    auto refused = [&](records::MemberId member, const std::string& text) {
        return test::fieldOf([&] { g.practice.setTask(first, member, text); });
    };
    CHECK(refused(g.ben, offer->text) == "task: A task is set for a man who was there.");
    CHECK(refused(g.adam, " ") == "task: Please write his task.");
    CHECK(refused(g.adam, "Notice who you meet at the day centre.") == "accepted");
    g.practice.setTask(first, g.adam, " Notice who you meet at the day centre. ");  // the same
    CHECK(test::rawCount(g.dir / "service.rtdb", "SELECT count(*) FROM member_tasks") == 1);
    auto round = g.practice.notesRound(first);
    REQUIRE(round.lines.size() == 1);
    REQUIRE(round.lines[0].task);
    CHECK(round.lines[0].task->text == "Notice who you meet at the day centre.");
    CHECK_FALSE(round.lines[0].taskToReview);

    // At his next session (which sets no task) he says how it went; said again, nothing new.
    auto next = g.deliver("relationships-02", "2026-10-06");
    CHECK(g.practice.markEveryonePresent(next) == 3);
    round = g.practice.notesRound(next);
    CHECK_FALSE(round.task);
    REQUIRE(round.lines[0].taskToReview);
    CHECK_FALSE(round.lines[1].taskToReview);                     // Ben was away: he has none
    const auto asShownFirst = round.lines[0].taskToReview->task;  // before it was reviewed
    g.practice.reviewTask(asShownFirst, next, records::TaskOutcome::partly, " Met two people. ");
    round = g.practice.notesRound(next);
    REQUIRE(round.lines[0].taskToReview);  // still there to correct at this session
    CHECK(round.lines[0].taskToReview->setOn == "2026-09-29"_date);
    REQUIRE(round.lines[0].taskToReview->task.review);
    CHECK(round.lines[0].taskToReview->task.review->outcome == records::TaskOutcome::partly);
    g.practice.reviewTask(round.lines[0].taskToReview->task, next, records::TaskOutcome::partly,
                          "Met two people.");
    g.practice.reviewTask(asShownFirst, next, records::TaskOutcome::partly, "Met two people.");
    CHECK(test::rawCount(g.dir / "service.rtdb", "SELECT count(*) FROM task_reviews") == 1);

    // Reviewed at an earlier session, it is not asked about again; his page lists it.
    auto third = g.deliver("relationships-03", "2026-10-13");
    g.practice.markEveryonePresent(third);
    CHECK_FALSE(g.practice.notesRound(third).lines[0].taskToReview);
    auto progress = g.practice.memberProgress(g.adam);
    REQUIRE(progress.tasks.size() == 1);
    CHECK(progress.tasks[0].setOn == "2026-09-29"_date);
    CHECK(progress.tasks[0].reviewedOn == "2026-10-06"_date);
    CHECK(progress.tasks[0].task.review->comment == "Met two people.");
}
