// The records of format 9 (running a session and the notes round, issue 14): corrections of
// whether a session took place, plans adapted for a group, jottings taken into a note, the
// shared section, check-ins, between-sessions tasks, and the session a session rating is for; on
// real files, each checked against the ledger.
#include <doctest/doctest.h>

#include "records/RecordStore.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

struct OneSession {
    TempDir dir;
    RecordStore store = createTestStore(dir / "s.rtdb");
    GroupId group = store.addGroup("Tuesday", GroupKind::treatment);
    MemberId member = store.addMember(group, "A man", "2026-11-01"_date);
    MemberId other = store.addMember(group, "Another", "2026-11-01"_date);
    SessionId session = store.addSession([this] {
        auto plan = plannedSession(group);
        plan.activities = {{"check-in", 15, "Arriving", "Greet each man."},
                           {"discussion", 60, "Rules", "Agree the rules."},
                           {"between-sessions task", 5, "This week", "Notice one rule kept."}};
        return plan;
    }());
};

}  // namespace

TEST_CASE("whether a session took place is corrected with a reason, and the first record stays") {
    OneSession s;
    auto& store = s.store;
    CHECK_THROWS_WITH_AS(store.correctSessionStatus(s.session, SessionStatus::tookPlace, "Why"),
                         doctest::Contains("not recorded yet"), StoreError);
    store.setSessionStatus(s.session, SessionStatus::didNotTakePlace, "Snow.");
    CHECK_THROWS_WITH_AS(store.correctSessionStatus(s.session, SessionStatus::tookPlace, ""),
                         doctest::Contains("say why"), StoreError);
    CHECK_THROWS_WITH_AS(
        store.correctSessionStatus(s.session, SessionStatus::didNotTakePlace, "Again"),
        doctest::Contains("already recorded that way"), StoreError);
    store.markAttendance(s.session, {s.member, Attendance::attended, "", {}, {}});
    CHECK(store.notesOwed(s.group).empty());  // it did not take place: no notes owed

    store.correctSessionStatus(s.session, SessionStatus::tookPlace, "Clicked the wrong one.");
    auto corrected = store.session(s.session);
    CHECK(corrected.status == SessionStatus::tookPlace);
    CHECK(corrected.firstRecordedStatus == SessionStatus::didNotTakePlace);
    CHECK(corrected.notHeldReason.empty());
    REQUIRE(corrected.statusCorrections.size() == 1);
    CHECK(corrected.statusCorrections[0].reason == "Clicked the wrong one.");
    CHECK(corrected.statusCorrections[0].correctedBy == kTestLogin);
    CHECK(store.sessionsOf(s.group).front().status == SessionStatus::tookPlace);
    REQUIRE(store.notesOwed(s.group).size() == 1);  // now his note is owed

    store.correctSessionStatus(s.session, SessionStatus::didNotTakePlace, "It was cancelled.");
    auto back = store.session(s.session);
    CHECK(back.status == SessionStatus::didNotTakePlace);
    CHECK(back.notHeldReason == "It was cancelled.");
    CHECK(back.statusCorrections.size() == 2);
    CHECK(store.verify().intact());
}

TEST_CASE("a plan is adapted for the group before it is delivered, and the plan as made stays") {
    OneSession s;
    auto& store = s.store;
    CHECK_THROWS_WITH_AS(store.adaptPlan(s.session, {{1, 10, ""}}, ""),
                         doctest::Contains("say why"), StoreError);
    CHECK_THROWS_WITH_AS(store.adaptPlan(s.session, {{1, 10, ""}, {1, 5, ""}}, "Why"),
                         doctest::Contains("once at most"), StoreError);
    CHECK_THROWS_WITH_AS(store.adaptPlan(s.session, {{4, 10, ""}}, "Why"),
                         doctest::Contains("once at most"), StoreError);
    CHECK_THROWS_WITH_AS(store.adaptPlan(s.session, {{1, 0, ""}}, "Why"),
                         doctest::Contains("a minute or more"), StoreError);

    store.adaptPlan(s.session, {{2, 70, "Use the picture cards."}, {1, 10, ""}},
                    "Two men read little: more time for the rules.");
    auto adapted = store.session(s.session);
    REQUIRE(adapted.adaptation);
    CHECK(adapted.adaptation->reason == "Two men read little: more time for the rules.");
    CHECK(adapted.adaptation->madeBy == kTestLogin);
    CHECK(adapted.activities.size() == 3);  // as made from the curriculum
    auto plan = adapted.planNow();
    REQUIRE(plan.size() == 2);
    CHECK(plan[0].title == "Rules");
    CHECK(plan[0].minutes == 70);
    CHECK(plan[0].guidance == "Agree the rules.\n\nUse the picture cards.");
    CHECK(plan[1].title == "Arriving");
    CHECK(plan[1].minutes == 10);

    store.setSessionStatus(s.session, SessionStatus::tookPlace);
    CHECK_THROWS_WITH_AS(store.adaptPlan(s.session, {{1, 10, ""}}, "Later"),
                         doctest::Contains("not yet delivered"), StoreError);
    CHECK(store.verify().intact());
}

TEST_CASE("jottings reach the member's draft at the end, in one step, and are then gone") {
    OneSession s;
    auto& store = s.store;
    CHECK_THROWS_AS(store.addJotting(s.session, s.member, "  "), StoreError);
    store.addJotting(s.session, s.member, "Quiet at first");
    store.addJotting(s.session, s.other, "Helped a newcomer");
    store.addJotting(s.session, s.member, "Spoke up about rules");
    CHECK(store.jottingsOf(s.session).size() == 3);
    NoteContent draft("He arrived on time.");
    draft.ratings = {{"keeps-rules", 2}};
    store.saveNoteDraft(s.session, s.member, draft);

    CHECK(store.takeJottingsIntoDraft(s.session, s.member) == 2);
    auto note = store.note(s.session, s.member);
    REQUIRE(note);
    CHECK(note->state == NoteState::draft);
    CHECK(note->content.text == "He arrived on time.\nQuiet at first\nSpoke up about rules");
    CHECK(note->content.ratings == draft.ratings);
    auto left = store.jottingsOf(s.session);
    REQUIRE(left.size() == 1);
    CHECK(left[0].memberId == s.other);
    CHECK(store.takeJottingsIntoDraft(s.session, s.member) == 0);

    // A man with no draft gets one; a signed note is never changed, and the jottings stay.
    store.saveAndSignNote(s.session, s.other, NoteContent("Signed first."));
    CHECK_THROWS_WITH_AS(store.takeJottingsIntoDraft(s.session, s.other),
                         doctest::Contains("signed"), StoreError);
    CHECK(store.jottingsOf(s.session).size() == 1);
    CHECK(store.verify().intact());
}

TEST_CASE("the shared section keeps each version, and the newest is read") {
    OneSession s;
    auto& store = s.store;
    CHECK_FALSE(store.sharedSectionOf(s.session));
    store.saveSharedSection(s.session, "   ");  // nothing written: nothing kept
    CHECK_FALSE(store.sharedSectionOf(s.session));
    store.saveSharedSection(s.session, "We agreed the group's rules.");
    store.saveSharedSection(s.session, "We agreed the group's rules.");  // unchanged
    store.saveSharedSection(s.session, "We agreed the rules and practised listening.");
    auto section = store.sharedSectionOf(s.session);
    REQUIRE(section);
    CHECK(section->text == "We agreed the rules and practised listening.");
    CHECK(section->writtenBy == kTestLogin);
    CHECK(store.verify().intact());
}

TEST_CASE("a check-in's mood is one of five, and a later one for the session corrects it") {
    OneSession s;
    auto& store = s.store;
    CHECK_THROWS_AS(store.recordCheckIn(s.session, s.member, 0, ""), StoreError);
    CHECK_THROWS_AS(store.recordCheckIn(s.session, s.member, 6, ""), StoreError);
    store.recordCheckIn(s.session, s.member, 2, "tired");
    store.recordCheckIn(s.session, s.other, 4, "");
    store.recordCheckIn(s.session, s.member, 3, "tired but OK");
    auto atSession = store.checkInsAt(s.session);
    REQUIRE(atSession.size() == 2);
    CHECK(atSession[0].memberId == s.member);
    CHECK(atSession[0].mood == 3);
    CHECK(atSession[0].word == "tired but OK");
    auto later = store.addSession(plannedSession(s.group, "2026-11-10"_date));
    store.recordCheckIn(later, s.member, 5, "");
    auto his = store.checkInsOf(s.member);
    REQUIRE(his.size() == 2);
    CHECK(his[0].sessionId == s.session);
    CHECK(his[1].mood == 5);
    CHECK(store.verify().intact());
}

TEST_CASE("a between-sessions task is set per man, changed by a new record, and reviewed") {
    OneSession s;
    auto& store = s.store;
    CHECK_THROWS_AS(store.setTask(s.session, s.member, 3, ""), StoreError);
    auto first = store.setTask(s.session, s.member, 3, "Notice one rule kept.");
    auto changed = store.setTask(s.session, s.member, 3, "Notice one rule kept at home.");
    store.setTask(s.session, s.other, 3, "Notice one rule kept.");
    CHECK_THROWS_AS(store.reviewTask(first, s.session, TaskOutcome::done, ""), StoreError);

    auto next = store.addSession(plannedSession(s.group, "2026-11-10"_date));
    store.reviewTask(changed, next, TaskOutcome::notDone, "Forgot.");
    store.reviewTask(changed, next, TaskOutcome::partly, "Remembered once.");
    auto tasks = store.tasksOf(s.member);
    REQUIRE(tasks.size() == 1);
    CHECK(tasks[0].text == "Notice one rule kept at home.");
    CHECK(tasks[0].activityPosition == 3);
    REQUIRE(tasks[0].review);
    CHECK(tasks[0].review->outcome == TaskOutcome::partly);
    CHECK(tasks[0].review->comment == "Remembered once.");
    CHECK(tasks[0].review->sessionId == next);
    REQUIRE(store.tasksOf(s.other).size() == 1);
    CHECK_FALSE(store.tasksOf(s.other)[0].review);
    CHECK(store.verify().intact());
}

TEST_CASE("a session rating names its session, so two sessions on one day keep their own") {
    OneSession s;
    auto& store = s.store;
    auto sameDay = store.addSession(plannedSession(s.group));
    OutcomeScore rating;
    rating.memberId = s.member;
    rating.measureId = "session-rating";
    rating.timePoint = "each-session";
    rating.takenOn = "2026-11-03"_date;
    rating.score = 30;
    rating.forSession = s.session;
    store.recordOutcomeScore(rating);
    rating.score = 20;
    rating.forSession = sameDay;
    store.recordOutcomeScore(rating);
    auto scores = store.outcomeScoresOf(s.member);
    REQUIRE(scores.size() == 2);
    CHECK(scores[0].forSession == s.session);
    CHECK(scores[1].forSession == sameDay);
    CHECK(store.verify().intact());
}
