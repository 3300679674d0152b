// Printing and exporting, as the audit log sees them: every print and every export of a
// document is recorded (what kind, which record, who, when; never the content), and a file is
// never left behind unrecorded.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "documents/PageLayout.h"
#include "documents/PdfFile.h"
#include "practice/Practice.h"
#include "printing/Printable.h"

namespace roundtable::printing {

/// Records that `printable` is being printed: the person confirmed the print dialog. Throws
/// (records::StoreError) when it cannot be recorded; the caller then prints nothing.
void recordPrinted(practice::Practice& practice, const PrintableDocument& printable);

/// Writes `layout` (made from `printable`) to `file` as a PDF, 0600 when the document is
/// private, then records the export. When it cannot be recorded, the file is removed again and
/// the failure thrown. `progress` (see documents::PdfOptions) may cancel: then no file is
/// written and nothing is recorded.
documents::WrittenPdf exportPdf(practice::Practice& practice, const PrintableDocument& printable,
                                const documents::PageLayout& layout,
                                const std::filesystem::path& file,
                                std::function<bool(int done, int pages)> progress = {});

/// Writes a new database's recovery key and its check key to `file` as text, readable by its
/// owner only (0600) like the database it opens, then records the export ("recovery-key-file",
/// never the key). When it cannot be recorded, the file is removed again and the failure thrown.
void exportRecoveryKeyText(practice::Practice& practice, const std::string& recoveryKey,
                           const std::string& checkKey, const std::filesystem::path& file);

/// Writes a group's table as CSV (practice/Exports.h) to `file`: created 0600 (it names members
/// by their codes), whole or not at all (a file already there is replaced only by a complete
/// one), then records the export as "<table>-csv" of the group. When it cannot be recorded, the
/// file is removed again and the failure thrown; DocumentError when it cannot be written. The
/// one way both the command line and the window export a CSV file.
void exportCsv(records::RecordStore& store, const practice::CsvExport& csv,
               const std::filesystem::path& file);
/// The same, for the window (which records through the use cases).
void exportCsv(practice::Practice& practice, const practice::CsvExport& csv,
               const std::filesystem::path& file);

/// The pictures a document of this database is drawn with: the service's own (its programme
/// in the database, pictograms it added included; a damaged one is left out, so a document
/// naming it says so) once the database holds its programme; until then `shippedFolder`.
[[nodiscard]] documents::PictureSource servicePictures(records::RecordStore& store,
                                                       const std::filesystem::path& shippedFolder);
/// The same, for the window (which reads through the use cases).
[[nodiscard]] documents::PictureSource servicePictures(practice::Practice& practice,
                                                       const std::filesystem::path& shippedFolder);

/// A file name for a document: its title without the characters that file systems or people
/// find awkward, with `extension`: "Session plan - Making our group rules.pdf".
[[nodiscard]] std::string suggestedFileName(const std::string& title,
                                            const std::string& extension = ".pdf");
/// The file name suggested for `csv` exported on `day`: "Tuesday group-register-2026-11-03.csv".
[[nodiscard]] std::string suggestedCsvName(const practice::CsvExport& csv, records::Date day);

}  // namespace roundtable::printing
