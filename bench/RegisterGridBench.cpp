// The year's register grid of the synthetic service's 12 x 52 group, as the Group page's "Year at
// a glance..." shows it (issue 13: gathered in under 50 ms, painted in under 150 ms). It needs a
// display: bench/run starts it under xvfb-run. The dialog is the app's own (ui/RegisterGridDialog)
// in a 1366 x 768 main window, so what is painted is what a facilitator waits for.
//
// Measured, each round: gathering the year (Practice::groupYear: members, sessions, every mark,
// audited); building the dialog and its grid; and painting the whole grid (cells and frozen
// headers) after it is invalidated, at the start of the year and scrolled to its end. A paint is
// counted only when the grid's windows really received their paint events inside the timing.
#include <unistd.h>
#include <wx/app.h>
#include <wx/frame.h>
#include <wx/grid.h>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "BenchFiles.h"
#include "SyntheticService.h"
#include "Timing.h"
#include "curriculum/ProgrammeLoader.h"
#include "practice/Practice.h"
#include "records/RecordStore.h"
#include "ui/RegisterGridDialog.h"

namespace fs = std::filesystem;
using namespace roundtable;
using namespace roundtable::bench;

namespace {

constexpr int defaultRounds = 30;
constexpr int warmUpRounds = 3;
constexpr double goalGatherMs = 50.0;
constexpr double goalPaintMs = 150.0;

/// The grid's three windows that a facilitator sees: the cells, and the frozen headers.
struct PaintCounter {
    int paints = 0;
    void watch(wxWindow* window) {
        window->Bind(wxEVT_PAINT, [this](wxPaintEvent& event) {
            ++paints;
            event.Skip();  // the grid paints as usual
        });
    }
};

/// The grid invalidated and painted at once (GTK draws what is invalid when asked to update);
/// the milliseconds it took, or -1 when no paint event reached its windows.
double paintOnce(wxGrid* grid, PaintCounter& counter) {
    const int before = counter.paints;
    double ms = timeMilliseconds([&] {
        grid->ForceRefresh();
        grid->Update();
    });
    return counter.paints > before ? ms : -1.0;
}

void printRow(const std::string& label, const std::vector<double>& samples) {
    bench::printRow(label, samples, 36, 12);
}

void verdict(const std::string& what, double goal, double ms) {
    std::cout << "goal " << what << " < " << std::setprecision(0) << goal
              << " ms: " << (ms < goal ? "met" : "NOT met") << " (" << std::setprecision(2) << ms
              << " ms)\n";
}

records::GroupId registerGroup(records::RecordStore& store) {
    for (const auto& group : store.groups()) {
        if (group.name == kRegisterGroupName)
            return group.id;
    }
    throw std::runtime_error("the synthetic service has no register group");
}

int run(int rounds) {
    auto loaded = curriculum::loadProgramme(fs::path(ROUNDTABLE_CONTENT));
    if (!loaded.ok()) {
        std::cerr << "the shipped programme does not load: run roundtable-cli validate\n";
        return 1;
    }
    const fs::path cacheDir = ROUNDTABLE_BENCH_CACHE;
    auto cached = ensureSyntheticService(cacheDir, SyntheticShape{}, false, std::cout);
    WorkFolder work(cacheDir / ("grid-" + std::to_string(::getpid())));
    const auto database = work.path / "service.db";
    fs::copy_file(cached.path, database);
    auto store = records::RecordStore::open(database);
    store.unlock(kSyntheticLogin, kSyntheticPassphrase);
    practice::Practice practice(store, *loaded.programme);
    const auto group = registerGroup(store);

    auto* frame = new wxFrame(nullptr, wxID_ANY, "Roundtable", wxDefaultPosition, {1366, 768});
    frame->Show();
    wxTheApp->Yield();

    std::vector<double> gather, build, paintStart, paintEnd;
    int rows = 0, columns = 0;
    for (int round = 0; round < warmUpRounds + rounds; ++round) {
        practice::GroupYear year;
        const double gathered = timeMilliseconds([&] { year = practice.groupYear(group); });
        ui::RegisterGridDialog* dialog = nullptr;
        const double built =
            timeMilliseconds([&] { dialog = new ui::RegisterGridDialog(frame, practice, year); });
        dialog->Show();
        wxTheApp->Yield();  // mapped, and its first paint done, as a person would see it
        auto* grid = dynamic_cast<wxGrid*>(wxWindow::FindWindowByName("register-grid", dialog));
        if (!grid) {
            std::cerr << "the dialog has no register grid\n";
            return 1;
        }
        rows = grid->GetNumberRows();
        columns = grid->GetNumberCols();
        PaintCounter counter;
        for (auto* window : {static_cast<wxWindow*>(grid->GetGridWindow()),
                             grid->GetGridColLabelWindow(), grid->GetGridRowLabelWindow()})
            counter.watch(window);
        const double atStart = paintOnce(grid, counter);
        grid->MakeCellVisible(rows - 1, columns - 1);
        wxTheApp->Yield();
        const double atEnd = paintOnce(grid, counter);
        dialog->Destroy();
        wxTheApp->Yield();
        if (atStart < 0 || atEnd < 0) {
            std::cerr << "the grid was not painted when asked: the timing would mean nothing\n";
            return 1;
        }
        if (round < warmUpRounds)
            continue;
        gather.push_back(gathered);
        build.push_back(built);
        paintStart.push_back(atStart);
        paintEnd.push_back(atEnd);
    }
    frame->Destroy();

    std::cout.setf(std::ios::fixed);
    std::cout.precision(2);
    std::cout << "\nregister grid of the 12 x 52 group (" << rows << " rows x " << columns
              << " columns with the module row and rates), window 1366 x 768 under Xvfb, " << rounds
              << " rounds (" << warmUpRounds << " warm-up discarded)\n"
              << std::setw(36) << "" << std::setw(12) << "median ms" << std::setw(12) << "p90 ms"
              << '\n';
    printRow("grid: year gathered, audited", gather);
    printRow("grid: dialog and grid built", build);
    printRow("grid: painted, start of the year", paintStart);
    printRow("grid: painted, scrolled to its end", paintEnd);
    verdict("gathered", goalGatherMs, median(gather));
    verdict("painted (slower of start and end)", goalPaintMs,
            std::max(median(paintStart), median(paintEnd)));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const auto asked = roundsArgument(argc, argv, defaultRounds);
    if (!asked)
        return 2;
    // A GUI application object before wx starts, as the app has (without it wx would start a
    // console application and no window could be made).
    // Only the program's name goes to wx: the rounds are ours, and wx refuses what it does
    // not know.
    wxApp::SetInstance(new wxApp);
    int wxArgc = 1;
    if (!wxEntryStart(wxArgc, argv) || !wxTheApp->CallOnInit()) {
        std::cerr << "bench_register_grid: no display (bench/run starts it under xvfb-run)\n";
        return 1;
    }
    int status = 1;
    try {
        status = run(*asked);
    } catch (const std::exception& error) {
        std::cerr << "bench_register_grid: " << error.what() << '\n';
    }
    wxEntryCleanup();
    return status;
}
