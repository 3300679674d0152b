// The SQLite engine of the record store's database (Database.h): a file on this computer.
// Also what only a file has (its handle, its pragmas), for the code that works on files:
// Schema, FileCheck, Backup and Restore. Internal to the records library.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>

#include "records/Database.h"

namespace roundtable::records::sqlite {

/// Opens (or, with `create`, creates) the file. Throws StoreError.
[[nodiscard]] std::unique_ptr<db::Engine> openFile(const std::filesystem::path& path, bool create);
/// Opens an existing file only to read it: nothing is written to the file or its -wal
/// (no recovery, no checkpoint). Throws StoreError.
[[nodiscard]] std::unique_ptr<db::Engine> openFileToRead(const std::filesystem::path& path);

/// A new database in memory, gone when it closes.
[[nodiscard]] std::unique_ptr<db::Engine> openInMemory();

/// The SQLite handle of a connection to a file; std::logic_error for another engine.
[[nodiscard]] sqlite3* handle(db::Connection& connection);
[[nodiscard]] std::int64_t pragmaInteger(db::Connection& connection, const std::string& name);
[[nodiscard]] std::string pragmaText(db::Connection& connection, const std::string& name);

/// Throws StoreError with what failed (`english`, marked with text::trLater: it is translated
/// only when it is said) and SQLite's message when `code` is an error.
void check(sqlite3* db, int code, const char* english);

}  // namespace roundtable::records::sqlite
