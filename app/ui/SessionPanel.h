// The session page: the session's plan as it stands (adapted for the group before it is delivered,
// AdaptPlanDialog, with who adapted it, when and why), its register (one line per member) and,
// beside them on two tabs, the progress note of the member selected in the register and the plan in
// full (the curriculum's content of the activity selected in the plan). Records damaged outside
// Roundtable are marked in the register and explained above what they concern. It offers the
// session's printed documents (printing/PageDocuments.h).
#pragma once

#include <wx/panel.h>

#include <utility>
#include <vector>

#include "documents/PictureSource.h"
#include "practice/Practice.h"
#include "printing/Printable.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

class wxButton;
class wxKeyEvent;
class wxCheckBox;
class wxDialog;
class wxWrapSizer;
class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class DamageNotice;
class NoteEditor;
class NotesRoundDialog;
class SessionContentView;

class SessionPanel : public wxPanel {
  public:
    explicit SessionPanel(wxWindow* parent);

    /// Shows the records of `practice` (nullptr: none). Drops everything shown, a note typed
    /// but not saved too: take that first (takeUnsavedNote).
    void attach(practice::Practice* practice);
    /// Opens a session; stays on the note being written when it cannot be saved first.
    void showSession(records::SessionId session);
    /// Saves a note typed but not yet saved (here or in the notes round) as a draft: before
    /// closing or switching, or when the server is back. Returns false, with the reason shown
    /// at the note, when it could not be saved; it stays in the editor.
    bool keepUnsavedNote();
    /// Takes a note typed but not yet saved out of the editor, or out of the notes round, which
    /// it closes (locking saves it through practice::Practice::lock); nothing when there is
    /// none.
    [[nodiscard]] std::optional<practice::UnsavedNote> takeUnsavedNote();
    /// The note typed in the page's editor (or the notes round's) and not yet saved, left there (a
    /// copy to keep while it cannot be saved); nothing when there is none.
    [[nodiscard]] std::optional<practice::UnsavedNote> typedNote() const;
    /// Opens a note that could not be saved again, unsaved, in the editor, saying so.
    void restoreUnsavedNote(const practice::UnsavedNote& note);
    [[nodiscard]] records::SessionId currentSession() const { return session_; }
    /// What can be printed from here: the facilitator's plan of the session shown; nothing
    /// when none is.
    [[nodiscard]] std::vector<printing::PrintableDocument> printables() const;
    /// Shows what another computer recorded meanwhile (marks, notes signed) in the register,
    /// leaving the selection and the note being written as they are.
    void showChangesFromElsewhere();
    /// Selects the register line of `member` (keyboard users and tests).
    void selectMember(records::MemberId member);
    /// Where the plan's pictograms are read from (the service's, once signed in).
    void usePictures(documents::PictureSource pictures);
    /// The curriculum's content of the activity chosen in the plan, or of the session.
    [[nodiscard]] SessionContentView* content() const { return content_; }

  private:
    void showHeader(const records::Session& session);
    /// Makes the register tall enough for the whole group, as far as twelve members.
    void fitRegisterToGroup();
    void reloadRegister();
    /// Writes the register's row `row` from lines_ (all but its code).
    void showLine(long row);
    void showSelectedNote();
    /// Brings the note's page forward beside the register.
    void showNotePage();
    /// The content of the activity selected in the plan, from the module version the session
    /// was planned from; with none selected, the session's objectives, materials and handout.
    void showPlanContent();
    /// Selects the register line of `member` without showing his note.
    void highlight(records::MemberId member);
    /// Records the mark for the member selected, with the reason and minutes typed; false
    /// when refused (shown at the field, where Enter then records it).
    bool mark(records::Attendance status);
    /// The minutes present typed (none when empty); a ValidationError when not a number.
    [[nodiscard]] std::optional<int> minutesTyped() const;
    /// A letter in the register marks the member chosen (P, L, E, A, U); false for any other
    /// key.
    bool markByKey(int key);
    void markEveryonePresent();
    void openNotesRound();
    void saveNote();
    void signNote();
    void addCorrection();
    /// Co-signs or returns the selected note (a clinical lead reviewing it).
    void reviewNote(records::ReviewOutcome outcome);
    /// The plan of a session not yet delivered, adapted for this group (AdaptPlanDialog).
    void adaptPlan();
    void markDelivered();
    void markNotHeld();
    /// Corrects whether the session took place, with the reason typed beside the buttons.
    void correctStatus(records::SessionStatus status);
    /// After a session that took place: each member's rating of it (SessionRatingsDialog).
    void rateSession();
    /// Session mode (SessionModeFrame) over the main window, for the session shown (F5).
    void openSessionMode();
    /// A key pressed anywhere in the main window: F5 opens session mode while this page shows.
    void onKeyInWindow(wxKeyEvent& event);
    /// One check box per person who can sign in, ticked for those recorded as running it.
    void showFacilitators(const records::Session& session);
    void recordFacilitators();
    [[nodiscard]] const practice::RegisterLine* selectedLine() const;
    void enableControls();

    practice::Practice* practice_ = nullptr;
    records::SessionId session_ = 0;
    records::MemberId noteMember_ = 0;  ///< whose note the editor shows
    records::SessionStatus status_ = records::SessionStatus::planned;
    records::Session shown_;  ///< the session as last read, for its printed plan
    bool sessionDamaged_ = false;
    std::vector<practice::RegisterLine> lines_;

    wxStaticText* header_;
    DamageNotice* sessionDamage_;
    DamageNotice* lineDamage_;  ///< the selected member's record or attendance mark
    wxListCtrl* plan_;
    wxStaticText* plannedFrom_ = nullptr;
    wxButton* compareButton_ = nullptr;
    wxButton* adaptButton_ = nullptr;
    wxDialog* openAdapt_ = nullptr;  ///< while the plan is being adapted over the page
    wxButton* sessionModeButton_ = nullptr;
    /// From the version planned to the newest; same() when there are no differences.
    curriculum::ModuleComparison differences_;
    wxListCtrl* register_;
    wxButton* everyoneButton_;
    std::vector<wxButton*> markButtons_;
    /// The mark chosen by a letter, waiting for the reason or minutes and Enter.
    std::optional<records::Attendance> pendingMark_;
    wxTextCtrl* reason_;
    wxTextCtrl* minutes_;
    wxButton* notesRoundButton_;
    NotesRoundDialog* openRound_ = nullptr;  ///< while the notes round is open over the page
    wxNotebook* sideBook_;                   ///< the note's page, and the plan in full
    SessionContentView* content_;
    wxStaticText* noteLabel_;
    NoteEditor* editor_;
    wxButton* saveNoteButton_;
    wxButton* signNoteButton_;
    wxButton* deliveredButton_;
    wxTextCtrl* notHeldReason_;
    wxButton* notHeldButton_;
    wxButton* ratingsButton_;
    wxWrapSizer* facilitatorRow_;
    std::vector<std::pair<wxCheckBox*, records::UserId>> facilitatorBoxes_;
    wxStaticText* message_;
    ShowFailure failure_;      ///< at the field named in a refusal, else in message_
    AskFirst askFirst_;        ///< before marking it held unrun, or signing an unrated note
    ShowFailure atNoteField_;  ///< at the note editor's field named in a refusal
};

}  // namespace roundtable::ui
