// Facilitator use cases against the real shipped curriculum and a real database file.
#include <doctest/doctest.h>

#include <functional>

#include "curriculum/ProgrammeLoader.h"
#include "practice/Dates.h"
#include "practice/Practice.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using practice::ValidationError;
using records::Attendance;

namespace {

const curriculum::Programme& shippedProgramme() {
    static const auto loaded = curriculum::loadProgramme(ROUNDTABLE_CONTENT);
    REQUIRE(loaded.ok());
    return *loaded.programme;
}

struct Fixture {
    test::TempDir dir;
    records::RecordStore store = test::createTestStore(dir / "service.rtdb");
    practice::Practice practice{store, shippedProgramme()};
    records::GroupId group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
};

std::string fieldOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const ValidationError& error) {
        return error.field() + ": " + error.what();
    }
    return "accepted";
}

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
    CHECK(lines.at(0).note->text == "Took part well.");
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
    CHECK(practice::backupReminder(std::nullopt, "2026-11-23") ==
          "No backup of this database has been made yet.");
    CHECK(practice::backupReminder("2026-11-16T09:00:00Z", "2026-11-23") == std::nullopt);
    CHECK(practice::backupReminder("2026-11-15T23:59:59Z", "2026-11-23") ==
          "The last backup of this database was made 8 days ago.");
    CHECK(practice::daysBetween("2026-12-30", "2027-01-02") == 3);
}

TEST_CASE("dates are checked and counted on the calendar") {
    CHECK(practice::isIsoDate("2024-02-29"));
    CHECK_FALSE(practice::isIsoDate("2023-02-29"));
    CHECK_FALSE(practice::isIsoDate("2023-2-9"));
    CHECK(practice::addDays("2026-12-29", 7) == "2027-01-05");
    CHECK(practice::addDays("2026-03-01", -1) == "2026-02-28");
    CHECK(practice::isIsoDate(practice::today()));
    CHECK(practice::weekdayOnOrBefore("2026-11-22", 2) == "2026-11-17");  // a Sunday
    CHECK(practice::weekdayOnOrBefore("2026-11-17", 2) == "2026-11-17");  // that Tuesday
    CHECK(practice::weekdayOnOrBefore("2027-01-01", 0) == "2026-12-27");
}
