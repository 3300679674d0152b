// Drives the module editor under Xvfb as two clinical leads would: one changes a module through
// the real window (minutes that no longer add up are shown at their fields, then put right,
// undone and redone), saves it and sends it for review, and may not publish her own work; the
// other signs in, publishes it as version 2, and a session planned then is stamped with it.
// Then the rest of the window: refusals, findings on lists, structure edits, closing with
// unsaved changes, reading only, returning and withdrawing a draft.
#include <doctest/doctest.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <optional>
#include <string>

#include "curriculum/ModuleComparison.h"
#include "curriculum/ProgrammeFolder.h"
#include "gui/GuiDriver.h"
#include "practice/ServiceProgramme.h"
#include "printing/Printable.h"
#include "support/TestStore.h"
#include "ui/CurriculumPanel.h"
#include "ui/GroupPanel.h"
#include "ui/MainFrame.h"
#include "ui/ModuleEditor.h"
#include "ui/PicturePicker.h"
#include "ui/PreviewFrame.h"
#include "ui/PrintController.h"
#include "ui/Screenshot.h"
#include "ui/VersionsDialog.h"

using namespace roundtable;
using namespace roundtable::test;

namespace {

constexpr const char* kAuthorPassphrase = "the author's passphrase";
constexpr const char* kReviewerPassphrase = "the reviewer's passphrase";

void signInAs(ui::MainFrame* frame, const char* login, const char* passphrase) {
    typeInto(find<wxTextCtrl>(frame, "sign-in-login"), login);
    typeInto(find<wxTextCtrl>(frame, "sign-in-passphrase"), passphrase);
    click(find<wxButton>(frame, "sign-in"));
    REQUIRE(
        waitFor([&] { return !frame->isLocked() && frame->curriculumPanel()->IsShownOnScreen(); }));
    showPage(frame, frame->groupPanel());  // where sessions are planned
}

/// Adds the two clinical leads to `service`, opens it in a new main window and signs the
/// author in.
ui::MainFrame* openAsAuthor(const SeededService& service) {
    {
        auto store = openTestStore(service.path);
        store.addUser("author", records::Role::clinicalLead, kAuthorPassphrase);
        store.addUser("reviewer", records::Role::clinicalLead, kReviewerPassphrase);
    }
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(service.path));
    signInAs(frame, "author", kAuthorPassphrase);
    return frame;
}

/// Selects the first module's first session in the curriculum and opens the editor with its
/// shortcut (Ctrl+E), as a person would.
ui::ModuleEditor* openEditorOnFirstModule(ui::MainFrame* frame) {
    auto* tree = find<wxTreeCtrl>(frame, "curriculum-tree");
    clickTreeItem(tree, treeItem(tree, 0, 0));
    REQUIRE(frame->curriculumPanel()->selectedModuleId() == "framework");
    press('E', wxMOD_CONTROL);
    REQUIRE(
        waitFor([&] { return frame->moduleEditor() && frame->moduleEditor()->IsShownOnScreen(); }));
    pump(400);
    return frame->moduleEditor();
}

bool has(const wxString& text, const char* part) {
    return text.utf8_string().find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a clinical lead changes a module and another lead publishes it as version 2") {
    SeededService service({"Daniel Hughes"}, "framework-02", false);  // planned from version 1
    auto* frame = openAsAuthor(service);

    auto* editor = openEditorOnFirstModule(frame);
    REQUIRE(editor->editable());
    CHECK(has(editor->stateLine(), "Version 1, published - saving starts version 2"));
    editor->answerWith([](const std::string& title, const std::string&) {
        return std::optional<std::string>(
            title == "Send for review" ? "The first activity takes ten minutes more" : "");
    });

    // The first activity of the first session: its minutes changed so the session's no longer
    // add up. The finding shows at the field, with a sign, not in colour alone.
    auto* editorTree = find<wxTreeCtrl>(editor, "editor-tree");
    const auto activity = treeItem(editorTree, 0, 0);  // the module is the tree's root
    clickTreeItem(editorTree, activity);
    auto* minutes = find<wxTextCtrl>(editor, "activity-minutes");
    const auto original = minutes->GetValue().utf8_string();
    const auto changed = std::to_string(std::stoi(original) + 10);
    auto* minutesFindings = find<wxStaticText>(editor, "activity-minutes-findings");
    CHECK_FALSE(minutesFindings->IsShown());
    typeInto(minutes, changed.c_str());
    CHECK(waitFor([&] { return minutesFindings->IsShown(); }));
    CHECK(has(minutesFindings->GetLabel(), "\u26A0 "));
    CHECK(has(minutesFindings->GetLabel(), "but the session is"));
    // The sum is the session's finding: its tree item is marked, the activity's is not.
    CHECK(has(editorTree->GetItemText(editorTree->GetItemParent(activity)), "\u26A0"));
    CHECK_FALSE(has(editorTree->GetItemText(activity), "\u26A0"));
    CHECK(find<wxListBox>(editor, "editor-findings")->GetCount() >= 1);
    pump(200);
    const auto usualSize = editor->GetSize();
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        editor->SetSize(size);
        pump(400);
        // Every button at the bottom can be reached without resizing the window.
        for (const char* name : {"editor-save", "editor-send", "editor-compare", "editor-publish",
                                 "editor-return", "editor-withdraw"}) {
            CHECK_MESSAGE(
                editor->GetScreenRect().Contains(find<wxButton>(editor, name)->GetScreenRect()),
                name << " is outside the window at " << size.x << "x" << size.y);
        }
        CHECK(ui::saveScreenshot(editor, ROUNDTABLE_SCREENSHOT_DIR "/gui-module-editor-" +
                                             std::to_string(size.x) + "x" + std::to_string(size.y) +
                                             ".png"));
    }
    editor->SetSize(usualSize);
    pump(300);

    // The session's form shows the sum of its activities beside its minutes, and the finding.
    clickTreeItem(editorTree, editorTree->GetItemParent(activity));
    auto* sum = find<wxStaticText>(editor, "session-minutes-sum");
    const auto sessionMinutes =
        std::stoi(find<wxTextCtrl>(editor, "session-minutes")->GetValue().utf8_string());
    CHECK(sum->GetLabel().utf8_string() ==
          "Activities add up to " + std::to_string(sessionMinutes + 10) + " minutes");
    CHECK(has(find<wxStaticText>(editor, "session-minutes-findings")->GetLabel(),
              "but the session is"));
    CHECK(editor->check().hasErrors());
    pump(200);
    CHECK(ui::saveScreenshot(editor, ROUNDTABLE_SCREENSHOT_DIR "/gui-module-editor-session.png"));

    // Put right, then undone and redone with the keyboard.
    clickTreeItem(editorTree, activity);
    typeInto(minutes, original.c_str());
    CHECK(waitFor([&] { return !minutesFindings->IsShown(); }));
    CHECK_FALSE(editor->check().hasErrors());
    press('Z', wxMOD_CONTROL);
    CHECK(waitFor([&] { return minutes->GetValue().utf8_string() == changed; }));
    CHECK(minutesFindings->IsShown());
    CHECK(has(editor->message(), "Undone: "));
    press('Y', wxMOD_CONTROL);
    CHECK(waitFor([&] { return minutes->GetValue().utf8_string() == original; }));
    CHECK_FALSE(minutesFindings->IsShown());

    // A change that adds up: the second activity takes ten minutes less to make room.
    const auto second = editorTree->GetNextSibling(activity);
    REQUIRE(second.IsOk());
    typeInto(minutes, changed.c_str());
    clickTreeItem(editorTree, second);
    const auto secondMinutes = std::stoi(minutes->GetValue().utf8_string());
    REQUIRE(secondMinutes > 10);
    typeInto(minutes, std::to_string(secondMinutes - 10).c_str());
    CHECK(waitFor([&] { return !editor->check().hasErrors(); }));

    click(find<wxButton>(editor, "editor-save"));
    CHECK(waitFor([&] { return editor->message() == "Draft saved."; }));
    CHECK_FALSE(editor->hasUnsavedChanges());
    CHECK(has(editor->stateLine(), "Version 2, draft - author: author"));
    // The comparison with the published version names both changed minutes.
    std::string comparison;
    editor->showTextWith([&](const std::string&, const std::string& text) { comparison = text; });
    click(find<wxButton>(editor, "editor-compare"));
    CHECK(waitFor([&] { return !comparison.empty(); }));
    CHECK(comparison.find("minutes " + original + " -> " + changed) != std::string::npos);
    // The draft as it will print: the selected session's papers and the module's carers' pack,
    // made from the draft (the plan shows the changed minutes).
    std::vector<printing::PrintableDocument> previewed;
    editor->previewWith(
        [&](std::vector<printing::PrintableDocument> offers) { previewed = std::move(offers); });
    clickTreeItem(editorTree, activity);
    click(find<wxButton>(editor, "editor-preview"));
    CHECK(waitFor([&] { return !previewed.empty(); }));
    std::vector<std::string> kinds;
    for (const auto& offer : previewed)
        kinds.push_back(offer.kind);
    CHECK(kinds == std::vector<std::string>{"carers-handout", "easy-read-summary", "session-plan",
                                            "carers-pack"});
    auto plan = printing::prepare(previewed[2], {});
    bool showsMinutes = false;
    for (const auto& text : documents::textsOf(plan.document))
        showsMinutes |= text.find(changed + " minutes") != std::string::npos;
    CHECK(showsMinutes);
    // Through the main window's print preview, as a clinical lead sees it.
    editor->previewWith([frame](std::vector<printing::PrintableDocument> offers) {
        frame->printing()->preview(std::move(offers));
    });
    click(find<wxButton>(editor, "editor-preview"));
    auto* printing = frame->printing();
    REQUIRE(waitFor(
        [&] { return printing->previewWindow() && printing->previewWindow()->IsShownOnScreen(); }));
    pump(500);
    CHECK(ui::saveScreenshot(printing->previewWindow(),
                             ROUNDTABLE_SCREENSHOT_DIR "/gui-module-editor-preview.png"));
    printing->previewWindow()->Close();
    pump(300);
    click(find<wxButton>(editor, "editor-send"));
    CHECK(waitFor([&] { return has(editor->message(), "Sent for review"); }));
    CHECK(has(editor->stateLine(), "Version 2, in review"));
    // Waiting for review, it is read, not changed; its author may not publish it (the
    // service has not allowed a clinical lead to publish her own work).
    CHECK(has(editor->stateLine(), "waiting for review: return it to its author to change it"));
    CHECK_FALSE(minutes->IsEditable());
    pump(300);  // the buttons follow their commands when the window is idle
    CHECK_FALSE(find<wxButton>(editor, "editor-publish")->IsEnabled());
    CHECK_FALSE(find<wxButton>(editor, "editor-save")->IsEnabled());
    {
        auto store = openTestStore(service.path);
        auto state = store.moduleState("framework");
        REQUIRE(state.published);
        CHECK(state.published->text.version == 1);
        CHECK(state.inReview);
    }

    // Locking closes the editor; the second lead signs in and publishes.
    frame->lock();
    CHECK(waitFor([&] { return frame->moduleEditor() == nullptr; }));
    signInAs(frame, "reviewer", kReviewerPassphrase);
    editor = openEditorOnFirstModule(frame);
    CHECK(has(editor->stateLine(), "Version 2, in review - author: author"));
    // The reviewer reads what the version changes, in the author's words.
    CHECK(find<wxStaticText>(editor, "editor-review-summary")->IsShown());
    CHECK(has(find<wxStaticText>(editor, "editor-review-summary")->GetLabel(),
              "The first activity takes ten minutes more"));
    std::string publishPrompt;
    editor->answerWith([&](const std::string&, const std::string& prompt) {
        publishPrompt = prompt;
        return std::optional<std::string>("");
    });
    click(find<wxButton>(editor, "editor-publish"));
    CHECK(waitFor([&] { return has(editor->message(), "Version 2 published"); }));
    CHECK(has(publishPrompt, "What it changes: The first activity takes ten minutes more"));
    // Module > Versions (Ctrl+H): each published version, and what it changed.
    bool listed = false;
    whenShown("module-versions", [&](wxWindow* window) {
        auto* versions = dynamic_cast<ui::VersionsDialog*>(window);
        REQUIRE(versions);
        auto* rows = versions->list();
        REQUIRE(rows->GetItemCount() == 2);
        CHECK(rows->GetItemText(0, 0) == "2");
        CHECK(rows->GetItemText(0, 2) == "reviewer");
        CHECK(rows->GetItemText(0, 3) == "author");
        CHECK(rows->GetItemText(0, 4) == "The first activity takes ten minutes more");
        CHECK(rows->GetItemText(1, 0) == "1");
        CHECK(ui::saveScreenshot(versions, ROUNDTABLE_SCREENSHOT_DIR "/gui-module-versions.png"));
        std::string title, shown;
        versions->showWith([&](const std::string& heading, const curriculum::ModuleComparison& c) {
            title = heading;
            shown = curriculum::describe(c);
        });
        versions->compareSelected();  // version 2 alone: against version 1
        CHECK(title == "From version 1 to version 2");
        CHECK(shown.find("minutes " + original + " -> " + changed) != std::string::npos);
        rows->SetItemState(1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);  // both chosen
        versions->compareSelected();
        CHECK(title == "From version 1 to version 2");
        rows->SetItemState(0, 0, wxLIST_STATE_SELECTED);  // version 1 alone: nothing before it
        versions->compareSelected();
        CHECK(has(versions->message(), "This is the first version"));
        listed = true;
        versions->EndModal(wxID_CLOSE);
    });
    const int versionsCommand = editor->GetMenuBar()->FindMenuItem("Module", "Versions...");
    REQUIRE(versionsCommand != wxNOT_FOUND);
    editor->ProcessCommand(versionsCommand);
    CHECK(waitFor([&] { return listed; }));
    {
        auto store = openTestStore(service.path);
        auto state = store.moduleState("framework");
        REQUIRE(state.published);
        CHECK(state.published->text.version == 2);
        CHECK_FALSE(state.inReview);
        CHECK_FALSE(state.draft);
    }
    editor->Close();
    CHECK(waitFor([&] { return frame->moduleEditor() == nullptr; }));

    // A session planned now is stamped with version 2; the one planned before keeps version 1.
    auto* tree = find<wxTreeCtrl>(frame, "curriculum-tree");
    clickTreeItem(tree, treeItem(tree, 0, 1));
    REQUIRE(frame->curriculumPanel()->selectedSessionId() == "framework-02");
    click(find<wxButton>(frame, "plan-session"));
    CHECK(waitFor([&] { return find<wxListCtrl>(frame, "sessions")->GetItemCount() == 2; }));
    closeFrame(frame);
    auto store = openTestStore(service.path);
    auto sessions = store.sessionsOf(service.group);
    REQUIRE(sessions.size() == 2);
    for (const auto& session : sessions) {
        CHECK(session.stamp.sessionId == "framework-02");
        CHECK(session.stamp.moduleVersion == (session.id == service.session ? 1 : 2));
    }
}

TEST_CASE(
    "the module editor refuses a draft with errors for review and asks before losing changes") {
    SeededService service({"Daniel Hughes"}, "", false);
    {
        auto store = openTestStore(service.path);
        store.addUser("author", records::Role::clinicalLead, kAuthorPassphrase);
        store.addUser("facilitator", records::Role::facilitator, kReviewerPassphrase);
    }
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(service.path));
    signInAs(frame, "author", kAuthorPassphrase);  // stores the shipped programme
    auto* editor = openEditorOnFirstModule(frame);
    auto* editorTree = find<wxTreeCtrl>(editor, "editor-tree");
    const auto activity = treeItem(editorTree, 0, 0);
    clickTreeItem(editorTree, activity);
    auto* minutes = find<wxTextCtrl>(editor, "activity-minutes");
    typeInto(minutes, "1");

    // Sending for review is refused while the draft has errors, before any question is asked.
    bool asked = false;
    editor->answerWith([&](const std::string&, const std::string&) {
        asked = true;
        return std::optional<std::string>("A summary");
    });
    click(find<wxButton>(editor, "editor-send"));
    CHECK(waitFor([&] { return has(editor->message(), "The draft has errors"); }));
    CHECK_FALSE(asked);

    // A double-click on a finding goes to its field: the session's minutes.
    clickTreeItem(editorTree, editorTree->GetRootItem());
    auto* findings = find<wxListBox>(editor, "editor-findings");
    REQUIRE(findings->GetCount() >= 1);
    auto row = findings->GetScreenRect();
    wxUIActionSimulator mouse;
    mouse.MouseMove(row.GetPosition() + wxSize(60, 10));
    pump(50);
    mouse.MouseDblClick();
    auto* sessionMinutes = find<wxTextCtrl>(editor, "session-minutes");
    CHECK(waitFor([&] { return wxWindow::FindFocus() == sessionMinutes; }));
    CHECK(find<wxStaticText>(editor, "session-minutes-findings")->IsShown());

    // Activities are added and moved from the buttons under the tree, and undone like text.
    clickTreeItem(editorTree, treeItem(editorTree, 0, 0));
    const auto firstTitle = find<wxTextCtrl>(editor, "activity-title")->GetValue();
    const auto activities = editor->draft().activityCount(0);
    click(find<wxButton>(editor, "editor-add-activity"));
    CHECK(waitFor([&] { return editor->draft().activityCount(0) == activities + 1; }));
    auto session = editorTree->GetItemParent(treeItem(editorTree, 0, 0));
    CHECK(editorTree->GetChildrenCount(session, false) == activities + 1);
    CHECK(editorTree->GetSelection() == treeItem(editorTree, 0, 1));  // the new one, after
    CHECK(find<wxTextCtrl>(editor, "activity-title")->GetValue().empty());
    press('Z', wxMOD_CONTROL);
    CHECK(waitFor([&] { return editor->draft().activityCount(0) == activities; }));
    session = editorTree->GetItemParent(treeItem(editorTree, 0, 0));
    CHECK(editorTree->GetChildrenCount(session, false) == activities);
    clickTreeItem(editorTree, treeItem(editorTree, 0, 0));
    click(find<wxButton>(editor, "editor-move-down"));
    CHECK(waitFor([&] { return editorTree->GetSelection() == treeItem(editorTree, 0, 1); }));
    CHECK(find<wxTextCtrl>(editor, "activity-title")->GetValue() == firstTitle);
    // From the keyboard in the tree: Alt+Up moves it back; Delete removes it, undone.
    editorTree->SetFocus();
    press(WXK_UP, wxMOD_ALT);
    CHECK(waitFor([&] { return editorTree->GetSelection() == treeItem(editorTree, 0, 0); }));
    CHECK(find<wxTextCtrl>(editor, "activity-title")->GetValue() == firstTitle);
    CHECK(editorTree->IsExpanded(editorTree->GetItemParent(treeItem(editorTree, 0, 0))));
    press(WXK_DELETE);
    CHECK(waitFor([&] { return editor->draft().activityCount(0) == activities - 1; }));
    CHECK(has(editor->message(), ("Removed the activity \"" + firstTitle.utf8_string() +
                                  "\". Undo (Ctrl+Z) puts it back.")
                                     .c_str()));
    press('Z', wxMOD_CONTROL);
    CHECK(waitFor([&] { return editor->draft().activityCount(0) == activities; }));
    CHECK(has(editor->message(), "Undone: "));
    // News in the message line goes when the draft is typed in again.
    auto* activityTitle = find<wxTextCtrl>(editor, "activity-title");
    clickTreeItem(editorTree, treeItem(editorTree, 0, 0));
    CHECK(has(editor->message(), "Undone: "));  // choosing another item is no edit
    typeInto(activityTitle, (firstTitle + " now").utf8_string().c_str());
    CHECK(editor->message().empty());
    // Another activity's form starts at its top, however far the last one was scrolled.
    auto* form = dynamic_cast<wxScrolledWindow*>(activityTitle->GetParent());
    REQUIRE(form);
    form->Scroll(0, 20);
    clickTreeItem(editorTree, treeItem(editorTree, 0, 1));
    CHECK(waitFor([&] { return form->GetViewStart().y == 0; }));

    // An easy-read point is "[picture] text" a line; a picture the programme lacks is a
    // finding at the list, on that point's line.
    clickTreeItem(editorTree, treeItem(editorTree, 0, 0));
    auto* easyRead = find<wxTextCtrl>(editor, "activity-easy-read");
    CHECK(easyRead->GetValue().StartsWith("["));
    const curriculum::FieldAddress points{curriculum::Field::easyRead, 0, 0, std::nullopt};
    const auto pointCount = editor->draft().itemCount(points);
    click(easyRead);
    press(WXK_END, wxMOD_CONTROL);
    press(WXK_RETURN);
    wxUIActionSimulator().Text("[no-such-picture] Say hello.");
    CHECK(waitFor([&] { return editor->draft().itemCount(points) == pointCount + 1; }));
    CHECK(waitFor([&] {
        return editor->draft().text({curriculum::Field::easyReadText, 0, 0, pointCount}) ==
               "Say hello.";
    }));
    CHECK(editor->draft().text({curriculum::Field::easyReadPicture, 0, 0, pointCount}) ==
          "no-such-picture");
    auto* easyReadFindings = find<wxStaticText>(editor, "activity-easy-read-findings");
    CHECK(waitFor([&] { return easyReadFindings->IsShown(); }));
    CHECK(has(easyReadFindings->GetLabel(),
              ("\u26A0 line " + std::to_string(pointCount + 1) + ": ").c_str()));
    pump(200);
    CHECK(ui::saveScreenshot(editor, ROUNDTABLE_SCREENSHOT_DIR "/gui-module-editor-easy-read.png"));

    // The picker shows the service's pictures, and the one chosen replaces the line's own.
    {
        // The shipped pictures, as the database was given them (it is open in the window).
        std::vector<records::ProgrammePicture> pictures;
        for (auto& file : curriculum::readProgrammeFolder(ROUNDTABLE_CONTENT).pictures)
            pictures.push_back({file.name, file.type, file.bytes, "The picture " + file.name});
        ui::PicturePicker picker(editor, pictures);
        CHECK(picker.list()->GetItemCount() == static_cast<int>(pictures.size()));
        // The first is selected from the start, so that arrows and Enter work at once.
        CHECK(picker.chosen() == pictures.front().name);
        // Typing narrows the list by name or description; a choice that stays is kept.
        picker.Show();
        pump(300);
        auto* search = find<wxTextCtrl>(&picker, "picture-find");
        search->SetValue("group");  // as typed: the same text event
        CHECK(picker.list()->GetItemCount() >= 1);
        CHECK(picker.list()->GetItemCount() < static_cast<int>(pictures.size()));
        CHECK(picker.chosen() == "group");
        search->SetValue("no picture is called this");
        CHECK(picker.list()->GetItemCount() == 0);
        CHECK_FALSE(picker.chosen());
        search->SetValue("");
        CHECK(picker.list()->GetItemCount() == static_cast<int>(pictures.size()));
        CHECK(picker.select("group"));
        CHECK(picker.chosen() == "group");
        CHECK(has(find<wxStaticText>(&picker, "picture-about")->GetLabel(), "group"));
        CHECK_FALSE(picker.select("no-such-picture"));
        pump(400);
        CHECK(ui::saveScreenshot(&picker, ROUNDTABLE_SCREENSHOT_DIR "/gui-picture-picker.png"));
    }
    std::string offered;
    editor->choosePictureWith([&](const std::string& current) {
        offered = current;
        return std::optional<std::string>("group");
    });
    easyRead->SetInsertionPointEnd();  // the cursor on the new, last line
    // By keyboard, as the button sits below the field (Tab from the field reaches it).
    easyRead->SetFocus();
    pump(100);
    press(WXK_TAB);
    CHECK(wxWindow::FindFocus() == find<wxButton>(editor, "activity-easy-read-picture"));
    press(WXK_SPACE);
    CHECK(offered == "no-such-picture");
    CHECK(waitFor([&] {
        return editor->draft().text({curriculum::Field::easyReadPicture, 0, 0, pointCount}) ==
               "group";
    }));
    CHECK(editor->draft().text({curriculum::Field::easyReadText, 0, 0, pointCount}) ==
          "Say hello.");
    CHECK(waitFor([&] { return !easyReadFindings->IsShown(); }));

    // The activity's own picture: chosen with the same picker, checked like every picture.
    auto* activityPicture = find<wxTextCtrl>(editor, "activity-picture");
    const curriculum::FieldAddress pictureField{curriculum::Field::activityPicture, 0, 0, {}};
    editor->choosePictureWith(
        [](const std::string&) { return std::optional<std::string>("group"); });
    click(find<wxButton>(editor, "activity-picture-choose"));
    CHECK(waitFor([&] { return editor->draft().text(pictureField) == "group"; }));
    CHECK(activityPicture->GetValue() == "group");
    typeInto(activityPicture, "no-such-picture");
    auto* pictureFindings = find<wxStaticText>(editor, "activity-picture-findings");
    CHECK(waitFor([&] { return pictureFindings->IsShown(); }));
    CHECK(has(pictureFindings->GetLabel(), "no-such-picture"));
    activityPicture->SelectAll();  // emptied by keyboard removes the picture
    press(WXK_BACK);
    CHECK(waitFor([&] { return editor->draft().text(pictureField).empty(); }));
    CHECK(waitFor([&] { return !pictureFindings->IsShown(); }));

    // Closing with unsaved changes asks: Cancel keeps the window, Discard closes it unsaved.
    REQUIRE(editor->hasUnsavedChanges());
    editor->answerCloseWith([] { return wxCANCEL; });
    editor->Close();
    pump(200);
    REQUIRE(frame->moduleEditor() == editor);
    CHECK(editor->IsShown());
    editor->answerCloseWith([] { return wxNO; });
    editor->Close();
    CHECK(waitFor([&] { return frame->moduleEditor() == nullptr; }));
    {
        auto store = openTestStore(service.path);
        CHECK_FALSE(store.moduleState("framework").draft);
    }

    // Anyone but a clinical lead reads the module: nothing can be typed, saved or sent.
    frame->lock();
    signInAs(frame, "facilitator", kReviewerPassphrase);
    editor = openEditorOnFirstModule(frame);
    CHECK_FALSE(editor->editable());
    CHECK(has(editor->stateLine(), "read only: only a clinical lead can change the programme"));
    CHECK_FALSE(find<wxTextCtrl>(editor, "module-title")->IsEditable());
    pump(300);  // the buttons follow their commands when the window is idle
    for (const char* name :
         {"editor-save", "editor-send", "editor-publish", "editor-return", "editor-withdraw"}) {
        CHECK_MESSAGE(!find<wxButton>(editor, name)->IsEnabled(), name << " is enabled");
    }
    closeFrame(frame);
}

TEST_CASE("a reviewer returns a module's draft to its author, who withdraws it") {
    SeededService service({"Daniel Hughes"}, "", false);
    auto* frame = openAsAuthor(service);
    auto* editor = openEditorOnFirstModule(frame);
    auto* editorTree = find<wxTreeCtrl>(editor, "editor-tree");
    clickTreeItem(editorTree, editorTree->GetRootItem());
    auto* title = find<wxTextCtrl>(editor, "module-title");
    typeInto(title, "Working together");
    CHECK(has(editor->stateLine(), "unsaved changes"));
    editor->answerWith([](const std::string&, const std::string&) {
        return std::optional<std::string>("A shorter title");
    });
    click(find<wxButton>(editor, "editor-send"));  // saves first
    CHECK(waitFor([&] { return has(editor->message(), "Sent for review"); }));
    CHECK(has(editor->stateLine(), "Version 2, in review - author: author"));
    // What the version changes, in the author's words, shows while it waits.
    CHECK(find<wxStaticText>(editor, "editor-review-summary")->IsShown());
    CHECK(has(find<wxStaticText>(editor, "editor-review-summary")->GetLabel(), "A shorter title"));

    frame->lock();
    signInAs(frame, "reviewer", kReviewerPassphrase);
    editor = openEditorOnFirstModule(frame);
    CHECK(find<wxTextCtrl>(editor, "module-title")->GetValue() == "Working together");
    editor->answerWith([](const std::string& question, const std::string&) {
        return std::optional<std::string>(question == "Return to author" ? "Keep the old title"
                                                                         : "");
    });
    click(find<wxButton>(editor, "editor-return"));
    CHECK(waitFor([&] { return editor->message() == "Returned to its author."; }));
    CHECK(has(editor->stateLine(), "Version 2, draft - author: author"));

    frame->lock();
    signInAs(frame, "author", kAuthorPassphrase);
    editor = openEditorOnFirstModule(frame);
    CHECK(has(editor->stateLine(), "Version 2, draft"));
    editor->answerWith([](const std::string&, const std::string&) {
        return std::optional<std::string>("The reviewer prefers the old title");
    });
    click(find<wxButton>(editor, "editor-withdraw"));
    CHECK(waitFor([&] { return editor->message() == "Draft withdrawn."; }));
    CHECK(has(editor->stateLine(), "Version 1, published"));
    CHECK(find<wxTextCtrl>(editor, "module-title")->GetValue() != "Working together");
    closeFrame(frame);
    auto store = openTestStore(service.path);
    auto state = store.moduleState("framework");
    CHECK_FALSE(state.draft);
    REQUIRE(state.published);
    CHECK(state.published->text.version == 1);
}

TEST_CASE("a module's progress indicators are added, described, checked and removed") {
    SeededService service({"Daniel Hughes"}, "", false);
    auto* frame = openAsAuthor(service);
    auto* editor = openEditorOnFirstModule(frame);
    auto* editorTree = find<wxTreeCtrl>(editor, "editor-tree");
    clickTreeItem(editorTree, editorTree->GetRootItem());
    auto* choice = find<wxChoice>(editor, "indicator-choice");
    const auto indicators = curriculum::FieldAddress::ofModule(curriculum::Field::indicators);
    const auto shipped = editor->draft().itemCount(indicators);
    REQUIRE(shipped == static_cast<std::size_t>(choice->GetCount()));
    auto* label = find<wxTextCtrl>(editor, "indicator-label");
    CHECK(label->GetValue().utf8_string() ==
          editor->draft().text({curriculum::Field::indicatorLabel, std::nullopt, std::nullopt, 0}));

    click(find<wxButton>(editor, "indicator-add"));
    CHECK(waitFor([&] { return editor->draft().itemCount(indicators) == shipped + 1; }));
    CHECK(choice->GetSelection() == static_cast<int>(shipped));
    typeInto(label, "Asks for help when he needs it");
    CHECK(waitFor([&] {
        return choice->GetString(static_cast<unsigned>(shipped)) ==
               "Asks for help when he needs it";
    }));
    auto* scale = find<wxTextCtrl>(editor, "indicator-scale");
    typeInto(scale, "5-0");
    auto* scaleFindings = find<wxStaticText>(editor, "indicator-scale-findings");
    CHECK(waitFor([&] { return scaleFindings->IsShown(); }));
    typeInto(scale, "0-4");
    CHECK(waitFor([&] { return !scaleFindings->IsShown(); }));
    typeInto(find<wxTextCtrl>(editor, "indicator-description"),
             "0: never asks. 4: asks a facilitator or carer whenever he is stuck.");
    const curriculum::FieldAddress added{curriculum::Field::indicatorLabel, std::nullopt,
                                         std::nullopt, shipped};
    CHECK(editor->draft().text(added) == "Asks for help when he needs it");
    CHECK(editor->draft().text(
              {curriculum::Field::indicatorScale, std::nullopt, std::nullopt, shipped}) == "0-4");
    CHECK_FALSE(editor->check().hasErrors());
    editor->SetSize(wxSize(1024, 768));
    pump(400);
    CHECK(editor->GetScreenRect().Contains(
        find<wxButton>(editor, "indicator-remove")->GetScreenRect()));
    CHECK(ui::saveScreenshot(
        editor, ROUNDTABLE_SCREENSHOT_DIR "/gui-module-editor-indicators-1024x768.png"));

    click(find<wxButton>(editor, "indicator-remove"));
    CHECK(waitFor([&] { return editor->draft().itemCount(indicators) == shipped; }));
    editor->answerCloseWith([] { return wxNO; });
    editor->Close();
    closeFrame(frame);
}

TEST_CASE("a clinical lead adds a picture from the picker, checked, and chooses it") {
    test::TempDir dir;
    auto store = test::createTestStore(dir / "service.rtdb");
    store.addUser("lead", records::Role::clinicalLead, kAuthorPassphrase);
    store.lock();
    store.unlock("lead", kAuthorPassphrase);
    REQUIRE(practice::storeShippedProgrammeIfMissing(store, ROUNDTABLE_CONTENT));
    const auto before = store.programmePictures().size();
    ui::PicturePicker picker(nullptr, store.programmePictures(),
                             [&](const std::filesystem::path& file, const std::string& name,
                                 const std::string& description) {
                                 practice::CurriculumChanges(store).addPicture(file, name,
                                                                               description);
                                 return store.programmePictures();
                             });
    picker.Show();
    pump(300);
    CHECK(find<wxButton>(&picker, "picture-add")->IsShown());

    // Refused at once, and nothing stored: a script in the SVG, then a name modules cannot use.
    const auto unsafe = dir / "unsafe.svg";
    test::writeFile(
        unsafe,
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(1)</script></svg>)svg");
    CHECK_FALSE(picker.addPicture(unsafe, "calm", "Someone breathing slowly"));
    CHECK(picker.message().utf8_string().starts_with("\u26A0 "));
    const auto calm = dir / "calm.svg";
    test::writeFile(
        calm,
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><title>calm</title><circle cx="32" cy="32" r="24" fill="#4a90d9"/></svg>)svg");
    CHECK_FALSE(picker.addPicture(calm, "Calm Face", "Someone breathing slowly"));
    CHECK(picker.message().Contains("small letters, digits and hyphens"));
    CHECK(store.programmePictures().size() == before);

    CHECK(picker.addPicture(calm, "calm", "Someone breathing slowly"));
    CHECK(store.programmePictures().size() == before + 1);
    CHECK(picker.list()->GetItemCount() == static_cast<int>(before + 1));
    CHECK(picker.chosen() == "calm");
    CHECK(picker.message() == "calm: Someone breathing slowly");
    pump(200);
    CHECK(ui::saveScreenshot(&picker, ROUNDTABLE_SCREENSHOT_DIR "/gui-picture-added.png"));
    picker.Hide();
}
