// A module file held as its whole XML document, so that saving writes back everything it
// held (elements, attributes and comments this version does not know included), through a
// temporary file that replaces the original only when it is completely written.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace roundtable::curriculum {

/// Reading or writing a curriculum file failed; the message is for the user.
class CurriculumFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class ModuleDocument {
  public:
    /// How module files are parsed: comments, the declaration and a text of only white space
    /// are kept, so that what is saved is what was read.
    static constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_comments |
                                            pugi::parse_declaration | pugi::parse_ws_pcdata_single;

    /// The text save() writes for `document`: UTF-8, indented by two spaces. The module editor
    /// uses it too, so that a draft's text is the file it would save.
    [[nodiscard]] static std::string textOf(const pugi::xml_document& document);

    /// Reads the file; throws CurriculumFileError when it cannot be read or parsed (run the
    /// loader first for the detailed findings).
    static ModuleDocument open(const std::filesystem::path& path);

    /// Changes the title of one session; false when there is no session with that id.
    bool setSessionTitle(const std::string& sessionId, const std::string& title);

    /// Writes the document to `path` (usually where it came from). The original is replaced
    /// only after the new content is complete and flushed to disk; on any failure it is left
    /// exactly as it was and CurriculumFileError says why.
    void save(const std::filesystem::path& path) const;

    [[nodiscard]] const pugi::xml_document& document() const { return document_; }

  private:
    pugi::xml_document document_;
};

}  // namespace roundtable::curriculum
