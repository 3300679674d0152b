// Every block becomes one or more rows (a heading, a line of a paragraph, a whole easy-read
// point, a writing box); pagination places rows and knows nothing of blocks. Keeping things
// together is one rule: a row marked keepWithNext goes to the next page with the rows it is
// chained to when they would not all fit, unless the chain is taller than a page.
#include "documents/PageLayout.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <utility>

#include "documents/ChartDrawing.h"
#include "documents/Pictograms.h"
#include "documents/Typesetter.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

/// How far below the top of the page the running header's text starts, and the footer's text
/// ends above the bottom: about 14 mm, inside what every printer can print.
constexpr double kMarginalEdge = 40.0;
constexpr double kRuleWidth = 0.75;
constexpr double kBorderGrey = 0.35;
constexpr double kRuleGrey = 0.6;
constexpr double kKeyPadding = 16.0;
constexpr double kRuleInset = 8.0;  ///< a writing box's lines stop short of its sides
constexpr int kExcerptLength = 60;
constexpr double kCellPaddingRatio = 0.3;  ///< a table cell's padding, of the type size
constexpr double kCellRuleWidth = 0.5;
constexpr double kHeadingGround = 0.88;  ///< the grey behind a table's headings
/// A row to sign in is half as tall again as a line to write on: a signature is larger.
constexpr double kSigningLineRatio = 1.5;

using Draw = std::function<void(cairo_t* cr, double top)>;

/// The smallest thing pagination places.
struct Row {
    double height = 0.0;
    double gapBefore = 0.0;  ///< left out at the top of a page
    bool keepWithNext = false;
    bool startsPage = false;
    std::string anchor;                   ///< a heading's anchor, for the contents
    std::optional<DrawnPicture> picture;  ///< box.y from the row's top until placed
    std::string excerpt;                  ///< names the row in an error
    /// A table's heading row, printed again above this row when it starts a page.
    std::optional<std::size_t> header;
    Draw draw;
};

struct Placement {
    std::size_t row;
    double top;
};

void showLayoutAt(cairo_t* cr, PangoLayout* layout, double x, double y) {
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
}

void strokeLine(cairo_t* cr, double x0, double y0, double x1, double y1, double grey) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_set_line_width(cr, kRuleWidth);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void strokeBox(cairo_t* cr, const Box& box, double grey, double lineWidth) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_set_line_width(cr, lineWidth);
    cairo_rectangle(cr, box.x, box.y, box.width, box.height);
    cairo_stroke(cr);
    cairo_restore(cr);
}

std::string excerptOf(const std::string& text) {
    return text.size() <= kExcerptLength ? text : text.substr(0, kExcerptLength) + "...";
}

}  // namespace

struct PageLayout::Impl {
    Impl(const Document& document, const PictureSource& pictures)
        : typography(document.typography),
          style(styleOf(document.typography)),
          typesetter(style),
          pictograms(pictures),
          sheet(document.booklet ? pageSizeOf(document.paper, Orientation::landscape)
                                 : pageSizeOf(document.paper, document.orientation)),
          size(document.booklet ? PageSize{sheet.width / 2.0, sheet.height} : sheet),
          booklet(document.booklet),
          title(document.title),
          confidential(document.confidential),
          left(style.sideMargin),
          width(size.width - 2.0 * style.sideMargin) {
        for (const auto& block : document.blocks)
            std::visit([this](const auto& each) { add(each); }, block);
        paginate();
        resolveAnchorsAndPictures();
    }

    Typography typography;
    const Style& style;
    Typesetter typesetter;
    Pictograms pictograms;
    PageSize sheet;
    PageSize size;  ///< of a page: the sheet's, or half of it in a booklet
    bool booklet;
    std::string title;
    bool confidential;
    double left;
    double width;
    std::vector<Row> rows;
    bool pageBreakPending = false;
    std::vector<std::vector<Placement>> pages;
    std::vector<std::string> contentsAnchors;
    std::map<std::string, int> anchorPages;
    std::vector<DrawnPicture> pictures;

    void push(Row row) {
        row.startsPage = std::exchange(pageBreakPending, false);
        rows.push_back(std::move(row));
    }

    SharedLayout body(const std::string& text, double wrapWidth, const TextShape& shape = {}) {
        return typesetter.layout(text, Face::sans, style.bodySize, wrapWidth, shape);
    }

    /// One row per line of `layout`, drawn at `x`; `decorateFirstLine` (given the first
    /// line's baseline) draws what goes before it, such as a bullet. A line is never left
    /// alone at the foot or the head of a page.
    void addLines(const SharedLayout& layout, double x, double gapBefore,
                  const std::function<void(cairo_t*, double baseline)>& decorateFirstLine = {}) {
        auto lines = linesOf(layout.get());
        const auto count = lines.size();
        for (const auto& line : lines) {
            Row row;
            row.height = line.bottom - line.top;
            row.gapBefore = line.index == 0 ? gapBefore : 0.0;
            auto index = static_cast<std::size_t>(line.index);
            row.keepWithNext = (index == 0 && count >= 2) || (count >= 3 && index == count - 2);
            row.draw = [layout, x, line, decorate = index == 0 ? decorateFirstLine : nullptr](
                           cairo_t* cr, double top) {
                double baseline = top + line.baseline - line.top;
                if (decorate)
                    decorate(cr, baseline);
                cairo_move_to(cr, x + line.x, baseline);
                pango_cairo_show_layout_line(
                    cr, pango_layout_get_line_readonly(layout.get(), line.index));
            };
            push(std::move(row));
        }
    }

    void add(const Heading& heading) {
        auto level = std::clamp(heading.level, 1, 3) - 1;
        auto layout =
            typesetter.layout(heading.text, Face::sansBold, style.headingSize[level], width);
        Row row;
        row.height = heightOf(layout.get());
        row.gapBefore = style.headingGap[level];
        row.keepWithNext = true;
        row.anchor = heading.anchor;
        row.excerpt = excerptOf(heading.text);
        row.draw = [this, layout](cairo_t* cr, double top) {
            showLayoutAt(cr, layout.get(), left, top);
        };
        push(std::move(row));
    }

    void add(const Paragraph& paragraph) {
        addLines(body(paragraph.text, width, TextShape::ledBy(paragraph.lead)), left,
                 style.blockGap);
    }

    /// The picture on the left and the text on its right: a short text centred on the picture,
    /// a text taller than the picture starting level with its top.
    void add(const EasyReadPoint& point) {
        pictograms.load(point.picture);
        const double picture = style.pictureSize;
        const double textLeft = left + picture + style.pictureGap;
        auto layout = body(point.text, width - picture - style.pictureGap);
        const double textHeight = heightOf(layout.get());
        Row row;
        row.height = std::max(picture, textHeight);
        row.gapBefore = style.blockGap;
        row.excerpt = excerptOf(point.text);
        const Box pictureBox{left, 0.0, picture, picture};
        row.picture = DrawnPicture{-1, point.picture, pictureBox, point.text};
        const double textOffset = (row.height - textHeight) / 2.0;
        row.draw = [this, layout, pictureBox, textLeft, textOffset, name = point.picture](
                       cairo_t* cr, double top) {
            pictograms.draw(
                cr, name, {pictureBox.x, top + pictureBox.y, pictureBox.width, pictureBox.height});
            showLayoutAt(cr, layout.get(), textLeft, top + textOffset);
        };
        push(std::move(row));
    }

    void add(const BulletList& list) {
        auto bullet = body("\u2022", style.bulletIndent);
        const double bulletBaseline =
            pango_units_to_double(pango_layout_get_baseline(bullet.get()));
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            auto layout = body(list.items[i], width - style.bulletIndent);
            addLines(layout, left + style.bulletIndent,
                     i == 0 ? style.blockGap : style.blockGap / 2.0,
                     [this, bullet, bulletBaseline](cairo_t* cr, double baseline) {
                         showLayoutAt(cr, bullet.get(), left, baseline - bulletBaseline);
                     });
        }
    }

    /// A box ruled with as many lines as asked for, under its label, on the same page as what
    /// comes before it (what it is for).
    void add(const WritingSpace& space) {
        if (!rows.empty() && !pageBreakPending)
            rows.back().keepWithNext = true;
        SharedLayout label;
        double labelHeight = 0.0;
        if (!space.label.empty()) {
            label = typesetter.layout(space.label, Face::sansBold, style.bodySize, width);
            labelHeight = heightOf(label.get()) + style.blockGap / 2.0;
        }
        const int lines = std::max(space.lines, 1);
        const double boxHeight = lines * style.writingLineHeight;
        Row row;
        row.height = labelHeight + boxHeight;
        row.gapBefore = style.blockGap;
        row.excerpt = excerptOf(space.label);
        row.draw = [this, label, labelHeight, lines, boxHeight](cairo_t* cr, double top) {
            if (label)
                showLayoutAt(cr, label.get(), left, top);
            const double boxTop = top + labelHeight;
            strokeBox(cr, {left, boxTop, width, boxHeight}, kBorderGrey, kRuleWidth);
            for (int line = 1; line < lines; ++line) {
                const double y = boxTop + line * style.writingLineHeight;
                strokeLine(cr, left + kRuleInset, y, left + width - kRuleInset, y, kRuleGrey);
            }
        };
        push(std::move(row));
    }

    void add(const KeyText& key) {
        auto layout =
            typesetter.layout(key.text, Face::monospace, style.keySize, width - 2.0 * kKeyPadding);
        Row row;
        row.height = heightOf(layout.get()) + 2.0 * kKeyPadding;
        row.gapBefore = style.blockGap * 2.0;
        row.excerpt = excerptOf(key.text);
        row.draw = [this, layout, height = row.height](cairo_t* cr, double top) {
            strokeBox(cr, {left, top, width, height}, 0.0, 2.0 * kRuleWidth);
            showLayoutAt(cr, layout.get(), left + kKeyPadding, top + kKeyPadding);
        };
        push(std::move(row));
    }

    /// Each entry's title, and on the right the page its heading is on (known once paginated:
    /// the number does not change the entry's height).
    void add(const Contents& contents) {
        const double numberWidth = 4.0 * style.bodySize;
        const bool grouped = std::any_of(contents.entries.begin(), contents.entries.end(),
                                         [](const auto& entry) { return entry.anchor.empty(); });
        const double indent = grouped ? style.bulletIndent : 0.0;
        for (const auto& entry : contents.entries) {
            const bool group = entry.anchor.empty();
            const double x = group ? left : left + indent;
            auto layout =
                typesetter.layout(entry.title, group ? Face::sansBold : Face::sans, style.bodySize,
                                  group ? width : width - numberWidth - (x - left));
            Row row;
            row.height = heightOf(layout.get());
            row.gapBefore = group ? style.headingGap[2] : style.blockGap;
            row.keepWithNext = group;
            row.excerpt = excerptOf(entry.title);
            if (!group)
                contentsAnchors.push_back(entry.anchor);
            row.draw = [this, layout, x, numberWidth, anchor = entry.anchor](cairo_t* cr,
                                                                             double top) {
                showLayoutAt(cr, layout.get(), x, top);
                if (anchor.empty())
                    return;
                auto number = body(std::to_string(anchorPages.at(anchor) + 1), numberWidth,
                                   TextShape::rightAligned(false));
                showLayoutAt(cr, number.get(), left + width - numberWidth, top);
            };
            push(std::move(row));
        }
    }

    void add(const PageBreak&) { pageBreakPending = !rows.empty(); }

    /// A chart is one row, as wide as the text: never split over two pages.
    void add(const Chart& chart) {
        Row row;
        row.height = chartHeight(chart, width, typography);
        row.gapBefore = style.blockGap * 2.0;
        row.excerpt = excerptOf(chart.title);
        row.draw = [this, chart, height = row.height](cairo_t* cr, double top) {
            drawChart(cr, chart, {left, top, width, height}, typography);
        };
        push(std::move(row));
    }

    // Tables: a row of the table is a row of the page; its heading row is kept with the first
    // and repeated at the top of each page the table goes on to.

    void add(const Table& table) {
        if (table.columns.empty())
            return;
        double shares = 0.0;
        for (const auto& column : table.columns)
            shares += std::max(column.share, 0.0);
        std::vector<double> edges{left};
        for (const auto& column : table.columns)
            edges.push_back(edges.back() + width * std::max(column.share, 0.0) / shares);
        std::optional<std::size_t> header;
        std::vector<std::string> headings;
        for (const auto& column : table.columns)
            headings.push_back(column.heading);
        if (std::any_of(headings.begin(), headings.end(),
                        [](const auto& h) { return !h.empty(); })) {
            auto row = tableRow(table, edges, headings, true);
            row.keepWithNext = true;
            push(std::move(row));
            header = rows.size() - 1;
        }
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            auto row = tableRow(table, edges, table.rows[i], false);
            if (i == 0 && !header)
                row.gapBefore = style.blockGap;
            row.header = header;
            push(std::move(row));
        }
    }

    /// One row of cells between `edges`, each text set inside its cell's padding; a heading
    /// row is bold on a light grey ground.
    Row tableRow(const Table& table, const std::vector<double>& edges,
                 const std::vector<std::string>& cells, bool heading) {
        const double padding = style.bodySize * kCellPaddingRatio;
        std::vector<SharedLayout> layouts;
        std::vector<double> heights;
        double textHeight = 0.0;
        for (std::size_t column = 0; column < table.columns.size(); ++column) {
            const auto& text = column < cells.size() ? cells[column] : std::string();
            if (text.empty()) {
                layouts.emplace_back();
                heights.push_back(0.0);
                continue;
            }
            auto cellWidth = std::max(edges[column + 1] - edges[column] - 2.0 * padding, 1.0);
            layouts.push_back(typesetter.layout(
                text, heading ? Face::sansBold : Face::sans, style.bodySize, cellWidth,
                table.columns[column].centred ? TextShape::centredOnWidth() : TextShape{}));
            heights.push_back(heightOf(layouts.back().get()));
            textHeight = std::max(textHeight, heights.back());
        }
        const double least = table.forWriting && !heading
                                 ? style.writingLineHeight * kSigningLineRatio
                                 : style.bodySize;
        Row row;
        row.height = std::max(textHeight, least) + 2.0 * padding;
        row.gapBefore = heading ? style.blockGap : 0.0;
        row.excerpt = excerptOf(cells.empty() ? std::string() : cells.front());
        row.draw = [edges, layouts, heights, heading, padding, height = row.height](cairo_t* cr,
                                                                                    double top) {
            if (heading) {
                cairo_save(cr);
                cairo_set_source_rgb(cr, kHeadingGround, kHeadingGround, kHeadingGround);
                cairo_rectangle(cr, edges.front(), top, edges.back() - edges.front(), height);
                cairo_fill(cr);
                cairo_restore(cr);
            }
            for (std::size_t column = 0; column + 1 < edges.size(); ++column) {
                const Box cell{edges[column], top, edges[column + 1] - edges[column], height};
                strokeBox(cr, cell, kBorderGrey, kCellRuleWidth);
                // Each text in the middle of its cell's height, as a register is read across.
                if (layouts[column]) {
                    showLayoutAt(cr, layouts[column].get(), cell.x + padding,
                                 top + (height - heights[column]) / 2.0);
                }
            }
        };
        return row;
    }

    void paginate() {
        const double capacity = size.height - style.bodyTop - style.bodyBottom;
        pages.emplace_back();
        double used = 0.0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& row = rows[i];
            if (row.height > capacity) {
                throw DocumentError(
                    text::fill(text::tr("Something in \"{1}\" is too long for one page: \"{2}\""),
                               {title, row.excerpt}));
            }
            if (row.startsPage && !pages.back().empty()) {
                pages.emplace_back();
                used = 0.0;
            }
            double chain = row.height;
            for (std::size_t j = i;
                 rows[j].keepWithNext && j + 1 < rows.size() && !rows[j + 1].startsPage; ++j) {
                chain += rows[j + 1].gapBefore + rows[j + 1].height;
            }
            const double needed = chain <= capacity ? chain : row.height;
            double gap = pages.back().empty() ? 0.0 : row.gapBefore;
            if (!pages.back().empty() && used + gap + needed > capacity) {
                pages.emplace_back();
                used = 0.0;
                gap = 0.0;
            }
            if (pages.back().empty() && row.header) {
                pages.back().push_back({*row.header, style.bodyTop});
                used = rows[*row.header].height;
            }
            pages.back().push_back({i, style.bodyTop + used + gap});
            used += gap + row.height;
        }
    }

    void resolveAnchorsAndPictures() {
        for (std::size_t page = 0; page < pages.size(); ++page) {
            for (const auto& placement : pages[page]) {
                const auto& row = rows[placement.row];
                if (!row.anchor.empty())
                    anchorPages[row.anchor] = static_cast<int>(page);
                if (row.picture) {
                    auto drawn = *row.picture;
                    drawn.page = static_cast<int>(page);
                    drawn.box.y += placement.top;
                    pictures.push_back(std::move(drawn));
                }
            }
        }
        for (const auto& anchor : contentsAnchors) {
            if (!anchorPages.contains(anchor)) {
                throw DocumentError(text::fill(
                    text::tr("The contents of \"{1}\" list \"{2}\", which is not in it."),
                    {title, anchor}));
            }
        }
    }

    void drawHeader(cairo_t* cr) const {
        auto product = typesetter.layout(kProductName, Face::sansBold, style.marginalSize, width);
        const double productWidth = widthOf(product.get()) + 2.0 * style.marginalSize;
        auto heading = typesetter.layout(title, Face::sans, style.marginalSize,
                                         width - productWidth, TextShape::rightAligned(true));
        showLayoutAt(cr, product.get(), left, kMarginalEdge);
        showLayoutAt(cr, heading.get(), left + productWidth, kMarginalEdge);
        const double rule = kMarginalEdge + heightOf(product.get()) + style.marginalSize / 2.0;
        strokeLine(cr, left, rule, left + width, rule, kBorderGrey);
    }

    void drawFooter(cairo_t* cr, int index) const {
        auto number = typesetter.layout(
            text::fill(text::tr("Page {1} of {2}"),
                       {std::to_string(index + 1), std::to_string(pages.size())}),
            Face::sans, style.marginalSize, width, TextShape::rightAligned(false));
        const double top = size.height - kMarginalEdge - heightOf(number.get());
        showLayoutAt(cr, number.get(), left, top);
        if (confidential) {
            auto mark = typesetter.layout(text::tr("Confidential"), Face::sansBold,
                                          style.marginalSize, width);
            showLayoutAt(cr, mark.get(), left, top);
        }
    }
};

PageLayout::PageLayout(const Document& document, const PictureSource& pictures)
    : impl_(std::make_unique<Impl>(document, pictures)) {}

PageLayout::~PageLayout() = default;
PageLayout::PageLayout(PageLayout&&) noexcept = default;
PageLayout& PageLayout::operator=(PageLayout&&) noexcept = default;

int PageLayout::pageCount() const {
    return static_cast<int>(impl_->pages.size());
}

PageSize PageLayout::pageSize() const {
    return impl_->size;
}

const std::string& PageLayout::title() const {
    return impl_->title;
}

const std::vector<DrawnPicture>& PageLayout::pictures() const {
    return impl_->pictures;
}

void PageLayout::drawPage(cairo_t* cr, int index) const {
    if (index < 0 || index >= pageCount()) {
        throw DocumentError(text::fill(text::tr("There is no page {1} in \"{2}\"."),
                                       {std::to_string(index + 1), impl_->title}));
    }
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.0, 0.0, 0.0);
    impl_->drawHeader(cr);
    for (const auto& placement : impl_->pages[static_cast<std::size_t>(index)])
        impl_->rows[placement.row].draw(cr, placement.top);
    impl_->drawFooter(cr, index);
    cairo_restore(cr);
}

int PageLayout::sheetCount() const {
    if (!impl_->booklet)
        return pageCount();
    const int folded = (pageCount() + 3) / 4;  // four pages to each folded sheet
    return 2 * folded;                         // its front and its back
}

PageSize PageLayout::sheetSize() const {
    return impl_->sheet;
}

std::vector<PageLayout::PageOnSheet> PageLayout::pagesOnSheet(int index) const {
    if (index < 0 || index >= sheetCount()) {
        throw DocumentError(text::fill(text::tr("There is no sheet {1} in \"{2}\"."),
                                       {std::to_string(index + 1), impl_->title}));
    }
    if (!impl_->booklet)
        return {{index, 0.0}};
    // With the pages made up to a multiple of four, the outermost sheet's front holds the last
    // page and the first, its back the second and the one before last; and so inwards.
    const int pages = 2 * sheetCount();
    const int folded = index / 2;
    const bool front = index % 2 == 0;
    const int left = front ? pages - 1 - 2 * folded : 2 * folded + 1;
    const int right = front ? 2 * folded : pages - 2 - 2 * folded;
    return {{left, 0.0}, {right, impl_->size.width}};
}

void PageLayout::drawSheet(cairo_t* cr, int index) const {
    for (const auto& [page, x] : pagesOnSheet(index)) {
        if (page >= pageCount())
            continue;  // a blank page making up the last folded sheet
        cairo_save(cr);
        cairo_translate(cr, x, 0.0);
        drawPage(cr, page);
        cairo_restore(cr);
    }
}

std::vector<DrawnPicture> PageLayout::picturesOnSheets() const {
    std::vector<DrawnPicture> onSheets;
    for (int sheet = 0; sheet < sheetCount(); ++sheet) {
        for (const auto& [page, x] : pagesOnSheet(sheet)) {
            for (auto picture : impl_->pictures) {
                if (picture.page != page)
                    continue;
                picture.page = sheet;
                picture.box.x += x;
                onSheets.push_back(std::move(picture));
            }
        }
    }
    return onSheets;
}

}  // namespace roundtable::documents
