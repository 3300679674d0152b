// A group's outcomes on paper, for the service's evaluation and the clinical lead: each outcome
// measure's mean and range at its time points and the session rating's trend, as tables and the
// same charts the Outcomes dialog shows. Figures for the group only: no member is named or
// given by code, so the report can go to those who evaluate the service.
#pragma once

#include "documents/Document.h"
#include "practice/Dates.h"
#include "practice/OutcomeSummary.h"

namespace roundtable::documents {

/// The group's outcome measures (how many were scored, mean and range at each time point, and a
/// chart for each measure someone was scored on), then its session ratings (a chart and a row
/// for each session that took place), made on `madeOn`. Standard print, confidential.
[[nodiscard]] Document groupOutcomesReport(const practice::GroupOutcomeSummary& summary,
                                           records::Date madeOn, practice::DateOrder dates);

}  // namespace roundtable::documents
