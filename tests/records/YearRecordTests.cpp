// The records of format 8 (the group's year, issue 13): catch-up sessions for named members,
// milestones and their withdrawal, and clinical-lead reviews of signed notes, on real files.
#include <doctest/doctest.h>

#include "records/RecordStore.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {
constexpr const char* kLead = "lead";
constexpr const char* kLeadPassphrase = "a clinical lead's passphrase";

void signInAs(RecordStore& store, const char* login, const char* passphrase) {
    store.lock();
    store.unlock(login, passphrase);
}
}  // namespace

TEST_CASE("a catch-up session is for the men it names, and only in their histories") {
    TempDir dir;
    auto store = createTestStore(dir / "s.rtdb");
    auto group = store.addGroup("Tuesday", GroupKind::treatment);
    auto missed = store.addMember(group, "Missed it", "2026-11-01"_date);
    auto other = store.addMember(group, "Was there", "2026-11-01"_date);
    auto groupSession = store.addSession(plannedSession(group, "2026-11-03"_date));
    auto plan = plannedSession(group, "2026-11-06"_date);
    plan.catchUpFor = {missed};
    auto catchUp = store.addSession(plan);

    auto sessions = store.sessionsOf(group);
    REQUIRE(sessions.size() == 2);
    CHECK_FALSE(sessions[0].isCatchUp());
    CHECK(sessions[1].catchUpFor == std::vector<MemberId>{missed});
    CHECK(store.session(catchUp).catchUpFor == std::vector<MemberId>{missed});
    CHECK(store.session(groupSession).catchUpFor.empty());
    CHECK(store.historyOf(missed).size() == 2);
    REQUIRE(store.historyOf(other).size() == 1);
    CHECK(store.historyOf(other)[0].session.id == groupSession);
    CHECK(store.verify().intact());
}

TEST_CASE("a milestone is recorded with its day and recorder, and withdrawn only once") {
    TempDir dir;
    auto store = createTestStore(dir / "s.rtdb");
    auto group = store.addGroup("Tuesday", GroupKind::treatment);
    auto member = store.addMember(group, "A man", "2026-11-01"_date);
    auto other = store.addMember(group, "Another", "2026-11-01"_date);
    auto first =
        store.recordMilestone(member, "account-four-steps", "2026-11-20"_date, "Done well.");
    store.recordMilestone(member, "plan-written", "2026-11-27"_date, "");

    auto milestones = store.milestonesOf(member);
    REQUIRE(milestones.size() == 2);
    CHECK(milestones[0].milestoneId == "account-four-steps");
    CHECK(milestones[0].reachedOn == "2026-11-20"_date);
    CHECK(milestones[0].note == "Done well.");
    CHECK(milestones[0].recordedBy == kTestLogin);
    CHECK_FALSE(milestones[0].withdrawnBecause);

    store.recordMilestone(member, "account-four-steps", "2026-11-20"_date, "Wrong man.", first);
    milestones = store.milestonesOf(member);
    REQUIRE(milestones.size() == 2);  // the withdrawal is not a milestone of its own
    CHECK(milestones[0].withdrawnBecause == "Wrong man.");
    CHECK(milestones[0].withdrawnBy == kTestLogin);
    CHECK_FALSE(milestones[1].withdrawnBecause);
    // Withdrawn already, or another man's: refused, nothing written.
    CHECK_THROWS_AS(
        store.recordMilestone(member, "account-four-steps", "2026-11-20"_date, "Again", first),
        StoreError);
    CHECK_THROWS_AS(store.recordMilestone(other, "plan-written", "2026-11-27"_date, "Not his",
                                          milestones[1].id),
                    StoreError);
    CHECK(store.milestonesOf(other).empty());
    CHECK(store.verify().intact());
}

TEST_CASE("a clinical lead co-signs or returns a signed note, and the author's amendment answers") {
    TempDir dir;
    auto store = createTestStore(dir / "s.rtdb");
    store.addUser(kLead, Role::clinicalLead, kLeadPassphrase);
    auto author = store.addUser("author", Role::facilitator, "an author's passphrase");
    auto group = store.addGroup("Tuesday", GroupKind::treatment);
    auto first = store.addMember(group, "First", "2026-11-01"_date);
    auto second = store.addMember(group, "Second", "2026-11-01"_date);
    auto session = store.addSession(plannedSession(group));
    signInAs(store, "author", "an author's passphrase");
    store.saveAndSignNote(session, first, NoteContent("First note."));
    store.saveAndSignNote(session, second, NoteContent("Second note."));
    store.saveNoteDraft(store.addSession(plannedSession(group, "2026-11-10"_date)), first,
                        NoteContent("A draft."));
    auto firstNote = store.note(session, first)->id;
    auto secondNote = store.note(session, second)->id;

    // Before: both signed notes await review (a draft never does); nothing is returned.
    CHECK(store.notesAwaitingReview("").size() == 2);
    CHECK(store.notesAwaitingReview("9999").empty());  // signed before the setting's day
    CHECK(store.notesReturnedTo(author).empty());
    // Only a clinical lead reviews, and not a note of her own.
    CHECK_THROWS_AS(store.reviewNote(firstNote, ReviewOutcome::coSigned, ""), StoreError);

    signInAs(store, kLead, kLeadPassphrase);
    CHECK_THROWS_AS(store.reviewNote(firstNote, ReviewOutcome::returned, ""), StoreError);
    store.reviewNote(firstNote, ReviewOutcome::returned, "Say what he said about the rules.");
    store.reviewNote(secondNote, ReviewOutcome::coSigned, "");
    CHECK(store.notesAwaitingReview("").empty());
    auto returned = store.notesReturnedTo(author);
    REQUIRE(returned.size() == 1);
    CHECK(returned[0].note == firstNote);
    CHECK(returned[0].member == first);
    CHECK(returned[0].review.comment == "Say what he said about the rules.");
    CHECK(returned[0].review.reviewer == kLead);

    // The author answers with an amendment: the note awaits review again, marked as answered.
    signInAs(store, "author", "an author's passphrase");
    store.amendNote(firstNote, "He said the rules keep everyone safe.", "Asked by the lead.");
    CHECK(store.notesReturnedTo(author).empty());
    auto awaiting = store.notesAwaitingReview("");
    REQUIRE(awaiting.size() == 1);
    CHECK(awaiting[0].note == firstNote);
    CHECK(awaiting[0].answered);
    CHECK(awaiting[0].author == "author");
    CHECK(awaiting[0].sessionDate == "2026-11-03"_date);

    signInAs(store, kLead, kLeadPassphrase);
    store.reviewNote(firstNote, ReviewOutcome::coSigned, "Thank you.");
    CHECK(store.notesAwaitingReview("").empty());
    auto note = store.note(session, first);
    REQUIRE(note->reviews.size() == 2);
    CHECK(note->reviews[0].outcome == ReviewOutcome::returned);
    CHECK(note->reviews[1].outcome == ReviewOutcome::coSigned);
    CHECK(note->reviews[1].comment == "Thank you.");
    CHECK(note->damage.empty());
    // A draft is never reviewed.
    auto draft = store.note(store.sessionsOf(group).back().id, first)->id;
    CHECK_THROWS_AS(store.reviewNote(draft, ReviewOutcome::coSigned, ""), StoreError);
    CHECK(store.verify().intact());
}
