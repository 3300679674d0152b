// The table gives the exact numbers, the charts their shape across the year; both come from the
// one summary. The charts take the page's width, one under another, so that the time points'
// long names read in full; the page scrolls down, never across.
#include "ui/GroupOutcomesDialog.h"

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "documents/GroupCharts.h"
#include "documents/RecordText.h"
#include "text/Translate.h"
#include "ui/ChartView.h"
#include "ui/CsvExportButton.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

constexpr int kMostListRows = 16;
constexpr int kLeastListWidth = 320;

}  // namespace

GroupOutcomesDialog::GroupOutcomesDialog(wxWindow* parent, practice::Practice& practice,
                                         practice::GroupOutcomeSummary summary)
    : wxDialog(parent, wxID_ANY,
               toWx(text::fill(text::tr("Outcomes: {1}"), {summary.outcomes.group.name})),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      summary_(std::move(summary)),
      dates_(practice.dateOrder()) {
    SetName("group-outcomes-dialog");
    auto* page = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    page->SetName("group-outcomes-page");
    page->SetScrollRate(0, 16);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto flags = wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8);

    sizer->Add(heading(page, trWx("Outcome measures")), flags);
    sizer->Add(new wxStaticText(page, wxID_ANY,
                                trWx("Each member's newest score at each time point, corrections "
                                     "applied.")),
               flags);
    auto* table = reportList(page, "outcome-summary",
                             {{text::tr("Measure"), 220},
                              {text::tr("Time point"), 280},
                              {text::tr("Scored"), 70},
                              {text::tr("Mean"), 70},
                              {text::tr("Range"), 100}});
    long row = 0;
    for (const auto& measure : summary_.measures) {
        for (const auto& point : measure.timePoints) {
            // The measure named once, over its time points: the table reads in blocks.
            const bool first = &point == &measure.timePoints.front();
            const long at = table->InsertItem(row++, first ? toWx(measure.name) : wxString());
            table->SetItem(at, 1, toWx(point.label));
            table->SetItem(at, 2, wxString::Format("%d", point.scores.count));
            table->SetItem(at, 3, toWx(documents::meanText(point.scores)));
            table->SetItem(at, 4, toWx(documents::rangeText(point.scores)));
        }
    }
    fitListToRows(table, kMostListRows, kLeastListWidth);
    sizer->Add(table, flags);
    // A chart for each measure with a score; an empty chart would only push the others down.
    int chartNumber = 0;
    std::string notScored;
    for (const auto& measure : summary_.measures) {
        if (std::none_of(measure.timePoints.begin(), measure.timePoints.end(),
                         [](const auto& point) { return point.scores.count > 0; })) {
            notScored.append(notScored.empty() ? "" : ", ").append(measure.name);
            continue;
        }
        auto* chart = new ChartView(page, wxString::Format("outcome-chart-%d", ++chartNumber));
        chart->setChart(documents::measureOutcomeChart(measure));
        sizer->Add(chart, flags);
    }
    if (!notScored.empty()) {
        auto* none = new wxStaticText(
            page, wxID_ANY,
            toWx(text::fill(text::tr("No one is scored yet on: {1}."), {notScored})));
        none->SetName("outcomes-not-scored");
        sizer->Add(none, flags);
    }

    if (const auto& trend = summary_.ratings) {
        sizer->Add(heading(page, toWx(text::fill(text::tr("Session ratings: {1}"), {trend->name}))),
                   flags);
        auto* groupChart = new ChartView(page, "rating-group-chart");
        groupChart->setChart(documents::groupRatingChart(*trend, dates_));
        sizer->Add(groupChart, flags);
        if (trend->sessions.empty()) {
            sizer->Add(new wxStaticText(page, wxID_ANY,
                                        trWx("No session of this group has taken place yet.")),
                       flags);
        }
        member_ = new wxChoice(page, wxID_ANY);
        member_->SetName("rating-member");
        for (const auto& rated : trend->members)
            member_->Append(toWx(rated.member.code + "  " + rated.member.name));
        auto* memberRow = new wxBoxSizer(wxHORIZONTAL);
        memberRow->Add(new wxStaticText(page, wxID_ANY, trWx("Member:")),
                       wxSizerFlags().CentreVertical().Border(wxRIGHT, 8));
        memberRow->Add(member_, wxSizerFlags().CentreVertical());
        sizer->Add(memberRow, flags);
        memberChart_ = new ChartView(page, "rating-member-chart");
        sizer->Add(memberChart_, flags);
        member_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { showMember(); });
        if (!trend->members.empty()) {
            member_->SetSelection(0);
            showMember();
        }
        member_->Enable(!trend->members.empty());
    }
    sizer->AddSpacer(8);
    page->SetSizer(sizer);

    auto* message = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message->SetName("group-outcomes-message");
    auto* exportButton = new CsvExportButton(
        this, practice, [this] { return practice::outcomesExport(summary_.outcomes); }, message);
    // The same tables and charts on paper: the dialog closes and the print preview opens on
    // them (the Group page offers them under File too).
    auto* print = printPreviewButton(this, "outcomes-print-preview");
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(exportButton, wxSizerFlags().CentreVertical());
    buttons->Add(print, wxSizerFlags().CentreVertical().Border(wxLEFT, 8));
    buttons->AddStretchSpacer();
    buttons->Add(CreateStdDialogButtonSizer(wxCLOSE), wxSizerFlags().CentreVertical());
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(page, wxSizerFlags(1).Expand());
    outer->Add(message, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    outer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizer(outer);
    SetEscapeId(wxID_CLOSE);
    // As large as the main window: a year of sessions is wide.
    sizeToMainWindow(this, 0.95, 0.9);
    page->FitInside();
}

void GroupOutcomesDialog::showMember() {
    const int chosen = member_->GetSelection();
    if (chosen == wxNOT_FOUND || !memberChart_)
        return;
    memberChart_->setChart(
        documents::memberRatingChart(*summary_.ratings, static_cast<std::size_t>(chosen), dates_));
    memberChart_->GetParent()->Layout();
    static_cast<wxScrolledWindow*>(memberChart_->GetParent())->FitInside();
}

}  // namespace roundtable::ui
