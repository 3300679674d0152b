// Session mode's timing: per-activity countdowns and the session's clock, from a clock passed in.
#include "practice/SessionClock.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "text/Translate.h"

namespace roundtable::practice {

using std::chrono::duration_cast;
using std::chrono::milliseconds;
using std::chrono::seconds;

MonotonicClock steadyClock() {
    return [] {
        return duration_cast<milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
    };
}

SessionClock::SessionClock(std::vector<int> activityMinutes, int sessionMinutes, MonotonicClock now)
    : minutes_(std::move(activityMinutes)),
      sessionMinutes_(sessionMinutes),
      now_(std::move(now)),
      elapsed_(minutes_.size(), milliseconds{0}) {
    if (minutes_.empty())
        throw std::invalid_argument("a session clock needs at least one activity");
}

void SessionClock::start() {
    if (running())
        return;
    const auto at = now();
    runningSince_ = at;
    if (!sessionStart_)
        sessionStart_ = at;
}

void SessionClock::pause() {
    endTurn(false);
}

void SessionClock::startOrPause() {
    if (running())
        pause();
    else
        start();
}

void SessionClock::endTurn(bool keepRunning) {
    if (!runningSince_)
        return;
    const auto at = now();
    elapsed_[current_] += at - *runningSince_;
    runningSince_.reset();
    if (keepRunning)
        runningSince_ = at;
}

bool SessionClock::next() {
    if (current_ + 1 >= minutes_.size())
        return false;
    jumpTo(current_ + 1);
    return true;
}

bool SessionClock::back() {
    if (current_ == 0)
        return false;
    jumpTo(current_ - 1);
    return true;
}

void SessionClock::jumpTo(std::size_t activity) {
    if (activity >= minutes_.size())
        throw std::out_of_range("no such activity in the plan");
    if (activity == current_)
        return;
    // The turn so far belongs to the activity being left; the countdown, if running, runs on
    // for the one the facilitators moved to.
    endTurn(running());
    current_ = activity;
}

seconds SessionClock::elapsed(std::size_t activity) const {
    auto total = elapsed_.at(activity);
    if (activity == current_ && runningSince_)
        total += now() - *runningSince_;
    return duration_cast<seconds>(total);
}

seconds SessionClock::remaining() const {
    return seconds{minutes_[current_] * 60} - elapsed(current_);
}

seconds SessionClock::sessionElapsed() const {
    if (!sessionStart_)
        return seconds{0};
    return duration_cast<seconds>(now() - *sessionStart_);
}

seconds SessionClock::untilPlannedEnd() const {
    return seconds{sessionMinutes_ * 60} - sessionElapsed();
}

seconds SessionClock::behindPlan() const {
    const int later =
        std::accumulate(minutes_.begin() + static_cast<long>(current_) + 1, minutes_.end(), 0);
    const auto needed = std::max(remaining(), seconds{0}) + seconds{later * 60};
    return needed - untilPlannedEnd();
}

std::string clockText(seconds time) {
    auto total = time.count() < 0 ? -time.count() : time.count();
    const auto hours = total / 3600, minutes = total / 60 % 60, secs = total % 60;
    auto twoDigits = [](long long value) {
        std::string digits = std::to_string(value);
        if (digits.size() < 2)
            digits.insert(digits.begin(), '0');
        return digits;
    };
    if (hours > 0)
        return std::to_string(hours) + ":" + twoDigits(minutes) + ":" + twoDigits(secs);
    return std::to_string(minutes) + ":" + twoDigits(secs);
}

std::string countdownText(seconds remaining) {
    if (remaining.count() >= 0)
        return clockText(remaining);
    // TRANSLATORS: the time an activity has run past its planned minutes, e.g. "+2:10 over".
    return text::fill(text::tr("+{1} over"), {clockText(remaining)});
}

}  // namespace roundtable::practice
