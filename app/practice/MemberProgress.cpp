// Made from the same reading as the progress report (his history, the sessions that count for
// him, signed notes only), so that the page and the printed report give the same numbers.
#include "practice/MemberProgress.h"

#include <algorithm>
#include <map>

#include "practice/Practice.h"  // ValidationError
#include "text/Translate.h"

namespace roundtable::practice {
namespace {

std::string moduleTitleOf(const curriculum::Programme& programme, const std::string& moduleId) {
    if (moduleId.empty())
        return text::tr("Sessions not from the programme");
    const auto* module = programme.findModule(moduleId);
    return module ? std::string(module->title) : moduleId;
}

std::string timePointLabelOf(const curriculum::Programme& programme, const std::string& id) {
    for (const auto& point : programme.timePoints) {
        if (point.id == id)
            return std::string(point.label);
    }
    return id;
}

}  // namespace

std::vector<ModuleAttendance> attendanceByModule(const std::vector<PeriodSession>& sessions,
                                                 const curriculum::Programme& programme) {
    std::vector<ModuleAttendance> modules;
    for (const auto& [session, mark, note] : sessions) {
        // A catch-up goes over a session the group had: it is not one more delivered.
        if (session.isCatchUp())
            continue;
        const auto& id = session.stamp.moduleId;
        auto found = std::find_if(modules.begin(), modules.end(),
                                  [&](const auto& module) { return module.moduleId == id; });
        if (found == modules.end()) {
            modules.push_back({id, moduleTitleOf(programme, id), 0, 0});
            found = modules.end() - 1;
        }
        found->delivered += 1;
        found->attended += mark && records::wasPresent(mark->status) ? 1 : 0;
    }
    return modules;
}

std::vector<IndicatorProgress> ratingsByIndicator(const std::vector<PeriodSession>& sessions,
                                                  const curriculum::Programme& programme) {
    std::vector<std::string> moduleOrder;
    std::map<std::string, std::vector<IndicatorProgress>> byModule;
    for (const auto& session : sessions) {
        if (!session.signedNote || session.signedNote->content.ratings.empty())
            continue;
        const auto& moduleId = session.session.stamp.moduleId;
        auto [entry, added] = byModule.try_emplace(moduleId);
        auto& indicators = entry->second;
        if (added) {
            moduleOrder.push_back(moduleId);
            // The module's indicators in the programme's order (those never rated are left out
            // below); a rating of one the programme no longer has is added after them.
            if (const auto* module = programme.findModule(moduleId)) {
                for (const auto& indicator : module->indicators) {
                    indicators.push_back({moduleId,
                                          std::string(module->title),
                                          std::string(indicator.id),
                                          std::string(indicator.label),
                                          indicator.scaleMin,
                                          indicator.scaleMax,
                                          {}});
                }
            }
        }
        for (const auto& rating : session.signedNote->content.ratings) {
            auto found = std::find_if(indicators.begin(), indicators.end(), [&](const auto& each) {
                return each.indicatorId == rating.indicatorId;
            });
            if (found == indicators.end()) {
                indicators.push_back({moduleId,
                                      moduleTitleOf(programme, moduleId),
                                      rating.indicatorId,
                                      rating.indicatorId,
                                      rating.rating,
                                      rating.rating,
                                      {}});
                found = indicators.end() - 1;
            }
            found->ratings.push_back({session.session.date, rating.rating});
        }
    }
    std::vector<IndicatorProgress> result;
    for (const auto& moduleId : moduleOrder) {
        for (auto& indicator : byModule[moduleId]) {
            // An indicator the programme no longer has: its scale is what was used.
            if (!programme.findModule(moduleId) ||
                std::none_of(
                    programme.findModule(moduleId)->indicators.begin(),
                    programme.findModule(moduleId)->indicators.end(),
                    [&](const auto& known) { return known.id == indicator.indicatorId; })) {
                for (const auto& [date, rating] : indicator.ratings) {
                    indicator.scaleMin = std::min(indicator.scaleMin, rating);
                    indicator.scaleMax = std::max(indicator.scaleMax, rating);
                }
            }
            if (!indicator.ratings.empty())
                result.push_back(std::move(indicator));
        }
    }
    return result;
}

std::vector<MeasureProgress> scoresByMeasure(const std::vector<records::OutcomeScore>& scores,
                                             const curriculum::Programme& programme) {
    std::vector<MeasureProgress> result;
    for (const auto& measure : programme.measures) {
        result.push_back({std::string(measure.id),
                          std::string(measure.name),
                          measure.min,
                          measure.max,
                          measure.higherIsBetter,
                          {}});
    }
    const auto known = result.size();
    for (const auto& score : scores) {
        auto found = std::find_if(result.begin(), result.end(), [&](const auto& measure) {
            return measure.measureId == score.measureId;
        });
        if (found == result.end()) {
            result.push_back(
                {score.measureId, score.measureId, score.score, score.score, true, {}});
            found = result.end() - 1;
        }
        if (found - result.begin() >= static_cast<std::ptrdiff_t>(known)) {
            found->min = std::min(found->min, score.score);
            found->max = std::max(found->max, score.score);
        }
        found->scores.push_back({score.timePoint, timePointLabelOf(programme, score.timePoint),
                                 score.takenOn, score.score});
    }
    // Only the measures he has scores on; each one's oldest first.
    std::erase_if(result, [](const auto& measure) { return measure.scores.empty(); });
    for (auto& measure : result) {
        std::stable_sort(measure.scores.begin(), measure.scores.end(),
                         [](const auto& a, const auto& b) { return a.takenOn < b.takenOn; });
    }
    return result;
}

std::vector<MilestoneProgress> milestonesReached(const std::vector<records::Milestone>& records,
                                                 const curriculum::Programme& programme) {
    std::vector<MilestoneProgress> result;
    for (const auto& milestone : programme.milestones)
        result.push_back({std::string(milestone.id), std::string(milestone.label), std::nullopt});
    for (const auto& record : records) {
        if (record.withdrawnBecause)
            continue;
        auto found = std::find_if(result.begin(), result.end(), [&](const auto& each) {
            return each.milestoneId == record.milestoneId;
        });
        if (found == result.end()) {
            result.push_back({record.milestoneId, record.milestoneId, std::nullopt});
            found = std::prev(result.end());
        }
        found->reached = record;  // the newest standing record counts
    }
    return result;
}

MemberProgress memberProgress(records::RecordStore& store, records::MemberId member,
                              const curriculum::Programme& programme) {
    std::vector<std::pair<records::GroupId, records::Member>> memberships;
    for (const auto& group : store.groups()) {
        for (auto& each : store.membersOf(group.id)) {
            if (each.id == member)
                memberships.emplace_back(group.id, std::move(each));
        }
    }
    if (memberships.empty()) {
        throw ValidationError("member", text::fill(text::tr("There is no member with id {1}."),
                                                   {std::to_string(member)}));
    }
    MemberProgress progress;
    progress.member =
        std::min_element(memberships.begin(), memberships.end(), [](const auto& a, const auto& b) {
            return a.second.joinedOn < b.second.joinedOn;
        })->second;
    std::vector<std::string> damages;
    for (const auto& membership : memberships)
        damages.push_back(membership.second.damage);

    // The sessions that count for him, as the report reads them: his mark at each, and his
    // note only once it is signed (a draft may still change).
    std::vector<PeriodSession> sessions;
    for (auto& entry : store.historyOf(member)) {
        damages.push_back(entry.session.damage);
        damages.push_back(entry.mark ? entry.mark->damage : std::string());
        damages.push_back(entry.note ? entry.note->damage : std::string());
        auto membership = std::find_if(memberships.begin(), memberships.end(), [&](const auto& m) {
            return m.first == entry.session.groupId;
        });
        if (membership == memberships.end() ||
            !attendanceCounts(entry.session, membership->second, entry.mark))
            continue;
        PeriodSession session{std::move(entry.session), std::move(entry.mark), std::nullopt};
        if (entry.note && entry.note->state == records::NoteState::signedOff)
            session.signedNote = std::move(entry.note);
        sessions.push_back(std::move(session));
    }
    auto scores = store.outcomeScoresOf(member);
    for (const auto& score : scores)
        damages.push_back(score.damage);
    auto milestones = store.milestonesOf(member);
    for (const auto& milestone : milestones)
        damages.push_back(milestone.damage);
    // His check-ins, at the sessions that count for him (oldest first, as they are read).
    for (const auto& checkIn : store.checkInsOf(member)) {
        auto at = std::find_if(sessions.begin(), sessions.end(), [&](const PeriodSession& s) {
            return s.session.id == checkIn.sessionId;
        });
        if (at == sessions.end())
            continue;
        damages.push_back(checkIn.damage);
        progress.moods.push_back({at->session.date, checkIn.mood});
    }
    for (auto& task : store.tasksOf(member)) {
        damages.push_back(task.damage);
        if (task.review)
            damages.push_back(task.review->damage);
        const auto setOn = store.session(task.sessionId).date;
        std::optional<records::Date> reviewedOn;
        if (task.review)
            reviewedOn = store.session(task.review->sessionId).date;
        progress.tasks.push_back({setOn, std::move(task), reviewedOn});
    }
    refuseDamaged(damages, "progress", text::tr("The progress view"));

    progress.modules = attendanceByModule(sessions, programme);
    progress.indicators = ratingsByIndicator(sessions, programme);
    progress.measures = scoresByMeasure(scores, programme);
    progress.milestones = milestonesReached(milestones, programme);
    store.recordAccess(records::Access::view, "member-progress", member);
    return progress;
}

}  // namespace roundtable::practice
