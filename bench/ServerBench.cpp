// The record store on a PostgreSQL server (issue 15's speed goals), against a local server
// that bench/run starts (scripts/pg-cluster, made durable: fsync on, as a service's would be):
//  - signing a note costs at most 3x the same insert done bare through libpq (one row of the
//    note's size in one committed statement);
//  - 20 clients each signing one note a second for 60 s: no errors, p95 under 50 ms;
//  - loading one group's register (12 members x 52 sessions) takes under 30 ms;
//  - moving the synthetic ten-year service (bench_record_store's) from its file to the server,
//    verified on both sides, takes under 60 s; and how much room it takes there.
// The store is made in a database of its own (rt_bench, dropped first) by the server's own
// account, used by a client account as the app's computers use theirs.
#include <libpq-fe.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <thread>

#include "SyntheticService.h"
#include "Timing.h"
#include "records/RecordStore.h"
#include "records/ServerSetup.h"

using namespace roundtable;
using namespace roundtable::bench;
using records::literals::operator""_date;

namespace {

constexpr const char* kDatabase = "rt_bench";
constexpr const char* kClientRole = "roundtable_bench_client";
constexpr const char* kLogin = "bench-admin";
constexpr const char* kPassphrase = "server bench passphrase";
const std::string kOwner = std::string("dbname=") + kDatabase;
const std::string kClient = kOwner + " user=" + kClientRole;
constexpr double kGoalRatio = 3.0, kGoalP95Ms = 50.0, kGoalRegisterMs = 30.0;
constexpr int kClients = 20;

/// A bare libpq connection; exits with the server's message when a command fails.
struct Bare {
    PGconn* connection;
    explicit Bare(const std::string& info) : connection(PQconnectdb(info.c_str())) {
        if (PQstatus(connection) != CONNECTION_OK)
            fail(PQerrorMessage(connection));
        PQsetNoticeProcessor(
            connection, [](void*, const char*) {}, nullptr);  // "skipping"
    }
    ~Bare() { PQfinish(connection); }
    [[noreturn]] static void fail(const std::string& what) {
        std::cerr << "bench_server: " << what << '\n';
        std::exit(1);
    }
    void run(const std::string& sql) {
        PGresult* result = PQexec(connection, sql.c_str());
        auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            fail(PQresultErrorMessage(result));
        PQclear(result);
    }
};

records::NewSession sessionOf(records::GroupId group, int week) {
    records::NewSession plan;
    plan.groupId = group;
    plan.date = "2026-01-05"_date.plusDays(7 * week);
    plan.title = "Session " + std::to_string(week + 1);
    plan.minutes = 120;
    plan.stamp = {"framework-02", "framework", 1, std::string(64, 'a')};
    return plan;
}

/// About the length of a typical note (300-1500 characters in the synthetic service).
const std::string kNoteText = [] {
    std::string text;
    while (text.size() < 800)
        text += "He took part in the role play and said what he would do differently. ";
    return text;
}();

void printRow(const std::string& label, const std::vector<double>& samples) {
    std::cout << "  " << std::left << std::setw(34) << label << std::right << std::fixed
              << std::setprecision(2) << std::setw(10) << median(samples) << std::setw(10)
              << percentile(samples, 95) << std::setw(10)
              << *std::max_element(samples.begin(), samples.end()) << '\n';
}

void verdict(const std::string& goal, bool met) {
    std::cout << "  goal " << goal << ": " << (met ? "met" : "NOT met") << '\n';
}

/// A new store with one group of 12 members and 52 sessions, every member marked at each.
records::GroupId makeStore() {
    {
        Bare admin("dbname=postgres");
        admin.run(std::string("DROP DATABASE IF EXISTS ") + kDatabase + " WITH (FORCE)");
        admin.run(std::string("CREATE DATABASE ") + kDatabase);
        admin.run(std::string("DO $$ BEGIN CREATE ROLE ") + kClientRole +
                  " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }
    records::server::install(kOwner, kClientRole);
    auto started = Clock::now();
    auto created = records::RecordStore::createOnServer(
        kClient, {kLogin, kPassphrase, records::KeyDerivation::fast});
    auto& store = created.store;
    auto group = store.addGroup("Register group (12 x 52)", records::GroupKind::treatment);
    std::vector<records::MemberId> members;
    for (int i = 0; i < 12; ++i)
        members.push_back(store.addMember(group, "Member " + std::to_string(i), "2026-01-01"_date));
    for (int week = 0; week < 52; ++week) {
        auto session = store.addSession(sessionOf(group, week));
        for (auto member : members)
            store.markAttendance(session, {member, records::Attendance::attended, "", {}, {}});
    }
    std::cout << "made the store on the server: 12 members, 52 sessions, 624 marks in "
              << std::setprecision(1) << std::fixed
              << Milliseconds(Clock::now() - started).count() / 1000 << " s\n";
    return group;
}

void benchRegister(records::RecordStore& store, records::GroupId group, int rounds) {
    std::vector<double> samples;
    std::size_t marks = 0;
    for (int round = 0; round < rounds + 3; ++round) {
        double ms = timeMilliseconds([&] {
            (void)store.membersOf(group);
            marks = 0;
            for (const auto& session : store.sessionsOf(group))
                marks += store.registerOf(session.id).size();
        });
        if (round >= 3)
            samples.push_back(ms);
    }
    std::cout << "\nloading the register (" << marks
              << " marks): membersOf + sessionsOf + registerOf per session\n";
    printRow("register 12 x 52", samples);
    verdict("median < 30 ms", median(samples) < kGoalRegisterMs);
}

/// Signing a note (saveAndSignNote: text, signature, audit events, in one transaction) against
/// one bare INSERT of a row of the same size, autocommitted, through libpq.
void benchSigning(records::RecordStore& store, records::GroupId group, int rounds) {
    Bare bare(kOwner);
    bare.run(
        "CREATE TABLE bare_notes (id bigint PRIMARY KEY, session_id bigint, member_id "
        "bigint, text bytea, author text, updated_at text)");
    auto member = store.membersOf(group).front().id;
    std::vector<records::SessionId> sessions;
    for (int i = 0; i < rounds + 3; ++i)
        sessions.push_back(store.addSession(sessionOf(group, 60 + i)));
    std::vector<double> bareSamples, signingSamples;
    for (int round = 0; round < rounds + 3; ++round) {
        auto id = std::to_string(round + 1);
        auto [bareMs, signingMs] = timeBothAlternating(
            round,
            [&] {
                const char* values[] = {id.c_str(),        id.c_str(), "1",
                                        kNoteText.c_str(), kLogin,     "2026-12-03T10:00:00Z"};
                PGresult* result = PQexecParams(
                    bare.connection,
                    "INSERT INTO bare_notes VALUES ($1, $2, $3, $4::text::bytea, $5, $6)", 6,
                    nullptr, values, nullptr, nullptr, 0);
                if (PQresultStatus(result) != PGRES_COMMAND_OK)
                    Bare::fail(PQresultErrorMessage(result));
                PQclear(result);
            },
            [&] {
                store.saveAndSignNote(sessions[round], member, records::NoteContent(kNoteText));
            });
        if (round >= 3) {
            bareSamples.push_back(bareMs);
            signingSamples.push_back(signingMs);
        }
    }
    std::cout << "\nsigning a note of " << kNoteText.size() << " characters, " << rounds
              << " rounds" << std::setw(13) << "median" << std::setw(10) << "p95" << std::setw(10)
              << "max\n";
    printRow("bare libpq INSERT (autocommit)", bareSamples);
    printRow("saveAndSignNote", signingSamples);
    double ratio = median(signingSamples) / median(bareSamples);
    std::cout << "  ratio " << std::setprecision(2) << ratio << '\n';
    verdict("signing <= 3x the bare insert", ratio <= kGoalRatio);
}

/// One client process: signs in, makes its sessions, waits for `go`, then signs one note a
/// second (starting `offset` into the first second) for `seconds`, writing each latency in ms
/// (or "error ...") to `report`.
[[noreturn]] void client(records::GroupId group, int index, int seconds,
                         const std::filesystem::path& folder) {
    std::ofstream report(folder / std::to_string(index));
    try {
        auto store = records::RecordStore::openOnServer(kClient);
        store.unlock(kLogin, kPassphrase);
        auto member = store.membersOf(group).at(index % 12).id;
        std::vector<records::SessionId> sessions;
        for (int i = 0; i < seconds; ++i)
            sessions.push_back(store.addSession(sessionOf(group, 1000 + index * seconds + i)));
        std::ofstream(folder / ("ready-" + std::to_string(index))).put('\n');
        while (!std::filesystem::exists(folder / "go"))
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        auto next = Clock::now() + std::chrono::milliseconds(1000 * index / kClients);
        for (int i = 0; i < seconds; ++i) {
            std::this_thread::sleep_until(next);
            next += std::chrono::seconds(1);
            report << timeMilliseconds([&] {
                store.saveAndSignNote(sessions[i], member, records::NoteContent(kNoteText));
            }) << std::endl;
        }
    } catch (const std::exception& error) {
        report << "error " << error.what() << std::endl;
    }
    report.close();
    ::_exit(0);
}

void benchManyClients(records::GroupId group, int seconds) {
    auto folder = std::filesystem::temp_directory_path() / ("rt-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    std::vector<pid_t> children;
    for (int i = 0; i < kClients; ++i) {
        pid_t child = ::fork();
        if (child == 0)
            client(group, i, seconds, folder);
        children.push_back(child);
    }
    auto ready = [&] {
        for (int i = 0; i < kClients; ++i) {
            if (!std::filesystem::exists(folder / ("ready-" + std::to_string(i))))
                return false;
        }
        return true;
    };
    while (!ready())
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::ofstream(folder / "go").put('\n');
    for (auto child : children)
        ::waitpid(child, nullptr, 0);
    std::vector<double> samples;
    std::vector<std::string> errors;
    for (int i = 0; i < kClients; ++i) {
        std::ifstream in(folder / std::to_string(i));
        std::string line;
        while (std::getline(in, line)) {
            if (line.starts_with("error"))
                errors.push_back(line);
            else
                samples.push_back(std::stod(line));
        }
    }
    std::filesystem::remove_all(folder);
    std::cout << "\n"
              << kClients << " clients each signing one note a second for " << seconds
              << " s: " << samples.size() << " notes, " << errors.size() << " errors\n";
    for (const auto& error : errors)
        std::cout << "  " << error << '\n';
    if (samples.empty())
        return;
    printRow("saveAndSignNote under load", samples);
    verdict("no errors, p95 < 50 ms", errors.empty() && percentile(samples, 95) < kGoalP95Ms);
}

/// The synthetic ten-year service (generated into bench-cache/ first if it is not there) moved
/// to a database of its own with server import, and the room it takes there.
void benchImport() {
    auto cached = ensureSyntheticService(ROUNDTABLE_BENCH_CACHE, {}, false, std::cout);
    const std::string database = "rt_bench_import";
    {
        Bare admin("dbname=postgres");
        admin.run("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        admin.run("CREATE DATABASE " + database);
    }
    double ms = 0;
    records::server::ImportedFile imported;
    ms = timeMilliseconds([&] {
        imported = records::server::importFile(cached.path, "dbname=" + database, kClientRole,
                                               kSyntheticLogin, kSyntheticPassphrase);
    });
    Bare owner("dbname=" + database);
    PGresult* size = PQexec(owner.connection, "SELECT pg_database_size(current_database())");
    const double serverMb = std::stod(PQgetvalue(size, 0, 0)) / 1e6;
    PQclear(size);
    std::cout << "\nmoving the synthetic ten-year service to the server (server import: the file's "
                 "copy verified, every row copied, the server's copy verified):\n"
              << "  " << imported.rows << " rows, " << imported.recordsChecked << " records and "
              << imported.logEvents << " log events verified on the server, in " << std::fixed
              << std::setprecision(1) << ms / 1000 << " s\n"
              << "  file " << std::filesystem::file_size(cached.path) / 1e6 << " MB; on the server "
              << serverMb << " MB (the whole database, indexes included)\n";
    verdict("import under 60 s", ms < 60000);
}

}  // namespace

int main(int argc, char** argv) {
    // bench_server [ROUNDS [SECONDS]]: rounds of the register and signing (default 100), and
    // how long the 20 clients sign (default 60 s).
    auto rounds = roundsArgument(std::min(argc, 2), argv, 100);
    if (!rounds)
        return 2;
    int seconds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 60;
    try {
        auto group = makeStore();
        {
            auto store = records::RecordStore::openOnServer(kClient);
            store.unlock(kLogin, kPassphrase);
            benchRegister(store, group, *rounds);
            benchSigning(store, group, *rounds);
        }
        benchManyClients(group, seconds);
        auto store = records::RecordStore::openOnServer(kClient);
        store.unlock(kLogin, kPassphrase);
        std::cout << "\nafterwards, verify: " << (store.verify().intact() ? "intact" : "NOT intact")
                  << '\n';
        benchImport();
    } catch (const std::exception& error) {
        std::cerr << "bench_server: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
