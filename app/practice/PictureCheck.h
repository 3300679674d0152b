// The checks a new pictogram passes before it joins the service's programme (issue 12, item 6):
// a name modules can use, a file of sensible size, a real PNG or a self-contained SVG (no
// scripts, no event handlers, nothing fetched from elsewhere), and a size that prints well.
#pragma once

#include <filesystem>
#include <string>

#include "records/Types.h"

namespace roundtable::practice {

/// Largest picture file accepted: the shipped pictures are a few kilobytes each.
constexpr std::size_t kLargestPictureBytes = 512 * 1024;
/// Smallest and largest side, in pixels for a PNG and in user units for an SVG.
constexpr int kSmallestPictureSide = 32;
constexpr int kLargestPictureSide = 4096;

/// The picture in `file` as the store keeps it, or ValidationError naming what is wrong
/// ("picture-name", "picture-description" or "picture-file").
[[nodiscard]] records::ProgrammePicture checkedPicture(const std::filesystem::path& file,
                                                       const std::string& name,
                                                       const std::string& description);

}  // namespace roundtable::practice
