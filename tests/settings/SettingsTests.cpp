// Typed settings: defaults, round trips through an INI file, and an unreadable file.
#include <doctest/doctest.h>

#include "settings/Settings.h"
#include "support/TempDir.h"

using namespace roundtable::settings;

TEST_CASE("a setting reads its default until it is written") {
    MemoryStore store;
    CHECK(idleLockMinutes.read(store) == 10);
    idleLockMinutes.write(store, 5);
    CHECK(idleLockMinutes.read(store) == 5);
    CHECK(lastDatabase.read(store).empty());
}

TEST_CASE("settings survive a round trip through the INI file") {
    roundtable::test::TempDir dir;
    auto path = dir / "config/roundtable/settings.ini";
    {
        IniFileStore store(path);
        lastDatabase.write(store, "/home/me/service \xC3\xA9.rtdb");
        idleLockMinutes.write(store, 3);
        store.flush();
    }
    IniFileStore reopened(path);
    CHECK(reopened.problem().empty());
    CHECK(lastDatabase.read(reopened) == "/home/me/service \xC3\xA9.rtdb");
    CHECK(idleLockMinutes.read(reopened) == 3);
}

TEST_CASE("an unreadable settings file is kept aside and defaults are used") {
    roundtable::test::TempDir dir;
    roundtable::test::writeFile(dir / "settings.ini", "[database\nlast = broken");
    IniFileStore store(dir / "settings.ini");
    CHECK(store.problem().find("could not be read") != std::string::npos);
    CHECK(std::filesystem::exists(dir / "settings.ini.unreadable"));
    CHECK(idleLockMinutes.read(store) == 10);
}

TEST_CASE("the recent databases keep the newest first, once each, five at most") {
    MemoryStore store;
    CHECK(readRecentDatabases(store).empty());
    for (const char* path : {"/a.rtdb", "/b.rtdb", "/c.rtdb", "/a.rtdb"})
        rememberRecentDatabase(store, path);
    CHECK(readRecentDatabases(store) == std::vector<std::string>{"/a.rtdb", "/c.rtdb", "/b.rtdb"});
    for (const char* path : {"/d.rtdb", "/e.rtdb", "/f.rtdb"})
        rememberRecentDatabase(store, path);
    CHECK(readRecentDatabases(store) ==
          std::vector<std::string>{"/f.rtdb", "/e.rtdb", "/d.rtdb", "/a.rtdb", "/c.rtdb"});
}

TEST_CASE("the idle lock is whole minutes from 1 to 240, as typed and as read") {
    CHECK(checkIdleLockMinutes("15").minutes == 15);
    CHECK(checkIdleLockMinutes(" 240 ").minutes == 240);
    CHECK(checkIdleLockMinutes("1").minutes == 1);
    for (const char* refused : {"0", "241", "10000", "", "  ", "ten", "-5", "2.5", "99999999999"}) {
        auto choice = checkIdleLockMinutes(refused);
        CHECK_MESSAGE(!choice.minutes, refused);
        CHECK(choice.problem.find("from 1 to 240") != std::string::npos);
    }
    MemoryStore store;
    idleLockMinutes.write(store, 0);  // as a hand-edited file might say
    CHECK(readIdleLockMinutes(store) == 10);
    idleLockMinutes.write(store, 30);
    CHECK(readIdleLockMinutes(store) == 30);
}
