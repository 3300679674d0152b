// Phrases for progress notes (issue 14, item 9): the facilitator's own (sealed in the store, hers
// alone) and the programme's, and what a shortcut typed in a note expands to. No wx here: the
// note fields ask expansionBefore when a word ends.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curriculum/Programme.h"
#include "records/RecordStore.h"

namespace roundtable::practice {

/// Typed before a shortcut in a note, e.g. ".rules": the "dot phrases" of clinical record
/// systems, and a word that starts with a full stop is written for nothing else.
inline constexpr char kShortcutMarker = '.';

/// A phrase on offer in notes.
struct OfferedPhrase {
    std::string shortcut;
    std::string text;
    std::string from;  ///< in words: "Your own", or the module or programme that offers it
    bool own = false;  ///< the facilitator's own: she may change or remove it
    std::string damage{};
};

/// The signed-in facilitator's own phrases, then the programme's whose shortcut she has not
/// used (hers win), each list by shortcut.
[[nodiscard]] std::vector<OfferedPhrase> offeredPhrases(records::RecordStore& store,
                                                        const curriculum::Programme& programme);

/// What the typed shortcut before the cursor becomes.
struct Expansion {
    std::size_t replaced = 0;  ///< characters before the cursor it replaces: marker and shortcut
    std::string text;
};

/// The expansion of `before` (the note's text up to the cursor) when a word ends there: its
/// last word is the marker and a phrase's shortcut (any case), at the start of the text or
/// after a space, a line break or an opening bracket. A damaged phrase never expands.
[[nodiscard]] std::optional<Expansion> expansionBefore(std::string_view before,
                                                       const std::vector<OfferedPhrase>& phrases);

/// Refuses (ValidationError "phrase-shortcut" or "phrase-text") what cannot be kept as a phrase.
void checkPhrase(const std::string& shortcut, const std::string& text);

}  // namespace roundtable::practice
