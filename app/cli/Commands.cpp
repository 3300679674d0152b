// roundtable-cli: the commands of its usage text (kUsage), one function each; print is in
// PrintCommand.cpp.
#include "cli/Commands.h"

#include <exception>
#include <optional>
#include <ostream>
#include <stdexcept>

#include "cli/CommandLine.h"
#include "cli/CurriculumCommand.h"
#include "cli/Passphrase.h"
#include "cli/PrintCommand.h"
#include "cli/ServerCommand.h"
#include "cli/SignIn.h"
#include "curriculum/EasyReadLint.h"
#include "curriculum/ModuleComparison.h"
#include "curriculum/ProgrammeLoader.h"
#include "practice/DemoData.h"
#include "practice/Exports.h"
#include "practice/Practice.h"
#include "printing/Output.h"
#include "records/RecordStore.h"
#include "text/Translate.h"

namespace roundtable::cli {
namespace {

// TRANSLATORS: the commands and options (roundtable-cli, --db, PATH...) stay as they are.
constexpr const char* kUsage = text::trLater(
    "usage: roundtable-cli --version\n"
    "       roundtable-cli validate DIR\n"
    "       roundtable-cli lint-easy-read DIR\n"
    "       roundtable-cli curriculum diff OLD.xml NEW.xml   (two versions of a module: exit 0\n"
    "                      the same content, 1 differences, 2 trouble, as diff does)\n"
    "       roundtable-cli demo --db PATH [--content DIR]\n"
    "       roundtable-cli verify --db PATH --user NAME [--expect-head EVENT:CHAIN]\n"
    "                      (passphrases on standard input)\n"
    "       roundtable-cli audit verify --db PATH --user NAME\n"
    "       roundtable-cli backup --db PATH --out FILE --user NAME\n"
    "       roundtable-cli restore --backup FILE --db PATH --user NAME   (an administrator of "
    "the backup)\n"
    "       roundtable-cli recover --db PATH --new-admin NAME   (no administrator can sign in:\n"
    "                      the recovery key, then the new passphrase, on standard input)\n"
    "       roundtable-cli catch-ups --group GROUP_NO --db PATH --user NAME   (a line per\n"
    "                      member: CODE: the curriculum sessions he has not had)\n"
    "       roundtable-cli export register|outcomes --group GROUP_NO --out FILE.csv --db PATH\n"
    "                      --user NAME   (CSV for service evaluation: members by code)\n");

/// The whole usage text: the commands above and print's.
void printUsage(std::ostream& err) {
    err << text::tr(kUsage) << text::tr(kCurriculumUsage) << text::tr(kPrintUsage)
        << text::tr(kServerUsage);
}

int validate(const std::string& directory, std::ostream& out) {
    auto result = curriculum::loadProgramme(directory);
    for (const auto& finding : result.findings)
        out << curriculum::format(finding) << '\n';
    if (!result.ok())
        return 1;
    std::size_t sessions = 0;
    for (const auto& module : result.programme->modules)
        sessions += module.sessions.size();
    out << text::fill(text::tr("{1}: {2} modules, {3} sessions, no errors"),
                      {directory, std::to_string(result.programme->modules.size()),
                       std::to_string(sessions)})
        << "\n";
    return 0;
}

int lintEasyRead(const std::string& directory, std::ostream& out) {
    auto findings = curriculum::lintEasyRead(directory);
    for (const auto& finding : findings)
        out << curriculum::format(finding) << '\n';
    if (!findings.empty())
        return 1;
    out << text::fill(text::tr("{1}: the easy-read text follows the rules that can be checked"),
                      {directory})
        << "\n";
    return 0;
}

/// Two versions of one module file, compared in the module's terms. Exits as diff(1) does: 0 the
/// same content, 1 differences (printed), 2 trouble (a file unreadable or not a valid module,
/// its findings printed), so that scripts can tell a difference from a failure.
int curriculumDiff(const std::vector<std::string>& arguments, std::ostream& out,
                   std::ostream& err) {
    if (arguments.size() != 4)
        throw UsageError(text::tr("curriculum diff takes two module files: OLD.xml NEW.xml"));
    const auto& olderFile = arguments[2];
    const auto& newerFile = arguments[3];
    try {
        auto older = curriculum::loadModuleFile(olderFile);
        auto newer = curriculum::loadModuleFile(newerFile);
        // Warnings too: an element the loader does not know is not compared either.
        for (const auto* loaded : {&older, &newer}) {
            for (const auto& finding : loaded->findings)
                err << curriculum::format(finding) << '\n';
        }
        if (!older.ok() || !newer.ok()) {
            err << "roundtable-cli: ";
            if (!older.ok() && !newer.ok()) {
                err << text::fill(text::tr("cannot compare: neither {1} nor {2} is a module that "
                                           "can be read without errors"),
                                  {olderFile, newerFile});
            } else {
                err << text::fill(text::tr("cannot compare: {1} is not a module that can be read "
                                           "without errors"),
                                  {older.ok() ? newerFile : olderFile});
            }
            err << "\n";
            return 2;
        }
        auto comparison = curriculum::compareModules(*older.module, *newer.module);
        if (comparison.same()) {
            out << text::fill(text::tr("{1} and {2} have the same content"), {olderFile, newerFile})
                << "\n";
            return 0;
        }
        out << curriculum::describe(comparison);
        return 1;
    } catch (const std::exception& error) {
        // 1 would say "they differ"; a failure is trouble.
        err << "roundtable-cli: " << error.what() << '\n';
        return 2;
    }
}

int auditVerify(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
                std::ostream& err) {
    auto store = signedIn(arguments, in, out, err);
    auto check = store.verifyAudit();
    if (!check.intact()) {
        out << text::fill(text::tr("audit log: BROKEN at row {1}: {2} ({3} rows before it are "
                                   "intact)"),
                          {std::to_string(*check.firstBrokenRow), check.problem,
                           std::to_string(check.rowsChecked)})
            << "\n";
        return 1;
    }
    out << text::fill(text::tr("audit log: intact ({1} rows)"), {std::to_string(check.rowsChecked)})
        << "\n";
    return 0;
}

/// The audit log's chain, then every record against the log: exits 1 naming each damaged one.
int verify(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
           std::ostream& err) {
    std::optional<records::LogHead> expected;
    if (auto text = option(arguments, "--expect-head"); !text.empty()) {
        expected = records::LogHead::fromText(text);
        if (!expected) {
            throw UsageError(
                text::tr("--expect-head takes EVENT:CHAIN, as backup and verify print it"));
        }
    }
    ComputerMemory memory;
    std::optional<records::RecordStore> opened;
    bool reaches = openAndSignIn(opened, memory.seen, arguments, in, out, err);
    auto& store = *opened;
    if (expected) {
        if (auto problem = store.checkReaches(*expected); !problem.empty()) {
            out << text::fill(text::tr("WARNING: {1}"), {problem}) << "\n";
            reaches = false;
        }
    }
    auto report = store.verify();
    if (report.log.intact()) {
        out << text::fill(text::tr("audit log: intact ({1} events)"),
                          {std::to_string(report.log.rowsChecked)})
            << "\n";
    } else {
        out << text::fill(text::tr("audit log: BROKEN at event {1}: {2}"),
                          {std::to_string(*report.log.firstBrokenRow), report.log.problem})
            << "\n";
    }
    if (report.notYetAuthenticated) {
        out << text::tr(
                   "records: not checked: this database's records from an older data format "
                   "have not been authenticated yet (an administrator signs in once to do "
                   "it)")
            << "\n";
        return 1;
    }
    for (const auto& record : report.damaged)
        out << text::fill(text::tr("DAMAGED: {1}"), {record.description}) << "\n";
    const auto checked = std::to_string(report.recordsChecked);
    if (report.damaged.empty()) {
        out << text::fill(text::tr("records: {1} checked, every one as it was recorded"),
                          {checked});
    } else {
        out << text::fill(text::tr("records: {1} checked, {2} damaged"),
                          {checked, std::to_string(report.damaged.size())});
    }
    out << "\n";
    for (const auto& forgery : report.forgeries)
        out << text::fill(text::tr("FORGED: {1}"), {forgery}) << "\n";
    const auto signatures = std::to_string(report.signaturesChecked);
    if (report.forgeries.empty()) {
        out << text::fill(
            text::tr("signatures: {1} checked, each by the key of the person the log names"),
            {signatures});
    } else {
        out << text::fill(text::tr("signatures: {1} checked, {2} forgeries"),
                          {signatures, std::to_string(report.forgeries.size())});
    }
    out << "\n";
    for (const auto& name : report.awaitingCertification) {
        out << text::fill(text::tr("NOT YET PROVEN: what {1} signed (her key awaits an "
                                   "administrator's certification, given at an administrator's "
                                   "next sign-in)"),
                          {name})
            << "\n";
    }
    // What was checked is now what this computer has seen (a warning above is in the log).
    memory.seen.remember(store);
    out << text::fill(text::tr("log head: {1}"), {store.logHead().text()}) << "\n";
    return report.intact() && reaches ? 0 : 1;
}

int backup(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
           std::ostream& err) {
    auto destination = option(arguments, "--out");
    if (destination.empty())
        throw UsageError(text::tr("backup needs --out FILE"));
    auto store = signedIn(arguments, in, out, err);
    auto result = store.backupTo(destination);
    out << text::fill(text::tr("Backed up to {1} ({2} bytes), verified: integrity ok, content "
                               "hash {3}"),
                      {result.file.string(), std::to_string(result.bytes), result.contentHash})
        << "\n"
        << text::fill(text::tr("log head in the backup: {1} (keep it: verify --expect-head checks "
                               "that the database's log still reaches it)"),
                      {result.head.text()})
        << "\n";
    return 0;
}

/// Puts a backup in place of the database; an administrator of the backup signs in to it.
int restore(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
            std::ostream& err) {
    const char* needs = text::trLater("restore needs --backup FILE, --db PATH and --user NAME");
    auto database = databaseFile(arguments, needs);
    auto backupFile = option(arguments, "--backup");
    auto user = option(arguments, "--user");
    if (backupFile.empty() || user.empty())
        throw UsageError(text::tr(needs));
    auto result =
        records::RecordStore::restore(backupFile, database, user, readPassphrase(in, err));
    out << text::fill(text::tr("Restored {1} from {2} (verified: integrity ok, {3} records as they "
                               "were recorded)."),
                      {database, backupFile, std::to_string(result.recordsChecked)})
        << "\n";
    if (!result.kept.empty()) {
        out << text::fill(text::tr("The file it replaced is kept as {1}"), {result.kept.string()})
            << "\n";
    }
    return 0;
}

/// When no administrator can sign in: the recovery key adds a new administrator. Reads the
/// key, then the new passphrase (twice at a terminal), from standard input.
int recover(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
            std::ostream& err) {
    auto database = option(arguments, "--db");
    auto login = option(arguments, "--new-admin");
    if (database.empty() || login.empty())
        throw UsageError(text::tr("recover needs --db PATH and --new-admin NAME"));
    auto content = loadContent(arguments, err, text::tr("nobody was added"));
    if (!content)
        return 1;
    auto store = records::RecordStore::openLocation(database);
    practice::Practice practice(store, content->programme);
    const auto key = readPassphrase(in, err, text::trLater("Recovery key"));
    const auto passphrase =
        readPassphrase(in, err, text::trLater("The new administrator's passphrase"));
    const auto repeat = isTerminal(in)
                            ? readPassphrase(in, err, text::trLater("The same passphrase again"))
                            : passphrase;
    try {
        practice.recoverWithKey(key, login, passphrase, repeat);
    } catch (const practice::ValidationError& error) {
        err << "roundtable-cli: " << error.what() << '\n';
        return 1;
    }
    out << text::fill(text::tr("Added {1} as an administrator of {2} with the recovery key "
                               "(recorded in its audit log)."),
                      {records::trimmed(login), database})
        << "\n";
    return 0;
}

/// One line per member of the group: "CODE: session-id, session-id" (nothing after the colon when
/// he has had every session the group has delivered, or caught it up), for scripts and service
/// evaluation.
int catchUps(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
             std::ostream& err) {
    const auto given = option(arguments, "--group");
    if (given.empty())
        throw UsageError(text::tr("catch-ups needs --group GROUP_NO"));
    const auto group = recordNumber(given, "--group");
    auto store = signedIn(arguments, in, out, err);
    const auto list = practice::catchUpsOf(store, group);
    for (const auto& each : list) {
        out << each.member.code << ":";
        for (std::size_t i = 0; i < each.missed.size(); ++i)
            out << (i == 0 ? " " : ", ") << each.missed[i].curriculumSessionId;
        out << "\n";
    }
    return 0;
}

/// The group's register grid or outcome scores as a CSV file (Exports.h), created 0600 and
/// written whole or not at all; the export is recorded in the audit log.
int exportCsv(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
              std::ostream& err) {
    const std::string kind = arguments.size() > 1 ? arguments[1] : "";
    if (kind != "register" && kind != "outcomes")
        throw UsageError(text::tr("export needs register or outcomes"));
    const auto given = option(arguments, "--group");
    const auto file = option(arguments, "--out");
    if (given.empty() || file.empty())
        throw UsageError(
            text::fill(text::tr("export {1} needs --group GROUP_NO and --out FILE.csv"), {kind}));
    const auto group = recordNumber(given, "--group");
    auto store = signedIn(arguments, in, out, err);
    printing::exportCsv(store,
                        kind == "register"
                            ? practice::registerExport(practice::groupYear(store, group))
                            : practice::outcomesExport(practice::groupOutcomes(store, group)),
                        file);
    out << text::fill(text::tr("Wrote {1}."), {file}) << "\n";
    return 0;
}

int demo(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    auto database = databaseFile(arguments, text::trLater("demo needs --db PATH"));
    auto content = loadContent(arguments, err, text::tr("no demo was made"));
    if (!content)
        return 1;
    auto summary = practice::createDemoDatabase(database, content->programme, content->folder);
    out << text::fill(text::tr("Created the demo database {1}: {2} members, {3} delivered "
                               "sessions, {4} progress notes."),
                      {database, std::to_string(summary.members), std::to_string(summary.sessions),
                       std::to_string(summary.notes)})
        << "\n"
        << text::fill(text::tr("user: {1}"), {practice::kDemoLogin}) << "\n"
        << text::fill(text::tr("passphrase: {1}"), {practice::kDemoPassphrase}) << "\n";
    return 0;
}

}  // namespace

int run(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
        std::ostream& err) {
    if (arguments.empty()) {
        printUsage(err);
        return 2;
    }
    const auto& command = arguments.front();
    try {
        if (command == "--version") {
            out << "roundtable-cli " << ROUNDTABLE_VERSION << " "
                << text::fill(text::tr("(data format {1})"),
                              {std::to_string(records::RecordStore::dataFormat())})
                << "\n";
            return 0;
        }
        if (command == "validate" && arguments.size() == 2)
            return validate(arguments[1], out);
        if (command == "lint-easy-read" && arguments.size() == 2) {
            return lintEasyRead(arguments[1], out);
        }
        if (command == "curriculum" && arguments.size() > 1 && arguments[1] == "diff")
            return curriculumDiff(arguments, out, err);
        if (command == "demo")
            return demo(arguments, out, err);
        if (command == "audit" && arguments.size() > 1 && arguments[1] == "verify") {
            return auditVerify(arguments, in, out, err);
        }
        if (command == "verify")
            return verify(arguments, in, out, err);
        if (command == "backup")
            return backup(arguments, in, out, err);
        if (command == "restore")
            return restore(arguments, in, out, err);
        if (command == "recover")
            return recover(arguments, in, out, err);
        if (command == "catch-ups")
            return catchUps(arguments, in, out, err);
        if (command == "export")
            return exportCsv(arguments, in, out, err);
        if (command == "print")
            return print(arguments, in, out, err);
        if (command == "curriculum")
            return curriculum(arguments, in, out, err);
        if (command == "server")
            return server(arguments, in, out, err);
    } catch (const UsageError& error) {
        err << "roundtable-cli: " << error.what() << '\n';
        printUsage(err);
        return 2;
    } catch (const std::exception& error) {
        err << "roundtable-cli: " << error.what() << '\n';
        return 1;
    }
    printUsage(err);
    return 2;
}

}  // namespace roundtable::cli
