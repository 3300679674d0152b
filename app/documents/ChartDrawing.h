// Draws a Chart (Chart.h) onto any cairo context whose user space is in points: a PDF page, a
// print preview, or an image for the screen at any scale. Text is set by pango in the
// documents' own type (Typesetter), so a chart reads like the page around it.
#pragma once

#include <cairo.h>

#include "documents/Chart.h"
#include "documents/Document.h"

namespace roundtable::documents {

/// The height `chart` takes at `width` points: its title, value label, plot (its plotHeight, or
/// a row per bar), category labels and legend.
[[nodiscard]] double chartHeight(const Chart& chart, double width, Typography typography);

/// Draws `chart` inside `box` (points): the plot takes what its texts leave of the box's height.
/// DocumentError when a series has not one value per category, a bar chart has other than one
/// series, or the value range is empty. `cr`'s state is restored.
void drawChart(cairo_t* cr, const Chart& chart, const Box& box, Typography typography);

}  // namespace roundtable::documents
