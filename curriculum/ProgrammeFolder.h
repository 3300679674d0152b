// A programme folder read whole into memory (its manifest, module files and picture files),
// so that it can be stored in a service's database: the shipped programme seeds every new
// one, and a module file can be imported.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "curriculum/ProgrammeLoader.h"

namespace roundtable::curriculum {

struct PictureFile {
    std::string name;  ///< without the extension
    std::string type;  ///< "svg" or "png"
    std::string bytes;
};

struct ProgrammeFolder {
    ProgrammeFiles files;
    std::vector<PictureFile> pictures;  ///< by name
};

/// The files of the programme in `directory`, checked by the loader as they were read (from
/// memory, so a file changed in between cannot slip through). Throws CurriculumFileError
/// (ModuleDocument.h) naming the findings when the programme has errors.
[[nodiscard]] ProgrammeFolder readProgrammeFolder(const std::filesystem::path& directory);

/// A file's bytes; throws CurriculumFileError when it cannot be read.
[[nodiscard]] std::string readWholeFile(const std::filesystem::path& path);

}  // namespace roundtable::curriculum
