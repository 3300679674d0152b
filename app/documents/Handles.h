// Owners for the handles of cairo, pango, librsvg and GLib, so that each is released however
// the scope that made it ends (an exception while a page is drawn included).
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pangocairo.h>

#include <memory>

namespace roundtable::documents {

/// Releases a handle with the C library's own function.
template <auto release>
struct ReleaseWith {
    template <typename Handle>
    void operator()(Handle* handle) const {
        release(handle);
    }
};

using CairoPtr = std::unique_ptr<cairo_t, ReleaseWith<cairo_destroy>>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, ReleaseWith<cairo_surface_destroy>>;
using FontOptionsPtr =
    std::unique_ptr<cairo_font_options_t, ReleaseWith<cairo_font_options_destroy>>;
template <typename Object>
using GObjectPtr = std::unique_ptr<Object, ReleaseWith<g_object_unref>>;
using FontDescriptionPtr =
    std::unique_ptr<PangoFontDescription, ReleaseWith<pango_font_description_free>>;
using AttributesPtr = std::unique_ptr<PangoAttrList, ReleaseWith<pango_attr_list_unref>>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, ReleaseWith<pango_layout_iter_free>>;
using ErrorPtr = std::unique_ptr<GError, ReleaseWith<g_error_free>>;

/// A text layout that several rows of a page share (one row per line of a paragraph).
using SharedLayout = std::shared_ptr<PangoLayout>;

}  // namespace roundtable::documents
