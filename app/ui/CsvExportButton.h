// "Export CSV..." beside a group's table (the year's register, its outcome scores), for service
// evaluation: asks where to save the file, suggesting "<group>-<table>-<today>.csv", and writes
// it through printing::exportCsv (created 0600, whole or not at all, recorded in the audit log),
// as the command line's export does. What it did, or why not, is said in a message line.
#pragma once

#include <wx/button.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "practice/Practice.h"

class wxStaticText;

namespace roundtable::ui {

class CsvExportButton : public wxButton {
  public:
    /// Asks where to save, suggesting a file name; nothing when the person cancels.
    using ChooseFile = std::function<std::optional<std::filesystem::path>(
        wxWindow* parent, const std::string& suggested)>;

    /// `table` gives what to export when the button is pressed; the result is said in
    /// `message`. `practice` records the export and must outlive the button.
    CsvExportButton(wxWindow* parent, practice::Practice& practice,
                    std::function<practice::CsvExport()> table, wxStaticText* message);
    /// Replaces the file dialog (for tests).
    void chooseFilesWith(ChooseFile choose) { choose_ = std::move(choose); }

  private:
    void exportChosen();

    practice::Practice& practice_;
    std::function<practice::CsvExport()> table_;
    wxStaticText* message_;
    ChooseFile choose_;
};

}  // namespace roundtable::ui
