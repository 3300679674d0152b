// Reads and validates the curriculum XML. Every check reports a Finding at the element it
// concerns, so that a psychologist editing the files can go straight to the problem.
#include "curriculum/ProgrammeLoader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <sstream>

#include "curriculum/XmlFile.h"

namespace roundtable::curriculum {
namespace fs = std::filesystem;
namespace {

const std::set<std::string> kActivityKinds = {
    "check-in",  "review",     "teaching", "discussion",       "role-play",
    "worksheet", "relaxation", "break",    "between-sessions", "check-out"};
constexpr int kMinActivities = 4;
constexpr int kMaxActivities = 8;

std::string trimmed(std::string_view text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

bool isLayout(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// Eight bytes of `text` from `at` as one word, the first byte lowest on any machine.
std::uint64_t littleEndianWord(const char* at) {
    std::uint64_t word;
    std::memcpy(&word, at, sizeof word);
    if constexpr (std::endian::native == std::endian::big)
        word = __builtin_bswap64(word);
    return word;
}

/// True when `text` needs no normalisation: no layout at either end, no tab or line break,
/// no two spaces in a row. Almost every text in the shipped programme is written on one line,
/// so this is the common case; it checks eight bytes per step (seven new ones, so that every
/// pair of neighbours falls inside one step) instead of one. Conservative: any control byte
/// sends the text to the exact, byte-by-byte path.
bool isNormalised(std::string_view text) {
    if (text.empty())
        return true;
    if (text.front() == ' ' || text.back() == ' ')
        return false;
    constexpr std::uint64_t kOnes = 0x0101010101010101;
    constexpr std::uint64_t kHighBits = 0x8080808080808080;
    constexpr std::uint64_t kSpaces = 0x2020202020202020;
    constexpr std::uint64_t kLastByte = 0xff00000000000000;
    const char* data = text.data();
    std::size_t at = 0;
    for (; at + 8 <= text.size(); at += 7) {
        const std::uint64_t word = littleEndianWord(data + at);
        // Some byte is below 0x20 (tab, line break or another control byte).
        if (((word - kSpaces) & ~word & kHighBits) != 0)
            return false;
        // A byte of `pairs` is zero when that byte and the next are both spaces; the last
        // byte has no next one here (the following step starts with it).
        const std::uint64_t spaces = word ^ kSpaces;
        const std::uint64_t pairs = spaces | (spaces >> 8) | kLastByte;
        if (((pairs - kOnes) & ~pairs & kHighBits) != 0)
            return false;
    }
    for (; at < text.size(); ++at) {
        const auto c = static_cast<unsigned char>(data[at]);
        if (c < 0x20 || (c == ' ' && at + 1 < text.size() && data[at + 1] == ' '))
            return false;
    }
    return true;
}

/// Collapses runs of white space (line breaks from indentation) into single spaces and
/// trims both ends. Texts already in that form are copied once, without a byte-by-byte pass.
std::string normalisedText(const pugi::xml_node& node) {
    std::string_view text = node.text().get();
    if (isNormalised(text))
        return std::string(text);
    std::string out(text.size(), '\0');
    char* write = out.data();
    bool pendingSpace = false;
    for (char c : text) {
        if (isLayout(c)) {
            pendingSpace = write != out.data();
        } else {
            if (pendingSpace)
                *write++ = ' ';
            pendingSpace = false;
            *write++ = c;
        }
    }
    out.resize(static_cast<std::size_t>(write - out.data()));
    return out;
}

/// The checks shared by every element: required parts, numbers, unknown content.
class Reader {
  public:
    explicit Reader(XmlFile& file) : file_(file) {}

    /// Reports children and attributes that the format does not define. They are kept
    /// when the file is saved, so this is a warning, not an error.
    void expectOnly(const pugi::xml_node& node, std::initializer_list<std::string_view> children,
                    std::initializer_list<std::string_view> attributes) {
        // Each name is measured once, not once per comparison.
        for (auto child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element)
                continue;
            if (std::find(children.begin(), children.end(), std::string_view(child.name())) ==
                children.end()) {
                file_.warning(child, std::string("<") + child.name() + "> is not part of <" +
                                         node.name() + "> in format 1; it is ignored");
            }
        }
        for (auto attribute = node.first_attribute(); attribute;
             attribute = attribute.next_attribute()) {
            if (std::find(attributes.begin(), attributes.end(),
                          std::string_view(attribute.name())) == attributes.end()) {
                file_.warning(node, std::string("the attribute ") + attribute.name() +
                                        " is not part of <" + node.name() +
                                        "> in format 1; it is ignored");
            }
        }
    }

    std::string requiredText(const pugi::xml_node& parent, const char* childName) {
        auto child = parent.child(childName);
        if (!child) {
            file_.error(parent,
                        std::string("<") + parent.name() + "> needs a <" + childName + "> element");
            return {};
        }
        return textOf(child);
    }

    std::string textOf(const pugi::xml_node& node) {
        auto text = normalisedText(node);
        if (text.empty())
            file_.error(node, std::string("<") + node.name() + "> has no text");
        return text;
    }

    std::string optionalText(const pugi::xml_node& parent, const char* childName) {
        auto child = parent.child(childName);
        return child ? textOf(child) : std::string{};
    }

    std::vector<std::string> textList(const pugi::xml_node& parent, const char* listName,
                                      const char* itemName, bool atLeastOne) {
        std::vector<std::string> items;
        auto list = parent.child(listName);
        if (!list) {
            file_.error(parent,
                        std::string("<") + parent.name() + "> needs a <" + listName + "> element");
            return items;
        }
        expectOnly(list, {itemName}, {});
        for (auto item : list.children(itemName))
            items.push_back(textOf(item));
        if (atLeastOne && items.empty()) {
            file_.error(list,
                        std::string("<") + listName + "> needs at least one <" + itemName + ">");
        }
        return items;
    }

    std::string requiredAttribute(const pugi::xml_node& node, const char* name) {
        auto attribute = node.attribute(name);
        if (!attribute) {
            file_.error(node, std::string("<") + node.name() + "> needs the attribute " + name);
            return {};
        }
        auto value = trimmed(attribute.value());
        if (value.empty()) {
            file_.error(
                node, std::string("the attribute ") + name + " of <" + node.name() + "> is empty");
        }
        return value;
    }

    /// A whole number; `minimum` 1 for "positive". Returns 0 (and reports) when invalid.
    int wholeNumber(const pugi::xml_node& node, const char* name, int minimum) {
        auto text = requiredAttribute(node, name);
        if (text.empty())
            return 0;
        int value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size() || value < minimum) {
            file_.error(node, std::string(name) + "=\"" + text + "\" must be a whole number" +
                                  (minimum == 1 ? " above zero"
                                                : " of at least " + std::to_string(minimum)));
            return 0;
        }
        return value;
    }

    XmlFile& file() { return file_; }

  private:
    XmlFile& file_;
};

/// Everything that must be unique or must exist across all the files of a programme.
class ProgrammeChecks {
  public:
    explicit ProgrammeChecks(fs::path pictures) : picturesDir_(std::move(pictures)) {}

    void claimId(XmlFile& file, const pugi::xml_node& node, const std::string& id,
                 const char* what) {
        if (id.empty())
            return;
        // Keep only where the id was seen; the location text is made if it is ever needed.
        auto [it, inserted] =
            ids_.emplace(id, FirstUse{file.displayName(), file.source(), file.offsetOf(node)});
        if (!inserted) {
            auto at = LineIndex(*it->second.source).at(it->second.offset);
            file.error(node, std::string("the ") + what + " id \"" + id + "\" is already used at " +
                                 it->second.file + ":" + std::to_string(at.line) + ":" +
                                 std::to_string(at.column) +
                                 "; every id must be unique in the programme");
        }
    }

    void checkPicture(XmlFile& file, const pugi::xml_node& node, const std::string& name) {
        if (name.empty())
            return;
        if (!pictureExists(name)) {
            file.error(node, "the picture \"" + name + "\" does not exist (looked for " + name +
                                 ".svg and " + name + ".png in " + picturesDir_.string() + ")");
        }
    }

  private:
    bool pictureExists(const std::string& name) {
        auto known = pictures_.find(name);
        if (known != pictures_.end())
            return known->second;
        std::error_code ignored;
        bool exists = name.find('/') == std::string::npos &&
                      (fs::is_regular_file(picturesDir_ / (name + ".svg"), ignored) ||
                       fs::is_regular_file(picturesDir_ / (name + ".png"), ignored));
        pictures_.emplace(name, exists);
        return exists;
    }

    fs::path picturesDir_;
    struct FirstUse {
        std::string file;
        std::shared_ptr<const std::string> source;
        std::ptrdiff_t offset;
    };
    std::map<std::string, FirstUse> ids_;
    std::map<std::string, bool> pictures_;
};

std::vector<EasyReadPoint> readPoints(Reader& reader, ProgrammeChecks& checks,
                                      const pugi::xml_node& parent, const char* listName) {
    std::vector<EasyReadPoint> points;
    auto list = parent.child(listName);
    if (!list) {
        reader.file().error(
            parent, std::string("<") + parent.name() + "> needs a <" + listName + "> element");
        return points;
    }
    reader.expectOnly(list, {"point"}, {});
    for (auto node : list.children("point")) {
        reader.expectOnly(node, {}, {"picture"});
        EasyReadPoint point{reader.requiredAttribute(node, "picture"), reader.textOf(node)};
        checks.checkPicture(reader.file(), node, point.picture);
        points.push_back(std::move(point));
    }
    if (points.empty()) {
        reader.file().error(list, std::string("<") + listName + "> needs at least one <point>");
    }
    return points;
}

Activity readActivity(Reader& reader, ProgrammeChecks& checks, const pugi::xml_node& node) {
    reader.expectOnly(node, {"title", "guidance", "easy-read"}, {"kind", "minutes", "picture"});
    Activity activity;
    activity.kind = reader.requiredAttribute(node, "kind");
    if (!activity.kind.empty() && !kActivityKinds.contains(activity.kind)) {
        std::string allowed;
        for (const auto& kind : kActivityKinds)
            allowed += (allowed.empty() ? "" : ", ") + kind;
        reader.file().error(node, "the activity kind \"" + activity.kind +
                                      "\" is not known; use one of: " + allowed);
    }
    activity.minutes = reader.wholeNumber(node, "minutes", 1);
    activity.picture = trimmed(node.attribute("picture").value());
    checks.checkPicture(reader.file(), node, activity.picture);
    activity.title = reader.requiredText(node, "title");
    if (auto guidance = node.child("guidance")) {
        reader.expectOnly(guidance, {"p", "adapt", "watch"}, {});
        for (auto p : guidance.children("p"))
            activity.guidance.push_back(reader.textOf(p));
        if (activity.guidance.empty()) {
            reader.file().error(guidance, "<guidance> needs at least one <p> for the facilitator");
        }
        activity.adapt = reader.optionalText(guidance, "adapt");
        activity.watch = reader.optionalText(guidance, "watch");
    } else {
        reader.file().error(node, "<activity> needs a <guidance> element");
    }
    activity.easyRead = readPoints(reader, checks, node, "easy-read");
    return activity;
}

Session readSession(Reader& reader, ProgrammeChecks& checks, const pugi::xml_node& node) {
    reader.expectOnly(node, {"title", "objectives", "materials", "activities", "handout"},
                      {"id", "minutes"});
    Session session;
    session.id = reader.requiredAttribute(node, "id");
    checks.claimId(reader.file(), node, session.id, "session");
    session.minutes = reader.wholeNumber(node, "minutes", 1);
    session.title = reader.requiredText(node, "title");
    session.objectives = reader.textList(node, "objectives", "objective", true);
    session.materials = reader.textList(node, "materials", "material", false);

    auto activities = node.child("activities");
    if (!activities) {
        reader.file().error(node, "<session> needs an <activities> element");
    } else {
        reader.expectOnly(activities, {"activity"}, {});
        for (auto activity : activities.children("activity")) {
            session.activities.push_back(readActivity(reader, checks, activity));
        }
        auto count = static_cast<int>(session.activities.size());
        if (count < kMinActivities || count > kMaxActivities) {
            reader.file().error(activities, "a session needs " + std::to_string(kMinActivities) +
                                                " to " + std::to_string(kMaxActivities) +
                                                " activities; this one has " +
                                                std::to_string(count));
        }
        int total = 0;
        bool allValid = true;
        for (const auto& activity : session.activities) {
            total += activity.minutes;
            allValid = allValid && activity.minutes > 0;
        }
        if (allValid && session.minutes > 0 && total != session.minutes) {
            reader.file().error(node, "the activities add up to " + std::to_string(total) +
                                          " minutes, but the session is " +
                                          std::to_string(session.minutes) + " minutes long");
        }
    }

    if (auto handout = node.child("handout")) {
        reader.expectOnly(handout, {"covered", "help", "watch", "talk"}, {});
        session.handout.covered = readPoints(reader, checks, handout, "covered");
        session.handout.help = readPoints(reader, checks, handout, "help");
        session.handout.watch = readPoints(reader, checks, handout, "watch");
        session.handout.talk = readPoints(reader, checks, handout, "talk");
    } else {
        reader.file().error(node, "<session> needs a <handout> element for the carers");
    }
    return session;
}

Indicator readIndicator(Reader& reader, ProgrammeChecks& checks, const pugi::xml_node& node) {
    reader.expectOnly(node, {"label", "description"}, {"id", "scale"});
    Indicator indicator;
    indicator.id = reader.requiredAttribute(node, "id");
    checks.claimId(reader.file(), node, indicator.id, "indicator");
    indicator.label = reader.requiredText(node, "label");
    indicator.description = reader.requiredText(node, "description");
    auto scale = reader.requiredAttribute(node, "scale");
    int low = 0, high = 0;
    char dash = 0;
    std::istringstream in(scale);
    if (!scale.empty() && !((in >> low >> dash >> high) && dash == '-' && in.eof() && low < high)) {
        reader.file().error(node, "scale=\"" + scale +
                                      "\" must be two whole numbers such as \"0-3\", the "
                                      "lowest first");
    }
    indicator.scaleMin = low;
    indicator.scaleMax = high;
    return indicator;
}

std::optional<Module> readModule(const fs::path& directory, const std::string& relativeFile,
                                 const std::string& displayName, ProgrammeChecks& checks,
                                 std::vector<Finding>& findings) {
    XmlFile file(directory / relativeFile, displayName, findings);
    if (!file.parse())
        return std::nullopt;
    Reader reader(file);
    auto root = file.root();
    if (std::string_view(root.name()) != "module") {
        file.error(
            root, std::string("a module file must start with <module>, not <") + root.name() + ">");
        return std::nullopt;
    }
    reader.expectOnly(root, {"title", "summary", "aims", "indicators", "sessions"},
                      {"id", "version", "phase"});
    Module module;
    module.file = relativeFile;
    module.id = reader.requiredAttribute(root, "id");
    checks.claimId(file, root, module.id, "module");
    module.version = reader.wholeNumber(root, "version", 1);
    auto phase = reader.requiredAttribute(root, "phase");
    if (phase == "treatment") {
        module.phase = Phase::treatment;
    } else if (phase == "maintenance") {
        module.phase = Phase::maintenance;
    } else if (phase == "carers") {
        module.phase = Phase::carers;
    } else if (!phase.empty()) {
        file.error(root, "phase=\"" + phase + "\" must be treatment, maintenance or carers");
    }
    module.title = reader.requiredText(root, "title");
    module.summary = reader.requiredText(root, "summary");
    module.aims = reader.textList(root, "aims", "aim", true);
    if (auto indicators = root.child("indicators")) {
        reader.expectOnly(indicators, {"indicator"}, {});
        for (auto node : indicators.children("indicator")) {
            module.indicators.push_back(readIndicator(reader, checks, node));
        }
    }
    auto sessions = root.child("sessions");
    if (!sessions || !sessions.child("session")) {
        file.error(root, "<module> needs a <sessions> element with at least one <session>");
    } else {
        reader.expectOnly(sessions, {"session"}, {});
        for (auto node : sessions.children("session")) {
            module.sessions.push_back(readSession(reader, checks, node));
        }
    }
    module.source = file.source();
    return module;
}

void readMeasures(Reader& reader, ProgrammeChecks& checks, const pugi::xml_node& root,
                  Programme& programme) {
    std::set<std::string> timePointIds;
    if (auto timePoints = root.child("time-points")) {
        reader.expectOnly(timePoints, {"time-point"}, {});
        for (auto node : timePoints.children("time-point")) {
            reader.expectOnly(node, {}, {"id"});
            TimePoint point{reader.requiredAttribute(node, "id"), reader.textOf(node)};
            checks.claimId(reader.file(), node, point.id, "time point");
            timePointIds.insert(point.id);
            programme.timePoints.push_back(std::move(point));
        }
    } else {
        reader.file().error(root, "<programme> needs a <time-points> element");
    }
    auto measures = root.child("measures");
    if (!measures)
        return;
    reader.expectOnly(measures, {"measure"}, {});
    for (auto node : measures.children("measure")) {
        reader.expectOnly(node, {"name", "purpose"},
                          {"id", "min", "max", "higher-is", "time-points"});
        Measure measure;
        measure.id = reader.requiredAttribute(node, "id");
        checks.claimId(reader.file(), node, measure.id, "measure");
        measure.name = reader.requiredText(node, "name");
        measure.purpose = reader.requiredText(node, "purpose");
        measure.min = reader.wholeNumber(node, "min", 0);
        measure.max = reader.wholeNumber(node, "max", 0);
        if (measure.max <= measure.min) {
            reader.file().error(node, "the score range must have max above min");
        }
        auto direction = reader.requiredAttribute(node, "higher-is");
        if (direction != "better" && direction != "worse" && !direction.empty()) {
            reader.file().error(node, "higher-is=\"" + direction + "\" must be better or worse");
        }
        measure.higherIsBetter = direction != "worse";
        std::istringstream ids(reader.requiredAttribute(node, "time-points"));
        for (std::string id; ids >> id;) {
            if (!timePointIds.contains(id)) {
                reader.file().error(
                    node, "the time point \"" + id + "\" is not defined in <time-points>");
            }
            measure.timePoints.push_back(id);
        }
        programme.measures.push_back(std::move(measure));
    }
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

std::optional<Programme::SessionRef> Programme::findSession(const std::string& sessionId) const {
    for (const auto& module : modules) {
        for (const auto& session : module.sessions) {
            if (session.id == sessionId)
                return SessionRef{&module, &session};
        }
    }
    return std::nullopt;
}

const Module* Programme::findModule(const std::string& moduleId) const {
    for (const auto& module : modules) {
        if (module.id == moduleId)
            return &module;
    }
    return nullptr;
}

LoadResult loadProgramme(const fs::path& directory) {
    LoadResult result;
    auto& findings = result.findings;
    const auto display = [&](const std::string& relative) {
        return (directory / relative).lexically_normal().string();
    };
    XmlFile manifest(directory / "programme.xml", display("programme.xml"), findings);
    if (!manifest.parse())
        return result;

    Reader reader(manifest);
    auto root = manifest.root();
    if (std::string_view(root.name()) != "programme") {
        manifest.error(root, std::string("programme.xml must start with <programme>, not <") +
                                 root.name() + ">");
        return result;
    }
    reader.expectOnly(root, {"title", "delivery", "time-points", "measures", "modules"},
                      {"format", "id", "version"});
    auto format = reader.requiredAttribute(root, "format");
    if (!format.empty() && format != "1") {
        manifest.error(root, "this programme is written in format " + format +
                                 "; this version of Roundtable reads format 1");
        return result;
    }
    ProgrammeChecks checks(directory / "pictures");
    Programme programme;
    programme.id = reader.requiredAttribute(root, "id");
    programme.version = reader.wholeNumber(root, "version", 1);
    programme.title = reader.requiredText(root, "title");
    if (auto delivery = root.child("delivery")) {
        reader.expectOnly(delivery, {},
                          {"weeks", "session-minutes", "max-members", "facilitators"});
        programme.delivery = {reader.wholeNumber(delivery, "weeks", 1),
                              reader.wholeNumber(delivery, "session-minutes", 1),
                              reader.wholeNumber(delivery, "max-members", 1),
                              reader.wholeNumber(delivery, "facilitators", 1)};
    } else {
        manifest.error(root, "<programme> needs a <delivery> element");
    }
    readMeasures(reader, checks, root, programme);

    auto modules = root.child("modules");
    if (!modules || !modules.child("module-ref")) {
        manifest.error(root,
                       "<programme> needs a <modules> element with at least one <module-ref>");
    } else {
        reader.expectOnly(modules, {"module-ref"}, {});
        for (auto ref : modules.children("module-ref")) {
            reader.expectOnly(ref, {}, {"file"});
            auto file = reader.requiredAttribute(ref, "file");
            if (file.empty())
                continue;
            if (fs::path(file).is_absolute() || file.find("..") != std::string::npos) {
                manifest.error(ref, "the module file \"" + file +
                                        "\" must be a path inside the programme folder");
                continue;
            }
            std::error_code error;
            if (!fs::is_regular_file(directory / file, error)) {
                manifest.error(ref, "the module file \"" + file + "\" does not exist");
                continue;
            }
            auto module = readModule(directory, file, display(file), checks, findings);
            if (module)
                programme.modules.push_back(std::move(*module));
        }
    }
    if (!hasErrors(findings))
        result.programme = std::move(programme);
    return result;
}

}  // namespace roundtable::curriculum
