// Signing in from the command line: the database, the user and the passphrase, and the
// warning when an older copy of the database has been put back.
#include "cli/SignIn.h"

#include <ostream>
#include <stdexcept>

#include "cli/CommandLine.h"
#include "cli/Passphrase.h"
#include "text/Translate.h"

namespace roundtable::cli {

bool openAndSignIn(std::optional<records::RecordStore>& store, practice::SeenLogHeads& seen,
                   const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
                   std::ostream& err) {
    auto database = option(arguments, "--db");
    auto user = option(arguments, "--user");
    if (database.empty() || user.empty())
        throw UsageError(text::tr("this command needs --db PATH and --user NAME"));
    store.emplace(records::RecordStore::openLocation(database));
    auto warning = seen.warningFor(*store);
    if (!warning.empty())
        out << text::fill(text::tr("WARNING: {1}"), {warning}) << "\n";
    store->unlock(user, readPassphrase(in, err));
    return warning.empty();
}

records::RecordStore signedIn(const std::vector<std::string>& arguments, std::istream& in,
                              std::ostream& out, std::ostream& err) {
    ComputerMemory memory;
    std::optional<records::RecordStore> store;
    if (!openAndSignIn(store, memory.seen, arguments, in, out, err))
        throw std::runtime_error(text::tr("nothing was done: check the database first (verify)"));
    return std::move(*store);
}

}  // namespace roundtable::cli
