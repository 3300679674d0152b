// Creating and opening record stores in tests: a known administrator, and the fast (but
// still 64 MiB) key derivation so that suites can create many databases quickly.
#pragma once

#include "records/RecordStore.h"

namespace roundtable::test {

inline constexpr const char* kTestLogin = "admin";
inline constexpr const char* kTestPassphrase = "correct horse battery";

inline records::RecordStore createTestStore(const std::filesystem::path& path) {
    return records::RecordStore::create(path,
                                        {kTestLogin, kTestPassphrase, records::KeyDerivation::fast})
        .store;
}

/// Opens and signs in as the test administrator.
inline records::RecordStore openTestStore(const std::filesystem::path& path) {
    auto store = records::RecordStore::open(path);
    store.unlock(kTestLogin, kTestPassphrase);
    return store;
}

}  // namespace roundtable::test
