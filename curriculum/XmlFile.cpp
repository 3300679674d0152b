// Parsing with positions: pugixml reports byte offsets, which become line:column here.
#include "curriculum/XmlFile.h"

#include <fstream>

namespace roundtable::curriculum {
namespace {

// Far above any real module (the largest shipped one is under 100 KiB), and small enough
// that a mistaken path to a huge file is refused instead of exhausting memory.
constexpr std::streamoff kLargestFile = 16 * 1024 * 1024;

std::string plainParseError(pugi::xml_parse_status status) {
    switch (status) {
        case pugi::status_file_not_found:
            return "the file does not exist";
        case pugi::status_io_error:
            return "the file could not be read";
        case pugi::status_out_of_memory:
            return "the file is too large to read";
        case pugi::status_unrecognized_tag:
            return "there is a '<' that does not start a tag";
        case pugi::status_bad_pi:
            return "a processing instruction (<? ... ?>) is broken";
        case pugi::status_bad_comment:
            return "a comment (<!-- ... -->) is not closed properly";
        case pugi::status_bad_cdata:
            return "a CDATA section is not closed properly";
        case pugi::status_bad_doctype:
            return "the document type declaration is broken";
        case pugi::status_bad_pcdata:
            return "text here could not be read";
        case pugi::status_bad_start_element:
            return "a start tag is broken (check the name and the closing '>')";
        case pugi::status_bad_attribute:
            return "an attribute is broken (it needs name=\"value\" with both quotes)";
        case pugi::status_bad_end_element:
            return "an end tag is broken";
        case pugi::status_end_element_mismatch:
            return "an end tag does not match the tag that is open here";
        case pugi::status_append_invalid_root:
            return "the file has more than one root element";
        case pugi::status_no_document_element:
            return "the file has no root element";
        default:
            return "the XML could not be read";
    }
}

}  // namespace

XmlFile::XmlFile(std::filesystem::path path, std::string displayName,
                 std::vector<Finding>& findings)
    : path_(std::move(path)), displayName_(std::move(displayName)), findings_(findings) {}

bool XmlFile::parse() {
    auto refuse = [&](const char* message) {
        findings_.push_back({displayName_, 0, 0, Severity::error, message});
        return false;
    };
    std::error_code error;
    if (!std::filesystem::is_regular_file(path_, error)) {
        return refuse("the file does not exist or cannot be read");
    }
    std::ifstream in(path_, std::ios::binary | std::ios::ate);
    auto size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
    if (size < 0)
        return refuse("the file does not exist or cannot be read");
    if (size > kLargestFile)
        return refuse("the file is too large to be a curriculum file");
    text_ = std::make_shared<std::string>(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    in.read(text_->data(), static_cast<std::streamsize>(text_->size()));
    auto result = document_.load_buffer(text_->data(), text_->size(), pugi::parse_default);
    if (!result) {
        reportAt(result.offset, Severity::error,
                 "the XML is not well formed: " + plainParseError(result.status));
        return false;
    }
    return true;
}

void XmlFile::error(const pugi::xml_node& node, const std::string& message) {
    reportAt(offsetOf(node), Severity::error, message);
}

void XmlFile::warning(const pugi::xml_node& node, const std::string& message) {
    reportAt(offsetOf(node), Severity::warning, message);
}

const LineIndex& XmlFile::lines() const {
    if (!lines_)
        lines_.emplace(*text_);
    return *lines_;
}

std::ptrdiff_t XmlFile::offsetOf(const pugi::xml_node& node) {
    // pugixml points at the element name; step back to its '<'.
    auto offset = node.offset_debug();
    return node.type() == pugi::node_element && offset > 0 ? offset - 1 : offset;
}

void XmlFile::reportAt(std::ptrdiff_t offset, Severity severity, const std::string& message) {
    auto pos = lines().at(offset);
    findings_.push_back({displayName_, pos.line, pos.column, severity, message});
}

}  // namespace roundtable::curriculum
