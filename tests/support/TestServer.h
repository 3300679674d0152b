// A database of its own on the test PostgreSQL server, for tests of the server engine
// (issue 15). scripts/test starts a throwaway cluster (scripts/pg-cluster) and exports its
// PG* variables; each TestServerDatabase creates a fresh database on it and drops it after.
// Without a cluster (PGHOST unset) a test says it was skipped, unless scripts/test asked for
// the server (ROUNDTABLE_TEST_SERVER=required), when it fails.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "records/Database.h"
#include "records/Postgres.h"
#include "records/ServerSetup.h"
#include "support/TestStore.h"

namespace roundtable::test {

/// True when a test server is there; otherwise says why the test is skipped (or fails it,
/// when scripts/test promised a server).
inline bool testServerAvailable() {
    if (std::getenv("PGHOST"))
        return true;
    const char* required = std::getenv("ROUNDTABLE_TEST_SERVER");
    if (required && std::string(required) == "required")
        FAIL("ROUNDTABLE_TEST_SERVER=required but PGHOST is not set: no test server");
    MESSAGE("skipped: no PostgreSQL test server (PGHOST unset; scripts/test starts one)");
    return false;
}

class TestServerDatabase {
  public:
    TestServerDatabase() {
        static std::atomic<int> made{0};
        name_ = "rt_test_" + std::to_string(getpid()) + "_" + std::to_string(++made);
        admin().execute("DROP DATABASE IF EXISTS " + name_);
        admin().execute("CREATE DATABASE " + name_);
    }
    ~TestServerDatabase() {
        try {
            admin().execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        } catch (...) {
        }
    }
    TestServerDatabase(const TestServerDatabase&) = delete;
    TestServerDatabase& operator=(const TestServerDatabase&) = delete;

    /// What to connect with (host, port and user from PG*): the server's own account, which
    /// owns what it makes.
    [[nodiscard]] std::string connection() const { return "dbname=" + name_; }
    /// Makes the client account, unless it is there.
    void makeClientRole() { makeTestClientRole(admin()); }
    /// Makes the database a store (no records yet) for the client account, as `server init`.
    void installStore() {
        makeClientRole();
        records::server::install(connection(), kTestClientRole);
    }
    /// A store made as a service makes one (installStore), its first administrator the test
    /// administrator, signed in through the client account.
    records::CreatedDatabase createStore() {
        installStore();
        return records::RecordStore::createOnServer(
            clientConnection(), {kTestLogin, kTestPassphrase, records::KeyDerivation::fast});
    }
    /// What the client account connects with.
    [[nodiscard]] std::string clientConnection() const {
        return connection() + " user=" + kTestClientRole;
    }
    [[nodiscard]] std::unique_ptr<records::db::Connection> connect() const {
        return std::make_unique<records::db::Connection>(records::postgres::connect(connection()));
    }

  private:
    /// The cluster's own database, from which databases are made and dropped.
    records::db::Connection& admin() {
        if (!admin_)
            admin_.emplace(records::postgres::connect("dbname=postgres"));
        return *admin_;
    }
    std::string name_;
    std::optional<records::db::Connection> admin_;
};

/// A PostgreSQL cluster of the test's own (scripts/pg-cluster), for a test that stops the
/// server and starts it again while the other tests keep the shared one. While it lives,
/// libpq's PGHOST and PGPORT in this process point at it, so TestServerDatabase and every
/// connection without a host of its own go there.
class OwnTestServer {
  public:
    OwnTestServer() {
        char folder[] = "/tmp/rt-own-XXXXXX";
        if (!::mkdtemp(folder))
            throw std::runtime_error("cannot make a folder for a test cluster");
        folder_ = folder;
        const std::string exports = run("start");
        const auto port = exports.find("PGPORT=");
        if (port == std::string::npos)
            throw std::runtime_error("pg-cluster start said no port: " + exports);
        for (const char* name : {"PGHOST", "PGPORT"}) {
            const char* value = std::getenv(name);
            saved_.emplace_back(name, value ? value : "");
        }
        ::setenv("PGHOST", folder_.c_str(), 1);
        ::setenv("PGPORT", exports.substr(port + 7, exports.find(' ', port) - port - 7).c_str(), 1);
    }
    ~OwnTestServer() {
        for (const auto& [name, value] : saved_)
            ::setenv(name.c_str(), value.c_str(), 1);
        try {
            run("stop");
        } catch (...) {
        }
    }
    OwnTestServer(const OwnTestServer&) = delete;
    OwnTestServer& operator=(const OwnTestServer&) = delete;

    /// Stops the server as an administrator would: connections end, new ones are refused.
    void pause() { run("pause"); }
    /// Starts it again, with everything it held.
    void resume() { run("resume"); }

  private:
    /// Runs scripts/pg-cluster ACTION on the folder; returns what it printed.
    std::string run(const char* action) {
        const std::string command =
            std::string(ROUNDTABLE_SCRIPTS "/pg-cluster ") + action + " " + folder_ + " 2>&1";
        std::string output;
        FILE* pipe = ::popen(command.c_str(), "r");
        if (!pipe)
            throw std::runtime_error("cannot run " + command);
        char buffer[512];
        while (auto read = std::fread(buffer, 1, sizeof buffer, pipe))
            output.append(buffer, read);
        if (::pclose(pipe) != 0)
            throw std::runtime_error(command + " failed: " + output);
        return output;
    }
    std::string folder_;
    std::vector<std::pair<std::string, std::string>> saved_;  ///< PG* as they were
};

}  // namespace roundtable::test
