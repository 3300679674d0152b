// The per-process table of locked database files: one descriptor per file, counted, so that a
// descriptor is never closed while another store of this process has the file open.
#include "records/DatabaseLock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>
#include <utility>

#include "records/Types.h"
#include "text/Translate.h"

namespace roundtable::records {
namespace {

struct Locked {
    int descriptor;
    DatabaseLock::Mode mode;
    int holders;
};

std::mutex tableMutex;
std::map<DatabaseLock::FileId, Locked> table;  // guarded by tableMutex

[[noreturn]] void refuse(const std::filesystem::path& path, DatabaseLock::Mode wanted) {
    if (wanted == DatabaseLock::Mode::exclusive) {
        throw StoreError(text::fill(text::tr("The database {1} is open in Roundtable on this "
                                             "computer (or another program): close it first."),
                                    {path.string()}));
    }
    throw StoreError(text::fill(text::tr("The database {1} is being restored from a backup (or "
                                         "another program has locked it). Open it again when that "
                                         "has finished."),
                                {path.string()}));
}

[[noreturn]] void cannotRead(const std::filesystem::path& path) {
    const std::string why = std::strerror(errno);  // read first, before any other call
    throw StoreError(
        text::fill(text::tr("Cannot open the database {1}: {2}"), {path.string(), why}));
}

DatabaseLock::FileId idOf(const struct stat& info) {
    return {info.st_dev, info.st_ino};
}

}  // namespace

DatabaseLock::DatabaseLock(const std::filesystem::path& path, Mode mode) {
    std::lock_guard guard(tableMutex);
    // A restore in another process can put a new file at the path between our look and our
    // lock; then the lock is on the file it replaced, and we try again on the new one.
    for (int attempt = 0; attempt < 3; ++attempt) {
        struct stat atPath {};
        if (::stat(path.c_str(), &atPath) != 0)
            cannotRead(path);
        auto id = idOf(atPath);
        if (auto known = table.find(id); known != table.end()) {
            // Opening and closing a second descriptor here would drop this process's SQLite
            // locks on the file: the answer is in the table.
            if (mode == Mode::exclusive || known->second.mode == Mode::exclusive)
                refuse(path, mode);
            ++known->second.holders;
            file_ = id;
            held_ = true;
            return;
        }
        int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (descriptor < 0)
            cannotRead(path);
        // Closing it is safe from here on: no store of this process has this file open (it is
        // not in the table), and a file another process has just put at the path cannot be.
        struct stat opened {};
        bool same = ::fstat(descriptor, &opened) == 0 && idOf(opened) == id;
        if (same &&
            ::flock(descriptor, (mode == Mode::shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
            ::close(descriptor);
            refuse(path, mode);
        }
        same = same && ::stat(path.c_str(), &atPath) == 0 && idOf(atPath) == id;
        if (!same) {
            ::close(descriptor);
            continue;
        }
        table[id] = {descriptor, mode, 1};
        file_ = id;
        held_ = true;
        return;
    }
    throw StoreError(
        text::fill(text::tr("The database {1} keeps being replaced by another program, "
                            "so it was not opened."),
                   {path.string()}));
}

bool DatabaseLock::heldInThisProcess(const std::filesystem::path& path) {
    std::lock_guard guard(tableMutex);
    struct stat atPath {};
    return ::stat(path.c_str(), &atPath) == 0 && table.contains(idOf(atPath));
}

DatabaseLock::DatabaseLock(DatabaseLock&& other) noexcept
    : file_(other.file_), held_(std::exchange(other.held_, false)) {}

DatabaseLock::~DatabaseLock() {
    if (!held_)
        return;
    std::lock_guard guard(tableMutex);
    auto locked = table.find(file_);
    if (--locked->second.holders == 0) {
        ::close(locked->second.descriptor);  // releases the flock
        table.erase(locked);
    }
}

}  // namespace roundtable::records
