// The type and spacing of each typography, and pango layouts set in it. Sizes are absolute:
// one unit is one point, on a PDF page and on any cairo context scaled to points, and layouts
// do not depend on the device they are drawn on (no hinting of metrics).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "documents/Document.h"
#include "documents/Handles.h"

namespace roundtable::documents {

/// Every measure of a page and its type, in points.
struct Style {
    double bodySize;
    double lineGapRatio;  ///< space added between lines, as a fraction of the type size
    double headingSize[3];
    double headingGap[3];  ///< space above a heading of each level
    double marginalSize;   ///< the running header and the footer
    double blockGap;       ///< space above a paragraph, point or list
    double pictureSize;    ///< an easy-read point's picture, square
    double pictureGap;     ///< between the picture and its text
    double bulletIndent;
    double writingLineHeight;
    double keySize;
    double sideMargin;
    double bodyTop;     ///< where the body starts, from the top of the page
    double bodyBottom;  ///< where the body ends, measured up from the bottom of the page
};

[[nodiscard]] const Style& styleOf(Typography typography);

enum class Face { sans, sansBold, monospace };

struct TextShape {
    std::string lead;         ///< set in bold before the text
    bool singleLine = false;  ///< cut short with an ellipsis rather than wrapped
    bool alignRight = false;
    bool centred = false;

    [[nodiscard]] static TextShape ledBy(std::string lead) {
        return {std::move(lead), false, false, false};
    }
    [[nodiscard]] static TextShape rightAligned(bool singleLine) {
        return {{}, singleLine, true, false};
    }
    [[nodiscard]] static TextShape centredOnWidth() { return {{}, false, false, true}; }
};

/// One line of a layout: where its space starts and ends, and its baseline, in points from
/// the top of the layout; where it starts from the layout's left edge.
struct LineBand {
    int index;
    double x;
    double top;
    double bottom;
    double baseline;
};

class Typesetter {
  public:
    explicit Typesetter(const Style& style);

    /// `text` (UTF-8, else DocumentError) set in `face` at `size` points, wrapped at `width`.
    [[nodiscard]] SharedLayout layout(std::string_view text, Face face, double size, double width,
                                      const TextShape& shape = {}) const;

  private:
    const Style& style_;
    GObjectPtr<PangoContext> context_;
};

[[nodiscard]] double heightOf(PangoLayout* layout);
[[nodiscard]] double widthOf(PangoLayout* layout);
/// The lines of `layout`, whose bands follow one another with no gap and cover its height.
[[nodiscard]] std::vector<LineBand> linesOf(PangoLayout* layout);

}  // namespace roundtable::documents
