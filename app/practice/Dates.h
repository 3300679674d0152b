// Dates as people type and read them: in their own order (day/month/year, month/day/year or
// year-month-day), in words for easy-read, and the calendar arithmetic the use cases need. The
// date itself is records::Date.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "records/Clock.h"
#include "records/Date.h"
#include "settings/Settings.h"

namespace roundtable::practice {

using records::Date;

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
/// `date` written in `order`: 03/11/2026, 11/03/2026 or 2026-11-03.
[[nodiscard]] std::string formatDate(Date date, DateOrder order);
/// How a date is typed in `order`, for a field's hint: DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD.
[[nodiscard]] std::string datePattern(DateOrder order);
/// A date typed in `order` (day, month and the year in full, separated by "/", "." or "-"),
/// or as YYYY-MM-DD whatever the order; nullopt when it is not a real date.
[[nodiscard]] std::optional<Date> readTypedDate(std::string_view text, DateOrder order);
/// The settings' words for the orders ("day-month-year"...), and back (nullopt when unknown).
[[nodiscard]] const char* dateOrderName(DateOrder order);
[[nodiscard]] std::optional<DateOrder> dateOrderNamed(std::string_view name);
/// The order chosen in this computer's settings (settings::dateOrder), else the locale's.
[[nodiscard]] DateOrder dateOrderSetting(const settings::SettingsStore& settings);

/// True for a time of day written as HH:MM (24-hour clock).
[[nodiscard]] bool isClockTime(const std::string& text);
/// The latest date on or before `date` that falls on `weekday` (0 Sunday ... 6 Saturday).
[[nodiscard]] Date weekdayOnOrBefore(Date date, unsigned weekday);
/// The first date on or after `date` that falls on `weekday` (0 Sunday ... 6 Saturday).
[[nodiscard]] Date weekdayOnOrAfter(Date date, unsigned weekday);
/// The day a stored timestamp (UTC, ISO 8601) falls on; 1970-01-01 for text that is not one
/// (only a damaged record holds such, and says so).
[[nodiscard]] Date dateOf(const std::string& timestamp);
/// "3 November 2026": the form easy-read text uses.
[[nodiscard]] std::string dateInWords(Date date);
/// The time on this computer's calendar at `hour`:`minute` of `date`.
[[nodiscard]] std::time_t localTimeOn(Date date, int hour, int minute);
/// Today's local date, by `clock` (the record store's: Practice uses store.clock()).
[[nodiscard]] Date today(const records::Clock& clock = records::systemClock());

}  // namespace roundtable::practice
