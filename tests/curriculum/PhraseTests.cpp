// Phrases the programme offers for progress notes, written in a module's XML or in the
// manifest's: they load, validate against the XSD, a module's count in its content (hash,
// comparison) and survive the module editor, a shortcut means one phrase in the whole
// programme (the first; a second in another file is a warning), and every mistake in them is an
// error at its line with a plain message.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
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

const std::string kPhrases =
    "<phrases>\n"
    "    <phrase shortcut=\"rules\">He kept to the group's rules.</phrase>\n"
    "    <phrase shortcut=\"four-steps\">He talked through\n"
    "      the four steps.</phrase>\n"
    "  </phrases>\n"
    "  <sessions>";

/// The mini programme with two phrases in module one, after its indicators.
void addPhrases(MiniProgramme& mini) {
    mini.replace("modules/one.xml", "<sessions>", kPhrases);
}

const std::string kManifestPhrases =
    "<phrases>\n"
    "    <phrase shortcut=\"on-time\">He arrived on time.</phrase>\n"
    "    <phrase shortcut=\"two-steps\" module=\"module-two\">He named\n"
    "      two steps.</phrase>\n"
    "  </phrases>\n"
    "  <modules>";

/// The mini programme with two phrases in its manifest, one for the whole programme and one
/// for module two, before its modules.
void addManifestPhrases(MiniProgramme& mini) {
    mini.replace("programme.xml", "<modules>", kManifestPhrases);
}

std::string allFindings(const std::vector<Finding>& findings) {
    std::string text;
    for (const auto& finding : findings)
        text += format(finding) + "\n";
    return text;
}

}  // namespace

TEST_CASE("a module's phrases load, and a module without them loads as before") {
    MiniProgramme mini;
    addPhrases(mini);
    auto loaded = loadProgramme(mini.path());
    INFO(allFindings(loaded.findings));
    REQUIRE(loaded.ok());
    CHECK(loaded.findings.empty());
    const auto& phrases = loaded.programme->modules[0].phrases;
    REQUIRE(phrases.size() == 2);
    CHECK(phrases[0].shortcut == "rules");
    CHECK(phrases[0].text == "He kept to the group's rules.");
    CHECK(phrases[1].shortcut == "four-steps");
    CHECK(phrases[1].text == "He talked through the four steps.");  // layout collapsed
    CHECK(loaded.programme->modules[1].phrases.empty());

    MiniProgramme plain;
    auto before = loadProgramme(plain.path());
    REQUIRE(before.ok());
    CHECK(before.findings.empty());
    CHECK(before.programme->modules[0].phrases.empty());
}

TEST_CASE("isPhraseShortcut takes 1 to 20 of a-z, 0-9 and '-', starting with a letter") {
    for (const char* good : {"a", "rules", "four-steps", "step2", "a-", "abcdefghijklmnopqrst"}) {
        CAPTURE(good);
        CHECK(isPhraseShortcut(good));
    }
    for (const char* bad : {"", "abcdefghijklmnopqrstu", "1rules", "-rules", "Rules", "ruLes",
                            "four steps", "four_steps", "r.s", "caf\xc3\xa9", " rules"}) {
        CAPTURE(bad);
        CHECK_FALSE(isPhraseShortcut(bad));
    }
}

TEST_CASE("a module's phrases validate against the XSD, which refuses what the loader refuses") {
    REQUIRE_MESSAGE(std::system("command -v xmllint >/dev/null") == 0,
                    "xmllint is needed (package libxml2-utils)");
    auto validate = [](const MiniProgramme& mini) {
        auto command = "xmllint --noout --schema " ROUNDTABLE_SCHEMA "/module.xsd " +
                       mini.file("modules/one.xml") + " >/dev/null 2>&1";
        return std::system(command.c_str());
    };
    {
        MiniProgramme mini;
        addPhrases(mini);
        CHECK(validate(mini) == 0);
    }
    const std::vector<std::pair<std::string, std::string>> mistakes = {
        {"shortcut=\"four-steps\"", "shortcut=\"rules\""},
        {"shortcut=\"four-steps\"", "shortcut=\"Four-steps\""},
        {"shortcut=\"four-steps\"", "shortcut=\"4-steps\""},
        {"shortcut=\"four-steps\"", "shortcut=\"abcdefghijklmnopqrstu\""},
        {"shortcut=\"four-steps\"", ""},
        {"the group's rules.", "the <b>group's</b> rules."},
        {"He kept to the group's rules.", "  "},
        {"He kept to the group's rules.", std::string(401, 'x')},
        // After the sessions rather than before them.
        {"<sessions>", "<sessions><phrases><phrase shortcut=\"x\">X.</phrase></phrases>"},
    };
    for (const auto& [from, to] : mistakes) {
        CAPTURE(to);
        MiniProgramme mini;
        addPhrases(mini);
        mini.replace("modules/one.xml", from, to);
        CHECK(validate(mini) != 0);
    }
}

TEST_CASE("a mistake in phrases is an error at its line with a plain message") {
    struct Mistake {
        std::string from;
        std::string to;
        std::string lineOf;  ///< the text on the line where the error is reported
        std::string message;
    };
    const std::string longText(401, 'x');
    const std::vector<Mistake> mistakes = {
        {"<phrases>", "<phrases></phrases><!--", "<phrases></phrases>",
         "<phrases> needs at least one <phrase>"},
        {"<phrase shortcut=\"rules\">", "<phrase>", "<phrase>He kept",
         "<phrase> needs the attribute shortcut"},
        {"shortcut=\"rules\"", "shortcut=\" \"", "shortcut=\" \"",
         "the attribute shortcut of <phrase> is empty"},
        {"shortcut=\"rules\"", "shortcut=\"Rules\"", "shortcut=\"Rules\"",
         "shortcut=\"Rules\" has the capital letter \"R\"; a shortcut is written in lower-case "
         "letters a-z, digits and \"-\""},
        {"shortcut=\"rules\"", "shortcut=\"1-rules\"", "shortcut=\"1-rules\"",
         "shortcut=\"1-rules\" must start with a letter a-z, not \"1\""},
        {"shortcut=\"rules\"", "shortcut=\"kept rules\"", "shortcut=\"kept rules\"",
         "shortcut=\"kept rules\" has \" \", which a shortcut may not hold; use only lower-case "
         "letters a-z, digits and \"-\""},
        {"shortcut=\"rules\"", "shortcut=\"r\xc3\xa8gles\"", "shortcut=\"r\xc3\xa8gles\"",
         "shortcut=\"r\xc3\xa8gles\" has \"\xc3\xa8\", which a shortcut may not hold"},
        {"shortcut=\"rules\"", "shortcut=\"kept-to-the-group-rules\"", "kept-to-the-group-rules",
         "shortcut=\"kept-to-the-group-rules\" has 23 characters; a shortcut has at most 20"},
        {"shortcut=\"four-steps\"", "shortcut=\"rules\"", "talked through",
         "the shortcut \"rules\" is already used at line 13, column 5; each phrase of a module "
         "needs a shortcut of its own"},
        {"the group's rules.", "the <b>group's</b> rules.", "<b>group's</b>",
         "a <phrase> is plain text: take out <b> and write the words in the phrase itself"},
        {"He kept to the group's rules.", " \n  ", "<phrase shortcut=\"rules\">",
         "<phrase> has no text"},
        {"He kept to the group's rules.", longText, "<phrase shortcut=\"rules\">",
         "the phrase for \"rules\" has 401 characters; a phrase has at most 400: write it "
         "shorter, or as two phrases"},
    };
    for (const auto& mistake : mistakes) {
        CAPTURE(mistake.to);
        MiniProgramme mini;
        addPhrases(mini);
        REQUIRE(mini.lineOf("modules/one.xml", "shortcut=\"rules\"") == 13);
        mini.replace("modules/one.xml", mistake.from, mistake.to);
        if (mistake.from == "<phrases>")  // close the comment that hides the phrases
            mini.replace("modules/one.xml", "</phrases>\n  <sessions>", "-->\n  <sessions>");
        auto result = loadProgramme(mini.path());
        INFO(allFindings(result.findings));
        REQUIRE_FALSE(result.ok());
        auto found = std::find_if(
            result.findings.begin(), result.findings.end(), [&](const Finding& finding) {
                return finding.severity == Severity::error &&
                       finding.message.find(mistake.message) != std::string::npos;
            });
        REQUIRE(found != result.findings.end());
        CHECK(found->file == mini.file("modules/one.xml"));
        CHECK(found->line == mini.lineOf("modules/one.xml", mistake.lineOf));
        CHECK(found->column > 0);
    }
}

TEST_CASE("a phrase's length is counted in characters after its layout is trimmed") {
    MiniProgramme mini;
    addPhrases(mini);
    std::string accented;  // 400 characters of two bytes each
    for (int i = 0; i < 400; ++i)
        accented += "\xc3\xa9";
    mini.replace("modules/one.xml", "He kept to the group's rules.",
                 "\n      " + accented + "\n  ");
    auto loaded = loadProgramme(mini.path());
    INFO(allFindings(loaded.findings));
    REQUIRE(loaded.ok());
    CHECK(loaded.programme->modules[0].phrases[0].text == accented);
}

TEST_CASE("a shortcut used twice in a module held in memory names the line of the first") {
    MiniProgramme mini;
    addPhrases(mini);
    mini.replace("modules/one.xml", "shortcut=\"four-steps\"", "shortcut=\"rules\"");
    auto loaded = loadModuleText(readFile(mini.path() / "modules/one.xml"), "one.xml");
    const auto found =
        std::find_if(loaded.findings.begin(), loaded.findings.end(), [](const Finding& finding) {
            return finding.message.find("the shortcut \"rules\" is already used at line 13") !=
                   std::string::npos;
        });
    CHECK(found != loaded.findings.end());
}

TEST_CASE("an unknown attribute of a phrase is a warning and the module still loads") {
    MiniProgramme mini;
    addPhrases(mini);
    mini.replace("modules/one.xml", "shortcut=\"rules\"", "shortcut=\"rules\" tone=\"warm\"");
    auto result = loadProgramme(mini.path());
    REQUIRE(result.ok());
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].severity == Severity::warning);
    CHECK(result.findings[0].message ==
          "the attribute tone is not part of <phrase> in format 1; it is ignored");
    CHECK(result.programme->modules[0].phrases.size() == 2);
}

TEST_CASE("a module's phrases count in its content hash and in a comparison of versions") {
    MiniProgramme before;
    auto older = loadProgramme(before.path());
    REQUIRE(older.ok());
    MiniProgramme after;
    addPhrases(after);
    auto newer = loadProgramme(after.path());
    REQUIRE(newer.ok());
    const auto& olderModule = older.programme->modules[0];
    const auto& newerModule = newer.programme->modules[0];
    CHECK(olderModule.contentHash() != newerModule.contentHash());
    CHECK(older.programme->modules[1].contentHash() == newer.programme->modules[1].contentHash());

    const auto comparison = compareModules(olderModule, newerModule);
    REQUIRE_FALSE(comparison.same());
    REQUIRE(comparison.changes.size() == 2);
    CHECK(comparison.changes[0].field == "phrase");
    CHECK(comparison.changes[0].kind == ChangeKind::added);
    CHECK(comparison.changes[0].newer == "rules: He kept to the group's rules.");
    CHECK(comparison.changes[1].newer == "four-steps: He talked through the four steps.");
    CHECK(comparison.sessions.empty());

    // A phrase's words changed: one phrase changed, word by word.
    MiniProgramme edited;
    addPhrases(edited);
    edited.replace("modules/one.xml", "the group's rules.", "the rules the group made.");
    auto third = loadProgramme(edited.path());
    REQUIRE(third.ok());
    const auto change = compareModules(newerModule, third.programme->modules[0]);
    REQUIRE(change.changes.size() == 1);
    CHECK(change.changes[0].field == "phrase");
    CHECK(change.changes[0].kind == ChangeKind::changed);
    CHECK(describe(change).find("[-group's rules.-]{+rules the group made.+}") !=
          std::string::npos);
    CHECK(compareModules(newerModule, newerModule).same());
}

TEST_CASE("the module editor keeps the phrases it does not edit") {
    MiniProgramme mini;
    addPhrases(mini);
    ModuleDraft draft(readFile(mini.path() / "modules/one.xml"));
    draft.setText(FieldAddress::ofModule(Field::moduleTitle), "Module one, renamed");
    draft.setText(FieldAddress::ofSession(0, Field::sessionTitle), "Session one, renamed");
    draft.addActivity(0, 1, "discussion", 5);
    draft.remove(FieldAddress::ofActivity(0, 1, Field::activity));
    draft.duplicate(FieldAddress::ofActivity(0, 0, Field::activity));
    draft.setText(FieldAddress::ofSession(0, Field::sessionMinutes), "70");  // with the copy
    const auto text = draft.xml();
    CHECK(text.find("<phrase shortcut=\"rules\">He kept to the group's rules.</phrase>") !=
          std::string::npos);
    auto loaded = loadModuleText(text, "one.xml");
    INFO(allFindings(loaded.findings));
    REQUIRE(loaded.module);
    CHECK(loaded.module->title == "Module one, renamed");
    REQUIRE(loaded.module->phrases.size() == 2);
    CHECK(loaded.module->phrases[0].shortcut == "rules");
    CHECK(loaded.module->phrases[1].text == "He talked through the four steps.");
}

TEST_CASE("the manifest's phrases load with their module, and phrasesOf lists every phrase") {
    MiniProgramme mini;
    addManifestPhrases(mini);
    addPhrases(mini);
    auto loaded = loadProgramme(mini.path());
    INFO(allFindings(loaded.findings));
    REQUIRE(loaded.ok());
    CHECK(loaded.findings.empty());
    const auto& programme = *loaded.programme;
    REQUIRE(programme.phrases.size() == 2);
    CHECK(programme.phrases[0].shortcut == "on-time");
    CHECK(programme.phrases[0].text == "He arrived on time.");
    CHECK(programme.phrases[0].module.empty());  // the whole programme's
    CHECK(programme.phrases[1].shortcut == "two-steps");
    CHECK(programme.phrases[1].text == "He named two steps.");
    CHECK(programme.phrases[1].module == "module-two");
    // A module file's phrases carry its id.
    REQUIRE(programme.modules[0].phrases.size() == 2);
    CHECK(programme.modules[0].phrases[0].module == "module-one");
    CHECK(programme.modules[0].phrases[1].module == "module-one");

    // The manifest's, then each module's in the programme's order.
    std::vector<std::string_view> shortcuts;
    for (const auto* phrase : phrasesOf(programme))
        shortcuts.push_back(phrase->shortcut);
    CHECK(shortcuts ==
          std::vector<std::string_view>{"on-time", "two-steps", "rules", "four-steps"});
    CHECK(phrasesOf(programme)[2] == &programme.modules[0].phrases[0]);

    MiniProgramme plain;
    auto before = loadProgramme(plain.path());
    REQUIRE(before.ok());
    CHECK(before.programme->phrases.empty());
    CHECK(phrasesOf(*before.programme).empty());
}

TEST_CASE("the manifest's phrases change no module's content hash") {
    MiniProgramme before;
    auto older = loadProgramme(before.path());
    REQUIRE(older.ok());
    MiniProgramme after;
    addManifestPhrases(after);
    auto newer = loadProgramme(after.path());
    REQUIRE(newer.ok());
    for (std::size_t at = 0; at < older.programme->modules.size(); ++at) {
        CHECK(older.programme->modules[at].contentHash() ==
              newer.programme->modules[at].contentHash());
    }
}

TEST_CASE(
    "a mistake in the manifest's phrases, or a shortcut used twice in it, is an error at its "
    "line with a plain message") {
    struct Mistake {
        std::string file;  ///< changed
        std::string from;
        std::string to;
        std::string errorFile;  ///< where the error is reported
        std::string lineOf;     ///< the text on the line where the error is reported
        std::string message;
    };
    const std::vector<Mistake> mistakes = {
        {"programme.xml", "module=\"module-two\"", "module=\"module-three\"", "programme.xml",
         "module=\"module-three\"",
         "module=\"module-three\" is not one of this programme's modules; name one of: "
         "module-one, module-two"},
        {"programme.xml", "module=\"module-two\"", "module=\" \"", "programme.xml", "module=\" \"",
         "the attribute module of <phrase> is empty"},
        {"programme.xml", "<phrases>", "<phrases></phrases><!--", "programme.xml",
         "<phrases></phrases>", "<phrases> needs at least one <phrase>"},
        // The checks a module's phrases have are the same code.
        {"programme.xml", "shortcut=\"on-time\"", "shortcut=\"On-time\"", "programme.xml",
         "shortcut=\"On-time\"",
         "shortcut=\"On-time\" has the capital letter \"O\"; a shortcut is written in "
         "lower-case letters a-z, digits and \"-\""},
        {"programme.xml", "He arrived on time.", "He <b>arrived</b> on time.", "programme.xml",
         "<b>arrived</b>",
         "a <phrase> is plain text: take out <b> and write the words in the phrase itself"},
        {"programme.xml", "He arrived on time.", std::string(401, 'x'), "programme.xml",
         "shortcut=\"on-time\"",
         "the phrase for \"on-time\" has 401 characters; a phrase has at most 400"},
        // Twice in the manifest.
        {"programme.xml", "shortcut=\"two-steps\"", "shortcut=\"on-time\"", "programme.xml",
         "He named",
         "the shortcut \"on-time\" is already used at line 17, column 5; each phrase of the "
         "programme needs a shortcut of its own"},
    };
    for (const auto& mistake : mistakes) {
        CAPTURE(mistake.to);
        MiniProgramme mini;
        addManifestPhrases(mini);
        addPhrases(mini);
        REQUIRE(mini.lineOf("programme.xml", "shortcut=\"on-time\"") == 17);
        REQUIRE(mini.lineOf("modules/one.xml", "shortcut=\"rules\"") == 13);
        mini.replace(mistake.file, mistake.from, mistake.to);
        if (mistake.from == "<phrases>")  // close the comment that hides the phrases
            mini.replace(mistake.file, "</phrases>\n  <modules>", "-->\n  <modules>");
        const auto& message = mistake.message;
        auto result = loadProgramme(mini.path());
        INFO(allFindings(result.findings));
        REQUIRE_FALSE(result.ok());
        auto found = std::find_if(result.findings.begin(), result.findings.end(),
                                  [&](const Finding& finding) {
                                      return finding.severity == Severity::error &&
                                             finding.message.find(message) != std::string::npos;
                                  });
        REQUIRE(found != result.findings.end());
        CHECK(found->file == mini.file(mistake.errorFile));
        CHECK(found->line == mini.lineOf(mistake.errorFile, mistake.lineOf));
        CHECK(found->column > 0);
    }
}

TEST_CASE("a manifest's phrase naming a module that could not be read adds no error of its own") {
    MiniProgramme mini;
    addManifestPhrases(mini);
    std::filesystem::remove(mini.path() / "modules/two.xml");
    auto result = loadProgramme(mini.path());
    INFO(allFindings(result.findings));
    REQUIRE_FALSE(result.ok());
    CHECK(std::none_of(result.findings.begin(), result.findings.end(), [](const Finding& finding) {
        return finding.message.find("module=") != std::string::npos;
    }));
}

TEST_CASE("a module file's phrase names no module: module= there is a warning") {
    MiniProgramme mini;
    addPhrases(mini);
    mini.replace("modules/one.xml", "shortcut=\"rules\"",
                 "shortcut=\"rules\" module=\"module-two\"");
    auto result = loadProgramme(mini.path());
    REQUIRE(result.ok());
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].severity == Severity::warning);
    CHECK(result.findings[0].message ==
          "the attribute module is not part of <phrase> in format 1; it is ignored");
    CHECK(result.programme->modules[0].phrases[0].module == "module-one");
}

TEST_CASE("a shortcut another file already uses is a warning there, and the first one counts") {
    MiniProgramme mini;
    addManifestPhrases(mini);
    addPhrases(mini);
    // In the manifest and in a module: the module's is reported, naming the manifest's.
    mini.replace("modules/one.xml", "shortcut=\"four-steps\"", "shortcut=\"two-steps\"");
    // In two modules: the second is reported, naming the first.
    mini.replace("modules/two.xml", "<sessions>",
                 "<phrases><phrase shortcut=\"rules\">He kept the rules.</phrase></phrases>\n"
                 "  <sessions>");
    auto result = loadProgramme(mini.path());
    INFO(allFindings(result.findings));
    REQUIRE(result.ok());  // a module imported on its own never makes the programme unusable
    REQUIRE(result.findings.size() == 2);
    for (const auto& finding : result.findings)
        CHECK(finding.severity == Severity::warning);
    CHECK(result.findings[0].file == mini.file("modules/one.xml"));
    CHECK(result.findings[0].line == mini.lineOf("modules/one.xml", "talked through"));
    CHECK(result.findings[0].message ==
          "the shortcut \"two-steps\" is already used at " + mini.file("programme.xml") +
              ":18:5, and that phrase is the one a note gets: give this phrase a shortcut of its "
              "own");
    CHECK(result.findings[1].file == mini.file("modules/two.xml"));
    CHECK(result.findings[1].message.starts_with("the shortcut \"rules\" is already used at " +
                                                 mini.file("modules/one.xml") + ":13:5"));
    // phrasesOf lists them all, the first of each shortcut first.
    auto phrases = phrasesOf(*result.programme);
    auto first = std::find_if(phrases.begin(), phrases.end(),
                              [](const Phrase* phrase) { return phrase->shortcut == "two-steps"; });
    REQUIRE(first != phrases.end());
    CHECK((*first)->module == "module-two");
}

TEST_CASE("the manifest's phrases validate against the XSD, which refuses what it can") {
    REQUIRE_MESSAGE(std::system("command -v xmllint >/dev/null") == 0,
                    "xmllint is needed (package libxml2-utils)");
    auto validate = [](const MiniProgramme& mini) {
        auto command = "xmllint --noout --schema " ROUNDTABLE_SCHEMA "/programme.xsd " +
                       mini.file("programme.xml") + " >/dev/null 2>&1";
        return std::system(command.c_str());
    };
    {
        MiniProgramme mini;
        addManifestPhrases(mini);
        CHECK(validate(mini) == 0);
    }
    const std::vector<std::pair<std::string, std::string>> mistakes = {
        {"shortcut=\"two-steps\"", "shortcut=\"on-time\""},
        {"shortcut=\"two-steps\"", "shortcut=\"Two-steps\""},
        {"shortcut=\"two-steps\"", ""},
        {"module=\"module-two\"", "module=\"Module two\""},
        {"named\n      two steps.", "named <b>two</b> steps."},
        // After the modules rather than before them.
        {"</modules>", "</modules><phrases><phrase shortcut=\"x\">X.</phrase></phrases>"},
    };
    for (const auto& [from, to] : mistakes) {
        CAPTURE(to);
        MiniProgramme mini;
        addManifestPhrases(mini);
        mini.replace("programme.xml", from, to);
        CHECK(validate(mini) != 0);
    }
}

TEST_CASE("the shipped programme offers phrases for each of modules 01 to 07, in its manifest") {
    auto loaded = loadProgramme(ROUNDTABLE_CONTENT);
    INFO(allFindings(loaded.findings));
    REQUIRE(loaded.ok());
    CHECK(loaded.findings.empty());
    const auto& programme = *loaded.programme;
    const std::vector<std::string_view> treated = {
        "framework",      "relationships",      "cognitive-model", "four-steps",
        "victim-empathy", "relapse-prevention", "maintenance"};
    for (auto module : treated) {
        CAPTURE(module);
        REQUIRE(programme.findModule(module));
        CHECK(std::count_if(programme.phrases.begin(), programme.phrases.end(),
                            [&](const Phrase& phrase) { return phrase.module == module; }) == 4);
    }
    // Every manifest phrase names a module; the shipped module files hold none, so that their
    // content stays as sessions were planned from it.
    CHECK(programme.phrases.size() == 4 * treated.size());
    for (const auto& phrase : programme.phrases) {
        CAPTURE(phrase.shortcut);
        CHECK(isPhraseShortcut(phrase.shortcut));
        CHECK(phrase.text.starts_with("He "));
        CHECK(phrase.text.ends_with("."));
        CHECK(std::find(treated.begin(), treated.end(), phrase.module) != treated.end());
    }
    for (const auto& module : programme.modules)
        CHECK_MESSAGE(module.phrases.empty(), module.id);
    CHECK(phrasesOf(programme).size() == programme.phrases.size());
    CHECK(programme.phrases[0].shortcut == "rules");
    CHECK(programme.phrases[0].module == "framework");
}
