// Runs each tool through the shell and parses what it prints; mutool's structured text is XML,
// read with pugixml (which the curriculum library already links).
#include "documents/PdfTools.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <pugixml.hpp>
#include <regex>
#include <sstream>
#include <utility>

namespace roundtable::test {
namespace {

const std::map<std::string, std::string> kPackages = {
    {"pdfinfo", "poppler-utils"},   {"pdffonts", "poppler-utils"}, {"pdftotext", "poppler-utils"},
    {"pdfimages", "poppler-utils"}, {"pdftoppm", "poppler-utils"}, {"mutool", "mupdf-tools"},
};

}  // namespace

std::string quoted(const std::filesystem::path& path) {
    std::string text = "'";
    for (char c : path.string())
        text += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return text + "'";
}

std::string runPdfTool(const std::string& tool, const std::string& arguments) {
    auto package = kPackages.find(tool);
    REQUIRE_MESSAGE(package != kPackages.end(), "no package is known for " << tool);
    auto probe = "command -v " + tool + " >/dev/null 2>&1";
    if (std::system(probe.c_str()) != 0)
        FAIL(tool << " is not installed: apt-get install " << package->second);
    auto command = tool + " " + arguments + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE_MESSAGE(pipe, "cannot run " << command);
    std::string output;
    char buffer[4096];
    std::size_t got = 0;
    while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0)
        output.append(buffer, got);
    int status = pclose(pipe);
    REQUIRE_MESSAGE(status == 0, command << " failed (status " << status << ")");
    return output;
}

PdfInfo pdfInfo(const std::filesystem::path& pdf) {
    auto text = runPdfTool("pdfinfo", quoted(pdf));
    PdfInfo info;
    std::smatch match;
    if (std::regex_search(text, match, std::regex("Title:\\s+([^\\n]*)")))
        info.title = match[1];
    if (std::regex_search(text, match, std::regex("Creator:\\s+([^\\n]*)")))
        info.creator = match[1];
    REQUIRE(std::regex_search(text, match, std::regex("Pages:\\s+(\\d+)")));
    info.pages = std::stoi(match[1]);
    REQUIRE(std::regex_search(text, match, std::regex("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")));
    info.width = std::stod(match[1]);
    info.height = std::stod(match[2]);
    return info;
}

std::vector<PdfFont> pdfFonts(const std::filesystem::path& pdf) {
    std::istringstream lines(runPdfTool("pdffonts", quoted(pdf)));
    std::string line;
    std::vector<PdfFont> fonts;
    // Columns: name type encoding emb sub uni object ID; the type may be two words.
    std::regex row("^(\\S+)\\s+.*\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$");
    while (std::getline(lines, line)) {
        std::smatch match;
        if (std::regex_match(line, match, row))
            fonts.push_back({match[1], match[2] == "yes"});
    }
    return fonts;
}

std::vector<std::string> pageTexts(const std::filesystem::path& pdf) {
    auto text = runPdfTool("pdftotext", quoted(pdf) + " -");
    std::vector<std::string> pages;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\f', start)) != std::string::npos; start = end + 1)
        pages.push_back(text.substr(start, end - start));
    return pages;
}

namespace {

/// The pages of what mutool prints as XML when run with `arguments`.
pugi::xml_object_range<pugi::xml_named_node_iterator> mutoolPages(pugi::xml_document& document,
                                                                  const std::string& arguments) {
    auto xml = runPdfTool("mutool", arguments);
    REQUIRE(document.load_string(xml.c_str()));
    return document.child("document").children("page");
}

}  // namespace

std::vector<TextLine> textLines(const std::filesystem::path& pdf) {
    pugi::xml_document document;
    std::vector<TextLine> lines;
    int page = 0;
    for (auto pageNode : mutoolPages(document, "draw -F stext -o - " + quoted(pdf))) {
        for (auto block : pageNode.children("block")) {
            for (auto lineNode : block.children("line")) {
                TextLine line;
                line.page = page;
                std::istringstream box(lineNode.attribute("bbox").value());
                box >> line.x0 >> line.y0 >> line.x1 >> line.y1;
                line.smallestSize = 1e9;
                for (auto font : lineNode.children("font")) {
                    double size = font.attribute("size").as_double();
                    line.smallestSize = std::min(line.smallestSize, size);
                    for (auto character : font.children("char"))
                        line.text += character.attribute("c").value();
                }
                lines.push_back(std::move(line));
            }
        }
        ++page;
    }
    return lines;
}

std::vector<PathBox> filledPaths(const std::filesystem::path& pdf) {
    pugi::xml_document document;
    std::vector<PathBox> boxes;
    int page = 0;
    for (auto pageNode : mutoolPages(document, "trace " + quoted(pdf))) {
        for (const auto& found : pageNode.select_nodes(".//fill_path")) {
            double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
            std::istringstream(found.node().attribute("transform").value()) >> a >> b >> c >> d >>
                e >> f;
            PathBox box{page, 1e9, 1e9, -1e9, -1e9};
            for (auto step : found.node().children()) {
                for (auto [xName, yName] : {std::pair{"x", "y"}, std::pair{"x1", "y1"},
                                            std::pair{"x2", "y2"}, std::pair{"x3", "y3"}}) {
                    auto x = step.attribute(xName);
                    auto y = step.attribute(yName);
                    if (!x || !y)
                        continue;
                    double pageX = a * x.as_double() + c * y.as_double() + e;
                    double pageY = b * x.as_double() + d * y.as_double() + f;
                    box.x0 = std::min(box.x0, pageX);
                    box.x1 = std::max(box.x1, pageX);
                    box.y0 = std::min(box.y0, pageY);
                    box.y1 = std::max(box.y1, pageY);
                }
            }
            boxes.push_back(box);
        }
        ++page;
    }
    return boxes;
}

std::string folded(const std::string& text) {
    std::string result;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space)
            result += c;
        else if (!result.empty() && result.back() != ' ')
            result += ' ';
    }
    while (!result.empty() && result.back() == ' ')
        result.pop_back();
    return result;
}

}  // namespace roundtable::test
