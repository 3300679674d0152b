// The audit log: every change and sign-in is recorded, chained, and any altered, removed
// or reordered row among 10,000 is found by the verifier (RELIABILITY 11).
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <sstream>

#include "records/RecordStore.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

std::vector<std::string> auditKinds(const std::filesystem::path& path) {
    return rawTexts(path,
                    "SELECT kind || ' ' || record_kind FROM audit_events WHERE row_key IS NULL "
                    "ORDER BY id");
}

/// A database with 10,000 audit rows, made once and copied for each tampering case.
const std::filesystem::path& tenThousandRows() {
    static TempDir dir;
    static const auto path = [] {
        auto file = dir / "audit.rtdb";
        auto store = createTestStore(file);
        for (int i = 0; i < 10'000; ++i)
            store.recordAccess(Access::view, "session", i);
        store.lock();
        return file;
    }();
    return path;
}

AuditCheck verifyCopy(const std::string& tampering) {
    TempDir dir;
    std::filesystem::copy_file(tenThousandRows(), dir / "copy.rtdb");
    if (!tampering.empty())
        REQUIRE(rawSql(dir / "copy.rtdb", tampering) == "");
    return openTestStore(dir / "copy.rtdb").verifyAudit();
}

}  // namespace

TEST_CASE("changes, sign-ins and failed sign-ins are recorded, without content") {
    TempDir dir;
    auto path = dir / "s.rtdb";
    {
        auto store = createTestStore(path);
        auto group = store.addGroup("Tuesday group", GroupKind::treatment);
        auto member = store.addMember(group, "Daniel Hughes", "2026-01-01"_date);
        auto session = store.addSession(plannedSession(group));
        store.markAttendance(session, {member, Attendance::attended, "", {}, {}});
        store.saveNoteDraft(session, member, "Took part.");
        store.signNote(session, member);
        store.recordAccess(Access::print, "session", session);
    }
    {
        auto store = RecordStore::open(path);
        CHECK_THROWS_AS(store.unlock(kTestLogin, "a wrong passphrase"), StoreError);
        store.unlock(kTestLogin, kTestPassphrase);
        store.lock();
    }
    CHECK(auditKinds(path) ==
          std::vector<std::string>{"create-database database", "certify-key user",
                                   "add-group group", "add-member member", "plan-session session",
                                   "mark-attendance member", "save-note progress-note",
                                   "sign-note progress-note", "print session",
                                   "failed-sign-in sign-in as admin", "sign-in user", "lock user"});
    auto store = openTestStore(path);
    CHECK(store.verifyAudit().intact());
    CHECK(rawSql(path, "DELETE FROM audit_events") == "the audit log is never deleted");
    CHECK(rawSql(path, "UPDATE audit_events SET kind = 'x'") == "the audit log is never changed");
}

TEST_CASE("10,000 untouched audit rows verify as intact") {
    auto check = verifyCopy("");
    CHECK(check.intact());
    CHECK(check.rowsChecked > 10'000);  // plus the sign-in of the verifying user
}

TEST_CASE("an altered audit row is found") {
    auto check = verifyCopy(
        "DROP TRIGGER audit_events_are_kept_update;"
        "UPDATE audit_events SET record_id = 77 WHERE id = 5000;");
    REQUIRE_FALSE(check.intact());
    CHECK(*check.firstBrokenRow == 5000);
    CHECK(check.rowsChecked == 4999);
}

TEST_CASE("a deleted audit row is found") {
    auto check = verifyCopy(
        "DROP TRIGGER audit_events_are_kept_delete; DELETE FROM audit_events WHERE id = 4000;");
    REQUIRE_FALSE(check.intact());
    CHECK(*check.firstBrokenRow == 4000);
    CHECK(check.problem == "row 4000 is missing");
}

TEST_CASE("two swapped audit rows are found") {
    auto check = verifyCopy(
        "DROP TRIGGER audit_events_are_kept_update;"
        "CREATE TEMP TABLE a AS SELECT * FROM audit_events WHERE id IN (3000, 3001);"
        "UPDATE audit_events SET at = (SELECT at FROM a WHERE id = 3001),"
        "  record_id = (SELECT record_id FROM a WHERE id = 3001),"
        "  chain = (SELECT chain FROM a WHERE id = 3001) WHERE id = 3000;"
        "UPDATE audit_events SET at = (SELECT at FROM a WHERE id = 3000),"
        "  record_id = (SELECT record_id FROM a WHERE id = 3000),"
        "  chain = (SELECT chain FROM a WHERE id = 3000) WHERE id = 3001;");
    REQUIRE_FALSE(check.intact());
    CHECK(*check.firstBrokenRow == 3000);
}

TEST_CASE("a chain value cannot be recomputed without the key") {
    // Someone who rewrites a row and recomputes its chain with a hash of their own (not
    // keyed by the data key) is still found.
    auto check = verifyCopy(
        "DROP TRIGGER audit_events_are_kept_update;"
        "UPDATE audit_events SET chain = lower(hex(randomblob(32))) WHERE id = 9000;");
    REQUIRE_FALSE(check.intact());
    CHECK(*check.firstBrokenRow == 9000);
}
