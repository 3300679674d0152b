// A stable hash of a module's content, stamped on every planned and delivered session so
// that a later edit of the curriculum can be told apart from what a session used.
#pragma once

#include <string>
#include <string_view>

namespace roundtable::curriculum {

/// Hex SHA-256 of the given bytes.
[[nodiscard]] std::string sha256Hex(std::string_view bytes);

/// An XML text without comments, declaration or layout white space, so that two files
/// with the same content compare equal.
[[nodiscard]] std::string canonicalXml(std::string_view xml);

}  // namespace roundtable::curriculum
