// Every value a chart shows is one recorded: a date he was not rated on is a gap in the line,
// not a guess between two ratings.
#include "documents/ProgressCharts.h"

#include <algorithm>
#include <set>

#include "documents/RecordText.h"
#include "text/Translate.h"

namespace roundtable::documents {

Chart attendanceChart(const std::vector<practice::ModuleAttendance>& modules) {
    Chart chart;
    chart.title = text::tr("Sessions attended of those delivered, by module");
    chart.kind = ChartKind::bar;
    chart.valueMin = 0.0;
    chart.valueMax = 100.0;
    chart.valueSuffix = std::string(1, '%');  // not = "%": GCC 12 warns (-Wrestrict)
    chart.valueLabel = text::tr("Percent of the sessions delivered while he was a member");
    ChartSeries series;
    series.name = text::tr("Attended");
    for (const auto& module : modules) {
        chart.categories.push_back(module.title);
        series.values.push_back(module.delivered > 0
                                    ? std::optional(100.0 * module.attended / module.delivered)
                                    : std::nullopt);
        series.valueTexts.push_back(rateText(module.attended, module.delivered));
    }
    chart.series.push_back(std::move(series));
    return chart;
}

Chart indicatorChart(const std::vector<practice::IndicatorProgress>& indicators,
                     practice::DateOrder dates) {
    Chart chart;
    if (indicators.empty())
        return chart;
    chart.title =
        text::fill(text::tr("{1}: progress indicators"), {indicators.front().moduleTitle});
    std::set<records::Date> rated;
    int low = indicators.front().scaleMin;
    int high = indicators.front().scaleMax;
    for (const auto& indicator : indicators) {
        low = std::min(low, indicator.scaleMin);
        high = std::max(high, indicator.scaleMax);
        for (const auto& rating : indicator.ratings)
            rated.insert(rating.date);
    }
    const std::vector<records::Date> days(rated.begin(), rated.end());
    for (const auto& day : days)
        chart.categories.push_back(practice::formatDate(day, dates));
    chart.categoryLabel = text::tr("Session date");
    chart.valueMin = low;
    chart.valueMax = std::max(high, low + 1);
    chart.valueLabel = text::fill(text::tr("Rating, from {1} to {2}"),
                                  {std::to_string(low), std::to_string(high)});
    for (std::size_t i = 0; i < indicators.size(); ++i) {
        ChartSeries series{indicators[i].label, {}, markerFor(i), dashFor(i), {}, {}};
        series.values.assign(days.size(), std::nullopt);
        for (const auto& [date, rating] : indicators[i].ratings) {
            const auto at = std::lower_bound(days.begin(), days.end(), date) - days.begin();
            series.values[static_cast<std::size_t>(at)] = rating;
        }
        chart.series.push_back(std::move(series));
    }
    return chart;
}

std::vector<Chart> indicatorCharts(const std::vector<practice::IndicatorProgress>& indicators,
                                   practice::DateOrder dates) {
    std::vector<Chart> charts;
    for (auto start = indicators.begin(); start != indicators.end();) {
        auto end = std::find_if(start, indicators.end(), [&](const auto& indicator) {
            return indicator.moduleId != start->moduleId;
        });
        charts.push_back(indicatorChart({start, end}, dates));
        start = end;
    }
    return charts;
}

Chart scoreChart(const practice::MeasureProgress& measure, practice::DateOrder dates) {
    Chart chart;
    chart.title = measure.name;
    chart.valueMin = measure.min;
    chart.valueMax = std::max(measure.max, measure.min + 1);
    chart.valueLabel = text::fill(text::tr("Score, from {1} to {2}"),
                                  {std::to_string(measure.min), std::to_string(measure.max)});
    std::set<std::string> points;
    for (const auto& score : measure.scores)
        points.insert(score.timePoint);
    // A time point taken more than once (every session) is told apart by its date.
    const bool byDate = points.size() < measure.scores.size();
    chart.categoryLabel = byDate ? text::tr("Date taken") : text::tr("Time point");
    ChartSeries series{measure.higherIsBetter ? text::tr("His score (higher is better)")
                                              : text::tr("His score (higher is worse)"),
                       {},
                       markerFor(0),
                       dashFor(0),
                       {},
                       {}};
    for (const auto& score : measure.scores) {
        chart.categories.push_back(byDate ? practice::formatDate(score.takenOn, dates)
                                          : score.timePointLabel);
        series.values.push_back(score.score);
    }
    chart.series.push_back(std::move(series));
    return chart;
}

Chart moodChart(const std::vector<practice::DatedRating>& moods, practice::DateOrder dates) {
    Chart chart;
    chart.title = text::tr("His mood at the check-in");
    chart.valueMin = 1;
    chart.valueMax = 5;
    chart.valueLabel = text::tr("Mood, from 1 (sad) to 5 (happy)");
    chart.categoryLabel = text::tr("Session");
    ChartSeries series{text::tr("His mood"), {}, markerFor(0), dashFor(0), {}, {}};
    for (const auto& mood : moods) {
        chart.categories.push_back(practice::formatDate(mood.date, dates));
        series.values.push_back(mood.rating);
    }
    chart.series.push_back(std::move(series));
    return chart;
}

}  // namespace roundtable::documents
