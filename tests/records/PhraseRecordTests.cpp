// The records of format 10: each user's own phrases for notes, sealed, kept forever (a change or
// a removal is a newer row), seen only by the user who wrote them; on real files.
#include <doctest/doctest.h>

#include <algorithm>

#include "records/RecordStore.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

TEST_CASE("a user's phrases are hers alone, and a change or removal keeps what went before") {
    TempDir dir;
    const auto path = dir / "s.rtdb";
    auto store = createTestStore(path);
    store.savePhrase("rules", "He kept to the group's rules.");
    store.savePhrase("late", "He arrived late and joined in quietly.");
    store.savePhrase("rules", "He kept to the group's rules throughout.");
    store.savePhrase("rules", "He kept to the group's rules throughout.");  // nothing new
    store.savePhrase("late", "");                                           // removed
    store.savePhrase("gone", "");  // removing what is not there writes nothing
    CHECK_THROWS_AS(store.savePhrase(" ", "A phrase without a shortcut."), StoreError);

    auto phrases = store.myPhrases();
    REQUIRE(phrases.size() == 1);
    CHECK(phrases[0].shortcut == "rules");
    CHECK(phrases[0].text == "He kept to the group's rules throughout.");
    CHECK(phrases[0].damage.empty());
    CHECK(rawCount(path, "SELECT count(*) FROM user_phrases") == 4);
    // Sealed: neither the shortcut nor the text is in the store in clear (a user's name is).
    CHECK(storeContains(path, kTestLogin));
    CHECK_FALSE(storeContains(path, "rules"));
    // Kept forever: plain SQL cannot change or delete a phrase.
    CHECK_FALSE(rawSql(path, "DELETE FROM user_phrases").empty());
    CHECK_FALSE(rawSql(path, "UPDATE user_phrases SET written_at = 'x'").empty());

    store.addUser("second", Role::facilitator, "a second passphrase here");
    store.lock();
    store.unlock("second", "a second passphrase here");
    CHECK(store.myPhrases().empty());
    store.savePhrase("rules", "Her own words.");
    CHECK(store.myPhrases().at(0).text == "Her own words.");
    store.lock();
    store.unlock(kTestLogin, kTestPassphrase);
    CHECK(store.myPhrases().at(0).text == "He kept to the group's rules throughout.");
    CHECK(store.verify().intact());
}

TEST_CASE("a phrase changed in the file is shown as damaged, not used") {
    TempDir dir;
    const auto path = dir / "s.rtdb";
    {
        auto store = createTestStore(path);
        store.savePhrase("rules", "He kept to the group's rules.");
        store.savePhrase("calm", "He stayed calm.");
    }
    // Someone with the file changes when the second phrase was written (its trigger dropped).
    rawSql(path,
           "DROP TRIGGER user_phrases_are_kept_update; "
           "UPDATE user_phrases SET written_at = '2020-01-01T00:00:00Z' WHERE id = 2");
    auto store = openTestStore(path);
    auto phrases = store.myPhrases();
    REQUIRE(phrases.size() == 2);
    const auto damaged = std::count_if(phrases.begin(), phrases.end(),
                                       [](const UserPhrase& p) { return !p.damage.empty(); });
    CHECK(damaged == 1);
    CHECK_FALSE(store.verify().intact());
}
