// A temporary folder for one test, removed with everything in it when the test ends.
#pragma once

#include <filesystem>

namespace roundtable::test {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
        return path_ / name;
    }

  private:
    std::filesystem::path path_;
};

/// The whole content of a file as bytes.
[[nodiscard]] std::string readFile(const std::filesystem::path& path);
/// Writes `bytes` to `path`, creating folders as needed.
void writeFile(const std::filesystem::path& path, const std::string& bytes);

}  // namespace roundtable::test
