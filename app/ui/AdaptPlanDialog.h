// The session page's "Adapt the plan...": the plan of a session not yet delivered, adapted for
// this group (issue 14, item 4). The activities as the plan now stands, in a list: Move up and
// Move down (Alt+Up, Alt+Down) change the order, the chosen one's minutes and the guidance added
// for this group are edited below it, with the activities' total against the session's length;
// a reason is required. Ctrl+Enter or OK saves (Enter in a multi-line field is a new line), Esc
// leaves. Layout and transfer only: the checks are Practice::adaptPlan's, shown at the refused
// field. The curriculum is not changed, nor is the plan as first made (the store keeps both).
#pragma once

#include <wx/dialog.h>

#include <vector>

#include "practice/Practice.h"

class wxButton;
class wxKeyEvent;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

/// A list of a plan's activities, one row each: minutes, title and kind (the session page's
/// plan, and this dialog's).
[[nodiscard]] wxListCtrl* planList(wxWindow* parent, const char* name);
/// Fills `list` (made by planList) with the activities of `plan`.
void showPlan(wxListCtrl* list, const std::vector<records::PlanStep>& plan);

class AdaptPlanDialog : public wxDialog {
  public:
    /// `session` as the page last read it (with its plan as it stands); `practice` records the
    /// plan as adapted.
    AdaptPlanDialog(wxWindow* parent, practice::Practice& practice,
                    const records::Session& session);

    /// Records the plan as adapted; false (the dialog stays open) with the reason at its field.
    bool TransferDataFromWindow() override;

  private:
    /// The row chosen in the list; -1 when none is.
    [[nodiscard]] long chosen() const;
    /// Fills the list from rows_, with the row at `place` chosen.
    void showRows(long place);
    /// The chosen activity's minutes and added guidance in their fields.
    void showChosen();
    /// The minutes in their field, into the chosen row and the list.
    void takeMinutes();
    /// The activities' minutes added up, against the session's length.
    void showTotal();
    /// Moves the chosen activity one place earlier (-1) or later (+1), keeping it chosen.
    void move(int by);
    void onKey(wxKeyEvent& event);

    practice::Practice& practice_;
    records::SessionId session_;
    int sessionMinutes_;
    std::vector<records::PlanStep> rows_;  ///< the plan as it will be saved, in its order
    wxListCtrl* list_;
    wxButton* up_;
    wxButton* down_;
    wxSpinCtrl* minutes_;
    wxTextCtrl* guidance_;
    wxStaticText* total_;
    wxTextCtrl* reason_;
    wxStaticText* message_;
};

}  // namespace roundtable::ui
