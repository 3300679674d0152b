// roundtable-cli: in-process through cli::run, and the built binary end to end.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include "cli/Commands.h"
#include "curriculum/MiniProgramme.h"
#include "documents/Fixtures.h"
#include "documents/PdfTools.h"
#include "support/RawSql.h"
#include "support/SmallService.h"
#include "support/TempDir.h"
#include "support/TestServer.h"
#include "support/TestStore.h"

using roundtable::cli::run;

namespace {
/// Every test process gets its own configuration folder: what "this computer" has seen of a
/// database's log is kept there, and a test must not read or write the user's own.
struct OwnConfigurationFolder {
    roundtable::test::TempDir dir;
    OwnConfigurationFolder() { ::setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1); }
} ownConfigurationFolder;

struct Output {
    int code;
    std::string out, err;
};
Output cli(const std::vector<std::string>& arguments, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out, err;
    int code = run(arguments, in, out, err);
    return {code, out.str(), err.str()};
}

/// Runs the built roundtable-cli with `arguments` (a shell command line's tail): its exit
/// status and what it printed on both outputs. `environment` ("NAME=value ...") is set for it.
struct BuiltOutput {
    int status;
    std::string output;
};
BuiltOutput builtCli(const std::string& arguments, const std::string& environment = {}) {
    auto command = environment + " " + ROUNDTABLE_CLI + " " + arguments + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[512] = {};
    std::string output;
    while (fgets(buffer, sizeof buffer, pipe))
        output += buffer;
    return {pclose(pipe), output};
}
}  // namespace

TEST_CASE("--version prints the version") {
    auto result = cli({"--version"});
    CHECK(result.code == 0);
    CHECK(result.out == "roundtable-cli " ROUNDTABLE_VERSION " (data format 10)\n");
}

TEST_CASE("validate passes the shipped programme") {
    auto result = cli({"validate", ROUNDTABLE_CONTENT});
    CHECK(result.code == 0);
    CHECK(result.out.find("no errors") != std::string::npos);
}

TEST_CASE("validate prints each problem as file:line:column: message and exits 1") {
    roundtable::test::MiniProgramme mini;
    mini.replace("modules/one.xml", "minutes=\"10\" picture=\"talking\"",
                 "minutes=\"ten\" picture=\"talking\"");
    mini.replace("modules/two.xml", "phase=\"treatment\"", "phase=\"therapy\"");
    auto result = cli({"validate", mini.path().string()});
    CHECK(result.code == 1);
    auto line = std::to_string(mini.lineOf("modules/one.xml", "minutes=\"ten\""));
    CHECK(result.out == mini.file("modules/one.xml") + ":" + line +
                            ":9: error: minutes=\"ten\" must be a whole number above zero\n" +
                            mini.file("modules/two.xml") +
                            ":2:1: error: phase=\"therapy\" must be treatment, maintenance or "
                            "carers\n");
}

TEST_CASE("lint-easy-read passes the shipped programme and exits 1 on a finding") {
    auto shipped = cli({"lint-easy-read", ROUNDTABLE_CONTENT});
    CHECK(shipped.code == 0);
    roundtable::test::MiniProgramme mini;
    mini.replace("modules/one.xml", "We said goodbye.", "We said GOODBYE.");
    auto result = cli({"lint-easy-read", mini.path().string()});
    CHECK(result.code == 1);
    CHECK(result.out.starts_with(mini.file("modules/one.xml") + ":" +
                                 std::to_string(mini.lineOf("modules/one.xml", "GOODBYE")) + ":"));
}

namespace {
/// The shipped relationships module copied into `dir` as `name`, with `edits` (from, to) made to
/// its text; fails the test when a `from` is not there. Returns the copy's path.
std::string moduleCopy(const roundtable::test::TempDir& dir, const std::string& name,
                       const std::vector<std::pair<std::string, std::string>>& edits = {}) {
    auto text = roundtable::test::readFile(ROUNDTABLE_CONTENT "/modules/02-relationships.xml");
    for (const auto& [from, to] : edits) {
        auto at = text.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, "text not found: " << from);
        text.replace(at, from.size(), to);
    }
    auto path = (dir / name).string();
    roundtable::test::writeFile(path, text);
    return path;
}

/// Two activities' minutes changed in the relationships module (25 to 20, 25 to 30).
const std::vector<std::pair<std::string, std::string>> kMinutesChanged = {
    {"<activity kind=\"teaching\" minutes=\"25\" picture=\"relationship\">",
     "<activity kind=\"teaching\" minutes=\"20\" picture=\"relationship\">"},
    {"<activity kind=\"worksheet\" minutes=\"25\" picture=\"worksheet\">",
     "<activity kind=\"worksheet\" minutes=\"30\" picture=\"worksheet\">"}};
}  // namespace

TEST_CASE(
    "the built binary's curriculum diff exits 0 when two module files have the same content") {
    roundtable::test::TempDir dir;
    auto older = moduleCopy(dir, "old.xml");
    auto newer = moduleCopy(dir, "new.xml",
                            {{"<module id=", "<!-- reviewed -->\n<module   id="},
                             {"Use a worked example:", "Use a\n              worked example:"}});
    auto built = builtCli("curriculum diff " + older + " " + newer);
    CHECK(built.status == 0);
    CHECK(built.output == older + " and " + newer + " have the same content\n");
}

TEST_CASE("the built binary's curriculum diff prints each difference and exits 1") {
    roundtable::test::TempDir dir;
    auto older = moduleCopy(dir, "old.xml");
    auto edits = kMinutesChanged;
    edits.emplace_back("Use a worked example:", "Use a short worked example:");
    auto newer = moduleCopy(dir, "new.xml", edits);
    auto built = builtCli("curriculum diff " + older + " " + newer);
    CHECK(WIFEXITED(built.status));
    CHECK(WEXITSTATUS(built.status) == 1);
    const std::string session = "Session \"relationships-01\" (Kinds of relationships): ";
    CHECK(built.output ==
          session + "activity 2 \"Who is in our lives\": minutes 25 -> 20\n" + session +
              "activity 2 \"Who is in our lives\": guidance paragraph 2: ... "
              "into these groups together. Use a {+short+} worked example: "
              "\"Dave works in the ...\n" +
              session + "activity 3 \"My relationship circles\": minutes 25 -> 30\n");
}

TEST_CASE("the built binary's curriculum diff exits 2 on a file missing or not a valid module") {
    roundtable::test::TempDir dir;
    auto older = moduleCopy(dir, "old.xml");
    auto missing = (dir / "missing.xml").string();
    auto absent = builtCli("curriculum diff " + older + " " + missing);
    CHECK(WEXITSTATUS(absent.status) == 2);
    CHECK(absent.output == missing + ": error: the file does not exist or cannot be read\n" +
                               "roundtable-cli: cannot compare: " + missing +
                               " is not a module that can be read without errors\n");

    auto broken = moduleCopy(
        dir, "broken.xml",
        {{"<title>Kinds of relationships</title>", "<title>Kinds of relationships</titel>"}});
    auto text = roundtable::test::readFile(broken);
    auto at = text.find("</titel>");
    auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
    auto column = at - text.rfind('\n', at) + 2;
    auto bad = builtCli("curriculum diff " + broken + " " + older);
    CHECK(WEXITSTATUS(bad.status) == 2);
    CHECK(bad.output.starts_with(broken + ":" + std::to_string(line) + ":" +
                                 std::to_string(column) +
                                 ": error: the XML is not well formed: an end tag does not match "
                                 "the tag that is open here\n"));

    // In process: the findings on the error output, nothing on the output.
    auto inProcess = cli({"curriculum", "diff", broken, older});
    CHECK(inProcess.code == 2);
    CHECK(inProcess.out == "");
    CHECK(inProcess.err.find(broken + " is not a module that can be read without errors") !=
          std::string::npos);
}

TEST_CASE("curriculum diff without two files prints the usage and exits 2") {
    auto one = cli({"curriculum", "diff", "old.xml"});
    CHECK(one.code == 2);
    CHECK(one.err.starts_with(
        "roundtable-cli: curriculum diff takes two module files: OLD.xml NEW.xml\nusage:"));
    CHECK(one.err.find("roundtable-cli curriculum diff OLD.xml NEW.xml") != std::string::npos);
    CHECK(cli({"curriculum"}).code == 2);
}

TEST_CASE("audit verify signs in with a passphrase from standard input and checks the chain") {
    roundtable::test::TempDir dir;
    auto database = (dir / "s.rtdb").string();
    { (void)roundtable::test::createTestStore(database); }
    auto intact =
        cli({"audit", "verify", "--db", database, "--user", "admin"}, "correct horse battery\n");
    CHECK(intact.code == 0);
    // Creating: its event, the administrator's certificate, her three rows; then the sign-in.
    CHECK(intact.out == "audit log: intact (6 rows)\n");
    auto wrong = cli({"audit", "verify", "--db", database, "--user", "admin"}, "wrong\n");
    CHECK(wrong.code == 1);
    CHECK(wrong.err == "roundtable-cli: The user name or passphrase is not right.\n");
    auto missing = cli({"audit", "verify", "--db", database});
    CHECK(missing.code == 2);
    CHECK(missing.err.starts_with("roundtable-cli: this command needs --db PATH and --user NAME"));
}

TEST_CASE("verify names every damaged record and exits 1: an untouched database exits 0") {
    roundtable::test::TempDir dir;
    auto database = (dir / "s.rtdb").string();
    {
        auto store = roundtable::test::createTestStore(database);
        store.addGroup("Tuesday group", roundtable::records::GroupKind::treatment);
        store.addGroup("Carers", roundtable::records::GroupKind::maintenance);
    }
    auto clean = cli({"verify", "--db", database, "--user", "admin"}, "correct horse battery\n");
    CHECK(clean.code == 0);
    CHECK(clean.out.starts_with(
        "audit log: intact (10 events)\nrecords: 5 checked, every one as it was recorded\n"
        "signatures: 4 checked, each by the key of the person the log names\n"
        "log head: 10:"));
    CHECK(roundtable::test::rawSql(database,
                                   "UPDATE groups SET kind = 'carers' WHERE id = 2; "
                                   "DELETE FROM groups WHERE id = 1") == "");
    auto damaged = cli({"verify", "--db", database, "--user", "admin"}, "correct horse battery\n");
    CHECK(damaged.code == 1);
    CHECK(damaged.out.starts_with(
        "audit log: intact (11 events)\n"
        "DAMAGED: The group (groups 2) was changed outside Roundtable after it was recorded.\n"
        "DAMAGED: The group (groups 1) is in the audit log but no longer in the file: it was "
        "deleted.\n"
        "records: 4 checked, 2 damaged\n"
        "signatures: 5 checked, each by the key of the person the log names\n"));
}

TEST_CASE("an older copy put back is noticed by the computer that saw the newer one") {
    roundtable::test::TempDir dir;
    auto database = (dir / "s.rtdb").string();
    auto older = (dir / "older.rtdb").string();
    { (void)roundtable::test::createTestStore(database); }
    auto verify = [&] {
        return cli({"verify", "--db", database, "--user", "admin"}, "correct horse battery\n");
    };
    CHECK(verify().code == 0);  // this computer has now seen the log to here
    std::filesystem::copy_file(database, older);
    {
        auto store = roundtable::test::openTestStore(database);
        store.addGroup("Added after the copy", roundtable::records::GroupKind::treatment);
    }
    CHECK(verify().code == 0);
    std::filesystem::copy_file(older, database, std::filesystem::copy_options::overwrite_existing);
    auto rolledBack = verify();
    CHECK(rolledBack.code == 1);
    CHECK(rolledBack.out.starts_with(
        "WARNING: Records may be missing: this database's log ends at "));
    CHECK(rolledBack.out.find(" UTC (event 6), before a point seen earlier at ") !=
          std::string::npos);
    CHECK(rolledBack.out.find(" UTC (event 10) (an older copy, or a cut log).") !=
          std::string::npos);
    // The warning is in the database's own log, and the next check starts from what it saw.
    CHECK(roundtable::test::rawCount(
              database, "SELECT COUNT(*) FROM audit_events WHERE kind = 'log-behind-seen-head'") ==
          1);
    CHECK(verify().code == 0);
    // Other commands refuse to add to a database whose log does not reach what was seen.
    std::filesystem::copy_file(older, database, std::filesystem::copy_options::overwrite_existing);
    auto backup =
        cli({"backup", "--db", database, "--out", (dir / "b.rtdb").string(), "--user", "admin"},
            "correct horse battery\n");
    CHECK(backup.code == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "b.rtdb"));
}

TEST_CASE("verify --expect-head checks a head printed earlier, such as a backup's") {
    roundtable::test::TempDir dir;
    auto database = (dir / "s.rtdb").string();
    { (void)roundtable::test::createTestStore(database); }
    auto backup =
        cli({"backup", "--db", database, "--out", (dir / "b.rtdb").string(), "--user", "admin"},
            "correct horse battery\n");
    REQUIRE(backup.code == 0);
    auto at = backup.out.find("log head in the backup: ");
    REQUIRE(at != std::string::npos);
    auto head = backup.out.substr(at + 24, backup.out.find(' ', at + 24) - (at + 24));
    auto expect = [&](const std::string& expected) {
        return cli({"verify", "--db", database, "--user", "admin", "--expect-head", expected},
                   "correct horse battery\n");
    };
    CHECK(expect(head).code == 0);
    // The log cut back before that point (the newest events deleted, their trigger dropped).
    CHECK(roundtable::test::rawSql(database,
                                   "DROP TRIGGER audit_events_are_kept_delete; DELETE FROM "
                                   "audit_events WHERE id >= " +
                                       head.substr(0, head.find(':'))) == "");
    auto cut = expect(head);
    CHECK(cut.code == 1);
    CHECK(cut.out.find("WARNING: Records may be missing: this database's log ends at ") !=
          std::string::npos);
    auto malformed = expect("12:not-a-chain");
    CHECK(malformed.code == 2);
}

TEST_CASE("backup and restore from the command line") {
    roundtable::test::TempDir dir;
    auto database = (dir / "s.rtdb").string();
    {
        auto store = roundtable::test::createTestStore(database);
        store.addGroup("Tuesday group", roundtable::records::GroupKind::treatment);
    }
    auto backup =
        cli({"backup", "--db", database, "--out", (dir / "b.rtdb").string(), "--user", "admin"},
            "correct horse battery\n");
    CHECK(backup.code == 0);
    CHECK(backup.out.find("verified: integrity ok") != std::string::npos);
    auto restore =
        cli({"restore", "--backup", (dir / "b.rtdb").string(), "--db", database, "--user", "admin"},
            "correct horse battery\n");
    CHECK(restore.code == 0);
    CHECK(restore.out.find("The file it replaced is kept as") != std::string::npos);
    CHECK(roundtable::test::openTestStore(database).groups().at(0).name == "Tuesday group");
    CHECK(roundtable::test::rawCount(
              database, "SELECT COUNT(*) FROM audit_events WHERE kind = 'restore-from-backup'") ==
          1);
}

TEST_CASE("restore needs an administrator's name and passphrase") {
    roundtable::test::TempDir dir;
    auto database = (dir / "s.rtdb").string();
    auto backupFile = (dir / "b.rtdb").string();
    { roundtable::test::createTestStore(database).backupTo(backupFile); }
    auto noUser = cli({"restore", "--backup", backupFile, "--db", database});
    CHECK(noUser.code == 2);
    CHECK(noUser.err.starts_with(
        "roundtable-cli: restore needs --backup FILE, --db PATH and --user NAME\n"));
    auto before = roundtable::test::readFile(database);
    auto wrong =
        cli({"restore", "--backup", backupFile, "--db", database, "--user", "admin"}, "wrong\n");
    CHECK(wrong.code == 1);
    CHECK(wrong.err ==
          "roundtable-cli: The user name or passphrase is not right. Nothing was restored: the "
          "database is as it was.\n");
    CHECK(roundtable::test::readFile(database) == before);
}

TEST_CASE("under the pseudo-locale the built binary's usage and messages are all translated") {
    // en@pseudo wraps every message of the catalog in ⟦ ⟧ (po/CMakeLists.txt): a line without
    // the marker is hard-coded. C.UTF-8: glibc ignores LANGUAGE under the plain "C" locale.
    const std::string pseudo =
        std::string("LC_ALL=C.UTF-8 LANGUAGE=en@pseudo ROUNDTABLE_LOCALEDIR=") +
        ROUNDTABLE_BUILD_LOCALE;
    const std::string open = "\u27E6", close = "\u27E7";
    auto usage = builtCli("--help", pseudo);
    CHECK(WEXITSTATUS(usage.status) == 2);
    std::istringstream lines(usage.output);
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        CHECK_MESSAGE(line.starts_with(open), "not translated: " << line);
        CHECK_MESSAGE(line.ends_with(close), "not translated: " << line);
    }
    CHECK(count > 20);  // the commands, curriculum's and print's
    auto missing = builtCli("backup --db x.rtdb --user someone", pseudo);
    CHECK(WEXITSTATUS(missing.status) == 2);
    CHECK(missing.output.starts_with("roundtable-cli: " + open + "backup needs --out FILE" + close +
                                     "\n"));
    // Without the pseudo-locale, the same English as ever.
    CHECK(builtCli("backup --db x.rtdb --user someone")
              .output.starts_with("roundtable-cli: backup needs --out FILE\n"));
}

TEST_CASE("under the pseudo-locale what diff, lint-easy-read and verify found is translated") {
    // The descriptions are made in the curriculum and records libraries, not in the CLI: each
    // comes out wrapped in the pseudo-locale's markers, the curriculum's own text (a session's
    // title, a word of an easy-read point) as it is.
    const std::string pseudo =
        std::string("LC_ALL=C.UTF-8 LANGUAGE=en@pseudo ROUNDTABLE_LOCALEDIR=") +
        ROUNDTABLE_BUILD_LOCALE;
    const std::string open = "\u27E6", close = "\u27E7";
    roundtable::test::TempDir dir;

    auto older = moduleCopy(dir, "old.xml");
    auto newer = moduleCopy(dir, "new.xml", kMinutesChanged);
    auto diff = builtCli("curriculum diff " + older + " " + newer, pseudo);
    CHECK(WEXITSTATUS(diff.status) == 1);
    CHECK(diff.output.starts_with(open + "Session \"relationships-01\" (Kinds of relationships)" +
                                  close + ": " + open + "activity 2 \"Who is in our lives\"" +
                                  close + ": " + open + "minutes" + close + " 25 -> 20\n"));

    roundtable::test::MiniProgramme mini;
    mini.replace("modules/one.xml", "We said goodbye.", "We said GOODBYE.");
    auto lint = builtCli("lint-easy-read " + mini.path().string(), pseudo);
    CHECK(WEXITSTATUS(lint.status) == 1);
    CHECK_MESSAGE(lint.output.find(": error: " + open +
                                   "\"GOODBYE\" is written in capitals; easy-read text uses a "
                                   "capital only at the start of a sentence or a name" +
                                   close + "\n") != std::string::npos,
                  lint.output);

    auto database = (dir / "s.rtdb").string();
    {
        auto store = roundtable::test::createTestStore(database);
        store.addGroup("Tuesday group", roundtable::records::GroupKind::treatment);
    }
    CHECK(roundtable::test::rawSql(database, "UPDATE groups SET kind = 'carers' WHERE id = 1") ==
          "");
    roundtable::test::writeFile(dir / "passphrase",
                                std::string(roundtable::test::kTestPassphrase) + "\n");
    auto verify = builtCli(
        "verify --db " + database + " --user admin < " + (dir / "passphrase").string(), pseudo);
    CHECK(WEXITSTATUS(verify.status) == 1);
    CHECK_MESSAGE(verify.output.find(open + "DAMAGED: " + open + "The " + open + "group" + close +
                                     " (groups 1) was changed outside Roundtable after it was "
                                     "recorded." +
                                     close + close + "\n") != std::string::npos,
                  verify.output);
}

TEST_CASE("a wrong command line prints the usage and exits 2") {
    CHECK(cli({}).code == 2);
    CHECK(cli({"frobnicate"}).code == 2);
    auto missing = cli({"demo"});
    CHECK(missing.code == 2);
    CHECK(missing.err.starts_with("roundtable-cli: demo needs --db PATH"));
}

TEST_CASE("the built binary creates the demo database and refuses to overwrite it") {
    roundtable::test::TempDir dir;
    auto database = (dir / "demo.rtdb").string();
    auto built = builtCli("demo --db " + database);
    CHECK(built.status == 0);
    CHECK(built.output.find("8 members, 10 delivered sessions") != std::string::npos);
    CHECK(std::filesystem::file_size(database) > 0);

    auto again = cli({"demo", "--db", database});
    CHECK(again.code == 1);
    CHECK(again.err.find("already exists") != std::string::npos);
}

TEST_CASE("print writes each kind of curriculum document as a PDF and exits 0") {
    roundtable::test::TempDir dir;
    for (auto arguments : std::vector<std::vector<std::string>>{
             {"print", "handout", "--session", "relationships-01"},
             {"print", "carers-pack", "--module", "relationships"},
             {"print", "carers-pack"},
             {"print", "easy-read-summary", "--session", "relationships-01"},
             {"print", "session-plan", "--session", "relationships-01", "--start", "13:30"}}) {
        auto file = dir / (arguments[1] + std::to_string(arguments.size()) + ".pdf");
        arguments.insert(arguments.end(),
                         {"--out", file.string(), "--content", ROUNDTABLE_CONTENT});
        INFO(arguments[1]);
        auto result = cli(arguments);
        CHECK(result.code == 0);
        CHECK(result.err == "");
        CHECK(result.out.starts_with("Wrote " + file.string() + " ("));
        CHECK(roundtable::test::pdfInfo(file).width == 595);
    }
}

TEST_CASE("print puts the service's contact details on carers' documents, on the paper asked for") {
    roundtable::test::TempDir dir;
    auto file = dir / "handout.pdf";
    auto result = cli({"print", "handout", "--session", "carers-01", "--out", file.string(),
                       "--paper", "letter", "--contact-name", "Northside Group Service",
                       "--contact-phone", "01632 960 123", "--contact-address", "12 Mill Lane",
                       "--contact-address", "Northtown"});
    REQUIRE(result.code == 0);
    CHECK(result.out == "Wrote " + file.string() + " (2 pages).\n");
    auto info = roundtable::test::pdfInfo(file);
    CHECK(info.width == 612);
    CHECK(info.height == 792);
    auto text = roundtable::test::folded(roundtable::test::pageTexts(file).back());
    CHECK(text.find("Northside Group Service Phone: 01632 960 123 12 Mill Lane Northtown") !=
          std::string::npos);
}

TEST_CASE("print exits 1 with a plain message and leaves no file when it cannot print") {
    roundtable::test::TempDir dir;
    auto file = (dir / "out.pdf").string();
    auto session = cli({"print", "handout", "--session", "no-such-session", "--out", file});
    CHECK(session.code == 1);
    CHECK(session.err.starts_with(
        "roundtable-cli: There is no session \"no-such-session\" in the programme in "));
    auto module = cli({"print", "carers-pack", "--module", "no-such-module", "--out", file});
    CHECK(module.code == 1);
    CHECK(module.err.starts_with(
        "roundtable-cli: There is no module \"no-such-module\" in the programme in "));
    auto folder = (dir / "missing" / "out.pdf").string();
    auto unwritable =
        cli({"print", "easy-read-summary", "--session", "carers-01", "--out", folder});
    CHECK(unwritable.code == 1);
    CHECK(unwritable.err ==
          "roundtable-cli: Cannot write " + folder + ": No such file or directory.\n");
    roundtable::test::MiniProgramme mini;
    mini.replace("modules/one.xml", "phase=\"treatment\"", "phase=\"therapy\"");
    auto broken = cli({"print", "carers-pack", "--content", mini.path().string(), "--out", file});
    CHECK(broken.code == 1);
    CHECK(broken.err.find("has errors; nothing was printed.") != std::string::npos);
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("print with a wrong command line prints the usage and exits 2") {
    auto wrong = [](const std::vector<std::string>& arguments, const std::string& message) {
        INFO(message);
        auto result = cli(arguments);
        CHECK(result.code == 2);
        CHECK(result.err.starts_with("roundtable-cli: " + message + "\n"));
        CHECK(result.err.find("roundtable-cli print handout --session ID") != std::string::npos);
    };
    const std::string kinds =
        "print needs a kind of document: handout, carers-pack, easy-read-summary, session-plan, "
        "sign-in-sheet, register, group-outcomes, member-report or relapse-plan";
    wrong({"print"}, kinds);
    wrong({"print", "registers"}, kinds);
    wrong({"print", "handout", "--session", "carers-01"}, "print handout needs --out FILE.pdf");
    wrong({"print", "handout", "--out", "x.pdf"}, "print handout needs --session ID");
    wrong({"print", "handout", "--sesion", "carers-01", "--out", "x.pdf"},
          "print handout does not take --sesion");
    wrong({"print", "session-plan", "--session", "carers-01", "--out", "x.pdf", "--contact-name",
           "A"},
          "print session-plan does not take --contact-name");
    wrong({"print", "handout", "--session", "carers-01", "--out"}, "--out needs a value");
    wrong({"print", "handout", "--session", "carers-01", "--out", "x.pdf", "--paper", "a5"},
          "--paper takes a4 or letter");
    wrong({"print", "session-plan", "--session", "carers-01", "--out", "x.pdf", "--start", "9am"},
          "--start takes a time of day as HH:MM, such as 10:00");
    wrong({"print", "handout", "--session", "a", "--session", "b", "--out", "x.pdf"},
          "--session is given more than once");
}

TEST_CASE("the built binary prints a carers' handout") {
    roundtable::test::TempDir dir;
    auto file = dir / "handout.pdf";
    auto built = builtCli("print handout --session relationships-01 --out " +
                          roundtable::test::quoted(file));
    CHECK(built.status == 0);
    CHECK(built.output == "Wrote " + file.string() + " (2 pages).\n");
    CHECK(roundtable::test::pdfInfo(file).pages == 2);
}

namespace {

/// A database holding the small service (tests/support/SmallService.h), closed.
struct ServiceDatabase {
    roundtable::test::TempDir dir;
    std::filesystem::path database = dir / "service.rtdb";
    roundtable::test::SmallService service;
    ServiceDatabase() {
        auto store = roundtable::test::createTestStore(database);
        service = roundtable::test::writeSmallService(store, roundtable::test::shippedProgramme());
    }

    /// roundtable-cli print KIND `options` --db ... --user admin --out DIR/NAME.pdf, with the
    /// passphrase on standard input.
    Output print(const std::string& kind, std::vector<std::string> options,
                 const std::filesystem::path& file) const {
        std::vector<std::string> arguments{"print", kind};
        arguments.insert(arguments.end(), options.begin(), options.end());
        arguments.insert(arguments.end(),
                         {"--db", database.string(), "--user", "admin", "--out", file.string()});
        return cli(arguments, std::string(roundtable::test::kTestPassphrase) + "\n");
    }

    [[nodiscard]] std::int64_t exports(const std::string& recordKind, std::int64_t id) const {
        return roundtable::test::rawCount(
            database,
            "SELECT COUNT(*) FROM audit_events WHERE kind = 'export' AND record_kind = '" +
                recordKind + "' AND record_id = " + std::to_string(id) + " AND login = 'admin'");
    }
};

int modeOf(const std::filesystem::path& file) {
    struct stat status {};
    REQUIRE(::stat(file.c_str(), &status) == 0);
    return static_cast<int>(status.st_mode & 0777);
}

/// The PDF's pages as PNGs at 60 dpi in the build folder: build/document-NAME-N.png.
void keepPng(const std::filesystem::path& pdf, const std::string& name) {
    auto prefix = std::filesystem::path(ROUNDTABLE_PNG_DIR) / ("document-" + name);
    roundtable::test::runPdfTool("pdftoppm", "-png -r 60 " + roundtable::test::quoted(pdf) + " " +
                                                 roundtable::test::quoted(prefix));
}

/// Every page says "Confidential"; the whole text holds Owen's name and no other member's name
/// or code; every font is embedded.
void checkConfidentialAboutOwenOnly(const std::filesystem::path& pdf) {
    std::string all;
    for (const auto& page : roundtable::test::pageTexts(pdf)) {
        auto text = roundtable::test::folded(page);
        CHECK(text.find("Confidential") != std::string::npos);
        all += text + " ";
    }
    CHECK(all.find("Owen Marsh") != std::string::npos);
    for (const char* other : {"Callum", "R0002", "Dev Patel", "R0003"}) {
        INFO(other);
        CHECK(all.find(other) == std::string::npos);
    }
    for (const auto& font : roundtable::test::pdfFonts(pdf))
        CHECK(font.embedded);
}

}  // namespace

TEST_CASE(
    "print makes each document from the records, audited as an export, 0600 when it "
    "names members") {
    ServiceDatabase db;
    const auto& service = db.service;
    const auto week1 = std::to_string(service.sessions[0]);
    const auto week5 = std::to_string(service.sessions[4]);
    struct Print {
        std::string kind;
        std::vector<std::string> options;
        std::string file, recordKind;
        std::int64_t record;
    };
    const std::vector<Print> prints = {
        {"session-plan",
         {"--session", week1},
         "session-plan-from-record",
         "session-plan",
         service.sessions[0]},
        {"sign-in-sheet",
         {"--session", week5},
         "sign-in-sheet",
         "sign-in-sheet",
         service.sessions[4]},
        {"register",
         {"--group", std::to_string(service.group), "--paper", "letter"},
         "register",
         "register",
         service.group},
        {"member-report",
         {"--member", "R0001", "--concerns", "--summary", "He has settled into the group."},
         "member-report",
         "member-report",
         service.owen},
        {"relapse-plan",
         {"--member", "R0001"},
         "relapse-plan-formal",
         "relapse-plan",
         service.owen},
        {"relapse-plan",
         {"--member", "R0001", "--easy-read"},
         "relapse-plan",
         "easy-read-relapse-plan",
         service.owen},
    };
    for (const auto& each : prints) {
        INFO(each.file);
        auto file = db.dir / (each.file + ".pdf");
        auto result = db.print(each.kind, each.options, file);
        CHECK(result.code == 0);
        CHECK(result.err == "");
        CHECK(result.out.starts_with("Wrote " + file.string() + " ("));
        CHECK(db.exports(each.recordKind, each.record) == 1);
        if (each.kind != "session-plan")
            CHECK(modeOf(file) == 0600);
    }
    // The session plan is the record's: its date, group and start time.
    auto plan = roundtable::test::folded(
        roundtable::test::pageTexts(db.dir / "session-plan-from-record.pdf").front());
    CHECK(plan.find("Planned from: version 1, as printed here") != std::string::npos);
    CHECK(plan.find("Date: 2026-09-03 Group: Thursday group") != std::string::npos);
    CHECK(plan.find("13:30\u201313:") != std::string::npos);
    auto registerInfo = roundtable::test::pdfInfo(db.dir / "register.pdf");
    CHECK(registerInfo.width == 792);
    CHECK(registerInfo.height == 612);
    // Exporting is recorded in the signed log like any event: the database still verifies.
    auto verified = cli({"verify", "--db", db.database.string(), "--user", "admin"},
                        std::string(roundtable::test::kTestPassphrase) + "\n");
    CHECK(verified.code == 0);
    keepPng(db.dir / "session-plan-from-record.pdf", "session-plan-from-record");
    keepPng(db.dir / "sign-in-sheet.pdf", "sign-in-sheet");
}

TEST_CASE("a member's report and formal plan are confidential on every page and name only him") {
    ServiceDatabase db;
    auto report = db.dir / "report.pdf";
    REQUIRE(db.print("member-report", {"--member", "R0001", "--concerns"}, report).code == 0);
    checkConfidentialAboutOwenOnly(report);
    auto info = roundtable::test::pdfInfo(report);
    CHECK(info.width == 595);
    CHECK(info.pages >= 2);
    CHECK(info.title == "Progress report: R0001");
    auto text = roundtable::test::folded(roundtable::test::pageTexts(report).front());
    CHECK(text.find("present at 5 of 6 (83%)") != std::string::npos);
    keepPng(report, "member-report");

    auto plan = db.dir / "plan.pdf";
    REQUIRE(db.print("relapse-plan", {"--member", "R0001"}, plan).code == 0);
    checkConfidentialAboutOwenOnly(plan);
    keepPng(plan, "relapse-plan-formal");

    // His own easy-read copy: a booklet (A4 sheets on their side), every text 14 pt or more.
    auto own = db.dir / "own.pdf";
    REQUIRE(db.print("relapse-plan", {"--member", "R0001", "--easy-read"}, own).code == 0);
    CHECK(roundtable::test::pdfInfo(own).width == 842);
    CHECK(roundtable::test::pdfInfo(own).pages % 2 == 0);
    for (const auto& line : roundtable::test::textLines(own)) {
        INFO(line.text);
        CHECK(line.smallestSize >= 14);
    }
}

TEST_CASE("catch-ups prints each member's curriculum sessions not had, and looking is audited") {
    ServiceDatabase db;
    auto result =
        cli({"catch-ups", "--group", "1", "--db", db.database.string(), "--user", "admin"},
            std::string(roundtable::test::kTestPassphrase) + "\n");
    CHECK(result.code == 0);
    // Owen was absent at the fourth; Callum missed the second and left after the fifth; Dev
    // joined at the third and was absent at the fifth.
    CHECK(result.out ==
          "R0001: framework-04\n"
          "R0002: framework-02\n"
          "R0003: framework-01, framework-02, framework-05\n");
    CHECK(roundtable::test::rawCount(db.database,
                                     "SELECT COUNT(*) FROM audit_events WHERE "
                                     "record_kind = 'catch-ups' AND record_id = 1") == 1);
    // Owen attends a catch-up of the fourth session: it is no longer listed.
    {
        auto store = roundtable::test::openTestStore(db.database);
        roundtable::practice::Practice practice(store, roundtable::test::shippedProgramme());
        auto catchUp =
            practice.planCatchUp(db.service.group, "framework-04", {db.service.owen}, "2026-10-30");
        practice.recordAttendance(catchUp, db.service.owen,
                                  roundtable::records::Attendance::attended, "");
        practice.markDelivered(catchUp);
    }
    result = cli({"catch-ups", "--group", "1", "--db", db.database.string(), "--user", "admin"},
                 std::string(roundtable::test::kTestPassphrase) + "\n");
    CHECK(result.out ==
          "R0001:\n"
          "R0002: framework-02\n"
          "R0003: framework-01, framework-02, framework-05\n");
    auto unknown =
        cli({"catch-ups", "--group", "9", "--db", db.database.string(), "--user", "admin"},
            std::string(roundtable::test::kTestPassphrase) + "\n");
    CHECK(unknown.code == 1);
    CHECK(unknown.err == "roundtable-cli: There is no group with id 9.\n");
    auto wrong = cli({"catch-ups", "--group", "one", "--db", db.database.string()});
    CHECK(wrong.code == 2);
    CHECK(wrong.err.starts_with("roundtable-cli: --group takes a record's number, such as 12\n"));
}

TEST_CASE("export writes the register grid and the outcome scores as CSV, private and audited") {
    ServiceDatabase db;
    auto exportTo = [&](const std::string& kind, const std::string& group,
                        const std::filesystem::path& file) {
        return cli({"export", kind, "--group", group, "--out", file.string(), "--db",
                    db.database.string(), "--user", "admin"},
                   std::string(roundtable::test::kTestPassphrase) + "\n");
    };
    auto readAll = [](const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    auto registerFile = db.dir / "register.csv";
    auto wrote = exportTo("register", "1", registerFile);
    REQUIRE(wrote.code == 0);
    CHECK(wrote.out == "Wrote " + registerFile.string() + ".\n");
    CHECK(modeOf(registerFile) == 0600);
    // Sessions by date; each man's letters; not a member then: empty; not held: x.
    CHECK(readAll(registerFile) ==
          "code,joined,left,present,counted,2026-09-03 framework-01,2026-09-10 framework-02,"
          "2026-09-17 framework-03,2026-09-24 framework-04,2026-10-01 framework-05,"
          "2026-10-08 relationships-01,2026-10-15 relationships-02,"
          "2026-10-22 relationships-02\r\n"
          "R0001,2026-09-03,,5,6,P,L,P,A,P,E,x,\r\n"
          "R0002,2026-09-03,2026-10-01,4,5,P,U,P,P,P,,x,\r\n"
          "R0003,2026-09-17,,3,4,,,P,P,U,P,x,\r\n");
    CHECK(db.exports("register-csv", 1) == 1);

    auto outcomesFile = db.dir / "outcomes.csv";
    REQUIRE(exportTo("outcomes", "1", outcomesFile).code == 0);
    CHECK(modeOf(outcomesFile) == 0600);
    const auto outcomes = readAll(outcomesFile);
    CHECK(outcomes.starts_with("code,measure,time_point,taken_on,score\r\n"));
    CHECK(outcomes.find("R0001,sexual-knowledge,before,2026-09-01,41\r\n") != std::string::npos);
    CHECK(outcomes.find("R0002,sexual-knowledge,before,2026-09-01,35\r\n") != std::string::npos);
    CHECK(db.exports("outcomes-csv", 1) == 1);

    // An unknown group: exit 1, no file, nothing recorded.
    auto none = db.dir / "none.csv";
    auto unknown = exportTo("register", "9", none);
    CHECK(unknown.code == 1);
    CHECK(unknown.err == "roundtable-cli: There is no group with id 9.\n");
    CHECK_FALSE(std::filesystem::exists(none));
    CHECK(db.exports("register-csv", 9) == 0);
    auto wrongKind = cli({"export", "notes", "--group", "1", "--out", none.string()});
    CHECK(wrongKind.code == 2);
    CHECK(wrongKind.err.starts_with("roundtable-cli: export needs register or outcomes\n"));
}

TEST_CASE("printed dates are written in the order --date-order gives") {
    ServiceDatabase db;
    auto report = db.dir / "report.pdf";
    REQUIRE(db.print("member-report",
                     {"--member", "R0001", "--from", "2026-09-15", "--to", "2026-09-30",
                      "--date-order", "day-month-year"},
                     report)
                .code == 0);
    auto text = roundtable::test::folded(roundtable::test::pageTexts(report).front());
    CHECK(text.find("15/09/2026 to 30/09/2026") != std::string::npos);
    CHECK(text.find("2026-09-") == std::string::npos);
    // By default, the order of the language (the C locale's is year-month-day).
    REQUIRE(db.print("member-report",
                     {"--member", "R0001", "--from", "2026-09-15", "--to", "2026-09-30"}, report)
                .code == 0);
    text = roundtable::test::folded(roundtable::test::pageTexts(report).front());
    CHECK(text.find("2026-09-15 to 2026-09-30") != std::string::npos);
}

TEST_CASE("a group's outcomes print as the group's figures, naming no member, audited") {
    ServiceDatabase db;
    auto report = db.dir / "outcomes.pdf";
    auto result = db.print("group-outcomes", {"--group", std::to_string(db.service.group)}, report);
    REQUIRE(result.code == 0);
    CHECK(db.exports("group-outcomes", db.service.group) == 1);
    CHECK(roundtable::test::pdfInfo(report).title == "Outcomes: Thursday group");
    std::string all;
    for (const auto& page : roundtable::test::pageTexts(report))
        all += roundtable::test::folded(page) + " ";
    CHECK(all.find("Confidential") != std::string::npos);
    CHECK(all.find("Members: 3") != std::string::npos);
    // Owen's 41 and Callum's 35 before the programme; Owen's rating of 7 at the first session.
    CHECK(all.find("Before the group starts 2 38.0 35 to 41") != std::string::npos);
    CHECK(all.find("2026-09-03 Welcome and getting to know each other 1 7.0 7") !=
          std::string::npos);
    for (const char* member : {"Owen", "R0001", "Callum", "R0002", "Dev Patel", "R0003"}) {
        INFO(member);
        CHECK(all.find(member) == std::string::npos);
    }
    keepPng(report, "group-outcomes");
}

TEST_CASE("print from the records exits 1 with a plain message, leaves no file, records nothing") {
    ServiceDatabase db;
    auto file = db.dir / "out.pdf";
    auto fails = [&](const std::string& kind, const std::vector<std::string>& options,
                     const std::string& message) {
        INFO(kind << " " << message);
        auto result = db.print(kind, options, file);
        CHECK(result.code == 1);
        CHECK(result.err == "roundtable-cli: " + message + "\n");
        CHECK_FALSE(std::filesystem::exists(file));
    };
    fails("sign-in-sheet", {"--session", "999"}, "There is no session with id 999");
    fails("register", {"--group", "999"}, "There is no group with id 999.");
    fails("member-report", {"--member", "R0999"}, "There is no member with the code R0999.");
    fails("member-report", {"--member", "R0001", "--from", "2026-09-20", "--to", "2026-09-30"},
          "Nothing signed about R0001 falls between 2026-09-20 and 2026-09-30: there is nothing "
          "to report.");
    fails("relapse-plan", {"--member", "R0003"},
          "There is no relapse-prevention plan for R0003 yet.");
    fails("member-report", {"--member", "R0001", "--summary-file", (db.dir / "none.txt").string()},
          "Cannot read the summary file " + (db.dir / "none.txt").string() + ".");
    CHECK(roundtable::test::rawCount(
              db.database, "SELECT COUNT(*) FROM audit_events WHERE kind = 'export'") == 0);
    auto wrong = cli({"print", "register", "--group", "1", "--db", db.database.string(), "--user",
                      "admin", "--out", file.string()},
                     "not the passphrase\n");
    CHECK(wrong.code == 1);
    CHECK(wrong.err == "roundtable-cli: The user name or passphrase is not right.\n");
    CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("print from the records with a wrong command line prints the usage and exits 2") {
    auto wrong = [](const std::vector<std::string>& arguments, const std::string& message) {
        INFO(message);
        auto result = cli(arguments);
        CHECK(result.code == 2);
        CHECK(result.err.starts_with("roundtable-cli: " + message + "\n"));
        CHECK(result.err.find("roundtable-cli print member-report --member CODE") !=
              std::string::npos);
    };
    const std::vector<std::string> db = {"--db", "s.rtdb", "--user", "admin", "--out", "x.pdf"};
    auto with = [&](std::vector<std::string> arguments) {
        arguments.insert(arguments.end(), db.begin(), db.end());
        return arguments;
    };
    wrong({"print", "register", "--group", "1", "--out", "x.pdf"},
          "print register needs --db PATH and --user NAME");
    wrong(with({"print", "register", "--group", "1", "--date-order", "day-year-month"}),
          "--date-order takes day-month-year, month-day-year or year-month-day");
    wrong({"print", "session-plan", "--session", "1", "--db", "s.rtdb", "--out", "x.pdf"},
          "print session-plan needs --db PATH and --user NAME");
    wrong(with({"print", "register", "--group", "first"}),
          "--group takes a record's number, such as 12");
    wrong(with({"print", "session-plan", "--session", "framework-01"}),
          "--session takes a record's number, such as 12");
    wrong(with({"print", "member-report"}), "print member-report needs --member CODE");
    wrong(with({"print", "member-report", "--member", "R0001", "--from", "2026-13-01"}),
          "--from takes a date as YYYY-MM-DD, such as 2027-03-31");
    wrong(with({"print", "member-report", "--member", "R0001", "--from", "2026-10-01", "--to",
                "2026-09-01"}),
          "--from must not come after --to");
    wrong(with({"print", "member-report", "--member", "R0001", "--summary", "A", "--summary-file",
                "b.txt"}),
          "give --summary or --summary-file, not both");
    wrong(with({"print", "sign-in-sheet", "--session", "1", "--concerns"}),
          "print sign-in-sheet does not take --concerns");
    wrong({"print", "handout", "--session", "carers-01", "--db", "s.rtdb", "--out", "x.pdf"},
          "print handout does not take --db");
}

TEST_CASE("the built binary prints a member's progress report, the passphrase on its input") {
    ServiceDatabase db;
    auto file = db.dir / "report.pdf";
    auto passphrase = db.dir / "passphrase.txt";
    roundtable::test::writeFile(passphrase, std::string(roundtable::test::kTestPassphrase) + "\n");
    auto built =
        builtCli("print member-report --member R0001 --db " +
                 roundtable::test::quoted(db.database) + " --user admin --out " +
                 roundtable::test::quoted(file) + " < " + roundtable::test::quoted(passphrase));
    CHECK(built.status == 0);
    CHECK(built.output.starts_with("Wrote " + file.string() + " ("));
    CHECK(modeOf(file) == 0600);
}

TEST_CASE("curriculum commands: list, export, import as a draft, review, publish, history") {
    roundtable::test::TempDir dir;
    auto database = (dir / "s.rtdb").string();
    {
        auto store = roundtable::test::createTestStore(database);
        store.addUser("lead", roundtable::records::Role::clinicalLead, "the lead's passphrase");
        store.addUser("second", roundtable::records::Role::clinicalLead, "the second's passphrase");
    }
    auto as = [&](const std::string& user) {
        return std::vector<std::string>{"--db", database, "--user", user};
    };
    auto with = [](std::vector<std::string> words, const std::vector<std::string>& tail) {
        words.insert(words.end(), tail.begin(), tail.end());
        return words;
    };
    // The first command stores the shipped programme in the database.
    auto list = cli(with({"curriculum", "list"}, as("admin")), "correct horse battery\n");
    CHECK(list.code == 0);
    CHECK(list.out.find("framework: version 1 published") != std::string::npos);

    auto file = (dir / "framework.xml").string();
    auto exported = cli(with({"curriculum", "export", "framework", file}, as("lead")),
                        "the lead's passphrase\n");
    REQUIRE(exported.code == 0);
    auto text = roundtable::test::readFile(file);
    text.insert(text.find("<title>"), "<!-- revised -->");
    {
        std::ofstream out(file, std::ios::trunc);
        out << text;
    }
    // An administrator is not a clinical lead: refused with a plain message.
    auto refused =
        cli(with({"curriculum", "import", file}, as("admin")), "correct horse battery\n");
    CHECK(refused.code == 1);
    CHECK(refused.err.find("Only a clinical lead") != std::string::npos);
    auto imported =
        cli(with({"curriculum", "import", file}, as("lead")), "the lead's passphrase\n");
    CHECK(imported.code == 0);
    CHECK(imported.out.find("version 2 in draft") != std::string::npos);
    auto sent = cli(
        with({"curriculum", "send-for-review", "framework", "--summary", "A note for reviewers"},
             as("lead")),
        "the lead's passphrase\n");
    CHECK(sent.code == 0);
    auto own =
        cli(with({"curriculum", "publish", "framework"}, as("lead")), "the lead's passphrase\n");
    CHECK(own.code == 1);
    auto published = cli(with({"curriculum", "publish", "framework"}, as("second")),
                         "the second's passphrase\n");
    CHECK(published.code == 0);
    CHECK(published.out.find("version 2 published") != std::string::npos);
    auto history =
        cli(with({"curriculum", "history", "framework"}, as("lead")), "the lead's passphrase\n");
    CHECK(history.out.find("version 2  sent-for-review by lead: A note for reviewers") !=
          std::string::npos);
    CHECK(history.out.find("version 2  published by second") != std::string::npos);
    // A comment is not content: versions 1 and 2 differ only in their number.
    auto compared = cli(with({"curriculum", "compare", "framework", "1", "2"}, as("lead")),
                        "the lead's passphrase\n");
    INFO(compared.err);
    CHECK(compared.code == 1);
    CHECK(compared.out == "Module \"framework\": version 1 -> 2\n");
    auto same = cli(with({"curriculum", "compare", "framework", "2", "2"}, as("lead")),
                    "the lead's passphrase\n");
    CHECK(same.code == 0);
    CHECK(same.out.find("the same content") != std::string::npos);
    CHECK(cli(with({"curriculum", "compare", "framework", "1", "two"}, as("lead")),
              "the lead's passphrase\n")
              .code == 2);
    CHECK(cli(with({"curriculum", "export", "framework"}, as("lead"))).code == 2);
}

TEST_CASE("recover adds an administrator with the recovery key when nobody can sign in") {
    roundtable::test::TempDir dir;
    auto database = (dir / "s.rtdb").string();
    const auto key =
        roundtable::records::RecordStore::create(
            database, {"admin", "correct horse battery", roundtable::records::KeyDerivation::fast})
            .recoveryKey;
    auto usage = cli({"recover", "--db", database});
    CHECK(usage.code == 2);
    CHECK(usage.err.find("recover needs --db PATH and --new-admin NAME") != std::string::npos);
    auto wrong = cli({"recover", "--db", database, "--new-admin", "morgan"},
                     "AAAA-BBBB\na new long passphrase\n");
    CHECK(wrong.code == 1);
    CHECK(wrong.err == "roundtable-cli: That recovery key is not right.\n");
    auto weak = cli({"recover", "--db", database, "--new-admin", "morgan"}, key + "\nshort\n");
    CHECK(weak.code == 1);
    CHECK(weak.err == "roundtable-cli: A passphrase needs at least 10 characters.\n");
    auto added = cli({"recover", "--db", database, "--new-admin", "morgan"},
                     key + "\na new long passphrase\n");
    CHECK(added.code == 0);
    CHECK(added.out == "Added morgan as an administrator of " + database +
                           " with the recovery key (recorded in its audit log).\n");
    auto store = roundtable::records::RecordStore::open(database);
    store.unlock("morgan", "a new long passphrase");
    CHECK(store.currentUser()->role == roundtable::records::Role::administrator);
}

TEST_CASE(
    "server init makes a store on a server that every command opens with --db, and "
    "prints its recovery key to a private sheet") {
    if (!roundtable::test::testServerAvailable())
        return;
    using roundtable::test::kTestClientRole;
    roundtable::test::TestServerDatabase database;
    database.makeClientRole();
    roundtable::test::TempDir dir;
    const auto sheet = (dir / "key.pdf").string();
    const std::vector<std::string> init = {
        "server",        "init",        "--db", database.connection(), "--client-role",
        kTestClientRole, "--new-admin", "lead", "--recovery-sheet",    sheet};
    const std::string passphrase = "a lead's long passphrase\n";

    // A sheet that cannot be written, or a passphrase that would be refused, stops it before
    // the server is touched.
    auto noFolder = init;
    noFolder.back() = (dir / "missing" / "key.pdf").string();
    CHECK(cli(noFolder, passphrase).err ==
          "roundtable-cli: The recovery key sheet needs a new file in a folder that exists: " +
              noFolder.back() + ". Nothing was done.\n");
    auto tooShort = cli(init, "short\n");
    CHECK(tooShort.code == 1);
    CHECK_FALSE(std::filesystem::exists(sheet));
    CHECK(cli({"server", "migrate", "--db", database.connection()}).err ==
          "roundtable-cli: This database on the server holds no Roundtable store, so it was not "
          "opened. The server's administrator makes one with roundtable-cli server init.\n");

    auto made = cli(init, passphrase);
    INFO(made.err);
    REQUIRE(made.code == 0);
    CHECK(made.out == "Made the store on " + database.connection() + ", for the account " +
                          kTestClientRole +
                          "; lead is its administrator.\nThe recovery key is in " + sheet +
                          ": print it, keep it locked away, and delete the file.\n");
    struct stat status {};
    REQUIRE(::stat(sheet.c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
    // The key on the sheet opens the store.
    // The key on the sheet (in lines of four groups) opens the store.
    std::istringstream text(roundtable::test::pageTexts(sheet).at(0));
    const std::regex keyLine(R"(\s*([A-Z0-9]{4}(-[A-Z0-9]{4})*)\s*)");
    std::string key, line;
    std::smatch part;
    while (std::getline(text, line)) {
        if (std::regex_match(line, part, keyLine))
            key += (key.empty() ? "" : "-") + part[1].str();
    }
    CHECK(key.size() == 13 * 5 - 1);
    {
        auto store = roundtable::records::RecordStore::openOnServer(database.clientConnection());
        store.unlockWithRecoveryKey(key);
        CHECK(store.users().front().login == "lead");
    }

    auto again = init;
    again.back() = (dir / "another.pdf").string();
    CHECK(cli(again, passphrase).err ==
          "roundtable-cli: This database on the server already has a schema called roundtable, "
          "so it was not changed. A new store needs an empty database.\n");
    auto migrate = cli({"server", "migrate", "--db", database.connection()});
    CHECK(migrate.code == 0);
    CHECK(migrate.out ==
          "The store is already in data format 10, this version's. Nothing was changed.\n");

    // The computers' account: the same commands as on a file.
    auto verified =
        cli({"verify", "--db", database.clientConnection(), "--user", "lead"}, passphrase);
    INFO(verified.err);
    CHECK(verified.code == 0);
    CHECK(verified.out.find("records: ") != std::string::npos);
    auto backup = cli({"backup", "--db", database.clientConnection(), "--out",
                       (dir / "copy.rtdb").string(), "--user", "lead"},
                      passphrase);
    CHECK(backup.code == 1);
    CHECK(backup.err ==
          "roundtable-cli: A store on a server is backed up on the server, with "
          "PostgreSQL's own tools (pg_dump). Nothing was written.\n");
    CHECK_FALSE(std::filesystem::exists(dir / "copy.rtdb"));

    auto password =
        cli({"verify", "--db", database.clientConnection() + " password=secret", "--user", "lead"},
            passphrase);
    CHECK(password.code == 1);
    CHECK(password.err.find("The connection holds a password") != std::string::npos);
    CHECK(password.err.find("secret") == std::string::npos);
    auto demo = cli({"demo", "--db", "service=clinic"});
    CHECK(demo.code == 2);
    CHECK(demo.err.starts_with(
        "roundtable-cli: service=clinic is a store on a server; this command works on a "
        "database file\n"));
    auto onFile = cli({"server", "migrate", "--db", (dir / "s.rtdb").string()});
    CHECK(onFile.code == 2);
    CHECK(onFile.err.find("is a file; server commands need a PostgreSQL server's database") !=
          std::string::npos);
}

TEST_CASE("server import moves a file's records to a server, where every command reads them") {
    if (!roundtable::test::testServerAvailable())
        return;
    roundtable::test::TempDir dir;
    const auto file = (dir / "service.rtdb").string();
    {
        auto store = roundtable::test::createTestStore(file);
        auto group = store.addGroup("Tuesday group", roundtable::records::GroupKind::treatment);
        store.addMember(group, "Sam Clarke", "2026-11-01"_date);
    }
    roundtable::test::TestServerDatabase database;
    database.makeClientRole();
    const std::vector<std::string> import = {"server",        "import",
                                             "--db",          file,
                                             "--to",          database.connection(),
                                             "--client-role", roundtable::test::kTestClientRole,
                                             "--user",        "admin"};
    auto imported = cli(import, "correct horse battery\n");
    INFO(imported.err);
    REQUIRE(imported.code == 0);
    CHECK(imported.out.starts_with("Copied " + file + " to " + database.connection() + ": "));
    CHECK(imported.out.ends_with(file + " was not changed.\n"));
    auto onServer =
        cli({"catch-ups", "--group", "1", "--db", database.clientConnection(), "--user", "admin"},
            "correct horse battery\n");
    CHECK(onServer.code == 0);
    CHECK(onServer.out == "R0001:\n");

    auto toFile = cli({"server", "import", "--db", file, "--to", (dir / "other.rtdb").string(),
                       "--client-role", "x", "--user", "admin"});
    CHECK(toFile.code == 2);
    CHECK(toFile.err.find("is a file; server commands need") != std::string::npos);
}
