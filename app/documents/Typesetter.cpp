// DejaVu Sans is the face the easy-read guidelines' "clear sans-serif" maps to on Debian
// (fonts-dejavu-core); "Sans" is fontconfig's fallback when it is missing.
#include "documents/Typesetter.h"
#include "text/Translate.h"

#include <algorithm>

namespace roundtable::documents {
namespace {

constexpr const char* kSansFamily = "DejaVu Sans,Sans";
constexpr const char* kMonospaceFamily = "DejaVu Sans Mono,Monospace";
constexpr double kMillimetre = 72.0 / 25.4;

// Easy read (PROGRAMME.md): body 16 pt (at least 14), headings larger, generous spacing, and
// a picture of 1.6 cm beside each idea.
constexpr Style kEasyRead{
    .bodySize = 16.0,
    .lineGapRatio = 0.4,
    .headingSize = {26.0, 20.0, 18.0},
    .headingGap = {0.0, 24.0, 16.0},
    .marginalSize = 14.0,
    .blockGap = 14.0,
    .pictureSize = 16.0 * kMillimetre,
    .pictureGap = 16.0,
    .bulletIndent = 24.0,
    .writingLineHeight = 34.0,
    .keySize = 24.0,
    .sideMargin = 20.0 * kMillimetre,
    .bodyTop = 96.0,
    .bodyBottom = 84.0,
};

// Staff documents: ordinary print, so that a session fits on few pages.
constexpr Style kStandard{
    .bodySize = 11.0,
    .lineGapRatio = 0.25,
    .headingSize = {18.0, 14.0, 12.0},
    .headingGap = {0.0, 16.0, 14.0},
    .marginalSize = 9.0,
    .blockGap = 6.0,
    .pictureSize = 10.0 * kMillimetre,
    .pictureGap = 10.0,
    .bulletIndent = 14.0,
    .writingLineHeight = 22.0,
    .keySize = 24.0,
    .sideMargin = 20.0 * kMillimetre,
    .bodyTop = 78.0,
    .bodyBottom = 66.0,
};

}  // namespace

const Style& styleOf(Typography typography) {
    return typography == Typography::easyRead ? kEasyRead : kStandard;
}

Typesetter::Typesetter(const Style& style)
    : style_(style), context_(pango_font_map_create_context(pango_cairo_font_map_get_default())) {
    // Unhinted metrics: the same line breaks on a PDF page, a print preview and a printer.
    FontOptionsPtr options(cairo_font_options_create());
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_.get(), options.get());
}

SharedLayout Typesetter::layout(std::string_view text, Face face, double size, double width,
                                const TextShape& shape) const {
    if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr) ||
        !g_utf8_validate(shape.lead.data(), static_cast<gssize>(shape.lead.size()), nullptr)) {
        throw DocumentError(text::tr("A text to print is not valid UTF-8."));
    }
    std::string full =
        shape.lead.empty() ? std::string(text) : shape.lead + " " + std::string(text);
    SharedLayout layout(pango_layout_new(context_.get()), g_object_unref);

    FontDescriptionPtr font(pango_font_description_new());
    pango_font_description_set_family(font.get(),
                                      face == Face::monospace ? kMonospaceFamily : kSansFamily);
    pango_font_description_set_weight(
        font.get(), face == Face::sansBold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font.get());

    pango_layout_set_width(layout.get(), pango_units_from_double(width));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_spacing(layout.get(), pango_units_from_double(size * style_.lineGapRatio));
    if (shape.singleLine)
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    if (shape.alignRight)
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
    if (shape.centred)
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
    if (!shape.lead.empty()) {
        AttributesPtr attributes(pango_attr_list_new());
        PangoAttribute* bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
        bold->start_index = 0;
        bold->end_index = static_cast<guint>(shape.lead.size());
        pango_attr_list_insert(attributes.get(), bold);  // the list owns it now
        pango_layout_set_attributes(layout.get(), attributes.get());
    }
    pango_layout_set_text(layout.get(), full.data(), static_cast<int>(full.size()));
    return layout;
}

double heightOf(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return pango_units_to_double(logical.height);
}

double widthOf(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return pango_units_to_double(logical.width);
}

std::vector<LineBand> linesOf(PangoLayout* layout) {
    std::vector<LineBand> lines;
    LayoutIterPtr iterator(pango_layout_get_iter(layout));
    do {
        int top = 0;
        int bottom = 0;
        pango_layout_iter_get_line_yrange(iterator.get(), &top, &bottom);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iterator.get(), nullptr, &logical);
        lines.push_back({static_cast<int>(lines.size()), pango_units_to_double(logical.x),
                         pango_units_to_double(top), pango_units_to_double(bottom),
                         pango_units_to_double(pango_layout_iter_get_baseline(iterator.get()))});
    } while (pango_layout_iter_next_line(iterator.get()));
    // Pango may leave gaps between the bands; a page needs them to tile the layout.
    lines.front().top = 0.0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        lines[i].bottom = lines[i + 1].top;
    lines.back().bottom = std::max(lines.back().bottom, heightOf(layout));
    return lines;
}

}  // namespace roundtable::documents
