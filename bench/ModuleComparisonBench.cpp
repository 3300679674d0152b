// Benchmark: comparing two versions of the largest shipped module (ModuleComparison.h), the
// second an edited copy with changes of every kind a psychologist makes in one sitting (fields,
// sessions and activities moved and added, words, pictures, minutes, handout points). Timed:
// the comparison alone, the comparison written as text, and all that `roundtable-cli
// curriculum diff` does (both files loaded and checked, compared, written as text).
// Goal (issue 12, item 8): comparing two versions of the largest module under 50 ms.
// Speed is reported, never asserted: the exit status is 1 only when the module or its edited
// copy does not load or the comparison finds nothing, because then the timings would not
// measure the real work.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include <pugixml.hpp>

#include "BenchFiles.h"
#include "Timing.h"
#include "curriculum/ModuleComparison.h"
#include "curriculum/ProgrammeLoader.h"

namespace {

using namespace roundtable::bench;

namespace fs = std::filesystem;
namespace curriculum = roundtable::curriculum;

constexpr int defaultRounds = 200;
// The first rounds pay for cold caches and lazy allocation; they are not counted.
constexpr int warmUpRounds = 5;
constexpr double goalMilliseconds = 50.0;

std::vector<pugi::xml_node> children(pugi::xml_node parent, const char* name) {
    std::vector<pugi::xml_node> nodes;
    for (auto child : parent.children(name))
        nodes.push_back(child);
    return nodes;
}

/// `text` with the word "carefully" put after its first word: a one-word edit.
std::string withWordAdded(std::string text) {
    auto space = text.find(' ');
    if (space != std::string::npos)
        text.insert(space, " carefully");
    return text;
}

/// The module's XML edited as a psychologist might edit it in one sitting: each edit is
/// listed in `done`. Works on any module with at least five sessions.
std::string editedCopy(const fs::path& file, std::vector<std::string>& done) {
    pugi::xml_document document;
    document.load_file(file.c_str());
    auto module = document.child("module");
    module.attribute("version").set_value(module.attribute("version").as_int() + 1);
    done.push_back("version raised");
    auto summary = module.child("summary");
    summary.text().set(withWordAdded(summary.text().get()).c_str());
    done.push_back("a word added to the summary");
    module.child("indicators").child("indicator").attribute("scale").set_value("0-4");
    done.push_back("the first indicator's scale changed");

    auto sessionsNode = module.child("sessions");
    auto sessions = children(sessionsNode, "session");
    // Every session: a word added to the first guidance paragraph of its second activity.
    for (auto session : sessions) {
        auto activities = children(session.child("activities"), "activity");
        auto paragraph = activities.at(1).child("guidance").child("p");
        paragraph.text().set(withWordAdded(paragraph.text().get()).c_str());
    }
    done.push_back("a word added to a guidance paragraph in every session");

    // The first session: its third activity moved to just before its last.
    {
        auto activitiesNode = sessions[0].child("activities");
        auto activities = children(activitiesNode, "activity");
        activitiesNode.insert_move_before(activities.at(2), activities.back());
        done.push_back("an activity moved");
    }
    // The first session with room for it: an activity added in the middle.
    for (auto session : sessions) {
        auto activitiesNode = session.child("activities");
        auto activities = children(activitiesNode, "activity");
        if (activities.size() >= 8)
            continue;
        auto added = activitiesNode.insert_copy_before(activities.front(),
                                                       activities[activities.size() / 2]);
        added.child("title").text().set("Questions so far");
        auto minutes = session.attribute("minutes");
        minutes.set_value(minutes.as_int() + added.attribute("minutes").as_int());
        done.push_back("an activity added");
        break;
    }
    // The third session: an easy-read point with another picture.
    {
        auto point = children(sessions[2].child("activities"), "activity")
                         .at(0)
                         .child("easy-read")
                         .child("point");
        point.attribute("picture").set_value(
            point.attribute("picture").as_string()[0] == 'g' ? "talking" : "group");
        done.push_back("an easy-read point's picture changed");
    }
    // The fourth session: a point added to the carers' handout.
    {
        auto help = sessions[3].child("handout").child("help");
        auto point = help.append_copy(help.child("point"));
        point.text().set("Ask him what he found hard this week.");
        done.push_back("a handout point added");
    }
    // The fifth session: five minutes moved from its first activity to its last.
    {
        auto activities = children(sessions[4].child("activities"), "activity");
        auto first = activities.front().attribute("minutes");
        auto last = activities.back().attribute("minutes");
        first.set_value(first.as_int() - 5);
        last.set_value(last.as_int() + 5);
        done.push_back("minutes of two activities changed");
    }
    // The last session moved to the front.
    sessionsNode.prepend_move(sessions.back());
    done.push_back("a session moved");

    std::ostringstream out;
    document.save(out, "  ");
    return out.str();
}

/// Prints the findings of a module that did not load and returns false.
bool reportIfInvalid(const curriculum::ModuleLoadResult& result, const fs::path& file) {
    if (result.ok())
        return true;
    std::cerr << file.string() << " does not load; timings would be meaningless:\n";
    for (const auto& finding : result.findings)
        std::cerr << curriculum::format(finding) << '\n';
    return false;
}

void printRow(const char* name, const std::vector<double>& samples) {
    roundtable::bench::printRow(name, samples, 40, 12);
}

}  // namespace

int main(int argc, char** argv) {
    const auto asked = roundsArgument(argc, argv, defaultRounds);
    if (!asked)
        return 2;
    const int rounds = *asked;

    const auto olderFile = largestModule(fs::path(ROUNDTABLE_CONTENT) / "modules");
    WorkFolder work(fs::path(ROUNDTABLE_BENCH_CACHE) / "module-comparison");
    const auto newerFile = work.path / olderFile.filename();
    std::vector<std::string> edits;
    { std::ofstream(newerFile) << editedCopy(olderFile, edits); }

    const auto olderLoaded = curriculum::loadModuleFile(olderFile);
    const auto newerLoaded = curriculum::loadModuleFile(newerFile);
    if (!reportIfInvalid(olderLoaded, olderFile) || !reportIfInvalid(newerLoaded, newerFile))
        return 1;
    const auto& older = *olderLoaded.module;
    const auto& newer = *newerLoaded.module;
    const auto text = curriculum::describe(curriculum::compareModules(older, newer));
    if (text.empty()) {
        std::cerr << "the edited copy compares as the same: nothing would be measured\n";
        return 1;
    }

    std::vector<double> compareMs;
    std::vector<double> describeMs;
    std::vector<double> commandMs;
    std::size_t sink = 0;  // so that no measured work can be left out by the optimiser
    for (int round = 0; round < warmUpRounds + rounds; ++round) {
        const double compare = timeMilliseconds(
            [&] { sink += curriculum::compareModules(older, newer).sessions.size(); });
        const double described = timeMilliseconds(
            [&] { sink += curriculum::describe(curriculum::compareModules(older, newer)).size(); });
        const double command = timeMilliseconds([&] {
            auto before = curriculum::loadModuleFile(olderFile);
            auto after = curriculum::loadModuleFile(newerFile);
            if (before.ok() && after.ok()) {
                sink +=
                    curriculum::describe(curriculum::compareModules(*before.module, *after.module))
                        .size();
            }
        });
        if (round < warmUpRounds)
            continue;
        compareMs.push_back(compare);
        describeMs.push_back(described);
        commandMs.push_back(command);
    }

    const auto lines = std::count(text.begin(), text.end(), '\n');
    std::cout.setf(std::ios::fixed);
    std::cout.precision(3);
    std::cout << "module comparison: " << olderFile.filename().string() << " ("
              << fs::file_size(olderFile) << " bytes, " << older.sessions.size()
              << " sessions) against an edited copy, " << rounds << " rounds (" << warmUpRounds
              << " warm-up rounds discarded)\n"
              << "edits: ";
    for (std::size_t i = 0; i < edits.size(); ++i)
        std::cout << (i > 0 ? "; " : "") << edits[i];
    std::cout << "\n"
              << "differences found: " << lines << " lines of text\n"
              << std::setw(40) << "" << std::setw(12) << "median ms" << std::setw(12) << "p90 ms"
              << '\n';
    printRow("compare", compareMs);
    printRow("compare + describe", describeMs);
    printRow("load both + compare + describe (CLI)", commandMs);
    const double commandMedian = median(commandMs);
    std::cout << std::setprecision(0) << "goal median < " << goalMilliseconds
              << std::setprecision(3) << " ms (load both + compare + describe): "
              << (commandMedian < goalMilliseconds ? "met" : "NOT met") << " (" << commandMedian
              << " ms)\n";
    return sink == 0 ? 1 : 0;
}
