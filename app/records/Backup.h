// Backups of a record-store file: a consistent copy made with SQLite's online backup API
// while the app may be writing, verified before it is called a backup. (Restoring one needs an
// administrator's sign-in: RecordStore::restore.)
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

/// The content hash of a database file (see BackupResult::contentHash).
[[nodiscard]] std::string databaseContentHash(const std::filesystem::path& path);

/// What SQLite's integrity_check finds in a database file: "ok" when nothing. Throws
/// StoreError for a file that is not a Roundtable database of a format this build reads.
[[nodiscard]] std::string databaseIntegrity(const std::filesystem::path& path);

}  // namespace roundtable::records
