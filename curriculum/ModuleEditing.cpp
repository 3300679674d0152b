// The module editor's operations on a draft's XML document. Each finds the element a field
// lives in (creating what is missing of its path, in the format's order), makes its change
// through an EditHistory::Recorder, and hands the recorded changes to the history as one step.
#include "curriculum/ModuleEditing.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <span>
#include <utility>

#include "curriculum/ModuleDocument.h"
#include "text/Translate.h"

namespace roundtable::curriculum {
namespace {

// ---- Where a field lives in the XML ----

/// The element a field's path starts from.
enum class Level : std::uint8_t { module, indicator, session, activity };

/// What a field is at the end of its path.
enum class Shape : std::uint8_t {
    whole,          ///< an element edited through its parts (a session, the handout)
    text,           ///< the text of an element
    attribute,      ///< an attribute of the level's element
    list,           ///< an element whose children named `item` are the list; with an item, one
    itemText,       ///< the text of an item of a list of points
    itemAttribute,  ///< an attribute of an item of a list of points
};

struct FieldShape {
    Level level;
    Shape shape;
    std::array<const char*, 2> path;  ///< element names below the level's element
    const char* item = nullptr;       ///< the list items' element name
    const char* attribute = nullptr;
    bool optional = false;       ///< removed when set to empty (the format allows it to be absent)
    Field list = Field::module;  ///< for item fields: the list they belong to
};

FieldShape shapeOf(Field field) {
    using enum Field;
    constexpr const char* point = "point";
    switch (field) {
        case module:
            return {Level::module, Shape::whole, {}};
        case moduleTitle:
            return {Level::module, Shape::text, {"title"}};
        case moduleSummary:
            return {Level::module, Shape::text, {"summary"}};
        case aims:
            return {Level::module, Shape::list, {"aims"}, "aim"};
        case indicators:
            return {Level::module, Shape::list, {"indicators"}, "indicator"};
        case indicatorLabel:
            return {Level::indicator, Shape::text, {"label"}};
        case indicatorDescription:
            return {Level::indicator, Shape::text, {"description"}};
        case indicatorScale:
            return {Level::indicator, Shape::attribute, {}, nullptr, "scale"};
        case sessions:
            return {Level::module, Shape::list, {"sessions"}, "session"};
        case session:
            return {Level::session, Shape::whole, {}};
        case sessionTitle:
            return {Level::session, Shape::text, {"title"}};
        case sessionMinutes:
            return {Level::session, Shape::attribute, {}, nullptr, "minutes"};
        case objectives:
            return {Level::session, Shape::list, {"objectives"}, "objective"};
        case materials:
            return {Level::session, Shape::list, {"materials"}, "material"};
        case activities:
            return {Level::session, Shape::list, {"activities"}, "activity"};
        case handout:
            return {Level::session, Shape::whole, {"handout"}};
        case handoutCovered:
            return {Level::session, Shape::list, {"handout", "covered"}, point};
        case handoutCoveredText:
            return {Level::session, Shape::itemText, {"handout", "covered"}, point,
                    nullptr,        false,           handoutCovered};
        case handoutCoveredPicture:
            return {Level::session, Shape::itemAttribute, {"handout", "covered"}, point, "picture",
                    false,          handoutCovered};
        case handoutHelp:
            return {Level::session, Shape::list, {"handout", "help"}, point};
        case handoutHelpText:
            return {Level::session, Shape::itemText, {"handout", "help"}, point,
                    nullptr,        false,           handoutHelp};
        case handoutHelpPicture:
            return {Level::session, Shape::itemAttribute, {"handout", "help"}, point, "picture",
                    false,          handoutHelp};
        case handoutWatch:
            return {Level::session, Shape::list, {"handout", "watch"}, point};
        case handoutWatchText:
            return {Level::session, Shape::itemText, {"handout", "watch"}, point,
                    nullptr,        false,           handoutWatch};
        case handoutWatchPicture:
            return {Level::session, Shape::itemAttribute, {"handout", "watch"}, point, "picture",
                    false,          handoutWatch};
        case handoutTalk:
            return {Level::session, Shape::list, {"handout", "talk"}, point};
        case handoutTalkText:
            return {Level::session, Shape::itemText, {"handout", "talk"}, point,
                    nullptr,        false,           handoutTalk};
        case handoutTalkPicture:
            return {Level::session, Shape::itemAttribute, {"handout", "talk"}, point, "picture",
                    false,          handoutTalk};
        case activity:
            return {Level::activity, Shape::whole, {}};
        case activityTitle:
            return {Level::activity, Shape::text, {"title"}};
        case activityKind:
            return {Level::activity, Shape::attribute, {}, nullptr, "kind"};
        case activityMinutes:
            return {Level::activity, Shape::attribute, {}, nullptr, "minutes"};
        case activityPicture:
            return {Level::activity, Shape::attribute, {}, nullptr, "picture", true};
        case guidance:
            return {Level::activity, Shape::list, {"guidance"}, "p"};
        case activityAdapt:
            return {Level::activity, Shape::text, {"guidance", "adapt"}, nullptr, nullptr, true};
        case activityWatch:
            return {Level::activity, Shape::text, {"guidance", "watch"}, nullptr, nullptr, true};
        case easyRead:
            return {Level::activity, Shape::list, {"easy-read"}, point};
        case easyReadText:
            return {Level::activity, Shape::itemText, {"easy-read"}, point,
                    nullptr,         false,           easyRead};
        case easyReadPicture:
            return {Level::activity, Shape::itemAttribute, {"easy-read"}, point, "picture", false,
                    easyRead};
    }
    throw DraftEditError(text::tr("unknown field"));
}

/// The children of an element in the format's order, so that an element the editor adds goes
/// where a person writing the file would put it.
std::span<const std::string_view> orderOfChildren(std::string_view parent) {
    static constexpr std::array<std::string_view, 7> module = {
        "title", "summary", "aims", "indicators", "prompts", "phrases", "sessions"};
    static constexpr std::array<std::string_view, 5> session = {"title", "objectives", "materials",
                                                                "activities", "handout"};
    static constexpr std::array<std::string_view, 3> activity = {"title", "guidance", "easy-read"};
    static constexpr std::array<std::string_view, 3> guidance = {"p", "adapt", "watch"};
    static constexpr std::array<std::string_view, 4> handout = {"covered", "help", "watch", "talk"};
    static constexpr std::array<std::string_view, 2> indicator = {"label", "description"};
    if (parent == "module")
        return module;
    if (parent == "session")
        return session;
    if (parent == "activity")
        return activity;
    if (parent == "guidance")
        return guidance;
    if (parent == "handout")
        return handout;
    if (parent == "indicator")
        return indicator;
    return {};
}

/// A new element `name` in `parent`, before the first sibling that the format puts after it,
/// or at the end.
pugi::xml_node insertInOrder(pugi::xml_node parent, const char* name) {
    const auto order = orderOfChildren(parent.name());
    const auto rank = std::find(order.begin(), order.end(), name) - order.begin();
    for (auto child = parent.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element)
            continue;
        const auto at = std::find(order.begin(), order.end(), child.name());
        if (at != order.end() && at - order.begin() > rank)
            return parent.insert_child_before(name, child);
    }
    return parent.append_child(name);
}

/// The `n`th child named `name` (counting from 0), or a null node.
pugi::xml_node nthChild(const pugi::xml_node& parent, const char* name, std::size_t n) {
    for (auto child = parent.child(name); child; child = child.next_sibling(name)) {
        if (n-- == 0)
            return child;
    }
    return {};
}

std::size_t countChildren(const pugi::xml_node& parent, const char* name) {
    std::size_t count = 0;
    for (auto child = parent.child(name); child; child = child.next_sibling(name))
        ++count;
    return count;
}

/// The text as pugixml can hold it: it ends at a zero byte.
std::string_view upToZero(std::string_view text) {
    return text.substr(0, text.find('\0'));
}

/// `text` with its line ends as an XML parser reads them (a carriage return, alone or before a
/// line feed, becomes a line feed): kept as typed, the saved file would read back differently
/// from the draft, and an undone change would not give the same bytes.
std::string withXmlLineEnds(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out.push_back(text[i]);
        } else {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        }
    }
    return out;
}

/// Sets the text of `element` in place: its first text child is changed, added or (for an
/// empty text) removed, and comments or unknown children beside it stay where they are.
void setElementText(pugi::xml_node element, std::string_view typed) {
    const std::string value = withXmlLineEnds(typed);
    pugi::xml_node text;
    for (auto child = element.first_child(); child && !text; child = child.next_sibling()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
            text = child;
    }
    if (value.empty()) {
        if (text)
            element.remove_child(text);
        return;
    }
    if (!text)
        text = element.append_child(pugi::node_pcdata);
    text.set_value(value.data(), value.size());
}

std::string twoDigits(int number) {
    // Appended piece by piece: GCC 12 warns (-Wrestrict) about inserting at the front.
    std::string text;
    if (number >= 0 && number < 10)
        text.push_back('0');
    text.append(std::to_string(number));
    return text;
}

/// "an aim", for "add aim" and "remove aim" in the Edit menu.
const char* nounOf(Field list) {
    switch (list) {
        case Field::aims:
            return text::tr("aim");
        case Field::indicators:
            return text::tr("indicator");
        case Field::sessions:
        case Field::session:
            return text::tr("session");
        case Field::objectives:
            return text::tr("objective");
        case Field::materials:
            return text::tr("material");
        case Field::activities:
        case Field::activity:
            return text::tr("activity");
        case Field::guidance:
            return text::tr("guidance paragraph");
        case Field::easyRead:
            return text::tr("easy-read point");
        case Field::handoutCovered:
        case Field::handoutHelp:
        case Field::handoutWatch:
        case Field::handoutTalk:
            return text::tr("handout point");
        default:
            return text::tr("item");
    }
}

void collectIds(const pugi::xml_node& parent, std::set<std::string, std::less<>>& ids) {
    for (auto child = parent.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element)
            continue;
        if (auto id = child.attribute("id"))
            ids.emplace(id.value());
        collectIds(child, ids);
    }
}

/// A field found in the draft: the element its path starts from, and the element its path ends
/// at (null when that is absent).
struct Located {
    FieldShape shape;
    pugi::xml_node level;
    pugi::xml_node element;
};

pugi::xml_node descend(pugi::xml_node from, const FieldShape& shape) {
    for (const char* name : shape.path) {
        if (!name || !from)
            break;
        from = from.child(name);
    }
    return from;
}

template <typename T>
T required(const std::optional<T>& value, const char* what, Field field) {
    if (!value) {
        throw DraftEditError(
            // TRANSLATORS: {1} names a field of the module editor; {2} is "a session", "an item"...
            text::fill(text::tr("the {1} field needs {2}"), {describe(field), text::tr(what)}));
    }
    return *value;
}

pugi::xml_node sessionElement(const pugi::xml_document& document, std::size_t session) {
    auto element = nthChild(document.document_element().child("sessions"), "session", session);
    if (!element)
        throw DraftEditError(
            text::fill(text::tr("there is no session {1}"), {std::to_string(session + 1)}));
    return element;
}

pugi::xml_node activityElement(const pugi::xml_document& document, std::size_t session,
                               std::size_t activity) {
    auto element =
        nthChild(sessionElement(document, session).child("activities"), "activity", activity);
    if (!element) {
        throw DraftEditError(
            text::fill(text::tr("session {1} has no activity {2}"),
                       {std::to_string(session + 1), std::to_string(activity + 1)}));
    }
    return element;
}

Located locate(const pugi::xml_document& document, const FieldAddress& address) {
    Located located{shapeOf(address.field), {}, {}};
    const Field field = address.field;
    switch (located.shape.level) {
        case Level::module:
            located.level = document.document_element();
            break;
        case Level::indicator: {
            const auto indicator = required(address.item, text::trLater("an indicator"), field);
            located.level =
                nthChild(document.document_element().child("indicators"), "indicator", indicator);
            if (!located.level)
                throw DraftEditError(text::fill(text::tr("there is no indicator {1}"),
                                                {std::to_string(indicator + 1)}));
            break;
        }
        case Level::session:
            located.level = sessionElement(
                document, required(address.session, text::trLater("a session"), field));
            break;
        case Level::activity:
            located.level = activityElement(
                document, required(address.session, text::trLater("a session"), field),
                required(address.activity, text::trLater("an activity"), field));
            break;
    }
    located.element = descend(located.level, located.shape);
    return located;
}

/// The item an item field or a list field with an item names; throws when there is none.
pugi::xml_node itemOf(const Located& located, const FieldAddress& address) {
    const auto item = required(address.item, text::trLater("an item"), address.field);
    auto element = nthChild(located.element, located.shape.item, item);
    if (!element) {
        throw DraftEditError(text::fill(text::tr("{1}: there is no item {2}"),
                                        {describe(address), std::to_string(item + 1)}));
    }
    return element;
}

/// A session, an activity, an indicator or a list item, with the list it is in.
struct Whole {
    pugi::xml_node element;
    pugi::xml_node list;
    const char* itemName;
    std::size_t position;
    /// The address of an item of the same list at another position.
    FieldAddress address;
    Field noun;
};

FieldAddress withPosition(FieldAddress address, std::size_t position) {
    if (address.field == Field::session)
        address.session = position;
    else if (address.field == Field::activity)
        address.activity = position;
    else
        address.item = position;
    return address;
}

Whole wholeOf(const pugi::xml_document& document, const FieldAddress& address) {
    if (address.field == Field::session || (address.field == Field::sessions && address.item)) {
        const auto position =
            address.field == Field::session
                ? required(address.session, text::trLater("a session"), address.field)
                : *address.item;
        auto element = sessionElement(document, position);
        return {element,
                element.parent(),
                "session",
                position,
                FieldAddress::ofSession(position, Field::session),
                Field::session};
    }
    if (address.field == Field::activity || (address.field == Field::activities && address.item)) {
        const auto session = required(address.session, text::trLater("a session"), address.field);
        const auto position =
            address.field == Field::activity
                ? required(address.activity, text::trLater("an activity"), address.field)
                : *address.item;
        auto element = activityElement(document, session, position);
        return {element,
                element.parent(),
                "activity",
                position,
                FieldAddress::ofActivity(session, position, Field::activity),
                Field::activity};
    }
    auto shape = shapeOf(address.field);
    FieldAddress listAddress = address;
    if (shape.shape == Shape::itemText || shape.shape == Shape::itemAttribute)
        listAddress.field = shape.list;
    if (shapeOf(listAddress.field).shape != Shape::list || !address.item)
        throw DraftEditError(text::fill(text::tr("{1} is not an item that can be moved or removed"),
                                        {describe(address)}));
    if (shape.level == Level::session)
        listAddress.activity.reset();
    auto located = locate(document, listAddress);
    auto element = itemOf(located, listAddress);
    return {element,       located.element, located.shape.item,
            *address.item, listAddress,     listAddress.field};
}

}  // namespace

// ---- The draft ----

ModuleDraft::ModuleDraft(std::string_view xml) {
    auto result = document_.load_buffer(xml.data(), xml.size(), ModuleDocument::kParseFlags,
                                        pugi::encoding_utf8);
    if (!result) {
        throw CurriculumFileError(
            text::fill(text::tr("The module could not be read: {1} at byte {2}"),
                       {result.description(), std::to_string(result.offset)}));
    }
    if (std::string_view(document_.document_element().name()) != "module") {
        throw CurriculumFileError(
            text::tr("This is not a module: it does not start with <module>"));
    }
    collectIds(document_, usedIds_);
}

ModuleDraft::ModuleDraft(ModuleDraft&&) noexcept = default;
ModuleDraft& ModuleDraft::operator=(ModuleDraft&&) noexcept = default;
ModuleDraft::~ModuleDraft() = default;

std::string ModuleDraft::xml() const {
    return ModuleDocument::textOf(document_);
}

std::string ModuleDraft::text(const FieldAddress& address) const {
    const auto located = locate(document_, address);
    switch (located.shape.shape) {
        case Shape::text:
            return located.element ? located.element.text().get() : "";
        case Shape::attribute:
            return located.level.attribute(located.shape.attribute).value();
        case Shape::list:
            if (!address.item || located.shape.item == std::string_view("indicator") ||
                located.shape.item == std::string_view("session") ||
                located.shape.item == std::string_view("activity"))
                break;
            return itemOf(located, address).text().get();
        case Shape::itemText:
            return itemOf(located, address).text().get();
        case Shape::itemAttribute:
            return itemOf(located, address).attribute(located.shape.attribute).value();
        case Shape::whole:
            break;
    }
    throw DraftEditError(text::fill(text::tr("{1} has no text of its own"), {describe(address)}));
}

std::size_t ModuleDraft::sessionCount() const {
    return countChildren(document_.document_element().child("sessions"), "session");
}

std::size_t ModuleDraft::activityCount(std::size_t session) const {
    return countChildren(sessionElement(document_, session).child("activities"), "activity");
}

std::size_t ModuleDraft::itemCount(const FieldAddress& list) const {
    const auto located = locate(document_, list);
    if (located.shape.shape != Shape::list)
        throw DraftEditError(text::fill(text::tr("{1} is not a list"), {describe(list)}));
    return countChildren(located.element, located.shape.item);
}

std::string ModuleDraft::moduleId() const {
    return document_.document_element().attribute("id").value();
}

std::string ModuleDraft::sessionId(std::size_t session) const {
    return sessionElement(document_, session).attribute("id").value();
}

std::string ModuleDraft::indicatorId(std::size_t indicator) const {
    auto element =
        nthChild(document_.document_element().child("indicators"), "indicator", indicator);
    if (!element)
        throw DraftEditError(
            text::fill(text::tr("there is no indicator {1}"), {std::to_string(indicator + 1)}));
    return element.attribute("id").value();
}

std::optional<std::size_t> ModuleDraft::findSession(std::string_view id) const {
    std::size_t position = 0;
    for (auto session = document_.document_element().child("sessions").child("session"); session;
         session = session.next_sibling("session"), ++position) {
        if (id == session.attribute("id").value())
            return position;
    }
    return std::nullopt;
}

SessionMinutes ModuleDraft::minutesOf(std::size_t session) const {
    return curriculum::minutesOf(sessionElement(document_, session));
}

bool ModuleDraft::exists(const FieldAddress& address) const {
    try {
        const auto located = locate(document_, address);
        const bool itemShape = located.shape.shape == Shape::itemText ||
                               located.shape.shape == Shape::itemAttribute ||
                               (located.shape.shape == Shape::list && address.item);
        if (itemShape)
            return static_cast<bool>(itemOf(located, address));
        return true;
    } catch (const DraftEditError&) {
        return false;
    }
}

void ModuleDraft::setText(const FieldAddress& address, std::string_view value) {
    value = upToZero(value);
    const auto located = locate(document_, address);
    EditHistory::Recorder recorder;
    const auto& shape = located.shape;
    switch (shape.shape) {
        case Shape::text:
            if (located.element) {
                if (value.empty() && shape.optional) {
                    recorder.remove(located.element);
                } else {
                    recorder.changeElement(located.element,
                                           [&](pugi::xml_node e) { setElementText(e, value); });
                }
            } else if (!value.empty() || !shape.optional) {
                // Create what is missing of the path, and record its first element whole.
                pugi::xml_node top, at = located.level;
                for (const char* name : shape.path) {
                    if (!name)
                        break;
                    auto next = at.child(name);
                    if (!next) {
                        next = insertInOrder(at, name);
                        if (!top)
                            top = next;
                    }
                    at = next;
                }
                setElementText(at, value);
                recorder.inserted(top);
            }
            break;
        case Shape::attribute:
            recorder.setAttribute(located.level, shape.attribute,
                                  value.empty() && shape.optional
                                      ? std::nullopt
                                      : std::optional<std::string_view>(value));
            break;
        case Shape::list:
            if (!address.item || shape.item == std::string_view("indicator") ||
                shape.item == std::string_view("session") ||
                shape.item == std::string_view("activity"))
                throw DraftEditError(
                    text::fill(text::tr("{1} has no text of its own"), {describe(address)}));
            [[fallthrough]];
        case Shape::itemText:
            recorder.changeElement(itemOf(located, address),
                                   [&](pugi::xml_node e) { setElementText(e, value); });
            break;
        case Shape::itemAttribute:
            recorder.setAttribute(itemOf(located, address), shape.attribute, value);
            break;
        case Shape::whole:
            throw DraftEditError(
                text::fill(text::tr("{1} has no text of its own"), {describe(address)}));
    }
    commit(text::fill(text::tr("change {1}"), {describe(address.field)}), recorder.take(), address);
}

void ModuleDraft::endTyping() {
    history_.endTyping();
}

void ModuleDraft::setIndicatorScale(std::size_t indicator, int scaleMin, int scaleMax) {
    std::string scale = std::to_string(scaleMin);
    scale.append("-").append(std::to_string(scaleMax));
    setText(FieldAddress::ofModule(Field::indicatorScale, indicator), scale);
}

namespace {

/// The list element of `list`, created in its place (and its own parents) when absent; `top`
/// is set to the first element created, if any.
pugi::xml_node ensureList(const Located& located, pugi::xml_node& top) {
    if (located.element)
        return located.element;
    pugi::xml_node at = located.level;
    for (const char* name : located.shape.path) {
        if (!name)
            break;
        auto next = at.child(name);
        if (!next) {
            next = insertInOrder(at, name);
            if (!top)
                top = next;
        }
        at = next;
    }
    return at;
}

/// A new element `name` in `list` so that it is the `position`th of its name (clamped);
/// `position` is set to where it went.
pugi::xml_node insertItem(pugi::xml_node list, const char* name, std::size_t& position) {
    const auto count = countChildren(list, name);
    position = std::min(position, count);
    if (position < count)
        return list.insert_child_before(name, nthChild(list, name, position));
    if (count > 0)
        return list.insert_child_after(name, nthChild(list, name, count - 1));
    return insertInOrder(list, name);
}

}  // namespace

FieldAddress ModuleDraft::addItem(const FieldAddress& list, std::size_t position,
                                  std::string_view text, std::string_view picture) {
    FieldAddress listAddress = list;
    listAddress.item.reset();
    const auto located = locate(document_, listAddress);
    const std::string_view itemName = located.shape.item ? located.shape.item : "";
    if (located.shape.shape != Shape::list || itemName == "indicator" || itemName == "session" ||
        itemName == "activity") {
        throw DraftEditError(
            text::fill(text::tr("{1} is not a list of texts or points"), {describe(list)}));
    }
    EditHistory::Recorder recorder;
    pugi::xml_node top;
    auto listElement = ensureList(located, top);
    auto item = insertItem(listElement, located.shape.item, position);
    if (itemName == "point")
        item.append_attribute("picture").set_value(picture.data(), upToZero(picture).size());
    setElementText(item, upToZero(text));
    recorder.inserted(top ? top : item);
    commit(text::fill(text::tr("add {1}"), {nounOf(listAddress.field)}), recorder.take());
    listAddress.item = position;
    return listAddress;
}

FieldAddress ModuleDraft::addIndicator(std::size_t position, int scaleMin, int scaleMax) {
    const auto located = locate(document_, FieldAddress::ofModule(Field::indicators));
    EditHistory::Recorder recorder;
    pugi::xml_node top;
    auto list = ensureList(located, top);
    auto indicator = insertItem(list, "indicator", position);
    std::string stem = moduleId();
    stem.append("-indicator-");
    std::string scale = std::to_string(scaleMin);
    scale.append("-").append(std::to_string(scaleMax));
    indicator.append_attribute("id").set_value(freshId(stem).c_str());
    indicator.append_attribute("scale").set_value(scale.c_str());
    indicator.append_child("label");
    indicator.append_child("description");
    recorder.inserted(top ? top : indicator);
    commit(text::tr("add indicator"), recorder.take());
    return FieldAddress::ofModule(Field::indicators, position);
}

FieldAddress ModuleDraft::addSession(std::size_t position, int minutes) {
    const auto located = locate(document_, FieldAddress::ofModule(Field::sessions));
    EditHistory::Recorder recorder;
    pugi::xml_node top;
    auto list = ensureList(located, top);
    auto session = insertItem(list, "session", position);
    session.append_attribute("id").set_value(freshSessionId().c_str());
    session.append_attribute("minutes").set_value(minutes);
    for (const char* part : {"title", "objectives", "materials", "activities"})
        session.append_child(part);
    auto handout = session.append_child("handout");
    for (const char* part : {"covered", "help", "watch", "talk"})
        handout.append_child(part);
    recorder.inserted(top ? top : session);
    commit(text::tr("add session"), recorder.take());
    return FieldAddress::ofSession(position, Field::session);
}

FieldAddress ModuleDraft::addActivity(std::size_t session, std::size_t position,
                                      std::string_view kind, int minutes) {
    const auto located = locate(document_, FieldAddress::ofSession(session, Field::activities));
    EditHistory::Recorder recorder;
    pugi::xml_node top;
    auto list = ensureList(located, top);
    auto activity = insertItem(list, "activity", position);
    kind = upToZero(kind);
    activity.append_attribute("kind").set_value(kind.data(), kind.size());
    activity.append_attribute("minutes").set_value(minutes);
    for (const char* part : {"title", "guidance", "easy-read"})
        activity.append_child(part);
    recorder.inserted(top ? top : activity);
    commit(text::tr("add activity"), recorder.take());
    return FieldAddress::ofActivity(session, position, Field::activity);
}

FieldAddress ModuleDraft::duplicate(const FieldAddress& address) {
    const auto whole = wholeOf(document_, address);
    EditHistory::Recorder recorder;
    auto list = whole.list;
    auto copy = list.insert_copy_after(whole.element, whole.element);
    if (whole.noun == Field::session || whole.noun == Field::indicators) {
        std::string id;
        if (whole.noun == Field::session) {
            id = freshSessionId();
        } else {
            id = moduleId();
            id.append("-indicator-");
            id = freshId(id);
        }
        auto attribute = copy.attribute("id");
        if (!attribute)
            attribute = copy.prepend_attribute("id");
        attribute.set_value(id.c_str());
    }
    recorder.inserted(copy);
    commit(text::fill(text::tr("duplicate {1}"), {nounOf(whole.noun)}), recorder.take());
    return withPosition(whole.address, whole.position + 1);
}

void ModuleDraft::remove(const FieldAddress& address) {
    const auto whole = wholeOf(document_, address);
    EditHistory::Recorder recorder;
    recorder.remove(whole.element);
    commit(text::fill(text::tr("remove {1}"), {nounOf(whole.noun)}), recorder.take());
}

FieldAddress ModuleDraft::move(const FieldAddress& address, std::size_t to) {
    const auto whole = wholeOf(document_, address);
    const auto count = countChildren(whole.list, whole.itemName);
    to = std::min(to, count - 1);
    EditHistory::Recorder recorder;
    if (to != whole.position) {
        recorder.move(whole.element, nthChild(whole.list, whole.itemName, to), to < whole.position);
    }
    commit(text::fill(text::tr("move {1}"), {nounOf(whole.noun)}), recorder.take());
    return withPosition(whole.address, to);
}

FieldAddress ModuleDraft::moveUp(const FieldAddress& address) {
    const auto whole = wholeOf(document_, address);
    return move(address, whole.position == 0 ? 0 : whole.position - 1);
}

FieldAddress ModuleDraft::moveDown(const FieldAddress& address) {
    return move(address, wholeOf(document_, address).position + 1);
}

void ModuleDraft::reserveIds(const std::set<std::string, std::less<>>& ids) {
    usedIds_.insert(ids.begin(), ids.end());
}

std::string ModuleDraft::freshSessionId() {
    std::string stem = moduleId();
    if (stem.empty())
        stem = "session";
    stem.append("-");
    return freshId(stem);
}

std::string ModuleDraft::freshId(const std::string& stem) {
    // One above the highest number used after the stem, so that ids grow in the order sessions
    // were made, and never one that the draft has held (see usedIds_).
    int highest = 0;
    for (const auto& id : usedIds_) {
        if (id.size() <= stem.size() || id.compare(0, stem.size(), stem) != 0)
            continue;
        int number = 0;
        const char* digits = id.data() + stem.size();
        auto [end, error] = std::from_chars(digits, id.data() + id.size(), number);
        if (error == std::errc() && end == id.data() + id.size())
            highest = std::max(highest, number);
    }
    std::string id = stem;
    id.append(twoDigits(highest + 1));
    usedIds_.insert(id);
    return id;
}

// ---- Undo and redo ----

void ModuleDraft::commit(std::string description, std::vector<EditHistory::Change> changes,
                         std::optional<FieldAddress> typingIn) {
    const bool typing = typingIn.has_value();
    history_.commit({std::move(description), std::move(changes), std::move(typingIn)}, typing);
}

bool ModuleDraft::canUndo() const {
    return history_.canUndo();
}

bool ModuleDraft::canRedo() const {
    return history_.canRedo();
}

std::string ModuleDraft::undoDescription() const {
    return history_.undoDescription();
}

std::string ModuleDraft::redoDescription() const {
    return history_.redoDescription();
}

void ModuleDraft::undo() {
    history_.undo(document_);
}

void ModuleDraft::redo() {
    history_.redo(document_);
}

std::size_t ModuleDraft::historyBytes() const {
    return history_.bytes();
}

std::size_t ModuleDraft::undoSteps() const {
    return history_.undoSteps();
}

}  // namespace roundtable::curriculum
