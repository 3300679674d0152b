// Restoring a backup (RELIABILITY promise 18: restore never loses a record and never leaves no
// database). The backup is copied beside the database and made complete there: checked, signed
// in to by an administrator, verified, brought up to date and its restore logged. Only then does
// one rename(2), which is atomic, put it at the path, so the path names a whole database at
// every moment. The exclusive DatabaseLock keeps a restore from replacing a file any store has
// open, so nothing is ever saved into a file after it has been replaced.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "records/Backup.h"
#include "records/DatabaseLock.h"
#include "records/PrivateFile.h"
#include "records/RecordStore.h"
#include "records/ServerSetup.h"
#include "records/StoreImpl.h"
#include "text/Translate.h"

namespace roundtable::records {
namespace {

/// The "-wal" or "-shm" file SQLite keeps beside a database.
std::filesystem::path companion(const std::filesystem::path& database, const char* suffix) {
    return database.string() + suffix;
}

/// The new database while it is made: "<database>.restoring-<random>" in the database's folder,
/// so that the rename which puts it in place is atomic. When the scope ends, every file whose name
/// begins with its name is removed (its log, a copy a migration kept): after the rename only
/// those are left.
class Scratch {
  public:
    explicit Scratch(const std::filesystem::path& target)
        : path_(target.string() + ".restoring-" + crypto::randomHex(4)) {}
    ~Scratch() {
        std::error_code error;
        std::vector<std::filesystem::path> ours;
        for (std::filesystem::directory_iterator entry(path_.parent_path(), error), end;
             !error && entry != end; entry.increment(error)) {
            if (entry->path().filename().string().starts_with(path_.filename().string()))
                ours.push_back(entry->path());
        }
        for (const auto& file : ours)
            std::filesystem::remove(file, error);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

/// Folds the write-ahead log of the database at `path` into the file, so that the file alone is
/// whole (closing the last connection removes the emptied log). False when it cannot: a damaged
/// file or a full disk; the log must then stay with the file. Throws StoreError when another
/// program (one that does not take Roundtable's lock) has the file open.
bool foldLog(const std::filesystem::path& path) {
    std::int64_t busy = 0;
    try {
        db::Connection db(sqlite::openFile(path, false));
        auto checkpoint = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
        checkpoint.step();
        busy = checkpoint.integer(0);
    } catch (const StoreError&) {
        return false;
    }
    if (busy != 0) {
        throw StoreError(
            text::fill(text::tr("The database {1} is open in another program: close it first."),
                       {path.string()}));
    }
    return true;
}

/// Flushes a file, or a folder's entries (the renames and links in it), to the disk.
bool flush(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    bool flushed = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    return flushed;
}

/// Gives `file` the further name `name`: a hard link (no copy, no space needed), or a copy where
/// the file system has no hard links. Readable by its owner only either way.
void keepAs(const std::filesystem::path& file, const std::filesystem::path& name) {
    if (::link(file.c_str(), name.c_str()) != 0) {
        copyPrivateFile(file, name);
        return;
    }
    // A database made before files were created 0600 may be readable by others.
    std::filesystem::permissions(
        name, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

/// Keeps the database about to be replaced, whole, as "<database>.before-restore-<time>", and
/// clears its log away from the path: SQLite would apply an old log to the new file.
std::filesystem::path keepReplaced(const std::filesystem::path& target) {
    bool folded = foldLog(target);
    auto stem = target.string() + ".before-restore-" + fileStamp("%Y%m%dT%H%M%SZ", Zone::utc);
    std::filesystem::path kept = stem;
    for (int attempt = 2; std::filesystem::exists(kept); ++attempt)
        kept = stem + "-" + std::to_string(attempt);
    keepAs(target, kept);
    if (auto log = companion(target, "-wal");
        !folded && std::filesystem::exists(log) && std::filesystem::file_size(log) > 0) {
        keepAs(log, companion(kept, "-wal"));
    }
    for (const char* suffix : {"-wal", "-shm"})
        std::filesystem::remove(companion(target, suffix));
    return kept;
}

/// What verify() found wrong, in sentences, naming the first few damaged records.
std::string describe(const VerifyReport& report) {
    std::string found;
    if (!report.log.intact()) {
        found.append(" ").append(
            text::fill(text::tr("Its audit log is broken at event {1}: {2}."),
                       {std::to_string(*report.log.firstBrokenRow), report.log.problem}));
    }
    if (report.notYetAuthenticated)
        found.append(" ").append(text::tr("Its records could not be checked against the log."));
    constexpr std::size_t kNamed = 3;
    for (std::size_t i = 0; i < report.damaged.size() && i < kNamed; ++i)
        found.append(" ").append(report.damaged[i].description);
    if (report.damaged.size() > kNamed) {
        found.append(" ").append(text::fill(text::tr("And {1} more damaged records."),
                                            {std::to_string(report.damaged.size() - kNamed)}));
    }
    return found;
}

}  // namespace

RestoreResult RecordStore::restore(const std::filesystem::path& backup,
                                   const std::filesystem::path& database, const std::string& login,
                                   const std::string& passphrase) {
    crypto::initialise();
    if (server::isServerLocation(database.string())) {
        throw StoreError(
            text::tr("A store on a server is restored on the server, with "
                     "PostgreSQL's own tools. Nothing was changed."));
    }
    // Through a symbolic link to the database file itself: that is what is replaced.
    auto target = std::filesystem::weakly_canonical(database);
    bool replacing = std::filesystem::exists(target);
    RestoreResult result;
    std::optional<DatabaseLock> lock;  // until the new file is in place
    Scratch scratch(target);
    try {
        if (!std::filesystem::is_regular_file(backup))
            throw StoreError(
                text::fill(text::tr("The backup {1} does not exist."), {backup.string()}));
        if (replacing && !std::filesystem::is_regular_file(target))
            throw StoreError(
                text::fill(text::tr("{1} is not a database file."), {database.string()}));
        if (replacing && std::filesystem::equivalent(backup, target)) {
            throw StoreError(text::fill(text::tr("The backup {1} is the database {2} itself."),
                                        {backup.string(), database.string()}));
        }
        if (replacing) {
            lock.emplace(target, DatabaseLock::Mode::exclusive);
        } else if (std::filesystem::exists(companion(target, "-wal"))) {
            throw StoreError(
                text::fill(text::tr("There is a log {1} without its database: move it away first."),
                           {companion(target, "-wal").string()}));
        }
        copyPrivateFile(backup, scratch.path());
        // A log beside the backup holds part of it: SQLite reads the two together.
        if (auto log = companion(backup, "-wal");
            std::filesystem::exists(log) && std::filesystem::file_size(log) > 0) {
            copyPrivateFile(log, companion(scratch.path(), "-wal"));
        }
        if (auto findings = databaseIntegrity(scratch.path()); findings != "ok") {
            throw StoreError(
                text::fill(text::tr("The backup {1} is damaged (integrity check: {2})."),
                           {backup.string(), findings}));
        }
        {
            // Opening the copy brings a backup of an older format up to date, in the copy.
            auto store = RecordStore::open(scratch.path());
            store.unlock(login, passphrase);
            if (store.currentUser()->role != Role::administrator)
                throw StoreError(text::tr("Only an administrator can restore a backup."));
            auto report = store.verify();
            if (!report.intact()) {
                throw StoreError(
                    text::fill(text::tr("The backup {1} did not verify."), {backup.string()})
                        .append(describe(report)));
            }
            result.recordsChecked = report.recordsChecked;
            // Logged in the new file before it is put in place: it is never there unlogged.
            db::Transaction transaction(store.impl_->db);
            store.impl_->audit("restore-from-backup", "database", std::nullopt);
            transaction.commit();
        }
        if (!foldLog(scratch.path()) || !flush(scratch.path())) {
            throw StoreError(
                text::fill(text::tr("The restored copy {1} could not be completed on the disk."),
                           {scratch.path().string()}));
        }
        if (replacing)
            result.kept = keepReplaced(target);
    } catch (const StoreError& error) {
        throw StoreError(std::string(error.what())
                             .append(" ")
                             .append(text::tr("Nothing was restored: the database is as it was.")));
    }
    if (::rename(scratch.path().c_str(), target.c_str()) != 0) {
        const std::string why = std::strerror(errno);  // read first, before any other call
        throw StoreError(
            replacing
                ? text::fill(text::tr("The restored database could not be put in place of {1} "
                                      "({2}). It was not replaced; it is also kept as {3}."),
                             {target.string(), why, result.kept.string()})
                : text::fill(text::tr("The restored database could not be put in place of {1} "
                                      "({2}). It was not replaced."),
                             {target.string(), why}));
    }
    // The swap has happened and cannot be undone; a folder that cannot be flushed leaves nothing
    // to do differently (the rename is on its way to the disk).
    (void)flush(target.parent_path());
    return result;
}

}  // namespace roundtable::records
