// Drives the real main window under Xvfb with wxUIActionSimulator, the way a facilitator
// would: create a group, add members, plan a session, take the register, write a note.
// After each step it checks the database file itself, then reopens it in a new window.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dialog.h>
#include <wx/infobar.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "curriculum/ProgrammeLoader.h"
#include "gui/GuiDriver.h"
#include "practice/Dates.h"
#include "practice/ServiceProgramme.h"
#include "records/FaultyVfs.h"
#include "settings/Settings.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"
#include "text/Translate.h"
#include "ui/CurriculumPanel.h"
#include "ui/GroupPanel.h"
#include "ui/HomePanel.h"
#include "ui/LastResortApp.h"
#include "ui/MainFrame.h"
#include "ui/MemberPanel.h"
#include "ui/Screenshot.h"
#include "ui/SessionContentView.h"
#include "ui/SessionPanel.h"
#include "ui/SpellCheck.h"
#include "ui/StartUp.h"
#include "ui/UsersPanel.h"
#include "ui/WxText.h"

using namespace roundtable;
using namespace roundtable::test;

namespace {

class TestApp : public ui::LastResortApp {
  public:
    bool OnInit() override {
        setQuietErrors(true);  // record what the last-resort handler would show
        return true;
    }
    // A wx assertion would otherwise open a modal dialog and hang the run: fail loudly.
    void OnAssertFailure(const wxChar* file, int line, const wxChar* function,
                         const wxChar* condition, const wxChar* message) override {
        std::fprintf(stderr, "wx assertion failed at %s:%d in %s: %s %s\n",
                     wxString(file).utf8_str().data(), line, wxString(function).utf8_str().data(),
                     wxString(condition).utf8_str().data(), wxString(message).utf8_str().data());
        std::abort();
    }
};

}  // namespace

TEST_CASE("a facilitator runs one session end to end, and finds it all after reopening") {
    test::TempDir dir;
    auto path = dir / "service.rtdb";
    auto* frame = showFrame();

    // Create the database: its administrator, then the recovery key shown once.
    frame->beginCreate(path);
    typeInto(find<wxTextCtrl>(frame, "setup-login"), test::kTestLogin);
    typeInto(find<wxTextCtrl>(frame, "setup-passphrase"), test::kTestPassphrase);
    typeInto(find<wxTextCtrl>(frame, "setup-repeat"), "not the same passphrase");
    click(find<wxButton>(frame, "setup-create"));
    CHECK(find<wxStaticText>(frame, "setup-message")->GetLabel() ==
          "The two passphrases are not the same. Type it again.");
    CHECK_FALSE(std::filesystem::exists(path));
    // A passphrase too short is refused at its field (named by Workspace::create, whatever the
    // language of the message), not at the user name.
    typeInto(find<wxTextCtrl>(frame, "setup-passphrase"), "short");
    typeInto(find<wxTextCtrl>(frame, "setup-repeat"), "short");
    click(find<wxButton>(frame, "setup-create"));
    const auto tooShort = find<wxStaticText>(frame, "setup-message")->GetLabel();
    CHECK(tooShort == "A passphrase needs at least 10 characters.");
    CHECK(find<wxTextCtrl>(frame, "setup-passphrase")->GetToolTipText() == tooShort);
    CHECK(find<wxTextCtrl>(frame, "setup-login")->GetToolTipText().empty());
    CHECK_FALSE(std::filesystem::exists(path));
    typeInto(find<wxTextCtrl>(frame, "setup-passphrase"), test::kTestPassphrase);
    typeInto(find<wxTextCtrl>(frame, "setup-repeat"), test::kTestPassphrase);
    click(find<wxButton>(frame, "setup-create"));
    auto* recoveryKey = find<wxTextCtrl>(frame, "recovery-key");
    CHECK(waitFor([&] { return recoveryKey->IsShownOnScreen(); }));
    const auto recoveryText = recoveryKey->GetValue().utf8_string();
    CHECK(recoveryText.size() == 64);
    // 64 hex digits in 8 groups, four to a line: 6 spaces and a line break between them.
    CHECK(find<wxStaticText>(frame, "check-key")->GetLabel().length() == 64 + 7);
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(300);
        // The whole key shows: none of it is hidden past the field's edge.
        CHECK(recoveryKey->GetClientSize().x >=
              recoveryKey->GetTextExtent(recoveryKey->GetValue()).x);
        CHECK(recoveryKey->GetScreenRect().GetRight() <= frame->GetScreenRect().GetRight());
        CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-recovery-key-" +
                                            std::to_string(size.x) + ".png"));
    }
    // The main tasks from here on at the smallest size the app is made for.
    frame->SetSize(wxSize(1024, 768));
    pump(300);
    click(find<wxButton>(frame, "recovery-done"));
    CHECK(recoveryKey->GetValue().empty());
    // The work area opens on the home page: nothing to do yet in a new database.
    REQUIRE(waitFor([&] { return frame->pages()->GetCurrentPage() == frame->homePanel(); }));
    CHECK(find<wxListCtrl>(frame, "home-notes")->GetItemCount() == 0);
    showPage(frame, frame->groupPanel());

    // Create a group by typing its name and pressing the button.
    typeInto(find<wxTextCtrl>(frame, "new-group-name"), "Tuesday group");
    click(find<wxButton>(frame, "create-group"));
    {
        auto store = test::openTestStore(path);
        REQUIRE(store.groups().size() == 1);
        CHECK(store.groups()[0].name == "Tuesday group");
    }

    // Add two members, one typed, one with a name the keyboard simulator cannot type.
    auto* memberName = find<wxTextCtrl>(frame, "new-member-name");
    typeInto(memberName, "Daniel Hughes");
    click(find<wxButton>(frame, "add-member"));
    memberName->ChangeValue(wxString::FromUTF8(kAwkwardName));
    click(find<wxButton>(frame, "add-member"));
    auto* members = find<wxListBox>(frame, "members");
    CHECK(waitFor([&] { return members->GetCount() == 2; }));
    CHECK(members->GetString(1).utf8_string() == "R0002   " + kAwkwardName);

    // An empty name is refused at the field, and nothing is added.
    memberName->ChangeValue("   ");
    click(find<wxButton>(frame, "add-member"));
    auto* groupMessage = find<wxStaticText>(frame, "group-message");
    CHECK(groupMessage->GetLabel() == "Please enter the member's name.");
    CHECK(memberName->GetToolTipText() == "Please enter the member's name.");
    CHECK(members->GetCount() == 2);
    const wxColour refusedTint(255, 228, 225);
    CHECK(memberName->GetBackgroundColour() == refusedTint);
    typeInto(memberName, "R");  // correcting the field clears its refused tint and message
    CHECK(memberName->GetBackgroundColour() != refusedTint);
    CHECK_FALSE(memberName->GetToolTip());
    CHECK(groupMessage->GetLabel().empty());
    memberName->Clear();

    // Choose "Making our group rules" in the curriculum tree and plan it.
    auto* tree = find<wxTreeCtrl>(frame, "curriculum-tree");
    clickTreeItem(tree, treeItem(tree, 0, 1));
    CHECK(frame->curriculumPanel()->selectedSessionId() == "framework-02");
    CHECK(find<ui::SessionContentView>(frame, "curriculum-preview")
              ->text()
              .starts_with("Making our group rules\n"));
    click(find<wxButton>(frame, "plan-session"));
    records::SessionId sessionId = 0;
    {
        auto store = test::openTestStore(path);
        auto sessions = store.sessionsOf(store.groups()[0].id);
        REQUIRE(sessions.size() == 1);
        sessionId = sessions[0].id;
        CHECK(sessions[0].stamp.sessionId == "framework-02");
        CHECK(sessions[0].stamp.moduleId == "framework");
        CHECK(sessions[0].stamp.moduleVersion == 1);
        CHECK(store.session(sessionId).activities.size() ==
              programme().findSession("framework-02")->session->activities.size());
    }

    pump(300);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-group-page.png"));

    // Open it and take the register.
    auto* sessions = find<wxListCtrl>(frame, "sessions");
    clickListRow(sessions, 0);
    click(find<wxButton>(frame, "open-session"));
    CHECK(waitFor([&] { return frame->pages()->GetCurrentPage() == frame->sessionPanel(); }));
    CHECK(frame->sessionPanel()->currentSession() == sessionId);

    auto* registerList = find<wxListCtrl>(frame, "register");
    REQUIRE(registerList->GetItemCount() == 2);
    clickListRow(registerList, 0);
    click(find<wxButton>(frame, "mark-attended"));
    CHECK(waitFor([&] { return registerList->GetItemText(0, 2) == "Present"; }));

    // An absence without a reason is refused; with one it is recorded.
    clickListRow(registerList, 1);
    click(find<wxButton>(frame, "mark-absent-authorised"));
    CHECK(find<wxStaticText>(frame, "session-message")->GetLabel() ==
          "Please give a reason when a member did not attend.");
    typeInto(find<wxTextCtrl>(frame, "absence-reason"), "Hospital appointment");
    click(find<wxButton>(frame, "mark-absent-authorised"));
    CHECK(waitFor([&] {
        return registerList->GetItemText(1, 2) == "Absent (authorised): Hospital appointment";
    }));
    CHECK_FALSE(find<wxButton>(frame, "save-note")->IsEnabled());

    // Write and sign the note of the member who was present.
    clickListRow(registerList, 0);
    typeInto(find<wxTextCtrl>(frame, "note-text"), "Took part well and helped agree the rules.");
    click(find<wxButton>(frame, "save-note"));
    CHECK(waitFor([&] { return registerList->GetItemText(0, 3) == "draft"; }));
    // Nothing rated: signing asks first, and the same button again signs it as it is.
    click(find<wxButton>(frame, "sign-note"));
    CHECK(waitFor([&] {
        return find<wxStaticText>(frame, "session-message")
            ->GetLabel()
            .StartsWith("This note records neither how he took part nor any rating.");
    }));
    CHECK(registerList->GetItemText(0, 3) == "draft");
    click(find<wxButton>(frame, "sign-note"));
    CHECK(waitFor([&] { return registerList->GetItemText(0, 3) == "signed"; }));
    CHECK_FALSE(find<wxTextCtrl>(frame, "note-text")->IsEditable());
    // Nobody ticked as running it: marking it held asks first.
    click(find<wxButton>(frame, "mark-delivered"));
    CHECK(waitFor([&] {
        return find<wxStaticText>(frame, "session-message")
            ->GetLabel()
            .StartsWith("Nobody is recorded as running this session.");
    }));
    click(find<wxButton>(frame, "mark-delivered"));

    pump(300);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-session-page.png"));
    // The Group page's list says so at once (it used to say "Planned" until reopened).
    showPage(frame, frame->groupPanel());
    CHECK(find<wxListCtrl>(frame, "sessions")->GetItemText(0, 3) == "Took place");
    // Back to the home page by clicking its tab (the first), as a facilitator would.
    auto tabs = frame->pages()->GetScreenRect();
    clickAt(tabs.GetPosition() + wxSize(30, 15));
    CHECK(waitFor([&] { return frame->pages()->GetCurrentPage() == frame->homePanel(); }));
    closeFrame(frame);

    // Reopen the file in a new window: everything is as it was left.
    auto* reopened = showFrame();
    REQUIRE(reopened->beginOpen(path));
    signInThroughPage(reopened, "a wrong passphrase");
    CHECK(find<wxStaticText>(reopened, "sign-in-message")->GetLabel() ==
          "The user name or passphrase is not right.");
    signInToGroupPage(reopened);
    auto* reopenedMembers = find<wxListBox>(reopened, "members");
    REQUIRE(reopenedMembers->GetCount() == 2);
    CHECK(reopenedMembers->GetString(1).utf8_string() == "R0002   " + kAwkwardName);
    auto* reopenedSessions = find<wxListCtrl>(reopened, "sessions");
    REQUIRE(reopenedSessions->GetItemCount() == 1);
    CHECK(reopenedSessions->GetItemText(0, 3) == "Took place");
    clickListRow(reopenedSessions, 0);
    click(find<wxButton>(reopened, "open-session"));
    auto* reopenedRegister = find<wxListCtrl>(reopened, "register");
    CHECK(waitFor([&] { return reopenedRegister->GetItemCount() == 2; }));
    CHECK(reopenedRegister->GetItemText(0, 2) == "Present");
    CHECK(reopenedRegister->GetItemText(0, 3) == "signed");
    CHECK(reopenedRegister->GetItemText(1, 2) == "Absent (authorised): Hospital appointment");
    CHECK(find<wxTextCtrl>(reopened, "note-text")->GetValue() ==
          "Took part well and helped agree the rules.");
    closeFrame(reopened);

    auto store = test::openTestStore(path);
    auto group = store.groups().at(0).id;
    auto memberList = store.membersOf(group);
    auto note = store.note(sessionId, memberList.at(0).id);
    REQUIRE(note);
    CHECK(note->state == records::NoteState::signedOff);
    auto marks = store.registerOf(sessionId);
    REQUIRE(marks.size() == 2);
    CHECK(marks[1].reason == "Hospital appointment");
}

TEST_CASE("a note typed but not saved is kept as a draft when the facilitator moves on") {
    SeededService service({"Daniel Hughes", "Ravi Chandra"}, "framework-01", true);
    auto* frame = showFrame();
    auto* registerList = openFirstSession(frame, service.path, 2);
    typeInto(find<wxTextCtrl>(frame, "note-text"), "Quiet today.");
    clickListRow(registerList, 1);  // moves on without pressing Save
    CHECK(waitFor([&] { return registerList->GetItemText(0, 3) == "draft"; }));
    // Back on him, the draft reads as text he wrote, not in a placeholder's grey.
    clickListRow(registerList, 0);
    auto* text = find<wxTextCtrl>(frame, "note-text");
    REQUIRE(waitFor([&] { return text->GetValue() == "Quiet today."; }));
    wxTextAttr style;
    REQUIRE(text->GetStyle(1, style));
    CHECK((!style.HasTextColour() ||
           style.GetTextColour() == wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT)));
    // Its spelling is checked by the system's checker, which offers corrections.
    auto offered = ui::spellingSuggestions(text, "becuase");
    CHECK(std::find(offered.begin(), offered.end(), "because") != offered.end());
    closeFrame(frame);

    auto store = test::openTestStore(service.path);
    auto note = store.note(service.session, service.members[0]);
    REQUIRE(note);
    CHECK(note->content.text == "Quiet today.");
}

TEST_CASE("a note's participation, ratings and concern are signed, then corrected beside it") {
    SeededService service({"Daniel Hughes"}, "framework-02", true);
    auto* frame = showFrame();
    auto* registerList = openFirstSession(frame, service.path, 1);

    chooseItem(find<wxChoice>(frame, "note-participation"), 2);            // took some part
    chooseItem(find<wxChoice>(frame, "rating-framework-keeps-rules"), 3);  // "not rated", 0, 1, 2
    click(find<wxCheckBox>(frame, "note-concern"));
    CHECK(waitFor([&] { return find<wxCheckBox>(frame, "note-concern")->GetValue(); }));
    // Ticking it opens a place to describe the concern, recorded with the note.
    auto* concernText = find<wxTextCtrl>(frame, "note-concern-text");
    CHECK(waitFor([&] { return concernText->IsShownOnScreen(); }));
    typeInto(concernText, "Said he waits near the school at home time.");
    typeInto(find<wxTextCtrl>(frame, "note-text"), "Talked about his brother's visit.");
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-note-concern.png"));
    click(find<wxButton>(frame, "sign-note"));
    CHECK(waitFor([&] { return registerList->GetItemText(0, 3).StartsWith("signed"); }));
    CHECK_FALSE(find<wxChoice>(frame, "note-participation")->IsEnabled());
    CHECK(find<wxStaticText>(frame, "session-message")->GetLabel() ==
          "Note signed. The concern is recorded with his concerns: add what will be done about "
          "it on his Member page.");
    CHECK(find<wxStaticText>(frame, "note-concerns-recorded")->GetLabel() ==
          "Recorded with his concerns:\n- Said he waits near the school at home time.");
    CHECK_FALSE(concernText->IsShownOnScreen());
    {
        auto store = test::openTestStore(service.path);
        auto concerns = store.concernsOf(service.members[0]);
        REQUIRE(concerns.size() == 1);
        CHECK(concerns[0].sessionId == service.session);
        CHECK(concerns[0].description == "Said he waits near the school at home time.");
    }

    // A correction needs a reason; with one it is added beside the signed note.
    typeInto(find<wxTextCtrl>(frame, "correction-text"), "It was his cousin's visit.");
    click(find<wxButton>(frame, "add-correction"));
    CHECK(find<wxStaticText>(frame, "session-message")->GetLabel() ==
          "Please say why the note is being corrected.");
    typeInto(find<wxTextCtrl>(frame, "correction-reason"), "Wrong relative named");
    click(find<wxButton>(frame, "add-correction"));
    CHECK(waitFor([&] { return registerList->GetItemText(0, 3).EndsWith("corrected"); }));
    auto* amendments = find<wxTextCtrl>(frame, "note-amendments");
    CHECK(amendments->IsShown());
    CHECK(amendments->GetValue().Contains("It was his cousin's visit."));
    CHECK(amendments->GetValue().Contains("reason: Wrong relative named"));
    CHECK(find<wxTextCtrl>(frame, "note-text")->GetValue() == "Talked about his brother's visit.");
    CHECK(find<wxTextCtrl>(frame, "correction-text")->GetValue().empty());
    pump(300);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-note-correction.png"));
    closeFrame(frame);

    auto store = test::openTestStore(service.path);
    auto note = store.note(service.session, service.members[0]);
    REQUIRE(note);
    CHECK(note->state == records::NoteState::signedOff);
    CHECK(note->content.participation == records::Participation::some);
    CHECK(note->content.ratings ==
          std::vector<records::IndicatorRating>{{"framework-keeps-rules", 2}});
    CHECK(note->content.concernRaised);
    REQUIRE(note->amendments.size() == 1);
    CHECK(note->amendments[0].reason == "Wrong relative named");
}

TEST_CASE("a note and an attendance mark changed outside Roundtable are shown as damaged") {
    SeededService service({"Daniel Hughes", "Ravi Chandra"}, "framework-02", true);
    {
        auto store = test::openTestStore(service.path);
        practice::Practice practice(store, programme());
        practice.signNote(service.session, service.members[0], {"Helped agree the rules."});
    }
    // What someone with a SQLite shell could do to the signed note and to Ravi's mark.
    REQUIRE(test::rawSql(service.path,
                         "DROP TRIGGER signed_notes_are_kept_update; "
                         "UPDATE progress_notes SET participation = 'none' WHERE member_id = " +
                             std::to_string(service.members[0]) +
                             "; DROP TRIGGER attendance_marks_are_kept_update; "
                             "UPDATE attendance_marks SET status = 'late' WHERE member_id = " +
                             std::to_string(service.members[1])) == "");
    auto* frame = showFrame();
    auto* registerList = openFirstSession(frame, service.path, 2);

    // The register marks the rows; the note says what happened and what to do, and cannot
    // be changed or corrected.
    CHECK(registerList->GetItemText(0, 3).EndsWith(wxString::FromUTF8("\u26A0 damaged")));
    CHECK(registerList->GetItemText(0, 2) == "Present");
    CHECK(registerList->GetItemText(1, 2).StartsWith("Late"));
    CHECK(registerList->GetItemText(1, 2).EndsWith("damaged"));
    auto* noteDamage = find<ui::DamageNotice>(frame, "note-damage");
    CHECK(noteDamage->IsShown());
    auto warning = noteDamage->text().utf8_string();
    INFO(warning);
    CHECK(warning.starts_with("\u26A0 Damaged: The progress note"));
    CHECK(warning.find("was changed outside Roundtable") != std::string::npos);
    CHECK(
        warning.ends_with("Do not rely on this record. An administrator can check the whole "
                          "database with roundtable-cli verify."));
    // What is on screen is the same text, wrapped.
    auto shown = noteDamage->GetLabel();
    shown.Replace("\n", " ");
    CHECK(shown == noteDamage->text());
    CHECK_FALSE(find<wxTextCtrl>(frame, "note-text")->IsEditable());
    CHECK_FALSE(find<wxButton>(frame, "sign-note")->IsEnabled());
    CHECK_FALSE(find<wxTextCtrl>(frame, "correction-text")->IsShownOnScreen());
    CHECK_FALSE(find<ui::DamageNotice>(frame, "register-damage")->IsShown());
    CHECK_FALSE(find<ui::DamageNotice>(frame, "session-damage")->IsShown());
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(400);
        auto suffix = std::to_string(size.x) + "x" + std::to_string(size.y) + ".png";
        CHECK(noteDamage->GetScreenRect().GetRight() <= frame->GetScreenRect().GetRight());
        CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-damaged-note-" + suffix));
    }

    // Ravi's line: his mark is explained under the register; his note can still be written
    // once his attendance is marked again.
    clickListRow(registerList, 1);
    auto* lineDamage = find<ui::DamageNotice>(frame, "register-damage");
    CHECK(waitFor([&] { return lineDamage->IsShown(); }));
    CHECK(lineDamage->text().Contains("attendance"));
    CHECK(lineDamage->text().Contains("roundtable-cli verify"));
    CHECK_FALSE(noteDamage->IsShown());
    for (auto size : {wxSize(1024, 768), wxSize(1366, 768)}) {
        frame->SetSize(size);
        pump(400);
        auto suffix = std::to_string(size.x) + "x" + std::to_string(size.y) + ".png";
        CHECK(
            ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-damaged-register-" + suffix));
    }
    typeInto(find<wxTextCtrl>(frame, "note-text"), "Arrived late.");
    click(find<wxButton>(frame, "save-note"));
    CHECK(find<wxStaticText>(frame, "session-message")
              ->GetLabel()
              .StartsWith("Mark his attendance again before writing his note"));
    click(find<wxButton>(frame, "mark-late"));
    CHECK(waitFor([&] { return !lineDamage->IsShown(); }));
    click(find<wxButton>(frame, "save-note"));
    CHECK(waitFor([&] { return registerList->GetItemText(1, 3) == "draft"; }));
    closeFrame(frame);
}

TEST_CASE("an administrator adds a user, who signs in and changes their own passphrase") {
    test::TempDir dir;
    auto path = dir / "service.rtdb";
    test::createTestStore(path);
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(path));
    signInThroughPage(frame);
    clickTab(frame->pages(), frame->pages()->FindPage(frame->usersPanel()));
    auto* users = find<wxListCtrl>(frame, "users");
    CHECK(waitFor([&] { return users->GetItemCount() == 1; }));
    CHECK(users->GetItemText(0, 1) == "Administrator");

    typeInto(find<wxTextCtrl>(frame, "user-login"), "sam");
    typeInto(find<wxTextCtrl>(frame, "user-passphrase"), "river stone lantern");
    typeInto(find<wxTextCtrl>(frame, "user-repeat"), "river stone lanterns");
    click(find<wxButton>(frame, "add-user"));
    CHECK(find<wxStaticText>(frame, "users-message")->GetLabel() ==
          "The two passphrases are not the same. Type it again.");
    CHECK(users->GetItemCount() == 1);
    typeInto(find<wxTextCtrl>(frame, "user-repeat"), "river stone lantern");
    click(find<wxButton>(frame, "add-user"));
    CHECK(waitFor([&] { return users->GetItemCount() == 2; }));
    CHECK(users->GetItemText(1, 0) == "sam");
    CHECK(users->GetItemText(1, 1) == "Facilitator");
    pump(300);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-users.png"));

    // Sam signs in: the administrator's forms are closed to him; his own passphrase is not.
    frame->lock();
    typeInto(find<wxTextCtrl>(frame, "sign-in-login"), "sam");
    typeInto(find<wxTextCtrl>(frame, "sign-in-passphrase"), "river stone lantern");
    click(find<wxButton>(frame, "sign-in"));
    CHECK(waitFor([&] { return !frame->isLocked(); }));
    clickTab(frame->pages(), frame->pages()->FindPage(frame->usersPanel()));
    CHECK_FALSE(find<wxButton>(frame, "add-user")->IsEnabled());
    typeInto(find<wxTextCtrl>(frame, "own-current"), "not my passphrase");
    typeInto(find<wxTextCtrl>(frame, "own-passphrase"), "harbour light evening");
    typeInto(find<wxTextCtrl>(frame, "own-repeat"), "harbour light evening");
    click(find<wxButton>(frame, "change-own-passphrase"));
    CHECK(find<wxStaticText>(frame, "users-message")->GetLabel() ==
          "The current passphrase is not right.");
    typeInto(find<wxTextCtrl>(frame, "own-current"), "river stone lantern");
    click(find<wxButton>(frame, "change-own-passphrase"));
    CHECK(waitFor([&] {
        return find<wxStaticText>(frame, "users-message")->GetLabel().StartsWith("Your passphrase");
    }));
    closeFrame(frame);

    auto store = records::RecordStore::open(path);
    CHECK_THROWS_AS(store.unlock("sam", "river stone lantern"), records::StoreError);
    store.unlock("sam", "harbour light evening");
    CHECK(store.currentUser()->role == records::Role::facilitator);
}

TEST_CASE("a carers' group is created linked to the treatment group, and plans carers' sessions") {
    test::TempDir dir;
    auto path = dir / "service.rtdb";
    records::GroupId treatment = 0;
    {
        auto store = test::createTestStore(path);
        treatment = store.addGroup("Tuesday group", records::GroupKind::treatment);
    }
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(path));
    signInToGroupPage(frame);
    typeInto(find<wxTextCtrl>(frame, "new-group-name"), "Tuesday carers");
    chooseItem(find<wxChoice>(frame, "new-group-kind"), 2);
    // When it meets: Thursdays at 18:30; a length that is not a number is refused there.
    chooseItem(find<wxChoice>(frame, "weekday"), 4);
    typeInto(find<wxTextCtrl>(frame, "starts-at"), "18:30");
    auto* minutes = find<wxTextCtrl>(frame, "session-minutes");
    typeInto(minutes, "an hour");
    click(find<wxButton>(frame, "create-group"));
    auto* message = find<wxStaticText>(frame, "group-message");
    CHECK(message->GetLabel() ==
          "The length of a session must be a whole number of minutes, such as 120.");
    CHECK(minutes->HasFocus());
    typeInto(minutes, "90");
    click(find<wxButton>(frame, "create-group"));
    CHECK(waitFor([&] { return message->GetLabel().StartsWith("Carers' group created"); }));
    CHECK(find<wxChoice>(frame, "group-choice")->GetStringSelection() ==
          "Tuesday carers  (carers, for Tuesday group)");
    CHECK(find<wxStaticText>(frame, "group-schedule")->GetLabel() ==
          "Meets on Thursdays at 18:30, 90 minutes");
    // Planning offers the group's next Thursday.
    const auto nextThursday = practice::weekdayOnOrAfter(practice::today(), 4);
    CHECK(find<wxDatePickerCtrl>(frame, "session-date")->GetValue().FormatISODate().utf8_string() ==
          nextThursday.iso());
    // Written out beside the picker, so 11/12 cannot be read as the wrong month.
    CHECK(find<wxStaticText>(frame, "session-date-words")->GetLabel().utf8_string() ==
          ui::readableDate(nextThursday));
    pump(200);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-group-schedule.png"));

    typeInto(find<wxTextCtrl>(frame, "new-member-name"), "Mary Hughes");
    click(find<wxCheckBox>(frame, "new-member-required"));
    click(find<wxButton>(frame, "add-member"));
    CHECK(waitFor([&] { return find<wxListBox>(frame, "members")->GetCount() == 1; }));

    auto* tree = find<wxTreeCtrl>(frame, "curriculum-tree");
    clickTreeItem(tree, treeItem(tree, 7, 0));  // the carers' group's first session
    click(find<wxButton>(frame, "plan-session"));
    CHECK(waitFor([&] { return find<wxListCtrl>(frame, "sessions")->GetItemCount() == 1; }));
    // A date typed into the picker, in the system's own order, is written out beside it. With
    // the year in two digits it reads as the year 0026: planning refuses it and says why.
    auto* picker = find<wxDatePickerCtrl>(frame, "session-date");
    auto* words = find<wxStaticText>(frame, "session-date-words");
    auto typeDate = [&](const wxString& text) {
        click(picker);
        wxUIActionSimulator keys;
        keys.Char('a', wxMOD_CONTROL);
        keys.Text(text.utf8_str());
        keys.Char(WXK_TAB);
        pump(200);
    };
    const wxString shortYear = wxDateTime(3, wxDateTime::Dec, 2026).FormatDate();  // e.g. 12/03/26
    REQUIRE(shortYear.EndsWith("26"));
    typeDate(shortYear);
    CHECK(waitFor([&] { return words->GetLabel() == "Thu 03 Dec 0026"; }));
    click(find<wxButton>(frame, "plan-session"));
    CHECK(message->GetLabel() ==
          "The date reads as the year 0026: type the year in full, such as "
          "2026.");
    CHECK(find<wxListCtrl>(frame, "sessions")->GetItemCount() == 1);
    typeDate(shortYear.Left(shortYear.length() - 2) + "2026");
    CHECK(waitFor([&] { return words->GetLabel() == "Thu 03 Dec 2026"; }));
    click(find<wxButton>(frame, "plan-session"));
    if (nextThursday == "2026-12-03"_date) {
        // The day offered was that day too: a second session on one day is asked about first.
        CHECK(
            message->GetLabel().StartsWith("The group already has a session on 3 December 2026: "));
        CHECK(find<wxListCtrl>(frame, "sessions")->GetItemCount() == 1);
        click(find<wxButton>(frame, "plan-session"));
    }
    CHECK(waitFor([&] { return find<wxListCtrl>(frame, "sessions")->GetItemCount() == 2; }));
    closeFrame(frame);

    auto store = test::openTestStore(path);
    auto groups = store.groups();
    REQUIRE(groups.size() == 2);
    CHECK(groups[1].kind == records::GroupKind::carers);
    CHECK(groups[1].linkedGroup == treatment);
    CHECK(store.membersOf(groups[1].id).at(0).attendanceRequired);
    CHECK(groups[1].schedule.weekday == 4);
    CHECK(groups[1].schedule.sessionMinutes == 90);
    // Planned on the day offered and on the day typed, each at the group's start time.
    std::vector<records::Date> dates;
    for (const auto& session : store.sessionsOf(groups[1].id)) {
        CHECK(session.stamp.moduleId == programme().modules[7].id);
        CHECK(session.startsAt == "18:30");
        dates.push_back(session.date);
    }
    std::vector<records::Date> expected{nextThursday, "2026-12-03"_date};
    std::sort(dates.begin(), dates.end());
    std::sort(expected.begin(), expected.end());
    CHECK(dates == expected);
}

TEST_CASE("who ran a session is ticked on the session page, and a correction keeps the first") {
    SeededService service({"Daniel Hughes"}, "framework-02", true);
    auto colleague =
        test::openTestStore(service.path)
            .addUser("colleague", records::Role::facilitator, "a colleague's passphrase");
    auto* frame = showFrame();
    openFirstSession(frame, service.path, 1);
    auto* mine = find<wxCheckBox>(frame, (std::string("facilitator-") + test::kTestLogin).c_str());
    auto* theirs = find<wxCheckBox>(frame, "facilitator-colleague");
    CHECK_FALSE(mine->GetValue());
    CHECK_FALSE(theirs->GetValue());
    click(mine);
    CHECK(waitFor([&] { return mine->GetValue(); }));
    click(theirs);
    CHECK(waitFor([&] { return theirs->GetValue(); }));
    CHECK(find<wxStaticText>(frame, "session-message")->GetLabel() ==
          "Recorded who ran this session.");
    pump(200);  // let the tick be drawn before the picture is taken
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-session-facilitators.png"));
    click(mine);  // a correction: it was the colleague alone
    CHECK(waitFor([&] { return !mine->GetValue(); }));
    // Tab follows the layout: from the last of who ran it to the notes round ("Everyone
    // present", with everyone marked, is passed over), and from the status row's last button
    // that can be pressed to the first of who ran it.
    auto focused = [] {
        auto* window = wxWindow::FindFocus();
        return window ? window->GetName().utf8_string() : std::string("nothing");
    };
    theirs->SetFocus();
    press(WXK_TAB);
    waitFor([&] { return focused() != "facilitator-colleague"; });
    CHECK(focused() == "open-notes-round");
    REQUIRE_FALSE(find<wxWindow>(frame, "session-ratings")->IsEnabled());
    find<wxWindow>(frame, "mark-not-held")->SetFocus();
    press(WXK_TAB);
    waitFor([&] { return focused() != "mark-not-held"; });
    CHECK(focused() == std::string("facilitator-") + test::kTestLogin);
    pump(100);
    closeFrame(frame);
    {
        auto store = test::openTestStore(service.path);
        CHECK(store.session(service.session).facilitators ==
              std::vector<records::UserId>{colleague});
        // Three changes recorded: me, the colleague, then me no longer.
        CHECK(test::rawCount(service.path, "SELECT COUNT(*) FROM session_facilitator_records") ==
              3);
    }
    // Shown again as recorded when the session is opened in a new window.
    frame = showFrame();
    openFirstSession(frame, service.path, 1);
    CHECK_FALSE(find<wxCheckBox>(frame, (std::string("facilitator-") + test::kTestLogin).c_str())
                    ->GetValue());
    CHECK(find<wxCheckBox>(frame, "facilitator-colleague")->GetValue());
    closeFrame(frame);
}

TEST_CASE("a session that did not take place needs a reason, has no register, and is corrected") {
    SeededService service({"Daniel Hughes"}, "framework-02", false);
    auto* frame = showFrame();
    openFirstSession(frame, service.path, 1);
    click(find<wxButton>(frame, "mark-not-held"));
    CHECK(find<wxStaticText>(frame, "session-message")->GetLabel() ==
          "Please say why the session did not take place.");
    typeInto(find<wxTextCtrl>(frame, "not-held-reason"), "Snow: the roads were closed");
    click(find<wxButton>(frame, "mark-not-held"));
    CHECK(waitFor([&] {
        return find<wxStaticText>(frame, "session-header")
            ->GetLabel()
            .Contains("Did not take place: Snow: the roads were closed");
    }));
    CHECK_FALSE(find<wxButton>(frame, "mark-attended")->IsEnabled());
    CHECK_FALSE(find<wxButton>(frame, "mark-not-held")->IsEnabled());
    // Clicked by mistake: the record is corrected, with a reason, and the first one stays.
    auto* correct = find<wxButton>(frame, "mark-delivered");
    CHECK(correct->IsEnabled());
    CHECK(correct->GetLabel() == "Correct: it &took place");
    click(correct);
    CHECK(find<wxStaticText>(frame, "session-message")->GetLabel() ==
          "Please say why the record is corrected.");
    typeInto(find<wxTextCtrl>(frame, "not-held-reason"), "Wrong session clicked");
    click(correct);
    auto* header = find<wxStaticText>(frame, "session-header");
    CHECK(waitFor([&] { return header->GetLabel().Contains("Took place)"); }));
    CHECK(header->GetLabel().Contains(": Wrong session clicked)"));
    CHECK(header->GetToolTipText().Contains("First recorded: Did not take place"));
    CHECK(find<wxButton>(frame, "mark-attended")->IsEnabled());
    CHECK_FALSE(correct->IsEnabled());
    CHECK(find<wxButton>(frame, "mark-not-held")->GetLabel() == "Correct: did &not take place");
    closeFrame(frame);
    auto store = test::openTestStore(service.path);
    auto session = store.session(service.session);
    CHECK(session.status == records::SessionStatus::tookPlace);
    CHECK(session.firstRecordedStatus == records::SessionStatus::didNotTakePlace);
    REQUIRE(session.statusCorrections.size() == 1);
    CHECK(session.statusCorrections[0].reason == "Wrong session clicked");
}

TEST_CASE("a member's record: details, sessions, a concern and its action, a score, his plan") {
    test::TempDir dir;
    auto path = dir / "service.rtdb";
    records::MemberId member = 0;
    {
        auto store = test::createTestStore(path);
        practice::Practice practice(store, programme());
        auto group = practice.createGroup("Group", records::GroupKind::treatment);
        member = practice.addMember(group, "Daniel Hughes", "2026-01-01", true);
        auto session = practice.planSession(group, "framework-02", "2026-11-03");
        practice.recordAttendance(session, member, records::Attendance::attended, "");
        practice.signNote(session, member, {"Helped agree the rules."});
    }
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(path));
    signInToGroupPage(frame);
    auto* members = find<wxListBox>(frame, "members");
    REQUIRE(waitFor([&] { return members->GetCount() == 1; }));
    clickAt(members->GetScreenPosition() + wxSize(40, 10));  // the first line
    CHECK(waitFor([&] { return members->GetSelection() == 0; }));
    click(find<wxButton>(frame, "open-member"));
    CHECK(waitFor([&] { return frame->pages()->GetCurrentPage() == frame->memberPanel(); }));
    CHECK(find<wxStaticText>(frame, "member-header")->GetLabel().Contains("Daniel Hughes"));
    CHECK(find<wxStaticText>(frame, "member-header")->GetLabel().Contains("legally required"));
    auto* message = find<wxStaticText>(frame, "member-message");
    auto* sections = frame->memberPanel()->sections();

    typeInto(find<wxTextCtrl>(frame, "date-of-birth"), "2090-01-01");
    click(find<wxButton>(frame, "save-details"));
    CHECK(message->GetLabel() == "The date of birth must be a real date in the past.");
    typeInto(find<wxTextCtrl>(frame, "date-of-birth"), "1980-02-29");
    typeInto(find<wxTextCtrl>(frame, "care-manager"), "Pat Green, 01632 960123");
    click(find<wxButton>(frame, "save-details"));
    CHECK(waitFor([&] { return message->GetLabel().StartsWith("Details saved"); }));

    clickTab(sections, 1);
    auto* history = find<wxListCtrl>(frame, "member-history");
    REQUIRE(history->GetItemCount() == 1);
    CHECK(history->GetItemText(0, 2) == "Present");
    CHECK(history->GetItemText(0, 3) == "signed: Helped agree the rules.");
    // The selected line is read in full below the list, each column under its heading.
    clickListRow(history, 0);
    CHECK(waitFor([&] {
        return find<wxTextCtrl>(frame, "member-history-reading")
            ->GetValue()
            .EndsWith("\nAttendance: Present\nNote: signed: Helped agree the rules.");
    }));

    clickTab(sections, 2);
    typeInto(find<wxTextCtrl>(frame, "concern"), "Said he had been near the school again.");
    click(find<wxButton>(frame, "raise-concern"));
    auto* concerns = find<wxListCtrl>(frame, "concerns");
    CHECK(waitFor([&] { return concerns->GetItemCount() == 1; }));
    clickListRow(concerns, 0);
    auto* concernReading = find<wxTextCtrl>(frame, "concern-reading");
    waitFor([&] { return concernReading->GetValue().Contains("\nStatus: Open"); });
    CHECK(concernReading->GetValue().utf8_string().ends_with(
        "\nConcern: Said he had been near the school again.\nStatus: Open"));
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-member-concern-reading.png"));
    CHECK(concerns->GetItemText(0, 2) == "Open");
    typeInto(find<wxTextCtrl>(frame, "action"), "Tell his care manager today");
    typeInto(find<wxTextCtrl>(frame, "action-owner"), "Facilitator");
    press(WXK_RETURN);  // Enter in the form adds the action, as its button does
    auto* actions = find<wxListCtrl>(frame, "concern-actions");
    CHECK(waitFor([&] { return actions->GetItemCount() == 1; }));
    clickListRow(actions, 0);
    typeInto(find<wxTextCtrl>(frame, "action-note"), "Phoned at 15:10; she will visit.");
    click(find<wxButton>(frame, "update-action"));
    // Its only action done, the concern stays open until the facilitator closes it.
    CHECK(waitFor([&] { return concerns->GetItemText(0, 2) == "Open: actions done"; }));
    CHECK(actions->GetItemText(0, 3) == "Done: Phoned at 15:10; she will visit.");
    auto* closeConcern = find<wxButton>(frame, "close-concern");
    click(closeConcern);  // no outcome written: refused at the field
    CHECK(waitFor([&] { return message->GetLabel().Contains("outcome"); }));
    CHECK(concerns->GetItemText(0, 2) == "Open: actions done");
    typeInto(find<wxTextCtrl>(frame, "concern-outcome"), "She visited; he is safe.");
    click(closeConcern);
    CHECK(
        waitFor([&] { return concerns->GetItemText(0, 2) == "Closed: She visited; he is safe."; }));
    CHECK(closeConcern->GetLabel() == "Open a&gain");
    pump(300);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-member-concerns.png"));

    clickTab(sections, 3);
    typeInto(find<wxTextCtrl>(frame, "taken-on"), "2026-09-01");
    typeInto(find<wxTextCtrl>(frame, "score"), "140");
    click(find<wxButton>(frame, "record-score"));
    CHECK(message->GetLabel().EndsWith("scores run from 0 to 100."));
    typeInto(find<wxTextCtrl>(frame, "score"), "40");
    press(WXK_RETURN);
    CHECK(waitFor([&] { return find<wxListCtrl>(frame, "outcome-scores")->GetItemCount() == 1; }));

    clickTab(sections, 4);
    typeInto(find<wxTextCtrl>(frame, "plan-section-0"), "I stop going out and stay in bed.");
    click(find<wxButton>(frame, "save-plan"));
    CHECK(waitFor([&] {
        return find<wxStaticText>(frame, "plan-version")->GetLabel().StartsWith("Version 1");
    }));
    pump(300);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-member-plan.png"));
    // Locking leaves nothing of his record in the window.
    CHECK(find<wxTextCtrl>(frame, "date-of-birth")->GetValue() == "1980-02-29");
    frame->lock();
    CHECK(find<wxTextCtrl>(frame, "date-of-birth")->IsEmpty());
    CHECK(find<wxTextCtrl>(frame, "care-manager")->IsEmpty());
    CHECK(find<wxTextCtrl>(frame, "plan-section-0")->IsEmpty());
    CHECK(find<wxListCtrl>(frame, "concerns")->GetItemCount() == 0);
    CHECK(find<wxListCtrl>(frame, "member-history")->GetItemCount() == 0);
    CHECK_FALSE(find<wxStaticText>(frame, "member-header")->GetLabel().Contains("Daniel"));
    closeFrame(frame);

    auto store = test::openTestStore(path);
    CHECK(store.memberDetails(member)->dateOfBirth == "1980-02-29"_date);
    CHECK(store.memberDetails(member)->careManager == "Pat Green, 01632 960123");
    CHECK(store.openConcerns().empty());
    CHECK(store.concernsOf(member).at(0).actions.at(0).status == records::ActionStatus::done);
    CHECK(store.outcomeScoresOf(member).at(0).score == 40);
    CHECK(store.relapsePlan(member)->sections.at(0).body == "I stop going out and stay in bed.");
}

TEST_CASE("opening an older database says it was updated and where the copy is") {
    test::TempDir dir;
    auto path = dir / "old.rtdb";
    std::filesystem::copy_file(ROUNDTABLE_FIXTURES "/databases/format-2.rtdb", path);
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(path));
    CHECK(waitFor([&] { return frame->notice()->IsShown(); }));
    auto backup = frame->workspace()->migrationBackup();
    REQUIRE(backup);
    CHECK(std::filesystem::exists(*backup));
    CHECK(frame->noticeText() ==
          "This database was updated to work with this version of Roundtable. A copy of it as "
          "it was is kept at " +
              backup->string() + ".");
    signInThroughPage(frame);
    CHECK(waitFor([&] { return find<wxListBox>(frame, "members")->GetCount() == 1; }));
    closeFrame(frame);
}

TEST_CASE("an older copy of a database put back is warned about before anyone signs in") {
    SeededService service({"Daniel Hughes"}, "", false);
    test::TempDir dir;
    std::filesystem::copy_file(service.path, dir / "older.rtdb");
    settings::MemoryStore settings;
    auto* frame =
        ui::showMainWindow(programme(), settings, service.path, records::KeyDerivation::fast);
    frame->SetPosition(wxPoint(0, 0));
    pump(500);
    CHECK_FALSE(frame->notice()->IsShown());  // nothing seen of it before: nothing to say
    signInThroughPage(frame);
    CHECK(waitFor([&] { return find<wxListBox>(frame, "members")->GetCount() == 1; }));
    closeFrame(frame);  // this computer has now seen its log go beyond the copy

    std::filesystem::copy_file(dir / "older.rtdb", service.path,
                               std::filesystem::copy_options::overwrite_existing);
    frame = ui::showMainWindow(programme(), settings, service.path, records::KeyDerivation::fast);
    frame->SetPosition(wxPoint(0, 0));
    pump(500);
    CHECK(waitFor([&] { return frame->notice()->IsShown(); }));
    CHECK(frame->noticeText().starts_with("Records may be missing: this database's log ends at "));
    CHECK(find<wxTextCtrl>(frame, "sign-in-passphrase")->IsShownOnScreen());
    for (auto [width, name] : {std::pair{1366, "1366"}, std::pair{1024, "1024"}}) {
        frame->SetSize(width, 768);
        pump(400);
        CHECK(ui::saveScreenshot(frame, std::string(ROUNDTABLE_SCREENSHOT_DIR) +
                                            "/gui-log-behind-" + name + "x768.png"));
    }
    closeFrame(frame);
}

TEST_CASE("a damaged database is refused and the window stays usable") {
    test::TempDir dir;
    auto* frame = showFrame();
    test::writeFile(dir / "not-a-database.rtdb", std::string(4096, 'x'));
    CHECK_FALSE(frame->beginOpen(dir / "not-a-database.rtdb"));
    CHECK(frame->lastError().find("damaged or is not a Roundtable database") != std::string::npos);
    CHECK(find<wxButton>(frame, "welcome-open")->IsShownOnScreen());
    { (void)test::createTestStore(dir / "good.rtdb"); }
    CHECK(frame->beginOpen(dir / "good.rtdb"));
    CHECK(find<wxTextCtrl>(frame, "sign-in-passphrase")->IsShownOnScreen());
    closeFrame(frame);
}

TEST_CASE("locking, by Ctrl+L or when idle, hides every record and wipes the key") {
    SeededService service({"Daniel Hughes"}, "", false);
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(service.path));
    signInToGroupPage(frame);
    auto* members = find<wxListBox>(frame, "members");
    REQUIRE(waitFor([&] { return members->GetCount() == 1; }));
    // No backup yet: the reminder says so; a backup makes it say it worked.
    CHECK(frame->notice()->IsShown());
    pump(300);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-backup-reminder.png"));
    CHECK(frame->backupTo(service.dir / "backup.rtdb"));
    CHECK(std::filesystem::exists(service.dir / "backup.rtdb"));
    CHECK(frame->workspace()->storeForTests().lastBackupAt().has_value());
    auto keyMemory = frame->workspace()->storeForTests().keyMemoryForTests();
    REQUIRE(keyMemory.size() == 32);

    // A new member's name typed but not added is a record about him too.
    typeInto(find<wxTextCtrl>(frame, "new-member-name"), "Not yet added");
    // Ctrl+L, typed on the keyboard.
    click(members);
    wxUIActionSimulator().Char('L', wxMOD_CONTROL);
    CHECK(waitFor([&] { return frame->isLocked(); }));
    CHECK(members->GetCount() == 0);
    CHECK(find<wxTextCtrl>(frame, "new-member-name")->IsEmpty());
    CHECK_FALSE(members->IsShownOnScreen());
    CHECK(std::all_of(keyMemory.begin(), keyMemory.end(), [](unsigned char b) { return b == 0; }));
    pump(300);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-locked.png"));

    signInThroughPage(frame);
    CHECK(waitFor([&] { return members->GetCount() == 1; }));
    CHECK(members->GetString(0).utf8_string() == "R0001   Daniel Hughes");

    // Left alone for longer than the idle time, it locks itself.
    frame->setIdleLock(std::chrono::seconds(2));
    CHECK(waitFor([&] { return frame->isLocked(); }));
    CHECK(members->GetCount() == 0);
    closeFrame(frame);
}

TEST_CASE(
    "a remembered database that cannot be read is reported on the welcome page and "
    "forgotten, and the next start is a normal one") {
    test::TempDir dir;
    std::filesystem::create_directory(dir / "a-folder.rtdb");
    test::writeFile(dir / "damaged.rtdb", std::string(4096, 'x'));
    // stat() refuses a name this long: a file-system error, as the review's crash was.
    auto tooLong = dir / (std::string(300, 'n') + ".rtdb");
    for (const auto& path : {dir / "a-folder.rtdb", dir / "damaged.rtdb", tooLong}) {
        CAPTURE(path);
        settings::MemoryStore settings;
        settings::lastDatabase.write(settings, path.string());
        auto* frame = ui::showMainWindow(programme(), settings, {}, records::KeyDerivation::fast);
        frame->SetPosition(wxPoint(0, 0));
        pump(700);
        CHECK(find<wxButton>(frame, "welcome-open")->IsShownOnScreen());
        auto* message = find<wxStaticText>(frame, "welcome-message");
        CHECK(message->IsShownOnScreen());
        // Wrapping turned some spaces into line breaks.
        auto shown = message->GetLabel().utf8_string();
        std::replace(shown.begin(), shown.end(), '\n', ' ');
        CHECK(shown.find("Roundtable could not open the database " + path.string()) !=
              std::string::npos);
        CHECK_FALSE(frame->lastError().empty());
        CHECK(shown.find(frame->lastError()) != std::string::npos);
        CHECK(settings::lastDatabase.read(settings).empty());
        if (path == dir / "damaged.rtdb") {
            for (auto [width, name] : {std::pair{1366, "1366"}, std::pair{1024, "1024"}}) {
                frame->SetSize(width, 768);
                pump(400);
                CHECK(message->IsShownOnScreen());
                CHECK(ui::saveScreenshot(frame, std::string(ROUNDTABLE_SCREENSHOT_DIR) +
                                                    "/gui-welcome-unreadable-" + name +
                                                    "x768.png"));
            }
        }
        closeFrame(frame);

        // Started again with the same settings: the welcome page, with nothing to report.
        frame = ui::showMainWindow(programme(), settings, {}, records::KeyDerivation::fast);
        pump(500);
        CHECK(find<wxButton>(frame, "welcome-open")->IsShownOnScreen());
        CHECK(find<wxStaticText>(frame, "welcome-message")->GetLabel().empty());
        CHECK(frame->lastError().empty());
        closeFrame(frame);
    }
}

TEST_CASE(
    "a database opened from the command line that fails does not forget the remembered "
    "one") {
    SeededService service({"Daniel Hughes"}, "", false);
    test::TempDir dir;
    test::writeFile(dir / "damaged.rtdb", std::string(4096, 'x'));
    settings::MemoryStore settings;
    settings::lastDatabase.write(settings, std::filesystem::absolute(service.path).string());
    auto* frame = ui::showMainWindow(programme(), settings, dir / "damaged.rtdb",
                                     records::KeyDerivation::fast);
    pump(500);
    CHECK(find<wxStaticText>(frame, "welcome-message")->IsShownOnScreen());
    CHECK(settings::lastDatabase.read(settings) ==
          std::filesystem::absolute(service.path).string());
    closeFrame(frame);
}

TEST_CASE(
    "locking while the disk fails still hides every record and wipes the key, and the "
    "note comes back after signing in") {
    SeededService service({"Daniel Hughes"}, "framework-01", true);
    test::FaultyVfsScope vfs;  // under every connection the window opens
    auto* frame = showFrame();
    auto* registerList = openFirstSession(frame, service.path, 1);
    const char* typed = "Typed as the disk failed: spoke about his week.";
    typeInto(find<wxTextCtrl>(frame, "note-text"), typed);
    auto keyMemory = frame->workspace()->storeForTests().keyMemoryForTests();
    REQUIRE(keyMemory.size() == 32);

    test::FaultyVfs::failFrom(1);  // every write fails from now on: the draft cannot be saved
    wxUIActionSimulator().Char('L', wxMOD_CONTROL);
    CHECK(waitFor([&] { return frame->isLocked(); }));
    CHECK(test::FaultyVfs::faultsInjected() > 0);
    CHECK(std::all_of(keyMemory.begin(), keyMemory.end(), [](unsigned char b) { return b == 0; }));
    CHECK(registerList->GetItemCount() == 0);
    CHECK(find<wxTextCtrl>(frame, "note-text")->GetValue().utf8_string() == "");
    CHECK(find<wxTextCtrl>(frame, "sign-in-passphrase")->IsShownOnScreen());
    CHECK(frame->noticeText().find("could not be saved when Roundtable locked") !=
          std::string::npos);
    pump(300);
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-lock-save-failed.png"));

    test::FaultyVfs::off();  // the disk works again
    signInThroughPage(frame);
    auto* text = find<wxTextCtrl>(frame, "note-text");
    CHECK(waitFor([&] { return text->GetValue() == typed; }));
    CHECK(text->IsShownOnScreen());
    click(find<wxButton>(frame, "save-note"));
    CHECK(waitFor([&] { return registerList->GetItemText(0, 3) == "draft"; }));
    closeFrame(frame);

    auto store = test::openTestStore(service.path);
    auto note = store.note(service.session, service.members[0]);
    REQUIRE(note);
    CHECK(note->content.text == typed);
}

TEST_CASE("an exception that escapes a handler is shown and the application carries on") {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Handler test");
    auto* button = new wxButton(frame, wxID_ANY, "Fail");
    frame->Show();
    pump(300);
    auto* app = static_cast<TestApp*>(wxTheApp);
    button->Bind(wxEVT_BUTTON,
                 [](wxCommandEvent&) { throw std::runtime_error("a bug in a handler"); });
    click(button);
    CHECK(waitFor(
        [&] { return app->lastUnexpected().find("a bug in a handler") != std::string::npos; }));
    frame->Destroy();
    pump(200);
    // The application is still running: a new window works.
    auto* again = showFrame();
    CHECK(find<wxButton>(again, "welcome-open")->IsShownOnScreen());
    closeFrame(again);
}

wxIMPLEMENT_APP_NO_MAIN(TestApp);

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    // As the app: the environment's language and the messages' catalog (English needs none; the
    // pseudo-locale's entry sets LANGUAGE and points ROUNDTABLE_LOCALEDIR at build/locale).
    text::useEnvironmentLanguage();
    text::useCatalogs();
    wxApp::SetInstance(new TestApp);
    if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit())
        return 2;
    int result = context.run();
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}

TEST_CASE("a session shows the module version it was planned from, and what changed since") {
    test::TempDir dir;
    auto path = dir / "versions.rtdb";
    {
        auto store = test::createTestStore(path);
        store.addUser("lead", records::Role::clinicalLead, "the lead's passphrase");
        store.addUser("reviewer", records::Role::clinicalLead, "the reviewer's passphrase");
        practice::Practice practice(store, programme());
        practice.useServiceProgramme(ROUNDTABLE_CONTENT);
        auto group = practice.createGroup("Group", records::GroupKind::treatment);
        practice.addMember(group, "Daniel Hughes", "2026-01-01");
        practice.planSession(group, "framework-02", "2026-11-03");
        // Version 2 of the module, written by one clinical lead and published by another.
        practice::CurriculumChanges changes(store);
        store.lock();
        store.unlock("lead", "the lead's passphrase");
        auto draft = changes.draftText("framework");
        draft.replace(draft.find("Keeps to the group rules"), 24, "Keeps to the rules we made");
        changes.saveDraft(draft);
        changes.sendForReview("framework", "Plainer words for the first indicator");
        store.lock();
        store.unlock("reviewer", "the reviewer's passphrase");
        changes.publish("framework");
    }
    auto* frame = showFrame();
    CHECK_FALSE(find<wxButton>(frame, "compare-with-newest")->IsShown());  // no session open
    openFirstSession(frame, path, 1);
    auto* plannedFrom = find<wxStaticText>(frame, "planned-from");
    CHECK(plannedFrom->GetLabel() == "from version 1 (now version 2)");
    CHECK(find<wxButton>(frame, "compare-with-newest")->IsShown());
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(400);
        auto button = find<wxButton>(frame, "compare-with-newest")->GetScreenRect();
        CHECK(button.GetRight() <= frame->GetScreenRect().GetRight());
        // The note column keeps its room beside the plan.
        auto note = find<wxTextCtrl>(frame, "note-text")->GetScreenRect();
        CHECK(note.GetWidth() >= 250);
        CHECK(note.GetRight() <= frame->GetScreenRect().GetRight());
        auto suffix = std::to_string(size.x) + "x" + std::to_string(size.y) + ".png";
        CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-planned-from-" + suffix));
    }
    // The comparison, as the session page's button shows it: grouped and worded for reading
    // (the indicator by its label, the changed words struck through and underlined), wrapped.
    bool compared = false;
    whenShown("comparison", [&](wxWindow* dialog) {
        auto* view = find<wxTextCtrl>(dialog, "compare-text");
        const auto text = view->GetValue().utf8_string();
        INFO(text);
        CHECK(
            text.starts_with("The module\n  \u2022 version: 1 \u2192 2\n\n"
                             "Progress indicator 1: Keeps to the rules we made\n"));
        CHECK(text.find("\u2022 label: Keeps to the ") != std::string::npos);
        CHECK(text.find("{+") == std::string::npos);  // no markers meant for a terminal
        const auto removed = text.find("group rules");
        REQUIRE(removed != std::string::npos);
        wxTextAttr style;
        REQUIRE(view->GetStyle(
            static_cast<long>(wxString::FromUTF8(text.substr(0, removed)).length()), style));
        CHECK(style.GetFont().GetStrikethrough());
        CHECK(ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-comparison.png"));
        compared = true;
        dynamic_cast<wxDialog*>(dialog)->EndModal(wxID_CLOSE);
    });
    click(find<wxButton>(frame, "compare-with-newest"));
    CHECK(waitFor([&] { return compared; }));
    // Locked, the page keeps nothing of the session's plan; signed in again, it shows none.
    frame->lock();
    CHECK_FALSE(find<wxButton>(frame, "compare-with-newest")->IsShown());
    CHECK(plannedFrom->GetLabel().empty());
    signInToGroupPage(frame);
    clickListRow(find<wxListCtrl>(frame, "sessions"), 0);
    click(find<wxButton>(frame, "open-session"));
    CHECK(waitFor([&] { return find<wxButton>(frame, "compare-with-newest")->IsShown(); }));
    // The group can be kept on the versions it started with.
    clickTab(frame->pages(), frame->pages()->FindPage(frame->groupPanel()));
    auto* stays = find<wxCheckBox>(frame, "stays-on-versions");
    CHECK(stays->IsEnabled());
    CHECK_FALSE(stays->GetValue());
    click(stays);
    CHECK(waitFor([&] { return stays->GetValue(); }));
    pump(300);
    CHECK(stays->GetScreenRect().GetRight() <= frame->GetScreenRect().GetRight());
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-group-stays-1024x768.png"));
    closeFrame(frame);
    auto store = test::openTestStore(path);
    CHECK(store.recordSetting("group:1", "stays-on-module-versions")->value == "yes");
}
