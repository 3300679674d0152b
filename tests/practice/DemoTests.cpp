// The demo database: one treatment group of eight, ten delivered sessions, a signed note
// for every member present, built through the real use cases.
#include <doctest/doctest.h>

#include "curriculum/ProgrammeLoader.h"
#include "practice/DemoData.h"
#include "practice/Practice.h"
#include "support/TempDir.h"

using namespace roundtable;

TEST_CASE("the demo database has a group of eight with ten delivered, fully noted sessions") {
    auto loaded = curriculum::loadProgramme(ROUNDTABLE_CONTENT);
    REQUIRE(loaded.ok());
    test::TempDir dir;
    auto summary = practice::createDemoDatabase(dir / "demo.rtdb", *loaded.programme);
    CHECK(summary.members == 8);
    CHECK(summary.sessions == 10);

    auto store = records::RecordStore::open(dir / "demo.rtdb");
    practice::Practice practice(store, *loaded.programme);
    auto groups = store.groups();
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].kind == records::GroupKind::treatment);
    CHECK(store.membersOf(groups[0].id).size() == 8);
    auto sessions = store.sessionsOf(groups[0].id);
    REQUIRE(sessions.size() == 10);
    int notes = 0, absences = 0;
    for (const auto& session : sessions) {
        CHECK(session.status == records::SessionStatus::tookPlace);
        CHECK(loaded.programme->findSession(session.stamp.sessionId));
        for (const auto& line : practice.registerFor(session.id)) {
            REQUIRE(line.mark);
            if (records::wasPresent(line.mark->status)) {
                REQUIRE(line.note);
                CHECK(line.note->state == records::NoteState::signedOff);
                CHECK_FALSE(line.note->text.empty());
                ++notes;
            } else {
                CHECK_FALSE(line.mark->reason.empty());
                CHECK_FALSE(line.note);
                ++absences;
            }
        }
    }
    CHECK(notes == summary.notes);
    CHECK(absences > 0);
    CHECK(notes + absences == 80);
}
