// roundtable-cli server init|migrate: the owner account's two jobs on a server (ServerSetup.h).
#include "cli/ServerCommand.h"

#include <filesystem>
#include <ostream>

#include "cli/CommandLine.h"
#include "cli/Passphrase.h"
#include "documents/PdfFile.h"
#include "documents/RecoveryKeySheet.h"
#include "records/RecordStore.h"
#include "records/ServerSetup.h"
#include "text/Translate.h"

namespace roundtable::cli {

// TRANSLATORS: the commands and options (roundtable-cli, --db, CONNECTION...) stay as they are.
const char* const kServerUsage = text::trLater(
    "       roundtable-cli server init --db CONNECTION --client-role ROLE --new-admin NAME\n"
    "                      --recovery-sheet FILE.pdf   (as the account that will own the store:\n"
    "                      makes the empty database a store for ROLE, the account the computers\n"
    "                      use; NAME's passphrase on standard input; the recovery key to FILE)\n"
    "       roundtable-cli server migrate --db CONNECTION   (as the owner: this version's format)\n"
    "       roundtable-cli server import --db FILE.rtdb --to CONNECTION --client-role ROLE\n"
    "                      --user NAME   (as the owner: the file's records to an empty database,\n"
    "                      verified there; an administrator's passphrase on standard input)\n"
    "       roundtable-cli server export --db CONNECTION --out FILE.rtdb --user NAME   (a new,\n"
    "                      verified database file of the store: its backup; an administrator)\n"
    "       --db takes a file (PATH) or a store on a PostgreSQL server (CONNECTION), as libpq\n"
    "       does: postgresql://HOST/DATABASE?sslmode=verify-full, or service=NAME\n");

namespace {

/// `given` (--db, or import's --to), which must name a server's database.
std::string serverConnection(const std::string& given, const char* needs) {
    if (given.empty())
        throw UsageError(text::tr(needs));
    if (!records::server::isServerLocation(given)) {
        throw UsageError(text::fill(
            text::tr("{1} is a file; server commands need a PostgreSQL server's database, such "
                     "as postgresql:///roundtable or service=clinic"),
            {given}));
    }
    return given;
}

int init(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
         std::ostream& err) {
    const char* needs = text::trLater(
        "server init needs --db CONNECTION, --client-role ROLE, --new-admin NAME and "
        "--recovery-sheet FILE.pdf");
    const auto connection = serverConnection(option(arguments, "--db"), needs);
    const auto role = option(arguments, "--client-role");
    const auto login = option(arguments, "--new-admin");
    const auto sheet = option(arguments, "--recovery-sheet");
    if (role.empty() || login.empty() || sheet.empty())
        throw UsageError(text::tr(needs));
    // The key is shown once: where it goes is checked before anything is made.
    const auto folder = std::filesystem::absolute(sheet).parent_path();
    if (std::filesystem::exists(sheet) || !std::filesystem::is_directory(folder)) {
        err << "roundtable-cli: "
            << text::fill(text::tr("The recovery key sheet needs a new file in a folder that "
                                   "exists: {1}. Nothing was done."),
                          {sheet})
            << "\n";
        return 1;
    }
    const auto passphrase =
        readPassphrase(in, err, text::trLater("The administrator's passphrase"));
    if (isTerminal(in) &&
        readPassphrase(in, err, text::trLater("The same passphrase again")) != passphrase) {
        err << "roundtable-cli: " << text::tr("The two passphrases differ; nothing was done.")
            << "\n";
        return 1;
    }
    // Refused before the server is touched, so that a short passphrase leaves no empty store.
    if (auto problem = records::RecordStore::passphraseProblem(passphrase); !problem.empty()) {
        err << "roundtable-cli: " << problem << "\n";
        return 1;
    }
    records::server::install(connection, role);
    auto created =
        records::RecordStore::createOnServer(connection, {records::trimmed(login), passphrase});
    documents::PdfOptions options;
    options.privateFile = true;  // the key opens every record
    try {
        documents::writePdf(
            documents::recoveryKeySheet(created.recoveryKey, connection, created.recoveryPublicKey),
            sheet, options);
    } catch (const std::exception& failure) {
        // The store is made and the key exists nowhere else: it must not be lost with the file.
        err << "roundtable-cli: "
            << text::fill(text::tr("The store was made, but its recovery key sheet could not be "
                                   "written ({1}). Write the recovery key down now and keep it "
                                   "locked away: {2}"),
                          {failure.what(), created.recoveryKey})
            << "\n";
        return 1;
    }
    out << text::fill(text::tr("Made the store on {1}, for the account {2}; {3} is its "
                               "administrator."),
                      {connection, role, records::trimmed(login)})
        << "\n"
        << text::fill(text::tr("The recovery key is in {1}: print it, keep it locked away, and "
                               "delete the file."),
                      {sheet})
        << "\n";
    return 0;
}

/// The file's records to a new store on the server, verified there; the file is only read.
int import(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
           std::ostream& err) {
    const char* needs = text::trLater(
        "server import needs --db FILE.rtdb, --to CONNECTION, --client-role ROLE and --user NAME");
    const auto file = databaseFile(arguments, needs);
    const auto connection = serverConnection(option(arguments, "--to"), needs);
    const auto role = option(arguments, "--client-role");
    const auto login = option(arguments, "--user");
    if (role.empty() || login.empty())
        throw UsageError(text::tr(needs));
    const auto passphrase = readPassphrase(in, err);
    auto imported = records::server::importFile(file, connection, role, login, passphrase);
    out << text::fill(text::tr("Copied {1} to {2}: {3} rows; on the server, {4} records and {5} "
                               "log events checked, every one as it was recorded. {1} was not "
                               "changed."),
                      {file, connection, std::to_string(imported.rows),
                       std::to_string(imported.recordsChecked), std::to_string(imported.logEvents)})
        << "\n";
    return 0;
}

/// The store on the server to a new database file, verified: its backup.
int exportFile(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
               std::ostream& err) {
    const char* needs =
        text::trLater("server export needs --db CONNECTION, --out FILE.rtdb and --user NAME");
    const auto connection = serverConnection(option(arguments, "--db"), needs);
    const auto file = option(arguments, "--out");
    const auto login = option(arguments, "--user");
    if (file.empty() || login.empty())
        throw UsageError(text::tr(needs));
    auto exported = records::server::exportFile(connection, file, login, readPassphrase(in, err));
    out << text::fill(text::tr("Wrote {1}: {2} rows; {3} records and {4} log events checked in "
                               "it, every one as it was recorded."),
                      {file, std::to_string(exported.rows), std::to_string(exported.recordsChecked),
                       std::to_string(exported.logEvents)})
        << "\n";
    return 0;
}

}  // namespace

int server(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
           std::ostream& err) {
    const std::string step = arguments.size() > 1 ? arguments[1] : "";
    if (step == "init")
        return init(arguments, in, out, err);
    if (step == "import")
        return import(arguments, in, out, err);
    if (step == "export")
        return exportFile(arguments, in, out, err);
    if (step == "migrate") {
        out << records::server::migrate(
                   serverConnection(option(arguments, "--db"),
                                    text::trLater("server migrate needs --db CONNECTION")))
            << "\n";
        return 0;
    }
    throw UsageError(text::tr("server needs init, migrate, import or export"));
}

}  // namespace roundtable::cli
