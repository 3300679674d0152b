// The catch-up list from the group's year (RecordsToPrint.h: its sessions in date order and each
// member's newest mark at each; not its notes).
#include "practice/CatchUps.h"

#include <algorithm>
#include <optional>
#include <set>

#include "practice/Practice.h"  // ValidationError
#include "practice/RecordsToPrint.h"
#include "practice/ServiceSettings.h"
#include "text/Translate.h"

namespace roundtable::practice {
namespace {

/// Whether `mark` says he had the session: present, late, or left early after `sharePercent`
/// of its minutes (or with no minutes recorded).
bool hadIt(const records::AttendanceMark& mark, const records::Session& session, int sharePercent) {
    switch (mark.status) {
        case records::Attendance::attended:
        case records::Attendance::late:
            return true;
        case records::Attendance::leftEarly:
            return !mark.minutesPresent ||
                   *mark.minutesPresent * 100 >= session.minutes * sharePercent;
        case records::Attendance::absentAuthorised:
        case records::Attendance::absentUnauthorised:
            break;
    }
    return false;
}

MissReason reasonFor(const std::optional<records::AttendanceMark>& mark,
                     const records::Session& session, const records::Member& member) {
    if (mark)
        return mark->status == records::Attendance::leftEarly ? MissReason::leftEarly
                                                              : MissReason::absent;
    return session.date < member.joinedOn ? MissReason::beforeJoining : MissReason::noMark;
}

/// Moves each missed session he had at a catch-up for him to his caught-up list (with who ran
/// it), and notes the catch-ups planned for the sessions he still misses.
void addCatchUpSessions(records::RecordStore& store, records::GroupId group, int sharePercent,
                        std::vector<MemberCatchUps>& catchUps) {
    std::vector<records::User> users;
    for (const auto& session : store.sessionsOf(group)) {  // by date
        if (!session.isCatchUp())
            continue;
        auto register_ = session.status == records::SessionStatus::tookPlace
                             ? store.registerOf(session.id)
                             : std::vector<records::AttendanceMark>{};
        for (auto& member : catchUps) {
            auto& missed = member.missed;
            auto miss = std::find_if(missed.begin(), missed.end(), [&](const MissedSession& m) {
                return m.curriculumSessionId == session.stamp.sessionId;
            });
            if (miss == missed.end() ||
                std::find(session.catchUpFor.begin(), session.catchUpFor.end(), member.member.id) ==
                    session.catchUpFor.end())
                continue;
            if (session.status == records::SessionStatus::planned) {
                miss->plannedCatchUp = session;
                continue;
            }
            std::optional<records::AttendanceMark> mark;
            for (const auto& each : register_) {
                if (each.memberId == member.member.id)
                    mark = each;  // the newest counts
            }
            if (!mark || !hadIt(*mark, session, sharePercent))
                continue;
            if (users.empty())
                users = store.users();
            CaughtUp caught{miss->curriculumSessionId, miss->title, session.id, session.date, {}};
            for (auto id : store.session(session.id).facilitators) {
                for (const auto& user : users) {
                    if (user.id == id)
                        caught.by.push_back(user.login);
                }
            }
            member.caughtUp.push_back(std::move(caught));
            missed.erase(miss);
        }
    }
}

}  // namespace

std::vector<MemberCatchUps> catchUpsOf(records::RecordStore& store, records::GroupId group) {
    const int sharePercent = percentSetting(store, kCatchUpShare);
    auto year = groupYear(store, group);  // refuses an unknown group, and damaged records
    std::vector<MemberCatchUps> result;
    for (std::size_t m = 0; m < year.members.size(); ++m) {
        MemberCatchUps catchUps{std::move(year.members[m]), {}, {}};
        const auto& who = catchUps.member;
        std::set<std::string> had;
        std::vector<MissedSession> firstMisses;  // in the order first delivered
        for (std::size_t s = 0; s < year.sessions.size(); ++s) {
            const auto& session = year.sessions[s];
            const auto& id = session.stamp.sessionId;
            if (session.status != records::SessionStatus::tookPlace || id.empty() ||
                (who.leftOn && session.date > *who.leftOn))
                continue;
            const auto& mark = year.marks[m][s];
            if (mark && hadIt(*mark, session, sharePercent)) {
                had.insert(id);
            } else if (std::none_of(firstMisses.begin(), firstMisses.end(), [&](const auto& miss) {
                           return miss.curriculumSessionId == id;
                       })) {
                firstMisses.push_back({id, session.title, session.stamp.moduleId, session.id,
                                       session.date, reasonFor(mark, session, who), std::nullopt});
            }
        }
        for (auto& miss : firstMisses) {
            if (!had.contains(miss.curriculumSessionId))
                catchUps.missed.push_back(std::move(miss));
        }
        result.push_back(std::move(catchUps));
    }
    addCatchUpSessions(store, group, sharePercent, result);
    store.recordAccess(records::Access::view, "catch-ups", group);
    return result;
}

std::vector<SessionGap> gapsBySession(const std::vector<MemberCatchUps>& catchUps) {
    std::vector<SessionGap> gaps;
    for (const auto& member : catchUps) {
        for (const auto& miss : member.missed) {
            auto gap = std::find_if(gaps.begin(), gaps.end(), [&](const SessionGap& each) {
                return each.curriculumSessionId == miss.curriculumSessionId;
            });
            if (gap == gaps.end()) {
                gaps.push_back(
                    {miss.curriculumSessionId, miss.title, miss.moduleId, miss.deliveredOn, {}});
                gap = std::prev(gaps.end());
            }
            gap->notHad.push_back(member.member);
        }
    }
    std::stable_sort(gaps.begin(), gaps.end(), [](const SessionGap& a, const SessionGap& b) {
        return a.firstDelivered < b.firstDelivered;
    });
    return gaps;
}

std::string missReasonInWords(MissReason reason) {
    switch (reason) {
        case MissReason::absent:
            return text::tr("absent");
        case MissReason::leftEarly:
            return text::tr("left early");
        case MissReason::noMark:
            return text::tr("no mark");
        case MissReason::beforeJoining:
            return text::tr("before he joined");
    }
    return {};
}

}  // namespace roundtable::practice
