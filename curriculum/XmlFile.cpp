// Parsing with positions: pugixml reports byte offsets, which become line:column here.
#include "curriculum/XmlFile.h"
#include "text/Translate.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>

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

/// Why the bytes at `at` (up to `end`) do not start a valid UTF-8 character, or nullptr when
/// they do; `length` is set to the length of a valid character. Follows the table of
/// well-formed sequences in the Unicode standard (3.9, table 3-7): it refuses overlong forms,
/// UTF-16 surrogates (U+D800 to U+DFFF), code points above U+10FFFF and cut-off sequences.
const char* invalidUtf8At(const unsigned char* at, const unsigned char* end, std::size_t& length) {
    constexpr const char* kOverlong =
        text::trLater("starts an overlong form of a character, which UTF-8 does not allow");
    constexpr const char* kAboveLast =
        text::trLater("starts a character above U+10FFFF, the highest Unicode allows");
    const unsigned lead = *at;
    // The second byte's range narrows for a few leads; the others allow any continuation byte.
    unsigned secondLowest = 0x80, secondHighest = 0xBF;
    const char* secondOutOfRange = nullptr;
    std::size_t continuations = 0;
    if (lead < 0x80) {
        length = 1;
        return nullptr;
    } else if (lead < 0xC0) {
        return text::trLater("is a continuation byte with no character before it");
    } else if (lead < 0xC2) {
        return kOverlong;
    } else if (lead < 0xE0) {
        continuations = 1;
    } else if (lead < 0xF0) {
        continuations = 2;
        if (lead == 0xE0) {
            secondLowest = 0xA0;
            secondOutOfRange = kOverlong;
        } else if (lead == 0xED) {
            secondHighest = 0x9F;
            secondOutOfRange =
                text::trLater("starts a UTF-16 surrogate, which UTF-8 does not allow");
        }
    } else if (lead < 0xF5) {
        continuations = 3;
        if (lead == 0xF0) {
            secondLowest = 0x90;
            secondOutOfRange = kOverlong;
        } else if (lead == 0xF4) {
            secondHighest = 0x8F;
            secondOutOfRange = kAboveLast;
        }
    } else {
        return lead < 0xF8 ? kAboveLast : text::trLater("is never used in UTF-8");
    }
    auto isContinuation = [](unsigned byte) { return (byte & 0xC0) == 0x80; };
    for (std::size_t i = 1; i <= continuations; ++i) {
        if (at + i >= end || !isContinuation(at[i])) {
            return continuations == 1
                       ? text::trLater("is not followed by a continuation byte")
                       : text::trLater("is not followed by the continuation bytes it needs");
        }
    }
    if (at[1] < secondLowest || at[1] > secondHighest)
        return secondOutOfRange;
    length = 1 + continuations;
    return nullptr;
}

/// Whether XML allows the character `code` (the Char production of XML 1.0).
bool isXmlCharacter(std::uint32_t code) {
    return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
           (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

/// The character reference at `at` (an '&'), if it is one that pugixml turns into a character
/// (&#N; or &#xH;) and the character is one XML does not allow. pugixml would write it into
/// the text all the same: a zero byte, which cuts the text short, a surrogate or a number
/// above U+10FFFF, which are not UTF-8, or a control character. Read as pugixml reads it,
/// down to the 32-bit number that a very long reference wraps around to; what pugixml leaves
/// as text (no digits, no ';') is passed over. A reference in a comment or a CDATA section,
/// where pugixml leaves it as written, is refused too: simpler, and no loss.
std::optional<std::string_view> disallowedReferenceAt(const unsigned char* at,
                                                      const unsigned char* end) {
    const auto* next = at + 1;
    if (next == end || *next != '#')
        return std::nullopt;
    ++next;
    const bool hex = next != end && *next == 'x';
    if (hex)
        ++next;
    const auto* const digits = next;
    std::uint32_t code = 0;
    for (; next != end && *next != ';'; ++next) {
        // As pugixml tells digits: anything else wraps around to a large number.
        const auto decimal = static_cast<unsigned>(*next - '0');
        const auto letter = static_cast<unsigned>((*next | 0x20) - 'a');
        if (decimal <= 9)
            code = code * (hex ? 16 : 10) + decimal;
        else if (hex && letter <= 5)
            code = code * 16 + letter + 10;
        else
            return std::nullopt;
    }
    if (next == end || next == digits || isXmlCharacter(code))
        return std::nullopt;
    return std::string_view(reinterpret_cast<const char*>(at),
                            static_cast<std::size_t>(next + 1 - at));
}

struct TextError {
    std::size_t offset;  ///< of the first byte of what is refused
    text::Said message;
};

/// `pattern` filled with `reason` ({1}) and `more` ({2}), the two marked with trLater: in
/// English, and translated.
text::Said withReason(const char* pattern, const char* reason, std::string_view more = {}) {
    return {text::fill(pattern, {reason, more}),
            text::fill(text::tr(pattern), {text::tr(reason), more})};
}

constexpr std::ptrdiff_t kPlainRunBytes = 64;

/// Whether the 64 bytes from `at` are all ASCII (none has its high bit set) and none is an
/// '&'. Read as four sixteen-byte blocks with GCC/Clang vector types (SSE2 or NEON), as the
/// loader's text checks are (flaggedBytes in ProgrammeLoader.cpp), and combined before one
/// test: an '&' becomes 0xff, whose high bit is set.
bool isPlainRun(const unsigned char* at) {
    using Block = unsigned char __attribute__((vector_size(16)));
    auto flagged = [at](std::size_t index) {
        Block block;
        std::memcpy(&block, at + index * sizeof block, sizeof block);
        return block | static_cast<Block>(block == '&');
    };
    static_assert(kPlainRunBytes == 4 * sizeof(Block));
    const Block any = flagged(0) | flagged(1) | flagged(2) | flagged(3);
    std::array<std::uint64_t, 2> halves;
    std::memcpy(halves.data(), &any, sizeof halves);
    return ((halves[0] | halves[1]) & 0x8080808080808080) == 0;
}

/// The first place where `bytes` are not valid UTF-8, or have a character reference to a
/// character XML does not allow, with a plain message for the person who saved the file;
/// nullopt when there is none. Every byte is looked at, including comments and parts of the
/// file the loader otherwise ignores, because the in-place parse hands the bytes of texts and
/// attribute values on unchanged.
std::optional<TextError> firstInvalidText(const char* bytes, std::size_t size) {
    const auto* const begin = reinterpret_cast<const unsigned char*>(bytes);
    const auto* const end = begin + size;
    const auto* at = begin;
    while (at < end) {
        // Curriculum files are nearly all ASCII, so they are passed over in runs; this keeps
        // the scan a small part of a load (bench/README.md). A run with a byte above 0x7F or
        // an '&' is taken one character at a time.
        if (end - at >= kPlainRunBytes && isPlainRun(at)) {
            at += kPlainRunBytes;
            continue;
        }
        if (*at == '&') {
            if (auto reference = disallowedReferenceAt(at, end)) {
                return TextError{static_cast<std::size_t>(at - begin),
                                 text::said("the character reference {1} names a character "
                                            "that XML does not allow: write the character "
                                            "itself, or remove the reference",
                                            {*reference})};
            }
        }
        std::size_t length = 0;
        if (const char* reason = invalidUtf8At(at, end, length)) {
            char lead[8];
            std::snprintf(lead, sizeof lead, "0x%02X", static_cast<unsigned>(*at));
            return TextError{static_cast<std::size_t>(at - begin),
                             withReason(text::trLater("this file is not valid UTF-8 text (byte "
                                                      "{2} {1}): save it as UTF-8"),
                                        reason, lead)};
        }
        at += length;
    }
    return std::nullopt;
}

const char* plainParseError(pugi::xml_parse_status status) {
    switch (status) {
        case pugi::status_file_not_found:
            return text::trLater("the file does not exist");
        case pugi::status_io_error:
            return text::trLater("the file could not be read");
        case pugi::status_out_of_memory:
            return text::trLater("the file is too large to read");
        case pugi::status_unrecognized_tag:
            return text::trLater("there is a '<' that does not start a tag");
        case pugi::status_bad_pi:
            return text::trLater("a processing instruction (<? ... ?>) is broken");
        case pugi::status_bad_comment:
            return text::trLater("a comment (<!-- ... -->) is not closed properly");
        case pugi::status_bad_cdata:
            return text::trLater("a CDATA section is not closed properly");
        case pugi::status_bad_doctype:
            return text::trLater("the document type declaration is broken");
        case pugi::status_bad_pcdata:
            return text::trLater("text here could not be read");
        case pugi::status_bad_start_element:
            return text::trLater("a start tag is broken (check the name and the closing '>')");
        case pugi::status_bad_attribute:
            return text::trLater(
                "an attribute is broken (it needs name=\"value\" with both quotes)");
        case pugi::status_bad_end_element:
            return text::trLater("an end tag is broken");
        case pugi::status_end_element_mismatch:
            return text::trLater("an end tag does not match the tag that is open here");
        case pugi::status_append_invalid_root:
            return text::trLater("the file has more than one root element");
        case pugi::status_no_document_element:
            return text::trLater("the file has no root element");
        default:
            return text::trLater("the XML could not be read");
    }
}

}  // namespace

XmlFile::XmlFile(std::filesystem::path path, std::string displayName,
                 std::vector<Finding>& findings)
    : path_(std::move(path)), displayName_(std::move(displayName)), findings_(findings) {}

bool XmlFile::parse() {
    const auto opened = parseIfFile();
    if (opened == Opened::notAFile) {
        const auto said = text::said("the file does not exist or cannot be read");
        findings_.push_back({displayName_, 0, 0, Severity::error, said.shown, said.english});
    }
    return opened == Opened::ok;
}

FileLines::FileLines(std::filesystem::path path, const struct stat& asParsed)
    : path_(std::move(path)), asParsed_(asParsed) {}

FileLines::FileLines(std::string_view text) : asParsed_{} {
    index_.emplace(LineIndex(text));
}

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
    auto refuse = [&](const text::Said& message) {
        findings_.push_back({displayName_, 0, 0, Severity::error, message.shown, message.english});
        return Opened::failed;
    };
    // O_NONBLOCK so that a FIFO given as a module cannot hang the load before fstat refuses
    // it; it changes nothing for a regular file.
    FileDescriptor fd(::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    struct stat status {};
    if (fd.get() < 0 || ::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode))
        return Opened::notAFile;
    if (status.st_size > kLargestFile)
        return refuse(text::said("the file is too large to be a curriculum file"));
    // Uninitialised: every byte is about to be overwritten by the read.
    auto size = static_cast<std::size_t>(status.st_size);
    parsed_->bytes = std::make_unique_for_overwrite<char[]>(size);
    auto read = readAll(fd.get(), parsed_->bytes.get(), size);
    if (read < 0)
        return refuse(text::said("the file does not exist or cannot be read"));
    parsed_->size = static_cast<std::size_t>(read);
    // A file that grew or shrank while it was read is told apart by its size later.
    status.st_size = read;
    lines_ = std::make_shared<FileLines>(path_, status);
    return parseBytes() ? Opened::ok : Opened::failed;
}

bool XmlFile::parseText(std::string_view text) {
    if (text.size() > static_cast<std::size_t>(kLargestFile)) {
        const auto said = text::said("the text is too large to be a curriculum file");
        findings_.push_back({displayName_, 0, 0, Severity::error, said.shown, said.english});
        return false;
    }
    parsed_->bytes = std::make_unique_for_overwrite<char[]>(text.size());
    std::memcpy(parsed_->bytes.get(), text.data(), text.size());
    parsed_->size = text.size();
    lines_ = std::make_shared<FileLines>(text);
    return parseBytes();
}

bool XmlFile::parseBytes() {
    // Before the parse, which overwrites some of the bytes: what is not UTF-8, and references
    // that the parse would turn into something that is not, must not reach the model, the
    // content hash or the database.
    if (auto invalid = firstInvalidText(parsed_->bytes.get(), parsed_->size)) {
        reportAt(static_cast<std::ptrdiff_t>(invalid->offset), Severity::error, invalid->message);
        return false;
    }
    auto result =
        parsed_->document.load_buffer_inplace(parsed_->bytes.get(), parsed_->size, kParseFlags);
    if (!result) {
        reportAt(result.offset, Severity::error,
                 withReason(text::trLater("the XML is not well formed: {1}"),
                            plainParseError(result.status)));
        return false;
    }
    return true;
}

void XmlFile::error(const pugi::xml_node& node, const std::string& message) {
    reportAt(offsetOf(node), Severity::error, {message, message});
}

void XmlFile::warning(const pugi::xml_node& node, const std::string& message) {
    reportAt(offsetOf(node), Severity::warning, {message, message});
}

void XmlFile::error(const pugi::xml_node& node, const text::Said& message) {
    reportAt(offsetOf(node), Severity::error, message);
}

void XmlFile::warning(const pugi::xml_node& node, const text::Said& message) {
    reportAt(offsetOf(node), Severity::warning, message);
}

std::ptrdiff_t XmlFile::offsetOf(const pugi::xml_node& node) {
    // pugixml points at the element name; step back to its '<'.
    auto offset = node.offset_debug();
    return node.type() == pugi::node_element && offset > 0 ? offset - 1 : offset;
}

void XmlFile::reportAt(std::ptrdiff_t offset, Severity severity, const text::Said& message) {
    // English is kept beside the translation only when they differ (Finding::english).
    auto found = [&](int line, int column, const text::Said& said) {
        findings_.push_back({displayName_, line, column, severity, said.shown,
                             said.english == said.shown ? std::string() : said.english});
    };
    if (auto position = lines_->at(offset)) {
        found(position->line, position->column, message);
    } else {
        constexpr const char* kUnknownPlace = text::trLater(
            "{1} (where in the file is not known: it changed after it was read; check it again)");
        found(0, 0,
              {text::fill(kUnknownPlace, {message.english}),
               text::fill(text::tr(kUnknownPlace), {message.shown})});
    }
}

}  // namespace roundtable::curriculum
