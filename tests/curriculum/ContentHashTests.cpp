// The content hash identifies a module's content: layout and comments do not change it,
// any change of content does.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <filesystem>
#include <sstream>

#include "curriculum/ContentHash.h"
#include "curriculum/MiniProgramme.h"
#include "curriculum/ProgrammeLoader.h"
#include "support/TempDir.h"

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

TEST_CASE("a loaded module's hash is the hash of its canonical text as read from disk") {
    // Sessions already in the record store were stamped with sha256Hex(canonicalXml(bytes)).
    // The loader now hashes the document it parsed instead of keeping the bytes, and must give
    // the same value for every shipped module, or every stamp would read as an edit.
    auto loaded = loadProgramme(ROUNDTABLE_CONTENT);
    REQUIRE(loaded.ok());
    for (const auto& module : loaded.programme->modules) {
        CAPTURE(module.file);
        auto bytes =
            roundtable::test::readFile(std::filesystem::path(ROUNDTABLE_CONTENT) / module.file);
        CHECK(module.contentHash() == sha256Hex(canonicalXml(bytes)));
    }
}

TEST_CASE("the hash of a fixed module does not change between versions of Roundtable") {
    // Pinned: a change to canonicalXml that wrote the same content differently would turn
    // every stamp in every database into an apparent edit. If this fails, that is what happened.
    MiniProgramme mini;
    auto loaded = loadProgramme(mini.path());
    REQUIRE(loaded.ok());
    CHECK(loaded.programme->modules[0].contentHash() ==
          "db9b13c5722cb0360633a94601950ad62c22cedff0d37d62cd32c900428139ea");
}

TEST_CASE(
    "the canonical form is written as pugixml 1.13's raw printer wrote it when stamps began") {
    // canonicalXml is our own writer now (a pugixml upgrade must not change a stamp); every
    // stamp so far was made with pugixml's printer, so the two must agree byte for byte: on
    // every shipped module, and on the markup a module could hold.
    auto printed = [](std::string_view xml) {
        pugi::xml_document document;
        document.load_buffer(xml.data(), xml.size(), pugi::parse_default);
        std::ostringstream out;
        document.save(out, "", pugi::format_raw | pugi::format_no_declaration);
        return out.str();
    };
    std::vector<std::string> documents = {
        "<?xml version=\"1.0\"?>\n<!-- c --><m a=\"x &amp; &lt;y&gt; &quot;q&quot; 'a'\" "
        "b=\"tab&#9;nl&#10;cr&#13;\"><e/>\n  <t>fish &amp; chips &lt; 3 &gt; 2 \"quoted\" "
        "'single'</t><c><![CDATA[a ]]]]><![CDATA[> b <x> & ]]></c><u>caf\xC3\xA9 \xE2\x80\x93 "
        "ok</u><w>  spaced  text\n  over lines  </w><ctl>bell&#7;</ctl></m>",
        "<empty/>", "<a><b></b><c>  </c></a>"};
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(ROUNDTABLE_CONTENT) / "modules"))
        documents.push_back(roundtable::test::readFile(entry.path()));
    for (const auto& xml : documents) {
        CAPTURE(xml.substr(0, 60));
        CHECK(canonicalXml(xml) == printed(xml));
    }
}
