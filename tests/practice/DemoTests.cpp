// The demo database: one treatment group of eight, ten delivered sessions, a signed note
// for every member present, built through the real use cases.
#include <doctest/doctest.h>

#include "curriculum/ProgrammeLoader.h"
#include "practice/Dates.h"
#include "practice/DemoData.h"
#include "practice/Practice.h"
#include "records/ServerSetup.h"
#include "support/TempDir.h"
#include "support/TestServer.h"
#include "support/TestStore.h"

using namespace roundtable;

TEST_CASE("the demo database has a group of eight with ten delivered, fully noted sessions") {
    auto loaded = curriculum::loadProgramme(ROUNDTABLE_CONTENT);
    REQUIRE(loaded.ok());
    test::TempDir dir;
    auto summary =
        practice::createDemoDatabase(dir / "demo.rtdb", *loaded.programme, ROUNDTABLE_CONTENT);
    CHECK(summary.members == 8);
    CHECK(summary.sessions == 10);

    auto store = records::RecordStore::open(dir / "demo.rtdb");
    store.unlock(practice::kDemoLogin, practice::kDemoPassphrase);
    // Its programme was stored as it was made, not left for the first sign-in.
    CHECK(store.hasProgramme());
    CHECK(store.moduleState("framework").published->text.version == 1);
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
        CHECK(store.session(session.id).facilitators ==
              std::vector<records::UserId>{store.currentUser()->id});
        CHECK(session.startsAt == "10:30");
        CHECK(loaded.programme->findSession(session.stamp.sessionId));
        for (const auto& line : practice.registerFor(session.id)) {
            REQUIRE(line.mark);
            if (records::wasPresent(line.mark->status)) {
                REQUIRE(line.note);
                CHECK(line.note->state == records::NoteState::signedOff);
                CHECK_FALSE(line.note->content.text.empty());
                // Signed on the day of its session (the demo's clock), so not a late entry.
                CHECK_FALSE(line.note->lateEntry);
                CHECK(practice::dateOf(line.note->signedAt) == session.date);
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

namespace {

/// Every name, note and reason of the demo at `path`: what must never be readable in it.
std::vector<std::string> demoSecrets(const std::filesystem::path& path) {
    auto store = records::RecordStore::open(path);
    store.unlock(practice::kDemoLogin, practice::kDemoPassphrase);
    auto group = store.groups().at(0);
    std::vector<std::string> secrets = {group.name};
    for (const auto& member : store.membersOf(group.id))
        secrets.push_back(member.name);
    for (const auto& session : store.sessionsOf(group.id)) {
        for (const auto& note : store.notesOf(session.id))
            secrets.push_back(note.content.text);
        for (const auto& mark : store.registerOf(session.id)) {
            if (!mark.reason.empty())
                secrets.push_back(mark.reason);
        }
    }
    REQUIRE(secrets.size() > 80);
    return secrets;
}

}  // namespace

TEST_CASE("the demo database and its write-ahead log hold no name or note in plain text") {
    auto loaded = curriculum::loadProgramme(ROUNDTABLE_CONTENT);
    REQUIRE(loaded.ok());
    test::TempDir dir;
    auto path = dir / "demo.rtdb";
    practice::createDemoDatabase(path, *loaded.programme, ROUNDTABLE_CONTENT);
    auto store = records::RecordStore::open(path);  // open, so the -wal file is there too
    const auto secrets = demoSecrets(path);
    std::string bytes = test::readFile(path);
    if (std::filesystem::exists(dir / "demo.rtdb-wal"))
        bytes += test::readFile(dir / "demo.rtdb-wal");
    REQUIRE(bytes.size() > 4096);
    for (const auto& secret : secrets) {
        CAPTURE(secret);
        CHECK(bytes.find(secret) == std::string::npos);
    }
    CHECK(bytes.find("Daniel Hughes") == std::string::npos);
}

TEST_CASE("the demo moved to a server: a dump of the server's database holds no name or note") {
    if (!test::testServerAvailable())
        return;
    auto loaded = curriculum::loadProgramme(ROUNDTABLE_CONTENT);
    REQUIRE(loaded.ok());
    test::TempDir dir;
    auto path = dir / "demo.rtdb";
    practice::createDemoDatabase(path, *loaded.programme, ROUNDTABLE_CONTENT);
    const auto secrets = demoSecrets(path);
    test::TestServerDatabase database;
    database.makeClientRole();
    (void)records::server::importFile(path, database.connection(), test::kTestClientRole,
                                      practice::kDemoLogin, practice::kDemoPassphrase);
    // What the server's administrator, or anyone with a backup of it, can read.
    FILE* dump = popen(("pg_dump --no-owner '" + database.connection() + "'").c_str(), "r");
    REQUIRE(dump);
    std::string bytes;
    char buffer[65536];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, dump)) > 0;)
        bytes.append(buffer, got);
    REQUIRE(pclose(dump) == 0);
    REQUIRE(bytes.find("COPY roundtable.progress_notes") != std::string::npos);
    for (const auto& secret : secrets) {
        CAPTURE(secret);
        CHECK(bytes.find(secret) == std::string::npos);
    }
}

TEST_CASE("the store stamps records with the clock it is given, and judges late entries by it") {
    auto loaded = curriculum::loadProgramme(ROUNDTABLE_CONTENT);
    REQUIRE(loaded.ok());
    test::TempDir dir;
    auto store = test::createTestStore(dir / "s.rtdb");
    records::SetClock clock(practice::localTimeOn("2026-11-03"_date, 15, 0));
    store.useClock(clock);
    practice::Practice practice(store, *loaded.programme);
    auto group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
    auto member = practice.addMember(group, "Daniel Hughes", "2026-10-01");
    auto session = practice.planSession(group, "framework-01", "2026-11-03");
    practice.recordAttendance(session, member, records::Attendance::attended, "");
    practice.signNote(session, member, records::NoteContent("Joined in well."));
    CHECK(practice::today(store.clock()) == "2026-11-03"_date);
    const auto signedAt = records::utcTimestamp(clock);
    clock.set(practice::localTimeOn("2026-11-04"_date, 9, 0));
    auto late = practice.addMember(group, "Owen Price", "2026-10-01");
    practice.recordAttendance(session, late, records::Attendance::attended, "");
    practice.signNote(session, late, records::NoteContent("Quiet at first."));
    auto notes = store.notesOf(session);
    REQUIRE(notes.size() == 2);
    CHECK_FALSE(notes[0].lateEntry);
    CHECK(notes[0].signedAt == signedAt);
    CHECK(notes[1].lateEntry);
}
