// The newest point of each database's audit log that this computer has seen, and the keys its
// users' certificates lead back to (RecordStore::trustRoots), kept in the user's settings
// (outside the database), so that a database whose log no longer reaches that point (an older
// copy put back, or a cut log), or whose root keys were replaced, is noticed when it is opened,
// before anything is shown. Databases are told apart by the random id each was given when
// created.
#pragma once

#include <string>

#include "records/RecordStore.h"
#include "settings/Settings.h"

namespace roundtable::practice {

class SeenLogHeads {
  public:
    explicit SeenLogHeads(settings::SettingsStore& settings) : settings_(settings) {}

    /// "" when `store`'s log reaches the newest point this computer has seen of it (or none
    /// was seen yet) and its root keys are those seen here; otherwise the warning to show
    /// (a log that falls short is also recorded in the database's log).
    [[nodiscard]] std::string warningFor(records::RecordStore& store);
    /// Remembers `store`'s newest log point and root keys as seen here, and saves the settings.
    void remember(records::RecordStore& store);

  private:
    settings::SettingsStore& settings_;
};

}  // namespace roundtable::practice
