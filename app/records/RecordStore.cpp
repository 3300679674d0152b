// SQL and encryption for every record-store operation. Multi-row writes run in one
// transaction; every identifying or free-text field is sealed to its table, column and row.
#include "records/RecordStore.h"

#include <array>
#include <cstdio>
#include <ctime>

#include "records/Crypto.h"
#include "records/Schema.h"
#include "records/Sqlite.h"

namespace roundtable::records {
namespace {

/// Today's date on this computer's calendar, YYYY-MM-DD.
std::string localDate() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

std::string nowUtc() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

template <typename Enum, std::size_t N>
Enum parseEnum(const std::string& text, const std::array<Enum, N>& values, const char* what) {
    for (auto value : values) {
        if (text == toText(value))
            return value;
    }
    throw StoreError(std::string("The database holds an unknown ") + what + " \"" + text +
                     "\"; it may be damaged.");
}

void refuseNetworkShare(const std::filesystem::path& path) {
    if (schema::isOnNetworkFilesystem(path)) {
        throw StoreError("The database " + path.string() +
                         " is on a network drive. Roundtable keeps its database on a local "
                         "disk, because network drives can corrupt it. Choose a local folder.");
    }
}

}  // namespace

const char* toText(Role role) {
    switch (role) {
        case Role::facilitator:
            return "facilitator";
        case Role::clinicalLead:
            return "clinical-lead";
        case Role::administrator:
            return "administrator";
    }
    return "facilitator";
}

const char* toText(GroupKind kind) {
    switch (kind) {
        case GroupKind::treatment:
            return "treatment";
        case GroupKind::maintenance:
            return "maintenance";
        case GroupKind::carers:
            return "carers";
    }
    return "treatment";
}
const char* toText(SessionStatus status) {
    switch (status) {
        case SessionStatus::planned:
            return "planned";
        case SessionStatus::tookPlace:
            return "took-place";
        case SessionStatus::didNotTakePlace:
            return "did-not-take-place";
    }
    return "planned";
}
const char* toText(Attendance status) {
    switch (status) {
        case Attendance::attended:
            return "attended";
        case Attendance::late:
            return "late";
        case Attendance::leftEarly:
            return "left-early";
        case Attendance::absentAuthorised:
            return "absent-authorised";
        case Attendance::absentUnauthorised:
            return "absent-unauthorised";
    }
    return "attended";
}
const char* toText(NoteState state) {
    return state == NoteState::signedOff ? "signed" : "draft";
}

Role roleFrom(const std::string& text) {
    return parseEnum(text, std::array{Role::facilitator, Role::clinicalLead, Role::administrator},
                     "role");
}

GroupKind groupKindFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{GroupKind::treatment, GroupKind::maintenance, GroupKind::carers},
                     "group kind");
}
SessionStatus sessionStatusFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{SessionStatus::planned, SessionStatus::tookPlace,
                                SessionStatus::didNotTakePlace},
                     "session status");
}
Attendance attendanceFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{Attendance::attended, Attendance::late, Attendance::leftEarly,
                                Attendance::absentAuthorised, Attendance::absentUnauthorised},
                     "attendance status");
}
NoteState noteStateFrom(const std::string& text) {
    return parseEnum(text, std::array{NoteState::draft, NoteState::signedOff}, "note state");
}
bool wasPresent(Attendance status) {
    return status == Attendance::attended || status == Attendance::late ||
           status == Attendance::leftEarly;
}

namespace {

constexpr const char* kWrongSignIn = "The user name or passphrase is not right.";

crypto::KdfParameters kdfFor(KeyDerivation strength) {
    return strength == KeyDerivation::fast ? crypto::KdfParameters::interactive()
                                           : crypto::KdfParameters::moderate();
}

std::string userContext(UserId id) {
    return "user:" + std::to_string(id);
}
constexpr const char* kRecoveryContext = "recovery";

void requirePassphrase(const std::string& passphrase) {
    if (auto problem = crypto::passphraseProblem(passphrase); !problem.empty()) {
        throw StoreError(problem);
    }
}

}  // namespace

struct RecordStore::Impl {
    Impl(std::filesystem::path p, bool create) : path(std::move(p)), db(path, create) {}

    std::filesystem::path path;
    sqlite::Connection db;
    std::optional<crypto::SecretKey> dataKey;   ///< present while unlocked (wiped by lock)
    std::optional<crypto::SecretKey> auditKey;  ///< derived from the data key for the chain
    std::optional<User> user;                   ///< who is signed in
    crypto::KdfParameters kdf = crypto::KdfParameters::moderate();

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
    void requireAdministrator() const {
        key();
        if (user && user->role != Role::administrator) {
            throw StoreError("Only an administrator can manage users.");
        }
    }

    static std::string place(const char* table, const char* column, std::int64_t row) {
        return std::string("roundtable/") + table + "/" + column + "/" + std::to_string(row);
    }
    crypto::Bytes seal(const char* table, const char* column, std::int64_t row,
                       const std::string& text) const {
        return crypto::seal(key(), text, place(table, column, row));
    }
    std::string open(const char* table, const char* column, std::int64_t row,
                     const crypto::Bytes& sealed) const {
        auto text = crypto::open(key(), sealed, place(table, column, row));
        if (!text) {
            throw StoreError(std::string("A record in ") + table + " (row " + std::to_string(row) +
                             ") could not be decrypted: it has been altered or damaged.");
        }
        return *text;
    }
    void takeKey(crypto::SecretKey key) {
        auditKey.emplace(crypto::deriveSubkey(key, 1, "rtaudit1"));
        dataKey.emplace(std::move(key));
    }

    /// Appends one event to the chained audit log. Call inside the transaction of the
    /// change it records, so the two are written together or not at all.
    void audit(const std::string& kind, const std::string& recordKind,
               std::optional<std::int64_t> recordId, const std::string& at = nowUtc()) {
        if (!auditKey || auditKey->empty())
            key();  // throws "locked"
        auto last = db.prepare("SELECT chain FROM audit_events ORDER BY id DESC LIMIT 1");
        auto previous = last.step() ? last.text(0) : std::string{};
        auto id = nextId("audit_events");
        std::optional<UserId> userId = user ? std::optional<UserId>(user->id) : std::nullopt;
        std::string login = user ? user->login : std::string("(recovery key)");
        auto chain = crypto::keyedHashHex(
            *auditKey, auditMessage(previous, id, at, userId, login, kind, recordKind, recordId));
        auto insert = db.prepare(
            "INSERT INTO audit_events (id, at, user_id, login, kind, record_kind, record_id, "
            "chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, id).bind(2, at);
        if (userId) {
            insert.bind(3, *userId);
        } else {
            insert.bindNull(3);
        }
        insert.bind(4, login).bind(5, kind).bind(6, recordKind);
        if (recordId) {
            insert.bind(7, *recordId);
        } else {
            insert.bindNull(7);
        }
        insert.bind(8, chain).run();
    }

    /// What a chain value covers: the previous value and every column of the row.
    static std::string auditMessage(const std::string& previous, std::int64_t id,
                                    const std::string& at, std::optional<UserId> userId,
                                    const std::string& login, const std::string& kind,
                                    const std::string& recordKind,
                                    std::optional<std::int64_t> recordId) {
        auto optional = [](std::optional<std::int64_t> value) {
            return value ? std::to_string(*value) : std::string("-");
        };
        return previous + "\n" + std::to_string(id) + "\n" + at + "\n" + optional(userId) + "\n" +
               login + "\n" + kind + "\n" + recordKind + "\n" + optional(recordId);
    }

    void wipeKeys() {
        if (dataKey)
            dataKey->wipe();
        if (auditKey)
            auditKey->wipe();
        user.reset();
    }

    /// Runs `write` in a transaction; if it fails, wipes the keys again before rethrowing.
    template <typename Write>
    void commitOrRelock(Write&& write) {
        try {
            sqlite::Transaction transaction(db);
            write();
            transaction.commit();
        } catch (...) {
            wipeKeys();
            throw;
        }
    }

    /// Creates or replaces the draft note of a member in a session; returns its row id.
    /// Refuses a signed note (the schema's trigger would too). Call inside a transaction.
    std::int64_t writeDraft(SessionId session, MemberId member, const std::string& text,
                            UserId author) {
        auto find =
            db.prepare("SELECT id, state FROM progress_notes WHERE session_id = ? AND member_id = ?");
        find.bind(1, session).bind(2, member);
        bool exists = find.step();
        if (exists && find.text(1) == "signed") {
            throw StoreError("This progress note is signed, so it cannot be changed.");
        }
        auto id = exists ? find.integer(0) : nextId("progress_notes");
        auto sealed = seal("progress_notes", "text", id, text);
        if (exists) {
            db.prepare("UPDATE progress_notes SET text = ?, author = ?, updated_at = ? WHERE id = ?")
                .bindBlob(1, sealed)
                .bind(2, author)
                .bind(3, nowUtc())
                .bind(4, id)
                .run();
        } else {
            db.prepare(
                  "INSERT INTO progress_notes (id, session_id, member_id, text, state, author, "
                  "updated_at) VALUES (?, ?, ?, ?, 'draft', ?, ?)")
                .bind(1, id)
                .bind(2, session)
                .bind(3, member)
                .bindBlob(4, sealed)
                .bind(5, author)
                .bind(6, nowUtc())
                .run();
        }
        return id;
    }

    /// Signs note `id`, stamping it late when signed after the day of its session (local
    /// calendar day, as the facilitator sees it). Call inside a transaction.
    void markSigned(std::int64_t id, SessionId session) {
        auto date = db.prepare("SELECT session_date FROM sessions WHERE id = ?");
        date.bind(1, session);
        date.step();
        bool late = localDate() > date.text(0);
        auto now = nowUtc();
        db.prepare("UPDATE progress_notes SET state = 'signed', updated_at = ?, signed_at = ?, "
                   "late_entry = ? WHERE id = ?")
            .bind(1, now)
            .bind(2, now)
            .bind(3, late ? 1 : 0)
            .bind(4, id)
            .run();
    }

    /// A progress_notes row selected with kNoteColumns.
    ProgressNote readNote(const sqlite::Statement& row) const {
        return {row.integer(0),
                row.integer(1),
                open("progress_notes", "text", row.integer(5), row.blob(2)),
                noteStateFrom(row.text(3)),
                row.text(4),
                row.text(6),
                row.integer(7) == 1};
    }

    void chainPendingEvents() {
        auto pending = db.prepare("SELECT at, login, kind FROM audit_pending ORDER BY id");
        while (pending.step()) {
            // The attempted user name goes in record_kind: there is no user row to point at.
            audit(pending.text(2), "sign-in as " + pending.text(1), std::nullopt, pending.text(0));
        }
        db.execute("DELETE FROM audit_pending");
    }

    std::int64_t nextId(const char* table) {
        auto next = db.prepare(std::string("SELECT COALESCE(MAX(id), 0) + 1 FROM ") + table);
        next.step();
        return next.integer(0);
    }

    void storeUserKey(UserId id, const std::string& passphrase, bool insert,
                      const std::string& login, Role role) {
        auto wrap = crypto::wrapWithPassphrase(key(), passphrase, kdf, userContext(id));
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
    }

    struct StoredUser {
        User user;
        crypto::PassphraseWrap wrap;
    };
    std::optional<StoredUser> findUser(const std::string& login) {
        auto query = db.prepare(
            "SELECT id, login, role, kdf_salt, kdf_ops, kdf_mem, wrapped_key FROM users "
            "WHERE login = ?");
        query.bind(1, login);
        if (!query.step())
            return std::nullopt;
        StoredUser found;
        found.user = {query.integer(0), query.text(1), roleFrom(query.text(2))};
        found.wrap.salt = query.blob(3);
        found.wrap.kdf.opsLimit = static_cast<std::uint64_t>(query.integer(4));
        found.wrap.kdf.memLimitBytes = static_cast<std::size_t>(query.integer(5));
        found.wrap.wrappedKey = query.blob(6);
        return found;
    }
};

RecordStore::RecordStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RecordStore::RecordStore(RecordStore&&) noexcept = default;
RecordStore& RecordStore::operator=(RecordStore&&) noexcept = default;
RecordStore::~RecordStore() = default;

CreatedDatabase RecordStore::create(const std::filesystem::path& path, const NewDatabase& setup) {
    crypto::initialise();
    if (std::filesystem::exists(path)) {
        throw StoreError("A file called " + path.string() +
                         " already exists; a new database needs a new file name.");
    }
    refuseNetworkShare(path);
    if (setup.adminLogin.empty())
        throw StoreError("Please give the administrator a user name.");
    requirePassphrase(setup.adminPassphrase);

    auto impl = std::make_unique<Impl>(path, true);
    impl->kdf = kdfFor(setup.keyDerivation);
    schema::configure(impl->db);
    auto recovery = crypto::newRecoveryKey();
    {
        sqlite::Transaction transaction(impl->db);
        schema::createFresh(impl->db);
        impl->takeKey(crypto::SecretKey::random());
        impl->db.prepare("INSERT INTO key_recovery (id, wrapped_key) VALUES (1, ?)")
            .bindBlob(1, crypto::wrapWithKey(*impl->dataKey, recovery.key, kRecoveryContext))
            .run();
        impl->storeUserKey(1, setup.adminPassphrase, true, setup.adminLogin, Role::administrator);
        impl->user = User{1, setup.adminLogin, Role::administrator};
        impl->audit("create-database", "database", std::nullopt);
        transaction.commit();
    }
    return {RecordStore(std::move(impl)), recovery.text};
}

RecordStore RecordStore::open(const std::filesystem::path& path) {
    crypto::initialise();
    if (!std::filesystem::is_regular_file(path)) {
        throw StoreError("The database " + path.string() + " does not exist.");
    }
    refuseNetworkShare(path);
    auto impl = std::make_unique<Impl>(path, false);
    // Check what the file is before changing anything in it (such as the journal mode).
    schema::checkAndMigrate(impl->db);
    schema::configure(impl->db);
    return RecordStore(std::move(impl));
}

const std::filesystem::path& RecordStore::path() const {
    return impl_->path;
}

void RecordStore::unlock(const std::string& login, const std::string& passphrase) {
    auto stored = impl_->findUser(login);
    auto key = stored ? crypto::unwrapWithPassphrase(stored->wrap, passphrase,
                                                     userContext(stored->user.id))
                      : std::nullopt;
    if (!key) {
        // No key to chain it with yet: kept aside and chained at the next sign-in.
        impl_->db.prepare("INSERT INTO audit_pending (at, login, kind) VALUES (?, ?, ?)")
            .bind(1, nowUtc())
            .bind(2, login)
            .bind(3, std::string("failed-sign-in"))
            .run();
        throw StoreError(kWrongSignIn);
    }
    impl_->takeKey(std::move(*key));
    impl_->user = stored->user;
    impl_->kdf = stored->wrap.kdf;
    // A sign-in that cannot be recorded does not happen: stay locked if the write fails.
    impl_->commitOrRelock([&] {
        impl_->chainPendingEvents();
        impl_->audit("sign-in", "user", stored->user.id);
    });
}

void RecordStore::unlockWithRecoveryKey(const std::string& recoveryKey) {
    auto recovery = crypto::parseRecoveryKey(recoveryKey);
    auto query = impl_->db.prepare("SELECT wrapped_key FROM key_recovery WHERE id = 1");
    if (!recovery || !query.step())
        throw StoreError("That recovery key is not right.");
    auto key = crypto::unwrapWithKey(query.blob(0), *recovery, kRecoveryContext);
    if (!key)
        throw StoreError("That recovery key is not right.");
    impl_->takeKey(std::move(*key));
    impl_->user.reset();
    impl_->commitOrRelock([&] {
        impl_->chainPendingEvents();
        impl_->audit("recovery-key-unlock", "database", std::nullopt);
    });
}

void RecordStore::lock() {
    if (isUnlocked()) {
        try {
            sqlite::Transaction transaction(impl_->db);
            impl_->audit("lock", "user",
                         impl_->user ? std::optional<std::int64_t>(impl_->user->id) : std::nullopt);
            transaction.commit();
        } catch (const StoreError&) {
            // Locking must never fail: the key is wiped below even if the event is lost.
        }
    }
    // Wipe in place (not only release) so the key bytes are gone from memory at once.
    impl_->wipeKeys();
}

bool RecordStore::isUnlocked() const {
    return impl_->dataKey && !impl_->dataKey->empty();
}

std::optional<User> RecordStore::currentUser() const {
    return isUnlocked() ? impl_->user : std::nullopt;
}

std::span<const unsigned char> RecordStore::keyMemoryForTests() const {
    return impl_->dataKey ? impl_->dataKey->memoryForTests() : std::span<const unsigned char>{};
}

UserId RecordStore::addUser(const std::string& login, Role role, const std::string& passphrase) {
    impl_->requireAdministrator();
    if (login.empty())
        throw StoreError("Please give the new user a user name.");
    requirePassphrase(passphrase);
    if (impl_->findUser(login))
        throw StoreError("There is already a user called " + login + ".");
    sqlite::Transaction transaction(impl_->db);
    auto id = impl_->nextId("users");
    impl_->storeUserKey(id, passphrase, true, login, role);
    impl_->audit("add-user", "user", id);
    transaction.commit();
    return id;
}

void RecordStore::resetPassphrase(const std::string& login, const std::string& newPassphrase) {
    impl_->requireAdministrator();
    requirePassphrase(newPassphrase);
    auto stored = impl_->findUser(login);
    if (!stored)
        throw StoreError("There is no user called " + login + ".");
    sqlite::Transaction transaction(impl_->db);
    impl_->storeUserKey(stored->user.id, newPassphrase, false, login, stored->user.role);
    impl_->audit("reset-passphrase", "user", stored->user.id);
    transaction.commit();
}

void RecordStore::changeOwnPassphrase(const std::string& oldPassphrase,
                                      const std::string& newPassphrase) {
    impl_->signedInUser();
    auto stored = impl_->findUser(impl_->user->login);
    if (!stored ||
        !crypto::unwrapWithPassphrase(stored->wrap, oldPassphrase, userContext(stored->user.id))) {
        throw StoreError("The current passphrase is not right.");
    }
    requirePassphrase(newPassphrase);
    sqlite::Transaction transaction(impl_->db);
    impl_->storeUserKey(stored->user.id, newPassphrase, false, stored->user.login,
                        stored->user.role);
    impl_->audit("change-passphrase", "user", stored->user.id);
    transaction.commit();
}

std::vector<User> RecordStore::users() {
    impl_->key();
    std::vector<User> result;
    auto query = impl_->db.prepare("SELECT id, login, role FROM users ORDER BY id");
    while (query.step())
        result.push_back({query.integer(0), query.text(1), roleFrom(query.text(2))});
    return result;
}

GroupId RecordStore::addGroup(const std::string& name, GroupKind kind) {
    impl_->signedInUser();
    sqlite::Transaction transaction(impl_->db);
    auto id = impl_->nextId("groups");
    impl_->db.prepare("INSERT INTO groups (id, name, kind, created_at) VALUES (?, ?, ?, ?)")
        .bind(1, id)
        .bindBlob(2, impl_->seal("groups", "name", id, name))
        .bind(3, std::string(toText(kind)))
        .bind(4, nowUtc())
        .run();
    impl_->audit("add-group", "group", id);
    transaction.commit();
    return id;
}

std::vector<Group> RecordStore::groups() {
    impl_->key();
    std::vector<Group> result;
    auto query = impl_->db.prepare("SELECT id, name, kind FROM groups ORDER BY id");
    while (query.step()) {
        auto id = query.integer(0);
        result.push_back(
            {id, impl_->open("groups", "name", id, query.blob(1)), groupKindFrom(query.text(2))});
    }
    return result;
}

MemberId RecordStore::addMember(GroupId group, const std::string& name,
                                const std::string& joinedOn) {
    impl_->signedInUser();
    auto& db = impl_->db;
    sqlite::Transaction transaction(db);
    auto member = impl_->nextId("members");
    char code[32];
    std::snprintf(code, sizeof code, "R%04lld", static_cast<long long>(member));
    db.prepare("INSERT INTO members (id, code, name, created_at) VALUES (?, ?, ?, ?)")
        .bind(1, member)
        .bind(2, std::string(code))
        .bindBlob(3, impl_->seal("members", "name", member, name))
        .bind(4, nowUtc())
        .run();
    db.prepare("INSERT INTO memberships (group_id, member_id, joined_on) VALUES (?, ?, ?)")
        .bind(1, group)
        .bind(2, member)
        .bind(3, joinedOn)
        .run();
    impl_->audit("add-member", "member", member);
    transaction.commit();
    return member;
}

std::vector<Member> RecordStore::membersOf(GroupId group) {
    impl_->key();
    std::vector<Member> result;
    auto query = impl_->db.prepare(
        "SELECT m.id, m.code, m.name FROM members m JOIN memberships s ON s.member_id = m.id "
        "WHERE s.group_id = ? ORDER BY m.id");
    query.bind(1, group);
    while (query.step()) {
        auto id = query.integer(0);
        result.push_back({id, query.text(1), impl_->open("members", "name", id, query.blob(2))});
    }
    return result;
}

SessionId RecordStore::addSession(const NewSession& session) {
    impl_->signedInUser();
    auto& db = impl_->db;
    sqlite::Transaction transaction(db);
    db.prepare(
          "INSERT INTO sessions (group_id, session_date, title, minutes, curriculum_session_id, "
          "module_id, module_version, content_hash, created_at) VALUES (?,?,?,?,?,?,?,?,?)")
        .bind(1, session.groupId)
        .bind(2, session.date)
        .bind(3, session.title)
        .bind(4, session.minutes)
        .bind(5, session.stamp.sessionId)
        .bind(6, session.stamp.moduleId)
        .bind(7, session.stamp.moduleVersion)
        .bind(8, session.stamp.contentHash)
        .bind(9, nowUtc())
        .run();
    auto id = db.lastInsertId();
    auto insert = db.prepare(
        "INSERT INTO session_activities (session_id, position, kind, minutes, title, guidance) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    int position = 0;
    for (const auto& activity : session.activities) {
        insert.bind(1, id)
            .bind(2, ++position)
            .bind(3, activity.kind)
            .bind(4, activity.minutes)
            .bind(5, activity.title)
            .bind(6, activity.guidance)
            .run();
        insert.reset();
    }
    impl_->audit("plan-session", "session", id);
    transaction.commit();
    return id;
}

namespace {
constexpr const char* kSessionColumns =
    "SELECT id, group_id, session_date, title, minutes, status, curriculum_session_id, "
    "module_id, module_version, content_hash FROM sessions ";

Session readSessionRow(const sqlite::Statement& row) {
    Session session;
    session.id = row.integer(0);
    session.groupId = row.integer(1);
    session.date = row.text(2);
    session.title = row.text(3);
    session.minutes = static_cast<int>(row.integer(4));
    session.status = sessionStatusFrom(row.text(5));
    session.stamp = {row.text(6), row.text(7), static_cast<int>(row.integer(8)), row.text(9)};
    return session;
}
}  // namespace

std::vector<Session> RecordStore::sessionsOf(GroupId group) {
    impl_->key();
    std::vector<Session> result;
    auto query = impl_->db.prepare(std::string(kSessionColumns) +
                                   "WHERE group_id = ? ORDER BY session_date, id");
    query.bind(1, group);
    while (query.step())
        result.push_back(readSessionRow(query));
    return result;
}

Session RecordStore::session(SessionId id) {
    impl_->key();
    auto query = impl_->db.prepare(std::string(kSessionColumns) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.step())
        throw StoreError("There is no session with id " + std::to_string(id));
    auto session = readSessionRow(query);
    auto activities = impl_->db.prepare(
        "SELECT kind, minutes, title, guidance FROM session_activities WHERE session_id = ? "
        "ORDER BY position");
    activities.bind(1, id);
    while (activities.step()) {
        session.activities.push_back({activities.text(0), static_cast<int>(activities.integer(1)),
                                      activities.text(2), activities.text(3)});
    }
    return session;
}

void RecordStore::setSessionStatus(SessionId id, SessionStatus status) {
    impl_->signedInUser();
    sqlite::Transaction transaction(impl_->db);
    impl_->db.prepare("UPDATE sessions SET status = ? WHERE id = ?")
        .bind(1, std::string(toText(status)))
        .bind(2, id)
        .run();
    impl_->audit(std::string("session-") + toText(status), "session", id);
    transaction.commit();
}

void RecordStore::markAttendance(SessionId session, const AttendanceMark& mark) {
    auto user = impl_->signedInUser();
    sqlite::Transaction transaction(impl_->db);
    auto id = impl_->nextId("attendance_marks");
    impl_->db
        .prepare(
            "INSERT INTO attendance_marks (id, session_id, member_id, status, reason, "
            "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, session)
        .bind(3, mark.memberId)
        .bind(4, std::string(toText(mark.status)))
        .bindBlob(5, impl_->seal("attendance_marks", "reason", id, mark.reason))
        .bind(6, user)
        .bind(7, nowUtc())
        .run();
    impl_->audit("mark-attendance", "member", mark.memberId);
    transaction.commit();
}

std::vector<AttendanceMark> RecordStore::registerOf(SessionId session) {
    impl_->key();
    std::vector<AttendanceMark> result;
    auto query = impl_->db.prepare(
        "SELECT member_id, status, reason, recorded_at, id FROM attendance_marks a "
        "WHERE session_id = ?1 AND id = (SELECT MAX(id) FROM attendance_marks b "
        "WHERE b.session_id = ?1 AND b.member_id = a.member_id) ORDER BY member_id");
    query.bind(1, session);
    while (query.step()) {
        result.push_back(
            {query.integer(0), attendanceFrom(query.text(1)),
             impl_->open("attendance_marks", "reason", query.integer(4), query.blob(2)),
             query.text(3)});
    }
    return result;
}

void RecordStore::saveNoteDraft(SessionId session, MemberId member, const std::string& text) {
    auto user = impl_->signedInUser();
    sqlite::Transaction transaction(impl_->db);
    auto id = impl_->writeDraft(session, member, text, user);
    impl_->audit("save-note", "progress-note", id);
    transaction.commit();
}

void RecordStore::signNote(SessionId session, MemberId member) {
    impl_->signedInUser();
    sqlite::Transaction transaction(impl_->db);
    auto find = impl_->db.prepare(
        "SELECT id FROM progress_notes WHERE session_id = ? AND member_id = ? AND state = 'draft'");
    find.bind(1, session).bind(2, member);
    if (!find.step()) throw StoreError("There is no draft note to sign for this member.");
    auto id = find.integer(0);
    impl_->markSigned(id, session);
    impl_->audit("sign-note", "progress-note", id);
    transaction.commit();
}

void RecordStore::saveAndSignNote(SessionId session, MemberId member, const std::string& text) {
    auto user = impl_->signedInUser();
    // One transaction (one fsync) for the text, the signature and the audit row.
    sqlite::Transaction transaction(impl_->db);
    auto id = impl_->writeDraft(session, member, text, user);
    impl_->markSigned(id, session);
    impl_->audit("sign-note", "progress-note", id);
    transaction.commit();
}

BackupResult RecordStore::backupTo(const std::filesystem::path& destination) {
    impl_->signedInUser();
    {
        sqlite::Transaction transaction(impl_->db);
        impl_->audit("backup", "database", std::nullopt);
        impl_->db
            .prepare(
                "INSERT INTO service_state (key, value) VALUES ('last_backup_at', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .bind(1, nowUtc())
            .run();
        transaction.commit();
    }
    return backupDatabase(impl_->path, destination);
}

std::optional<std::string> RecordStore::lastBackupAt() {
    auto query = impl_->db.prepare("SELECT value FROM service_state WHERE key = 'last_backup_at'");
    if (!query.step())
        return std::nullopt;
    return query.text(0);
}

void RecordStore::recordAccess(Access access, const std::string& recordKind,
                               std::int64_t recordId) {
    impl_->key();
    static constexpr const char* kNames[] = {"view", "export", "print"};
    sqlite::Transaction transaction(impl_->db);
    impl_->audit(kNames[static_cast<int>(access)], recordKind, recordId);
    transaction.commit();
}

AuditCheck RecordStore::verifyAudit() {
    impl_->key();
    AuditCheck check;
    std::string previous;
    std::int64_t expectedId = 1;
    auto rows = impl_->db.prepare(
        "SELECT id, at, user_id, login, kind, record_kind, record_id, chain FROM audit_events "
        "ORDER BY id");
    while (rows.step()) {
        auto id = rows.integer(0);
        auto optionalColumn = [&](int column) {
            return rows.isNull(column) ? std::nullopt
                                       : std::optional<std::int64_t>(rows.integer(column));
        };
        auto expected = crypto::keyedHashHex(
            *impl_->auditKey,
            Impl::auditMessage(previous, id, rows.text(1), optionalColumn(2), rows.text(3),
                               rows.text(4), rows.text(5), optionalColumn(6)));
        if (id != expectedId) {
            check.firstBrokenRow = expectedId;
            check.problem = "row " + std::to_string(expectedId) + " is missing";
            return check;
        }
        if (expected != rows.text(7)) {
            check.firstBrokenRow = id;
            check.problem = "row " + std::to_string(id) +
                            " was altered, or rows before it were removed or reordered";
            return check;
        }
        previous = rows.text(7);
        ++expectedId;
        ++check.rowsChecked;
    }
    return check;
}

namespace {
constexpr const char* kNoteColumns =
    "SELECT session_id, member_id, text, state, updated_at, id, COALESCE(signed_at, ''), "
    "late_entry FROM progress_notes ";
}  // namespace

std::optional<ProgressNote> RecordStore::note(SessionId session, MemberId member) {
    impl_->key();
    auto query =
        impl_->db.prepare(std::string(kNoteColumns) + "WHERE session_id = ? AND member_id = ?");
    query.bind(1, session).bind(2, member);
    if (!query.step())
        return std::nullopt;
    return impl_->readNote(query);
}

std::vector<ProgressNote> RecordStore::notesOf(SessionId session) {
    impl_->key();
    std::vector<ProgressNote> result;
    auto query =
        impl_->db.prepare(std::string(kNoteColumns) + "WHERE session_id = ? ORDER BY member_id");
    query.bind(1, session);
    while (query.step()) {
        result.push_back(impl_->readNote(query));
    }
    return result;
}

}  // namespace roundtable::records
