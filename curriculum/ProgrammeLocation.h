// Where the shipped programme is found: $ROUNDTABLE_CONTENT, then beside an installed
// binary (../share/roundtable/content-xml), then the source tree the binary was built from.
#pragma once

#include <filesystem>

namespace roundtable::curriculum {

[[nodiscard]] std::filesystem::path defaultProgrammeDirectory();
/// "<prefix>/share/roundtable" for the running program (which may not exist: a build tree);
/// empty when the program's own path cannot be read.
[[nodiscard]] std::filesystem::path installedDataDirectory();

}  // namespace roundtable::curriculum
