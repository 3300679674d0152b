// Benchmark: printed documents written to PDF files the way roundtable-cli print writes them
// (built, laid out, drawn, written to a temporary file, flushed to the disk and renamed into
// place): from the shipped programme, and a member's progress report from the synthetic
// ten-year service (SyntheticService.h, generated once into the cache folder).
// Goals (from the issue): one carers' handout under 200 ms; the whole programme's carers' pack
// under 3 s; a member's report (his records read, the report built, audited and written) under
// 500 ms. Laying the handout out without writing it is timed too, to show where time goes.
// Speed is reported, never asserted: the exit status is 1 only when the programme does not load
// or a document cannot be written, because then the timings would not measure the real work.
#include <unistd.h>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include "BenchFiles.h"
#include "SyntheticService.h"
#include "Timing.h"
#include "curriculum/ProgrammeLoader.h"
#include "documents/CarersHandout.h"
#include "documents/MemberReport.h"
#include "documents/PageLayout.h"
#include "documents/PdfFile.h"
#include "practice/Dates.h"

namespace {

using namespace roundtable::bench;

namespace fs = std::filesystem;
namespace curriculum = roundtable::curriculum;
namespace documents = roundtable::documents;
namespace practice = roundtable::practice;
namespace records = roundtable::records;

constexpr int defaultRounds = 50;
// The first rounds pay for loading fonts (fontconfig) and pictures; they are not counted.
constexpr int warmUpRounds = 3;
// The whole pack takes a few hundred milliseconds: a tenth of the rounds suffice.
constexpr int packRoundsDivisor = 10;
constexpr double goalHandoutMs = 200.0;
constexpr double goalPackMs = 3000.0;
constexpr double goalReportMs = 500.0;
constexpr const char* kHandoutSession = "relationships-01";

const documents::ServiceContact kContact{
    "Northside Group Service", "01632 960 123", "groups@example.org", {"12 Mill Lane"}};

/// Runs `work` for the warm-up rounds and then `rounds` more, returning the measured times.
template <typename Work>
std::vector<double> timeRounds(int rounds, Work&& work) {
    std::vector<double> samples;
    for (int round = 0; round < warmUpRounds + rounds; ++round) {
        double time = timeMilliseconds(work);
        if (round >= warmUpRounds)
            samples.push_back(time);
    }
    return samples;
}

void printRow(const std::string& label, const std::vector<double>& samples) {
    roundtable::bench::printRow(label, samples, 34, 12);
}

void printVerdict(const std::string& goal, double goalMs, double medianMs) {
    std::cout << "goal median < " << goal << ": " << (medianMs < goalMs ? "met" : "NOT met") << " ("
              << medianMs << " ms)\n";
}

/// Times a member's progress report from the synthetic service, as roundtable-cli print
/// member-report makes it with --concerns: his records found by his code and read (every
/// session of his period with his mark and note, scores, concerns), the report built, the
/// export recorded in the audit log, the PDF written 0600. The service is copied first: the
/// audit events are written to the copy, never to the cache.
void benchReport(const curriculum::Programme& programme, const documents::PdfOptions& options,
                 const WorkFolder& work, int rounds) {
    const fs::path cache = ROUNDTABLE_BENCH_CACHE;
    auto cached = ensureSyntheticService(cache, SyntheticShape{}, false, std::cout);
    const auto database = work.path / "service.db";
    fs::copy_file(cached.path, database);
    auto store = records::RecordStore::open(database);
    store.unlock(kSyntheticLogin, kSyntheticPassphrase);
    // A man of one of the ten-member groups, with a year of sessions.
    const auto member = store.membersOf(store.groups().front().id).front();
    auto reportOptions = options;
    reportOptions.privateFile = true;
    const auto today = practice::today();
    std::vector<double> load, build, total;
    std::size_t sessions = 0;
    int pages = 0;
    for (int round = 0; round < warmUpRounds + rounds; ++round) {
        practice::MemberPeriod period;
        double loaded = timeMilliseconds(
            [&] { period = practice::memberPeriod(store, member.code, {}, today, true); });
        double written = timeMilliseconds([&] {
            auto report = documents::memberReport(
                period, programme, {"A summary.", true, {kSyntheticLogin, "Facilitator", today}});
            store.recordAccess(records::Access::exportFile, "member-report", member.id);
            pages = documents::writePdf(report, work.path / "report.pdf", reportOptions).pages;
        });
        sessions = period.sessions.size();
        if (round >= warmUpRounds) {
            load.push_back(loaded);
            build.push_back(written);
            total.push_back(loaded + written);
        }
    }
    std::cout << "\na member's progress report (" << member.code << ", " << sessions
              << " sessions, " << pages << " pages) from the synthetic ten-year service ("
              << cached.summary.members << " members, " << cached.summary.notes << " notes), "
              << rounds << " rounds\n"
              << std::setw(34) << "" << std::setw(12) << "median ms" << std::setw(12) << "p90 ms"
              << '\n';
    printRow("report: records read", load);
    printRow("report: built, audited, to PDF", build);
    printRow("report: total", total);
    std::cout.precision(2);
    printVerdict("500 ms (member's report)", goalReportMs, median(total));
}

}  // namespace

int main(int argc, char** argv) {
    const auto asked = roundsArgument(argc, argv, defaultRounds);
    if (!asked)
        return 2;
    const int rounds = *asked;
    const fs::path content = ROUNDTABLE_CONTENT;
    auto loaded = curriculum::loadProgramme(content);
    if (!loaded.ok()) {
        std::cerr << "the shipped programme does not load: run roundtable-cli validate\n";
        return 1;
    }
    const auto& programme = *loaded.programme;
    const auto session = programme.findSession(kHandoutSession);
    if (!session) {
        std::cerr << "the shipped programme has no session " << kHandoutSession << '\n';
        return 1;
    }
    const documents::PdfOptions options{content / "pictures", false};

    try {
        WorkFolder work(fs::path(ROUNDTABLE_BENCH_CACHE) /
                        ("documents-" + std::to_string(::getpid())));
        int handoutPages = 0;
        auto handout = timeRounds(rounds, [&] {
            auto document = documents::carersHandout(*session->module, *session->session, kContact);
            handoutPages = documents::writePdf(document, work.path / "handout.pdf", options).pages;
        });
        auto layoutOnly = timeRounds(rounds, [&] {
            documents::PageLayout layout(
                documents::carersHandout(*session->module, *session->session, kContact),
                options.pictures);
        });
        int packPages = 0;
        auto pack = timeRounds(std::max(1, rounds / packRoundsDivisor), [&] {
            auto document = documents::carersPack(programme.modules, kContact);
            packPages = documents::writePdf(document, work.path / "pack.pdf", options).pages;
        });

        std::cout.setf(std::ios::fixed);
        std::cout.precision(3);
        std::cout << "documents: handout of " << kHandoutSession << " (" << handoutPages
                  << " pages), " << rounds << " rounds; whole programme's carers' pack ("
                  << packPages << " pages), " << pack.size() << " rounds (" << warmUpRounds
                  << " warm-up rounds discarded each)\n"
                  << std::setw(34) << "" << std::setw(12) << "median ms" << std::setw(12)
                  << "p90 ms" << '\n';
        printRow("handout: laid out only", layoutOnly);
        printRow("handout to PDF", handout);
        printRow("carers' pack to PDF", pack);
        std::cout.precision(2);
        printVerdict("200 ms (handout)", goalHandoutMs, median(handout));
        printVerdict("3 s (whole pack)", goalPackMs, median(pack));
        std::cout.precision(3);
        benchReport(programme, options, work, rounds);
    } catch (const std::exception& error) {
        std::cerr << "a document could not be written; timings would be meaningless: "
                  << error.what() << '\n';
        return 1;
    }
    return 0;
}
