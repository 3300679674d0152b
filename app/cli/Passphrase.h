// Reading a passphrase for the command line: from a terminal without echo, or one line
// from standard input when a script pipes it in.
#pragma once

#include <iosfwd>
#include <string>

#include "text/Translate.h"

namespace roundtable::cli {

/// Prompts on `prompt` with `label` (only when standard input is a terminal) and reads one
/// line: a passphrase, or anything else as secret (a recovery key). `label` is English, marked
/// with text::trLater; the prompt is its translation.
[[nodiscard]] std::string readPassphrase(std::istream& in, std::ostream& prompt,
                                         const char* label = text::trLater("Passphrase"));

/// Whether `in` is a terminal a person types at (then a new passphrase is asked twice).
[[nodiscard]] bool isTerminal(const std::istream& in);

}  // namespace roundtable::cli
