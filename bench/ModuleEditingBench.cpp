// Benchmark: the module editor's model on the largest shipped module (issue 12). Goals: opening
// a module in the editor and showing its findings under 100 ms; a finding appears within
// 100 ms of a keystroke. Measured without a window: what the window adds is drawing the
// fields, which the GUI session measures.
// Speed is reported, never asserted: the exit status is 1 only when the module does not open
// or has findings already, because then the timings would not measure the usual work.
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "BenchFiles.h"
#include "Timing.h"

#include "curriculum/DraftChecks.h"
#include "curriculum/ModuleEditing.h"
#include "curriculum/ProgrammeFolder.h"

namespace {

using namespace roundtable::bench;
namespace fs = std::filesystem;
namespace curriculum = roundtable::curriculum;

constexpr int defaultRounds = 200;
constexpr int warmUpRounds = 5;
constexpr double goalMilliseconds = 100.0;

curriculum::PictureNames pictureNames(const fs::path& pictures) {
    curriculum::PictureNames names;
    for (const auto& entry : fs::directory_iterator(pictures)) {
        const auto extension = entry.path().extension();
        if (extension == ".svg" || extension == ".png")
            names.insert(entry.path().stem().string());
    }
    return names;
}

void printRow(const char* what, const std::vector<double>& samples) {
    roundtable::bench::printRow(what, samples, 34, 10);
}

}  // namespace

int main(int argc, char** argv) {
    const auto asked = roundsArgument(argc, argv, defaultRounds);
    if (!asked)
        return 2;
    const int rounds = *asked;
    const fs::path content = ROUNDTABLE_CONTENT;
    const auto path = largestModule(content / "modules");
    const auto pictures = pictureNames(content / "pictures");
    curriculum::DraftCheckOptions options;
    options.displayName = path.filename().string();
    options.pictures = &pictures;

    {
        const curriculum::ModuleDraft draft(curriculum::readWholeFile(path));
        const auto checked = curriculum::checkDraft(draft, options);
        if (!checked.findings.empty()) {
            std::cerr << "the largest module has findings; timings would not be typical:\n";
            for (const auto& finding : checked.findings)
                std::cerr << curriculum::format(finding.finding) << '\n';
            return 1;
        }
    }

    std::vector<double> openMs, keystrokeMs, editMs, textMs, checkMs;
    // One draft open for the keystrokes, as in the editor. Each keystroke sets a session's
    // minutes to 125 and back to 120 in turn, so that a finding (the sum) appears and goes.
    curriculum::ModuleDraft draft(curriculum::readWholeFile(path));
    const auto minutes = curriculum::FieldAddress::ofSession(3, curriculum::Field::sessionMinutes);
    std::size_t findingsOnOpen = 0;
    std::size_t findingsAfter[2] = {0, 0};
    for (int round = 0; round < warmUpRounds + rounds; ++round) {
        const double open = timeMilliseconds([&] {
            const curriculum::ModuleDraft opened(curriculum::readWholeFile(path));
            findingsOnOpen = curriculum::checkDraft(opened, options).findings.size();
        });
        double edit = 0, text = 0, check = 0;
        const double keystroke = timeMilliseconds([&] {
            edit =
                timeMilliseconds([&] { draft.setText(minutes, round % 2 == 0 ? "125" : "120"); });
            std::string xml;
            text = timeMilliseconds([&] { xml = draft.xml(); });
            check = timeMilliseconds([&] {
                findingsAfter[round % 2] =
                    curriculum::checkModuleText(xml, options).findings.size();
            });
        });
        if (round < warmUpRounds)
            continue;
        openMs.push_back(open);
        keystrokeMs.push_back(keystroke);
        editMs.push_back(edit);
        textMs.push_back(text);
        checkMs.push_back(check);
    }

    std::cout.setf(std::ios::fixed);
    std::cout.precision(3);
    std::cout << "module editing: " << path.filename().string() << ", " << fs::file_size(path)
              << " bytes, " << rounds << " rounds (" << warmUpRounds
              << " warm-up rounds discarded)\n"
              << std::setw(34) << "" << std::setw(10) << "median ms" << std::setw(10) << "p90 ms"
              << '\n';
    printRow("open as a draft + findings", openMs);
    printRow("keystroke + findings", keystrokeMs);
    printRow("  of which the edit (+ undo record)", editMs);
    printRow("  of which the draft as text", textMs);
    printRow("  of which the checks", checkMs);
    std::cout << "findings: " << findingsOnOpen << " on opening, " << findingsAfter[0]
              << " after a keystroke that breaks the sum, " << findingsAfter[1]
              << " after the one that mends it\n";
    std::cout.precision(2);
    std::cout << "goal open < 100 ms: " << (median(openMs) < goalMilliseconds ? "met" : "NOT met")
              << " (" << median(openMs) << " ms)\n"
              << "goal keystroke to finding < 100 ms: "
              << (median(keystrokeMs) < goalMilliseconds ? "met" : "NOT met") << " ("
              << median(keystrokeMs) << " ms)\n";
    return 0;
}
