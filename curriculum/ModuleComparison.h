// What changed between two versions of a curriculum module, in the module's own terms
// (sessions, activities, guidance paragraphs, easy-read points), not as lines of XML: for a
// psychologist reviewing an edit, and for the command line and, later, a window in the app.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "curriculum/Programme.h"

namespace roundtable::curriculum {

/// How something stands in the newer version against the older one.
enum class ChangeKind {
    changed,  ///< in both versions, in the same place among the others; its content differs
    added,    ///< only in the newer version
    removed,  ///< only in the older version
    moved,    ///< in both versions, but in another place among the others
};

/// A run of consecutive words of a changed text, as `git diff --word-diff` shows them.
struct WordRun {
    enum class Kind { kept, removed, added };
    Kind kind = Kind::kept;
    std::string words;  ///< separated by single spaces
};

/// One difference in one field of the module, of an indicator, a session or an activity.
struct FieldChange {
    /// What changed, as the reader calls it: a single field ("title", "minutes", "summary",
    /// "adapt", "picture", "scale", ...) or, when the positions are set, one entry of a list
    /// ("aim", "objective", "material", "guidance paragraph", "easy-read point",
    /// "handout covered point", "handout help point", "handout watch point",
    /// "handout talk point", "prompt", "phrase"). In English, as code reads it: text::tr() gives
    /// the reader's words.
    std::string field;
    /// For a changed easy-read point, the part of it that changed: "picture" or "text" (English,
    /// as `field`); empty otherwise.
    std::string part;
    /// `changed` for a single field; for a list entry, also added, removed or moved.
    ChangeKind kind = ChangeKind::changed;
    /// 1-based place of a list entry in the older and the newer list; 0 where it is absent,
    /// and both 0 for a single field.
    int olderPosition = 0;
    int newerPosition = 0;
    /// The whole value before and after ("" on the side where it is absent). A number is
    /// written in digits, an easy-read point as "[picture] text".
    std::string older;
    std::string newer;
    /// A changed text word by word (kept, removed and added runs in reading order). Empty for
    /// values that are replaced whole: numbers, names (kind, picture, phase, scale) and entries
    /// added, removed or moved.
    std::vector<WordRun> words;

    [[nodiscard]] bool isListEntry() const { return olderPosition != 0 || newerPosition != 0; }
};

struct ActivityComparison {
    ChangeKind kind = ChangeKind::changed;
    int olderPosition = 0;  ///< 1-based place in its session; 0 where absent
    int newerPosition = 0;
    /// Of the newer version (the older one when removed), to name and describe the activity.
    std::string title;
    std::string activityKind;
    int minutes = 0;
    std::vector<FieldChange> changes;  ///< empty for an activity added or removed
};

struct SessionComparison {
    ChangeKind kind = ChangeKind::changed;
    std::string id;
    int olderPosition = 0;  ///< 1-based place in the module; 0 where absent
    int newerPosition = 0;
    /// Of the newer version (the older one when removed), to name and describe the session.
    std::string title;
    int minutes = 0;
    std::size_t activityCount = 0;
    std::vector<FieldChange> changes;            ///< title, minutes, objectives, materials
    std::vector<ActivityComparison> activities;  ///< only those with a difference
    std::vector<FieldChange> handout;            ///< the points of the carers' handout
};

struct IndicatorComparison {
    ChangeKind kind = ChangeKind::changed;
    std::string id;
    int olderPosition = 0;
    int newerPosition = 0;
    std::string label;                 ///< of the newer version (the older one when removed)
    std::string scale;                 ///< "0-3", of the same version as the label
    std::vector<FieldChange> changes;  ///< label, description, scale
};

/// Every difference between two versions of a module. Only what differs is listed; sessions,
/// activities and list entries are in the newer version's order, each one removed where it
/// stood among the others. Everything is copied: it outlives both modules.
struct ModuleComparison {
    std::string moduleId;                         ///< the newer version's
    std::string title;                            ///< the newer version's
    std::vector<FieldChange> changes;             ///< id, version, phase, title, summary, aims
    std::vector<IndicatorComparison> indicators;  ///< only those with a difference
    std::vector<SessionComparison> sessions;      ///< only those with a difference

    /// True when the two versions have the same content (comments and layout never count).
    [[nodiscard]] bool same() const {
        return changes.empty() && indicators.empty() && sessions.empty();
    }
};

/// Compares two versions of a module. Sessions and indicators are matched by id; activities,
/// which have no id, by title, and those whose title changed by their place between the
/// matched ones when their content is still mostly the same; so an activity put in between
/// others shows as added and nothing else, and one put elsewhere as moved. List entries
/// (aims, paragraphs, points, ...) are matched the same way, by their text.
[[nodiscard]] ModuleComparison compareModules(const Module& older, const Module& newer);

/// Two texts word by word (words are separated by white space): the longest run of words
/// they have in common is kept, the rest removed or added.
[[nodiscard]] std::vector<WordRun> compareWords(std::string_view older, std::string_view newer);

/// The comparison as plain text for a terminal, one line for each difference, e.g.
///   Session "consent-02" (Saying yes and no): activity 3 "Role-play": minutes 20 -> 25
/// with changed text shown as `git diff --word-diff` does: "[-old words-]{+new words+}" (long
/// runs of unchanged words shortened to their ends with "..."). Empty when `same()`.
[[nodiscard]] std::string describe(const ModuleComparison& comparison);

/// The words of a text (one line of describe()) with removed and added runs marked.
[[nodiscard]] std::string describeWords(const std::vector<WordRun>& words);

/// "changed", "added", ...: English, marked for translation (text::tr gives the reader's words).
[[nodiscard]] const char* toText(ChangeKind kind);

}  // namespace roundtable::curriculum
