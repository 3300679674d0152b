// Pictogram checks: PNG by its signature and header, SVG by parsing it with pugixml and
// walking every element and attribute (a text search would miss entity tricks and miss
// nothing a parser sees).
#include "practice/PictureCheck.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "curriculum/ModuleDocument.h"
#include "curriculum/ProgrammeFolder.h"
#include "practice/Practice.h"
#include "text/Translate.h"

namespace roundtable::practice {
namespace {

[[noreturn]] void refuse(const std::string& message) {
    throw ValidationError("picture-file", message);
}

/// `sentence` is "The picture's width must be between {1} and {2}." or its height's.
void checkSide(double side, const char* sentence) {
    if (side < kSmallestPictureSide || side > kLargestPictureSide) {
        refuse(text::fill(
            sentence, {std::to_string(kSmallestPictureSide), std::to_string(kLargestPictureSide)}));
    }
}

std::uint32_t bigEndian(const std::string& bytes, std::size_t at) {
    return (std::uint32_t(static_cast<unsigned char>(bytes[at])) << 24) |
           (std::uint32_t(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (std::uint32_t(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           std::uint32_t(static_cast<unsigned char>(bytes[at + 3]));
}

void checkPng(const std::string& bytes) {
    static const char kSignature[] = "\x89PNG\r\n\x1a\n";
    // The signature, then the IHDR chunk: length 13, "IHDR", width, height.
    if (bytes.size() < 24 || std::memcmp(bytes.data(), kSignature, 8) != 0 ||
        bytes.compare(12, 4, "IHDR") != 0)
        refuse(text::tr("This file is not a PNG picture."));
    checkSide(bigEndian(bytes, 16), text::tr("The picture's width must be between {1} and {2}."));
    checkSide(bigEndian(bytes, 20), text::tr("The picture's height must be between {1} and {2}."));
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(),
                      [](char a, char b) { return std::tolower(a) == std::tolower(b); });
}

/// Whether `value` reaches outside the picture: a reference that is not to a part of it.
bool leadsElsewhere(std::string_view value) {
    auto trimmedValue = value;
    while (!trimmedValue.empty() && std::isspace(static_cast<unsigned char>(trimmedValue.front())))
        trimmedValue.remove_prefix(1);
    return !trimmedValue.empty() && trimmedValue.front() != '#';
}

void checkSvgElement(const pugi::xml_node& element) {
    const std::string_view name = element.name();
    if (name == "script" || name == "foreignObject" || name == "iframe")
        refuse(text::fill(text::tr("The SVG picture contains <{1}>: a picture may not run or "
                                   "embed anything."),
                          {name}));
    for (auto attribute : element.attributes()) {
        const std::string_view attributeName = attribute.name();
        const std::string_view value = attribute.value();
        if (startsWithNoCase(attributeName, "on"))
            refuse(text::fill(
                text::tr(
                    "The SVG picture has an event handler ({1}): a picture may not run anything."),
                {attributeName}));
        if ((attributeName == "href" || attributeName == "xlink:href" || attributeName == "src") &&
            leadsElsewhere(value))
            refuse(
                text::fill(text::tr("The SVG picture refers to something outside it ({1}): every "
                                    "part of a picture must be inside its file."),
                           {value}));
        // url(...) in style or presentation attributes, other than url(#part).
        for (auto at = value.find("url("); at != std::string_view::npos;
             at = value.find("url(", at + 4)) {
            auto inside = value.substr(at + 4);
            while (!inside.empty() && (inside.front() == '\'' || inside.front() == '"' ||
                                       std::isspace(static_cast<unsigned char>(inside.front()))))
                inside.remove_prefix(1);
            if (!inside.empty() && inside.front() != '#')
                refuse(
                    text::tr("The SVG picture refers to something outside it (url(...)): every "
                             "part of a picture must be inside its file."));
        }
    }
    if (name == "style" &&
        std::string_view(element.child_value()).find("@import") != std::string_view::npos)
        refuse(text::tr("The SVG picture imports a style sheet from elsewhere."));
    for (auto child : element.children()) {
        if (child.type() == pugi::node_element)
            checkSvgElement(child);
    }
}

void checkSvg(const std::string& bytes) {
    pugi::xml_document document;
    // No DOCTYPE: an internal subset could define entities that expand outside the checks.
    if (bytes.find("<!DOCTYPE") != std::string::npos || bytes.find("<!ENTITY") != std::string::npos)
        refuse(text::tr("The SVG picture has a document type declaration; save it as plain SVG."));
    if (!document.load_buffer(bytes.data(), bytes.size(), pugi::parse_default))
        refuse(text::tr("This file is not a well-formed SVG picture."));
    auto root = document.document_element();
    if (std::string_view(root.name()) != "svg")
        refuse(text::tr("This file is not an SVG picture: it must start with <svg>."));
    checkSvgElement(root);
    // The size it is drawn at: the view box, or else width and height.
    double width = 0, height = 0;
    if (auto viewBox = root.attribute("viewBox")) {
        double x = 0, y = 0;
        if (std::sscanf(viewBox.value(), "%lf %lf %lf %lf", &x, &y, &width, &height) != 4 &&
            std::sscanf(viewBox.value(), "%lf,%lf,%lf,%lf", &x, &y, &width, &height) != 4)
            refuse(text::tr("The SVG picture's viewBox cannot be read."));
    } else {
        width = root.attribute("width").as_double(0);
        height = root.attribute("height").as_double(0);
    }
    checkSide(width, text::tr("The picture's width must be between {1} and {2}."));
    checkSide(height, text::tr("The picture's height must be between {1} and {2}."));
}

}  // namespace

records::ProgrammePicture checkedPicture(const std::filesystem::path& file, const std::string& name,
                                         const std::string& description) {
    const auto pictureName = records::trimmed(name);
    const bool nameIsPlain =
        !pictureName.empty() && pictureName.size() <= 40 &&
        std::all_of(
            pictureName.begin(), pictureName.end(),
            [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }) &&
        pictureName.front() != '-';
    if (!nameIsPlain) {
        throw ValidationError("picture-name",
                              text::tr("A picture's name is what modules call it by: small "
                                       "letters, digits and hyphens, such as \"bus-stop\" (at "
                                       "most 40)."));
    }
    const auto words = records::trimmed(description);
    if (words.empty()) {
        throw ValidationError("picture-description",
                              text::tr("Describe the picture in a few words: screen readers and "
                                       "the picker show it."));
    }
    const auto extension = file.extension().string();
    if (extension != ".svg" && extension != ".png")
        refuse(text::tr("A picture is an .svg or .png file."));
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error)
        refuse(text::fill(text::tr("Could not read {1}."), {file.string()}));
    if (size > kLargestPictureBytes) {
        refuse(
            text::fill(text::tr("The picture is {1} KB; at most {2} KB is accepted."),
                       {std::to_string(size / 1024), std::to_string(kLargestPictureBytes / 1024)}));
    }
    std::string bytes;
    try {
        bytes = curriculum::readWholeFile(file);
    } catch (const curriculum::CurriculumFileError& failure) {
        refuse(failure.what());
    }
    if (extension == ".png")
        checkPng(bytes);
    else
        checkSvg(bytes);
    return {pictureName, extension.substr(1), std::move(bytes), words};
}

}  // namespace roundtable::practice
