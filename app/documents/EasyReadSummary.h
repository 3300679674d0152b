// The members' easy-read summary of a session, "What we did today": the easy-read points of
// its activities in order, for the whole group. Built from the curriculum, so it names no one.
#pragma once

#include "curriculum/Programme.h"
#include "documents/Document.h"

namespace roundtable::documents {

[[nodiscard]] Document easyReadSummary(const curriculum::Session& session);

}  // namespace roundtable::documents
