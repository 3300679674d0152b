// The tables give the exact numbers and the charts their shape, as on screen; both come from
// the one summary (practice/OutcomeSummary.h), so paper and screen cannot disagree.
#include "documents/GroupOutcomesReport.h"

#include <algorithm>

#include "documents/GroupCharts.h"
#include "documents/RecordText.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

bool anyoneScored(const practice::MeasureOutcome& measure) {
    return std::any_of(measure.timePoints.begin(), measure.timePoints.end(),
                       [](const auto& point) { return point.scores.count > 0; });
}

void addMeasures(std::vector<Block>& blocks, const practice::GroupOutcomeSummary& summary) {
    blocks.push_back(Heading{text::tr("Outcome measures"), 2, {}});
    if (summary.measures.empty()) {
        blocks.push_back(Paragraph{text::tr("The programme names no outcome measures."), {}});
        return;
    }
    blocks.push_back(Paragraph{
        text::tr("Each member's newest score at each time point, corrections applied."), {}});
    Table table{{{text::tr("Measure"), 3.5, false},
                 {text::tr("Time point"), 6.0, false},
                 {text::tr("Scored"), 1.5, true},
                 {text::tr("Mean"), 1.5, true},
                 {text::tr("Range"), 2.0, true}},
                {},
                false};
    std::string notScored;
    for (const auto& measure : summary.measures) {
        for (const auto& point : measure.timePoints) {
            // The measure named once, over its time points: the table reads in blocks.
            const bool first = &point == &measure.timePoints.front();
            table.rows.push_back({first ? measure.name : std::string(), point.label,
                                  std::to_string(point.scores.count), meanText(point.scores),
                                  rangeText(point.scores)});
        }
        if (!anyoneScored(measure))
            notScored.append(notScored.empty() ? "" : ", ").append(measure.name);
    }
    blocks.push_back(std::move(table));
    // A chart for each measure with a score; an empty chart would say nothing.
    for (const auto& measure : summary.measures) {
        if (anyoneScored(measure))
            blocks.push_back(measureOutcomeChart(measure));
    }
    if (!notScored.empty()) {
        blocks.push_back(
            Paragraph{text::fill(text::tr("No one is scored yet on: {1}."), {notScored}), {}});
    }
}

void addRatings(std::vector<Block>& blocks, const practice::RatingTrend& trend,
                practice::DateOrder dates) {
    blocks.push_back(Heading{text::fill(text::tr("Session ratings: {1}"), {trend.name}), 2, {}});
    if (trend.sessions.empty()) {
        blocks.push_back(Paragraph{text::tr("No session of this group has taken place yet."), {}});
        return;
    }
    blocks.push_back(groupRatingChart(trend, dates));
    Table table{{{text::tr("Date"), 3.0, false},
                 {text::tr("Session"), 7.0, false},
                 {text::tr("Rated"), 1.5, true},
                 {text::tr("Mean"), 1.5, true},
                 {text::tr("Range"), 2.0, true}},
                {},
                false};
    for (const auto& at : trend.sessions) {
        table.rows.push_back({practice::formatDate(at.session.date, dates), at.session.title,
                              std::to_string(at.ratings.count), meanText(at.ratings),
                              rangeText(at.ratings)});
    }
    blocks.push_back(std::move(table));
}

}  // namespace

Document groupOutcomesReport(const practice::GroupOutcomeSummary& summary, records::Date madeOn,
                             practice::DateOrder dates) {
    Document document;
    document.typography = Typography::standard;
    document.confidential = true;
    document.title = text::fill(text::tr("Outcomes: {1}"), {summary.outcomes.group.name});
    auto& blocks = document.blocks;
    blocks.push_back(Heading{document.title, 1, {}});
    blocks.push_back(Paragraph{
        text::tr("This report is confidential. It gives the group's figures only: no member is "
                 "named or given by code. Outcome measures are named, never their questions."),
        {}});
    blocks.push_back(
        Paragraph{std::to_string(summary.outcomes.members.size()), text::tr("Members:")});
    blocks.push_back(Paragraph{practice::formatDate(madeOn, dates), text::tr("Made on:")});
    addMeasures(blocks, summary);
    if (summary.ratings)
        addRatings(blocks, *summary.ratings, dates);
    return document;
}

}  // namespace roundtable::documents
