// A member's relapse-prevention plan on paper, in two versions: his own easy-read one to carry
// (his words under each heading, each with a picture, large print, short) and the formal one
// for his residential service and care manager (every section, the plan's version and date, who
// wrote it, confidential). Both name only him.
#pragma once

#include "documents/Document.h"
#include "practice/Dates.h"
#include "practice/RecordsToPrint.h"

namespace roundtable::documents {

[[nodiscard]] Document easyReadRelapsePlan(const practice::MemberPlan& plan);

/// Its date written in `dates` order.
[[nodiscard]] Document formalRelapsePlan(const practice::MemberPlan& plan,
                                         practice::DateOrder dates);

}  // namespace roundtable::documents
