// Wording shared by the documents made from records: attendance in words as the app says it,
// and rates as "9 of 10 (90%)", so that a register and a report say the same thing the same way.
#pragma once

#include <string>

#include "records/Types.h"

namespace roundtable::documents {

/// "Present", "Late", "Left early", "Absent (authorised)", "Absent (unauthorised)": the words
/// of the app's register.
[[nodiscard]] std::string attendanceInWords(records::Attendance status);

/// "9 of 10 (90%)", the percentage rounded half up; "none held" when `of` is 0.
[[nodiscard]] std::string rateText(int present, int of);

}  // namespace roundtable::documents
