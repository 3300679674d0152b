// The newest point of each database's audit log that this computer has seen, kept in the
// user's settings (outside the database), so that a database whose log no longer reaches it
// (an older copy put back, or a cut log) is noticed when it is opened, before anything is
// shown. Databases are told apart by the random id each was given when created.
#pragma once

#include <string>

#include "records/RecordStore.h"
#include "settings/Settings.h"

namespace roundtable::practice {

class SeenLogHeads {
  public:
    explicit SeenLogHeads(settings::SettingsStore& settings) : settings_(settings) {}

    /// "" when `store`'s log reaches the newest point this computer has seen of it (or none
    /// was seen yet); otherwise the warning to show, which is also recorded in its log.
    [[nodiscard]] std::string warningFor(records::RecordStore& store);
    /// Remembers `store`'s newest log point as seen here, and saves the settings.
    void remember(records::RecordStore& store);

  private:
    settings::SettingsStore& settings_;
};

}  // namespace roundtable::practice
