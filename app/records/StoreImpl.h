// The record store's internals, shared by the files that implement RecordStore (one per
// area: keys and users, groups and sessions, notes, clinical follow-up). Not a public header.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "records/Clock.h"
#include "records/Crypto.h"
#include "records/DatabaseLock.h"
#include "records/Postgres.h"
#include "records/PrivateFile.h"
#include "records/RecordStore.h"
#include "records/RowLedger.h"
#include "records/Schema.h"
#include "records/Sqlite.h"
#include "text/Translate.h"

namespace roundtable::records {

/// Whether the session s took place: its newest correction, or as first recorded.
inline constexpr const char* kSessionStatusNow =
    "COALESCE((SELECT c.status FROM session_status_corrections c WHERE c.session_id = s.id "
    "ORDER BY c.id DESC LIMIT 1), s.status)";
/// The columns Impl::readSession reads, from sessions as s (and its newest correction as c).
inline constexpr const char* kSessionColumns =
    "SELECT s.id, s.group_id, s.session_date, s.title, s.minutes, s.status, "
    "s.curriculum_session_id, s.module_id, s.module_version, s.content_hash, "
    "COALESCE(s.starts_at, ''), s.not_held_reason, c.id, c.status, c.reason FROM sessions s "
    "LEFT JOIN session_status_corrections c ON c.id = (SELECT MAX(id) FROM "
    "session_status_corrections WHERE session_id = s.id) ";
/// The columns Impl::readNote reads, from progress_notes as n.
inline constexpr const char* kNoteColumns =
    "SELECT n.session_id, n.member_id, n.text, n.state, n.updated_at, n.id, "
    "COALESCE(n.signed_at, ''), n.late_entry, COALESCE(n.participation, ''), n.concern_raised, "
    "COALESCE(u.login, '') FROM progress_notes n LEFT JOIN users u ON u.id = n.author ";

/// What a user's wrapped key is bound to.
inline std::string userContext(UserId id) {
    return "user:" + std::to_string(id);
}

struct RecordStore::Impl {
    /// A store in a file.
    Impl(std::filesystem::path p, bool create)
        : path(std::move(p)),
          lock(std::in_place, lockFile(path, create)),
          db(sqlite::openFile(path, create)) {}
    /// A store on a PostgreSQL server (`connection` as libpq takes it).
    explicit Impl(const std::string& connection)
        : path(connection), db(postgres::connect(connection)) {
        holdServerInUse();
    }
    /// Every store open on a server holds this lock shared, so that `server migrate` (which
    /// must take it alone) knows none is. It goes with the connection.
    void holdServerInUse() {
        db.execute("SELECT pg_advisory_lock_shared(" + std::to_string(schema::kServerInUseLock) +
                   ")");
    }

    std::filesystem::path path;  ///< the file, or the server connection
    /// A file's: held for the store's whole life, taken before the file is read and released
    /// after the connection is closed (members are destroyed in reverse order).
    std::optional<DatabaseLock> lock;
    db::Connection db;
    [[nodiscard]] bool onServer() const { return db.dialect() == db::Dialect::postgresql; }
    std::optional<crypto::SecretKey> dataKey;   ///< present while unlocked (wiped by lock)
    std::optional<crypto::SecretKey> auditKey;  ///< derived from the data key for the chain
    std::optional<crypto::SecretKey> rowKey;    ///< derived from the data key for row tags
    std::optional<User> user;                   ///< who is signed in
    /// Who signs this store's write transactions (SignedLog.cpp): the signed-in user's key, or
    /// the recovery key's (signerId 0). Present while unlocked.
    std::optional<crypto::Signer> signer;
    UserId signerId = 0;
    /// The first event of the signed log, once it has begun (a new database: 1; a database
    /// from before format 6: where its first administrator's sign-in began it).
    std::optional<std::int64_t> signedLogFrom;
    /// The first and the last audit event the write transaction under way appended (the last
    /// with its chain value): what its signature covers.
    std::optional<std::int64_t> transactionFirstEvent;
    LogHead transactionLastEvent;
    /// A write transaction whose commit was interrupted by a lost connection, by its last
    /// event, until reconnecting finds whether it was committed.
    std::optional<LogHead> commitInDoubt;
    /// Connects to the server again (RecordStore::reconnect): the same session as before,
    /// then the answer about a commit in doubt.
    std::optional<bool> reconnect();
    /// Whether the transaction that ended with `last` was committed: looked for under the
    /// writers' lock, which a transaction the server is still finishing holds until it ends.
    bool wasCommitted(const LogHead& last);
    std::string databaseIdText;  ///< see knownDatabaseId: read once, it never changes
    std::optional<std::filesystem::path> migrationBackup;  ///< see RecordStore::migrationBackup
    crypto::KdfParameters kdf = crypto::KdfParameters::moderate();
    /// Stamps every record and event (RecordStore::useClock).
    const Clock* clock = &systemClock();
    [[nodiscard]] std::string nowUtc() const { return utcTimestamp(*clock); }

    const crypto::SecretKey& key() const {
        if (!dataKey || dataKey->empty()) {
            throw StoreError("The database is locked. Sign in to see or change records.");
        }
        return *dataKey;
    }
    UserId signedInUser() const {
        key();
        if (!user)
            throw StoreError("Sign in as a user to record this.");
        return user->id;
    }
    /// The signed-in clinical lead; `what` completes "Only a clinical lead can ...".
    UserId requireClinicalLead(const std::string& what) const {
        auto id = signedInUser();
        if (user->role != Role::clinicalLead)
            throw StoreError("Only a clinical lead can " + what + ".");
        return id;
    }
    /// Inserts a pictogram; returns its id.
    std::int64_t insertPicture(const ProgrammePicture& picture, UserId by, const std::string& at);
    /// Inserts a module text; returns its id.
    std::int64_t insertRevision(const ModuleText& text, UserId by, const std::string& at);
    /// A module_revisions row selected with ProgrammeRecords.cpp's kRevisionColumns.
    ModuleRevision readRevision(const db::Statement& row);
    void requireAdministrator() const {
        key();
        if (user && user->role != Role::administrator) {
            throw StoreError("Only an administrator can manage users.");
        }
    }

    /// What a sealed value is bound to: its table, column and row (the row id, or for a
    /// table keyed otherwise, its key written out, e.g. "plan.position").
    static std::string place(const char* table, const char* column, const std::string& row) {
        return std::string("roundtable/") + table + "/" + column + "/" + row;
    }
    crypto::Bytes seal(const char* table, const char* column, const std::string& row,
                       const std::string& text) const {
        return crypto::seal(key(), text, place(table, column, row));
    }
    crypto::Bytes seal(const char* table, const char* column, std::int64_t row,
                       const std::string& text) const {
        return seal(table, column, std::to_string(row), text);
    }
    /// The text sealed in `column` of a row being read. When it cannot be decrypted (altered
    /// or damaged) the record is marked damaged, unless it already is, and the text is empty:
    /// the page still shows, and says why the record cannot be relied on.
    std::string open(std::string& damage, const char* table, const char* column,
                     const std::string& row, const crypto::Bytes& sealed) const {
        auto text = crypto::open(key(), sealed, place(table, column, row));
        if (!text) {
            if (damage.empty()) {
                damage = std::string("A text of this record (") + table + " " + row +
                         ") could not be decrypted: it was altered or damaged.";
            }
            return {};
        }
        return *text;
    }
    std::string open(std::string& damage, const char* table, const char* column, std::int64_t row,
                     const crypto::Bytes& sealed) const {
        return open(damage, table, column, std::to_string(row), sealed);
    }
    /// Seals `text` into parameter `index`, or binds NULL when it is empty (not recorded).
    void bindSealed(db::Statement& statement, int index, const char* table, const char* column,
                    std::int64_t row, const std::string& text) const {
        if (text.empty()) {
            statement.bindNull(index);
        } else {
            statement.bindBlob(index, seal(table, column, row, text));
        }
    }
    /// The text sealed in `column` of the current row, or "" when it is NULL.
    std::string openOptional(std::string& damage, const char* table, const char* column,
                             std::int64_t row, const db::Statement& statement, int index) const {
        return statement.isNull(index) ? std::string{}
                                       : open(damage, table, column, row, statement.blob(index));
    }

    /// A membership, as what its leaving reason is sealed to: its key, "group.member".
    static std::string membershipPlace(GroupId group, MemberId member) {
        return std::to_string(group) + "." + std::to_string(member);
    }
    /// A membership's leaving reason. Builds before the store could be on a server sealed it to
    /// the membership's rowid, which only a file has: such a reason is read so, on a file.
    std::string openLeavingReason(std::string& damage, GroupId group, MemberId member,
                                  const crypto::Bytes& sealed) {
        auto text = crypto::open(
            key(), sealed, place("memberships", "leaving_reason", membershipPlace(group, member)));
        if (!text && db.dialect() == db::Dialect::sqlite) {
            auto row =
                db.cached("SELECT rowid FROM memberships WHERE group_id = ? AND member_id = ?");
            row->bind(1, group).bind(2, member);
            if (row->step()) {
                text = crypto::open(
                    key(), sealed,
                    place("memberships", "leaving_reason", std::to_string(row->integer(0))));
            }
        }
        if (!text)  // says so in `damage`
            return open(damage, "memberships", "leaving_reason", membershipPlace(group, member),
                        sealed);
        return *text;
    }

    /// The date kept in `column` of the current row, or none when it is NULL. Text that is not
    /// a date (only a change outside Roundtable writes one) marks the record damaged.
    static std::optional<Date> readDate(std::string& damage, const db::Statement& statement,
                                        int index) {
        return statement.isNull(index) ? std::nullopt : dateIn(damage, statement.text(index));
    }
    static std::optional<Date> dateIn(std::string& damage, const std::string& text) {
        auto date = Date::fromIso(text);
        if (!date && damage.empty())
            damage = text::tr("A date of this record cannot be read: it was altered or damaged.");
        return date;
    }

    /// A new database is created (empty, mode 0600) so that there is a file to lock.
    static DatabaseLock lockFile(const std::filesystem::path& path, bool create) {
        if (create)
            createPrivateFile(path);
        return {path, DatabaseLock::Mode::shared};
    }

    /// A sessions row selected with kSessionColumns (GroupRecords.cpp).
    Session readSession(const db::Statement& row);
    /// Fills in the session's corrections of whether it took place and its newest adapted plan
    /// (SessionRecords.cpp).
    void addSessionHistory(Session& session);
    /// The newest check-in of each member at each session matching `where` (SQL over check_ins
    /// as c and sessions as s, with one parameter, `value`).
    std::vector<CheckIn> readCheckIns(const std::string& where, std::int64_t value);
    /// Fills in catchUpFor of `sessions`, all those matching `sessionFilter` (SQL over sessions
    /// as s, with one parameter, `value`), in one query.
    void addCatchUpMembers(std::vector<Session>& sessions, const std::string& sessionFilter,
                           std::int64_t value);
    /// An attendance_marks row selected as (any, status, reason, recorded_at, id,
    /// minutes_present).
    AttendanceMark readMark(const db::Statement& row, MemberId member);

    void takeKey(crypto::SecretKey key) {
        auditKey.emplace(crypto::deriveSubkey(key, 1, "rtaudit1"));
        rowKey.emplace(crypto::deriveSubkey(key, 2, "rtrows01"));
        dataKey.emplace(std::move(key));
    }

    /// From here on every write transaction tags the ledgered rows it wrote and logs the tags
    /// as it commits (see RowLedger.h). Called once the schema is current.
    void startLedger() {
        ledger::captureChanges(db);
        signedLogFrom = readSignedLogFrom();
        db.setAfterBegin([this] {
            transactionFirstEvent.reset();
            transactionLastEvent = {};
        });
        db.setBeforeCommit([this] {
            logChangedRows();
            signTransaction();
        });
        db.setAfterLostCommit([this] { settleLostCommit(); });
    }
    /// The key and the place of what RecordStore::sealToKeep seals: a key of their own (not
    /// the records'), the place naming the store and the purpose.
    std::pair<crypto::SecretKey, std::string> keptSealing(const std::string& purpose);
    /// After a commit the lost connection interrupted: returns when it was committed, throws
    /// when it was not, or (ConnectionLost) when that is not known until the server is back.
    void settleLostCommit();
    void logChangedRows();  // this and the ledger functions below: StoreLedger.cpp
    /// Writes a row-written event for every ledgered row that has none yet (the rows of a
    /// database from before format 5); returns how many.
    std::int64_t logUnloggedRows();
    /// True while a database migrated from before format 5 waits for an administrator to
    /// authenticate its existing records (at sign-in).
    bool rowsAwaitAuthentication();
    /// "" when the row `key` of `table` matches the newest tag the log holds for it;
    /// otherwise a sentence for the person reading it, naming what is wrong.
    std::string damageOf(const char* table, const ledger::RowKey& key);
    std::string damageInRow(const ledger::LedgeredTable& table, const db::Statement& row);
    std::string damageOf(const char* table, std::int64_t id) {
        return damageOf(table, ledger::RowKey{id});
    }
    /// Checks at once every row of `table` that `condition` selects (SQL on the alias t, its
    /// parameters bound by `bind`): until the returned guard goes, damageOf answers for those
    /// rows without asking the database again. A page's rows in one query, where each row's
    /// own query is a round trip to a server.
    [[nodiscard]] std::shared_ptr<void> checkAhead(const char* table, const std::string& condition,
                                                   const std::function<void(db::Statement&)>& bind);
    /// What checkAhead found, by table and key (keyOf's form): "" for a row as recorded.
    std::unordered_map<std::string, std::unordered_map<std::string, std::string>> checkedAhead;
    /// Sets `damage` to the row's damage unless it already holds an earlier finding.
    void noteDamage(std::string& damage, const char* table, const ledger::RowKey& key) {
        if (damage.empty())
            damage = damageOf(table, key);
    }
    void noteDamage(std::string& damage, const char* table, std::int64_t id) {
        noteDamage(damage, table, ledger::RowKey{id});
    }
    /// Every ledgered row against the log: what was changed, added or removed outside the store.
    std::vector<DamagedRecord> checkEveryRecord(std::int64_t& recordsChecked);

    // The signed log and users' certificates (SignedLog.cpp).
    const std::string& knownDatabaseId();
    std::optional<std::int64_t> readSignedLogFrom();
    /// True while a database from before format 6 waits for an administrator to begin its
    /// signed log (at sign-in).
    bool signaturesAwaitBeginning();
    /// Begins the signed log at the next event (inside the transaction that will be its first).
    void beginSignedLog();
    /// Signs the events the transaction under way appended (run as it commits).
    void signTransaction();
    /// Writes a certificate of the user's name, role and public key, signed by the signer:
    /// an administrator, the recovery key, or (`selfCertified`) the administrator beginning the
    /// signed log of a database from before format 6.
    void certify(UserId id, const std::string& login, Role role, const crypto::Bytes& publicKey);
    /// Certifies, as the signed-in administrator, the keys made at sign-in by users of a
    /// database from before format 6, which no administrator has certified yet.
    void certifyAwaitingKeys();
    /// "" when the user's rows (hers, her signing key's, her newest certificate's) are as
    /// written, and the certificate names her as she is (name, role, key); otherwise what is
    /// wrong. A user with no certificate yet (before format 6) is not a problem here.
    std::string userRecordProblem(UserId id);
    /// The signed log and every certificate: forgeries, and keys not yet certified.
    void checkSignatures(VerifyReport& report);
    /// The public keys (hex) every other key's certificate leads back to.
    std::vector<std::string> trustRoots();

    /// One event of the audit log. `rowKey` names a ledgered row (record kind: its table)
    /// whose newest state has the tag `rowTag` (none: the row was removed).
    struct Event {
        std::string kind;
        std::string recordKind;
        std::optional<std::int64_t> recordId;
        std::string at;
        std::optional<std::string> rowKey;
        std::optional<std::string> rowTag;
    };

    /// Appends one event to the chained audit log. Call inside the transaction of the
    /// change it records, so the two are written together or not at all.
    void audit(const std::string& kind, const std::string& recordKind,
               std::optional<std::int64_t> recordId) {
        appendEvent({kind, recordKind, recordId, nowUtc(), std::nullopt, std::nullopt});
    }
    void appendEvent(const Event& event) {
        if (!auditKey || auditKey->empty())
            key();  // throws "locked"
        std::string previous;
        std::int64_t id = 1;
        {
            auto last = db.cached("SELECT chain, id FROM audit_events ORDER BY id DESC LIMIT 1");
            if (last->step()) {
                previous = last->text(0);
                id = last->integer(1) + 1;
            }
        }
        if (!transactionFirstEvent)
            transactionFirstEvent = id;
        // The user's row number, as the log's message has it (none for the recovery key).
        const auto userId = user ? std::optional<std::int64_t>(user->id) : std::nullopt;
        std::string login = user ? user->login : std::string("(recovery key)");
        auto chain = crypto::keyedHashHex(
            *auditKey, auditMessage(previous, id, event.at, userId, login, event.kind,
                                    event.recordKind, event.recordId, event.rowKey, event.rowTag));
        transactionLastEvent = {id, chain, event.at};
        auto insert = db.cached(
            "INSERT INTO audit_events (id, at, user_id, login, kind, record_kind, record_id, "
            "chain, row_key, row_tag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert->bind(1, id).bind(2, event.at);
        if (user)
            insert->bind(3, user->id);  // left unbound: NULL
        insert->bind(4, login).bind(5, event.kind).bind(6, event.recordKind);
        if (event.recordId)
            insert->bind(7, *event.recordId);
        insert->bind(8, chain);
        if (event.rowKey)
            insert->bind(9, *event.rowKey);
        if (event.rowTag)
            insert->bind(10, *event.rowTag);
        insert->run();
    }

    /// What a chain value covers: the previous value and every column of the row. Events
    /// without a row key (all events before format 5) are covered as they always were.
    static std::string auditMessage(const std::string& previous, std::int64_t id,
                                    const std::string& at, std::optional<std::int64_t> userId,
                                    const std::string& login, const std::string& kind,
                                    const std::string& recordKind,
                                    std::optional<std::int64_t> recordId,
                                    const std::optional<std::string>& rowKey,
                                    const std::optional<std::string>& rowTag) {
        auto optional = [](const std::optional<std::int64_t>& value) {
            return value.has_value() ? std::to_string(value.value()) : std::string("-");
        };
        auto message = previous + "\n" + std::to_string(id) + "\n" + at + "\n" + optional(userId) +
                       "\n" + login + "\n" + kind + "\n" + recordKind + "\n" + optional(recordId);
        if (rowKey)
            message += "\n" + *rowKey + "\n" + rowTag.value_or("-");
        return message;
    }

    void wipeKeys() {
        if (dataKey)
            dataKey->wipe();
        if (auditKey)
            auditKey->wipe();
        if (rowKey)
            rowKey->wipe();
        signer.reset();
        signerId = 0;
        user.reset();
    }

    /// Runs `write` in a transaction; if it fails, wipes the keys again before rethrowing.
    template <typename Write>
    void commitOrRelock(Write&& write) {
        try {
            db::Transaction transaction(db);
            write();
            transaction.commit();
        } catch (...) {
            wipeKeys();
            // Nothing was written: where the signed log begins is what the file says again.
            signedLogFrom = readSignedLogFrom();
            throw;
        }
    }

    // Progress notes (NoteRecords.cpp).
    /// Creates or replaces the note of a member in a session, signing it when `sign` is set;
    /// returns its row id. Refuses a signed note (the schema's triggers would too). Call
    /// inside a transaction.
    NoteId writeNote(SessionId session, MemberId member, const NoteContent& content, UserId author,
                     bool sign);
    /// Signs a draft note, stamping it late when signed after the day of its session.
    void markSigned(NoteId id, SessionId session);
    /// True when signing a note of this session now makes it a late entry (signed on a later
    /// calendar day, as the facilitator sees it, than the session's date).
    bool signingIsLate(SessionId session);
    /// Who ran a session: the people whose newest facilitator record says present. With
    /// `damage`, the records read are checked against the log.
    std::vector<UserId> facilitatorsOf(SessionId session, std::string* damage = nullptr);
    /// A progress_notes row selected with kNoteColumns (without ratings and amendments).
    ProgressNote readNote(const db::Statement& row);
    /// Adds their ratings and amendments to notes read with `noteFilter` (a condition on
    /// the progress_notes row n, with one parameter: e.g. "n.session_id = ?").
    void addRatingsAndAmendments(std::vector<ProgressNote>& notes, const std::string& noteFilter,
                                 std::int64_t value);

    /// Concerns selected with kConcernColumns, each with its actions (ClinicalRecords.cpp).
    std::vector<Concern> readConcerns(db::Statement& query);
    /// Closes an open concern with its outcome, or reopens a closed one with the reason.
    void recordConcernOutcome(ConcernId concern, bool close, const std::string& text);

    /// An event that cannot be chained yet (no key: nobody is signed in), kept aside until the
    /// next sign-in chains it (chainPendingEvents).
    void keepAside(const std::string& login, const std::string& kind) {
        // A write of its own, after any other writer's: on a server, two computers failing a
        // sign-in at once would otherwise both take MAX + 1.
        db::Transaction transaction(db);
        db.prepare(
              "INSERT INTO audit_pending (id, at, login, kind) "
              "SELECT COALESCE(MAX(id), 0) + 1, ?, ?, ? FROM audit_pending")
            .bind(1, nowUtc())
            .bind(2, login)
            .bind(3, kind)
            .run();
        transaction.commit();
    }
    void chainPendingEvents() {
        auto pending = db.prepare("SELECT at, login, kind FROM audit_pending ORDER BY id");
        while (pending.step()) {
            // A failed or refused sign-in names the user in record_kind (or "an unknown user":
            // what was typed is not kept). Other pending events (a migration) concern the
            // database.
            auto kind = pending.text(2);
            auto name = pending.text(1).empty() ? std::string("an unknown user") : pending.text(1);
            appendEvent({kind, kind.ends_with("sign-in") ? "sign-in as " + name : "database",
                         std::nullopt, pending.text(0), std::nullopt, std::nullopt});
        }
        db.execute("DELETE FROM audit_pending");
    }

    std::int64_t nextId(const char* table) {
        auto next = db.cached(std::string("SELECT COALESCE(MAX(id), 0) + 1 FROM ") + table);
        next->step();
        return next->integer(0);
    }

    /// Wraps the data key and the user's signing seed with her passphrase; inserts her row
    /// (`insert`) or updates its wrap, and writes her signing key.
    void storeUserKey(UserId id, const std::string& passphrase, bool insert,
                      const std::string& login, Role role, const crypto::SecretKey& signingSeed) {
        auto wrap =
            crypto::wrapWithPassphrase(key(), passphrase, kdf, userContext(id), &signingSeed);
        auto statement =
            insert ? db.prepare(
                         "INSERT INTO users (kdf_salt, kdf_ops, kdf_mem, wrapped_key, id, "
                         "login, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                   : db.prepare(
                         "UPDATE users SET kdf_salt = ?, kdf_ops = ?, kdf_mem = ?, "
                         "wrapped_key = ? WHERE id = ?");
        statement.bindBlob(1, wrap.salt)
            .bind(2, static_cast<std::int64_t>(wrap.kdf.opsLimit))
            .bind(3, static_cast<std::int64_t>(wrap.kdf.memLimitBytes))
            .bindBlob(4, wrap.wrappedKey)
            .bind(5, id);
        if (insert)
            statement.bind(6, login).bind(7, std::string(toText(role))).bind(8, nowUtc());
        statement.run();
        // Two statements, not an upsert: the ledger's triggers must see a plain insert or update.
        for (const char* sql : {"UPDATE signing_keys SET public_key = ?2, wrapped_seed = ?3 "
                                "WHERE user_id = ?1",
                                "INSERT INTO signing_keys (user_id, public_key, wrapped_seed) "
                                "SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM signing_keys "
                                "WHERE user_id = ?1)"}) {
            db.prepare(sql)
                .bind(1, id)
                .bindBlob(2, crypto::Signer(signingSeed).publicKey())
                .bindBlob(3, wrap.wrappedSeed)
                .run();
        }
    }

    struct StoredUser {
        User user;
        crypto::PassphraseWrap wrap;
    };
    std::optional<StoredUser> findUser(const std::string& login) {
        auto query = db.prepare(std::string(kStoredUserColumns) + "WHERE u.login = ?");
        query.bind(1, login);
        return readStoredUser(query);
    }
    /// The first user, whose key derivation a sign-in as an unknown name repeats, so that it
    /// costs the same time as a wrong passphrase.
    std::optional<StoredUser> firstUser() {
        auto query = db.prepare(std::string(kStoredUserColumns) + "ORDER BY u.id LIMIT 1");
        return readStoredUser(query);
    }
    static constexpr const char* kStoredUserColumns =
        "SELECT u.id, u.login, u.role, u.kdf_salt, u.kdf_ops, u.kdf_mem, u.wrapped_key, "
        "k.wrapped_seed FROM users u LEFT JOIN signing_keys k ON k.user_id = u.id ";
    static std::optional<StoredUser> readStoredUser(db::Statement& query) {
        if (!query.step())
            return std::nullopt;
        StoredUser found;
        found.user = {query.integer(0), query.text(1), roleFrom(query.text(2))};
        found.wrap.salt = query.blob(3);
        found.wrap.kdf.opsLimit = static_cast<std::uint64_t>(query.integer(4));
        found.wrap.kdf.memLimitBytes = static_cast<std::size_t>(query.integer(5));
        found.wrap.wrappedKey = query.blob(6);
        if (!query.isNull(7))
            found.wrap.wrappedSeed = query.blob(7);
        return found;
    }
};

}  // namespace roundtable::records
