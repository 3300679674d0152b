// A fictional service for trying Roundtable out: one treatment group of eight made-up men
// with ten delivered sessions, their register and a signed note for everyone present.
#pragma once

#include <filesystem>

#include "curriculum/Programme.h"

namespace roundtable::practice {

struct DemoSummary {
    int members = 0;
    int sessions = 0;
    int notes = 0;
};

/// Creates `path` (which must not exist) and fills it with the demo service. The sessions
/// are the first ten treatment sessions of `programme`, weekly, ending last week.
DemoSummary createDemoDatabase(const std::filesystem::path& path,
                               const curriculum::Programme& programme);

}  // namespace roundtable::practice
