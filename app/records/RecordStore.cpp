// The record store's keys, users, backups and audit log: opening, creating, signing in and
// locking. Groups, sessions and notes are in GroupRecords.cpp and NoteRecords.cpp.
#include "records/RecordStore.h"

#include <algorithm>
#include <chrono>

#include "records/FileCheck.h"
#include "records/Schema.h"
#include "records/ServerSetup.h"
#include "records/StoreImpl.h"
#include "text/Translate.h"

namespace roundtable::records {
namespace {

constexpr const char* kWrongSignIn = text::trLater("The user name or passphrase is not right.");

crypto::KdfParameters kdfFor(KeyDerivation strength) {
    return strength == KeyDerivation::fast ? crypto::KdfParameters::interactive()
                                           : crypto::KdfParameters::moderate();
}

constexpr const char* kRecoveryContext = "recovery";

/// The recovery key signs too (the first administrator's certificate, and what is written
/// after unlocking with it), with a key derived from it: nothing more needs keeping.
crypto::Signer recoverySigner(const crypto::SecretKey& recoveryKey) {
    return crypto::Signer(crypto::deriveSubkey(recoveryKey, 3, "rtrecov1"));
}

/// Slows guessing: after five failed sign-ins with a name, each further attempt waits twice as
/// long as the one before (1 s, 2 s, 4 s ... at most 15 minutes), counted in the database so a
/// restart does not reset it. The name is stored only as one of 65,536 buckets of a hash salted
/// per database: known and unknown names behave alike, and a passphrase typed into the name
/// field is not kept in any form that could be read back (16 bits cannot identify it).
class SignInThrottle {
  public:
    SignInThrottle(db::Connection& db, const std::string& login)
        : db_(db), bucket_(bucketOf(db, login)) {}

    [[nodiscard]] std::int64_t secondsToWait() {
        auto query =
            db_.prepare("SELECT failures, last_failed_at FROM sign_in_failures WHERE bucket = ?");
        query.bind(1, bucket_);
        if (!query.step())
            return 0;
        auto failures = query.integer(0);
        if (failures < kFreeAttempts)
            return 0;
        auto wait = std::min<std::int64_t>(
            kLongestWaitSeconds,
            std::int64_t{1} << std::min<std::int64_t>(failures - kFreeAttempts, 20));
        return std::max<std::int64_t>(0, query.integer(1) + wait - secondsNow());
    }
    void recordFailure() {
        db_.prepare(
               "INSERT INTO sign_in_failures (bucket, failures, last_failed_at) VALUES (?, 1, ?) "
               "ON CONFLICT (bucket) DO UPDATE SET failures = sign_in_failures.failures + 1, "
               "last_failed_at = excluded.last_failed_at")
            .bind(1, bucket_)
            .bind(2, secondsNow())
            .run();
    }
    void forget() {
        db_.prepare("DELETE FROM sign_in_failures WHERE bucket = ?").bind(1, bucket_).run();
    }

  private:
    static constexpr std::int64_t kFreeAttempts = 5;
    static constexpr std::int64_t kLongestWaitSeconds = 15 * 60;

    static std::int64_t secondsNow() {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
    static std::string bucketOf(db::Connection& db, const std::string& login) {
        auto read = [&] {
            auto query = db.prepare("SELECT value FROM service_state WHERE key = 'sign_in_salt'");
            return query.step() ? query.text(0) : std::string();
        };
        auto salt = read();
        if (salt.empty()) {
            db.prepare(
                  "INSERT INTO service_state (key, value) VALUES ('sign_in_salt', ?) "
                  "ON CONFLICT DO NOTHING")
                .bind(1, crypto::randomHex(32))
                .run();
            salt = read();
        }
        return crypto::hashHex(salt + '\n' + login).substr(0, 4);
    }

    db::Connection& db_;
    std::string bucket_;
};

void requirePassphrase(const std::string& passphrase) {
    if (auto problem = crypto::passphraseProblem(passphrase); !problem.empty()) {
        throw StoreError(problem);
    }
}

/// A new store's first administrator must have a name and a good passphrase.
void requireAdministrator(const NewDatabase& setup) {
    if (setup.adminLogin.empty())
        throw StoreError(text::tr("Please give the administrator a user name."));
    requirePassphrase(setup.adminPassphrase);
}

}  // namespace

RecordStore::RecordStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RecordStore::RecordStore(RecordStore&&) noexcept = default;
RecordStore& RecordStore::operator=(RecordStore&& other) noexcept {
    if (this != &other) {
        if (impl_ && !impl_->onServer())
            filecheck::markClosedAtLast(impl_->db);
        impl_ = std::move(other.impl_);
    }
    return *this;
}
RecordStore::~RecordStore() {
    if (impl_ && !impl_->onServer())
        filecheck::markClosedAtLast(impl_->db);
}

CreatedDatabase RecordStore::create(const std::filesystem::path& path, const NewDatabase& setup) {
    crypto::initialise();
    if (std::filesystem::exists(path)) {
        throw StoreError(text::fill(
            text::tr("A file called {1} already exists; a new database needs a new file name."),
            {path.string()}));
    }
    schema::refuseNetworkShare(path);
    requireAdministrator(setup);
    auto store = begin(std::make_unique<Impl>(path, true), setup,
                       [](Impl& impl) { schema::createFresh(impl.db); });
    filecheck::markInUse(store.store.impl_->db);
    return store;
}

CreatedDatabase RecordStore::createOnServer(const std::string& connection,
                                            const NewDatabase& setup) {
    crypto::initialise();
    requireAdministrator(setup);
    return begin(std::make_unique<Impl>(connection), setup, [](Impl& impl) {
        schema::refuseUnreadable(impl.db);
        if (impl.db.prepare("SELECT 1 FROM key_recovery").step()) {
            throw StoreError(
                text::tr("This store on the server already holds a service's "
                         "records, so nothing was added to it. Open it instead."));
        }
    });
}

CreatedDatabase RecordStore::begin(std::unique_ptr<Impl> impl, const NewDatabase& setup,
                                   void (*makeSchema)(Impl&)) {
    impl->kdf = kdfFor(setup.keyDerivation);
    impl->clock = setup.clock;
    schema::configure(impl->db);
    auto recovery = crypto::newRecoveryKey();
    auto recoveryPublicKey = crypto::hexOf(recoverySigner(recovery.key).publicKey());
    auto adminSeed = crypto::SecretKey::random();
    {
        db::Transaction transaction(impl->db);
        makeSchema(*impl);
        impl->startLedger();
        impl->takeKey(crypto::SecretKey::random());
        impl->db.prepare("INSERT INTO key_recovery (id, wrapped_key) VALUES (1, ?)")
            .bindBlob(1, crypto::wrapWithKey(*impl->dataKey, recovery.key, kRecoveryContext))
            .run();
        impl->db.prepare("INSERT INTO service_state (key, value) VALUES ('recovery_public_key', ?)")
            .bind(1, recoveryPublicKey)
            .run();
        impl->beginSignedLog();
        impl->storeUserKey(1, setup.adminPassphrase, true, setup.adminLogin, Role::administrator,
                           adminSeed);
        // The recovery key certifies the first administrator, who signs from then on (the
        // whole of this first transaction, so its events are all in her name).
        impl->user = User{1, setup.adminLogin, Role::administrator};
        impl->audit("create-database", "database", std::nullopt);
        impl->signer.emplace(recoverySigner(recovery.key));
        impl->certify(1, setup.adminLogin, Role::administrator,
                      crypto::Signer(adminSeed).publicKey());
        impl->signer.emplace(adminSeed);
        impl->signerId = 1;
        transaction.commit();
    }
    return {RecordStore(std::move(impl)), recovery.text, recoveryPublicKey};
}

RecordStore RecordStore::open(const std::filesystem::path& path) {
    crypto::initialise();
    if (!std::filesystem::is_regular_file(path)) {
        throw StoreError(text::fill(text::tr("The database {1} does not exist."), {path.string()}));
    }
    schema::refuseNetworkShare(path);
    // Everything that can refuse the file reads it without writing, before the read-write
    // connection below can replay, checkpoint or discard anything.
    filecheck::refuseDamaged(path);
    auto impl = std::make_unique<Impl>(path, false);
    schema::configure(impl->db);
    impl->migrationBackup = schema::migrate(impl->db, path);
    if (impl->migrationBackup) {
        // No key to chain it with yet: recorded at the next sign-in, like a failed one.
        impl->keepAside("", "migrate-to-format-" + std::to_string(schema::kCurrentVersion));
    }
    impl->startLedger();
    filecheck::markInUse(impl->db);
    return RecordStore(std::move(impl));
}

RecordStore RecordStore::openLocation(const std::string& location) {
    return server::isServerLocation(location) ? openOnServer(location) : open(location);
}

RecordStore RecordStore::openOnServer(const std::string& connection) {
    crypto::initialise();
    auto impl = std::make_unique<Impl>(connection);
    schema::configure(impl->db);
    schema::refuseUnreadable(impl->db);
    impl->startLedger();
    return RecordStore(std::move(impl));
}

std::int64_t RecordStore::dataFormat() {
    return schema::kCurrentVersion;
}

const std::filesystem::path& RecordStore::path() const {
    return impl_->path;
}

bool RecordStore::isOnServer() const {
    return impl_->onServer();
}

std::optional<bool> RecordStore::reconnect() {
    return impl_->reconnect();
}

std::optional<bool> RecordStore::Impl::reconnect() {
    if (!onServer())
        return std::nullopt;
    db.reconnect();
    // The same session as before: its settings, the ledger's table, the lock that keeps
    // `server migrate` away (it may have run while this computer was away: checked again).
    schema::configure(db);
    schema::refuseUnreadable(db);
    ledger::captureChanges(db);
    holdServerInUse();
    if (!commitInDoubt)
        return std::nullopt;
    bool saved = wasCommitted(*commitInDoubt);
    commitInDoubt.reset();
    return saved;
}

bool RecordStore::Impl::wasCommitted(const LogHead& last) {
    db::Transaction writers(db);  // only waits its turn and reads: rolled back
    auto found = db.prepare("SELECT 1 FROM audit_events WHERE id = ? AND chain = ?");
    found.bind(1, last.event).bind(2, last.chain);
    return found.step();
}

void RecordStore::Impl::settleLostCommit() {
    // The transaction's last event and its chain value are unique to it: found, it committed.
    if (transactionLastEvent.event == 0) {
        throw ConnectionLost(
            text::tr("The connection to the server was lost while this was being saved, and it "
                     "may not have been saved. Look again when the server can be reached."));
    }
    commitInDoubt = transactionLastEvent;
    std::optional<bool> saved;
    try {
        saved = reconnect();
    } catch (const ConnectionLost&) {
        throw ConnectionLost(
            text::tr("The connection to the server was lost while this was being saved. "
                     "Whether it was saved will be known when the server can be reached again."));
    }
    if (!saved.value_or(false)) {
        throw StoreError(
            text::tr("The connection to the server was lost while this was being saved, and it "
                     "was not saved. Try again."));
    }
}

std::pair<crypto::SecretKey, std::string> RecordStore::Impl::keptSealing(
    const std::string& purpose) {
    return {crypto::deriveSubkey(key(), 4, "rtkept01"),
            "roundtable/kept/" + knownDatabaseId() + "/" + purpose};
}

std::vector<unsigned char> RecordStore::sealToKeep(const std::string& purpose,
                                                   const std::string& text) {
    auto [key, place] = impl_->keptSealing(purpose);
    return crypto::seal(key, text, place);
}

std::optional<std::string> RecordStore::openKept(const std::string& purpose,
                                                 const std::vector<unsigned char>& sealed) {
    auto [key, place] = impl_->keptSealing(purpose);
    return crypto::open(key, sealed, place);
}

std::optional<std::filesystem::path> RecordStore::migrationBackup() const {
    return impl_->migrationBackup;
}

void RecordStore::unlock(const std::string& login, const std::string& passphrase) {
    SignInThrottle throttle(impl_->db, login);
    if (auto wait = throttle.secondsToWait(); wait > 0) {
        throw StoreError(
            text::fill(text::trn("Too many sign-ins with this user name have failed. Wait {1} "
                                 "second, then try again.",
                                 "Too many sign-ins with this user name have failed. Wait {1} "
                                 "seconds, then try again.",
                                 static_cast<unsigned long>(wait)),
                       {std::to_string(wait)}));
    }
    auto stored = impl_->findUser(login);
    std::optional<crypto::SecretKey> key;
    std::optional<crypto::SecretKey> seed;
    if (stored) {
        key = crypto::unwrapWithPassphrase(stored->wrap, passphrase, userContext(stored->user.id),
                                           &seed);
    } else if (auto someone = impl_->firstUser()) {
        // An unknown name costs what a wrong passphrase costs, so timing cannot tell them apart.
        (void)crypto::unwrapWithPassphrase(someone->wrap, passphrase, "no such user");
    }
    auto keepAside = [&](const char* kind) {
        // No key to chain it with: kept aside and chained at the next sign-in. The name is kept
        // only when it is a user's: whatever else was typed (a passphrase?) is never stored.
        impl_->keepAside(stored ? login : std::string(), kind);
    };
    if (!key) {
        throttle.recordFailure();
        keepAside("failed-sign-in");
        throw StoreError(text::tr(kWrongSignIn));
    }
    throttle.forget();
    impl_->takeKey(std::move(*key));
    // The user's own row says who she is and what she may do: it must be as written, and as
    // an administrator certified it.
    bool authenticateExisting = impl_->rowsAwaitAuthentication();
    bool beginSignatures = impl_->signaturesAwaitBeginning();
    std::string refusal;
    if ((authenticateExisting || beginSignatures) && stored->user.role != Role::administrator) {
        refusal = text::tr(
            "This database was brought up to a new data format. An administrator must sign in "
            "once first, to authenticate the records it already holds; then everyone can.");
    } else if (!authenticateExisting) {
        if (auto damage = impl_->userRecordProblem(stored->user.id); !damage.empty()) {
            refusal = text::fill(text::tr("You cannot sign in: your user record was changed "
                                          "outside Roundtable. {1} Ask an administrator to check "
                                          "the database."),
                                 {damage});
        }
    }
    if (!refusal.empty()) {
        impl_->wipeKeys();
        keepAside("refused-sign-in");
        throw StoreError(refusal);
    }
    impl_->user = stored->user;
    impl_->kdf = stored->wrap.kdf;
    // A sign-in that cannot be recorded does not happen: stay locked if the write fails.
    impl_->commitOrRelock([&] {
        if (beginSignatures)
            impl_->beginSignedLog();
        if (!seed) {
            // A user of a database from before format 6 gets her signing key now (wrapped by
            // her passphrase, so this once it is derived twice). Only the administrator who
            // begins the signed log certifies her own; the others wait for an administrator.
            seed = crypto::SecretKey::random();
            impl_->storeUserKey(stored->user.id, passphrase, false, login, stored->user.role,
                                *seed);
        }
        impl_->signer.emplace(*seed);
        impl_->signerId = stored->user.id;
        if (beginSignatures) {
            impl_->certify(stored->user.id, login, stored->user.role, impl_->signer->publicKey());
        }
        if (stored->user.role == Role::administrator)
            impl_->certifyAwaitingKeys();
        impl_->chainPendingEvents();
        if (authenticateExisting) {
            auto tagged = impl_->logUnloggedRows();
            impl_->audit("authenticate-existing-records", "database", tagged);
        }
        impl_->audit("sign-in", "user", stored->user.id);
    });
}

void RecordStore::unlockWithRecoveryKey(const std::string& recoveryKey) {
    auto recovery = crypto::parseRecoveryKey(recoveryKey);
    auto query = impl_->db.prepare("SELECT wrapped_key FROM key_recovery WHERE id = 1");
    if (!recovery || !query.step())
        throw StoreError(text::tr("That recovery key is not right."));
    auto key = crypto::unwrapWithKey(query.blob(0), *recovery, kRecoveryContext);
    if (!key)
        throw StoreError(text::tr("That recovery key is not right."));
    impl_->takeKey(std::move(*key));
    impl_->user.reset();
    impl_->commitOrRelock([&] {
        impl_->signer.emplace(recoverySigner(*recovery));
        impl_->signerId = 0;
        // A database from before format 6 learns the recovery key's public key at its first use.
        impl_->db
            .prepare(
                "INSERT INTO service_state (key, value) "
                "VALUES ('recovery_public_key', ?) ON CONFLICT DO NOTHING")
            .bind(1, crypto::hexOf(impl_->signer->publicKey()))
            .run();
        impl_->chainPendingEvents();
        impl_->audit("recovery-key-unlock", "database", std::nullopt);
    });
}

void RecordStore::useClock(const Clock& clock) {
    impl_->clock = &clock;
}

const Clock& RecordStore::clock() const {
    return *impl_->clock;
}

void RecordStore::lock() {
    if (isUnlocked()) {
        try {
            db::Transaction transaction(impl_->db);
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
        throw StoreError(text::tr("Please give the new user a user name."));
    requirePassphrase(passphrase);
    if (impl_->findUser(login))
        throw StoreError(text::fill(text::tr("There is already a user called {1}."), {login}));
    db::Transaction transaction(impl_->db);
    auto id = impl_->nextId("users");
    auto seed = crypto::SecretKey::random();
    impl_->storeUserKey(id, passphrase, true, login, role, seed);
    impl_->certify(id, login, role, crypto::Signer(seed).publicKey());
    impl_->audit("add-user", "user", id);
    transaction.commit();
    return id;
}

void RecordStore::resetPassphrase(const std::string& login, const std::string& newPassphrase) {
    impl_->requireAdministrator();
    requirePassphrase(newPassphrase);
    auto stored = impl_->findUser(login);
    if (!stored)
        throw StoreError(text::fill(text::tr("There is no user called {1}."), {login}));
    // The old signing key is wrapped by the passphrase forgotten: the user gets a new one,
    // certified now.
    db::Transaction transaction(impl_->db);
    auto seed = crypto::SecretKey::random();
    impl_->storeUserKey(stored->user.id, newPassphrase, false, login, stored->user.role, seed);
    impl_->certify(stored->user.id, login, stored->user.role, crypto::Signer(seed).publicKey());
    impl_->audit("reset-passphrase", "user", stored->user.id);
    transaction.commit();
}

void RecordStore::changeOwnPassphrase(const std::string& oldPassphrase,
                                      const std::string& newPassphrase) {
    impl_->signedInUser();
    auto stored = impl_->findUser(impl_->user->login);
    std::optional<crypto::SecretKey> seed;
    if (!stored || !crypto::unwrapWithPassphrase(stored->wrap, oldPassphrase,
                                                 userContext(stored->user.id), &seed)) {
        throw StoreError(text::tr("The current passphrase is not right."));
    }
    requirePassphrase(newPassphrase);
    if (!seed)  // every user signed in has a signing key (unlock makes one)
        throw StoreError(text::tr("Your signing key is missing. Sign in again, then change it."));
    db::Transaction transaction(impl_->db);
    impl_->storeUserKey(stored->user.id, newPassphrase, false, stored->user.login,
                        stored->user.role, *seed);
    impl_->audit("change-passphrase", "user", stored->user.id);
    transaction.commit();
}

std::string RecordStore::passphraseProblem(const std::string& passphrase) {
    return crypto::passphraseProblem(passphrase);
}

std::vector<User> RecordStore::users() {
    impl_->key();
    std::vector<User> result;
    auto query = impl_->db.prepare("SELECT id, login, role FROM users ORDER BY id");
    while (query.step()) {
        User user{query.integer(0), query.text(1), roleFrom(query.text(2))};
        impl_->noteDamage(user.damage, "users", user.id);
        result.push_back(std::move(user));
    }
    return result;
}

BackupResult RecordStore::backupTo(const std::filesystem::path& destination) {
    impl_->signedInUser();
    if (impl_->onServer()) {
        throw StoreError(
            text::tr("A store on a server is backed up on the server, with "
                     "PostgreSQL's own tools (pg_dump). Nothing was written."));
    }
    auto record = [&](const std::string& kind, bool succeeded) {
        db::Transaction transaction(impl_->db);
        impl_->audit(kind, "database", std::nullopt);
        if (succeeded) {
            impl_->db
                .prepare(
                    "INSERT INTO service_state (key, value) VALUES ('last_backup_at', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                .bind(1, impl_->nowUtc())
                .run();
        }
        transaction.commit();
    };
    // Only the log changes, and only with the kind of failure: the message can hold a file
    // name, which may name a person.
    auto recordFailure = [&](const std::string& reason) {
        try {
            record("backup failed: " + reason, false);
        } catch (const StoreError&) {
            // The database's disk may be the full one: the person still needs the first error.
        }
    };
    BackupResult result;
    try {
        result = backupDatabase(impl_->path, destination);
    } catch (const BackupFailed& failed) {
        recordFailure(failed.reason());
        throw;
    } catch (const StoreError&) {
        recordFailure("error");
        throw;
    }
    // Counted as a backup only once the copy has verified.
    record("backup", true);
    return result;
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
    db::Transaction transaction(impl_->db);
    impl_->audit(kNames[static_cast<int>(access)], recordKind, recordId);
    transaction.commit();
}

std::string RecordStore::databaseId() {
    return impl_->knownDatabaseId();
}

LogHead RecordStore::logHead() {
    auto query =
        impl_->db.prepare("SELECT id, chain, at FROM audit_events ORDER BY id DESC LIMIT 1");
    if (!query.step())
        return {};
    return {query.integer(0), query.text(1), query.text(2)};
}

void RecordStore::listenForChanges() {
    impl_->db.engine().listenForWrites();
}

bool RecordStore::mayHaveChanged() {
    return impl_->db.engine().heardOfWrites();
}

std::string RecordStore::checkReaches(const LogHead& seen) {
    // "2026-12-01T05:49:29Z" as "2026-12-01 05:49 UTC": short enough for a notice bar.
    auto when = [](const std::string& at) {
        return at.size() >= 16 ? at.substr(0, 10) + " " + at.substr(11, 5) + " UTC" : at;
    };
    const auto seenEvent = std::to_string(seen.event);
    auto seenPoint = seen.at.empty()
                         ? text::fill(text::tr("a point seen earlier (event {1})"), {seenEvent})
                         : text::fill(text::tr("a point seen earlier at {1} (event {2})"),
                                      {when(seen.at), seenEvent});
    auto event = impl_->db.prepare("SELECT chain FROM audit_events WHERE id = ?");
    event.bind(1, seen.event);
    std::string problem;
    if (!event.step()) {
        auto head = logHead();
        // TRANSLATORS: {1} is a time, {2} an event's number, {3} "a point seen earlier ...".
        problem = text::fill(text::tr("this database's log ends at {1} (event {2}), before {3}"),
                             {when(head.at), std::to_string(head.event), seenPoint});
    } else if (event.text(0) != seen.chain) {
        problem =
            text::fill(text::tr("this database's log was written again after {1}"), {seenPoint});
    }
    if (problem.empty())
        return {};
    if (isUnlocked()) {
        db::Transaction transaction(impl_->db);
        impl_->audit("log-behind-seen-head", "database", seen.event);
        transaction.commit();
    } else {
        impl_->keepAside("", "log-behind-seen-head");
    }
    return text::fill(text::tr("Records may be missing: {1} (an older copy, or a cut log). Unless "
                               "a backup was restored on purpose, add nothing and ask an "
                               "administrator to verify it."),
                      {problem});
}

AuditCheck RecordStore::verifyAudit() {
    impl_->key();
    AuditCheck check;
    std::string previous;
    std::int64_t expectedId = 1;
    auto rows = impl_->db.prepare(
        "SELECT id, at, user_id, login, kind, record_kind, record_id, chain, row_key, row_tag "
        "FROM audit_events ORDER BY id");
    while (rows.step()) {
        auto id = rows.integer(0);
        auto optionalColumn = [&](int column) {
            return rows.isNull(column) ? std::nullopt
                                       : std::optional<std::int64_t>(rows.integer(column));
        };
        auto optionalText = [&](int column) {
            return rows.isNull(column) ? std::nullopt
                                       : std::optional<std::string>(rows.text(column));
        };
        auto expected = crypto::keyedHashHex(
            *impl_->auditKey,
            Impl::auditMessage(previous, id, rows.text(1), optionalColumn(2), rows.text(3),
                               rows.text(4), rows.text(5), optionalColumn(6), optionalText(8),
                               optionalText(9)));
        if (id != expectedId) {
            check.firstBrokenRow = expectedId;
            check.problem =
                text::fill(text::tr("row {1} is missing"), {std::to_string(expectedId)});
            return check;
        }
        if (expected != rows.text(7)) {
            check.firstBrokenRow = id;
            check.problem = text::fill(
                text::tr("row {1} was altered, or rows before it were removed or reordered"),
                {std::to_string(id)});
            return check;
        }
        previous = rows.text(7);
        ++expectedId;
        ++check.rowsChecked;
    }
    return check;
}

}  // namespace roundtable::records
