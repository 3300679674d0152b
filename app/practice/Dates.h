// Calendar dates as YYYY-MM-DD strings, the form the record store keeps, and dates as people
// type and read them: in their own order (day/month/year, month/day/year or year-month-day).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "records/Clock.h"
#include "settings/Settings.h"

namespace roundtable::practice {

/// True for a real calendar date written as YYYY-MM-DD.
[[nodiscard]] bool isIsoDate(const std::string& text);
/// The year of a valid YYYY-MM-DD date.
[[nodiscard]] int yearOf(const std::string& isoDate);

/// The orders in which a date is typed and shown.
enum class DateOrder { dayMonthYear, monthDayYear, yearMonthDay };
/// Every order, as Preferences offers them.
inline constexpr std::array<DateOrder, 3> kDateOrders{
    DateOrder::dayMonthYear, DateOrder::monthDayYear, DateOrder::yearMonthDay};
/// This computer's order, from its locale's date format (LC_TIME, as set by the program); the
/// unambiguous year-month-day under the C locale, which is no person's.
[[nodiscard]] DateOrder localeDateOrder();
/// The order of a strftime date format: "%d/%m/%Y" (en_GB), "%m/%d/%y" (en_US), "%Y-%m-%d".
[[nodiscard]] DateOrder dateOrderOfFormat(std::string_view format);
/// A valid YYYY-MM-DD date written in `order`: 03/11/2026, 11/03/2026 or 2026-11-03.
[[nodiscard]] std::string formatDate(const std::string& isoDate, DateOrder order);
/// How a date is typed in `order`, for a field's hint: DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD.
[[nodiscard]] std::string datePattern(DateOrder order);
/// A date typed in `order` (day, month and the year in full, separated by "/", "." or "-"),
/// or as YYYY-MM-DD whatever the order, as YYYY-MM-DD; nullopt when it is not a real date.
[[nodiscard]] std::optional<std::string> readTypedDate(std::string_view text, DateOrder order);
/// The settings' words for the orders ("day-month-year"...), and back (nullopt when unknown).
[[nodiscard]] const char* dateOrderName(DateOrder order);
[[nodiscard]] std::optional<DateOrder> dateOrderNamed(std::string_view name);
/// The order chosen in this computer's settings (settings::dateOrder), else the locale's.
[[nodiscard]] DateOrder dateOrderSetting(const settings::SettingsStore& settings);

/// True for a time of day written as HH:MM (24-hour clock).
[[nodiscard]] bool isClockTime(const std::string& text);
/// The date `days` after `isoDate` (which must be valid).
[[nodiscard]] std::string addDays(const std::string& isoDate, int days);
/// The latest date on or before `isoDate` that falls on `weekday` (0 Sunday ... 6 Saturday).
[[nodiscard]] std::string weekdayOnOrBefore(const std::string& isoDate, unsigned weekday);
/// The first date on or after `isoDate` that falls on `weekday` (0 Sunday ... 6 Saturday).
[[nodiscard]] std::string weekdayOnOrAfter(const std::string& isoDate, unsigned weekday);
/// Whole days from `from` to `to` (both YYYY-MM-DD, or timestamps starting with one).
[[nodiscard]] int daysBetween(const std::string& from, const std::string& to);
/// The date YYYY-MM-DD that a stored timestamp (or a date) starts with.
[[nodiscard]] std::string dateOf(const std::string& timestamp);
/// "3 November 2026" for a valid YYYY-MM-DD: the form easy-read text uses.
[[nodiscard]] std::string dateInWords(const std::string& isoDate);
/// The time on this computer's calendar at `hour`:`minute` of `isoDate` (which must be valid).
[[nodiscard]] std::time_t localTimeOn(const std::string& isoDate, int hour, int minute);
/// Today's local date, by `clock` (the record store's: Practice uses store.clock()).
[[nodiscard]] std::string today(const records::Clock& clock = records::systemClock());

}  // namespace roundtable::practice
