// One curriculum XML file held in memory: parsed with pugixml, with the means to report
// a finding at any node as file:line:column. Shared by the loader, the easy-read checker
// and the module writer.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "curriculum/Finding.h"

namespace roundtable::curriculum {

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

    [[nodiscard]] pugi::xml_node root() const { return document_.document_element(); }
    [[nodiscard]] pugi::xml_document& document() { return document_; }

    void error(const pugi::xml_node& node, const std::string& message);
    void warning(const pugi::xml_node& node, const std::string& message);
    [[nodiscard]] const std::string& displayName() const { return displayName_; }
    /// Where a node starts in the file's bytes (its '<' for an element).
    [[nodiscard]] static std::ptrdiff_t offsetOf(const pugi::xml_node& node);

    /// The bytes as read, shared with the Module built from them.
    [[nodiscard]] std::shared_ptr<const std::string> source() const { return text_; }

    /// The buffer the document was parsed in (in place): the names and texts of its nodes
    /// point into it. Sharing it keeps them valid after this XmlFile is gone.
    [[nodiscard]] std::shared_ptr<const char[]> parsedBuffer() const { return buffer_; }
    /// Whether `text` points into that buffer (and not, say, at a static empty string or at
    /// a buffer of the document's own, made when the file was not in UTF-8).
    [[nodiscard]] bool inParsedBuffer(const char* text) const {
        return text >= buffer_.get() && text < buffer_.get() + bufferSize_;
    }
    /// One past the last byte of that buffer.
    [[nodiscard]] const char* parsedBufferEnd() const { return buffer_.get() + bufferSize_; }

  private:
    /// Built on the first report only: a clean file never pays for it.
    const LineIndex& lines() const;
    void reportAt(std::ptrdiff_t offset, Severity severity, const std::string& message);

    std::filesystem::path path_;
    std::string displayName_;
    std::vector<Finding>& findings_;
    std::shared_ptr<std::string> text_;
    mutable std::optional<LineIndex> lines_;
    /// What document_ was parsed from (in place): its names and texts point into it, so it
    /// is declared before document_ and outlives it.
    std::shared_ptr<char[]> buffer_;
    std::size_t bufferSize_ = 0;
    pugi::xml_document document_;
};

}  // namespace roundtable::curriculum
