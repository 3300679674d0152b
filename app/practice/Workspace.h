// One open database and what a window does with it as a whole: opening it, creating it,
// signing in, recovery by key, locking, backing up, and putting a backup in its place. The
// window only wires these to its pages (issue 16, item 10); the records themselves are read and
// written through practice() and curriculumChanges().
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "curriculum/Programme.h"
#include "practice/KeptNote.h"
#include "practice/Practice.h"
#include "practice/SeenLogHeads.h"
#include "practice/ServiceProgramme.h"
#include "records/RecordStore.h"

namespace roundtable::practice {

/// What creating a database hands to the person who created it, once: nothing stores it.
struct RecoveryKeyToKeep {
    std::string key;
    std::string publicKey;  ///< printed beside it, to check the database's root key on paper
};

class Workspace {
  public:
    /// Opens the database at `path`, locked; throws records::StoreError (with the reason, for
    /// the user) when it cannot be opened. With `seen`, the log is compared with the newest
    /// point this computer saw of it before anyone signs in (see openingWarning).
    [[nodiscard]] static std::unique_ptr<Workspace> open(const std::filesystem::path& path,
                                                         const curriculum::Programme& programme,
                                                         SeenLogHeads* seen);
    /// Creates a database at `path` with its first administrator, signed in. Its recovery key
    /// goes to `recoveryKey`. A user name or passphrase that cannot be used is refused, before
    /// anything is written, with a ValidationError naming its field as the new database page
    /// names its controls ("setup-login", "setup-passphrase"); other failures throw
    /// records::StoreError.
    [[nodiscard]] static std::unique_ptr<Workspace> create(const std::filesystem::path& path,
                                                           const records::NewDatabase& setup,
                                                           const curriculum::Programme& programme,
                                                           RecoveryKeyToKeep& recoveryKey);

    /// The data format this version of Roundtable writes (older ones are updated as they open).
    [[nodiscard]] static int dataFormat() { return records::RecordStore::dataFormat(); }

    [[nodiscard]] const std::filesystem::path& path() const { return store_->path(); }
    /// On a server: backed up and restored there, not from the window.
    [[nodiscard]] bool isOnServer() const { return store_->isOnServer(); }
    /// What the window calls the database: a file's name, or the server connection.
    [[nodiscard]] std::string displayName() const {
        return isOnServer() ? path().string() : path().filename().string();
    }
    /// Where a copy of the database as it was is kept, when opening updated its format.
    [[nodiscard]] std::optional<std::filesystem::path> migrationBackup() const {
        return store_->migrationBackup();
    }
    /// What opening found that must be said before anyone signs in: records missing from an
    /// older copy put back, or root keys replaced; "" when nothing was found. A failure to
    /// look is said too.
    [[nodiscard]] const std::string& openingWarning() const { return openingWarning_; }

    /// Signs `login` in; throws records::StoreError saying why not.
    void signIn(const std::string& login, const std::string& passphrase);
    /// Adds a new administrator with the recovery key (Practice::recoverWithKey, whose fields
    /// a refusal names), then signs them in.
    void recoverWithKey(const std::string& key, const std::string& login,
                        const std::string& passphrase, const std::string& repeat);
    [[nodiscard]] bool isUnlocked() const { return store_->isUnlocked(); }
    [[nodiscard]] std::optional<records::User> currentUser() const { return store_->currentUser(); }
    [[nodiscard]] bool isAdministrator() const;
    /// Saves `unsaved` (the note being written) and wipes the key (Practice::lock); the key
    /// goes however saving ends.
    [[nodiscard]] LockOutcome lock(std::optional<UnsavedNote> unsaved);
    /// Wipes the key without saving anything; never throws.
    void wipeKey() noexcept;

    /// A verified copy at `destination` (RecordStore::backupTo).
    records::BackupResult backupTo(const std::filesystem::path& destination);
    /// "<database>-backup-<today>.rtdb": the name a backup is offered under.
    [[nodiscard]] std::string suggestedBackupName() const;
    /// What to tell the signed-in person about backups (practice::backupReminder), if anything.
    [[nodiscard]] std::optional<std::string> backupReminder() const;

    /// Notes the log's newest point and root keys as seen on this computer.
    void rememberLogHead(SeenLogHeads& seen) { seen.remember(*store_); }
    /// The audit log's newest event: it moves whenever anyone, on any computer, records
    /// anything.
    [[nodiscard]] records::LogHead logHead() { return store_->logHead(); }
    /// RecordStore::listenForChanges and mayHaveChanged.
    void listenForChanges() { store_->listenForChanges(); }
    [[nodiscard]] bool mayHaveChanged() { return store_->mayHaveChanged(); }
    /// After records::ConnectionLost: RecordStore::reconnect.
    std::optional<bool> reconnect() { return store_->reconnect(); }
    /// The note kept in `folder` while the server could not be reached, for the signed-in user.
    [[nodiscard]] KeptNote keptNote(const std::filesystem::path& folder) {
        return {*store_, folder};
    }

    [[nodiscard]] Practice& practice() { return practice_; }
    /// The curriculum's change control on this database (for the module editor).
    [[nodiscard]] CurriculumChanges curriculumChanges() { return CurriculumChanges(*store_); }
    /// The store, for tests that check what locking left in memory.
    [[nodiscard]] records::RecordStore& storeForTests() { return *store_; }

  private:
    Workspace(std::unique_ptr<records::RecordStore> store, const curriculum::Programme& programme)
        : store_(std::move(store)), practice_(*store_, programme) {}

    std::unique_ptr<records::RecordStore> store_;
    Practice practice_;
    std::string openingWarning_;
};

/// Puts `backup` in place of the database at `database`, checked against its own log, signed
/// in to the backup as `login` (one of its administrators); the database as it was is kept
/// beside it (RecordStore::restore). No process may hold the database open, so the caller
/// closes its Workspace first. Throws records::StoreError when nothing was restored.
records::RestoreResult restoreBackup(const std::filesystem::path& backup,
                                     const std::filesystem::path& database,
                                     const std::string& login, const std::string& passphrase);

}  // namespace roundtable::practice
