// Restore (RELIABILITY promise 18): refused or complete, never a moment without a database at the
// path, the replaced file kept whole, nothing reported saved lost. Also the lock every store
// holds on its file, and that it leaves SQLite's own locks alone.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <set>
#include <thread>
#include <utility>

#include "records/Backup.h"
#include "records/DatabaseLock.h"
#include "records/RecordStore.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

/// Why `attempt` was refused: its StoreError's message ("" when it was not refused).
template <typename Attempt>
std::string refusalOf(Attempt&& attempt) {
    try {
        attempt();
    } catch (const StoreError& error) {
        return error.what();
    }
    return "";
}

/// A service database, its folder (nothing else in it) and a backup of it in another folder.
struct Service {
    TempDir dir;
    TempDir backups;
    std::filesystem::path path = dir / "service.rtdb";
    std::filesystem::path backup = backups / "backup.rtdb";
    GroupId group = 0;
    MemberId member = 0;

    explicit Service(int notesInBackup = 3) {
        auto store = createTestStore(path);
        group = store.addGroup("Tuesday group", GroupKind::treatment);
        member = store.addMember(group, "Member", "2026-01-01"_date);
        saveNotes(store, "In the backup", notesInBackup);
        store.backupTo(backup);
        saveNotes(store, "After the backup", 2);
    }

    /// Each note in a session of its own: "<prefix> <n>".
    void saveNotes(RecordStore& store, const std::string& prefix, int count) const {
        for (int i = 0; i < count; ++i) {
            auto session = store.addSession(plannedSession(group, "2026-11-10"_date));
            store.saveNoteDraft(session, member, prefix + " " + std::to_string(i));
        }
    }

    [[nodiscard]] RestoreResult restore(const std::filesystem::path& from,
                                        const std::string& login = kTestLogin,
                                        const std::string& passphrase = kTestPassphrase) const {
        return RecordStore::restore(from, path, login, passphrase);
    }
    /// Why restoring `from` was refused ("" when it was not).
    [[nodiscard]] std::string refusal(const std::filesystem::path& from,
                                      const std::string& login = kTestLogin,
                                      const std::string& passphrase = kTestPassphrase) const {
        return refusalOf([&] { (void)restore(from, login, passphrase); });
    }

    /// Every file in the database's folder: after a refusal, only the database.
    [[nodiscard]] std::set<std::string> files() const {
        std::set<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
            names.insert(entry.path().filename().string());
        return names;
    }
};

/// The text of every note in a database file.
std::multiset<std::string> notesIn(const std::filesystem::path& path) {
    auto store = openTestStore(path);
    std::multiset<std::string> texts;
    for (const auto& group : store.groups()) {
        for (const auto& session : store.sessionsOf(group.id)) {
            for (const auto& note : store.notesOf(session.id))
                texts.insert(note.content.text);
        }
    }
    return texts;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// Runs `child` in a forked process and returns its exit code. The parent must have no SQLite
/// connection open (a forked child must not inherit one).
template <typename Child>
int inChildProcess(Child&& child) {
    std::cout.flush();
    pid_t pid = fork();
    if (pid == 0)
        _exit(child());
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// As another process sees the database: does someone hold a lock on the bytes SQLite takes a
/// SHARED lock on (the POSIX lock a connection in WAL mode holds while it is open)?
bool sqliteSharedLockSeenFromAnotherProcess(const std::filesystem::path& path) {
    return inChildProcess([&] {
               int fd = ::open(path.c_str(), O_RDWR);
               struct flock probe {};
               probe.l_type = F_WRLCK;
               probe.l_whence = SEEK_SET;
               probe.l_start = 0x40000002;  // SQLite's SHARED_FIRST (PENDING_BYTE + 2)
               probe.l_len = 510;           // SHARED_SIZE
               return fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK ? 1 : 0;
           }) == 1;
}

/// Can another process take flock(2) on the file at once?
bool flockFromAnotherProcess(const std::filesystem::path& path, int operation) {
    return inChildProcess([&] {
               int fd = ::open(path.c_str(), O_RDONLY);
               return ::flock(fd, operation | LOCK_NB) == 0 ? 1 : 0;
           }) == 1;
}

/// A writer in another process: it signs in and saves notes, each in a session of its own, until
/// it is told to stop, reporting each note ("saved N") once saveNoteDraft has returned; then it
/// closes the database and exits.
class WriterProcess {
  public:
    WriterProcess(const Service& service) {
        int reports[2], control[2];
        REQUIRE(pipe2(reports, O_CLOEXEC) == 0);
        REQUIRE(pipe2(control, O_CLOEXEC) == 0);
        std::cout.flush();
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::close(reports[0]);
            ::close(control[1]);
            _exit(writeUntilStopped(service, reports[1], control[0]));
        }
        ::close(reports[1]);
        ::close(control[0]);
        reports_ = reports[0];
        control_ = control[1];
    }
    ~WriterProcess() {
        if (pid_ > 0)
            (void)finish();
    }
    WriterProcess(const WriterProcess&) = delete;
    WriterProcess& operator=(const WriterProcess&) = delete;

    /// Waits until the writer has reported `count` notes saved in all.
    void waitForSaved(std::size_t count) {
        while (saved_.size() < count && readReports()) {
        }
        REQUIRE(saved_.size() >= count);
    }
    /// Tells the writer to stop and waits until it has closed the database and exited.
    int finish() {
        ::close(control_);  // the writer sees the end of its control pipe
        while (readReports()) {
        }
        ::close(reports_);
        int status = 0;
        waitpid(std::exchange(pid_, -1), &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    /// The text of every note the writer reported saved.
    [[nodiscard]] const std::multiset<std::string>& saved() const { return saved_; }

  private:
    static std::string noteText(int i) { return "Saved by the writer " + std::to_string(i); }

    static int writeUntilStopped(const Service& service, int reports, int control) {
        try {
            auto store = openTestStore(service.path);
            for (int i = 0;; ++i) {
                pollfd stop{control, POLLIN, 0};
                if (poll(&stop, 1, 0) != 0)
                    return 0;  // the store closes on the way out
                auto session = store.addSession(plannedSession(service.group, "2026-11-10"_date));
                store.saveNoteDraft(session, service.member, noteText(i));
                auto line = std::to_string(i) + "\n";
                if (::write(reports, line.data(), line.size()) !=
                    static_cast<ssize_t>(line.size())) {
                    return 3;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        } catch (const std::exception& error) {
            std::cerr << "writer: " << error.what() << "\n";
            return 2;
        }
    }

    /// Reads what the writer has reported; false at the end of its output.
    bool readReports() {
        char buffer[4096];
        auto got = ::read(reports_, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            return true;
        if (got <= 0)
            return false;
        pending_.append(buffer, static_cast<std::size_t>(got));
        for (auto end = pending_.find('\n'); end != std::string::npos; end = pending_.find('\n')) {
            saved_.insert(noteText(std::stoi(pending_.substr(0, end))));
            pending_.erase(0, end + 1);
        }
        return true;
    }

    pid_t pid_ = -1;
    int reports_ = -1;
    int control_ = -1;
    std::string pending_;
    std::multiset<std::string> saved_;
};

}  // namespace

TEST_CASE("a store's lock on its file leaves SQLite's own locks alone") {
    Service service;
    {
        auto store = openTestStore(service.path);
        // The store's flock is there for other processes, and SQLite's POSIX lock beside it.
        CHECK(flockFromAnotherProcess(service.path, LOCK_SH));
        CHECK_FALSE(flockFromAnotherProcess(service.path, LOCK_EX));
        CHECK(sqliteSharedLockSeenFromAnotherProcess(service.path));
        // A second store of this process on the file shares the descriptor: closing it would
        // drop every POSIX lock this process holds on the file, the first store's included.
        { auto second = openTestStore(service.path); }
        CHECK(sqliteSharedLockSeenFromAnotherProcess(service.path));
        CHECK_FALSE(flockFromAnotherProcess(service.path, LOCK_EX));
        // Nor does a backup, which reads the open file with checks of its own.
        store.backupTo(service.path.parent_path() / "while-open.rtdb");
        CHECK(sqliteSharedLockSeenFromAnotherProcess(service.path));
    }
    CHECK_FALSE(sqliteSharedLockSeenFromAnotherProcess(service.path));
    CHECK(flockFromAnotherProcess(service.path, LOCK_EX));
    // An exclusive flock does not stop SQLite in another process: the two kinds are separate
    // (so the lock only refuses what goes through RecordStore, which checks it).
    int fd = ::open(service.path.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
    CHECK(inChildProcess([&] {
              return rawSql(service.path, "INSERT INTO service_state VALUES ('probe', '1')").empty()
                         ? 0
                         : 1;
          }) == 0);
    ::close(fd);
}

TEST_CASE("no store opens a database while a restore holds it") {
    Service service;
    // Another process's restore, as its lock looks from here.
    int fd = ::open(service.path.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
    CHECK(refusalOf([&] { (void)RecordStore::open(service.path); }) ==
          "The database " + service.path.string() +
              " is being restored from a backup (or another program has locked it). Open it "
              "again when that has finished.");
    ::close(fd);
    // A restore in this process: its lock is in the process's table.
    {
        DatabaseLock restoring(service.path, DatabaseLock::Mode::exclusive);
        CHECK_THROWS_AS(RecordStore::open(service.path), StoreError);
    }
    CHECK_NOTHROW(openTestStore(service.path));
}

TEST_CASE("restore is refused while a store in this process has the database open") {
    Service service;
    // The records, not the bytes: opening a store marks the file in use and clears the mark.
    auto before = databaseContentHash(service.path);
    {
        auto store = RecordStore::open(service.path);
        CHECK(service.refusal(service.backup) ==
              "The database " + service.path.string() +
                  " is open in Roundtable on this computer (or another program): close it first. "
                  "Nothing was restored: the database is as it was.");
    }
    CHECK(databaseContentHash(service.path) == before);
    CHECK(service.files() == std::set<std::string>{"service.rtdb"});
}

TEST_CASE("restore under a writer in another process loses nothing it reported saved") {
    Service service;
    auto inBackup = notesIn(service.backup);
    WriterProcess writer(service);
    writer.waitForSaved(5);
    // Refused each time while it writes, and the writer carries on.
    for (std::size_t attempt = 1; attempt <= 3; ++attempt) {
        CHECK(contains(service.refusal(service.backup),
                       "is open in Roundtable on this computer (or another program): close it "
                       "first."));
        writer.waitForSaved(5 + 5 * attempt);
    }
    REQUIRE(writer.finish() == 0);
    REQUIRE(writer.saved().size() >= 20);

    auto kept = service.restore(service.backup).kept;
    // Every note the writer reported saved is in the kept file, and no other of its notes.
    std::multiset<std::string> writersInKept;
    for (const auto& text : notesIn(kept)) {
        if (text.starts_with("Saved by the writer "))
            writersInKept.insert(text);
    }
    CHECK(writersInKept == writer.saved());
    CHECK(notesIn(service.path) == inBackup);
}

TEST_CASE("restore onto itself is refused by path, symbolic link and hard link") {
    Service service;
    auto before = readFile(service.path);
    std::filesystem::create_symlink(service.path, service.backups / "symbolic.rtdb");
    std::filesystem::create_hard_link(service.path, service.backups / "hard.rtdb");
    for (const auto& itself : {service.path, service.backups / "symbolic.rtdb",
                               service.backups / "hard.rtdb", service.dir / "." / "service.rtdb"}) {
        CAPTURE(itself);
        CHECK(contains(service.refusal(itself), "is the database " + service.path.string() +
                                                    " itself. Nothing was restored"));
        CHECK(readFile(service.path) == before);
        CHECK(service.files() == std::set<std::string>{"service.rtdb"});
    }
    // The database named through a link to the backup is the backup too.
    std::filesystem::create_symlink(service.backup, service.dir / "to-backup.rtdb");
    auto backupBefore = readFile(service.backup);
    CHECK_THROWS_AS(RecordStore::restore(service.backup, service.dir / "to-backup.rtdb", kTestLogin,
                                         kTestPassphrase),
                    StoreError);
    CHECK(readFile(service.backup) == backupBefore);
}

TEST_CASE("a copy that fails part-way leaves the database as it was and no temporary file") {
    // A file size limit makes the copy's writes fail part-way, as a full disk would (EFBIG in
    // place of ENOSPC), without privileges; the next test fills a real disk where it can.
    Service service(40);
    auto before = readFile(service.path);
    auto backupSize = std::filesystem::file_size(service.backup);
    struct rlimit original {};
    getrlimit(RLIMIT_FSIZE, &original);
    auto* previousHandler = signal(SIGXFSZ, SIG_IGN);  // a failed write, not a killed process
    struct rlimit small = original;
    small.rlim_cur = backupSize / 2;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    auto refusal = service.refusal(service.backup);
    setrlimit(RLIMIT_FSIZE, &original);
    signal(SIGXFSZ, previousHandler);

    CHECK(contains(refusal, "File too large"));
    CHECK(contains(refusal, "Nothing was restored: the database is as it was."));
    CHECK(readFile(service.path) == before);
    CHECK(service.files() == std::set<std::string>{"service.rtdb"});
    CHECK_NOTHROW(openTestStore(service.path));
}

TEST_CASE("restore onto a full disk leaves the database as it was and no temporary file") {
    TempDir outside;
    auto small = outside / "small";
    std::filesystem::create_directory(small);
    if (::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=1200k") != 0) {
        MESSAGE(
            "a small tmpfs could not be mounted (it needs root): the full disk is left to "
            "the file size limit of the test before");
        return;
    }
    struct Unmount {
        std::filesystem::path path;
        ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
    } unmount{small};
    auto path = small / "service.rtdb";
    GroupId group = 0;
    {
        auto store = createTestStore(path);
        group = store.addGroup("Tuesday group", GroupKind::treatment);
    }
    // A backup bigger than the space left beside the database.
    auto big = outside / "big.rtdb";
    {
        auto store = createTestStore(big);
        auto bigGroup = store.addGroup("Tuesday group", GroupKind::treatment);
        auto member = store.addMember(bigGroup, "Member", "2026-01-01"_date);
        for (int i = 0; i < 800; ++i) {
            auto session = store.addSession(plannedSession(bigGroup, "2026-11-10"_date));
            store.saveNoteDraft(session, member, std::string(2000, 'n'));
        }
    }
    auto before = readFile(path);
    auto refusal =
        refusalOf([&] { (void)RecordStore::restore(big, path, kTestLogin, kTestPassphrase); });
    CHECK(contains(refusal, "No space left on device"));
    CHECK(readFile(path) == before);
    std::set<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(small))
        files.insert(entry.path().filename().string());
    CHECK(files == std::set<std::string>{"service.rtdb"});
    CHECK(openTestStore(path).groups().at(0).id == group);
}

TEST_CASE("a backup changed outside Roundtable is refused, naming what changed") {
    Service service;
    auto before = readFile(service.path);
    REQUIRE(rawSql(service.backup, "UPDATE groups SET kind = 'maintenance' WHERE id = 1") == "");
    auto refusal = service.refusal(service.backup);
    CHECK(contains(refusal, "The backup " + service.backup.string() + " did not verify."));
    CHECK(contains(refusal, "The group (groups 1) was changed outside Roundtable"));
    CHECK(contains(refusal, "Nothing was restored"));
    CHECK(readFile(service.path) == before);
    CHECK(service.files() == std::set<std::string>{"service.rtdb"});

    writeFile(service.backups / "damaged.rtdb", std::string(8192, 'x'));
    CHECK(contains(service.refusal(service.backups / "damaged.rtdb"), "Nothing was restored"));
    CHECK(readFile(service.path) == before);
}

TEST_CASE("only an administrator of the backup can restore it") {
    Service service;
    {
        auto store = openTestStore(service.path);
        store.addUser("colleague", Role::facilitator, "another good passphrase");
        std::filesystem::remove(service.backup);
        store.backupTo(service.backup);
    }
    auto before = readFile(service.path);
    CHECK(service.refusal(service.backup, "colleague", "another good passphrase") ==
          "Only an administrator can restore a backup. Nothing was restored: the database is as "
          "it was.");
    CHECK(contains(service.refusal(service.backup, kTestLogin, "not the passphrase"),
                   "The user name or passphrase is not right."));
    CHECK(readFile(service.path) == before);
    CHECK(service.files() == std::set<std::string>{"service.rtdb"});
}

TEST_CASE("there is a database at the path at every moment of a restore") {
    Service service;
    struct stat info {};
    REQUIRE(::stat(service.path.c_str(), &info) == 0);
    auto inodeBefore = info.st_ino;
    std::atomic<bool> done = false;
    std::atomic<long> looks = 0, missing = 0;
    std::thread watcher([&] {
        while (!done) {
            struct stat seen {};
            if (::stat(service.path.c_str(), &seen) != 0)
                ++missing;
            ++looks;
        }
    });
    // Wait until the watcher is looking, then restore under its eyes.
    while (looks < 1000)
        std::this_thread::yield();
    auto looksBefore = looks.load();
    auto kept = service.restore(service.backup).kept;
    auto looksDuring = looks - looksBefore;
    done = true;
    watcher.join();
    CHECK(missing == 0);
    CHECK(looksDuring > 1000);
    REQUIRE(::stat(service.path.c_str(), &info) == 0);
    CHECK(info.st_ino != inodeBefore);
    REQUIRE(::stat(kept.c_str(), &info) == 0);
    CHECK(info.st_ino == inodeBefore);  // the replaced file itself, kept
}

TEST_CASE("the restored file logs the restore, and the replaced file is kept whole") {
    Service service;
    auto backupBefore = readFile(service.backup);
    // A writer that ends without closing (as if killed) leaves its last note in the -wal only.
    CHECK(inChildProcess([&] {
              auto store = openTestStore(service.path);
              service.saveNotes(store, "Only in the log", 1);
              _exit(0);  // the store is never closed
              return 1;
          }) == 0);
    REQUIRE(std::filesystem::file_size(service.dir / "service.rtdb-wal") > 0);
    std::multiset<std::string> old{"In the backup 0",    "In the backup 1",    "In the backup 2",
                                   "After the backup 0", "After the backup 1", "Only in the log 0"};

    auto result = service.restore(service.backup);
    CHECK(readFile(service.backup) == backupBefore);  // a backup is only read
    CHECK(result.recordsChecked > 0);
    CHECK(contains(result.kept.filename().string(), "service.rtdb.before-restore-"));
    CHECK(service.files() ==
          std::set<std::string>{"service.rtdb", result.kept.filename().string()});
    // The replaced file alone (its log folded in) holds everything it had, and verifies.
    CHECK((std::filesystem::status(result.kept).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    CHECK(notesIn(result.kept) == old);
    CHECK(openTestStore(result.kept).verify().intact());
    // The restored file is the backup's content, verifies, and its log says who restored it.
    CHECK(notesIn(service.path) == notesIn(service.backup));
    CHECK(openTestStore(service.path).verify().intact());
    CHECK(rawCount(service.path,
                   "SELECT COUNT(*) FROM audit_events WHERE kind = 'restore-from-backup' AND "
                   "record_kind = 'database' AND login = 'admin'") == 1);
}

TEST_CASE("a damaged database is replaced, and kept as it was") {
    Service service;
    writeFile(service.path, std::string(8192, 'x'));
    auto result = service.restore(service.backup);
    CHECK(readFile(result.kept) == std::string(8192, 'x'));
    CHECK(notesIn(service.path) == notesIn(service.backup));
}

TEST_CASE("a backup of an older data format is brought up to date in the copy it restores") {
    Service service;
    auto old = service.backups / "format-2.rtdb";
    std::filesystem::copy_file(ROUNDTABLE_FIXTURES "/databases/format-2.rtdb", old);
    auto oldBefore = readFile(old);
    auto result = service.restore(old);
    CHECK(rawCount(service.path, "PRAGMA user_version") == RecordStore::dataFormat());
    {
        auto restored = openTestStore(service.path);
        CHECK(restored.groups().size() == 1);
        CHECK(restored.verify().intact());
    }
    // Nothing is left of the migration: the backup is unchanged and no copy of it lies around.
    CHECK(readFile(old) == oldBefore);
    CHECK(service.files() ==
          std::set<std::string>{"service.rtdb", result.kept.filename().string()});
    std::set<std::string> backups;
    for (const auto& entry : std::filesystem::directory_iterator(service.backups.path()))
        backups.insert(entry.path().filename().string());
    CHECK(backups == std::set<std::string>{"backup.rtdb", "format-2.rtdb"});
}
