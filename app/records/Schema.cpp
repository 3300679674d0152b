// Schema version 1 and the connection discipline (see ARCHITECTURE.md, record store).
#include "records/Schema.h"

#include <sys/vfs.h>

#include <array>
#include <string>

#include "records/Types.h"

namespace roundtable::records::schema {
namespace {

// Migration N takes a database from user_version N-1 to N. Never edit a released step:
// add a new one.
constexpr std::array<const char*, 1> kMigrations = {
    R"sql(
CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('treatment', 'maintenance', 'carers')),
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE members (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
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
    reason      TEXT NOT NULL DEFAULT '',
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
    text        TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('draft', 'signed')),
    updated_at  TEXT NOT NULL,
    UNIQUE (session_id, member_id)
) STRICT;
CREATE TRIGGER signed_notes_are_kept_update BEFORE UPDATE ON progress_notes
WHEN OLD.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed progress note cannot be changed: add an amendment'); END;
CREATE TRIGGER signed_notes_are_kept_delete BEFORE DELETE ON progress_notes
WHEN OLD.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed progress note cannot be deleted'); END;
)sql",
};

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
        throw StoreError("The database could not be opened safely: write-ahead logging is "
                         "not available for this file");
    }
    expectPragma(connection, "foreign_keys", 1);
    expectPragma(connection, "synchronous", 2);
    expectPragma(connection, "trusted_schema", 0);
    expectPragma(connection, "secure_delete", 1);
}

void createFresh(sqlite::Connection& connection) {
    sqlite::Transaction transaction(connection);
    connection.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
    for (std::size_t step = 0; step < kMigrations.size(); ++step) {
        connection.execute(kMigrations[step]);
    }
    connection.execute("PRAGMA user_version = " + std::to_string(kCurrentVersion));
    transaction.commit();
}

void checkAndMigrate(sqlite::Connection& connection) {
    auto applicationId = connection.pragmaInteger("application_id");
    auto version = connection.pragmaInteger("user_version");
    if (applicationId != kApplicationId) {
        throw StoreError("This file is not a Roundtable database, so it was not opened.");
    }
    if (version > kCurrentVersion) {
        throw StoreError("This database was written by a newer version of Roundtable (data "
                         "format " + std::to_string(version) + "; this version reads up to " +
                         std::to_string(kCurrentVersion) +
                         "). It was not changed. Open it with the newer version.");
    }
    if (version < 1) {
        throw StoreError("This Roundtable database is incomplete (it has no data format "
                         "version), so it was not opened.");
    }
    // Version 1 is the first format: there is nothing older to migrate yet.
}

bool isNetworkFilesystemType(long filesystemType) {
    constexpr long kNfs = 0x6969, kSmb = 0x517B, kCifs = 0xFF534D42, kSmb2 = 0xFE534D42;
    return filesystemType == kNfs || filesystemType == kSmb || filesystemType == kCifs ||
           filesystemType == kSmb2;
}

bool isOnNetworkFilesystem(const std::filesystem::path& path) {
    auto probe = std::filesystem::exists(path) ? path : path.parent_path();
    if (probe.empty()) probe = ".";
    struct statfs info {};
    if (statfs(probe.c_str(), &info) != 0) return false;
    return isNetworkFilesystemType(static_cast<long>(info.f_type));
}

}  // namespace roundtable::records::schema
