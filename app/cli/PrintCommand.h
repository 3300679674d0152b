// roundtable-cli print KIND --out FILE.pdf: the documents made from the curriculum alone, and
// (with --db and --user) those made from the records, each audited as an export.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace roundtable::cli {

/// The usage lines of print, for the command line's usage text.
extern const char* const kPrintUsage;

/// `arguments` starts with "print". Returns 0 with the PDF written, 1 (with a plain message on
/// `err`) when it cannot be made, and throws UsageError for a wrong command line. A passphrase,
/// when the document is made from records, is read from `in`.
int print(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
          std::ostream& err);

}  // namespace roundtable::cli
