// A chart is measured and drawn by one class, so that chartHeight and drawChart agree on every
// part's size. Series differ in marker and dash first; colour (a palette that colour-blind
// readers can tell apart) only adds to that, and a page printed in black and white loses
// nothing. Where series meet at the same value their markers would hide one another, so each
// series is drawn a little to the side of the category.
#include "documents/ChartDrawing.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "documents/Typesetter.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

constexpr double kSmallRatio = 0.85;  ///< tick and axis labels, of the body size
constexpr double kLineWidth = 1.6;
constexpr double kAxisWidth = 0.9;
constexpr double kGridWidth = 0.5;
constexpr double kAxisGrey = 0.25;
constexpr double kGridGrey = 0.82;
constexpr double kMarkGrey = 0.45;
constexpr double kBarGrey = 0.62;
constexpr double kTickLength = 4.0;
constexpr double kSampleWidth = 34.0;  ///< a legend entry's line
constexpr int kMostLabelLines = 3;
constexpr double kBarRowRatio = 2.2;  ///< a bar's row, of the body size

struct Ink {
    double r, g, b;
};
// Okabe and Ito's palette, darkest first, for readers who do not tell red from green.
constexpr std::array<Ink, 5> kInks{{{0.0, 0.0, 0.0},
                                    {0.0, 0.447, 0.698},
                                    {0.835, 0.369, 0.0},
                                    {0.0, 0.62, 0.451},
                                    {0.8, 0.475, 0.655}}};

void setGrey(cairo_t* cr, double grey) {
    cairo_set_source_rgb(cr, grey, grey, grey);
}

void line(cairo_t* cr, double x0, double y0, double x1, double y1) {
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
}

void setDash(cairo_t* cr, Dash dash) {
    const double* pattern = nullptr;
    int count = 0;
    static constexpr double kDashed[] = {6.0, 3.5};
    static constexpr double kDotted[] = {1.2, 2.8};
    static constexpr double kDashDot[] = {7.0, 2.5, 1.2, 2.5};
    switch (dash) {
        case Dash::solid:
            break;
        case Dash::dashed:
            pattern = kDashed;
            count = 2;
            break;
        case Dash::dotted:
            pattern = kDotted;
            count = 2;
            break;
        case Dash::dashDot:
            pattern = kDashDot;
            count = 4;
            break;
    }
    cairo_set_dash(cr, pattern, count, 0.0);
}

/// A marker centred on (x, y), `size` points across: filled, with a white rim so that a line
/// running through it does not blur its shape.
void drawMarker(cairo_t* cr, Marker marker, double x, double y, double size) {
    const double r = size / 2.0;
    cairo_save(cr);
    cairo_set_dash(cr, nullptr, 0, 0.0);
    cairo_new_path(cr);
    switch (marker) {
        case Marker::circle:
            cairo_arc(cr, x, y, r, 0.0, 2.0 * M_PI);
            break;
        case Marker::square:
            cairo_rectangle(cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
            break;
        case Marker::triangle:
            cairo_move_to(cr, x, y - r * 1.15);
            cairo_line_to(cr, x + r * 1.1, y + r * 0.8);
            cairo_line_to(cr, x - r * 1.1, y + r * 0.8);
            cairo_close_path(cr);
            break;
        case Marker::diamond:
            cairo_move_to(cr, x, y - r * 1.25);
            cairo_line_to(cr, x + r * 1.0, y);
            cairo_line_to(cr, x, y + r * 1.25);
            cairo_line_to(cr, x - r * 1.0, y);
            cairo_close_path(cr);
            break;
        case Marker::cross:
            cairo_set_line_width(cr, size / 3.5);
            line(cr, x - r, y - r, x + r, y + r);
            line(cr, x - r, y + r, x + r, y - r);
            cairo_restore(cr);
            return;
    }
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 1.0, 1.0, 1.0);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/// A step of 1, 2 or 5 times a power of ten that gives at most six ticks over `range`.
double tickStep(double range) {
    const double rough = range / 5.0;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (double multiple : {1.0, 2.0, 5.0}) {
        if (multiple * power >= rough - 1e-9)
            return multiple * power;
    }
    return 10.0 * power;
}

std::string tickText(double value, double step, const std::string& suffix) {
    char text[32];
    const bool whole = std::abs(step - std::round(step)) < 1e-9;
    // Not "-0": a tick computed as a tiny negative number is zero.
    std::snprintf(text, sizeof text, whole ? "%.0f" : "%.1f", std::abs(value) < 1e-9 ? 0.0 : value);
    return std::string(text).append(suffix);
}

void show(cairo_t* cr, const SharedLayout& layout, double x, double y) {
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
}

class ChartPainter {
  public:
    ChartPainter(const Chart& chart, double width, Typography typography)
        : chart_(chart),
          style_(styleOf(typography)),
          typesetter_(style_),
          small_(style_.bodySize * kSmallRatio),
          width_(width) {
        check();
        title_ = layout(chart.title, Face::sansBold, style_.bodySize, width);
        if (!chart.valueLabel.empty())
            valueLabel_ = layout(chart.valueLabel, Face::sans, small_, width);
        if (!chart.categoryLabel.empty())
            categoryLabel_ =
                layout(chart.categoryLabel, Face::sans, small_, width, TextShape::centredOnWidth());
        for (double value = std::ceil(chart.valueMin / step_ - 1e-9) * step_;
             value <= chart.valueMax + 1e-9; value += step_) {
            ticks_.push_back({value, layout(tickText(value, step_, chart.valueSuffix), Face::sans,
                                            small_, width, TextShape{})});
            tickWidth_ = std::max(tickWidth_, widthOf(ticks_.back().text.get()));
            tickHeight_ = std::max(tickHeight_, heightOf(ticks_.back().text.get()));
        }
        if (chart.kind == ChartKind::line)
            measureLine();
        else
            measureBars();
    }

    /// Everything but the plot's own height.
    [[nodiscard]] double fixedHeight() const { return fixed_; }
    [[nodiscard]] double naturalPlotHeight() const {
        return chart_.kind == ChartKind::line
                   ? chart_.plotHeight
                   : static_cast<double>(chart_.categories.size()) * style_.bodySize * kBarRowRatio;
    }

    void draw(cairo_t* cr, const Box& box) const {
        cairo_save(cr);
        setGrey(cr, 0.0);
        double y = box.y;
        show(cr, title_, box.x, y);
        y += heightOf(title_.get()) + gap();
        const double plotHeight = std::max(box.height - fixed_, 2.0 * small_);
        if (chart_.kind == ChartKind::line)
            drawLine(cr, box, y, plotHeight);
        else
            drawBars(cr, box, y, plotHeight);
        cairo_restore(cr);
    }

  private:
    struct Tick {
        double value;
        SharedLayout text;
    };
    struct LegendEntry {
        SharedLayout text;
        double x, y, height;  ///< from the legend's top-left corner
    };

    void check() {
        const auto refuse = [this](const std::string& why) {
            throw DocumentError(text::fill(text::tr("The chart \"{1}\" cannot be drawn: {2}"),
                                           {chart_.title, why}));
        };
        if (!(chart_.valueMax > chart_.valueMin))
            refuse(text::tr("its values have no range."));
        if (chart_.kind == ChartKind::bar && chart_.series.size() != 1)
            refuse(text::tr("a bar chart has one series."));
        for (const auto& series : chart_.series) {
            if (series.values.size() != chart_.categories.size())
                refuse(text::tr("a series has not one value for each category."));
            if (!series.ranges.empty() && series.ranges.size() != chart_.categories.size())
                refuse(text::tr("a series has not one range for each category."));
        }
        step_ = tickStep(chart_.valueMax - chart_.valueMin);
    }

    [[nodiscard]] SharedLayout layout(const std::string& text, Face face, double size, double width,
                                      const TextShape& shape = {}) const {
        return typesetter_.layout(text, face, size, std::max(width, 1.0), shape);
    }
    [[nodiscard]] double gap() const { return small_ * 0.6; }

    /// Every how many ticks a label fits, when the ticks along `length` are `each` apart at
    /// the least: on a small chart every second or fifth tick is labelled, not all overprinted.
    [[nodiscard]] std::size_t labelStride(double length, double each) const {
        if (ticks_.size() < 2)
            return 1;
        const double apart = length / static_cast<double>(ticks_.size() - 1);
        for (std::size_t stride : {1, 2, 5}) {
            if (apart * static_cast<double>(stride) >= each)
                return stride;
        }
        return ticks_.size();
    }
    [[nodiscard]] double markerSize() const { return small_ * 0.75; }

    /// The widest word of `text`: a label must be at least as wide, not to break a word.
    [[nodiscard]] double widestWord(const std::string& text) const {
        std::istringstream words(text);
        std::string word;
        double widest = 0.0;
        while (words >> word)
            widest = std::max(widest, widthOf(layout(word, Face::sans, small_, 1e6).get()));
        return widest;
    }

    // A line chart: title, value label, plot with its ticks on the left, category labels
    // under it (every one, or every second, third... when they would not fit), the category
    // label, and the legend.

    void measureLine() {
        const double plotLeft = tickWidth_ + kTickLength + gap();
        const auto count = chart_.categories.size();
        spacing_ = count == 0 ? width_ : (width_ - plotLeft) / static_cast<double>(count);
        for (stride_ = 1; stride_ < std::max<std::size_t>(count, 1); ++stride_) {
            if (labelsFit(stride_))
                break;
        }
        labels_.assign(count, nullptr);
        for (std::size_t i = 0; i < count; i += stride_) {
            labels_[i] = layout(chart_.categories[i], Face::sans, small_, labelWidth(),
                                TextShape::centredOnWidth());
            labelBand_ = std::max(labelBand_, heightOf(labels_[i].get()));
        }
        for (const auto& mark : chart_.marks)
            markLabels_.push_back(layout(mark.label, Face::sans, small_ * 0.9, spacing_ * 3.0));
        measureLegend();
        fixed_ = heightOf(title_.get()) + gap() +
                 (valueLabel_ ? heightOf(valueLabel_.get()) : 0.0) + gap() + tickHeight_ / 2.0 +
                 kTickLength + gap() + labelBand_ +
                 (categoryLabel_ ? gap() + heightOf(categoryLabel_.get()) : 0.0) +
                 (legendHeight_ > 0.0 ? 2.0 * gap() + legendHeight_ : 0.0);
    }

    [[nodiscard]] double labelWidth() const {
        return spacing_ * static_cast<double>(stride_) - small_ * 0.5;
    }

    [[nodiscard]] bool labelsFit(std::size_t stride) const {
        const double width = spacing_ * static_cast<double>(stride) - small_ * 0.5;
        for (std::size_t i = 0; i < chart_.categories.size(); i += stride) {
            const auto& text = chart_.categories[i];
            if (widestWord(text) > width)
                return false;
            auto set = layout(text, Face::sans, small_, width);
            if (pango_layout_get_line_count(set.get()) > kMostLabelLines)
                return false;
        }
        return true;
    }

    /// Entries in two columns when there is room, each its sample line and marker, then its
    /// name wrapped beside it.
    void measureLegend() {
        if (chart_.series.empty())
            return;
        const int columns = chart_.series.size() > 1 && width_ >= 20.0 * style_.bodySize ? 2 : 1;
        const double column = width_ / columns;
        const double textWidth = column - kSampleWidth - 2.0 * gap();
        double rowTop = 0.0;
        double rowHeight = 0.0;
        for (std::size_t i = 0; i < chart_.series.size(); ++i) {
            const auto at = static_cast<int>(i) % columns;
            if (at == 0 && i > 0) {
                rowTop += rowHeight + gap() / 2.0;
                rowHeight = 0.0;
            }
            auto text = layout(chart_.series[i].name, Face::sans, small_, textWidth);
            const double height = heightOf(text.get());
            legend_.push_back({text, at * column, rowTop, height});
            rowHeight = std::max(rowHeight, height);
        }
        legendHeight_ = rowTop + rowHeight;
    }

    [[nodiscard]] Ink inkOf(std::size_t series) const {
        return chart_.series.size() == 1 ? kInks[0] : kInks[series % kInks.size()];
    }

    void strokeSeriesStyle(cairo_t* cr, std::size_t series) const {
        const auto ink = inkOf(series);
        cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
        cairo_set_line_width(cr, kLineWidth);
        setDash(cr, chart_.series[series].dash);
    }

    void drawLine(cairo_t* cr, const Box& box, double y, double plotHeight) const {
        if (valueLabel_) {
            show(cr, valueLabel_, box.x, y);
            y += heightOf(valueLabel_.get());
        }
        const double top = y + gap() + tickHeight_ / 2.0;
        const double bottom = top + plotHeight;
        const double left = box.x + tickWidth_ + kTickLength + gap();
        const double right = box.x + box.width;
        const auto valueY = [&](double value) {
            return bottom -
                   (value - chart_.valueMin) / (chart_.valueMax - chart_.valueMin) * (bottom - top);
        };
        const auto categoryX = [&](std::size_t i) {
            return left + (static_cast<double>(i) + 0.5) * spacing_;
        };
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        const auto every = labelStride(bottom - top, tickHeight_ * 1.1);
        for (std::size_t t = 0; t < ticks_.size(); ++t) {
            const auto& tick = ticks_[t];
            const double at = valueY(tick.value);
            setGrey(cr, kGridGrey);
            cairo_set_line_width(cr, kGridWidth);
            line(cr, left, at, right, at);
            setGrey(cr, kAxisGrey);
            cairo_set_line_width(cr, kAxisWidth);
            line(cr, left - kTickLength, at, left, at);
            if (t % every != 0)
                continue;
            setGrey(cr, 0.0);
            show(cr, tick.text, left - kTickLength - gap() / 2.0 - widthOf(tick.text.get()),
                 at - heightOf(tick.text.get()) / 2.0);
        }
        for (std::size_t m = 0; m < chart_.marks.size(); ++m) {
            if (chart_.marks[m].category >= chart_.categories.size())
                continue;
            const double x = categoryX(chart_.marks[m].category);
            setGrey(cr, kMarkGrey);
            cairo_set_line_width(cr, kGridWidth);
            setDash(cr, Dash::dotted);
            line(cr, x, top, x, bottom);
            cairo_set_dash(cr, nullptr, 0, 0.0);
            show(cr, markLabels_[m], x + gap() / 2.0, top);
        }
        setGrey(cr, kAxisGrey);
        cairo_set_line_width(cr, kAxisWidth);
        line(cr, left, top, left, bottom);
        line(cr, left, bottom, right, bottom);
        double labelTop = bottom + kTickLength + gap();
        double lastLabelEnd = -1e9;
        for (std::size_t i = 0; i < labels_.size(); ++i) {
            const double x = categoryX(i);
            setGrey(cr, kAxisGrey);
            line(cr, x, bottom, x, bottom + kTickLength);
            if (!labels_[i])
                continue;
            const double width = labelWidth();
            const double at = std::clamp(x - width / 2.0, box.x, right - width);
            // A label moved in from the edge could run into the one before it: left out then.
            PangoRectangle text;
            pango_layout_get_extents(labels_[i].get(), nullptr, &text);
            const double textStart = at + pango_units_to_double(text.x);
            if (textStart < lastLabelEnd + gap())
                continue;
            lastLabelEnd = textStart + pango_units_to_double(text.width);
            setGrey(cr, 0.0);
            show(cr, labels_[i], at, labelTop);
        }
        labelTop += labelBand_;
        if (categoryLabel_) {
            labelTop += gap();
            setGrey(cr, 0.0);
            show(cr, categoryLabel_, box.x, labelTop);
            labelTop += heightOf(categoryLabel_.get());
        }
        // Markers of series at the same value side by side rather than on top of one another.
        const double nudge = std::min(
            markerSize() * 0.85, spacing_ / (3.0 * std::max<double>(1.0, chart_.series.size())));
        for (std::size_t s = 0; s < chart_.series.size(); ++s) {
            const auto& series = chart_.series[s];
            const double offset =
                (static_cast<double>(s) - (static_cast<double>(chart_.series.size()) - 1.0) / 2.0) *
                nudge;
            strokeSeriesStyle(cr, s);
            bool drawing = false;
            for (std::size_t i = 0; i < series.values.size(); ++i) {
                if (!series.values[i]) {
                    drawing = false;  // nothing recorded: the line breaks rather than guess
                    continue;
                }
                const double x = categoryX(i) + offset;
                const double at = valueY(*series.values[i]);
                if (drawing)
                    cairo_line_to(cr, x, at);
                else
                    cairo_move_to(cr, x, at);
                drawing = true;
            }
            cairo_stroke(cr);
            for (std::size_t i = 0; i < series.ranges.size(); ++i) {
                if (const auto& range = series.ranges[i])
                    drawRange(cr, categoryX(i) + offset, valueY(range->low), valueY(range->high));
            }
            for (std::size_t i = 0; i < series.values.size(); ++i) {
                if (series.values[i])
                    drawMarker(cr, series.marker, categoryX(i) + offset, valueY(*series.values[i]),
                               markerSize());
            }
        }
        if (!legend_.empty())
            drawLegend(cr, box.x, labelTop + 2.0 * gap());
    }

    /// A range as an upright bar at `x` from `lowY` to `highY`, capped at both ends, solid
    /// whatever the series' dash: read as "from here to here" in black and white.
    void drawRange(cairo_t* cr, double x, double lowY, double highY) const {
        const double cap = markerSize() * 0.6;
        cairo_save(cr);
        cairo_set_dash(cr, nullptr, 0, 0.0);
        cairo_set_line_width(cr, kLineWidth * 0.75);
        line(cr, x, lowY, x, highY);
        line(cr, x - cap, lowY, x + cap, lowY);
        line(cr, x - cap, highY, x + cap, highY);
        cairo_restore(cr);
    }

    void drawLegend(cairo_t* cr, double x, double y) const {
        for (std::size_t s = 0; s < legend_.size(); ++s) {
            const auto& entry = legend_[s];
            const auto first = pango_layout_get_line_readonly(entry.text.get(), 0);
            PangoRectangle logical;
            pango_layout_line_get_extents(first, nullptr, &logical);
            const double middle = y + entry.y + pango_units_to_double(logical.height) / 2.0;
            strokeSeriesStyle(cr, s);
            line(cr, x + entry.x, middle, x + entry.x + kSampleWidth, middle);
            const auto& ranges = chart_.series[s].ranges;
            if (std::any_of(ranges.begin(), ranges.end(),
                            [](const auto& r) { return r.has_value(); })) {
                // The sample's range: a bar as tall as the legend's line, so the name explains it.
                const double half = pango_units_to_double(logical.height) / 2.0;
                drawRange(cr, x + entry.x + kSampleWidth / 2.0, middle + half, middle - half);
            }
            drawMarker(cr, chart_.series[s].marker, x + entry.x + kSampleWidth / 2.0, middle,
                       markerSize());
            setGrey(cr, 0.0);
            show(cr, entry.text, x + entry.x + kSampleWidth + gap(), y + entry.y);
        }
    }

    // A bar chart: title, then a row per category (its name on the left, the bar, its value
    // text at the end of the bar), the ticks under them and the value label.

    void measureBars() {
        double longest = 0.0;
        for (const auto& category : chart_.categories)
            longest = std::max(longest, widthOf(layout(category, Face::sans, small_, 1e6).get()));
        nameWidth_ = std::min(longest, width_ * 0.38);
        for (const auto& category : chart_.categories)
            labels_.push_back(layout(category, Face::sans, small_, nameWidth_));
        const auto& series = chart_.series.front();
        for (std::size_t i = 0; i < series.values.size(); ++i) {
            std::string text = i < series.valueTexts.size() ? series.valueTexts[i] : std::string();
            if (text.empty() && series.values[i])
                text = tickText(*series.values[i], step_, chart_.valueSuffix);
            valueTexts_.push_back(layout(text, Face::sans, small_, 1e6));
            valueWidth_ = std::max(valueWidth_, widthOf(valueTexts_.back().get()));
        }
        // The value label is centred under the plot, so wrapped to the plot's width.
        if (valueLabel_) {
            valueLabel_ = layout(chart_.valueLabel, Face::sans, small_,
                                 width_ - nameWidth_ - valueWidth_ - 2.0 * gap(),
                                 TextShape::centredOnWidth());
        }
        fixed_ = heightOf(title_.get()) + gap() + kTickLength + gap() / 2.0 + tickHeight_ +
                 (valueLabel_ ? gap() / 2.0 + heightOf(valueLabel_.get()) : 0.0);
    }

    void drawBars(cairo_t* cr, const Box& box, double top, double plotHeight) const {
        const double left = box.x + nameWidth_ + gap();
        const double right = box.x + box.width - valueWidth_ - gap();
        const double bottom = top + plotHeight;
        const auto valueX = [&](double value) {
            return left + (std::clamp(value, chart_.valueMin, chart_.valueMax) - chart_.valueMin) /
                              (chart_.valueMax - chart_.valueMin) * (right - left);
        };
        const auto every = labelStride(right - left, tickWidth_ + gap());
        for (std::size_t t = 0; t < ticks_.size(); ++t) {
            const auto& tick = ticks_[t];
            const double at = valueX(tick.value);
            setGrey(cr, kGridGrey);
            cairo_set_line_width(cr, kGridWidth);
            line(cr, at, top, at, bottom);
            setGrey(cr, kAxisGrey);
            cairo_set_line_width(cr, kAxisWidth);
            line(cr, at, bottom, at, bottom + kTickLength);
            if (t % every != 0)
                continue;
            setGrey(cr, 0.0);
            const double width = widthOf(tick.text.get());
            show(cr, tick.text, std::clamp(at - width / 2.0, box.x, box.x + box.width - width),
                 bottom + kTickLength + gap() / 2.0);
        }
        const auto count = chart_.categories.size();
        const double row = count == 0 ? plotHeight : plotHeight / static_cast<double>(count);
        const double thickness = std::min(row * 0.6, style_.bodySize * 1.4);
        const auto& series = chart_.series.front();
        for (std::size_t i = 0; i < count; ++i) {
            const double middle = top + (static_cast<double>(i) + 0.5) * row;
            setGrey(cr, 0.0);
            show(cr, labels_[i], box.x, middle - heightOf(labels_[i].get()) / 2.0);
            double end = left;
            if (series.values[i]) {
                end = valueX(*series.values[i]);
                cairo_rectangle(cr, left, middle - thickness / 2.0, end - left, thickness);
                setGrey(cr, kBarGrey);
                cairo_fill_preserve(cr);
                setGrey(cr, kAxisGrey);
                cairo_set_line_width(cr, kGridWidth);
                cairo_stroke(cr);
            }
            setGrey(cr, 0.0);
            show(cr, valueTexts_[i], end + gap() / 2.0,
                 middle - heightOf(valueTexts_[i].get()) / 2.0);
        }
        setGrey(cr, kAxisGrey);
        cairo_set_line_width(cr, kAxisWidth);
        line(cr, left, top, left, bottom);
        line(cr, left, bottom, right, bottom);
        if (valueLabel_) {
            setGrey(cr, 0.0);
            show(cr, valueLabel_, left, bottom + kTickLength + gap() + tickHeight_);
        }
    }

    const Chart& chart_;
    const Style& style_;
    Typesetter typesetter_;
    double small_;
    double width_;
    double step_ = 1.0;
    SharedLayout title_, valueLabel_, categoryLabel_;
    std::vector<Tick> ticks_;
    double tickWidth_ = 0.0, tickHeight_ = 0.0;
    std::vector<SharedLayout> labels_;  ///< a line chart's shown category labels; a bar's names
    double spacing_ = 0.0;
    std::size_t stride_ = 1;
    double labelBand_ = 0.0;
    std::vector<SharedLayout> markLabels_;
    std::vector<LegendEntry> legend_;
    double legendHeight_ = 0.0;
    double nameWidth_ = 0.0;
    std::vector<SharedLayout> valueTexts_;
    double valueWidth_ = 0.0;
    double fixed_ = 0.0;
};

}  // namespace

double chartHeight(const Chart& chart, double width, Typography typography) {
    ChartPainter painter(chart, width, typography);
    return painter.fixedHeight() + painter.naturalPlotHeight();
}

void drawChart(cairo_t* cr, const Chart& chart, const Box& box, Typography typography) {
    ChartPainter(chart, box.width, typography).draw(cr, box);
}

}  // namespace roundtable::documents
