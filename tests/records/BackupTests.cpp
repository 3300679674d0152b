// Backups while the database is being written, their verification, and restore
// (RELIABILITY 13).
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "records/Backup.h"
#include "records/RecordStore.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

struct Service {
    TempDir dir;
    std::filesystem::path path = dir / "service.rtdb";
    GroupId group = 0;
    std::vector<MemberId> members;
    SessionId session = 0;

    Service() {
        auto store = createTestStore(path);
        group = store.addGroup("Tuesday group", GroupKind::treatment);
        for (int i = 0; i < 8; ++i) {
            members.push_back(
                store.addMember(group, "Member " + std::to_string(i), "2026-01-01"_date));
        }
        session = store.addSession(plannedSession(group, "2026-11-03"_date));
    }
};

}  // namespace

TEST_CASE("a backup taken while notes are being written verifies, restores and decrypts") {
    Service service;
    std::atomic<bool> stop = false;
    std::atomic<int> written = 0;
    std::thread writer([&] {
        // A second connection writing all the time, as the app would during a backup.
        auto store = openTestStore(service.path);
        for (int i = 0; !stop; ++i) {
            auto session = store.addSession(plannedSession(service.group, "2026-11-10"_date));
            store.saveNoteDraft(session, service.members[i % 8],
                                "Written during the backup " + std::to_string(i));
            ++written;
            // SQLite has no fair queue for writers: a loop with no pause at all would starve
            // the backup's own audit write. Real writes are seconds apart; 2 ms is plenty.
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    // Whatever happens below, the writer is stopped and joined before the test unwinds.
    struct StopWriter {
        std::atomic<bool>& stop;
        std::thread& writer;
        ~StopWriter() {
            stop = true;
            if (writer.joinable())
                writer.join();
        }
    } stopWriter{stop, writer};
    while (written < 5)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));

    BackupResult result;
    {
        auto store = openTestStore(service.path);
        result = store.backupTo(service.dir / "backup.rtdb");
        CHECK(store.lastBackupAt().has_value());
    }
    // Let the writer land at least one more note after the snapshot, even on a busy machine.
    const int atBackup = written;
    for (int wait = 0; written == atBackup && wait < 5000; ++wait) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    stop = true;
    writer.join();
    CHECK(written > 5);
    CHECK(result.bytes > 0);
    CHECK(result.contentHash.size() == 64);
    // The copy is exactly the snapshot it describes, and the source has moved on since.
    CHECK(databaseContentHash(service.dir / "backup.rtdb") == result.contentHash);
    CHECK(databaseContentHash(service.path) != result.contentHash);

    auto kept =
        RecordStore::restore(service.dir / "backup.rtdb", service.path, kTestLogin, kTestPassphrase)
            .kept;
    CHECK(std::filesystem::exists(kept));
    CHECK(kept.string().find(".before-restore-") != std::string::npos);
    auto restored = openTestStore(service.path);
    CHECK(restored.membersOf(service.group).size() == 8);
    for (const auto& session : restored.sessionsOf(service.group)) {
        for (const auto& note : restored.notesOf(session.id)) {
            CHECK(note.content.text.starts_with("Written during the backup "));
        }
    }
    CHECK(restored.verifyAudit().intact());
    // The replaced file is whole and opens too.
    auto old = openTestStore(kept);
    CHECK(old.sessionsOf(service.group).size() > restored.sessionsOf(service.group).size());
}

TEST_CASE("a backup never overwrites a file, and a damaged backup is never restored") {
    Service service;
    auto store = openTestStore(service.path);
    writeFile(service.dir / "taken.rtdb", "something precious");
    CHECK_THROWS_AS(store.backupTo(service.dir / "taken.rtdb"), StoreError);
    CHECK(readFile(service.dir / "taken.rtdb") == "something precious");

    writeFile(service.dir / "damaged.rtdb", std::string(8192, 'x'));
    auto before = readFile(service.path);
    CHECK_THROWS_AS(RecordStore::restore(service.dir / "damaged.rtdb", service.path, kTestLogin,
                                         kTestPassphrase),
                    StoreError);
    CHECK(readFile(service.path) == before);
}
