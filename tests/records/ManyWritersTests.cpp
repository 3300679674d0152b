// Many computers writing to one store on a server at once (issue 15, item 4): client processes
// take the same register and sign notes for a bounded time, one of them killed mid-run; then
// every write a client saw committed is there and verifies, the audit log is one unbroken
// chain, and no id was given twice.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "support/TempDir.h"
#include "support/TestServer.h"
#include "support/TestStore.h"

using namespace roundtable;
using namespace roundtable::records;

namespace {

constexpr int kClients = 20;

/// What a client process does until `deadline`: each round, two marks in the shared session's
/// register (its own member's and its neighbour's, whom the neighbouring client marks too),
/// then a session of its own with its member's note, saved and signed. A line per committed
/// write goes to `report` ("mark", or "note SESSION TEXT") as soon as the store returns;
/// "error WHAT" if anything throws. Never returns: a forked child must not run the parent's
/// exit handlers.
[[noreturn]] void runClient(const std::string& connection, int client, GroupId group,
                            SessionId shared, const std::vector<MemberId>& members,
                            const std::filesystem::path& report,
                            std::chrono::steady_clock::time_point deadline) {
    int out = ::open(report.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    auto say = [out](const std::string& line) {
        auto text = line + "\n";
        (void)!::write(out, text.data(), text.size());
    };
    int status = 0;
    try {
        auto store = RecordStore::openOnServer(connection);
        store.unlock(test::kTestLogin, test::kTestPassphrase);
        const auto own = members[client];
        const auto neighbour = members[(client + 1) % members.size()];
        for (int round = 0; std::chrono::steady_clock::now() < deadline; ++round) {
            const auto name =
                "client " + std::to_string(client) + " round " + std::to_string(round);
            store.markAttendance(shared, {own, Attendance::attended, name, {}, {}});
            say("mark");
            store.markAttendance(shared, {neighbour, Attendance::late, name, {}, {}});
            say("mark");
            auto session = store.addSession(test::plannedSession(group));
            store.saveNoteDraft(session, own, NoteContent("A note by " + name));
            store.signNote(session, own);
            say("note " + std::to_string(session) + " A note by " + name);
        }
    } catch (const std::exception& error) {
        say(std::string("error ") + error.what());
        status = 1;
    }
    ::close(out);
    ::_exit(status);
}

struct Reported {
    int marks = 0;
    std::map<SessionId, std::string> notes;  ///< session: the note's text
    std::vector<std::string> errors;
};

void readReport(const std::filesystem::path& report, Reported& reported) {
    std::ifstream in(report);
    std::string line;
    while (std::getline(in, line)) {
        if (line == "mark") {
            ++reported.marks;
        } else if (line.starts_with("note ")) {
            auto space = line.find(' ', 5);
            reported.notes[std::stoll(line.substr(5, space - 5))] = line.substr(space + 1);
        } else {
            reported.errors.push_back(line);
        }
    }
}

std::int64_t count(db::Connection& connection, const std::string& sql) {
    auto query = connection.prepare(sql);
    query.step();
    return query.integer(0);
}

}  // namespace

TEST_CASE(
    "twenty computers writing at once: every committed write is kept and verifies, the "
    "log stays one chain, and a computer killed mid-write loses nothing committed") {
    if (!test::testServerAvailable())
        return;
    test::TestServerDatabase database;
    GroupId group = 0;
    SessionId shared = 0;
    std::vector<MemberId> members;
    {
        auto created = database.createStore();
        group = created.store.addGroup("Tuesday group", GroupKind::treatment);
        for (int i = 0; i < kClients; ++i)
            members.push_back(
                created.store.addMember(group, "Member " + std::to_string(i), "2026-11-01"_date));
        shared = created.store.addSession(test::plannedSession(group));
    }
    test::TempDir reports;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(6);
    std::vector<pid_t> children;
    for (int client = 0; client <= kClients; ++client) {  // one more: the one killed
        pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            runClient(database.clientConnection(), client % kClients, group, shared, members,
                      reports / std::to_string(client), deadline);
        }
        children.push_back(child);
    }
    // The last one is killed while it writes, as a computer switched off or a crash would.
    std::this_thread::sleep_until(deadline - std::chrono::seconds(2));
    ::kill(children.back(), SIGKILL);
    int failed = 0;
    for (auto child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        if (child != children.back() && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
            ++failed;
    }

    Reported reported;
    for (int client = 0; client <= kClients; ++client)
        readReport(reports / std::to_string(client), reported);
    CHECK_MESSAGE(reported.errors.empty(),
                  (reported.errors.empty() ? std::string() : reported.errors.front()));
    CHECK(failed == 0);
    MESSAGE(reported.notes.size() << " notes signed and " << reported.marks
                                  << " marks made by 21 clients in 6 s");
    CHECK(reported.notes.size() >= static_cast<std::size_t>(kClients));

    auto store = RecordStore::openOnServer(database.clientConnection());
    store.unlock(test::kTestLogin, test::kTestPassphrase);
    for (const auto& [session, text] : reported.notes) {
        auto notes = store.notesOf(session);
        REQUIRE(notes.size() == 1);
        CHECK(notes.front().content.text == text);
        CHECK(notes.front().state == NoteState::signedOff);
        CHECK(notes.front().damage.empty());
    }
    auto owner = database.connect();
    owner->execute("SET search_path = roundtable");
    // At most one write of the killed client committed without its report line.
    const auto marks = count(*owner, "SELECT count(*) FROM attendance_marks");
    CHECK(marks >= reported.marks);
    CHECK(marks <= reported.marks + 2);
    const auto signedNotes =
        count(*owner, "SELECT count(*) FROM progress_notes WHERE state = 'signed'");
    CHECK(signedNotes >= static_cast<std::int64_t>(reported.notes.size()));
    CHECK(signedNotes <= static_cast<std::int64_t>(reported.notes.size()) + 1);
    // Ids one after another, none twice: the chain's events and the records both.
    CHECK(count(*owner, "SELECT max(id) - count(*) FROM audit_events") == 0);
    CHECK(count(*owner, "SELECT count(DISTINCT id) - count(*) FROM attendance_marks") == 0);

    auto report = store.verify();
    CHECK(report.log.intact());
    CHECK(report.damaged.empty());
    CHECK(report.forgeries.empty());
    CHECK(report.intact());
    // The killed client held nothing that stops the next writer.
    store.markAttendance(shared, {members[0], Attendance::attended, "after", {}, {}});
    CHECK(store.verify().intact());
}
