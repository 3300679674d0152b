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

    /// The sheets the pages are printed on, for a printer or a PDF file: a page on each for most
    /// documents; for a booklet (Document::booklet), the paper turned landscape with two pages
    /// side by side, each sheet's front then its back, blank pages at the end to make up a
    /// whole number of folded sheets.
    [[nodiscard]] int sheetCount() const;
    [[nodiscard]] PageSize sheetSize() const;
    /// Draws sheet `index` (from 0) as drawPage draws a page.
    void drawSheet(cairo_t* cr, int index) const;
    /// `pictures()` where they are on the sheets: `page` is the sheet's index and the box is
    /// in the sheet's points.
    [[nodiscard]] std::vector<DrawnPicture> picturesOnSheets() const;

  private:
    /// Which pages sheet `index` holds and how far from its left edge each is drawn; a page
    /// past the last one is left blank.
    struct PageOnSheet {
        int page;
        double x;
    };
    [[nodiscard]] std::vector<PageOnSheet> pagesOnSheet(int index) const;

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace roundtable::documents
