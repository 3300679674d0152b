// Session mode's plan from the record store's plan and the curriculum, and the state of one run.
#include "practice/SessionRun.h"

#include <algorithm>
#include <stdexcept>

#include "text/Translate.h"

namespace roundtable::practice {
namespace {

std::vector<int> minutesOf(const RunPlan& plan) {
    std::vector<int> minutes;
    for (const auto& activity : plan.activities)
        minutes.push_back(activity.minutes);
    return minutes;
}

}  // namespace

const curriculum::Activity* curriculumActivity(const curriculum::Session* session,
                                               std::size_t place,
                                               const records::PlannedActivity& planned) {
    if (!session)
        return nullptr;
    const auto activities = session->activities;
    if (place < activities.size() && activities[place].title == planned.title)
        return &activities[place];
    auto found = std::find_if(activities.begin(), activities.end(), [&](const auto& activity) {
        return activity.title == planned.title;
    });
    return found == activities.end() ? nullptr : &*found;
}

std::optional<curriculum::Activity> curriculumActivityOf(const curriculum::Session* session,
                                                         const records::PlanStep& step) {
    const auto* found = curriculumActivity(session, step.madePlace, step.activity);
    if (!found)
        return std::nullopt;
    auto activity = *found;
    activity.minutes = step.activity.minutes;  // as adapted for the group
    return activity;
}

const curriculum::Session* curriculumSessionOf(const records::Session& session,
                                               const curriculum::Module* planned) {
    if (!planned)
        return nullptr;
    for (const auto& candidate : planned->sessions) {
        if (candidate.id == session.stamp.sessionId)
            return &candidate;
    }
    return nullptr;
}

RunPlan runPlanOf(const records::Session& session, const curriculum::Programme& programme,
                  const curriculum::Module* planned) {
    const auto* curriculumSession = curriculumSessionOf(session, planned);
    RunPlan plan{session.title, session.minutes, {}};
    // The plan as it stands: adapted for the group, each activity still found in the curriculum
    // by its place in the plan as made.
    for (const auto& step : session.planSteps()) {
        const auto& plannedActivity = step.activity;
        RunActivity activity{
            plannedActivity.title, plannedActivity.kind, plannedActivity.minutes, {}, {}, {}, {}};
        const auto found = curriculumActivityOf(curriculumSession, step);
        const auto* source = found ? &*found : nullptr;
        if (source) {
            activity.guidance.assign(source->guidance.begin(), source->guidance.end());
            if (!step.addedGuidance.empty()) {
                activity.guidance.push_back(
                    text::fill(text::tr("For this group: {1}"), {step.addedGuidance}));
            }
            activity.adapt = source->adapt;
            activity.watch = source->watch;
        } else if (!plannedActivity.guidance.empty()) {
            activity.guidance.push_back(plannedActivity.guidance);  // what was added after it
        }
        for (const auto* prompt :
             curriculum::promptsFor(&programme, planned, source, plannedActivity.kind)) {
            activity.prompts.push_back(
                {std::string(prompt->title), {prompt->lines.begin(), prompt->lines.end()}});
        }
        plan.activities.push_back(std::move(activity));
    }
    return plan;
}

SessionRun::SessionRun(RunPlan plan, MonotonicClock now)
    : plan_(std::move(plan)), clock_(minutesOf(plan_), plan_.minutes, std::move(now)) {}

const RunActivity* SessionRun::next() const {
    const auto at = clock_.current() + 1;
    return at < plan_.activities.size() ? &plan_.activities[at] : nullptr;
}

std::vector<std::size_t> SessionRun::promptsShown() const {
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < current().prompts.size(); ++i) {
        if (!dismissed_.contains({clock_.current(), i}))
            shown.push_back(i);
    }
    return shown;
}

bool SessionRun::dismissPrompt() {
    const auto shown = promptsShown();
    if (shown.empty())
        return false;
    dismissed_.insert({clock_.current(), shown.front()});
    return true;
}

}  // namespace roundtable::practice
