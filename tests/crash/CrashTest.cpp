// Crash test for promise 3 of design/RELIABILITY.md: saving a note is all-or-nothing.
//
// The parent creates a database, then many times starts a copy of itself in child mode,
// which signs in and saves and signs progress notes in a loop, reporting each one on a pipe
// once signNote() has returned. At a random moment after the child says it began writing,
// the parent kills it with SIGKILL, reopens the database with the real store API and checks
// that integrity_check says "ok", that foreign_key_check finds nothing, that every reported
// note is there, signed and whole, and that no note is half-written.
//
// Usage: crash_test --kills N [--seed S]                       (the test)
//        crash_test --child DB --start K --end E               (started by the test)
//
// Bookkeeping of which (session, member) pair each note uses. Signed notes can never be
// written again, so every pair is used at most once across all children. Pairs are
// numbered globally: pair p is (sessions[p / 8], members[p % 8]) in the order the group's
// sessions and members are listed. A child given --start K writes pairs K, K+1, ... in
// order, one at a time, and reports pair p (with write(2), atomic for a short line on a
// pipe) before it starts on pair p+1. So when it dies after reporting K..j, every pair up
// to j is reported, pair j+1 is "in flight" (absent, a draft or signed: each is correct,
// but what is there must be whole) and no pair after j+1 has been touched. The parent
// records the fate of the in-flight pair, never hands it out again, and starts the next
// child at j+2. It also counts the notes in the file after every kill: the count must be
// exactly what the fates add up to, which catches a lost older note as well as a note
// written where the bookkeeping says none can be. Every 50 kills and at the end, every note
// in the file is read back through the store and compared with its expected text.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "records/RecordStore.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

namespace {

using namespace roundtable::records;
using Clock = std::chrono::steady_clock;

constexpr int kMembers = 8;
constexpr int kMaxDelayMicroseconds = 30'000;
constexpr int kFullCheckEvery = 50;  ///< kills between full read-backs of every note

// ---- The notes: deterministic text, so the parent knows what each one must say ----------

std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint32_t fnv1a(const std::string& bytes) {
    std::uint32_t hash = 2166136261U;
    for (unsigned char byte : bytes)
        hash = (hash ^ byte) * 16777619U;
    return hash;
}

/// "note i=123 len=L sum=XXXXXXXX | <L bytes of filler> | end-123", L from 50 to 2000.
std::string noteText(std::int64_t i) {
    static constexpr char kAlphabet[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:'-\n";
    std::uint64_t state = static_cast<std::uint64_t>(i) * 0x2545F4914F6CDD1DULL + 7;
    auto length = 50 + static_cast<std::size_t>(splitmix(state) % 1951);
    std::string filler(length, ' ');
    for (auto& c : filler)
        c = kAlphabet[splitmix(state) % (sizeof kAlphabet - 1)];
    char head[96];
    std::snprintf(head, sizeof head, "note i=%lld len=%zu sum=%08x | ", static_cast<long long>(i),
                  length, fnv1a(filler));
    return head + filler + " | end-" + std::to_string(i);
}

// ---- The plan: one group of 8 members, sessions added as the pairs run out -------------

struct Layout {
    GroupId group = 0;
    std::vector<MemberId> members;
    std::vector<SessionId> sessions;  ///< in date order, which is the order they were added

    [[nodiscard]] std::int64_t pairs() const {
        return static_cast<std::int64_t>(sessions.size()) * kMembers;
    }
    [[nodiscard]] SessionId sessionOf(std::int64_t pair) const {
        return sessions.at(static_cast<std::size_t>(pair / kMembers));
    }
    [[nodiscard]] MemberId memberOf(std::int64_t pair) const {
        return members.at(static_cast<std::size_t>(pair % kMembers));
    }
};

Layout readLayout(RecordStore& store) {
    Layout layout;
    auto groups = store.groups();
    if (groups.size() != 1)
        throw std::runtime_error("the crash database should hold one group");
    layout.group = groups.front().id;
    for (const auto& member : store.membersOf(layout.group))
        layout.members.push_back(member.id);
    if (layout.members.size() != kMembers) {
        throw std::runtime_error("the crash group should have 8 members");
    }
    for (const auto& session : store.sessionsOf(layout.group)) {
        layout.sessions.push_back(session.id);
    }
    return layout;
}

/// 2024-01-01 plus `n` days, so that each session has its own date and they sort in order.
Date sessionDate(std::int64_t n) {
    return Date::fromParts(2024, 1, 1)->plusDays(static_cast<int>(n));
}

/// Adds sessions (each with all 8 members marked present) until `layout` has `pairs`.
void planSessions(RecordStore& store, Layout& layout, std::int64_t pairs) {
    while (layout.pairs() < pairs) {
        auto n = static_cast<std::int64_t>(layout.sessions.size());
        NewSession plan;
        plan.groupId = layout.group;
        plan.date = sessionDate(n);
        plan.title = "Crash test session " + std::to_string(n + 1);
        plan.minutes = 120;
        plan.stamp = {"crash-01", "crash", 1, std::string(64, 'c')};
        plan.activities = {{"check-in", 20, "Arriving", "Greet each man."}};
        auto session = store.addSession(plan);
        for (auto member : layout.members) {
            store.markAttendance(session, {member, Attendance::attended, "", "", {}});
        }
        layout.sessions.push_back(session);
    }
}

// ---- Child mode -----------------------------------------------------------------------

/// Writes the whole line to stdout (the pipe) with one write(2) where possible; a line this
/// short is written atomically, so a kill either delivers it whole or not at all.
void say(const std::string& line) {
    std::size_t done = 0;
    while (done < line.size()) {
        auto n = ::write(STDOUT_FILENO, line.data() + done, line.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            _exit(3);  // the parent is gone
        done += static_cast<std::size_t>(n);
    }
}

int runChild(const std::filesystem::path& path, std::int64_t start, std::int64_t end) {
    try {
        auto store = roundtable::test::openTestStore(path);  // RecordStore::open + unlock
        auto layout = readLayout(store);
        end = std::min(end, layout.pairs());
        say("writing\n");
        for (auto i = start; i < end; ++i) {
            auto session = layout.sessionOf(i);
            auto member = layout.memberOf(i);
            store.saveNoteDraft(session, member, noteText(i));
            store.signNote(session, member);
            say("committed " + std::to_string(session) + " " + std::to_string(member) + " " +
                std::to_string(i) + "\n");
        }
        // Out of planned pairs: wait for the kill rather than touch anything else.
        say("exhausted\n");
        for (;;)
            pause();
    } catch (const std::exception& error) {
        std::cerr << "crash_test child: " << error.what() << "\n";
        return 2;
    }
}

// ---- Parent mode ----------------------------------------------------------------------

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& message) {
    throw Failure(message);
}

enum class Fate { absent, draft, signedOff };

struct Child {
    pid_t pid = -1;
    int output = -1;  ///< read end of the child's stdout
};

Child spawnChild(const std::filesystem::path& path, std::int64_t start, std::int64_t end) {
    std::vector<std::string> args = {
        "crash_test",          "--child", path.string(),      "--start",
        std::to_string(start), "--end",   std::to_string(end)};
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        fail(std::string("pipe2: ") + std::strerror(errno));
    std::cout.flush();
    std::cerr.flush();
    pid_t pid = fork();
    if (pid < 0)
        fail(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        // dup2 leaves the new descriptor without O_CLOEXEC, so the pipe becomes stdout.
        if (dup2(fds[1], STDOUT_FILENO) < 0)
            _exit(126);
        execv("/proc/self/exe", argv.data());
        _exit(127);
    }
    close(fds[1]);
    return {pid, fds[0]};
}

/// Reads what the child writes and splits it into lines.
class LineReader {
  public:
    explicit LineReader(int fd) : fd_(fd) {}
    ~LineReader() { close(fd_); }
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// Waits until `deadline` for output; returns false at end of file. Complete lines are
    /// collected for takeLines().
    bool readUntil(Clock::time_point deadline) {
        while (!eof_) {
            auto left = deadline - Clock::now();
            if (left < Clock::duration::zero())
                left = Clock::duration::zero();
            auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
            timespec timeout{static_cast<time_t>(ns / 1'000'000'000),
                             static_cast<long>(ns % 1'000'000'000)};
            pollfd poller{fd_, POLLIN, 0};
            int ready = ppoll(&poller, 1, &timeout, nullptr);
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready < 0)
                fail(std::string("poll: ") + std::strerror(errno));
            if (ready == 0)
                return true;  // deadline reached
            char buffer[4096];
            auto n = ::read(fd_, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                fail(std::string("read: ") + std::strerror(errno));
            if (n == 0) {
                eof_ = true;
                break;
            }
            pending_.append(buffer, static_cast<std::size_t>(n));
            for (auto newline = pending_.find('\n'); newline != std::string::npos;
                 newline = pending_.find('\n')) {
                lines_.push_back(pending_.substr(0, newline));
                pending_.erase(0, newline + 1);
            }
            if (!lines_.empty())
                return true;
        }
        return false;
    }
    std::vector<std::string> takeLines() { return std::exchange(lines_, {}); }
    [[nodiscard]] bool atEnd() const { return eof_; }
    [[nodiscard]] const std::string& partial() const { return pending_; }

  private:
    int fd_;
    bool eof_ = false;
    std::string pending_;
    std::vector<std::string> lines_;
};

std::string describeStatus(int status) {
    if (WIFSIGNALED(status))
        return "was killed by signal " + std::to_string(WTERMSIG(status));
    if (WIFEXITED(status))
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    return "ended with wait status " + std::to_string(status);
}

/// Plain SQLite on the file, as the sqlite3 shell would see it.
class RawDatabase {
  public:
    explicit RawDatabase(const std::filesystem::path& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            fail("plain SQLite cannot open the file: " + message);
        }
        sqlite3_busy_timeout(db_, 5000);
    }
    ~RawDatabase() { sqlite3_close(db_); }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;

    /// Every row of the query, each row's columns joined with '|'.
    std::vector<std::string> rows(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            fail(sql + ": " + sqlite3_errmsg(db_));
        }
        std::vector<std::string> result;
        int code;
        while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
            std::string row;
            for (int column = 0; column < sqlite3_column_count(statement); ++column) {
                if (column > 0)
                    row += "|";
                const auto* text = sqlite3_column_text(statement, column);
                row += text ? reinterpret_cast<const char*>(text) : "NULL";
            }
            result.push_back(row);
        }
        std::string message = sqlite3_errmsg(db_);
        sqlite3_finalize(statement);
        if (code != SQLITE_DONE)
            fail(sql + ": " + message);
        return result;
    }

  private:
    sqlite3* db_ = nullptr;
};

struct Options {
    int kills = 200;
    std::uint64_t seed = 0;
    bool seedGiven = false;
};

class CrashTest {
  public:
    explicit CrashTest(const Options& options) : options_(options), rng_(options.seed) {}

    void run() {
        create();
        auto started = Clock::now();
        for (kill_ = 1; kill_ <= options_.kills; ++kill_) {
            runOneChild();
            verifyAfterKill();
            if (kill_ % kFullCheckEvery == 0 || kill_ == options_.kills) {
                verifyEveryNote();
                std::cout << "  after kill " << kill_ << ": " << reported_
                          << " notes reported, every note in the file checked\n"
                          << std::flush;
            }
        }
        auto seconds = std::chrono::duration<double>(Clock::now() - started).count();
        std::cout << "crash test: " << options_.kills << " kills, " << reported_
                  << " notes reported and verified, " << inFlight_ << " in flight at a kill ("
                  << inFlightAbsent_ << " absent, " << inFlightDraft_ << " draft, "
                  << inFlightSigned_ << " signed, all whole), integrity ok, seed " << options_.seed
                  << ", " << seconds << " s\n";
    }

    /// Copies the database files somewhere that outlives the test, for a post-mortem.
    void preserveFiles() const {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "roundtable-crash-failure-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            return;
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::path from = path_.string() + suffix;
            if (std::filesystem::exists(from)) {
                std::filesystem::copy_file(from, std::filesystem::path(pattern) / from.filename(),
                                           ignored);
            }
        }
        std::cerr << "crash_test: the database files are kept in " << pattern << "\n";
    }

    [[nodiscard]] int currentKill() const { return kill_; }

  private:
    void create() {
        path_ = dir_ / "crash.rtdb";
        // Created like createTestStore (fast key derivation, the test administrator), but
        // keeping the recovery key: the parent reads with it, which costs no key derivation.
        auto created = RecordStore::create(
            path_,
            {roundtable::test::kTestLogin, roundtable::test::kTestPassphrase, KeyDerivation::fast});
        recoveryKey_ = created.recoveryKey;
        auto& store = created.store;
        layout_.group = store.addGroup("Crash test group", GroupKind::treatment);
        for (int n = 1; n <= kMembers; ++n) {
            layout_.members.push_back(
                store.addMember(layout_.group, "Member " + std::to_string(n), "2024-01-01"_date));
        }
        planSessions(store, layout_, margin_);
        if (readLayout(store).sessions != layout_.sessions) {
            fail("the sessions are not listed in the order they were planned");
        }
    }

    /// Makes sure the next child has at least margin_ pairs to write (no store is open
    /// while a child runs, so that every reopen after a kill is a first open of the file).
    void planAhead() {
        if (layout_.pairs() >= nextPair_ + margin_)
            return;
        auto store = roundtable::test::openTestStore(path_);
        planSessions(store, layout_, nextPair_ + 2 * margin_);
        if (readLayout(store).sessions != layout_.sessions) {
            fail("the sessions are not listed in the order they were planned");
        }
    }

    void runOneChild() {
        planAhead();
        start_ = nextPair_;
        reportedNow_.clear();
        exhausted_ = false;
        auto child = spawnChild(path_, start_, layout_.pairs());
        LineReader reader(child.output);
        bool killed = false;
        auto reap = [&] {
            if (!killed)
                ::kill(child.pid, SIGKILL);
            killed = true;
            int status = 0;
            while (waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
            }
            return status;
        };
        try {
            // 1. Wait for "writing" (opening and signing in take ~0.1 s; allow plenty).
            auto deadline = Clock::now() + std::chrono::seconds(60);
            bool writing = false;
            while (!writing) {
                bool open = reader.readUntil(deadline);
                auto lines = reader.takeLines();
                if (!lines.empty()) {
                    if (lines.front() != "writing") {
                        fail("the child said \"" + lines.front() + "\" before \"writing\"");
                    }
                    writing = true;
                    takeReports({lines.begin() + 1, lines.end()});
                }
                if (!writing && !open) {
                    fail("the child ended before it began writing: it " + describeStatus(reap()));
                }
                if (!writing && Clock::now() >= deadline) {
                    fail("the child did not begin writing within 60 s");
                }
            }
            // 2. Let it write for a random time, collecting what it reports, then kill it.
            std::uniform_int_distribution<int> delay(0, kMaxDelayMicroseconds);
            deadline = Clock::now() + std::chrono::microseconds(delay(rng_));
            while (Clock::now() < deadline && reader.readUntil(deadline))
                takeReports(reader);
            takeReports(reader);
            ::kill(child.pid, SIGKILL);
            killed = true;
            int status = reap();
            // 3. Reports already in the pipe count: the child finished those notes.
            auto drainDeadline = Clock::now() + std::chrono::seconds(10);
            while (reader.readUntil(drainDeadline)) {
                takeReports(reader);
                if (Clock::now() >= drainDeadline)
                    fail("the pipe did not close after the kill");
            }
            takeReports(reader);
            if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
                fail("the child was not ended by the kill: it " + describeStatus(status));
            }
            // A line cut short is impossible (short pipe writes are atomic): flag it if seen.
            if (!reader.partial().empty()) {
                fail("the child's output ended with half a line: \"" + reader.partial() + "\"");
            }
        } catch (...) {
            if (!killed)
                reap();
            throw;
        }
    }

    void takeReports(LineReader& reader) { takeReports(reader.takeLines()); }

    void takeReports(const std::vector<std::string>& lines) {
        for (const auto& line : lines) {
            if (line == "exhausted") {
                exhausted_ = true;
                continue;
            }
            long long session = 0, member = 0, index = 0;
            char extra = 0;
            if (std::sscanf(line.c_str(), "committed %lld %lld %lld%c", &session, &member, &index,
                            &extra) != 3) {
                fail("the child reported something unexpected: \"" + line + "\"");
            }
            auto expected = start_ + static_cast<std::int64_t>(reportedNow_.size());
            if (exhausted_ || index != expected || session != layout_.sessionOf(index).value() ||
                member != layout_.memberOf(index).value()) {
                fail("the child reported note " + std::to_string(index) + " (session " +
                     std::to_string(session) + ", member " + std::to_string(member) +
                     ") where note " + std::to_string(expected) + " was due");
            }
            reportedNow_.push_back(index);
        }
    }

    void checkNote(const std::optional<ProgressNote>& note, std::int64_t pair, bool mustBeSigned) {
        std::string which = "note " + std::to_string(pair) + " (session " +
                            std::to_string(layout_.sessionOf(pair)) + ", member " +
                            std::to_string(layout_.memberOf(pair)) + ")";
        if (!note)
            fail(which + " was reported saved but is missing");
        if (note->sessionId != layout_.sessionOf(pair) ||
            note->memberId != layout_.memberOf(pair)) {
            fail(which + " came back under another session or member");
        }
        if (mustBeSigned && note->state != NoteState::signedOff) {
            fail(which + " was reported signed but is a draft");
        }
        if (note->content.text != noteText(pair)) {
            fail(which + " is not whole: " + std::to_string(note->content.text.size()) +
                 " bytes where " + std::to_string(noteText(pair).size()) +
                 " were saved; it begins \"" + note->content.text.substr(0, 60) + "\"");
        }
    }

    void verifyAfterKill() {
        // The store opens the killed database first, as the app would after a crash.
        auto store = RecordStore::open(path_);
        store.unlockWithRecoveryKey(recoveryKey_);
        {
            RawDatabase raw(path_);
            auto integrity = raw.rows("PRAGMA integrity_check");
            if (integrity != std::vector<std::string>{"ok"}) {
                fail("integrity_check: " + (integrity.empty() ? "no answer" : integrity.front()));
            }
            auto foreignKeys = raw.rows("PRAGMA foreign_key_check");
            if (!foreignKeys.empty()) {
                fail("foreign_key_check (table|rowid|parent|fk): " + foreignKeys.front());
            }
        }

        // Every reported note: there, signed, whole.
        for (auto pair : reportedNow_) {
            checkNote(store.note(layout_.sessionOf(pair), layout_.memberOf(pair)), pair, true);
            fates_[pair] = Fate::signedOff;
        }
        reported_ += static_cast<std::int64_t>(reportedNow_.size());

        // The pair in flight at the kill: absent, a draft or signed - but whole if there.
        auto inFlight = start_ + static_cast<std::int64_t>(reportedNow_.size());
        if (exhausted_) {
            nextPair_ = inFlight;
            margin_ *= 2;  // this child ran out of planned pairs: plan further ahead
        } else {
            auto note = store.note(layout_.sessionOf(inFlight), layout_.memberOf(inFlight));
            ++inFlight_;
            if (!note) {
                fates_[inFlight] = Fate::absent;
                ++inFlightAbsent_;
            } else {
                checkNote(note, inFlight, false);
                bool isSigned = note->state == NoteState::signedOff;
                fates_[inFlight] = isSigned ? Fate::signedOff : Fate::draft;
                ++(isSigned ? inFlightSigned_ : inFlightDraft_);
            }
            nextPair_ = inFlight + 1;
        }

        // Nothing lost from earlier kills, nothing written beyond the pair in flight.
        std::int64_t present = 0, signedCount = 0;
        for (const auto& [pair, fate] : fates_) {
            present += fate != Fate::absent;
            signedCount += fate == Fate::signedOff;
        }
        RawDatabase raw(path_);
        auto counts =
            raw.rows("SELECT COUNT(*), COALESCE(SUM(state = 'signed'), 0) FROM progress_notes");
        auto want = std::to_string(present) + "|" + std::to_string(signedCount);
        if (counts.front() != want) {
            fail("the file holds " + counts.front() + " (notes|signed) where " + want +
                 " were expected");
        }
    }

    /// Reads every note in the file through the store and compares it with its fate.
    void verifyEveryNote() {
        auto store = RecordStore::open(path_);
        store.unlockWithRecoveryKey(recoveryKey_);
        std::map<MemberId, std::int64_t> memberIndex;
        for (std::int64_t k = 0; k < kMembers; ++k) {
            memberIndex[layout_.members[static_cast<std::size_t>(k)]] = k;
        }
        std::int64_t seen = 0;
        for (std::size_t n = 0; n < layout_.sessions.size(); ++n) {
            for (const auto& note : store.notesOf(layout_.sessions[n])) {
                auto member = memberIndex.find(note.memberId);
                if (member == memberIndex.end())
                    fail("a note belongs to an unknown member");
                auto pair = static_cast<std::int64_t>(n) * kMembers + member->second;
                auto fate = fates_.find(pair);
                if (fate == fates_.end() || fate->second == Fate::absent) {
                    fail("note " + std::to_string(pair) + " is in the file but was never written");
                }
                checkNote(note, pair, fate->second == Fate::signedOff);
                if (fate->second == Fate::draft && note.state != NoteState::draft) {
                    fail("note " + std::to_string(pair) + " was a draft and is now signed");
                }
                ++seen;
            }
        }
        std::int64_t present = 0;
        for (const auto& [pair, fate] : fates_)
            present += fate != Fate::absent;
        if (seen != present) {
            fail("read back " + std::to_string(seen) + " notes where " + std::to_string(present) +
                 " were expected");
        }
    }

    Options options_;
    std::mt19937_64 rng_;
    roundtable::test::TempDir dir_;
    std::filesystem::path path_;
    std::string recoveryKey_;
    Layout layout_;
    std::int64_t margin_ = 1024;  ///< pairs planned ahead of the next child
    std::int64_t nextPair_ = 0;   ///< first pair no child has been given
    std::int64_t start_ = 0;      ///< the current child's first pair
    std::vector<std::int64_t> reportedNow_;
    bool exhausted_ = false;
    std::map<std::int64_t, Fate> fates_;  ///< every pair handed out so far
    int kill_ = 0;
    std::int64_t reported_ = 0, inFlight_ = 0, inFlightAbsent_ = 0, inFlightDraft_ = 0,
                 inFlightSigned_ = 0;
};

int usage() {
    std::cerr << "usage: crash_test --kills N [--seed S]\n"
                 "       crash_test --child DB --start K --end E\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto value = [&](std::size_t i) -> const std::string& {
        if (i + 1 >= args.size())
            throw std::invalid_argument(args[i] + " needs a value");
        return args[i + 1];
    };
    Options options;
    std::optional<std::filesystem::path> childDb;
    std::int64_t start = 0, end = 0;
    try {
        for (std::size_t i = 0; i < args.size(); i += 2) {
            if (args[i] == "--kills") {
                options.kills = std::stoi(value(i));
            } else if (args[i] == "--seed") {
                options.seed = std::stoull(value(i));
                options.seedGiven = true;
            } else if (args[i] == "--child") {
                childDb = value(i);
            } else if (args[i] == "--start") {
                start = std::stoll(value(i));
            } else if (args[i] == "--end") {
                end = std::stoll(value(i));
            } else {
                return usage();
            }
        }
    } catch (const std::exception& error) {
        std::cerr << "crash_test: " << error.what() << "\n";
        return usage();
    }
    if (childDb)
        return runChild(*childDb, start, end);
    if (options.kills < 1)
        return usage();

    if (!options.seedGiven)
        options.seed = std::random_device{}();
    std::cout << "crash test: " << options.kills << " kills, seed " << options.seed
              << " (delays repeat with --seed " << options.seed << ")\n"
              << std::flush;
    std::optional<CrashTest> test;
    try {
        test.emplace(options);
        test->run();
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "crash test FAILED";
        if (test && test->currentKill() > 0) {
            std::cerr << " at kill " << test->currentKill() << " of " << options.kills;
        }
        std::cerr << " (seed " << options.seed << "): " << error.what() << "\n";
        if (test)
            test->preserveFiles();
        return 1;
    }
}
