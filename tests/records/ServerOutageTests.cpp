// A server that goes away (issue 15, item 5): the store says so plainly (ConnectionLost),
// picks up again as the same signed-in session when the server is back, and a write whose
// commit the lost connection interrupted is found to be committed whole or not at all. And
// how an open store hears of writes on other computers without asking (item 4).
// The server is really stopped (a cluster of the test's own) or the client's socket really
// shut at the commit (postgres::testing::dropAtNextCommit).
#include <doctest/doctest.h>
#include <sys/socket.h>

#include <chrono>
#include <thread>

#include "support/TempDir.h"
#include "support/TestServer.h"

using namespace roundtable;
using namespace roundtable::records;

namespace {

/// How many events the server's log holds, read over a connection of its own.
std::int64_t eventsOnServer(test::TestServerDatabase& database) {
    auto connection = database.connect();
    auto count = connection->prepare("SELECT COUNT(*) FROM roundtable.audit_events");
    count.step();
    return count.integer(0);
}

const Date kJoined = *Date::fromIso("2026-01-06");

/// A store on the test server (the one PGHOST names when it is made), signed in, with one
/// group.
struct StoreWithGroup {
    test::TestServerDatabase database;
    RecordStore store = std::move(database.createStore().store);
    GroupId group = store.addGroup("Tuesday group", GroupKind::treatment);
};

std::size_t membersOf(RecordStore& store, GroupId group) {
    return store.membersOf(group).size();
}

}  // namespace

TEST_CASE(
    "a store whose server stops says so plainly, and carries on as the same sign-in when it "
    "is back") {
    if (!test::testServerAvailable())
        return;
    test::OwnTestServer server;
    StoreWithGroup made;
    auto& [database, store, group] = made;
    (void)store.addMember(group, "Member A", kJoined);

    server.pause();
    CHECK_THROWS_WITH_AS(
        (void)store.membersOf(group),
        doctest::Contains("This was not done: the server holding the records cannot be reached ("),
        ConnectionLost);
    CHECK_THROWS_AS((void)store.addMember(group, "Member B", kJoined), ConnectionLost);
    CHECK_THROWS_WITH_AS((void)store.reconnect(),
                         doctest::Contains("The database server cannot be reached"),
                         ConnectionLost);
    CHECK(store.isUnlocked());  // nothing typed again: the key stays while the server is away

    server.resume();
    CHECK_FALSE(store.reconnect().has_value());  // no change was being committed
    CHECK(membersOf(store, group) == 1);
    (void)store.addMember(group, "Member B", kJoined);
    CHECK(membersOf(store, group) == 2);
    CHECK(store.verify().intact());
}

TEST_CASE(
    "a write whose connection drops at COMMIT is known saved when the server got the COMMIT, "
    "and not saved when it did not") {
    if (!test::testServerAvailable())
        return;
    StoreWithGroup made;
    auto& [database, store, group] = made;
    const auto before = eventsOnServer(database);
    const auto shut = [](int socket) { ::shutdown(socket, SHUT_RDWR); };

    SUBCASE("dropped after COMMIT was sent: the caller is told it was saved") {
        postgres::testing::dropAtNextCommit(true, shut);
        (void)store.addMember(group, "Member A", kJoined);
        CHECK(eventsOnServer(database) > before);
    }
    SUBCASE("dropped before: the caller is told it was not, and the next write is saved") {
        postgres::testing::dropAtNextCommit(false, shut);
        try {
            (void)store.addMember(group, "Member A", kJoined);
            FAIL("the write was said to be saved");
        } catch (const ConnectionLost& error) {
            FAIL("said unknown, though the server was back at once: " << error.what());
        } catch (const StoreError& error) {
            CHECK(std::string(error.what()) ==
                  "The connection to the server was lost while this was being saved, and it "
                  "was not saved. Try again.");
        }
        CHECK(eventsOnServer(database) == before);
        CHECK(membersOf(store, group) == 0);
        (void)store.addMember(group, "Member A", kJoined);
    }
    CHECK(membersOf(store, group) == 1);
    CHECK(store.verify().intact());
}

TEST_CASE(
    "a commit in doubt while the server is away is settled when it is back: saved, or not "
    "saved") {
    if (!test::testServerAvailable())
        return;
    test::OwnTestServer server;
    StoreWithGroup made;
    auto& [database, store, group] = made;

    SUBCASE("committed by the server before it stopped") {
        const auto before = eventsOnServer(database);
        postgres::testing::dropAtNextCommit(true, [&](int socket) {
            ::shutdown(socket, SHUT_RDWR);
            // The server commits what it received; wait until it has, then stop it.
            for (int tries = 0; tries < 500 && eventsOnServer(database) == before; ++tries)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            server.pause();
        });
        CHECK_THROWS_WITH_AS((void)store.addMember(group, "Member A", kJoined),
                             "The connection to the server was lost while this was being saved. "
                             "Whether it was saved will be known when the server can be reached "
                             "again.",
                             ConnectionLost);
        server.resume();
        CHECK(store.reconnect() == std::optional<bool>(true));
        CHECK(membersOf(store, group) == 1);
    }
    SUBCASE("never received by the server") {
        postgres::testing::dropAtNextCommit(false, [&](int socket) {
            ::shutdown(socket, SHUT_RDWR);
            server.pause();
        });
        CHECK_THROWS_AS((void)store.addMember(group, "Member A", kJoined), ConnectionLost);
        server.resume();
        CHECK(store.reconnect() == std::optional<bool>(false));
        CHECK(membersOf(store, group) == 0);
    }
    CHECK_FALSE(store.reconnect().has_value());  // settled once: nothing in doubt now
    CHECK(store.verify().intact());
}

TEST_CASE(
    "a store listening hears of a write committed on another computer without a query, and "
    "of nothing when nothing was written") {
    if (!test::testServerAvailable())
        return;
    StoreWithGroup made;
    auto& [database, store, group] = made;
    store.listenForChanges();
    (void)store.addMember(group, "Member A", kJoined);  // its own write is announced too
    CHECK(store.mayHaveChanged());
    CHECK_FALSE(store.mayHaveChanged());  // heard once

    // Heard within two seconds, as a window asks once a second.
    auto heardSoon = [&store] {
        for (int tries = 0; tries < 100; ++tries) {
            if (store.mayHaveChanged())
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    };
    auto other = RecordStore::openOnServer(database.clientConnection());
    other.unlock(test::kTestLogin, test::kTestPassphrase);  // a sign-in is logged: a write
    CHECK(heardSoon());
    CHECK_FALSE(heardSoon());  // and nothing since
    (void)other.addMember(group, "Member B", kJoined);
    CHECK(heardSoon());
    CHECK(membersOf(store, group) == 2);

    // A file cannot announce: it always says to look.
    test::TempDir folder;
    auto file = test::createTestStore(folder / "service.rtdb");
    file.listenForChanges();
    CHECK(file.mayHaveChanged());
}
