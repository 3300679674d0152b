// RecordText.h: rates in words.
#include "documents/RecordText.h"

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

}  // namespace roundtable::documents
