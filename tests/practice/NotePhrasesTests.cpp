// Phrases for notes on a real database and the shipped programme: what a typed shortcut expands
// to, the facilitator's own phrases before the programme's, and what is refused.
#include <doctest/doctest.h>

#include <algorithm>

#include "practice/Practice.h"
#include "support/Refusal.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using practice::expansionBefore;
using practice::OfferedPhrase;

namespace {

/// The expansion's replaced length and text as one string, or "none".
std::string expanded(std::string_view before, const std::vector<OfferedPhrase>& phrases) {
    auto expansion = expansionBefore(before, phrases);
    return expansion ? std::to_string(expansion->replaced) + ":" + expansion->text : "none";
}

}  // namespace

TEST_CASE("a shortcut typed after a full stop at the start of a word expands, and nothing else") {
    const std::vector<OfferedPhrase> phrases = {
        {"rules", "He kept to the rules.", "Your own", true, ""},
        {"calm", "He stayed calm.", "Your own", true, ""},
        {"gone", "Damaged text.", "Your own", true, "This phrase was changed."},
    };
    CHECK(expanded(".rules", phrases) == "6:He kept to the rules.");
    CHECK(expanded("He came on time. .calm", phrases) == "5:He stayed calm.");
    CHECK(expanded("He came on time.\n.Calm", phrases) == "5:He stayed calm.");  // any case
    CHECK(expanded("(.calm", phrases) == "5:He stayed calm.");
    CHECK(expanded("Née .calm", phrases) == "5:He stayed calm.");  // text before in UTF-8
    CHECK(expanded("e.g.calm", phrases) == "none");                // a full stop inside a word
    CHECK(expanded("It ended..calm", phrases) == "none");
    CHECK(expanded("calm", phrases) == "none");  // no full stop: a word like any other
    CHECK(expanded(".", phrases) == "none");
    CHECK(expanded(".unknown", phrases) == "none");
    CHECK(expanded(".gone", phrases) == "none");   // a damaged phrase is not used
    CHECK(expanded(".calm ", phrases) == "none");  // the word has ended already
}

TEST_CASE("her own phrases come first and win over the programme's, and only she sees them") {
    test::TempDir dir;
    auto store = test::createTestStore(dir / "service.rtdb");
    practice::Practice practice{store, test::shippedProgramme()};
    const auto shipped = practice.phrases();  // a copy: the list is read again after a change
    REQUIRE_FALSE(shipped.empty());
    CHECK(std::ranges::none_of(shipped, &OfferedPhrase::own));
    const auto programmes = shipped.front();
    CHECK_FALSE(programmes.from.empty());

    practice.savePhrase("  late ", " He arrived late and settled quickly. ");
    practice.savePhrase(programmes.shortcut, "My own words instead.");
    const auto& mine = practice.phrases();
    REQUIRE(mine.size() == shipped.size() + 1);
    CHECK(mine[0].own);  // hers first
    CHECK(mine[1].own);
    CHECK_FALSE(mine[2].own);
    auto late = std::ranges::find(mine, std::string("late"), &OfferedPhrase::shortcut);
    REQUIRE(late != mine.end());
    CHECK(late->text == "He arrived late and settled quickly.");
    CHECK(late->from == "Your own");
    CHECK(expansionBefore("." + programmes.shortcut, mine)->text == "My own words instead.");

    // Removed, the programme's phrase of that shortcut is offered again.
    practice.removePhrase(programmes.shortcut);
    CHECK(expansionBefore("." + programmes.shortcut, practice.phrases())->text == programmes.text);
    CHECK(
        test::fieldOf([&] { practice.removePhrase(programmes.shortcut); }) ==
        "phrase-shortcut: Only your own phrases can be removed: the programme's are changed in its "
        "curriculum.");

    // Another facilitator signs in (the key wiped without a lock through Practice): not hers.
    store.addUser("second", records::Role::facilitator, "a second passphrase here");
    store.lock();
    store.unlock("second", "a second passphrase here");
    CHECK(practice.phrases().size() == shipped.size());
}

TEST_CASE("a phrase with a shortcut that is not one word, or no text, is refused at its field") {
    test::TempDir dir;
    auto store = test::createTestStore(dir / "service.rtdb");
    practice::Practice practice{store, test::shippedProgramme()};
    const std::string shortcutRule =
        "phrase-shortcut: A shortcut is one word of up to 20 small letters, digits or hyphens, "
        "starting with a letter, such as \"rules\".";
    CHECK(test::fieldOf([&] { practice.savePhrase("two words", "A phrase."); }) == shortcutRule);
    CHECK(test::fieldOf([&] { practice.savePhrase("Rules", "A phrase."); }) == shortcutRule);
    CHECK(test::fieldOf([&] { practice.savePhrase("1st", "A phrase."); }) == shortcutRule);
    CHECK(test::fieldOf([&] { practice.savePhrase("", "A phrase."); }) == shortcutRule);
    CHECK(test::fieldOf([&] { practice.savePhrase(std::string(21, 'a'), "A phrase."); }) ==
          shortcutRule);
    CHECK(test::fieldOf([&] { practice.savePhrase("calm", "  "); }) ==
          "phrase-text: Please enter the phrase.");
    CHECK(test::fieldOf([&] { practice.savePhrase("calm", std::string(401, 'a')); }) ==
          "phrase-text: A phrase has at most 400 characters.");
    CHECK(test::fieldOf([&] { practice.savePhrase("calm", std::string(200, 'e') + "é"); }) ==
          "accepted");
    CHECK(store.myPhrases().size() == 1);
}
