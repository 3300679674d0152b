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

namespace roundtable::practice {
namespace {

[[noreturn]] void refuse(const std::string& message) {
    throw ValidationError("picture-file", message);
}

void checkSide(double side, const char* which) {
    if (side < kSmallestPictureSide || side > kLargestPictureSide) {
        refuse(std::string("The picture's ") + which + " must be between " +
               std::to_string(kSmallestPictureSide) + " and " +
               std::to_string(kLargestPictureSide) + ".");
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
        refuse("This file is not a PNG picture.");
    checkSide(bigEndian(bytes, 16), "width");
    checkSide(bigEndian(bytes, 20), "height");
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
        refuse("The SVG picture contains <" + std::string(name) +
               ">: a picture may not run or "
               "embed anything.");
    for (auto attribute : element.attributes()) {
        const std::string_view attributeName = attribute.name();
        const std::string_view value = attribute.value();
        if (startsWithNoCase(attributeName, "on"))
            refuse("The SVG picture has an event handler (" + std::string(attributeName) +
                   "): a picture may not run anything.");
        if ((attributeName == "href" || attributeName == "xlink:href" || attributeName == "src") &&
            leadsElsewhere(value))
            refuse("The SVG picture refers to something outside it (" + std::string(value) +
                   "): every part of a picture must be inside its file.");
        // url(...) in style or presentation attributes, other than url(#part).
        for (auto at = value.find("url("); at != std::string_view::npos;
             at = value.find("url(", at + 4)) {
            auto inside = value.substr(at + 4);
            while (!inside.empty() && (inside.front() == '\'' || inside.front() == '"' ||
                                       std::isspace(static_cast<unsigned char>(inside.front()))))
                inside.remove_prefix(1);
            if (!inside.empty() && inside.front() != '#')
                refuse(
                    "The SVG picture refers to something outside it (url(...)): every part "
                    "of a picture must be inside its file.");
        }
    }
    if (name == "style" &&
        std::string_view(element.child_value()).find("@import") != std::string_view::npos)
        refuse("The SVG picture imports a style sheet from elsewhere.");
    for (auto child : element.children()) {
        if (child.type() == pugi::node_element)
            checkSvgElement(child);
    }
}

void checkSvg(const std::string& bytes) {
    pugi::xml_document document;
    // No DOCTYPE: an internal subset could define entities that expand outside the checks.
    if (bytes.find("<!DOCTYPE") != std::string::npos || bytes.find("<!ENTITY") != std::string::npos)
        refuse("The SVG picture has a document type declaration; save it as plain SVG.");
    if (!document.load_buffer(bytes.data(), bytes.size(), pugi::parse_default))
        refuse("This file is not a well-formed SVG picture.");
    auto root = document.document_element();
    if (std::string_view(root.name()) != "svg")
        refuse("This file is not an SVG picture: it must start with <svg>.");
    checkSvgElement(root);
    // The size it is drawn at: the view box, or else width and height.
    double width = 0, height = 0;
    if (auto viewBox = root.attribute("viewBox")) {
        double x = 0, y = 0;
        if (std::sscanf(viewBox.value(), "%lf %lf %lf %lf", &x, &y, &width, &height) != 4 &&
            std::sscanf(viewBox.value(), "%lf,%lf,%lf,%lf", &x, &y, &width, &height) != 4)
            refuse("The SVG picture's viewBox cannot be read.");
    } else {
        width = root.attribute("width").as_double(0);
        height = root.attribute("height").as_double(0);
    }
    checkSide(width, "width");
    checkSide(height, "height");
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
                              "A picture's name is what modules call it by: small letters, digits "
                              "and hyphens, such as \"bus-stop\" (at most 40).");
    }
    const auto words = records::trimmed(description);
    if (words.empty()) {
        throw ValidationError("picture-description",
                              "Describe the picture in a few words: screen readers and the "
                              "picker show it.");
    }
    const auto extension = file.extension().string();
    if (extension != ".svg" && extension != ".png")
        refuse("A picture is an .svg or .png file.");
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error)
        refuse("Could not read " + file.string() + ".");
    if (size > kLargestPictureBytes) {
        refuse("The picture is " + std::to_string(size / 1024) + " KB; at most " +
               std::to_string(kLargestPictureBytes / 1024) + " KB is accepted.");
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
