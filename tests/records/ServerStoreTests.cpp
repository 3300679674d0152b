// The record store on a PostgreSQL server (issue 15, being built): the same store as on a file,
// through the same API, on the test server that scripts/test starts.
#include <doctest/doctest.h>

#include "support/EveryRecord.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

using namespace roundtable;
using namespace roundtable::records;

namespace {

/// What verify found, in a line a failing test can show.
std::string findings(const VerifyReport& report) {
    std::string found = "log rows " + std::to_string(report.log.rowsChecked) + ", records " +
                        std::to_string(report.recordsChecked) + ", signatures " +
                        std::to_string(report.signaturesChecked);
    for (const auto& damage : report.damaged)
        found += "\n" + damage.description;
    for (const auto& forgery : report.forgeries)
        found += "\n" + forgery;
    return found;
}

}  // namespace

TEST_CASE("on a server, a store keeps every kind of record as a file does, and knows a change") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    {
        auto created = database.createStore();
        test::writeEveryKindOfRecord(created.store);
    }
    test::TempDir folder;
    {
        auto file = test::createTestStore(folder / "same.rtdb");
        test::writeEveryKindOfRecord(file);
    }
    auto onFile = test::openTestStore(folder / "same.rtdb").verify();

    auto store = RecordStore::openOnServer(database.clientConnection());
    store.unlock(test::kTestLogin, test::kTestPassphrase);
    auto report = store.verify();
    INFO(findings(report));
    CHECK(report.intact());
    CHECK(report.recordsChecked == onFile.recordsChecked);
    CHECK(report.log.rowsChecked == onFile.log.rowsChecked);
    CHECK(report.signaturesChecked == onFile.signaturesChecked);
    auto members = store.membersOf(1);
    REQUIRE(!members.empty());
    CHECK(members.front().name == "Zo\xC3\xAB O'Brien \xE2\x80\x93 Caf\xC3\xA9");
    CHECK(members.front().damage.empty());

    // Someone with the server's own account changes an attendance mark behind the store's
    // back, its triggers switched off.
    {
        auto owner = database.connect();
        owner->execute(
            "SET session_replication_role = replica; UPDATE roundtable.attendance_marks SET "
            "status = 'attended'");
    }
    auto after = store.verify();
    INFO(findings(after));
    CHECK_FALSE(after.intact());
    REQUIRE(after.damaged.size() == 1);
    CHECK(after.damaged.front().table == "attendance_marks");
    CHECK(after.damaged.front().description.find("was changed outside Roundtable") !=
          std::string::npos);

    CHECK_THROWS_WITH_AS(RecordStore::openOnServer("dbname=postgres"),
                         "This database on the server holds no Roundtable store, so it was not "
                         "opened. The server's administrator makes one with roundtable-cli server "
                         "init.",
                         StoreError);
}
