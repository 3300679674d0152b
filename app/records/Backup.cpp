// Online backup with verification. The copy and the source's hash come from the same read
// transaction, so a write that lands during the backup is in neither or in both.
#include "records/Backup.h"

#include <sodium.h>

#include <optional>

#include "records/FileCheck.h"
#include "records/RowLedger.h"
#include "records/Sqlite.h"
#include "records/Types.h"
#include "text/Translate.h"

namespace roundtable::records {
namespace {

/// BLAKE2b over every table (by name) and every row (by rowid), with typed values.
std::string contentHash(db::Connection& db) {
    crypto::Hasher hasher;
    auto tables = db.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name");
    std::vector<std::string> names;
    while (tables.step())
        names.push_back(tables.text(0));
    for (const auto& name : names) {
        hasher.update(name.data(), name.size() + 1);
        // Whether the file is open is not content: a copy of an open database goes without it.
        auto rows = db.prepare("SELECT * FROM \"" + name + "\"" +
                               (name == "service_state" ? std::string(" WHERE key IS NOT '") +
                                                              filecheck::kInUseKey + "'"
                                                        : std::string()) +
                               " ORDER BY rowid");
        while (rows.step())
            ledger::hashRow(hasher, rows, rows.columnCount(), false);
    }
    return hasher.hex();
}

/// Reading only: a backup, a restore or a hash never changes the file it reads.
std::unique_ptr<db::Connection> openExisting(const std::filesystem::path& path) {
    return filecheck::openForReading(path);
}

std::string integrity(db::Connection& db) {
    return sqlite::pragmaText(db, "integrity_check");
}

}  // namespace

std::string databaseContentHash(const std::filesystem::path& path) {
    auto db = openExisting(path);
    return contentHash(*db);
}

std::string databaseIntegrity(const std::filesystem::path& path) {
    auto db = openExisting(path);
    return integrity(*db);
}

BackupResult backupDatabase(const std::filesystem::path& source,
                            const std::filesystem::path& destination) {
    if (std::filesystem::exists(destination)) {
        throw BackupFailed("file exists",
                           text::fill(text::tr("The backup file {1} already exists; choose a "
                                               "new name."),
                                      {destination.string()}));
    }
    auto folder = destination.parent_path().empty() ? "." : destination.parent_path();
    if (!std::filesystem::is_directory(folder)) {
        throw BackupFailed("no such folder",
                           text::fill(text::tr("The folder {1} does not exist; choose another "
                                               "for the backup."),
                                      {folder.string()}));
    }
    auto db = openExisting(source);
    BackupResult result{destination, {}, 0, {}};
    {
        // One read transaction: the snapshot the backup copies and the hash describes.
        db::Transaction snapshot(*db, db::Transaction::Kind::read);
        result.contentHash = contentHash(*db);
        auto head = db->prepare("SELECT id, chain, at FROM audit_events ORDER BY id DESC LIMIT 1");
        if (head.step())
            result.head = {head.integer(0), head.text(1), head.text(2)};
        std::optional<db::Connection> copy;
        try {
            copy.emplace(sqlite::openFile(destination, true));
        } catch (const StoreError& error) {
            throw BackupFailed("cannot create file", error.what());
        }
        auto* backup =
            sqlite3_backup_init(sqlite::handle(*copy), "main", sqlite::handle(*db), "main");
        int code =
            backup ? sqlite3_backup_step(backup, -1) : sqlite3_errcode(sqlite::handle(*copy));
        sqlite3_backup_finish(backup);
        try {
            if (code != SQLITE_DONE)
                sqlite::check(sqlite::handle(*copy), code,
                              text::trLater("The backup could not be written"));
            filecheck::markClosed(*copy);
        } catch (const StoreError& error) {
            if (code == SQLITE_DONE)
                code = sqlite3_errcode(sqlite::handle(*copy));  // removing the mark failed
            copy.reset();
            std::error_code ignored;
            std::filesystem::remove(destination, ignored);
            throw BackupFailed((code & 0xff) == SQLITE_FULL ? "disk full" : "write failed",
                               error.what());
        }
    }
    // Verify the copy from the file itself, as a restore would read it.
    auto copy = openExisting(destination);
    auto integrityResult = integrity(*copy);
    auto copyHash = contentHash(*copy);
    copy.reset();
    if (integrityResult != "ok" || copyHash != result.contentHash) {
        std::error_code ignored;
        std::filesystem::remove(destination, ignored);
        // The reason in the log is a machine's word; the message is for the person.
        throw BackupFailed(
            "did not verify",
            text::fill(text::tr("The backup did not verify ({1}) and was removed. Nothing was "
                                "changed in the database."),
                       {integrityResult != "ok"
                            ? text::fill(text::tr("integrity check: {1}"), {integrityResult})
                            : std::string(text::tr("its content differs"))}));
    }
    result.bytes = static_cast<long long>(std::filesystem::file_size(destination));
    return result;
}

}  // namespace roundtable::records
