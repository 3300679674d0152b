// Files that hold records or keys are created readable and writable by their owner only
// (mode 0600), whatever the process umask: a database, its backups and a saved recovery key
// must not be readable by other accounts on the computer.
#pragma once

#include <filesystem>
#include <string_view>

namespace roundtable::records {

/// Creates an empty file at `path` with mode 0600, unless something is already there (it is
/// then left as it is). SQLite makes a new database of an empty file and gives its -wal and
/// -shm files the database file's mode. Throws StoreError when the file cannot be created.
void createPrivateFile(const std::filesystem::path& path);

/// Writes `text` to `path` with mode 0600, replacing what was there (a file that existed with
/// a wider mode is narrowed first). Throws StoreError when it cannot be written.
void writePrivateFile(const std::filesystem::path& path, std::string_view text);

/// Copies `from` to a new file `to` (refused if something is there) with mode 0600 and flushes
/// it to the disk. A copy that fails part-way (a full disk) is removed. Throws StoreError.
void copyPrivateFile(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace roundtable::records
