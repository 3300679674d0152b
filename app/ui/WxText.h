// UTF-8 std::string <-> wxString at the UI edge (narrow literals lose non-ASCII text),
// the one way panels show a refused value next to its field, and the one way they show a
// record that was damaged outside Roundtable.
#pragma once

#include <wx/datetime.h>
#include <wx/stattext.h>
#include <wx/string.h>
#include <wx/window.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "records/Types.h"
#include "text/Translate.h"

class wxDialog;
class wxListCtrl;
class wxTextCtrl;

class wxButton;
class wxListCtrl;
class wxTextCtrl;

namespace roundtable::ui {

[[nodiscard]] inline wxString toWx(std::string_view text) {
    return wxString::FromUTF8(text.data(), text.size());
}
[[nodiscard]] inline std::string fromWx(const wxString& text) {
    return text.utf8_string();
}
/// The translation of `english` (text::tr) as a wxString, for a label or title. A keyword of
/// xgettext (po/CMakeLists.txt), like tr.
[[nodiscard]] inline wxString trWx(const char* english) {
    return toWx(text::tr(english));
}

/// "Tue 03 Nov 2026": a date in words, the same in every order.
[[nodiscard]] std::string readableDate(records::Date date);
/// A date picker's day, and back.
[[nodiscard]] records::Date pickedDate(const wxDateTime& day);
[[nodiscard]] wxDateTime toWx(records::Date date);

/// A bold label that names a part of a page. Add it to its sizer with Expand(): GTK measures
/// a label on a page not yet shown in the regular font, which would cut the bold text short.
[[nodiscard]] wxStaticText* heading(wxWindow* parent, const wxString& text);

/// A list of rows in columns (a report list, one row chosen at a time) named `name`, with
/// `columns` as (title, width in pixels at 100%).
[[nodiscard]] wxListCtrl* reportList(wxWindow* parent, const char* name,
                                     std::initializer_list<std::pair<const char*, int>> columns);

/// Makes `list` tall enough for its rows (up to `mostRows`) and its headings, so that the page
/// around it scrolls rather than the list, and only `leastWidth` wide at the least: a list wider
/// than its page would scroll the whole page across.
void fitListToRows(wxListCtrl* list, int mostRows, int leastWidth);

/// Lays out a dialog's form: `intro` (a sentence on what it is for) above `form`, then the
/// message line that shows refusals, then the OK and Cancel buttons (`okLabel` on OK when not
/// empty); the dialog fits them.
void layOutFormDialog(wxDialog* dialog, const wxString& intro, wxSizer* form, wxStaticText* message,
                      const wxString& okLabel = wxString());

/// "Print preview..." for a dialog that shows what a page also prints: it ends the dialog with
/// wxID_PREVIEW, and the page then opens the print preview on that document.
wxButton* printPreviewButton(wxDialog* dialog, const wxString& name);

/// Sizes a large dialog to the share `widthShare` x `heightShare` of the main window it opens
/// over (so that it fits a 1024x768 laptop), at most `most` (in DIPs) when given, and centres it
/// on the window.
void sizeToMainWindow(wxDialog* dialog, double widthShare, double heightShare,
                      wxSize most = wxDefaultSize);

/// Marks `field` as refused (tinted, message as tooltip and in `messageLine`) and gives it
/// the focus, so the user can correct it at once. The first change made to it (typing,
/// choosing, ticking) takes the tint off, and the message while it still shows.
void showRefused(wxWindow* field, wxStaticText* messageLine, const std::string& message);
/// `message` after a warning sign: a refusal is never told by colour alone.
[[nodiscard]] std::string warned(const std::string& message);
/// Shows a normal (not refused) message in `messageLine`.
void showInfo(wxStaticText* messageLine, const std::string& message);
/// Asks before an action that is allowed but often a slip, without a dialog in the way (the
/// keyboard stays where it was): the first press shows the question and how to go on in the
/// message line; the same press again, about the same thing, goes on. A press about anything
/// else asks afresh.
class AskFirst {
  public:
    /// True when `question` is empty, or was the last one shown about `subject`.
    bool goesOn(const std::string& question, const std::string& subject, wxStaticText* messageLine,
                const std::string& howToGoOn);
    void forget() { asked_.clear(); }

  private:
    std::string asked_;
};
/// Shows in full the text `list`'s columns cut short: each row's as a tooltip over it, and the
/// selected row's in `pane` (read-only and of several lines; nullptr for none), a line for
/// each column under its heading.
void showRowsInFull(wxListCtrl* list, wxTextCtrl* pane);
/// Makes Tab go through `windows` (siblings) in the order given: the order they are laid out
/// in, where they were created in another.
void tabInOrder(const std::vector<wxWindow*>& windows);
/// Enter in any of the one-line `fields` presses `button` (when it is enabled), as Enter does
/// in a form: the fields and the button they fill in.
void submitOnEnter(std::initializer_list<wxTextCtrl*> fields, wxButton* button);
/// The control inside `parent` that practice::Practice means by `field`: controls are named
/// with the field names Practice uses. nullptr when there is none.
[[nodiscard]] wxWindow* fieldNamed(wxWindow* parent, const std::string& field);
/// Clears what showRefused did.
void clearRefused(wxWindow* field, wxStaticText* messageLine);

/// "  ⚠ damaged" after a list row whose record (any of `damages`) was damaged outside
/// Roundtable; empty when all are intact. The page shows the full sentence (DamageNotice)
/// where the record opens.
[[nodiscard]] wxString damagedMark(const std::vector<std::string>& damages);

/// A warning line for records damaged outside Roundtable: "⚠ Damaged: what happened. Do not
/// rely on this record...", bold and dark red, so that neither the colour nor the words are
/// the only sign. Hidden while there is nothing to say. It wraps to the width its sizer gives
/// it (add it with Expand()).
class DamageNotice : public wxStaticText {
  public:
    DamageNotice(wxWindow* parent, const wxString& name);
    /// Shows practice::damageWarning of `damages` (empty ones are intact), or hides the line.
    void show(const std::vector<std::string>& damages);
    /// The warning as one line of text ("" when hidden), for tests and screen readers.
    [[nodiscard]] const wxString& text() const { return text_; }

  private:
    void wrapTo(int width);
    wxString text_;
    int wrappedAt_ = -1;
};

}  // namespace roundtable::ui
