// Tables give the exact numbers, charts the shape of them over time; both come from the one
// MemberProgress, so they cannot disagree. Charts sit two to a row when the page is wide
// enough, one under the other when it is not.
#include "ui/ProgressPanel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "documents/ProgressCharts.h"
#include "documents/RecordText.h"
#include "practice/Wording.h"
#include "text/Translate.h"
#include "ui/ChartView.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

constexpr int kChartGap = 8;
constexpr int kChartCell = 440;  ///< logical pixels a chart needs beside another
constexpr int kMostListRows = 12;
constexpr int kLeastListWidth = 320;

}  // namespace

ProgressPanel::ProgressPanel(wxWindow* parent)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL) {
    SetName("member-progress");
    SetScrollRate(0, 16);
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("progress-message");
    explanation_ = trWx(
        "Delivered: the sessions held while he was a member, and any he has a mark at. "
        "Attended: present, late or left early. Ratings come from signed notes only.");
    explained_ = new wxStaticText(this, wxID_ANY, explanation_);
    modules_ = reportList(this, "progress-modules",
                          {{text::tr("Module"), 240},
                           {text::tr("Attended"), 80},
                           {text::tr("Delivered"), 80},
                           {text::tr("Rate"), 120}});
    attendance_ = new ChartView(this, "attendance-chart");
    noRatings_ = new wxStaticText(
        this, wxID_ANY, trWx("No progress indicators are rated in his signed notes yet."));
    milestoneList_ = reportList(this, "progress-milestones",
                                {{text::tr("Milestone"), 380},
                                 {text::tr("Reached on"), 120},
                                 {text::tr("Recorded by"), 120},
                                 {text::tr("Note"), 260}});
    milestoneChoice_ = new wxChoice(this, wxID_ANY);
    milestoneChoice_->SetName("milestone");
    milestoneDate_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
    milestoneDate_->SetName("milestone-date");
    milestoneNote_ = new wxTextCtrl(this, wxID_ANY);
    milestoneNote_->SetName("milestone-note");
    milestoneNote_->SetHint(trWx("A note about it (optional)"));
    recordMilestone_ = new wxButton(this, wxID_ANY, trWx("Record &milestone"));
    recordMilestone_->SetName("record-milestone");
    withdrawReason_ = new wxTextCtrl(this, wxID_ANY);
    withdrawReason_->SetName("milestone-reason");
    withdrawReason_->SetHint(trWx("If a record is a mistake: choose it above and say why"));
    withdrawMilestone_ = new wxButton(this, wxID_ANY, trWx("&Withdraw the chosen record"));
    withdrawMilestone_->SetName("withdraw-milestone");
    scores_ = reportList(this, "progress-scores",
                         {{text::tr("Measure"), 240},
                          {text::tr("Time point"), 260},
                          {text::tr("Taken on"), 120},
                          {text::tr("Score"), 70}});
    mood_ = new ChartView(this, "mood-chart");
    tasksHeading_ = heading(this, trWx("Between-sessions tasks"));
    tasks_ = reportList(this, "progress-tasks",
                        {{text::tr("Set on"), 120},
                         {text::tr("Task"), 360},
                         {text::tr("How it went"), 100},
                         {text::tr("Said on"), 120},
                         {text::tr("In his words"), 220}});
    indicatorCharts_ = new wxGridSizer(2, kChartGap, kChartGap);
    scoreCharts_ = new wxGridSizer(2, kChartGap, kChartGap);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto flags = wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8);
    sizer->Add(message_, flags);
    sizer->Add(explained_, flags);
    sizer->Add(heading(this, trWx("Sessions by module")), flags);
    sizer->Add(modules_, flags);
    sizer->Add(attendance_, flags);
    sizer->Add(heading(this, trWx("Progress indicators")), flags);
    sizer->Add(noRatings_, flags);
    sizer->Add(indicatorCharts_, flags);
    sizer->Add(mood_, flags);
    sizer->Add(tasksHeading_, flags);
    sizer->Add(tasks_, flags);
    sizer->Add(heading(this, trWx("Outcome measures")), flags);
    sizer->Add(scores_, flags);
    sizer->Add(scoreCharts_, flags);
    sizer->Add(heading(this, trWx("Milestones")), flags);
    sizer->Add(milestoneList_, flags);
    auto* recordRow = new wxBoxSizer(wxHORIZONTAL);
    recordRow->Add(new wxStaticText(this, wxID_ANY, trWx("Reached on:")),
                   wxSizerFlags().CentreVertical().Border(wxRIGHT, 6));
    recordRow->Add(milestoneDate_, wxSizerFlags().CentreVertical().Border(wxRIGHT, 6));
    recordRow->Add(milestoneNote_, wxSizerFlags(1).CentreVertical().Border(wxRIGHT, 6));
    recordRow->Add(recordMilestone_, wxSizerFlags().CentreVertical());
    auto* withdrawRow = new wxBoxSizer(wxHORIZONTAL);
    withdrawRow->Add(withdrawReason_, wxSizerFlags(1).CentreVertical().Border(wxRIGHT, 6));
    withdrawRow->Add(withdrawMilestone_, wxSizerFlags().CentreVertical());
    sizer->Add(milestoneChoice_, flags);
    sizer->Add(recordRow, flags);
    sizer->Add(withdrawRow, wxSizerFlags().Expand().Border(wxALL, 8));

    SetSizer(sizer);

    recordMilestone_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { recordMilestone(); });
    withdrawMilestone_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { withdrawMilestone(); });
    submitOnEnter({milestoneNote_}, recordMilestone_);
    submitOnEnter({withdrawReason_}, withdrawMilestone_);

    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        // The explanation wraps to the page, which never scrolls across.
        const int width = GetClientSize().x - 16;
        if (width > 100 && width != wrappedAt_) {
            wrappedAt_ = width;
            explained_->SetLabel(explanation_);
            explained_->Wrap(width);
        }
        const int columns = GetClientSize().x >= 2 * kChartCell ? 2 : 1;
        if (static_cast<wxGridSizer*>(indicatorCharts_)->GetCols() != columns) {
            static_cast<wxGridSizer*>(indicatorCharts_)->SetCols(columns);
            static_cast<wxGridSizer*>(scoreCharts_)->SetCols(columns);
            FitInside();
        }
        event.Skip();
    });
    clear();
}

void ProgressPanel::clear() {
    shown_ = false;
    message_->SetLabel(wxEmptyString);
    modules_->DeleteAllItems();
    milestoneList_->DeleteAllItems();
    milestoneChoice_->Clear();
    milestones_.clear();
    scores_->DeleteAllItems();
    attendance_->setChart({});
    attendance_->Hide();
    mood_->setChart({});
    mood_->Hide();
    tasks_->DeleteAllItems();
    tasks_->Hide();
    tasksHeading_->Hide();
    noRatings_->Hide();
    showCharts(indicatorCharts_, indicatorViews_, {}, "indicator-chart");
    showCharts(scoreCharts_, scoreViews_, {}, "score-chart");
    FitInside();
    Layout();
}

void ProgressPanel::showCharts(wxSizer* sizer, std::vector<ChartView*>& views,
                               const std::vector<documents::Chart>& charts, const char* name) {
    sizer->Clear(true);  // the views go with their sizer items
    views.clear();
    for (const auto& chart : charts) {
        auto* view = new ChartView(
            this, wxString::Format("%s-%d", name, static_cast<int>(views.size()) + 1));
        view->setChart(chart);
        sizer->Add(view, wxSizerFlags(1).Expand());
        views.push_back(view);
    }
}

void ProgressPanel::showMember(practice::Practice& practice, records::MemberId member) {
    clear();
    practice_ = &practice;
    member_ = member;
    const auto showFailure = [this](const Failure& failure) {
        message_->SetLabel(toWx(warned(failure.message)));
        message_->Wrap(std::max(GetClientSize().x - 16, 300));
    };
    runGuarded(showFailure, [&] {
        const auto progress = practice.memberProgress(member);
        const auto dates = practice.dateOrder();
        long row = 0;
        for (const auto& module : progress.modules) {
            long at = modules_->InsertItem(row++, toWx(module.title));
            modules_->SetItem(at, 1, wxString::Format("%d", module.attended));
            modules_->SetItem(at, 2, wxString::Format("%d", module.delivered));
            modules_->SetItem(at, 3, toWx(documents::rateText(module.attended, module.delivered)));
        }
        if (!progress.modules.empty()) {
            attendance_->setChart(documents::attendanceChart(progress.modules));
            attendance_->Show();
        }
        milestones_ = progress.milestones;
        for (const auto& milestone : milestones_) {
            long at =
                milestoneList_->InsertItem(milestoneList_->GetItemCount(), toWx(milestone.label));
            if (milestone.reached) {
                milestoneList_->SetItem(
                    at, 1, toWx(practice::formatDate(milestone.reached->reachedOn, dates)));
                milestoneList_->SetItem(at, 2, toWx(milestone.reached->recordedBy));
                milestoneList_->SetItem(at, 3, toWx(milestone.reached->note));
            } else {
                milestoneList_->SetItem(at, 1, trWx("not yet"));
            }
            milestoneChoice_->Append(toWx(milestone.label));
        }
        milestoneChoice_->SetSelection(milestones_.empty() ? wxNOT_FOUND : 0);
        noRatings_->Show(progress.indicators.empty());
        mood_->Show(!progress.moods.empty());
        if (!progress.moods.empty())
            mood_->setChart(documents::moodChart(progress.moods, dates));
        for (const auto& [setOn, task, reviewedOn] : progress.tasks) {
            long at = tasks_->InsertItem(tasks_->GetItemCount(),
                                         toWx(practice::formatDate(setOn, dates)));
            tasks_->SetItem(at, 1, toWx(task.text));
            tasks_->SetItem(at, 2,
                            task.review ? toWx(practice::taskOutcomeInWords(task.review->outcome))
                                        : trWx("not said yet"));
            if (reviewedOn)
                tasks_->SetItem(at, 3, toWx(practice::formatDate(*reviewedOn, dates)));
            if (task.review)
                tasks_->SetItem(at, 4, toWx(task.review->comment));
        }
        tasks_->Show(!progress.tasks.empty());
        tasksHeading_->Show(!progress.tasks.empty());
        showCharts(indicatorCharts_, indicatorViews_,
                   documents::indicatorCharts(progress.indicators, dates), "indicator-chart");
        row = 0;
        std::vector<documents::Chart> scoreCharts;
        for (const auto& measure : progress.measures) {
            for (const auto& score : measure.scores) {
                long at = scores_->InsertItem(row++, toWx(measure.name));
                scores_->SetItem(at, 1, toWx(score.timePointLabel));
                scores_->SetItem(at, 2, toWx(practice::formatDate(score.takenOn, dates)));
                scores_->SetItem(at, 3, wxString::Format("%d", score.score));
            }
            scoreCharts.push_back(documents::scoreChart(measure, dates));
        }
        showCharts(scoreCharts_, scoreViews_, scoreCharts, "score-chart");
        if (progress.modules.empty() && progress.indicators.empty() && progress.measures.empty())
            message_->SetLabel(trWx("Nothing is recorded about him yet."));
        shown_ = true;
    });
    fitListToRows(modules_, kMostListRows, kLeastListWidth);
    fitListToRows(milestoneList_, kMostListRows, kLeastListWidth);
    fitListToRows(scores_, kMostListRows, kLeastListWidth);
    fitListToRows(tasks_, kMostListRows, kLeastListWidth);
    for (wxWindow* control :
         {static_cast<wxWindow*>(milestoneChoice_), static_cast<wxWindow*>(milestoneDate_),
          static_cast<wxWindow*>(milestoneNote_), static_cast<wxWindow*>(recordMilestone_),
          static_cast<wxWindow*>(withdrawReason_), static_cast<wxWindow*>(withdrawMilestone_)})
        control->Enable(shown_ && !milestones_.empty());
    FitInside();
    Layout();
}

void ProgressPanel::recordMilestone() {
    const int chosen = milestoneChoice_->GetSelection();
    if (!practice_ || chosen < 0 || chosen >= static_cast<int>(milestones_.size()))
        return;
    const auto milestone = milestones_[static_cast<std::size_t>(chosen)].milestoneId;
    clearRefused(milestoneDate_, message_);
    auto* practice = practice_;
    const auto member = member_;
    if (!runGuarded(atNamedField(this, message_), [&] {
            practice->recordMilestone(member, milestone,
                                      pickedDate(milestoneDate_->GetValue()).iso(),
                                      fromWx(milestoneNote_->GetValue()));
        }))
        return;
    milestoneNote_->Clear();
    // Shown again where it was: the person is at the milestones, at the foot of the page.
    const auto at = GetViewStart();
    showMember(*practice, member);
    Scroll(at);
    showInfo(message_, text::tr("Milestone recorded."));
}

void ProgressPanel::withdrawMilestone() {
    const long row = milestoneList_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (!practice_)
        return;
    if (row < 0 || row >= static_cast<long>(milestones_.size()) ||
        !milestones_[static_cast<std::size_t>(row)].reached) {
        showRefused(milestoneList_, message_,
                    text::tr("Choose a milestone he has reached in the list first."));
        return;
    }
    const auto record = milestones_[static_cast<std::size_t>(row)].reached->id;
    clearRefused(withdrawReason_, message_);
    auto* practice = practice_;
    const auto member = member_;
    if (!runGuarded(atNamedField(this, message_), [&] {
            practice->withdrawMilestone(member, record, fromWx(withdrawReason_->GetValue()));
        }))
        return;
    withdrawReason_->Clear();
    // Shown again where it was: the person is at the milestones, at the foot of the page.
    const auto at = GetViewStart();
    showMember(*practice, member);
    Scroll(at);
    showInfo(message_, text::tr("The record is withdrawn; it is kept, marked as withdrawn."));
}

}  // namespace roundtable::ui
