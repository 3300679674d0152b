// Tables give the exact numbers, charts the shape of them over time; both come from the one
// MemberProgress, so they cannot disagree. Charts sit two to a row when the page is wide
// enough, one under the other when it is not.
#include "ui/ProgressPanel.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "documents/ProgressCharts.h"
#include "documents/RecordText.h"
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
    scores_ = reportList(this, "progress-scores",
                         {{text::tr("Measure"), 240},
                          {text::tr("Time point"), 260},
                          {text::tr("Taken on"), 120},
                          {text::tr("Score"), 70}});
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
    sizer->Add(heading(this, trWx("Outcome measures")), flags);
    sizer->Add(scores_, flags);
    sizer->Add(scoreCharts_, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizer(sizer);

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
    scores_->DeleteAllItems();
    attendance_->setChart({});
    attendance_->Hide();
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
        noRatings_->Show(progress.indicators.empty());
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
    fitListToRows(scores_, kMostListRows, kLeastListWidth);
    FitInside();
    Layout();
}

}  // namespace roundtable::ui
