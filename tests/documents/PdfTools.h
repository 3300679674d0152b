// The real PDF tools, run on the real files the renderer writes: poppler's pdfinfo, pdffonts,
// pdftotext, pdfimages and pdftoppm, and mupdf's mutool. A missing tool fails the test and
// names the Debian package to install; nothing is skipped.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace roundtable::test {

/// The standard output of `tool ARGUMENTS`; fails the test when the tool is missing or fails.
std::string runPdfTool(const std::string& tool, const std::string& arguments);

/// A path quoted for the shell.
std::string quoted(const std::filesystem::path& path);

struct PdfInfo {
    std::string title;
    std::string creator;
    int pages = 0;
    double width = 0.0;  ///< points
    double height = 0.0;
};
PdfInfo pdfInfo(const std::filesystem::path& pdf);

struct PdfFont {
    std::string name;
    bool embedded = false;
};
std::vector<PdfFont> pdfFonts(const std::filesystem::path& pdf);

/// pdftotext of each page, in order.
std::vector<std::string> pageTexts(const std::filesystem::path& pdf);

/// A line of text as mutool reads it back from the PDF: its page (from 0), its box in points
/// from the page's top-left, its text, and the size of its smallest characters.
struct TextLine {
    int page = 0;
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
    std::string text;
    double smallestSize = 0.0;
};
std::vector<TextLine> textLines(const std::filesystem::path& pdf);

/// The box round each path filled on the pages of `pdf` (vector drawing, such as pictures; not
/// text, not lines), as mutool's trace gives them, in points from the page's top-left.
struct PathBox {
    int page = 0;
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
};
std::vector<PathBox> filledPaths(const std::filesystem::path& pdf);

/// Whitespace (line breaks included) folded to single spaces.
std::string folded(const std::string& text);

}  // namespace roundtable::test
