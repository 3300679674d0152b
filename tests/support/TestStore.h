// Creating and opening record stores in tests: a known administrator, and the fast (but
// still 64 MiB) key derivation so that suites can create many databases quickly. On the file
// named, or on the test server when the suite runs there (TestEngine.h).
#pragma once

#include "records/RecordStore.h"
#include "records/ServerSetup.h"
#include "support/TestEngine.h"

// "2026-11-03"_date wherever a test writes a date.
using namespace roundtable::records::literals;

namespace roundtable::test {

inline constexpr const char* kTestLogin = "admin";
inline constexpr const char* kTestPassphrase = "correct horse battery";

/// A new store with the test administrator signed in, and its recovery key.
inline records::CreatedDatabase createTestDatabase(const std::filesystem::path& path) {
    const records::NewDatabase setup{kTestLogin, kTestPassphrase, records::KeyDerivation::fast};
    if (testsOnServer()) {
        // As a service does it: the owner makes the store, the client account signs it up.
        auto& databases = ServerDatabases::instance();
        databases.make(path);
        databases.makeClientRole();
        records::server::install(serverDatabaseFor(path), kTestClientRole);
        return records::RecordStore::createOnServer(clientConnectionFor(path), setup);
    }
    return records::RecordStore::create(path, setup);
}

inline records::RecordStore createTestStore(const std::filesystem::path& path) {
    return std::move(createTestDatabase(path).store);
}

/// A plain planned session for store tests that only need one to exist.
inline records::NewSession plannedSession(records::GroupId group,
                                          records::Date date = "2026-11-03"_date) {
    records::NewSession plan;
    plan.groupId = group;
    plan.date = date;
    plan.title = "Rules";
    plan.minutes = 120;
    plan.stamp = {"framework-02", "framework", 1, std::string(64, 'a')};
    return plan;
}

/// Opens and signs in as the test administrator.
inline records::RecordStore openTestStore(const std::filesystem::path& path) {
    auto store = testsOnServer() ? records::RecordStore::openOnServer(clientConnectionFor(path))
                                 : records::RecordStore::open(path);
    store.unlock(kTestLogin, kTestPassphrase);
    return store;
}

}  // namespace roundtable::test
