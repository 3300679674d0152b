// Phrases typed as their shortcut in a note's field.
#include "ui/PhraseExpansion.h"

#include <wx/textctrl.h>

#include <exception>

#include "ui/WxText.h"

namespace roundtable::ui {

namespace {

/// Expands the shortcut that ends at `end` in `field`, keeping the cursor where it was in the
/// text around it. True when it did.
bool expandShortcutEndingAt(wxTextCtrl* field, long end, const PhraseSource& source) {
    const std::vector<practice::OfferedPhrase>* phrases = nullptr;
    try {
        phrases = source ? source() : nullptr;
    } catch (const std::exception&) {
        return false;  // the phrases cannot be read now (locked): the text stays as typed
    }
    if (!phrases || phrases->empty() || end < 0 || end > field->GetLastPosition())
        return false;
    auto expansion = practice::expansionBefore(fromWx(field->GetRange(0, end)), *phrases);
    if (!expansion)
        return false;
    const long cursor = field->GetInsertionPoint();
    const auto phrase = toWx(expansion->text);
    // The marker and shortcut are ASCII: as many characters as bytes.
    const long start = end - static_cast<long>(expansion->replaced);
    field->Replace(start, end, phrase);
    const long moved = static_cast<long>(phrase.length()) - (end - start);
    field->SetInsertionPoint(cursor >= end ? cursor + moved : cursor);
    return true;
}

}  // namespace

bool expandShortcutAtCursor(wxTextCtrl* field, const PhraseSource& source) {
    return expandShortcutEndingAt(field, field->GetInsertionPoint(), source);
}

void expandPhrases(wxTextCtrl* field, PhraseSource source) {
    field->Bind(wxEVT_CHAR, [field, source = std::move(source)](wxKeyEvent& event) {
        const auto key = event.GetUnicodeKey();
        const bool endsWord = !event.HasModifiers() &&
                              (key == ' ' || key == WXK_RETURN || key == ',' || key == '.' ||
                               key == ';' || key == ':' || key == '!' || key == '?' || key == ')');
        if (endsWord) {
            // Once the key is in: GTK's text view must not be changed while it inserts it.
            const long end = field->GetInsertionPoint();
            field->CallAfter([field, end, source] { expandShortcutEndingAt(field, end, source); });
        }
        event.Skip();
    });
}

}  // namespace roundtable::ui
