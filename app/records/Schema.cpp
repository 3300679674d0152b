// Schema version 1 and the connection discipline (see ARCHITECTURE.md, record store).
#include "records/Schema.h"

#include <sys/vfs.h>

#include <string>

#include "records/Backup.h"
#include "records/Clock.h"

#include "records/Types.h"
#include "text/Translate.h"

namespace roundtable::records::schema {
namespace {

// Format 2, the first released format. A new database is made by running this and then
// every migration in order, so a new file and a migrated one have the same shape (a test
// compares them). Encrypted columns are BLOBs holding nonce || ciphertext || tag, bound to
// table, column and row id (see Crypto.h). Format 1 was the unencrypted walking skeleton;
// it was never released and is refused.
constexpr const char* kFormat2 = R"sql(
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

// Format 3: the rest of the clinical record. Every new clinical table is append-only (a
// correction is a new row that points at, or comes after, the one it corrects). Encrypted
// columns that may be missing are NULL when nothing was recorded.
constexpr const char* kFormat3 = R"sql(
-- A member's identifying details, encrypted. A log: the newest row counts, earlier ones
-- stay as the history of corrections.
CREATE TABLE member_details (
    id                  INTEGER PRIMARY KEY,
    member_id           INTEGER NOT NULL REFERENCES members (id),
    date_of_birth       BLOB,
    local_id            BLOB,
    residential_service BLOB,
    care_manager        BLOB,
    recorded_by         INTEGER NOT NULL REFERENCES users (id),
    recorded_at         TEXT NOT NULL
) STRICT;
CREATE INDEX member_details_by_member ON member_details (member_id, id);
CREATE TRIGGER member_details_are_kept_update BEFORE UPDATE ON member_details
BEGIN SELECT RAISE(ABORT, 'member details are never changed: record new details'); END;
CREATE TRIGGER member_details_are_kept_delete BEFORE DELETE ON member_details
BEGIN SELECT RAISE(ABORT, 'member details are never deleted'); END;

ALTER TABLE memberships ADD COLUMN left_on TEXT;
ALTER TABLE memberships ADD COLUMN leaving_reason BLOB;
ALTER TABLE memberships ADD COLUMN attendance_required INTEGER NOT NULL DEFAULT 0
    CHECK (attendance_required IN (0, 1));
CREATE TRIGGER leaving_is_kept BEFORE UPDATE OF left_on, leaving_reason ON memberships
WHEN OLD.left_on IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a member who has left keeps that record'); END;
CREATE TRIGGER memberships_are_kept_delete BEFORE DELETE ON memberships
BEGIN SELECT RAISE(ABORT, 'memberships are never deleted: record that the member left'); END;

-- When a group usually meets: the defaults for planning its sessions.
ALTER TABLE groups ADD COLUMN meets_on_weekday INTEGER CHECK (meets_on_weekday BETWEEN 1 AND 7);
ALTER TABLE groups ADD COLUMN starts_at TEXT;
ALTER TABLE groups ADD COLUMN session_minutes INTEGER CHECK (session_minutes > 0);
-- Only a carers' group is linked, and only to a treatment group.
CREATE TRIGGER carers_link_insert BEFORE INSERT ON groups
WHEN NEW.linked_group_id IS NOT NULL AND (NEW.kind IS NOT 'carers' OR
     (SELECT kind FROM groups WHERE id = NEW.linked_group_id) IS NOT 'treatment')
BEGIN SELECT RAISE(ABORT, 'only a carers'' group is linked, and only to a treatment group'); END;
CREATE TRIGGER carers_link_update BEFORE UPDATE OF linked_group_id, kind ON groups
WHEN NEW.linked_group_id IS NOT NULL AND (NEW.kind IS NOT 'carers' OR
     (SELECT kind FROM groups WHERE id = NEW.linked_group_id) IS NOT 'treatment')
BEGIN SELECT RAISE(ABORT, 'only a carers'' group is linked, and only to a treatment group'); END;

ALTER TABLE sessions ADD COLUMN starts_at TEXT;
ALTER TABLE sessions ADD COLUMN not_held_reason BLOB;
CREATE TABLE session_facilitators (
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (session_id, user_id)
) STRICT;

ALTER TABLE attendance_marks ADD COLUMN minutes_present INTEGER CHECK (minutes_present >= 0);

-- The structured part of a progress note. Ratings belong to the note: once it is signed
-- they are as fixed as its text.
ALTER TABLE progress_notes ADD COLUMN participation TEXT
    CHECK (participation IN ('full', 'some', 'little', 'none'));
ALTER TABLE progress_notes ADD COLUMN concern_raised INTEGER NOT NULL DEFAULT 0
    CHECK (concern_raised IN (0, 1));
CREATE TABLE note_ratings (
    note_id       INTEGER NOT NULL REFERENCES progress_notes (id),
    indicator_id  TEXT NOT NULL,
    rating        INTEGER NOT NULL,
    PRIMARY KEY (note_id, indicator_id)
) STRICT;
CREATE TRIGGER ratings_of_signed_notes_insert BEFORE INSERT ON note_ratings
WHEN (SELECT state FROM progress_notes WHERE id = NEW.note_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed progress note cannot be changed: add an amendment'); END;
CREATE TRIGGER ratings_of_signed_notes_update BEFORE UPDATE ON note_ratings
WHEN (SELECT state FROM progress_notes WHERE id = OLD.note_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed progress note cannot be changed: add an amendment'); END;
CREATE TRIGGER ratings_of_signed_notes_delete BEFORE DELETE ON note_ratings
WHEN (SELECT state FROM progress_notes WHERE id = OLD.note_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed progress note cannot be changed: add an amendment'); END;

-- A correction to a signed note: shown beside it, never replacing it.
CREATE TABLE note_amendments (
    id          INTEGER PRIMARY KEY,
    note_id     INTEGER NOT NULL REFERENCES progress_notes (id),
    text        BLOB NOT NULL,
    reason      BLOB NOT NULL,
    author      INTEGER NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX amendments_by_note ON note_amendments (note_id, id);
CREATE TRIGGER amendments_only_to_signed_notes BEFORE INSERT ON note_amendments
WHEN (SELECT state FROM progress_notes WHERE id = NEW.note_id) IS NOT 'signed'
BEGIN SELECT RAISE(ABORT, 'only a signed note is amended; a draft is edited'); END;
CREATE TRIGGER amendments_are_kept_update BEFORE UPDATE ON note_amendments
BEGIN SELECT RAISE(ABORT, 'an amendment cannot be changed: add another amendment'); END;
CREATE TRIGGER amendments_are_kept_delete BEFORE DELETE ON note_amendments
BEGIN SELECT RAISE(ABORT, 'an amendment cannot be deleted'); END;

-- A concern about a member (raised in a session or between sessions) and what is done about
-- it. Actions change status by new rows in concern_action_updates; the newest counts.
CREATE TABLE concerns (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    session_id  INTEGER REFERENCES sessions (id),
    description BLOB NOT NULL,
    raised_by   INTEGER NOT NULL REFERENCES users (id),
    raised_at   TEXT NOT NULL
) STRICT;
CREATE INDEX concerns_by_member ON concerns (member_id, id);
CREATE TABLE concern_actions (
    id          INTEGER PRIMARY KEY,
    concern_id  INTEGER NOT NULL REFERENCES concerns (id),
    action      BLOB NOT NULL,
    owner       BLOB NOT NULL,
    due_on      TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX actions_by_concern ON concern_actions (concern_id, id);
CREATE TABLE concern_action_updates (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES concern_actions (id),
    status      TEXT NOT NULL CHECK (status IN ('open', 'done', 'not-needed')),
    note        BLOB NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX updates_by_action ON concern_action_updates (action_id, id);

-- Outcome-measure scores: the measure and time point are ids from the curriculum's
-- programme.xml; a corrected score names the row it replaces.
CREATE TABLE outcome_scores (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    measure_id  TEXT NOT NULL,
    time_point  TEXT NOT NULL,
    taken_on    TEXT NOT NULL,
    score       INTEGER NOT NULL,
    replaces_id INTEGER REFERENCES outcome_scores (id),
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX scores_by_member ON outcome_scores (member_id, measure_id, id);

-- Relapse-prevention plans: each change is a new version with all its sections.
CREATE TABLE relapse_plans (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    version     INTEGER NOT NULL CHECK (version > 0),
    created_by  INTEGER NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL,
    UNIQUE (member_id, version)
) STRICT;
CREATE TABLE relapse_plan_sections (
    plan_id     INTEGER NOT NULL REFERENCES relapse_plans (id),
    position    INTEGER NOT NULL,
    heading     TEXT NOT NULL,
    body        BLOB NOT NULL,
    PRIMARY KEY (plan_id, position)
) STRICT;
)sql";

// The append-only rule for the plain log tables of format 3, written once for each.
constexpr const char* kFormat3KeptTables[] = {
    "concerns",       "concern_actions", "concern_action_updates",
    "outcome_scores", "relapse_plans",   "relapse_plan_sections"};

/// One numbered step from format `toVersion - 1` to `toVersion`.
struct Migration {
    std::int64_t toVersion;
    void (*apply)(db::Connection&);
};

void keepForever(db::Connection& connection, const std::string& table) {
    for (const char* event : {"UPDATE", "DELETE"}) {
        std::string lower = event[0] == 'U' ? "update" : "delete";
        connection.execute("CREATE TRIGGER " + table + "_are_kept_" + lower + " BEFORE " + event +
                           " ON " + table + " BEGIN SELECT RAISE(ABORT, 'the " + table +
                           " records are never " + (event[0] == 'U' ? "changed" : "deleted") +
                           "'); END;");
    }
}

void migrateToFormat3(db::Connection& connection) {
    connection.execute(kFormat3);
    for (const char* table : kFormat3KeptTables)
        keepForever(connection, table);
}

// Format 4: who ran a session becomes a log. Format 3 replaced the set of facilitators when
// it was corrected, so the earlier record was lost; now each change is a new row (present or
// no longer present) and the newest row for a person counts. Rows carried over from format 3
// have no recorder (NULL): nobody can say who recorded them.
constexpr const char* kFormat4 = R"sql(
CREATE TABLE session_facilitator_records (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    present     INTEGER NOT NULL CHECK (present IN (0, 1)),
    recorded_by INTEGER REFERENCES users (id),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX session_facilitator_records_by_session
    ON session_facilitator_records (session_id, user_id, id);
INSERT INTO session_facilitator_records (session_id, user_id, present, recorded_by, recorded_at)
    SELECT session_id, user_id, 1, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM session_facilitators ORDER BY session_id, user_id;
DROP TABLE session_facilitators;
)sql";

void migrateToFormat4(db::Connection& connection) {
    connection.execute(kFormat4);
    keepForever(connection, "session_facilitator_records");
}

// Format 5: every clinical row is authenticated. The audit log gains the row an event is
// about and that row's tag (RowLedger.h); the index finds a row's newest tag when the row is
// read (it holds the tag too, so the look-up never reads the log's rows). A database that
// already holds records is marked so that the first administrator to sign in tags them all,
// in her name (the tags need the data key, which a migration run before sign-in does not
// have).
constexpr const char* kFormat5 = R"sql(
ALTER TABLE audit_events ADD COLUMN row_key TEXT;
ALTER TABLE audit_events ADD COLUMN row_tag TEXT;
CREATE INDEX audit_events_by_row ON audit_events (record_kind, row_key, id, row_tag)
    WHERE row_key IS NOT NULL;
INSERT INTO service_state (key, value)
    SELECT 'records_to_authenticate', 'since format 5' WHERE EXISTS (SELECT 1 FROM users);
-- Copies of one database share its id: each computer remembers, under it, the newest point of
-- the log it has seen (RecordStore::checkReaches).
INSERT INTO service_state (key, value) VALUES ('database_id', lower(hex(randomblob(16))));

-- Failed sign-ins per name, so that guessing slows down and a restart does not reset it. A
-- name is kept only as a small bucket number (signInBucket), never as typed: a passphrase
-- typed into the name field must not be stored.
CREATE TABLE sign_in_failures (
    bucket          TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL CHECK (failures > 0),
    last_failed_at  INTEGER NOT NULL  -- seconds since 1970, UTC
) STRICT;
)sql";

void migrateToFormat5(db::Connection& connection) {
    connection.execute(kFormat5);
}

// Format 6: who wrote what is proven by signatures (SignedLog.cpp). Each user has an Ed25519
// key pair; its seed is wrapped by the key her passphrase derives, beside her data key wrap
// (same salt). An administrator's signature certifies each user's public key, name and role
// (the first administrator's is signed by the recovery key); every write transaction's log
// events are signed by whoever wrote them. A database that already has users is marked so that
// the first administrator to sign in starts the signed log, certifying her own key.
constexpr const char* kFormat6 = R"sql(
CREATE TABLE signing_keys (
    user_id       INTEGER PRIMARY KEY REFERENCES users (id),
    public_key    BLOB NOT NULL CHECK (length(public_key) = 32),
    wrapped_seed  BLOB NOT NULL
) STRICT;
-- The newest certificate of a user counts. certified_by is the administrator who signed it;
-- 0 is the recovery key; the user herself only for the administrator who started the signed
-- log of a database brought from an older format.
CREATE TABLE user_certificates (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    login         TEXT NOT NULL,
    role          TEXT NOT NULL,
    public_key    BLOB NOT NULL,
    certified_by  INTEGER NOT NULL,
    certified_at  TEXT NOT NULL,
    signature     BLOB NOT NULL
) STRICT;
CREATE INDEX certificates_by_user ON user_certificates (user_id, id);
-- One row per write transaction, in order: its signer's signature of the log events
-- first_event to last_event (and so, through the chain, of everything before). signer 0 is the
-- recovery key. (Not keyed by event: a log cut outside Roundtable must not stop the signing
-- that lets verify say so.)
CREATE TABLE log_signatures (
    id            INTEGER PRIMARY KEY,
    last_event    INTEGER NOT NULL,
    first_event   INTEGER NOT NULL,
    signer        INTEGER NOT NULL,
    signature     BLOB NOT NULL
) STRICT;
INSERT INTO service_state (key, value)
    SELECT 'signatures_to_begin', 'since format 6' WHERE EXISTS (SELECT 1 FROM users);
)sql";

void migrateToFormat6(db::Connection& connection) {
    connection.execute(kFormat6);
    keepForever(connection, "user_certificates");
    keepForever(connection, "log_signatures");
}

// Format 7: the service's programme lives in its database (issue 12), so that every computer
// of a service teaches the same one and an edited module is never lost on upgrade. Curriculum
// content is not clinical: it is kept in clear, and authenticated like every record (these
// tables are ledgered and kept forever). Module XML is format 1, unchanged. The tables start
// empty: the shipped programme is stored at the first sign-in after creation or migration, in
// the name of whoever signs in (the rows need the data key for their tags, which a migration
// run before sign-in does not have).
constexpr const char* kFormat7 = R"sql(
-- The manifest (programme.xml): the newest row counts.
CREATE TABLE programme_manifests (
    id            INTEGER PRIMARY KEY,
    xml           TEXT NOT NULL,
    saved_by      INTEGER NOT NULL REFERENCES users (id),
    saved_at      TEXT NOT NULL
) STRICT;
-- Pictograms, available to every module. A name is given once: a picture is never replaced
-- (a module that showed it still shows what it showed).
CREATE TABLE programme_pictures (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    file_type     TEXT NOT NULL CHECK (file_type IN ('svg', 'png')),
    bytes         BLOB NOT NULL,
    description   TEXT NOT NULL,
    added_by      INTEGER NOT NULL REFERENCES users (id),
    added_at      TEXT NOT NULL
) STRICT;
-- Every text a module has had: each save of a draft is a new revision; a published version is
-- the revision its "published" step names. version is the module's version attribute.
CREATE TABLE module_revisions (
    id            INTEGER PRIMARY KEY,
    module_id     TEXT NOT NULL,
    file          TEXT NOT NULL,
    version       INTEGER NOT NULL CHECK (version > 0),
    xml           TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    saved_by      INTEGER NOT NULL REFERENCES users (id),
    saved_at      TEXT NOT NULL
) STRICT;
CREATE INDEX module_revisions_by_module ON module_revisions (module_id, id);
CREATE INDEX module_revisions_by_hash ON module_revisions (module_id, content_hash);
-- A module version's change control, in order: sent for review (with a summary of the
-- change), returned to its author, published, withdrawn (with the reason).
CREATE TABLE module_steps (
    id            INTEGER PRIMARY KEY,
    module_id     TEXT NOT NULL,
    version       INTEGER NOT NULL,
    revision_id   INTEGER NOT NULL REFERENCES module_revisions (id),
    step          TEXT NOT NULL CHECK (step IN ('sent-for-review', 'returned', 'published',
                                                'withdrawn')),
    summary       TEXT NOT NULL,
    taken_by      INTEGER NOT NULL REFERENCES users (id),
    taken_at      TEXT NOT NULL
) STRICT;
CREATE INDEX module_steps_by_module ON module_steps (module_id, id);
-- Settings that belong to the service's records rather than to one computer (a service whose
-- one clinical lead may publish her own work; a group that stays on the module versions it
-- started with). scope is 'service' or 'group:<id>'; the newest row for a name counts.
CREATE TABLE record_settings (
    id            INTEGER PRIMARY KEY,
    scope         TEXT NOT NULL,
    name          TEXT NOT NULL,
    value         TEXT NOT NULL,
    set_by        INTEGER NOT NULL REFERENCES users (id),
    set_at        TEXT NOT NULL
) STRICT;
CREATE INDEX record_settings_by_name ON record_settings (scope, name, id);
)sql";

void migrateToFormat7(db::Connection& connection) {
    connection.execute(kFormat7);
    for (const char* table : {"programme_manifests", "programme_pictures", "module_revisions",
                              "module_steps", "record_settings"})
        keepForever(connection, table);
}

// Format 8: the group's year (issue 13). New tables only: the tag of every existing row covers
// all of its columns (RowLedger.h), so adding a column to a ledgered table would make every
// record written before look changed.
constexpr const char* kFormat8 = R"sql(
-- A session planned as a catch-up names the men it is for, in the transaction that plans it. Its
-- register lists only them; it is not one of the group's sessions in the year's register.
CREATE TABLE catch_up_members (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    UNIQUE (session_id, member_id)
) STRICT;
CREATE INDEX catch_up_members_by_member ON catch_up_members (member_id, session_id);
-- A milestone the programme defines (programme.xml, <milestone id="...">) reached by a member on
-- a day. A record made by mistake is withdrawn by a later row naming it, with the reason as its
-- note.
CREATE TABLE milestones (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members (id),
    milestone_id  TEXT NOT NULL,
    reached_on    TEXT NOT NULL,
    note          BLOB NOT NULL,
    withdraws_id  INTEGER REFERENCES milestones (id),
    recorded_by   INTEGER NOT NULL REFERENCES users (id),
    recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX milestones_by_member ON milestones (member_id, id);
-- A clinical lead's review of a signed note: co-signed, or returned to its author with a comment
-- (the author answers with an amendment, and the note awaits review again).
CREATE TABLE note_reviews (
    id            INTEGER PRIMARY KEY,
    note_id       INTEGER NOT NULL REFERENCES progress_notes (id),
    outcome       TEXT NOT NULL CHECK (outcome IN ('co-signed', 'returned')),
    comment       BLOB NOT NULL,
    reviewed_by   INTEGER NOT NULL REFERENCES users (id),
    reviewed_at   TEXT NOT NULL
) STRICT;
CREATE INDEX note_reviews_by_note ON note_reviews (note_id, id);
CREATE TRIGGER reviews_only_of_signed_notes BEFORE INSERT ON note_reviews
WHEN (SELECT state FROM progress_notes WHERE id = NEW.note_id) IS NOT 'signed'
BEGIN SELECT RAISE(ABORT, 'only a signed note is reviewed'); END;
)sql";

void migrateToFormat8(db::Connection& connection) {
    connection.execute(kFormat8);
    for (const char* table : {"catch_up_members", "milestones", "note_reviews"})
        keepForever(connection, table);
}

// Format 9: running a session and the notes round (issue 14), and the session each session
// rating belongs to (issue 13), and concerns closed by a decision. New tables only, as for
// format 8. Every table but jottings is kept forever; a correction is a newer row, and the newest
// counts.
constexpr const char* kFormat9 = R"sql(
-- A few words a facilitator jots against a member during a session. Not part of the record until
-- used: taken into his note's draft (and removed) in one transaction.
CREATE TABLE jottings (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    text        BLOB NOT NULL,
    written_by  INTEGER NOT NULL REFERENCES users (id),
    written_at  TEXT NOT NULL
) STRICT;
CREATE INDEX jottings_by_session ON jottings (session_id, member_id, id);
-- The plan of a session not yet delivered, adapted for this group: its activities in their new
-- order (each naming the planned activity it is), with their minutes and any guidance added,
-- and why. session_activities keep the plan as it came from the curriculum.
CREATE TABLE plan_adaptations (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    reason      BLOB NOT NULL,
    made_by     INTEGER NOT NULL REFERENCES users (id),
    made_at     TEXT NOT NULL
) STRICT;
CREATE INDEX plan_adaptations_by_session ON plan_adaptations (session_id, id);
CREATE TABLE adapted_activities (
    adaptation_id    INTEGER NOT NULL REFERENCES plan_adaptations (id),
    position         INTEGER NOT NULL CHECK (position > 0),
    planned_position INTEGER NOT NULL CHECK (planned_position > 0),
    minutes          INTEGER NOT NULL CHECK (minutes > 0),
    added_guidance   BLOB NOT NULL,
    PRIMARY KEY (adaptation_id, position)
) STRICT;
-- What the group did in a session, written once and shown in every member's note of it.
CREATE TABLE shared_sections (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    text        BLOB NOT NULL,
    written_by  INTEGER NOT NULL REFERENCES users (id),
    written_at  TEXT NOT NULL
) STRICT;
CREATE INDEX shared_sections_by_session ON shared_sections (session_id, id);
-- A member's mood at a session's check-in, on the programme's pictorial 5-point scale, with an
-- optional word.
CREATE TABLE check_ins (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    mood        INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
    word        BLOB NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX check_ins_by_member ON check_ins (member_id, session_id, id);
-- A between-sessions task set for a member at a session (from its activity at that position);
-- a changed text is a new row naming the one it replaces. How it went is recorded later.
CREATE TABLE member_tasks (
    id                INTEGER PRIMARY KEY,
    session_id        INTEGER NOT NULL REFERENCES sessions (id),
    member_id         INTEGER NOT NULL REFERENCES members (id),
    activity_position INTEGER NOT NULL CHECK (activity_position > 0),
    text              BLOB NOT NULL,
    replaces_id       INTEGER REFERENCES member_tasks (id),
    set_by            INTEGER NOT NULL REFERENCES users (id),
    set_at            TEXT NOT NULL
) STRICT;
CREATE INDEX member_tasks_by_member ON member_tasks (member_id, id);
CREATE TABLE task_reviews (
    id          INTEGER PRIMARY KEY,
    task_id     INTEGER NOT NULL REFERENCES member_tasks (id),
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    outcome     TEXT NOT NULL CHECK (outcome IN ('done', 'partly', 'not-done')),
    comment     BLOB NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX task_reviews_by_task ON task_reviews (task_id, id);
-- Whether a session took place, corrected (a mistaken click, either way) with the reason; the
-- sessions row keeps what was recorded first.
CREATE TABLE session_status_corrections (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES sessions (id),
    status       TEXT NOT NULL CHECK (status IN ('took-place', 'did-not-take-place')),
    reason       BLOB NOT NULL,
    corrected_by INTEGER NOT NULL REFERENCES users (id),
    corrected_at TEXT NOT NULL
) STRICT;
CREATE INDEX session_status_corrections_by_session
    ON session_status_corrections (session_id, id);
-- Closing a concern is the facilitator's decision, with its outcome (done actions do not close
-- it); reopening one is a later row with the reason. The newest counts.
CREATE TABLE concern_outcomes (
    id          INTEGER PRIMARY KEY,
    concern_id  INTEGER NOT NULL REFERENCES concerns (id),
    closed      INTEGER NOT NULL CHECK (closed IN (0, 1)),
    outcome     BLOB NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX concern_outcomes_by_concern ON concern_outcomes (concern_id, id);
-- The session a session rating (an outcome score) was given for, so that two sessions on one day
-- keep their own ratings. Ratings recorded before format 9 are found by the session's day.
CREATE TABLE session_rating_scores (
    score_id    INTEGER PRIMARY KEY REFERENCES outcome_scores (id),
    session_id  INTEGER NOT NULL REFERENCES sessions (id)
) STRICT;
CREATE INDEX session_rating_scores_by_session ON session_rating_scores (session_id);
)sql";

void migrateToFormat9(db::Connection& connection) {
    connection.execute(kFormat9);
    for (const char* table :
         {"plan_adaptations", "adapted_activities", "shared_sections", "check_ins", "member_tasks",
          "task_reviews", "session_status_corrections", "concern_outcomes",
          "session_rating_scores"})
        keepForever(connection, table);
}

// Format 10: a facilitator's own phrases for notes (issue 14), typed as a shortcut. Sealed, as
// they may name what happened in a session; kept forever like the rest: a changed phrase is a
// newer row for the same shortcut, a removed one a newer row with no text.
constexpr const char* kFormat10 = R"sql(
CREATE TABLE user_phrases (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    shortcut    BLOB NOT NULL,
    text        BLOB NOT NULL,
    written_at  TEXT NOT NULL
) STRICT;
CREATE INDEX user_phrases_by_user ON user_phrases (user_id, id);
)sql";

void migrateToFormat10(db::Connection& connection) {
    connection.execute(kFormat10);
    keepForever(connection, "user_phrases");
}

constexpr Migration kMigrations[] = {
    {3, migrateToFormat3}, {4, migrateToFormat4}, {5, migrateToFormat5}, {6, migrateToFormat6},
    {7, migrateToFormat7}, {8, migrateToFormat8}, {9, migrateToFormat9}, {10, migrateToFormat10}};

void expectPragma(db::Connection& connection, const std::string& name, std::int64_t want) {
    if (sqlite::pragmaInteger(connection, name) != want) {
        throw StoreError(text::fill(
            text::tr(
                "The database could not be opened safely: the setting {1} did not take effect"),
            {name}));
    }
}

}  // namespace

void configure(db::Connection& connection) {
    if (connection.dialect() == db::Dialect::postgresql) {
        // The store's schema first; the session's temporary tables after it (serverScript).
        connection.execute(std::string("SET search_path = ") + kServerSchema + ", pg_temp");
        return;
    }
    connection.execute(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA trusted_schema = OFF;"
        "PRAGMA secure_delete = ON; PRAGMA cache_size = -32768;");
    if (sqlite::pragmaText(connection, "journal_mode = WAL") != "wal") {
        throw StoreError(
            text::tr("The database could not be opened safely: write-ahead logging is "
                     "not available for this file"));
    }
    expectPragma(connection, "foreign_keys", 1);
    expectPragma(connection, "synchronous", 2);
    expectPragma(connection, "trusted_schema", 0);
    expectPragma(connection, "secure_delete", 1);
}

void createFresh(db::Connection& connection) {
    connection.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
    connection.execute(kFormat2);
    for (const auto& migration : kMigrations)
        migration.apply(connection);
    connection.execute("PRAGMA user_version = " + std::to_string(kCurrentVersion));
}

void refuseUnreadable(db::Connection& connection) {
    std::int64_t applicationId = 0, version = 0;
    if (connection.dialect() == db::Dialect::postgresql) {
        // A database without the table (or the schema) is not a store's.
        auto exists = connection.prepare("SELECT to_regclass('schema_format') IS NOT NULL");
        if (exists.step() && exists.integer(0) == 1) {
            auto format = connection.prepare("SELECT application_id, version FROM schema_format");
            if (format.step()) {
                applicationId = format.integer(0);
                version = format.integer(1);
            }
        }
    } else {
        applicationId = sqlite::pragmaInteger(connection, "application_id");
        version = sqlite::pragmaInteger(connection, "user_version");
    }
    if (applicationId != kApplicationId) {
        throw StoreError(connection.dialect() == db::Dialect::postgresql
                             ? text::tr("This database on the server holds no Roundtable "
                                        "store, so it was not opened. The server's "
                                        "administrator makes one with roundtable-cli server "
                                        "init.")
                             : text::tr("This file is not a Roundtable database, so it was not "
                                        "opened."));
    }
    if (version > kCurrentVersion) {
        throw StoreError(text::fill(
            text::tr("This database was written by a newer version of Roundtable (data format {1}; "
                     "this version reads up to {2}). It was not changed. Open it with the newer "
                     "version."),
            {std::to_string(version), std::to_string(kCurrentVersion)}));
    }
    if (version < 1) {
        throw StoreError(text::tr(
            "This Roundtable database is incomplete (it has no data format version), so it "
            "was not opened."));
    }
    if (version < kOldestReadable) {
        throw StoreError(text::fill(
            text::tr(
                "This database was made by a pre-release version of Roundtable that did not "
                "encrypt records (data format {1}). It was not opened or changed. Create a new "
                "database."),
            {std::to_string(version)}));
    }
}

std::optional<std::filesystem::path> migrate(db::Connection& connection,
                                             const std::filesystem::path& path) {
    auto version = sqlite::pragmaInteger(connection, "user_version");
    if (version >= kCurrentVersion)
        return std::nullopt;
    // A verified copy of the file as it was, kept beside it, before anything changes.
    // (A second attempt within the same second, after a failed one, gets a numbered name.)
    auto stem = path.string() + ".before-format-" + std::to_string(kCurrentVersion) + "-" +
                fileStamp("%Y%m%d-%H%M%S", Zone::local);
    std::filesystem::path backup = stem;
    for (int attempt = 2; std::filesystem::exists(backup); ++attempt)
        backup = stem + "-" + std::to_string(attempt);
    backupDatabase(path, backup);
    db::Transaction transaction(connection);
    for (const auto& migration : kMigrations) {
        if (migration.toVersion > version)
            migration.apply(connection);
    }
    connection.execute("PRAGMA user_version = " + std::to_string(kCurrentVersion));
    transaction.commit();
    return backup;
}

bool isNetworkFilesystemType(long filesystemType) {
    constexpr long kNfs = 0x6969, kSmb = 0x517B, kCifs = 0xFF534D42, kSmb2 = 0xFE534D42;
    return filesystemType == kNfs || filesystemType == kSmb || filesystemType == kCifs ||
           filesystemType == kSmb2;
}

void refuseNetworkShare(const std::filesystem::path& path) {
    if (isOnNetworkFilesystem(path)) {
        throw StoreError(text::fill(
            text::tr("The database {1} is on a network drive. Roundtable keeps its database on a "
                     "local disk, because network drives can corrupt it. Choose a local folder."),
            {path.string()}));
    }
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
