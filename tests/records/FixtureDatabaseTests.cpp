// Opens the committed database of every format (tests/fixtures/databases/README.md).
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "records/RecordStore.h"
#include "records/Schema.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {
const std::filesystem::path kFixtures = ROUNDTABLE_FIXTURES "/databases";
constexpr const char* kFormat2RecoveryKey =
    "TFD7-EXK3-SQER-6F2F-HRJF-D7JJ-234A-WERV-M5VB-L2WW-M7JH-2AN2-JGDA";
constexpr const char* kFormat3RecoveryKey =
    "GLEP-T32P-LCVI-NMON-XTOL-S3HI-WCTK-SYDB-DFNT-ZLIN-NQ3Y-VFCB-JOSA";
constexpr const char* kFormat4RecoveryKey =
    "BIIC-SGRP-LDCV-UQBC-NAZ4-EXWR-J35S-XSQK-OC4B-TDS4-U7EZ-XAE3-FLGQ";
constexpr const char* kFormat5RecoveryKey =
    "Z5PD-I5YM-76K2-7EAD-UNNC-PYLR-ZRTN-TJD3-5J22-2RKB-ZL6I-Y2TQ-2MJA";
constexpr const char* kFormat6RecoveryKey =
    "TNYA-4AW2-CFW5-AQ5K-7NRE-PYH2-GCGL-MGSR-SZTW-LMNT-HZHQ-H4AK-S5LA";
constexpr const char* kFormat7RecoveryKey =
    "3Y4E-RFSO-I665-YD3P-7P27-6OTW-JTIP-6O5O-4YGD-ZL5L-ZDL3-Z4GO-OOWA";
constexpr const char* kFormat8RecoveryKey =
    "DM5K-HHT4-NNBC-WPHY-JK65-AWTQ-JELP-V37M-JVGL-YGC3-KBFH-EEOT-LXRQ";
constexpr const char* kFormat9RecoveryKey =
    "OBUD-36GU-ZKHV-KV3Z-IHGZ-DDJB-QBDD-7VK6-HKKB-BM57-S3WD-OPJV-GP4Q";
constexpr const char* kFormat10RecoveryKey =
    "NL7I-ME3E-WE2Z-LTQM-XNX3-WKRI-MTET-ADCT-NRSU-GZCJ-WQYX-AZJH-QD4A";
const std::string kCurrentFormat = std::to_string(schema::kCurrentVersion);
}  // namespace

TEST_CASE("a format 2 database opens (migrated), decrypts and verifies") {
    TempDir dir;
    std::filesystem::copy_file(kFixtures / "format-2.rtdb", dir / "copy.rtdb");
    auto store = openTestStore(dir / "copy.rtdb");
    auto groups = store.groups();
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].name == "Tuesday group");
    auto members = store.membersOf(groups[0].id);
    REQUIRE(members.size() == 1);
    CHECK(members[0].name == "Zo\xC3\xAB O'Brien \xE2\x80\x93 Caf\xC3\xA9");
    auto sessions = store.sessionsOf(groups[0].id);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].status == SessionStatus::tookPlace);
    auto note = store.note(sessions[0].id, members[0].id);
    REQUIRE(note);
    CHECK(note->content.text == "A fixture note, signed.");
    CHECK(note->state == NoteState::signedOff);
    CHECK(store.registerOf(sessions[0].id).at(0).reason == "Bus was late");
    CHECK(store.verifyAudit().intact());
    store.lock();
    store.unlockWithRecoveryKey(kFormat2RecoveryKey);
    CHECK(store.membersOf(groups[0].id).size() == 1);
}

TEST_CASE("a format 1 database is refused with an explanation and left unchanged") {
    TempDir dir;
    std::filesystem::copy_file(kFixtures / "format-1.rtdb", dir / "copy.rtdb");
    auto before = readFile(dir / "copy.rtdb");
    CHECK_THROWS_WITH_AS(RecordStore::open(dir / "copy.rtdb"),
                         "This database was made by a pre-release version of Roundtable that did "
                         "not encrypt records (data format 1). It was not opened or changed. "
                         "Create a new database.",
                         StoreError);
    CHECK(readFile(dir / "copy.rtdb") == before);
}

namespace {
/// Every object of the schema (type, name, SQL), one per line, in name order.
std::string schemaOf(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* rows = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_schema "
                       "ORDER BY name",
                       -1, &rows, nullptr);
    std::string text;
    while (sqlite3_step(rows) == SQLITE_ROW)
        text += reinterpret_cast<const char*>(sqlite3_column_text(rows, 0)) + std::string("\n");
    sqlite3_finalize(rows);
    sqlite3_close(db);
    return text;
}
}  // namespace

TEST_CASE("a format 2 database is migrated after a verified backup, and nothing is lost") {
    TempDir dir;
    auto path = dir / "copy.rtdb";
    std::filesystem::copy_file(kFixtures / "format-2.rtdb", path);
    auto hashBefore = databaseContentHash(path);
    {
        auto store = RecordStore::open(path);
        auto backup = store.migrationBackup();
        REQUIRE(backup);
        CHECK(backup->parent_path() == dir.path());
        CHECK(backup->filename().string().starts_with("copy.rtdb.before-format-" + kCurrentFormat +
                                                      "-"));
        CHECK(rawCount(*backup, "PRAGMA user_version") == 2);
        CHECK(databaseContentHash(*backup) == hashBefore);
        CHECK(rawCount(path, "PRAGMA user_version") == schema::kCurrentVersion);

        store.unlock(kTestLogin, kTestPassphrase);
        auto group = store.groups().at(0);
        auto member = store.membersOf(group.id).at(0);
        auto session = store.sessionsOf(group.id).at(0);
        auto note = store.note(session.id, member.id);
        CHECK(note->content.text == "A fixture note, signed.");
        CHECK(note->content.participation == Participation::notRecorded);
        // What format 3 added works on the migrated file.
        store.amendNote(note->id, "Added after the migration.", "Testing");
        CHECK(store.note(session.id, member.id)->amendments.size() == 1);
        CHECK(store.verifyAudit().intact());
        store.lock();
        CHECK(rawCount(path, "SELECT COUNT(*) FROM audit_events WHERE kind = 'migrate-to-format-" +
                                 kCurrentFormat + "' AND record_kind = 'database'") == 1);
    }
    // Already current: opening again changes nothing and makes no backup.
    CHECK_FALSE(RecordStore::open(path).migrationBackup());
}

TEST_CASE("a migrated database has exactly the shape of a new one") {
    TempDir dir;
    createTestStore(dir / "new.rtdb");
    for (const char* fixture : {"format-2.rtdb", "format-3.rtdb"}) {
        CAPTURE(fixture);
        auto migrated = dir / ("migrated-" + std::string(fixture));
        std::filesystem::copy_file(kFixtures / fixture, migrated);
        RecordStore::open(migrated);
        auto shape = schemaOf(migrated);
        CHECK(shape.find("session_facilitator_records") != std::string::npos);
        CHECK(shape == schemaOf(dir / "new.rtdb"));
    }
}

TEST_CASE("a migration that fails leaves the file at its old format, and can be tried again") {
    TempDir dir;
    auto path = dir / "copy.rtdb";
    std::filesystem::copy_file(kFixtures / "format-2.rtdb", path);
    // A table in the way makes the migration's CREATE TABLE fail half way.
    CHECK(rawSql(path, "CREATE TABLE outcome_scores (x)") == "");
    auto hashBefore = databaseContentHash(path);
    CHECK_THROWS_AS(RecordStore::open(path), StoreError);
    CHECK(rawCount(path, "PRAGMA user_version") == 2);
    CHECK(rawCount(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'member_details'") == 0);
    CHECK(databaseContentHash(path) == hashBefore);
    CHECK(rawSql(path, "DROP TABLE outcome_scores") == "");
    auto store = openTestStore(path);
    CHECK(rawCount(path, "PRAGMA user_version") == schema::kCurrentVersion);
    CHECK(store.groups().size() == 1);
}

namespace {
/// What MakeFixtures wrote in format 3 and later: one record of every kind.
void checkEveryKindOfRecord(RecordStore& store, const std::string& recoveryKey) {
    auto groups = store.groups();
    REQUIRE(groups.size() == 2);
    CHECK(groups[1].linkedGroup == groups[0].id);
    CHECK(groups[1].schedule.startsAt == "18:00");
    auto member = store.membersOf(groups[0].id).at(0);
    auto session = store.sessionsOf(groups[0].id).at(0);
    auto note = store.note(session.id, member.id);
    CHECK(note->content.ratings == std::vector<IndicatorRating>{{"keeps-rules", 2}});
    CHECK(note->content.concernRaised);
    CHECK(note->amendments.at(0).text == "A fixture amendment.");
    CHECK(store.memberDetails(member.id)->residentialService == "Fixture House");
    CHECK(store.concernsOf(member.id).at(0).actions.at(0).status == ActionStatus::done);
    CHECK(store.outcomeScoresOf(member.id).at(0).score == 30);
    CHECK(store.relapsePlan(member.id)->sections.at(0).body == "A fixture sign.");
    if (store.sessionsOf(groups[0].id).size() > 1) {  // written in format 8 or later
        CHECK(store.sessionsOf(groups[0].id).at(1).catchUpFor == std::vector<MemberId>{member.id});
        CHECK(store.milestonesOf(member.id).at(0).note == "In his own words.");
        CHECK(note->reviews.at(0).comment == "Please say how he took part.");
        CHECK(note->reviews.at(0).reviewer == "lead");
    }
    if (store.sessionsOf(groups[0].id).size() > 2) {  // written in format 9 or later
        auto held = store.session(session.id);
        CHECK(held.status == SessionStatus::tookPlace);
        CHECK(held.statusCorrections.size() == 2);
        CHECK(store.sharedSectionOf(session.id)->text == "We made the group's rules.");
        CHECK(store.checkInsOf(member.id).at(0).word == "calm");
        CHECK(store.tasksOf(member.id).at(0).review->comment == "Once.");
        auto next = store.session(store.sessionsOf(groups[0].id).at(2).id);
        CHECK(next.adaptation->reason == "He reads little.");
        CHECK(store.jottingsOf(next.id).at(0).text == "Asked about the rules.");
        CHECK(store.outcomeScoresOf(member.id).at(0).forSession == session.id);
    }
    for (const auto& read : {member.damage, session.damage, note->damage, groups[1].damage})
        CHECK(read.empty());
    auto report = store.verify();
    CHECK(report.intact());
    CHECK(report.recordsChecked > 15);
    store.lock();
    store.unlockWithRecoveryKey(recoveryKey);
    CHECK(store.groups().size() == 2);
    // What was written with the recovery key is signed with it too.
    CHECK(store.verify().intact());
}
}  // namespace

TEST_CASE("a format 3 database is migrated with every kind of record, and who ran a session") {
    TempDir dir;
    auto path = dir / "copy.rtdb";
    std::filesystem::copy_file(kFixtures / "format-3.rtdb", path);
    // Format 3 kept who ran a session as a plain list; the fixture has none, so add one the
    // way format 3 wrote it.
    CHECK(rawSql(path, "INSERT INTO session_facilitators (session_id, user_id) VALUES (1, 1)") ==
          "");
    auto store = openTestStore(path);
    auto backup = store.migrationBackup();
    REQUIRE(backup);
    CHECK(rawCount(*backup, "PRAGMA user_version") == 3);
    CHECK(store.session(1).facilitators == std::vector<UserId>{1});
    // Carried over without a recorder: nobody can say who recorded it.
    CHECK(rawCount(path,
                   "SELECT COUNT(*) FROM session_facilitator_records WHERE user_id = 1 AND "
                   "present = 1 AND recorded_by IS NULL") == 1);
    checkEveryKindOfRecord(store, kFormat3RecoveryKey);
}

TEST_CASE("a format 4 database is migrated: an administrator's sign-in authenticates its records") {
    TempDir dir;
    auto path = dir / "copy.rtdb";
    std::filesystem::copy_file(kFixtures / "format-4.rtdb", path);
    {
        // Until an administrator has signed in once, nobody else can: the records are not
        // authenticated yet.
        auto store = RecordStore::open(path);
        CHECK(store.migrationBackup());
        CHECK_THROWS_WITH_AS(
            store.unlock("colleague", "a colleague's passphrase"),
            "This database was brought up to a new data format. An administrator must sign in "
            "once first, to authenticate the records it already holds; then everyone can.",
            StoreError);
        CHECK_FALSE(store.isUnlocked());
    }
    auto store = openTestStore(path);
    CHECK_FALSE(store.migrationBackup());
    // Every record was tagged at once, and the log says who did it and how many.
    CHECK(rawCount(path,
                   "SELECT COUNT(*) FROM audit_events a WHERE kind = "
                   "'authenticate-existing-records' AND login = 'admin' AND record_id = (SELECT "
                   "COUNT(*) FROM audit_events e WHERE e.row_key IS NOT NULL AND e.id < a.id)") ==
          1);
    CHECK(rawCount(path, "SELECT COUNT(*) FROM audit_events WHERE kind = 'refused-sign-in'") == 1);
    // Two people recorded as running the session, then corrected to one: both records kept.
    auto colleague = store.users().at(1).id;
    CHECK(store.session(1).facilitators == std::vector<UserId>{colleague});
    CHECK(rawCount(dir / "copy.rtdb", "SELECT COUNT(*) FROM session_facilitator_records") == 3);
    checkEveryKindOfRecord(store, kFormat4RecoveryKey);
}

TEST_CASE(
    "a format 5 database is migrated: an administrator's sign-in begins its signed log, and "
    "certifies the keys colleagues make at theirs") {
    TempDir dir;
    auto path = dir / "copy.rtdb";
    std::filesystem::copy_file(kFixtures / "format-5.rtdb", path);
    auto store = RecordStore::open(path);
    CHECK(store.migrationBackup());
    // Nobody but an administrator signs in until the signed log has begun.
    CHECK_THROWS_WITH_AS(
        store.unlock("colleague", "a colleague's passphrase"),
        "This database was brought up to a new data format. An administrator must sign in "
        "once first, to authenticate the records it already holds; then everyone can.",
        StoreError);
    CHECK(store.trustRoots().empty());
    store.unlock(kTestLogin, kTestPassphrase);
    // The administrator certified her own key: the root this database's certificates lead to.
    CHECK(store.trustRoots().size() == 1);
    CHECK(store.verify().intact());
    store.lock();
    // The colleague gets her key at her sign-in; until an administrator certifies it, what she
    // signs is not proven (verify says so, without calling it forged).
    store.unlock("colleague", "a colleague's passphrase");
    store.recordAccess(Access::view, "member", 1);
    auto waiting = store.verify();
    CHECK(waiting.intact());
    CHECK(waiting.awaitingCertification == std::vector<std::string>{"colleague"});
    store.lock();
    store.unlock(kTestLogin, kTestPassphrase);
    auto certified = store.verify();
    CHECK(certified.intact());
    CHECK(certified.awaitingCertification.empty());
    CHECK(certified.signaturesChecked == 6);  // three sign-ins, two locks, the colleague's view
    checkEveryKindOfRecord(store, kFormat5RecoveryKey);
}

TEST_CASE("a format 6 database is migrated and verifies clean, with every kind of record") {
    TempDir dir;
    std::filesystem::copy_file(kFixtures / "format-6.rtdb", dir / "copy.rtdb");
    auto store = RecordStore::open(dir / "copy.rtdb");
    CHECK(store.migrationBackup());
    // Not an administrator, and nothing waits for one: an ordinary sign-in.
    store.unlock("colleague", "a colleague's passphrase");
    store.lock();
    store.unlock(kTestLogin, kTestPassphrase);
    auto report = store.verify();
    CHECK(report.intact());
    CHECK(report.awaitingCertification.empty());
    CHECK(report.signaturesChecked > 20);
    checkEveryKindOfRecord(store, kFormat6RecoveryKey);
}

TEST_CASE(
    "a format 7 database is migrated and verifies clean, with every kind of record and its "
    "programme") {
    TempDir dir;
    std::filesystem::copy_file(kFixtures / "format-7.rtdb", dir / "copy.rtdb");
    auto store = RecordStore::open(dir / "copy.rtdb");
    CHECK(store.migrationBackup());
    store.unlock(kTestLogin, kTestPassphrase);
    auto report = store.verify();
    CHECK(report.intact());
    CHECK(store.hasProgramme());
    CHECK(store.moduleIds() == std::vector<std::string>{"framework"});
    auto state = store.moduleState("framework");
    REQUIRE(state.published);
    CHECK(state.published->text.version == 1);
    CHECK(state.published->damage.empty());
    CHECK(store.programmePictures().at(0).name == "group");
    CHECK(store.recordSetting("service", RecordStore::kPublishOwnWork)->value == "no");
    checkEveryKindOfRecord(store, kFormat7RecoveryKey);
}

TEST_CASE("a format 8 database is migrated, verifies clean and takes the records of format 9") {
    TempDir dir;
    std::filesystem::copy_file(kFixtures / "format-8.rtdb", dir / "copy.rtdb");
    auto store = RecordStore::open(dir / "copy.rtdb");
    CHECK(store.migrationBackup());
    store.unlock(kTestLogin, kTestPassphrase);
    CHECK(store.verify().intact());
    auto session = store.sessionsOf(store.groups().at(0).id).at(0).id;
    store.correctSessionStatus(session, SessionStatus::didNotTakePlace, "A test.");
    store.saveSharedSection(session, "Shared.");
    CHECK(store.session(session).status == SessionStatus::didNotTakePlace);
    CHECK(store.verify().intact());
    store.correctSessionStatus(session, SessionStatus::tookPlace, "As it was.");
    checkEveryKindOfRecord(store, kFormat8RecoveryKey);
}

TEST_CASE("a format 9 database is migrated, verifies clean and takes a user's own phrases") {
    TempDir dir;
    std::filesystem::copy_file(kFixtures / "format-9.rtdb", dir / "copy.rtdb");
    auto store = RecordStore::open(dir / "copy.rtdb");
    CHECK(store.migrationBackup());
    store.unlock(kTestLogin, kTestPassphrase);
    CHECK(store.verify().intact());
    CHECK(store.myPhrases().empty());
    store.savePhrase("calm", "He stayed calm.");
    CHECK(store.myPhrases().at(0).text == "He stayed calm.");
    CHECK(store.verify().intact());
    checkEveryKindOfRecord(store, kFormat9RecoveryKey);
}

TEST_CASE("a format 10 database opens and verifies clean, with a user's own phrase") {
    TempDir dir;
    std::filesystem::copy_file(kFixtures / "format-10.rtdb", dir / "copy.rtdb");
    auto store = RecordStore::open(dir / "copy.rtdb");
    CHECK_FALSE(store.migrationBackup());
    store.unlock(kTestLogin, kTestPassphrase);
    CHECK(store.verify().intact());
    const auto phrases = store.myPhrases();
    REQUIRE(phrases.size() == 1);
    CHECK(phrases[0].text == "He kept to the group's rules.");
    checkEveryKindOfRecord(store, kFormat10RecoveryKey);
}

TEST_CASE(
    "a reason for leaving sealed to its membership's rowid, as earlier builds did, still reads") {
    // format-10-left.rtdb: recorded by a build that sealed the reason to the rowid (2); this
    // build seals a new one to the membership's key (group.member), which a server has too.
    TempDir dir;
    std::filesystem::copy_file(kFixtures / "format-10-left.rtdb", dir / "copy.rtdb");
    auto store = openTestStore(dir / "copy.rtdb");
    CHECK(store.verify().intact());
    auto members = store.membersOf(1);
    REQUIRE(members.size() == 2);
    CHECK(members[1].leavingReason == "Moved to another area.");
    CHECK(members[1].damage.empty());
    store.recordLeaving(1, members[0].id, "2026-04-07"_date, "Finished the programme.");
    members = store.membersOf(1);
    CHECK(members[0].leavingReason == "Finished the programme.");
    CHECK(members[0].damage.empty());
    CHECK(members[1].leavingReason == "Moved to another area.");
    CHECK(store.verify().intact());
}
