// The module editor's model: every edit on a real shipped module, undo and redo to the same
// bytes, typing as one step, unknown content kept, and findings placed at the field they
// concern while a person types.
#include <doctest/doctest.h>

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "curriculum/DraftChecks.h"
#include "curriculum/ModuleDocument.h"
#include "curriculum/ModuleEditing.h"
#include "support/TempDir.h"
#include "text/Translate.h"

using namespace roundtable::curriculum;
using roundtable::test::readFile;
namespace fs = std::filesystem;

namespace {

const fs::path kModules = fs::path(ROUNDTABLE_CONTENT) / "modules";

/// A copy of a shipped module's text (the file itself is never written).
std::string shippedText(const std::string& name = "02-relationships.xml") {
    return readFile(kModules / name);
}

PictureNames shippedPictures() {
    PictureNames names;
    for (const auto& entry : fs::directory_iterator(fs::path(ROUNDTABLE_CONTENT) / "pictures")) {
        const auto extension = entry.path().extension();
        if (extension == ".svg" || extension == ".png")
            names.insert(entry.path().stem().string());
    }
    return names;
}

DraftCheck check(const ModuleDraft& draft) {
    static const PictureNames pictures = shippedPictures();
    DraftCheckOptions options;
    options.displayName = "draft.xml";
    options.pictures = &pictures;
    return checkDraft(draft, options);
}

std::string allFindings(const DraftCheck& checked) {
    std::string text;
    for (const auto& finding : checked.findings)
        text.append(describe(finding.field))
            .append(": ")
            .append(format(finding.finding))
            .append("\n");
    return text;
}

std::vector<DraftFinding> findingsContaining(const DraftCheck& checked, const std::string& words) {
    std::vector<DraftFinding> found;
    std::copy_if(
        checked.findings.begin(), checked.findings.end(), std::back_inserter(found),
        [&](const DraftFinding& f) { return f.finding.message.find(words) != std::string::npos; });
    return found;
}

using A = FieldAddress;

struct Edit {
    const char* name;
    std::function<void(ModuleDraft&)> run;
};

/// Every kind of edit the editor offers, on 02-relationships.xml (8 sessions; session 1's
/// activity 4 is a break with neither adapt nor watch; its activity 6 has adapt but no watch).
std::vector<Edit> everyEdit() {
    return {
        {"module title",
         [](ModuleDraft& d) { d.setText(A::ofModule(Field::moduleTitle), "Relationships & sex"); }},
        {"summary",
         [](ModuleDraft& d) {
             d.setText(A::ofModule(Field::moduleSummary), "A <short> summary.");
         }},
        {"aim text",
         [](ModuleDraft& d) { d.setText(A::ofModule(Field::aims, 1), "Know what consent is."); }},
        {"add aim", [](ModuleDraft& d) { d.addItem(A::ofModule(Field::aims), 2, "A new aim."); }},
        {"remove aim", [](ModuleDraft& d) { d.remove(A::ofModule(Field::aims, 0)); }},
        {"move aim", [](ModuleDraft& d) { d.move(A::ofModule(Field::aims, 0), 3); }},
        {"duplicate aim", [](ModuleDraft& d) { d.duplicate(A::ofModule(Field::aims, 3)); }},
        {"indicator label",
         [](ModuleDraft& d) { d.setText(A::ofModule(Field::indicatorLabel, 0), "Knows consent"); }},
        {"indicator description",
         [](ModuleDraft& d) {
             d.setText(A::ofModule(Field::indicatorDescription, 2), "0: no. 3: yes.");
         }},
        {"indicator scale", [](ModuleDraft& d) { d.setIndicatorScale(1, 1, 5); }},
        {"add indicator", [](ModuleDraft& d) { d.addIndicator(1); }},
        {"remove indicator", [](ModuleDraft& d) { d.remove(A::ofModule(Field::indicators, 1)); }},
        {"move indicator", [](ModuleDraft& d) { d.moveDown(A::ofModule(Field::indicators, 0)); }},
        {"duplicate indicator",
         [](ModuleDraft& d) { d.duplicate(A::ofModule(Field::indicators, 2)); }},
        {"add session", [](ModuleDraft& d) { d.addSession(3); }},
        {"add session at the end", [](ModuleDraft& d) { d.addSession(99, 90); }},
        {"remove session", [](ModuleDraft& d) { d.remove(A::ofSession(4, Field::session)); }},
        {"duplicate session", [](ModuleDraft& d) { d.duplicate(A::ofSession(0, Field::session)); }},
        {"move session up", [](ModuleDraft& d) { d.moveUp(A::ofSession(5, Field::session)); }},
        {"move session down", [](ModuleDraft& d) { d.moveDown(A::ofSession(0, Field::session)); }},
        {"move session to a position",
         [](ModuleDraft& d) { d.move(A::ofSession(7, Field::session), 1); }},
        {"session title",
         [](ModuleDraft& d) { d.setText(A::ofSession(2, Field::sessionTitle), "Bodies"); }},
        {"session minutes",
         [](ModuleDraft& d) { d.setText(A::ofSession(2, Field::sessionMinutes), "90"); }},
        {"objective text",
         [](ModuleDraft& d) {
             d.setText(A::ofSession(0, Field::objectives, 2), "Staff are not friends.");
         }},
        {"add objective",
         [](ModuleDraft& d) { d.addItem(A::ofSession(0, Field::objectives), 0, "First."); }},
        {"remove objective",
         [](ModuleDraft& d) { d.remove(A::ofSession(0, Field::objectives, 1)); }},
        {"move objective", [](ModuleDraft& d) { d.moveUp(A::ofSession(0, Field::objectives, 2)); }},
        {"material text",
         [](ModuleDraft& d) { d.setText(A::ofSession(1, Field::materials, 0), "Pens"); }},
        {"add material",
         [](ModuleDraft& d) { d.addItem(A::ofSession(1, Field::materials), 99, "Paper"); }},
        {"remove material", [](ModuleDraft& d) { d.remove(A::ofSession(1, Field::materials, 0)); }},
        {"move material", [](ModuleDraft& d) { d.move(A::ofSession(0, Field::materials, 3), 0); }},
        {"add activity", [](ModuleDraft& d) { d.addActivity(0, 2, "discussion", 15); }},
        {"remove activity", [](ModuleDraft& d) { d.remove(A::ofActivity(0, 1, Field::activity)); }},
        {"duplicate activity",
         [](ModuleDraft& d) { d.duplicate(A::ofActivity(0, 3, Field::activity)); }},
        {"move activity", [](ModuleDraft& d) { d.move(A::ofActivity(0, 0, Field::activity), 6); }},
        {"activity title",
         [](ModuleDraft& d) {
             d.setText(A::ofActivity(0, 1, Field::activityTitle), "Who we know");
         }},
        {"activity kind",
         [](ModuleDraft& d) { d.setText(A::ofActivity(0, 1, Field::activityKind), "discussion"); }},
        {"activity minutes",
         [](ModuleDraft& d) { d.setText(A::ofActivity(0, 1, Field::activityMinutes), "20"); }},
        {"activity picture",
         [](ModuleDraft& d) { d.setText(A::ofActivity(0, 1, Field::activityPicture), "group"); }},
        {"activity picture removed",
         [](ModuleDraft& d) { d.setText(A::ofActivity(0, 1, Field::activityPicture), ""); }},
        {"guidance paragraph",
         [](ModuleDraft& d) {
             d.setText(A::ofActivity(0, 2, Field::guidance, 1), "Talk it through.");
         }},
        {"add guidance paragraph",
         [](ModuleDraft& d) { d.addItem(A::ofActivity(0, 2, Field::guidance), 99, "Last."); }},
        {"remove guidance paragraph",
         [](ModuleDraft& d) { d.remove(A::ofActivity(0, 2, Field::guidance, 0)); }},
        {"move guidance paragraph",
         [](ModuleDraft& d) { d.moveDown(A::ofActivity(0, 2, Field::guidance, 0)); }},
        {"adapt",
         [](ModuleDraft& d) {
             d.setText(A::ofActivity(0, 0, Field::activityAdapt), "Go slowly.");
         }},
        {"adapt where there was none",
         [](ModuleDraft& d) { d.setText(A::ofActivity(0, 3, Field::activityAdapt), "Sit down."); }},
        {"adapt removed",
         [](ModuleDraft& d) { d.setText(A::ofActivity(0, 0, Field::activityAdapt), ""); }},
        {"watch",
         [](ModuleDraft& d) { d.setText(A::ofActivity(0, 1, Field::activityWatch), "Silence."); }},
        {"watch where there was none",
         [](ModuleDraft& d) {
             d.setText(A::ofActivity(0, 5, Field::activityWatch), "Forgetting.");
         }},
        {"easy-read text",
         [](ModuleDraft& d) {
             d.setText(A::ofActivity(0, 0, Field::easyReadText, 1), "We can talk here.");
         }},
        {"easy-read picture",
         [](ModuleDraft& d) {
             d.setText(A::ofActivity(0, 0, Field::easyReadPicture, 1), "group");
         }},
        {"add easy-read point",
         [](ModuleDraft& d) {
             d.addItem(A::ofActivity(0, 0, Field::easyRead), 1, "We listen.", "listening");
         }},
        {"remove easy-read point",
         [](ModuleDraft& d) { d.remove(A::ofActivity(0, 0, Field::easyRead, 0)); }},
        {"move easy-read point",
         [](ModuleDraft& d) { d.move(A::ofActivity(0, 0, Field::easyRead, 1), 0); }},
        {"duplicate easy-read point",
         [](ModuleDraft& d) { d.duplicate(A::ofActivity(0, 4, Field::easyRead, 2)); }},
        {"handout covered text",
         [](ModuleDraft& d) {
             d.setText(A::ofSession(0, Field::handoutCoveredText, 0), "We talked.");
         }},
        {"handout covered picture",
         [](ModuleDraft& d) {
             d.setText(A::ofSession(0, Field::handoutCoveredPicture, 0), "group");
         }},
        {"add handout covered point",
         [](ModuleDraft& d) {
             d.addItem(A::ofSession(0, Field::handoutCovered), 0, "New.", "group");
         }},
        {"remove handout covered point",
         [](ModuleDraft& d) { d.remove(A::ofSession(0, Field::handoutCovered, 1)); }},
        {"move handout covered point",
         [](ModuleDraft& d) { d.moveUp(A::ofSession(0, Field::handoutCovered, 1)); }},
        {"handout help text",
         [](ModuleDraft& d) {
             d.setText(A::ofSession(1, Field::handoutHelpText, 0), "Help him.");
         }},
        {"handout help picture",
         [](ModuleDraft& d) { d.setText(A::ofSession(1, Field::handoutHelpPicture, 0), "carer"); }},
        {"add handout help point",
         [](ModuleDraft& d) {
             d.addItem(A::ofSession(1, Field::handoutHelp), 99, "Listen.", "listening");
         }},
        {"remove handout help point",
         [](ModuleDraft& d) { d.remove(A::ofSession(1, Field::handoutHelp, 0)); }},
        {"move handout help point",
         [](ModuleDraft& d) { d.moveDown(A::ofSession(1, Field::handoutHelp, 0)); }},
        {"handout watch text",
         [](ModuleDraft& d) {
             d.setText(A::ofSession(2, Field::handoutWatchText, 0), "Tell us.");
         }},
        {"handout watch picture",
         [](ModuleDraft& d) { d.setText(A::ofSession(2, Field::handoutWatchPicture, 0), "safe"); }},
        {"add handout watch point",
         [](ModuleDraft& d) {
             d.addItem(A::ofSession(2, Field::handoutWatch), 1, "Watch.", "warning-sign");
         }},
        {"remove handout watch point",
         [](ModuleDraft& d) { d.remove(A::ofSession(0, Field::handoutWatch, 1)); }},
        {"move handout watch point",
         [](ModuleDraft& d) { d.move(A::ofSession(0, Field::handoutWatch, 1), 0); }},
        {"handout talk text",
         [](ModuleDraft& d) { d.setText(A::ofSession(3, Field::handoutTalkText, 0), "Ask him."); }},
        {"handout talk picture",
         [](ModuleDraft& d) {
             d.setText(A::ofSession(3, Field::handoutTalkPicture, 0), "talking");
         }},
        {"add handout talk point",
         [](ModuleDraft& d) {
             d.addItem(A::ofSession(3, Field::handoutTalk), 0, "Talk.", "talking");
         }},
        {"remove handout talk point",
         [](ModuleDraft& d) { d.remove(A::ofSession(3, Field::handoutTalk, 0)); }},
        {"duplicate handout talk point",
         [](ModuleDraft& d) { d.duplicate(A::ofSession(3, Field::handoutTalkText, 0)); }},
    };
}

}  // namespace

TEST_CASE("a shipped module opens as a draft whose text is what saving the module writes") {
    for (const auto& entry : fs::directory_iterator(kModules)) {
        CAPTURE(entry.path());
        const ModuleDraft draft(readFile(entry.path()));
        CHECK(draft.xml() == ModuleDocument::textOf(ModuleDocument::open(entry.path()).document()));
        const auto checked = check(draft);
        INFO(allFindings(checked));
        CHECK(checked.findings.empty());
        CHECK_FALSE(checked.hasErrors());
        CHECK(checked.minutes.size() == draft.sessionCount());
        CHECK_FALSE(draft.canUndo());
    }
}

TEST_CASE("the draft reads every kind of field of a shipped module") {
    const ModuleDraft draft(shippedText());
    CHECK(draft.moduleId() == "relationships");
    CHECK(draft.text(A::ofModule(Field::moduleTitle)) == "Human relations and sex education");
    CHECK(draft.itemCount(A::ofModule(Field::aims)) == 4);
    CHECK(draft.itemCount(A::ofModule(Field::indicators)) == 3);
    CHECK(draft.text(A::ofModule(Field::indicatorScale, 0)) == "0-3");
    CHECK(draft.text(A::ofModule(Field::indicatorLabel, 0)) == "Understands consent");
    CHECK(draft.sessionCount() == 8);
    CHECK(draft.sessionId(0) == "relationships-01");
    CHECK(draft.findSession("relationships-02") == 1u);
    CHECK_FALSE(draft.findSession("framework-01"));
    CHECK(draft.text(A::ofSession(0, Field::sessionMinutes)) == "120");
    CHECK(draft.text(A::ofSession(0, Field::sessionTitle)) == "Kinds of relationships");
    CHECK(draft.activityCount(0) == 7);
    CHECK(draft.text(A::ofActivity(0, 1, Field::activityKind)) == "teaching");
    CHECK(draft.text(A::ofActivity(0, 1, Field::activityMinutes)) == "25");
    CHECK(draft.text(A::ofActivity(0, 3, Field::activityAdapt)).empty());
    CHECK(draft.text(A::ofActivity(0, 0, Field::easyReadPicture, 1)) == "talking");
    CHECK(draft.text(A::ofActivity(0, 0, Field::easyReadText, 1)) ==
          "In this group it is OK to talk about sex.");
    CHECK(draft.text(A::ofSession(0, Field::handoutWatchPicture, 1)) == "safe");
    CHECK(draft.itemCount(A::ofSession(0, Field::handoutTalk)) == 1);
    const auto minutes = draft.minutesOf(0);
    CHECK(minutes.session == 120);
    CHECK(minutes.activities == 120);
    CHECK(minutes.addUp());
    CHECK_THROWS_AS((void)draft.text(A::ofSession(0, Field::session)), DraftEditError);
    CHECK_FALSE(draft.exists(A::ofSession(8, Field::sessionTitle)));
    CHECK_FALSE(draft.exists(A::ofActivity(0, 0, Field::easyReadText, 2)));
    CHECK(draft.exists(A::ofActivity(0, 0, Field::easyReadText, 1)));
}

TEST_CASE("every edit on a shipped module is undone and redone to the same bytes") {
    const std::string original = shippedText();
    for (const auto& edit : everyEdit()) {
        INFO(edit.name);
        ModuleDraft draft(original);
        edit.run(draft);
        const auto edited = draft.xml();
        CHECK(edited != original);
        REQUIRE(draft.canUndo());
        CHECK(draft.undoSteps() == 1);
        CHECK_FALSE(draft.undoDescription().empty());
        draft.undo();
        CHECK(draft.xml() == original);
        CHECK_FALSE(draft.canUndo());
        REQUIRE(draft.canRedo());
        draft.redo();
        CHECK(draft.xml() == edited);
        CHECK_FALSE(draft.canRedo());
    }
}

TEST_CASE("all the edits in a row are undone back to the original and redone to the end") {
    const std::string original = shippedText();
    ModuleDraft draft(original);
    std::vector<std::string> states{original};
    std::size_t refused = 0;
    for (const auto& edit : everyEdit()) {
        INFO(edit.name);
        draft.endTyping();
        // An earlier edit may have removed what a later one names (the list was written for
        // the module as shipped): that edit is refused and changes nothing.
        try {
            edit.run(draft);
        } catch (const DraftEditError&) {
            ++refused;
            REQUIRE(draft.xml() == states.back());
            continue;
        }
        // Or it may find that what it sets is there already (an earlier one set it): then
        // there is no step to undo.
        if (draft.undoSteps() == states.size())
            states.push_back(draft.xml());
        else
            REQUIRE(draft.xml() == states.back());
    }
    CHECK(refused < 8);
    CHECK(states.size() > 60);
    REQUIRE(draft.undoSteps() == states.size() - 1);
    for (auto state = states.rbegin() + 1; state != states.rend(); ++state) {
        draft.undo();
        REQUIRE(draft.xml() == *state);
    }
    CHECK_FALSE(draft.canUndo());
    for (auto state = states.begin() + 1; state != states.end(); ++state) {
        draft.redo();
        REQUIRE(draft.xml() == *state);
    }
    // What the edits made is still a module the loader reads (with findings, such as the
    // sessions' minutes, but no parse error).
    const auto checked = check(draft);
    CHECK(findingsContaining(checked, "not well formed").empty());
}

TEST_CASE("what each edit does to the module") {
    ModuleDraft draft(shippedText());
    SUBCASE("a new session has a fresh id, the minutes asked for and empty parts") {
        const auto added = draft.addSession(2, 90);
        CHECK(added == A::ofSession(2, Field::session));
        CHECK(draft.sessionCount() == 9);
        CHECK(draft.sessionId(2) == "relationships-09");
        CHECK(draft.text(A::ofSession(2, Field::sessionMinutes)) == "90");
        CHECK(draft.activityCount(2) == 0);
        CHECK(draft.undoDescription() == "add session");
    }
    SUBCASE("a new activity has the kind and minutes asked for") {
        const auto added = draft.addActivity(1, 0, "role-play", 20);
        CHECK(added == A::ofActivity(1, 0, Field::activity));
        CHECK(draft.text(A::ofActivity(1, 0, Field::activityKind)) == "role-play");
        CHECK(draft.text(A::ofActivity(1, 0, Field::activityMinutes)) == "20");
        CHECK(draft.minutesOf(1).activities == 140);
        CHECK_FALSE(draft.minutesOf(1).addUp());
    }
    SUBCASE("a moved session keeps its content and id") {
        const auto moved = draft.move(A::ofSession(7, Field::session), 0);
        CHECK(moved == A::ofSession(0, Field::session));
        CHECK(draft.sessionId(0) == "relationships-08");
        CHECK(draft.sessionId(1) == "relationships-01");
        CHECK(draft.undoDescription() == "move session");
        const auto back = draft.moveDown(moved);
        CHECK(back == A::ofSession(1, Field::session));
        CHECK(draft.sessionId(1) == "relationships-08");
    }
    SUBCASE("moving to where it is already changes nothing and makes no step") {
        draft.move(A::ofSession(3, Field::session), 3);
        draft.moveUp(A::ofSession(0, Field::session));
        draft.moveDown(A::ofSession(7, Field::session));
        CHECK_FALSE(draft.canUndo());
    }
    SUBCASE("an easy-read point is added with its picture and text") {
        const auto added =
            draft.addItem(A::ofActivity(0, 0, Field::easyRead), 0, "Hello.", "group");
        CHECK(added == A::ofActivity(0, 0, Field::easyRead, 0));
        CHECK(draft.text(A::ofActivity(0, 0, Field::easyReadPicture, 0)) == "group");
        CHECK(draft.text(A::ofActivity(0, 0, Field::easyReadText, 0)) == "Hello.");
        CHECK(draft.itemCount(A::ofActivity(0, 0, Field::easyRead)) == 3);
    }
    SUBCASE(
        "an adapt paragraph that was absent goes after the paragraphs, an empty one is removed") {
        draft.setText(A::ofActivity(0, 3, Field::activityAdapt), "Sit down.");
        const auto text = draft.xml();
        const auto offered = text.find("<p>Offer drinks.");
        const auto adapt = text.find("<adapt>Sit down.</adapt>");
        REQUIRE(offered != std::string::npos);
        REQUIRE(adapt != std::string::npos);
        CHECK(adapt > offered);
        CHECK(adapt < text.find("</guidance>", offered));
        draft.endTyping();
        draft.setText(A::ofActivity(0, 3, Field::activityAdapt), "");
        CHECK(draft.xml() == ModuleDraft(shippedText()).xml());
    }
    SUBCASE("an optional picture set to empty is removed, a required one is kept empty") {
        draft.setText(A::ofActivity(0, 1, Field::activityPicture), "");
        CHECK(draft.xml().find("kind=\"teaching\" minutes=\"25\">") != std::string::npos);
        draft.setText(A::ofActivity(0, 0, Field::easyReadPicture, 0), "");
        CHECK(draft.xml().find("<point picture=\"\">We started learning") != std::string::npos);
    }
    SUBCASE("a session with a title of only spaces keeps them") {
        draft.setText(A::ofSession(0, Field::sessionTitle), "  ");
        CHECK(draft.text(A::ofSession(0, Field::sessionTitle)) == "  ");
        draft.undo();
        draft.redo();
        CHECK(draft.text(A::ofSession(0, Field::sessionTitle)) == "  ");
    }
}

TEST_CASE("an edit at an address that names nothing is refused and changes nothing") {
    const std::string original = shippedText();
    ModuleDraft draft(original);
    CHECK_THROWS_AS(draft.remove(A::ofSession(8, Field::session)), DraftEditError);
    CHECK_THROWS_AS(draft.setText(A::ofActivity(0, 7, Field::activityTitle), "x"), DraftEditError);
    CHECK_THROWS_AS(draft.setText(A::ofModule(Field::aims, 4), "x"), DraftEditError);
    CHECK_THROWS_AS(draft.setText(A::ofModule(Field::sessionTitle), "x"), DraftEditError);
    CHECK_THROWS_AS(draft.setText(A::ofSession(0, Field::session), "x"), DraftEditError);
    CHECK_THROWS_AS(draft.addItem(A::ofModule(Field::sessions), 0, "x"), DraftEditError);
    CHECK_THROWS_AS(draft.move(A::ofModule(Field::moduleTitle), 1), DraftEditError);
    CHECK_THROWS_AS(draft.duplicate(A::ofActivity(0, 0, Field::easyRead, 9)), DraftEditError);
    CHECK(draft.xml() == original);
    CHECK_FALSE(draft.canUndo());
}

TEST_CASE("texts with markup characters, line breaks and tabs are undone and redone exactly") {
    const std::string original = shippedText();
    ModuleDraft draft(original);
    const auto paragraph = A::ofActivity(1, 1, Field::guidance, 0);
    const std::string text = "Ask: \"what is <private>?\" & wait.\r\nThen\tlisten.\n  ";
    draft.setText(paragraph, text);
    const auto edited = draft.xml();
    draft.undo();
    CHECK(draft.xml() == original);
    draft.redo();
    CHECK(draft.xml() == edited);
    CHECK(ModuleDraft(edited).xml() == edited);
    // A typed carriage return is kept as the line end XML reads it as.
    CHECK(draft.text(paragraph) == "Ask: \"what is <private>?\" & wait.\nThen\tlisten.\n  ");
    draft.setText(A::ofActivity(1, 1, Field::activityKind), "a \"kind\" & <more>");
    const auto kind = draft.xml();
    draft.undo();
    draft.redo();
    CHECK(draft.xml() == kind);
}

TEST_CASE("text that is not a module is refused") {
    CHECK_THROWS_AS(ModuleDraft("<module><title>x</module>"), CurriculumFileError);
    CHECK_THROWS_AS(ModuleDraft("<programme format=\"1\"/>"), CurriculumFileError);
}

TEST_CASE("typing in one field is one undo step until typing ends or another field is typed in") {
    const std::string original = shippedText();
    ModuleDraft draft(original);
    const auto title = A::ofSession(1, Field::sessionTitle);
    const std::string typed = "Our bodies and growing up";
    for (std::size_t length = 1; length <= typed.size(); ++length)
        draft.setText(title, typed.substr(0, length));
    CHECK(draft.undoSteps() == 1);
    CHECK(draft.undoDescription() == "change session title");
    // The step holds the title before and after, not a copy per keystroke or of the module.
    CHECK(draft.historyBytes() < 600);
    const auto afterTyping = draft.xml();

    draft.endTyping();
    draft.setText(title, typed + "!");
    CHECK(draft.undoSteps() == 2);
    draft.setText(A::ofSession(1, Field::sessionMinutes), "9");
    draft.setText(A::ofSession(1, Field::sessionMinutes), "90");
    CHECK(draft.undoSteps() == 3);
    CHECK(draft.undoDescription() == "change session minutes");
    draft.setText(title, typed + "!?");
    CHECK(draft.undoSteps() == 4);

    draft.undo();
    draft.undo();
    CHECK(draft.text(title) == typed + "!");
    draft.undo();
    CHECK(draft.xml() == afterTyping);
    draft.undo();
    CHECK(draft.xml() == original);
    CHECK_FALSE(draft.canUndo());
}

TEST_CASE("typing after an undo starts a new step and clears what could be redone") {
    ModuleDraft draft(shippedText());
    const auto title = A::ofModule(Field::moduleTitle);
    draft.setText(title, "A");
    draft.setText(title, "AB");
    draft.undo();
    CHECK(draft.canRedo());
    draft.setText(title, "C");
    CHECK_FALSE(draft.canRedo());
    CHECK(draft.undoSteps() == 1);
    draft.setText(title, "CD");
    CHECK(draft.undoSteps() == 1);
    draft.undo();
    CHECK(draft.text(title) == "Human relations and sex education");
}

TEST_CASE("typing a field back to what it was leaves nothing to undo") {
    ModuleDraft draft(shippedText());
    const auto minutes = A::ofActivity(2, 1, Field::activityMinutes);
    const auto before = draft.text(minutes);
    draft.setText(minutes, "");
    draft.setText(minutes, before);
    CHECK_FALSE(draft.canUndo());
    // Setting a field to what it holds records nothing either.
    draft.setText(A::ofSession(0, Field::sessionTitle), "Kinds of relationships");
    CHECK_FALSE(draft.canUndo());
}

TEST_CASE("typing into an optional paragraph that was absent, then clearing it, is one step") {
    const std::string original = shippedText();
    ModuleDraft draft(original);
    const auto watch = A::ofActivity(0, 3, Field::activityWatch);
    draft.setText(watch, "S");
    draft.setText(watch, "Sl");
    draft.setText(watch, "");
    draft.setText(watch, "Sleepy");
    CHECK(draft.undoSteps() == 1);
    const auto typed = draft.xml();
    draft.undo();
    CHECK(draft.xml() == original);
    draft.redo();
    CHECK(draft.xml() == typed);
}

TEST_CASE("the history of an edit holds the change, not the module") {
    ModuleDraft draft(shippedText());
    const auto moduleBytes = draft.xml().size();
    draft.setText(A::ofSession(3, Field::sessionMinutes), "100");
    CHECK(draft.historyBytes() < 400);
    draft.move(A::ofSession(3, Field::session), 6);
    CHECK(draft.historyBytes() < 800);
    draft.remove(A::ofSession(0, Field::session));
    // A session of eight is about an eighth of the module.
    CHECK(draft.historyBytes() < moduleBytes / 5);
    CHECK(draft.historyBytes() > moduleBytes / 20);
}

TEST_CASE("content the format does not know survives edits, undo and redo") {
    std::string text = shippedText();
    auto insertBefore = [&text](const std::string& at, const std::string& what) {
        const auto position = text.find(at);
        REQUIRE(position != std::string::npos);
        text.insert(position, what);
    };
    insertBefore("<session id=\"relationships-02\"",
                 "<!-- session 2 reviewed by the clinical lead -->\n");
    insertBefore("<objectives>", "<review-note by=\"JS\">Keep as is</review-note>\n");
    insertBefore("<title>Kinds of relationships</title>", "<!-- first session -->");
    text.replace(text.find("<session id=\"relationships-01\""), 8, "<session colour=\"green\"");
    insertBefore("Who is in our lives</title>", "<!-- a note inside a title -->");

    ModuleDraft draft(text);
    const auto original = draft.xml();
    auto keepsAll = [&draft] {
        const auto now = draft.xml();
        CHECK(now.find("<!-- session 2 reviewed by the clinical lead -->") != std::string::npos);
        CHECK(now.find("<review-note by=\"JS\">Keep as is</review-note>") != std::string::npos);
        CHECK(now.find("<!-- first session -->") != std::string::npos);
        CHECK(now.find("colour=\"green\"") != std::string::npos);
        CHECK(now.find("<!-- a note inside a title -->") != std::string::npos);
    };
    keepsAll();
    draft.setText(A::ofSession(0, Field::sessionTitle), "Relationships");
    draft.setText(A::ofActivity(0, 1, Field::activityTitle), "Who we meet");
    CHECK(draft.xml().find("<!-- a note inside a title -->Who we meet</title>") !=
          std::string::npos);
    draft.setText(A::ofSession(0, Field::sessionMinutes), "110");
    draft.move(A::ofSession(0, Field::session), 3);
    draft.duplicate(A::ofSession(3, Field::session));
    draft.remove(A::ofSession(1, Field::session));
    draft.addItem(A::ofSession(3, Field::objectives), 0, "New objective.");
    keepsAll();
    const auto edited = draft.xml();
    while (draft.canUndo())
        draft.undo();
    CHECK(draft.xml() == original);
    while (draft.canRedo())
        draft.redo();
    CHECK(draft.xml() == edited);
    keepsAll();
    // The loader still sees them, as warnings, at the session that holds them.
    const auto checked = check(draft);
    const auto unknown = findingsContaining(checked, "is not part of");
    REQUIRE(unknown.size() == 4);  // review-note and colour, in the session and its copy
    for (const auto& finding : unknown) {
        CHECK(finding.finding.severity == Severity::warning);
        CHECK(finding.field.field == Field::session);
    }
}

TEST_CASE("a duplicated session gets a fresh id and no finding about ids") {
    ModuleDraft draft(shippedText());
    const auto copy = draft.duplicate(A::ofSession(0, Field::session));
    CHECK(copy == A::ofSession(1, Field::session));
    CHECK(draft.sessionId(1) == "relationships-09");
    CHECK(draft.text(A::ofSession(1, Field::sessionTitle)) == "Kinds of relationships");
    auto checked = check(draft);
    INFO(allFindings(checked));
    CHECK(checked.findings.empty());
    // A second copy does not take the first copy's id, nor does one made after the first is
    // removed (records may still name it).
    draft.duplicate(A::ofSession(0, Field::session));
    CHECK(draft.sessionId(1) == "relationships-10");
    draft.remove(A::ofSession(1, Field::session));
    draft.remove(A::ofSession(1, Field::session));
    draft.duplicate(A::ofSession(0, Field::session));
    CHECK(draft.sessionId(1) == "relationships-11");
    // Ids reserved by the rest of the programme are not taken either.
    draft.reserveIds({"relationships-12", "relationships-13"});
    CHECK(draft.addSession(0) == A::ofSession(0, Field::session));
    CHECK(draft.sessionId(0) == "relationships-14");

    // The check would see a copied id: the same copy made by hand is reported at the session.
    std::string text = shippedText();
    const auto first = text.find("    <session id=\"relationships-01\"");
    const auto end = text.find("</session>", first) + std::string("</session>\n").size();
    text.insert(end, text.substr(first, end - first));
    const auto copied = checkModuleText(text);
    const auto reused = findingsContaining(copied, "already used");
    REQUIRE(reused.size() == 1);
    CHECK(reused.front().field == A::ofSession(1, Field::session));
}

TEST_CASE("a duplicated indicator gets a fresh id") {
    ModuleDraft draft(shippedText());
    draft.duplicate(A::ofModule(Field::indicators, 0));
    CHECK(draft.indicatorId(1) == "relationships-indicator-01");
    draft.addIndicator(0);
    CHECK(draft.indicatorId(0) == "relationships-indicator-02");
    const auto checked = check(draft);
    CHECK(findingsContaining(checked, "already used").empty());
    // The new indicator's empty label and description are reported there.
    CHECK(checked.at(A::ofModule(Field::indicatorLabel, 0)).size() == 1);
    CHECK(checked.at(A::ofModule(Field::indicatorDescription, 0)).size() == 1);
}

TEST_CASE("minutes that no longer add up are reported at the session's minutes with the sum") {
    ModuleDraft draft(shippedText());
    const auto minutes = A::ofSession(2, Field::sessionMinutes);
    draft.setText(minutes, "125");
    auto checked = check(draft);
    INFO(allFindings(checked));
    REQUIRE(checked.findings.size() == 1);
    const auto& finding = checked.findings.front();
    CHECK(finding.field == minutes);
    CHECK(finding.finding.severity == Severity::error);
    CHECK(finding.finding.message.find("add up to 120 minutes") != std::string::npos);
    CHECK(finding.finding.message.find("125") != std::string::npos);
    CHECK(checked.hasErrors());
    CHECK(checked.minutes[2].activities == 120);
    CHECK(checked.minutes[2].session == 125);
    CHECK_FALSE(checked.minutes[2].addUp());
    CHECK(checked.minutes[1].addUp());
    // The finding points at the session's line in the text.
    const auto text = draft.xml();
    const auto line =
        1 +
        std::count(text.begin(),
                   text.begin() + static_cast<long>(text.find("<session id=\"relationships-03\"")),
                   '\n');
    CHECK(finding.finding.line == line);

    draft.setText(minutes, "120");
    checked = check(draft);
    CHECK(checked.findings.empty());
    CHECK_FALSE(checked.hasErrors());

    // An activity's minutes change the sum the same way.
    draft.endTyping();
    draft.setText(A::ofActivity(2, 0, Field::activityMinutes), "20");
    checked = check(draft);
    REQUIRE(checked.findings.size() == 1);
    CHECK(checked.findings.front().field == minutes);
    CHECK(checked.findings.front().finding.message.find("add up to 125 minutes") !=
          std::string::npos);
    CHECK(draft.minutesOf(2).activities == 125);
}

TEST_CASE("minutes that are not a whole number are reported at that field, with no sum") {
    ModuleDraft draft(shippedText());
    draft.setText(A::ofActivity(0, 2, Field::activityMinutes), "2O");
    draft.setText(A::ofSession(1, Field::sessionMinutes), "two hours");
    const auto checked = check(draft);
    INFO(allFindings(checked));
    REQUIRE(checked.findings.size() == 2);
    CHECK(checked.at(A::ofActivity(0, 2, Field::activityMinutes)).size() == 1);
    CHECK(checked.at(A::ofSession(1, Field::sessionMinutes)).size() == 1);
    CHECK(findingsContaining(checked, "add up to").empty());
    CHECK(checked.minutes[0].activitiesWithoutMinutes == 1);
    CHECK_FALSE(checked.minutes[1].session);
}

TEST_CASE("a missing title is reported at the title field") {
    SUBCASE("a session's title emptied") {
        ModuleDraft draft(shippedText());
        draft.setText(A::ofSession(4, Field::sessionTitle), "");
        const auto checked = check(draft);
        INFO(allFindings(checked));
        REQUIRE(checked.findings.size() == 1);
        CHECK(checked.findings.front().field == A::ofSession(4, Field::sessionTitle));
        CHECK(checked.hasErrors());
    }
    SUBCASE("an activity's title emptied") {
        ModuleDraft draft(shippedText());
        draft.setText(A::ofActivity(4, 2, Field::activityTitle), "");
        const auto checked = check(draft);
        REQUIRE(checked.findings.size() == 1);
        CHECK(checked.findings.front().field == A::ofActivity(4, 2, Field::activityTitle));
    }
    SUBCASE("the module's title element absent") {
        std::string text = shippedText();
        const auto title = text.find("  <title>Human relations and sex education</title>\n");
        REQUIRE(title != std::string::npos);
        text.erase(title,
                   std::string("  <title>Human relations and sex education</title>\n").size());
        const ModuleDraft draft(text);
        const auto checked = check(draft);
        INFO(allFindings(checked));
        REQUIRE(checked.findings.size() == 1);
        CHECK(checked.findings.front().field == A::ofModule(Field::moduleTitle));
        // In the form's words, not the file's: the field is named, no element.
        CHECK(checked.findings.front().finding.message == "The module title is missing: fill it in.");
    }
    SUBCASE("an activity's guidance emptied: told in the form's words") {
        std::string text = shippedText();
        const auto open = text.find("<guidance>");
        const auto close = text.find("</guidance>", open);
        REQUIRE(close != std::string::npos);
        text.replace(open, close - open, "<guidance>");
        const auto checked = check(ModuleDraft(text));
        INFO(allFindings(checked));
        REQUIRE(checked.findings.size() == 1);
        CHECK(checked.findings.front().field.field == Field::guidance);
        CHECK(checked.findings.front().finding.message ==
              "The guidance list is empty: add at least one line.");
    }
    SUBCASE("a session's title element absent") {
        std::string text = shippedText();
        const std::string title = "      <title>Kinds of relationships</title>\n";
        text.erase(text.find(title), title.size());
        const auto checked = check(ModuleDraft(text));
        REQUIRE(checked.findings.size() == 1);
        CHECK(checked.findings.front().field == A::ofSession(0, Field::sessionTitle));
    }
}

TEST_CASE("a picture that does not exist is reported at that point's picture") {
    ModuleDraft draft(shippedText());
    draft.setText(A::ofActivity(1, 2, Field::easyReadPicture, 0), "unicorn");
    draft.setText(A::ofSession(5, Field::handoutHelpPicture, 1), "dragon");
    draft.setText(A::ofActivity(3, 0, Field::activityPicture), "griffin");
    const auto checked = check(draft);
    INFO(allFindings(checked));
    REQUIRE(checked.findings.size() == 3);
    const auto unicorn = checked.at(A::ofActivity(1, 2, Field::easyReadPicture, 0));
    REQUIRE(unicorn.size() == 1);
    CHECK(unicorn.front().finding.message.find("\"unicorn\"") != std::string::npos);
    REQUIRE(checked.at(A::ofSession(5, Field::handoutHelpPicture, 1)).size() == 1);
    REQUIRE(checked.at(A::ofActivity(3, 0, Field::activityPicture)).size() == 1);
    // Without the programme's picture names, pictures are not checked.
    CHECK(checkDraft(draft).findings.empty());
}

TEST_CASE("an empty picture is reported at that point's picture") {
    ModuleDraft draft(shippedText());
    draft.setText(A::ofSession(0, Field::handoutTalkPicture, 0), "");
    const auto checked = check(draft);
    INFO(allFindings(checked));
    REQUIRE(checked.findings.size() == 1);
    CHECK(checked.findings.front().field == A::ofSession(0, Field::handoutTalkPicture, 0));
}

TEST_CASE("an easy-read finding is reported at its point") {
    ModuleDraft draft(shippedText());
    draft.setText(A::ofActivity(2, 2, Field::easyReadText, 1), "We talked to the GP about it.");
    draft.setText(A::ofSession(6, Field::handoutWatchText, 0),
                  "Tell the group leaders at once if he talks about children, goes near schools or "
                  "parks, or keeps secrets.");
    const auto checked = check(draft);
    INFO(allFindings(checked));
    REQUIRE(checked.findings.size() == 2);
    const auto acronym = checked.at(A::ofActivity(2, 2, Field::easyReadText, 1));
    REQUIRE(acronym.size() == 1);
    CHECK(acronym.front().finding.message.find("\"GP\" looks like an acronym") !=
          std::string::npos);
    const auto longSentence = checked.at(A::ofSession(6, Field::handoutWatchText, 0));
    REQUIRE(longSentence.size() == 1);
    CHECK(longSentence.front().finding.message.find("words") != std::string::npos);
    CHECK(checked.hasErrors());
}

TEST_CASE("other findings go to the field whose element holds them") {
    ModuleDraft draft(shippedText());
    draft.setText(A::ofActivity(0, 1, Field::activityKind), "lecture");
    draft.setText(A::ofModule(Field::aims, 2), "");
    draft.setText(A::ofActivity(0, 2, Field::guidance, 0), "");
    draft.setIndicatorScale(1, 3, 1);
    draft.remove(A::ofSession(0, Field::handoutTalk, 0));
    const auto checked = check(draft);
    INFO(allFindings(checked));
    CHECK(checked.at(A::ofActivity(0, 1, Field::activityKind)).size() == 1);
    CHECK(checked.at(A::ofModule(Field::aims, 2)).size() == 1);
    CHECK(checked.at(A::ofActivity(0, 2, Field::guidance, 0)).size() == 1);
    CHECK(checked.at(A::ofModule(Field::indicatorScale, 1)).size() == 1);
    CHECK(checked.at(A::ofSession(0, Field::handoutTalk)).size() == 1);
    CHECK(checked.findings.size() == 5);
    // The tree marks the session and the activities that hold findings.
    CHECK(checked.inside(A::ofModule(Field::module)).size() == 5);
    CHECK(checked.inside(A::ofSession(0, Field::session)).size() == 3);
    CHECK(checked.inside(A::ofActivity(0, 1, Field::activity)).size() == 1);
    CHECK(checked.inside(A::ofActivity(0, 0, Field::activity)).empty());
    CHECK(checked.inside(A::ofSession(1, Field::session)).empty());
    // In the order of the text.
    CHECK(std::is_sorted(checked.findings.begin(), checked.findings.end(),
                         [](const DraftFinding& a, const DraftFinding& b) {
                             return a.finding.line < b.finding.line;
                         }));
}

TEST_CASE("a new session's findings are at its empty parts") {
    ModuleDraft draft(shippedText());
    draft.addSession(8);
    const auto checked = check(draft);
    INFO(allFindings(checked));
    CHECK(checked.at(A::ofSession(8, Field::sessionTitle)).size() == 1);
    CHECK(checked.at(A::ofSession(8, Field::objectives)).size() == 1);
    CHECK(checked.at(A::ofSession(8, Field::activities)).size() == 1);
    CHECK(checked.at(A::ofSession(8, Field::sessionMinutes)).size() == 1);
    CHECK(checked.at(A::ofSession(8, Field::handoutCovered)).size() == 1);
    CHECK(checked.at(A::ofSession(8, Field::handoutTalk)).size() == 1);
    CHECK(checked.at(A::ofSession(8, Field::materials)).empty());
}

TEST_CASE("a finding that cannot be placed goes to the module") {
    const auto checked = checkModuleText("<module id=\"m\" version=\"1\" phase=\"treatment\">", {});
    REQUIRE(checked.findings.size() == 1);
    CHECK(checked.findings.front().field == A::ofModule(Field::module));
    CHECK(checked.hasErrors());
    const auto wrongRoot = checkModuleText("<programme/>", {});
    REQUIRE_FALSE(wrongRoot.findings.empty());
    CHECK(wrongRoot.findings.front().field == A::ofModule(Field::module));
}

TEST_CASE("field addresses describe themselves for messages") {
    CHECK(describe(A::ofActivity(1, 2, Field::easyReadPicture, 0)) ==
          "session 2, activity 3, item 1: easy-read picture");
    CHECK(describe(A::ofModule(Field::indicatorScale, 1)) == "indicator 2: indicator scale");
    CHECK(describe(A::ofModule(Field::moduleTitle)) == "module title");
}

TEST_CASE("under the pseudo-locale the findings are translated and still placed at their fields") {
    // The editor places the loader's findings by their English words (Finding::inEnglish); the
    // words shown are the user's language (the build's pseudo-locale wraps them in ⟦ ⟧).
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("LANGUAGE", "en@pseudo", 1);
    roundtable::text::useEnvironmentLanguage();
    roundtable::text::useCatalogs(ROUNDTABLE_BUILD_LOCALE);
    ModuleDraft draft(shippedText());
    draft.setText(A::ofActivity(0, 2, Field::activityMinutes), "2O");
    draft.setText(A::ofSession(4, Field::sessionTitle), "");
    draft.setText(A::ofSession(2, Field::sessionMinutes), "125");
    const auto checked = check(draft);
    unsetenv("LANGUAGE");
    unsetenv("LC_ALL");
    std::setlocale(LC_ALL, "C");
    INFO(allFindings(checked));
    REQUIRE(checked.findings.size() == 3);
    for (const auto& found : checked.findings)
        CHECK(found.finding.message.starts_with("\u27E6"));
    CHECK(checked.at(A::ofActivity(0, 2, Field::activityMinutes)).size() == 1);
    const auto title = checked.at(A::ofSession(4, Field::sessionTitle));
    REQUIRE(title.size() == 1);
    // The field's name is translated too.
    CHECK(title.front().finding.message ==
          "\u27E6The \u27E6session title\u27E7 is missing: fill it in.\u27E7");
    CHECK(checked.at(A::ofSession(2, Field::sessionMinutes)).size() == 1);
}
