// Calendar dates with <chrono>'s calendar types (GCC 12 has them; not <format> or parse).
#include "records/Date.h"

#include <cstdio>
#include <ostream>
#include <stdexcept>

namespace roundtable::records {
namespace {
using std::chrono::year_month_day;

year_month_day calendar(std::chrono::sys_days days) {
    return year_month_day{days};
}

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return !text.empty();
}

int number(std::string_view digits) {
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}
}  // namespace

std::optional<Date> Date::fromParts(int year, unsigned month, unsigned day) {
    year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!date.ok())
        return std::nullopt;
    return Date(std::chrono::sys_days{date});
}

Date Date::plusMonths(int months) const {
    year_month_day date{days_};
    year_month_day moved = date + std::chrono::months{months};
    if (!moved.ok())
        moved = std::chrono::year_month_day_last{moved.year(),
                                                 std::chrono::month_day_last{moved.month()}};
    return Date(std::chrono::sys_days{moved});
}

std::optional<Date> Date::fromIso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !allDigits(text.substr(0, 4)) ||
        !allDigits(text.substr(5, 2)) || !allDigits(text.substr(8, 2)))
        return std::nullopt;
    return fromParts(number(text.substr(0, 4)), static_cast<unsigned>(number(text.substr(5, 2))),
                     static_cast<unsigned>(number(text.substr(8, 2))));
}

Date Date::localOn(std::time_t at) {
    std::tm parts{};
    localtime_r(&at, &parts);
    return *fromParts(parts.tm_year + 1900, static_cast<unsigned>(parts.tm_mon + 1),
                      static_cast<unsigned>(parts.tm_mday));
}

std::string Date::iso() const {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", year(), month(), day());
    return text;
}

int Date::year() const {
    return int(calendar(days_).year());
}

unsigned Date::month() const {
    return unsigned(calendar(days_).month());
}

unsigned Date::day() const {
    return unsigned(calendar(days_).day());
}

unsigned Date::weekday() const {
    return std::chrono::weekday{days_}.c_encoding();
}

std::ostream& operator<<(std::ostream& out, const Date& date) {
    return out << date.iso();
}

Date literals::operator""_date(const char* text, std::size_t size) {
    auto date = Date::fromIso({text, size});
    if (!date)
        throw std::invalid_argument("not a date: " + std::string(text, size));
    return *date;
}

}  // namespace roundtable::records
