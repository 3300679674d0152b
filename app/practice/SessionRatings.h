// The session rating (issue 13, item 6): after each session, a quick rating per member of how he
// related to the group and its facilitators, on the scale of the programme's measure that is
// taken at every session (a time point with due="each-session"). A rating is an outcome score of
// that measure and time point, taken on the session's day; a changed rating is a correction of
// the one on record (it replaces it), so nothing is ever overwritten.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "curriculum/Programme.h"
#include "records/RecordStore.h"

namespace roundtable::practice {

/// The time point of `measure` taken after every session (DueFrom::eachSession), if it has one:
/// such a measure is a session rating.
[[nodiscard]] std::optional<std::string_view> eachSessionTimePoint(
    const curriculum::Programme& programme, const curriculum::Measure& measure);

/// The programme's session rating: its first measure with a time point taken after every
/// session (the shipped programme has one, "session-rating"); nullptr when it has none.
[[nodiscard]] const curriculum::Measure* sessionRatingMeasure(
    const curriculum::Programme& programme);

/// Whether `score` is a rating on `measure` (a session rating) taken at its every-session time
/// point `timePoint` for `session`: it names the session, or (recorded before format 9, when a
/// rating did not name one) was taken on its day.
[[nodiscard]] bool isRatingOn(const records::OutcomeScore& score,
                              const curriculum::Measure& measure, std::string_view timePoint,
                              const records::Session& session);

/// A member who was there (present, late or left early) and his rating of the session, if one
/// is on record.
struct SessionRatingLine {
    records::Member member;
    std::optional<records::OutcomeScore> rating;
};

/// What the ratings of one session are made of: the session, the measure's name and scale, and
/// a line for each member on its register who was there.
struct SessionRatingSheet {
    records::Session session;
    std::string measureName;
    int min = 0;
    int max = 0;
    bool higherIsBetter = true;
    std::vector<SessionRatingLine> lines;
};

/// A rating chosen for a member; none: not rated.
struct SessionRating {
    records::MemberId member;
    std::optional<int> rating;
};

/// The session's rating sheet. ValidationError ("session-ratings") when the programme has no
/// session rating. Reads without recording: Practice::sessionRatings records the look.
[[nodiscard]] SessionRatingSheet sessionRatingSheet(records::RecordStore& store,
                                                    records::SessionId session,
                                                    const curriculum::Programme& programme);

}  // namespace roundtable::practice
