// Lossless module files: pugixml keeps the whole tree (comments and unknown content too);
// saving goes through "<file>.saving", fsync, rename, fsync of the folder.
#include "curriculum/ModuleDocument.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>

#include "text/Translate.h"

namespace roundtable::curriculum {
namespace {

/// `pattern` (marked with trLater) with the file and the system's reason.
[[noreturn]] void fail(const char* pattern, const std::filesystem::path& path) {
    throw CurriculumFileError(text::fill(text::tr(pattern), {path.string(), std::strerror(errno)}));
}

void writeAll(int fd, const std::string& bytes, const std::filesystem::path& path) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail(text::trLater("Could not write {1}: {2}"), path);
        written += static_cast<std::size_t>(n);
    }
}

}  // namespace

ModuleDocument ModuleDocument::open(const std::filesystem::path& path) {
    ModuleDocument module;
    auto result = module.document_.load_file(path.c_str(), kParseFlags);
    if (!result) {
        throw CurriculumFileError(
            text::fill(text::tr("Could not read {1}: {2}"), {path.string(), result.description()}));
    }
    return module;
}

bool ModuleDocument::setSessionTitle(const std::string& sessionId, const std::string& title) {
    auto session = document_.document_element()
                       .child("sessions")
                       .find_child_by_attribute("session", "id", sessionId.c_str());
    if (!session)
        return false;
    auto titleNode = session.child("title");
    if (!titleNode)
        titleNode = session.prepend_child("title");
    return titleNode.text().set(title.c_str());
}

std::string ModuleDocument::textOf(const pugi::xml_document& document) {
    std::ostringstream out;
    document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return std::move(out).str();
}

void ModuleDocument::save(const std::filesystem::path& path) const {
    const std::string bytes = textOf(document_);

    auto temporary = path;
    temporary += ".saving";
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        fail(text::trLater("Could not create {1}: {2}"), temporary);
    try {
        writeAll(fd, bytes, temporary);
        if (::fsync(fd) != 0)
            fail(text::trLater("Could not flush {1}: {2}"), temporary);
    } catch (...) {
        ::close(fd);
        ::unlink(temporary.c_str());
        throw;
    }
    ::close(fd);
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(temporary.c_str());
        errno = saved;
        fail(text::trLater("Could not replace {1}: {2}"), path);
    }
    // Make the rename itself durable.
    auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace roundtable::curriculum
