// A printable document as plain values: a title, how it is set (easy-read or standard), its
// paper, and a list of blocks. Builders (CarersHandout.h, SessionPlan.h, ...) make these from
// domain types; PageLayout.h lays them out on pages. Tests read what is on a document from
// here, without rendering anything.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "documents/Chart.h"

namespace roundtable::documents {

/// The only name printed in every page's header: neutral, because belonging to such a group
/// is itself sensitive (PROGRAMME.md, Confidentiality).
inline constexpr std::string_view kProductName = "Roundtable";

/// A document cannot be built or rendered (a missing picture, a file that cannot be written).
class DocumentError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class Paper { a4, letter };

/// Landscape turns the paper on its side, for a table wider than it is long (a year's
/// register).
enum class Orientation { portrait, landscape };

struct PageSize {
    double width = 0.0;  ///< points (1/72 inch)
    double height = 0.0;
};

[[nodiscard]] PageSize pageSizeOf(Paper paper, Orientation orientation = Orientation::portrait);

/// A rectangle on a page, in points from the page's top-left corner.
struct Box {
    double x = 0.0;
    double y = 0.0;
    double width = 0.0;
    double height = 0.0;
};

/// Easy-read documents are for the men and their carers (large print, a picture for every
/// idea); standard documents are for staff.
enum class Typography { easyRead, standard };

struct Heading {
    std::string text;
    int level = 1;       ///< 1 (the document's title), 2 or 3
    std::string anchor;  ///< an id a Contents entry can point at; empty when none does
};

struct Paragraph {
    std::string text;
    std::string lead;  ///< printed in bold before the text, e.g. "Adapt:"; may be empty
};

/// One idea with its picture on the left, as the easy-read guidelines ask.
struct EasyReadPoint {
    std::string picture;  ///< a picture name: the file PICTURE.svg in the pictures folder
    std::string text;
};

struct BulletList {
    std::vector<std::string> items;
};

/// A ruled box to write in by hand.
struct WritingSpace {
    std::string label;  ///< printed above the box; may be empty
    int lines = 3;
};

/// Text a person must copy exactly (a recovery key): large, monospaced, in a box.
struct KeyText {
    std::string text;
};

/// A list of what the document holds, each with the page its heading is printed on.
struct Contents {
    struct Entry {
        std::string title;
        std::string anchor;  ///< the Heading it points at; empty for a group title (no page)
    };
    std::vector<Entry> entries;
};

struct PageBreak {};

/// Rows of short texts under column headings, ruled as a grid (a register, a list of
/// sessions). A row is never split; a table longer than a page goes on over the next with its
/// headings printed again at the top.
struct Table {
    struct Column {
        std::string heading;  ///< no heading row is printed when every heading is empty
        double share = 1.0;   ///< of the width, in proportion to the other columns' shares
        bool centred = false;
    };
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;  ///< a cell for each column, in order
    bool forWriting = false;                     ///< rows tall enough to sign or write in by hand
};

// A Chart (Chart.h) is a block too: printed whole, as wide as the text, never split.
using Block = std::variant<Heading, Paragraph, EasyReadPoint, BulletList, WritingSpace, KeyText,
                           Contents, PageBreak, Table, Chart>;

struct Document {
    std::string title;  ///< in every page's header and the PDF's metadata
    Typography typography = Typography::easyRead;
    bool confidential = false;  ///< every page is marked confidential
    Paper paper = Paper::a4;
    Orientation orientation = Orientation::portrait;
    /// Printed as a booklet: pages half the paper (A5 on A4), two side by side on each side of a
    /// sheet in the order that reads 1, 2, 3... once the printed sheets are folded in half
    /// (PageLayout::drawSheet). A man's own relapse-prevention plan is carried folded.
    bool booklet = false;
    std::vector<Block> blocks;
};

/// Every text a reader sees in the body of `document`, one per line in reading order (a
/// bullet list's items one per line; a writing space's label; contents titles; a table's
/// headings, then its cells row by row, each non-empty one on its own line; a chart's texts as
/// textsOf(Chart) lists them). The header
/// and footer (product name, title, page numbers) are not included.
[[nodiscard]] std::vector<std::string> textsOf(const Document& document);

}  // namespace roundtable::documents
