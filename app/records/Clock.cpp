// The computer's clock and the formatting of times (Clock.h).
#include "records/Clock.h"

namespace roundtable::records {
namespace {

class SystemClock : public Clock {
  public:
    [[nodiscard]] std::time_t now() const override { return std::time(nullptr); }
};

}  // namespace

const Clock& systemClock() {
    static const SystemClock clock;
    return clock;
}

std::string formatTime(std::time_t at, const char* format, Zone zone) {
    std::tm parts{};
    if (zone == Zone::utc) {
        gmtime_r(&at, &parts);
    } else {
        localtime_r(&at, &parts);
    }
    char text[40];
    return std::string(text, std::strftime(text, sizeof text, format, &parts));
}

}  // namespace roundtable::records
