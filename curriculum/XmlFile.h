// One curriculum XML file held in memory: parsed with pugixml, with the means to report
// a finding at any node as file:line:column. Shared by the loader, the easy-read checker
// and the module writer.
#pragma once

#include <pugixml.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "curriculum/Finding.h"
#include "text/Translate.h"

namespace roundtable::curriculum {

/// A file's bytes after pugixml's in-place parse, and the document parsed from them: the
/// document's names and texts point into the bytes, so the two live and die together (the
/// bytes are declared first and so outlive the document).
struct ParsedXml {
    std::unique_ptr<char[]> bytes;
    std::size_t size = 0;
    pugi::xml_document document;
};

/// Line and column numbers for a file whose bytes are no longer at hand: the in-place parse
/// overwrites them, and keeping a copy would cost every load (bench/README.md) for the
/// rare file that has a finding. So the file is read again the first time a position is
/// asked for, if it is still the file that was parsed: the same inode, size, modification
/// and status-change times (the kernel sets the last on every write).
class FileLines {
  public:
    FileLines(std::filesystem::path path, const struct stat& asParsed);
    /// Positions in a text held in memory (a module read from the database), which cannot
    /// change: the index is made at once, from the text before it is parsed.
    explicit FileLines(std::string_view text);

    /// The line and column of a byte offset in the file as parsed; nullopt when the file
    /// has changed since, or can no longer be read.
    [[nodiscard]] std::optional<LineIndex::Position> at(std::ptrdiff_t offset) const;

  private:
    [[nodiscard]] bool isAsParsed(const struct stat& now) const;

    std::filesystem::path path_;
    struct stat asParsed_;
    /// Outer optional: read yet? Inner: was it still the same file?
    mutable std::optional<std::optional<LineIndex>> index_;
};

class XmlFile {
  public:
    /// `displayName` is how findings name the file; findings are appended to `findings`.
    XmlFile(std::filesystem::path path, std::string displayName, std::vector<Finding>& findings);

    /// pugixml's defaults: comments, the declaration and layout-only text are dropped,
    /// which nothing that reads a file through this class needs.
    static constexpr unsigned kParseFlags = pugi::parse_default;

    /// Reads the file with one read() and parses it in place; on failure reports where and
    /// why.
    bool parse();

    enum class Opened { ok, failed, notAFile };
    /// As parse(), except when the file cannot be opened or is not a regular file: then it
    /// reports nothing and returns notAFile, so that the caller can say so in its own words.
    /// (The loader used to ask the file system first; this saves a lookup per file.)
    Opened parseIfFile();
    /// As parse(), for a text held in memory instead of a file (the path is not used).
    bool parseText(std::string_view text);

    [[nodiscard]] pugi::xml_node root() const { return parsed_->document.document_element(); }

    void error(const pugi::xml_node& node, const std::string& message);
    void warning(const pugi::xml_node& node, const std::string& message);
    /// As above, with the message in English and translated (Finding::english).
    void error(const pugi::xml_node& node, const text::Said& message);
    void warning(const pugi::xml_node& node, const text::Said& message);
    [[nodiscard]] const std::string& displayName() const { return displayName_; }
    /// Where a node starts in the file's bytes (its '<' for an element).
    [[nodiscard]] static std::ptrdiff_t offsetOf(const pugi::xml_node& node);

    /// The parsed bytes and document, shared so that what points into them (the model's
    /// texts) stays valid after this XmlFile is gone.
    [[nodiscard]] std::shared_ptr<const ParsedXml> parsed() const { return parsed_; }
    /// Whether `text` points into the parsed bytes (and not, say, at a static empty string or
    /// at a buffer of the document's own, made when the file was not in UTF-8).
    [[nodiscard]] bool inParsedBuffer(const char* text) const {
        return text >= parsed_->bytes.get() && text < parsedBufferEnd();
    }
    /// One past the last parsed byte.
    [[nodiscard]] const char* parsedBufferEnd() const {
        return parsed_->bytes.get() + parsed_->size;
    }
    /// Positions in this file, shared with whatever reports one after this XmlFile is gone
    /// (the loader's check for ids used twice). Null until the file has been opened.
    [[nodiscard]] std::shared_ptr<const FileLines> lines() const { return lines_; }

  private:
    /// Checks and parses parsed_->bytes in place; lines_ must be set.
    bool parseBytes();
    void reportAt(std::ptrdiff_t offset, Severity severity, const text::Said& message);

    std::filesystem::path path_;
    std::string displayName_;
    std::vector<Finding>& findings_;
    std::shared_ptr<ParsedXml> parsed_ = std::make_shared<ParsedXml>();
    std::shared_ptr<FileLines> lines_;
};

}  // namespace roundtable::curriculum
