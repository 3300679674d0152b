// Reads and validates the curriculum XML. Every check reports a Finding at the element it
// concerns, so that a psychologist editing the files can go straight to the problem.
#include "curriculum/ProgrammeLoader.h"

#include <dirent.h>
#include <sys/stat.h>

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <functional>
#include <new>
#include <set>
#include <span>
#include <sstream>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "curriculum/XmlFile.h"
#include "text/Translate.h"

namespace roundtable::curriculum {
namespace fs = std::filesystem;
namespace {

// In the order the error message lists them (alphabetical, as it was when this was a set).
constexpr std::array<std::string_view, 10> kActivityKinds = {
    "between-sessions", "break",  "check-in",  "check-out", "discussion",
    "relaxation",       "review", "role-play", "teaching",  "worksheet"};
constexpr int kMinActivities = 4;
constexpr int kMaxActivities = 8;

bool isActivityKind(std::string_view kind) {
    return std::find(kActivityKinds.begin(), kActivityKinds.end(), kind) != kActivityKinds.end();
}

bool isLayout(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// `text` without layout at either end; a view into the same characters.
std::string_view trimmed(std::string_view text) {
    while (!text.empty() && isLayout(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isLayout(text.back()))
        text.remove_suffix(1);
    return text;
}

/// Whether `path` is `folder` or lies inside it, compared name by name (so that /a/bc is not
/// inside /a/b). Both must be canonical: no ".", "..", symbolic links or repeated separators.
/// Nothing is inside an empty folder path (one that could not be made canonical).
bool isInside(const fs::path& folder, const fs::path& path) {
    return !folder.empty() &&
           std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first ==
               folder.end();
}

/// Where `path` leads, through any symbolic links, when that is outside `canonicalFolder`;
/// nullopt when it stays inside, or when it cannot be resolved (then opening it fails too).
std::optional<fs::path> leadsOutside(const fs::path& canonicalFolder, const fs::path& path) {
    std::error_code error;
    auto resolved = fs::weakly_canonical(path, error);
    if (error || isInside(canonicalFolder, resolved))
        return std::nullopt;
    return resolved;
}

/// The sixteen bytes from `at` that are a reason to normalise a text: a control byte (which
/// includes a zero byte, the end of a text), or a space followed by another space. Read with
/// GCC/Clang vector types, which become SSE2 or NEON; the second load, one byte on, pairs every
/// byte with its neighbour, so it reads seventeen bytes. Each flagged byte is 0xff in the two
/// halves, in memory order.
std::array<std::uint64_t, 2> flaggedBytes(const char* at) {
    using Block = unsigned char __attribute__((vector_size(16)));
    Block here, next;
    std::memcpy(&here, at, sizeof here);
    std::memcpy(&next, at + 1, sizeof next);
    const auto bad = (here < 0x20) | ((here == ' ') & (next == ' '));
    std::array<std::uint64_t, 2> halves;
    std::memcpy(halves.data(), &bad, sizeof halves);
    return halves;
}
constexpr std::size_t kBlockBytes = 16;

/// True when `text` needs no normalisation: no layout at either end, no tab or line break,
/// no two spaces in a row. Almost every text in the shipped programme is written on one line,
/// so this is the common case. It looks at sixteen bytes per step (flaggedBytes) instead of
/// one. Conservative: any control byte sends the text to the exact path.
bool isNormalised(std::string_view text) {
    if (text.empty())
        return true;
    const auto last = static_cast<unsigned char>(text.back());
    if (text.front() == ' ' || last == ' ' || last < 0x20)
        return false;
    constexpr std::size_t kStep = kBlockBytes;
    const char* data = text.data();
    // Every byte but the last (checked above), and every pair of neighbours, in the block
    // starting at `at`.
    auto blockIsNormal = [data](std::size_t at) {
        const auto halves = flaggedBytes(data + at);
        return (halves[0] | halves[1]) == 0;
    };
    if (text.size() > kStep) {
        for (std::size_t at = 0; at + kStep + 1 < text.size(); at += kStep) {
            if (!blockIsNormal(at))
                return false;
        }
        // The last block overlaps the one before rather than leaving a tail.
        return blockIsNormal(text.size() - kStep - 1);
    }
    for (std::size_t at = 0; at + 1 < text.size(); ++at) {
        const auto c = static_cast<unsigned char>(data[at]);
        if (c < 0x20 || (c == ' ' && data[at + 1] == ' '))
            return false;
    }
    return true;
}

/// The length of the zero-terminated `text` if it needs no normalisation (as isNormalised
/// decides), in one pass that also finds its end, sixteen bytes at a time; nullopt if it needs
/// normalisation, or if a step would read at or past `end` (the end of the buffer it is in),
/// or on a machine where the byte order makes the first flagged byte harder to find: the
/// caller then takes the exact path. A zero byte counts as a control byte, so the first
/// flagged byte is either the end of the text, or a reason to normalise it.
std::optional<std::size_t> normalLength(const char* text, const char* end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (*text == ' ')
        return std::nullopt;
    constexpr std::size_t kStep = kBlockBytes;
    for (std::size_t at = 0; end - text > static_cast<std::ptrdiff_t>(at + kStep); at += kStep) {
        const auto halves = flaggedBytes(text + at);
        if ((halves[0] | halves[1]) == 0)
            continue;
        const std::size_t first =
            halves[0] != 0 ? static_cast<std::size_t>(__builtin_ctzll(halves[0])) / 8
                           : 8 + static_cast<std::size_t>(__builtin_ctzll(halves[1])) / 8;
        const std::size_t length = at + first;
        if (text[length] != '\0' || (length > 0 && text[length - 1] == ' '))
            return std::nullopt;
        return length;
    }
#else
    (void)text;
    (void)end;
#endif
    return std::nullopt;
}

/// Where the model's texts and lists live (see Programme.h): the parsed files' buffers, which
/// hold the texts that need no normalisation, and blocks filled one after another for the
/// rest and for the lists, so that the thousands of texts and lists of a programme cost a few
/// allocations, and nothing moves once placed (the model holds views of it).
class TextStore {
  public:
    /// Room for `size` bytes, at a multiple of `alignment` (a power of two no larger than
    /// what operator new[] gives a block).
    char* allocate(std::size_t size, std::size_t alignment = 1) {
        auto padding =
            static_cast<std::size_t>(-reinterpret_cast<std::uintptr_t>(next_)) & (alignment - 1);
        if (size + padding > left_) {
            const std::size_t blockSize = std::max(size, kBlockSize);
            blocks_.push_back(std::make_unique_for_overwrite<char[]>(blockSize));
            next_ = blocks_.back().get();
            left_ = blockSize;
            padding = 0;
        }
        char* at = next_ + padding;
        next_ = at + size;
        left_ -= size + padding;
        return at;
    }

    /// `count` value-initialised Ts that live as long as the store. Only for types the store
    /// need not destroy.
    template <typename T>
    std::span<T> array(std::size_t count) {
        static_assert(std::is_trivially_destructible_v<T>);
        static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
        if (count == 0)
            return {};
        auto* first = reinterpret_cast<T*>(allocate(count * sizeof(T), alignof(T)));
        for (std::size_t i = 0; i < count; ++i)
            ::new (static_cast<void*>(first + i)) T();
        return {std::launder(first), count};
    }

    /// Keeps a parsed file, into whose bytes texts may point, as long as the store.
    void keep(std::shared_ptr<const ParsedXml> file) { files_.push_back(std::move(file)); }

    /// Gives back the last `unused` bytes of the latest allocation.
    void giveBack(std::size_t unused) {
        next_ -= unused;
        left_ += unused;
    }

    std::string_view copy(std::string_view text) {
        if (text.empty())
            return {};
        char* at = allocate(text.size());
        std::memcpy(at, text.data(), text.size());
        return {at, text.size()};
    }

  private:
    static constexpr std::size_t kBlockSize = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::vector<std::shared_ptr<const ParsedXml>> files_;
    char* next_ = nullptr;
    std::size_t left_ = 0;
};

/// The text of `node`, with runs of white space (line breaks from indentation) collapsed into
/// single spaces and both ends trimmed. Texts already in that form are used where the parser
/// left them in `file`'s buffer (which `store` keeps), without a byte-by-byte pass; the others
/// are written into `store`.
std::string_view normalisedText(const pugi::xml_node& node, const XmlFile& file, TextStore& store) {
    // The first text or CDATA child, as node.text().get() gives it, in one call instead of
    // three: the parser never makes a text node without a value.
    const char* value = node.child_value();
    if (file.inParsedBuffer(value)) {
        if (auto length = normalLength(value, file.parsedBufferEnd()))
            return {value, *length};
    }
    std::string_view text = value;
    if (isNormalised(text))
        return file.inParsedBuffer(text.data()) ? text : store.copy(text);
    char* const out = store.allocate(text.size());
    char* write = out;
    bool pendingSpace = false;
    for (char c : text) {
        if (isLayout(c)) {
            pendingSpace = write != out;
        } else {
            if (pendingSpace)
                *write++ = ' ';
            pendingSpace = false;
            *write++ = c;
        }
    }
    const auto length = static_cast<std::size_t>(write - out);
    store.giveBack(text.size() - length);
    return {out, length};
}

/// The parts of one element that the format defines, found by the one pass over its children
/// and attributes that also warns about everything else. Indexed like the lists of names
/// given to Reader::expectOnly; a part that is absent is a null node or attribute.
class Parts {
  public:
    static constexpr std::size_t kMostNames = 8;

    /// The first child with the name at `at`.
    [[nodiscard]] pugi::xml_node child(std::size_t at) const {
        return children_[at] ? *children_[at] : pugi::xml_node();
    }
    /// How many children have the name at `at`.
    [[nodiscard]] std::size_t count(std::size_t at) const { return counts_[at]; }
    [[nodiscard]] pugi::xml_attribute attribute(std::size_t at) const {
        return attributes_[at] ? *attributes_[at] : pugi::xml_attribute();
    }

    void addChild(std::size_t at, const pugi::xml_node& child) {
        if (counts_[at]++ == 0)
            children_[at] = child;
    }
    void addAttribute(std::size_t at, const pugi::xml_attribute& attribute) {
        if (!attributes_[at])
            attributes_[at] = attribute;
    }

  private:
    // Optional, because pugixml's handles are built by a call into the library: only the
    // parts that are present pay for one.
    std::array<std::optional<pugi::xml_node>, kMostNames> children_;
    std::array<std::size_t, kMostNames> counts_{};
    std::array<std::optional<pugi::xml_attribute>, kMostNames> attributes_;
};

/// Whether the name pugixml gives (ended by a zero byte) is `expected`. Compared in place:
/// this runs for every element and attribute, and most comparisons fail at the first byte.
bool nameIs(const char* name, std::string_view expected) {
    for (char c : expected) {
        if (*name++ != c)
            return false;
    }
    return *name == '\0';
}

/// Where `name` is in `names`, if it is there.
std::optional<std::size_t> indexOf(std::initializer_list<std::string_view> names,
                                   const char* name) {
    for (std::size_t at = 0; at < names.size(); ++at) {
        if (nameIs(name, names.begin()[at]))
            return at;
    }
    return std::nullopt;
}

/// The children of `list` called `name`, in order: the first is already known from Parts.
template <typename Visit>
void forEachNamed(const pugi::xml_node& first, const char* name, Visit visit) {
    for (auto item = first; item; item = item.next_sibling(name))
        visit(item);
}

/// The checks shared by every element: required parts, numbers, unknown content.
class Reader {
  public:
    Reader(XmlFile& file, TextStore& store) : file_(file), store_(store) {}

    /// Reports children and attributes that the format does not define. They are kept
    /// when the file is saved, so this is a warning, not an error. Returns where the defined
    /// ones are, so that nothing is looked up by name again.
    Parts expectOnly(const pugi::xml_node& node, std::initializer_list<std::string_view> children,
                     std::initializer_list<std::string_view> attributes) {
        // A programming error, not a content one: Parts holds this many of each.
        assert(children.size() <= Parts::kMostNames && attributes.size() <= Parts::kMostNames);
        Parts parts;
        for (auto child = node.first_child(); child; child = child.next_sibling()) {
            // Text has an empty name, which is never in the list nor an element's (the parser
            // refuses an element without one), so it is passed over at once; the type is asked
            // only for what does not match (with the parse flags used, every child is an
            // element or text).
            const char* name = child.name();
            if (*name == '\0')
                continue;
            if (auto at = indexOf(children, name)) {
                parts.addChild(*at, child);
            } else if (child.type() == pugi::node_element) {
                file_.warning(child, text::said("<{1}> is not part of <{2}> in format 1; it is "
                                                "ignored",
                                                {child.name(), node.name()}));
            }
        }
        addAttributes(node, attributes, parts);
        return parts;
    }

    /// As expectOnly, for an element that holds text alone: only its attributes are looked
    /// at, and the caller says what is wrong with any child element it holds.
    Parts expectAttributesOnly(const pugi::xml_node& node,
                               std::initializer_list<std::string_view> attributes) {
        assert(attributes.size() <= Parts::kMostNames);
        Parts parts;
        addAttributes(node, attributes, parts);
        return parts;
    }

    /// The text of `child`, which `parent` must have.
    std::string_view requiredText(const pugi::xml_node& parent, const pugi::xml_node& child,
                                  const char* childName) {
        if (!child) {
            file_.error(parent,
                        text::said("<{1}> needs a <{2}> element", {parent.name(), childName}));
            return {};
        }
        return textOf(child);
    }

    std::string_view textOf(const pugi::xml_node& node) {
        auto text = normalisedText(node, file_, store_);
        if (text.empty())
            file_.error(node, text::said("<{1}> has no text", {node.name()}));
        return text;
    }

    std::string_view optionalText(const pugi::xml_node& child) {
        return child ? textOf(child) : std::string_view{};
    }

    /// The texts of the `itemName` children of `list`, which `parent` must have.
    std::span<const std::string_view> textList(const pugi::xml_node& parent,
                                               const pugi::xml_node& list, const char* listName,
                                               const char* itemName, bool atLeastOne) {
        if (!list) {
            file_.error(parent,
                        text::said("<{1}> needs a <{2}> element", {parent.name(), listName}));
            return {};
        }
        auto parts = expectOnly(list, {itemName}, {});
        auto items = listOf<std::string_view>(
            parts, 0, itemName, [&](const pugi::xml_node& item) { return textOf(item); });
        if (atLeastOne && items.empty()) {
            file_.error(list, text::said("<{1}> needs at least one <{2}>", {listName, itemName}));
        }
        return items;
    }

    /// The value of `attribute` without layout at either end; `node` must have it. The view
    /// points into the parsed file: keep() it to put it in the model.
    std::string_view requiredAttribute(const pugi::xml_node& node,
                                       const pugi::xml_attribute& attribute, const char* name) {
        if (!attribute) {
            file_.error(node, text::said("<{1}> needs the attribute {2}", {node.name(), name}));
            return {};
        }
        auto value = trimmed(attribute.value());
        if (value.empty()) {
            file_.error(node,
                        text::said("the attribute {1} of <{2}> is empty", {name, node.name()}));
        }
        return value;
    }

    /// A whole number; `minimum` 1 for "positive". Returns 0 (and reports) when invalid.
    int wholeNumber(const pugi::xml_node& node, const pugi::xml_attribute& attribute,
                    const char* name, int minimum) {
        auto text = requiredAttribute(node, attribute, name);
        if (text.empty())
            return 0;
        int value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size() || value < minimum) {
            file_.error(node, minimum == 1
                                  ? text::said("{1}=\"{2}\" must be a whole number above zero",
                                               {name, text})
                                  : text::said("{1}=\"{2}\" must be a whole number of at least {3}",
                                               {name, text, std::to_string(minimum)}));
            return 0;
        }
        return value;
    }

    /// `text` where it lives as long as the model: where it is, if that is the file's
    /// buffer, otherwise a copy.
    std::string_view keep(std::string_view text) {
        return file_.inParsedBuffer(text.data()) ? text : store_.copy(text);
    }

    /// What `read` gives for each child of the element that `parts` describes whose name is
    /// the one at `at` (`name`), in order, in the store.
    template <typename T, typename Read>
    std::span<const T> listOf(const Parts& parts, std::size_t at, const char* name, Read read) {
        auto items = store_.array<T>(parts.count(at));
        std::size_t filled = 0;
        forEachNamed(parts.child(at), name, [&](const pugi::xml_node& item) {
            if (filled < items.size())
                items[filled++] = read(item);
        });
        return items.first(filled);
    }

    XmlFile& file() { return file_; }
    TextStore& store() { return store_; }

  private:
    /// Puts the attributes of `node` named in `attributes` into `parts`, and warns about the
    /// others (kept when the file is saved).
    void addAttributes(const pugi::xml_node& node,
                       std::initializer_list<std::string_view> attributes, Parts& parts) {
        for (auto attribute = node.first_attribute(); attribute;
             attribute = attribute.next_attribute()) {
            if (auto at = indexOf(attributes, attribute.name())) {
                parts.addAttribute(*at, attribute);
            } else {
                file_.warning(node, text::said("the attribute {1} is not part of <{2}> in "
                                               "format 1; it is ignored",
                                               {attribute.name(), node.name()}));
            }
        }
    }

    XmlFile& file_;
    TextStore& store_;
};

/// Hashing for string-keyed tables that are looked up with views into the parsed files, so
/// that a lookup makes no string.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
        return std::hash<std::string_view>{}(text);
    }
};
template <typename Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

/// Everything that must be unique or must exist across all the files of a programme.
class ProgrammeChecks {
  public:
    /// `canonicalProgrammeDir` is the programme folder in canonical form; pictures must be
    /// inside it.
    ProgrammeChecks(fs::path canonicalProgrammeDir, fs::path pictures)
        : programmeDir_(std::move(canonicalProgrammeDir)), picturesDir_(std::move(pictures)) {}
    /// For a programme held in memory: pictures are these names; none are checked when null.
    explicit ProgrammeChecks(const PictureNames* pictures)
        : inMemory_(true), memoryPictures_(pictures) {}

    void claimId(XmlFile& file, const pugi::xml_node& node, std::string_view id, const char* what) {
        if (id.empty())
            return;
        // Keep only where the id was seen; the location text is made if it is ever needed.
        auto first = ids_.find(id);
        if (first == ids_.end()) {
            ids_.emplace(id, FirstUse{fileIndex(file), file.offsetOf(node)});
            return;
        }
        const auto where = whereIs(first->second);
        constexpr const char* kUsedTwice = text::trLater(
            "the {1} id \"{2}\" is already used {3}; every id must be unique in the programme");
        file.error(node,
                   text::Said{text::fill(kUsedTwice, {what, id, where.english}),
                              text::fill(text::tr(kUsedTwice), {text::tr(what), id, where.shown})});
    }

    /// Notes that the phrase at `node` uses `shortcut`, which no phrase before it in `file`
    /// uses (readPhrases says so when one does). When a phrase of another file (the manifest,
    /// another module) already uses it, warns at `node`, naming where: the first is the one a
    /// note gets. A warning, not an error: a module published on its own (imported, edited)
    /// cannot see the others, and must not make the whole programme unusable.
    void claimShortcut(XmlFile& file, const pugi::xml_node& node, std::string_view shortcut) {
        auto first = shortcuts_.find(shortcut);
        if (first == shortcuts_.end()) {
            shortcuts_.emplace(shortcut, FirstUse{fileIndex(file), file.offsetOf(node)});
            return;
        }
        const auto where = whereIs(first->second);
        constexpr const char* kUsedElsewhere = text::trLater(
            "the shortcut \"{1}\" is already used {2}, and that phrase is the one a note gets: "
            "give this phrase a shortcut of its own");
        file.warning(node,
                     text::Said{text::fill(kUsedElsewhere, {shortcut, where.english}),
                                text::fill(text::tr(kUsedElsewhere), {shortcut, where.shown})});
    }

    void checkPicture(XmlFile& file, const pugi::xml_node& node, std::string_view name) {
        if (name.empty())
            return;
        if (auto problem = pictureProblem(name))
            file.error(node, *problem);
    }

  private:
    /// Why the picture `name` cannot be used, a sentence that names it, or nullopt when it is a
    /// file inside the programme folder. Nothing reads the pictures yet, but whatever shows them
    /// later must not be led to a file elsewhere.
    std::optional<text::Said> pictureProblem(std::string_view name) {
        if (inMemory_) {
            if (!memoryPictures_ || memoryPictures_->contains(name))
                return std::nullopt;
            return text::said("the picture \"{1}\" is not one of the service's pictures", {name});
        }
        if (!listed_) {
            picturesDirOutside_ = leadsOutside(programmeDir_, picturesDir_);
            if (!picturesDirOutside_)
                listPictures();
            listed_ = true;
        }
        if (picturesDirOutside_) {
            return text::said(
                "the picture \"{1}\" is in {2}, which leads to {3}, outside "
                "the programme folder; pictures must be inside it",
                {name, picturesDir_.string(), picturesDirOutside_->string()});
        }
        const bool exists = pictureExists(name);
        // Looked up only when some picture leads outside: the usual case hashes no name for it.
        if (!outsidePictures_.empty()) {
            if (auto outside = outsidePictures_.find(name); outside != outsidePictures_.end()) {
                return text::said(
                    "the picture \"{1}\" leads to {2}, which is outside "
                    "the programme folder; a picture must be inside it",
                    {name, outside->second.string()});
            }
        }
        if (!exists) {
            const std::string quoted(name);
            return text::said(
                "the picture \"{1}\" does not exist (looked for {1}.svg "
                "and {1}.png in {2})",
                {quoted, picturesDir_.string()});
        }
        return std::nullopt;
    }

    /// Whether `name` is a picture file inside the programme folder; one that is a symbolic
    /// link to a file outside it is noted in outsidePictures_.
    bool pictureExists(std::string_view name) {
        if (name.find('/') != std::string_view::npos)
            return false;
        if (listedPictures_.contains(name))
            return true;
        // Not in the listing: ask for the files themselves, as before there was a listing, so
        // that a folder that cannot be listed, or that matches names without regard to case,
        // gives the same answer as it always did.
        auto known = unlisted_.find(name);
        if (known != unlisted_.end())
            return known->second;
        std::error_code ignored;
        const std::string file(name);
        bool exists = false;
        for (const char* extension : {".svg", ".png"}) {
            const auto path = picturesDir_ / (file + extension);
            if (!fs::is_regular_file(path, ignored))
                continue;
            exists = !noteIfOutside(file, path);
            break;
        }
        unlisted_.emplace(file, exists);
        return exists;
    }

    /// Whether `path`, the file of picture `name`, leads outside the programme folder; if so,
    /// notes where. Asked only of symbolic links, entries of unknown type and unlisted files,
    /// which are few: resolving a path costs a look-up per folder in it.
    bool noteIfOutside(std::string_view name, const fs::path& path) {
        auto outside = leadsOutside(programmeDir_, path);
        if (outside)
            outsidePictures_.emplace(std::string(name), std::move(*outside));
        return outside.has_value();
    }

    /// Collects the names of the regular .svg and .png files in the pictures folder, with
    /// one directory read instead of a file-system lookup per picture name. Symbolic links
    /// (and entries of unknown type) count when what they lead to is a regular file inside the
    /// programme folder.
    void listPictures() {
        DIR* folder = ::opendir(picturesDir_.c_str());
        if (!folder)
            return;
        while (const dirent* entry = ::readdir(folder)) {
            const std::string_view file = entry->d_name;
            if (file.size() <= 4 || (!file.ends_with(".svg") && !file.ends_with(".png")))
                continue;
            const auto name = file.substr(0, file.size() - 4);
            bool regular = entry->d_type == DT_REG;
            if (entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN) {
                struct stat status {};
                regular = ::fstatat(::dirfd(folder), entry->d_name, &status, 0) == 0 &&
                          S_ISREG(status.st_mode) && !noteIfOutside(name, picturesDir_ / file);
            }
            if (regular)
                listedPictures_.emplace(name);
        }
        ::closedir(folder);
    }

    struct FirstUse {
        std::size_t file;  ///< index into files_
        std::ptrdiff_t offset;
    };

    /// Where something was first used, for a message: "at FILE:LINE:COLUMN".
    text::Said whereIs(const FirstUse& first) const {
        const auto& [firstFile, firstLines] = files_[first.file];
        auto at = firstLines->at(first.offset);
        return at ? text::said("at {1}:{2}:{3}",
                               {firstFile, std::to_string(at->line), std::to_string(at->column)})
                  : text::said("in {1} (which has changed since it was read)", {firstFile});
    }

    /// Where `file` is in files_, added the first time one of its ids is claimed.
    std::size_t fileIndex(XmlFile& file) {
        auto lines = file.lines();
        for (std::size_t i = files_.size(); i-- > 0;) {
            if (files_[i].second == lines)
                return i;
        }
        files_.emplace_back(file.displayName(), std::move(lines));
        return files_.size() - 1;
    }

    bool inMemory_ = false;
    const PictureNames* memoryPictures_ = nullptr;
    fs::path programmeDir_;
    fs::path picturesDir_;
    /// Where the pictures folder leads, when that is outside the programme folder.
    std::optional<fs::path> picturesDirOutside_;
    /// Pictures whose file is a symbolic link to one outside the programme folder, and where
    /// it leads.
    TextMap<fs::path> outsidePictures_;
    /// The name and positions of every file that claimed an id or a shortcut (files are read
    /// one at a time).
    std::vector<std::pair<std::string, std::shared_ptr<const FileLines>>> files_;
    TextMap<FirstUse> ids_;
    /// The phrases' shortcuts, each where it was first used (a namespace apart from the ids).
    TextMap<FirstUse> shortcuts_;
    bool listed_ = false;
    /// Names (without .svg or .png) of the pictures found by listing the folder.
    std::unordered_set<std::string, TextHash, std::equal_to<>> listedPictures_;
    /// Whether each name not in the listing exists, as found by looking for its files.
    TextMap<bool> unlisted_;
};

std::span<const EasyReadPoint> readPoints(Reader& reader, ProgrammeChecks& checks,
                                          const pugi::xml_node& parent, const pugi::xml_node& list,
                                          const char* listName) {
    if (!list) {
        reader.file().error(parent,
                            text::said("<{1}> needs a <{2}> element", {parent.name(), listName}));
        return {};
    }
    auto parts = reader.expectOnly(list, {"point"}, {});
    auto points = reader.listOf<EasyReadPoint>(parts, 0, "point", [&](const pugi::xml_node& node) {
        auto picture = reader.expectOnly(node, {}, {"picture"}).attribute(0);
        EasyReadPoint point{reader.keep(reader.requiredAttribute(node, picture, "picture")),
                            reader.textOf(node)};
        checks.checkPicture(reader.file(), node, point.picture);
        return point;
    });
    if (points.empty()) {
        reader.file().error(list,
                            text::said("<{1}> needs at least one <{2}>", {listName, "point"}));
    }
    return points;
}

/// The activity kinds, as the error messages list them.
std::string allowedKinds() {
    std::string allowed;
    for (const auto& kind : kActivityKinds)
        allowed.append(allowed.empty() ? "" : ", ").append(kind);
    return allowed;
}

/// Where prompts are defined: the programme's and a module's may name the activity kinds they
/// apply to; an activity's own apply to it alone, so naming kinds there is a mistake.
enum class PromptsOf { programmeOrModule, activity };

/// The optional <prompts> of the programme, a module or an activity: each <prompt> has a
/// <title> and at least one <p>, and (except in an activity) may name kinds="check-in ...".
std::span<const Prompt> readPrompts(Reader& reader, const pugi::xml_node& prompts,
                                    PromptsOf where) {
    if (!prompts)
        return {};
    auto parts = reader.expectOnly(prompts, {"prompt"}, {});
    auto list = reader.listOf<Prompt>(parts, 0, "prompt", [&](const pugi::xml_node& node) {
        auto promptParts = reader.expectOnly(node, {"title", "p"}, {"kinds"});
        Prompt prompt;
        prompt.title = reader.requiredText(node, promptParts.child(0), "title");
        prompt.lines = reader.listOf<std::string_view>(
            promptParts, 1, "p", [&](const pugi::xml_node& p) { return reader.textOf(p); });
        if (prompt.lines.empty()) {
            reader.file().error(
                node, text::said("<prompt> needs at least one <p> for the facilitators to read"));
        }
        const auto kindsAttribute = promptParts.attribute(0);
        if (!kindsAttribute)
            return prompt;
        if (where == PromptsOf::activity) {
            reader.file().error(node, text::said("a <prompt> inside an <activity> is for that "
                                                 "activity only; remove kinds=\"{1}\", or move "
                                                 "the prompt to the module or the programme",
                                                 {trimmed(kindsAttribute.value())}));
            return prompt;
        }
        std::istringstream names(
            std::string(reader.requiredAttribute(node, kindsAttribute, "kinds")));
        std::vector<std::string_view> kinds;
        for (std::string kind; names >> kind;) {
            if (!isActivityKind(kind)) {
                reader.file().error(node, text::said("kinds=\"...\" names the activity kind "
                                                     "\"{1}\", which is not known; use one of: {2}",
                                                     {kind, allowedKinds()}));
            }
            kinds.push_back(reader.keep(kind));
        }
        auto kept = reader.store().array<std::string_view>(kinds.size());
        std::copy(kinds.begin(), kinds.end(), kept.begin());
        prompt.kinds = kept;
        return prompt;
    });
    if (list.empty())
        reader.file().error(prompts, text::said("<prompts> needs at least one <prompt>"));
    return list;
}

/// The character of the UTF-8 `text` that starts at `at`, whole (the loader has checked that
/// every file is UTF-8).
std::string_view characterAt(std::string_view text, std::size_t at) {
    std::size_t end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        ++end;
    return text.substr(at, end - at);
}

/// Why `shortcut` (not empty) cannot name a phrase, or nullopt when it can (isPhraseShortcut).
std::optional<text::Said> shortcutProblem(std::string_view shortcut) {
    const auto isLetter = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto isAllowed = [&](char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '-';
    };
    const std::string quoted(shortcut);
    for (std::size_t at = 0; at < shortcut.size(); ++at) {
        if (isAllowed(shortcut[at]))
            continue;
        const auto character = characterAt(shortcut, at);
        if (shortcut[at] >= 'A' && shortcut[at] <= 'Z') {
            return text::said(
                "shortcut=\"{1}\" has the capital letter \"{2}\"; a shortcut is "
                "written in lower-case letters a-z, digits and \"-\"",
                {quoted, character});
        }
        return text::said(
            "shortcut=\"{1}\" has \"{2}\", which a shortcut may not hold; use "
            "only lower-case letters a-z, digits and \"-\"",
            {quoted, character});
    }
    if (!isLetter(shortcut.front())) {
        return text::said("shortcut=\"{1}\" must start with a letter a-z, not \"{2}\"",
                          {quoted, characterAt(shortcut, 0)});
    }
    if (shortcut.size() > kMostShortcutCharacters) {
        return text::said(
            "shortcut=\"{1}\" has {2} characters; a shortcut has at most {3}",
            {quoted, std::to_string(shortcut.size()), std::to_string(kMostShortcutCharacters)});
    }
    return std::nullopt;
}

/// A phrase of the manifest that names the module it belongs to (module="..."), checked once
/// the programme's modules are read.
struct PhraseForModule {
    pugi::xml_node phrase;
    std::string_view module;
};

/// The optional <phrases> of a module (`moduleId` its id, `forModules` null) or of the manifest
/// (`forModules` gathers the phrases that name a module): one or more
/// <phrase shortcut="...">, each plain text of at most kMostPhraseCharacters, with a shortcut
/// (isPhraseShortcut) that no other phrase of the file, nor of a file read before, has. A
/// manifest's phrase may say module="...".
std::span<const Phrase> readPhrases(Reader& reader, ProgrammeChecks& checks,
                                    const pugi::xml_node& phrases, std::string_view moduleId,
                                    std::vector<PhraseForModule>* forModules) {
    if (!phrases)
        return {};
    const bool inManifest = forModules != nullptr;
    auto parts = reader.expectOnly(phrases, {"phrase"}, {});
    // Where each shortcut was first used, to name it when another phrase uses it again.
    std::unordered_map<std::string_view, pugi::xml_node> firstUse;
    auto list = reader.listOf<Phrase>(parts, 0, "phrase", [&](const pugi::xml_node& node) {
        auto phraseParts = inManifest ? reader.expectAttributesOnly(node, {"shortcut", "module"})
                                      : reader.expectAttributesOnly(node, {"shortcut"});
        Phrase phrase{};
        phrase.shortcut =
            reader.keep(reader.requiredAttribute(node, phraseParts.attribute(0), "shortcut"));
        phrase.module = moduleId;
        if (inManifest && phraseParts.attribute(1)) {
            phrase.module =
                reader.keep(reader.requiredAttribute(node, phraseParts.attribute(1), "module"));
            if (!phrase.module.empty())
                forModules->push_back({node, phrase.module});
        }
        if (!phrase.shortcut.empty()) {
            if (auto problem = shortcutProblem(phrase.shortcut)) {
                reader.file().error(node, *problem);
            } else if (auto [first, isNew] = firstUse.emplace(phrase.shortcut, node); !isNew) {
                const auto at = reader.file().lines()
                                    ? reader.file().lines()->at(XmlFile::offsetOf(first->second))
                                    : std::nullopt;
                const auto where =
                    at ? text::said("at line {1}, column {2}",
                                    {std::to_string(at->line), std::to_string(at->column)})
                       : text::said("earlier in this file");
                constexpr const char* kUsedTwiceInModule = text::trLater(
                    "the shortcut \"{1}\" is already used {2}; each phrase of a "
                    "module needs a shortcut of its own");
                constexpr const char* kUsedTwiceInManifest = text::trLater(
                    "the shortcut \"{1}\" is already used {2}; each phrase of the "
                    "programme needs a shortcut of its own");
                const char* usedTwice = inManifest ? kUsedTwiceInManifest : kUsedTwiceInModule;
                reader.file().error(
                    node,
                    text::Said{text::fill(usedTwice, {phrase.shortcut, where.english}),
                               text::fill(text::tr(usedTwice), {phrase.shortcut, where.shown})});
            } else {
                checks.claimShortcut(reader.file(), node, phrase.shortcut);
            }
        }
        bool plain = true;
        for (auto child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element)
                continue;
            reader.file().error(child, text::said("a <phrase> is plain text: take out <{1}> and "
                                                  "write the words in the phrase itself",
                                                  {child.name()}));
            plain = false;
        }
        // With an element inside, the text before it is not the whole phrase: its own
        // findings would only add confusion.
        if (!plain)
            return phrase;
        phrase.text = reader.textOf(node);
        if (const auto length = characterCount(phrase.text); length > kMostPhraseCharacters) {
            reader.file().error(node, text::said("the phrase for \"{1}\" has {2} characters; a "
                                                 "phrase has at most {3}: write it shorter, or "
                                                 "as two phrases",
                                                 {phrase.shortcut, std::to_string(length),
                                                  std::to_string(kMostPhraseCharacters)}));
        }
        return phrase;
    });
    if (list.empty())
        reader.file().error(phrases, text::said("<phrases> needs at least one <phrase>"));
    return list;
}

/// The module each of the manifest's phrases names is one of the programme's.
void checkPhraseModules(XmlFile& manifest, const std::vector<PhraseForModule>& forModules,
                        const Programme& programme) {
    for (const auto& [node, module] : forModules) {
        if (programme.findModule(module))
            continue;
        std::string known;
        for (const auto& each : programme.modules)
            known.append(known.empty() ? "" : ", ").append(each.id);
        manifest.error(node, text::said("module=\"{1}\" is not one of this programme's modules; "
                                        "name one of: {2}",
                                        {module, known}));
    }
}

Activity readActivity(Reader& reader, ProgrammeChecks& checks, const pugi::xml_node& node) {
    auto parts = reader.expectOnly(node, {"title", "guidance", "easy-read", "prompts"},
                                   {"kind", "minutes", "picture"});
    const auto title = parts.child(0), guidance = parts.child(1), easyRead = parts.child(2);
    Activity activity;
    activity.kind = reader.keep(reader.requiredAttribute(node, parts.attribute(0), "kind"));
    if (!activity.kind.empty() && !isActivityKind(activity.kind)) {
        reader.file().error(node, text::said("the activity kind \"{1}\" is not known; use "
                                             "one of: {2}",
                                             {activity.kind, allowedKinds()}));
    }
    activity.minutes = reader.wholeNumber(node, parts.attribute(1), "minutes", 1);
    activity.picture = reader.keep(trimmed(parts.attribute(2).value()));
    checks.checkPicture(reader.file(), node, activity.picture);
    activity.title = reader.requiredText(node, title, "title");
    if (guidance) {
        auto guidanceParts = reader.expectOnly(guidance, {"p", "adapt", "watch"}, {});
        activity.guidance = reader.listOf<std::string_view>(
            guidanceParts, 0, "p", [&](const pugi::xml_node& p) { return reader.textOf(p); });
        if (activity.guidance.empty()) {
            reader.file().error(
                guidance, text::said("<guidance> needs at least one <p> for the facilitator"));
        }
        activity.adapt = reader.optionalText(guidanceParts.child(1));
        activity.watch = reader.optionalText(guidanceParts.child(2));
    } else {
        reader.file().error(node, text::said("<activity> needs a <guidance> element"));
    }
    activity.easyRead = readPoints(reader, checks, node, easyRead, "easy-read");
    activity.prompts = readPrompts(reader, parts.child(3), PromptsOf::activity);
    return activity;
}

Session readSession(Reader& reader, ProgrammeChecks& checks, const pugi::xml_node& node) {
    auto parts = reader.expectOnly(
        node, {"title", "objectives", "materials", "activities", "handout"}, {"id", "minutes"});
    const auto title = parts.child(0), objectives = parts.child(1), materials = parts.child(2),
               activities = parts.child(3), handout = parts.child(4);
    Session session;
    session.id = reader.keep(reader.requiredAttribute(node, parts.attribute(0), "id"));
    checks.claimId(reader.file(), node, session.id, text::trLater("session"));
    session.minutes = reader.wholeNumber(node, parts.attribute(1), "minutes", 1);
    session.title = reader.requiredText(node, title, "title");
    session.objectives = reader.textList(node, objectives, "objectives", "objective", true);
    session.materials = reader.textList(node, materials, "materials", "material", false);

    if (!activities) {
        reader.file().error(node, text::said("<session> needs an <activities> element"));
    } else {
        auto activityParts = reader.expectOnly(activities, {"activity"}, {});
        session.activities = reader.listOf<Activity>(
            activityParts, 0, "activity",
            [&](const pugi::xml_node& activity) { return readActivity(reader, checks, activity); });
        auto count = static_cast<int>(session.activities.size());
        if (count < kMinActivities || count > kMaxActivities) {
            reader.file().error(
                activities, text::said("a session needs {1} to {2} activities; this "
                                       "one has {3}",
                                       {std::to_string(kMinActivities),
                                        std::to_string(kMaxActivities), std::to_string(count)}));
        }
        int total = 0;
        bool allValid = true;
        for (const auto& activity : session.activities) {
            total += activity.minutes;
            allValid = allValid && activity.minutes > 0;
        }
        if (allValid && session.minutes > 0 && total != session.minutes) {
            reader.file().error(
                node, text::said("the activities add up to {1} minutes, "
                                 "but the session is {2} minutes long",
                                 {std::to_string(total), std::to_string(session.minutes)}));
        }
    }

    if (handout) {
        auto lists = reader.expectOnly(handout, {"covered", "help", "watch", "talk"}, {});
        session.handout.covered = readPoints(reader, checks, handout, lists.child(0), "covered");
        session.handout.help = readPoints(reader, checks, handout, lists.child(1), "help");
        session.handout.watch = readPoints(reader, checks, handout, lists.child(2), "watch");
        session.handout.talk = readPoints(reader, checks, handout, lists.child(3), "talk");
    } else {
        reader.file().error(node, text::said("<session> needs a <handout> element for the carers"));
    }
    return session;
}

Indicator readIndicator(Reader& reader, ProgrammeChecks& checks, const pugi::xml_node& node) {
    auto parts = reader.expectOnly(node, {"label", "description"}, {"id", "scale"});
    Indicator indicator;
    indicator.id = reader.keep(reader.requiredAttribute(node, parts.attribute(0), "id"));
    checks.claimId(reader.file(), node, indicator.id, text::trLater("indicator"));
    indicator.label = reader.requiredText(node, parts.child(0), "label");
    indicator.description = reader.requiredText(node, parts.child(1), "description");
    const std::string scale(reader.requiredAttribute(node, parts.attribute(1), "scale"));
    int low = 0, high = 0;
    char dash = 0;
    std::istringstream in(scale);
    if (!scale.empty() && !((in >> low >> dash >> high) && dash == '-' && in.eof() && low < high)) {
        reader.file().error(node, text::said("scale=\"{1}\" must be two whole numbers "
                                             "such as \"0-3\", the lowest first",
                                             {scale}));
    }
    indicator.scaleMin = low;
    indicator.scaleMax = high;
    return indicator;
}

/// Why the manifest's `relativeFile` must not be read as a module, a sentence that names it
/// ("the module file "..." ..."), or nullopt when it is a regular file inside `directory` (whose
/// canonical form is `canonicalDirectory`). Nothing is opened: a named pipe opened to be read
/// would wait for a writer, and a device may do something when opened.
std::optional<text::Said> whyNotAModuleFile(const fs::path& directory,
                                            const fs::path& canonicalDirectory,
                                            const std::string& relativeFile) {
    const auto named = [&](const char* sentence) { return text::said(sentence, {relativeFile}); };
    if (fs::path(relativeFile).is_absolute() || relativeFile.find("..") != std::string::npos)
        return named(
            text::trLater("the module file \"{1}\" must be a path inside the programme folder"));
    const auto path = directory / relativeFile;
    if (auto outside = leadsOutside(canonicalDirectory, path)) {
        return text::said(
            "the module file \"{1}\" leads to {2}, which is outside the "
            "programme folder; a module file must be inside it",
            {relativeFile, outside->string()});
    }
    std::error_code error;
    switch (fs::status(path, error).type()) {
        case fs::file_type::regular:
            return std::nullopt;
        case fs::file_type::directory:
            return named(text::trLater("the module file \"{1}\" is a folder, not a file"));
        case fs::file_type::fifo:
            return named(text::trLater("the module file \"{1}\" is a named pipe, not a file"));
        case fs::file_type::block:
        case fs::file_type::character:
            return named(text::trLater("the module file \"{1}\" is a device, not a file"));
        case fs::file_type::socket:
            return named(text::trLater("the module file \"{1}\" is a socket, not a file"));
        default:
            // Also what cannot be examined at all, such as a name too long for the system.
            return named(text::trLater("the module file \"{1}\" does not exist"));
    }
}

/// The module in `file`, parsed; `relativeFile` is what the manifest calls it.
std::optional<Module> readModule(XmlFile& file, const std::string& relativeFile,
                                 ProgrammeChecks& checks, const std::shared_ptr<TextStore>& texts) {
    texts->keep(file.parsed());
    Reader reader(file, *texts);
    auto root = file.root();
    if (std::string_view(root.name()) != "module") {
        file.error(root,
                   text::said("a module file must start with <module>, not <{1}>", {root.name()}));
        return std::nullopt;
    }
    auto parts = reader.expectOnly(
        root, {"title", "summary", "aims", "indicators", "sessions", "prompts", "phrases"},
        {"id", "version", "phase"});
    const auto title = parts.child(0), summary = parts.child(1), aims = parts.child(2),
               indicators = parts.child(3), sessions = parts.child(4);
    Module module;
    module.file = relativeFile;
    module.id = reader.keep(reader.requiredAttribute(root, parts.attribute(0), "id"));
    checks.claimId(file, root, module.id, text::trLater("module"));
    module.version = reader.wholeNumber(root, parts.attribute(1), "version", 1);
    auto phase = reader.requiredAttribute(root, parts.attribute(2), "phase");
    if (phase == "treatment") {
        module.phase = Phase::treatment;
    } else if (phase == "maintenance") {
        module.phase = Phase::maintenance;
    } else if (phase == "carers") {
        module.phase = Phase::carers;
    } else if (!phase.empty()) {
        file.error(root,
                   text::said("phase=\"{1}\" must be treatment, maintenance or carers", {phase}));
    }
    module.title = reader.requiredText(root, title, "title");
    module.summary = reader.requiredText(root, summary, "summary");
    module.aims = reader.textList(root, aims, "aims", "aim", true);
    if (indicators) {
        auto indicatorParts = reader.expectOnly(indicators, {"indicator"}, {});
        module.indicators = reader.listOf<Indicator>(
            indicatorParts, 0, "indicator",
            [&](const pugi::xml_node& node) { return readIndicator(reader, checks, node); });
    }
    module.prompts = readPrompts(reader, parts.child(5), PromptsOf::programmeOrModule);
    module.phrases = readPhrases(reader, checks, parts.child(6), module.id, nullptr);
    if (!sessions || !sessions.child("session")) {
        file.error(root,
                   text::said("<module> needs a <sessions> element with at least one <session>"));
    } else {
        auto sessionParts = reader.expectOnly(sessions, {"session"}, {});
        module.sessions = reader.listOf<Session>(
            sessionParts, 0, "session",
            [&](const pugi::xml_node& node) { return readSession(reader, checks, node); });
    }
    module.parsed = file.parsed();
    module.texts = texts;
    return module;
}

/// A time point's `due` (joining, year-end or each-session) and `months-after` (a whole
/// number, with joining or year-end only).
void readDue(Reader& reader, const pugi::xml_node& node, const pugi::xml_attribute& due,
             const pugi::xml_attribute& monthsAfter, TimePoint& point) {
    if (due) {
        const std::string_view when = due.value();
        if (when == "joining") {
            point.due = DueFrom::joining;
        } else if (when == "year-end") {
            point.due = DueFrom::yearEnd;
        } else if (when == "each-session") {
            point.due = DueFrom::eachSession;
        } else {
            reader.file().error(node, text::said("due=\"{1}\" must be joining, year-end or "
                                                 "each-session",
                                                 {when}));
        }
    }
    if (!monthsAfter)
        return;
    if (point.due != DueFrom::joining && point.due != DueFrom::yearEnd) {
        reader.file().error(node,
                            text::said("months-after needs due=\"joining\" or due=\"year-end\""));
        return;
    }
    point.monthsAfter = reader.wholeNumber(node, monthsAfter, "months-after", 1);
}

void readMeasures(Reader& reader, ProgrammeChecks& checks, const pugi::xml_node& root,
                  const pugi::xml_node& timePoints, const pugi::xml_node& measures,
                  Programme& programme) {
    std::set<std::string_view, std::less<>> timePointIds;
    if (timePoints) {
        auto parts = reader.expectOnly(timePoints, {"time-point"}, {});
        programme.timePoints =
            reader.listOf<TimePoint>(parts, 0, "time-point", [&](const pugi::xml_node& node) {
                auto parts = reader.expectOnly(node, {}, {"id", "due", "months-after"});
                TimePoint point{
                    reader.keep(reader.requiredAttribute(node, parts.attribute(0), "id")),
                    reader.textOf(node)};
                readDue(reader, node, parts.attribute(1), parts.attribute(2), point);
                checks.claimId(reader.file(), node, point.id, text::trLater("time point"));
                timePointIds.insert(point.id);
                return point;
            });
    } else {
        reader.file().error(root, text::said("<programme> needs a <time-points> element"));
    }
    if (!measures)
        return;
    auto measureParts = reader.expectOnly(measures, {"measure"}, {});
    programme.measures =
        reader.listOf<Measure>(measureParts, 0, "measure", [&](const pugi::xml_node& node) {
            auto parts = reader.expectOnly(node, {"name", "purpose"},
                                           {"id", "min", "max", "higher-is", "time-points"});
            Measure measure;
            measure.id = reader.keep(reader.requiredAttribute(node, parts.attribute(0), "id"));
            checks.claimId(reader.file(), node, measure.id, text::trLater("measure"));
            measure.name = reader.requiredText(node, parts.child(0), "name");
            measure.purpose = reader.requiredText(node, parts.child(1), "purpose");
            measure.min = reader.wholeNumber(node, parts.attribute(1), "min", 0);
            measure.max = reader.wholeNumber(node, parts.attribute(2), "max", 0);
            if (measure.max <= measure.min) {
                reader.file().error(node, text::said("the score range must have max above min"));
            }
            auto direction = reader.requiredAttribute(node, parts.attribute(3), "higher-is");
            if (direction != "better" && direction != "worse" && !direction.empty()) {
                reader.file().error(
                    node, text::said("higher-is=\"{1}\" must be better or worse", {direction}));
            }
            measure.higherIsBetter = direction != "worse";
            std::istringstream ids(
                std::string(reader.requiredAttribute(node, parts.attribute(4), "time-points")));
            std::vector<std::string_view> measureTimePoints;
            for (std::string id; ids >> id;) {
                if (!timePointIds.contains(id)) {
                    reader.file().error(node, text::said("the time point \"{1}\" is not defined in "
                                                         "<time-points>",
                                                         {id}));
                }
                measureTimePoints.push_back(reader.keep(id));
            }
            auto kept = reader.store().array<std::string_view>(measureTimePoints.size());
            std::copy(measureTimePoints.begin(), measureTimePoints.end(), kept.begin());
            measure.timePoints = kept;
            return measure;
        });
}

/// The optional <milestones>: each <milestone id="..."> names its step in words.
void readMilestones(Reader& reader, ProgrammeChecks& checks, const pugi::xml_node& milestones,
                    Programme& programme) {
    if (!milestones)
        return;
    auto parts = reader.expectOnly(milestones, {"milestone"}, {});
    programme.milestones =
        reader.listOf<Milestone>(parts, 0, "milestone", [&](const pugi::xml_node& node) {
            auto attributes = reader.expectOnly(node, {}, {"id"});
            Milestone milestone{
                reader.keep(reader.requiredAttribute(node, attributes.attribute(0), "id")),
                reader.textOf(node)};
            checks.claimId(reader.file(), node, milestone.id, text::trLater("milestone"));
            if (milestone.label.empty())
                reader.file().error(node, text::said("a <milestone> needs its name as its text"));
            return milestone;
        });
}

}  // namespace

const char* toText(Phase phase) {
    switch (phase) {
        case Phase::treatment:
            return "treatment";
        case Phase::maintenance:
            return "maintenance";
        case Phase::carers:
            return "carers";
    }
    return "treatment";
}

std::optional<Programme::SessionRef> Programme::findSession(std::string_view sessionId) const {
    for (const auto& module : modules) {
        for (const auto& session : module.sessions) {
            if (session.id == sessionId)
                return SessionRef{&module, &session};
        }
    }
    return std::nullopt;
}

const Milestone* Programme::findMilestone(std::string_view milestoneId) const {
    for (const auto& milestone : milestones) {
        if (milestone.id == milestoneId)
            return &milestone;
    }
    return nullptr;
}

std::size_t characterCount(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool isPhraseShortcut(std::string_view shortcut) {
    return !shortcut.empty() && !shortcutProblem(shortcut);
}

std::vector<const Phrase*> phrasesOf(const Programme& programme) {
    std::vector<const Phrase*> found;
    auto add = [&](std::span<const Phrase> phrases) {
        for (const auto& phrase : phrases)
            found.push_back(&phrase);
    };
    add(programme.phrases);
    for (const auto& module : programme.modules)
        add(module.phrases);
    return found;
}

bool Prompt::appliesTo(std::string_view activityKind) const {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), activityKind) != kinds.end();
}

std::vector<const Prompt*> promptsFor(const Programme* programme, const Module* module,
                                      const Activity* activity, std::string_view activityKind) {
    std::vector<const Prompt*> found;
    auto add = [&](std::span<const Prompt> prompts) {
        for (const auto& prompt : prompts) {
            if (prompt.appliesTo(activityKind))
                found.push_back(&prompt);
        }
    };
    if (programme)
        add(programme->prompts);
    if (module)
        add(module->prompts);
    if (activity)
        add(activity->prompts);
    return found;
}

const Module* Programme::findModule(std::string_view moduleId) const {
    for (const auto& module : modules) {
        if (module.id == moduleId)
            return &module;
    }
    return nullptr;
}

namespace {

/// Reads the module a <module-ref> names, or reports why it cannot; nullopt when it has
/// errors.
using ModuleReader = std::function<std::optional<Module>(const pugi::xml_node& ref,
                                                         const std::string& file, XmlFile& manifest,
                                                         const std::shared_ptr<TextStore>& texts)>;

/// The programme whose manifest `manifest` has been parsed, its modules read by `readAt`.
void readProgramme(XmlFile& manifest, ProgrammeChecks& checks, const ModuleReader& readAt,
                   LoadResult& result) {
    auto& findings = result.findings;
    auto texts = std::make_shared<TextStore>();
    texts->keep(manifest.parsed());
    Reader reader(manifest, *texts);
    auto root = manifest.root();
    if (std::string_view(root.name()) != "programme") {
        manifest.error(root, text::said("programme.xml must start with <programme>, not <{1}>",
                                        {root.name()}));
        return;
    }
    auto parts = reader.expectOnly(root,
                                   {"title", "delivery", "time-points", "measures", "modules",
                                    "milestones", "prompts", "phrases"},
                                   {"format", "id", "version"});
    const auto title = parts.child(0), delivery = parts.child(1), timePoints = parts.child(2),
               measures = parts.child(3), modules = parts.child(4), milestones = parts.child(5),
               prompts = parts.child(6), phrases = parts.child(7);
    auto format = reader.requiredAttribute(root, parts.attribute(0), "format");
    if (!format.empty() && format != "1") {
        manifest.error(root, text::said("this programme is written in format {1}; this "
                                        "version of Roundtable reads format 1",
                                        {format}));
        return;
    }
    Programme programme;
    programme.id = reader.keep(reader.requiredAttribute(root, parts.attribute(1), "id"));
    programme.version = reader.wholeNumber(root, parts.attribute(2), "version", 1);
    programme.title = reader.requiredText(root, title, "title");
    if (delivery) {
        auto numbers = reader.expectOnly(
            delivery, {}, {"weeks", "session-minutes", "max-members", "facilitators"});
        programme.delivery = {
            reader.wholeNumber(delivery, numbers.attribute(0), "weeks", 1),
            reader.wholeNumber(delivery, numbers.attribute(1), "session-minutes", 1),
            reader.wholeNumber(delivery, numbers.attribute(2), "max-members", 1),
            reader.wholeNumber(delivery, numbers.attribute(3), "facilitators", 1)};
    } else {
        manifest.error(root, text::said("<programme> needs a <delivery> element"));
    }
    readMeasures(reader, checks, root, timePoints, measures, programme);
    readMilestones(reader, checks, milestones, programme);
    programme.prompts = readPrompts(reader, prompts, PromptsOf::programmeOrModule);
    // Read before the modules, so that a module's phrase that takes one of these shortcuts is
    // the one reported.
    std::vector<PhraseForModule> phrasesForModules;
    programme.phrases = readPhrases(reader, checks, phrases, {}, &phrasesForModules);

    if (!modules || !modules.child("module-ref")) {
        manifest.error(
            root,
            text::said("<programme> needs a <modules> element with at least one <module-ref>"));
    } else {
        auto refs = reader.expectOnly(modules, {"module-ref"}, {});
        programme.modules.reserve(refs.count(0));
        bool everyModuleRead = true;
        forEachNamed(refs.child(0), "module-ref", [&](const pugi::xml_node& ref) {
            auto fileAttribute = reader.expectOnly(ref, {}, {"file"}).attribute(0);
            const std::string file(reader.requiredAttribute(ref, fileAttribute, "file"));
            auto module = file.empty() ? std::nullopt : readAt(ref, file, manifest, texts);
            if (module)
                programme.modules.push_back(std::move(*module));
            else
                everyModuleRead = false;
        });
        // A module that could not be read is reported already; the phrases that name it would
        // only be reported again, in words that mislead.
        if (everyModuleRead)
            checkPhraseModules(manifest, phrasesForModules, programme);
    }
    if (!hasErrors(findings)) {
        programme.texts = std::move(texts);
        result.programme = std::move(programme);
    }
}

}  // namespace

LoadResult loadProgramme(const fs::path& directory) {
    LoadResult result;
    auto& findings = result.findings;
    const auto display = [&](const std::string& relative) {
        return (directory / relative).lexically_normal().string();
    };
    XmlFile manifest(directory / "programme.xml", display("programme.xml"), findings);
    if (!manifest.parse())
        return result;
    // Module files and pictures may be symbolic links, but only to files inside the folder.
    // (The folder was just read from, so it resolves; if not, the path stays empty and nothing
    // is inside it.)
    std::error_code unresolved;
    const auto canonicalDirectory = fs::weakly_canonical(directory, unresolved);
    ProgrammeChecks checks(canonicalDirectory, directory / "pictures");
    auto readFile = [&](const pugi::xml_node& ref, const std::string& relativeFile,
                        XmlFile& manifestFile,
                        const std::shared_ptr<TextStore>& texts) -> std::optional<Module> {
        if (auto why = whyNotAModuleFile(directory, canonicalDirectory, relativeFile)) {
            manifestFile.error(ref, *why);
            return std::nullopt;
        }
        const auto displayName = display(relativeFile);
        XmlFile file(directory / relativeFile, displayName, findings);
        switch (file.parseIfFile()) {
            case XmlFile::Opened::ok:
                return readModule(file, relativeFile, checks, texts);
            case XmlFile::Opened::failed:
                return std::nullopt;
            case XmlFile::Opened::notAFile:
                // A regular file that could not be opened (no permission), or one replaced
                // since it was looked at: parseIfFile checks again, so nothing but a file is
                // read.
                const auto said = text::said("the file does not exist or cannot be read");
                findings.push_back({displayName, 0, 0, Severity::error, said.shown, said.english});
                return std::nullopt;
        }
        return std::nullopt;
    };
    readProgramme(manifest, checks, readFile, result);
    return result;
}

LoadResult loadProgramme(const ProgrammeFiles& files) {
    LoadResult result;
    auto& findings = result.findings;
    XmlFile manifest({}, files.displayPrefix + "programme.xml", findings);
    if (!manifest.parseText(files.manifest))
        return result;
    ProgrammeChecks checks(&files.pictures);
    auto readText = [&](const pugi::xml_node& ref, const std::string& relativeFile,
                        XmlFile& manifestFile,
                        const std::shared_ptr<TextStore>& texts) -> std::optional<Module> {
        auto text = files.modules.find(relativeFile);
        if (text == files.modules.end()) {
            manifestFile.error(ref, text::said("the module file \"{1}\" is not one of the "
                                               "programme's modules",
                                               {relativeFile}));
            return std::nullopt;
        }
        XmlFile file({}, files.displayPrefix + relativeFile, findings);
        if (!file.parseText(text->second))
            return std::nullopt;
        return readModule(file, relativeFile, checks, texts);
    };
    readProgramme(manifest, checks, readText, result);
    return result;
}

ModuleLoadResult loadModuleText(std::string_view xml, const std::string& displayName,
                                const PictureNames* pictures) {
    ModuleLoadResult result;
    XmlFile file({}, displayName, result.findings);
    if (!file.parseText(xml))
        return result;
    ProgrammeChecks checks(pictures);
    auto module = readModule(file, displayName, checks, std::make_shared<TextStore>());
    if (module && !hasErrors(result.findings))
        result.module = std::move(module);
    return result;
}

ModuleLoadResult loadModuleFile(const std::filesystem::path& path) {
    ModuleLoadResult result;
    XmlFile file(path, path.string(), result.findings);
    if (!file.parse())
        return result;
    ProgrammeChecks checks(nullptr);
    auto module = readModule(file, path.filename().string(), checks, std::make_shared<TextStore>());
    if (module && !hasErrors(result.findings))
        result.module = std::move(module);
    return result;
}

}  // namespace roundtable::curriculum
