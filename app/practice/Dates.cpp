// Dates in people's orders and in words, and the calendar arithmetic of the use cases.
#include "practice/Dates.h"
#include "text/Translate.h"

#include <langinfo.h>

#include <array>
#include <clocale>
#include <ctime>
#include <regex>

namespace roundtable::practice {
namespace {
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
}  // namespace

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

std::string formatDate(Date date, DateOrder order) {
    const auto iso = date.iso();
    const auto year = iso.substr(0, 4), month = iso.substr(5, 2), day = iso.substr(8, 2);
    switch (order) {
        case DateOrder::dayMonthYear:
            return day + "/" + month + "/" + year;
        case DateOrder::monthDayYear:
            return month + "/" + day + "/" + year;
        case DateOrder::yearMonthDay:
            break;
    }
    return iso;
}

std::string datePattern(DateOrder order) {
    return wordsOf(order).pattern;
}

std::optional<Date> readTypedDate(std::string_view text, DateOrder order) {
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
    return Date::fromParts(std::stoi(year), static_cast<unsigned>(std::stoi(month)),
                           static_cast<unsigned>(std::stoi(day)));
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

Date weekdayOnOrBefore(Date date, unsigned weekday) {
    return date.plusDays(-static_cast<int>((date.weekday() + 7 - weekday) % 7));
}

Date weekdayOnOrAfter(Date date, unsigned weekday) {
    return weekdayOnOrBefore(date.plusDays(6), weekday);
}

Date dateOf(const std::string& timestamp) {
    return Date::fromIso(std::string_view(timestamp).substr(0, 10)).value_or(Date{});
}

std::string dateInWords(Date date) {
    static const char* const kMonths[] = {
        text::trLater("January"), text::trLater("February"), text::trLater("March"),
        text::trLater("April"),   text::trLater("May"),      text::trLater("June"),
        text::trLater("July"),    text::trLater("August"),   text::trLater("September"),
        text::trLater("October"), text::trLater("November"), text::trLater("December")};
    // TRANSLATORS: a date in words: {1} the day, {2} the month's name, {3} the year.
    return text::fill(text::tr("{1} {2} {3}"),
                      {std::to_string(date.day()), text::tr(kMonths[date.month() - 1]),
                       std::to_string(date.year())});
}

std::time_t localTimeOn(Date date, int hour, int minute) {
    std::tm parts{};
    parts.tm_year = date.year() - 1900;
    parts.tm_mon = static_cast<int>(date.month()) - 1;
    parts.tm_mday = static_cast<int>(date.day());
    parts.tm_hour = hour;
    parts.tm_min = minute;
    parts.tm_isdst = -1;  // whatever summer time says on that day
    return std::mktime(&parts);
}

Date today(const records::Clock& clock) {
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
