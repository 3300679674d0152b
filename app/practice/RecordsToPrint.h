// What the documents made from records are made of (a session's sign-in sheet, a group's year
// register, a member's progress report and his relapse-prevention plan), read from the store
// in one place with the rules they share: who was on a session's register, which sessions count
// towards a man's attendance, and that a report is made from signed notes only. Reading here
// writes nothing to the audit log: whoever prints or exports the document records that, once it
// is made (RecordStore::recordAccess).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "records/RecordStore.h"

namespace roundtable::practice {

/// A session with the group it belongs to.
struct GroupSession {
    records::Group group;
    records::Session session;  ///< with its activities
};

/// A session and the members on its register: everyone in the group who had not left before
/// it, as Practice::registerFor lists them.
struct SessionSheet {
    GroupSession planned;
    std::vector<records::Member> members;
};

/// A group's year: every session in date order, everyone who has been a member, and each
/// member's newest mark at each session.
struct GroupYear {
    records::Group group;
    std::vector<records::Session> sessions;
    std::vector<records::Member> members;
    /// marks[m][s]: the newest mark of members[m] at sessions[s], if he has one.
    std::vector<std::vector<std::optional<records::AttendanceMark>>> marks;
};

/// Dates from and to, both included.
struct Period {
    records::Date from;
    records::Date to;
};
/// A period as asked for: either end may be left open.
struct AskedPeriod {
    std::optional<records::Date> from;
    std::optional<records::Date> to;
};

/// One session of a man's period: the session, his mark, and his note when it is signed.
struct PeriodSession {
    records::Session session;
    std::optional<records::AttendanceMark> mark;
    std::optional<records::ProgressNote> signedNote;
};

/// A member's records over a period, as his progress report is made from them.
struct MemberPeriod {
    records::Member member;  ///< as in the first group he joined
    /// Each group he has belonged to, with his membership of it (joined, left).
    std::vector<std::pair<records::Group, records::Member>> memberships;
    Period period;
    /// The sessions of the period that count towards his attendance (attendanceCounts), oldest
    /// first.
    std::vector<PeriodSession> sessions;
    std::vector<records::OutcomeScore> scores;  ///< taken on or before the period's end
    /// Milestones he had reached by the period's end (standing records, oldest first).
    std::vector<records::Milestone> milestones;
    /// Concerns raised by the period's end and still open; read only when asked for.
    std::vector<records::Concern> openConcerns;
};

/// A member's newest relapse-prevention plan.
struct MemberPlan {
    records::Member member;
    records::RelapsePlan plan;
};

/// Whether `session` counts towards the attendance of the man whose membership of its group is
/// `membership` and whose mark there is `mark`: a session that did not take place never does;
/// one he has a mark at always does (the register was taken); otherwise one that took place while
/// he was a member (from the day he joined to the day he left).
[[nodiscard]] bool attendanceCounts(const records::Session& session,
                                    const records::Member& membership,
                                    const std::optional<records::AttendanceMark>& mark);

/// How many were present at each session of a group's year and at how many sessions each
/// member counted (attendanceCounts), for its rates.
struct AttendanceCounts {
    std::vector<int> presentAt, countedAt;    ///< by session
    std::vector<int> presentFor, countedFor;  ///< by member
};
[[nodiscard]] AttendanceCounts attendanceCountsOf(const GroupYear& year);
/// `present` of `counted` as a whole percentage, rounded to the nearest (2 of 3 is 67): the
/// same on every screen and paper. `counted` must be above 0.
[[nodiscard]] constexpr int ratePercent(int present, int counted) {
    return (present * 200 + counted) / (2 * counted);
}

/// What a register shows for the man whose membership is `membership` at `session`: his mark's
/// letter (attendanceLetter); kUnmarkedMark for a session that counts for him with no mark;
/// kNotHeldMark for one that did not take place; "" otherwise (not a member then, or not yet
/// held).
[[nodiscard]] std::string registerCell(const records::Session& session,
                                       const records::Member& membership,
                                       const std::optional<records::AttendanceMark>& mark);

/// Whether `member` was still a member on `date`: he had not left before it.
[[nodiscard]] bool onRegisterOn(const records::Member& member, records::Date date);
/// Whether `member` is on the register of `session`: he had not left before its day, and a
/// catch-up is for him.
[[nodiscard]] bool onRegisterOf(const records::Member& member, const records::Session& session);

/// Refuses to go on (ValidationError at `field`: "`what` was not made." and damageWarning) when
/// any of `damages` is not empty.
void refuseDamaged(const std::vector<std::string>& damages, const std::string& field,
                   const std::string& what);

/// The group with `id`; ValidationError ("group") when there is none.
[[nodiscard]] records::Group groupWithId(records::RecordStore& store, records::GroupId id);

/// The session and its group. StoreError for an unknown session.
[[nodiscard]] GroupSession groupSession(records::RecordStore& store, records::SessionId session);
[[nodiscard]] SessionSheet sessionSheet(records::RecordStore& store, records::SessionId session);
/// ValidationError ("group") for an unknown group.
[[nodiscard]] GroupYear groupYear(records::RecordStore& store, records::GroupId group);

/// The member's records from `asked.from` (none: since he joined, or since his first mark if
/// that is earlier) to `asked.to` (none: `today`). Refused with a ValidationError when the code
/// is unknown ("member-code"), the period is back to front ("period"), nothing signed falls in
/// the period, or a record it would use was damaged outside Roundtable ("report").
[[nodiscard]] MemberPeriod memberPeriod(records::RecordStore& store, const std::string& code,
                                        const AskedPeriod& asked, records::Date today,
                                        bool withOpenConcerns);

/// ValidationError when the code is unknown ("member-code"), he has no plan yet, or the plan was
/// damaged outside Roundtable ("plan").
[[nodiscard]] MemberPlan memberPlan(records::RecordStore& store, const std::string& code);

}  // namespace roundtable::practice
