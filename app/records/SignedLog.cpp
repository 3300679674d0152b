// Who wrote what, proven (data format 6). Every write transaction's audit events are signed,
// as it commits, by the key of the person who wrote them (crypto_sign, her key wrapped by her
// passphrase): so someone who holds the data key and can write to the file still cannot add a
// record, raise her own role or rewrite the log in another person's name. Each user's public
// key, name and role are certified by an administrator's signature (the first administrator's
// by the recovery key's), so a key slipped into the file is not believed either. verify()
// checks it all; the keys every certificate leads back to (trustRoots) are remembered by each
// computer, so that replacing them is noticed too (practice/SeenLogHeads).
#include <algorithm>
#include <charconv>
#include <future>
#include <map>
#include <thread>
#include <utility>

#include "records/StoreImpl.h"
#include "text/Translate.h"

namespace roundtable::records {
namespace {

std::optional<std::string> stateValue(db::Connection& db, const char* key) {
    auto query = db.cached("SELECT value FROM service_state WHERE key = ?");
    query->bind(1, std::string(key));
    if (!query->step())
        return std::nullopt;
    return query->text(0);
}

/// The bytes of a hex text; empty when it is not hex (a value altered in the file), which no
/// signature then verifies against.
crypto::Bytes bytesFromHex(const std::string& hex) {
    crypto::Bytes bytes(hex.size() / 2);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        auto [end, error] =
            std::from_chars(hex.data() + 2 * i, hex.data() + 2 * i + 2, bytes[i], 16);
        if (error != std::errc() || end != hex.data() + 2 * i + 2)
            return {};
    }
    return hex.size() % 2 == 0 ? bytes : crypto::Bytes{};
}

/// What a certificate signs: the database, the user, her name, role and key, and who signed.
std::string certificateMessage(const std::string& databaseId, UserId user, const std::string& login,
                               const std::string& role, const crypto::Bytes& publicKey,
                               std::int64_t certifiedBy, const std::string& at) {
    return "roundtable certificate 1\n" + databaseId + "\n" + std::to_string(user) + "\n" + login +
           "\n" + role + "\n" + crypto::hexOf(publicKey) + "\n" + std::to_string(certifiedBy) +
           "\n" + at;
}

/// What a log signature signs: the events first..last of this database's signed log, through
/// the chain value of the last (which covers every event before it).
std::string logMessage(const std::string& databaseId, std::int64_t signedFrom, std::int64_t first,
                       std::int64_t last, const std::string& chain) {
    return "roundtable log 1\n" + databaseId + "\n" + std::to_string(signedFrom) + "\n" +
           std::to_string(first) + "\n" + std::to_string(last) + "\n" + chain;
}

/// "event 5" or "events 5 to 9": {1} of the sentences about the log's events below.
std::string events(std::int64_t first, std::int64_t last) {
    return first == last ? text::fill(text::tr("event {1}"), {std::to_string(first)})
                         : text::fill(text::tr("events {1} to {2}"),
                                      {std::to_string(first), std::to_string(last)});
}

constexpr const char* kSignedByNoOne =
    // TRANSLATORS: {1} is "event 5" or "events 5 to 9".
    text::trLater("The audit log's {1} are signed by no one: they were added outside Roundtable.");

}  // namespace

const std::string& RecordStore::Impl::knownDatabaseId() {
    if (databaseIdText.empty()) {
        auto id = stateValue(db, "database_id");
        if (!id)
            throw StoreError(text::tr("This database has no id; it is damaged."));
        databaseIdText = *id;
    }
    return databaseIdText;
}

std::optional<std::int64_t> RecordStore::Impl::readSignedLogFrom() {
    auto value = stateValue(db, "signed_log_from");
    if (!value)
        return std::nullopt;
    std::int64_t from = 0;
    auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), from);
    if (error != std::errc() || end != value->data() + value->size() || from < 1)
        throw StoreError(
            text::tr("This database's signed log was altered outside Roundtable (where it "
                     "begins is not a number). Ask an administrator to check the database."));
    return from;
}

bool RecordStore::Impl::signaturesAwaitBeginning() {
    return !signedLogFrom && stateValue(db, "signatures_to_begin").has_value();
}

void RecordStore::Impl::beginSignedLog() {
    auto next = db.cached("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_events");
    next->step();
    auto first = next->integer(0);
    db.prepare("INSERT INTO service_state (key, value) VALUES ('signed_log_from', ?)")
        .bind(1, std::to_string(first))
        .run();
    signedLogFrom = first;
}

void RecordStore::Impl::signTransaction() {
    if (!transactionFirstEvent)
        return;
    auto first = *std::exchange(transactionFirstEvent, std::nullopt);
    // Before an administrator begins the signed log of a migrated database nothing is signed
    // (verify says the database awaits her); after, everyone who can write has a signer.
    if (!signedLogFrom || !signer)
        return;
    auto lastEvent = transactionLastEvent.event;
    auto signature = signer->sign(logMessage(knownDatabaseId(), *signedLogFrom, first, lastEvent,
                                             transactionLastEvent.chain));
    db.cached(
          // The id in the same statement: this runs in every write transaction.
          "INSERT INTO log_signatures (last_event, first_event, signer, signature, id) "
          "VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(id), 0) + 1 FROM log_signatures))")
        ->bind(1, lastEvent)
        .bind(2, first)
        .bind(3, signerId)
        .bindBlob(4, signature)
        .run();
}

void RecordStore::Impl::certify(UserId id, const std::string& login, Role role,
                                const crypto::Bytes& publicKey) {
    if (!signer)
        key();  // throws "locked"
    auto at = nowUtc();
    std::string roleText = toText(role);
    auto signature = signer->sign(
        certificateMessage(knownDatabaseId(), id, login, roleText, publicKey, signerId, at));
    db.prepare(
          "INSERT INTO user_certificates (user_id, login, role, public_key, certified_by, "
          "certified_at, signature, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, login)
        .bind(3, roleText)
        .bindBlob(4, publicKey)
        .bind(5, signerId)
        .bind(6, at)
        .bindBlob(7, signature)
        .bind(8, nextId("user_certificates"))
        .run();
    // The log says whom each certificate was for: a user whose certificate disappears is not
    // certified again as if she never had one (certifyAwaitingKeys).
    audit("certify-key", "user", id);
}

void RecordStore::Impl::certifyAwaitingKeys() {
    // Never certified, by the log: not merely without a certificate in the file now.
    auto awaiting = db.prepare(
        "SELECT u.id, u.login, u.role, k.public_key FROM users u "
        "JOIN signing_keys k ON k.user_id = u.id WHERE NOT EXISTS (SELECT 1 FROM audit_events e "
        "WHERE e.kind = 'certify-key' AND e.record_kind = 'user' AND e.record_id = u.id) "
        "ORDER BY u.id");
    std::vector<std::tuple<UserId, std::string, Role, crypto::Bytes>> keys;
    while (awaiting.step()) {
        // A key changed in the file since she made it is not certified.
        if (damageOf("signing_keys", awaiting.integer(0)).empty()) {
            keys.emplace_back(awaiting.integer(0), awaiting.text(1), roleFrom(awaiting.text(2)),
                              awaiting.blob(3));
        }
    }
    for (const auto& [id, login, role, publicKey] : keys)
        certify(id, login, role, publicKey);
}

std::string RecordStore::Impl::userRecordProblem(UserId id) {
    for (const char* table : {"users", "signing_keys"}) {
        if (auto damage = damageOf(table, id); !damage.empty())
            return damage;
    }
    auto query = db.prepare(
        "SELECT c.id, c.login = u.login AND c.role = u.role AND "
        "COALESCE(c.public_key = k.public_key, c.public_key IS NULL AND k.public_key IS NULL) "
        "FROM users u LEFT JOIN signing_keys k ON k.user_id = u.id "
        "JOIN user_certificates c ON c.user_id = u.id WHERE u.id = ? ORDER BY c.id DESC LIMIT 1");
    query.bind(1, id);
    if (!query.step())
        return {};  // not certified yet (a database from before format 6)
    if (auto damage = damageOf("user_certificates", query.integer(0)); !damage.empty())
        return damage;
    if (query.integer(1) != 1)
        return text::tr("Your name, role or signing key is not what an administrator certified.");
    return {};
}

std::vector<std::string> RecordStore::Impl::trustRoots() {
    std::vector<std::string> roots;
    if (auto recovery = stateValue(db, "recovery_public_key"))
        roots.push_back(*recovery);
    auto selfCertified = db.prepare(
        "SELECT public_key FROM user_certificates WHERE certified_by = user_id ORDER BY id");
    while (selfCertified.step())
        roots.push_back(crypto::hexOf(selfCertified.blob(0)));
    return roots;
}

void RecordStore::Impl::checkSignatures(VerifyReport& report) {
    if (!signedLogFrom) {
        if (signaturesAwaitBeginning()) {
            report.notYetAuthenticated = true;
        } else {
            report.forgeries.push_back(
                text::tr("The start of the signed audit log was removed from the file outside "
                         "Roundtable: nothing it signed can be checked."));
        }
        return;
    }
    auto databaseId = knownDatabaseId();
    auto& forgeries = report.forgeries;

    // Certificates, oldest first: each must be signed by the recovery key, by a user certified
    // as an administrator before it, or (only the first, in a migrated database: its signed
    // log begins after event 1) by its own key.
    std::map<std::int64_t, std::vector<crypto::Bytes>> keysOf;  // every certified key of a user
    std::map<std::int64_t, std::string> roleOf;                 // as the newest certificate says
    std::vector<crypto::Bytes> recoveryKey;
    if (auto recovery = stateValue(db, "recovery_public_key"))
        recoveryKey.push_back(bytesFromHex(*recovery));
    auto certificates = db.prepare(
        "SELECT id, user_id, login, role, public_key, certified_by, certified_at, signature "
        "FROM user_certificates ORDER BY id");
    bool first = true;
    while (certificates.step()) {
        auto user = certificates.integer(1);
        auto certifiedBy = certificates.integer(5);
        auto publicKey = certificates.blob(4);
        const std::vector<crypto::Bytes>* signers = nullptr;
        std::vector<crypto::Bytes> own{publicKey};
        if (certifiedBy == 0)
            signers = &recoveryKey;
        else if (certifiedBy == user && first && *signedLogFrom > 1)
            signers = &own;
        else if (roleOf[certifiedBy] == toText(Role::administrator))
            signers = &keysOf[certifiedBy];
        auto message =
            certificateMessage(databaseId, user, certificates.text(2), certificates.text(3),
                               publicKey, certifiedBy, certificates.text(6));
        bool valid = signers && std::any_of(signers->begin(), signers->end(), [&](auto& key) {
                         return crypto::signatureIsValid(key, message, certificates.blob(7));
                     });
        first = false;
        if (!valid) {
            forgeries.push_back(text::fill(
                // TRANSLATORS: {1} is a user name; {2} the certificate's row in the database.
                text::tr("The certificate of {1}'s key and role (user_certificates {2}) is not "
                         "signed by an administrator: it was forged."),
                {certificates.text(2), std::to_string(certificates.integer(0))}));
            continue;
        }
        keysOf[user].push_back(publicKey);
        roleOf[user] = certificates.text(3);
    }

    // Each user as the file has her: her role and key must be the ones last certified.
    std::map<std::int64_t, crypto::Bytes> uncertifiedKeys;
    auto users = db.prepare(
        "SELECT u.id, u.login, u.role, k.public_key, (SELECT public_key FROM user_certificates "
        "c WHERE c.user_id = u.id ORDER BY c.id DESC LIMIT 1), (SELECT login FROM "
        "user_certificates c WHERE c.user_id = u.id ORDER BY c.id DESC LIMIT 1) "
        "FROM users u LEFT JOIN signing_keys k ON k.user_id = u.id ORDER BY u.id");
    while (users.step()) {
        auto id = users.integer(0);
        auto login = users.text(1);
        if (users.isNull(4)) {
            if (!users.isNull(3)) {
                report.awaitingCertification.push_back(login);
                uncertifiedKeys[id] = users.blob(3);
            }
            continue;
        }
        if (roleOf[id] != users.text(2) || users.text(5) != login || users.isNull(3) ||
            users.blob(3) != users.blob(4)) {
            forgeries.push_back(
                // TRANSLATORS: {1} is a user name; {2} the user's row in the database.
                text::fill(text::tr("The user {1} (users {2}) does not have the name, role or "
                                    "key an administrator certified: it was changed outside "
                                    "Roundtable."),
                           {login, std::to_string(id)}));
        }
    }

    // The log: from where signing began, every event in exactly one signed range, signed by
    // a certified key of the user the range's events name.
    auto nameOf = [&](std::int64_t signer) {
        if (signer == 0)
            return std::string(text::tr("the recovery key"));
        auto query = db.cached("SELECT login FROM users WHERE id = ?");
        query->bind(1, signer);
        return query->step() ? query->text(0)
                             : text::fill(text::tr("user {1}"), {std::to_string(signer)});
    };
    auto expected = *signedLogFrom;
    struct Signed {
        std::int64_t first, last, signer;
        std::string message;
        crypto::Bytes signature;
        bool namesSomeoneElse;
    };
    std::vector<Signed> signedRanges;
    auto signatures = db.prepare(
        "SELECT s.last_event, s.first_event, s.signer, s.signature, e.chain, "
        "(SELECT COUNT(*) FROM audit_events o WHERE o.id BETWEEN s.first_event AND s.last_event "
        " AND COALESCE(o.user_id, 0) <> s.signer) "
        "FROM log_signatures s LEFT JOIN audit_events e ON e.id = s.last_event ORDER BY s.id");
    while (signatures.step()) {
        auto last = signatures.integer(0);
        auto firstEvent = signatures.integer(1);
        if (firstEvent > expected) {
            forgeries.push_back(
                text::fill(text::tr(kSignedByNoOne), {events(expected, firstEvent - 1)}));
        } else if (firstEvent < expected) {
            forgeries.push_back(
                // TRANSLATORS: {1} is "event 5" or "events 5 to 9".
                text::fill(text::tr("The audit log's {1} are signed twice over: a signature was "
                                    "added outside Roundtable."),
                           {events(firstEvent, last)}));
        }
        expected = std::max(expected, last + 1);
        signedRanges.push_back(
            {firstEvent, last, signatures.integer(2),
             logMessage(databaseId, *signedLogFrom, firstEvent, last,
                        signatures.isNull(4) ? std::string() : signatures.text(4)),
             signatures.blob(3), signatures.integer(5) != 0});
    }
    report.signaturesChecked = static_cast<std::int64_t>(signedRanges.size());
    // The keys each signer may have signed with (the uncertified ones are reported above).
    auto keysFor = [&](std::int64_t signer) {
        std::vector<crypto::Bytes> keys = signer == 0 ? recoveryKey : keysOf[signer];
        if (auto uncertified = uncertifiedKeys.find(signer); uncertified != uncertifiedKeys.end())
            keys.push_back(uncertified->second);
        return keys;
    };
    std::map<std::int64_t, std::vector<crypto::Bytes>> signerKeys;
    for (const auto& range : signedRanges) {
        if (!signerKeys.contains(range.signer))
            signerKeys[range.signer] = keysFor(range.signer);
    }
    // Checking a signature is most of verify's time on a service of years (one per write), and
    // each stands alone: they are checked on every core.
    std::vector<char> valid(signedRanges.size(), 0);
    auto checkPart = [&](std::size_t part, std::size_t parts) {
        for (std::size_t i = part; i < signedRanges.size(); i += parts) {
            const auto& range = signedRanges[i];
            const auto& keys = signerKeys.at(range.signer);
            valid[i] = std::any_of(keys.begin(), keys.end(), [&](const auto& key) {
                return crypto::signatureIsValid(key, range.message, range.signature);
            });
        }
    };
    std::size_t parts = std::max(1U, std::thread::hardware_concurrency());
    std::vector<std::future<void>> running;
    for (std::size_t part = 1; part < parts; ++part)
        running.push_back(std::async(std::launch::async, checkPart, part, parts));
    checkPart(0, parts);
    for (auto& part : running)
        part.get();
    for (std::size_t i = 0; i < signedRanges.size(); ++i) {
        const auto& range = signedRanges[i];
        if (!valid[i]) {
            forgeries.push_back(
                // TRANSLATORS: {1} is "event 5" or "events 5 to 9"; {2} a user name.
                text::fill(text::tr("The audit log's {1} are not signed by the key of {2}: they "
                                    "were written or rewritten by someone else."),
                           {events(range.first, range.last), nameOf(range.signer)}));
        } else if (range.namesSomeoneElse) {
            forgeries.push_back(
                // TRANSLATORS: {1} is "event 5" or "events 5 to 9"; {2} a user name.
                text::fill(text::tr("The audit log's {1} name someone other than {2}, who signed "
                                    "them: they were written in another's name."),
                           {events(range.first, range.last), nameOf(range.signer)}));
        }
    }
    auto lastEvent = db.prepare("SELECT COALESCE(MAX(id), 0) FROM audit_events");
    lastEvent.step();
    if (lastEvent.integer(0) >= expected) {
        forgeries.push_back(
            text::fill(text::tr(kSignedByNoOne), {events(expected, lastEvent.integer(0))}));
    }

    // Each record that names who wrote it: the signed log must show that person writing it.
    for (const auto& table : ledger::tables()) {
        if (!table.writerColumn)
            continue;
        auto rows = db.prepare(std::string("SELECT ") + ledger::keySql(table, "t") + ", t." +
                               table.writerColumn +
                               ", (SELECT user_id FROM audit_events WHERE record_kind = '" +
                               table.name + "' AND row_key = " + ledger::keySql(table, "t") +
                               " AND id >= ? ORDER BY id DESC LIMIT 1) FROM " + table.name + " t");
        rows.bind(1, *signedLogFrom);
        while (rows.step()) {
            if (rows.isNull(2) || rows.isNull(1) || rows.integer(1) == rows.integer(2))
                continue;  // written before the signed log began, or by whom it says
            forgeries.push_back(text::fill(
                // TRANSLATORS: {1} is a kind of record ("progress note"); {2} and {3} its table and
                // row as the database names them ("progress_notes 12"); {4} and {5} user names.
                text::tr("The {1} ({2} {3}) says {4} wrote it, but the signed log shows {5} "
                         "writing it."),
                {text::tr(table.what), table.name, rows.text(0), nameOf(rows.integer(1)),
                 nameOf(rows.integer(2))}));
        }
    }
}

void RecordStore::writeForTests(const std::string& sql) {
    impl_->signedInUser();
    db::Transaction transaction(impl_->db);
    impl_->db.execute(sql);
    transaction.commit();
}

void RecordStore::rechainLogForTests() {
    impl_->key();
    struct Row {
        std::string at, login, kind, recordKind;
        std::optional<std::int64_t> userId, recordId;
        std::optional<std::string> rowKey, rowTag;
    };
    std::vector<Row> rows;
    auto read = impl_->db.prepare(
        "SELECT at, user_id, login, kind, record_kind, record_id, row_key, row_tag "
        "FROM audit_events ORDER BY id");
    auto integer = [&](int column) {
        return read.isNull(column) ? std::nullopt
                                   : std::optional<std::int64_t>(read.integer(column));
    };
    auto text = [&](int column) {
        return read.isNull(column) ? std::nullopt : std::optional<std::string>(read.text(column));
    };
    while (read.step()) {
        rows.push_back({read.text(0), read.text(2), read.text(3), read.text(4), integer(1),
                        integer(5), text(6), text(7)});
    }
    db::Transaction transaction(impl_->db);
    impl_->db.execute("DELETE FROM audit_events");
    std::string previous;
    std::int64_t id = 0;
    for (const auto& row : rows) {
        ++id;
        previous = crypto::keyedHashHex(
            *impl_->auditKey,
            Impl::auditMessage(previous, id, row.at, row.userId, row.login, row.kind,
                               row.recordKind, row.recordId, row.rowKey, row.rowTag));
        auto insert = impl_->db.prepare(
            "INSERT INTO audit_events (id, at, user_id, login, kind, record_kind, record_id, "
            "chain, row_key, row_tag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, id).bind(2, row.at).bind(3, row.userId).bind(4, row.login);
        insert.bind(5, row.kind).bind(6, row.recordKind).bind(7, row.recordId).bind(8, previous);
        if (row.rowKey)
            insert.bind(9, *row.rowKey);
        if (row.rowTag)
            insert.bind(10, *row.rowTag);
        insert.run();
    }
    transaction.commit();
}

std::vector<std::string> RecordStore::trustRoots() {
    return impl_->trustRoots();
}

}  // namespace roundtable::records
