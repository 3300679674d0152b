// Paper sizes and the text a document holds.
#include "documents/Document.h"

#include <utility>

namespace roundtable::documents {
namespace {

template <typename... Visitors>
struct Overloaded : Visitors... {
    using Visitors::operator()...;
};

}  // namespace

PageSize pageSizeOf(Paper paper, Orientation orientation) {
    PageSize size;
    switch (paper) {
        case Paper::a4:
            size = {595.0, 842.0};  // 210 x 297 mm, rounded as every PDF tool reports it
            break;
        case Paper::letter:
            size = {612.0, 792.0};  // 8.5 x 11 inches
            break;
    }
    if (size.width == 0.0)
        throw DocumentError("unknown paper size");
    if (orientation == Orientation::landscape)
        std::swap(size.width, size.height);
    return size;
}

std::vector<std::string> textsOf(const Document& document) {
    std::vector<std::string> texts;
    auto add = [&](const std::string& text) {
        if (!text.empty())
            texts.push_back(text);
    };
    for (const auto& block : document.blocks) {
        std::visit(Overloaded{
                       [&](const Heading& heading) { add(heading.text); },
                       [&](const Paragraph& paragraph) {
                           add(paragraph.lead.empty() ? paragraph.text
                                                      : paragraph.lead + " " + paragraph.text);
                       },
                       [&](const EasyReadPoint& point) { add(point.text); },
                       [&](const BulletList& list) {
                           for (const auto& item : list.items)
                               add(item);
                       },
                       [&](const WritingSpace& space) { add(space.label); },
                       [&](const KeyText& key) { add(key.text); },
                       [&](const Contents& contents) {
                           for (const auto& entry : contents.entries)
                               add(entry.title);
                       },
                       [](const PageBreak&) {},
                       [&](const Table& table) {
                           for (const auto& column : table.columns)
                               add(column.heading);
                           for (const auto& row : table.rows) {
                               for (const auto& cell : row)
                                   add(cell);
                           }
                       },
                       [&](const Chart& chart) {
                           for (const auto& text : textsOf(chart))
                               add(text);
                       },
                   },
                   block);
    }
    return texts;
}

}  // namespace roundtable::documents
