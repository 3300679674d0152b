// The notes round's window (NotesRoundDialog.h): one member at a time, saving through
// practice::Practice.
#include "ui/NotesRoundDialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/collpane.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include "practice/Wording.h"
#include "ui/NoteEditor.h"
#include "ui/Pictograms.h"
#include "ui/SpellCheck.h"
#include "ui/TaskRow.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

/// The previous note as it reads: when, which session, its state, then its words.
std::string previousInWords(const records::HistoryEntry& previous) {
    const auto& note = *previous.note;
    auto heading = text::fill(
        note.state == records::NoteState::signedOff ? text::tr("{1}, {2} (signed by {3})")
                                                    : text::tr("{1}, {2} (a draft by {3})"),
        {readableDate(previous.session.date), previous.session.title, note.author});
    if (!note.damage.empty())
        heading.append("\n").append(note.damage);
    return heading.append("\n\n").append(note.content.text);
}

wxButton* roundButton(wxWindow* parent, const char* name, const wxString& label) {
    auto* button = new wxButton(parent, wxID_ANY, label);
    button->SetName(name);
    return button;
}

}  // namespace

NotesRoundDialog::NotesRoundDialog(wxWindow* parent, practice::Practice& practice,
                                   records::SessionId session, records::MemberId startAt,
                                   const documents::PictureSource& pictures)
    : wxDialog(parent, wxID_ANY, trWx("Notes round"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      practice_(practice),
      session_(session) {
    SetName("notes-round");
    position_ = heading(this, wxEmptyString);
    position_->SetName("round-position");
    progress_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    progress_->SetName("round-progress");
    // What the group did: written once, shown in every note of the session.
    sharedPane_ = new wxCollapsiblePane(
        this, wxID_ANY, trWx("What the group did (in every note of this session)"),
        wxDefaultPosition, wxDefaultSize, wxCP_DEFAULT_STYLE | wxCP_NO_TLW_RESIZE);
    sharedPane_->SetName("round-shared-pane");
    shared_ = new wxTextCtrl(sharedPane_->GetPane(), wxID_ANY, wxEmptyString, wxDefaultPosition,
                             wxSize(-1, 40), wxTE_MULTILINE | wxTE_WORDWRAP);
    shared_->SetName("shared-section");
    checkSpelling(shared_);
    expandPhrases(shared_, [this] { return &practice_.phrases(); });
    auto* sharedSizer = new wxBoxSizer(wxVERTICAL);
    sharedSizer->Add(shared_, wxSizerFlags(1).Expand());
    sharedPane_->GetPane()->SetSizer(sharedSizer);
    sharedPane_->Expand();
    previousPane_ =
        new wxCollapsiblePane(this, wxID_ANY, trWx("His previous note"), wxDefaultPosition,
                              wxDefaultSize, wxCP_DEFAULT_STYLE | wxCP_NO_TLW_RESIZE);
    previousPane_->SetName("round-previous-pane");
    previous_ = new wxTextCtrl(previousPane_->GetPane(), wxID_ANY, wxEmptyString, wxDefaultPosition,
                               wxSize(-1, 54), wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    previous_->SetName("round-previous");
    auto* paneSizer = new wxBoxSizer(wxVERTICAL);
    paneSizer->Add(previous_, wxSizerFlags(1).Expand());
    previousPane_->GetPane()->SetSizer(paneSizer);
    previousPane_->Expand();

    // His mood at the check-in: five pictures (their words as tooltips and labels for screen
    // readers), then a word he chose.
    auto* checkInRow = new wxBoxSizer(wxHORIZONTAL);
    checkInRow->Add(new wxStaticText(this, wxID_ANY, trWx("At the check-in:")),
                    wxSizerFlags().CenterVertical().Border(wxRIGHT, 8));
    for (const auto& point : practice::moodScale()) {
        auto* button =
            new wxBitmapToggleButton(this, wxID_ANY, pictogramBundle(pictures, point.picture, 32));
        button->SetName(wxString::Format("mood-%d", point.value));
        button->SetToolTip(toWx(text::fill(text::tr("{1} (Alt+{2})"),
                                           {text::tr(point.words), std::to_string(point.value)})));
        button->SetLabel(trWx(point.words));
        const int value = point.value;
        button->Bind(wxEVT_TOGGLEBUTTON,
                     [this, value](wxCommandEvent&) { showMood(mood_ == value ? 0 : value); });
        moods_.push_back(button);
        checkInRow->Add(button, wxSizerFlags().CenterVertical().Border(wxRIGHT, 4));
    }
    moodChosen_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                   FromDIP(wxSize(90, -1)), wxST_NO_AUTORESIZE);
    moodChosen_->SetName("mood-chosen");
    checkInRow->Add(moodChosen_, wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
    moodWord_ = new wxTextCtrl(this, wxID_ANY);
    moodWord_->SetName("check-in-word");
    moodWord_->SetHint(trWx("A word he chose (if any)"));
    checkInRow->Add(moodWord_, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 8));

    tasks_ = new TaskRow(this);
    editor_ = new NoteEditor(this);
    editor_->setIndicators(practice_.indicatorsFor(session_));
    editor_->offerPhrases([this] { return &practice_.phrases(); });
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("round-message");
    atNoteField_ = atField(message_, [this](const std::string& field) -> wxWindow* {
        if (field == "shared-section")
            return shared_;
        if (field == "check-in")
            return moods_.front();
        if (auto* task = tasks_->fieldFor(field))
            return task;
        return editor_->fieldFor(field);
    });
    auto* keys = new wxStaticText(
        this, wxID_ANY,
        trWx("Ctrl+Enter signs and moves on. Ctrl+S keeps a draft and moves on. Page Up and "
             "Page Down move between members. Ctrl+K keeps the ratings carried forward. Ctrl+1 "
             "to Ctrl+4: how he took part. Alt+1 to Alt+5: his mood at the check-in. A full stop, "
             "a shortcut and a space type a phrase (Edit, Phrases for notes)."));
    keys->SetName("round-keys");

    auto* back = roundButton(this, "round-previous-member", trWx("&Previous member"));
    auto* next = roundButton(this, "round-next-member", trWx("&Next member"));
    auto* keepCarried = roundButton(this, "round-keep-carried", trWx("&Keep carried ratings"));
    auto* saveNext = roundButton(this, "round-save-next", trWx("&Save draft, next"));
    auto* signNext = roundButton(this, "round-sign-next", trWx("S&ign, next"));
    auto* close = new wxButton(this, wxID_CLOSE, trWx("&Close"));
    SetEscapeId(wxID_CLOSE);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    for (auto* button : {back, next, keepCarried, saveNext, signNext})
        buttons->Add(button, wxSizerFlags().Border(wxRIGHT, 6));
    buttons->AddStretchSpacer();
    buttons->Add(close);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(position_, wxSizerFlags(1).CenterVertical());
    top->Add(progress_, wxSizerFlags().CenterVertical());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 12));
    sizer->Add(sharedPane_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(previousPane_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(checkInRow, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 12));
    sizer->Add(tasks_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(editor_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, 12));
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 12));
    sizer->Add(keys, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 12));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 12));
    SetSizer(sizer);
    // Up to what a note needs.
    sizeToMainWindow(this, 0.95, 0.92, wxSize(860, 700));
    keys->Wrap(GetClientSize().x - FromDIP(24));

    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move(-1); });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move(+1); });
    keepCarried->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { editor_->confirmCarried(); });
    saveNext->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveAndNext(); });
    signNext->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { signAndNext(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { closeRound(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { closeRound(); });
    Bind(wxEVT_CHAR_HOOK, &NotesRoundDialog::onKey, this);
    editor_->onAddCorrection([this] { addCorrection(); });
    for (auto* pane : {sharedPane_, previousPane_})
        pane->Bind(wxEVT_COLLAPSIBLEPANE_CHANGED, [this](wxCollapsiblePaneEvent&) { Layout(); });

    runGuarded(atNoteField_, [this] {
        auto shared = practice_.sharedSection(session_);
        shared_->ChangeValue(toWx(shared.text));
        sharedWritten_ = shared.written;
    });
    // Once written it is read, not changed: folded away, it leaves the note its room on a
    // screen 768 pixels high (open it to change it).
    if (sharedWritten_)
        sharedPane_->Collapse();
    reload();
    const auto& lines = round_.lines;
    auto start = std::find_if(lines.begin(), lines.end(),
                              [&](const auto& line) { return line.member.id == startAt; });
    if (start == lines.end())
        start =
            std::find_if(lines.begin(), lines.end(), [](const auto& line) { return !line.done(); });
    showMember(start == lines.end() ? 0 : static_cast<std::size_t>(start - lines.begin()));
}

records::MemberId NotesRoundDialog::memberShown() const {
    return current_ < round_.lines.size() ? round_.lines[current_].member.id : records::MemberId();
}

std::optional<practice::UnsavedNote> NotesRoundDialog::typedNote() const {
    if (round_.lines.empty() || !editor_->isModified())
        return std::nullopt;
    return practice::UnsavedNote{session_, round_.lines[current_].member.id, editor_->content(),
                                 editor_->concernDescription()};
}

std::optional<practice::UnsavedNote> NotesRoundDialog::closeForLock() {
    auto typed = typedNote();
    if (typed)
        editor_->markSaved();
    // The store is still open: what the group did and his check-in are kept now.
    if (shared_->IsModified())
        keepShared();
    keepBesideNote();
    tasks_->clear();
    moodWord_->Clear();
    showMood(0);
    editor_->show(std::nullopt, false);
    previous_->Clear();
    shared_->Clear();
    EndModal(wxID_CLOSE);
    return typed;
}

void NotesRoundDialog::reload() {
    runGuarded(atNoteField_, [this] { round_ = practice_.notesRound(session_); });
}

void NotesRoundDialog::showMember(std::size_t index) {
    askFirst_.forget();  // a question asked about one man is not answered on another
    const auto count = round_.lines.size();
    progress_->SetLabel(
        toWx(text::fill(text::tr("{1} of {2} notes signed"),
                        {std::to_string(round_.doneCount()), std::to_string(count)})));
    if (count == 0) {
        position_->SetLabel(trWx("Nobody is marked present: take the register first."));
        editor_->show(std::nullopt, false);
        tasks_->clear();
        previousPane_->Hide();
        Layout();
        return;
    }
    current_ = std::min(index, count - 1);
    useJottings();
    const auto& line = round_.lines[current_];
    position_->SetLabel(toWx(text::fill(text::tr("{1} ({2}): {3} of {4}"),
                                        {line.member.name, line.member.code,
                                         std::to_string(current_ + 1), std::to_string(count)})));
    previousPane_->Show();
    previous_->ChangeValue(line.previous ? toWx(previousInWords(*line.previous))
                                         : trWx("None: this is his first note."));
    showMood(line.checkIn ? line.checkIn->mood : 0);
    moodWord_->ChangeValue(line.checkIn ? toWx(line.checkIn->word) : wxString());
    tasks_->show(line, round_.task);
    const bool editable = !line.done();
    editor_->show(line.note, editable);
    editor_->showConcernsFromNote(practice_.concernsFromNote(session_, line.member.id));
    if (editable)
        editor_->offerCarried(line.carried);
    Layout();
    editor_->textField()->SetFocus();
    editor_->textField()->SetInsertionPointEnd();
}

void NotesRoundDialog::useJottings() {
    const auto& line = round_.lines[current_];
    if (line.done())
        return;
    const auto member = line.member.id;
    runGuarded(atNoteField_, [&] {
        if (practice_.useJottings(session_, member) > 0) {
            reload();
            showInfo(message_, text::tr("His jottings are at the end of his note."));
        }
    });
}

void NotesRoundDialog::showMood(int mood) {
    mood_ = mood;
    for (std::size_t i = 0; i < moods_.size(); ++i)
        moods_[i]->SetValue(static_cast<int>(i) + 1 == mood);
    moodChosen_->SetLabel(mood == 0 ? trWx("not recorded") : toWx(practice::moodInWords(mood)));
}

bool NotesRoundDialog::keepCheckIn() {
    if (round_.lines.empty() || mood_ == 0)
        return true;  // none chosen: nothing to keep (a recorded one is never taken away)
    const auto& line = round_.lines[current_];
    const auto word = fromWx(moodWord_->GetValue());
    if (line.checkIn && line.checkIn->mood == mood_ && line.checkIn->word == word)
        return true;
    const auto member = line.member.id;
    return runGuarded(atNoteField_, [&] {
        practice_.recordCheckIn(session_, member, mood_, word);
        reload();
    });
}

bool NotesRoundDialog::keepBesideNote() {
    return keepCheckIn() &&
           (round_.lines.empty() ||
            tasks_->keep(practice_, session_, round_.lines[current_].member.id, atNoteField_));
}

bool NotesRoundDialog::keepShared() {
    if (sharedWritten_ && !shared_->IsModified())
        return true;
    return runGuarded(atNoteField_, [&] {
        practice_.saveSharedSection(session_, fromWx(shared_->GetValue()));
        shared_->DiscardEdits();
        sharedWritten_ = true;
    });
}

bool NotesRoundDialog::keepTyped() {
    editor_->finishTyping();
    if (!keepBesideNote())
        return false;
    if (round_.lines.empty() || (!editor_->isModified() && !shared_->IsModified()))
        return true;
    if (!keepShared())
        return false;
    if (!editor_->isModified())
        return true;
    const auto member = round_.lines[current_].member.id;
    return runGuarded(atNoteField_, [&] {
        practice_.saveNote(session_, member, editor_->content());
        showConcernsFromNote(practice_, *editor_, session_, member);
        editor_->markSaved();
        reload();
    });
}

void NotesRoundDialog::move(int step) {
    if (round_.lines.empty() || !keepTyped())
        return;  // not saved: the reason is shown and the round stays on him
    const auto last = static_cast<long>(round_.lines.size()) - 1;
    const auto next = std::clamp(static_cast<long>(current_) + step, 0L, last);
    message_->SetLabel(wxEmptyString);
    showMember(static_cast<std::size_t>(next));
}

void NotesRoundDialog::saveAndNext() {
    if (round_.lines.empty() || round_.lines[current_].done()) {
        move(+1);
        return;
    }
    const auto member = round_.lines[current_].member.id;
    clearRefused(editor_->textField(), message_);
    editor_->finishTyping();
    if (!keepShared() || !keepBesideNote())
        return;
    if (!runGuarded(atNoteField_, [&] {
            practice_.saveNote(session_, member, editor_->content());
            showConcernsFromNote(practice_, *editor_, session_, member);
            editor_->markSaved();
            reload();
        }))
        return;
    showMember(current_ + 1);
    showInfo(message_, text::tr("Kept as a draft."));
}

void NotesRoundDialog::signAndNext() {
    if (round_.lines.empty() || round_.lines[current_].done()) {
        move(+1);
        return;
    }
    const auto& line = round_.lines[current_];
    const auto member = line.member.id;
    const auto name = line.member.name;
    const bool carriedLeftOut = editor_->hasUnconfirmedCarried();
    std::string aboutConcern;
    editor_->finishTyping();
    auto content = editor_->content();
    clearRefused(editor_->textField(), message_);
    if (!askFirst_.goesOn(practice::Practice::questionBeforeSigning(content),
                          std::to_string(member), message_,
                          text::tr("Press Ctrl+Enter again to sign it.")))
        return;
    if (!keepShared() || !keepBesideNote())
        return;
    if (!runGuarded(atNoteField_, [&] {
            practice_.signNote(session_, member, content);
            aboutConcern = showConcernsFromNote(practice_, *editor_, session_, member);
            editor_->markSaved();
            reload();
        }))
        return;
    const bool wasLast = current_ + 1 >= round_.lines.size();
    showMember(current_ + 1);
    std::string said = text::fill(text::tr("{1}'s note is signed."), {name});
    if (carriedLeftOut)
        said.append(" ").append(
            text::tr("The ratings carried forward were not confirmed, so they "
                     "were not kept."));
    if (!aboutConcern.empty())
        said.append(" ").append(aboutConcern);
    if (wasLast && round_.doneCount() == static_cast<int>(round_.lines.size()))
        said.append(" ").append(text::tr("Every note of this session is signed."));
    showInfo(message_, said);
}

void NotesRoundDialog::addCorrection() {
    if (round_.lines.empty())
        return;
    const auto member = round_.lines[current_].member.id;
    runGuarded(atNoteField_, [&] {
        practice_.amendNote(session_, member, editor_->correctionText(),
                            editor_->correctionReason());
        editor_->clearCorrection();
        reload();
        showMember(current_);
        showInfo(message_,
                 text::tr("Correction added. The signed note and the correction are both kept."));
    });
}

void NotesRoundDialog::onKey(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const bool ctrl = event.GetModifiers() == wxMOD_CONTROL;
    if (ctrl && (key == WXK_RETURN || key == WXK_NUMPAD_ENTER)) {
        signAndNext();
    } else if (ctrl && key == 'S') {
        saveAndNext();
    } else if (ctrl && key == 'K') {
        editor_->confirmCarried();
    } else if (ctrl && key >= '1' && key <= '4') {
        editor_->chooseParticipation(key - '0');
    } else if (event.GetModifiers() == wxMOD_ALT && key >= '1' && key <= '5') {
        showMood(mood_ == key - '0' ? 0 : key - '0');
    } else if (event.GetModifiers() == wxMOD_NONE && key == WXK_PAGEUP) {
        move(-1);
    } else if (event.GetModifiers() == wxMOD_NONE && key == WXK_PAGEDOWN) {
        move(+1);
    } else {
        event.Skip();  // everything else is typing
    }
}

void NotesRoundDialog::closeRound() {
    // Closing never loses what was typed: it is kept as a draft, or the round stays open
    // with the reason shown.
    if (keepTyped())
        EndModal(wxID_CLOSE);
}

}  // namespace roundtable::ui
