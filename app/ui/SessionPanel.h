// The session page: the session's plan, its register (one line per member) and the
// progress note of the member selected in the register. Records damaged outside Roundtable
// are marked in the register and explained above what they concern.
#pragma once

#include <wx/panel.h>

#include <utility>
#include <vector>

#include "practice/Practice.h"

class wxButton;
class wxCheckBox;
class wxWrapSizer;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class DamageNotice;
class NoteEditor;

class SessionPanel : public wxPanel {
  public:
    explicit SessionPanel(wxWindow* parent);

    void attach(practice::Practice* practice);
    void showSession(records::SessionId session);
    /// Saves a note typed but not yet saved as a draft (before closing or switching).
    void keepUnsavedNote();
    [[nodiscard]] records::SessionId currentSession() const { return session_; }
    /// Selects the register line of `member` (keyboard users and tests).
    void selectMember(records::MemberId member);

  private:
    void showHeader(const records::Session& session);
    void reloadRegister();
    void showSelectedNote();
    void mark(records::Attendance status);
    void saveNote();
    void signNote();
    void addCorrection();
    void markDelivered();
    void markNotHeld();
    /// One check box per person who can sign in, ticked for those recorded as running it.
    void showFacilitators(const records::Session& session);
    void recordFacilitators();
    [[nodiscard]] const practice::RegisterLine* selectedLine() const;
    void enableControls();

    practice::Practice* practice_ = nullptr;
    records::SessionId session_ = 0;
    records::MemberId noteMember_ = 0;  ///< whose note the editor shows
    records::SessionStatus status_ = records::SessionStatus::planned;
    bool sessionDamaged_ = false;
    std::vector<practice::RegisterLine> lines_;

    wxStaticText* header_;
    DamageNotice* sessionDamage_;
    DamageNotice* lineDamage_;  ///< the selected member's record or attendance mark
    wxListCtrl* plan_;
    wxListCtrl* register_;
    std::vector<wxButton*> markButtons_;
    wxTextCtrl* reason_;
    wxStaticText* noteLabel_;
    NoteEditor* editor_;
    wxButton* saveNoteButton_;
    wxButton* signNoteButton_;
    wxButton* deliveredButton_;
    wxTextCtrl* notHeldReason_;
    wxButton* notHeldButton_;
    wxWrapSizer* facilitatorRow_;
    std::vector<std::pair<wxCheckBox*, records::UserId>> facilitatorBoxes_;
    wxStaticText* message_;
};

}  // namespace roundtable::ui
