// Phrases typed as their shortcut in a note's field.
#include "ui/PhraseExpansion.h"

#include <wx/textctrl.h>

#include <exception>

#include "ui/WxText.h"

namespace roundtable::ui {

bool expandShortcutAtCursor(wxTextCtrl* field, const PhraseSource& source) {
    const std::vector<practice::OfferedPhrase>* phrases = nullptr;
    try {
        phrases = source ? source() : nullptr;
    } catch (const std::exception&) {
        return false;  // the phrases cannot be read now (locked): the text stays as typed
    }
    if (!phrases || phrases->empty())
        return false;
    const long cursor = field->GetInsertionPoint();
    auto expansion = practice::expansionBefore(fromWx(field->GetRange(0, cursor)), *phrases);
    if (!expansion)
        return false;
    // The marker and shortcut are ASCII: as many characters as bytes.
    field->Replace(cursor - static_cast<long>(expansion->replaced), cursor, toWx(expansion->text));
    return true;
}

void expandPhrases(wxTextCtrl* field, PhraseSource source) {
    field->Bind(wxEVT_CHAR, [field, source = std::move(source)](wxKeyEvent& event) {
        const auto key = event.GetUnicodeKey();
        const bool endsWord = !event.HasModifiers() &&
                              (key == ' ' || key == WXK_RETURN || key == ',' || key == '.' ||
                               key == ';' || key == ':' || key == '!' || key == '?' || key == ')');
        if (endsWord)
            expandShortcutAtCursor(field, source);
        event.Skip();  // the key itself goes in after the phrase
    });
}

}  // namespace roundtable::ui
