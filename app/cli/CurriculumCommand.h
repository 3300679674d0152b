// roundtable-cli curriculum ...: the service's programme in its database, from the command
// line: list, history, export, import and each step of the change control.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace roundtable::cli {

/// Appended to the usage text.
extern const char* const kCurriculumUsage;

/// `arguments` starts with "curriculum". Returns 0 when done, 1 (with a plain message on
/// `err`) when refused; throws UsageError for a wrong command line. The passphrase is read
/// from `in`.
int curriculum(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
               std::ostream& err);

}  // namespace roundtable::cli
