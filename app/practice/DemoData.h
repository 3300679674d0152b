// A fictional service for trying Roundtable out: one treatment group of eight made-up men
// with ten delivered sessions, their register and a signed note for everyone present.
#pragma once

#include <filesystem>

#include "curriculum/Programme.h"

namespace roundtable::practice {

/// The demo database's sign-in. Printed by `roundtable-cli demo` and `scripts/run`: the demo
/// holds fictional people only, so its passphrase is no secret.
inline constexpr const char* kDemoLogin = "demo";
inline constexpr const char* kDemoPassphrase = "tuesday group demo";

struct DemoSummary {
    int members = 0;
    int sessions = 0;
    int notes = 0;
};

/// Creates `path` (which must not exist), encrypted like any database, signed in as the
/// demo administrator, and fills it with the demo service. The sessions are the first ten
/// treatment sessions of `programme`, weekly on Tuesdays, ending within the last week. The
/// database is given the programme in `programmeFolder` (the one `programme` was loaded
/// from) as it is created, as the app gives a new database its programme.
DemoSummary createDemoDatabase(const std::filesystem::path& path,
                               const curriculum::Programme& programme,
                               const std::filesystem::path& programmeFolder);

}  // namespace roundtable::practice
