// As on the member's charts, every value shown is one recorded: a time point or session with no
// score is a gap in the line. The range is drawn as a shape (a capped bar), never by colour.
#include "documents/GroupCharts.h"

#include <algorithm>

#include "text/Translate.h"

namespace roundtable::documents {
namespace {

/// A chart of values on the scale `min` to `max` of a measure, named `name`.
Chart onScale(const std::string& name, int min, int max, bool higherIsBetter, const char* what) {
    Chart chart;
    chart.title = name;
    chart.valueMin = min;
    chart.valueMax = std::max(max, min + 1);
    chart.valueLabel =
        text::fill(text::tr(what), {std::to_string(min), std::to_string(max)}) + " " +
        (higherIsBetter ? text::tr("(higher is better)") : text::tr("(higher is worse)"));
    return chart;
}

/// An empty series named `name` (marked with trLater), in the style of series `index`.
ChartSeries seriesNamed(const char* name, std::size_t index) {
    return {text::tr(name), {}, markerFor(index), dashFor(index), {}, {}};
}

void addSpread(ChartSeries& series, const practice::ScoreSpread& spread) {
    if (spread.count == 0) {
        series.values.emplace_back();
        series.ranges.emplace_back();
        return;
    }
    series.values.emplace_back(spread.mean);
    series.ranges.emplace_back(
        ChartRange{static_cast<double>(spread.min), static_cast<double>(spread.max)});
}

std::vector<std::string> sessionDates(const practice::RatingTrend& trend,
                                      practice::DateOrder dates) {
    std::vector<std::string> categories;
    for (const auto& at : trend.sessions)
        categories.push_back(practice::formatDate(at.session.date, dates));
    return categories;
}

}  // namespace

Chart measureOutcomeChart(const practice::MeasureOutcome& measure) {
    auto chart = onScale(measure.name, measure.min, measure.max, measure.higherIsBetter,
                         text::trLater("Score, from {1} to {2}"));
    chart.categoryLabel = text::tr("Time point (how many were scored)");
    auto series = seriesNamed(text::trLater("Group mean; the bar runs from the lowest score to the "
                                            "highest"),
                              0);
    for (const auto& point : measure.timePoints) {
        chart.categories.push_back(
            text::fill(text::tr("{1} ({2})"), {point.label, std::to_string(point.scores.count)}));
        addSpread(series, point.scores);
    }
    chart.series.push_back(std::move(series));
    return chart;
}

Chart groupRatingChart(const practice::RatingTrend& trend, practice::DateOrder dates) {
    auto chart = onScale(text::fill(text::tr("{1}: the group"), {trend.name}), trend.min, trend.max,
                         trend.higherIsBetter, text::trLater("Rating, from {1} to {2}"));
    chart.categoryLabel = text::tr("Session date");
    chart.categories = sessionDates(trend, dates);
    auto series =
        seriesNamed(text::trLater("Group mean; the bar runs from the lowest rating to the "
                                  "highest"),
                    0);
    for (const auto& at : trend.sessions)
        addSpread(series, at.ratings);
    chart.series.push_back(std::move(series));
    return chart;
}

Chart memberRatingChart(const practice::RatingTrend& trend, std::size_t member,
                        practice::DateOrder dates) {
    const auto& rated = trend.members.at(member);
    auto chart = onScale(text::fill(text::tr("{1}: {2}"),
                                    {trend.name, rated.member.code + "  " + rated.member.name}),
                         trend.min, trend.max, trend.higherIsBetter,
                         text::trLater("Rating, from {1} to {2}"));
    chart.categoryLabel = text::tr("Session date");
    chart.categories = sessionDates(trend, dates);
    auto his = seriesNamed(text::trLater("His rating"), 0);
    auto group = seriesNamed(text::trLater("Group mean"), 1);
    for (const auto& at : trend.sessions) {
        auto found =
            std::find_if(rated.ratings.begin(), rated.ratings.end(),
                         [&](const auto& rating) { return rating.date == at.session.date; });
        his.values.push_back(found == rated.ratings.end() ? std::nullopt
                                                          : std::optional<double>(found->rating));
        group.values.push_back(at.ratings.count > 0 ? std::optional(at.ratings.mean)
                                                    : std::nullopt);
    }
    chart.series.push_back(std::move(his));
    chart.series.push_back(std::move(group));
    return chart;
}

}  // namespace roundtable::documents
