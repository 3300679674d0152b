// A stable hash of a module's content, stamped on every planned and delivered session so
// that a later edit of the curriculum can be told apart from what a session used.
#pragma once

#include <string>
#include <string_view>

namespace roundtable::curriculum {

/// Hex SHA-256 of the given bytes.
[[nodiscard]] std::string sha256Hex(std::string_view bytes);

}  // namespace roundtable::curriculum
