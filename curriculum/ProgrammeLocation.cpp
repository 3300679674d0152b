// Finds the programme folder for the CLI and the app, and where an installed build keeps its
// data.
#include "curriculum/ProgrammeLocation.h"

#include <cstdlib>

namespace roundtable::curriculum {

std::filesystem::path installedDataDirectory() {
    std::error_code error;
    auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::path()
                 : executable.parent_path().parent_path() / "share/roundtable";
}

std::filesystem::path defaultProgrammeDirectory() {
    if (const char* fromEnvironment = std::getenv("ROUNDTABLE_CONTENT");
        fromEnvironment && *fromEnvironment) {
        return fromEnvironment;
    }
    std::error_code error;
    auto installed = installedDataDirectory() / "content-xml";
    if (!installedDataDirectory().empty() &&
        std::filesystem::exists(installed / "programme.xml", error))
        return installed;
    return ROUNDTABLE_SOURCE_CONTENT_DIR;
}

}  // namespace roundtable::curriculum
