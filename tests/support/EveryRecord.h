// One record of every kind the store keeps (every clinical table has a row, most two), as a
// service would have written them: the database fixtures of each format and the tampering
// suite start from it. Signed in as the test administrator before and after.
#pragma once

#include "support/TestStore.h"

namespace roundtable::test {

inline void writeEveryKindOfRecord(records::RecordStore& store) {
    using namespace roundtable::records;
    auto group = store.addGroup("Tuesday group", GroupKind::treatment);
    auto member =
        store.addMember(group, "Zo\xC3\xAB O'Brien \xE2\x80\x93 Caf\xC3\xA9", "2026-11-01"_date);
    NewSession plan;
    plan.groupId = group;
    plan.date = "2026-11-03"_date;
    plan.title = "Making our group rules";
    plan.minutes = 120;
    plan.stamp = {"framework-02", "framework", 1, std::string(64, 'a')};
    plan.activities = {{"check-in", 120, "Arriving", "Greet each man."}};
    auto session = store.addSession(plan);
    store.markAttendance(session, {member, Attendance::late, "Bus was late", {}, {}});
    NoteContent note("A fixture note, signed.");
    note.participation = Participation::some;
    note.ratings = {{"keeps-rules", 2}};
    note.concernRaised = true;
    store.saveNoteDraft(session, member, note);
    store.signNote(session, member);
    store.setSessionStatus(session, SessionStatus::tookPlace);
    // Format 3 and later: the rest of the clinical record.
    store.amendNote(store.note(session, member)->id, "A fixture amendment.", "A reason.");
    store.recordMemberDetails(member,
                              {"1979-05-17"_date, "FX-1", "Fixture House", "A. Manager", ""});
    auto carers = store.addGroup("Tuesday carers", GroupKind::carers, {2, "18:00", 90}, group);
    store.addMember(carers, "A carer", "2026-11-01"_date);
    auto concern = store.raiseConcern({member, session, "A fixture concern."});
    auto action = store.addConcernAction(concern, "Call", "Lead", "2026-11-04"_date);
    store.updateConcernAction(action, ActionStatus::done, "Called.");
    OutcomeScore score;
    score.memberId = member;
    score.measureId = "sexual-knowledge";
    score.timePoint = "before";
    score.takenOn = "2026-11-01"_date;
    score.score = 30;
    store.recordOutcomeScore(score);
    store.saveRelapsePlan(member, {{"My warning signs", "A fixture sign."}});
    // Format 4 and later: who ran the session, corrected once (both records are kept).
    auto colleague = store.addUser("colleague", Role::facilitator, "a colleague's passphrase");
    store.setFacilitatorsPresent(session, {1, colleague});
    store.setFacilitatorsPresent(session, {colleague});
    // Format 7 and later: the service's programme (a token one: its content is not clinical,
    // but it is authenticated like the records) and a setting kept with the records.
    store.storeProgramme(
        "<programme format=\"1\" id=\"fixture\"/>",
        {{"framework", "modules/01-framework.xml", 1, "<module id=\"framework\" version=\"1\"/>",
          std::string(64, 'a')}},
        {{"group", "svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "People in a group"}},
        "A fixture programme");
    store.setRecordSetting("service", RecordStore::kPublishOwnWork, "no");
    // Format 8 and later: a catch-up session for the member, a milestone he reached, and a
    // clinical lead's review of his note (returned with a comment).
    NewSession catchUp = plan;
    catchUp.date = "2026-11-05"_date;
    catchUp.catchUpFor = {member};
    store.addSession(catchUp);
    store.recordMilestone(member, "account-four-steps", "2026-11-04"_date, "In his own words.");
    store.addUser("lead", Role::clinicalLead, "a clinical lead's passphrase");
    store.lock();
    store.unlock("lead", "a clinical lead's passphrase");
    store.reviewNote(store.note(session, member)->id, ReviewOutcome::returned,
                     "Please say how he took part.");
    store.lock();
    store.unlock(kTestLogin, kTestPassphrase);
    // Format 9 and later: running a session and the notes round. A planned session adapted for
    // the group, with a jotting and a task; the held one corrected (it did not take place, then
    // did), with a shared section, a check-in, the task's review, the concern closed and a session
    // rating.
    auto next = plan;
    next.date = "2026-11-10"_date;
    auto nextSession = store.addSession(next);
    store.adaptPlan(nextSession, {{1, 90, "Take it slowly."}}, "He reads little.");
    store.addJotting(nextSession, member, "Asked about the rules.");
    auto task = store.setTask(session, member, 1, "Notice one rule kept.");
    store.correctSessionStatus(session, SessionStatus::didNotTakePlace, "A fixture mistake.");
    store.correctSessionStatus(session, SessionStatus::tookPlace, "It did take place.");
    store.saveSharedSection(session, "We made the group's rules.");
    store.recordCheckIn(session, member, 4, "calm");
    store.reviewTask(task, nextSession, TaskOutcome::partly, "Once.");
    store.closeConcern(concern, "Talked it through; no further risk.");
    OutcomeScore rating;
    rating.memberId = member;
    rating.measureId = "session-rating";
    rating.timePoint = "each-session";
    rating.takenOn = "2026-11-03"_date;
    rating.score = 30;
    rating.forSession = session;
    store.recordOutcomeScore(rating);
    // Format 10 and later: a phrase of the user's own for notes.
    store.savePhrase("rules", "He kept to the group's rules.");
}

}  // namespace roundtable::test
