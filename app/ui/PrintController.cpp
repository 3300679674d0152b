// Thin over printing/: it reads the settings, asks the person (file dialog, print dialog,
// progress) and says what happened. The audit is printing/Output.h's.
#include "ui/PrintController.h"

#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

#include <algorithm>

#include "practice/ScopeExit.h"
#include "printing/Output.h"
#include "printing/PrintPreferences.h"
#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/PreviewFrame.h"
#include "ui/ServiceDetailsDialog.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

constexpr int kExportPdfId = wxID_HIGHEST + 101;

/// From this many pages an export shows its progress and can be cancelled: a module's or the
/// programme's carers' pack, not a handout (whose window would only flash).
constexpr int kProgressFromPages = 10;

std::string pagesText(int pages) {
    return text::fill(text::trn("{1} page", "{1} pages", static_cast<unsigned long>(pages)),
                      {std::to_string(pages)});
}

std::optional<std::filesystem::path> askForFile(wxWindow* parent, const std::string& suggested) {
    wxFileDialog dialog(parent, trWx("Export PDF"), wxEmptyString, toWx(suggested),
                        trWx("PDF files (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return std::nullopt;
    std::filesystem::path file(fromWx(dialog.GetPath()));
    if (file.extension() != ".pdf")
        file += ".pdf";
    return file;
}

}  // namespace

PrintController::PrintController(wxWindow* owner, settings::SettingsStore& settings,
                                 std::filesystem::path picturesFolder)
    : owner_(owner),
      settings_(settings),
      picturesFolder_(std::move(picturesFolder)),
      paper_(printing::readPrintPreferences(settings).paper),
      chooseFile_(askForFile) {}

PrintController::~PrintController() = default;

void PrintController::addCommands(wxMenu* menu, std::size_t position, Offers offers, Tell tell) {
    menu->Insert(position++, wxID_PREVIEW, trWx("Print pre&view...") + "\tCtrl+Shift+P",
                 trWx("See the documents this page can print, as they will print"));
    menu->Insert(position++, wxID_PRINT, trWx("&Print...") + "\tCtrl+P");
    menu->Insert(position++, wxID_PRINT_SETUP, trWx("Page set&up..."),
                 trWx("Choose the paper documents are printed on"));
    menu->Insert(position++, kExportPdfId, trWx("&Export PDF..."));
    menu->InsertSeparator(position);

    auto command = [this, tell](int id, std::function<std::string()> work) {
        owner_->Bind(
            wxEVT_MENU,
            [tell, work = std::move(work)](wxCommandEvent&) {
                runGuarded([&](const Failure& failure) { tell(failure.message, true); },
                           [&] {
                               if (auto said = work(); !said.empty())
                                   tell(said, false);
                           });
            },
            id);
    };
    command(wxID_PREVIEW, [this, offers] {
        preview(offers());
        return std::string();
    });
    command(wxID_PRINT, [this, offers] { return printCurrent(owner_, offers()); });
    command(kExportPdfId, [this, offers] { return exportCurrent(owner_, offers()); });
    command(wxID_PRINT_SETUP, [this] { return pageSetup(owner_); });

    // Print and Export PDF name what they act on, so that Ctrl+P prints what the person expects.
    auto naming = [this, offers, menu](int id, std::function<wxString(const wxString&)> label) {
        owner_->Bind(
            wxEVT_UPDATE_UI,
            [this, offers, menu, label = std::move(label)](wxUpdateUIEvent& event) {
                const auto offered = offers();
                const auto* chosen = current(offered);
                event.Enable(chosen != nullptr);
                auto text = label(chosen ? " " + toWx(chosen->name) : wxString());
                if (auto* item = menu->FindItem(event.GetId());
                    item && item->GetItemLabel() != text)
                    event.SetText(text);
            },
            id);
    };
    // `name` is "" or " <document>" (with its space).
    naming(wxID_PRINT, [](const wxString& name) {
        return toWx(text::fill(text::tr("&Print{1}..."), {fromWx(name)})) + "\tCtrl+P";
    });
    naming(kExportPdfId, [](const wxString& name) {
        return name.empty() ? trWx("&Export PDF...")
                            : toWx(text::fill(text::tr("&Export{1} as PDF..."), {fromWx(name)}));
    });
    owner_->Bind(
        wxEVT_UPDATE_UI, [offers](wxUpdateUIEvent& event) { event.Enable(!offers().empty()); },
        wxID_PREVIEW);
}

void PrintController::attach(practice::Practice* practice) {
    practice_ = practice;
    if (!practice)
        closePreview();
}

practice::Practice& PrintController::practice() const {
    if (!practice_) {
        throw documents::DocumentError(
            text::tr("Open a database and sign in first: every print and export is recorded in "
                     "it."));
    }
    return *practice_;
}

const printing::PrintableDocument* PrintController::current(
    const std::vector<printing::PrintableDocument>& offers) const {
    if (offers.empty())
        return nullptr;
    auto chosen = std::find_if(offers.begin(), offers.end(), [this](const auto& printable) {
        return printable.kind == chosenKind_;
    });
    return chosen == offers.end() ? &offers.front() : &*chosen;
}

PrintController::LaidOut PrintController::layOut(
    const printing::PrintableDocument& printable) const {
    wxBusyCursor busy;  // a whole programme's pack takes a moment to set
    auto preferences = printing::readPrintPreferences(settings_);
    preferences.paper = paper_;
    auto printout = printing::prepare(printable, preferences);
    // Once signed in, the service's own pictures (those it added too); before, the shipped.
    auto pictures = practice_ ? printing::servicePictures(*practice_, picturesFolder_)
                              : documents::PictureSource(picturesFolder_);
    documents::PageLayout layout(printout.document, pictures);
    return {printable, std::move(printout), std::move(layout)};
}

void PrintController::preview(std::vector<printing::PrintableDocument> offers) {
    const auto* chosen = current(offers);
    if (!chosen)
        return;
    const auto index = static_cast<std::size_t>(chosen - offers.data());
    closePreview();
    preview_ = new PreviewFrame(owner_, *this, std::move(offers), index);
    preview_->Show();
    preview_->Raise();
}

void PrintController::closePreview() {
    if (!preview_)
        return;
    if (busy_ > 0) {
        // A print or export of its document is under way in a modal dialog (the window can
        // lock under it): hidden now, closed when that is done (see whileBusy).
        preview_->Hide();
        closeWhenDone_ = true;
        return;
    }
    preview_->Destroy();  // hidden at once, deleted when the events in hand are done
    preview_ = nullptr;
}

std::string PrintController::whileBusy(const std::function<std::string()>& work) {
    ++busy_;
    practice::ScopeExit done([this] {
        if (--busy_ == 0 && closeWhenDone_) {
            closeWhenDone_ = false;
            closePreview();
        }
    });
    return work();
}

std::string PrintController::print(wxWindow* parent, const LaidOut& document,
                                   const std::filesystem::path& exportTo) {
    return whileBusy([&] {
        // Recorded in whatever is attached when the person confirms: nothing once the window
        // locked under the print dialog, and then nothing is printed.
        auto outcome = printer_.print(
            parent, document.layout,
            [&] { printing::recordPrinted(practice(), document.printable); }, exportTo);
        if (outcome == SystemPrinter::Outcome::cancelled)
            return std::string();
        return text::fill(text::tr("Printed \"{1}\" ({2})."),
                          {document.printable.label(), pagesText(document.layout.pageCount())});
    });
}

std::string PrintController::exportPdf(wxWindow* parent, const LaidOut& document) {
    return whileBusy([&] { return exportChosen(parent, document); });
}

std::string PrintController::exportChosen(wxWindow* parent, const LaidOut& document) {
    auto file = chooseFile_(parent, printing::suggestedFileName(document.printout.document.title));
    if (!file)
        return {};
    auto& recordIn = practice();  // after the file dialog, under which the window may have locked
    const int pages = document.layout.pageCount();
    std::unique_ptr<wxProgressDialog> progress;
    std::function<bool(int, int)> report;
    if (pages >= kProgressFromPages) {
        progress = std::make_unique<wxProgressDialog>(
            trWx("Export PDF"),
            toWx(text::fill(text::tr("Writing {1}"), {document.printable.label()})), pages, parent,
            wxPD_CAN_ABORT | wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_ELAPSED_TIME);
        report = [&progress](int done, int total) {
            return progress->Update(
                done, toWx(text::fill(text::tr("Page {1} of {2}"),
                                      {std::to_string(done), std::to_string(total)})));
        };
    }
    auto written =
        printing::exportPdf(recordIn, document.printable, document.layout, *file, report);
    if (written.cancelled)
        return text::tr("Export cancelled: no file was written.");
    return text::fill(document.printable.privateFile
                          ? text::tr("Exported \"{1}\" to {2} ({3}), readable by you only.")
                          : text::tr("Exported \"{1}\" to {2} ({3})."),
                      {document.printable.label(), file->string(), pagesText(written.pages)});
}

std::string PrintController::printCurrent(wxWindow* parent,
                                          const std::vector<printing::PrintableDocument>& offers) {
    const auto* chosen = current(offers);
    return chosen ? print(parent, layOut(*chosen)) : std::string();
}

std::string PrintController::exportCurrent(wxWindow* parent,
                                           const std::vector<printing::PrintableDocument>& offers) {
    const auto* chosen = current(offers);
    return chosen ? exportPdf(parent, layOut(*chosen)) : std::string();
}

std::string PrintController::pageSetup(wxWindow* parent) {
    auto chosen = printer_.pageSetup(parent, paper_);
    if (chosen.paper != paper_) {
        paper_ = chosen.paper;
        if (preview_)
            preview_->layOutAgain();
    }
    if (chosen.exact)
        return {};
    return text::fill(text::tr("Roundtable lays documents out on portrait A4 or US Letter pages; "
                               "they are laid out on {1} and scaled to fit the paper chosen."),
                      {chosen.paper == documents::Paper::letter ? text::tr("US Letter") : "A4"});
}

void PrintController::editServiceDetails(wxWindow* parent) {
    ServiceDetailsDialog dialog(parent, settings_);
    if (dialog.ShowModal() != wxID_OK)
        return;
    paper_ = printing::readPrintPreferences(settings_).paper;
    if (preview_)
        preview_->layOutAgain();  // its contact details or paper may have changed
}

}  // namespace roundtable::ui
