// Undo and redo for module drafts: each change is made to the document and recorded with
// just enough to make it again or take it back. Elements are recorded as XML written without
// layout and parsed back with every text kept, so that taking a change back gives the same
// nodes, and so the same bytes when the draft is saved.
#include "curriculum/DraftHistory.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "curriculum/ModuleDocument.h"

namespace roundtable::curriculum {
namespace {

using Change = EditHistory::Change;

/// Where `node` is among all the children of its parent (comments and text included).
std::uint32_t positionOf(const pugi::xml_node& node) {
    std::uint32_t position = 0;
    for (auto sibling = node.previous_sibling(); sibling; sibling = sibling.previous_sibling())
        ++position;
    return position;
}

std::uint32_t positionOf(const pugi::xml_attribute& attribute) {
    std::uint32_t position = 0;
    for (auto before = attribute.previous_attribute(); before; before = before.previous_attribute())
        ++position;
    return position;
}

NodePath pathOf(pugi::xml_node node) {
    NodePath path;
    for (; node.parent(); node = node.parent())
        path.push_back(positionOf(node));
    std::reverse(path.begin(), path.end());
    return path;
}

pugi::xml_node childAt(const pugi::xml_node& parent, std::uint32_t position) {
    auto child = parent.first_child();
    for (; child && position > 0; --position)
        child = child.next_sibling();
    return child;
}

pugi::xml_attribute attributeAt(const pugi::xml_node& element, std::uint32_t position) {
    auto attribute = element.first_attribute();
    for (; attribute && position > 0; --position)
        attribute = attribute.next_attribute();
    return attribute;
}

pugi::xml_node nodeAt(pugi::xml_document& document, const NodePath& path) {
    pugi::xml_node node = document;
    for (auto position : path)
        node = childAt(node, position);
    if (!node)
        throw std::logic_error("the undo history does not match the draft");
    return node;
}

/// An element as XML with nothing added: no indentation and no line breaks, so that parsing
/// it again (fragmentFlags) gives exactly the same nodes.
std::string xmlOf(const pugi::xml_node& element) {
    std::ostringstream out;
    element.print(out, "", pugi::format_raw, pugi::encoding_utf8);
    return std::move(out).str();
}

/// The draft's own flags, and every text of only white space kept: a fragment written by
/// xmlOf holds no layout of its own, so any such text was in the draft.
constexpr unsigned kFragmentFlags =
    (ModuleDocument::kParseFlags & ~pugi::parse_declaration) | pugi::parse_ws_pcdata;

/// Puts the element written as `xml` at `position` among the children of `parent`.
void insertXml(pugi::xml_node parent, std::uint32_t position, const std::string& xml) {
    pugi::xml_document fragment;
    if (!fragment.load_buffer(xml.data(), xml.size(), kFragmentFlags, pugi::encoding_utf8) ||
        !fragment.first_child()) {
        throw std::logic_error("the undo history holds XML that does not parse");
    }
    if (auto next = childAt(parent, position))
        parent.insert_copy_before(fragment.first_child(), next);
    else
        parent.append_copy(fragment.first_child());
}

/// Moves the child at `from` so that its position becomes `to`.
void moveChild(pugi::xml_node parent, std::uint32_t from, std::uint32_t to) {
    if (from == to)
        return;
    auto moved = childAt(parent, from);
    auto target = childAt(parent, to);
    if (to < from)
        parent.insert_move_before(moved, target);
    else
        parent.insert_move_after(moved, target);
}

void apply(pugi::xml_document& document, const Change& change, bool forwards) {
    const auto& from = forwards ? change.before : change.after;
    const auto& to = forwards ? change.after : change.before;
    auto place = nodeAt(document, change.place);
    switch (change.kind) {
        case Change::Kind::child:
            if (from)
                place.remove_child(childAt(place, change.index));
            if (to)
                insertXml(place, change.index, *to);
            break;
        case Change::Kind::attribute:
            if (from && to) {
                attributeAt(place, change.index).set_value(to->c_str());
            } else if (from) {
                place.remove_attribute(attributeAt(place, change.index));
            } else if (to) {
                auto next = attributeAt(place, change.index);
                auto added = next ? place.insert_attribute_before(change.name.c_str(), next)
                                  : place.append_attribute(change.name.c_str());
                added.set_value(to->c_str());
            }
            break;
        case Change::Kind::move:
            if (forwards)
                moveChild(place, change.index, change.to);
            else
                moveChild(place, change.to, change.index);
            break;
    }
}

}  // namespace

// ---- Recording ----

void EditHistory::Recorder::changeElement(pugi::xml_node element,
                                          const std::function<void(pugi::xml_node)>& edit) {
    Change change{Change::Kind::child,
                  pathOf(element.parent()),
                  positionOf(element),
                  0,
                  {},
                  xmlOf(element),
                  {}};
    edit(element);
    change.after = xmlOf(element);
    add(std::move(change));
}

void EditHistory::Recorder::inserted(const pugi::xml_node& element) {
    add({Change::Kind::child,
         pathOf(element.parent()),
         positionOf(element),
         0,
         {},
         std::nullopt,
         xmlOf(element)});
}

void EditHistory::Recorder::remove(const pugi::xml_node& element) {
    add({Change::Kind::child,
         pathOf(element.parent()),
         positionOf(element),
         0,
         {},
         xmlOf(element),
         std::nullopt});
    element.parent().remove_child(element);
}

void EditHistory::Recorder::move(const pugi::xml_node& element, const pugi::xml_node& target,
                                 bool before) {
    auto parent = element.parent();
    const auto from = positionOf(element);
    if (before)
        parent.insert_move_before(element, target);
    else
        parent.insert_move_after(element, target);
    add({Change::Kind::move, pathOf(parent), from, positionOf(element), {}, {}, {}});
}

void EditHistory::Recorder::setAttribute(pugi::xml_node element, const char* name,
                                         std::optional<std::string_view> value) {
    auto attribute = element.attribute(name);
    Change change{Change::Kind::attribute, pathOf(element), 0, 0, name, {}, {}};
    if (attribute) {
        change.index = positionOf(attribute);
        change.before = attribute.value();
        if (value)
            attribute.set_value(value->data(), value->size());
        else
            element.remove_attribute(attribute);
    } else if (value) {
        attribute = element.append_attribute(name);
        attribute.set_value(value->data(), value->size());
        change.index = positionOf(attribute);
    }
    if (value)
        change.after = std::string(*value);
    add(std::move(change));
}

void EditHistory::Recorder::add(Change change) {
    if (!change.changesNothing())
        changes_.push_back(std::move(change));
}

// ---- Undo and redo ----

void EditHistory::commit(Step step, bool typing) {
    if (step.changes.empty()) {
        if (!typing)
            typingOpen_ = false;
        return;
    }
    redo_.clear();
    if (typing && typingOpen_ && !undo_.empty() && undo_.back().typingIn == step.typingIn) {
        // A keystroke changes what the keystroke before it changed: the step keeps the field
        // as it was before the first and as it is after the last.
        auto& open = undo_.back();
        for (auto& change : step.changes) {
            if (!open.changes.empty() && open.changes.back().sameSlot(change))
                open.changes.back().after = std::move(change.after);
            else
                open.changes.push_back(std::move(change));
        }
        std::erase_if(open.changes, [](const Change& change) { return change.changesNothing(); });
        // Typed back to what it was: nothing is left to undo.
        if (open.changes.empty()) {
            undo_.pop_back();
            typingOpen_ = false;
        }
        return;
    }
    if (!typing)
        step.typingIn.reset();
    undo_.push_back(std::move(step));
    typingOpen_ = typing;
}

std::string EditHistory::undoDescription() const {
    return undo_.empty() ? std::string() : undo_.back().description;
}

std::string EditHistory::redoDescription() const {
    return redo_.empty() ? std::string() : redo_.back().description;
}

void EditHistory::undo(pugi::xml_document& document) {
    typingOpen_ = false;
    if (undo_.empty())
        return;
    auto step = std::move(undo_.back());
    undo_.pop_back();
    for (auto change = step.changes.rbegin(); change != step.changes.rend(); ++change)
        apply(document, *change, false);
    redo_.push_back(std::move(step));
}

void EditHistory::redo(pugi::xml_document& document) {
    typingOpen_ = false;
    if (redo_.empty())
        return;
    auto step = std::move(redo_.back());
    redo_.pop_back();
    for (const auto& change : step.changes)
        apply(document, change, true);
    undo_.push_back(std::move(step));
}

std::size_t EditHistory::bytes() const {
    std::size_t bytes = 0;
    for (const auto* steps : {&undo_, &redo_}) {
        for (const auto& step : *steps) {
            bytes += sizeof(Step) + step.description.size();
            for (const auto& change : step.changes) {
                bytes += sizeof(Change) + change.place.size() * sizeof(std::uint32_t) +
                         change.name.size() + (change.before ? change.before->size() : 0) +
                         (change.after ? change.after->size() : 0);
            }
        }
    }
    return bytes;
}

}  // namespace roundtable::curriculum
