// Wording shared by the documents made from records: rates as "9 of 10 (90%)", a group's scores
// as a mean and a range, so that a register, a report and a screen say the same thing the same way
// (attendance in words is practice's, shared with the app: practice/Wording.h).
#pragma once

#include <string>

#include "practice/OutcomeSummary.h"
#include "records/Types.h"

namespace roundtable::documents {

/// "9 of 10 (90%)", the percentage rounded half up; "none held" when `of` is 0.
[[nodiscard]] std::string rateText(int present, int of);

/// A group's mean score to one decimal place, "6.5"; "" when no one was scored.
[[nodiscard]] std::string meanText(const practice::ScoreSpread& spread);
/// Its range, "4 to 9" (one score: "7"); "" when no one was scored.
[[nodiscard]] std::string rangeText(const practice::ScoreSpread& spread);

}  // namespace roundtable::documents
