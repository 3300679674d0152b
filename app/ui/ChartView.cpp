// A point of the chart is 96/72 logical pixels, as type in points is on this screen, so the
// chart's text is the size of the text around it; the image has the content scale factor's
// device pixels per logical pixel.
#include "ui/ChartView.h"

#include <wx/dcbuffer.h>
#include <wx/image.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

#include "documents/ChartDrawing.h"

namespace roundtable::ui {
namespace {

constexpr double kPixelsPerPoint = 96.0 / 72.0;
constexpr int kLeastWidth = 420;  ///< logical pixels: the narrowest the view is laid out at
constexpr double kPadding = 6.0;  ///< points around the chart

}  // namespace

ChartView::ChartView(wxWindow* parent, const wxString& name)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE) {
    SetName(name);
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        Refresh();
        event.Skip();
    });
}

void ChartView::setChart(documents::Chart chart) {
    chart_ = std::move(chart);
    renderedFor_ = wxSize();
    const double width = kLeastWidth / kPixelsPerPoint - 2.0 * kPadding;
    const double height =
        documents::chartHeight(chart_, width, documents::Typography::standard) + 2.0 * kPadding;
    SetMinSize(wxSize(kLeastWidth, static_cast<int>(std::ceil(height * kPixelsPerPoint))));
    InvalidateBestSize();
    Refresh();
}

void ChartView::render() {
    const wxSize size = GetClientSize();
    if (size == renderedFor_ && image_.IsOk())
        return;
    renderedFor_ = size;
    const double scale = GetContentScaleFactor();
    const int width = std::max(1, static_cast<int>(std::lround(size.x * scale)));
    const int height = std::max(1, static_cast<int>(std::lround(size.y * scale)));
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height), &cairo_surface_destroy);
    {
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                              &cairo_destroy);
        cairo_set_source_rgb(cr.get(), 1.0, 1.0, 1.0);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), scale * kPixelsPerPoint, scale * kPixelsPerPoint);
        if (!chart_.series.empty()) {
            documents::drawChart(cr.get(), chart_,
                                 {kPadding, kPadding, size.x / kPixelsPerPoint - 2.0 * kPadding,
                                  size.y / kPixelsPerPoint - 2.0 * kPadding},
                                 documents::Typography::standard);
        }
    }
    cairo_surface_flush(surface.get());
    wxImage image(width, height, false);
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    unsigned char* out = image.GetData();
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
        for (int x = 0; x < width; ++x) {
            const std::uint32_t pixel = row[x];  // 0xXXRRGGBB in the machine's byte order
            *out++ = static_cast<unsigned char>(pixel >> 16);
            *out++ = static_cast<unsigned char>(pixel >> 8);
            *out++ = static_cast<unsigned char>(pixel);
        }
    }
    image_ = wxBitmap(image, -1, scale);
}

void ChartView::paint() {
    wxAutoBufferedPaintDC dc(this);
    render();
    dc.DrawBitmap(image_, 0, 0);
}

}  // namespace roundtable::ui
