// A calendar date: the day of a session, of joining and leaving, of birth, an action's due day
// and the day a score was taken. A type rather than text so that dates are compared, counted
// and checked by the compiler and <chrono>, never as strings; the database keeps them as
// YYYY-MM-DD, the only form this type reads and writes (people's own orders: practice/Dates.h).
#pragma once

#include <chrono>
#include <compare>
#include <cstddef>
#include <ctime>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace roundtable::records {

class Date {
  public:
    /// 1970-01-01, until a real date is set (every record read from the store has one).
    constexpr Date() = default;
    /// Nullopt unless `text` is a real calendar date written exactly as YYYY-MM-DD.
    [[nodiscard]] static std::optional<Date> fromIso(std::string_view text);
    /// Nullopt unless year-month-day is a real calendar date.
    [[nodiscard]] static std::optional<Date> fromParts(int year, unsigned month, unsigned day);
    /// The date on this computer's calendar at `at`.
    [[nodiscard]] static Date localOn(std::time_t at);

    /// YYYY-MM-DD.
    [[nodiscard]] std::string iso() const;
    [[nodiscard]] int year() const;
    [[nodiscard]] unsigned month() const;  ///< 1 January ... 12 December
    [[nodiscard]] unsigned day() const;
    [[nodiscard]] unsigned weekday() const;  ///< 0 Sunday ... 6 Saturday

    [[nodiscard]] Date plusDays(int days) const { return Date(days_ + std::chrono::days{days}); }
    /// The same day `months` later; the month's last day when it is shorter (31 January plus one
    /// month is 28 or 29 February).
    [[nodiscard]] Date plusMonths(int months) const;
    /// Whole days from this date to `later` (negative when `later` is earlier).
    [[nodiscard]] int daysUntil(Date later) const {
        return static_cast<int>((later.days_ - days_).count());
    }

    auto operator<=>(const Date&) const = default;

  private:
    constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}
    std::chrono::sys_days days_{};
};

/// YYYY-MM-DD, for test failures.
std::ostream& operator<<(std::ostream& out, const Date& date);

namespace literals {
/// "2026-11-03"_date: a date written in code (tests, benchmarks); std::invalid_argument when the
/// text is not a real date.
[[nodiscard]] Date operator""_date(const char* text, std::size_t size);
}  // namespace literals

}  // namespace roundtable::records
