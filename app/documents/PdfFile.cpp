// Cairo writes the PDF through a callback into the temporary file, so the file's mode is ours
// to choose and a full disk is noticed as it happens. A cancelled writing simply never commits
// the temporary file, which its owner then removes.
#include "documents/PdfFile.h"

#include <cairo-pdf.h>

#include "documents/FileReplacement.h"
#include "documents/Handles.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

cairo_status_t writeToFile(void* file, const unsigned char* bytes, unsigned int length) {
    auto* replacement = static_cast<FileReplacement*>(file);
    return replacement->write({reinterpret_cast<const char*>(bytes), length})
               ? CAIRO_STATUS_SUCCESS
               : CAIRO_STATUS_WRITE_ERROR;
}

void check(cairo_status_t status) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw DocumentError(
            text::fill(text::tr("Cannot draw the PDF: {1}"), {cairo_status_to_string(status)}));
}

}  // namespace

WrittenPdf writePdf(const Document& document, const std::filesystem::path& file,
                    const PdfOptions& options) {
    return writePdf(PageLayout(document, options.pictures), file, options);
}

WrittenPdf writePdf(const PageLayout& layout, const std::filesystem::path& file,
                    const PdfOptions& options) {
    FileReplacement replacement(file, options.privateFile);
    const auto size = layout.sheetSize();
    SurfacePtr surface(
        cairo_pdf_surface_create_for_stream(writeToFile, &replacement, size.width, size.height));
    check(cairo_surface_status(surface.get()));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, layout.title().c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                   std::string(kProductName).c_str());
    {
        CairoPtr cr(cairo_create(surface.get()));
        for (int sheet = 0; sheet < layout.sheetCount(); ++sheet) {
            layout.drawSheet(cr.get(), sheet);
            cairo_show_page(cr.get());
            if (options.progress && !options.progress(sheet + 1, layout.sheetCount()))
                return {.pages = 0, .pictures = {}, .cancelled = true};
        }
        check(cairo_status(cr.get()));
    }
    cairo_surface_finish(surface.get());
    // A write refused by the disk shows here as a write error; commit() says why.
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_WRITE_ERROR)
        check(cairo_surface_status(surface.get()));
    replacement.commit();
    return {layout.sheetCount(), layout.picturesOnSheets()};
}

}  // namespace roundtable::documents
