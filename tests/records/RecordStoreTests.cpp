// The record store on real database files: round trips, refusals, and the schema's own
// protection of clinical records.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <type_traits>

#include <ctime>

#include "records/RecordStore.h"
#include "records/Schema.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using roundtable::test::createTestStore;
using roundtable::test::openTestStore;
using roundtable::test::rawCount;
using roundtable::test::rawSql;
using roundtable::test::TempDir;

namespace {

const std::string kAwkwardName = "Zo\xC3\xAB O'Brien \xE2\x80\x93 Caf\xC3\xA9";

NewSession sampleSession(GroupId group) {
    NewSession session;
    session.groupId = group;
    session.date = "2026-11-03"_date;
    session.title = "Making our group rules";
    session.minutes = 120;
    session.stamp = {"framework-02", "framework", 3, std::string(64, 'a')};
    session.activities = {{"check-in", 20, "Arriving", "Greet each man."},
                          {"teaching", 100, "Rules", "Agree the rules.\n\nWatch for: upset."}};
    return session;
}

}  // namespace

TEST_CASE("everything written is there, unchanged, after closing and reopening") {
    TempDir dir;
    auto path = dir / "service.rtdb";
    GroupId group = 0;
    MemberId member = 0;
    SessionId session = 0;
    {
        auto store = createTestStore(path);
        group = store.addGroup("Tuesday group", GroupKind::treatment);
        member = store.addMember(group, kAwkwardName, "2026-10-01"_date);
        session = store.addSession(sampleSession(group));
        store.markAttendance(session, {member, Attendance::late, "Bus was late", {}, {}});
        store.saveNoteDraft(session, member, "Joined in well. Caf\xC3\xA9 example used.");
        store.signNote(session, member);
        store.setSessionStatus(session, SessionStatus::tookPlace);
    }
    auto store = openTestStore(path);
    auto groups = store.groups();
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].name == "Tuesday group");
    auto members = store.membersOf(group);
    REQUIRE(members.size() == 1);
    CHECK(members[0].name == kAwkwardName);
    CHECK(members[0].code == "R0001");

    auto stored = store.session(session);
    CHECK(stored.status == SessionStatus::tookPlace);
    CHECK(stored.stamp.sessionId == "framework-02");
    CHECK(stored.stamp.moduleId == "framework");
    CHECK(stored.stamp.moduleVersion == 3);
    CHECK(stored.stamp.contentHash == std::string(64, 'a'));
    REQUIRE(stored.activities.size() == 2);
    CHECK(stored.activities[1].guidance == "Agree the rules.\n\nWatch for: upset.");

    auto marks = store.registerOf(session);
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].status == Attendance::late);
    CHECK(marks[0].reason == "Bus was late");
    auto note = store.note(session, member);
    REQUIRE(note);
    CHECK(note->state == NoteState::signedOff);
    CHECK(note->content.text == "Joined in well. Caf\xC3\xA9 example used.");
}

TEST_CASE("a correction to the register is a new mark: the earlier one is kept") {
    TempDir dir;
    auto store = createTestStore(dir / "s.rtdb");
    auto group = store.addGroup("G", GroupKind::treatment);
    auto member = store.addMember(group, "A", "2026-01-01"_date);
    auto session = store.addSession(sampleSession(group));
    store.markAttendance(session, {member, Attendance::absentUnauthorised, "No word", {}, {}});
    store.markAttendance(session, {member, Attendance::late, "", {}, {}});
    auto marks = store.registerOf(session);
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].status == Attendance::late);
    CHECK(rawCount(dir / "s.rtdb", "SELECT COUNT(*) FROM attendance_marks") == 2);
    CHECK(rawSql(dir / "s.rtdb", "DELETE FROM attendance_marks") ==
          "attendance marks are never deleted: record a new mark");
    CHECK(rawSql(dir / "s.rtdb", "UPDATE attendance_marks SET status = 'attended'") ==
          "attendance marks are never changed: record a new mark");
}

TEST_CASE("a signed note cannot be changed or deleted, even with plain SQL") {
    TempDir dir;
    auto path = dir / "s.rtdb";
    SessionId session = 0;
    MemberId member = 0;
    {
        auto store = createTestStore(path);
        auto group = store.addGroup("G", GroupKind::treatment);
        member = store.addMember(group, "A", "2026-01-01"_date);
        session = store.addSession(sampleSession(group));
        store.saveNoteDraft(session, member, "First draft");
        store.saveNoteDraft(session, member, "Second draft");
        CHECK(store.note(session, member)->content.text == "Second draft");
        store.signNote(session, member);
        CHECK_THROWS_WITH_AS(store.saveNoteDraft(session, member, "Changed"),
                             "This progress note is signed, so it cannot be changed.", StoreError);
    }
    CHECK(rawSql(path, "UPDATE progress_notes SET text = x'00'") ==
          "a signed progress note cannot be changed: add an amendment");
    CHECK(rawSql(path, "DELETE FROM progress_notes") == "a signed progress note cannot be deleted");
    auto store = openTestStore(path);
    auto kept = store.note(session, member);
    REQUIRE(kept);
    CHECK(kept->content.text == "Second draft");
}

TEST_CASE("a note signed after the day of its session is stamped as a late entry") {
    TempDir dir;
    auto store = createTestStore(dir / "s.rtdb");
    auto group = store.addGroup("G", GroupKind::treatment);
    auto member = store.addMember(group, "A", "2026-01-01"_date);
    auto past = sampleSession(group);  // dated 2026-11-03, before the test runs
    auto pastSession = store.addSession(past);
    auto today = sampleSession(group);
    today.date = Date::localOn(std::time(nullptr));
    auto todaySession = store.addSession(today);
    for (auto session : {pastSession, todaySession}) {
        store.saveNoteDraft(session, member, "Text");
        CHECK(store.note(session, member)->signedAt.empty());
        store.signNote(session, member);
    }
    auto late = store.note(pastSession, member);
    CHECK(late->lateEntry);
    CHECK(late->signedAt.size() == 20);  // 2026-11-23T10:00:00Z
    CHECK_FALSE(store.note(todaySession, member)->lateEntry);
    CHECK_THROWS_WITH_AS(store.signNote(todaySession, member),
                         "There is no draft note to sign for this member.", StoreError);
}

TEST_CASE("a database from a newer version is refused and left untouched") {
    TempDir dir;
    auto path = dir / "s.rtdb";
    { createTestStore(path).addGroup("G", GroupKind::treatment); }
    CHECK(rawSql(path, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;") == "");
    auto before = roundtable::test::readFile(path);
    CHECK_THROWS_WITH_AS(RecordStore::open(path),
                         "This database was written by a newer version of Roundtable (data "
                         "format 99; this version reads up to 10). It was not changed. Open it "
                         "with the newer version.",
                         StoreError);
    CHECK(roundtable::test::readFile(path) == before);
    CHECK_FALSE(std::filesystem::exists(dir / "s.rtdb-wal"));
}

TEST_CASE("another application's database, a damaged file and a missing file are refused") {
    TempDir dir;
    CHECK(rawSql(dir / "other.db", "CREATE TABLE t (x); INSERT INTO t VALUES (1);") == "");
    CHECK_THROWS_WITH_AS(RecordStore::open(dir / "other.db"),
                         "This file is not a Roundtable database, so it was not opened.",
                         StoreError);

    roundtable::test::writeFile(dir / "damaged.rtdb", std::string(8192, 'x'));
    try {
        (void)RecordStore::open(dir / "damaged.rtdb");
        FAIL("a damaged file was opened");
    } catch (const StoreError& error) {
        CHECK(std::string(error.what()).find("damaged or is not a Roundtable database") !=
              std::string::npos);
    }
    CHECK_THROWS_AS(RecordStore::open(dir / "missing.rtdb"), StoreError);
    CHECK_FALSE(std::filesystem::exists(dir / "missing.rtdb"));
}

TEST_CASE("create refuses to overwrite an existing file") {
    TempDir dir;
    roundtable::test::writeFile(dir / "existing.rtdb", "precious");
    CHECK_THROWS_AS(createTestStore(dir / "existing.rtdb"), StoreError);
    CHECK(roundtable::test::readFile(dir / "existing.rtdb") == "precious");
}

TEST_CASE("a new database is marked as Roundtable's, in WAL mode, at the current version") {
    TempDir dir;
    { (void)createTestStore(dir / "s.rtdb"); }
    CHECK(rawCount(dir / "s.rtdb", "PRAGMA application_id") == schema::kApplicationId);
    CHECK(rawCount(dir / "s.rtdb", "PRAGMA user_version") == schema::kCurrentVersion);
    sqlite3* db = nullptr;
    sqlite3_open((dir / "s.rtdb").c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0))) == "wal");
    sqlite3_finalize(statement);
    sqlite3_close(db);
}

TEST_CASE("network filesystems are recognised by their type") {
    CHECK(schema::isNetworkFilesystemType(0x6969));            // NFS
    CHECK(schema::isNetworkFilesystemType(0xFF534D42));        // CIFS
    CHECK(schema::isNetworkFilesystemType(0xFE534D42));        // SMB2
    CHECK(schema::isNetworkFilesystemType(0x517B));            // SMB
    CHECK_FALSE(schema::isNetworkFilesystemType(0xEF53));      // ext4
    CHECK_FALSE(schema::isNetworkFilesystemType(0x01021994));  // tmpfs
    TempDir dir;
    CHECK_FALSE(schema::isOnNetworkFilesystem(dir / "s.rtdb"));
}

// Distinct id types (issue 16, item 11): one kind of record's id is never taken for another's.
// Checked by the compiler; the test case states it where a reader of the tests looks.
static_assert(!std::is_convertible_v<MemberId, SessionId>);
static_assert(!std::is_convertible_v<SessionId, NoteId>);
static_assert(!std::is_convertible_v<GroupId, MemberId>);
static_assert(!std::is_invocable_v<void (*)(SessionId), MemberId>);
template <class A, class B>
concept Comparable = requires(A a, B b) {
    a == b;
};
static_assert(!Comparable<MemberId, SessionId>);
static_assert(Comparable<MemberId, MemberId>);

TEST_CASE("ids of one kind compare with each other and with their row number only") {
    const MemberId member = 7;
    CHECK(member == MemberId(7));
    CHECK(member == 7);
    CHECK(member.value() == 7);
    CHECK(MemberId() == 0);
    CHECK(std::to_string(member) == "7");
}
