// RecordText.h: rates and a group's scores in words.
#include "documents/RecordText.h"

#include <cstdio>

#include "practice/RecordsToPrint.h"
#include "text/Translate.h"

namespace roundtable::documents {

std::string rateText(int present, int of) {
    if (of <= 0)
        return text::tr("none held");
    return text::fill(text::tr("{1} of {2} ({3}%)"),
                      {std::to_string(present), std::to_string(of),
                       std::to_string(practice::ratePercent(present, of))});
}

std::string meanText(const practice::ScoreSpread& spread) {
    if (spread.count == 0)
        return {};
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", spread.mean);
    return text;
}

std::string rangeText(const practice::ScoreSpread& spread) {
    if (spread.count == 0)
        return {};
    if (spread.min == spread.max)
        return std::to_string(spread.min);
    return text::fill(text::tr("{1} to {2}"),
                      {std::to_string(spread.min), std::to_string(spread.max)});
}

}  // namespace roundtable::documents
