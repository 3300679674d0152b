// What a computer remembers of each database it opened (practice/SeenLogHeads): the keys its
// users' certificates lead back to. Keys put in their place later are warned about at every
// opening; a computer that never saw the database has nothing to compare with.
#include <doctest/doctest.h>

#include "practice/SeenLogHeads.h"
#include "records/RecordStore.h"
#include "settings/Settings.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using namespace roundtable::test;

TEST_CASE("a database whose root keys were replaced is warned about on a computer that saw them") {
    TempDir dir;
    auto path = dir / "s.rtdb";
    settings::IniFileStore computer(dir / "computer.ini");
    practice::SeenLogHeads seen(computer);
    {
        auto store = createTestStore(path);
        CHECK(seen.warningFor(store).empty());
        seen.remember(store);
    }
    {
        auto store = records::RecordStore::open(path);
        CHECK(seen.warningFor(store).empty());
    }
    // Someone with the file puts a key of her own where the recovery key's was.
    CHECK(rawSql(path, "UPDATE service_state SET value = '" + std::string(64, 'a') +
                           "' WHERE key = 'recovery_public_key'") == "");
    const std::string warning =
        "The keys that prove who wrote this database's records are not the ones this computer "
        "saw before. Unless its recovery key was used on purpose, add nothing and ask an "
        "administrator to verify it.";
    for (int opening = 0; opening < 2; ++opening) {
        auto store = openTestStore(path);
        CHECK(seen.warningFor(store) == warning);
        seen.remember(store);  // signing in does not make the new key believed
    }
    // Another computer never saw the database: nothing to compare with.
    settings::IniFileStore another(dir / "another.ini");
    practice::SeenLogHeads fresh(another);
    auto store = records::RecordStore::open(path);
    CHECK(fresh.warningFor(store).empty());
}
