// The roundtable-cli commands, callable from tests with their own output streams.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace roundtable::cli {

/// Runs the command line `arguments` (without the program name) and returns the exit code:
/// 0 success, 1 the command found problems, 2 the command line itself was wrong (curriculum diff
/// exits as diff(1) does: 0 the same, 1 different, 2 trouble, a bad file included).
/// Passphrases are read from `in` (standard input for the real program).
int run(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
        std::ostream& err);

}  // namespace roundtable::cli
