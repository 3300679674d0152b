// The print operation is run synchronously (modal): GTK runs the dialog and then draws the
// pages through its signals, inside gtk_print_operation_run. Nothing thrown may cross GTK's C
// frames, so a signal handler keeps what it caught, cancels the operation, and run's caller
// throws it again. GTK's own progress window (show-progress) offers Cancel while pages print.
#include "ui/SystemPrinter.h"

#include <gtk/gtk.h>
#include <wx/toplevel.h>
#include <wx/window.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>

#include "documents/Handles.h"
#include "text/Translate.h"

namespace roundtable::ui {
namespace {

using documents::ErrorPtr;
using documents::GObjectPtr;
using PaperSizePtr = std::unique_ptr<GtkPaperSize, documents::ReleaseWith<gtk_paper_size_free>>;

GtkWindow* windowOf(wxWindow* parent) {
    auto* top = parent ? wxGetTopLevelParent(parent) : nullptr;
    return top ? GTK_WINDOW(top->GetHandle()) : nullptr;
}

GObjectPtr<GtkPageSetup> pageSetupFor(documents::Paper paper) {
    GObjectPtr<GtkPageSetup> setup(gtk_page_setup_new());
    PaperSizePtr size(gtk_paper_size_new(paper == documents::Paper::letter ? GTK_PAPER_NAME_LETTER
                                                                           : GTK_PAPER_NAME_A4));
    gtk_page_setup_set_paper_size_and_default_margins(setup.get(), size.get());
    gtk_page_setup_set_orientation(setup.get(), GTK_PAGE_ORIENTATION_PORTRAIT);
    return setup;
}

/// Whether a page of `size` (either way round) is US Letter.
bool isLetter(const documents::PageSize& size) {
    auto letter = documents::pageSizeOf(documents::Paper::letter);
    return std::abs(std::min(size.width, size.height) - letter.width) < 1.0 &&
           std::abs(std::max(size.width, size.height) - letter.height) < 1.0;
}

/// The documents' paper for a page setup: A4 or US Letter, else the nearer of the two in width.
SystemPrinter::Paper paperOf(GtkPageSetup* setup) {
    auto* size = gtk_page_setup_get_paper_size(setup);
    const std::string name = gtk_paper_size_get_name(size);
    const bool portrait = gtk_page_setup_get_orientation(setup) == GTK_PAGE_ORIENTATION_PORTRAIT;
    if (name == GTK_PAPER_NAME_A4 || name == GTK_PAPER_NAME_LETTER) {
        return {name == GTK_PAPER_NAME_LETTER ? documents::Paper::letter : documents::Paper::a4,
                portrait};
    }
    const double width = gtk_paper_size_get_width(size, GTK_UNIT_POINTS);
    const double toLetter = std::abs(width - documents::pageSizeOf(documents::Paper::letter).width);
    const double toA4 = std::abs(width - documents::pageSizeOf(documents::Paper::a4).width);
    return {toLetter < toA4 ? documents::Paper::letter : documents::Paper::a4, false};
}

/// What a print operation's signal handlers share with the code that runs it.
struct Job {
    const documents::PageLayout& layout;
    const std::function<void()>& confirmed;
    std::exception_ptr failure;
};

void cancelWith(GtkPrintOperation* operation, Job& job) {
    job.failure = std::current_exception();
    gtk_print_operation_cancel(operation);
}

void beginPrint(GtkPrintOperation* operation, GtkPrintContext*, gpointer data) {
    auto& job = *static_cast<Job*>(data);
    try {
        job.confirmed();
    } catch (...) {
        cancelWith(operation, job);
    }
}

void drawPage(GtkPrintOperation* operation, GtkPrintContext* context, gint page, gpointer data) {
    auto& job = *static_cast<Job*>(data);
    if (job.failure)
        return;
    try {
        // In points (the operation's unit), the origin at the paper's corner (full page): the
        // layout's own margins apply. Scaled and centred when the paper is another size.
        cairo_t* cr = gtk_print_context_get_cairo_context(context);
        const auto size = job.layout.sheetSize();
        const double width = gtk_print_context_get_width(context);
        const double height = gtk_print_context_get_height(context);
        const double scale = std::min(width / size.width, height / size.height);
        cairo_save(cr);
        cairo_translate(cr, (width - size.width * scale) / 2.0,
                        (height - size.height * scale) / 2.0);
        cairo_scale(cr, scale, scale);
        job.layout.drawSheet(cr, page);
        cairo_restore(cr);
    } catch (...) {
        cancelWith(operation, job);
    }
}

}  // namespace

/// What this session of the app remembers between prints: the printer and its options, and the
/// page setup with the paper documents were to be laid out for.
struct SystemPrinter::Remembered {
    GObjectPtr<GtkPrintSettings> settings;
    GObjectPtr<GtkPageSetup> pageSetup;
    documents::Paper laidOutFor = documents::Paper::a4;
};

SystemPrinter::SystemPrinter() : remembered_(std::make_unique<Remembered>()) {}
SystemPrinter::~SystemPrinter() = default;

SystemPrinter::Paper SystemPrinter::pageSetup(wxWindow* parent, documents::Paper paper) {
    auto start = remembered_->pageSetup && remembered_->laidOutFor == paper
                     ? GObjectPtr<GtkPageSetup>(gtk_page_setup_copy(remembered_->pageSetup.get()))
                     : pageSetupFor(paper);
    // A new page setup either way: the choice, or a copy of `start` when cancelled.
    remembered_->pageSetup.reset(gtk_print_run_page_setup_dialog(windowOf(parent), start.get(),
                                                                 remembered_->settings.get()));
    auto chosen = paperOf(remembered_->pageSetup.get());
    remembered_->laidOutFor = chosen.paper;
    return chosen;
}

SystemPrinter::Outcome SystemPrinter::print(wxWindow* parent, const documents::PageLayout& layout,
                                            const std::function<void()>& confirmed,
                                            const std::filesystem::path& exportTo) {
    GObjectPtr<GtkPrintOperation> operation(gtk_print_operation_new());
    auto* op = operation.get();
    gtk_print_operation_set_job_name(op, layout.title().c_str());
    gtk_print_operation_set_n_pages(op, layout.sheetCount());
    gtk_print_operation_set_unit(op, GTK_UNIT_POINTS);
    gtk_print_operation_set_use_full_page(op, TRUE);
    gtk_print_operation_set_show_progress(op, TRUE);
    if (remembered_->settings)
        gtk_print_operation_set_print_settings(op, remembered_->settings.get());
    // The page setup chosen in this session when the layout was made for its paper (the paper
    // may since have been changed in the service's details), else the layout's own paper.
    const auto size = layout.sheetSize();
    const auto paper = isLetter(size) ? documents::Paper::letter : documents::Paper::a4;
    GObjectPtr<GtkPageSetup> setup(remembered_->pageSetup && remembered_->laidOutFor == paper
                                       ? gtk_page_setup_copy(remembered_->pageSetup.get())
                                       : pageSetupFor(paper).release());
    // Turned the way the layout is (a year register is landscape).
    gtk_page_setup_set_orientation(setup.get(), size.width > size.height
                                                    ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                    : GTK_PAGE_ORIENTATION_PORTRAIT);
    gtk_print_operation_set_default_page_setup(op, setup.get());

    Job job{layout, confirmed, nullptr};
    g_signal_connect(op, "begin-print", G_CALLBACK(beginPrint), &job);
    g_signal_connect(op, "draw-page", G_CALLBACK(drawPage), &job);
    auto action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
    if (!exportTo.empty()) {
        action = GTK_PRINT_OPERATION_ACTION_EXPORT;
        gtk_print_operation_set_export_filename(op, exportTo.c_str());
    }
    GError* error = nullptr;
    const auto result = gtk_print_operation_run(op, action, windowOf(parent), &error);
    ErrorPtr owned(error);
    if (job.failure)
        std::rethrow_exception(job.failure);
    if (result == GTK_PRINT_OPERATION_RESULT_ERROR) {
        throw documents::DocumentError(
            text::fill(text::tr("The document could not be printed: {1}."),
                       {error ? error->message : text::tr("the system gave no reason")}));
    }
    if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
        return Outcome::cancelled;
    // The printer and its options chosen, offered again at the next print.
    remembered_->settings.reset(
        GTK_PRINT_SETTINGS(g_object_ref(gtk_print_operation_get_print_settings(op))));
    return Outcome::printed;
}

}  // namespace roundtable::ui
