// The charts of a group's outcomes (practice/OutcomeSummary.h): each outcome measure's group
// mean across its time points with the range of the scores behind it, and the session rating's
// trend, the group's mean at each session and one member's ratings beside it.
#pragma once

#include <cstddef>

#include "documents/Chart.h"
#include "practice/Dates.h"
#include "practice/OutcomeSummary.h"

namespace roundtable::documents {

/// The group's mean at each of the measure's time points, an upright bar from its lowest to its
/// highest score, and how many were scored under each time point; a gap where no one was.
[[nodiscard]] Chart measureOutcomeChart(const practice::MeasureOutcome& measure);

/// The group's mean rating at each session that took place, with the range of the ratings.
[[nodiscard]] Chart groupRatingChart(const practice::RatingTrend& trend, practice::DateOrder dates);

/// Member `member` of `trend`'s ratings at the same sessions, beside the group's mean.
[[nodiscard]] Chart memberRatingChart(const practice::RatingTrend& trend, std::size_t member,
                                      practice::DateOrder dates);

}  // namespace roundtable::documents
