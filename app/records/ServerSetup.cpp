// Making a server's database a store, as the account that owns it, and the client account's
// privileges: what the server itself refuses however the client is modified.
#include "records/ServerSetup.h"

#include <unistd.h>

#include <optional>
#include <regex>

#include "records/DatabaseLock.h"
#include "records/Postgres.h"
#include "records/PrivateFile.h"
#include "records/RecordStore.h"
#include "records/Schema.h"
#include "records/Sqlite.h"
#include "records/Types.h"
#include "text/Translate.h"

namespace roundtable::records::server {
namespace {

/// `name` as a quoted SQL identifier, so that any account name is taken as it is.
std::string quotedName(const std::string& name) {
    return '"' + std::regex_replace(name, std::regex("\""), "\"\"") + '"';
}

/// What the client account may do. Reading and inserting everywhere (but the format table);
/// changing or deleting only the rows the app's own statements change, column by column, so
/// that an UPDATE of anything else, or a DELETE of a clinical record or of the audit log, is
/// refused by the server with "permission denied". The schema's triggers refuse the rest (an
/// UPDATE of a signed note, of a leaving already recorded), for the owner too.
std::string clientGrants(const std::string& role, const std::string& database) {
    const auto to = " TO " + quotedName(role) + ";\n";
    std::string sql = "GRANT CONNECT, TEMPORARY ON DATABASE " + quotedName(database) + to;
    sql += std::string("GRANT USAGE ON SCHEMA ") + schema::kServerSchema + to;
    sql +=
        std::string("GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ") + schema::kServerSchema + to;
    sql += "REVOKE INSERT ON schema_format FROM " + quotedName(role) + ";\n";
    struct Change {
        const char* table;
        const char* columns;  ///< UPDATE of these; "" for none
        bool remove;          ///< DELETE
    };
    // Each line is a statement in app/records (NoteRecords, GroupRecords, SessionRecords,
    // StoreImpl.h, RecordStore.cpp); the suites run as this account on the server, so a
    // statement without its grant fails there.
    static constexpr Change kChanges[] = {
        {"progress_notes",
         "text, author, updated_at, participation, concern_raised, state, signed_at, late_entry",
         false},                     // a draft saved, then signed
        {"note_ratings", "", true},  // a draft's ratings written again
        {"jottings", "", true},      // taken into a note (logged as removed)
        {"memberships", "left_on, leaving_reason", false},
        {"sessions", "status, not_held_reason", false},
        {"users", "kdf_salt, kdf_ops, kdf_mem, wrapped_key", false},  // a new passphrase
        {"signing_keys", "public_key, wrapped_seed", false},
        {"sign_in_failures", "failures, last_failed_at", true},  // throttling, before sign-in
        {"audit_pending", "", true},  // events kept before sign-in, moved into the chain
    };
    // Nothing in service_state: the one value the app changes there is a file's last backup
    // (a server is backed up on the server), and it holds the recovery key's public key, which
    // every certificate leads back to.
    for (const auto& change : kChanges) {
        if (*change.columns)
            sql += std::string("GRANT UPDATE (") + change.columns + ") ON " + change.table + to;
        if (change.remove)
            sql += std::string("GRANT DELETE ON ") + change.table + to;
    }
    return sql;
}

std::string single(db::Connection& connection, const std::string& sql) {
    auto query = connection.prepare(sql);
    return query.step() ? query.text(0) : std::string();
}

/// Refuses what install refuses, changing nothing: a client account that is missing or is the
/// owner's own, and a database that already has a schema of the store's name.
void refuseToInstall(db::Connection& owner, const std::string& clientRole) {
    auto role = owner.prepare("SELECT rolname = current_user FROM pg_roles WHERE rolname = ?");
    role.bind(1, clientRole);
    if (!role.step()) {
        throw StoreError(text::fill(
            text::tr("The server has no account called {1}. Its administrator makes it first "
                     "(createuser {1}); then run this again. Nothing was changed."),
            {clientRole}));
    }
    if (role.integer(0) == 1) {
        throw StoreError(text::fill(
            text::tr("{1} is the account setting up the store. The computers need an account "
                     "of their own, so that the server can refuse them what only the owner may "
                     "do. Nothing was changed."),
            {clientRole}));
    }
    auto existing = owner.prepare("SELECT 1 FROM pg_namespace WHERE nspname = ?");
    existing.bind(1, std::string(schema::kServerSchema));
    if (existing.step()) {
        throw StoreError(text::fill(
            text::tr("This database on the server already has a schema called {1}, so it was "
                     "not changed. A new store needs an empty database."),
            {schema::kServerSchema}));
    }
}

/// The store's schema and the client account's privileges, in the caller's transaction.
void installSchema(db::Connection& owner, const std::string& clientRole) {
    const auto database = single(owner, "SELECT current_database()");
    owner.execute(schema::serverScript());
    owner.execute(clientGrants(clientRole, database));
}

/// Every row of every table of `source` into `target`, a store of the same format made just
/// now, whose own first rows give way to the source's. The schema's refusing triggers must be
/// off (they would refuse some of these rows: a rating of a note already signed); references
/// are still checked, so tables go in the order they refer to each other. Returns how many.
std::int64_t copyRows(db::Connection& source, db::Connection& target) {
    std::int64_t copied = 0;
    for (const auto& table : schema::tablesReferredFirst()) {
        target.execute("DELETE FROM " + table);
        // In the first column's order (an id, or the first part of a key): a row referring to
        // another of its table comes after it.
        auto rows = source.prepare("SELECT * FROM " + table + " ORDER BY 1");
        std::optional<db::Statement> insert;
        while (rows.step()) {
            if (!insert) {
                std::string columns, values;
                for (int c = 0; c < rows.columnCount(); ++c) {
                    columns.append(c ? ", " : "").append(rows.columnName(c));
                    values.append(c ? ", ?" : "?");
                }
                insert.emplace(target.prepare("INSERT INTO " + table + " (" + columns +
                                              ") VALUES (" + values + ")"));
            }
            for (int c = 0; c < rows.columnCount(); ++c) {
                switch (rows.type(c)) {
                    case db::ValueType::integer:
                        insert->bind(c + 1, rows.integer(c));
                        break;
                    case db::ValueType::text:
                        insert->bind(c + 1, rows.text(c));
                        break;
                    case db::ValueType::blob:
                        insert->bindBlob(c + 1, rows.blob(c));
                        break;
                    default:
                        insert->bindNull(c + 1);
                        break;
                }
            }
            insert->run();
            insert->reset();
            ++copied;
        }
    }
    return copied;
}

/// Turns the store's refusing triggers off or on, on a server, for the whole of a copy.
void serverTriggers(db::Connection& owner, const char* state) {
    for (const auto& table : schema::tablesReferredFirst())
        owner.execute("ALTER TABLE " + table + " " + state + " TRIGGER USER");
}

/// Verifies every record of `store` (signed in); throws StoreError(`whenNot`, marked with
/// trLater) unless each is as it was recorded.
VerifyReport verified(RecordStore& store, const char* whenNot) {
    auto report = store.verify();
    if (!report.intact())
        throw StoreError(text::tr(whenNot));
    return report;
}

/// A folder only this user can enter, removed with what is in it.
struct PrivateFolder {
    std::filesystem::path path;
    PrivateFolder()
        : path(std::filesystem::temp_directory_path() /
               ("roundtable-import-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directory(path);
        std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    }
    ~PrivateFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

/// A copy of the database file (and its write-ahead log, if any) in `folder`, taken while the
/// file is locked against every store: nobody has it open, and nobody opens it meanwhile.
std::filesystem::path copyUnderLock(const std::filesystem::path& file,
                                    const std::filesystem::path& folder) {
    DatabaseLock lock(file, DatabaseLock::Mode::exclusive);
    const auto copy = folder / file.filename();
    std::filesystem::copy_file(file, copy);
    auto log = std::filesystem::path(file.string() + "-wal");
    if (std::filesystem::exists(log))
        std::filesystem::copy_file(log, copy.string() + "-wal");
    return copy;
}

}  // namespace

bool isServerLocation(std::string_view location) {
    if (location.starts_with("postgresql://") || location.starts_with("postgres://"))
        return true;
    static const std::regex kKeywordValue(R"(^\s*[A-Za-z_]+\s*=)");
    return std::regex_search(location.begin(), location.end(), kKeywordValue);
}

void install(const std::string& connection, const std::string& clientRole) {
    db::Connection owner(postgres::connect(connection));
    refuseToInstall(owner, clientRole);
    db::Transaction transaction(owner);
    installSchema(owner, clientRole);
    transaction.commit();
}

ImportedFile importFile(const std::filesystem::path& file, const std::string& connection,
                        const std::string& clientRole, const std::string& login,
                        const std::string& passphrase) {
    if (!std::filesystem::is_regular_file(file)) {
        throw StoreError(text::fill(text::tr("The database {1} does not exist."), {file.string()}));
    }
    {
        // Refused before the file is read: a server that will not take it.
        db::Connection owner(postgres::connect(connection));
        refuseToInstall(owner, clientRole);
    }
    PrivateFolder folder;
    const auto copy = copyUnderLock(file, folder.path);
    std::int64_t recordsInFile = 0;
    {
        auto store = RecordStore::open(copy);  // an older format brought up to date, in the copy
        store.unlock(login, passphrase);
        store.sealLeavingReasonsForServer();
        recordsInFile =
            verified(store, text::trLater("Not every record in the file is as it was "
                                          "recorded (roundtable-cli verify names them), so "
                                          "nothing was copied to the server."))
                .recordsChecked;
    }
    ImportedFile imported;
    {
        db::Connection owner(postgres::connect(connection));
        refuseToInstall(owner, clientRole);
        db::Connection source(sqlite::openFileToRead(copy));
        db::Transaction reading(source, db::Transaction::Kind::read);
        db::Transaction writing(owner);
        installSchema(owner, clientRole);
        serverTriggers(owner, "DISABLE");
        imported.rows = copyRows(source, owner);
        serverTriggers(owner, "ENABLE");
        writing.commit();
    }
    auto store = RecordStore::openOnServer(connection);
    store.unlock(login, passphrase);
    auto report = store.verify();
    imported.recordsChecked = report.recordsChecked;
    imported.logEvents = report.log.rowsChecked;
    if (!report.intact() || report.recordsChecked != recordsInFile) {
        throw StoreError(text::fill(
            text::tr("The records were copied to the server, but its copy does not verify as "
                     "the file does ({1} records checked of {2}). Do not use it: empty the "
                     "database (as its owner: DROP SCHEMA roundtable CASCADE) and report this."),
            {std::to_string(report.recordsChecked), std::to_string(recordsInFile)}));
    }
    return imported;
}

ImportedFile exportFile(const std::string& connection, const std::filesystem::path& file,
                        const std::string& login, const std::string& passphrase) {
    if (std::filesystem::exists(file)) {
        throw StoreError(text::fill(
            text::tr("A file called {1} already exists; a new database needs a new file name."),
            {file.string()}));
    }
    schema::refuseNetworkShare(file);
    // The server's records are checked first: a copy of damaged records is no backup.
    auto store = RecordStore::openOnServer(connection);
    store.unlock(login, passphrase);
    (void)verified(store,
                   text::trLater("Not every record on the server is as it was recorded "
                                 "(roundtable-cli verify names them), so no file was made."));
    ImportedFile exported;
    PrivateFolder folder;
    const auto part = folder.path / file.filename();
    {
        db::Connection server(postgres::connect(connection));
        schema::configure(server);
        schema::refuseUnreadable(server);
        db::Connection target(sqlite::openFile(part, true));
        schema::configure(target);
        db::Transaction writing(target);
        schema::createFresh(target);
        // The triggers go while the rows go in, and come back exactly as the schema made them.
        std::vector<std::pair<std::string, std::string>> triggers;
        auto listed = target.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'");
        while (listed.step())
            triggers.emplace_back(listed.text(0), listed.text(1));
        listed.reset();
        for (const auto& [name, sql] : triggers)
            target.execute("DROP TRIGGER " + name);
        db::Transaction reading(server, db::Transaction::Kind::read);
        exported.rows = copyRows(server, target);
        for (const auto& [name, sql] : triggers)
            target.execute(sql);
        writing.commit();
    }
    {
        auto copy = RecordStore::open(part);
        copy.unlock(login, passphrase);
        auto report =
            verified(copy, text::trLater("The file made from the server does not verify, so it "
                                         "was not kept. Report this."));
        exported.recordsChecked = report.recordsChecked;
        exported.logEvents = report.log.rowsChecked;
    }  // closed, its log folded into it, before it is copied
    // Put in place only when whole and verified (copied: the private folder may be on another
    // disk than `file`).
    copyPrivateFile(part, file);
    return exported;
}

std::string migrate(const std::string& connection) {
    db::Connection owner(postgres::connect(connection));
    schema::configure(owner);
    schema::refuseUnreadable(owner);
    auto alone = owner.prepare("SELECT pg_try_advisory_lock(?)");
    alone.bind(1, schema::kServerInUseLock);
    if (!alone.step() || alone.integer(0) != 1) {
        throw StoreError(
            text::tr("The store is open on a computer. Close Roundtable on every "
                     "computer using it, then run this again. Nothing was changed."));
    }
    alone.reset();
    // The server's first format is this build's: there is no older one to bring up yet.
    // A later format adds its step here, run in one transaction (a server's DDL is).
    return text::fill(
        text::tr("The store is already in data format {1}, this version's. Nothing was changed."),
        {single(owner, "SELECT version FROM schema_format")});
}

}  // namespace roundtable::records::server
