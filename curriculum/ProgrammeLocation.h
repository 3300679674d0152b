// Where the shipped programme is found: $ROUNDTABLE_CONTENT, then beside an installed
// binary (../share/roundtable/content-xml), then the source tree the binary was built from.
#pragma once

#include <filesystem>

namespace roundtable::curriculum {

[[nodiscard]] std::filesystem::path defaultProgrammeDirectory();

}  // namespace roundtable::curriculum
