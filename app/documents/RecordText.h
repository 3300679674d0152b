// Wording shared by the documents made from records: rates as "9 of 10 (90%)", so that a
// register and a report say the same thing the same way (attendance in words is practice's,
// shared with the app: practice/Wording.h).
#pragma once

#include <string>

#include "records/Types.h"

namespace roundtable::documents {

/// "9 of 10 (90%)", the percentage rounded half up; "none held" when `of` is 0.
[[nodiscard]] std::string rateText(int present, int of);

}  // namespace roundtable::documents
