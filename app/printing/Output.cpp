// The export is recorded after the file is complete (a failed or cancelled writing is not an
// export) and undone when it cannot be recorded: fail closed, as nothing that leaves the
// database may leave unrecorded. A print is recorded before its pages are drawn, for the same
// reason (the printer cannot be asked to give the paper back).
#include "printing/Output.h"

#include <cctype>
#include <map>

#include "documents/FileReplacement.h"
#include "documents/RecoveryKeySheet.h"
#include "records/PrivateFile.h"
#include "text/Translate.h"

namespace roundtable::printing {
namespace {

/// Records the export of `file`, just written, with `record`; when it cannot be recorded,
/// removes the file again and throws the failure.
void recordOrRemove(const std::filesystem::path& file, const std::function<void()>& record) {
    try {
        record();
    } catch (...) {
        std::error_code ignored;  // the failure to record is what the person must hear about
        std::filesystem::remove(file, ignored);
        throw;
    }
}

void writeCsv(const practice::CsvExport& csv, const std::filesystem::path& file,
              const std::function<void(const std::string& kind, records::GroupId group)>& record) {
    documents::FileReplacement written(file, true);
    (void)written.write(csv.text);  // a refusal of the disk is what commit() reports
    written.commit();
    recordOrRemove(file, [&] { record(std::string(csv.table).append("-csv"), csv.group.id); });
}

}  // namespace

void recordPrinted(practice::Practice& practice, const PrintableDocument& printable) {
    practice.recordAccess(records::Access::print, printable.recordKind, printable.recordId);
}

documents::WrittenPdf exportPdf(practice::Practice& practice, const PrintableDocument& printable,
                                const documents::PageLayout& layout,
                                const std::filesystem::path& file,
                                std::function<bool(int done, int pages)> progress) {
    documents::PdfOptions options;
    options.privateFile = printable.privateFile;
    options.progress = std::move(progress);
    auto written = documents::writePdf(layout, file, options);
    if (written.cancelled)
        return written;
    recordOrRemove(file, [&] {
        practice.recordAccess(records::Access::exportFile, printable.recordKind,
                              printable.recordId);
    });
    return written;
}

void exportRecoveryKeyText(practice::Practice& practice, const std::string& recoveryKey,
                           const std::string& checkKey, const std::filesystem::path& file) {
    records::writePrivateFile(file, std::string(text::tr("Roundtable recovery key"))
                                        .append("\n\n")
                                        .append(recoveryKey)
                                        .append("\n\n")
                                        .append(text::tr("Check key (not secret):"))
                                        .append("\n")
                                        .append(documents::checkKeyInGroups(checkKey, 4))
                                        .append("\n"));
    recordOrRemove(
        file, [&] { practice.recordAccess(records::Access::exportFile, "recovery-key-file", 0); });
}

void exportCsv(records::RecordStore& store, const practice::CsvExport& csv,
               const std::filesystem::path& file) {
    writeCsv(csv, file, [&](const std::string& kind, records::GroupId group) {
        store.recordAccess(records::Access::exportFile, kind, group);
    });
}

void exportCsv(practice::Practice& practice, const practice::CsvExport& csv,
               const std::filesystem::path& file) {
    writeCsv(csv, file, [&](const std::string& kind, records::GroupId group) {
        practice.recordAccess(records::Access::exportFile, kind, group);
    });
}

std::string suggestedFileName(const std::string& title, const std::string& extension) {
    std::string name;
    for (char c : title) {
        const auto byte = static_cast<unsigned char>(c);
        // Letters, digits and UTF-8 sequences (names in other languages) stay; a colon becomes
        // a dash; anything else that separates words becomes a space.
        if (std::isalnum(byte) || byte >= 0x80 || c == '-' || c == '_' || c == '.')
            name += c;
        else if (c == ':')
            name += " -";
        else if (c == ' ' || std::ispunct(byte))
            name += (c == '\'' ? "" : " ");
    }
    // One space between words, none at the ends, no leading dot (a hidden file).
    std::string tidy;
    for (char c : name) {
        if (c == ' ' && (tidy.empty() || tidy.back() == ' '))
            continue;
        if (c == '.' && tidy.empty())
            continue;
        tidy += c;
    }
    while (!tidy.empty() && tidy.back() == ' ')
        tidy.pop_back();
    return (tidy.empty() ? std::string("document") : tidy) + extension;
}

std::string suggestedCsvName(const practice::CsvExport& csv, records::Date day) {
    return suggestedFileName(
        std::string(csv.group.name).append("-").append(csv.table).append("-").append(day.iso()),
        ".csv");
}

namespace {

documents::PictureSource drawnFrom(std::vector<records::ProgrammePicture> stored) {
    std::map<std::string, documents::PictureSource::Picture> pictures;
    for (auto& picture : stored) {
        if (picture.damage.empty())
            pictures.emplace(picture.name, documents::PictureSource::Picture{
                                               picture.fileType, std::move(picture.bytes)});
    }
    return documents::PictureSource(std::move(pictures));
}

}  // namespace

documents::PictureSource servicePictures(records::RecordStore& store,
                                         const std::filesystem::path& shippedFolder) {
    if (!store.isUnlocked() || !store.hasProgramme())
        return shippedFolder;
    return drawnFrom(store.programmePictures());
}

documents::PictureSource servicePictures(practice::Practice& practice,
                                         const std::filesystem::path& shippedFolder) {
    if (!practice.hasServiceProgramme())
        return shippedFolder;
    return drawnFrom(practice.programmePictures());
}

}  // namespace roundtable::printing
