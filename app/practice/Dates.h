// Calendar dates as YYYY-MM-DD strings, the form the record store keeps.
#pragma once

#include <string>

#include "records/Clock.h"

namespace roundtable::practice {

/// True for a real calendar date written as YYYY-MM-DD.
[[nodiscard]] bool isIsoDate(const std::string& text);
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
