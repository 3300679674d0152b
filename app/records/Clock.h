// Where "now" comes from. The record store stamps every record and audit event with its
// clock's time and decides by its date whether a note is a late entry; the use cases ask it
// for today. It is the computer's clock unless another is given: tests, and the demo, whose
// notes are signed on the day of their session.
#pragma once

#include <ctime>
#include <string>

#include "records/Date.h"

namespace roundtable::records {

class Clock {
  public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual std::time_t now() const = 0;
};

/// The computer's clock.
[[nodiscard]] const Clock& systemClock();

/// A clock that shows the time it was set to (tests, the demo).
class SetClock : public Clock {
  public:
    explicit SetClock(std::time_t at) : at_(at) {}
    [[nodiscard]] std::time_t now() const override { return at_; }
    void set(std::time_t at) { at_ = at; }

  private:
    std::time_t at_;
};

enum class Zone { local, utc };

/// `at` formatted with strftime's `format`, on this computer's calendar or in UTC.
[[nodiscard]] std::string formatTime(std::time_t at, const char* format, Zone zone);

/// The clock's time as every stored timestamp is written: UTC, ISO 8601 to the second.
[[nodiscard]] inline std::string utcTimestamp(const Clock& clock) {
    return formatTime(clock.now(), "%Y-%m-%dT%H:%M:%SZ", Zone::utc);
}

/// The clock's date on this computer's calendar (as the facilitator sees it).
[[nodiscard]] inline Date localDate(const Clock& clock) {
    return Date::localOn(clock.now());
}

/// The computer's time now, for the names of files kept beside a database (not records).
[[nodiscard]] inline std::string fileStamp(const char* format, Zone zone) {
    return formatTime(systemClock().now(), format, zone);
}

}  // namespace roundtable::records
