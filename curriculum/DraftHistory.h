// The undo and redo history of a module draft. Each step is a list of small changes to the
// draft's XML document, each naming its place by a path of child positions from the document
// node and holding only what it changed: the one element it replaced, inserted or removed, an
// attribute's value, or a move's two positions. The draft as a whole is never copied.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curriculum/ModuleFields.h"

namespace roundtable::curriculum {

/// Child positions from the document node down to a node.
using NodePath = std::vector<std::uint32_t>;

class EditHistory {
  public:
    struct Change {
        enum class Kind : std::uint8_t {
            child,      ///< the element at `index` among the children of `place`: before -> after
            attribute,  ///< the attribute `name`, at `index` among those of `place`
            move,       ///< the child of `place` at `index` moves so that its position is `to`
        };
        Kind kind = Kind::child;
        NodePath place;
        std::uint32_t index = 0;
        std::uint32_t to = 0;
        std::string name;
        /// An element's XML or an attribute's value; absent when there was, or is, none.
        std::optional<std::string> before;
        std::optional<std::string> after;

        [[nodiscard]] bool changesNothing() const {
            return kind != Kind::move ? before == after : index == to;
        }
        /// Whether `next` changes what this change changed, so that the two can be one.
        [[nodiscard]] bool sameSlot(const Change& next) const {
            return kind != Kind::move && kind == next.kind && index == next.index &&
                   name == next.name && place == next.place;
        }
    };

    struct Step {
        std::string description;  ///< for the Edit menu: "change session minutes"
        std::vector<Change> changes;
        /// The field being typed in, for a step that later keystrokes in it may join.
        std::optional<FieldAddress> typingIn;
    };

    /// Makes the changes of one step to a document and records each as it is made, so that
    /// the step can be undone exactly.
    class Recorder {
      public:
        /// Runs `edit` on `element` in place, recording the element before and after.
        void changeElement(pugi::xml_node element, const std::function<void(pugi::xml_node)>& edit);
        /// Records an element that has just been put in place, complete.
        void inserted(const pugi::xml_node& element);
        void remove(const pugi::xml_node& element);
        /// Moves `element` just before or after `target`, a sibling.
        void move(const pugi::xml_node& element, const pugi::xml_node& target, bool before);
        /// Sets the attribute `name` of `element` to `value`, adding it at the end if absent;
        /// removes it when `value` is absent.
        void setAttribute(pugi::xml_node element, const char* name,
                          std::optional<std::string_view> value);

        [[nodiscard]] std::vector<Change> take() { return std::move(changes_); }

      private:
        void add(Change change);
        std::vector<Change> changes_;
    };

    /// Puts a finished step on the undo list and forgets what could be redone. With `typing`,
    /// a step for the field that the last step was typed in joins that step, unless typing
    /// has ended since. A step that changes nothing is dropped.
    void commit(Step step, bool typing);
    /// The next step, even in the same field, is a step of its own.
    void endTyping() { typingOpen_ = false; }

    [[nodiscard]] bool canUndo() const { return !undo_.empty(); }
    [[nodiscard]] bool canRedo() const { return !redo_.empty(); }
    [[nodiscard]] std::string undoDescription() const;
    [[nodiscard]] std::string redoDescription() const;
    void undo(pugi::xml_document& document);
    void redo(pugi::xml_document& document);
    /// What the history holds, in bytes (texts, paths and the records themselves).
    [[nodiscard]] std::size_t bytes() const;
    [[nodiscard]] std::size_t undoSteps() const { return undo_.size(); }

  private:
    std::vector<Step> undo_;
    std::vector<Step> redo_;
    bool typingOpen_ = false;
};

}  // namespace roundtable::curriculum
