// The charts of a member's progress (practice/MemberProgress.h), one set for his page in the
// app and his printed report: his attendance by module as bars, each module's indicator
// ratings over the session dates, and each outcome measure's scores across its time points.
#pragma once

#include <vector>

#include "documents/Chart.h"
#include "practice/Dates.h"
#include "practice/MemberProgress.h"

namespace roundtable::documents {

/// A bar per module: the share of its delivered sessions he attended, "8 of 10 (80%)" beside it.
[[nodiscard]] Chart attendanceChart(const std::vector<practice::ModuleAttendance>& modules);

/// A line per indicator of one module (`indicators` all of one module), over the dates rated.
[[nodiscard]] Chart indicatorChart(const std::vector<practice::IndicatorProgress>& indicators,
                                   practice::DateOrder dates);
/// indicatorChart for each module in `indicators`, in their order.
[[nodiscard]] std::vector<Chart> indicatorCharts(
    const std::vector<practice::IndicatorProgress>& indicators, practice::DateOrder dates);

/// His scores on one measure across its time points (by date when a time point recurs, as a
/// rating at every session does), on the measure's range.
[[nodiscard]] Chart scoreChart(const practice::MeasureProgress& measure, practice::DateOrder dates);

/// His mood at each check-in over the session dates, on the five-point scale.
[[nodiscard]] Chart moodChart(const std::vector<practice::DatedRating>& moods,
                              practice::DateOrder dates);

}  // namespace roundtable::documents
