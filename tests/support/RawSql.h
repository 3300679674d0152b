// Plain SQL on a database file, the way a person with a SQLite shell could change it, for
// tests that show what the schema and the store do about such changes. Suites that include
// this link SQLite.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace roundtable::test {

/// Runs `sql`; returns SQLite's error message, or "" when it succeeded.
inline std::string rawSql(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    char* error = nullptr;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
}

/// The first column of the first row of `sql` as a number (-1 when there is no row).
inline std::int64_t rawCount(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
    std::int64_t value =
        sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

/// The first column of every row of `sql`, as text.
inline std::vector<std::string> rawTexts(const std::filesystem::path& path,
                                         const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
    std::vector<std::string> texts;
    while (sqlite3_step(statement) == SQLITE_ROW)
        texts.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return texts;
}

/// Every print and export in the audit log, in order: "print carers-handout framework-02 0".
inline std::vector<std::string> printsAndExports(const std::filesystem::path& path) {
    return rawTexts(path,
                    "SELECT kind || ' ' || record_kind || ' ' || record_id FROM audit_events "
                    "WHERE kind IN ('print', 'export') ORDER BY id");
}

}  // namespace roundtable::test
