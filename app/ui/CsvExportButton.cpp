// The file dialog asks before replacing a file; the writing and its record are printing's, so
// that the window and the command line export alike.
#include "ui/CsvExportButton.h"

#include <wx/filedlg.h>

#include "printing/Output.h"
#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

std::optional<std::filesystem::path> askForFile(wxWindow* parent, const std::string& suggested) {
    wxFileDialog dialog(parent, trWx("Export CSV"), wxEmptyString, toWx(suggested),
                        trWx("CSV files (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return std::nullopt;
    std::filesystem::path file(fromWx(dialog.GetPath()));
    if (file.extension() != ".csv")
        file += ".csv";
    return file;
}

}  // namespace

CsvExportButton::CsvExportButton(wxWindow* parent, practice::Practice& practice,
                                 std::function<practice::CsvExport()> table, wxStaticText* message)
    : wxButton(parent, wxID_ANY, trWx("E&xport CSV...")),
      practice_(practice),
      table_(std::move(table)),
      message_(message),
      choose_(askForFile) {
    SetName("export-csv");
    SetToolTip(
        trWx("Save this table as a CSV file for a spreadsheet or statistics package "
             "(members by their codes only)"));
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { exportChosen(); });
}

void CsvExportButton::exportChosen() {
    clearRefused(nullptr, message_);
    runGuarded(atField(message_, [](const std::string&) -> wxWindow* { return nullptr; }), [this] {
        const auto table = table_();
        auto file = choose_(GetParent(), printing::suggestedCsvName(table, practice_.today()));
        if (!file)
            return;
        printing::exportCsv(practice_, table, *file);
        showInfo(message_,
                 text::fill(text::tr("Exported to {1}, readable by you only."), {file->string()}));
    });
}

}  // namespace roundtable::ui
