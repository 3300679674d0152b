// The content hash identifies a module's content: layout and comments do not change it,
// any change of content does.
#include <doctest/doctest.h>

#include "curriculum/ContentHash.h"
#include "curriculum/MiniProgramme.h"
#include "curriculum/ProgrammeLoader.h"

using namespace roundtable::curriculum;
using roundtable::test::MiniProgramme;

TEST_CASE("sha256 matches the published test vectors") {
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256Hex(std::string(1000, 'a')) ==
          "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST_CASE("a module's hash ignores comments and indentation but not content") {
    MiniProgramme mini;
    auto original = loadProgramme(mini.path());
    REQUIRE(original.ok());
    auto hash = original.programme->modules[0].contentHash();
    CHECK(hash.size() == 64);
    CHECK(hash != original.programme->modules[1].contentHash());

    mini.replace("modules/one.xml", "<sessions>", "<!-- a comment -->\n\n    <sessions>");
    auto reformatted = loadProgramme(mini.path());
    REQUIRE(reformatted.ok());
    CHECK(reformatted.programme->modules[0].contentHash() == hash);

    mini.replace("modules/one.xml", "<p>Say hello.</p>", "<p>Say hello warmly.</p>");
    auto edited = loadProgramme(mini.path());
    REQUIRE(edited.ok());
    CHECK(edited.programme->modules[0].contentHash() != hash);
}
