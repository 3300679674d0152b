// RecordText.h: rates in words.
#include "documents/RecordText.h"

namespace roundtable::documents {

std::string rateText(int present, int of) {
    if (of <= 0)
        return "none held";
    return std::to_string(present) + " of " + std::to_string(of) + " (" +
           std::to_string((present * 200 + of) / (2 * of)) + "%)";
}

}  // namespace roundtable::documents
