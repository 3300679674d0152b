// The curriculum commands: each signs in (--db, --user, passphrase on standard input) and calls
// one use case of practice/ServiceProgramme.h.
#include "cli/CurriculumCommand.h"

#include <charconv>
#include <ostream>

#include "cli/CommandLine.h"
#include "cli/SignIn.h"
#include "curriculum/ProgrammeLocation.h"
#include "practice/Practice.h"
#include "practice/ServiceProgramme.h"
#include "text/Translate.h"

namespace roundtable::cli {

const char* const kCurriculumUsage = text::trLater(
    "       roundtable-cli curriculum list|history MODULE --db PATH --user NAME\n"
    "       roundtable-cli curriculum export MODULE FILE [--version N | --draft] --db PATH "
    "--user NAME\n"
    "       roundtable-cli curriculum import FILE --db PATH --user NAME   (a clinical lead)\n"
    "       roundtable-cli curriculum add-picture FILE.svg|FILE.png --name NAME --description "
    "TEXT --db PATH --user NAME\n"
    "       roundtable-cli curriculum compare MODULE OLD NEW --db PATH --user NAME   (OLD and "
    "NEW: a version number or draft)\n"
    "       roundtable-cli curriculum send-for-review MODULE --summary TEXT --db PATH --user "
    "NAME\n"
    "       roundtable-cli curriculum publish|return|withdraw MODULE [--reason TEXT] --db PATH "
    "--user NAME\n");

namespace {

/// The words after "curriculum SUBCOMMAND" that are not options or their values.
std::vector<std::string> operands(const std::vector<std::string>& arguments) {
    std::vector<std::string> found;
    for (std::size_t i = 2; i < arguments.size(); ++i) {
        if (arguments[i] == "--draft")
            continue;
        if (arguments[i].starts_with("--")) {
            ++i;  // and its value
            continue;
        }
        found.push_back(arguments[i]);
    }
    return found;
}

std::string stateInWords(const records::ModuleState& state) {
    std::string words = state.published
                            ? text::fill(text::tr("version {1} published"),
                                         {std::to_string(state.published->text.version)})
                            : std::string(text::tr("not published"));
    if (state.draft) {
        words.append("; ").append(text::fill(
            state.inReview ? text::tr("version {1} in review") : text::tr("version {1} in draft"),
            {std::to_string(state.draft->text.version)}));
    }
    return words;
}

void printHistory(const records::ModuleHistory& history, std::ostream& out) {
    for (const auto& step : history.steps) {
        out << step.takenAt << "  "
            << text::fill(text::tr("version {1}  {2} by {3}"),
                          {std::to_string(step.version), records::toText(step.step), step.takenBy});
        if (!step.summary.empty())
            out << ": " << step.summary;
        if (!step.damage.empty())
            out << "  [" << text::fill(text::tr("DAMAGED: {1}"), {step.damage}) << "]";
        out << '\n';
    }
}

}  // namespace

int curriculum(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
               std::ostream& err) {
    static const std::vector<std::string> kSubcommands = {
        "list",        "history",         "export",  "compare", "import",
        "add-picture", "send-for-review", "publish", "return",  "withdraw"};
    if (arguments.size() < 2 ||
        std::find(kSubcommands.begin(), kSubcommands.end(), arguments[1]) == kSubcommands.end()) {
        throw UsageError(
            text::tr("curriculum needs one of: diff, list, history, export, compare, import, "
                     "add-picture, send-for-review, publish, return, withdraw"));
    }
    const auto& subcommand = arguments[1];
    const auto words = operands(arguments);
    const std::size_t wanted = subcommand == "list"      ? 0
                               : subcommand == "export"  ? 2
                               : subcommand == "compare" ? 3
                                                         : 1;
    if (words.size() != wanted)
        throw UsageError(text::fill(wanted == 0 ? text::tr("curriculum {1} needs no other words")
                                    : wanted == 1
                                        ? text::tr("curriculum {1} needs one module or file")
                                        : text::tr("curriculum {1} needs MODULE and FILE"),
                                    {subcommand}));
    std::string versionText = option(arguments, "--version");
    std::optional<int> version;
    if (!versionText.empty()) {
        int number = 0;
        auto [end, problem] =
            std::from_chars(versionText.data(), versionText.data() + versionText.size(), number);
        if (problem != std::errc() || end != versionText.data() + versionText.size() || number < 1)
            throw UsageError(text::tr("--version needs a version number, such as 2"));
        version = number;
    }

    auto store = signedIn(arguments, in, out, err);
    // A database opened here for the first time is given the shipped programme, as at the
    // app's first sign-in.
    (void)practice::serviceProgramme(store, curriculum::defaultProgrammeDirectory());
    practice::CurriculumChanges changes(store);
    try {
        if (subcommand == "list") {
            for (const auto& id : store.moduleIds())
                out << id << ": " << stateInWords(store.moduleState(id)) << '\n';
        } else if (subcommand == "history") {
            printHistory(store.moduleHistory(words[0]), out);
        } else if (subcommand == "export") {
            const bool draft =
                std::find(arguments.begin(), arguments.end(), "--draft") != arguments.end();
            changes.exportModule(words[0], {version, draft}, words[1]);
            out << text::fill(text::tr("Wrote {1}."), {words[1]}) << "\n";
        } else if (subcommand == "compare") {
            auto which = [](const std::string& word) {
                if (word == "draft")
                    return practice::ModuleVersion{std::nullopt, true};
                int number = 0;
                auto [end, problem] =
                    std::from_chars(word.data(), word.data() + word.size(), number);
                if (problem != std::errc() || end != word.data() + word.size() || number < 1)
                    throw UsageError(text::fill(
                        text::tr("compare takes version numbers or draft, not \"{1}\""), {word}));
                return practice::ModuleVersion{number, false};
            };
            auto comparison = changes.compare(words[0], which(words[1]), which(words[2]));
            if (comparison.same()) {
                out << text::fill(text::tr("The two texts of \"{1}\" have the same content."),
                                  {words[0]})
                    << "\n";
            } else {
                out << curriculum::describe(comparison);
                return 1;
            }
        } else if (subcommand == "import") {
            auto id = changes.importModule(words[0]);
            auto check = changes.check(store.moduleState(id).draft->text.xml);
            for (const auto& found : check.findings)
                out << curriculum::format(found.finding) << '\n';
            out << text::fill(check.hasErrors()
                                  ? text::tr("Imported {1} as the draft of \"{2}\" ({3}); put the "
                                             "problems above right before sending it for review.")
                                  : text::tr("Imported {1} as the draft of \"{2}\" ({3})."),
                              {words[0], id, stateInWords(store.moduleState(id))})
                << "\n";
        } else if (subcommand == "add-picture") {
            changes.addPicture(words[0], option(arguments, "--name"),
                               option(arguments, "--description"));
            out << text::fill(text::tr("Added the picture \"{1}\": every module can use it."),
                              {option(arguments, "--name")})
                << "\n";
        } else if (subcommand == "send-for-review") {
            changes.sendForReview(words[0], option(arguments, "--summary"));
            out << words[0] << ": " << stateInWords(store.moduleState(words[0])) << ".\n";
        } else if (subcommand == "publish") {
            changes.publish(words[0], option(arguments, "--reason"));
            out << words[0] << ": " << stateInWords(store.moduleState(words[0])) << ".\n";
        } else if (subcommand == "return") {
            changes.returnToAuthor(words[0], option(arguments, "--reason"));
            out << words[0] << ": " << stateInWords(store.moduleState(words[0])) << ".\n";
        } else {
            changes.withdraw(words[0], option(arguments, "--reason"));
            out << words[0] << ": " << stateInWords(store.moduleState(words[0])) << ".\n";
        }
    } catch (const practice::ValidationError& refused) {
        err << "roundtable-cli: " << refused.what() << '\n';
        return 1;
    }
    return 0;
}

}  // namespace roundtable::cli
