// The notes round's between-sessions rows for the man shown (issue 14, item 11): how his last
// task went, said at this session's check-in (done, partly or not done, and a few words), and
// the task he takes away from this session, in the programme's words until changed for him.
// Each row shows only when it applies. Keeping goes through practice::Practice, which writes
// nothing that is unchanged.
#pragma once

#include <wx/panel.h>

#include "practice/Practice.h"
#include "ui/Guarded.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class TaskRow : public wxPanel {
  public:
    explicit TaskRow(wxWindow* parent);
    /// Shows his tasks in the round (`offer`: what this session sets, if anything).
    void show(const practice::RoundLine& line, const std::optional<practice::TaskOffer>& offer);
    /// Shows nothing (the round closing).
    void clear();
    /// Keeps how his last task went (once chosen) and his task from this session; false, with
    /// the reason shown by `failure`, when refused.
    bool keep(practice::Practice& practice, records::SessionId session, records::MemberId member,
              const ShowFailure& failure);
    /// The control a refused field ("task", "task-review") belongs to, else nullptr.
    [[nodiscard]] wxWindow* fieldFor(const std::string& field) const;

  private:
    std::optional<practice::TaskProgress> toReview_;
    bool offered_ = false;

    wxStaticText* reviewLabel_;
    wxChoice* outcome_;
    wxTextCtrl* comment_;
    wxStaticText* taskLabel_;
    wxTextCtrl* task_;
};

}  // namespace roundtable::ui
