// Sign-in reveals nothing and slows guessing (RELIABILITY.md promise 20): an unknown name is
// logged without what was typed; after five failures for a name each attempt waits twice as
// long as the one before, kept in the file so that reopening it does not reset the count.
// (That an unknown name costs the same time as a wrong passphrase is a benchmark figure:
// bench/run records, "sign-in".)
#include <doctest/doctest.h>

#include <string>

#include "records/RecordStore.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

std::string failureOf(RecordStore& store, const std::string& login, const std::string& passphrase) {
    try {
        store.unlock(login, passphrase);
    } catch (const StoreError& error) {
        return error.what();
    }
    return "signed in";
}

constexpr const char* kWrong = "The user name or passphrase is not right.";

/// The seconds a refusal asks to wait ("... Wait 4 seconds, then try again."); -1 for any other
/// message.
int secondsAsked(const std::string& message) {
    const std::string lead = "Too many sign-ins with this user name have failed. Wait ";
    if (!message.starts_with(lead))
        return -1;
    return std::stoi(message.substr(lead.size()));
}

/// The wait runs from the failure, counted in whole seconds of the computer's clock: when a
/// second begins between the failure and the next attempt (a slow disk makes that likely), one
/// second less is asked. So a test pushes the failure `ahead` seconds into the future first (the
/// refusal then cannot have run out) and accepts the tick.
bool asksToWait(const std::string& message, int wait, int ahead) {
    const int asked = secondsAsked(message);
    return (asked == wait + ahead || asked == wait + ahead - 1) &&
           message == "Too many sign-ins with this user name have failed. Wait " +
                          std::to_string(asked) + " seconds, then try again.";
}

}  // namespace

TEST_CASE("a name that is not a user is logged as an unknown user, never as typed") {
    TempDir dir;
    auto path = dir / "s.rtdb";
    { (void)createTestStore(path); }
    {
        auto store = RecordStore::open(path);
        // Someone types her passphrase into the name field.
        CHECK(failureOf(store, "my secret words here", "x") == kWrong);
        CHECK(failureOf(store, kTestLogin, "not the passphrase") == kWrong);
        store.unlock(kTestLogin, kTestPassphrase);
        store.lock();
    }
    CHECK(rawCount(path,
                   "SELECT COUNT(*) FROM audit_events WHERE kind = 'failed-sign-in' AND "
                   "record_kind = 'sign-in as an unknown user'") == 1);
    CHECK(rawCount(path,
                   "SELECT COUNT(*) FROM audit_events WHERE kind = 'failed-sign-in' AND "
                   "record_kind = 'sign-in as admin'") == 1);
    CHECK(readFile(path).find("my secret words") == std::string::npos);
    CHECK(rawCount(path, "SELECT COUNT(*) FROM sign_in_failures") == 1);  // the unknown name's
}

TEST_CASE(
    "after five failures for a name each attempt waits longer, and reopening does not reset it") {
    TempDir dir;
    auto path = dir / "s.rtdb";
    { (void)createTestStore(path); }
    for (const std::string& login : {std::string(kTestLogin), std::string("nobody-here")}) {
        CAPTURE(login);
        auto store = RecordStore::open(path);
        for (int attempt = 1; attempt <= 5; ++attempt)
            CHECK(failureOf(store, login, "wrong passphrase") == kWrong);
        // The sixth attempt waits a second: refused at once, even with the right passphrase.
        CHECK(rawSql(path, "UPDATE sign_in_failures SET last_failed_at = last_failed_at + 5") ==
              "");
        CHECK(asksToWait(failureOf(store, login, kTestPassphrase), 1, 5));
        CHECK_FALSE(store.isUnlocked());
        // Reopening the file (a restart) does not reset the count.
        auto reopened = RecordStore::open(path);
        CHECK(asksToWait(failureOf(reopened, login, kTestPassphrase), 1, 5));
        CHECK(rawSql(path, "UPDATE sign_in_failures SET last_failed_at = last_failed_at - 5") ==
              "");
        // Two more failures, each after its wait: the next wait is four seconds.
        for (int failure = 0; failure < 2; ++failure) {
            CHECK(rawSql(path,
                         "UPDATE sign_in_failures SET last_failed_at = last_failed_at - 60") == "");
            CHECK(failureOf(reopened, login, "wrong again") == kWrong);
        }
        CHECK(rawSql(path, "UPDATE sign_in_failures SET last_failed_at = last_failed_at + 5") ==
              "");
        CHECK(asksToWait(failureOf(reopened, login, kTestPassphrase), 4, 5));
        CHECK(rawSql(path, "UPDATE sign_in_failures SET last_failed_at = last_failed_at - 65") ==
              "");
    }
    // Another name is not held up by these, and a sign-in that succeeds clears its own count.
    auto store = RecordStore::open(path);
    CHECK(failureOf(store, kTestLogin, kTestPassphrase) == "signed in");
    CHECK(rawCount(path, "SELECT COUNT(*) FROM sign_in_failures") == 1);  // nobody-here's
}
