// A file written beside its target under a temporary name and renamed over the target only
// when it is complete: a failure part-way leaves whatever was at the target untouched and no
// partial file behind.
#pragma once

#include <filesystem>
#include <string_view>

namespace roundtable::documents {

class FileReplacement {
  public:
    /// Creates the temporary file: mode 0600 when `privateFile` (a document that names a
    /// member or holds a key), otherwise the usual mode under the umask. DocumentError when
    /// the folder cannot be written.
    FileReplacement(std::filesystem::path target, bool privateFile);
    /// Removes the temporary file unless commit() succeeded.
    ~FileReplacement();
    FileReplacement(const FileReplacement&) = delete;
    FileReplacement& operator=(const FileReplacement&) = delete;

    /// Appends `bytes`; false when the disk refused them (commit() then reports why).
    [[nodiscard]] bool write(std::string_view bytes) noexcept;
    /// Flushes the file to the disk and puts it at the target. DocumentError on failure.
    void commit();

  private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    int fd_ = -1;
    int writeError_ = 0;
    bool committed_ = false;
};

}  // namespace roundtable::documents
