// libFuzzer target over everything that reads curriculum XML: load + validate, the
// easy-read checker and the lossless module writer. The first input byte chooses which
// file of a small programme the rest of the input replaces (a module or the manifest),
// so that both file kinds are explored; the other files stay valid.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "curriculum/EasyReadLint.h"
#include "curriculum/ModuleDocument.h"
#include "curriculum/ProgrammeLoader.h"

namespace fs = std::filesystem;
using namespace roundtable::curriculum;

namespace {

/// A copy of tests/fixtures/mini in a private temporary folder, made once per process.
const fs::path& workDirectory() {
    static const fs::path directory = [] {
        std::string pattern = (fs::temp_directory_path() / "roundtable-fuzz-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            std::abort();
        fs::copy(ROUNDTABLE_FIXTURES "/mini", pattern, fs::copy_options::recursive);
        return fs::path(pattern);
    }();
    return directory;
}

void writeFile(const fs::path& path, const std::uint8_t* data, std::size_t size) {
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const auto& directory = workDirectory();
    static const std::string originalManifest = [&] {
        std::ifstream in(directory / "programme.xml", std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    const bool fuzzManifest = data[0] & 1;
    const auto target = directory / (fuzzManifest ? "programme.xml" : "modules/one.xml");
    if (!fuzzManifest) {
        std::ofstream(directory / "programme.xml", std::ios::binary | std::ios::trunc)
            << originalManifest;
    }
    writeFile(target, data + 1, size - 1);

    auto result = loadProgramme(directory);
    for (const auto& finding : result.findings) {
        // Every finding must be printable and point inside a file.
        if (format(finding).empty() || finding.line < 0 || finding.column < 0)
            std::abort();
    }
    if (result.ok()) {
        for (const auto& module : result.programme->modules)
            (void)module.contentHash();
    }
    (void)lintEasyRead(directory);
    try {
        ModuleDocument::open(target).save(directory / "saved.xml");
    } catch (const CurriculumFileError&) {
        // Unreadable input is expected to be refused.
    }
    return 0;
}
