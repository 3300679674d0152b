// A copy of tests/fixtures/mini in a temporary folder, with helpers to introduce one
// mistake and to find the line where it sits. The copy is a folder of its own inside the
// temporary one, so that a test can put files beside it, outside the programme.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "support/TempDir.h"

namespace roundtable::test {

class MiniProgramme {
  public:
    MiniProgramme() {
        std::filesystem::copy(ROUNDTABLE_FIXTURES "/mini", path(),
                              std::filesystem::copy_options::recursive);
    }
    [[nodiscard]] std::filesystem::path path() const { return dir_.path() / "mini"; }
    /// The temporary folder that holds the programme: what is put here is outside it, and is
    /// removed with it.
    [[nodiscard]] const std::filesystem::path& outside() const { return dir_.path(); }
    [[nodiscard]] std::string file(const std::string& relative) const {
        return (path() / relative).lexically_normal().string();
    }

    /// Replaces the first `from` in `relative` with `to`; fails the test if absent.
    void replace(const std::string& relative, const std::string& from, const std::string& to) {
        auto text = readFile(path() / relative);
        auto at = text.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, "fixture text not found: " << from);
        text.replace(at, from.size(), to);
        writeFile(path() / relative, text);
    }

    /// The 1-based line on which `needle` first appears in `relative`.
    [[nodiscard]] int lineOf(const std::string& relative, const std::string& needle) const {
        auto text = readFile(path() / relative);
        auto at = text.find(needle);
        REQUIRE_MESSAGE(at != std::string::npos, "text not found: " << needle);
        return 1 + static_cast<int>(
                       std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    }
    /// The 1-based column of `needle` on its line.
    [[nodiscard]] int columnOf(const std::string& relative, const std::string& needle) const {
        auto text = readFile(path() / relative);
        auto at = text.find(needle);
        auto lineStart = text.rfind('\n', at);
        return static_cast<int>(at - (lineStart == std::string::npos ? 0 : lineStart + 1)) + 1;
    }

  private:
    TempDir dir_;
};

}  // namespace roundtable::test
