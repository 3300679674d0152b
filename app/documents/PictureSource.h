// Where a document's easy-read pictures come from: the shipped programme's folder, or a
// service's programme held in memory. Public (the callers choose it), with no cairo, pango or
// librsvg in sight: those stay inside the documents library.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace roundtable::documents {

/// Where the pictures come from: a folder of NAME.svg files (the shipped programme), or
/// pictures held in memory (a service's programme, read from its database: SVG or PNG).
class PictureSource {
  public:
    struct Picture {
        std::string type;  ///< "svg" or "png"
        std::string bytes;
    };
    /// Implicit: a folder is what most callers, and every curriculum-only document, have.
    PictureSource(std::filesystem::path folder);  // NOLINT(google-explicit-constructor)
    explicit PictureSource(std::map<std::string, Picture> pictures);

    /// The picture `name` (a plain word, never a path); DocumentError when there is none.
    [[nodiscard]] Picture read(const std::string& name) const;

  private:
    std::filesystem::path folder_;
    std::map<std::string, Picture> pictures_;
    bool inMemory_ = false;
};

}  // namespace roundtable::documents
