// Reads a programme folder into memory and checks what was read.
#include "curriculum/ProgrammeFolder.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "curriculum/ModuleDocument.h"
#include "text/Translate.h"

namespace roundtable::curriculum {
namespace fs = std::filesystem;
namespace {

std::string findingsText(const std::vector<Finding>& findings) {
    std::string text;
    for (const auto& finding : findings) {
        if (finding.severity == Severity::error)
            text.append("\n").append(format(finding));
    }
    return text;
}

}  // namespace

std::string readWholeFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in || fs::is_directory(path))
        throw CurriculumFileError(text::fill(text::tr("Could not read {1}."), {path.string()}));
    return std::move(bytes).str();
}

ProgrammeFolder readProgrammeFolder(const fs::path& directory) {
    // The folder's own load says which module files the manifest lists (and refuses links
    // that lead outside the folder); the bytes read after it are checked again below.
    auto fromFolder = loadProgramme(directory);
    if (!fromFolder.ok()) {
        throw CurriculumFileError(
            // TRANSLATORS: {2} is the list of problems, one on each line after this one.
            text::fill(text::tr("The programme in {1} has errors:{2}"),
                       {directory.string(), findingsText(fromFolder.findings)}));
    }
    ProgrammeFolder folder;
    folder.files.displayPrefix = (directory / "").string();
    folder.files.manifest = readWholeFile(directory / "programme.xml");
    for (const auto& module : fromFolder.programme->modules)
        folder.files.modules[module.file] = readWholeFile(directory / module.file);
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(directory / "pictures", error)) {
        const auto extension = entry.path().extension().string();
        if ((extension != ".svg" && extension != ".png") || !entry.is_regular_file())
            continue;
        folder.pictures.push_back(
            {entry.path().stem().string(), extension.substr(1), readWholeFile(entry.path())});
    }
    std::sort(folder.pictures.begin(), folder.pictures.end(),
              [](const PictureFile& a, const PictureFile& b) { return a.name < b.name; });
    for (const auto& picture : folder.pictures)
        folder.files.pictures.insert(picture.name);
    auto fromMemory = loadProgramme(folder.files);
    if (!fromMemory.ok()) {
        throw CurriculumFileError(
            // TRANSLATORS: {2} is the list of problems, one on each line after this one.
            text::fill(text::tr("The programme in {1} changed while it was read:{2}"),
                       {directory.string(), findingsText(fromMemory.findings)}));
    }
    return folder;
}

}  // namespace roundtable::curriculum
