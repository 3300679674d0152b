// The checks a database file passes before anything may write to it (RELIABILITY.md,
// promise 19), and the mark that lets them notice a lost write-ahead log. A damaged file,
// another application's, a newer version's, or one whose -wal is damaged or missing while
// it may hold records is refused, and left byte for byte as it was, -wal included.
#pragma once

#include <filesystem>
#include <memory>

#include "records/Sqlite.h"

namespace roundtable::records::filecheck {

/// The service_state key present while a store has the file open (value: when it was
/// opened). It says nothing about the records, so a backup's copy goes without it.
inline constexpr const char* kInUseKey = "in_use_since";

/// Opens a Roundtable database of a format this build reads, for reading only (see
/// sqlite::openFileToRead), after checking that it begins like a database file.
/// Throws StoreError saying what the file is instead (see schema::refuseUnreadable).
std::unique_ptr<db::Connection> openForReading(const std::filesystem::path& path);

/// Refuses, with a StoreError saying what is wrong and what to do, a file that is not a
/// Roundtable database this version reads (see openForReading), that fails SQLite's
/// quick_check, whose -wal is damaged (see wal::LogCheck), or whose -wal is missing after a
/// session that did not close. Reads only, through a read-only connection: the file and
/// its -wal are byte-identical afterwards. A -wal that SQLite would not replay whole is
/// first copied beside it as NAME-wal.kept-YYYYMMDD-HHMMSS (0600).
void refuseDamaged(const std::filesystem::path& path);

/// Marks the file in use in the main file but not in the newest state (a mark, a
/// checkpoint, the mark removed in the -wal), so that the file alone says whether its -wal
/// holds records it lacks, until SQLite next checkpoints the -wal whole. Never throws: a
/// mark that cannot be written only leaves a lost -wal unnoticed. Called once a store has
/// opened or created the file.
void markInUse(db::Connection& connection);
/// Removes the mark (see markInUse, and a backup's copy). Throws StoreError.
void markClosed(db::Connection& connection);
/// As a store closes: the mark is normally gone already (see markInUse); if removing it
/// failed then, it goes now. If it cannot, the -wal is kept, so that the next open does not
/// take the file for one whose -wal was lost.
void markClosedAtLast(db::Connection& connection) noexcept;

}  // namespace roundtable::records::filecheck
