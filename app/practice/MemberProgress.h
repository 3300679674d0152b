// A member's progress, for his page and his report: per module, the sessions he attended of
// those delivered while he was a member; his progress-indicator ratings over time, from signed
// notes; and his outcome scores by measure, at their time points. Attendance follows the
// register's rules (RecordsToPrint.h: attendanceCounts, and present, late and left early all
// count as attended); names, scales and ranges come from the programme.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "curriculum/Programme.h"
#include "practice/RecordsToPrint.h"
#include "records/RecordStore.h"

namespace roundtable::practice {

/// His attendance at one module's sessions.
struct ModuleAttendance {
    std::string moduleId;  ///< empty for sessions not planned from the programme
    std::string title;     ///< the programme's, or the id when it no longer has the module
    int attended = 0;      ///< present, late or left early
    int delivered = 0;     ///< sessions that count towards his attendance (attendanceCounts)
};

struct DatedRating {
    records::Date date;
    int rating = 0;
};

/// One progress indicator and his ratings on it, oldest first.
struct IndicatorProgress {
    std::string moduleId;
    std::string moduleTitle;
    std::string indicatorId;
    std::string label;  ///< the programme's, or the id when it no longer has the indicator
    int scaleMin = 0;   ///< the programme's scale; without one, the lowest and highest rating
    int scaleMax = 0;
    std::vector<DatedRating> ratings;
};

struct ScoreAt {
    std::string timePoint;
    std::string timePointLabel;  ///< the programme's, or the id
    records::Date takenOn;
    int score = 0;
};

/// One outcome measure and his scores on it, oldest first.
struct MeasureProgress {
    std::string measureId;
    std::string name;  ///< the programme's, or the id when it no longer has the measure
    int min = 0;
    int max = 0;
    bool higherIsBetter = true;
    std::vector<ScoreAt> scores;
};

/// One of the programme's milestones and whether he has reached it.
struct MilestoneProgress {
    std::string milestoneId;
    std::string label;  ///< the programme's, or the id when it no longer has the milestone
    /// The standing record of it (not withdrawn), if he has reached it.
    std::optional<records::Milestone> reached;
};

/// A between-sessions task of his: the day it was set, and the day it was said how it went.
struct TaskProgress {
    records::Date setOn;
    records::MemberTask task;
    std::optional<records::Date> reviewedOn;
};

struct MemberProgress {
    records::Member member;  ///< as in the first group he joined
    /// Modules in the order he first met them (at a session that counts for him).
    std::vector<ModuleAttendance> modules;
    /// By module in the order first rated, each module's indicators in the programme's order
    /// (any it no longer has after them).
    std::vector<IndicatorProgress> indicators;
    /// In the programme's order, then any measure it no longer has.
    std::vector<MeasureProgress> measures;
    /// Every milestone of the programme, in its order, then any reached that it no longer has.
    std::vector<MilestoneProgress> milestones;
    /// His mood at each session's check-in (1-5, moodScale()), by the session's date.
    std::vector<DatedRating> moods;
    /// His between-sessions tasks, oldest first, each with how it went when recorded.
    std::vector<TaskProgress> tasks;
};

/// Attendance by module over `sessions` (each counting for him, oldest first); catch-ups are
/// not counted.
[[nodiscard]] std::vector<ModuleAttendance> attendanceByModule(
    const std::vector<PeriodSession>& sessions, const curriculum::Programme& programme);
/// The ratings in the signed notes of `sessions` (oldest first), by indicator.
[[nodiscard]] std::vector<IndicatorProgress> ratingsByIndicator(
    const std::vector<PeriodSession>& sessions, const curriculum::Programme& programme);
/// `scores` by measure, each measure's oldest first.
[[nodiscard]] std::vector<MeasureProgress> scoresByMeasure(
    const std::vector<records::OutcomeScore>& scores, const curriculum::Programme& programme);

/// The programme's milestones, each with his standing record of it from `records`.
[[nodiscard]] std::vector<MilestoneProgress> milestonesReached(
    const std::vector<records::Milestone>& records, const curriculum::Programme& programme);

/// The progress of `member` over all his records. The look is recorded in the audit log.
/// ValidationError for an unknown member ("member"), or when a record it would use was damaged
/// outside Roundtable ("progress").
[[nodiscard]] MemberProgress memberProgress(records::RecordStore& store, records::MemberId member,
                                            const curriculum::Programme& programme);

}  // namespace roundtable::practice
