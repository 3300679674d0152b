// The loader reports findings by line and column; the editor shows them at fields. The text is
// parsed once more here, with positions, and each finding goes to the innermost element that
// holds its position, and from the element to the field. The loader reports a problem with an
// attribute or a missing child at the element that has (or lacks) it; its message names the
// attribute or the child, which places it at that field (the wording is tested).
#include "curriculum/DraftChecks.h"
#include "text/Translate.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

namespace roundtable::curriculum {
namespace {

/// The loader's words for the sum of a session's minutes. The editor reports the sum itself, at
/// the session's minutes field, so the loader's finding is left out rather than shown twice.
constexpr std::string_view kMinutesSum = "the activities add up to ";

bool named(const pugi::xml_node& node, std::string_view name) {
    return node && node.type() == pugi::node_element && name == node.name();
}

/// Whether `node` is the element the draft means by its name: the first of its parent's
/// children with that name (ModuleDraft looks elements up with child(name)).
bool isTheOne(const pugi::xml_node& node, std::string_view name) {
    return named(node, name) && node.parent().child(node.name()) == node;
}

std::size_t positionAmongNamed(const pugi::xml_node& node) {
    std::size_t position = 0;
    for (auto sibling = node.previous_sibling(node.name()); sibling;
         sibling = sibling.previous_sibling(node.name()))
        ++position;
    return position;
}

/// The elements from the root down to `node`.
class Chain {
  public:
    explicit Chain(pugi::xml_node node) {
        for (; node && node.type() == pugi::node_element; node = node.parent())
            elements_.push_back(node);
        std::reverse(elements_.begin(), elements_.end());
    }
    [[nodiscard]] pugi::xml_node at(std::size_t depth) const {
        return depth < elements_.size() ? elements_[depth] : pugi::xml_node();
    }

  private:
    std::vector<pugi::xml_node> elements_;
};

struct PointList {
    const char* name;
    Field list;
    Field text;
};
constexpr std::array<PointList, 4> kHandoutLists = {{
    {"covered", Field::handoutCovered, Field::handoutCoveredText},
    {"help", Field::handoutHelp, Field::handoutHelpText},
    {"watch", Field::handoutWatch, Field::handoutWatchText},
    {"talk", Field::handoutTalk, Field::handoutTalkText},
}};

FieldAddress activityField(const Chain& chain, std::size_t depth, std::size_t session,
                           std::size_t activity) {
    auto field = [&](Field f, std::optional<std::size_t> item = {}) {
        return FieldAddress::ofActivity(session, activity, f, item);
    };
    const auto part = chain.at(depth), inner = chain.at(depth + 1);
    if (isTheOne(part, "title"))
        return field(Field::activityTitle);
    if (isTheOne(part, "guidance")) {
        if (named(inner, "p"))
            return field(Field::guidance, positionAmongNamed(inner));
        if (isTheOne(inner, "adapt"))
            return field(Field::activityAdapt);
        if (isTheOne(inner, "watch"))
            return field(Field::activityWatch);
        return field(Field::guidance);
    }
    if (isTheOne(part, "easy-read")) {
        if (named(inner, "point"))
            return field(Field::easyReadText, positionAmongNamed(inner));
        return field(Field::easyRead);
    }
    return field(Field::activity);
}

FieldAddress sessionField(const Chain& chain, std::size_t depth, std::size_t session) {
    auto field = [&](Field f, std::optional<std::size_t> item = {}) {
        return FieldAddress::ofSession(session, f, item);
    };
    const auto part = chain.at(depth), inner = chain.at(depth + 1);
    if (isTheOne(part, "title"))
        return field(Field::sessionTitle);
    if (isTheOne(part, "objectives")) {
        return named(inner, "objective") ? field(Field::objectives, positionAmongNamed(inner))
                                         : field(Field::objectives);
    }
    if (isTheOne(part, "materials")) {
        return named(inner, "material") ? field(Field::materials, positionAmongNamed(inner))
                                        : field(Field::materials);
    }
    if (isTheOne(part, "activities")) {
        if (named(inner, "activity"))
            return activityField(chain, depth + 2, session, positionAmongNamed(inner));
        return field(Field::activities);
    }
    if (isTheOne(part, "handout")) {
        for (const auto& list : kHandoutLists) {
            if (!isTheOne(inner, list.name))
                continue;
            const auto point = chain.at(depth + 2);
            return named(point, "point") ? field(list.text, positionAmongNamed(point))
                                         : field(list.list);
        }
        return field(Field::handout);
    }
    return field(Field::session);
}

/// The field of the element `node` of a module's text: the innermost field around it.
FieldAddress fieldOf(const pugi::xml_node& node) {
    const Chain chain(node);
    using A = FieldAddress;
    if (!named(chain.at(0), "module"))
        return A::ofModule(Field::module);
    const auto part = chain.at(1), inner = chain.at(2);
    if (isTheOne(part, "title"))
        return A::ofModule(Field::moduleTitle);
    if (isTheOne(part, "summary"))
        return A::ofModule(Field::moduleSummary);
    if (isTheOne(part, "aims")) {
        return named(inner, "aim") ? A::ofModule(Field::aims, positionAmongNamed(inner))
                                   : A::ofModule(Field::aims);
    }
    if (isTheOne(part, "indicators")) {
        if (!named(inner, "indicator"))
            return A::ofModule(Field::indicators);
        const auto indicator = positionAmongNamed(inner);
        const auto text = chain.at(3);
        if (isTheOne(text, "label"))
            return A::ofModule(Field::indicatorLabel, indicator);
        if (isTheOne(text, "description"))
            return A::ofModule(Field::indicatorDescription, indicator);
        return A::ofModule(Field::indicators, indicator);
    }
    if (isTheOne(part, "sessions")) {
        if (named(inner, "session"))
            return sessionField(chain, 3, positionAmongNamed(inner));
        return A::ofModule(Field::sessions);
    }
    return A::ofModule(Field::module);
}

/// Whether the loader's `message` is about the attribute `name`: `name="..." must be ...`,
/// `needs the attribute name`, `the attribute name of <x> is empty`.
bool aboutAttribute(std::string_view message, std::string_view name) {
    if (message.starts_with(name) && message.substr(name.size()).starts_with("=\""))
        return true;
    std::string phrase = "the attribute ";
    phrase.append(name);
    const auto at = message.find(phrase);
    if (at == std::string_view::npos)
        return false;
    const auto after = at + phrase.size();
    return after == message.size() || message[after] == ' ';
}

/// Whether the loader's `message` says that a child element `name` is missing.
bool aboutMissingChild(std::string_view message, std::string_view name) {
    std::string phrase = "needs a <";
    phrase.append(name).append(">");
    if (message.find(phrase) != std::string_view::npos)
        return true;
    phrase.replace(0, std::string_view("needs a").size(), "needs an");
    return message.find(phrase) != std::string_view::npos;
}

bool aboutPicture(std::string_view message) {
    return aboutAttribute(message, "picture") || message.starts_with("the picture \"");
}

/// The field a finding reported at the element of `address` is about, when its message names
/// one of that element's attributes or children.
FieldAddress refine(FieldAddress address, std::string_view message) {
    auto to = [&address](Field field) {
        address.field = field;
        return address;
    };
    struct Part {
        const char* child;
        Field field;
    };
    auto missingChild = [&](std::initializer_list<Part> parts) -> std::optional<Field> {
        for (const auto& part : parts) {
            if (aboutMissingChild(message, part.child))
                return part.field;
        }
        return std::nullopt;
    };
    switch (address.field) {
        case Field::module:
            if (auto child = missingChild({{"title", Field::moduleTitle},
                                           {"summary", Field::moduleSummary},
                                           {"aims", Field::aims},
                                           {"sessions", Field::sessions}}))
                return to(*child);
            break;
        case Field::indicators:
            if (!address.item)
                break;
            if (aboutAttribute(message, "scale"))
                return to(Field::indicatorScale);
            if (auto child = missingChild({{"label", Field::indicatorLabel},
                                           {"description", Field::indicatorDescription}}))
                return to(*child);
            break;
        case Field::session:
            if (aboutAttribute(message, "minutes") || message.starts_with(kMinutesSum))
                return to(Field::sessionMinutes);
            if (auto child = missingChild({{"title", Field::sessionTitle},
                                           {"objectives", Field::objectives},
                                           {"materials", Field::materials},
                                           {"activities", Field::activities},
                                           {"handout", Field::handout}}))
                return to(*child);
            break;
        case Field::handout:
            for (const auto& list : kHandoutLists) {
                if (aboutMissingChild(message, list.name))
                    return to(list.list);
            }
            break;
        case Field::activity:
            if (aboutAttribute(message, "kind") || message.starts_with("the activity kind"))
                return to(Field::activityKind);
            if (aboutAttribute(message, "minutes"))
                return to(Field::activityMinutes);
            if (aboutPicture(message))
                return to(Field::activityPicture);
            if (auto child = missingChild({{"title", Field::activityTitle},
                                           {"guidance", Field::guidance},
                                           {"easy-read", Field::easyRead}}))
                return to(*child);
            break;
        case Field::easyReadText:
            if (aboutPicture(message))
                return to(Field::easyReadPicture);
            break;
        case Field::handoutCoveredText:
            if (aboutPicture(message))
                return to(Field::handoutCoveredPicture);
            break;
        case Field::handoutHelpText:
            if (aboutPicture(message))
                return to(Field::handoutHelpPicture);
            break;
        case Field::handoutWatchText:
            if (aboutPicture(message))
                return to(Field::handoutWatchPicture);
            break;
        case Field::handoutTalkText:
            if (aboutPicture(message))
                return to(Field::handoutTalkPicture);
            break;
        default:
            break;
    }
    return address;
}

/// The text checked, parsed again with positions: where each element starts, and the way back
/// from a line and column to an element.
class PositionedText {
  public:
    explicit PositionedText(std::string_view text)
        : size_(static_cast<std::ptrdiff_t>(text.size())) {
        lineStarts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n')
                lineStarts_.push_back(static_cast<std::ptrdiff_t>(i + 1));
        }
        parsed_ = static_cast<bool>(document_.load_buffer(
            text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8));
        if (parsed_)
            collect(document_);
    }

    [[nodiscard]] pugi::xml_node root() const { return document_.document_element(); }

    /// The innermost element that holds line:column, or a null node.
    [[nodiscard]] pugi::xml_node elementAt(int line, int column) const {
        if (!parsed_ || line < 1 || static_cast<std::size_t>(line) > lineStarts_.size())
            return {};
        const auto offset = lineStarts_[static_cast<std::size_t>(line - 1)] + column - 1;
        auto after = std::upper_bound(
            starts_.begin(), starts_.end(), offset,
            [](std::ptrdiff_t at, const Start& start) { return at < start.offset; });
        if (after == starts_.begin())
            return {};
        auto element = std::prev(after)->element;
        while (element && element.type() == pugi::node_element && offset >= endOf(element))
            element = element.parent();
        return element.type() == pugi::node_element ? element : pugi::xml_node();
    }

    /// Where `element` starts, as line and column.
    [[nodiscard]] std::pair<int, int> positionOf(const pugi::xml_node& element) const {
        const auto offset = startOf(element);
        auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
        const auto line = std::distance(lineStarts_.begin(), next);
        return {static_cast<int>(line), static_cast<int>(offset - *std::prev(next) + 1)};
    }

  private:
    struct Start {
        std::ptrdiff_t offset;
        pugi::xml_node element;
    };

    /// An element's '<' (pugixml gives its name), or where other nodes start.
    static std::ptrdiff_t startOf(const pugi::xml_node& node) {
        const auto offset = node.offset_debug();
        return node.type() == pugi::node_element && offset > 0 ? offset - 1 : offset;
    }

    /// Where the next node after `node` and all it holds starts: its end, closing tag and the
    /// layout after it included.
    [[nodiscard]] std::ptrdiff_t endOf(pugi::xml_node node) const {
        for (; node; node = node.parent()) {
            if (auto next = node.next_sibling())
                return startOf(next);
        }
        return size_;
    }

    void collect(const pugi::xml_node& parent) {
        for (auto child = parent.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element)
                continue;
            starts_.push_back({startOf(child), child});
            collect(child);
        }
    }

    std::ptrdiff_t size_;
    std::vector<std::ptrdiff_t> lineStarts_;
    pugi::xml_document document_;
    bool parsed_ = false;
    std::vector<Start> starts_;  ///< in document order, which is the order of the offsets
};

/// The editor's own checks on the positioned text: the easy-read rules for every point
/// members and carers read, and the minutes of every session.
void checkSessions(const PositionedText& text, const DraftCheckOptions& options,
                   DraftCheck& check) {
    auto report = [&](const FieldAddress& field, const pugi::xml_node& element,
                      std::string message) {
        const auto [line, column] = text.positionOf(element);
        check.findings.push_back({field, Finding{options.displayName, line, column, Severity::error,
                                                 std::move(message)}});
    };
    auto checkPoints = [&](const pugi::xml_node& list, auto addressOf) {
        std::size_t position = 0;
        for (auto point = list.child("point"); point; point = point.next_sibling("point")) {
            const auto field = addressOf(position++);
            checkEasyReadText(point.text().get(), options.easyRead,
                              [&](const std::string& message) { report(field, point, message); });
        }
    };
    std::size_t session = 0;
    for (auto element = text.root().child("sessions").child("session"); element;
         element = element.next_sibling("session"), ++session) {
        const auto minutes = minutesOf(element);
        check.minutes.push_back(minutes);
        if (minutes.session && minutes.activitiesWithoutMinutes == 0 &&
            minutes.activities != *minutes.session) {
            // The loader's words for the same check (kMinutesSum), which it leaves to this one.
            report(
                FieldAddress::ofSession(session, Field::sessionMinutes), element,
                text::fill(text::tr("the activities add up to {1} minutes, but the session is "
                                    "{2} minutes long"),
                           {std::to_string(minutes.activities), std::to_string(*minutes.session)}));
        }
        std::size_t activity = 0;
        for (auto item = element.child("activities").child("activity"); item;
             item = item.next_sibling("activity"), ++activity) {
            checkPoints(item.child("easy-read"), [&](std::size_t point) {
                return FieldAddress::ofActivity(session, activity, Field::easyReadText, point);
            });
        }
        const auto handout = element.child("handout");
        for (const auto& list : kHandoutLists) {
            checkPoints(handout.child(list.name), [&](std::size_t point) {
                return FieldAddress::ofSession(session, list.text, point);
            });
        }
    }
}

}  // namespace

bool DraftCheck::hasErrors() const {
    return std::any_of(findings.begin(), findings.end(), [](const DraftFinding& finding) {
        return finding.finding.severity == Severity::error;
    });
}

std::vector<DraftFinding> DraftCheck::at(const FieldAddress& field) const {
    std::vector<DraftFinding> found;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(found),
                 [&](const DraftFinding& finding) { return finding.field == field; });
    return found;
}

std::vector<DraftFinding> DraftCheck::inside(const FieldAddress& whole) const {
    std::vector<DraftFinding> found;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(found),
                 [&](const DraftFinding& finding) { return isInside(finding.field, whole); });
    return found;
}

/// The loader's message about the format ("<guidance> needs at least one <p> ...") in the
/// words of the editor's form, where it is shown beside the field it concerns: a
/// psychologist sees fields, not elements. Messages without a tag name are plain already.
std::string inFormWords(const FieldAddress& field, const Finding& finding) {
    // Decided on the English (the message shown may be translated).
    if (finding.severity != Severity::error || finding.inEnglish().find('<') == std::string::npos ||
        field.field == Field::module)
        return finding.message;
    const std::string name = describe(field.field);
    switch (field.field) {
        case Field::aims:
        case Field::indicators:
        case Field::sessions:
        case Field::objectives:
        case Field::materials:
        case Field::activities:
        case Field::guidance:
        case Field::easyRead:
        case Field::handoutCovered:
        case Field::handoutHelp:
        case Field::handoutWatch:
        case Field::handoutTalk:
            return text::fill(text::tr("The {1} list is empty: add at least one line."), {name});
        case Field::easyReadPicture:
        case Field::handoutCoveredPicture:
        case Field::handoutHelpPicture:
        case Field::handoutWatchPicture:
        case Field::handoutTalkPicture:
        case Field::activityPicture:
            return text::tr(
                "The picture's name is missing: choose a picture, or remove the empty [ ].");
        default:
            return text::fill(text::tr("The {1} is missing: fill it in."), {name});
    }
}

DraftCheck checkModuleText(std::string_view xml, const DraftCheckOptions& options) {
    DraftCheck check;
    auto loaded = loadModuleText(xml, options.displayName, options.pictures);
    const PositionedText text(xml);
    for (auto& finding : loaded.findings) {
        // The loader's findings are read in English (Finding::inEnglish): what they say places
        // them at their fields in any language.
        if (finding.inEnglish().starts_with(kMinutesSum))
            continue;
        FieldAddress field = FieldAddress::ofModule(Field::module);
        if (auto element = text.elementAt(finding.line, finding.column))
            field = refine(fieldOf(element), finding.inEnglish());
        finding.message = inFormWords(field, finding);
        check.findings.push_back({field, std::move(finding)});
    }
    checkSessions(text, options, check);
    std::stable_sort(check.findings.begin(), check.findings.end(),
                     [](const DraftFinding& a, const DraftFinding& b) {
                         return std::pair(a.finding.line, a.finding.column) <
                                std::pair(b.finding.line, b.finding.column);
                     });
    return check;
}

DraftCheck checkDraft(const ModuleDraft& draft, const DraftCheckOptions& options) {
    return checkModuleText(draft.xml(), options);
}

}  // namespace roundtable::curriculum
