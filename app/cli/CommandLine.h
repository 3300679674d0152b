// What the commands share: the error for a wrong command line, reading an option, and loading
// the programme a command works from.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "curriculum/Programme.h"

namespace roundtable::cli {

/// The command line itself is wrong (exit 2, with the usage).
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The value after `--name`, or empty when the option is absent.
[[nodiscard]] std::string option(const std::vector<std::string>& arguments,
                                 const std::string& name);

/// The database file --db names, for a command that works only on a file (demo, restore):
/// UsageError when --db is missing (`needs`, marked with trLater) or names a server.
[[nodiscard]] std::string databaseFile(const std::vector<std::string>& arguments,
                                       const char* needs);

/// A record's number as the app shows it (a session's or a group's id), given as `option`;
/// UsageError when it is not one.
[[nodiscard]] std::int64_t recordNumber(const std::string& text, const std::string& option);

struct Content {
    std::filesystem::path folder;
    curriculum::Programme programme;
};

/// The programme in the folder given by --content, or the shipped one. When it has errors they
/// are printed on `err`, then "The programme in DIR has errors; `consequence`.", and there is
/// nothing.
[[nodiscard]] std::optional<Content> loadContent(const std::vector<std::string>& arguments,
                                                 std::ostream& err, const std::string& consequence);

}  // namespace roundtable::cli
