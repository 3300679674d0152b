// The loader reports every kind of mistake with its file, line, column and a plain message.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <string>

#include "curriculum/MiniProgramme.h"
#include "curriculum/ProgrammeFolder.h"
#include "curriculum/ProgrammeLoader.h"
#include "curriculum/XmlFile.h"

using namespace roundtable::curriculum;
using roundtable::test::MiniProgramme;

namespace {

const Finding* findingContaining(const LoadResult& result, const std::string& text) {
    auto it = std::find_if(result.findings.begin(), result.findings.end(), [&](const Finding& f) {
        return f.message.find(text) != std::string::npos;
    });
    return it == result.findings.end() ? nullptr : &*it;
}

std::string allFindings(const LoadResult& result) {
    std::string text;
    for (const auto& finding : result.findings)
        text += format(finding) + "\n";
    return text;
}

}  // namespace

TEST_CASE("the valid fixture loads with no findings") {
    MiniProgramme mini;
    auto result = loadProgramme(mini.path());
    INFO(allFindings(result));
    REQUIRE(result.ok());
    CHECK(result.findings.empty());
    CHECK(result.programme->modules.size() == 2);
    CHECK(result.programme->modules[0].sessions[0].activities.size() == 4);
    CHECK(std::ranges::equal(result.programme->measures[0].timePoints,
                             std::vector<std::string_view>{"before", "after"}));
    CHECK(result.programme->findSession("two-01")->module->id == "module-two");
}

TEST_CASE("malformed XML is reported at the line and column where reading stopped") {
    MiniProgramme mini;
    mini.replace("modules/one.xml", "<title>Hello</title>", "<title>Hello</titel>");
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.findings.size() == 1);
    const auto& finding = result.findings.front();
    CHECK(finding.file == mini.file("modules/one.xml"));
    CHECK(finding.line == mini.lineOf("modules/one.xml", "</titel>"));
    CHECK(finding.column == mini.columnOf("modules/one.xml", "</titel>") + 2);
    CHECK(finding.message ==
          "the XML is not well formed: an end tag does not match the tag that is open here");
}

TEST_CASE("an unknown element is a warning and the programme still loads") {
    MiniProgramme mini;
    mini.replace("modules/one.xml", "<summary>", "<colour>blue</colour>\n  <summary>");
    auto result = loadProgramme(mini.path());
    REQUIRE(result.ok());
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].severity == Severity::warning);
    CHECK(result.findings[0].line == mini.lineOf("modules/one.xml", "<colour>"));
    CHECK(result.findings[0].column == 3);
    CHECK(result.findings[0].message ==
          "<colour> is not part of <module> in format 1; it is ignored");
}

TEST_CASE("missing required text is an error at the element that needs it") {
    MiniProgramme mini;
    mini.replace("modules/one.xml", "<title>Session one</title>", "<title>  </title>");
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    const auto* finding = findingContaining(result, "has no text");
    REQUIRE(finding);
    CHECK(finding->message == "<title> has no text");
    CHECK(finding->line == mini.lineOf("modules/one.xml", "<title>  </title>"));
}

TEST_CASE("a duplicate id anywhere in the programme names where it was first used") {
    MiniProgramme mini;
    mini.replace("modules/two.xml", "<session id=\"two-01\"", "<session id=\"one-01\"");
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    const auto* finding = findingContaining(result, "already used");
    REQUIRE(finding);
    CHECK(finding->file == mini.file("modules/two.xml"));
    CHECK(finding->line == mini.lineOf("modules/two.xml", "<session id="));
    auto firstUse = mini.file("modules/one.xml") + ":" +
                    std::to_string(mini.lineOf("modules/one.xml", "<session id=")) + ":5";
    CHECK(finding->message == "the session id \"one-01\" is already used at " + firstUse +
                                  "; every id must be unique in the programme");
}

TEST_CASE("a picture that does not exist is named with where it was looked for") {
    MiniProgramme mini;
    mini.replace("modules/one.xml", "picture=\"group\">We learned",
                 "picture=\"unicorn\">We learned");
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    const auto* finding = findingContaining(result, "unicorn");
    REQUIRE(finding);
    CHECK(finding->line == mini.lineOf("modules/one.xml", "picture=\"unicorn\""));
    CHECK(finding->message.starts_with("the picture \"unicorn\" does not exist"));
}

TEST_CASE("a picture may be a symbolic link to a file, but not to nothing") {
    MiniProgramme mini;
    const auto pictures = mini.path() / "pictures";
    std::filesystem::create_symlink(pictures / "group.svg", pictures / "linked.svg");
    std::filesystem::create_symlink(pictures / "missing.svg", pictures / "dangling.svg");
    mini.replace("modules/one.xml", "picture=\"group\">We learned",
                 "picture=\"linked\">We learned");
    mini.replace("modules/one.xml", "picture=\"talking\">We said", "picture=\"dangling\">We said");
    auto result = loadProgramme(mini.path());
    INFO(allFindings(result));
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].message.starts_with("the picture \"dangling\" does not exist"));
}

TEST_CASE("texts are collapsed to single spaces and trimmed, however long they are") {
    // Long and short texts take different paths through the loader; both must agree.
    const std::string words = "one two three four five six seven eight nine ten eleven twelve";
    for (std::size_t cut : {3u, 9u, 15u, 16u, 17u, 31u, 32u, 33u, 60u}) {
        CAPTURE(cut);
        const std::string text = words.substr(0, cut);
        const std::string spread =
            "\n      " + text.substr(0, cut / 2) + "  \t\r\n  " + text.substr(cut / 2) + "\n    ";
        auto expected = text.substr(0, cut / 2);
        while (!expected.empty() && expected.back() == ' ')
            expected.pop_back();
        auto rest = text.substr(cut / 2);
        while (!rest.empty() && rest.front() == ' ')
            rest.erase(0, 1);
        expected += (expected.empty() || rest.empty() ? "" : " ") + rest;

        MiniProgramme mini;
        mini.replace("modules/one.xml", "<title>Hello</title>", "<title>" + spread + "</title>");
        mini.replace("modules/one.xml", "<p>Say hello.</p>", "<p>" + text + "</p>");
        auto result = loadProgramme(mini.path());
        INFO(allFindings(result));
        REQUIRE(result.ok());
        const auto& activity = result.programme->modules[0].sessions[0].activities[0];
        CHECK(activity.title == expected);
        CHECK(activity.guidance[0] == text);
    }
}

TEST_CASE("activity minutes that do not add up to the session are an error") {
    MiniProgramme mini;
    mini.replace("modules/one.xml", "kind=\"discussion\" minutes=\"20\"",
                 "kind=\"discussion\" minutes=\"15\"");
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    const auto* finding = findingContaining(result, "add up");
    REQUIRE(finding);
    CHECK(finding->line == mini.lineOf("modules/one.xml", "<session id="));
    CHECK(finding->message ==
          "the activities add up to 55 minutes, but the session is 60 minutes long");
}

TEST_CASE("a module version that is not a positive whole number is an error") {
    for (std::string bad : {"two", "0", "-1", "1.5"}) {
        CAPTURE(bad);
        MiniProgramme mini;
        mini.replace("modules/two.xml", "version=\"1\"", "version=\"" + bad + "\"");
        auto result = loadProgramme(mini.path());
        REQUIRE_FALSE(result.ok());
        const auto* finding = findingContaining(result, "version=");
        REQUIRE(finding);
        CHECK(finding->line == 2);
        CHECK(finding->message == "version=\"" + bad + "\" must be a whole number above zero");
    }
}

TEST_CASE("a module phase other than treatment, maintenance or carers is an error") {
    MiniProgramme mini;
    mini.replace("modules/one.xml", "phase=\"treatment\"", "phase=\"follow-up\"");
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].line == 2);
    CHECK(result.findings[0].message ==
          "phase=\"follow-up\" must be treatment, maintenance or carers");
}

TEST_CASE("a time point says when it falls due, and a due it cannot use is an error there") {
    MiniProgramme mini;
    mini.replace("programme.xml", "<time-point id=\"after\">",
                 "<time-point id=\"after\" due=\"year-end\" months-after=\"6\">");
    auto loaded = loadProgramme(mini.path());
    REQUIRE(loaded.ok());
    REQUIRE(loaded.programme->timePoints.size() == 2);
    CHECK(loaded.programme->timePoints[0].due == DueFrom::never);
    CHECK(loaded.programme->timePoints[1].due == DueFrom::yearEnd);
    CHECK(loaded.programme->timePoints[1].monthsAfter == 6);

    const std::vector<std::pair<std::string, std::string>> refused = {
        {"due=\"soon\"", "due=\"soon\" must be joining, year-end or each-session"},
        {"months-after=\"6\"", "months-after needs due=\"joining\" or due=\"year-end\""},
        {"due=\"each-session\" months-after=\"6\"",
         "months-after needs due=\"joining\" or due=\"year-end\""},
        {"due=\"joining\" months-after=\"half\"",
         "months-after=\"half\" must be a whole number above zero"},
    };
    for (const auto& [attributes, message] : refused) {
        CAPTURE(attributes);
        MiniProgramme bad;
        bad.replace("programme.xml", "<time-point id=\"before\">",
                    "<time-point id=\"before\" " + attributes + ">");
        auto result = loadProgramme(bad.path());
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.findings.size() == 1);
        CHECK(result.findings[0].line == 7);
        CHECK(result.findings[0].message == message);
    }
}

TEST_CASE("milestones are optional, each named, and an id is given once") {
    MiniProgramme mini;
    REQUIRE(loadProgramme(mini.path()).programme->milestones.empty());
    mini.replace("programme.xml", "<modules>",
                 "<milestones><milestone id=\"plan-written\">His plan written</milestone>"
                 "</milestones><modules>");
    auto loaded = loadProgramme(mini.path());
    REQUIRE(loaded.ok());
    REQUIRE(loaded.programme->milestones.size() == 1);
    CHECK(loaded.programme->findMilestone("plan-written")->label == "His plan written");
    CHECK_FALSE(loaded.programme->findMilestone("other"));

    const std::vector<std::pair<std::string, std::string>> refused = {
        {"<milestone id=\"plan-written\"></milestone>", "a <milestone> needs its name as its text"},
        {"<milestone>His plan written</milestone>", "<milestone> needs the attribute id"},
        {"<milestone id=\"before\">Same id as a time point</milestone>", "\"before\""},
    };
    for (const auto& [element, message] : refused) {
        CAPTURE(element);
        MiniProgramme bad;
        bad.replace("programme.xml", "<modules>",
                    "<milestones>" + element + "</milestones><modules>");
        auto result = loadProgramme(bad.path());
        REQUIRE_FALSE(result.ok());
        CHECK(findingContaining(result, message));
    }
}

TEST_CASE("a session with too few or too many activities is an error") {
    MiniProgramme mini;
    auto text = roundtable::test::readFile(mini.path() / "modules/one.xml");
    auto start = text.find("        <activity kind=\"discussion\"");
    auto end = text.find("</activity>", start) + std::string("</activity>\n").size();
    const auto discussion = text.substr(start, end - start);
    std::string expected;
    SUBCASE("three") {
        text.erase(start, end - start);
        expected = "a session needs 4 to 8 activities; this one has 3";
    }
    SUBCASE("nine") {
        for (int copy = 0; copy < 5; ++copy)
            text.insert(start, discussion);
        expected = "a session needs 4 to 8 activities; this one has 9";
    }
    roundtable::test::writeFile(mini.path() / "modules/one.xml", text);
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    const auto* finding = findingContaining(result, expected);
    REQUIRE(finding);
    CHECK(finding->line == mini.lineOf("modules/one.xml", "<activities>"));
}

TEST_CASE("a module file that does not exist is reported in the manifest") {
    MiniProgramme mini;
    std::filesystem::remove(mini.path() / "modules/two.xml");
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].file == mini.file("programme.xml"));
    CHECK(result.findings[0].line == mini.lineOf("programme.xml", "modules/two.xml"));
    CHECK(result.findings[0].message == "the module file \"modules/two.xml\" does not exist");
}

TEST_CASE("module paths outside the folder, or that cannot be examined, are reported") {
    MiniProgramme mini;
    mini.replace("programme.xml", "modules/one.xml", "../outside.xml");
    mini.replace("programme.xml", "modules/two.xml", "modules/" + std::string(5000, 'x') + ".xml");
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.findings.size() == 2);
    CHECK(result.findings[0].message ==
          "the module file \"../outside.xml\" must be a path inside the programme folder");
    CHECK(result.findings[1].message.ends_with("does not exist"));
}

TEST_CASE("every mistake is reported, not only the first") {
    MiniProgramme mini;
    mini.replace("modules/one.xml", "kind=\"teaching\"", "kind=\"lecture\"");
    mini.replace("modules/two.xml", "scale=\"0-3\"", "scale=\"3-0\"");
    mini.replace("programme.xml", "time-points=\"before after\"", "time-points=\"before later\"");
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    INFO(allFindings(result));
    CHECK(result.findings.size() == 3);
    CHECK(findingContaining(result, "the activity kind \"lecture\" is not known"));
    CHECK(findingContaining(result, "scale=\"3-0\" must be two whole numbers"));
    CHECK(findingContaining(result, "the time point \"later\" is not defined"));
}

TEST_CASE("a programme in a newer format is refused with an explanation") {
    MiniProgramme mini;
    mini.replace("programme.xml", "format=\"1\"", "format=\"2\"");
    auto result = loadProgramme(mini.path());
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].message ==
          "this programme is written in format 2; this version of Roundtable reads format 1");
}

TEST_CASE("a folder with no programme.xml says so") {
    roundtable::test::TempDir empty;
    auto result = loadProgramme(empty.path());
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].message == "the file does not exist or cannot be read");
}

TEST_CASE("a finding's place is read from the file as it was parsed, never guessed") {
    // The parse overwrites the bytes, so positions come from reading the file again when a
    // finding is reported; a file changed in between must not give a wrong line.
    MiniProgramme mini;
    const auto path = mini.path() / "modules/one.xml";
    std::vector<Finding> findings;
    auto firstSession = [](const XmlFile& file) {
        return file.root().child("sessions").child("session");
    };

    XmlFile unchanged(path, "one.xml", findings);
    REQUIRE(unchanged.parse());
    unchanged.warning(firstSession(unchanged), "unchanged");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].line == mini.lineOf("modules/one.xml", "<session "));
    CHECK(findings[0].column == mini.columnOf("modules/one.xml", "<session "));
    CHECK(findings[0].message == "unchanged");

    SUBCASE("a line added above the place") {
        XmlFile file(path, "one.xml", findings);
        REQUIRE(file.parse());
        mini.replace("modules/one.xml", "<sessions>", "<!-- added -->\n  <sessions>");
        file.error(firstSession(file), "changed");
    }
    SUBCASE("the same number of bytes, written later") {
        XmlFile file(path, "one.xml", findings);
        REQUIRE(file.parse());
        const auto written = std::filesystem::last_write_time(path);
        mini.replace("modules/one.xml", "<sessions>", "<sessions>");
        std::filesystem::last_write_time(path, written + std::chrono::seconds(2));
        file.error(firstSession(file), "changed");
    }
    REQUIRE(findings.size() == 2);
    CHECK(findings[1].line == 0);
    CHECK(findings[1].message ==
          "changed (where in the file is not known: it changed after it was read; check it again)");
    CHECK(format(findings[1]) == "one.xml: error: " + findings[1].message);
}

TEST_CASE("line and column are counted from byte offsets") {
    LineIndex index("ab\ncde\n\nf");
    CHECK(index.at(0).line == 1);
    CHECK(index.at(1).column == 2);
    CHECK(index.at(3).line == 2);
    CHECK(index.at(5).column == 3);
    CHECK(index.at(7).line == 3);
    CHECK(index.at(8).line == 4);
    CHECK(index.at(8).column == 1);
}

// Input that is not what the loader should read: bytes that are not UTF-8 (or references that
// would become such bytes), module files and pictures that lead outside the programme folder,
// and module "files" that are not files.

TEST_CASE("bytes that are not UTF-8 are an error at the byte where they start") {
    struct Case {
        const char* bytes;
        const char* reason;
    };
    const Case cases[] = {
        {"\xC3l", "byte 0xC3 is not followed by a continuation byte"},
        {"\xE2\x82l", "byte 0xE2 is not followed by the continuation bytes it needs"},
        {"\xF0\x9F\x98l", "byte 0xF0 is not followed by the continuation bytes it needs"},
        {"\xA9", "byte 0xA9 is a continuation byte with no character before it"},
        {"\xC0\xAF",
         "byte 0xC0 starts an overlong form of a character, which UTF-8 does not allow"},
        {"\xC1\xBF",
         "byte 0xC1 starts an overlong form of a character, which UTF-8 does not allow"},
        {"\xE0\x9F\xBF",
         "byte 0xE0 starts an overlong form of a character, which UTF-8 does not allow"},
        {"\xF0\x8F\xBF\xBF",
         "byte 0xF0 starts an overlong form of a character, which UTF-8 does not allow"},
        {"\xED\xA0\x80", "byte 0xED starts a UTF-16 surrogate, which UTF-8 does not allow"},
        {"\xED\xBF\xBF", "byte 0xED starts a UTF-16 surrogate, which UTF-8 does not allow"},
        {"\xF4\x90\x80\x80",
         "byte 0xF4 starts a character above U+10FFFF, the highest Unicode allows"},
        {"\xF5\x80\x80\x80",
         "byte 0xF5 starts a character above U+10FFFF, the highest Unicode allows"},
        {"\xFF", "byte 0xFF is never used in UTF-8"},
    };
    for (const auto& [bytes, reason] : cases) {
        CAPTURE(reason);
        MiniProgramme mini;
        mini.replace("modules/one.xml", "We said hello.",
                     std::string("We said h") + bytes + "llo.");
        auto result = loadProgramme(mini.path());
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.findings.size() == 1);
        const auto& finding = result.findings[0];
        CHECK(finding.file == mini.file("modules/one.xml"));
        CHECK(finding.line == mini.lineOf("modules/one.xml", "We said h"));
        CHECK(finding.column == mini.columnOf("modules/one.xml", "We said h") + 9);
        CHECK(finding.message ==
              std::string("this file is not valid UTF-8 text (") + reason + "): save it as UTF-8");
    }
}

TEST_CASE("the characters next to the ones UTF-8 refuses are read as written") {
    // The first character of two, three and four bytes (U+0080, U+0800, U+10000), the last
    // before the surrogates and the first after them (U+D7FF, U+E000), the last of three
    // bytes (U+FFFF) and the last there is (U+10FFFF); and é and an emoji.
    const std::string text =
        "\xC2\x80 \xE0\xA0\x80 \xF0\x90\x80\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF "
        "\xF4\x8F\xBF\xBF caf\xC3\xA9 \xF0\x9F\x98\x80";
    MiniProgramme mini;
    mini.replace("modules/one.xml", "We said hello.", text);
    auto result = loadProgramme(mini.path());
    INFO(allFindings(result));
    REQUIRE(result.ok());
    CHECK(result.programme->modules[0].sessions[0].activities[0].easyRead[0].text == text);
}

TEST_CASE("bytes that are not UTF-8 are found wherever they are in any file") {
    MiniProgramme mini;
    std::string file, bad;
    SUBCASE("in an attribute value") {
        file = "modules/two.xml";
        bad = "\xE9";
        mini.replace(file, "id=\"module-two", "id=\"module-two" + bad);
    }
    SUBCASE("in a comment, which the loader does not otherwise read") {
        file = "programme.xml";
        bad = "\xE9";
        mini.replace(file, "<!-- A small", "<!-- A small" + bad);
    }
    SUBCASE("cut off at the end of the file") {
        file = "modules/two.xml";
        bad = "\xE2\x82";
        mini.replace(file, "</module>\n", "</module>\n" + bad);
    }
    auto result = loadProgramme(mini.path());
    INFO(allFindings(result));
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].file == mini.file(file));
    CHECK(result.findings[0].line == mini.lineOf(file, bad));
    CHECK(result.findings[0].column == mini.columnOf(file, bad));
    CHECK(result.findings[0].message.starts_with("this file is not valid UTF-8 text (byte 0x"));
}

TEST_CASE("a byte that is not UTF-8 is found at any distance from the start of a run of text") {
    // The check passes over plain ASCII many bytes at a time; a bad byte at any place in or
    // after such a run must still be found, and at the right column.
    MiniProgramme mini;
    const auto manifest = mini.path() / "programme.xml";
    const auto original = roundtable::test::readFile(manifest);
    const std::string comment = "<!-- A small";
    REQUIRE(original.find(comment) != std::string::npos);
    for (std::size_t before = 0; before < 140; ++before) {
        CAPTURE(before);
        auto text = original;
        text.replace(text.find(comment), comment.size(),
                     "<!-- " + std::string(before, 'x') + "\xE9 A small");
        roundtable::test::writeFile(manifest, text);
        auto result = loadProgramme(mini.path());
        REQUIRE(result.findings.size() == 1);
        CHECK(result.findings[0].line == 2);
        CHECK(result.findings[0].column == static_cast<int>(6 + before));
    }
}

TEST_CASE("a character reference to a character XML does not allow is an error at its '&'") {
    // pugixml would write these into the text as bytes that are not UTF-8, or as a zero byte.
    for (std::string reference : {"&#0;", "&#x0;", "&#1;", "&#xD800;", "&#xDFFF;", "&#55296;",
                                  "&#xFFFE;", "&#x110000;", "&#1114112;", "&#4294967296;"}) {
        CAPTURE(reference);
        MiniProgramme mini;
        mini.replace("modules/one.xml", "We said hello.", "We said " + reference);
        auto result = loadProgramme(mini.path());
        REQUIRE(result.findings.size() == 1);
        CHECK(result.findings[0].line == mini.lineOf("modules/one.xml", reference));
        CHECK(result.findings[0].column == mini.columnOf("modules/one.xml", reference));
        CHECK(result.findings[0].message ==
              "the character reference " + reference +
                  " names a character that XML does not allow: write the character itself, or "
                  "remove the reference");
    }
    MiniProgramme mini;
    mini.replace("modules/two.xml", "id=\"module-two\"", "id=\"module-two&#xDC00;\"");
    auto result = loadProgramme(mini.path());
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].line == mini.lineOf("modules/two.xml", "&#xDC00;"));
    CHECK(result.findings[0].column == mini.columnOf("modules/two.xml", "&#xDC00;"));
}

TEST_CASE("character references to the characters next to the refused ones are read") {
    // And what pugixml leaves as written (no digits) stays as written.
    const std::pair<std::string, std::string> cases[] = {
        {"&#65;", "A"},
        {"&#xD7FF;", "\xED\x9F\xBF"},
        {"&#xE000;", "\xEE\x80\x80"},
        {"&#xFFFD;", "\xEF\xBF\xBD"},
        {"&#x10000;", "\xF0\x90\x80\x80"},
        {"&#x10FFFF;", "\xF4\x8F\xBF\xBF"},
        {"&#x;", "&#x;"},
    };
    for (const auto& [reference, character] : cases) {
        CAPTURE(reference);
        MiniProgramme mini;
        mini.replace("modules/one.xml", "We said hello.", "We said " + reference);
        auto result = loadProgramme(mini.path());
        INFO(allFindings(result));
        REQUIRE(result.ok());
        CHECK(result.programme->modules[0].sessions[0].activities[0].easyRead[0].text ==
              "We said " + character);
    }
}

namespace {

/// Checks that `result`, a load of `mini`, failed with one finding: `message`, at the
/// module-ref that names `moduleFile` in programme.xml.
void checkRefusedAtReference(const MiniProgramme& mini, const LoadResult& result,
                             const std::string& moduleFile, const std::string& message) {
    INFO(allFindings(result));
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.findings.size() == 1);
    const auto& finding = result.findings[0];
    CHECK(finding.file == mini.file("programme.xml"));
    CHECK(finding.line == mini.lineOf("programme.xml", "\"" + moduleFile + "\""));
    CHECK(finding.column == mini.columnOf("programme.xml", "<module-ref file=\"" + moduleFile));
    CHECK(finding.message == message);
}

}  // namespace

TEST_CASE("a module file that leads outside the programme folder is not read") {
    MiniProgramme mini;
    const auto two = mini.path() / "modules/two.xml";
    // A folder whose name starts with the programme folder's, which a comparison of the
    // paths as text would take for a folder inside it.
    const auto elsewhere = mini.outside() / "mini-elsewhere";
    std::filesystem::create_directories(elsewhere / "modules");
    std::filesystem::copy_file(two, elsewhere / "modules/two.xml");
    const auto target = std::filesystem::canonical(elsewhere / "modules/two.xml").string();
    const std::string refused = "the module file \"modules/two.xml\" leads to " + target +
                                ", which is outside the programme folder; a module file must be "
                                "inside it";
    SUBCASE("the module file is a link to a file elsewhere") {
        std::filesystem::remove(two);
        std::filesystem::create_symlink(elsewhere / "modules/two.xml", two);
        checkRefusedAtReference(mini, loadProgramme(mini.path()), "modules/two.xml", refused);
    }
    SUBCASE("the module file is a link that climbs out of the folder") {
        std::filesystem::remove(two);
        std::filesystem::create_symlink("../../mini-elsewhere/modules/two.xml", two);
        checkRefusedAtReference(mini, loadProgramme(mini.path()), "modules/two.xml", refused);
    }
    SUBCASE("the module file's folder is a link to a folder elsewhere") {
        mini.replace("programme.xml", "<module-ref file=\"modules/one.xml\"/>", "");
        std::filesystem::remove_all(mini.path() / "modules");
        std::filesystem::create_directory_symlink(elsewhere / "modules", mini.path() / "modules");
        checkRefusedAtReference(mini, loadProgramme(mini.path()), "modules/two.xml", refused);
    }
    SUBCASE("the module file is a link to a system file") {
        std::filesystem::remove(two);
        std::filesystem::create_symlink("/etc/passwd", two);
        checkRefusedAtReference(mini, loadProgramme(mini.path()), "modules/two.xml",
                                "the module file \"modules/two.xml\" leads to /etc/passwd, which "
                                "is outside the programme folder; a module file must be inside it");
    }
}

TEST_CASE("a module file may be a link to a file inside the programme folder") {
    MiniProgramme mini;
    const auto modules = mini.path() / "modules";
    std::filesystem::create_directory(modules / "kept");
    std::filesystem::rename(modules / "one.xml", modules / "kept/one.xml");
    std::filesystem::rename(modules / "two.xml", modules / "kept/two.xml");
    std::filesystem::create_symlink("kept/one.xml", modules / "one.xml");
    std::filesystem::create_symlink(modules / "kept/two.xml", modules / "two.xml");
    // Reached through a link to the programme folder, too: both sides are made canonical.
    std::filesystem::create_directory_symlink(mini.path(), mini.outside() / "linked");
    for (const auto& folder : {mini.path(), mini.outside() / "linked"}) {
        CAPTURE(folder);
        auto result = loadProgramme(folder);
        INFO(allFindings(result));
        REQUIRE(result.ok());
        CHECK(result.findings.empty());
        CHECK(result.programme->modules.size() == 2);
    }
}

TEST_CASE("a folder, named pipe or device named as a module file is reported as such") {
    MiniProgramme mini;
    const auto two = mini.path() / "modules/two.xml";
    std::filesystem::remove(two);
    std::string what;
    SUBCASE("a folder") {
        std::filesystem::create_directory(two);
        what = "a folder";
    }
    SUBCASE("a named pipe, which must not make the loader wait for a writer") {
        REQUIRE(::mkfifo(two.c_str(), 0600) == 0);
        what = "a named pipe";
    }
    SUBCASE("a device") {
        // Making a device takes privileges that a test may not have.
        if (::mknod(two.c_str(), S_IFCHR | 0600, ::makedev(1, 3)) != 0) {
            MESSAGE("no device made (not privileged); this case is not checked");
            return;
        }
        what = "a device";
    }
    // On another thread, so that a load that waits on the pipe fails the test instead of
    // hanging it: opening the pipe's other end then lets it go on.
    auto loading = std::async(std::launch::async, [&] { return loadProgramme(mini.path()); });
    if (loading.wait_for(std::chrono::seconds(10)) == std::future_status::timeout) {
        FAIL_CHECK("the load is waiting on " << two);
        const int writer = ::open(two.c_str(), O_WRONLY | O_NONBLOCK);
        if (writer >= 0)
            ::close(writer);
    }
    checkRefusedAtReference(mini, loading.get(), "modules/two.xml",
                            "the module file \"modules/two.xml\" is " + what + ", not a file");
}

TEST_CASE("a picture that leads outside the programme folder is an error where it is used") {
    MiniProgramme mini;
    const auto pictures = mini.path() / "pictures";
    const auto elsewhere = mini.outside() / "pictures-elsewhere";
    std::filesystem::create_directory(elsewhere);
    std::filesystem::copy_file(pictures / "group.svg", elsewhere / "group.svg");
    std::filesystem::copy_file(pictures / "talking.svg", elsewhere / "talking.svg");
    const auto canonicalElsewhere = std::filesystem::canonical(elsewhere).string();
    std::string expected;
    SUBCASE("a picture file is a link to a file elsewhere") {
        std::filesystem::remove(pictures / "group.svg");
        std::filesystem::create_symlink(elsewhere / "group.svg", pictures / "group.svg");
        expected = "the picture \"group\" leads to " + canonicalElsewhere +
                   "/group.svg, which is outside the programme folder; a picture must be inside "
                   "it";
    }
    SUBCASE("the pictures folder is a link to a folder elsewhere") {
        std::filesystem::remove_all(pictures);
        std::filesystem::create_directory_symlink(elsewhere, pictures);
        expected = "the picture \"group\" is in " + pictures.string() + ", which leads to " +
                   canonicalElsewhere +
                   ", outside the programme folder; pictures must be inside it";
    }
    auto result = loadProgramme(mini.path());
    INFO(allFindings(result));
    REQUIRE_FALSE(result.ok());
    const auto* finding = findingContaining(result, "the picture \"group\"");
    REQUIRE(finding);
    CHECK(finding->file == mini.file("modules/one.xml"));
    CHECK(finding->line == mini.lineOf("modules/one.xml", "picture=\"group\""));
    CHECK(finding->message == expected);
}

// The service's programme is read from its database: the same checks on files held in memory.
namespace {

std::string contentHashes(const Programme& programme) {
    std::string hashes;
    for (const auto& module : programme.modules)
        hashes.append(module.id).append(" ").append(module.contentHash()).append("\n");
    return hashes;
}

}  // namespace

TEST_CASE("the shipped programme read into memory loads with the same content as from its folder") {
    const auto directory = std::filesystem::path(ROUNDTABLE_CONTENT);
    auto folder = readProgrammeFolder(directory);
    CHECK(folder.files.modules.size() == 8);
    CHECK(folder.files.pictures.contains("check-in"));
    auto fromMemory = loadProgramme(folder.files);
    auto fromFolder = loadProgramme(directory);
    REQUIRE_MESSAGE(fromMemory.ok(), allFindings(fromMemory));
    REQUIRE(fromFolder.ok());
    CHECK(contentHashes(*fromMemory.programme) == contentHashes(*fromFolder.programme));
    CHECK(fromMemory.programme->modules.front().file == "modules/01-framework.xml");
}

TEST_CASE("in memory, findings name the file with its prefix and the line where they are") {
    MiniProgramme mini;
    auto folder = readProgrammeFolder(mini.path());
    auto& moduleText = folder.files.modules.begin()->second;
    const auto relative = folder.files.modules.begin()->first;
    auto at = moduleText.find("<title>");
    REQUIRE(at != std::string::npos);
    moduleText.replace(at, 7, "<title></title><unknown/><title>");
    folder.files.displayPrefix = "service programme/";
    auto result = loadProgramme(folder.files);
    CHECK_FALSE(result.ok());
    const auto* finding = findingContaining(result, "<unknown>");
    REQUIRE_MESSAGE(finding, allFindings(result));
    CHECK(finding->file == "service programme/" + relative);
    CHECK(finding->line == mini.lineOf(relative, "<title>"));
}

TEST_CASE("in memory, a missing module or picture is an error at the element that names it") {
    MiniProgramme mini;
    auto folder = readProgrammeFolder(mini.path());
    const auto firstPicture = *folder.files.pictures.begin();
    folder.files.pictures.erase(firstPicture);
    auto withoutPicture = loadProgramme(folder.files);
    CHECK_FALSE(withoutPicture.ok());
    const auto* picture = findingContaining(withoutPicture, "is not one of the service's pictures");
    REQUIRE_MESSAGE(picture, allFindings(withoutPicture));
    CHECK(picture->message.find("\"" + firstPicture + "\"") != std::string::npos);
    CHECK(picture->line > 0);

    folder = readProgrammeFolder(mini.path());
    const auto relative = folder.files.modules.begin()->first;
    folder.files.modules.erase(relative);
    auto withoutModule = loadProgramme(folder.files);
    const auto* module = findingContaining(withoutModule, "is not one of the programme's modules");
    REQUIRE_MESSAGE(module, allFindings(withoutModule));
    CHECK(module->line == mini.lineOf("programme.xml", relative));
}

TEST_CASE("one module text is checked on its own, pictures only when they are given") {
    const auto directory = std::filesystem::path(ROUNDTABLE_CONTENT);
    auto text = readWholeFile(directory / "modules/01-framework.xml");
    auto alone = loadModuleText(text, "framework.xml");
    REQUIRE_MESSAGE(alone.ok(), alone.findings.size());
    CHECK(alone.module->id == "framework");
    PictureNames none;
    auto withoutPictures = loadModuleText(text, "framework.xml", &none);
    CHECK_FALSE(withoutPictures.ok());
    CHECK(withoutPictures.findings.front().file == "framework.xml");

    auto broken = text;
    broken.replace(broken.find("minutes=\""), 9, "minutes=\"x");
    auto wrong = loadModuleText(broken, "framework.xml");
    CHECK_FALSE(wrong.ok());
    CHECK(wrong.findings.front().line > 1);

    auto fromFile = loadModuleFile(directory / "modules/01-framework.xml");
    REQUIRE(fromFile.ok());
    CHECK(fromFile.module->contentHash() == alone.module->contentHash());
    CHECK_FALSE(loadModuleFile(directory / "no-such-module.xml").ok());
}
