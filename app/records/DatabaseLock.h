// Who has a database file open. Every RecordStore holds a shared lock on its file for its
// whole life and a restore takes it exclusively, so a restore is refused while any process
// has the database open, and nobody opens a file while a restore is replacing it. Internal to
// the records library.
//
// The lock is flock(2) on the database file itself: on Linux flock locks are separate from the
// POSIX (fcntl) byte-range locks SQLite uses, so neither blocks the other (RecordStore refuses
// network drives, where flock is emulated with fcntl locks). One catch: closing any descriptor
// of a file drops every POSIX lock the process holds on it, SQLite's included
// (sqlite.org/howtocorrupt.html, 2.2). So a process keeps one descriptor per file for all its
// stores, and closes it only when the last of them releases the lock, after its connection.
#pragma once

#include <sys/types.h>

#include <filesystem>

namespace roundtable::records {

class DatabaseLock {
  public:
    enum class Mode { shared, exclusive };

    /// Takes the lock without waiting. Throws StoreError when another process (or, for an
    /// exclusive lock, a store of this one) holds it the other way, or the file cannot be read.
    DatabaseLock(const std::filesystem::path& path, Mode mode);
    ~DatabaseLock();
    DatabaseLock(DatabaseLock&& other) noexcept;
    DatabaseLock& operator=(DatabaseLock&&) = delete;
    DatabaseLock(const DatabaseLock&) = delete;
    DatabaseLock& operator=(const DatabaseLock&) = delete;

    /// Whether a store of this process has the file at `path` open. Such a file must not be
    /// opened and closed with a descriptor of one's own: closing it would drop the POSIX locks
    /// SQLite holds on it for those stores.
    [[nodiscard]] static bool heldInThisProcess(const std::filesystem::path& path);

    /// The file, as (device, inode): what the lock is on.
    struct FileId {
        dev_t device = 0;
        ino_t inode = 0;
        auto operator<=>(const FileId&) const = default;
    };

  private:
    FileId file_;
    bool held_ = false;
};

}  // namespace roundtable::records
