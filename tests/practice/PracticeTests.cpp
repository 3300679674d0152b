// Facilitator use cases against the real shipped curriculum and a real database file.
#include <doctest/doctest.h>

#include "practice/Dates.h"
#include "practice/Practice.h"
#include "support/PracticeGroup.h"
#include "support/RawSql.h"
#include "support/Refusal.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using practice::ValidationError;
using records::Attendance;
using roundtable::test::fieldOf;
using roundtable::test::shippedProgramme;

namespace {

using Fixture = test::PracticeGroup;

}  // namespace

TEST_CASE("planning copies the curriculum session's activities and stamps where they came from") {
    Fixture f;
    const auto& programme = shippedProgramme();
    auto source = programme.findSession("framework-02");
    REQUIRE(source);
    auto id = f.practice.planSession(f.group, "framework-02", "2026-11-03");

    auto stored = f.store.session(id);
    CHECK(stored.title == source->session->title);
    CHECK(stored.minutes == source->session->minutes);
    CHECK(stored.status == records::SessionStatus::planned);
    CHECK(stored.stamp.sessionId == "framework-02");
    CHECK(stored.stamp.moduleId == "framework");
    CHECK(stored.stamp.moduleVersion == source->module->version);
    CHECK(stored.stamp.contentHash == source->module->contentHash());
    REQUIRE(stored.activities.size() == source->session->activities.size());
    for (std::size_t i = 0; i < stored.activities.size(); ++i) {
        const auto& activity = source->session->activities[i];
        CHECK(stored.activities[i].title == activity.title);
        CHECK(stored.activities[i].kind == activity.kind);
        CHECK(stored.activities[i].minutes == activity.minutes);
        CHECK(stored.activities[i].guidance == practice::guidanceText(activity));
        CHECK(stored.activities[i].guidance.find(activity.guidance.front()) == 0);
    }
}

TEST_CASE("a session is only planned from a curriculum session that suits the group") {
    Fixture f;
    CHECK(fieldOf([&] { f.practice.planSession(f.group, "no-such-session", "2026-11-03"); }) ==
          "curriculum-session: Choose a session from the curriculum to plan.");
    CHECK(fieldOf([&] { f.practice.planSession(f.group, "framework-01", "2026-02-30"); }) ==
          "session-date: The session date must be a real date.");
    CHECK(fieldOf([&] { f.practice.planSession(f.group + 99, "framework-01", "2026-11-03"); }) ==
          "group: Choose a group first.");
    CHECK(fieldOf([&] {
              f.practice.planSession(f.group, "carers-01", "2026-11-03");
          }).starts_with("curriculum-session: \""));
    CHECK(f.store.sessionsOf(f.group).empty());
}

TEST_CASE("names are required, trimmed and of sensible length") {
    Fixture f;
    CHECK(fieldOf([&] { f.practice.createGroup("   ", records::GroupKind::treatment); }) ==
          "group-name: Please enter the group's name.");
    CHECK(fieldOf([&] { f.practice.addMember(f.group, "", "2026-01-01"); }) ==
          "member-name: Please enter the member's name.");
    CHECK(fieldOf([&] { f.practice.addMember(f.group, std::string(121, 'a'), "2026-01-01"); }) ==
          "member-name: The name is too long (at most 120 characters).");
    f.practice.addMember(f.group, "  Daniel Hughes ", "2026-01-01");
    CHECK(f.store.membersOf(f.group).at(0).name == "Daniel Hughes");
}

TEST_CASE("the register needs a reason for an absence and keeps the newest mark") {
    Fixture f;
    auto member = f.practice.addMember(f.group, "Daniel Hughes", "2026-01-01");
    auto session = f.practice.planSession(f.group, "framework-01", "2026-11-03");
    CHECK(fieldOf([&] {
              f.practice.recordAttendance(session, member, Attendance::absentAuthorised, " ");
          }) == "reason: Please give a reason when a member did not attend.");
    CHECK(f.practice.registerFor(session).at(0).mark == std::nullopt);

    f.practice.recordAttendance(session, member, Attendance::absentAuthorised, "Hospital");
    f.practice.recordAttendance(session, member, Attendance::late, "");
    auto line = f.practice.registerFor(session).at(0);
    REQUIRE(line.mark);
    CHECK(line.mark->status == Attendance::late);
}

TEST_CASE("a note is written for a member who was present, and signing freezes it") {
    Fixture f;
    auto present = f.practice.addMember(f.group, "Daniel Hughes", "2026-01-01");
    auto absent = f.practice.addMember(f.group, "Ravi Chandra", "2026-01-01");
    auto session = f.practice.planSession(f.group, "framework-01", "2026-11-03");
    f.practice.recordAttendance(session, present, Attendance::attended, "");
    f.practice.recordAttendance(session, absent, Attendance::absentUnauthorised, "No word");

    CHECK(fieldOf([&] { f.practice.saveNote(session, absent, "Text"); }) ==
          "note: Mark this member as present before writing his note.");
    CHECK(fieldOf([&] { f.practice.saveNote(session, present, "  \n "); }) ==
          "note: The note is empty.");
    CHECK(fieldOf([&] { f.practice.signNote(session, absent, "Text"); }) ==
          "note: Mark this member as present before writing his note.");
    CHECK(fieldOf([&] { f.practice.signNote(session, present, " "); }) ==
          "note: The note is empty.");

    f.practice.saveNote(session, present, "A first draft.");
    f.practice.signNote(session, present, "Took part well.");
    auto lines = f.practice.registerFor(session);
    REQUIRE(lines.at(0).note);
    CHECK(lines.at(0).note->state == records::NoteState::signedOff);
    CHECK(lines.at(0).note->content.text == "Took part well.");
    CHECK_FALSE(lines.at(1).note);
    CHECK_THROWS_AS(f.practice.saveNote(session, present, "Changed"), records::StoreError);
}

TEST_CASE("a member of another group cannot be marked in this session") {
    Fixture f;
    auto otherGroup = f.practice.createGroup("Thursday group", records::GroupKind::treatment);
    auto outsider = f.practice.addMember(otherGroup, "Kevin O'Neill", "2026-01-01");
    auto session = f.practice.planSession(f.group, "framework-01", "2026-11-03");
    CHECK(fieldOf([&] {
              f.practice.recordAttendance(session, outsider, Attendance::attended, "");
          }) == "member: Choose a member of this session's group.");
}

TEST_CASE("a backup reminder appears when there is none or the last is over a week old") {
    CHECK(practice::backupReminder(std::nullopt, "2026-11-23"_date) ==
          "No backup of this database has been made yet.");
    CHECK(practice::backupReminder("2026-11-16T09:00:00Z", "2026-11-23"_date) == std::nullopt);
    CHECK(practice::backupReminder("2026-11-15T23:59:59Z", "2026-11-23"_date) ==
          "The last backup of this database was made 8 days ago.");
    CHECK("2026-12-30"_date.daysUntil("2027-01-02"_date) == 3);
    CHECK(practice::dateOf("2026-11-15T23:59:59Z") == "2026-11-15"_date);
}

TEST_CASE("dates are checked and counted on the calendar") {
    CHECK(records::Date::fromIso("2024-02-29"));
    CHECK_FALSE(records::Date::fromIso("2023-02-29"));
    CHECK_FALSE(records::Date::fromIso("2023-2-9"));
    CHECK_FALSE(records::Date::fromIso("2023-02-0x"));
    CHECK_FALSE(records::Date::fromIso(""));
    CHECK_THROWS_AS((void)"2026-13-01"_date, std::invalid_argument);
    CHECK("2026-12-29"_date.plusDays(7) == "2027-01-05"_date);
    CHECK("2026-03-01"_date.plusDays(-1) == "2026-02-28"_date);
    CHECK("2026-01-31"_date.plusMonths(1) == "2026-02-28"_date);
    CHECK("2028-01-31"_date.plusMonths(1) == "2028-02-29"_date);
    CHECK("2026-09-03"_date.plusMonths(6) == "2027-03-03"_date);
    CHECK("2026-09-03"_date.plusMonths(24) == "2028-09-03"_date);
    CHECK("2026-03-01"_date.iso() == "2026-03-01");
    CHECK("2026-11-22"_date.weekday() == 0);  // a Sunday
    CHECK("2026-11-03"_date < "2026-11-10"_date);
    CHECK(records::Date::fromIso(practice::today().iso()) == practice::today());
    CHECK(practice::weekdayOnOrBefore("2026-11-22"_date, 2) == "2026-11-17"_date);  // a Sunday
    CHECK(practice::weekdayOnOrBefore("2026-11-17"_date, 2) == "2026-11-17"_date);  // that Tuesday
    CHECK(practice::weekdayOnOrBefore("2027-01-01"_date, 0) == "2026-12-27"_date);
}

TEST_CASE("dates are typed in the person's order or as YYYY-MM-DD, and shown in their order") {
    using practice::DateOrder;
    using practice::readTypedDate;
    CHECK(readTypedDate("10/11/2026", DateOrder::dayMonthYear) == "2026-11-10"_date);
    CHECK(readTypedDate(" 3.2.2026 ", DateOrder::dayMonthYear) == "2026-02-03"_date);
    CHECK(readTypedDate("10/11/2026", DateOrder::monthDayYear) == "2026-10-11"_date);
    CHECK(readTypedDate("2026-11-10", DateOrder::monthDayYear) == "2026-11-10"_date);
    CHECK(readTypedDate("2026/11/10", DateOrder::dayMonthYear) == "2026-11-10"_date);
    CHECK(readTypedDate("2026-11-10", DateOrder::yearMonthDay) == "2026-11-10"_date);
    // Not a date, or not one that can be read without guessing.
    CHECK_FALSE(readTypedDate("10/11/2026", DateOrder::yearMonthDay));
    CHECK_FALSE(readTypedDate("10/11/26", DateOrder::dayMonthYear));
    CHECK_FALSE(readTypedDate("31/02/2026", DateOrder::dayMonthYear));
    CHECK_FALSE(readTypedDate("13/13/2026", DateOrder::monthDayYear));
    CHECK_FALSE(readTypedDate("next Tuesday", DateOrder::dayMonthYear));
    CHECK_FALSE(readTypedDate("", DateOrder::dayMonthYear));

    CHECK(practice::formatDate("2026-11-03"_date, DateOrder::dayMonthYear) == "03/11/2026");
    CHECK(practice::formatDate("2026-11-03"_date, DateOrder::monthDayYear) == "11/03/2026");
    CHECK(practice::formatDate("2026-11-03"_date, DateOrder::yearMonthDay) == "2026-11-03");
    CHECK(practice::datePattern(DateOrder::dayMonthYear) == "DD/MM/YYYY");
    // Every order reads back what it writes.
    for (auto order : practice::kDateOrders)
        CHECK(readTypedDate(practice::formatDate("2027-01-31"_date, order), order) ==
              "2027-01-31"_date);

    // The locale's order, from its date format.
    CHECK(practice::dateOrderOfFormat("%d/%m/%Y") == DateOrder::dayMonthYear);
    CHECK(practice::dateOrderOfFormat("%d.%m.%Y") == DateOrder::dayMonthYear);
    CHECK(practice::dateOrderOfFormat("%m/%d/%y") == DateOrder::monthDayYear);
    CHECK(practice::dateOrderOfFormat("%Y-%m-%d") == DateOrder::yearMonthDay);
    CHECK(practice::dateOrderOfFormat("%F") == DateOrder::yearMonthDay);
    CHECK(practice::localeDateOrder() == DateOrder::yearMonthDay);  // the tests run under C
    CHECK(practice::dateOrderNamed("month-day-year") == DateOrder::monthDayYear);
    CHECK(practice::dateOrderNamed(practice::dateOrderName(DateOrder::dayMonthYear)) ==
          DateOrder::dayMonthYear);
    CHECK_FALSE(practice::dateOrderNamed("sideways"));
}

namespace {
/// A fixture with a framework session planned and one member marked present.
struct SessionFixture : Fixture {
    records::MemberId member = practice.addMember(group, "Adam Reid", "2026-09-01");
    records::SessionId session = practice.planSession(group, "framework-02", "2026-11-03");
    SessionFixture() { practice.recordAttendance(session, member, Attendance::attended, ""); }
};
}  // namespace

TEST_CASE("note ratings must be the module's progress indicators, within their scales") {
    SessionFixture f;
    auto indicators = f.practice.indicatorsFor(f.session);
    REQUIRE(indicators.size() == 3);
    CHECK(indicators[0].id == "framework-keeps-rules");
    CHECK(indicators[0].scaleMax == 3);
    records::NoteContent content("Kept to the rules all session.");
    content.ratings = {{"framework-keeps-rules", 4}};
    CHECK(fieldOf([&] { f.practice.saveNote(f.session, f.member, content); }) ==
          "rating:framework-keeps-rules: \"" + std::string(indicators[0].label) +
              "\" is rated from 0 to 3.");
    content.ratings = {{"empathy-something", 1}};
    CHECK(fieldOf([&] { f.practice.saveNote(f.session, f.member, content); }) ==
          "rating: \"empathy-something\" is not a progress indicator of this module.");
    content.ratings = {{"framework-keeps-rules", 3}, {"framework-social-skills", 0}};
    content.participation = records::Participation::full;
    f.practice.signNote(f.session, f.member, content);
    auto note = f.store.note(f.session, f.member);
    CHECK(note->content.ratings.size() == 2);
    CHECK(note->content.participation == records::Participation::full);
}

TEST_CASE("an amendment needs its text and a reason, and only a signed note takes one") {
    SessionFixture f;
    CHECK(fieldOf([&] { f.practice.amendNote(f.session, f.member, "Said a lot.", "why"); }) ==
          "amendment: Only a signed note takes a correction.");
    f.practice.saveNote(f.session, f.member, {"Said little at first."});
    CHECK(fieldOf([&] { f.practice.amendNote(f.session, f.member, "Said a lot.", "why"); }) ==
          "amendment: Only a signed note takes a correction.");
    f.practice.signNote(f.session, f.member, {"Said little."});
    CHECK(fieldOf([&] { f.practice.amendNote(f.session, f.member, "  ", "why"); }) ==
          "amendment: Please write the correction.");
    CHECK(fieldOf([&] { f.practice.amendNote(f.session, f.member, "Said a lot.", " "); }) ==
          "amendment-reason: Please say why the note is being corrected.");
    f.practice.amendNote(f.session, f.member, " Said a lot, in fact. ", " Wrong member's note ");
    auto amendment = f.store.note(f.session, f.member)->amendments.at(0);
    CHECK(amendment.text == "Said a lot, in fact.");
    CHECK(amendment.reason == "Wrong member's note");
}

TEST_CASE("minutes present, a session not held, and leaving are checked at the field") {
    SessionFixture f;
    CHECK(fieldOf([&] {
              f.practice.recordAttendance(f.session, f.member, Attendance::leftEarly, "", 121);
          }) == "minutes-present: Minutes present must be between 0 and 120.");
    f.practice.recordAttendance(f.session, f.member, Attendance::leftEarly, "", 60);
    CHECK(f.store.registerOf(f.session).at(0).minutesPresent == 60);
    CHECK(fieldOf([&] { f.practice.markNotHeld(f.session, " "); }) ==
          "not-held-reason: Please say why the session did not take place.");
    CHECK(fieldOf([&] { f.practice.recordLeaving(f.group, f.member, "2026-08-01", "Moved"); }) ==
          "left-on: He cannot leave before the day he joined.");
    CHECK(fieldOf([&] { f.practice.recordLeaving(f.group, f.member, "2026-12-01", ""); }) ==
          "leaving-reason: Please give the reason he left.");
    CHECK(fieldOf([&] { f.practice.recordLeaving(f.group, f.member, "2026-13-01", "x"); }) ==
          "left-on: The date he left must be a real date.");
    auto otherGroup = f.practice.createGroup("Thursday group", records::GroupKind::treatment);
    CHECK(fieldOf([&] { f.practice.recordLeaving(otherGroup, f.member, "2026-12-01", "Moved"); }) ==
          "member: Choose a member of this group.");
    f.practice.recordLeaving(f.group, f.member, "2026-12-01", "Moved");
    CHECK(fieldOf([&] { f.practice.recordLeaving(f.group, f.member, "2026-12-02", "Moved"); }) ==
          "left-on: His leaving is already recorded.");
    CHECK(fieldOf([&] { f.practice.addMember(f.group, "Ben Shah", "10/11/2026"); }) ==
          "joined-on: The date joined must be a real date (YYYY-MM-DD).");
    // Typed in the person's order, the dates are stored as YYYY-MM-DD.
    f.practice.useDateOrder(practice::DateOrder::dayMonthYear);
    CHECK(fieldOf([&] { f.practice.addMember(f.group, "Ben Shah", "11/10/26"); }) ==
          "joined-on: The date joined must be a real date (DD/MM/YYYY).");
    auto ben = f.practice.addMember(f.group, "Ben Shah", "10/11/2026");
    CHECK(f.store.membersOf(f.group).back().id == ben);
    CHECK(f.store.membersOf(f.group).back().joinedOn == "2026-11-10"_date);
    f.practice.recordLeaving(f.group, ben, "2026-12-24", "Moved away");
    CHECK(f.store.membersOf(f.group).back().leftOn == "2026-12-24"_date);
}

TEST_CASE("a session that did not take place has no register") {
    SessionFixture f;  // his attendance was recorded before the session was called off
    f.practice.markNotHeld(f.session, "Snow: the centre was closed.");
    CHECK(fieldOf([&] {
              f.practice.recordAttendance(f.session, f.member, Attendance::late, "");
          }) == "attendance: This session did not take place, so it has no register.");
    auto marks = f.store.registerOf(f.session);
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].status == Attendance::attended);
}

TEST_CASE("who ran a session is chosen from the people who can sign in") {
    SessionFixture f;
    auto colleague = f.store.addUser("colleague", records::Role::facilitator, "a long passphrase");
    CHECK(fieldOf([&] {
              f.practice.recordFacilitators(f.session, {colleague, 99});
          }) ==
          "session-facilitators: Only people who can sign in to this database can be recorded as "
          "running a session.");
    CHECK(f.store.session(f.session).facilitators.empty());
    f.practice.recordFacilitators(f.session, {colleague});
    CHECK(f.store.session(f.session).facilitators == std::vector<records::UserId>{colleague});
}

TEST_CASE("a member who has left is not on the register of later sessions") {
    SessionFixture f;
    auto later = f.practice.planSession(f.group, "framework-03", "2026-12-08");
    auto newcomer = f.practice.addMember(f.group, "Ben Shah", "2026-11-10");
    f.practice.recordLeaving(f.group, f.member, "2026-12-01", "Completed his order");
    auto earlier = f.practice.registerFor(f.session);
    REQUIRE(earlier.size() == 2);  // both were members then, as far as the record goes
    CHECK(earlier[0].member.id == f.member);
    auto lines = f.practice.registerFor(later);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].member.id == newcomer);
}

TEST_CASE("outcome scores are checked against the programme's measures") {
    SessionFixture f;
    auto record = [&](const std::string& measure, const std::string& point, const std::string& date,
                      int score) {
        return fieldOf(
            [&] { f.practice.recordOutcomeScore(f.member, measure, point, date, score); });
    };
    CHECK(record("iq", "before", "2026-09-01", 1) ==
          "measure: Choose one of the programme's outcome measures.");
    CHECK(record("sexual-knowledge", "each-session", "2026-09-01", 1) ==
          "time-point: Sexual knowledge is not taken at that time point.");
    CHECK(record("sexual-knowledge", "before", "2026-02-30", 1) ==
          "taken-on: The date it was taken must be a real date, not later than today.");
    CHECK(record("sexual-knowledge", "before", practice::today().plusDays(1).iso(), 1)
              .starts_with("taken-on:"));
    CHECK(record("session-rating", "each-session", "2026-09-01", 11) ==
          "score: How the session felt scores run from 0 to 10.");
    CHECK(record("sexual-knowledge", "before", "2026-09-01", 40) == "accepted");
    CHECK(f.store.outcomeScoresOf(f.member).at(0).score == 40);
}

TEST_CASE("member details, concerns and plans are checked and trimmed") {
    SessionFixture f;
    records::MemberDetails details;
    CHECK(fieldOf([&] {
              f.practice.recordMemberDetails(f.member, practice::today().iso(), details);
          }) == "date-of-birth: The date of birth must be a real date in the past.");
    details.careManager = " Pat Green ";
    f.practice.recordMemberDetails(f.member, " 1975-06-01 ", details);
    CHECK(f.store.memberDetails(f.member)->dateOfBirth == "1975-06-01"_date);
    CHECK(f.store.memberDetails(f.member)->careManager == "Pat Green");

    CHECK(fieldOf([&] { f.practice.raiseConcern(f.member, f.session, " "); }) ==
          "concern: Please describe the concern.");
    auto concern = f.practice.raiseConcern(f.member, f.session, "Mentioned contact with a child.");
    CHECK(fieldOf([&] { f.practice.addConcernAction(concern, " ", "Me", ""); }) ==
          "action: Please say what will be done.");
    CHECK(fieldOf([&] { f.practice.addConcernAction(concern, "Tell the lead", "", ""); }) ==
          "action-owner: Please say who will do it.");
    CHECK(fieldOf([&] { f.practice.addConcernAction(concern, "Tell", "Me", "soon"); }) ==
          "action-due: The date it is due must be a real date.");
    auto action = f.practice.addConcernAction(concern, "Tell the clinical lead", "Facilitator", "");
    CHECK(fieldOf([&] {
              f.practice.updateConcernAction(action, records::ActionStatus::done, "");
          }) == "action-note: Please say what was done, or why it is not needed.");

    const auto& headings = practice::relapsePlanHeadings();
    REQUIRE(headings.size() >= 4);
    std::vector<records::PlanSection> plan;
    for (const auto& heading : headings)
        plan.push_back({heading, ""});
    CHECK(fieldOf([&] { f.practice.saveRelapsePlan(f.member, plan); }) ==
          "plan: Write at least one part of the plan before saving it.");
    plan[0].body = " Feeling angry and alone. ";
    CHECK(f.practice.saveRelapsePlan(f.member, plan) == 1);
    auto saved = f.store.relapsePlan(f.member);
    REQUIRE(saved->sections.size() == 1);  // empty sections are left out
    CHECK(saved->sections[0].body == "Feeling angry and alone.");
}

TEST_CASE("a group's schedule and a carers' link are checked") {
    Fixture f;
    CHECK(fieldOf([&] {
              f.practice.createGroup("Evening", records::GroupKind::treatment, {8, "18:00", 120});
          }) == "weekday: Choose the day the group meets.");
    CHECK(fieldOf([&] {
              f.practice.createGroup("Evening", records::GroupKind::treatment, {2, "25:00", 120});
          }) == "starts-at: The start time must be a time such as 10:30.");
    CHECK(fieldOf([&] {
              f.practice.createGroup("Evening", records::GroupKind::treatment, {2, "18:00", 5});
          }) == "session-minutes: A session lasts between 15 and 300 minutes.");
    CHECK(fieldOf([&] {
              f.practice.createGroup("Link", records::GroupKind::maintenance, {}, f.group);
          }) == "linked-group: Only a carers' group is linked, and only to a treatment group.");
    auto carers =
        f.practice.createGroup("Carers", records::GroupKind::carers, {2, "18:00", 90}, f.group);
    CHECK(f.store.groups().at(1).id == carers);
    CHECK(practice::isClockTime("09:05"));
    CHECK_FALSE(practice::isClockTime("9:05"));
}

TEST_CASE("a group's schedule sets the day offered for planning and the session's start time") {
    Fixture f;
    auto evening = f.practice.createGroup("Evening", records::GroupKind::treatment,
                                          {2, "18:30", 120});  // Tuesdays
    auto groups = f.store.groups();
    const auto& scheduled = groups.at(1);
    REQUIRE(scheduled.id == evening);
    // 2026-11-22 is a Sunday; 2026-11-24 the Tuesday after; a Tuesday offers itself.
    CHECK(practice::Practice::nextMeetingDay(scheduled, "2026-11-22"_date) == "2026-11-24"_date);
    CHECK(practice::Practice::nextMeetingDay(scheduled, "2026-11-24"_date) == "2026-11-24"_date);
    CHECK(practice::Practice::nextMeetingDay(scheduled, "2026-12-30"_date) == "2027-01-05"_date);
    records::Group sundays = scheduled;
    sundays.schedule.weekday = 7;
    CHECK(practice::Practice::nextMeetingDay(sundays, "2026-11-23"_date) == "2026-11-29"_date);
    // A group without a meeting day is offered the day asked for.
    CHECK(practice::Practice::nextMeetingDay(groups.at(0), "2026-11-23"_date) == "2026-11-23"_date);
    CHECK(fieldOf([&] { f.practice.planSession(evening, "framework-02", "0026-11-24"); }) ==
          "session-date: The date reads as the year 0026: type the year in full, such as 2026.");

    auto session = f.practice.planSession(evening, "framework-02", "2026-11-24");
    CHECK(f.store.session(session).startsAt == "18:30");
    CHECK(f.store.session(f.practice.planSession(f.group, "framework-02", "2026-11-24"))
              .startsAt.empty());
}

TEST_CASE("opening a member's record gathers it all and is audited as a view") {
    SessionFixture f;
    f.practice.signNote(f.session, f.member, {"Took part."});
    f.practice.recordOutcomeScore(f.member, "sexual-knowledge", "before", "2026-09-01", 40);
    f.practice.raiseConcern(f.member, f.session, "A worry.");
    f.practice.saveRelapsePlan(f.member, {{"My warning signs", "Staying in bed."}});
    auto record = f.practice.openMemberRecord(f.member);
    CHECK_FALSE(record.details);
    REQUIRE(record.history.size() == 1);
    CHECK(record.history[0].note->content.text == "Took part.");
    CHECK(record.scores.size() == 1);
    CHECK(record.concerns.size() == 1);
    CHECK(record.relapsePlan->version == 1);
    f.store.lock();
    CHECK(test::rawCount(f.dir / "service.rtdb",
                         "SELECT COUNT(*) FROM audit_events WHERE kind = 'view' AND record_kind = "
                         "'member' AND record_id = " +
                             std::to_string(f.member)) == 1);
}

TEST_CASE("users are added and passphrases changed with checks at each field") {
    Fixture f;
    auto add = [&](const std::string& login, const std::string& pass, const std::string& again) {
        return fieldOf([&] { f.practice.addUser(login, records::Role::facilitator, pass, again); });
    };
    CHECK(add("two words", "long enough pass", "long enough pass") ==
          "user-login: Give the user a name of one word, e.g. jsmith.");
    CHECK(add(test::kTestLogin, "long enough pass", "long enough pass") ==
          "user-login: There is already a user called admin.");
    CHECK(add("sam", "short", "short") ==
          "user-passphrase: A passphrase needs at least 10 characters.");
    CHECK(add("sam", "long enough pass", "long enough pas") ==
          "user-repeat: The two passphrases are not the same. Type it again.");
    CHECK(add(" sam ", "long enough pass", "long enough pass") == "accepted");
    CHECK(f.store.users().at(1).login == "sam");
    CHECK(fieldOf([&] { f.practice.resetPassphrase("sam", "new long pass", "other"); }) ==
          "reset-repeat: The two passphrases are not the same. Type it again.");
    CHECK(fieldOf([&] { f.practice.changeOwnPassphrase("", "new long pass", "new long pass"); }) ==
          "own-current: Type your current passphrase.");
    CHECK_THROWS_WITH_AS(
        f.practice.changeOwnPassphrase("wrong passphrase", "new long pass", "new long pass"),
        "The current passphrase is not right.", records::StoreError);
}

TEST_CASE(
    "a note changed outside Roundtable is reported damaged and is not signed, saved over "
    "or corrected") {
    SessionFixture f;
    auto other = f.practice.addMember(f.group, "Ravi Chandra", "2026-09-01");
    f.practice.recordAttendance(f.session, other, Attendance::attended, "");
    f.practice.saveNote(f.session, f.member, {"A draft."});
    f.practice.signNote(f.session, other, {"Took part."});
    // What someone with a SQLite shell could do: the draft's participation and the signed
    // note's text (a sealed text moved from the other note cannot be decrypted here).
    REQUIRE(test::rawSql(f.dir / "service.rtdb",
                         "DROP TRIGGER signed_notes_are_kept_update; "
                         "UPDATE progress_notes SET participation = 'none' WHERE member_id = " +
                             std::to_string(f.member) +
                             "; UPDATE progress_notes SET text = (SELECT text FROM "
                             "progress_notes WHERE member_id = " +
                             std::to_string(f.member) +
                             ") WHERE member_id = " + std::to_string(other)) == "");

    auto lines = f.practice.registerFor(f.session);
    REQUIRE(lines.size() == 2);
    REQUIRE(lines[0].note);
    CHECK(lines[0].note->damage.find("changed outside Roundtable") != std::string::npos);
    REQUIRE(lines[1].note);
    CHECK_FALSE(lines[1].note->damage.empty());
    CHECK(lines[1].note->content.text.empty());  // not shown as if it were his note
    CHECK(lines[0].mark->damage.empty());
    auto history = f.practice.openMemberRecord(f.member).history;
    REQUIRE(history.size() == 1);
    CHECK(history[0].note->damage == lines[0].note->damage);

    auto warning = practice::damageWarning({lines[0].note->damage});
    CHECK(warning == "Damaged: " + lines[0].note->damage +
                         " Do not rely on this record. An administrator can check the whole "
                         "database with roundtable-cli verify.");
    CHECK(fieldOf([&] { f.practice.signNote(f.session, f.member, {"Signed anyway."}); }) ==
          "note: This note cannot be changed or signed. " + warning);
    CHECK(fieldOf([&] { f.practice.saveNote(f.session, f.member, {"Written over."}); }) ==
          "note: This note cannot be changed or signed. " + warning);
    CHECK(fieldOf([&] {
              f.practice.amendNote(f.session, other, "A correction.", "A reason.");
          }).starts_with("amendment: This note cannot be corrected. Damaged: "));
    auto after = f.practice.registerFor(f.session);
    CHECK(after[0].note->state == records::NoteState::draft);
    CHECK(after[0].note->damage == lines[0].note->damage);
    CHECK(after[1].note->amendments.empty());
    CHECK_FALSE(f.store.verify().intact());
}

TEST_CASE("a damaged attendance mark or session is reported and not relied on") {
    SessionFixture f;
    REQUIRE(test::rawSql(f.dir / "service.rtdb",
                         "DROP TRIGGER attendance_marks_are_kept_update; "
                         "UPDATE attendance_marks SET status = 'late'; "
                         "UPDATE sessions SET minutes = 5") == "");
    auto line = f.practice.registerFor(f.session).at(0);
    REQUIRE(line.mark);
    CHECK(line.mark->damage.find("changed outside Roundtable") != std::string::npos);
    CHECK(f.practice.openSession(f.session).damage.find("changed outside Roundtable") !=
          std::string::npos);
    CHECK(fieldOf([&] {
              f.practice.saveNote(f.session, f.member, {"Took part."});
          }).starts_with("note: Mark his attendance again before writing his note"));
    CHECK(fieldOf([&] {
              f.practice.markDelivered(f.session);
          }).starts_with("session-status: This session's record cannot be changed. Damaged: "));
    CHECK(fieldOf([&] {
              f.practice.markNotHeld(f.session, "Snow");
          }).starts_with("session-status: This session's record cannot be changed. Damaged: "));

    // A new mark is a new record: the note can then be written, and the damaged mark stays
    // on record for verify to report.
    f.practice.recordAttendance(f.session, f.member, Attendance::attended, "");
    f.practice.saveNote(f.session, f.member, {"Took part."});
    CHECK_FALSE(f.store.verify().intact());
}

TEST_CASE("the damage warning names every damaged record once, and nothing when all are intact") {
    CHECK(practice::damageWarning({}).empty());
    CHECK(practice::damageWarning({"", ""}).empty());
    CHECK(practice::damageWarning({"A.", "", "B."}) ==
          "Damaged: A. B. Do not rely on these records. An administrator can check the whole "
          "database with roundtable-cli verify.");
}

TEST_CASE("the recovery key adds a new administrator when every passphrase is lost") {
    test::TempDir dir;
    const auto path = dir / "service.rtdb";
    auto created = test::createTestDatabase(path);
    const auto recoveryKey = created.recoveryKey;
    auto store = std::move(created.store);
    practice::Practice practice{store, shippedProgramme()};
    practice.createGroup("Tuesday group", records::GroupKind::treatment);
    store.lock();

    // Refused: no key, a wrong key, or a passphrase that will not do; locked after each.
    CHECK(fieldOf([&] {
              practice.recoverWithKey(" ", "morgan", "a new long pass", "a new long pass");
          }).starts_with("recover-key: Type the recovery key"));
    CHECK_THROWS_WITH_AS(
        practice.recoverWithKey("AAAA-BBBB", "morgan", "a new long pass", "a new long pass"),
        "That recovery key is not right.", records::StoreError);
    CHECK_FALSE(store.isUnlocked());
    CHECK(fieldOf([&] { practice.recoverWithKey(recoveryKey, "morgan", "short", "short"); }) ==
          "recover-passphrase: A passphrase needs at least 10 characters.");
    CHECK_FALSE(store.isUnlocked());

    practice.recoverWithKey(" " + recoveryKey + "\n", "morgan", "a new long pass",
                            "a new long pass");
    CHECK_FALSE(store.isUnlocked());
    store.unlock("morgan", "a new long pass");
    CHECK(store.currentUser()->role == records::Role::administrator);
    CHECK(store.groups().size() == 1);  // the records are all there
    CHECK(store.users().size() == 2);   // the refused attempt added nobody
    // Each use of the key is in the log, the refused one too (the key was right).
    CHECK(test::rawCount(path,
                         "SELECT count(*) FROM audit_events "
                         "WHERE kind = 'recovery-key-unlock'") == 2);
}

TEST_CASE("a session cannot be marked as having taken place before its day") {
    test::TempDir dir;
    auto store = test::createTestStore(dir / "service.rtdb");
    records::SetClock clock(practice::localTimeOn("2026-11-02"_date, 18, 0));
    store.useClock(clock);
    practice::Practice practice(store, test::shippedProgramme());
    auto group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
    auto tomorrow = practice.planSession(group, "framework-01", "2026-11-03");
    try {
        practice.markDelivered(tomorrow);
        FAIL("a session of tomorrow was marked as having taken place");
    } catch (const practice::ValidationError& refused) {
        CHECK(refused.field() == "session-status");
        CHECK(std::string(refused.what()).find("2026-11-03") != std::string::npos);
    }
    CHECK(store.session(tomorrow).status == records::SessionStatus::planned);

    records::SetClock nextDay(practice::localTimeOn("2026-11-03"_date, 9, 0));
    store.useClock(nextDay);
    practice.markDelivered(tomorrow);  // on its day
    CHECK(store.session(tomorrow).status == records::SessionStatus::tookPlace);
}

TEST_CASE("a second session of the group on one day is asked about, a catch-up is not") {
    SessionFixture f;  // framework-02 on 2026-11-03
    CHECK(f.practice.questionBeforePlanning(f.group, "2026-11-10").empty());
    CHECK(f.practice.questionBeforePlanning(f.group, "not a date").empty());  // planning says
    CHECK(f.practice.questionBeforePlanning(f.group, "2026-11-03") ==
          "The group already has a session on 3 November 2026: Making our group rules. Plan "
          "another on the same day?");
    auto other = f.practice.createGroup("Thursday group", records::GroupKind::treatment);
    CHECK(f.practice.questionBeforePlanning(other, "2026-11-03").empty());

    f.practice.planCatchUp(f.group, "framework-01", {f.member}, "2026-11-17");
    CHECK(f.practice.questionBeforePlanning(f.group, "2026-11-17").empty());
}

TEST_CASE("marking a session held with nobody recorded as running it is asked about") {
    SessionFixture f;
    CHECK(f.practice.questionBeforeMarkingHeld(f.session).starts_with(
        "Nobody is recorded as running this session."));
    f.practice.recordFacilitators(f.session, {f.store.currentUser()->id});
    CHECK(f.practice.questionBeforeMarkingHeld(f.session).empty());
}

TEST_CASE("signing a note with nothing rated is asked about") {
    records::NoteContent content("Quiet today.");
    CHECK(practice::Practice::questionBeforeSigning(content) ==
          "This note records neither how he took part nor any rating. Sign it as it is?");
    content.participation = records::Participation::some;
    CHECK(practice::Practice::questionBeforeSigning(content).empty());
    content.participation = records::Participation::notRecorded;
    content.ratings = {{"framework-keeps-rules", 2}};
    CHECK(practice::Practice::questionBeforeSigning(content).empty());
}

TEST_CASE("the concerns recorded from a note are those linked to its session") {
    SessionFixture f;
    auto later = f.practice.planSession(f.group, "framework-03", "2026-11-10");
    f.practice.raiseConcern(f.member, f.session, "Spoke of meeting a boy from the bus.");
    f.practice.raiseConcern(f.member, later, "Another week's worry.");
    f.practice.raiseConcern(f.member, std::nullopt, "Raised by his carer.");
    auto fromNote = f.practice.concernsFromNote(f.session, f.member);
    REQUIRE(fromNote.size() == 1);
    CHECK(fromNote[0].description == "Spoke of meeting a boy from the bus.");
    auto colleague = f.practice.addMember(f.group, "Ben Shah", "2026-09-01");
    CHECK(f.practice.concernsFromNote(f.session, colleague).empty());
}
