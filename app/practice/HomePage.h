// The home page: what the signed-in person has to do, gathered from the records of her groups
// when she signs in. Her groups are those she is recorded as having run sessions of; a clinical
// lead or administrator, or a facilitator not yet recorded at any session, sees every group.
// A clinical lead also sees the signed notes awaiting her review; an author, the notes returned
// to her. Each line names what it is about, so that the window can open it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "curriculum/Programme.h"
#include "records/RecordStore.h"

namespace roundtable::practice {

/// The next planned session of one of her groups, or one whose day has passed with nothing
/// recorded of it (still planned).
struct NextSession {
    records::Group group;
    records::Session session;
    bool notRecorded = false;  ///< its day has passed and it is still only planned
};

/// A note to write or to sign: the register says he was there.
struct NoteToWrite {
    records::Group group;
    records::Session session;
    records::Member member;
    std::optional<std::string> draftBy;  ///< who saved the draft; none: not begun
    int daysOverdue = 0;                 ///< since the session's day: 0 on the day itself
    std::string damage;                  ///< of the records it was found from
};

/// An open action on an open concern, due within a week or overdue.
struct ActionDue {
    records::Group group;  ///< the first of hers that lists him
    records::Member member;
    records::Concern concern;  ///< with all its actions
    records::ConcernAction action;
    int daysLeft = 0;  ///< until it is due; negative: overdue by that many days
};

/// An outcome measure's time point that has fallen due for him, or soon will, with no score.
struct MeasureDue {
    records::Group group;
    records::Member member;
    std::string measureId;
    std::string measureName;
    std::string timePointId;
    std::string timePointLabel;
    records::Date dueOn;
};

/// His newest session rating is low, or much lower than his own recent ones: the relationship
/// with the group may be weakening, which predicts dropping out.
struct RatingAlert {
    records::Group group;
    records::Member member;
    std::string measureName;
    records::OutcomeScore rating;      ///< the newest
    bool belowFloor = false;           ///< under the service's floor
    std::optional<double> recentMean;  ///< of his previous ratings, when the drop is the alert
};

/// A signed note awaiting her review (a clinical lead's, while the service asks for reviews).
struct NoteToReview {
    records::Group group;
    records::Session session;
    records::Member member;
    records::NoteAwaitingReview note;
};

/// A note of hers a clinical lead returned with a comment, not yet answered.
struct NoteReturned {
    records::Group group;
    records::Session session;
    records::Member member;
    records::ReturnedNote note;
};

struct HomePage {
    std::vector<records::Group> groups;  ///< hers, as the lists below are drawn from
    std::vector<NextSession> sessions;   ///< not recorded first, then by date
    std::vector<NoteToWrite> notes;      ///< the most overdue first
    std::vector<ActionDue> actions;      ///< the soonest due first
    std::vector<MeasureDue> measures;    ///< the earliest due first
    std::vector<RatingAlert> alerts;
    std::vector<NoteToReview> reviews;   ///< the longest waiting first
    std::vector<NoteReturned> returned;  ///< the longest waiting first
};

/// How far the lists look ahead and back.
inline constexpr int kActionsDueWithinDays = 7;
inline constexpr int kMeasuresDueWithinDays = 14;
/// A time point missed longer ago than this is no longer listed: it cannot be taken now.
inline constexpr int kMeasuresMissedForDays = 183;
/// A session rating older than this raises no alert: it is no longer news.
inline constexpr int kRatingAlertForDays = 28;
/// How many of his previous ratings a drop is measured against.
inline constexpr int kRecentRatings = 3;

/// The home page of whoever is signed in to `store`, on `today`, by the programme's measures
/// and the service's alert settings (ServiceSettings.h). Recorded in the audit log as a view.
[[nodiscard]] HomePage homePage(records::RecordStore& store, const curriculum::Programme& programme,
                                records::Date today);

/// When `timePoint` falls due for a member who joined on `joined` and left on `left` (if he
/// did), in a programme of `weeks` weeks; none for a time point with no due day.
[[nodiscard]] std::optional<records::Date> dueOn(const curriculum::TimePoint& timePoint,
                                                 records::Date joined,
                                                 std::optional<records::Date> left, int weeks);

}  // namespace roundtable::practice
