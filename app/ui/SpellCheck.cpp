// GtkSpell attached to a wxTextCtrl's GtkTextView (wx builds a multi-line field on GTK as a
// text view inside a scrolled window: the handle is the scrolled window).
#include "ui/SpellCheck.h"

#include <gtk/gtk.h>
#include <gtkspell/gtkspell.h>
#include <wx/textctrl.h>

namespace roundtable::ui {
namespace {

GtkTextView* textViewOf(wxTextCtrl* field) {
    auto* widget = static_cast<GtkWidget*>(field->GetHandle());
    if (widget && GTK_IS_BIN(widget))
        widget = gtk_bin_get_child(GTK_BIN(widget));
    return widget && GTK_IS_TEXT_VIEW(widget) ? GTK_TEXT_VIEW(widget) : nullptr;
}

}  // namespace

bool checkSpelling(wxTextCtrl* field) {
    auto* view = textViewOf(field);
    if (!view)
        return false;
    GtkSpellChecker* checker = gtk_spell_checker_new();
    // nullptr: the locale's language (LANG); a machine set to "C" still has English notes.
    for (const char* language : {static_cast<const char*>(nullptr), "en_GB", "en_US"}) {
        GError* error = nullptr;
        if (gtk_spell_checker_set_language(checker, language, &error) &&
            gtk_spell_checker_attach(checker, view))
            return true;  // the view owns the checker from here
        if (error)
            g_error_free(error);
    }
    g_object_ref_sink(checker);  // never attached: it is ours to free
    g_object_unref(checker);
    return false;
}

std::vector<std::string> spellingSuggestions(wxTextCtrl* field, const std::string& word) {
    std::vector<std::string> suggestions;
    auto* view = textViewOf(field);
    GtkSpellChecker* checker = view ? gtk_spell_checker_get_from_text_view(view) : nullptr;
    if (!checker)
        return suggestions;
    GList* list = gtk_spell_checker_get_suggestions(checker, word.c_str());
    for (GList* item = list; item; item = item->next)
        suggestions.emplace_back(static_cast<const char*>(item->data));
    g_list_free_full(list, g_free);
    return suggestions;
}

}  // namespace roundtable::ui
