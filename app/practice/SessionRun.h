// What session mode shows of a session's plan, and one run of it: the activities in the plan's
// order with the curriculum's guidance for the facilitators and the prompts that apply, the
// clock (SessionClock.h), and which prompts the facilitators have dismissed. Curriculum content
// only: nothing about the members, so that nothing clinical is ever on a screen the room sees.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "curriculum/Programme.h"
#include "practice/SessionClock.h"
#include "records/Types.h"

namespace roundtable::practice {

/// A prompt for the facilitators, copied from the curriculum (curriculum::Prompt).
struct RunPrompt {
    std::string title;
    std::vector<std::string> lines;
};

struct RunActivity {
    std::string title;
    std::string kind;
    int minutes = 0;
    std::vector<std::string> guidance;  ///< paragraphs for the facilitators
    std::string adapt;                  ///< how to adapt it for a man who is struggling
    std::string watch;                  ///< what to watch for
    std::vector<RunPrompt> prompts;     ///< the programme's, the module's, the activity's own
};

struct RunPlan {
    std::string title;  ///< the session's
    int minutes = 0;    ///< the session's planned length
    std::vector<RunActivity> activities;
};

/// The curriculum session `session` was planned from, in `planned` (the module version it was
/// planned from); null when `planned` is null or does not hold it.
[[nodiscard]] const curriculum::Session* curriculumSessionOf(const records::Session& session,
                                                             const curriculum::Module* planned);
/// The curriculum's activity that `planned` (at `place` in the plan) was copied from: the one at
/// the same place with the same title, or else the first with that title; null when none (or
/// `session` is null).
[[nodiscard]] const curriculum::Activity* curriculumActivity(
    const curriculum::Session* session, std::size_t place, const records::PlannedActivity& planned);

/// The curriculum's activity (in `session`) that `step` of a plan as it stands was copied from
/// (curriculumActivity of its place in the plan as made), with the step's minutes; nothing when
/// there is none.
[[nodiscard]] std::optional<curriculum::Activity> curriculumActivityOf(
    const curriculum::Session* session, const records::PlanStep& step);

/// The plan of `session` as session mode shows it: its activities as the plan stands (title, kind
/// and minutes, in its order, as adapted for the group when it was), each with the guidance,
/// "adapt" and "watch for" of the same activity in `planned` (the module version it was planned
/// from; null when it is not known) and any guidance added for the group after the curriculum's,
/// and the prompts that apply to its kind from `programme`, `planned` and the activity. A
/// planned activity that the curriculum session no longer has (matched by its place in the plan
/// as made, and title) keeps the guidance text the plan holds, and the programme's prompts.
[[nodiscard]] RunPlan runPlanOf(const records::Session& session,
                                const curriculum::Programme& programme,
                                const curriculum::Module* planned);

/// One run of a session in session mode, from opening it to leaving it.
class SessionRun {
  public:
    /// Throws std::invalid_argument when the plan has no activity.
    SessionRun(RunPlan plan, MonotonicClock now);

    [[nodiscard]] const RunPlan& plan() const { return plan_; }
    [[nodiscard]] SessionClock& clock() { return clock_; }
    [[nodiscard]] const SessionClock& clock() const { return clock_; }
    [[nodiscard]] const RunActivity& current() const { return plan_.activities[clock_.current()]; }
    /// The activity after the current one; null at the last.
    [[nodiscard]] const RunActivity* next() const;

    /// The current activity's prompts not dismissed in this run, as places in its prompts.
    [[nodiscard]] std::vector<std::size_t> promptsShown() const;
    /// Dismisses the first prompt shown for the current activity, for the rest of this run (it
    /// comes back in the next run, or for another activity it applies to). False when none is
    /// shown.
    bool dismissPrompt();

  private:
    RunPlan plan_;
    SessionClock clock_;
    /// (activity, prompt) places dismissed.
    std::set<std::pair<std::size_t, std::size_t>> dismissed_;
};

}  // namespace roundtable::practice
