// Printing in the app, for whatever the page in front of the person offers
// (printing/PageDocuments.h): the print preview, page setup, printing through the system's
// dialog, Export PDF (with progress and Cancel for long documents) and the service's details
// for printing. Every print and export goes through printing/Output.h, so each is recorded in
// the audit log. MainFrame owns one and wires the File menu to it; the pages offer documents.
#pragma once

// Before wx/weakref.h, whose wx/meta/convertible.h uses std::is_base_of without including it.
#include <type_traits>

#include <wx/weakref.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "documents/PageLayout.h"
#include "practice/Practice.h"
#include "printing/Printable.h"
#include "settings/Settings.h"
#include "ui/SystemPrinter.h"

class wxMenu;
class wxWindow;

namespace roundtable::ui {

class PreviewFrame;

class PrintController {
  public:
    /// A document made and laid out on the paper in use, ready to show, print or export.
    struct LaidOut {
        printing::PrintableDocument printable;
        printing::Printout printout;
        documents::PageLayout layout;
    };

    /// Asks where to save a PDF, suggesting a file name; nothing when the person cancels.
    using ChooseFile = std::function<std::optional<std::filesystem::path>(
        wxWindow* parent, const std::string& suggested)>;

    /// What the page in front offers to print (MainFrame::printables).
    using Offers = std::function<std::vector<printing::PrintableDocument>()>;
    /// Tells the person what a File menu command did, or why it failed.
    using Tell = std::function<void(const std::string& text, bool failed)>;

    /// `settings` (the service's details and paper) must outlive the controller; pictures for
    /// easy-read documents are read from `picturesFolder`. `owner` is the main window.
    PrintController(wxWindow* owner, settings::SettingsStore& settings,
                    std::filesystem::path picturesFolder);
    ~PrintController();
    PrintController(const PrintController&) = delete;
    PrintController& operator=(const PrintController&) = delete;

    /// Inserts the print commands into the owner's `menu` at `position`, and a separator after
    /// them: Print preview (Ctrl+Shift+P), Print (Ctrl+P), Page setup and Export PDF (the
    /// service's details are in Edit > Preferences). Each acts on `offers()`; Print and Export PDF
    /// name what they act on and, with the preview, are enabled only when something is offered.
    void addCommands(wxMenu* menu, std::size_t position, Offers offers, Tell tell);

    /// Where prints and exports are recorded (nullptr: nowhere, and nothing can be printed).
    /// Detaching closes the preview, so nothing stays on screen once the window locks.
    void attach(practice::Practice* practice);

    /// The offer the File menu's Print and Export PDF act on: of the kind chosen last in the
    /// preview when the page offers one, else the page's first; nullptr when it offers none.
    [[nodiscard]] const printing::PrintableDocument* current(
        const std::vector<printing::PrintableDocument>& offers) const;
    /// Remembers the kind of document chosen (in the preview) for the File menu.
    void choose(const std::string& kind) { chosenKind_ = kind; }

    /// Makes and lays out `printable` on the paper in use. Throws when it cannot be made.
    [[nodiscard]] LaidOut layOut(const printing::PrintableDocument& printable) const;

    /// Opens the print preview of `offers` at the current one, in place of any open already.
    void preview(std::vector<printing::PrintableDocument> offers);
    void closePreview();
    /// The open preview; nullptr when none is open.
    [[nodiscard]] PreviewFrame* previewWindow() const { return preview_.get(); }

    /// Prints `document` (see SystemPrinter::print; `exportTo` is for the tests), recording it
    /// once the person confirms. Returns what to tell the person; "" when cancelled.
    std::string print(wxWindow* parent, const LaidOut& document,
                      const std::filesystem::path& exportTo = {});
    /// Asks where to save `document` and writes it as a PDF, with a progress window and Cancel
    /// when it is long. Returns what to tell the person; "" when no file was chosen.
    std::string exportPdf(wxWindow* parent, const LaidOut& document);
    /// File > Print and File > Export PDF: the current offer of `offers`, made and printed or
    /// exported as above.
    std::string printCurrent(wxWindow* parent,
                             const std::vector<printing::PrintableDocument>& offers);
    std::string exportCurrent(wxWindow* parent,
                              const std::vector<printing::PrintableDocument>& offers);

    /// Runs page setup; when the paper changes, documents (the preview's too) are laid out on
    /// the new one. Returns what to tell the person, "" when nothing needs saying.
    std::string pageSetup(wxWindow* parent);
    /// The form for the service's details and paper (from Edit > Preferences); the preview
    /// follows what is saved.
    void editServiceDetails(wxWindow* parent);

    /// The paper documents are laid out on: chosen in page setup this session, else the
    /// service's (settings).
    [[nodiscard]] documents::Paper paper() const { return paper_; }
    /// Replaces the file dialog of Export PDF (for tests).
    void chooseFilesWith(ChooseFile choose) { chooseFile_ = std::move(choose); }

  private:
    [[nodiscard]] practice::Practice& practice() const;
    /// Runs a print or an export, whose dialogs are modal: the window may lock under them, and
    /// the preview holding the document is then closed only once the work is done.
    std::string whileBusy(const std::function<std::string()>& work);
    std::string exportChosen(wxWindow* parent, const LaidOut& document);

    wxWindow* owner_;
    settings::SettingsStore& settings_;
    std::filesystem::path picturesFolder_;
    practice::Practice* practice_ = nullptr;
    SystemPrinter printer_;
    documents::Paper paper_;
    std::string chosenKind_;
    ChooseFile chooseFile_;
    wxWeakRef<PreviewFrame> preview_;
    int busy_ = 0;
    bool closeWhenDone_ = false;
};

}  // namespace roundtable::ui
