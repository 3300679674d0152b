// I/O faults never corrupt the file or lose what was committed (RELIABILITY.md, promise 4).
// Each operation is first run with faults off to count its writes (W). Then, for every
// N = 1 .. W + 1, a fresh database gets the Nth write refused (or, in the second mode,
// every write from the Nth on) while the store is opened, the operation runs and the store
// is closed. Closing is inside the fault window on purpose: the last connection's close
// checkpoints the WAL into the main file, so faults hit both the -wal and the main file.
//
// Whatever N, the operation either succeeds or throws StoreError with a message a person
// can act on; afterwards (faults off) the file passes integrity_check, the note signed
// before is there word for word, and the new data is there completely for every step that
// reported success and absent for the step that failed. The same open store then works
// again once the disk does (the app keeps the typed text and the person saves again).
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "records/FaultyVfs.h"
#include "records/RecordStore.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using roundtable::test::FaultKind;
using roundtable::test::FaultyVfs;
using roundtable::test::FaultyVfsScope;
using roundtable::test::TempDir;

namespace {

const std::string kSignedText =
    "Signed before any fault. Spoke about his week and named two warning signs.";
const std::string kNewNoteText =
    "Typed while the disk was failing: took part well, Caf\xC3\xA9 example used.\n"
    "Second paragraph, so the note spans more than one line.";
const std::string kNewMemberName = "Zo\xC3\xAB O'Brien";

/// What the database holds before the faults start: none of it may be lost.
struct Prior {
    std::string recoveryKey;  ///< to read it back without another key derivation
    GroupId group = 0;
    MemberId signedMember = 0;  ///< has kSignedText, signed
    MemberId quietMember = 0;   ///< no note yet: "save a note" writes his
    SessionId session = 0;
};

/// A fresh database with committed data, made with faults off; closed on return so that the
/// file is complete on its own (the WAL is checkpointed and removed at close).
Prior createDatabase(const std::filesystem::path& path) {
    FaultyVfs::off();
    // test::createTestStore's own call, keeping the recovery key it drops.
    auto created = RecordStore::create(
        path,
        {roundtable::test::kTestLogin, roundtable::test::kTestPassphrase, KeyDerivation::fast});
    auto& store = created.store;
    Prior prior;
    prior.recoveryKey = created.recoveryKey;
    prior.group = store.addGroup("Tuesday group", GroupKind::treatment);
    prior.signedMember = store.addMember(prior.group, "First Member", "2026-10-01"_date);
    prior.quietMember = store.addMember(prior.group, "Second Member", "2026-10-01"_date);
    NewSession session;
    session.groupId = prior.group;
    session.date = "2026-11-03"_date;
    session.title = "Making our group rules";
    session.minutes = 120;
    session.stamp = {"framework-02", "framework", 3, std::string(64, 'a')};
    session.activities = {{"check-in", 20, "Arriving", "Greet each man."}};
    prior.session = store.addSession(session);
    store.saveNoteDraft(prior.session, prior.signedMember, kSignedText);
    store.signNote(prior.session, prior.signedMember);
    return prior;
}

/// The first column of the first row of `sql`, read by a plain connection on the file (as a
/// person with a SQLite shell would; through the shim, whose faults are off by then).
std::string rawValue(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string value;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        value = std::string("(cannot open: ") + sqlite3_errmsg(db) + ")";
        sqlite3_close(db);
        return value;
    }
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        value = std::string("(cannot prepare: ") + sqlite3_errmsg(db) + ")";
    } else if (int code = sqlite3_step(statement); code == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(statement, 0);
        value = text ? reinterpret_cast<const char*>(text) : "(null)";
    } else {
        value =
            code == SQLITE_DONE ? "(no row)" : std::string("(error: ") + sqlite3_errmsg(db) + ")";
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

std::string integrity(const std::filesystem::path& path) {
    return rawValue(path, "PRAGMA integrity_check");
}

std::string foreignKeyProblems(const std::filesystem::path& path) {
    return rawValue(path, "SELECT count(*) FROM pragma_foreign_key_check");
}

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// An operation as a person experiences it: one or more calls, each of which reports
/// success or a StoreError on its own. `done` counts the calls that succeeded, so a retry
/// continues where the failure stopped it.
struct Operation {
    std::string name;
    std::function<void(RecordStore&, const Prior&, int& done)> run;
    /// A plain connection's summary of the new data; must equal expectedRaw(done).
    std::function<std::string(const std::filesystem::path&, const Prior&)> raw;
    std::function<std::string(int done)> expectedRaw;
    /// Through the store: exactly the first `done` calls' data is there, complete.
    std::function<void(RecordStore&, const Prior&, int done)> check;
    int calls;
};

Operation saveNote() {
    Operation op;
    op.name = "save a note (draft, then sign)";
    op.calls = 2;
    op.run = [](RecordStore& store, const Prior& prior, int& done) {
        if (done < 1) {
            store.saveNoteDraft(prior.session, prior.quietMember, kNewNoteText);
            done = 1;
        }
        if (done < 2) {
            store.signNote(prior.session, prior.quietMember);
            done = 2;
        }
    };
    op.raw = [](const std::filesystem::path& path, const Prior& prior) {
        return rawValue(path,
                        "SELECT count(*) || ':' || coalesce(max(state), '-') FROM progress_notes "
                        "WHERE member_id = " +
                            std::to_string(prior.quietMember));
    };
    op.expectedRaw = [](int done) {
        return std::string(done == 0 ? "0:-" : done == 1 ? "1:draft" : "1:signed");
    };
    op.check = [](RecordStore& store, const Prior& prior, int done) {
        auto note = store.note(prior.session, prior.quietMember);
        CHECK(store.notesOf(prior.session).size() == (done == 0 ? 1U : 2U));
        if (done == 0) {
            CHECK_FALSE(note.has_value());
            return;
        }
        REQUIRE(note.has_value());
        CHECK(note->content.text == kNewNoteText);
        CHECK(note->state == (done == 2 ? NoteState::signedOff : NoteState::draft));
    };
    return op;
}

Operation addMember() {
    Operation op;
    op.name = "add a member";
    op.calls = 1;
    op.run = [](RecordStore& store, const Prior& prior, int& done) {
        if (done < 1) {
            store.addMember(prior.group, kNewMemberName, "2026-11-03"_date);
            done = 1;
        }
    };
    op.raw = [](const std::filesystem::path& path, const Prior&) {
        return rawValue(path,
                        "SELECT (SELECT count(*) FROM members) || ':' || "
                        "(SELECT count(*) FROM memberships)");
    };
    op.expectedRaw = [](int done) { return std::string(done == 0 ? "2:2" : "3:3"); };
    op.check = [](RecordStore& store, const Prior& prior, int done) {
        auto members = store.membersOf(prior.group);
        REQUIRE(members.size() == (done == 0 ? 2U : 3U));
        if (done == 1) {
            CHECK(members[2].name == kNewMemberName);
            CHECK(members[2].code == "R0003");
        }
    };
    return op;
}

/// Nothing committed before the faults is lost.
void checkPrior(RecordStore& store, const Prior& prior) {
    auto members = store.membersOf(prior.group);
    REQUIRE(members.size() >= 2);
    CHECK(members[0].name == "First Member");
    CHECK(members[1].name == "Second Member");
    auto note = store.note(prior.session, prior.signedMember);
    REQUIRE(note.has_value());
    CHECK(note->content.text == kSignedText);
    CHECK(note->state == NoteState::signedOff);
    CHECK(store.session(prior.session).activities.size() == 1);
}

enum class FaultMode { none, nth, from };

struct RunResult {
    bool reportedError = false;
    int writes = 0;                     ///< writes seen in the fault window
    int faults = 0;                     ///< of which made to fail
    bool walLeftBehind = false;         ///< the close's checkpoint failed (a fault hit that path)
    bool unlockedDespiteError = false;  ///< unlock() threw, yet the store was unlocked
};

/// A database made once per test case by createDatabase and closed (so it is one file,
/// its WAL checkpointed and removed). Each run starts from a byte copy of it: the same
/// fresh database, without paying for the key derivation and a dozen fsyncs every time.
struct Template {
    std::filesystem::path path;
    Prior prior;
};

Template makeTemplate(const std::filesystem::path& path) {
    Template made{path, createDatabase(path)};
    REQUIRE(std::filesystem::is_regular_file(path));
    REQUIRE_FALSE(std::filesystem::exists(path.string() + "-wal"));
    return made;
}

/// One run on a fresh copy of the template (see the comment at the top).
RunResult runOnce(const Operation& op, const Template& fresh, const std::filesystem::path& path,
                  FaultMode mode, int n, FaultKind kind) {
    std::filesystem::copy_file(fresh.path, path, std::filesystem::copy_options::overwrite_existing);
    const Prior& prior = fresh.prior;

    if (mode == FaultMode::nth)
        FaultyVfs::failNth(n, kind);
    if (mode == FaultMode::from)
        FaultyVfs::failFrom(n, kind);
    if (mode == FaultMode::none)
        FaultyVfs::off();

    RunResult result;
    int done = 0;
    bool signedIn = false;
    std::string error;
    std::optional<RecordStore> store;
    try {
        // Opening and signing in are inside the window too (signing in writes an audit
        // event): if they fail, that is the operation reporting an error.
        store.emplace(RecordStore::open(path));
        store->unlock(roundtable::test::kTestLogin, roundtable::test::kTestPassphrase);
        signedIn = true;
        op.run(*store, prior, done);
    } catch (const StoreError& e) {
        result.reportedError = true;
        error = e.what();
    } catch (const std::exception& e) {
        result.reportedError = true;
        FAIL_CHECK("the store threw something other than StoreError: " << e.what());
    } catch (...) {
        result.reportedError = true;
        FAIL_CHECK("the store threw something that is not an exception");
    }
    // Success: close with faults still armed, so they reach the checkpoint into the main file.
    if (!result.reportedError)
        store.reset();
    result.writes = FaultyVfs::writesSoFar();
    result.faults = FaultyVfs::faultsInjected();
    const int firstFault = FaultyVfs::firstFaultCode();
    FaultyVfs::off();
    result.walLeftBehind = std::filesystem::exists(path.string() + "-wal");

    if (result.reportedError) {
        INFO("error reported: " << error);
        CHECK(result.faults > 0);  // no error without a fault
        // The app shows this message and keeps the text; it must say what went wrong.
        auto message = lowercase(error);
        CHECK_FALSE(message.empty());
        CHECK((message.find("disk") != std::string::npos ||
               message.find("database") != std::string::npos));
        if (firstFault == SQLITE_FULL)
            CHECK(message.find("full") != std::string::npos);

        // With the failed store still open, a fresh connection sees a sound file holding
        // exactly the calls that reported success: nothing half-written.
        CHECK(integrity(path) == "ok");
        CHECK(op.raw(path, prior) == op.expectedRaw(done));
        if (store && !signedIn) {
            // Signing in reported an error, so the store should still be locked (checked,
            // as a warning, in exerciseAllWrites).
            result.unlockedDespiteError = store->isUnlocked();
            try {
                store->unlock(roundtable::test::kTestLogin, roundtable::test::kTestPassphrase);
            } catch (const std::exception& e) {
                FAIL_CHECK("signing in again on the same store failed: " << e.what());
                store.reset();
            }
        }
        if (store) {
            // The failed store itself sees the same (a transaction left open would show its
            // half-done rows here), and saving again works now that the disk does.
            op.check(*store, prior, done);
            try {
                op.run(*store, prior, done);
            } catch (const std::exception& e) {
                FAIL_CHECK("saving again on the same store failed: " << e.what());
            }
            CHECK(done == op.calls);
        }
        store.reset();
    }

    // Everything closed; reopen as the app would.
    CHECK(integrity(path) == "ok");
    CHECK(foreignKeyProblems(path) == "0");
    // The recovery key reads everything without a second Argon2 derivation per run (the
    // passphrase path is the one exercised inside the fault window).
    auto reopened = RecordStore::open(path);
    reopened.unlockWithRecoveryKey(prior.recoveryKey);
    checkPrior(reopened, prior);
    op.check(reopened, prior, done);
    return result;
}

std::string kindName(FaultKind kind) {
    return kind == FaultKind::diskFull ? "disk full" : "I/O error";
}

/// Measures the operation's writes, then fails the Nth (or every write from the Nth) for
/// N = 1 .. W + 1, for both kinds of fault.
void exerciseAllWrites(const Operation& op, FaultMode mode) {
    FaultyVfsScope vfs;
    // Hundreds of commits: let syncs succeed without flushing (see skipRealSyncs).
    FaultyVfs::skipRealSyncs(true);
    TempDir dir;
    INFO("operation: " << op.name);

    const auto fresh = makeTemplate(dir / "template.rtdb");
    auto clean = runOnce(op, fresh, dir / "measure.rtdb", FaultMode::none, 0, FaultKind::ioError);
    const int writes = clean.writes;
    CHECK_FALSE(clean.reportedError);
    CHECK(clean.faults == 0);
    REQUIRE(writes > 3);

    const std::string modeName =
        mode == FaultMode::nth ? ", only write N fails" : ", every write from N fails";
    for (auto kind : {FaultKind::ioError, FaultKind::diskFull}) {
        INFO("fault: " << kindName(kind) << modeName);
        int exercised = 0, errors = 0, checkpointFaults = 0, unlockedDespiteError = 0;
        for (int n = 1; n <= writes + 1; ++n) {
            INFO("N = " << n << " of " << writes);
            // (Appended, not "n" + to_string(n): g++ 12 warns falsely on that at -O2.)
            std::string name = "n";
            name += std::to_string(n);
            name += ".rtdb";
            auto path = dir / name;
            auto result = runOnce(op, fresh, path, mode, n, kind);
            if (result.faults > 0)
                ++exercised;
            if (result.unlockedDespiteError)
                ++unlockedDespiteError;
            if (result.reportedError)
                ++errors;
            if (!result.reportedError && result.walLeftBehind)
                ++checkpointFaults;
            if (n == writes + 1) {
                // Past the last write nothing fails: the counting is exact and repeatable.
                CHECK(result.faults == 0);
                CHECK_FALSE(result.reportedError);
            }
            std::filesystem::remove(path);
            std::filesystem::remove(path.string() + "-wal");
            std::filesystem::remove(path.string() + "-shm");
        }
        MESSAGE(op.name << ", " << kindName(kind) << modeName << ": N = 1.." << writes + 1 << ", "
                        << exercised << " runs with a fault, " << errors << " reported an error, "
                        << checkpointFaults << " succeeded but could not checkpoint at close");
        CHECK(exercised > 3);
        CHECK(exercised == writes);
        CHECK(errors > 0);
        // Every write from N fails: once N is past the operation's own writes, the close's
        // checkpoint into the main file cannot complete and the WAL stays for the next open.
        if (mode == FaultMode::from)
            CHECK(checkpointFaults > 0);
        // A sign-in whose audit record cannot be written must leave the store locked.
        CHECK_MESSAGE(unlockedDespiteError == 0,
                      unlockedDespiteError << " runs: unlock() reported an error but the store "
                                              "was left unlocked");
    }
}

}  // namespace

TEST_CASE("saving a note: the Nth write fails, for every N") {
    exerciseAllWrites(saveNote(), FaultMode::nth);
}

TEST_CASE("saving a note: every write from the Nth fails, for every N") {
    exerciseAllWrites(saveNote(), FaultMode::from);
}

TEST_CASE("adding a member: the Nth write fails, for every N") {
    exerciseAllWrites(addMember(), FaultMode::nth);
}

TEST_CASE("adding a member: every write from the Nth fails, for every N") {
    exerciseAllWrites(addMember(), FaultMode::from);
}

TEST_CASE("the faulty VFS is the default while installed and counts writes") {
    TempDir dir;
    {
        FaultyVfsScope vfs;
        REQUIRE(sqlite3_vfs_find(nullptr) != nullptr);
        CHECK(std::string(sqlite3_vfs_find(nullptr)->zName) == FaultyVfs::kName);
        createDatabase(dir / "count.rtdb");
        CHECK(FaultyVfs::writesSoFar() > 0);
        CHECK(FaultyVfs::faultsInjected() == 0);
    }
    REQUIRE(sqlite3_vfs_find(nullptr) != nullptr);
    CHECK(std::string(sqlite3_vfs_find(nullptr)->zName) != FaultyVfs::kName);
}

TEST_CASE("a backup to a full disk changes nothing but the audit log") {
    FaultyVfsScope vfs;
    TempDir dir;
    auto path = dir / "service.rtdb";
    auto store = roundtable::test::createTestStore(path);
    store.backupTo(dir / "first.rtdb");
    // An old date, so that a failed backup counted now would show (times are to the second).
    const std::string lastBackup = "2020-01-01T00:00:00Z";
    rawValue(path,
             "UPDATE service_state SET value = '" + lastBackup + "' WHERE key = 'last_backup_at'");
    REQUIRE(store.lastBackupAt() == lastBackup);

    // The backup's first write (to the copy) finds the disk full; the audit write after works.
    FaultyVfs::failNth(1, FaultKind::diskFull);
    CHECK_THROWS_WITH_AS(store.backupTo(dir / "second.rtdb"), doctest::Contains("full"),
                         StoreError);
    CHECK(FaultyVfs::faultsInjected() == 1);
    CHECK(FaultyVfs::firstFaultCode() == SQLITE_FULL);
    FaultyVfs::off();
    CHECK_FALSE(std::filesystem::exists(dir / "second.rtdb"));
    CHECK(store.lastBackupAt() == lastBackup);
    CHECK(rawValue(path,
                   "SELECT COUNT(*) FROM audit_events WHERE kind = 'backup failed: disk "
                   "full' AND record_kind = 'database'") == "1");
    CHECK(store.verifyAudit().intact());
}
