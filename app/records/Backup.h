// Backups of a record-store file: a consistent copy made with SQLite's online backup API
// while the app may be writing, verified before it is called a backup, and restore that
// keeps the file it replaces.
#pragma once

#include <filesystem>
#include <string>

namespace roundtable::records {

struct BackupResult {
    std::filesystem::path file;
    std::string contentHash;  ///< over every row of every table, equal in source and copy
    long long bytes = 0;
};

/// Copies the database at `source` to `destination` (which must not exist) from one
/// consistent snapshot, then checks the copy: integrity_check and a content hash equal to
/// the source's at the moment of the copy. Throws StoreError; a failed copy is removed.
BackupResult backupDatabase(const std::filesystem::path& source,
                            const std::filesystem::path& destination);

/// Puts a verified backup in place of `database`. The file it replaces is kept beside it,
/// renamed with ".before-restore-<time>"; returns that name (empty if there was none).
std::filesystem::path restoreDatabase(const std::filesystem::path& backup,
                                      const std::filesystem::path& database);

/// The content hash of a database file (see BackupResult::contentHash).
[[nodiscard]] std::string databaseContentHash(const std::filesystem::path& path);

}  // namespace roundtable::records
