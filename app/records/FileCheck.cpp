// Checking a database file before it is opened for writing. Everything here reads; the only
// file it creates is the copy of a -wal that SQLite would not replay whole.
#include "records/FileCheck.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "records/Clock.h"
#include "records/DatabaseLock.h"
#include "records/PrivateFile.h"
#include "records/Schema.h"
#include "records/Types.h"
#include "records/WalFile.h"
#include "text/Translate.h"

namespace roundtable::records::filecheck {
namespace {

constexpr const char* kKeepAndRestore = text::trLater(
    "Keep the file as it is (do not delete it or open it with another program), and restore "
    "your latest backup; ask your administrator for help with anything saved since then.");

/// `maybeAnother`: the file may be another file entirely ("is damaged or is not a Roundtable
/// database"), not only "is damaged".
[[noreturn]] void refuseAsDamaged(const std::filesystem::path& path, bool maybeAnother,
                                  const std::string& why) {
    const auto* sentence =
        maybeAnother ? text::tr(
                           "The file {1} is damaged or is not a Roundtable database ({2}), so "
                           "it was not opened. It was not changed.")
                     : text::tr(
                           "The file {1} is damaged ({2}), so it was not opened. It was not "
                           "changed.");
    throw StoreError(
        text::fill(sentence, {path.string(), why}).append(" ").append(text::tr(kKeepAndRestore)));
}

std::vector<unsigned char> readWhole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// SQLite takes an empty file for an empty database, and then deletes its -wal even on a
/// read-only connection: a file must look like a database before SQLite sees it.
void refuseWithoutHeader(const std::filesystem::path& path) {
    static constexpr char kMagic[] = "SQLite format 3";  // 16 bytes with the final NUL
    char header[sizeof kMagic] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(header, sizeof header);
    if (std::filesystem::file_size(path) < 512 || !in ||
        !std::equal(header, header + sizeof header, kMagic)) {
        refuseAsDamaged(path, true,
                        std::filesystem::file_size(path) == 0
                            ? text::tr("it is empty")
                            : text::tr("it does not begin with a database header"));
    }
}

/// Copies the log to a new file beside it, readable only by its owner, and syncs it.
std::filesystem::path keepAside(const std::filesystem::path& log) {
    const auto stem = log.string() + ".kept-" + fileStamp("%Y%m%d-%H%M%S", Zone::local);
    std::filesystem::path kept = stem;
    for (int attempt = 2; std::filesystem::exists(kept); ++attempt)
        kept = stem + "-" + std::to_string(attempt);
    try {
        copyPrivateFile(log, kept);
    } catch (const StoreError&) {
        throw StoreError(text::fill(
            text::tr("The database's write-ahead log {1} holds changes that opening would discard, "
                     "and no copy of it could be kept (is the disk full?), so the database was not "
                     "opened. Nothing was changed. Free some space and try again."),
            {log.string()}));
    }
    return kept;
}

/// Refuses a damaged -wal; keeps a copy of one SQLite would not replay whole. A log that
/// another connection is writing reads differently twice: SQLite does not recover a log in
/// use, so there is nothing to check.
void checkLog(const std::filesystem::path& path) {
    const std::filesystem::path log = path.string() + "-wal";
    auto bytes = readWhole(log);
    if (bytes.empty() || readWhole(log) != bytes)
        return;
    auto result = wal::check(bytes);
    if (!result.damaged && !result.dropsFrames)
        return;
    auto kept = keepAside(log);  // read twice alike above: the copy is what was checked
    if (result.damaged) {
        throw StoreError(text::fill(
            text::tr("The database {1} was not opened: its write-ahead log ({2}), which holds the "
                     "records saved most recently, is damaged, and opening the database would lose "
                     "them. Nothing was changed, and a copy of the log was kept as {3}. Keep these "
                     "files as they are and ask your administrator or Roundtable support for help: "
                     "restoring a backup would lose what was saved since it was made."),
            {path.string(), log.string(), kept.string()}));
    }
}

std::optional<std::string> inUseSince(db::Connection& db) {
    auto query = db.prepare("SELECT value FROM service_state WHERE key = ?");
    query.bind(1, std::string(kInUseKey));
    return query.step() ? std::optional(query.text(0)) : std::nullopt;
}

}  // namespace

std::unique_ptr<db::Connection> openForReading(const std::filesystem::path& path) {
    if (!std::filesystem::is_regular_file(path))
        throw StoreError(text::fill(text::tr("The file {1} does not exist."), {path.string()}));
    // A file a store of this process has open (a backup of it, a second store) was checked
    // when that store opened it; reading its header with a descriptor of our own would drop
    // that store's SQLite locks when it is closed.
    if (!DatabaseLock::heldInThisProcess(path))
        refuseWithoutHeader(path);
    auto db = std::make_unique<db::Connection>(sqlite::openFileToRead(path));
    try {
        (void)sqlite::pragmaInteger(*db, "user_version");  // reads the first page
    } catch (const StoreError&) {
        refuseAsDamaged(path, true, sqlite3_errmsg(sqlite::handle(*db)));
    }
    schema::refuseUnreadable(*db);
    return db;
}

void refuseDamaged(const std::filesystem::path& path) {
    auto db = openForReading(path);
    checkLog(path);
    std::string problem;
    try {
        problem = sqlite::pragmaText(*db, "quick_check");
    } catch (const StoreError&) {
        problem = sqlite3_errmsg(sqlite::handle(*db));
    }
    if (const std::string prefix = "*** in database main ***\n"; problem.starts_with(prefix))
        problem.erase(0, prefix.size());
    if (problem != "ok")
        refuseAsDamaged(path, false,
                        text::fill(text::tr("the database's own check found: {1}"), {problem}));
    // The file holds the mark only while its -wal holds what came after it (see markInUse):
    // the mark without a -wal means the -wal was lost, with whatever that session saved
    // that was not yet in the file.
    const bool hasLog = std::filesystem::exists(path.string() + "-wal");
    if (auto since = hasLog ? std::nullopt : inUseSince(*db)) {
        throw StoreError(text::fill(
            text::tr("The database {1} was not opened: it was not closed properly after it was "
                     "opened at {2} (UTC), and its write-ahead log ({1}-wal), which may hold what "
                     "was saved then, is missing. Nothing was changed. If that file was moved or "
                     "renamed, put it back beside the database and open it again. Otherwise keep "
                     "the database as it is and ask your administrator for help: restoring a "
                     "backup would lose what was saved since it was made."),
            {path.string(), *since}));
    }
}

void markInUse(db::Connection& connection) {
    try {
        connection
            .prepare(
                "INSERT INTO service_state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .bind(1, std::string(kInUseKey))
            .bind(2, utcTimestamp(systemClock()))
            .run();
    } catch (const StoreError&) {
        return;  // not marked: a lost -wal would go unnoticed, nothing worse
    }
    // Into the main file (without waiting for readers: if it cannot finish, again only a lost
    // -wal goes unnoticed)...
    sqlite3_wal_checkpoint_v2(sqlite::handle(connection), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                              nullptr, nullptr);
    // ...and out of the newest state, in the -wal. So the file says "in use" only while the
    // -wal holds something it lacks: a program that replays the -wal into the file and
    // deletes it (the next open, or a SQLite shell) removes the mark with it. If this fails,
    // the store's close removes it.
    try {
        markClosed(connection);
    } catch (const StoreError&) {
    }
}

void markClosed(db::Connection& connection) {
    // Looked for first: a DELETE that finds nothing still waits for the write lock.
    if (inUseSince(connection)) {
        connection.prepare("DELETE FROM service_state WHERE key = ?")
            .bind(1, std::string(kInUseKey))
            .run();
    }
}

void markClosedAtLast(db::Connection& connection) noexcept {
    try {
        markClosed(connection);
    } catch (const std::exception&) {
        sqlite3_db_config(sqlite::handle(connection), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    }
}

}  // namespace roundtable::records::filecheck
