// The database's shape: connection settings, the numbered migrations, and the checks that
// refuse a file this version must not touch (another application's, or a newer version's).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "records/Sqlite.h"

namespace roundtable::records::schema {

/// "RTBL": marks a SQLite file as a Roundtable database (PRAGMA application_id).
constexpr std::int64_t kApplicationId = 0x5254424C;
/// The schema version this build writes; user_version of an up-to-date database.
constexpr std::int64_t kCurrentVersion = 10;
/// The oldest format this build opens (format 1, the unencrypted skeleton, is refused).
constexpr std::int64_t kOldestReadable = 2;

/// Sets and reads back the pragmas every connection must have; throws StoreError otherwise.
void configure(db::Connection& connection);

/// Creates the schema in an empty database; the caller holds the transaction, so the
/// first keys are written in the same all-or-nothing step.
void createFresh(db::Connection& connection);

/// The schema (namespace) of a store on a PostgreSQL server.
constexpr const char* kServerSchema = "roundtable";
/// The session-level advisory lock every store open on a server holds shared, for as long as
/// its connection lasts: `server migrate` takes it alone, so it never changes a store in use.
constexpr std::int64_t kServerInUseLock = 0x52544255;  // "RTBU"
/// The SQL that makes an empty PostgreSQL database a store of the current format, in the
/// schema kServerSchema (and sets the session's search path to it): the same tables, columns,
/// keys, indexes and refusing triggers as a new file, with the same first rows, the ledger's
/// change capture, and a one-row table schema_format in place of the file's pragmas.
/// Derived from a new file's schema, which stays the one definition of the format (a SQLite
/// INTEGER column is bigint, TEXT is text in byte order, BLOB is bytea; each trigger becomes a
/// PL/pgSQL function). Throws std::logic_error for a part of the schema it cannot translate.
[[nodiscard]] std::string serverScript();

/// The store's tables, each after the tables it refers to: the order a server makes them in,
/// and the order their rows are copied to a server in.
[[nodiscard]] std::vector<std::string> tablesReferredFirst();

/// Refuses a database of another application, a newer version, or a format too old to
/// read. Throws StoreError with an explanation; changes nothing.
void refuseUnreadable(db::Connection& connection);

/// Brings an older (readable) database up to kCurrentVersion with the numbered migration
/// steps, after taking a verified backup beside it. Returns the backup's path, or nothing
/// when the database was already current. All steps run in one transaction.
std::optional<std::filesystem::path> migrate(db::Connection& connection,
                                             const std::filesystem::path& path);

/// Refuses (StoreError) a database at `path` on a network drive (isOnNetworkFilesystem).
void refuseNetworkShare(const std::filesystem::path& path);
/// True when `path` (or the folder it would be created in) is on NFS, SMB or CIFS, where
/// SQLite's locking and WAL cannot be trusted.
[[nodiscard]] bool isOnNetworkFilesystem(const std::filesystem::path& path);
/// The same decision from a statfs f_type value (testable without a network share).
[[nodiscard]] bool isNetworkFilesystemType(long filesystemType);

}  // namespace roundtable::records::schema
