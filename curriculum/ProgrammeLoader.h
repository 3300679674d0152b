// Loads a programme folder (programme.xml, modules/, pictures/) into a Programme and
// reports every problem it finds, not only the first, with file:line:column.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "curriculum/Finding.h"
#include "curriculum/Programme.h"

namespace roundtable::curriculum {

struct LoadResult {
    std::optional<Programme> programme;  ///< present when there were no errors
    std::vector<Finding> findings;  ///< errors and warnings, file by file as read; within a file in
                                    ///< the order found (not always line order)

    [[nodiscard]] bool ok() const { return programme.has_value(); }
};

/// Reads `directory`/programme.xml and every module file it lists. Never throws for bad
/// content: every problem becomes a Finding.
[[nodiscard]] LoadResult loadProgramme(const std::filesystem::path& directory);

/// Picture names, without .svg or .png.
using PictureNames = std::set<std::string, std::less<>>;

/// The files of a programme held in memory: the service's programme as its database keeps it.
struct ProgrammeFiles {
    std::string manifest;                        ///< programme.xml
    std::map<std::string, std::string> modules;  ///< by the file name the manifest gives
    PictureNames pictures;
    std::string displayPrefix;  ///< how findings name the files: prefix + "programme.xml"
};

/// The same checks as loading a folder, on files held in memory.
[[nodiscard]] LoadResult loadProgramme(const ProgrammeFiles& files);

struct ModuleLoadResult {
    std::optional<Module> module;  ///< present when there were no errors
    std::vector<Finding> findings;
    [[nodiscard]] bool ok() const { return module.has_value(); }
};

/// One module's XML on its own, checked as the loader checks a module inside a programme
/// (ids unique within it; pictures checked against `pictures` when it is not null).
[[nodiscard]] ModuleLoadResult loadModuleText(std::string_view xml, const std::string& displayName,
                                              const PictureNames* pictures = nullptr);
/// One module file on its own; its pictures are not checked.
[[nodiscard]] ModuleLoadResult loadModuleFile(const std::filesystem::path& path);

}  // namespace roundtable::curriculum
