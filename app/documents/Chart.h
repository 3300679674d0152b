// A chart as plain values: line charts of values over time points (ratings by date, scores by
// time point) and bar charts of rates (sessions attended of those delivered, by module). Each
// series has its own marker shape and dash, so that series are told apart in black and white
// and by people who do not see colours. ChartDrawing.h draws one onto any cairo context; a
// Document holds one as a block (never split over pages).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace roundtable::documents {

enum class ChartKind {
    line,  ///< categories (time points) along the bottom, values up the side
    bar,   ///< one bar per category, laid across so that long names read on one line or two
};

enum class Marker { circle, square, triangle, diamond, cross };
enum class Dash { solid, dashed, dotted, dashDot };

/// The spread behind a value of a line chart (a group's mean): its lowest and highest.
struct ChartRange {
    double low = 0.0;
    double high = 0.0;
};

struct ChartSeries {
    std::string name;  ///< in the legend
    /// One value per category, in order; none where nothing was recorded (the line breaks).
    std::vector<std::optional<double>> values;
    Marker marker = Marker::circle;
    Dash dash = Dash::solid;
    /// What a bar chart prints at the end of each bar ("8 of 10 (80%)"); empty: the value.
    std::vector<std::string> valueTexts;
    /// A line chart's range at each category, drawn as an upright bar from low to high with a
    /// cap at each end (a shape, not a colour); none where there is none. Empty: no ranges.
    std::vector<std::optional<ChartRange>> ranges;
};

/// A category picked out with a thin vertical rule and its label (a time point on a chart
/// of dates).
struct ChartMark {
    std::size_t category = 0;
    std::string label;
};

struct Chart {
    std::string title;
    ChartKind kind = ChartKind::line;
    /// The time points (or dates) of a line chart, left to right; the bars of a bar chart, top
    /// to bottom.
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;  ///< a bar chart has one
    double valueMin = 0.0;
    double valueMax = 1.0;
    std::string valueLabel;     ///< what the values are, printed above (line) or below (bar)
    std::string valueSuffix;    ///< after each tick's number, e.g. "%"
    std::string categoryLabel;  ///< what the categories are, printed under them; may be empty
    std::vector<ChartMark> marks;
    /// The height between a line chart's axes, in points, when it is printed (a bar chart's is
    /// a row per bar); title, labels and legend come on top of it (chartHeight).
    double plotHeight = 150.0;
};

/// The series' styles in the order charts give them: each pairs a marker with a dash.
[[nodiscard]] Marker markerFor(std::size_t series);
[[nodiscard]] Dash dashFor(std::size_t series);

/// Every text a reader sees on `chart`: its title, the value label, each category, the
/// category label, each mark's label, and a line chart's legend (each series' name) or a bar
/// chart's value texts. The ticks' numbers are left out: they follow from the range, which the
/// value label states.
[[nodiscard]] std::vector<std::string> textsOf(const Chart& chart);

}  // namespace roundtable::documents
