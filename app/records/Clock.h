// The current time as text, in the few forms the record store writes. Internal.
#pragma once

#include <ctime>
#include <string>

namespace roundtable::records {

enum class Zone { local, utc };

/// Now, formatted with strftime's `format`, on this computer's calendar or in UTC.
inline std::string nowAs(const char* format, Zone zone) {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    if (zone == Zone::utc) {
        gmtime_r(&now, &parts);
    } else {
        localtime_r(&now, &parts);
    }
    char text[40];
    std::strftime(text, sizeof text, format, &parts);
    return text;
}

/// Today's date on this computer's calendar, YYYY-MM-DD (as the facilitator sees it).
inline std::string localDate() {
    return nowAs("%Y-%m-%d", Zone::local);
}

/// Now, UTC, ISO 8601 to the second: the form of every stored timestamp.
inline std::string nowUtc() {
    return nowAs("%Y-%m-%dT%H:%M:%SZ", Zone::utc);
}

}  // namespace roundtable::records
