// The page is drawn onto a cairo image surface scaled to the zoom; its 32-bit pixels are
// unpacked into plain RGB, the form a screen image (wxImage) takes without knowing cairo.
#include "printing/PagePreview.h"
#include "text/Translate.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

namespace roundtable::printing {
namespace {

/// Below this a page is unreadable; above it one page is larger than any screen.
constexpr double kSmallestPixelsPerPoint = 0.05;

// Owners of the two cairo handles (documents/Handles.h has them, but with pango's headers).
using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Context = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

}  // namespace

PageImage renderImage(int width, int height, double pixelsPerPoint,
                      const std::function<void(cairo_t*)>& draw) {
    PageImage image;
    image.width = std::max(1, width);
    image.height = std::max(1, height);
    // RGB24: opaque paper, so no alpha to unpremultiply.
    Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height),
                    &cairo_surface_destroy);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw documents::DocumentError(text::tr("The page is too large to show at this zoom."));
    {
        Context cr(cairo_create(surface.get()), &cairo_destroy);
        cairo_set_source_rgb(cr.get(), 1.0, 1.0, 1.0);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), pixelsPerPoint, pixelsPerPoint);
        draw(cr.get());
    }
    cairo_surface_flush(surface.get());
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    image.rgb.resize(static_cast<std::size_t>(image.width) * image.height * 3);
    auto* out = image.rgb.data();
    for (int y = 0; y < image.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
        for (int x = 0; x < image.width; ++x) {
            const std::uint32_t pixel = row[x];  // 0xXXRRGGBB in the machine's byte order
            *out++ = static_cast<unsigned char>(pixel >> 16);
            *out++ = static_cast<unsigned char>(pixel >> 8);
            *out++ = static_cast<unsigned char>(pixel);
        }
    }
    return image;
}

PageImage renderPage(const documents::PageLayout& layout, int index, double pixelsPerPoint) {
    const auto size = layout.pageSize();
    const double scale = std::max(pixelsPerPoint, kSmallestPixelsPerPoint);
    return renderImage(static_cast<int>(std::lround(size.width * scale)),
                       static_cast<int>(std::lround(size.height * scale)), scale,
                       [&](cairo_t* cr) { layout.drawPage(cr, index); });
}

const std::vector<int>& PreviewView::zoomSteps() {
    static const std::vector<int> steps = {25, 50, 75, 100, 125, 150, 200, 300, 400};
    return steps;
}

void PreviewView::showDocument(int pageCount) {
    pageCount_ = std::max(0, pageCount);
    page_ = 0;
}

bool PreviewView::next() {
    if (page_ + 1 >= pageCount_)
        return false;
    ++page_;
    return true;
}

bool PreviewView::previous() {
    if (page_ == 0)
        return false;
    --page_;
    return true;
}

void PreviewView::goTo(int page) {
    page_ = std::clamp(page, 0, std::max(0, pageCount_ - 1));
}

std::string PreviewView::pageLabel() const {
    if (pageCount_ == 0)
        return text::tr("No pages");
    return text::fill(text::tr("Page {1} of {2}"),
                      {std::to_string(page_ + 1), std::to_string(pageCount_)});
}

void PreviewView::fit(ZoomMode mode) {
    mode_ = mode;
}

void PreviewView::setPercent(int percent) {
    mode_ = ZoomMode::percent;
    percent_ = std::clamp(percent, zoomSteps().front(), zoomSteps().back());
}

void PreviewView::zoomIn(double shownPercent) {
    const auto& steps = zoomSteps();
    // Half a percent of slack: a fitted zoom of 99.7% goes on to 125%, not to 100%.
    auto above = std::find_if(steps.begin(), steps.end(),
                              [&](int step) { return step > shownPercent + 0.5; });
    setPercent(above == steps.end() ? steps.back() : *above);
}

void PreviewView::zoomOut(double shownPercent) {
    const auto& steps = zoomSteps();
    auto below = std::find_if(steps.rbegin(), steps.rend(),
                              [&](int step) { return step < shownPercent - 0.5; });
    setPercent(below == steps.rend() ? steps.front() : *below);
}

double PreviewView::pixelsPerPoint(documents::PageSize page, int width, int height,
                                   double screenPixelsPerPoint) const {
    const double acrossWidth = std::max(1, width) / page.width;
    switch (mode_) {
        case ZoomMode::pageWidth:
            return std::max(acrossWidth, kSmallestPixelsPerPoint);
        case ZoomMode::wholePage:
            return std::max(std::min(acrossWidth, std::max(1, height) / page.height),
                            kSmallestPixelsPerPoint);
        case ZoomMode::percent:
            break;
    }
    return screenPixelsPerPoint * percent_ / 100.0;
}

double PreviewView::shownPercent(double pixelsPerPoint, double screenPixelsPerPoint) {
    return pixelsPerPoint / screenPixelsPerPoint * 100.0;
}

}  // namespace roundtable::printing
