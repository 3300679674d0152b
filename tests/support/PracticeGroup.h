// What most practice tests begin with: a new test database, the practice over the shipped
// programme, and one treatment group ("Tuesday group"); with the two steps they take again and
// again, a curriculum session planned and delivered, and an attendance mark.
#pragma once

#include <optional>
#include <string>

#include "practice/Practice.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

namespace roundtable::test {

struct PracticeGroup {
    TempDir dir;
    records::RecordStore store = createTestStore(dir / "service.rtdb");
    practice::Practice practice{store, shippedProgramme()};
    records::GroupId group = practice.createGroup("Tuesday group", records::GroupKind::treatment);

    /// The curriculum session planned for `date` and marked as having taken place.
    records::SessionId deliver(const char* curriculumSession, const char* date) {
        auto session = practice.planSession(group, curriculumSession, date);
        practice.markDelivered(session);
        return session;
    }
    void mark(records::SessionId session, records::MemberId member, records::Attendance status,
              const std::string& reason = "", std::optional<int> minutes = std::nullopt) {
        practice.recordAttendance(session, member, status, reason, minutes);
    }
};

}  // namespace roundtable::test
