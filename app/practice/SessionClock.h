// The timing of a session run in session mode: which activity of the plan is current, each
// activity's own countdown (kept when the facilitators go back to it), and the session's running
// clock against its planned end. Time comes from a clock passed in, so that tests (and the GUI
// tests) say what time it is; no wx here: the session mode window is a thin layer over this.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace roundtable::practice {

/// A monotonic clock: the time since any fixed moment (std::chrono::steady_clock in the app).
using MonotonicClock = std::function<std::chrono::milliseconds()>;

/// The app's clock: std::chrono::steady_clock.
[[nodiscard]] MonotonicClock steadyClock();

class SessionClock {
  public:
    /// `activityMinutes`: each activity's planned minutes, in the plan's order (at least one);
    /// `sessionMinutes`: the session's planned length, which its clock counts towards.
    SessionClock(std::vector<int> activityMinutes, int sessionMinutes, MonotonicClock now);

    [[nodiscard]] std::size_t activityCount() const { return minutes_.size(); }
    [[nodiscard]] std::size_t current() const { return current_; }
    [[nodiscard]] int minutesOf(std::size_t activity) const { return minutes_.at(activity); }
    [[nodiscard]] int sessionMinutes() const { return sessionMinutes_; }
    /// Whether the current activity's countdown is running.
    [[nodiscard]] bool running() const { return runningSince_.has_value(); }
    /// Whether the session's clock has started (the first start); it runs on from then, paused
    /// or not, as the room's clock does.
    [[nodiscard]] bool started() const { return sessionStart_.has_value(); }

    /// Starts (or resumes) the current activity's countdown; the first start starts the session's
    /// clock too.
    void start();
    /// Pauses the current activity's countdown; the session's clock runs on.
    void pause();
    /// start() when paused, pause() when running (the Space key).
    void startOrPause();
    /// The next activity; a running countdown carries on running there. False at the last one.
    bool next();
    /// The activity before; as next(). False at the first one.
    bool back();
    /// Makes `activity` current, as next() and back() do. Throws std::out_of_range past the end.
    void jumpTo(std::size_t activity);

    /// How long `activity`'s countdown has run, in all its turns so far.
    [[nodiscard]] std::chrono::seconds elapsed(std::size_t activity) const;
    /// The current activity's time left: its planned minutes less its elapsed time; negative
    /// when it has run over.
    [[nodiscard]] std::chrono::seconds remaining() const;
    /// Since the session's clock started (zero before).
    [[nodiscard]] std::chrono::seconds sessionElapsed() const;
    /// Until the session's planned end: its minutes less sessionElapsed(); negative past it.
    [[nodiscard]] std::chrono::seconds untilPlannedEnd() const;
    /// How far the session is behind its plan (negative: ahead): the time the rest of the plan
    /// needs (what is left of the current activity, none if it is over, and every activity
    /// after it) against the time left until the planned end.
    [[nodiscard]] std::chrono::seconds behindPlan() const;

  private:
    /// Adds the running turn to the current activity's elapsed time, and starts a new turn when
    /// `keepRunning`.
    void endTurn(bool keepRunning);
    [[nodiscard]] std::chrono::milliseconds now() const { return now_(); }

    std::vector<int> minutes_;
    int sessionMinutes_ = 0;
    MonotonicClock now_;
    std::size_t current_ = 0;
    std::vector<std::chrono::milliseconds> elapsed_;  ///< each activity's finished turns
    std::optional<std::chrono::milliseconds> runningSince_;
    std::optional<std::chrono::milliseconds> sessionStart_;
};

/// A time as a clock shows it: "9:05", "0:40", "1:02:03" (hours only when there are any);
/// the sign is dropped.
[[nodiscard]] std::string clockText(std::chrono::seconds time);
/// A countdown: the time left ("9:05"), or the time over, calmly ("+2:10 over").
[[nodiscard]] std::string countdownText(std::chrono::seconds remaining);

}  // namespace roundtable::practice
