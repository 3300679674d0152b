// The temporary name is random and opened with O_EXCL, so it never follows a link someone put
// there, nor two writers share one file.
#include "documents/FileReplacement.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

#include "documents/Document.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

constexpr int kNameAttempts = 16;

[[noreturn]] void fail(const std::filesystem::path& target, int error) {
    throw DocumentError(
        text::fill(text::tr("Cannot write {1}: {2}."), {target.string(), std::strerror(error)}));
}

std::string randomSuffix() {
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::random_device random;
    std::string suffix;
    for (int i = 0; i < 8; ++i)
        suffix += kDigits[random() % (sizeof kDigits - 1)];
    return suffix;
}

}  // namespace

FileReplacement::FileReplacement(std::filesystem::path target, bool privateFile)
    : target_(std::move(target)) {
    const mode_t mode = privateFile ? (S_IRUSR | S_IWUSR)
                                    : (S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH);
    if (!target_.has_filename())
        fail(target_, EISDIR);
    for (int attempt = 0; attempt < kNameAttempts && fd_ < 0; ++attempt) {
        // Appended piece by piece: GCC 12 warns wrongly (-Wrestrict) about "." + string.
        std::string name = ".";
        name += target_.filename().string();
        name += ".partial-";
        name += randomSuffix();
        temporary_ = target_;
        temporary_.replace_filename(name);
        fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd_ < 0 && errno != EEXIST)
            fail(target_, errno);
    }
    if (fd_ < 0)
        fail(target_, EEXIST);
}

FileReplacement::~FileReplacement() {
    if (fd_ >= 0)
        ::close(fd_);
    if (!committed_)
        ::unlink(temporary_.c_str());
}

bool FileReplacement::write(std::string_view bytes) noexcept {
    while (!bytes.empty() && writeError_ == 0) {
        auto written = ::write(fd_, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            writeError_ = errno;
        else
            bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return writeError_ == 0;
}

void FileReplacement::commit() {
    if (writeError_ != 0)
        fail(target_, writeError_);
    if (::fsync(fd_) != 0)
        fail(target_, errno);
    int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0)
        fail(target_, errno);
    if (::rename(temporary_.c_str(), target_.c_str()) != 0)
        fail(target_, errno);
    committed_ = true;
    // Make the rename itself durable.
    int folder = ::open(temporary_.parent_path().empty() ? "." : temporary_.parent_path().c_str(),
                        O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
}

}  // namespace roundtable::documents
