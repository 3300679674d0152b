// A few queries per group (its sessions, its members, the notes its registers say are owed)
// and one per member (his scores), whatever the length of the group's history: the page is
// gathered at every sign-in (bench/: under 100 ms for four groups of a ten-year service).
#include "practice/HomePage.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "practice/ServiceSettings.h"
#include "practice/SessionRatings.h"

namespace roundtable::practice {
namespace {

using records::Date;

/// The groups whose records the page is drawn from.
std::vector<records::Group> groupsOf(records::RecordStore& store) {
    auto all = store.groups();
    auto user = store.currentUser();
    if (!user || user->role != records::Role::facilitator)
        return all;
    auto run = store.groupsRunBy(user->id);
    if (run.empty())
        return all;  // not yet recorded at any session: everything, rather than nothing
    std::erase_if(all, [&](const records::Group& group) {
        return std::find(run.begin(), run.end(), group.id) == run.end();
    });
    return all;
}

const curriculum::TimePoint* timePointWithId(const curriculum::Programme& programme,
                                             std::string_view id) {
    for (const auto& point : programme.timePoints) {
        if (point.id == id)
            return &point;
    }
    return nullptr;
}

/// His scores that can be relied on (the store leaves out those a correction replaced).
std::vector<records::OutcomeScore> standingScores(std::vector<records::OutcomeScore> scores) {
    std::erase_if(scores, [](const records::OutcomeScore& score) { return !score.damage.empty(); });
    return scores;
}

struct AlertSettings {
    int belowPercent;
    int dropPercent;
};

void addMeasuresDue(HomePage& page, const curriculum::Programme& programme,
                    const records::Group& group, const records::Member& member,
                    const std::vector<records::OutcomeScore>& scores, Date today) {
    for (const auto& measure : programme.measures) {
        for (auto pointId : measure.timePoints) {
            const auto* point = timePointWithId(programme, pointId);
            if (!point)
                continue;
            auto due = dueOn(*point, member.joinedOn, member.leftOn, programme.delivery.weeks);
            if (!due || today.daysUntil(*due) > kMeasuresDueWithinDays ||
                due->daysUntil(today) > kMeasuresMissedForDays)
                continue;
            bool taken = std::any_of(scores.begin(), scores.end(), [&](const auto& score) {
                return score.measureId == measure.id && score.timePoint == pointId;
            });
            if (!taken) {
                page.measures.push_back({group, member, std::string(measure.id),
                                         std::string(measure.name), std::string(pointId),
                                         std::string(point->label), *due});
            }
        }
    }
}

void addRatingAlerts(HomePage& page, const curriculum::Programme& programme,
                     const records::Group& group, const records::Member& member,
                     const std::vector<records::OutcomeScore>& scores, Date today,
                     const AlertSettings& settings) {
    for (const auto& measure : programme.measures) {
        const auto each = eachSessionTimePoint(programme, measure);
        if (!each)
            continue;  // not a session rating
        std::vector<records::OutcomeScore> ratings;
        std::copy_if(scores.begin(), scores.end(), std::back_inserter(ratings),
                     [&](const auto& score) {
                         return score.measureId == measure.id && score.timePoint == *each;
                     });
        if (ratings.empty())
            continue;
        std::stable_sort(ratings.begin(), ratings.end(),
                         [](const auto& a, const auto& b) { return a.takenOn < b.takenOn; });
        const auto& newest = ratings.back();
        if (newest.takenOn.daysUntil(today) > kRatingAlertForDays)
            continue;
        // Worse is lower on a scale where higher is better, and higher on one where it is worse.
        const double range = measure.max - measure.min;
        const double worseBy = measure.higherIsBetter ? -1.0 : 1.0;
        const double floor = measure.higherIsBetter
                                 ? measure.min + range * settings.belowPercent / 100.0
                                 : measure.max - range * settings.belowPercent / 100.0;
        RatingAlert alert{group, member, std::string(measure.name), newest, false, std::nullopt};
        alert.belowFloor = (newest.score - floor) * worseBy > 0.0;
        const auto previous = std::min<std::size_t>(ratings.size() - 1, kRecentRatings);
        if (previous > 0) {
            double sum = 0.0;
            for (std::size_t i = ratings.size() - 1 - previous; i < ratings.size() - 1; ++i)
                sum += ratings[i].score;
            const double mean = sum / static_cast<double>(previous);
            if ((newest.score - mean) * worseBy >= range * settings.dropPercent / 100.0)
                alert.recentMean = mean;
        }
        if (alert.belowFloor || alert.recentMean)
            page.alerts.push_back(std::move(alert));
    }
}

/// The notes awaiting her review (a clinical lead's, not her own) and those returned to her, in
/// the groups she sees.
void addReviews(records::RecordStore& store, HomePage& page) {
    const auto user = store.currentUser();
    if (!user)
        return;
    auto context = [&](records::GroupId groupId, records::SessionId sessionId,
                       records::MemberId memberId) {
        std::optional<std::tuple<records::Group, records::Session, records::Member>> found;
        auto group = std::find_if(page.groups.begin(), page.groups.end(),
                                  [&](const auto& each) { return each.id == groupId; });
        if (group == page.groups.end())
            return found;
        auto members = store.membersOf(groupId);
        auto member = std::find_if(members.begin(), members.end(),
                                   [&](const auto& each) { return each.id == memberId; });
        if (member != members.end())
            found.emplace(*group, store.session(sessionId), *member);
        return found;
    };
    if (user->role == records::Role::clinicalLead) {
        if (auto since = reviewsRequiredSince(store)) {
            for (auto& note : store.notesAwaitingReview(*since)) {
                if (note.author == user->login)
                    continue;  // reviewed by someone else
                if (auto found = context(note.group, note.session, note.member)) {
                    auto& [group, session, member] = *found;
                    page.reviews.push_back({group, session, member, std::move(note)});
                }
            }
        }
    }
    for (auto& note : store.notesReturnedTo(user->id)) {
        if (auto found = context(note.group, note.session, note.member)) {
            auto& [group, session, member] = *found;
            page.returned.push_back({group, session, member, std::move(note)});
        }
    }
}

}  // namespace

std::optional<Date> dueOn(const curriculum::TimePoint& timePoint, Date joined,
                          std::optional<Date> left, int weeks) {
    switch (timePoint.due) {
        case curriculum::DueFrom::joining:
            return joined.plusMonths(timePoint.monthsAfter);
        case curriculum::DueFrom::yearEnd: {
            auto end = joined.plusDays(7 * weeks);
            if (left && *left < end)
                end = *left;
            return end.plusMonths(timePoint.monthsAfter);
        }
        case curriculum::DueFrom::never:
        case curriculum::DueFrom::eachSession:
            break;
    }
    return std::nullopt;
}

HomePage homePage(records::RecordStore& store, const curriculum::Programme& programme, Date today) {
    HomePage page;
    page.groups = groupsOf(store);
    const AlertSettings alerts{percentSetting(store, kRatingAlertBelow),
                               percentSetting(store, kRatingAlertDrop)};
    // Each member as in the first of her groups that lists him.
    std::map<records::MemberId, std::pair<records::Group, records::Member>> members;
    std::set<records::MemberId> measured;  // a man in two of her groups is counted once

    for (const auto& group : page.groups) {
        auto sessions = store.sessionsOf(group.id);  // by date
        std::optional<records::Session> next;
        for (const auto& session : sessions) {
            if (session.status != records::SessionStatus::planned)
                continue;
            if (session.date < today)
                page.sessions.push_back({group, session, true});
            else if (!next)
                next = session;
        }
        if (next)
            page.sessions.push_back({group, *next, false});

        auto groupMembers = store.membersOf(group.id);
        auto memberWithId = [&](records::MemberId id) -> records::Member {
            for (const auto& member : groupMembers) {
                if (member.id == id)
                    return member;
            }
            return {};
        };
        for (auto& owed : store.notesOwed(group.id)) {
            auto session = std::find_if(sessions.begin(), sessions.end(),
                                        [&](const auto& each) { return each.id == owed.session; });
            if (session == sessions.end())
                continue;  // a session the group does not list: its damage is shown there
            page.notes.push_back({group, *session, memberWithId(owed.member), owed.draftBy,
                                  session->date.daysUntil(today), owed.damage});
        }

        for (const auto& member : groupMembers) {
            members.emplace(member.id, std::pair(group, member));
            if (group.kind == records::GroupKind::carers || !measured.insert(member.id).second)
                continue;  // carers' groups take no outcome measures
            auto scores = standingScores(store.outcomeScoresOf(member.id));
            addMeasuresDue(page, programme, group, member, scores, today);
            if (!member.leftOn)
                addRatingAlerts(page, programme, group, member, scores, today, alerts);
        }
    }

    for (auto& concern : store.openConcerns()) {
        auto member = members.find(concern.memberId);
        if (member == members.end())
            continue;  // not a member of her groups
        for (const auto& action : concern.actions) {
            if (action.status != records::ActionStatus::open || !action.dueOn)
                continue;
            const int daysLeft = today.daysUntil(*action.dueOn);
            if (daysLeft <= kActionsDueWithinDays)
                page.actions.push_back(
                    {member->second.first, member->second.second, concern, action, daysLeft});
        }
    }

    addReviews(store, page);

    std::stable_sort(page.sessions.begin(), page.sessions.end(), [](const auto& a, const auto& b) {
        return std::pair(!a.notRecorded, a.session.date) <
               std::pair(!b.notRecorded, b.session.date);
    });
    std::stable_sort(page.notes.begin(), page.notes.end(),
                     [](const auto& a, const auto& b) { return a.daysOverdue > b.daysOverdue; });
    std::stable_sort(page.actions.begin(), page.actions.end(),
                     [](const auto& a, const auto& b) { return a.daysLeft < b.daysLeft; });
    std::stable_sort(page.measures.begin(), page.measures.end(),
                     [](const auto& a, const auto& b) { return a.dueOn < b.dueOn; });
    store.recordAccess(records::Access::view, "home-page", 0);
    return page;
}

}  // namespace roundtable::practice
