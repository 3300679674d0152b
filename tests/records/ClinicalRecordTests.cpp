// The format-3 clinical record on real database files: member details, leaving, schedules,
// sessions not held, structured notes, amendments, concerns, outcome scores and
// relapse-prevention plans. Each is read back after reopening, and plain SQL shows that the
// schema itself keeps what must never change.
#include <doctest/doctest.h>

#include "records/RecordStore.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

/// A database with one group, two members and one session both attended.
struct Service {
    TempDir dir;
    std::filesystem::path path = dir / "service.rtdb";
    GroupId group = 0;
    MemberId first = 0, second = 0;
    SessionId session = 0;

    Service() {
        auto store = createTestStore(path);
        group = store.addGroup("Tuesday group", GroupKind::treatment, {2, "10:30", 120});
        first = store.addMember(group, "Adam Reid", "2026-09-01"_date, true);
        second = store.addMember(group, "Ben Shah", "2026-09-01"_date);
        session = store.addSession(plannedSession(group, "2026-11-03"_date));
        for (auto member : {first, second}) {
            AttendanceMark mark;
            mark.memberId = member;
            store.markAttendance(session, mark);
        }
    }
    RecordStore open() const { return openTestStore(path); }
    std::int64_t count(const std::string& sql) const { return rawCount(path, sql); }
};

}  // namespace

TEST_CASE("group schedule, carers' link and membership details read back after reopening") {
    Service service;
    GroupId carers = 0;
    {
        auto store = service.open();
        carers = store.addGroup("Carers (Tuesday)", GroupKind::carers, {}, service.group);
    }
    auto store = service.open();
    auto groups = store.groups();
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].schedule.weekday == 2);
    CHECK(groups[0].schedule.startsAt == "10:30");
    CHECK(groups[0].schedule.sessionMinutes == 120);
    CHECK_FALSE(groups[0].linkedGroup);
    CHECK(groups[1].id == carers);
    CHECK(groups[1].linkedGroup == service.group);
    CHECK(groups[1].schedule.weekday == 0);
    auto members = store.membersOf(service.group);
    REQUIRE(members.size() == 2);
    CHECK(members[0].attendanceRequired);
    CHECK_FALSE(members[1].attendanceRequired);
    CHECK(members[0].joinedOn == "2026-09-01"_date);
    CHECK_FALSE(members[0].leftOn);
}

TEST_CASE("the schema links only a carers' group, and only to a treatment group") {
    Service service;
    auto store = service.open();
    CHECK_THROWS_AS(store.addGroup("Wrong", GroupKind::maintenance, {}, service.group), StoreError);
    auto carers = store.addGroup("Carers", GroupKind::carers);
    CHECK_THROWS_AS(store.addGroup("Carers of carers", GroupKind::carers, {}, carers), StoreError);
    CHECK(rawSql(service.path, "UPDATE groups SET linked_group_id = " + std::to_string(carers) +
                                   " WHERE id = " + std::to_string(service.group))
              .find("only a carers' group is linked") != std::string::npos);
}

TEST_CASE("leaving is recorded once, with an encrypted reason, and kept by the schema") {
    Service service;
    {
        auto store = service.open();
        store.recordLeaving(service.group, service.first, "2026-12-01"_date,
                            "Moved to another area");
        CHECK_THROWS_WITH_AS(
            store.recordLeaving(service.group, service.first, "2026-12-02"_date, "Again"),
            "This member's leaving is already recorded.", StoreError);
    }
    auto store = service.open();
    auto members = store.membersOf(service.group);
    CHECK(members[0].leftOn == "2026-12-01"_date);
    CHECK(members[0].leavingReason == "Moved to another area");
    CHECK_FALSE(members[1].leftOn);
    store.lock();
    CHECK_FALSE(storeContains(service.path, "Moved to another area"));
    CHECK(rawSql(service.path, "UPDATE memberships SET left_on = NULL")
              .find("a member who has left keeps that record") != std::string::npos);
    CHECK(rawSql(service.path, "DELETE FROM memberships").find("never deleted") !=
          std::string::npos);
}

TEST_CASE("member details: the newest counts, earlier ones stay, all encrypted") {
    Service service;
    {
        auto store = service.open();
        CHECK_FALSE(store.memberDetails(service.first));
        MemberDetails details;
        details.dateOfBirth = "1980-02-29"_date;
        details.localId = "LOCAL-778899";
        details.residentialService = "Elm House supported living";
        details.careManager = "Pat Green, 01632 960123";
        store.recordMemberDetails(service.first, details);
        details.careManager = "Sam Lee, 01632 960999";
        details.localId.clear();
        store.recordMemberDetails(service.first, details);
    }
    auto store = service.open();
    auto details = store.memberDetails(service.first);
    REQUIRE(details);
    CHECK(details->dateOfBirth == "1980-02-29"_date);
    CHECK(details->localId.empty());
    CHECK(details->careManager == "Sam Lee, 01632 960999");
    CHECK_FALSE(details->recordedAt.empty());
    CHECK_FALSE(store.memberDetails(service.second));
    store.lock();
    CHECK(service.count("SELECT COUNT(*) FROM member_details") == 2);
    CHECK(service.count("SELECT COUNT(*) FROM member_details WHERE local_id IS NULL") == 1);
    for (const char* secret : {"1980-02-29", "LOCAL-778899", "Elm House", "Pat Green"})
        CHECK_FALSE(storeContains(service.path, secret));
    CHECK_FALSE(rawSql(service.path, "UPDATE member_details SET local_id = NULL").empty());
    CHECK_FALSE(rawSql(service.path, "DELETE FROM member_details").empty());
}

TEST_CASE("a session that did not take place needs a reason: facilitators and minutes present") {
    Service service;
    auto store = service.open();
    CHECK_THROWS_WITH_AS(store.setSessionStatus(service.session, SessionStatus::didNotTakePlace),
                         "Please say why the session did not take place.", StoreError);
    store.setSessionStatus(service.session, SessionStatus::didNotTakePlace, "Snow: roads closed");
    auto helper = store.addUser("co-facilitator", Role::facilitator, "another long passphrase");
    store.setFacilitatorsPresent(service.session, {1, helper});
    AttendanceMark partly;
    partly.memberId = service.second;
    partly.status = Attendance::leftEarly;
    partly.reason = "Appointment";
    partly.minutesPresent = 45;
    store.markAttendance(service.session, partly);

    auto reopened = service.open();
    auto session = reopened.session(service.session);
    CHECK(session.status == SessionStatus::didNotTakePlace);
    CHECK(session.notHeldReason == "Snow: roads closed");
    CHECK(session.facilitators == std::vector<UserId>{1, helper});
    auto marks = reopened.registerOf(service.session);
    REQUIRE(marks.size() == 2);
    CHECK_FALSE(marks[0].minutesPresent);
    CHECK(marks[1].minutesPresent == 45);
    // Recorded once: neither outcome, nor the reason, is overwritten afterwards.
    for (auto status : {SessionStatus::tookPlace, SessionStatus::didNotTakePlace}) {
        CHECK_THROWS_WITH_AS(reopened.setSessionStatus(service.session, status, "Changed"),
                             "Whether this session took place is already recorded, and a record "
                             "is never overwritten.",
                             StoreError);
    }
    CHECK(reopened.session(service.session).status == SessionStatus::didNotTakePlace);
    CHECK(reopened.session(service.session).notHeldReason == "Snow: roads closed");
}

TEST_CASE("correcting who ran a session keeps what was recorded before") {
    Service service;
    auto store = service.open();
    auto helper = store.addUser("co-facilitator", Role::facilitator, "another long passphrase");
    auto lead = store.addUser("clinical-lead", Role::clinicalLead, "a third long passphrase");
    store.setFacilitatorsPresent(service.session, {1, helper});
    auto audited = [&] {
        return service.count(
            "SELECT COUNT(*) FROM audit_events WHERE kind = 'record-facilitators'");
    };
    auto auditedBefore = audited();
    store.setFacilitatorsPresent(service.session, {helper, 1});  // the same people: nothing new
    CHECK(audited() == auditedBefore);
    store.setFacilitatorsPresent(service.session, {helper, lead, lead});
    CHECK(audited() == auditedBefore + 1);
    CHECK(store.session(service.session).facilitators == std::vector<UserId>{helper, lead});

    // 1 and helper present, then 1 no longer present and lead present: four records.
    CHECK(service.count("SELECT COUNT(*) FROM session_facilitator_records") == 4);
    CHECK(service.count("SELECT present FROM session_facilitator_records WHERE user_id = 1 "
                        "ORDER BY id DESC LIMIT 1") == 0);
    CHECK_FALSE(rawSql(service.path, "DELETE FROM session_facilitator_records").empty());
    CHECK_FALSE(rawSql(service.path, "UPDATE session_facilitator_records SET present = 1").empty());
    CHECK(service.count("SELECT COUNT(*) FROM session_facilitator_records") == 4);
}

TEST_CASE(
    "a structured note keeps its participation, ratings and concern, and is fixed once signed") {
    Service service;
    NoteContent content;
    content.text = "Spoke about his week; listened well.";
    content.participation = Participation::some;
    content.ratings = {{"keeps-rules", 2}, {"speaks-up", 1}};
    content.concernRaised = true;
    {
        auto store = service.open();
        store.saveNoteDraft(service.session, service.first, content);
        content.ratings = {{"keeps-rules", 3}};  // a draft's ratings are replaced
        store.saveNoteDraft(service.session, service.first, content);
        store.signNote(service.session, service.first);
        store.saveAndSignNote(service.session, service.second, {"Quiet today."});
    }
    auto store = service.open();
    auto note = store.note(service.session, service.first);
    REQUIRE(note);
    CHECK(note->content.text == content.text);
    CHECK(note->content.participation == Participation::some);
    CHECK(note->content.ratings == std::vector<IndicatorRating>{{"keeps-rules", 3}});
    CHECK(note->content.concernRaised);
    CHECK(note->state == NoteState::signedOff);
    CHECK(note->author == kTestLogin);
    auto plain = store.note(service.session, service.second);
    CHECK(plain->content.participation == Participation::notRecorded);
    CHECK(plain->content.ratings.empty());
    CHECK_FALSE(plain->content.concernRaised);
    store.lock();
    auto id = std::to_string(note->id);
    for (const char* sql : {"UPDATE note_ratings SET rating = 0", "DELETE FROM note_ratings",
                            "UPDATE progress_notes SET participation = 'full'"}) {
        CAPTURE(sql);
        CHECK(rawSql(service.path, sql).find("add an amendment") != std::string::npos);
    }
    CHECK(rawSql(service.path, "INSERT INTO note_ratings VALUES (" + id + ", 'new', 1)")
              .find("add an amendment") != std::string::npos);
}

TEST_CASE("ratings are written with a note signed in one step") {
    Service service;
    auto store = service.open();
    NoteContent content("Good session.");
    content.ratings = {{"keeps-rules", 3}, {"speaks-up", 2}};
    store.saveAndSignNote(service.session, service.first, content);
    auto note = store.note(service.session, service.first);
    CHECK(note->state == NoteState::signedOff);
    CHECK(note->content.ratings.size() == 2);
}

TEST_CASE("an amendment corrects a signed note: both stay, with author, time and reason") {
    Service service;
    NoteId noteId = 0;
    {
        auto store = service.open();
        store.saveNoteDraft(service.session, service.first, {"Talked about his brother."});
        noteId = store.note(service.session, service.first)->id;
        CHECK_THROWS_WITH_AS(store.amendNote(noteId, "x", "y"),
                             "This note is still a draft: change it instead of amending it.",
                             StoreError);
        store.signNote(service.session, service.first);
        CHECK_THROWS_AS(store.amendNote(noteId, "", "reason"), StoreError);
        CHECK_THROWS_AS(store.amendNote(noteId, "text", ""), StoreError);
        store.amendNote(noteId, "It was his cousin, not his brother.", "Wrong relative named");
        store.amendNote(noteId, "Cousin's name removed.", "Third party named");
    }
    auto store = service.open();
    auto note = store.note(service.session, service.first);
    CHECK(note->content.text == "Talked about his brother.");  // the original is unchanged
    REQUIRE(note->amendments.size() == 2);
    CHECK(note->amendments[0].text == "It was his cousin, not his brother.");
    CHECK(note->amendments[0].reason == "Wrong relative named");
    CHECK(note->amendments[0].author == kTestLogin);
    CHECK_FALSE(note->amendments[0].createdAt.empty());
    CHECK(note->amendments[1].reason == "Third party named");
    store.lock();
    CHECK_FALSE(storeContains(service.path, "cousin"));
    CHECK_FALSE(rawSql(service.path, "UPDATE note_amendments SET reason = x''").empty());
    CHECK_FALSE(rawSql(service.path, "DELETE FROM note_amendments").empty());
    // A ciphertext moved to the other amendment's row no longer decrypts.
    CHECK(rawSql(service.path,
                 "DROP TRIGGER amendments_are_kept_update; UPDATE note_amendments SET text = "
                 "(SELECT text FROM note_amendments WHERE id = 1) WHERE id = 2") == "");
    store.unlock(kTestLogin, kTestPassphrase);
    auto damaged = store.note(service.session, service.first);
    REQUIRE(damaged);
    CHECK(damaged->damage ==
          "The amendment (note_amendments 2) was changed outside Roundtable after it was "
          "recorded.");
}

TEST_CASE("concerns: actions and their updates, open until someone closes it with its outcome") {
    Service service;
    ConcernId concern = 0;
    ActionId call = 0, meet = 0;
    {
        auto store = service.open();
        concern = store.raiseConcern(
            {service.first, service.session, "Said he has been visiting the park alone."});
        CHECK(store.openConcerns().size() == 1);  // no actions yet: open
        call = store.addConcernAction(concern, "Phone his care manager today", "Facilitator A",
                                      "2026-11-03"_date);
        meet = store.addConcernAction(concern, "Review risk plan", "Clinical lead", std::nullopt);
        store.updateConcernAction(call, ActionStatus::done, "Spoke to care manager at 15:10");
    }
    auto store = service.open();
    auto concerns = store.concernsOf(service.first);
    REQUIRE(concerns.size() == 1);
    CHECK(concerns[0].description == "Said he has been visiting the park alone.");
    CHECK(concerns[0].sessionId == service.session);
    CHECK(concerns[0].raisedBy == kTestLogin);
    REQUIRE(concerns[0].actions.size() == 2);
    CHECK(concerns[0].actions[0].status == ActionStatus::done);
    CHECK(concerns[0].actions[0].statusNote == "Spoke to care manager at 15:10");
    CHECK(concerns[0].actions[0].dueOn == "2026-11-03"_date);
    CHECK(concerns[0].actions[1].status == ActionStatus::open);
    CHECK_FALSE(concerns[0].actions[1].dueOn);
    CHECK(concerns[0].isOpen());
    CHECK(store.concernsOf(service.second).empty());
    CHECK_FALSE(concerns[0].readyToClose());
    store.updateConcernAction(meet, ActionStatus::notNeeded, "Plan reviewed last week");
    // Every action done: the concern waits for someone to decide it is closed.
    REQUIRE(store.openConcerns().size() == 1);
    CHECK(store.openConcerns()[0].readyToClose());
    CHECK(store.concernsOf(service.first).at(0).actions[1].status == ActionStatus::notNeeded);
    CHECK_THROWS_WITH_AS(store.closeConcern(concern, " "), doctest::Contains("outcome"),
                         StoreError);
    CHECK_THROWS_AS(store.reopenConcern(concern, "Why"), StoreError);  // it is open
    store.closeConcern(concern, "Care manager visited; no further risk seen.");
    CHECK(store.openConcerns().empty());
    auto closed = store.concernsOf(service.first).at(0);
    CHECK(closed.closedWith == "Care manager visited; no further risk seen.");
    CHECK(closed.closedBy == kTestLogin);
    CHECK_THROWS_AS(store.closeConcern(concern, "Again"), StoreError);
    store.reopenConcern(concern, "He went to the park again.");
    CHECK(store.openConcerns().size() == 1);
    store.lock();
    CHECK(service.count("SELECT COUNT(*) FROM concern_action_updates") == 2);
    CHECK(service.count("SELECT COUNT(*) FROM concern_outcomes") == 2);
    CHECK_FALSE(storeContains(service.path, "park alone"));
    for (const char* table :
         {"concerns", "concern_actions", "concern_action_updates", "concern_outcomes"}) {
        CAPTURE(table);
        CHECK_FALSE(rawSql(service.path, std::string("DELETE FROM ") + table).empty());
    }
}

TEST_CASE("outcome scores: a correction replaces a score in the list, both stay on record") {
    Service service;
    auto store = service.open();
    OutcomeScore score;
    score.memberId = service.first;
    score.measureId = "sexual-knowledge";
    score.timePoint = "before";
    score.takenOn = "2026-09-08"_date;
    score.score = 31;
    auto first = store.recordOutcomeScore(score);
    score.timePoint = "after";
    score.takenOn = "2027-09-07"_date;
    score.score = 52;
    store.recordOutcomeScore(score);
    OutcomeScore correction = score;
    correction.timePoint = "before";
    correction.takenOn = "2026-09-08"_date;
    correction.score = 33;
    correction.replaces = first;
    store.recordOutcomeScore(correction);
    correction.memberId = service.second;
    CHECK_THROWS_WITH_AS(store.recordOutcomeScore(correction),
                         "The score being corrected is not one of this member's scores.",
                         StoreError);

    auto scores = service.open().outcomeScoresOf(service.first);
    REQUIRE(scores.size() == 2);
    CHECK(scores[0].score == 33);
    CHECK(scores[0].replaces == first);
    CHECK(scores[1].score == 52);
    CHECK(scores[1].timePoint == "after");
    store.lock();
    CHECK(service.count("SELECT COUNT(*) FROM outcome_scores") == 3);
    CHECK_FALSE(rawSql(service.path, "UPDATE outcome_scores SET score = 0").empty());
}

TEST_CASE("relapse-prevention plans are versioned: every version stays readable") {
    Service service;
    auto store = service.open();
    CHECK_FALSE(store.relapsePlan(service.first));
    CHECK_THROWS_AS(store.saveRelapsePlan(service.first, {}), StoreError);
    std::vector<PlanSection> plan = {{"My warning signs", "I stop going to football."},
                                     {"What I will do", "Ring Dave, my keyworker."}};
    CHECK(store.saveRelapsePlan(service.first, plan) == 1);
    plan[1].body = "Ring Dave or the duty line.";
    plan.push_back({"People who help me", "Dave, my sister."});
    CHECK(store.saveRelapsePlan(service.first, plan) == 2);

    auto reopened = service.open();
    auto newest = reopened.relapsePlan(service.first);
    REQUIRE(newest);
    CHECK(newest->version == 2);
    CHECK(newest->sections == plan);
    CHECK(newest->createdBy == kTestLogin);
    auto firstVersion = reopened.relapsePlan(service.first, 1);
    REQUIRE(firstVersion);
    CHECK(firstVersion->sections.size() == 2);
    CHECK(firstVersion->sections[1].body == "Ring Dave, my keyworker.");
    CHECK_FALSE(reopened.relapsePlan(service.first, 3));
    CHECK_FALSE(reopened.relapsePlan(service.second));
    reopened.lock();
    store.lock();
    CHECK_FALSE(storeContains(service.path, "keyworker"));
    CHECK_FALSE(rawSql(service.path, "DELETE FROM relapse_plan_sections").empty());
    // A section body moved into another version's place no longer decrypts.
    CHECK(rawSql(service.path,
                 "DROP TRIGGER relapse_plan_sections_are_kept_update; "
                 "UPDATE relapse_plan_sections SET body = (SELECT body FROM "
                 "relapse_plan_sections WHERE plan_id = 1 AND position = 1) "
                 "WHERE plan_id = 2 AND position = 1") == "");
    auto damaged = service.open();
    CHECK(damaged.relapsePlan(service.first)->damage ==
          "The section of a relapse-prevention plan (relapse_plan_sections 2/1) was changed "
          "outside Roundtable after it was recorded.");
    CHECK(damaged.relapsePlan(service.first, 1)->damage.empty());
}

TEST_CASE("every clinical change is in the audit log, and the chain stays intact") {
    Service service;
    auto store = service.open();
    store.recordLeaving(service.group, service.second, "2026-12-01"_date, "Finished");
    store.recordMemberDetails(service.first, {"1980-01-01"_date, "", "", "", ""});
    store.saveAndSignNote(service.session, service.first, {"Note."});
    store.amendNote(store.note(service.session, service.first)->id, "Fix.", "Typo");
    auto concern = store.raiseConcern({service.first, std::nullopt, "Worry."});
    auto action = store.addConcernAction(concern, "Call", "Lead", std::nullopt);
    store.updateConcernAction(action, ActionStatus::done, "Called");
    OutcomeScore score;
    score.memberId = service.first;
    score.measureId = "victim-empathy";
    score.timePoint = "before";
    score.takenOn = "2026-09-01"_date;
    store.recordOutcomeScore(score);
    store.saveRelapsePlan(service.first, {{"My warning signs", "Not sleeping."}});
    store.setFacilitatorsPresent(service.session, {1});
    CHECK(store.verifyAudit().intact());
    store.lock();
    for (const char* kind : {"record-leaving", "record-member-details", "sign-note", "amend-note",
                             "raise-concern", "add-concern-action", "update-concern-action",
                             "record-outcome-score", "save-relapse-plan", "record-facilitators"}) {
        CAPTURE(kind);
        CHECK(service.count(std::string("SELECT COUNT(*) FROM audit_events WHERE kind = '") + kind +
                            "'") == 1);
    }
}

TEST_CASE("a member's history: every session of his groups with his newest mark and his note") {
    Service service;
    auto store = service.open();
    auto later = store.addSession(plannedSession(service.group, "2026-11-10"_date));
    auto earlier = store.addSession(plannedSession(service.group, "2026-10-27"_date));
    AttendanceMark absent;
    absent.memberId = service.first;
    absent.status = Attendance::absentAuthorised;
    absent.reason = "Unwell";
    store.markAttendance(later, absent);
    absent.status = Attendance::absentUnauthorised;  // a correction: the newest counts
    absent.reason = "No word from him";
    store.markAttendance(later, absent);
    NoteContent content("Spoke about his plan.");
    content.ratings = {{"keeps-rules", 2}};
    store.saveAndSignNote(service.session, service.first, content);
    store.amendNote(store.note(service.session, service.first)->id, "And his family.", "Missed");
    store.saveAndSignNote(service.session, service.second, {"Someone else's note."});
    auto other = store.addGroup("Other group", GroupKind::treatment);
    store.addSession(plannedSession(other, "2026-11-04"_date));

    auto history = store.historyOf(service.first);
    REQUIRE(history.size() == 3);  // his group's sessions only, oldest first
    CHECK(history[0].session.id == earlier);
    CHECK_FALSE(history[0].mark);
    CHECK_FALSE(history[0].note);
    CHECK(history[1].session.id == service.session);
    CHECK(history[1].mark->status == Attendance::attended);
    CHECK(history[1].note->content.text == "Spoke about his plan.");
    CHECK(history[1].note->content.ratings.size() == 1);
    CHECK(history[1].note->amendments.at(0).text == "And his family.");
    CHECK(history[2].session.id == later);
    CHECK(history[2].mark->status == Attendance::absentUnauthorised);
    CHECK(history[2].mark->reason == "No word from him");
    CHECK(history[2].mark->memberId == service.first);
    CHECK_FALSE(history[2].note);
}
