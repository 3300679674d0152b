// A damaged file is refused, never repaired or written (RELIABILITY.md, promise 19): damaged
// pages, a truncated file, another application's or a newer version's file in WAL mode, a
// damaged or lost -wal. Each refused open leaves the file and its -wal byte-identical (their
// sha256 before and after). And a failed backup changes nothing but the audit log.
#include <doctest/doctest.h>
#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "records/RecordStore.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

std::string sha256(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path))
        return "absent";
    auto bytes = readFile(path);
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[2 * sizeof hash + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

std::filesystem::path logOf(const std::filesystem::path& path) {
    return path.string() + "-wal";
}

/// The database file's and its -wal's sha256 (or "absent").
std::string fingerprint(const std::filesystem::path& path) {
    return "file " + sha256(path) + ", -wal " + sha256(logOf(path));
}

/// Opening must fail with a message containing `expected`, and leave both files as they were.
void checkRefusedUnchanged(const std::filesystem::path& path, const std::string& expected) {
    auto before = fingerprint(path);
    std::string message;
    try {
        (void)RecordStore::open(path);
    } catch (const StoreError& error) {
        message = error.what();
    }
    INFO("message: " << message);
    CHECK(message.find(expected) != std::string::npos);
    CHECK(fingerprint(path) == before);
    // Trying again gives the same answer: the first attempt left nothing that hides it.
    CHECK_THROWS_AS(RecordStore::open(path), StoreError);
    CHECK(fingerprint(path) == before);
}

void overwrite(const std::filesystem::path& path, std::size_t at, const std::string& bytes) {
    auto content = readFile(path);
    REQUIRE(at + bytes.size() <= content.size());
    content.replace(at, bytes.size(), bytes);
    writeFile(path, content);
}

/// A service with `notes` signed notes of about 2 KB, each saved in its own transaction.
struct Service {
    TempDir dir;
    std::filesystem::path path = dir / "service.rtdb";
    GroupId group = 0;
    SessionId session = 0;
    std::vector<MemberId> members;

    explicit Service(int notes = 12) {
        auto store = createTestStore(path);
        group = store.addGroup("Tuesday group", GroupKind::treatment);
        session = store.addSession(plannedSession(group));
        for (int i = 0; i < std::max(notes, 12); ++i)
            members.push_back(
                store.addMember(group, "Member " + std::to_string(i), "2026-01-01"_date));
        for (int i = 0; i < notes; ++i)
            store.saveAndSignNote(session, members[i], text(i));
    }
    static std::string text(int i) { return "Note " + std::to_string(i) + std::string(2000, '.'); }
    /// What the disk holds if the application dies now, with every note from `from` to `to`
    /// committed to the -wal and not yet in the file: a copy taken while the store is open.
    std::filesystem::path crashImage(int from, int to) {
        auto image = dir / "crashed.rtdb";
        auto store = openTestStore(path);
        for (int i = from; i < to; ++i)
            store.saveAndSignNote(session, members[i], text(i));
        std::filesystem::copy_file(path, image);
        std::filesystem::copy_file(logOf(path), logOf(image));
        return image;
    }
    int notesIn(const std::filesystem::path& file) {
        auto store = openTestStore(file);
        return static_cast<int>(store.notesOf(session).size());
    }
};

/// Kept copies of `path`'s -wal.
std::vector<std::filesystem::path> keptLogs(const std::filesystem::path& path) {
    std::vector<std::filesystem::path> kept;
    for (const auto& entry : std::filesystem::directory_iterator(path.parent_path())) {
        if (entry.path().filename().string().starts_with(path.filename().string() + "-wal.kept-"))
            kept.push_back(entry.path());
    }
    return kept;
}

/// Leaves `sql`'s changes in a -wal beside `path`, as a program that stopped would.
void writeToLog(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    CHECK(sqlite3_exec(db, ("PRAGMA journal_mode = WAL;" + sql).c_str(), nullptr, nullptr,
                       nullptr) == SQLITE_OK);
    sqlite3_close(db);
    REQUIRE(std::filesystem::file_size(logOf(path)) > 0);
}

}  // namespace

TEST_CASE("a crash image opens with every committed note, and its -wal needs no copy") {
    Service service;
    auto image = service.crashImage(0, 0);
    CHECK(std::filesystem::file_size(logOf(image)) > 0);
    CHECK(service.notesIn(image) == 12);
    CHECK(keptLogs(image).empty());
    // Closed properly, it leaves no -wal and no mark of being in use.
    CHECK_FALSE(std::filesystem::exists(logOf(image)));
    CHECK(rawCount(image, "SELECT COUNT(*) FROM service_state WHERE key LIKE 'in_use%'") == 0);
}

TEST_CASE("a damaged page in the middle of the file is refused and the file left unchanged") {
    Service service(30);
    auto content = readFile(service.path);
    const std::size_t pageSize = 4096;
    REQUIRE(content.size() % pageSize == 0);
    // The first b-tree page from the middle on that holds cells (its first byte says what
    // kind of page it is, bytes 3-4 how many cells): its cell pointers are overwritten.
    auto holdsCells = [&](std::size_t page) {
        const auto* header =
            reinterpret_cast<const unsigned char*>(content.data()) + page * pageSize;
        return std::string("\x02\x05\x0a\x0d").find(static_cast<char>(header[0])) !=
                   std::string::npos &&
               (header[3] | header[4]) != 0;
    };
    auto page = content.size() / pageSize / 2;
    while (!holdsCells(page))
        ++page;
    overwrite(service.path, page * pageSize + 8, std::string(64, '\xAB'));
    checkRefusedUnchanged(service.path, "is damaged");
    checkRefusedUnchanged(service.path, "It was not changed");
    checkRefusedUnchanged(service.path, "restore your latest backup");
    CHECK_FALSE(std::filesystem::exists(logOf(service.path)));
}

TEST_CASE("a truncated file is refused and left unchanged, its -wal too") {
    Service service;
    SUBCASE("cut in half") {
        std::filesystem::resize_file(service.path, std::filesystem::file_size(service.path) / 2);
        checkRefusedUnchanged(service.path, "is damaged");
    }
    SUBCASE("cut in half, with a -wal") {
        auto image = service.crashImage(0, 0);
        std::filesystem::resize_file(image, std::filesystem::file_size(image) / 2);
        checkRefusedUnchanged(image, "is damaged");
    }
    SUBCASE("cut to nothing, with a -wal (which SQLite deletes even when reading only)") {
        auto image = service.crashImage(0, 0);
        std::filesystem::resize_file(image, 0);
        checkRefusedUnchanged(image, "(it is empty)");
    }
    SUBCASE("cut inside the header") {
        std::filesystem::resize_file(service.path, 100);
        checkRefusedUnchanged(service.path, "does not begin with a database header");
    }
}

TEST_CASE("another application's database in WAL mode is refused and left unchanged") {
    TempDir dir;
    auto path = dir / "other.db";
    writeToLog(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);");
    checkRefusedUnchanged(path, "This file is not a Roundtable database, so it was not opened.");
}

TEST_CASE("a newer version's database in WAL mode is refused and left unchanged") {
    Service service(0);
    writeToLog(service.path, "PRAGMA user_version = 99;");
    checkRefusedUnchanged(service.path, "written by a newer version of Roundtable (data format 99");
}

TEST_CASE("a damaged -wal is refused, kept aside, and left unchanged") {
    Service service(0);
    auto image = service.crashImage(0, 12);
    auto log = readFile(logOf(image));
    SUBCASE("bytes overwritten in the middle") {
        overwrite(logOf(image), log.size() / 2, std::string(64, '\xAB'));
    }
    SUBCASE("its header overwritten") {
        overwrite(logOf(image), 16, std::string(8, '\0'));
    }
    checkRefusedUnchanged(image, "its write-ahead log");
    checkRefusedUnchanged(image, "is damaged, and opening the database would lose them");
    // Each attempt kept a copy of the log as it was, readable only by its owner.
    auto kept = keptLogs(image);
    REQUIRE_FALSE(kept.empty());
    for (const auto& copy : kept) {
        CHECK(sha256(copy) == sha256(logOf(image)));
        struct stat info {};
        REQUIRE(::stat(copy.c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0600);
    }
    // Once the log is whole again (here: put back from the first copy), everything is there.
    writeFile(logOf(image), log);
    CHECK(service.notesIn(image) == 12);
}

TEST_CASE("a -wal cut short inside its last transaction is kept aside, and the rest opens") {
    Service service(0);
    auto image = service.crashImage(0, 12);
    auto log = readFile(logOf(image));
    // As if the machine stopped while the last note was being written: that note was never
    // reported saved. (Damage to the last transaction looks the same, hence the copy.)
    std::filesystem::resize_file(logOf(image), log.size() - 100);
    CHECK(service.notesIn(image) == 11);
    auto kept = keptLogs(image);
    REQUIRE(kept.size() == 1);
    CHECK(readFile(kept[0]) == log.substr(0, log.size() - 100));
}

TEST_CASE("a -wal restarted after a checkpoint, older frames after the new ones, opens") {
    Service service(0);
    {
        auto store = openTestStore(service.path);
        for (int i = 0; i < 11; ++i)
            store.saveAndSignNote(service.session, service.members[i], Service::text(i));
        // Everything is in the file now; the next write starts the -wal from its beginning.
        CHECK(rawSql(service.path, "PRAGMA wal_checkpoint(RESTART)") == "");
    }
    auto image = service.crashImage(11, 12);
    CHECK(service.notesIn(image) == 12);
    CHECK(keptLogs(image).empty());
}

TEST_CASE("a lost -wal after a session that did not close is refused: put back, it opens") {
    Service service(0);
    auto image = service.crashImage(0, 12);
    auto log = readFile(logOf(image));
    std::filesystem::remove(logOf(image));
    checkRefusedUnchanged(image, "was not closed properly");
    checkRefusedUnchanged(image, "is missing");
    CHECK_FALSE(std::filesystem::exists(logOf(image)));
    writeFile(logOf(image), log);
    CHECK(service.notesIn(image) == 12);
}

TEST_CASE("a backup of an open database opens: the copy is not taken for a lost -wal") {
    Service service(2);
    auto store = openTestStore(service.path);
    store.backupTo(service.dir / "backup.rtdb");
    CHECK(service.notesIn(service.dir / "backup.rtdb") == 2);
}

TEST_CASE("a backup that fails changes nothing but the audit log") {
    Service service(0);
    auto store = openTestStore(service.path);
    store.backupTo(service.dir / "first.rtdb");
    // An old date, so that a failed backup counted now would show (times are to the second).
    const std::string lastBackup = "2020-01-01T00:00:00Z";
    REQUIRE(rawSql(service.path, "UPDATE service_state SET value = '" + lastBackup +
                                     "' WHERE key = 'last_backup_at'") == "");
    REQUIRE(store.lastBackupAt() == lastBackup);
    auto failures = [&](const std::string& reason) {
        return rawCount(service.path,
                        "SELECT COUNT(*) FROM audit_events WHERE kind = "
                        "'backup failed: " +
                            reason + "' AND record_kind = 'database'");
    };
    SUBCASE("to a folder that does not exist") {
        CHECK_THROWS_WITH_AS(store.backupTo(service.dir / "no such folder" / "b.rtdb"),
                             doctest::Contains("does not exist"), StoreError);
        CHECK(failures("no such folder") == 1);
        CHECK_FALSE(std::filesystem::exists(service.dir / "no such folder"));
    }
    SUBCASE("to a file that exists") {
        CHECK_THROWS_AS(store.backupTo(service.dir / "first.rtdb"), StoreError);
        CHECK(failures("file exists") == 1);
    }
    CHECK(store.lastBackupAt() == lastBackup);
    CHECK(store.verifyAudit().intact());
}
