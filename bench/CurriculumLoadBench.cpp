// Benchmark: loading and validating the shipped programme (loadProgramme), with a bare
// pugixml parse of the same files (Debian's pugixml on both sides) measured in the same run
// for comparison. Also prints the heap a loaded programme holds, since the loader keeps the
// parsed files. Goal: load + validate under 20 ms (the ratio to a bare parse is reported, no
// longer a goal: no user notices it).
// Speed is reported, never asserted: the exit status is 1 only when the shipped programme
// is invalid, because then the timings would not measure the real work.
#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <vector>

#include <pugixml.hpp>

#include "Timing.h"

#include "curriculum/Finding.h"
#include "curriculum/ProgrammeLoader.h"
#include "curriculum/XmlFile.h"

namespace {

using namespace roundtable::bench;

namespace fs = std::filesystem;
namespace curriculum = roundtable::curriculum;

constexpr int defaultRounds = 200;
// The first rounds pay for cold caches and lazy allocation; they say nothing about steady
// state, so they are run but not counted.
constexpr int warmUpRounds = 5;
constexpr double goalMilliseconds = 20.0;
// The same flags the loader uses for its main parse, so the baseline does the same parsing.
constexpr unsigned parseFlags = curriculum::XmlFile::kParseFlags;

struct XmlFileOnDisk {
    fs::path path;
    std::uintmax_t bytes;
};

/// programme.xml and every modules/*.xml, in name order: the files a full load reads.
std::vector<XmlFileOnDisk> listProgrammeFiles(const fs::path& contentDir) {
    std::vector<XmlFileOnDisk> files;
    files.push_back({contentDir / "programme.xml", fs::file_size(contentDir / "programme.xml")});
    std::vector<fs::path> modules;
    for (const auto& entry : fs::directory_iterator(contentDir / "modules")) {
        if (entry.is_regular_file() && entry.path().extension() == ".xml") {
            modules.push_back(entry.path());
        }
    }
    std::sort(modules.begin(), modules.end());
    for (const auto& module : modules)
        files.push_back({module, fs::file_size(module)});
    return files;
}

/// One file read and parsed the way the loader reads it (XmlFile::parse): open, fstat, one
/// read() into a buffer, pugixml's in-place parse of that buffer. (This is a little faster
/// than load_file, which goes through stdio; the baseline should not be the slower way.)
bool parseBare(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat status {};
    if (::fstat(fd, &status) != 0) {
        ::close(fd);
        return false;
    }
    auto size = static_cast<std::size_t>(status.st_size);
    auto buffer = std::make_unique_for_overwrite<char[]>(size);
    auto read = ::read(fd, buffer.get(), size);
    ::close(fd);
    if (read != static_cast<ssize_t>(size))
        return false;
    pugi::xml_document document;
    return static_cast<bool>(document.load_buffer_inplace(buffer.get(), size, parseFlags));
}

/// The baseline: read and parse every file from disk, as the loader does, and nothing more.
/// Returns false if a file did not parse (the caller has already checked the content).
bool parseAllBare(const std::vector<XmlFileOnDisk>& files) {
    bool allParsed = true;
    for (const auto& file : files)
        allParsed = parseBare(file.path) && allParsed;
    return allParsed;
}

/// Prints every finding and returns true when the programme loaded without errors.
bool reportIfInvalid(const curriculum::LoadResult& result) {
    if (result.ok())
        return true;
    std::cerr << "the shipped programme is invalid; timings would be meaningless:\n";
    for (const auto& finding : result.findings)
        std::cerr << curriculum::format(finding) << '\n';
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    const auto asked = roundsArgument(argc, argv, defaultRounds);
    if (!asked)
        return 2;
    const int rounds = *asked;

    const fs::path contentDir = ROUNDTABLE_CONTENT;
    // Listed once, outside the timings: finding the files is not what is being compared.
    const auto files = listProgrammeFiles(contentDir);
    std::uintmax_t bytesPerLoad = 0;
    std::size_t heapHeld = 0;
    for (const auto& file : files)
        bytesPerLoad += file.bytes;

    // Check the content before timing anything, so a broken programme fails at once; and
    // see how much heap the loaded programme holds while it is in use.
    const auto heapBefore = ::mallinfo2().uordblks;
    {
        const auto loaded = curriculum::loadProgramme(contentDir);
        if (!reportIfInvalid(loaded))
            return 1;
        heapHeld = ::mallinfo2().uordblks - heapBefore;
    }

    std::vector<double> bareMs;
    std::vector<double> loadMs;
    bareMs.reserve(static_cast<std::size_t>(rounds));
    loadMs.reserve(static_cast<std::size_t>(rounds));
    bool bareParseFailed = false;

    for (int round = 0; round < warmUpRounds + rounds; ++round) {
        bool bareOk = true;
        curriculum::LoadResult loaded;
        auto bare = [&] { bareOk = parseAllBare(files); };
        auto load = [&] { loaded = curriculum::loadProgramme(contentDir); };
        const auto [bareTime, loadTime] = timeBothAlternating(round, bare, load);
        if (!reportIfInvalid(loaded))
            return 1;
        bareParseFailed = bareParseFailed || !bareOk;
        if (round < warmUpRounds)
            continue;
        bareMs.push_back(bareTime);
        loadMs.push_back(loadTime);
    }

    const double bareMedian = median(bareMs);
    const double loadMedian = median(loadMs);
    const double ratio = loadMedian / bareMedian;
    const bool timeMet = loadMedian < goalMilliseconds;

    std::cout.setf(std::ios::fixed);
    std::cout.precision(3);
    std::cout << "curriculum load: " << files.size() << " files, " << bytesPerLoad
              << " bytes per full load, " << rounds << " rounds (" << warmUpRounds
              << " warm-up rounds discarded)\n"
              << "heap held by the loaded programme: " << heapHeld / 1024 << " KiB\n"
              << std::setw(20) << "" << std::setw(12) << "median ms" << std::setw(12) << "p90 ms"
              << '\n'
              << std::left << std::setw(20) << "bare pugixml parse" << std::right << std::setw(12)
              << bareMedian << std::setw(12) << percentile(bareMs, 90) << '\n'
              << std::left << std::setw(20) << "load + validate" << std::right << std::setw(12)
              << loadMedian << std::setw(12) << percentile(loadMs, 90) << '\n';
    std::cout.precision(2);
    std::cout << "ratio of medians (load + validate / bare parse): " << ratio << '\n'
              << std::setprecision(0) << "goal median < " << goalMilliseconds
              << std::setprecision(2) << " ms: " << (timeMet ? "met" : "NOT met") << " ("
              << loadMedian << " ms)\n";
    if (bareParseFailed) {
        std::cout << "note: a bare parse failed although the loader accepted the files\n";
    }
    return 0;
}
