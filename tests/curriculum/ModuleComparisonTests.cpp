// Comparing two versions of a module: each kind of change is found, placed and described in
// words, on the shipped relationships module and a copy edited as a psychologist would edit it.
#include <doctest/doctest.h>

#include <string>

#include "curriculum/ModuleComparison.h"
#include "curriculum/ProgrammeLoader.h"
#include "support/TempDir.h"

using namespace roundtable::curriculum;

namespace {

const std::string kModuleFile = ROUNDTABLE_CONTENT "/modules/02-relationships.xml";
/// The prefix of every line about the first session, whose title the tests mostly keep.
const std::string kFirstSession = "Session \"relationships-01\" (Kinds of relationships): ";

Module loaded(const std::string& xml, const std::string& name) {
    auto result = loadModuleText(xml, name);
    std::string findings;
    for (const auto& finding : result.findings)
        findings += format(finding) + "\n";
    INFO(findings);
    REQUIRE(result.ok());
    return std::move(*result.module);
}

/// The shipped module as it is (older) and a copy of its text to edit (newer).
struct Versions {
    std::string older = roundtable::test::readFile(kModuleFile);
    std::string newer = older;

    /// Replaces the first `from` in the newer text; fails the test when it is not there.
    void replace(const std::string& from, const std::string& to) {
        auto at = newer.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, "text not found: " << from);
        newer.replace(at, from.size(), to);
    }

    /// The whole lines from the one holding `first` to the one holding the first `last` after it.
    [[nodiscard]] std::string lines(const std::string& first, const std::string& last) const {
        auto start = newer.find(first);
        REQUIRE_MESSAGE(start != std::string::npos, "text not found: " << first);
        start = newer.rfind('\n', start) + 1;
        auto end = newer.find(last, start);
        REQUIRE_MESSAGE(end != std::string::npos, "text not found: " << last);
        end = newer.find('\n', end) + 1;
        return newer.substr(start, end - start);
    }
    void removeLines(const std::string& first, const std::string& last) {
        replace(lines(first, last), "");
    }
    /// Moves those lines to just before the line holding `before`.
    void moveLines(const std::string& first, const std::string& last, const std::string& before) {
        auto block = lines(first, last);
        replace(block, "");
        insertBefore(before, block);
    }
    void insertBefore(const std::string& line, const std::string& block) {
        auto at = newer.find(line);
        REQUIRE_MESSAGE(at != std::string::npos, "text not found: " << line);
        newer.insert(newer.rfind('\n', at) + 1, block);
    }

    [[nodiscard]] ModuleComparison compare() const {
        return compareModules(loaded(older, "older.xml"), loaded(newer, "newer.xml"));
    }
};

}  // namespace

TEST_CASE("two texts are compared word by word: kept, removed and added runs") {
    auto runs = compareWords("We said hello to the group.", "We said goodbye to the whole group.");
    REQUIRE(runs.size() == 6);
    CHECK(runs[0].kind == WordRun::Kind::kept);
    CHECK(runs[0].words == "We said");
    CHECK(runs[1].kind == WordRun::Kind::removed);
    CHECK(runs[1].words == "hello");
    CHECK(runs[2].kind == WordRun::Kind::added);
    CHECK(runs[2].words == "goodbye");
    CHECK(runs[3].words == "to the");
    CHECK(runs[4].kind == WordRun::Kind::added);
    CHECK(runs[4].words == "whole");
    CHECK(runs[5].kind == WordRun::Kind::kept);
    CHECK(runs[5].words == "group.");
    CHECK(describeWords(runs) == "We said [-hello-]{+goodbye+} to the {+whole+} group.");
}

TEST_CASE("a text rewritten is one replacement, not broken up at the short words both share") {
    auto runs = compareWords("the cat sat on the mat", "a dog lay under the table");
    REQUIRE(runs.size() == 2);
    CHECK(describeWords(runs) == "[-the cat sat on the mat-]{+a dog lay under the table+}");
    // A longer run in common between the changes is kept.
    CHECK(describeWords(compareWords("the cat sat on the soft mat by the door",
                                     "a cat sat on the soft mat by the window")) ==
          "[-the-]{+a+} cat sat on the soft mat by the [-door-]{+window+}");
}

TEST_CASE("identical content with another layout and comments has no differences") {
    Versions versions;
    versions.replace("<module id=\"relationships\"",
                     "<!-- reviewed in December -->\n<module   id=\"relationships\"");
    // A paragraph wrapped over three lines, as an editor may wrap it.
    versions.replace("Sort the flip chart answers into these groups together.",
                     "Sort the flip chart answers\n               into these groups\n"
                     "               together.");
    versions.replace("</sessions>", "<!-- more sessions to come -->\n  </sessions>");
    for (auto at = versions.newer.find("\n    "); at != std::string::npos;
         at = versions.newer.find("\n    ", at + 2)) {
        versions.newer.replace(at, 5, "\n\t");
    }
    REQUIRE(versions.newer != versions.older);
    auto comparison = versions.compare();
    CHECK(comparison.same());
    CHECK(describe(comparison) == "");
}

TEST_CASE("a changed module field is shown with its old and new value") {
    Versions versions;
    versions.replace("version=\"1\"", "version=\"2\"");
    versions.replace("<title>Human relations and sex education</title>",
                     "<title>Human relationships and sex education</title>");
    auto comparison = versions.compare();
    REQUIRE(comparison.changes.size() == 2);
    CHECK(comparison.changes[0].field == "version");
    CHECK(comparison.changes[0].older == "1");
    CHECK(comparison.changes[0].newer == "2");
    CHECK(comparison.changes[0].words.empty());
    CHECK(comparison.indicators.empty());
    CHECK(comparison.sessions.empty());
    CHECK(describe(comparison) ==
          "Module \"relationships\": version 1 -> 2\n"
          "Module \"relationships\": title: Human [-relations-]{+relationships+} and sex "
          "education\n");
}

TEST_CASE("an aim put in between the others shows as added and nothing else") {
    Versions versions;
    versions.insertBefore("<aim>Help members understand which sexual behaviour",
                          "    <aim>Help members talk about sex without embarrassment.</aim>\n");
    auto comparison = versions.compare();
    REQUIRE(comparison.changes.size() == 1);
    CHECK(comparison.changes[0].kind == ChangeKind::added);
    CHECK(comparison.changes[0].newerPosition == 3);
    CHECK(describe(comparison) ==
          "Module \"relationships\": aim 3 added: Help members talk about sex without "
          "embarrassment.\n");
}

TEST_CASE("a session added is shown as added where it was put") {
    Versions versions;
    auto copy = versions.lines("<session id=\"relationships-02\"", "</session>");
    copy.replace(copy.find("relationships-02"), 16, "relationships-2b");
    versions.insertBefore("<session id=\"relationships-03\"", copy);
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    const auto& session = comparison.sessions[0];
    CHECK(session.kind == ChangeKind::added);
    CHECK(session.id == "relationships-2b");
    CHECK(session.olderPosition == 0);
    CHECK(session.newerPosition == 3);
    CHECK(describe(comparison) ==
          "Session \"relationships-2b\" (Bodies and growing up): added "
          "as session 3 (7 activities, 120 minutes)\n");
}

TEST_CASE("a session removed is shown as removed, the sessions after it unchanged") {
    Versions versions;
    versions.removeLines("<session id=\"relationships-03\"", "</session>");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    CHECK(comparison.sessions[0].kind == ChangeKind::removed);
    CHECK(comparison.sessions[0].olderPosition == 3);
    CHECK(describe(comparison) ==
          "Session \"relationships-03\" (Public and private): removed (it was session 3)\n");
}

TEST_CASE("a session moved is shown as moved, and only it") {
    Versions versions;
    versions.moveLines("<session id=\"relationships-03\"", "</session>",
                       "<session id=\"relationships-06\"");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    CHECK(comparison.sessions[0].kind == ChangeKind::moved);
    CHECK(comparison.sessions[0].changes.empty());
    CHECK(describe(comparison) ==
          "Session \"relationships-03\" (Public and private): moved from session 3 to 5\n");
}

TEST_CASE("a session's own fields changed are shown field by field") {
    Versions versions;
    versions.replace("<title>Kinds of relationships</title>",
                     "<title>Kinds of relationship</title>");
    versions.replace("<material>Flip chart and thick pens</material>", "");
    versions.replace("<objective>Members understand that staff are friendly",
                     "<objective>Members understand that support staff are friendly");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    CHECK(comparison.sessions[0].kind == ChangeKind::changed);
    CHECK(comparison.sessions[0].activities.empty());
    CHECK(describe(comparison) ==
          "Session \"relationships-01\" (Kinds of relationship): title: Kinds of "
          "[-relationships-]{+relationship+}\n"
          "Session \"relationships-01\" (Kinds of relationship): objective 3: Members understand "
          "that {+support+} staff are friendly because it is ...\n"
          "Session \"relationships-01\" (Kinds of relationship): material 2 removed: Flip chart "
          "and thick pens\n");
}

TEST_CASE("an activity added in the middle shows as added: the activities after it do not") {
    Versions versions;
    versions.replace("<session id=\"relationships-01\" minutes=\"120\">",
                     "<session id=\"relationships-01\" minutes=\"125\">");
    versions.insertBefore("<activity kind=\"break\" minutes=\"15\" picture=\"relax\">",
                          "        <activity kind=\"discussion\" minutes=\"5\">\n"
                          "          <title>Questions so far</title>\n"
                          "          <guidance><p>Ask what was unclear.</p></guidance>\n"
                          "          <easy-read><point picture=\"question\">We asked "
                          "questions.</point></easy-read>\n"
                          "        </activity>\n");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    REQUIRE(comparison.sessions[0].activities.size() == 1);
    const auto& activity = comparison.sessions[0].activities[0];
    CHECK(activity.kind == ChangeKind::added);
    CHECK(activity.newerPosition == 4);
    CHECK(describe(comparison) ==
          kFirstSession + "minutes 120 -> 125\n" + kFirstSession +
              "activity 4 \"Questions so far\": added (discussion, 5 minutes)\n");
}

TEST_CASE("an activity removed shows as removed: the activities after it do not") {
    Versions versions;
    versions.replace("<session id=\"relationships-01\" minutes=\"120\">",
                     "<session id=\"relationships-01\" minutes=\"115\">");
    versions.removeLines("<activity kind=\"between-sessions\" minutes=\"5\" picture=\"homework\">",
                         "</activity>");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    REQUIRE(comparison.sessions[0].activities.size() == 1);
    CHECK(comparison.sessions[0].activities[0].kind == ChangeKind::removed);
    CHECK(comparison.sessions[0].activities[0].olderPosition == 6);
    CHECK(describe(comparison) == kFirstSession + "minutes 120 -> 115\n" + kFirstSession +
                                      "activity 6 \"Between-sessions task: noticing "
                                      "relationships\": removed (between-sessions, 5 minutes)\n");
}

TEST_CASE("an activity moved shows as moved, and only it") {
    Versions versions;
    versions.moveLines("<activity kind=\"worksheet\" minutes=\"25\" picture=\"worksheet\">",
                       "</activity>", "<activity kind=\"check-out\" minutes=\"10\"");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    REQUIRE(comparison.sessions[0].activities.size() == 1);
    const auto& activity = comparison.sessions[0].activities[0];
    CHECK(activity.kind == ChangeKind::moved);
    CHECK(activity.olderPosition == 3);
    CHECK(activity.newerPosition == 6);
    CHECK(activity.changes.empty());
    CHECK(describe(comparison) ==
          kFirstSession + "activity 6 \"My relationship circles\": moved from 3 to 6\n");
}

TEST_CASE("an activity's minutes changed are shown as old -> new") {
    Versions versions;
    versions.replace("<activity kind=\"teaching\" minutes=\"25\" picture=\"relationship\">",
                     "<activity kind=\"teaching\" minutes=\"20\" picture=\"relationship\">");
    versions.replace("<activity kind=\"worksheet\" minutes=\"25\" picture=\"worksheet\">",
                     "<activity kind=\"worksheet\" minutes=\"30\" picture=\"worksheet\">");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    REQUIRE(comparison.sessions[0].activities.size() == 2);
    const auto& change = comparison.sessions[0].activities[0].changes.at(0);
    CHECK(change.field == "minutes");
    CHECK(change.older == "25");
    CHECK(change.newer == "20");
    CHECK(describe(comparison) ==
          kFirstSession + "activity 2 \"Who is in our lives\": minutes 25 -> 20\n" + kFirstSession +
              "activity 3 \"My relationship circles\": minutes 25 -> 30\n");
}

TEST_CASE("a word changed in the guidance is shown word by word, not the whole paragraph") {
    Versions versions;
    versions.replace("Use a worked example: \"Dave works in the cafe.",
                     "Use a short worked example: \"Dave works in the bakery.");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    REQUIRE(comparison.sessions[0].activities.size() == 1);
    const auto& activity = comparison.sessions[0].activities[0];
    REQUIRE(activity.changes.size() == 1);
    const auto& change = activity.changes[0];
    CHECK(change.field == "guidance paragraph");
    CHECK(change.olderPosition == 2);
    CHECK(change.newerPosition == 2);
    REQUIRE(change.words.size() == 6);
    CHECK(change.words[1].kind == WordRun::Kind::added);
    CHECK(change.words[1].words == "short");
    CHECK(change.words[3].kind == WordRun::Kind::removed);
    CHECK(change.words[3].words == "cafe.");
    CHECK(change.words[4].kind == WordRun::Kind::added);
    CHECK(change.words[4].words == "bakery.");
    CHECK(describe(comparison) ==
          kFirstSession +
              "activity 2 \"Who is in our lives\": guidance paragraph 2: ... into these groups "
              "together. Use a {+short+} worked example: \"Dave works in the [-cafe.-]{+bakery.+} "
              "He always smiles and asks how ...\n");
}

TEST_CASE("a paragraph put in between the others shows as added, the others unchanged") {
    Versions versions;
    versions.insertBefore("<p>Sort the flip chart answers",
                          "            <p>Take a short pause here.</p>\n");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    REQUIRE(comparison.sessions[0].activities.size() == 1);
    CHECK(describe(comparison) == kFirstSession +
                                      "activity 2 \"Who is in our lives\": guidance paragraph 2 "
                                      "added: Take a short pause here.\n");
}

TEST_CASE("an activity renamed is the same activity changed, one replaced is removed and added") {
    SUBCASE("renamed, its content the same") {
        Versions versions;
        versions.replace("<title>Who is in our lives</title>", "<title>Who is in our life</title>");
        auto comparison = versions.compare();
        REQUIRE(comparison.sessions.size() == 1);
        REQUIRE(comparison.sessions[0].activities.size() == 1);
        CHECK(comparison.sessions[0].activities[0].kind == ChangeKind::changed);
        CHECK(describe(comparison) == kFirstSession +
                                          "activity 2 \"Who is in our life\": title: Who is in "
                                          "our [-lives-]{+life+}\n");
    }
    SUBCASE("replaced by another activity") {
        Versions versions;
        auto other = versions.lines("<activity kind=\"worksheet\" minutes=\"25\"", "</activity>");
        auto replacement = std::string("        <activity kind=\"teaching\" minutes=\"25\">\n") +
                           "          <title>A film about friends</title>\n"
                           "          <guidance><p>Show the film and ask what the two men "
                           "did.</p></guidance>\n"
                           "          <easy-read><point picture=\"friends\">We watched a "
                           "film.</point></easy-read>\n"
                           "        </activity>\n";
        versions.replace(other, replacement);
        auto comparison = versions.compare();
        REQUIRE(comparison.sessions.size() == 1);
        CHECK(describe(comparison) ==
              kFirstSession + "activity 3 \"My relationship circles\": removed (worksheet, 25 " +
                  "minutes)\n" + kFirstSession +
                  "activity 3 \"A film about friends\": added (teaching, 25 minutes)\n");
    }
}

TEST_CASE("an easy-read point whose picture changed shows the old and new picture") {
    Versions versions;
    versions.replace("<point picture=\"friends\">Family, friends, staff, partners",
                     "<point picture=\"group\">Family, friends, staff, partners");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    REQUIRE(comparison.sessions[0].activities.size() == 1);
    const auto& change = comparison.sessions[0].activities[0].changes.at(0);
    CHECK(change.field == "easy-read point");
    CHECK(change.part == "picture");
    CHECK(change.older == "friends");
    CHECK(change.newer == "group");
    CHECK(comparison.sessions[0].handout.empty());
    CHECK(describe(comparison) ==
          kFirstSession +
              "activity 2 \"Who is in our lives\": easy-read point 2 picture friends "
              "-> group\n");
}

TEST_CASE("a point added to a list of the carers' handout shows as added there") {
    Versions versions;
    versions.insertBefore("<point picture=\"support-worker\">Remind him kindly",
                          "          <point picture=\"listening\">Listen when he talks about "
                          "the group.</point>\n");
    auto comparison = versions.compare();
    REQUIRE(comparison.sessions.size() == 1);
    CHECK(comparison.sessions[0].changes.empty());
    CHECK(comparison.sessions[0].activities.empty());
    REQUIRE(comparison.sessions[0].handout.size() == 1);
    CHECK(comparison.sessions[0].handout[0].kind == ChangeKind::added);
    CHECK(describe(comparison) ==
          kFirstSession +
              "handout help point 2 added: [listening] Listen when he talks about the group.\n");
}

TEST_CASE("an indicator's scale changed shows the old and new scale") {
    Versions versions;
    versions.replace("<indicator id=\"relationships-knows-law\" scale=\"0-3\">",
                     "<indicator id=\"relationships-knows-law\" scale=\"0-4\">");
    auto comparison = versions.compare();
    REQUIRE(comparison.indicators.size() == 1);
    CHECK(comparison.indicators[0].id == "relationships-knows-law");
    CHECK(comparison.sessions.empty());
    CHECK(describe(comparison) ==
          "Module \"relationships\": indicator \"relationships-knows-law\" (Understands legal and "
          "illegal sexual behaviour): scale 0-3 -> 0-4\n");
}

TEST_CASE("every shipped module compared with itself has no differences") {
    auto programme = loadProgramme(ROUNDTABLE_CONTENT);
    REQUIRE(programme.ok());
    for (const auto& module : programme.programme->modules) {
        INFO(module.id);
        CHECK(compareModules(module, module).same());
    }
    // And two different modules differ in every field the reader would expect.
    const auto& modules = programme.programme->modules;
    auto different = compareModules(modules[0], modules[1]);
    CHECK_FALSE(different.same());
    CHECK(different.changes.at(0).field == "id");
}
