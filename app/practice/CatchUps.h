// Catch-ups: for each member of a group, the curriculum sessions the group has delivered that he
// has not had, so that the facilitators can go over them with him. A session counts as had when
// he was marked present or late at a delivery of it, or left early having stayed for at least
// the share of it the service sets (a left-early mark without minutes counts as had: nobody said
// he missed much). Not had: marked absent, left early before that share, no mark taken for him,
// or delivered before he joined. A later delivery of the same curriculum session to the group
// that he attends makes it had; a catch-up session for him (Practice::planCatchUp) that he
// attends makes it caught up, listed with when and who ran it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "records/RecordStore.h"

namespace roundtable::practice {

/// Why he has not had a delivered curriculum session, as its first delivery to the group says.
enum class MissReason { absent, leftEarly, noMark, beforeJoining };

/// One curriculum session he has not had: how the group's first delivery of it was planned.
struct MissedSession {
    std::string curriculumSessionId;
    std::string title;
    std::string moduleId;
    records::SessionId deliveredAs;
    records::Date deliveredOn;
    MissReason reason = MissReason::absent;
    /// The newest catch-up of it planned for him and not yet held, if there is one.
    std::optional<records::Session> plannedCatchUp;
};

/// A missed session he has had at a catch-up.
struct CaughtUp {
    std::string curriculumSessionId;
    std::string title;
    records::SessionId catchUp;
    records::Date on;
    std::vector<std::string> by;  ///< who ran the catch-up (logins)
};

struct MemberCatchUps {
    records::Member member;
    std::vector<MissedSession> missed;  ///< not had and not caught up, in the group's order
    std::vector<CaughtUp> caughtUp;     ///< in the order caught up
};

/// One curriculum session the group has had, and the members who have not had it: the
/// group-wide view ("who has not had the consent session?").
struct SessionGap {
    std::string curriculumSessionId;
    std::string title;
    std::string moduleId;
    records::Date firstDelivered;
    std::vector<records::Member> notHad;  ///< in the group's order; maybe nobody
};

/// The catch-ups of `group`'s members (everyone on its list, in its order): each curriculum session
/// of a session that took place (until the day he left, for a member who left), decided by the
/// service's share (ServiceSettings.h, kCatchUpShare). The look is recorded in the audit log.
/// ValidationError for an unknown group
/// ("group"), or when a record it would use was damaged outside Roundtable.
[[nodiscard]] std::vector<MemberCatchUps> catchUpsOf(records::RecordStore& store,
                                                     records::GroupId group);

/// The delivered curriculum sessions that some member has not had, in the order the group first
/// had them, from `catchUps` (catchUpsOf).
[[nodiscard]] std::vector<SessionGap> gapsBySession(const std::vector<MemberCatchUps>& catchUps);

/// "absent", "left early", "no mark", "before he joined" (translated).
[[nodiscard]] std::string missReasonInWords(MissReason reason);

}  // namespace roundtable::practice
