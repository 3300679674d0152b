// Calendar arithmetic on ISO dates with <chrono> (g++ 12: calendar types, no <format>).
#include "practice/Dates.h"
#include "text/Translate.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>

namespace roundtable::practice {
namespace {
std::chrono::year_month_day parse(const std::string& text) {
    return {std::chrono::year{std::stoi(text.substr(0, 4))},
            std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
            std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
}

std::string print(int year, unsigned month, unsigned day) {
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, month, day);
    return text;
}
}  // namespace

bool isIsoDate(const std::string& text) {
    static const std::regex pattern(R"(\d{4}-\d{2}-\d{2})");
    return std::regex_match(text, pattern) && parse(text).ok();
}

std::string addDays(const std::string& isoDate, int days) {
    std::chrono::year_month_day date{std::chrono::sys_days{parse(isoDate)} +
                                     std::chrono::days{days}};
    return print(int(date.year()), unsigned(date.month()), unsigned(date.day()));
}

std::string weekdayOnOrBefore(const std::string& isoDate, unsigned weekday) {
    std::chrono::sys_days date{parse(isoDate)};
    auto back = (std::chrono::weekday{date} - std::chrono::weekday{weekday}).count();
    return addDays(isoDate, -static_cast<int>(back));
}

std::string weekdayOnOrAfter(const std::string& isoDate, unsigned weekday) {
    return weekdayOnOrBefore(addDays(isoDate, 6), weekday);
}

int daysBetween(const std::string& from, const std::string& to) {
    return static_cast<int>((std::chrono::sys_days{parse(to.substr(0, 10))} -
                             std::chrono::sys_days{parse(from.substr(0, 10))})
                                .count());
}

std::string dateOf(const std::string& timestamp) {
    return timestamp.substr(0, 10);
}

std::string dateInWords(const std::string& isoDate) {
    static const char* const kMonths[] = {
        text::trLater("January"), text::trLater("February"), text::trLater("March"),
        text::trLater("April"),   text::trLater("May"),      text::trLater("June"),
        text::trLater("July"),    text::trLater("August"),   text::trLater("September"),
        text::trLater("October"), text::trLater("November"), text::trLater("December")};
    auto date = parse(isoDate);
    // TRANSLATORS: a date in words: {1} the day, {2} the month's name, {3} the year.
    return text::fill(text::tr("{1} {2} {3}"), {std::to_string(unsigned(date.day())),
                                                text::tr(kMonths[unsigned(date.month()) - 1]),
                                                std::to_string(int(date.year()))});
}

std::string today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return print(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                 static_cast<unsigned>(local.tm_mday));
}

bool isClockTime(const std::string& text) {
    if (text.size() != 5 || text[2] != ':')
        return false;
    for (int i : {0, 1, 3, 4}) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    int hours = (text[0] - '0') * 10 + (text[1] - '0');
    int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    return hours < 24 && minutes < 60;
}

}  // namespace roundtable::practice
