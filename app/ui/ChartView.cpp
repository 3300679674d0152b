// A point of the chart is 96/72 logical pixels, as type in points is on this screen, so the
// chart's text is the size of the text around it; the image has the content scale factor's
// device pixels per logical pixel.
#include "ui/ChartView.h"

#include <wx/dcbuffer.h>
#include <wx/image.h>

#include <algorithm>
#include <cmath>

#include "documents/ChartDrawing.h"
#include "printing/PagePreview.h"

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
    const int width = static_cast<int>(std::lround(size.x * scale));
    const int height = static_cast<int>(std::lround(size.y * scale));
    // The same pixels from cairo as the print preview's pages.
    auto pixels = printing::renderImage(width, height, scale * kPixelsPerPoint, [&](cairo_t* cr) {
        if (!chart_.series.empty()) {
            documents::drawChart(cr, chart_,
                                 {kPadding, kPadding, size.x / kPixelsPerPoint - 2.0 * kPadding,
                                  size.y / kPixelsPerPoint - 2.0 * kPadding},
                                 documents::Typography::standard);
        }
    });
    wxImage image(pixels.width, pixels.height, false);
    std::copy(pixels.rgb.begin(), pixels.rgb.end(), image.GetData());
    image_ = wxBitmap(image, -1, scale);
}

void ChartView::paint() {
    wxAutoBufferedPaintDC dc(this);
    render();
    dc.DrawBitmap(image_, 0, 0);
}

}  // namespace roundtable::ui
