// The record store's use of the row ledger (RowLedger.h): every write transaction logs the
// tags of the rows it wrote as it commits; reading a record checks its rows against the newest
// tags in the log; verify() checks every row and the log's chain.
#include <unordered_map>

#include "records/StoreImpl.h"
#include "text/Translate.h"

namespace roundtable::records {
namespace {

/// Rows of `table` (as t) that meet `condition`, each followed by one more column: the newest
/// tag the log holds for it, NULL when the log has none, '' when it says the row was removed.
/// One statement for both (a page reads one for every record it shows).
std::string rowsWithNewestTag(const ledger::LedgeredTable& table, const std::string& condition) {
    return std::string(
               "SELECT t.*, (SELECT COALESCE(row_tag, '') FROM audit_events WHERE "
               "record_kind = '") +
           table.name + "' AND row_key = " + ledger::keySql(table, "t") +
           " ORDER BY id DESC LIMIT 1) FROM " + table.name + " t WHERE " + condition;
}

std::string selectRow(const ledger::LedgeredTable& table) {
    return std::string("SELECT * FROM ") + table.name + " t WHERE " +
           ledger::keyCondition(table, "t");
}

/// `problem` (one of the sentences below) about the record `key` of `table`.
std::string sentence(const ledger::LedgeredTable& table, const std::string& key,
                     const char* problem) {
    return text::fill(text::tr(problem), {text::tr(table.what), table.name, key});
}

constexpr const char* kChanged =
    // TRANSLATORS: {1} is a kind of record ("progress note"); {2} and {3} are its table and row as
    // the database names them ("progress_notes 12"), left as they are.
    text::trLater("The {1} ({2} {3}) was changed outside Roundtable after it was recorded.");
constexpr const char* kUnlogged = text::trLater(
    // TRANSLATORS: as above.
    "The {1} ({2} {3}) is not in the audit log: it was added to the file outside Roundtable.");
constexpr const char* kLoggedRemoved = text::trLater(
    // TRANSLATORS: as above.
    "The {1} ({2} {3}) was put back in the file outside Roundtable after it had been removed.");
constexpr const char* kMissing = text::trLater(
    // TRANSLATORS: as above.
    "The {1} ({2} {3}) is in the audit log but no longer in the file: it was deleted.");

}  // namespace

void RecordStore::Impl::logChangedRows() {
    auto changed = ledger::takeChangedRows(db);
    if (changed.empty())
        return;
    if (!rowKey || rowKey->empty())
        key();  // throws "locked": no record is written without its tag
    auto at = nowUtc();
    for (const auto& change : changed) {
        std::optional<std::string> tag;
        auto row = db.cached(selectRow(*change.table));
        ledger::bindKey(*row, 1, ledger::keyFromLog(*change.table, change.key));
        if (row->step())
            tag = ledger::tagOf(*rowKey, *change.table, *row);
        appendEvent({tag ? "row-written" : "row-removed", change.table->name, std::nullopt, at,
                     change.key, tag});
    }
}

std::int64_t RecordStore::Impl::logUnloggedRows() {
    key();
    auto at = nowUtc();
    std::int64_t logged = 0;
    for (const auto& table : ledger::tables()) {
        auto rows =
            db.prepare(rowsWithNewestTag(table, "TRUE ORDER BY " + ledger::keyOrder(table, "t")));
        auto columns = rows.columnCount() - 1;
        while (rows.step()) {
            if (!rows.isNull(columns))
                continue;
            appendEvent({"row-written", table.name, std::nullopt, at, ledger::keyOf(table, rows),
                         ledger::tagOf(*rowKey, table, rows, columns)});
            ++logged;
        }
    }
    return logged;
}

bool RecordStore::Impl::rowsAwaitAuthentication() {
    auto query = db.cached(
        "SELECT EXISTS (SELECT 1 FROM service_state WHERE key = 'records_to_authenticate') AND "
        "NOT EXISTS (SELECT 1 FROM audit_events WHERE kind = 'authenticate-existing-records')");
    return query->step() && query->integer(0) == 1;
}

/// "" when `row` (of rowsWithNewestTag) is as its newest tag in the log says; otherwise why not.
std::string RecordStore::Impl::damageInRow(const ledger::LedgeredTable& table,
                                           const db::Statement& row) {
    auto columns = row.columnCount() - 1;
    if (row.isNull(columns))
        return sentence(table, ledger::keyOf(table, row), kUnlogged);
    auto logged = row.text(columns);
    if (logged.empty())
        return sentence(table, ledger::keyOf(table, row), kLoggedRemoved);
    if (logged != ledger::tagOf(*rowKey, table, row, columns))
        return sentence(table, ledger::keyOf(table, row), kChanged);
    return {};
}

std::string RecordStore::Impl::damageOf(const char* tableName, const ledger::RowKey& key) {
    if (auto ahead = checkedAhead.find(tableName); ahead != checkedAhead.end()) {
        if (auto found = ahead->second.find(ledger::keyText(key)); found != ahead->second.end())
            return found->second;
    }
    const auto& table = ledger::table(tableName);
    auto row = db.cached(rowsWithNewestTag(table, ledger::keyCondition(table, "t")));
    ledger::bindKey(*row, 1, key);
    return row->step() ? damageInRow(table, *row) : std::string();
}

std::shared_ptr<void> RecordStore::Impl::checkAhead(
    const char* tableName, const std::string& condition,
    const std::function<void(db::Statement&)>& bind) {
    const auto& table = ledger::table(tableName);
    auto rows = db.cached(rowsWithNewestTag(table, condition));
    bind(*rows);
    auto& checked = checkedAhead[tableName];
    while (rows->step())
        checked[ledger::keyOf(table, *rows)] = damageInRow(table, *rows);
    return {nullptr, [this, tableName](void*) { checkedAhead.erase(tableName); }};
}

std::vector<DamagedRecord> RecordStore::Impl::checkEveryRecord(std::int64_t& recordsChecked) {
    key();
    // The newest tag the log holds for each row (empty: the row was removed).
    std::unordered_map<std::string, std::string> newest;
    auto events = db.prepare(
        "SELECT record_kind, row_key, COALESCE(row_tag, '') FROM audit_events "
        "WHERE row_key IS NOT NULL ORDER BY id");
    while (events.step())
        newest[events.text(0) + '\n' + events.text(1)] = events.text(2);

    std::vector<DamagedRecord> damaged;
    auto report = [&](const ledger::LedgeredTable& table, const std::string& key,
                      const char* problem) {
        damaged.push_back({table.name, key, sentence(table, key, problem)});
    };
    recordsChecked = 0;
    for (const auto& table : ledger::tables()) {
        auto rows = db.prepare(std::string("SELECT * FROM ") + table.name + " t ORDER BY " +
                               ledger::keyOrder(table, "t"));
        while (rows.step()) {
            ++recordsChecked;
            auto key = ledger::keyOf(table, rows);
            auto found = newest.find(std::string(table.name) + '\n' + key);
            if (found == newest.end()) {
                report(table, key, kUnlogged);
                continue;
            }
            auto expected = std::move(found->second);
            newest.erase(found);  // what is left afterwards has no row
            if (expected.empty())
                report(table, key, kLoggedRemoved);
            else if (expected != ledger::tagOf(*rowKey, table, rows))
                report(table, key, kChanged);
        }
    }
    for (const auto& [name, tag] : newest) {
        if (tag.empty())
            continue;  // removed, and not in the file: as the log says
        auto separator = name.find('\n');
        report(ledger::table(name.substr(0, separator)), name.substr(separator + 1), kMissing);
    }
    return damaged;
}

VerifyReport RecordStore::verify() {
    impl_->key();
    VerifyReport report;
    report.log = verifyAudit();
    if (impl_->rowsAwaitAuthentication()) {
        report.notYetAuthenticated = true;
        return report;
    }
    report.damaged = impl_->checkEveryRecord(report.recordsChecked);
    impl_->checkSignatures(report);
    return report;
}

}  // namespace roundtable::records
