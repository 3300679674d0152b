// Finds the programme folder for the CLI and the app.
#include "curriculum/ProgrammeLocation.h"

#include <cstdlib>

namespace roundtable::curriculum {

std::filesystem::path defaultProgrammeDirectory() {
    if (const char* fromEnvironment = std::getenv("ROUNDTABLE_CONTENT");
        fromEnvironment && *fromEnvironment) {
        return fromEnvironment;
    }
    std::error_code error;
    auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        auto installed = executable.parent_path().parent_path() / "share/roundtable/content-xml";
        if (std::filesystem::exists(installed / "programme.xml", error))
            return installed;
    }
    return ROUNDTABLE_SOURCE_CONTENT_DIR;
}

}  // namespace roundtable::curriculum
