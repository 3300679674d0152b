// A document laid out on pages: its blocks set in type and split into pages (an easy-read
// point is never split, a heading stays with what follows it, a paragraph breaks between lines
// but leaves no line alone), ready to draw any page onto any cairo context. The PDF writer
// (PdfFile.h) is one user; a print preview or a printer's cairo context can be another.
#pragma once

#include <cairo.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "documents/Document.h"
#include "documents/PictureSource.h"

namespace roundtable::documents {

/// An easy-read point's picture as it is drawn, with the text printed beside it.
struct DrawnPicture {
    int page = 0;  ///< from 0
    std::string name;
    Box box;
    std::string text;
};

class PageLayout {
  public:
    /// Sets every block in type and paginates. Pictures are read from `pictures` now, so a
    /// missing picture is a DocumentError here, before anything is drawn or written.
    PageLayout(const Document& document, const PictureSource& pictures);
    ~PageLayout();
    PageLayout(PageLayout&&) noexcept;
    PageLayout& operator=(PageLayout&&) noexcept;

    [[nodiscard]] int pageCount() const;
    [[nodiscard]] PageSize pageSize() const;
    /// The document's title, as the running header prints it.
    [[nodiscard]] const std::string& title() const;
    /// Every easy-read picture and where it is drawn, page by page.
    [[nodiscard]] const std::vector<DrawnPicture>& pictures() const;

    /// Draws page `index` (from 0): running header, body, "Page X of Y". `cr`'s user space
    /// must be in points with the page's top-left corner at the origin; its state is restored.
    void drawPage(cairo_t* cr, int index) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace roundtable::documents
