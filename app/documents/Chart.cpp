// The series' styles and the texts of a chart (what Document's textsOf lists for it).
#include "documents/Chart.h"

#include <array>

namespace roundtable::documents {

Marker markerFor(std::size_t series) {
    constexpr std::array kMarkers{Marker::circle, Marker::square, Marker::triangle, Marker::diamond,
                                  Marker::cross};
    return kMarkers[series % kMarkers.size()];
}

Dash dashFor(std::size_t series) {
    // Four dashes against five markers: pairs do not repeat until the twentieth series.
    constexpr std::array kDashes{Dash::solid, Dash::dashed, Dash::dotted, Dash::dashDot};
    return kDashes[series % kDashes.size()];
}

std::vector<std::string> textsOf(const Chart& chart) {
    std::vector<std::string> texts;
    auto add = [&](const std::string& text) {
        if (!text.empty())
            texts.push_back(text);
    };
    add(chart.title);
    add(chart.valueLabel);
    for (const auto& category : chart.categories)
        add(category);
    add(chart.categoryLabel);
    for (const auto& mark : chart.marks)
        add(mark.label);
    for (const auto& series : chart.series) {
        if (chart.kind == ChartKind::line)
            add(series.name);  // a bar chart has one series and no legend
        else
            for (const auto& text : series.valueTexts)
                add(text);
    }
    return texts;
}

}  // namespace roundtable::documents
