// The easy-read checker finds long sentences, capitals, acronyms and ideas without pictures.
#include <doctest/doctest.h>

#include "curriculum/EasyReadLint.h"
#include "curriculum/MiniProgramme.h"

using namespace roundtable::curriculum;
using roundtable::test::MiniProgramme;

TEST_CASE("the shipped programme follows every checkable easy-read rule") {
    auto findings = lintEasyRead(ROUNDTABLE_CONTENT);
    std::string text;
    for (const auto& finding : findings)
        text += format(finding) + "\n";
    INFO(text);
    CHECK(findings.empty());
}

TEST_CASE("a long sentence is reported at its point with its word count") {
    MiniProgramme mini;
    mini.replace("modules/one.xml", "<point picture=\"talking\">We talked.</point>",
                 "<point picture=\"talking\">We talked about the many different things that "
                 "happened to each of us during the long week.</point>");
    auto findings = lintEasyRead(mini.path());
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].file == mini.file("modules/one.xml"));
    CHECK(findings[0].line == mini.lineOf("modules/one.xml", "We talked about"));
    CHECK(findings[0].message ==
          "this sentence has 17 words; easy-read sentences have 15 or fewer: \"We talked about "
          "the many different...\"");
}

TEST_CASE("capitals and acronyms are reported: allowed words are not") {
    MiniProgramme mini;
    mini.replace("modules/one.xml", "We said goodbye.",
                 "Do NOT leave early. Ask the CPN. It is OK to watch TV.");
    auto findings = lintEasyRead(mini.path());
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message == "\"NOT\" looks like an acronym; write it out in plain words");
    CHECK(findings[1].message == "\"CPN\" looks like an acronym; write it out in plain words");
    mini.replace("modules/one.xml", "Do NOT leave", "Please NEVER leave");
    findings = lintEasyRead(mini.path());
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message.starts_with("\"NEVER\" is written in capitals"));
}

TEST_CASE("a module reference to a folder or a missing file is reported, not read") {
    MiniProgramme mini;
    mini.replace("programme.xml", "modules/two.xml", "modules");
    mini.replace("programme.xml", "modules/one.xml", "modules/gone.xml");
    auto findings = lintEasyRead(mini.path());
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].file == mini.file("modules/gone.xml"));
    CHECK(findings[0].message == "the file does not exist or cannot be read");
    CHECK(findings[1].file == mini.file("modules"));
}

TEST_CASE("an idea without a picture is reported in the handout and the easy-read text") {
    MiniProgramme mini;
    mini.replace("modules/two.xml", "<covered><point picture=\"group\">We met.</point></covered>",
                 "<covered>We met.</covered>");
    mini.replace("modules/one.xml", "<point picture=\"talking\">We said hello.</point>",
                 "<point picture=\"\">We said hello.</point>");
    auto findings = lintEasyRead(mini.path());
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message == "this point has no picture; every easy-read idea needs one");
    CHECK(findings[0].line == mini.lineOf("modules/one.xml", "We said hello."));
    CHECK(findings[1].message ==
          "text in <covered> must be inside a <point picture=\"...\"> so it has a picture");
    CHECK(findings[1].file == mini.file("modules/two.xml"));
}
