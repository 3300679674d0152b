// Made from the same reading as the outcomes CSV (groupOutcomes: each member's standing scores),
// so that the screen and the exported file cannot disagree on what was recorded.
#include "practice/OutcomeSummary.h"

#include <algorithm>
#include <numeric>

#include "practice/RecordsToPrint.h"
#include "practice/SessionRatings.h"
#include "text/Translate.h"

namespace roundtable::practice {
namespace {

std::string timePointLabel(const curriculum::Programme& programme, std::string_view id) {
    for (const auto& point : programme.timePoints) {
        if (point.id == id)
            return std::string(point.label);
    }
    return std::string(id);
}

/// The newest of `scores` that `matches`: taken last, recorded last on the same day.
template <typename Matches>
const records::OutcomeScore* newest(const std::vector<records::OutcomeScore>& scores,
                                    Matches matches) {
    const records::OutcomeScore* found = nullptr;
    for (const auto& score : scores) {
        if (matches(score) &&
            (!found || std::pair(score.takenOn, score.id) > std::pair(found->takenOn, found->id)))
            found = &score;
    }
    return found;
}

}  // namespace

ScoreSpread spreadOf(const std::vector<int>& scores) {
    if (scores.empty())
        return {};
    const auto [low, high] = std::minmax_element(scores.begin(), scores.end());
    return {static_cast<int>(scores.size()),
            std::accumulate(scores.begin(), scores.end(), 0.0) / static_cast<double>(scores.size()),
            *low, *high};
}

std::vector<MeasureOutcome> measureOutcomes(const GroupOutcomes& outcomes,
                                            const curriculum::Programme& programme) {
    std::vector<MeasureOutcome> result;
    for (const auto& measure : programme.measures) {
        if (eachSessionTimePoint(programme, measure))
            continue;  // a session rating: its trend is ratingTrend's
        MeasureOutcome summary{std::string(measure.id),
                               std::string(measure.name),
                               measure.min,
                               measure.max,
                               measure.higherIsBetter,
                               {}};
        for (auto point : measure.timePoints) {
            std::vector<int> scores;
            for (const auto& [member, memberScores] : outcomes.members) {
                const auto* score = newest(memberScores, [&](const auto& each) {
                    return each.measureId == measure.id && each.timePoint == point;
                });
                if (score)
                    scores.push_back(score->score);
            }
            summary.timePoints.push_back(
                {std::string(point), timePointLabel(programme, point), spreadOf(scores)});
        }
        result.push_back(std::move(summary));
    }
    return result;
}

std::optional<RatingTrend> ratingTrend(const GroupOutcomes& outcomes,
                                       const std::vector<records::Session>& sessions,
                                       const curriculum::Programme& programme) {
    const auto* measure = sessionRatingMeasure(programme);
    if (!measure)
        return std::nullopt;
    const auto timePoint = *eachSessionTimePoint(programme, *measure);
    RatingTrend trend{std::string(measure->id),
                      std::string(measure->name),
                      measure->min,
                      measure->max,
                      measure->higherIsBetter,
                      {},
                      {}};
    for (const auto& [member, scores] : outcomes.members)
        trend.members.push_back({member, {}});
    for (const auto& session : sessions) {
        if (session.status != records::SessionStatus::tookPlace)
            continue;
        std::vector<int> ratings;
        for (std::size_t m = 0; m < outcomes.members.size(); ++m) {
            const auto* rating = newest(outcomes.members[m].second, [&](const auto& score) {
                return isRatingOn(score, *measure, timePoint, session);
            });
            if (!rating)
                continue;
            ratings.push_back(rating->score);
            trend.members[m].ratings.push_back({session.date, rating->score});
        }
        trend.sessions.push_back({session, spreadOf(ratings)});
    }
    return trend;
}

GroupOutcomeSummary groupOutcomeSummary(records::RecordStore& store, records::GroupId group,
                                        const curriculum::Programme& programme) {
    GroupOutcomeSummary summary{groupOutcomes(store, group), {}, std::nullopt};
    auto sessions = store.sessionsOf(group);
    std::vector<std::string> damages;
    for (const auto& session : sessions)
        damages.push_back(session.damage);
    refuseDamaged(damages, "group", text::tr("The outcome summary"));
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    summary.measures = measureOutcomes(summary.outcomes, programme);
    summary.ratings = ratingTrend(summary.outcomes, sessions, programme);
    store.recordAccess(records::Access::view, "group-outcomes", group);
    return summary;
}

}  // namespace roundtable::practice
