// Backups of a record-store file: a consistent copy made with SQLite's online backup API
// while the app may be writing, verified before it is called a backup. (Restoring one needs an
// administrator's sign-in: RecordStore::restore.)
#pragma once

#include <filesystem>
#include <string>

#include "records/Types.h"

namespace roundtable::records {

/// A backup that could not be made. Besides the message for the person, a reason in a few
/// words that hold nothing from the records, for the audit log: "file exists", "no such
/// folder", "cannot create file", "disk full", "write failed" or "did not verify".
class BackupFailed : public StoreError {
  public:
    BackupFailed(std::string reason, const std::string& message)
        : StoreError(message), reason_(std::move(reason)) {}
    [[nodiscard]] const std::string& reason() const { return reason_; }

  private:
    std::string reason_;
};

struct BackupResult {
    std::filesystem::path file;
    std::string contentHash;  ///< over every row of every table, equal in source and copy
    long long bytes = 0;
    /// The newest event of the audit log in the copy: print or keep it, and check later with
    /// `verify --expect-head` that the database's log still reaches it.
    LogHead head{};
};

/// Copies the database at `source` to `destination` (which must not exist) from one
/// consistent snapshot, then checks the copy: integrity_check and a content hash equal to
/// the source's at the moment of the copy. Throws BackupFailed (StoreError when the source
/// cannot be read); a failed copy is removed.
BackupResult backupDatabase(const std::filesystem::path& source,
                            const std::filesystem::path& destination);

/// The content hash of a database file (see BackupResult::contentHash).
[[nodiscard]] std::string databaseContentHash(const std::filesystem::path& path);

/// What SQLite's integrity_check finds in a database file: "ok" when nothing. Throws
/// StoreError for a file that is not a Roundtable database of a format this build reads.
[[nodiscard]] std::string databaseIntegrity(const std::filesystem::path& path);

}  // namespace roundtable::records
