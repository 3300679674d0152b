// roundtable-cli: in-process through cli::run, and the built binary end to end.
#include <doctest/doctest.h>

#include <cstdio>
#include <sstream>

#include "cli/Commands.h"
#include "curriculum/MiniProgramme.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
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
}  // namespace

TEST_CASE("--version prints the version") {
    auto result = cli({"--version"});
    CHECK(result.code == 0);
    CHECK(result.out == "roundtable-cli " ROUNDTABLE_VERSION " (data format 6)\n");
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

TEST_CASE("a wrong command line prints the usage and exits 2") {
    CHECK(cli({}).code == 2);
    CHECK(cli({"frobnicate"}).code == 2);
    auto missing = cli({"demo"});
    CHECK(missing.code == 2);
    CHECK(missing.err.starts_with("demo needs --db PATH"));
}

TEST_CASE("the built binary creates the demo database and refuses to overwrite it") {
    roundtable::test::TempDir dir;
    auto database = (dir / "demo.rtdb").string();
    auto command = std::string(ROUNDTABLE_CLI) + " demo --db " + database + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[512] = {};
    std::string output;
    while (fgets(buffer, sizeof buffer, pipe))
        output += buffer;
    CHECK(pclose(pipe) == 0);
    CHECK(output.find("8 members, 10 delivered sessions") != std::string::npos);
    CHECK(std::filesystem::file_size(database) > 0);

    auto again = cli({"demo", "--db", database});
    CHECK(again.code == 1);
    CHECK(again.err.find("already exists") != std::string::npos);
}
