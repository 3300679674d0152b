// Formatting of findings and byte-offset to line:column conversion.
#include "curriculum/Finding.h"

#include <algorithm>

namespace roundtable::curriculum {

std::string format(const Finding& finding) {
    std::string out = finding.file;
    if (finding.line > 0) {
        out.append(":").append(std::to_string(finding.line));
        out.append(":").append(std::to_string(finding.column));
    }
    out += finding.severity == Severity::error ? ": error: " : ": warning: ";
    out += finding.message;
    return out;
}

bool hasErrors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::error; });
}

LineIndex::LineIndex(std::string_view text) {
    lineStarts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            lineStarts_.push_back(static_cast<std::ptrdiff_t>(i + 1));
    }
}

LineIndex::Position LineIndex::at(std::ptrdiff_t byteOffset) const {
    if (byteOffset < 0)
        byteOffset = 0;
    auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), byteOffset);
    auto lineIndex = std::distance(lineStarts_.begin(), next) - 1;
    return {static_cast<int>(lineIndex + 1),
            static_cast<int>(byteOffset - lineStarts_[static_cast<std::size_t>(lineIndex)] + 1)};
}

}  // namespace roundtable::curriculum
