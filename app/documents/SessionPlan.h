// The facilitator's session plan: what the session is for, what to bring, and each activity
// with its minutes and the time on the clock it starts, its guidance, how to adapt it, what
// to watch for, and space to write. Standard print (11 pt): it is for staff.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curriculum/Programme.h"
#include "documents/Document.h"
#include "practice/Dates.h"
#include "practice/RecordsToPrint.h"

namespace roundtable::documents {

/// A time of day to the minute, as on the facilitator's watch.
class ClockTime {
  public:
    /// Minutes after midnight; a time past midnight wraps round to the next day's clock.
    explicit ClockTime(int minutesAfterMidnight);
    /// "HH:MM" from 00:00 to 23:59; nothing for any other text.
    [[nodiscard]] static std::optional<ClockTime> parse(std::string_view text);

    [[nodiscard]] ClockTime plusMinutes(int minutes) const;
    [[nodiscard]] std::string text() const;  ///< "HH:MM"
    [[nodiscard]] int minutesAfterMidnight() const { return minutes_; }

  private:
    int minutes_;
};

struct SessionPlanOptions {
    ClockTime start{10 * 60};
    std::string date;   ///< printed when given; a space to write it in otherwise
    std::string group;  ///< the group's name, likewise
    /// The module version a recorded session was planned from (its stamp); 0 for a plan printed
    /// from the curriculum alone.
    int plannedVersion = 0;
};

/// A recorded session's plan as adapted for its group, printed in place of the curriculum
/// session's activities.
struct AdaptedPlan {
    std::vector<records::PlanStep> steps;  ///< records::Session::planSteps
    std::string said;  ///< who adapted it, when and why (practice::adaptationInWords)
};

/// The plan of `session`: its activities, or those of `adapted` when given.
[[nodiscard]] Document sessionPlan(const curriculum::Module& module,
                                   const curriculum::Session& session,
                                   const SessionPlanOptions& options,
                                   const AdaptedPlan* adapted = nullptr);

/// The plan of a session on record (`planned`, as practice::groupSession reads it), made from
/// the curriculum session it was planned from: its date (in `dates` order), its group's name, its
/// start time (`start` instead, when given) and the module version it was planned from; when it
/// was adapted for the group, its activities as adapted and who adapted it, when and why.
/// DocumentError when `programme` does not hold that curriculum session.
[[nodiscard]] Document recordedSessionPlan(const curriculum::Programme& programme,
                                           const practice::GroupSession& planned,
                                           practice::DateOrder dates,
                                           std::optional<ClockTime> start = std::nullopt);

}  // namespace roundtable::documents
