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
