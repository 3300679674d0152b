// Reading a passphrase for the command line: from a terminal without echo, or one line
// from standard input when a script pipes it in.
#pragma once

#include <iosfwd>
#include <string>

namespace roundtable::cli {

/// Prompts on `prompt` (only when standard input is a terminal) and reads one line.
[[nodiscard]] std::string readPassphrase(std::istream& in, std::ostream& prompt);

}  // namespace roundtable::cli
