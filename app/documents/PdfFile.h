// Writes a document as a PDF file: every page of its PageLayout drawn onto a cairo PDF
// surface (fonts embedded, text selectable, pictures as vectors), with the title and creator
// in the file's metadata.
#pragma once

#include <filesystem>
#include <vector>

#include "documents/Document.h"
#include "documents/PageLayout.h"

namespace roundtable::documents {

struct PdfOptions {
    std::filesystem::path picturesFolder;  ///< where the easy-read pictures are (NAME.svg)
    /// The file is created readable by its owner only (0600): for a document that names a
    /// member, or holds a recovery key.
    bool privateFile = false;
};

struct WrittenPdf {
    int pages = 0;
    std::vector<DrawnPicture> pictures;  ///< where each easy-read picture was drawn
};

/// Writes `document` to `file`, replacing it only when the whole PDF is written; on any failure
/// (DocumentError) nothing is left at `file` that was not there before.
WrittenPdf writePdf(const Document& document, const std::filesystem::path& file,
                    const PdfOptions& options);

}  // namespace roundtable::documents
