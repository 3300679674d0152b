// The editing model under the psychologists' module editor: one module's XML held as a whole
// pugixml document (so content this version does not know is kept), every edit the editor
// offers, and undo and redo whose memory grows with the size of each change, not of the
// module. No wx here: the editor window is a thin layer over this, and all of it is tested
// without a display.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "curriculum/DraftHistory.h"
#include "curriculum/ModuleFields.h"

namespace roundtable::curriculum {

/// An edit that cannot be made: the address names nothing in the draft, or the field has no
/// text. A mistake in the caller, not in the module.
class DraftEditError : public std::logic_error {
  public:
    using std::logic_error::logic_error;
};

/// One module being edited. Every change goes through the operations below, each of which can be
/// undone and redone. A change records the place of what it changed and that part before and
/// after (an element's XML, an attribute's value, or two positions for a move), never the whole
/// module.
class ModuleDraft {
  public:
    /// Parses `xml` as ModuleDocument does (comments and unknown content kept); throws
    /// CurriculumFileError when it is not well-formed XML or not a <module>.
    explicit ModuleDraft(std::string_view xml);
    ModuleDraft(const ModuleDraft&) = delete;
    ModuleDraft& operator=(const ModuleDraft&) = delete;
    ModuleDraft(ModuleDraft&&) noexcept;
    ModuleDraft& operator=(ModuleDraft&&) noexcept;
    ~ModuleDraft();

    /// The module as text: what ModuleDocument::save would write for it.
    [[nodiscard]] std::string xml() const;
    [[nodiscard]] const pugi::xml_document& document() const { return document_; }

    // ---- Reading ----
    /// The text of a text, number or picture field (minutes as written, the scale as "0-3");
    /// empty when the element or attribute is absent. Throws DraftEditError for a field that has
    /// no text (a session as a whole, a list without an item).
    [[nodiscard]] std::string text(const FieldAddress& address) const;
    [[nodiscard]] std::size_t sessionCount() const;
    [[nodiscard]] std::size_t activityCount(std::size_t session) const;
    /// The number of items in a list field (aims, indicators, objectives, guidance, a point list).
    [[nodiscard]] std::size_t itemCount(const FieldAddress& list) const;
    [[nodiscard]] std::string moduleId() const;
    [[nodiscard]] std::string sessionId(std::size_t session) const;
    [[nodiscard]] std::string indicatorId(std::size_t indicator) const;
    /// The position of the session with this id.
    [[nodiscard]] std::optional<std::size_t> findSession(std::string_view id) const;
    /// The session's minutes and the running sum of its activities' minutes.
    [[nodiscard]] SessionMinutes minutesOf(std::size_t session) const;
    /// Whether the address names something in the draft as it is now.
    [[nodiscard]] bool exists(const FieldAddress& address) const;

    // ---- Editing (each is one undo step; a DraftEditError leaves the draft unchanged) ----
    /// Sets a text, number or picture field. Consecutive calls for the same field are one undo
    /// step (typing), until endTyping() or any other edit. An element the field needs is
    /// created in its place in the format's order; an optional one (adapt, watch, the
    /// activity's picture) is removed when set to empty.
    void setText(const FieldAddress& address, std::string_view value);
    /// Ends the typing step: the next setText, even in the same field, is a new undo step.
    /// Call when a field loses the focus.
    void endTyping();
    void setIndicatorScale(std::size_t indicator, int scaleMin, int scaleMax);

    /// Adds an item to a list of texts (aims, objectives, materials, guidance) or of points
    /// (easy-read, the handout's lists; `picture` is used only there) at `position` (clamped to
    /// the end). Returns the new item's address.
    FieldAddress addItem(const FieldAddress& list, std::size_t position, std::string_view text,
                         std::string_view picture = {});
    /// An indicator with a fresh id, empty label and description.
    FieldAddress addIndicator(std::size_t position, int scaleMin = 0, int scaleMax = 3);
    /// A session with a fresh id, the given minutes, an empty title and empty lists.
    FieldAddress addSession(std::size_t position, int minutes = 120);
    FieldAddress addActivity(std::size_t session, std::size_t position,
                             std::string_view kind = "teaching", int minutes = 10);

    /// Copies a session (with a fresh id), an activity, an indicator (with a fresh id) or a list
    /// item, and places the copy just after it. Returns the copy's address.
    FieldAddress duplicate(const FieldAddress& whole);
    /// Removes a session, an activity, an indicator or a list item.
    void remove(const FieldAddress& whole);
    /// Moves a session, an activity, an indicator or a list item so that its position becomes
    /// `to` (clamped to the list). Returns its new address.
    FieldAddress move(const FieldAddress& whole, std::size_t to);
    FieldAddress moveUp(const FieldAddress& whole);
    FieldAddress moveDown(const FieldAddress& whole);

    /// Ids that fresh ids must not take besides those in the draft: the rest of the
    /// programme's, and those of sessions in published versions that records may refer to.
    void reserveIds(const std::set<std::string, std::less<>>& ids);

    // ---- Undo and redo ----
    [[nodiscard]] bool canUndo() const;
    [[nodiscard]] bool canRedo() const;
    /// What undo would undo, for the Edit menu ("change session minutes" -> "Undo change
    /// session minutes"); empty when there is nothing.
    [[nodiscard]] std::string undoDescription() const;
    [[nodiscard]] std::string redoDescription() const;
    void undo();
    void redo();
    /// The memory the undo and redo history holds for what it records (texts and positions),
    /// in bytes: grows with each change's size, not the module's.
    [[nodiscard]] std::size_t historyBytes() const;
    [[nodiscard]] std::size_t undoSteps() const;

  private:
    [[nodiscard]] std::string freshSessionId();
    /// `stem` and the next number after the highest any used id has after it ("-09").
    [[nodiscard]] std::string freshId(const std::string& stem);
    void commit(std::string description, std::vector<EditHistory::Change> changes,
                std::optional<FieldAddress> typingIn = {});

    pugi::xml_document document_;
    EditHistory history_;
    /// Every id this draft has held or has been told to avoid: a fresh id never takes one, so a
    /// session removed and then added again is not mistaken for the old one in the records.
    std::set<std::string, std::less<>> usedIds_;
};

}  // namespace roundtable::curriculum
