// A note typed while the server could not be reached (issue 15, item 5): kept sealed in a
// 0600 file on this computer, readable only through the store it belongs to, and saved as a
// draft once the server is back. The server case stops a real server of the test's own.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "practice/KeptNote.h"
#include "support/PracticeGroup.h"
#include "support/TestServer.h"

using namespace roundtable;

namespace {

std::string bytesOf(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Adam present at a delivered session, and what was being typed about him.
struct TypedNote : test::PracticeGroup {
    records::MemberId adam = practice.addMember(group, "Adam Able", "2026-09-01");
    records::SessionId session = deliver("framework-01", "2026-09-15");
    practice::UnsavedNote typed;
    TypedNote() {
        mark(session, adam, records::Attendance::attended);
        typed.session = session;
        typed.member = adam;
        typed.content.text = "Adam spoke about the rules of the group for the first time.";
        typed.content.participation = records::Participation::some;
        typed.content.ratings = {{"framework-keeps-rules", 2}};
        typed.content.concernRaised = true;
        typed.concern = "He said he had not slept.";
    }
};

}  // namespace

TEST_CASE("a kept note is sealed in a file only its owner reads, and comes back whole") {
    TypedNote g;
    practice::KeptNote kept(g.store, g.dir / "kept");
    CHECK_FALSE(kept.kept());
    kept.keep(g.typed);

    struct stat status {};
    REQUIRE(::stat(kept.file().c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
    const auto bytes = bytesOf(kept.file());
    CHECK(bytes.find("Adam spoke") == std::string::npos);
    CHECK(bytes.find("not slept") == std::string::npos);
    CHECK(bytes.find("framework") == std::string::npos);

    auto back = kept.kept();
    REQUIRE(back);
    CHECK(back->session == g.typed.session);
    CHECK(back->member == g.typed.member);
    CHECK(back->content == g.typed.content);
    CHECK(back->concern == g.typed.concern);

    // Kept again as typing goes on: the newest replaces it.
    g.typed.content.text += " Later he asked a question.";
    kept.keep(g.typed);
    CHECK(kept.kept()->content.text == g.typed.content.text);
    kept.discard();
    CHECK_FALSE(kept.kept());
    CHECK_FALSE(std::filesystem::exists(kept.file()));
}

TEST_CASE("a kept note that was changed on the disk, or moved to another store, is refused") {
    TypedNote g;
    practice::KeptNote kept(g.store, g.dir / "kept");
    kept.keep(g.typed);
    auto bytes = bytesOf(kept.file());

    // Another service's store (its own key) cannot open it, even under the same name.
    test::TempDir other;
    auto otherStore = test::createTestStore(other / "other.rtdb");
    practice::KeptNote elsewhere(otherStore, g.dir / "kept");
    std::filesystem::copy_file(kept.file(), elsewhere.file(),
                               std::filesystem::copy_options::overwrite_existing);
    CHECK_THROWS_WITH_AS((void)elsewhere.kept(), doctest::Contains("was changed or damaged"),
                         records::StoreError);

    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
    {
        std::ofstream out(kept.file(), std::ios::binary | std::ios::trunc);
        out << bytes;
    }
    CHECK_THROWS_WITH_AS((void)kept.kept(), doctest::Contains("It was left there."),
                         records::StoreError);
    CHECK(bytesOf(kept.file()) == bytes);  // left as it was, for someone to look at
}

TEST_CASE(
    "a note typed while the server is stopped is kept on this computer, then saved as a draft "
    "with its concern when the server is back") {
    if (!test::testsOnServer() || !test::testServerAvailable())
        return;  // only a server goes away
    test::OwnTestServer server;
    TypedNote g;
    practice::KeptNote kept(g.store, g.dir / "kept");

    server.pause();
    CHECK_THROWS_AS(g.practice.saveUnsaved(g.typed), records::ConnectionLost);
    kept.keep(g.typed);  // what the app does while the server is away

    server.resume();
    CHECK_FALSE(g.store.reconnect());
    auto note = kept.kept();
    REQUIRE(note);
    g.practice.saveUnsaved(*note);
    kept.discard();

    auto saved = g.store.note(g.session, g.adam);
    REQUIRE(saved);
    CHECK(saved->state == records::NoteState::draft);
    CHECK(saved->content == g.typed.content);
    CHECK(g.store.concernsOf(g.adam).size() == 1);
    CHECK(g.store.verify().intact());
}
