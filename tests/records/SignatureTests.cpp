// Who wrote what is proven (RELIABILITY.md promise 16, data format 6): someone who holds the
// data key and can write to the file (a colleague running a modified client: her writes are
// tagged, logged and signed with her own key, as every write is) still cannot raise her own
// role, write in another person's name or forge a certificate; and the signed log cannot be
// cut or altered. verify() names each; the person's own sign-in is refused where it can be.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "records/RecordStore.h"
#include "support/EveryRecord.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

constexpr const char* kColleague = "colleague";
constexpr const char* kColleaguePassphrase = "a colleague's passphrase";

/// A database with every kind of record, locked; the colleague (a facilitator) is user 2.
std::filesystem::path everyRecord(const TempDir& dir) {
    auto path = dir / "s.rtdb";
    auto store = createTestStore(path);
    writeEveryKindOfRecord(store);
    REQUIRE(store.verify().intact());
    return path;
}

bool names(const VerifyReport& report, const std::string& words) {
    return std::any_of(
        report.forgeries.begin(), report.forgeries.end(),
        [&](const std::string& forgery) { return forgery.find(words) != std::string::npos; });
}

VerifyReport verifyAsAdministrator(const std::filesystem::path& path) {
    auto store = openTestStore(path);
    return store.verify();
}

/// Plain SQL with every trigger dropped first, as someone determined would.
std::string tamper(const std::filesystem::path& path, const std::string& sql) {
    return rawSql(path,
                  "DROP TRIGGER log_signatures_are_kept_update; DROP TRIGGER "
                  "log_signatures_are_kept_delete; " +
                      sql);
}

}  // namespace

TEST_CASE("a new database's log is signed throughout, and verify counts the signatures") {
    TempDir dir;
    auto path = everyRecord(dir);
    auto report = verifyAsAdministrator(path);
    CHECK(report.intact());
    CHECK(report.forgeries.empty());
    CHECK(report.signaturesChecked > 20);
    // Every write transaction has its signature: no event outside a signed range.
    CHECK(rawCount(path,
                   "SELECT COUNT(*) FROM audit_events e WHERE NOT EXISTS (SELECT 1 FROM "
                   "log_signatures s WHERE e.id BETWEEN s.first_event AND s.last_event)") == 0);
}

TEST_CASE("a facilitator who raises her own role with the data key is named, and refused") {
    TempDir dir;
    auto path = everyRecord(dir);
    {
        auto store = RecordStore::open(path);
        store.unlock(kColleague, kColleaguePassphrase);
        store.writeForTests("UPDATE users SET role = 'administrator' WHERE login = 'colleague'");
        store.lock();
        CHECK_THROWS_WITH_AS(store.unlock(kColleague, kColleaguePassphrase),
                             "You cannot sign in: your user record was changed outside "
                             "Roundtable. Your name, role or signing key is not what an "
                             "administrator certified. Ask an administrator to check the "
                             "database.",
                             StoreError);
    }
    auto report = verifyAsAdministrator(path);
    CHECK_FALSE(report.intact());
    CHECK(names(report,
                "The user colleague (users 2) does not have the name, role or key an "
                "administrator certified"));
}

TEST_CASE("a certificate a facilitator signs for herself as an administrator is a forgery") {
    TempDir dir;
    auto path = everyRecord(dir);
    {
        auto store = RecordStore::open(path);
        store.unlock(kColleague, kColleaguePassphrase);
        // Her own key, her own certificate, claiming the administrator signed it.
        store.writeForTests(
            "INSERT INTO user_certificates (user_id, login, role, public_key, certified_by, "
            "certified_at, signature) SELECT user_id, 'colleague', 'administrator', public_key, "
            "1, '2026-12-01T00:00:00Z', zeroblob(64) FROM signing_keys WHERE user_id = 2; "
            "UPDATE users SET role = 'administrator' WHERE login = 'colleague'");
    }
    auto report = verifyAsAdministrator(path);
    CHECK(names(report, "The certificate of colleague's key and role (user_certificates"));
    CHECK(names(report, "is not signed by an administrator: it was forged"));
    CHECK(names(report, "The user colleague (users 2)"));
}

TEST_CASE("a record written in another person's name is named by verify") {
    TempDir dir;
    auto path = everyRecord(dir);
    {
        auto store = RecordStore::open(path);
        store.unlock(kColleague, kColleaguePassphrase);
        // Her amendment, made to look like the administrator's.
        store.writeForTests(
            "INSERT INTO note_amendments (note_id, text, reason, author, created_at) SELECT "
            "note_id, text, reason, 1, created_at FROM note_amendments ORDER BY id LIMIT 1");
    }
    auto report = verifyAsAdministrator(path);
    CHECK(names(report,
                "The amendment (note_amendments 2) says admin wrote it, but the signed "
                "log shows colleague writing it."));
}

TEST_CASE("the signed log cannot be cut or altered: each change is named") {
    TempDir dir;
    auto path = everyRecord(dir);
    auto copy = [&](const char* name) {
        auto to = dir / name;
        std::filesystem::copy_file(path, to);
        return to;
    };
    SUBCASE("a signature removed leaves its events signed by no one") {
        auto cut = copy("cut.rtdb");
        CHECK(tamper(cut, "DELETE FROM log_signatures WHERE id = 4") == "");
        CHECK(names(verifyAsAdministrator(cut), "are signed by no one"));
    }
    SUBCASE("a signature altered, or moved to another signer, does not verify") {
        auto altered = copy("altered.rtdb");
        CHECK(tamper(altered, "UPDATE log_signatures SET signer = 2 WHERE id = 1") == "");
        CHECK(names(verifyAsAdministrator(altered), "are not signed by the key of colleague"));
    }
    SUBCASE("the recovery key's public key replaced, even by text that is not hex") {
        for (std::string value : {std::string(64, 'a'), std::string("not a key at all")}) {
            auto replaced = copy("replaced.rtdb");
            CHECK(rawSql(replaced, "UPDATE service_state SET value = '" + value +
                                       "' WHERE key = 'recovery_public_key'") == "");
            CHECK(names(verifyAsAdministrator(replaced),
                        "The certificate of admin's key and role (user_certificates 1) is not "
                        "signed by an administrator: it was forged."));
            std::filesystem::remove(replaced);
        }
    }
    SUBCASE("the signed log's start moved past everything") {
        auto moved = copy("moved.rtdb");
        CHECK(rawSql(moved,
                     "UPDATE service_state SET value = '100000' WHERE key = 'signed_log_from'") ==
              "");
        auto report = verifyAsAdministrator(moved);
        CHECK_FALSE(report.intact());
    }
}

TEST_CASE("a log re-chained with the data key after an amendment was deleted is named") {
    TempDir dir;
    auto path = everyRecord(dir);
    // The amendment and every event about it go; the triggers that keep them are dropped.
    CHECK(rawSql(path,
                 "DROP TRIGGER audit_events_are_kept_delete; DROP TRIGGER "
                 "amendments_are_kept_delete; DELETE FROM audit_events WHERE record_kind = "
                 "'note_amendments' OR kind = 'amend-note'; DELETE FROM note_amendments") == "");
    {
        auto store = RecordStore::open(path);
        store.unlock(kColleague, kColleaguePassphrase);
        store.rechainLogForTests();
    }
    auto store = RecordStore::open(path);
    // The colleague's own sign-in wrote after the cut: the administrator verifies.
    store.unlock(kTestLogin, kTestPassphrase);
    auto report = store.verify();
    CHECK(report.log.intact());     // the chain alone no longer shows it
    CHECK(report.damaged.empty());  // nor do the rows: their events went with them
    CHECK(names(report, "are not signed by the key of admin"));
    CHECK_FALSE(report.intact());
}

TEST_CASE("the recovery key's public key is the root of a new database's certificates") {
    TempDir dir;
    auto created =
        RecordStore::create(dir / "s.rtdb", {kTestLogin, kTestPassphrase, KeyDerivation::fast});
    CHECK(created.recoveryPublicKey.size() == 64);
    CHECK(created.store.trustRoots() == std::vector<std::string>{created.recoveryPublicKey});
    CHECK(
        rawCount(dir / "s.rtdb",
                 "SELECT COUNT(*) FROM user_certificates WHERE user_id = 1 AND certified_by = 0") ==
        1);
}
