// Locking can never be stopped by a failure: the note being written is saved first, and when
// that save fails (the disk refuses every write, or the note is refused) the key is wiped
// all the same and the note is handed back whole, so the person's text is not lost.
#include <doctest/doctest.h>

#include <algorithm>

#include "practice/Practice.h"
#include "records/FaultyVfs.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using roundtable::test::shippedProgramme;
using test::FaultyVfs;

namespace {

const std::string kTyped = "Typed just before the lock: spoke about his week, Caf\xC3\xA9 example.";

/// A database with one member marked present at one session, signed in; the shim VFS is under
/// it (declared first, so that it outlives every connection).
struct Service {
    test::FaultyVfsScope vfs;
    test::TempDir dir;
    records::RecordStore store = test::createTestStore(dir / "service.rtdb");
    practice::Practice practice{store, shippedProgramme()};
    records::GroupId group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
    records::MemberId member = practice.addMember(group, "Daniel Hughes", "2026-01-01");
    records::SessionId session = practice.planSession(group, "framework-01", "2026-11-03");

    Service() { practice.recordAttendance(session, member, records::Attendance::attended, ""); }

    [[nodiscard]] bool keyWiped() const {
        auto key = store.keyMemoryForTests();
        return !store.isUnlocked() && !key.empty() &&
               std::all_of(key.begin(), key.end(), [](unsigned char b) { return b == 0; });
    }
};

}  // namespace

TEST_CASE("locking saves the note being written as a draft, then wipes the key") {
    Service s;
    records::NoteContent typed(kTyped);
    typed.concernRaised = true;
    const std::string concern = "Said he waits near the school at home time.";
    auto outcome = s.practice.lock(practice::UnsavedNote{s.session, s.member, typed, concern});
    CHECK_FALSE(outcome.notSaved);
    CHECK(outcome.problem.empty());
    CHECK(s.keyWiped());
    s.store.unlock(test::kTestLogin, test::kTestPassphrase);
    auto note = s.store.note(s.session, s.member);
    REQUIRE(note);
    CHECK(note->state == records::NoteState::draft);
    CHECK(note->content.text == kTyped);
    // The concern described under the tick is recorded with his concerns, linked to the note.
    auto fromNote = s.practice.concernsFromNote(s.session, s.member);
    REQUIRE(fromNote.size() == 1);
    CHECK(fromNote[0].description == concern);
}

TEST_CASE(
    "when the disk fails as the note is saved, locking still wipes the key and hands the "
    "note back") {
    Service s;
    FaultyVfs::failFrom(1);  // every write from now on fails, as on a dying drive
    auto outcome = s.practice.lock(practice::UnsavedNote{s.session, s.member, kTyped, {}});
    CHECK(FaultyVfs::faultsInjected() > 0);
    CHECK(s.keyWiped());
    REQUIRE(outcome.notSaved);
    CHECK(outcome.notSaved->session == s.session);
    CHECK(outcome.notSaved->member == s.member);
    CHECK(outcome.notSaved->content.text == kTyped);
    CHECK_FALSE(outcome.problem.empty());

    // Once the disk works again, the note handed back can be saved after signing in.
    FaultyVfs::off();
    s.store.unlock(test::kTestLogin, test::kTestPassphrase);
    CHECK_FALSE(s.store.note(s.session, s.member));
    s.practice.saveNote(outcome.notSaved->session, outcome.notSaved->member,
                        outcome.notSaved->content);
    CHECK(s.store.note(s.session, s.member)->content.text == kTyped);
}

TEST_CASE("a note the practice refuses does not stop the lock either") {
    Service s;
    auto outcome = s.practice.lock(practice::UnsavedNote{s.session, s.member, "   ", {}});
    CHECK(s.keyWiped());
    REQUIRE(outcome.notSaved);
    CHECK(outcome.problem == "The note is empty.");
}

TEST_CASE("locking with no note being written only wipes the key") {
    Service s;
    auto outcome = s.practice.lock(std::nullopt);
    CHECK_FALSE(outcome.notSaved);
    CHECK(s.keyWiped());
}
