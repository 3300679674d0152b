// The hour after a session, driven through the real window: the register taken in one pass by
// keyboard ("everyone present", then a letter for each exception, the reason or minutes then
// Enter), and the notes round (previous note, ratings carried forward and confirmed or left
// out, Ctrl+Enter signing and moving on, Page Down keeping a draft). Then the same register and
// eight notes written the way the session page offered before the round, with every click and
// key press counted both ways (issue 14, item 10).
#include <doctest/doctest.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/collpane.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include <functional>
#include <iostream>

#include "gui/GuiDriver.h"
#include "practice/Practice.h"
#include "support/TestStore.h"
#include "ui/MainFrame.h"
#include "ui/Screenshot.h"

using namespace roundtable;
using namespace roundtable::test;
using records::Attendance;

namespace {

const char* const kNames[] = {"Adam Able", "Ben Brook", "Carl Cole", "Dan Dale",
                              "Eli East",  "Finn Ford", "Gus Green", "Hal Hill"};
const char* const kTexts[] = {"Listened and asked two questions.",
                              "Quiet, joined the pair work.",
                              "Came late, settled quickly.",
                              "Talked over others once.",
                              "Helped a new member.",
                              "Kept to the rules.",
                              "Said why he is here."};
constexpr int kAbsent = 7;  // Hal, absent (authorised)
// Last session's ratings of the three framework indicators, the same for everyone.
const std::vector<records::IndicatorRating> kRatings = {
    {"framework-keeps-rules", 2}, {"framework-says-why-here", 1}, {"framework-social-skills", 3}};

/// Eight men, the first framework session held and each man's note signed with kRatings; the
/// second planned for 2026-11-03 and not yet marked.
struct LastWeek : SeededService {
    LastWeek()
        : SeededService({kNames[0], kNames[1], kNames[2], kNames[3], kNames[4], kNames[5],
                         kNames[6], kNames[7]},
                        "framework-02", false) {
        auto store = openTestStore(path);
        practice::Practice practice(store, programme());
        auto first = practice.planSession(group, "framework-01", "2026-10-27");
        practice.markDelivered(first);
        practice.markEveryonePresent(first);
        for (auto member : members) {
            records::NoteContent note("Last week.");
            note.participation = records::Participation::some;
            note.ratings = kRatings;
            practice.signNote(first, member, note);
        }
    }
    /// The signed notes of the second session, member by member ("" for none).
    std::vector<records::NoteContent> notesWritten() const {
        auto store = openTestStore(path);
        std::vector<records::NoteContent> notes;
        for (auto member : members) {
            auto note = store.note(session, member);
            notes.push_back(note && note->state == records::NoteState::signedOff
                                ? note->content
                                : records::NoteContent{});
        }
        return notes;
    }
};

/// Opens the notes round from the session page (Alt+O), takes `steps` in it, then closes it
/// with Esc as a facilitator would.
void inNotesRound(const std::function<void(wxWindow*)>& steps) {
    bool driven = false;
    whenShown("notes-round", [&](wxWindow* round) {
        steps(round);
        press(WXK_ESCAPE);
        driven = true;
    });
    press('o', wxMOD_ALT);
    REQUIRE(waitFor([&] { return driven; }));
}

ui::MainFrame* sessionOpen(const LastWeek& service) {
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    pump(200);
    REQUIRE(frame->beginOpen(service.path));
    signInToGroupPage(frame);
    // Sessions are listed in the order held: this week's is the second line.
    clickListRow(find<wxListCtrl>(frame, "sessions"), 1);
    click(find<wxButton>(frame, "open-session"));
    auto* registerList = find<wxListCtrl>(frame, "register");
    CHECK(waitFor([&] { return registerList->GetItemCount() == 8; }));
    clickListRow(registerList, 0);
    return frame;
}

wxString registerCell(wxListCtrl* list, long row) {
    return list->GetItemText(row, 2);
}

}  // namespace

TEST_CASE("the notes round takes the register and signs every note by keyboard alone") {
    LastWeek service;
    auto* frame = sessionOpen(service);
    auto* registerList = find<wxListCtrl>(frame, "register");
    const long before = inputsMade();

    // Everyone present (its mnemonic), then the exceptions: down to Carl, L, his minutes and
    // Enter; down to Hal, A, the reason and Enter.
    press('v', wxMOD_ALT);
    REQUIRE(waitFor([&] { return registerCell(registerList, 0) == "Present"; }));
    CHECK(find<wxStaticText>(frame, "session-message")->GetLabel() == "8 marked present.");
    registerList->SetFocus();
    for (int i = 0; i < 2; ++i)
        press(WXK_DOWN);
    press('l');
    CHECK(wxWindow::FindFocus() == find<wxTextCtrl>(frame, "minutes-present"));
    typeHere("100");
    press(WXK_RETURN);
    CHECK(waitFor([&] { return registerCell(registerList, 2) == "Late, 100 minutes"; }));
    CHECK(wxWindow::FindFocus() == registerList);
    for (int i = 2; i < kAbsent; ++i)
        press(WXK_DOWN);
    press('a');
    CHECK(wxWindow::FindFocus() == find<wxTextCtrl>(frame, "absence-reason"));
    typeHere("Unwell");
    press(WXK_RETURN);
    CHECK(waitFor(
        [&] { return registerCell(registerList, kAbsent) == "Absent (authorised): Unwell"; }));

    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-register-one-pass.png"));
    // The round on the smallest screen it is made for.
    frame->SetSize(wxSize(1024, 768));
    pump(300);
    CHECK(
        ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR "/gui-register-one-pass-1024x768.png"));

    // The round, on the first man: his previous note, last week's ratings carried forward.
    inNotesRound([&](wxWindow* round) {
        auto* position = find<wxStaticText>(round, "round-position");
        CHECK(position->GetLabel().StartsWith("Adam Able (R0001): 1 of 7"));
        CHECK(find<wxTextCtrl>(round, "round-previous")->GetValue().Contains("Last week."));
        auto* carriedMark = find<wxStaticText>(round, "carried-framework-keeps-rules");
        CHECK(carriedMark->IsShown());
        CHECK(find<wxChoice>(round, "rating-framework-keeps-rules")->GetSelection() == 3);
        CHECK(wxWindow::FindFocus() == find<wxTextCtrl>(round, "note-text"));
        CHECK(ui::saveScreenshot(round, ROUNDTABLE_SCREENSHOT_DIR "/gui-notes-round.png"));

        // Page Down keeps what was typed as a draft and moves on; Page Up comes back to it.
        typeHere(kTexts[0]);
        press(WXK_PAGEDOWN);
        CHECK(waitFor([&] { return position->GetLabel().Contains("2 of 7"); }));
        press(WXK_PAGEUP);
        CHECK(waitFor([&] { return position->GetLabel().Contains("1 of 7"); }));
        CHECK(find<wxTextCtrl>(round, "note-text")->GetValue() == kTexts[0]);

        for (int i = 0; i < 7; ++i) {
            if (i > 0)
                typeHere(kTexts[i]);
            press('1', wxMOD_CONTROL);  // took a full part
            if (i != 1)
                press('k', wxMOD_CONTROL);  // keeps last week's ratings: Ben's are left out
            press(WXK_RETURN, wxMOD_CONTROL);
            CHECK(waitFor([&] {
                return find<wxStaticText>(round, "round-progress")->GetLabel() ==
                       wxString::Format("%d of 7 notes signed", i + 1);
            }));
        }
        CHECK(find<wxStaticText>(round, "round-message")
                  ->GetLabel()
                  .Contains("Every note of this session is signed."));
    });
    REQUIRE(waitFor([&] {
        return wxWindow::FindWindowByName("notes-round") == nullptr ||
               !wxWindow::FindWindowByName("notes-round")->IsShown();
    }));
    const long after = inputsMade() - before;

    auto notes = service.notesWritten();
    for (int i = 0; i < 7; ++i) {
        CAPTURE(i);
        CHECK(notes[i].text == kTexts[i]);
        CHECK(notes[i].participation == records::Participation::full);
        // An unconfirmed carried rating is never saved; confirmed ones are his own.
        CHECK(notes[i].ratings == (i == 1 ? std::vector<records::IndicatorRating>{} : kRatings));
    }
    CHECK(notes[kAbsent].text.empty());
    CHECK(registerCell(registerList, 0) == "Present");
    CHECK(registerList->GetItemText(6, 3) == "signed (late)");
    closeFrame(frame);

    // The same register and notes the way the session page offered before the round: a line
    // clicked, its mark clicked, how he took part and each rating chosen from its list, the
    // text typed and Sign note clicked (Ben's ratings left "not rated", as above).
    LastWeek sameWeek;
    frame = sessionOpen(sameWeek);
    registerList = find<wxListCtrl>(frame, "register");
    const long mouseBefore = inputsMade();
    for (int i = 0; i < 8; ++i) {
        clickListRow(registerList, i);
        if (i == kAbsent) {
            typeInto(find<wxTextCtrl>(frame, "absence-reason"), "Unwell");
            click(find<wxButton>(frame, "mark-absent-authorised"));
            continue;
        }
        if (i == 2) {
            typeInto(find<wxTextCtrl>(frame, "minutes-present"), "100");
            click(find<wxButton>(frame, "mark-late"));
        } else {
            click(find<wxButton>(frame, "mark-attended"));
        }
        chooseItem(find<wxChoice>(frame, "note-participation"), 1);
        if (i != 1) {
            for (const auto& rating : kRatings) {
                chooseItem(find<wxChoice>(frame, ("rating-" + rating.indicatorId).c_str()),
                           rating.rating + 1);
            }
        }
        typeInto(find<wxTextCtrl>(frame, "note-text"), kTexts[i]);
        click(find<wxButton>(frame, "sign-note"));
        CHECK(waitFor([&] { return registerList->GetItemText(i, 3).StartsWith("signed"); }));
    }
    const long mouse = inputsMade() - mouseBefore;
    CHECK(sameWeek.notesWritten() == service.notesWritten());  // the same records both ways
    closeFrame(frame);

    std::cout << "notes round: " << mouse << " actions before, " << after << " after\n";
    CHECK(after * 3 <= mouse);
}

TEST_CASE("locking closes the notes round, its notes off the screen, and keeps what was typed") {
    LastWeek service;
    auto* frame = sessionOpen(service);
    press('v', wxMOD_ALT);
    bool locked = false;
    whenShown("notes-round", [&](wxWindow*) {
        typeHere("Half a note when the phone rang.");
        // Left alone for longer than the idle time, the window locks itself over the round.
        frame->setIdleLock(std::chrono::seconds(1));
        locked = waitFor([&] { return frame->isLocked(); });
    });
    press('o', wxMOD_ALT);
    REQUIRE(waitFor([&] { return locked; }));
    CHECK(waitFor([&] {
        auto* round = wxWindow::FindWindowByName("notes-round");
        return round == nullptr || !round->IsShown();
    }));
    auto store = openTestStore(service.path);
    auto note = store.note(service.session, service.members[0]);
    REQUIRE(note);
    CHECK(note->state == records::NoteState::draft);
    CHECK(note->content.text == "Half a note when the phone rang.");
    frame->setIdleLock(std::chrono::minutes(10));
    closeFrame(frame);
}

TEST_CASE(
    "the notes round keeps what the group did once, his check-in, and his jottings in his note") {
    LastWeek service;
    {
        auto store = openTestStore(service.path);
        practice::Practice practice(store, programme());
        practice.markDelivered(service.session);
        practice.markEveryonePresent(service.session);
        practice.addJotting(service.session, service.members[0], "Asked how to say no.");
    }
    auto* frame = sessionOpen(service);
    inNotesRound([&](wxWindow* round) {
        // Adam's jotting is already in his draft, after what he had (nothing).
        auto* text = find<wxTextCtrl>(round, "note-text");
        CHECK(text->GetValue() == "Asked how to say no.");
        CHECK(find<wxStaticText>(round, "round-message")->GetLabel() ==
              "His jottings are at the end of his note.");
        // What the group did: a first draft from the plan, changed once for every note.
        auto* shared = find<wxTextCtrl>(round, "shared-section");
        CHECK(shared->GetValue().StartsWith("The group did: "));
        shared->SetFocus();
        shared->SetInsertionPointEnd();
        typeHere(" We practised listening.");
        // His mood at the check-in: Alt+4 (calm) and a word he chose.
        press('4', wxMOD_ALT);
        CHECK(find<wxBitmapToggleButton>(round, "mood-4")->GetValue());
        CHECK_FALSE(find<wxBitmapToggleButton>(round, "mood-1")->GetValue());
        CHECK(find<wxStaticText>(round, "mood-chosen")->GetLabel() == "Calm");
        find<wxTextCtrl>(round, "check-in-word")->SetFocus();
        typeHere("rested");
        text->SetFocus();
        text->SetInsertionPointEnd();
        typeHere(" Practised it twice.");
        CHECK(ui::saveScreenshot(round, ROUNDTABLE_SCREENSHOT_DIR "/gui-notes-round-check-in.png"));
        // Nothing rated: Ctrl+Enter asks first, and again signs it as it is.
        press(WXK_RETURN, wxMOD_CONTROL);
        CHECK(waitFor([&] {
            return find<wxStaticText>(round, "round-message")
                ->GetLabel()
                .StartsWith("This note records neither how he took part nor any rating.");
        }));
        CHECK(find<wxStaticText>(round, "round-progress")->GetLabel() == "0 of 8 notes signed");
        press(WXK_RETURN, wxMOD_CONTROL);
        CHECK(waitFor([&] {
            return find<wxStaticText>(round, "round-progress")->GetLabel() == "1 of 8 notes signed";
        }));
    });
    closeFrame(frame);
    auto store = openTestStore(service.path);
    auto note = store.note(service.session, service.members[0]);
    REQUIRE(note);
    CHECK(note->state == records::NoteState::signedOff);
    CHECK(note->content.text == "Asked how to say no. Practised it twice.");
    CHECK(store.jottingsOf(service.session).empty());
    auto checkIns = store.checkInsOf(service.members[0]);
    REQUIRE(checkIns.size() == 1);
    CHECK(checkIns[0].mood == 4);
    CHECK(checkIns[0].word == "rested");
    auto section = store.sharedSectionOf(service.session);
    REQUIRE(section);
    CHECK(section->text.starts_with("The group did: "));
    CHECK(section->text.ends_with(". We practised listening."));
}

TEST_CASE(
    "the notes round asks how his last task went and sets each man's task from this "
    "session") {
    // Adam took a task away from an earlier session; this week's session sets another.
    SeededService service({"Adam Able", "Ben Brook"}, "relationships-01", true);
    {
        auto store = openTestStore(service.path);
        practice::Practice practice(store, programme());
        auto earlier = practice.planSession(service.group, "relationships-03", "2026-10-27");
        practice.markDelivered(earlier);
        practice.recordAttendance(earlier, service.members[0], Attendance::attended, "");
        practice.setTask(earlier, service.members[0], "Notice who you meet at the day centre.");
        practice.markDelivered(service.session);
    }
    auto* frame = showFrame();
    frame->SetSize(wxSize(1024, 768));  // a small laptop
    pump(200);
    REQUIRE(frame->beginOpen(service.path));
    signInToGroupPage(frame);
    clickListRow(find<wxListCtrl>(frame, "sessions"), 1);  // this week's, listed second
    click(find<wxButton>(frame, "open-session"));
    auto* registerList = find<wxListCtrl>(frame, "register");
    REQUIRE(waitFor([&] { return registerList->GetItemCount() == 2; }));
    clickListRow(registerList, 0);
    inNotesRound([&](wxWindow* round) {
        auto* toReview = find<wxStaticText>(round, "task-to-review");
        CHECK(waitFor([&] { return toReview->IsShownOnScreen(); }));
        CHECK(toReview->GetLabel() ==
              "His task from 27 October 2026: Notice who you meet at the day centre.");
        auto* task = find<wxTextCtrl>(round, "task-text");
        CHECK(task->GetValue() == "This week we will notice the people we meet.");
        chooseItem(find<wxChoice>(round, "task-outcome"), 2);  // partly
        typeInto(find<wxTextCtrl>(round, "task-comment"), "Met two people.");
        CHECK(ui::saveScreenshot(round, ROUNDTABLE_SCREENSHOT_DIR "/gui-notes-round-tasks.png"));
        find<wxTextCtrl>(round, "note-text")->SetFocus();
        press(WXK_PAGEDOWN);  // his task and how the last one went are kept on the way
        CHECK(waitFor([&] {
            return find<wxStaticText>(round, "round-position")->GetLabel().StartsWith("Ben");
        }));
        CHECK_FALSE(toReview->IsShownOnScreen());  // Ben had no task to review
        typeInto(task, "Notice who you meet at college.");
    });
    closeFrame(frame);

    auto store = openTestStore(service.path);
    auto adams = store.tasksOf(service.members[0]);
    REQUIRE(adams.size() == 2);
    REQUIRE(adams[0].review);
    CHECK(adams[0].review->outcome == records::TaskOutcome::partly);
    CHECK(adams[0].review->comment == "Met two people.");
    CHECK(adams[1].sessionId == service.session);
    CHECK(adams[1].text == "This week we will notice the people we meet.");
    auto bens = store.tasksOf(service.members[1]);
    REQUIRE(bens.size() == 1);
    CHECK(bens[0].text == "Notice who you meet at college.");
}

TEST_CASE(
    "a phrase kept under Edit and typed as its shortcut in the notes round goes in the note") {
    LastWeek service;
    {
        auto store = openTestStore(service.path);
        practice::Practice practice(store, programme());
        practice.markDelivered(service.session);
        practice.markEveryonePresent(service.session);
    }
    auto* frame = sessionOpen(service);
    // Edit > Phrases for notes: a shortcut that is not one word is refused at its field.
    bool kept = false;
    whenShown("phrases-dialog", [&](wxWindow* dialog) {
        auto* list = find<wxListCtrl>(dialog, "phrases-list");
        const int programmes = list->GetItemCount();
        CHECK(programmes > 0);  // the programme's phrases, from its XML
        auto* shortcut = find<wxTextCtrl>(dialog, "phrase-shortcut");
        auto* message = find<wxStaticText>(dialog, "phrases-message");
        typeInto(find<wxTextCtrl>(dialog, "phrase-text"), "He arrived late and settled quickly.");
        typeInto(shortcut, "came settled");
        click(find<wxButton>(dialog, "keep-phrase"));
        CHECK(message->GetLabel().Contains("A shortcut is one word"));
        CHECK(wxWindow::FindFocus() == shortcut);
        typeInto(shortcut, "settled");
        press(WXK_RETURN);  // Enter in the form keeps it
        CHECK(waitFor([&] { return list->GetItemCount() == programmes + 1; }));
        CHECK(list->GetItemText(0, 0) == ".settled");
        CHECK(list->GetItemText(0, 2) == "Your own");
        CHECK(message->GetLabel() == "Kept. Type .settled and a space in a note to use it.");
        CHECK(ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-phrases.png"));
        press(WXK_ESCAPE);
        kept = true;
    });
    frame->ProcessCommand(frame->GetMenuBar()->FindMenuItem("Edit", "Phrases for notes..."));
    REQUIRE(waitFor([&] { return kept; }));

    const auto shipped = curriculum::phrasesOf(programme());
    REQUIRE_FALSE(shipped.empty());
    const std::string programmeShortcut(shipped.front()->shortcut);
    const std::string programmeText(shipped.front()->text);
    inNotesRound([&](wxWindow* round) {
        auto* text = find<wxTextCtrl>(round, "note-text");
        text->SetFocus();
        // Her own, then the programme's; the last typed with no space and signed at once.
        typeHere(".settled Then .");
        typeHere(programmeShortcut.c_str());
        CHECK(waitFor([&] {
            return text->GetValue().StartsWith("He arrived late and settled quickly. Then .");
        }));
        CHECK(ui::saveScreenshot(round, ROUNDTABLE_SCREENSHOT_DIR "/gui-notes-round-phrase.png"));
        press(WXK_RETURN, wxMOD_CONTROL);
        press(WXK_RETURN, wxMOD_CONTROL);  // nothing rated: asked, and signed as it is
        CHECK(waitFor([&] {
            return find<wxStaticText>(round, "round-progress")->GetLabel() == "1 of 8 notes signed";
        }));
    });
    closeFrame(frame);
    // Signed (notesWritten holds signed notes only), with both phrases in place.
    CHECK(service.notesWritten()[0].text ==
          "He arrived late and settled quickly. Then " + programmeText);
}
