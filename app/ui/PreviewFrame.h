// The print preview: the documents the page offered (a choice at the top), one page at a time
// as it will print, with Previous/Next (PageUp/PageDown), zoom (page width, whole page, or a
// size; Ctrl+plus/minus), and Print, Page setup, Export PDF and Close (Esc). The pages are drawn
// by the documents' own PageLayout (printing/PagePreview.h), so the preview, the printer and
// the PDF cannot differ. Not wxPrintPreview: see SystemPrinter.h.
#pragma once

#include <wx/frame.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "printing/PagePreview.h"
#include "printing/Printable.h"
#include "ui/PrintController.h"

class wxButton;
class wxChoice;
class wxStaticText;

namespace roundtable::ui {

class PageCanvas;

class PreviewFrame : public wxFrame {
  public:
    /// Shows offer `chosen` of `offers` (which must not be empty).
    PreviewFrame(wxWindow* parent, PrintController& controller,
                 std::vector<printing::PrintableDocument> offers, std::size_t chosen);
    ~PreviewFrame() override;

    /// Makes and lays out offer `index` and shows its first page; a failure is shown in the
    /// window and leaves nothing to print.
    void showDocument(std::size_t index);
    /// Lays the document out again, on the paper now chosen (after page setup).
    void layOutAgain();
    bool nextPage();
    bool previousPage();
    void zoomTo(printing::ZoomMode mode);
    void zoomIn();
    void zoomOut();

    /// Prints the document shown: through the system's print dialog or, when `exportTo` is
    /// given, to that PDF by GTK's export (what the tests use: it needs no printer).
    void print(const std::filesystem::path& exportTo = {});
    void exportPdf();
    void pageSetup();

    [[nodiscard]] const printing::PreviewView& view() const { return view_; }
    /// The document shown; nullptr when it could not be made.
    [[nodiscard]] const PrintController::LaidOut* shown() const { return shown_.get(); }
    /// The last result or failure, as shown at the bottom of the window.
    [[nodiscard]] wxString message() const;

  private:
    void showPage();
    void showZoom();
    [[nodiscard]] double screenPixelsPerPoint() const;
    /// Runs `work` (a button's), showing its result or failure in the message line.
    void report(const std::function<std::string()>& work);

    PrintController& controller_;
    std::vector<printing::PrintableDocument> offers_;
    std::unique_ptr<PrintController::LaidOut> shown_;
    printing::PreviewView view_;
    double scale_ = 1.0;  ///< pixels to a point of the page shown

    wxChoice* documents_;
    wxStaticText* notice_;
    wxButton* previous_;
    wxStaticText* pageLabel_;
    wxButton* next_;
    wxChoice* zoom_;
    PageCanvas* canvas_;
    wxStaticText* message_;
};

}  // namespace roundtable::ui
