// Phrases typed as their shortcut in a note's field (issue 14, item 9): ".rules" followed by a
// space, a line break or a punctuation mark becomes the phrase (practice::expansionBefore).
#pragma once

#include <functional>
#include <vector>

#include "practice/Phrases.h"

class wxTextCtrl;

namespace roundtable::ui {

/// The phrases on offer at the moment a word ends (nullptr: none, as when locked).
using PhraseSource = std::function<const std::vector<practice::OfferedPhrase>*()>;

/// Expands a phrase's shortcut as `field` is typed in.
void expandPhrases(wxTextCtrl* field, PhraseSource source);
/// Expands the shortcut just before `field`'s cursor, if one was typed last: before a note is
/// saved or signed with no space after it. True when it did.
bool expandShortcutAtCursor(wxTextCtrl* field, const PhraseSource& source);

}  // namespace roundtable::ui
