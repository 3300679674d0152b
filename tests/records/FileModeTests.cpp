// Every file that holds records or keys is created for its owner only (mode 0600): the
// database with its -wal and -shm, backups, the copy kept before a migration, a restored
// database and a saved recovery key. The process umask is set to 022 for these tests, the
// usual default under which SQLite's own 0644 would show.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "records/PrivateFile.h"
#include "records/RecordStore.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

/// Sets the umask for one test and puts the old one back afterwards.
class Umask {
  public:
    explicit Umask(mode_t mask) : old_(::umask(mask)) {}
    ~Umask() { ::umask(old_); }
    Umask(const Umask&) = delete;
    Umask& operator=(const Umask&) = delete;

  private:
    mode_t old_;
};

std::filesystem::perms modeOf(const std::filesystem::path& path) {
    return std::filesystem::status(path).permissions();
}

constexpr auto kOwnerOnly =
    std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;

/// Every file in `dir` whose name starts with `prefix`.
std::vector<std::filesystem::path> filesStartingWith(const std::filesystem::path& dir,
                                                     const std::string& prefix) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename().string().starts_with(prefix))
            found.push_back(entry.path());
    }
    return found;
}

}  // namespace

TEST_CASE("a new database, its -wal and -shm and its backup are readable by their owner only") {
    Umask mask(022);
    TempDir dir;
    auto path = dir / "service.rtdb";
    {
        auto store = createTestStore(path);
        auto group = store.addGroup("Tuesday group", GroupKind::treatment);
        store.addMember(group, "First Member", "2026-10-01"_date);
        // While the store is open in WAL mode, the log and the shared-memory index exist.
        REQUIRE(std::filesystem::exists(dir / "service.rtdb-wal"));
        REQUIRE(std::filesystem::exists(dir / "service.rtdb-shm"));
        store.backupTo(dir / "backup.rtdb");
        for (const auto& file : filesStartingWith(dir.path(), "")) {
            CAPTURE(file);
            CHECK(modeOf(file) == kOwnerOnly);
        }
    }
    // The same after closing, when SQLite has checkpointed and removed the log.
    for (const auto& file : filesStartingWith(dir.path(), "")) {
        CAPTURE(file);
        CHECK(modeOf(file) == kOwnerOnly);
    }
    CHECK(filesStartingWith(dir.path(), "").size() >= 2);
}

TEST_CASE("the copy kept before a migration is readable by its owner only") {
    Umask mask(022);
    TempDir dir;
    auto path = dir / "old.rtdb";
    std::filesystem::copy_file(ROUNDTABLE_FIXTURES "/databases/format-2.rtdb", path);
    auto store = RecordStore::open(path);
    auto kept = store.migrationBackup();
    REQUIRE(kept);
    CHECK(modeOf(*kept) == kOwnerOnly);
}

TEST_CASE("a database restored from a backup with a wider mode is readable by its owner only") {
    Umask mask(022);
    TempDir dir;
    { (void)createTestStore(dir / "service.rtdb"); }
    {
        auto store = openTestStore(dir / "service.rtdb");
        store.backupTo(dir / "backup.rtdb");
    }
    // As a backup made by an earlier version (or copied by hand) would be.
    std::filesystem::permissions(dir / "backup.rtdb", std::filesystem::perms::others_read,
                                 std::filesystem::perm_options::add);
    RecordStore::restore(dir / "backup.rtdb", dir / "restored.rtdb", kTestLogin, kTestPassphrase);
    CHECK(modeOf(dir / "restored.rtdb") == kOwnerOnly);
}

TEST_CASE("a private file is written for its owner only, also over a file others could read") {
    Umask mask(022);
    TempDir dir;
    writePrivateFile(dir / "recovery-key.txt", "Roundtable recovery key\n\nABCD\n");
    CHECK(modeOf(dir / "recovery-key.txt") == kOwnerOnly);
    CHECK(readFile(dir / "recovery-key.txt") == "Roundtable recovery key\n\nABCD\n");

    writeFile(dir / "old.txt", "a longer text that was there before");
    REQUIRE(modeOf(dir / "old.txt") != kOwnerOnly);
    writePrivateFile(dir / "old.txt", "new");
    CHECK(modeOf(dir / "old.txt") == kOwnerOnly);
    CHECK(readFile(dir / "old.txt") == "new");

    CHECK_THROWS_AS(writePrivateFile(dir / "no-such-folder" / "key.txt", "x"), StoreError);
}
