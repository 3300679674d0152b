// What the account that owns a store on a PostgreSQL server does to its database (issue 15,
// docs/server-store.md section c): makes it a store, letting the account the app connects
// with (the client account) write records and read them but not rewrite them; and brings it
// to this build's format. Every other command, and the app, connects as the client account.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace roundtable::records::server {

/// True when `location` (what --db names) is a store on a server rather than a file: a
/// "postgresql://" or "postgres://" URI, or libpq's "keyword=value" form ("service=clinic").
/// A file whose name has "=" before any "/" is named with "./" in front.
[[nodiscard]] bool isServerLocation(std::string_view location);

/// Makes the empty database that `connection` reaches a store of this build's format, owned by
/// the account it connects as, with no records yet (RecordStore::createOnServer adds its first
/// administrator). `clientRole`, an existing account other than the owner, may then read every
/// table and insert rows, and may change or delete only what the app changes (a draft note, a
/// draft's ratings, jottings taken into a note, a member's leaving, a session's outcome, key
/// wraps, sign-in throttling): never a signed note, an attendance mark or the audit log. All
/// or nothing; throws StoreError (the account missing, a store already there) changing nothing.
void install(const std::string& connection, const std::string& clientRole);

/// What importFile or exportFile copied and found.
struct ImportedFile {
    std::int64_t rows = 0;            ///< copied, in every table
    std::int64_t recordsChecked = 0;  ///< on the server, by verify, as in the file
    std::int64_t logEvents = 0;
};

/// Moves a service from its database file to a server: makes the empty database a store for
/// `clientRole` (as install) holding every row of the file as it is (ids, ciphertext, the log
/// and its tags), in one transaction, then signs in to the server's copy as `login` (an
/// administrator of the file) and verifies every record there. The file is never written: it
/// is read from a copy taken under the file's lock (so no computer may have it open), and the
/// copy, brought up to this build's format if it is older, is verified first. Throws StoreError
/// (changing nothing on the server) for a damaged or foreign file, records that do not verify,
/// a wrong passphrase, or a database that is not empty.
ImportedFile importFile(const std::filesystem::path& file, const std::string& connection,
                        const std::string& clientRole, const std::string& login,
                        const std::string& passphrase);

/// A verified database file of the store on the server: the backup format of a server store,
/// and the way back to one computer. Every row of one snapshot of the server is written to a
/// new file (`file` must not exist), which is then opened and verified as `login` (an
/// administrator) signs in to it, before it takes its name. Reading needs only the client
/// account. Throws StoreError, leaving no file, when anything fails or does not verify.
ImportedFile exportFile(const std::string& connection, const std::filesystem::path& file,
                        const std::string& login, const std::string& passphrase);

/// Brings the store that `connection` reaches (as its owner) to this build's format, and says
/// what it did. Refuses a database that holds no store, or a newer format, changing nothing.
[[nodiscard]] std::string migrate(const std::string& connection);

}  // namespace roundtable::records::server
