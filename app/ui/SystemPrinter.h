// Printing through the system's print dialog and page setup: GTK 3's print operation (wx is
// built on GTK 3 here). Not wxPrinter: on wxGTK 3.2.2 it hangs without a print server when
// asked to write a file (TOOLCHAIN.md), and drawing our own pages keeps the preview, the
// printer and the PDF the same drawing (PageLayout::drawPage). The only file that uses GTK's
// print API.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "documents/Document.h"
#include "documents/PageLayout.h"

class wxWindow;

namespace roundtable::ui {

class SystemPrinter {
  public:
    SystemPrinter();
    ~SystemPrinter();
    SystemPrinter(const SystemPrinter&) = delete;
    SystemPrinter& operator=(const SystemPrinter&) = delete;

    /// The paper a page setup chose, as the documents know papers.
    struct Paper {
        documents::Paper paper = documents::Paper::a4;
        /// False for any other paper or a landscape page: the pages laid out for `paper` are
        /// then scaled to fit it.
        bool exact = true;
    };
    /// Shows the system's page setup dialog, starting from the last choice of this session
    /// (or from `paper`, the paper documents are laid out for now, when that is another), and
    /// remembers what is chosen for the rest of the session.
    Paper pageSetup(wxWindow* parent, documents::Paper paper);

    enum class Outcome { printed, cancelled };
    /// Prints every page of `layout` through the system's print dialog or, when `exportTo` is
    /// given, straight to that PDF file without a dialog (GTK's export, which needs no printer).
    /// `confirmed` runs once the person has pressed Print, before any page is drawn: when it
    /// throws, nothing is printed and the exception is passed on. A page is scaled to the
    /// paper when the paper is not the one it was laid out for. documents::DocumentError when
    /// the system cannot print.
    Outcome print(wxWindow* parent, const documents::PageLayout& layout,
                  const std::function<void()>& confirmed,
                  const std::filesystem::path& exportTo = {});

  private:
    struct Remembered;
    std::unique_ptr<Remembered> remembered_;
};

}  // namespace roundtable::ui
