// The group's outcomes at a glance (issue 13, items 5 and 6): for each outcome measure of the
// programme and each of its time points, how many members have a score and the scores' mean,
// lowest and highest; and the session rating as a trend, the group's at each session that took
// place and each member's by session date. Corrections applied: a corrected score counts only
// as corrected.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "curriculum/Programme.h"
#include "practice/Exports.h"
#include "practice/MemberProgress.h"
#include "records/RecordStore.h"

namespace roundtable::practice {

/// The scores of several members at once.
struct ScoreSpread {
    int count = 0;  ///< how many members; 0: none, and the rest means nothing
    double mean = 0.0;
    int min = 0;
    int max = 0;
};

/// `scores`' count, mean and range.
[[nodiscard]] ScoreSpread spreadOf(const std::vector<int>& scores);

struct TimePointOutcome {
    std::string timePoint;
    std::string label;  ///< the programme's
    ScoreSpread scores;
};

/// One measure across its time points. A member's score at a time point is his newest taken
/// there (a measure taken twice at one time point counts once).
struct MeasureOutcome {
    std::string measureId;
    std::string name;
    int min = 0;
    int max = 0;
    bool higherIsBetter = true;
    std::vector<TimePointOutcome> timePoints;  ///< all of the measure's, in its order
};

/// The group's ratings at one session that took place.
struct SessionRatingsAt {
    records::Session session;
    ScoreSpread ratings;
};

/// A member's ratings at the group's sessions, by session date.
struct MemberRatings {
    records::Member member;
    std::vector<DatedRating> ratings;
};

/// The session rating over the group's year.
struct RatingTrend {
    std::string measureId;
    std::string name;
    int min = 0;
    int max = 0;
    bool higherIsBetter = true;
    std::vector<SessionRatingsAt> sessions;  ///< every session that took place, oldest first
    std::vector<MemberRatings> members;      ///< every member, in the group's order
};

struct GroupOutcomeSummary {
    GroupOutcomes outcomes;                ///< the scores it is made from (the CSV export's)
    std::vector<MeasureOutcome> measures;  ///< the programme's, but the session rating
    std::optional<RatingTrend> ratings;    ///< none when the programme has no session rating
};

/// Each outcome measure of `programme` but the session rating, over the group's scores.
[[nodiscard]] std::vector<MeasureOutcome> measureOutcomes(const GroupOutcomes& outcomes,
                                                          const curriculum::Programme& programme);
/// The session rating over `sessions` (the group's, by date): a rating counts at the session that
/// took place on the day it was taken. None when the programme has no session rating.
[[nodiscard]] std::optional<RatingTrend> ratingTrend(const GroupOutcomes& outcomes,
                                                     const std::vector<records::Session>& sessions,
                                                     const curriculum::Programme& programme);

/// The summary of `group`'s outcomes; the look is recorded in the audit log ("group-outcomes").
/// ValidationError for an unknown group ("group"), or when a record it would use was damaged
/// outside Roundtable.
[[nodiscard]] GroupOutcomeSummary groupOutcomeSummary(records::RecordStore& store,
                                                      records::GroupId group,
                                                      const curriculum::Programme& programme);

}  // namespace roundtable::practice
