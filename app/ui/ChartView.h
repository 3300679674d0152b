// A chart on screen: the same drawing as on paper (documents/ChartDrawing.h), made into an
// image at the window's own pixel density (so sharp at 200% scaling) and drawn again when the
// window changes size.
#pragma once

#include <wx/bitmap.h>
#include <wx/window.h>

#include "documents/Chart.h"

namespace roundtable::ui {

class ChartView : public wxWindow {
  public:
    ChartView(wxWindow* parent, const wxString& name);

    /// Shows `chart`; its height is what the chart needs at the view's least width.
    void setChart(documents::Chart chart);
    [[nodiscard]] const documents::Chart& chart() const { return chart_; }
    /// The image last drawn, in device pixels (for tests).
    [[nodiscard]] const wxBitmap& image() const { return image_; }

  private:
    void paint();
    /// Makes image_ for the current size, when it is not made yet.
    void render();

    documents::Chart chart_;
    wxBitmap image_;
    wxSize renderedFor_;
};

}  // namespace roundtable::ui
