// Prompts for the facilitators, written in the programme's XML: the programme's, a module's and
// an activity's load, apply to the activities they name, validate against the XSD, count in a
// module's content (hash, comparison), survive the module editor, and every mistake in them is
// an error at its line with a plain message.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "curriculum/MiniProgramme.h"
#include "curriculum/ModuleComparison.h"
#include "curriculum/ModuleEditing.h"
#include "curriculum/ProgrammeLoader.h"
#include "support/TempDir.h"

using namespace roundtable::curriculum;
using roundtable::test::MiniProgramme;
using roundtable::test::readFile;

namespace {

const std::string kProgrammePrompts =
    "<prompts>"
    "<prompt kinds=\"check-in discussion\"><title>Listening well</title>"
    "<p>Look at the man who speaks.</p><p>Let him finish.</p></prompt>"
    "<prompt><title>Every activity</title><p>Keep to time.</p></prompt>"
    "</prompts>\n  <modules>";
const std::string kModulePrompts =
    "<prompts><prompt kinds=\"teaching\"><title>Teaching</title><p>Check he follows.</p>"
    "</prompt></prompts>\n  <sessions>";
const std::string kActivityPrompts =
    "<easy-read><point picture=\"talking\">We said hello.</point></easy-read>"
    "<prompts><prompt><title>This hello</title><p>Greet each man by name.</p></prompt>"
    "</prompts>";

/// The mini programme with prompts in the manifest, in module one and in its first activity.
void addPrompts(MiniProgramme& mini) {
    mini.replace("programme.xml", "<modules>", kProgrammePrompts);
    mini.replace("modules/one.xml", "<sessions>", kModulePrompts);
    mini.replace("modules/one.xml",
                 "<easy-read><point picture=\"talking\">We said hello.</point></easy-read>",
                 kActivityPrompts);
}

std::vector<std::string> titles(const std::vector<const Prompt*>& prompts) {
    std::vector<std::string> out;
    for (const auto* prompt : prompts)
        out.emplace_back(prompt->title);
    return out;
}

std::string allFindings(const std::vector<Finding>& findings) {
    std::string text;
    for (const auto& finding : findings)
        text += format(finding) + "\n";
    return text;
}

}  // namespace

TEST_CASE("prompts of the programme, a module and an activity load and apply by kind") {
    MiniProgramme mini;
    addPrompts(mini);
    auto loaded = loadProgramme(mini.path());
    INFO(allFindings(loaded.findings));
    REQUIRE(loaded.ok());
    CHECK(loaded.findings.empty());
    const auto& programme = *loaded.programme;
    REQUIRE(programme.prompts.size() == 2);
    CHECK(programme.prompts[0].title == "Listening well");
    CHECK(std::ranges::equal(
        programme.prompts[0].lines,
        std::vector<std::string_view>{"Look at the man who speaks.", "Let him finish."}));
    CHECK(std::ranges::equal(programme.prompts[0].kinds,
                             std::vector<std::string_view>{"check-in", "discussion"}));
    CHECK(programme.prompts[1].kinds.empty());
    const auto& module = programme.modules[0];
    REQUIRE(module.prompts.size() == 1);
    const auto& activities = module.sessions[0].activities;
    REQUIRE(activities[0].prompts.size() == 1);
    CHECK(activities[0].prompts[0].lines[0] == "Greet each man by name.");
    CHECK(activities[1].prompts.empty());
    CHECK(programme.modules[1].prompts.empty());

    // The check-in: the programme's for check-in and for every activity, then its own.
    CHECK(titles(promptsFor(&programme, &module, &activities[0], activities[0].kind)) ==
          std::vector<std::string>{"Listening well", "Every activity", "This hello"});
    // Teaching: the programme's for every activity, then the module's for teaching.
    CHECK(titles(promptsFor(&programme, &module, &activities[1], activities[1].kind)) ==
          std::vector<std::string>{"Every activity", "Teaching"});
    CHECK(titles(promptsFor(&programme, &module, &activities[2], "discussion")) ==
          std::vector<std::string>{"Listening well", "Every activity"});
    // Without a module or activity (a plan that no longer matches its curriculum).
    CHECK(titles(promptsFor(&programme, nullptr, nullptr, "check-out")) ==
          std::vector<std::string>{"Every activity"});
}

TEST_CASE("a programme without prompts loads as before") {
    MiniProgramme mini;
    auto loaded = loadProgramme(mini.path());
    REQUIRE(loaded.ok());
    CHECK(loaded.findings.empty());
    CHECK(loaded.programme->prompts.empty());
    CHECK(
        promptsFor(&*loaded.programme, &loaded.programme->modules[0], nullptr, "check-in").empty());
}

TEST_CASE("the prompts of every kind of place validate against the XSD") {
    REQUIRE_MESSAGE(std::system("command -v xmllint >/dev/null") == 0,
                    "xmllint is needed (package libxml2-utils)");
    MiniProgramme mini;
    addPrompts(mini);
    auto validate = [&](const std::string& schema, const std::string& file) {
        auto command = "xmllint --noout --schema " ROUNDTABLE_SCHEMA "/" + schema + " " +
                       mini.file(file) + " 2>&1";
        return std::system(command.c_str());
    };
    CHECK(validate("programme.xsd", "programme.xml") == 0);
    CHECK(validate("module.xsd", "modules/one.xml") == 0);
    // The XSD refuses what the loader refuses: kinds inside an activity, an unknown kind.
    mini.replace("modules/one.xml", "<prompt><title>This hello",
                 "<prompt kinds=\"break\"><title>This hello");
    CHECK(validate("module.xsd", "modules/one.xml") != 0);
    mini.replace("programme.xml", "kinds=\"check-in discussion\"", "kinds=\"check-in chat\"");
    CHECK(validate("programme.xsd", "programme.xml") != 0);
}

TEST_CASE("a mistake in prompts is an error at its line with a plain message") {
    struct Mistake {
        std::string file;
        std::string from;
        std::string to;
        std::string lineOf;  ///< the text on the line where the error is reported
        std::string message;
    };
    const std::vector<Mistake> mistakes = {
        {"programme.xml", "<prompts>", "<prompts></prompts><!--", "<prompts></prompts>",
         "<prompts> needs at least one <prompt>"},
        {"programme.xml", "<title>Listening well</title>", "", "kinds=\"check-in discussion\"",
         "<prompt> needs a <title> element"},
        {"programme.xml", "<p>Keep to time.</p>", "", "<title>Every activity",
         "<prompt> needs at least one <p> for the facilitators to read"},
        {"programme.xml", "<p>Keep to time.</p>", "<p>  </p>", "<p>  </p>", "<p> has no text"},
        {"programme.xml", "kinds=\"check-in discussion\"", "kinds=\"check-in chat\"",
         "kinds=\"check-in chat\"",
         "kinds=\"...\" names the activity kind \"chat\", which is not known; use one of: "
         "between-sessions, break, check-in, check-out, discussion, relaxation, review, "
         "role-play, teaching, worksheet"},
        {"programme.xml", "kinds=\"check-in discussion\"", "kinds=\" \"", "kinds=\" \"",
         "the attribute kinds of <prompt> is empty"},
        {"modules/one.xml", "<prompt kinds=\"teaching\">", "<prompt kinds=\"teach\">",
         "kinds=\"teach\"", "names the activity kind \"teach\", which is not known"},
        {"modules/one.xml", "<prompt><title>This hello",
         "<prompt kinds=\"check-in\"><title>This hello",
         "<prompt kinds=\"check-in\"><title>This hello",
         "a <prompt> inside an <activity> is for that activity only; remove kinds=\"check-in\", "
         "or move the prompt to the module or the programme"},
    };
    for (const auto& mistake : mistakes) {
        CAPTURE(mistake.to);
        MiniProgramme mini;
        addPrompts(mini);
        mini.replace(mistake.file, mistake.from, mistake.to);
        if (mistake.from == "<prompts>")  // close the comment that hides the prompts
            mini.replace(mistake.file, "</prompts>\n  <modules>", "-->\n  <modules>");
        auto result = loadProgramme(mini.path());
        INFO(allFindings(result.findings));
        REQUIRE_FALSE(result.ok());
        auto found = std::find_if(
            result.findings.begin(), result.findings.end(), [&](const Finding& finding) {
                return finding.severity == Severity::error &&
                       finding.message.find(mistake.message) != std::string::npos;
            });
        REQUIRE(found != result.findings.end());
        CHECK(found->file == mini.file(mistake.file));
        CHECK(found->line == mini.lineOf(mistake.file, mistake.lineOf));
    }
}

TEST_CASE("an unknown element in a prompt is a warning and the programme still loads") {
    MiniProgramme mini;
    addPrompts(mini);
    mini.replace("programme.xml", "<p>Keep to time.</p>", "<p>Keep to time.</p><note>x</note>");
    auto result = loadProgramme(mini.path());
    REQUIRE(result.ok());
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].severity == Severity::warning);
    CHECK(result.findings[0].message ==
          "<note> is not part of <prompt> in format 1; it is ignored");
}

TEST_CASE("a module's prompts count in its content hash and in a comparison of versions") {
    MiniProgramme before;
    auto older = loadProgramme(before.path());
    REQUIRE(older.ok());
    MiniProgramme after;
    addPrompts(after);
    auto newer = loadProgramme(after.path());
    REQUIRE(newer.ok());
    const auto& olderModule = older.programme->modules[0];
    const auto& newerModule = newer.programme->modules[0];
    CHECK(olderModule.contentHash() != newerModule.contentHash());
    // Module two is unchanged: prompts in the manifest change no module's hash.
    CHECK(older.programme->modules[1].contentHash() == newer.programme->modules[1].contentHash());

    const auto comparison = compareModules(olderModule, newerModule);
    REQUIRE_FALSE(comparison.same());
    REQUIRE(comparison.changes.size() == 1);
    CHECK(comparison.changes[0].field == "prompt");
    CHECK(comparison.changes[0].kind == ChangeKind::added);
    CHECK(comparison.changes[0].newer == "Teaching: Check he follows. (kinds: teaching)");
    REQUIRE(comparison.sessions.size() == 1);
    REQUIRE(comparison.sessions[0].activities.size() == 1);
    const auto& activity = comparison.sessions[0].activities[0];
    CHECK(activity.title == "Hello");
    REQUIRE(activity.changes.size() == 1);
    CHECK(activity.changes[0].field == "prompt");
    CHECK(activity.changes[0].newer == "This hello: Greet each man by name.");
    CHECK(describe(comparison).find("Greet each man by name.") != std::string::npos);
}

TEST_CASE("the module editor keeps the prompts it does not edit") {
    MiniProgramme mini;
    addPrompts(mini);
    ModuleDraft draft(readFile(mini.path() / "modules/one.xml"));
    draft.setText(FieldAddress::ofSession(0, Field::sessionTitle), "Session one, renamed");
    draft.setText(FieldAddress::ofActivity(0, 0, Field::activityTitle), "Hello again");
    draft.addActivity(0, 1, "discussion", 5);
    draft.remove(FieldAddress::ofActivity(0, 1, Field::activity));
    draft.duplicate(FieldAddress::ofActivity(0, 0, Field::activity));
    draft.setText(FieldAddress::ofSession(0, Field::sessionMinutes), "70");  // with the copy
    const auto text = draft.xml();
    CHECK(text.find("<prompt kinds=\"teaching\">") != std::string::npos);
    auto loaded = loadModuleText(text, "one.xml");
    INFO(allFindings(loaded.findings));
    REQUIRE(loaded.module);
    REQUIRE(loaded.module->prompts.size() == 1);
    CHECK(loaded.module->prompts[0].lines[0] == "Check he follows.");
    const auto& activities = loaded.module->sessions[0].activities;
    // The activity and its copy both keep their own prompt.
    REQUIRE(activities.size() == 5);
    CHECK(activities[0].title == "Hello again");
    REQUIRE(activities[0].prompts.size() == 1);
    CHECK(activities[0].prompts[0].title == "This hello");
    REQUIRE(activities[1].prompts.size() == 1);
    CHECK(activities[1].prompts[0].title == "This hello");
}
