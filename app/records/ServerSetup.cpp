// Making a server's database a store, as the account that owns it, and the client account's
// privileges: what the server itself refuses however the client is modified.
#include "records/ServerSetup.h"

#include <regex>

#include "records/Postgres.h"
#include "records/Schema.h"
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
        {"audit_pending", "", true},        // events kept before sign-in, moved into the chain
        {"service_state", "value", false},  // when the last backup was taken
    };
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

}  // namespace

bool isServerLocation(std::string_view location) {
    if (location.starts_with("postgresql://") || location.starts_with("postgres://"))
        return true;
    static const std::regex kKeywordValue(R"(^\s*[A-Za-z_]+\s*=)");
    return std::regex_search(location.begin(), location.end(), kKeywordValue);
}

void install(const std::string& connection, const std::string& clientRole) {
    db::Connection owner(postgres::connect(connection));
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
    role.reset();
    auto existing = owner.prepare("SELECT 1 FROM pg_namespace WHERE nspname = ?");
    existing.bind(1, std::string(schema::kServerSchema));
    if (existing.step()) {
        throw StoreError(text::fill(
            text::tr("This database on the server already has a schema called {1}, so it was "
                     "not changed. A new store needs an empty database."),
            {schema::kServerSchema}));
    }
    existing.reset();
    const auto database = single(owner, "SELECT current_database()");
    db::Transaction transaction(owner);
    owner.execute(schema::serverScript());
    owner.execute(clientGrants(clientRole, database));
    transaction.commit();
}

std::string migrate(const std::string& connection) {
    db::Connection owner(postgres::connect(connection));
    schema::configure(owner);
    schema::refuseUnreadable(owner);
    // The server's first format is this build's: there is no older one to bring up yet.
    // A later format adds its step here, run in one transaction (a server's DDL is).
    return text::fill(
        text::tr("The store is already in data format {1}, this version's. Nothing was changed."),
        {single(owner, "SELECT version FROM schema_format")});
}

}  // namespace roundtable::records::server
