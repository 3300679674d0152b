// Loads a programme folder (programme.xml, modules/, pictures/) into a Programme and
// reports every problem it finds, not only the first, with file:line:column.
#pragma once

#include <filesystem>
#include <optional>
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

}  // namespace roundtable::curriculum
