// Saving a module keeps everything it held and never leaves a half-written file.
#include <doctest/doctest.h>

#include "curriculum/ContentHash.h"
#include "curriculum/MiniProgramme.h"
#include "curriculum/ModuleDocument.h"
#include "curriculum/ProgrammeLoader.h"

using namespace roundtable::curriculum;
using roundtable::test::MiniProgramme;
using roundtable::test::readFile;

namespace {
std::vector<std::string> commentsOf(const std::string& text) {
    std::vector<std::string> comments;
    for (auto at = text.find("<!--"); at != std::string::npos; at = text.find("<!--", at + 4)) {
        comments.push_back(text.substr(at, text.find("-->", at) + 3 - at));
    }
    return comments;
}
}  // namespace

TEST_CASE("every shipped module is written back with the same content and comments") {
    auto loaded = loadProgramme(ROUNDTABLE_CONTENT);
    REQUIRE(loaded.ok());
    roundtable::test::TempDir dir;
    for (const auto& module : loaded.programme->modules) {
        CAPTURE(module.file);
        auto original = readFile(std::filesystem::path(ROUNDTABLE_CONTENT) / module.file);
        ModuleDocument::open(std::filesystem::path(ROUNDTABLE_CONTENT) / module.file)
            .save(dir / "copy.xml");
        auto saved = readFile(dir / "copy.xml");
        CHECK(canonicalXml(saved) == canonicalXml(original));
        CHECK(commentsOf(saved) == commentsOf(original));
    }
}

TEST_CASE("content this version does not know survives an edit and a save") {
    MiniProgramme mini;
    mini.replace("modules/one.xml", "<summary>",
                 "<!-- reviewed by the clinical lead -->\n  <review-note by=\"JS\">Keep as "
                 "is</review-note>\n  <summary>");
    mini.replace("modules/one.xml", "<session id=\"one-01\"",
                 "<session colour=\"green\" id=\"one-01\"");
    auto path = mini.path() / "modules/one.xml";

    auto module = ModuleDocument::open(path);
    REQUIRE(module.setSessionTitle("one-01", "Session one, revised"));
    CHECK_FALSE(module.setSessionTitle("no-such-session", "x"));
    module.save(path);

    auto saved = readFile(path);
    CHECK(saved.find("<!-- reviewed by the clinical lead -->") != std::string::npos);
    CHECK(saved.find("<review-note by=\"JS\">Keep as is</review-note>") != std::string::npos);
    CHECK(saved.find("colour=\"green\"") != std::string::npos);
    auto reloaded = loadProgramme(mini.path());
    REQUIRE(reloaded.ok());
    CHECK(reloaded.programme->findSession("one-01")->session->title == "Session one, revised");
    CHECK(reloaded.findings.size() == 2);  // the two unknown items, reported as warnings
    CHECK_FALSE(std::filesystem::exists(mini.path() / "modules/one.xml.saving"));
}

TEST_CASE("a save that cannot be completed leaves the original exactly as it was") {
    MiniProgramme mini;
    auto path = mini.path() / "modules/one.xml";
    auto before = readFile(path);
    auto module = ModuleDocument::open(path);
    module.setSessionTitle("one-01", "Changed");
    // Something in the way of the temporary file makes the write fail part-way.
    std::filesystem::create_directory(mini.path() / "modules/one.xml.saving");
    CHECK_THROWS_AS(module.save(path), CurriculumFileError);
    CHECK(readFile(path) == before);
}

TEST_CASE("a file that cannot be read is refused with its name") {
    roundtable::test::TempDir dir;
    roundtable::test::writeFile(dir / "broken.xml", "<module><title>x</module>");
    try {
        (void)ModuleDocument::open(dir / "broken.xml");
        FAIL("a broken file was opened");
    } catch (const CurriculumFileError& error) {
        CHECK(std::string(error.what()).find("broken.xml") != std::string::npos);
    }
}
