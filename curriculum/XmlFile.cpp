// Parsing with positions: pugixml reports byte offsets, which become line:column here.
#include "curriculum/XmlFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace roundtable::curriculum {
namespace {

// Far above any real module (the largest shipped one is under 100 KiB), and small enough
// that a mistaken path to a huge file is refused instead of exhausting memory.
constexpr off_t kLargestFile = 16 * 1024 * 1024;

/// Closes the descriptor on every way out of parse().
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }

  private:
    int fd_;
};

/// Reads up to `size` bytes; returns how many were read, or -1 on a read error. One read()
/// for a file that does not change while it is read.
ssize_t readAll(int fd, char* buffer, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        auto n = ::read(fd, buffer + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(done);
}

std::string plainParseError(pugi::xml_parse_status status) {
    switch (status) {
        case pugi::status_file_not_found:
            return "the file does not exist";
        case pugi::status_io_error:
            return "the file could not be read";
        case pugi::status_out_of_memory:
            return "the file is too large to read";
        case pugi::status_unrecognized_tag:
            return "there is a '<' that does not start a tag";
        case pugi::status_bad_pi:
            return "a processing instruction (<? ... ?>) is broken";
        case pugi::status_bad_comment:
            return "a comment (<!-- ... -->) is not closed properly";
        case pugi::status_bad_cdata:
            return "a CDATA section is not closed properly";
        case pugi::status_bad_doctype:
            return "the document type declaration is broken";
        case pugi::status_bad_pcdata:
            return "text here could not be read";
        case pugi::status_bad_start_element:
            return "a start tag is broken (check the name and the closing '>')";
        case pugi::status_bad_attribute:
            return "an attribute is broken (it needs name=\"value\" with both quotes)";
        case pugi::status_bad_end_element:
            return "an end tag is broken";
        case pugi::status_end_element_mismatch:
            return "an end tag does not match the tag that is open here";
        case pugi::status_append_invalid_root:
            return "the file has more than one root element";
        case pugi::status_no_document_element:
            return "the file has no root element";
        default:
            return "the XML could not be read";
    }
}

}  // namespace

XmlFile::XmlFile(std::filesystem::path path, std::string displayName,
                 std::vector<Finding>& findings)
    : path_(std::move(path)), displayName_(std::move(displayName)), findings_(findings) {}

bool XmlFile::parse() {
    const auto opened = parseIfFile();
    if (opened == Opened::notAFile) {
        findings_.push_back(
            {displayName_, 0, 0, Severity::error, "the file does not exist or cannot be read"});
    }
    return opened == Opened::ok;
}

FileLines::FileLines(std::filesystem::path path, const struct stat& asParsed)
    : path_(std::move(path)), asParsed_(asParsed) {}

bool FileLines::isAsParsed(const struct stat& now) const {
    auto same = [](const timespec& a, const timespec& b) {
        return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
    };
    return now.st_dev == asParsed_.st_dev && now.st_ino == asParsed_.st_ino &&
           now.st_size == asParsed_.st_size && same(now.st_mtim, asParsed_.st_mtim) &&
           same(now.st_ctim, asParsed_.st_ctim);
}

std::optional<LineIndex::Position> FileLines::at(std::ptrdiff_t offset) const {
    if (!index_) {
        index_.emplace();
        FileDescriptor fd(::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
        auto size = static_cast<std::size_t>(asParsed_.st_size);
        std::string bytes(size, '\0');
        struct stat now {};
        // The identity is checked after reading, so that a write during the read is caught.
        if (fd.get() >= 0 && readAll(fd.get(), bytes.data(), size) == asParsed_.st_size &&
            ::fstat(fd.get(), &now) == 0 && isAsParsed(now)) {
            index_->emplace(bytes);
        }
    }
    if (!*index_)
        return std::nullopt;
    return (*index_)->at(offset);
}

XmlFile::Opened XmlFile::parseIfFile() {
    auto refuse = [&](const char* message) {
        findings_.push_back({displayName_, 0, 0, Severity::error, message});
        return Opened::failed;
    };
    // O_NONBLOCK so that a FIFO given as a module cannot hang the load before fstat refuses
    // it; it changes nothing for a regular file.
    FileDescriptor fd(::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    struct stat status {};
    if (fd.get() < 0 || ::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode))
        return Opened::notAFile;
    if (status.st_size > kLargestFile)
        return refuse("the file is too large to be a curriculum file");
    // Uninitialised: every byte is about to be overwritten by the read.
    auto size = static_cast<std::size_t>(status.st_size);
    parsed_->bytes = std::make_unique_for_overwrite<char[]>(size);
    auto read = readAll(fd.get(), parsed_->bytes.get(), size);
    if (read < 0)
        return refuse("the file does not exist or cannot be read");
    parsed_->size = static_cast<std::size_t>(read);
    // A file that grew or shrank while it was read is told apart by its size later.
    status.st_size = read;
    lines_ = std::make_shared<FileLines>(path_, status);
    auto result =
        parsed_->document.load_buffer_inplace(parsed_->bytes.get(), parsed_->size, kParseFlags);
    if (!result) {
        reportAt(result.offset, Severity::error,
                 "the XML is not well formed: " + plainParseError(result.status));
        return Opened::failed;
    }
    return Opened::ok;
}

void XmlFile::error(const pugi::xml_node& node, const std::string& message) {
    reportAt(offsetOf(node), Severity::error, message);
}

void XmlFile::warning(const pugi::xml_node& node, const std::string& message) {
    reportAt(offsetOf(node), Severity::warning, message);
}

std::ptrdiff_t XmlFile::offsetOf(const pugi::xml_node& node) {
    // pugixml points at the element name; step back to its '<'.
    auto offset = node.offset_debug();
    return node.type() == pugi::node_element && offset > 0 ? offset - 1 : offset;
}

void XmlFile::reportAt(std::ptrdiff_t offset, Severity severity, const std::string& message) {
    if (auto position = lines_->at(offset)) {
        findings_.push_back({displayName_, position->line, position->column, severity, message});
    } else {
        findings_.push_back({displayName_, 0, 0, severity,
                             message + " (where in the file is not known: it changed after it "
                                       "was read; check it again)"});
    }
}

}  // namespace roundtable::curriculum
