// The store's encryption and sign-in on real database files (RELIABILITY 6-9).
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>

#include "records/RecordStore.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

struct Sample {
    TempDir dir;
    std::filesystem::path path = dir / "service.rtdb";
    std::string recoveryKey;
    SessionId session = 0;
    std::vector<MemberId> members;

    Sample() {
        auto created =
            RecordStore::create(path, {kTestLogin, kTestPassphrase, KeyDerivation::fast});
        recoveryKey = created.recoveryKey;
        auto& store = created.store;
        auto group = store.addGroup("Tuesday group", GroupKind::treatment);
        members.push_back(store.addMember(group, "Daniel Hughes", "2026-01-01"_date));
        members.push_back(store.addMember(group, "Ravi Chandra", "2026-01-01"_date));
        session = store.addSession(plannedSession(group));
        for (auto member : members) {
            store.markAttendance(session, {member, Attendance::attended, "", {}, {}});
            store.saveNoteDraft(session, member, "Note about member " + std::to_string(member));
        }
    }
};

}  // namespace

TEST_CASE("a database opens locked: the right sign-in unlocks it, a wrong one does not") {
    Sample sample;
    auto store = RecordStore::open(sample.path);
    CHECK_FALSE(store.isUnlocked());
    CHECK_THROWS_WITH_AS(store.groups(),
                         "The database is locked. Sign in to see or change records.", StoreError);
    CHECK_THROWS_WITH_AS(store.unlock(kTestLogin, "not the passphrase"),
                         "The user name or passphrase is not right.", StoreError);
    CHECK_THROWS_WITH_AS(store.unlock("nobody", kTestPassphrase),
                         "The user name or passphrase is not right.", StoreError);
    CHECK_FALSE(store.isUnlocked());
    store.unlock(kTestLogin, kTestPassphrase);
    CHECK(store.currentUser()->role == Role::administrator);
    CHECK(store.groups().at(0).name == "Tuesday group");
}

TEST_CASE("lock() zeroes the key in memory and hides every record") {
    Sample sample;
    auto store = openTestStore(sample.path);
    auto memory = store.keyMemoryForTests();
    REQUIRE(memory.size() == 32);
    CHECK(std::any_of(memory.begin(), memory.end(), [](unsigned char b) { return b != 0; }));
    store.lock();
    CHECK(std::all_of(memory.begin(), memory.end(), [](unsigned char b) { return b == 0; }));
    CHECK_FALSE(store.isUnlocked());
    CHECK_FALSE(store.currentUser());
    CHECK_THROWS_AS(store.membersOf(1), StoreError);
    CHECK_THROWS_AS(store.note(sample.session, sample.members[0]), StoreError);
}

TEST_CASE("names, reasons and notes are not in the file in plain text") {
    Sample sample;
    auto bytes = readFile(sample.path);
    if (std::filesystem::exists(sample.dir / "service.rtdb-wal")) {
        bytes += readFile(sample.dir / "service.rtdb-wal");
    }
    for (const char* secret :
         {"Daniel Hughes", "Ravi Chandra", "Tuesday group", "Note about member"}) {
        CAPTURE(secret);
        CHECK(bytes.find(secret) == std::string::npos);
    }
}

TEST_CASE("a ciphertext moved to another row or column does not decrypt") {
    Sample sample;
    CHECK(rawSql(sample.path,
                 "UPDATE members SET name = (SELECT name FROM members WHERE id = 2) "
                 "WHERE id = 1") == "");
    // The ciphertext itself refuses to open where it was moved (the row's tag is checked
    // too, so the record would be reported even if it did).
    auto store = openTestStore(sample.path);
    auto members = store.membersOf(1);
    CHECK(members.at(0).name.empty());
    CHECK(members.at(0).damage ==
          "The member (members 1) was changed outside Roundtable after it was recorded.");
    CHECK(members.at(1).damage.empty());
    CHECK(rawSql(sample.path, "UPDATE groups SET name = (SELECT name FROM members WHERE id = 2)") ==
          "");
    CHECK(store.groups().at(0).name.empty());
    CHECK_FALSE(store.groups().at(0).damage.empty());
}

TEST_CASE("the recovery key opens a database whose user keys were all removed") {
    Sample sample;
    CHECK(sample.recoveryKey.size() == 64);  // 13 groups of 4 with dashes
    CHECK(rawSql(sample.path, "DELETE FROM users") == "");
    auto store = RecordStore::open(sample.path);
    CHECK_THROWS_AS(store.unlock(kTestLogin, kTestPassphrase), StoreError);
    CHECK_THROWS_WITH_AS(store.unlockWithRecoveryKey("AAAA-BBBB"),
                         "That recovery key is not right.", StoreError);
    store.unlockWithRecoveryKey(sample.recoveryKey);
    for (auto member : sample.members) {
        CHECK(store.note(sample.session, member)->content.text ==
              "Note about member " + std::to_string(member));
    }
    // Nobody is signed in: the only thing to do is to make a new administrator.
    CHECK_THROWS_WITH_AS(store.addGroup("G", GroupKind::treatment),
                         "Sign in as a user to record this.", StoreError);
    store.addUser("new-admin", Role::administrator, "a new long passphrase");
    store.lock();
    store.unlock("new-admin", "a new long passphrase");
    CHECK(store.membersOf(1).at(0).name == "Daniel Hughes");
}

TEST_CASE("users: roles are enforced by the store, passphrases can be reset and changed") {
    Sample sample;
    auto store = openTestStore(sample.path);
    CHECK_THROWS_WITH_AS(store.addUser("sam", Role::facilitator, "short"),
                         "A passphrase needs at least 10 characters.", StoreError);
    store.addUser("sam", Role::facilitator, "sam's first passphrase");
    CHECK_THROWS_AS(store.addUser("sam", Role::facilitator, "another passphrase"), StoreError);
    store.lock();

    store.unlock("sam", "sam's first passphrase");
    CHECK(store.currentUser()->role == Role::facilitator);
    CHECK(store.membersOf(1).size() == 2);
    CHECK_THROWS_WITH_AS(store.addUser("eve", Role::administrator, "eve passphrase 1"),
                         "Only an administrator can manage users.", StoreError);
    CHECK_THROWS_AS(store.resetPassphrase(kTestLogin, "taken over admin"), StoreError);
    CHECK_THROWS_AS(store.changeOwnPassphrase("wrong old one", "sam's new passphrase"), StoreError);
    store.changeOwnPassphrase("sam's first passphrase", "sam's new passphrase");
    store.lock();
    CHECK_THROWS_AS(store.unlock("sam", "sam's first passphrase"), StoreError);
    store.unlock("sam", "sam's new passphrase");
    store.lock();

    store.unlock(kTestLogin, kTestPassphrase);
    store.resetPassphrase("sam", "reset by the admin");
    store.lock();
    store.unlock("sam", "reset by the admin");
    CHECK(store.note(sample.session, sample.members[1])->content.text ==
          "Note about member " + std::to_string(sample.members[1]));
}

TEST_CASE("key derivation costs are stored per user and are at least 64 MiB") {
    Sample sample;
    sqlite3* db = nullptr;
    sqlite3_open(sample.path.c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT kdf_mem, kdf_ops, length(kdf_salt) FROM users", -1, &statement,
                       nullptr);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    CHECK(sqlite3_column_int64(statement, 0) >= 64 * 1024 * 1024);
    CHECK(sqlite3_column_int64(statement, 1) >= 1);
    CHECK(sqlite3_column_int64(statement, 2) == 16);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    // The schema itself refuses a weaker setting.
    CHECK(rawSql(sample.path, "UPDATE users SET kdf_mem = 1024") != "");
}

TEST_CASE("a database in the unencrypted pre-release format is refused and left untouched") {
    Sample sample;
    CHECK(rawSql(sample.path, "PRAGMA user_version = 1; PRAGMA journal_mode = DELETE;") == "");
    auto before = readFile(sample.path);
    CHECK_THROWS_WITH_AS(RecordStore::open(sample.path),
                         "This database was made by a pre-release version of Roundtable that did "
                         "not encrypt records (data format 1). It was not opened or changed. "
                         "Create a new database.",
                         StoreError);
    CHECK(readFile(sample.path) == before);
}
