// Spelling checked as a note is typed (issue 14, item 9), with the system's spell checker:
// wxWidgets 3.2 offers none on GTK (wxTextCtrl::EnableProofCheck comes with 3.3), so GtkSpell
// (Debian's libgtkspell3, over Enchant and the installed Hunspell dictionaries) is attached to
// the field's GTK text view. Misspelt words are underlined and the context menu offers
// corrections; nothing is changed without the person choosing it.
#pragma once

#include <string>
#include <vector>

class wxTextCtrl;

namespace roundtable::ui {

/// Checks the spelling of a multi-line `field` in the language of the system's locale, or
/// else British or American English; false (and nothing attached) when no dictionary for any
/// of them is installed.
bool checkSpelling(wxTextCtrl* field);
/// The corrections the checker attached to `field` offers for `word` (empty when none is
/// attached); for tests.
[[nodiscard]] std::vector<std::string> spellingSuggestions(wxTextCtrl* field,
                                                           const std::string& word);

}  // namespace roundtable::ui
