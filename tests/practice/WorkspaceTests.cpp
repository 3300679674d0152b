// One open database as the window uses it (practice/Workspace): created and signed in, locked
// and signed in again, refused when it is not a database (and left as it was), warned about
// when an older copy was put back, backed up, restored from its backup, and recovered with its
// recovery key when no administrator can sign in. All without a display.
#include <doctest/doctest.h>

#include <fstream>

#include "practice/Workspace.h"
#include "settings/Settings.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using roundtable::test::shippedProgramme;

namespace {

std::string fileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::unique_ptr<practice::Workspace> createService(const std::filesystem::path& path,
                                                   practice::RecoveryKeyToKeep& key) {
    return practice::Workspace::create(
        path, {test::kTestLogin, test::kTestPassphrase, records::KeyDerivation::fast},
        shippedProgramme(), key);
}

std::vector<std::string> groupNames(practice::Workspace& workspace) {
    std::vector<std::string> names;
    for (const auto& group : workspace.practice().groups())
        names.push_back(group.name);
    return names;
}

}  // namespace

TEST_CASE("a workspace is created signed in, locks, and signs in again only with the passphrase") {
    test::TempDir dir;
    practice::RecoveryKeyToKeep key;
    auto workspace = createService(dir / "service.rtdb", key);
    CHECK(!key.key.empty());
    CHECK(key.publicKey.size() == 64);
    CHECK(workspace->isUnlocked());
    CHECK(workspace->isAdministrator());
    CHECK(workspace->path() == dir / "service.rtdb");
    CHECK(workspace->suggestedBackupName().starts_with("service-backup-"));
    CHECK(workspace->backupReminder() == "No backup of this database has been made yet.");
    workspace->practice().createGroup("Tuesday group", records::GroupKind::treatment);

    auto outcome = workspace->lock(std::nullopt);
    CHECK(!outcome.notSaved);
    CHECK(!workspace->isUnlocked());
    CHECK(!workspace->isAdministrator());
    CHECK_THROWS_AS(workspace->signIn(test::kTestLogin, "wrong horse battery"),
                    records::StoreError);
    CHECK(!workspace->isUnlocked());
    workspace->signIn(test::kTestLogin, test::kTestPassphrase);
    CHECK(workspace->currentUser()->login == test::kTestLogin);
    CHECK(groupNames(*workspace) == std::vector<std::string>{"Tuesday group"});
}

TEST_CASE("creating refuses a missing user name or a short passphrase at its field") {
    // The new database page shows a refusal at the field it names, not by the words of the
    // message, which may be in any language.
    test::TempDir dir;
    const auto path = dir / "service.rtdb";
    practice::RecoveryKeyToKeep key;
    auto refusedField = [&](const std::string& login, const std::string& passphrase) {
        try {
            (void)practice::Workspace::create(
                path, {login, passphrase, records::KeyDerivation::fast}, shippedProgramme(), key);
        } catch (const practice::ValidationError& refused) {
            return refused.field();
        }
        return std::string("(not refused)");
    };
    CHECK(refusedField("", test::kTestPassphrase) == "setup-login");
    CHECK(refusedField(test::kTestLogin, "too short") == "setup-passphrase");
    // Both wrong: the first field is named.
    CHECK(refusedField("", "too short") == "setup-login");
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(key.key.empty());
}

TEST_CASE("a file that is not a database is refused by open and left byte-identical") {
    test::TempDir dir;
    const auto path = dir / "notes.rtdb";
    std::ofstream(path, std::ios::binary) << "Shopping list: bread, milk.\n";
    const auto before = fileBytes(path);
    CHECK_THROWS_AS((void)practice::Workspace::open(path, shippedProgramme(), nullptr),
                    records::StoreError);
    CHECK(fileBytes(path) == before);
}

TEST_CASE("an older copy put back is warned about as the workspace opens, before sign-in") {
    test::TempDir dir;
    const auto path = dir / "service.rtdb";
    settings::IniFileStore computer(dir / "computer.ini");
    practice::SeenLogHeads seen(computer);
    {
        practice::RecoveryKeyToKeep key;
        auto workspace = createService(path, key);
        CHECK(!workspace->lock(std::nullopt).notSaved);
        workspace->rememberLogHead(seen);
    }
    std::filesystem::copy_file(path, dir / "older.rtdb");
    {
        auto workspace = practice::Workspace::open(path, shippedProgramme(), &seen);
        CHECK(workspace->openingWarning().empty());
        workspace->signIn(test::kTestLogin, test::kTestPassphrase);
        workspace->practice().createGroup("Tuesday group", records::GroupKind::treatment);
        CHECK(!workspace->lock(std::nullopt).notSaved);
        workspace->rememberLogHead(seen);
    }
    std::filesystem::remove(path);
    std::filesystem::copy_file(dir / "older.rtdb", path);
    auto workspace = practice::Workspace::open(path, shippedProgramme(), &seen);
    CHECK(workspace->openingWarning().find("older copy") != std::string::npos);
    CHECK(!workspace->isUnlocked());
}

TEST_CASE("a workspace's backup is verified and quiets the reminder, and restores in its place") {
    test::TempDir dir;
    const auto path = dir / "service.rtdb";
    const auto backup = dir / "backup.rtdb";
    practice::RecoveryKeyToKeep key;
    auto workspace = createService(path, key);
    workspace->practice().createGroup("Tuesday group", records::GroupKind::treatment);
    auto made = workspace->backupTo(backup);
    CHECK(made.file == backup);
    CHECK(!workspace->backupReminder());
    workspace->practice().createGroup("Added after the backup", records::GroupKind::treatment);

    // The database is held open: a restore must wait until the workspace is closed.
    CHECK_THROWS_AS(
        (void)practice::restoreBackup(backup, path, test::kTestLogin, test::kTestPassphrase),
        records::StoreError);
    CHECK(!workspace->lock(std::nullopt).notSaved);
    workspace.reset();
    auto restored = practice::restoreBackup(backup, path, test::kTestLogin, test::kTestPassphrase);
    CHECK(std::filesystem::exists(restored.kept));
    CHECK(restored.recordsChecked > 0);

    workspace = practice::Workspace::open(path, shippedProgramme(), nullptr);
    workspace->signIn(test::kTestLogin, test::kTestPassphrase);
    CHECK(groupNames(*workspace) == std::vector<std::string>{"Tuesday group"});
}

TEST_CASE("the recovery key adds an administrator, who is then signed in") {
    test::TempDir dir;
    practice::RecoveryKeyToKeep key;
    auto workspace = createService(dir / "service.rtdb", key);
    CHECK(!workspace->lock(std::nullopt).notSaved);

    CHECK_THROWS_AS(workspace->recoverWithKey("not the key", "morgan", "a long new passphrase",
                                              "a long new passphrase"),
                    records::StoreError);
    CHECK(!workspace->isUnlocked());
    try {
        workspace->recoverWithKey(key.key, "morgan", "a long new passphrase", "another one");
        FAIL("a passphrase typed differently twice was accepted");
    } catch (const practice::ValidationError& refused) {
        CHECK(refused.field() == "recover-repeat");
    }
    CHECK(!workspace->isUnlocked());

    workspace->recoverWithKey(key.key, " morgan ", "a long new passphrase",
                              "a long new passphrase");
    CHECK(workspace->currentUser()->login == "morgan");
    CHECK(workspace->isAdministrator());
}
