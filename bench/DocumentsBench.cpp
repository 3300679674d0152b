// Benchmark: printed documents written to PDF files the way roundtable-cli print writes them
// (built, laid out, drawn, written to a temporary file, flushed to the disk and renamed into
// place): from the shipped programme, and a member's progress report from the synthetic
// ten-year service (SyntheticService.h, generated once into the cache folder).
// Goals (from the issue): one carers' handout under 200 ms; the whole programme's carers' pack
// under 3 s; a member's report (his records read, the report built, audited and written) under
// 500 ms; a member's progress page with its charts (his progress gathered and audited, each chart
// drawn to an image as the screen shows it) under 100 ms. Laying the handout out without writing
// it is timed too, to show where time goes.
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
#include "documents/ChartDrawing.h"
#include "documents/MemberReport.h"
#include "documents/PageLayout.h"
#include "documents/PdfFile.h"
#include "documents/ProgressCharts.h"
#include "practice/Dates.h"
#include "practice/MemberProgress.h"
#include "practice/Practice.h"

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
constexpr double goalProgressMs = 100.0;
/// The progress page's charts as ChartView draws them on a 1366-wide window: 560 logical pixels
/// wide, a point being 96/72 pixels.
constexpr double kChartWidthPx = 560.0;
constexpr double kPixelsPerPoint = 96.0 / 72.0;
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

/// Draws `chart` onto a white image `kChartWidthPx` wide, as the progress page does.
void drawOnImage(const documents::Chart& chart) {
    const double width = kChartWidthPx / kPixelsPerPoint;
    const double height = documents::chartHeight(chart, width, documents::Typography::standard);
    auto* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(kChartWidthPx),
                                               static_cast<int>(height * kPixelsPerPoint) + 1);
    auto* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1.0, 1.0, 1.0);
    cairo_paint(cr);
    cairo_scale(cr, kPixelsPerPoint, kPixelsPerPoint);
    documents::drawChart(cr, chart, {0.0, 0.0, width, height}, documents::Typography::standard);
    const bool drawn = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    if (!drawn)
        throw documents::DocumentError("a chart could not be drawn");
}

/// A man with a full year of the programme added to the service: 52 weekly sessions through the
/// treatment modules (each one's indicators rated in his signed note whenever he was there), his
/// register marks, three measures at three time points and a rating of every session. The
/// synthetic service's own notes rate nothing, so its men would draw almost no charts.
records::MemberId addRatedYear(records::RecordStore& store,
                               const curriculum::Programme& programme) {
    practice::Practice practice(store, programme);
    auto group = practice.createGroup("Progress bench group", records::GroupKind::treatment);
    auto member = practice.addMember(group, "Bench Member", "2025-01-06");
    std::vector<std::string> sessionIds;
    for (const auto& module : programme.modules) {
        if (module.phase != curriculum::Phase::treatment)
            continue;
        for (const auto& session : module.sessions)
            sessionIds.emplace_back(session.id);
    }
    for (int week = 0; week < 52; ++week) {
        const auto date = records::Date::fromIso("2025-01-07")->plusDays(7 * week);
        auto session = practice.planSession(
            group, sessionIds[static_cast<std::size_t>(week) % sessionIds.size()], date.iso());
        const bool away = week % 9 == 4;
        practice.recordAttendance(
            session, member,
            away ? records::Attendance::absentAuthorised
                 : (week % 7 == 3 ? records::Attendance::late : records::Attendance::attended),
            away ? "Unwell" : "");
        practice.markDelivered(session);
        practice.recordOutcomeScore(member, "session-rating", "each-session", date.iso(),
                                    5 + week % 5);
        if (away)
            continue;
        records::NoteContent note("Took part well.");
        int i = 0;
        for (const auto& indicator : practice.indicatorsFor(session))
            note.ratings.push_back(
                {std::string(indicator.id), std::min(indicator.scaleMax, (week % 8 + i++) / 3)});
        practice.signNote(session, member, note);
    }
    for (const char* measure :
         {"sexual-knowledge", "cognitive-distortions", "empathy-for-victims"}) {
        practice.recordOutcomeScore(member, measure, "before", "2025-01-06", 40);
        practice.recordOutcomeScore(member, measure, "after", "2026-01-05", 55);
        practice.recordOutcomeScore(member, measure, "follow-up-6m", "2026-07-06", 60);
    }
    return member;
}

/// Times a member's progress page (issue 13: under 100 ms): practice::memberProgress on the
/// synthetic ten-year service with his rated year added (every group and membership looked
/// through, his sessions, marks, signed notes and scores read, the look audited), then every
/// chart of the page built and drawn to an image. The service is copied first, as for the report.
void benchProgress(const curriculum::Programme& programme, const WorkFolder& work, int rounds) {
    const fs::path cache = ROUNDTABLE_BENCH_CACHE;
    auto cached = ensureSyntheticService(cache, SyntheticShape{}, false, std::cout);
    const auto database = work.path / "progress.db";
    fs::copy_file(cached.path, database);
    auto store = records::RecordStore::open(database);
    store.unlock(kSyntheticLogin, kSyntheticPassphrase);
    struct {
        records::MemberId id;
        std::string code;
    } member{addRatedYear(store, programme), {}};
    std::vector<double> gather, draw, total;
    std::size_t charts = 0, ratings = 0;
    for (int round = 0; round < warmUpRounds + rounds; ++round) {
        practice::MemberProgress progress;
        double gathered = timeMilliseconds(
            [&] { progress = practice::memberProgress(store, member.id, programme); });
        member.code = progress.member.code;
        double drawn = timeMilliseconds([&] {
            std::vector<documents::Chart> all{documents::attendanceChart(progress.modules)};
            for (auto& chart :
                 documents::indicatorCharts(progress.indicators, practice::DateOrder::yearMonthDay))
                all.push_back(std::move(chart));
            for (const auto& measure : progress.measures)
                all.push_back(documents::scoreChart(measure, practice::DateOrder::yearMonthDay));
            for (const auto& chart : all)
                drawOnImage(chart);
            charts = all.size();
        });
        ratings = 0;
        for (const auto& indicator : progress.indicators)
            ratings += indicator.ratings.size();
        if (round >= warmUpRounds) {
            gather.push_back(gathered);
            draw.push_back(drawn);
            total.push_back(gathered + drawn);
        }
    }
    std::cout << "\na member's progress page (" << member.code << ", " << charts << " charts, "
              << ratings << " ratings) from the same service, " << rounds << " rounds\n"
              << std::setw(34) << "" << std::setw(12) << "median ms" << std::setw(12) << "p90 ms"
              << '\n';
    printRow("progress: gathered, audited", gather);
    printRow("progress: charts built, drawn", draw);
    printRow("progress: total", total);
    std::cout.precision(2);
    printVerdict("100 ms (progress page)", goalProgressMs, median(total));
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
        benchProgress(programme, work, rounds);
    } catch (const std::exception& error) {
        std::cerr << "a document could not be written; timings would be meaningless: "
                  << error.what() << '\n';
        return 1;
    }
    return 0;
}
