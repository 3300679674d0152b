// Mode 0600 at creation (open with O_CREAT and the mode), not a chmod afterwards: there is
// no moment at which another account could open the file.
#include "records/PrivateFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "records/Types.h"

namespace roundtable::records {
namespace {

constexpr mode_t kOwnerOnly = S_IRUSR | S_IWUSR;

[[noreturn]] void fail(const char* what, const std::filesystem::path& path, int error) {
    throw StoreError(std::string(what) + " " + path.string() + ": " + std::strerror(error));
}

/// Closes the descriptor when the scope ends, however it ends.
class Descriptor {
  public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() { ::close(fd_); }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }

  private:
    int fd_;
};

}  // namespace

void createPrivateFile(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kOwnerOnly);
    if (fd < 0 && errno != EEXIST)
        fail("Cannot create the file", path, errno);
    if (fd >= 0)
        ::close(fd);
}

void writePrivateFile(const std::filesystem::path& path, std::string_view text) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, kOwnerOnly);
    if (fd < 0)
        fail("Cannot write the file", path, errno);
    Descriptor file(fd);
    // An existing file keeps its mode through open(): narrow it before anything is written.
    if (::fchmod(fd, kOwnerOnly) != 0 || ::ftruncate(fd, 0) != 0)
        fail("Cannot write the file", path, errno);
    while (!text.empty()) {
        auto written = ::write(fd, text.data(), text.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            fail("Cannot write the file", path, errno);
        text.remove_prefix(static_cast<std::size_t>(written));
    }
    if (::fsync(fd) != 0)
        fail("Cannot write the file", path, errno);
}

}  // namespace roundtable::records
