// Setting up a store on a server (issue 15): what --db takes for a server, server::install as
// the owner account, and what the server then refuses the client account however the client
// is modified: a signed note, an attendance mark and the audit log cannot be rewritten.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "records/ServerSetup.h"
#include "support/EveryRecord.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

using namespace roundtable;
using namespace roundtable::records;

namespace {

/// What the server said when it refused `sql` ("" when it did it).
std::string refusal(db::Connection& connection, const std::string& sql) {
    try {
        connection.execute(sql);
        return "";
    } catch (const StoreError& error) {
        return error.what();
    }
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("--db names a store on a server by a postgresql URI or libpq's keyword=value form") {
    CHECK(server::isServerLocation("postgresql:///roundtable?service=clinic"));
    CHECK(server::isServerLocation("postgres://rt@db.clinic.example/records"));
    CHECK(server::isServerLocation("service=clinic"));
    CHECK(server::isServerLocation("host=db.clinic.example dbname=records sslmode=verify-full"));
    CHECK_FALSE(server::isServerLocation("records.rtdb"));
    CHECK_FALSE(server::isServerLocation("/srv/records/clinic.rtdb"));
    CHECK_FALSE(server::isServerLocation("./service=clinic.rtdb"));
    CHECK_FALSE(server::isServerLocation("postgresql.rtdb"));
}

TEST_CASE(
    "server init refuses an account that is missing or is the owner's, and a database "
    "that has a store, changing nothing") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    auto owner = database.connect();
    auto schemas = [&] {
        auto query =
            owner->prepare("SELECT count(*) FROM pg_namespace WHERE nspname = 'roundtable'");
        query.step();
        return query.integer(0);
    };
    CHECK_THROWS_WITH_AS(server::install(database.connection(), "nobody_here"),
                         "The server has no account called nobody_here. Its administrator makes "
                         "it first (createuser nobody_here); then run this again. Nothing was "
                         "changed.",
                         StoreError);
    auto self = owner->prepare("SELECT current_user");
    REQUIRE(self.step());
    const auto ownerRole = self.text(0);
    self.reset();
    CHECK_THROWS_WITH_AS(server::install(database.connection(), ownerRole),
                         doctest::Contains("is the account setting up the store"), StoreError);
    CHECK(schemas() == 0);

    database.installStore();
    CHECK(schemas() == 1);
    CHECK_THROWS_WITH_AS(server::install(database.connection(), test::kTestClientRole),
                         "This database on the server already has a schema called roundtable, so "
                         "it was not changed. A new store needs an empty database.",
                         StoreError);
    CHECK(server::migrate(database.connection()) ==
          "The store is already in data format 10, this version's. Nothing was changed.");
    {
        auto inUse = RecordStore::openOnServer(database.clientConnection());
        CHECK_THROWS_WITH_AS(server::migrate(database.connection()),
                             "The store is open on a computer. Close Roundtable on every "
                             "computer using it, then run this again. Nothing was changed.",
                             StoreError);
    }

    // Signed up once; a second first administrator is refused.
    const NewDatabase setup{test::kTestLogin, test::kTestPassphrase, KeyDerivation::fast};
    { auto created = RecordStore::createOnServer(database.clientConnection(), setup); }
    CHECK_THROWS_WITH_AS(RecordStore::createOnServer(database.clientConnection(), setup),
                         "This store on the server already holds a service's records, so nothing "
                         "was added to it. Open it instead.",
                         StoreError);
    auto store = RecordStore::openOnServer(database.clientConnection());
    store.unlock(test::kTestLogin, test::kTestPassphrase);
    CHECK(store.users().size() == 1);
}

TEST_CASE("server migrate refuses a database without a store and a newer format") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    CHECK_THROWS_WITH_AS(server::migrate(database.connection()),
                         doctest::Contains("holds no Roundtable store"), StoreError);
    database.installStore();
    database.connect()->execute("UPDATE roundtable.schema_format SET version = 11");
    CHECK_THROWS_WITH_AS(server::migrate(database.connection()),
                         doctest::Contains("written by a newer version of Roundtable (data "
                                           "format 11; this version reads up to 10)"),
                         StoreError);
    CHECK_THROWS_WITH_AS(RecordStore::openOnServer(database.clientConnection()),
                         doctest::Contains("data format 11"), StoreError);
}

TEST_CASE(
    "the server refuses the client account a change to a signed note, an attendance mark "
    "or the audit log, whatever the client sends") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    {
        auto created = database.createStore();
        test::writeEveryKindOfRecord(created.store);
    }
    // A modified client: the client account's own connection, sending what it likes.
    db::Connection client(postgres::connect(database.clientConnection()));
    client.execute("SET search_path = roundtable");
    auto signedNotes = client.prepare("SELECT count(*) FROM progress_notes WHERE state = 'signed'");
    REQUIRE(signedNotes.step());
    REQUIRE(signedNotes.integer(0) == 1);
    signedNotes.reset();

    // Columns a draft may change: the triggers refuse them on a signed note.
    CHECK(contains(refusal(client, "UPDATE progress_notes SET late_entry = 1"),
                   "a signed progress note cannot be changed"));
    const std::string denied = "the server does not allow this account to do that";
    for (const char* sql : {
             "DELETE FROM progress_notes",
             "UPDATE progress_notes SET session_id = session_id",
             "UPDATE attendance_marks SET status = 'attended'",
             "DELETE FROM attendance_marks",
             "UPDATE audit_events SET kind = 'view'",
             "DELETE FROM audit_events",
             "TRUNCATE audit_events",
             "DELETE FROM log_signatures",
             "UPDATE member_details SET local_id = local_id",
             "DELETE FROM memberships",
             "UPDATE service_state SET key = 'x'",
             "UPDATE service_state SET value = 'x' WHERE key = 'recovery_public_key'",
             "INSERT INTO schema_format VALUES (1, 1)",
             "DROP TABLE progress_notes",
             "ALTER TABLE audit_events DISABLE TRIGGER ALL",
             "SET session_replication_role = replica",
         }) {
        INFO(sql);
        auto said = refusal(client, sql);
        CHECK(!said.empty());
        CHECK((contains(said, denied) || contains(said, "must be owner")));
    }
    auto store = RecordStore::openOnServer(database.clientConnection());
    store.unlock(test::kTestLogin, test::kTestPassphrase);
    CHECK(store.verify().intact());
}

TEST_CASE(
    "off the local socket a connection must be encrypted, with its password from the "
    "password file") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    (void)database.createStore();
    database.connect()->execute(std::string("ALTER ROLE ") + test::kTestClientRole +
                                " PASSWORD 'the client account''s password'");
    // libpq's password file, as a computer of the team would have it (0600).
    test::TempDir folder;
    const auto passwords = folder / "pgpass";
    const auto overTcp = std::string("host=127.0.0.1 port=") + std::getenv("PGPORT") + " " +
                         database.clientConnection();
    {
        std::ofstream file(passwords);
        file << "127.0.0.1:" << std::getenv("PGPORT") << ":*:" << test::kTestClientRole
             << ":the client account's password\n";
    }
    std::filesystem::permissions(
        passwords, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    ::setenv("PGPASSFILE", passwords.c_str(), 1);
    struct Unset {
        ~Unset() { ::unsetenv("PGPASSFILE"); }
    } unset;

    CHECK_THROWS_WITH_AS(RecordStore::openOnServer(overTcp + " sslmode=disable"),
                         "The connection to the database server 127.0.0.1 is not encrypted, so "
                         "it was not used: the records would cross the network readable. Ask the "
                         "server's administrator to turn on TLS, and connect with "
                         "sslmode=verify-full.",
                         StoreError);
    auto store = RecordStore::openOnServer(overTcp + " sslmode=require");
    store.unlock(test::kTestLogin, test::kTestPassphrase);
    CHECK(store.users().size() == 1);

    // Without the password file the server says why in plain words.
    ::setenv("PGPASSFILE", (folder / "none").c_str(), 1);
    CHECK_THROWS_WITH_AS(RecordStore::openOnServer(overTcp + " sslmode=require"),
                         doctest::Contains("The database server cannot be reached"), StoreError);
}

TEST_CASE(
    "a service's file moves to a server whole: every record verifies there, and the file "
    "is not touched") {
    if (!test::testServerAvailable())
        return;
    test::TempDir folder;
    const auto file = folder / "service.rtdb";
    {
        auto store = test::createTestStore(file);
        test::writeEveryKindOfRecord(store);
    }
    const auto before = test::readFile(file);
    test::TestServerDatabase database;
    database.makeClientRole();
    const auto role = test::kTestClientRole;

    // Refused, changing nothing on the server: a wrong passphrase, the file open elsewhere.
    CHECK_THROWS_WITH_AS(
        server::importFile(file, database.connection(), role, test::kTestLogin, "not it"),
        "The user name or passphrase is not right.", StoreError);
    CHECK(test::readFile(file) == before);
    {
        auto open = test::openTestStore(file);
        CHECK_THROWS_AS(server::importFile(file, database.connection(), role, test::kTestLogin,
                                           test::kTestPassphrase),
                        StoreError);
    }
    auto owner = database.connect();
    auto schemas = owner->prepare("SELECT count(*) FROM pg_namespace WHERE nspname = 'roundtable'");
    REQUIRE(schemas.step());
    CHECK(schemas.integer(0) == 0);
    schemas.reset();
    const auto afterRefusals = test::readFile(file);  // the store opened above wrote to it

    auto imported = server::importFile(file, database.connection(), role, test::kTestLogin,
                                       test::kTestPassphrase);
    CHECK(imported.rows > 100);
    CHECK(test::readFile(file) == afterRefusals);

    // The computers' account sees the same records, each as it was recorded.
    auto store = RecordStore::openOnServer(database.clientConnection());
    store.unlock(test::kTestLogin, test::kTestPassphrase);
    auto report = store.verify();
    CHECK(report.intact());
    CHECK(report.recordsChecked == imported.recordsChecked);
    auto members = store.membersOf(1);
    REQUIRE(!members.empty());
    CHECK(members.front().name == "Zo\xC3\xAB O'Brien \xE2\x80\x93 Caf\xC3\xA9");
    CHECK(members.front().damage.empty());
    auto note = store.note(1, members.front().id);
    REQUIRE(note);
    CHECK(note->content.text == "A fixture note, signed.");
    CHECK(note->amendments.size() == 1);
    // And it goes on: a new record on the server verifies with the imported ones.
    store.markAttendance(1, {members.front().id, Attendance::attended, "Imported", {}, {}});
    CHECK(store.verify().intact());

    CHECK_THROWS_WITH_AS(server::importFile(file, database.connection(), role, test::kTestLogin,
                                            test::kTestPassphrase),
                         doctest::Contains("already has a schema called roundtable"), StoreError);
}

TEST_CASE("a leaving reason sealed by an earlier build is read on the server after the move") {
    if (!test::testServerAvailable())
        return;
    test::TempDir folder;
    const auto file = folder / "left.rtdb";
    std::filesystem::copy_file(ROUNDTABLE_FIXTURES "/databases/format-10-left.rtdb", file);
    test::TestServerDatabase database;
    database.makeClientRole();
    (void)server::importFile(file, database.connection(), test::kTestClientRole, test::kTestLogin,
                             test::kTestPassphrase);
    auto store = RecordStore::openOnServer(database.clientConnection());
    store.unlock(test::kTestLogin, test::kTestPassphrase);
    auto members = store.membersOf(1);
    REQUIRE(members.size() == 2);
    CHECK(members[1].damage.empty());
    CHECK(members[1].leavingReason == "Moved to another area.");
    CHECK(store.verify().intact());
}

TEST_CASE("a store on a server is exported to a verified database file, and back again") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    {
        auto created = database.createStore();
        test::writeEveryKindOfRecord(created.store);
    }
    test::TempDir folder;
    const auto file = folder / "backup.rtdb";
    CHECK_THROWS_WITH_AS(
        server::exportFile(database.clientConnection(), file, test::kTestLogin, "not it"),
        "The user name or passphrase is not right.", StoreError);
    CHECK_FALSE(std::filesystem::exists(file));
    auto exported = server::exportFile(database.clientConnection(), file, test::kTestLogin,
                                       test::kTestPassphrase);
    CHECK(exported.rows > 100);
    CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    CHECK_FALSE(std::filesystem::exists(file.string() + "-wal"));
    {
        auto store = test::openTestStore(file);
        auto report = store.verify();
        CHECK(report.intact());
        CHECK(report.recordsChecked == exported.recordsChecked);
        auto members = store.membersOf(1);
        REQUIRE(!members.empty());
        CHECK(members.front().name == "Zo\xC3\xAB O'Brien \xE2\x80\x93 Caf\xC3\xA9");
    }
    CHECK_THROWS_WITH_AS(server::exportFile(database.clientConnection(), file, test::kTestLogin,
                                            test::kTestPassphrase),
                         doctest::Contains("already exists"), StoreError);

    // And back to another server: the same records, verified there.
    test::TestServerDatabase other;
    other.makeClientRole();
    auto imported = server::importFile(file, other.connection(), test::kTestClientRole,
                                       test::kTestLogin, test::kTestPassphrase);
    CHECK(imported.recordsChecked == exported.recordsChecked);
}
