// Words for recorded facts that the app's pages and the printed documents both show, written
// once so that a register on screen and one on paper say the same thing the same way.
#pragma once

#include "records/Types.h"

namespace roundtable::practice {

/// "Present", "Late", "Left early", "Absent (authorised)", "Absent (unauthorised)", translated.
[[nodiscard]] const char* attendanceInWords(records::Attendance status);
/// "Planned", "Took place", "Did not take place".
[[nodiscard]] const char* sessionStatusInWords(records::SessionStatus status);

}  // namespace roundtable::practice
