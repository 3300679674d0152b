// A problem found in curriculum files, with the place it was found and a plain message.
#pragma once

#include <string>
#include <vector>

namespace roundtable::curriculum {

enum class Severity { error, warning };

struct Finding {
    std::string file;  ///< as given to the loader (relative to the programme folder's parent)
    int line = 0;      ///< 1-based; 0 when the problem concerns the whole file
    int column = 0;    ///< 1-based, counted in bytes
    Severity severity = Severity::error;
    std::string message;  ///< in the user's language
    /// The message in English when it was translated (empty when `message` is English): what
    /// code that reads findings (DraftChecks) looks at, so that it works in every language.
    std::string english = {};
    [[nodiscard]] const std::string& inEnglish() const {
        return english.empty() ? message : english;
    }
};

/// "file:line:column: error: message", the form editors and the CLI understand.
[[nodiscard]] std::string format(const Finding& finding);
[[nodiscard]] bool hasErrors(const std::vector<Finding>& findings);

/// Turns byte offsets in a file into 1-based line and column numbers.
class LineIndex {
  public:
    explicit LineIndex(std::string_view text);
    struct Position {
        int line;
        int column;
    };
    [[nodiscard]] Position at(std::ptrdiff_t byteOffset) const;

  private:
    std::vector<std::ptrdiff_t> lineStarts_;
};

}  // namespace roundtable::curriculum
