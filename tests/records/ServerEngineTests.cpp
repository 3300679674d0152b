// The PostgreSQL engine (issue 15), against the throwaway server scripts/test starts: values go
// in and come back as SQLite gives them, so a row's tag is the same on both engines; writers
// take turns; a read sees one snapshot; the server's refusals are said plainly.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "records/Crypto.h"
#include "records/Postgres.h"
#include "records/RowLedger.h"
#include "records/Sqlite.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

using namespace roundtable;
using namespace roundtable::records;

namespace {

constexpr const char* kSqliteSample =
    "CREATE TABLE sample (id INTEGER PRIMARY KEY, name TEXT NOT NULL, sealed BLOB NOT NULL, "
    "left_on TEXT, present INTEGER NOT NULL CHECK (present IN (0, 1))) STRICT";
constexpr const char* kServerSample =
    "CREATE TABLE sample (id bigint PRIMARY KEY, name text COLLATE \"C\" NOT NULL, "
    "sealed bytea NOT NULL, left_on text COLLATE \"C\", "
    "present bigint NOT NULL CHECK (present IN (0, 1)))";

/// Two rows meant to trip an engine up: an id past 2^53, quotes and a question mark in text,
/// every byte value, an empty text and blob, NULL.
void addSamples(db::Connection& connection) {
    crypto::Bytes everyByte;
    for (int b = 0; b < 256; ++b)
        everyByte.push_back(static_cast<unsigned char>(b));
    auto insert = [&] {
        return connection.prepare(
            "INSERT INTO sample (id, name, sealed, left_on, present) VALUES (?, ?, ?, ?, ?)");
    };
    insert()
        .bind(1, std::int64_t{9007199254740993})
        .bind(2, std::string("Zoë O'Neill? \"quoted\" / 12"))
        .bindBlob(3, everyByte)
        .bind(4, std::string("2026-03-01"))
        .bind(5, 1)
        .run();
    insert().bind(1, -5).bind(2, std::string()).bindBlob(3, {}).bindNull(4).bind(5, 0).run();
}

/// Every column of every row of `sql` as text: its name, its storage class and its value.
std::string describeRows(db::Connection& connection, const std::string& sql) {
    auto rows = connection.prepare(sql);
    std::string described;
    while (rows.step()) {
        for (int c = 0; c < rows.columnCount(); ++c) {
            auto type = rows.type(c);
            described += rows.columnName(c) + ":" + std::to_string(static_cast<int>(type)) + "=";
            if (type == db::ValueType::blob) {
                for (auto byte : rows.blob(c))
                    described += std::to_string(byte) + ",";
            } else {
                described += rows.text(c) + "|" + std::to_string(rows.integer(c));
            }
            described += "; ";
        }
        described += "\n";
    }
    return described;
}

std::string hashOfRows(db::Connection& connection) {
    crypto::Hasher hasher;
    auto rows = connection.prepare("SELECT * FROM sample ORDER BY id");
    while (rows.step())
        ledger::hashRow(hasher, rows, rows.columnCount(), true);
    return hasher.hex();
}

/// A connection to `database`, with the sample table and its two rows.
std::unique_ptr<db::Connection> sampleServer(const test::TestServerDatabase& database) {
    auto server = database.connect();
    server->execute(kServerSample);
    addSamples(*server);
    return server;
}

std::int64_t countSamples(db::Connection& connection) {
    auto count = connection.prepare("SELECT COUNT(*) FROM sample");
    return count.step() ? count.integer(0) : -1;
}

}  // namespace

TEST_CASE("the server's placeholders are numbered from SQLite's, quoted text left alone") {
    CHECK(postgres::numberedPlaceholders("SELECT a FROM t WHERE b = ? AND c = ?") ==
          "SELECT a FROM t WHERE b = $1 AND c = $2");
    CHECK(postgres::numberedPlaceholders("SELECT ?2, ?1, ?12") == "SELECT $2, $1, $12");
    CHECK(postgres::numberedPlaceholders("SELECT 'a?b', \"c?\", ? FROM t WHERE x = 'it''s ?'") ==
          "SELECT 'a?b', \"c?\", $1 FROM t WHERE x = 'it''s ?'");
}

TEST_CASE("on a server, values come back as SQLite gives them, so a row's tag is the same") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    auto server = sampleServer(database);

    test::TempDir folder;
    db::Connection file(sqlite::openFile(folder / "sample.rtdb", true));
    file.execute(kSqliteSample);
    addSamples(file);

    auto onServer = describeRows(*server, "SELECT * FROM sample ORDER BY id");
    INFO(onServer);
    CHECK(onServer.find("id:1=9007199254740993|9007199254740993") != std::string::npos);
    CHECK(onServer.find("left_on:5=|0") != std::string::npos);  // NULL
    CHECK(onServer == describeRows(file, "SELECT * FROM sample ORDER BY id"));
    CHECK(hashOfRows(*server) == hashOfRows(file));

    // A boolean reads as 0 or 1, a count as an integer; ?1 used twice; '?' in quotes is text.
    const std::string question =
        "SELECT EXISTS (SELECT 1 FROM sample WHERE id = ?1), "
        "(SELECT COUNT(*) FROM sample WHERE id <> ?1), name = 'a?b' FROM sample WHERE id = ?2";
    auto ask = [&](db::Connection& connection) {
        auto statement = connection.prepare(question);
        statement.bind(1, -5).bind(2, -5);
        REQUIRE(statement.step());
        return std::to_string(statement.integer(0)) + statement.text(1) + "/" + statement.text(2);
    };
    CHECK(ask(*server) == "11/0");
    CHECK(ask(*server) == ask(file));

    // A change to one byte of a blob changes the row's tag.
    auto before = hashOfRows(*server);
    server->prepare("UPDATE sample SET sealed = ? WHERE id = -5").bindBlob(1, {0}).run();
    CHECK(hashOfRows(*server) != before);
}

TEST_CASE("on a server, writers take turns, a rollback leaves nothing, a read keeps its snapshot") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    auto first = database.connect();
    auto second = database.connect();
    first->execute(kServerSample);

    SUBCASE("a second writer waits until the first commits, then sees its row") {
        std::optional<db::Transaction> writing(std::in_place, *first);
        addSamples(*first);
        std::chrono::steady_clock::duration waited{};
        std::int64_t seen = -1;
        std::thread other([&] {
            auto start = std::chrono::steady_clock::now();
            db::Transaction turn(*second);
            waited = std::chrono::steady_clock::now() - start;
            seen = countSamples(*second);
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        writing->commit();
        other.join();
        CHECK(waited >= std::chrono::milliseconds(300));
        CHECK(seen == 2);
    }
    SUBCASE("a transaction not committed leaves nothing") {
        {
            db::Transaction abandoned(*first);
            addSamples(*first);
            CHECK(countSamples(*first) == 2);
        }
        CHECK(countSamples(*first) == 0);
        CHECK(countSamples(*second) == 0);
    }
    SUBCASE("a read sees the database as it was when it began") {
        db::Transaction reading(*first, db::Transaction::Kind::read);
        CHECK(countSamples(*first) == 0);
        {
            db::Transaction writing(*second);
            addSamples(*second);
            writing.commit();
        }
        CHECK(countSamples(*first) == 0);
        CHECK(countSamples(*second) == 2);
    }
}

TEST_CASE("the server's refusals are said plainly, and the connection goes on working") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    auto server = sampleServer(database);

    {
        db::Transaction writing(*server);
        CHECK_THROWS_WITH_AS(addSamples(*server),
                             doctest::Contains("The database refused the change: duplicate key"),
                             StoreError);
    }
    CHECK(countSamples(*server) == 2);

    CHECK_THROWS_WITH_AS(postgres::connect("host=/nonexistent/roundtable-test dbname=x"),
                         doctest::Contains("The database server cannot be reached"), StoreError);

    // An account that was granted nothing on the table.
    const std::string role = "rt_test_nobody_" + std::to_string(getpid());
    server->execute("DROP ROLE IF EXISTS " + role + "; CREATE ROLE " + role + " LOGIN");
    {
        db::Connection nobody(postgres::connect(database.connection() + " user=" + role));
        CHECK_THROWS_WITH_AS((void)nobody.prepare("SELECT COUNT(*) FROM sample").step(),
                             doctest::Contains("the server does not allow this account to do that"),
                             StoreError);
    }
    server->execute("DROP ROLE " + role);
}
