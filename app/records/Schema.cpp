// Schema version 1 and the connection discipline (see ARCHITECTURE.md, record store).
#include "records/Schema.h"

#include <sys/vfs.h>

#include <string>

#include "records/Types.h"

namespace roundtable::records::schema {
namespace {

// The schema of a new database (format 2). Encrypted columns are BLOBs holding
// nonce || ciphertext || tag, bound to table, column and row id (see Crypto.h).
// Format 1 was the unencrypted walking skeleton; it was never released and is refused.
constexpr const char* kSchema = R"sql(
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('facilitator', 'clinical-lead', 'administrator')),
    kdf_salt      BLOB NOT NULL,
    kdf_ops       INTEGER NOT NULL,
    kdf_mem       INTEGER NOT NULL CHECK (kdf_mem >= 67108864),
    wrapped_key   BLOB NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE key_recovery (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    wrapped_key   BLOB NOT NULL
) STRICT;

CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    name        BLOB NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('treatment', 'maintenance', 'carers')),
    linked_group_id INTEGER REFERENCES groups (id),
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE members (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        BLOB NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE memberships (
    group_id    INTEGER NOT NULL REFERENCES groups (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    joined_on   TEXT NOT NULL,
    PRIMARY KEY (group_id, member_id)
) STRICT;

CREATE TABLE sessions (
    id                    INTEGER PRIMARY KEY,
    group_id              INTEGER NOT NULL REFERENCES groups (id),
    session_date          TEXT NOT NULL,
    title                 TEXT NOT NULL,
    minutes               INTEGER NOT NULL CHECK (minutes > 0),
    status                TEXT NOT NULL DEFAULT 'planned'
                          CHECK (status IN ('planned', 'took-place', 'did-not-take-place')),
    curriculum_session_id TEXT NOT NULL,
    module_id             TEXT NOT NULL,
    module_version        INTEGER NOT NULL CHECK (module_version > 0),
    content_hash          TEXT NOT NULL,
    created_at            TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_group ON sessions (group_id, session_date);

CREATE TABLE session_activities (
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    minutes     INTEGER NOT NULL,
    title       TEXT NOT NULL,
    guidance    TEXT NOT NULL,
    PRIMARY KEY (session_id, position)
) STRICT;

-- The register is a log: a correction is a new mark, the newest one counts.
CREATE TABLE attendance_marks (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    status      TEXT NOT NULL CHECK (status IN ('attended', 'late', 'left-early',
                                                'absent-authorised', 'absent-unauthorised')),
    reason      BLOB NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX attendance_by_session ON attendance_marks (session_id, member_id, id);
CREATE TRIGGER attendance_marks_are_kept_update BEFORE UPDATE ON attendance_marks
BEGIN SELECT RAISE(ABORT, 'attendance marks are never changed: record a new mark'); END;
CREATE TRIGGER attendance_marks_are_kept_delete BEFORE DELETE ON attendance_marks
BEGIN SELECT RAISE(ABORT, 'attendance marks are never deleted: record a new mark'); END;

CREATE TABLE progress_notes (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    text        BLOB NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('draft', 'signed')),
    author      INTEGER NOT NULL REFERENCES users (id),
    updated_at  TEXT NOT NULL,
    signed_at   TEXT,
    -- Signed on a later day than the session took place: shown with both dates.
    late_entry  INTEGER NOT NULL DEFAULT 0 CHECK (late_entry IN (0, 1)),
    UNIQUE (session_id, member_id)
) STRICT;
CREATE TRIGGER signed_notes_are_kept_update BEFORE UPDATE ON progress_notes
WHEN OLD.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed progress note cannot be changed: add an amendment'); END;
CREATE TRIGGER signed_notes_are_kept_delete BEFORE DELETE ON progress_notes
WHEN OLD.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed progress note cannot be deleted'); END;

-- Who did what, when, to which record; never the content. Each row's chain value is a
-- keyed hash over the row and the previous row's chain value, so an altered, removed or
-- reordered row breaks every link after it (see RecordStore::verifyAudit).
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_id     INTEGER,
    login       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id   INTEGER,
    chain       TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_events_are_kept_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit log is never changed'); END;
CREATE TRIGGER audit_events_are_kept_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit log is never deleted'); END;

-- Small facts about the database itself, e.g. when the last backup was made.
CREATE TABLE service_state (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
) STRICT;

-- Events that happen while no key is available (failed sign-ins). They are moved into the
-- chain at the next successful unlock.
CREATE TABLE audit_pending (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    login       TEXT NOT NULL,
    kind        TEXT NOT NULL
) STRICT;
)sql";

void expectPragma(sqlite::Connection& connection, const std::string& name, std::int64_t want) {
    if (connection.pragmaInteger(name) != want) {
        throw StoreError("The database could not be opened safely: the setting " + name +
                         " did not take effect");
    }
}

}  // namespace

void configure(sqlite::Connection& connection) {
    connection.execute(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA trusted_schema = OFF;"
        "PRAGMA secure_delete = ON;");
    if (connection.pragmaText("journal_mode = WAL") != "wal") {
        throw StoreError(
            "The database could not be opened safely: write-ahead logging is "
            "not available for this file");
    }
    expectPragma(connection, "foreign_keys", 1);
    expectPragma(connection, "synchronous", 2);
    expectPragma(connection, "trusted_schema", 0);
    expectPragma(connection, "secure_delete", 1);
}

void createFresh(sqlite::Connection& connection) {
    connection.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
    connection.execute(kSchema);
    connection.execute("PRAGMA user_version = " + std::to_string(kCurrentVersion));
}

void checkAndMigrate(sqlite::Connection& connection) {
    auto applicationId = connection.pragmaInteger("application_id");
    auto version = connection.pragmaInteger("user_version");
    if (applicationId != kApplicationId) {
        throw StoreError("This file is not a Roundtable database, so it was not opened.");
    }
    if (version > kCurrentVersion) {
        throw StoreError(
            "This database was written by a newer version of Roundtable (data "
            "format " +
            std::to_string(version) + "; this version reads up to " +
            std::to_string(kCurrentVersion) +
            "). It was not changed. Open it with the newer version.");
    }
    if (version < 1) {
        throw StoreError(
            "This Roundtable database is incomplete (it has no data format "
            "version), so it was not opened.");
    }
    if (version < kOldestReadable) {
        throw StoreError(
            "This database was made by a pre-release version of Roundtable that "
            "did not encrypt records (data format " +
            std::to_string(version) + "). It was not opened or changed. Create a new database.");
    }
    // Format 2 is the first released format: there is nothing older to migrate yet. A later
    // format adds its numbered migration step here, after taking a backup.
}

bool isNetworkFilesystemType(long filesystemType) {
    constexpr long kNfs = 0x6969, kSmb = 0x517B, kCifs = 0xFF534D42, kSmb2 = 0xFE534D42;
    return filesystemType == kNfs || filesystemType == kSmb || filesystemType == kCifs ||
           filesystemType == kSmb2;
}

bool isOnNetworkFilesystem(const std::filesystem::path& path) {
    auto probe = std::filesystem::exists(path) ? path : path.parent_path();
    if (probe.empty())
        probe = ".";
    struct statfs info {};
    if (statfs(probe.c_str(), &info) != 0)
        return false;
    return isNetworkFilesystemType(static_cast<long>(info.f_type));
}

}  // namespace roundtable::records::schema
