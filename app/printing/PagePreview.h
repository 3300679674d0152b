// What a print preview shows, without a display: a page drawn as pixels by the same
// PageLayout::drawPage that prints and exports it (so the three cannot differ), and which page
// is shown at what zoom.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "documents/PageLayout.h"

namespace roundtable::printing {

/// A page as pixels: rows of packed RGB (3 bytes a pixel), top to bottom, no padding.
struct PageImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;
};

/// `width` x `height` pixels of white paper with `draw` drawn on it, its user space in points at
/// `pixelsPerPoint`: a page, or anything else drawn with cairo (a chart on screen).
/// documents::DocumentError when cairo cannot make an image that large.
[[nodiscard]] PageImage renderImage(int width, int height, double pixelsPerPoint,
                                    const std::function<void(cairo_t*)>& draw);

/// Draws page `index` (from 0) of `layout` on white paper, `pixelsPerPoint` pixels to a point.
/// documents::DocumentError for a page the layout does not have.
[[nodiscard]] PageImage renderPage(const documents::PageLayout& layout, int index,
                                   double pixelsPerPoint);

/// How the page is fitted to the window, or a size of its own.
enum class ZoomMode { wholePage, pageWidth, percent };

/// The page shown and the zoom of a print preview. The percent is of the page's real size on
/// the screen (100%: a printed centimetre measures a centimetre).
class PreviewView {
  public:
    /// The zoom steps, smallest first, that zooming in and out moves between.
    static const std::vector<int>& zoomSteps();

    /// A new document was laid out: back to its first page, the zoom kept.
    void showDocument(int pageCount);
    [[nodiscard]] int page() const { return page_; }  ///< from 0
    [[nodiscard]] int pageCount() const { return pageCount_; }
    /// False (and nothing changes) at the last or first page.
    bool next();
    bool previous();
    /// Keeps `page` within the document.
    void goTo(int page);
    /// "Page 3 of 12".
    [[nodiscard]] std::string pageLabel() const;

    [[nodiscard]] ZoomMode mode() const { return mode_; }
    /// The percent chosen; meaningful in ZoomMode::percent.
    [[nodiscard]] int percent() const { return percent_; }
    void fit(ZoomMode mode);
    /// Keeps `percent` within the smallest and largest step.
    void setPercent(int percent);
    /// To the next step above or below the zoom shown now (`shownPercent`, see shownPercent).
    void zoomIn(double shownPercent);
    void zoomOut(double shownPercent);

    /// Pixels to a point for a page of `page` in a viewport of `width` x `height` pixels (the
    /// space inside the window's margins), on a screen of `screenPixelsPerPoint` (96 / 72 on
    /// most).
    [[nodiscard]] double pixelsPerPoint(documents::PageSize page, int width, int height,
                                        double screenPixelsPerPoint) const;
    /// The zoom that pixelsPerPoint gives, in percent of the real size.
    [[nodiscard]] static double shownPercent(double pixelsPerPoint, double screenPixelsPerPoint);

  private:
    int page_ = 0;
    int pageCount_ = 0;
    ZoomMode mode_ = ZoomMode::percent;  ///< real size to begin with: as it will read on paper
    int percent_ = 100;
};

}  // namespace roundtable::printing
