// A member is found by his code across every group (the store keys members by id; a code is
// what a facilitator types). A document is never made from a record that was changed outside
// Roundtable: it would pass on what cannot be relied on, on paper that cannot be recalled.
#include "practice/RecordsToPrint.h"

#include <algorithm>

#include "practice/Dates.h"
#include "practice/Practice.h"
#include "practice/Wording.h"
#include "text/Translate.h"

namespace roundtable::practice {

records::Group groupWithId(records::RecordStore& store, records::GroupId id) {
    for (auto& group : store.groups()) {
        if (group.id == id)
            return group;
    }
    throw ValidationError(
        "group", text::fill(text::tr("There is no group with id {1}."), {std::to_string(id)}));
}

namespace {

/// Every membership of the member whose code is `code`, in the order of the groups.
std::vector<std::pair<records::Group, records::Member>> membershipsOf(records::RecordStore& store,
                                                                      const std::string& code) {
    std::vector<std::pair<records::Group, records::Member>> memberships;
    for (auto& group : store.groups()) {
        for (auto& member : store.membersOf(group.id)) {
            if (member.code == code)
                memberships.emplace_back(group, std::move(member));
        }
    }
    if (memberships.empty())
        throw ValidationError(
            "member-code", text::fill(text::tr("There is no member with the code {1}."), {code}));
    return memberships;
}

}  // namespace

AttendanceCounts attendanceCountsOf(const GroupYear& year) {
    AttendanceCounts counts{
        std::vector<int>(year.sessions.size()), std::vector<int>(year.sessions.size()),
        std::vector<int>(year.members.size()), std::vector<int>(year.members.size())};
    for (std::size_t m = 0; m < year.members.size(); ++m) {
        for (std::size_t s = 0; s < year.sessions.size(); ++s) {
            const auto& mark = year.marks[m][s];
            if (!attendanceCounts(year.sessions[s], year.members[m], mark))
                continue;
            const int present = mark && records::wasPresent(mark->status) ? 1 : 0;
            counts.countedAt[s] += 1;
            counts.countedFor[m] += 1;
            counts.presentAt[s] += present;
            counts.presentFor[m] += present;
        }
    }
    return counts;
}

std::string registerCell(const records::Session& session, const records::Member& membership,
                         const std::optional<records::AttendanceMark>& mark) {
    if (mark)
        return attendanceLetter(mark->status);
    if (session.status == records::SessionStatus::didNotTakePlace)
        return kNotHeldMark;
    return attendanceCounts(session, membership, mark) ? kUnmarkedMark : "";
}

void refuseDamaged(const std::vector<std::string>& damages, const std::string& field,
                   const std::string& what) {
    if (auto warning = damageWarning(damages); !warning.empty())
        throw ValidationError(field,
                              text::fill(text::tr("{1} was not made. {2}"), {what, warning}));
}

bool onRegisterOn(const records::Member& member, records::Date date) {
    return !member.leftOn || *member.leftOn >= date;
}

bool onRegisterOf(const records::Member& member, const records::Session& session) {
    return onRegisterOn(member, session.date) &&
           (!session.isCatchUp() || std::find(session.catchUpFor.begin(), session.catchUpFor.end(),
                                              member.id) != session.catchUpFor.end());
}

bool attendanceCounts(const records::Session& session, const records::Member& membership,
                      const std::optional<records::AttendanceMark>& mark) {
    if (session.status == records::SessionStatus::didNotTakePlace)
        return false;
    if (mark)
        return true;
    return session.status == records::SessionStatus::tookPlace &&
           membership.joinedOn <= session.date && onRegisterOn(membership, session.date);
}

GroupSession groupSession(records::RecordStore& store, records::SessionId session) {
    auto planned = store.session(session);
    auto group = groupWithId(store, planned.groupId);
    refuseDamaged({planned.damage, group.damage}, "session", text::tr("The document"));
    return {std::move(group), std::move(planned)};
}

SessionSheet sessionSheet(records::RecordStore& store, records::SessionId session) {
    SessionSheet sheet{groupSession(store, session), {}};
    std::vector<std::string> damages;
    for (auto& member : store.membersOf(sheet.planned.group.id)) {
        if (onRegisterOf(member, sheet.planned.session)) {
            damages.push_back(member.damage);
            sheet.members.push_back(std::move(member));
        }
    }
    refuseDamaged(damages, "session", text::tr("The sign-in sheet"));
    return sheet;
}

GroupYear groupYear(records::RecordStore& store, records::GroupId group) {
    GroupYear year{groupWithId(store, group), store.sessionsOf(group), store.membersOf(group), {}};
    // The group's own sessions: a catch-up belongs to the men it was for (CatchUps.h).
    std::erase_if(year.sessions,
                  [](const records::Session& session) { return session.isCatchUp(); });
    std::stable_sort(year.sessions.begin(), year.sessions.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    std::vector<std::string> damages{year.group.damage};
    for (const auto& member : year.members)
        damages.push_back(member.damage);
    year.marks.assign(year.members.size(),
                      std::vector<std::optional<records::AttendanceMark>>(year.sessions.size()));
    for (std::size_t s = 0; s < year.sessions.size(); ++s) {
        damages.push_back(year.sessions[s].damage);
        for (auto& mark : store.registerOf(year.sessions[s].id)) {
            damages.push_back(mark.damage);
            for (std::size_t m = 0; m < year.members.size(); ++m) {
                if (year.members[m].id == mark.memberId)
                    year.marks[m][s] = mark;
            }
        }
    }
    refuseDamaged(damages, "group", text::tr("The register"));
    return year;
}

MemberPeriod memberPeriod(records::RecordStore& store, const std::string& code,
                          const AskedPeriod& asked, records::Date today, bool withOpenConcerns) {
    MemberPeriod result;
    result.memberships = membershipsOf(store, code);
    result.member = std::min_element(result.memberships.begin(), result.memberships.end(),
                                     [](const auto& a, const auto& b) {
                                         return a.second.joinedOn < b.second.joinedOn;
                                     })
                        ->second;
    auto history = store.historyOf(result.member.id);
    result.period.to = asked.to.value_or(today);
    if (asked.from) {
        result.period.from = *asked.from;
    } else {
        result.period.from = result.member.joinedOn;
        for (const auto& entry : history) {
            if (entry.mark && entry.session.date < result.period.from)
                result.period.from = entry.session.date;
        }
    }
    if (result.period.from > result.period.to) {
        throw ValidationError("period",
                              text::fill(text::tr("The period ends ({1}) before it starts ({2})."),
                                         {result.period.to.iso(), result.period.from.iso()}));
    }

    std::vector<std::string> damages{result.member.damage};
    bool anythingSigned = false;
    for (auto& entry : history) {
        const auto& date = entry.session.date;
        if (date < result.period.from || date > result.period.to)
            continue;
        auto membership =
            std::find_if(result.memberships.begin(), result.memberships.end(),
                         [&](const auto& each) { return each.first.id == entry.session.groupId; });
        if (membership == result.memberships.end() ||
            !attendanceCounts(entry.session, membership->second, entry.mark)) {
            continue;
        }
        PeriodSession session{std::move(entry.session), std::move(entry.mark), std::nullopt};
        // Drafts are not reported: only what a facilitator has signed.
        if (entry.note && entry.note->state == records::NoteState::signedOff) {
            session.signedNote = std::move(entry.note);
            anythingSigned = true;
        }
        damages.push_back(session.session.damage);
        damages.push_back(session.mark ? session.mark->damage : std::string());
        damages.push_back(session.signedNote ? session.signedNote->damage : std::string());
        result.sessions.push_back(std::move(session));
    }
    if (!anythingSigned) {
        throw ValidationError("report",
                              text::fill(text::tr("Nothing signed about {1} falls between "
                                                  "{2} and {3}: there is nothing to "
                                                  "report."),
                                         {code, result.period.from.iso(), result.period.to.iso()}));
    }
    for (auto& score : store.outcomeScoresOf(result.member.id)) {
        if (score.takenOn <= result.period.to) {
            damages.push_back(score.damage);
            result.scores.push_back(std::move(score));
        }
    }
    for (auto& milestone : store.milestonesOf(result.member.id)) {
        if (!milestone.withdrawnBecause && milestone.reachedOn <= result.period.to) {
            damages.push_back(milestone.damage);
            result.milestones.push_back(std::move(milestone));
        }
    }
    if (withOpenConcerns) {
        for (auto& concern : store.concernsOf(result.member.id)) {
            if (concern.isOpen() && dateOf(concern.raisedAt) <= result.period.to) {
                damages.push_back(concern.damage);
                result.openConcerns.push_back(std::move(concern));
            }
        }
    }
    refuseDamaged(damages, "report", text::tr("The report"));
    return result;
}

MemberPlan memberPlan(records::RecordStore& store, const std::string& code) {
    auto memberships = membershipsOf(store, code);
    const auto& member = memberships.front().second;
    auto plan = store.relapsePlan(member.id);
    if (!plan) {
        throw ValidationError(
            "plan",
            text::fill(text::tr("There is no relapse-prevention plan for {1} yet."), {code}));
    }
    refuseDamaged({member.damage, plan->damage}, "plan", text::tr("The plan"));
    return {member, std::move(*plan)};
}

}  // namespace roundtable::practice
