// Authentication of every clinical row (data format 5). Each row of a ledgered table is
// bound, under a key derived from the data key, to its table and to all of its columns, clear
// and sealed alike (its "tag"). The tag of each row's newest state is written into the audit
// log in the transaction that wrote the row, so a row changed, moved, replaced, inserted or
// deleted outside the store no longer matches the log. Internal to the records library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "records/Crypto.h"
#include "records/Database.h"

namespace roundtable::records::ledger {

/// A column of a ledgered table's key: an integer, or text.
struct KeyColumn {
    KeyColumn(const char* name, bool isText = false) : name(name), isText(isText) {}  // NOLINT
    const char* name;
    bool isText;
};

/// A table whose rows are authenticated, with the columns that name a row in the log.
struct LedgeredTable {
    const char* name;
    const char* what;  ///< the record as a person would call it, e.g. "progress note"
    std::vector<KeyColumn> keyColumns;
    /// The column naming the user who wrote the row, if it has one: the signed log must show
    /// that user writing it (SignedLog.cpp).
    const char* writerColumn = nullptr;
};

/// Every clinical table: the whole record, users and their roles included.
[[nodiscard]] const std::vector<LedgeredTable>& tables();
/// The table called `name`; throws std::out_of_range for a table that is not ledgered.
[[nodiscard]] const LedgeredTable& table(std::string_view name);

/// Feeds the first `columns` columns of the current row of `row` to `hasher`: for each its
/// type, length and bytes (and, with `withNames`, its name first). Shared with backups'
/// content hash, so one encoding describes a row everywhere.
void hashRow(crypto::Hasher& hasher, const db::Statement& row, int columns, bool withNames);

/// The tag of the current row of a `SELECT * FROM table` statement (of its first `columns`
/// columns when the statement selects more after them).
[[nodiscard]] std::string tagOf(const crypto::SecretKey& rowKey, const LedgeredTable& table,
                                const db::Statement& row, int columns = -1);
/// The SQL naming a row of `table` in the log, over the row `alias` (e.g. "t", or "NEW").
[[nodiscard]] std::string keySql(const LedgeredTable& table, const char* alias);
/// How the log names the current row of a `SELECT * FROM table` statement: its key columns'
/// values joined with '/', e.g. "12" or "3/7".
[[nodiscard]] std::string keyOf(const LedgeredTable& table, const db::Statement& row);

/// A row named by its key columns' values, in the table's order. Rows are found by key, never
/// by SQLite's rowid, which a database server does not have.
using RowKey = std::vector<std::variant<std::int64_t, std::string>>;
/// The condition selecting one row of `table` (as `alias`) by key, a placeholder per column.
[[nodiscard]] std::string keyCondition(const LedgeredTable& table, const char* alias);
/// Binds `key` to the placeholders of keyCondition, the first at `index`.
void bindKey(db::Statement& statement, int index, const RowKey& key);
/// `key` as the log writes it (keyOf's form).
[[nodiscard]] std::string keyText(const RowKey& key);
/// The key the log writes as `key` (keyOf's form), read back by the table's column types.
[[nodiscard]] RowKey keyFromLog(const LedgeredTable& table, const std::string& key);
/// The key columns in order, for ORDER BY.
[[nodiscard]] std::string keyOrder(const LedgeredTable& table, const char* alias);

/// Makes this connection note, in its temporary table changed_rows, every ledgered row its
/// statements insert, change or delete. On a file the triggers are temporary too: plain SQL
/// from any other connection is not noted. On a server they are the schema's (serverCapture),
/// and a session without the table cannot write a ledgered row at all.
void captureChanges(db::Connection& connection);
/// The server schema's triggers that note changed rows (see captureChanges).
[[nodiscard]] std::string serverCapture();

struct ChangedRow {
    const LedgeredTable* table;
    std::string key;  ///< as the log names it (keyOf)
};
/// The rows changed since the last call, in the order first changed; clears the list.
[[nodiscard]] std::vector<ChangedRow> takeChangedRows(db::Connection& connection);

}  // namespace roundtable::records::ledger
