// Which engine a store test runs on (issue 15: one suite, two engines). By default a test's
// store is the file it names; store_tests run with --engine=postgresql (ROUNDTABLE_TEST_ENGINE)
// puts it instead in a database of its own on the test server that scripts/test starts, named
// after the file, so that the same test reads the same on both.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "records/Postgres.h"
#include "records/RowLedger.h"
#include "records/Schema.h"

namespace roundtable::test {

inline bool testsOnServer() {
    const char* engine = std::getenv("ROUNDTABLE_TEST_ENGINE");
    return engine && std::string(engine) == "postgresql";
}

/// What to connect with to the test server's database standing for the file `path`.
inline std::string serverDatabaseFor(const std::filesystem::path& path) {
    char name[32];
    std::snprintf(name, sizeof name, "rt_%016zx", std::hash<std::string>{}(path.string()));
    return std::string("dbname=") + name;
}

/// The account the stores on the test server are used with, as a team's computers would use
/// theirs: everything the suites do on a server, they do with only the client's privileges.
inline constexpr const char* kTestClientRole = "roundtable_client";

/// Makes the client account, unless it is there (two test processes may try at once).
inline void makeTestClientRole(records::db::Connection& admin) {
    admin.execute(std::string("DO $$ BEGIN CREATE ROLE ") + kTestClientRole +
                  " LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; "
                  "END $$");
}

/// What the client account connects to the store standing for `path` with.
inline std::string clientConnectionFor(const std::filesystem::path& path) {
    return serverDatabaseFor(path) + " user=" + kTestClientRole;
}

/// The test server's databases made by this test process, dropped when it ends.
class ServerDatabases {
  public:
    static ServerDatabases& instance() {
        static ServerDatabases databases;
        return databases;
    }
    /// A new, empty database standing for the file `path` (made again if it was there).
    void make(const std::filesystem::path& path) {
        auto name = serverDatabaseFor(path).substr(7);
        admin().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin().execute("CREATE DATABASE " + name);
        made_.push_back(name);
    }
    void makeClientRole() {
        if (!clientRoleMade_)
            makeTestClientRole(admin());
        clientRoleMade_ = true;
    }
    ~ServerDatabases() {
        for (const auto& name : made_) {
            try {
                admin().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (...) {
            }
        }
    }

  private:
    /// The server PGHOST and PGPORT name now (a test may point them at a server of its own,
    /// OwnTestServer in TestServer.h, which then also needs the client account).
    records::db::Connection& admin() {
        const char* host = std::getenv("PGHOST");
        const char* port = std::getenv("PGPORT");
        const std::string server = std::string(host ? host : "") + ":" + (port ? port : "");
        if (!admin_ || server != adminServer_) {
            admin_ = std::make_unique<records::db::Connection>(
                records::postgres::connect("dbname=postgres"));
            adminServer_ = server;
            clientRoleMade_ = false;
        }
        return *admin_;
    }
    std::unique_ptr<records::db::Connection> admin_;
    std::string adminServer_;
    std::vector<std::string> made_;
    bool clientRoleMade_ = false;
};

/// A connection to the store standing for `path` on the test server, as a person with the
/// server's own account and psql would have: in the store's schema, able to write rows.
inline std::unique_ptr<records::db::Connection> connectAsServerOwner(
    const std::filesystem::path& path) {
    auto connection = std::make_unique<records::db::Connection>(
        records::postgres::connect(serverDatabaseFor(path)));
    records::schema::configure(*connection);
    records::ledger::captureChanges(*connection);
    return connection;
}

}  // namespace roundtable::test
