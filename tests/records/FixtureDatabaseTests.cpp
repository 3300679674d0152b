// Opens the committed database of every format (tests/fixtures/databases/README.md).
#include <doctest/doctest.h>

#include "records/RecordStore.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {
const std::filesystem::path kFixtures = ROUNDTABLE_FIXTURES "/databases";
constexpr const char* kFormat2RecoveryKey =
    "TFD7-EXK3-SQER-6F2F-HRJF-D7JJ-234A-WERV-M5VB-L2WW-M7JH-2AN2-JGDA";
}  // namespace

TEST_CASE("a format 2 database opens, decrypts and verifies") {
    TempDir dir;
    std::filesystem::copy_file(kFixtures / "format-2.rtdb", dir / "copy.rtdb");
    auto store = openTestStore(dir / "copy.rtdb");
    auto groups = store.groups();
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].name == "Tuesday group");
    auto members = store.membersOf(groups[0].id);
    REQUIRE(members.size() == 1);
    CHECK(members[0].name == "Zo\xC3\xAB O'Brien \xE2\x80\x93 Caf\xC3\xA9");
    auto sessions = store.sessionsOf(groups[0].id);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].status == SessionStatus::tookPlace);
    auto note = store.note(sessions[0].id, members[0].id);
    REQUIRE(note);
    CHECK(note->text == "A fixture note, signed.");
    CHECK(note->state == NoteState::signedOff);
    CHECK(store.registerOf(sessions[0].id).at(0).reason == "Bus was late");
    CHECK(store.verifyAudit().intact());
    store.lock();
    store.unlockWithRecoveryKey(kFormat2RecoveryKey);
    CHECK(store.membersOf(groups[0].id).size() == 1);
}

TEST_CASE("a format 1 database is refused with an explanation and left unchanged") {
    TempDir dir;
    std::filesystem::copy_file(kFixtures / "format-1.rtdb", dir / "copy.rtdb");
    auto before = readFile(dir / "copy.rtdb");
    CHECK_THROWS_WITH_AS(RecordStore::open(dir / "copy.rtdb"),
                         "This database was made by a pre-release version of Roundtable that did "
                         "not encrypt records (data format 1). It was not opened or changed. "
                         "Create a new database.",
                         StoreError);
    CHECK(readFile(dir / "copy.rtdb") == before);
}
