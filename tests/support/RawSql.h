// Plain SQL on a database file, the way a person with a SQLite shell could change it, for
// tests that show what the schema and the store do about such changes. Suites that include
// this link SQLite. When the suite runs on the test server (TestEngine.h), the same SQL goes
// to the database standing for the file, as the server's own account would send it with psql.
#pragma once

#include <sqlite3.h>

#include <cctype>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <cstdio>

#include "records/Types.h"
#include "support/TempDir.h"
#include "support/TestEngine.h"

namespace roundtable::test {

/// SQLite's blob literals (x'0a0b') as the server writes them ('\x0a0b'::bytea), and a
/// trigger dropped to change a row behind it as the server's own account would: all triggers
/// off for the session.
inline std::string serverSqlFor(std::string sql) {
    for (auto at = sql.find("DROP TRIGGER "); at != std::string::npos;
         at = sql.find("DROP TRIGGER ", at)) {
        sql.replace(at, sql.find(';', at) - at, "SET session_replication_role = replica");
    }
    for (auto at = sql.find("x'"); at != std::string::npos; at = sql.find("x'", at + 1)) {
        if (at > 0 &&
            (std::isalnum(static_cast<unsigned char>(sql[at - 1])) || sql[at - 1] == '\''))
            continue;  // a word ending in x, or a text 'x...'
        auto end = sql.find('\'', at + 2);
        std::string hex = sql.substr(at + 2, end - at - 2);
        sql.replace(at, end - at + 1, std::string("'\\x").append(hex).append("'::bytea"));
    }
    return sql;
}

/// The first column of each row `sql` gives on the test server's database for `path`.
inline std::vector<std::string> serverTexts(const std::filesystem::path& path,
                                            const std::string& sql) {
    auto connection = connectAsServerOwner(path);
    auto rows = connection->prepare(serverSqlFor(sql));
    std::vector<std::string> texts;
    while (rows.step())
        texts.push_back(rows.text(0));
    return texts;
}

/// Runs `sql`; returns SQLite's error message, or "" when it succeeded.
inline std::string rawSql(const std::filesystem::path& path, const std::string& sql) {
    if (testsOnServer()) {
        try {
            connectAsServerOwner(path)->execute(serverSqlFor(sql));
            return {};
        } catch (const records::StoreError& error) {
            return error.what();
        }
    }
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
    if (testsOnServer()) {
        auto texts = serverTexts(path, sql);
        return texts.empty() ? -1 : std::stoll(texts.front());
    }
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
    if (testsOnServer())
        return serverTexts(path, sql);
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

/// True when `text` is anywhere in the store as a person with its file (or, on the test server,
/// with the database's own account and pg_dump) could read it: text that should be sealed.
inline bool storeContains(const std::filesystem::path& path, const std::string& text) {
    std::string bytes;
    if (testsOnServer()) {
        auto command = "pg_dump --no-owner '" + serverDatabaseFor(path) + "'";
        FILE* dump = popen(command.c_str(), "r");
        REQUIRE(dump);
        char buffer[65536];
        for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, dump)) > 0;)
            bytes.append(buffer, got);
        REQUIRE(pclose(dump) == 0);
        REQUIRE(bytes.find("CREATE TABLE roundtable.progress_notes") != std::string::npos);
    } else {
        bytes = readFile(path);
    }
    return bytes.find(text) != std::string::npos;
}

/// Every print and export in the audit log, in order: "print carers-handout framework-02 0".
inline std::vector<std::string> printsAndExports(const std::filesystem::path& path) {
    return rawTexts(path,
                    "SELECT kind || ' ' || record_kind || ' ' || record_id FROM audit_events "
                    "WHERE kind IN ('print', 'export') ORDER BY id");
}

}  // namespace roundtable::test
