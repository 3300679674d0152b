// Opening, creating, signing in to, locking, backing up and restoring a database, for the
// window to wire (Workspace.h).
#include "practice/Workspace.h"

#include "practice/Dates.h"
#include "text/Translate.h"

namespace roundtable::practice {

std::unique_ptr<Workspace> Workspace::open(const std::filesystem::path& path,
                                           const curriculum::Programme& programme,
                                           SeenLogHeads* seen) {
    std::unique_ptr<Workspace> opened(new Workspace(
        std::make_unique<records::RecordStore>(records::RecordStore::openLocation(path)),
        programme));
    if (seen) {
        // Before anyone signs in: records missing from an older copy must not go unnoticed,
        // and a failure to look is said as plainly.
        try {
            opened->openingWarning_ = seen->warningFor(*opened->store_);
        } catch (const std::exception& failure) {
            opened->openingWarning_ = failure.what();
        }
    }
    return opened;
}

std::unique_ptr<Workspace> Workspace::create(const std::filesystem::path& path,
                                             const records::NewDatabase& setup,
                                             const curriculum::Programme& programme,
                                             RecoveryKeyToKeep& recoveryKey) {
    // Checked here as well as by the store, which says what is wrong only in words: the page
    // shows a refusal at the field it names, in any language.
    if (setup.adminLogin.empty()) {
        throw ValidationError("setup-login",
                              text::tr("Please give the administrator a user name."));
    }
    if (auto problem = records::RecordStore::passphraseProblem(setup.adminPassphrase);
        !problem.empty())
        throw ValidationError("setup-passphrase", problem);
    auto created = records::RecordStore::create(path, setup);
    recoveryKey = {std::move(created.recoveryKey), std::move(created.recoveryPublicKey)};
    return std::unique_ptr<Workspace>(
        new Workspace(std::make_unique<records::RecordStore>(std::move(created.store)), programme));
}

void Workspace::signIn(const std::string& login, const std::string& passphrase) {
    store_->unlock(login, passphrase);
}

void Workspace::recoverWithKey(const std::string& key, const std::string& login,
                               const std::string& passphrase, const std::string& repeat) {
    practice_.recoverWithKey(key, login, passphrase, repeat);
    signIn(records::trimmed(login), passphrase);
}

bool Workspace::isAdministrator() const {
    if (!store_->isUnlocked())
        return false;
    auto user = store_->currentUser();
    return user && user->role == records::Role::administrator;
}

LockOutcome Workspace::lock(std::optional<UnsavedNote> unsaved) {
    return practice_.lock(std::move(unsaved));
}

void Workspace::wipeKey() noexcept {
    store_->lock();
}

records::BackupResult Workspace::backupTo(const std::filesystem::path& destination) {
    return store_->backupTo(destination);
}

std::string Workspace::suggestedBackupName() const {
    return store_->path().stem().string() + "-backup-" + today(store_->clock()).iso() + ".rtdb";
}

std::optional<std::string> Workspace::backupReminder() const {
    if (store_->isOnServer())
        return std::nullopt;  // the server's administrator backs it up
    return practice::backupReminder(store_->lastBackupAt(), today(store_->clock()));
}

records::RestoreResult restoreBackup(const std::filesystem::path& backup,
                                     const std::filesystem::path& database,
                                     const std::string& login, const std::string& passphrase) {
    return records::RecordStore::restore(backup, database, login, passphrase);
}

}  // namespace roundtable::practice
