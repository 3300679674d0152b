// Mode 0600 at creation (open with O_CREAT and the mode), not a chmod afterwards: there is
// no moment at which another account could open the file.
#include "records/PrivateFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "records/Types.h"
#include "text/Translate.h"

namespace roundtable::records {
namespace {

constexpr mode_t kOwnerOnly = S_IRUSR | S_IWUSR;

/// `what` is an English sentence marked with trLater, such as "Cannot write the file {1}: {2}"
/// (the file, why). Translated here, after `error` has been turned into words.
[[noreturn]] void fail(const char* what, const std::filesystem::path& path, int error) {
    const std::string why = std::strerror(error);
    throw StoreError(text::fill(text::tr(what), {path.string(), why}));
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

/// Writes all of `bytes`; false (with errno set) when the disk refuses some of them.
bool writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        auto written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            return false;
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

}  // namespace

void createPrivateFile(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kOwnerOnly);
    if (fd < 0 && errno != EEXIST)
        fail(text::trLater("Cannot create the file {1}: {2}"), path, errno);
    if (fd >= 0)
        ::close(fd);
}

void writePrivateFile(const std::filesystem::path& path, std::string_view text) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, kOwnerOnly);
    if (fd < 0)
        fail(text::trLater("Cannot write the file {1}: {2}"), path, errno);
    Descriptor file(fd);
    // An existing file keeps its mode through open(): narrow it before anything is written.
    if (::fchmod(fd, kOwnerOnly) != 0 || ::ftruncate(fd, 0) != 0 || !writeAll(fd, text) ||
        ::fsync(fd) != 0) {
        fail(text::trLater("Cannot write the file {1}: {2}"), path, errno);
    }
}

void copyPrivateFile(const std::filesystem::path& from, const std::filesystem::path& to) {
    int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        fail(text::trLater("Cannot read the file {1}: {2}"), from, errno);
    Descriptor source(in);
    int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kOwnerOnly);
    if (out < 0)
        fail(text::trLater("Cannot create the file {1}: {2}"), to, errno);
    Descriptor copy(out);
    // A partial copy is never left behind to be taken for a whole one.
    auto removeAndFail = [&](const char* what, const std::filesystem::path& which) {
        int error = errno;
        ::unlink(to.c_str());
        fail(what, which, error);
    };
    char buffer[1 << 16];
    for (;;) {
        auto got = ::read(in, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            removeAndFail(text::trLater("Cannot read the file {1}: {2}"), from);
        if (got == 0)
            break;
        if (!writeAll(out, {buffer, static_cast<std::size_t>(got)}))
            removeAndFail(text::trLater("Cannot write the file {1}: {2}"), to);
    }
    if (::fsync(out) != 0)
        removeAndFail(text::trLater("Cannot write the file {1}: {2}"), to);
}

}  // namespace roundtable::records
