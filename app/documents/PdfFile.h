// Writes a document as a PDF file: every page of its PageLayout drawn onto a cairo PDF
// surface (fonts embedded, text selectable, pictures as vectors), with the title and creator
// in the file's metadata. Long work (a whole pack) reports its progress and can be cancelled.
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "documents/Document.h"
#include "documents/PageLayout.h"

namespace roundtable::documents {

struct PdfOptions {
    PictureSource pictures{std::filesystem::path()};  ///< where the easy-read pictures come from
    /// The file is created readable by its owner only (0600): for a document that names a
    /// member, or holds a recovery key.
    bool privateFile = false;
    /// Called after each page is drawn with the pages done so far and the number of pages;
    /// returning false cancels the writing. May be empty.
    std::function<bool(int done, int pages)> progress{};
};

struct WrittenPdf {
    int pages = 0;  ///< of the file: a booklet's sheet sides (PageLayout::sheetCount)
    std::vector<DrawnPicture> pictures;  ///< where each easy-read picture is in the file
    /// The progress callback cancelled the writing: nothing was written (what was at the file
    /// before is untouched), and `pages` and `pictures` are empty.
    bool cancelled = false;
};

/// Writes `document` to `file`, replacing it only when the whole PDF is written; on any failure
/// (DocumentError) or cancellation nothing is left at `file` that was not there before.
WrittenPdf writePdf(const Document& document, const std::filesystem::path& file,
                    const PdfOptions& options);
/// The same with the document already laid out (as a print preview has it); the pictures
/// folder in `options` is not used.
WrittenPdf writePdf(const PageLayout& layout, const std::filesystem::path& file,
                    const PdfOptions& options);

}  // namespace roundtable::documents
