// A session's sign-in sheet and a group's year register, made from the records. Both are for
// staff (standard print) and marked confidential: they say who comes to the group.
#pragma once

#include "documents/Document.h"
#include "practice/Dates.h"
#include "practice/RecordsToPrint.h"

namespace roundtable::documents {

/// How members are shown. Codes by default: a sheet may be left in a room where others see it.
enum class MemberNaming { codes, names };

/// Date, time, group and session title; a row for each member on the session's register with a
/// box to tick and room to sign.
/// Dates are written in `dates` order, as everywhere below.
[[nodiscard]] Document signInSheet(const practice::SessionSheet& sheet, MemberNaming naming,
                                   practice::DateOrder dates);

/// Every session of the group across the page (landscape, 26 to a page) and every member down
/// it, each cell his mark as a letter explained in a key; then each member's attendance rate (and
/// when he joined or left) and each session's.
[[nodiscard]] Document yearRegister(const practice::GroupYear& year, MemberNaming naming,
                                    practice::DateOrder dates);

}  // namespace roundtable::documents
