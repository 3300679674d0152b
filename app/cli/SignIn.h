// Opening a database and signing in from the command line (--db PATH --user NAME, the
// passphrase on standard input), shared by the commands that read or write records.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "practice/SeenLogHeads.h"
#include "records/RecordStore.h"
#include "settings/Settings.h"

namespace roundtable::cli {

/// Opens the database named by --db, warns (on `out`) when its log no longer reaches the
/// newest point this computer has seen of it, and signs in as --user with a passphrase from
/// `in`. Returns whether the log reached that point.
bool openAndSignIn(std::optional<records::RecordStore>& store, practice::SeenLogHeads& seen,
                   const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
                   std::ostream& err);

/// What this computer has seen of each database's log, in the user's settings.
struct ComputerMemory {
    settings::IniFileStore settings{settings::defaultSettingsPath()};
    practice::SeenLogHeads seen{settings};
};

/// Opens and signs in (see openAndSignIn); a log that does not reach what was seen is refused
/// for commands that would add to it.
records::RecordStore signedIn(const std::vector<std::string>& arguments, std::istream& in,
                              std::ostream& out, std::ostream& err);

}  // namespace roundtable::cli
