// The Progress tab of the member page: his attendance by module (a table and its bars), his
// progress-indicator ratings over time (a chart per module), the programme's milestones (when he
// reached each and who recorded it, with a place to record one or withdraw a mistaken record) and
// his outcome scores (a table and a chart per measure), all from
// practice::Practice::memberProgress. Loaded when the tab is looked at, so that the audit log
// records a look at his progress only when there was one.
#pragma once

#include <wx/scrolwin.h>

#include <vector>

#include "documents/Chart.h"
#include "practice/Practice.h"

class wxButton;
class wxChoice;
class wxDatePickerCtrl;
class wxListCtrl;
class wxTextCtrl;
class wxSizer;
class wxStaticText;

namespace roundtable::ui {

class ChartView;

class ProgressPanel : public wxScrolledWindow {
  public:
    explicit ProgressPanel(wxWindow* parent);

    /// Shows the progress of `member` (audited), or why it cannot be shown.
    void showMember(practice::Practice& practice, records::MemberId member);
    /// Shows nothing (no member open, or the database locked).
    void clear();
    [[nodiscard]] bool showsMember() const { return shown_; }

  private:
    void recordMilestone();
    void withdrawMilestone();

    /// A chart for each of `charts` in two columns under `sizer`, named `name`-1, -2...
    void showCharts(wxSizer* sizer, std::vector<ChartView*>& views,
                    const std::vector<documents::Chart>& charts, const char* name);

    bool shown_ = false;
    practice::Practice* practice_ = nullptr;
    records::MemberId member_;
    std::vector<practice::MilestoneProgress> milestones_;  ///< as listed
    wxStaticText* message_;
    wxString explanation_;
    wxStaticText* explained_;
    int wrappedAt_ = -1;
    wxListCtrl* modules_;
    ChartView* attendance_;
    ChartView* mood_;  ///< shown once he has a check-in
    wxStaticText* tasksHeading_;
    wxListCtrl* tasks_;  ///< his between-sessions tasks, shown once he has one
    wxStaticText* noRatings_;
    wxSizer* indicatorCharts_;
    std::vector<ChartView*> indicatorViews_;
    wxListCtrl* milestoneList_;
    wxChoice* milestoneChoice_;
    wxDatePickerCtrl* milestoneDate_;
    wxTextCtrl* milestoneNote_;
    wxButton* recordMilestone_;
    wxTextCtrl* withdrawReason_;
    wxButton* withdrawMilestone_;
    wxListCtrl* scores_;
    wxSizer* scoreCharts_;
    std::vector<ChartView*> scoreViews_;
};

}  // namespace roundtable::ui
