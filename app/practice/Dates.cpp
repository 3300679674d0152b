// Calendar arithmetic on ISO dates with <chrono> (g++ 12: calendar types, no <format>).
#include "practice/Dates.h"
#include "text/Translate.h"

#include <langinfo.h>

#include <array>
#include <chrono>
#include <clocale>
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

/// How each order is typed (a field's hint) and named (in the settings), by its value.
struct OrderWords {
    const char* pattern;
    const char* name;
};
constexpr OrderWords kOrderWords[] = {{"DD/MM/YYYY", "day-month-year"},
                                      {"MM/DD/YYYY", "month-day-year"},
                                      {"YYYY-MM-DD", "year-month-day"}};
const OrderWords& wordsOf(DateOrder order) {
    return kOrderWords[static_cast<std::size_t>(order)];
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

int yearOf(const std::string& isoDate) {
    return int(parse(isoDate).year());
}

DateOrder localeDateOrder() {
    const std::string name = std::setlocale(LC_TIME, nullptr);
    if (name == "C" || name == "POSIX" || name.starts_with("C."))
        return DateOrder::yearMonthDay;
    return dateOrderOfFormat(nl_langinfo(D_FMT));
}

DateOrder dateOrderOfFormat(std::string_view format) {
    const auto day = format.find_first_of("de");
    const auto month = format.find_first_of("mbB");
    const auto year = format.find_first_of("yYCF");
    if (format.find("%F") != std::string_view::npos || (year < day && year < month))
        return DateOrder::yearMonthDay;
    if (month < day)
        return DateOrder::monthDayYear;
    return DateOrder::dayMonthYear;
}

std::string formatDate(const std::string& isoDate, DateOrder order) {
    const auto year = isoDate.substr(0, 4), month = isoDate.substr(5, 2),
               day = isoDate.substr(8, 2);
    switch (order) {
        case DateOrder::dayMonthYear:
            return day + "/" + month + "/" + year;
        case DateOrder::monthDayYear:
            return month + "/" + day + "/" + year;
        case DateOrder::yearMonthDay:
            break;
    }
    return isoDate;
}

std::string datePattern(DateOrder order) {
    return wordsOf(order).pattern;
}

std::optional<std::string> readTypedDate(std::string_view text, DateOrder order) {
    static const std::regex pattern(R"(\s*(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})\s*)");
    std::match_results<std::string_view::const_iterator> parts;
    if (!std::regex_match(text.begin(), text.end(), parts, pattern))
        return std::nullopt;
    std::array<std::string, 3> numbers{parts[1].str(), parts[2].str(), parts[3].str()};
    std::string year, month, day;
    if (numbers[0].size() == 4) {  // YYYY-MM-DD, whatever the order
        year = numbers[0], month = numbers[1], day = numbers[2];
    } else if (order == DateOrder::yearMonthDay) {
        return std::nullopt;
    } else if (order == DateOrder::monthDayYear) {
        month = numbers[0], day = numbers[1], year = numbers[2];
    } else {
        day = numbers[0], month = numbers[1], year = numbers[2];
    }
    if (year.size() != 4 || day.size() > 2)
        return std::nullopt;  // a year in two figures could be any century
    auto iso = print(std::stoi(year), static_cast<unsigned>(std::stoi(month)),
                     static_cast<unsigned>(std::stoi(day)));
    return isIsoDate(iso) ? std::optional(iso) : std::nullopt;
}

const char* dateOrderName(DateOrder order) {
    return wordsOf(order).name;
}

std::optional<DateOrder> dateOrderNamed(std::string_view name) {
    for (auto order : kDateOrders) {
        if (name == dateOrderName(order))
            return order;
    }
    return std::nullopt;
}

DateOrder dateOrderSetting(const settings::SettingsStore& settings) {
    return dateOrderNamed(settings::dateOrder.read(settings)).value_or(localeDateOrder());
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

std::time_t localTimeOn(const std::string& isoDate, int hour, int minute) {
    const auto date = parse(isoDate);
    std::tm parts{};
    parts.tm_year = int(date.year()) - 1900;
    parts.tm_mon = int(unsigned(date.month())) - 1;
    parts.tm_mday = int(unsigned(date.day()));
    parts.tm_hour = hour;
    parts.tm_min = minute;
    parts.tm_isdst = -1;  // whatever summer time says on that day
    return std::mktime(&parts);
}

std::string today(const records::Clock& clock) {
    return records::localDate(clock);
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
