// The notes round (issue 14): after the register, one window goes from member to member of
// those who were there, for a note each, by keyboard alone. Each shows his previous note
// (read-only, folded away when not wanted), last session's ratings carried forward until
// confirmed, and how many notes are signed. Ctrl+Enter signs and moves on, Ctrl+S keeps the
// draft and moves on, Page Up / Page Down move between members keeping what was typed, Ctrl+K
// confirms the carried ratings and Ctrl+1 to Ctrl+4 choose how he took part. Layout and
// transfer only: what a note may hold is checked by practice::Practice.
#pragma once

#include <wx/dialog.h>

#include "documents/PictureSource.h"
#include "practice/Practice.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

class wxBitmapToggleButton;
class wxCollapsiblePane;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class NoteEditor;
class TaskRow;

class NotesRoundDialog : public wxDialog {
  public:
    /// Opens on `startAt` when he is in the round, else on the first man without a signed note.
    /// The check-in's mood pictures come from `pictures` (the service's programme).
    NotesRoundDialog(wxWindow* parent, practice::Practice& practice, records::SessionId session,
                     records::MemberId startAt, const documents::PictureSource& pictures);
    /// The member shown when the round was closed (for the session page to select).
    [[nodiscard]] records::MemberId memberShown() const;
    /// Locking: closes the round, its notes leaving the screen, and hands over what was typed
    /// and not saved (practice::Practice::lock saves it as a draft).
    [[nodiscard]] std::optional<practice::UnsavedNote> closeForLock();
    /// The note typed for the man shown and not yet saved, left there (a copy to keep while
    /// it cannot be saved); nothing when there is none.
    [[nodiscard]] std::optional<practice::UnsavedNote> typedNote() const;
    /// Keeps what was typed for the man shown as a draft; false (with the reason shown, and
    /// the round staying on him) when it could not be saved.
    bool keepTyped();

  private:
    void reload();
    void showMember(std::size_t index);
    /// Keeps what the group did, when it was changed or (its first draft from the plan) not yet
    /// written: before a note of the session is kept, so that every note has it.
    bool keepShared();
    /// Keeps the check-in mood and word chosen for the man shown, when they differ from what is
    /// recorded; false (with the reason shown) when refused.
    bool keepCheckIn();
    /// Keeps his check-in and between-sessions tasks (keepCheckIn, TaskRow::keep).
    bool keepBesideNote();
    /// Shows `mood` (0: none) as the one pressed of the five.
    void showMood(int mood);
    /// Moves the jottings of the man shown into his draft (before it is shown).
    void useJottings();
    void move(int step);
    void saveAndNext();
    void signAndNext();
    void addCorrection();
    /// The round's keys, seen before the focused field handles them.
    void onKey(wxKeyEvent& event);
    void closeRound();

    practice::Practice& practice_;
    records::SessionId session_;
    practice::NotesRound round_;
    std::size_t current_ = 0;

    wxStaticText* position_;
    wxStaticText* progress_;
    wxCollapsiblePane* sharedPane_;
    wxTextCtrl* shared_;
    bool sharedWritten_ = false;
    wxCollapsiblePane* previousPane_;
    wxTextCtrl* previous_;
    std::vector<wxBitmapToggleButton*> moods_;
    wxStaticText* moodChosen_;  ///< the chosen picture's word: a pressed button is only shading
    wxTextCtrl* moodWord_;
    int mood_ = 0;    ///< chosen for the man shown, 1-5; 0 when none
    TaskRow* tasks_;  ///< his last task and the one from this session
    NoteEditor* editor_;
    wxStaticText* message_;
    AskFirst askFirst_;  ///< before signing a note with nothing rated
    ShowFailure atNoteField_;
};

}  // namespace roundtable::ui
