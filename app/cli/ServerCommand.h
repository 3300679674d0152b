// roundtable-cli server ...: setting up a store on a PostgreSQL server (issue 15), run with the
// account that owns it: init makes an empty database a store and signs up its first
// administrator; migrate brings it to this version's data format.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace roundtable::cli {

/// Appended to the usage text.
extern const char* const kServerUsage;

/// `arguments` starts with "server". Returns 0 when done, 1 (with a plain message on `err`)
/// when refused; throws UsageError for a wrong command line. The first administrator's
/// passphrase is read from `in` (twice at a terminal).
int server(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
           std::ostream& err);

}  // namespace roundtable::cli
