// UTF-8 std::string <-> wxString at the UI edge (narrow literals lose non-ASCII text),
// and the one way panels show a refused value next to its field.
#pragma once

#include <wx/string.h>
#include <wx/window.h>

#include <string>
#include <string_view>

#include "records/Types.h"

class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

[[nodiscard]] inline wxString toWx(std::string_view text) {
    return wxString::FromUTF8(text.data(), text.size());
}
[[nodiscard]] inline std::string fromWx(const wxString& text) {
    return text.utf8_string();
}

/// "Tue 3 Nov 2026" for "2026-11-03"; the text unchanged when it is not a date.
[[nodiscard]] std::string readableDate(const std::string& isoDate);
/// "Planned", "Took place", "Did not take place".
[[nodiscard]] const char* sessionStatusLabel(records::SessionStatus status);
/// "Present", "Late", "Left early", "Absent (authorised)", "Absent (unauthorised)".
[[nodiscard]] const char* attendanceLabel(records::Attendance status);

/// A bold label that names a part of a page. Add it to its sizer with Expand(): GTK measures
/// a label on a page not yet shown in the regular font, which would cut the bold text short.
[[nodiscard]] wxStaticText* heading(wxWindow* parent, const wxString& text);

/// Marks `field` as refused (tinted, message as tooltip and in `messageLine`) and gives it
/// the focus, so the user can correct it at once.
void showRefused(wxWindow* field, wxStaticText* messageLine, const std::string& message);
/// Shows a normal (not refused) message in `messageLine`.
void showInfo(wxStaticText* messageLine, const std::string& message);
/// Makes a refused text field lose its tint as soon as the user starts correcting it.
void clearTintWhenEdited(wxTextCtrl* field);
/// The control inside `parent` that practice::Practice means by `field`: controls are named
/// with the field names Practice uses. nullptr when there is none.
[[nodiscard]] wxWindow* fieldNamed(wxWindow* parent, const std::string& field);
/// Clears what showRefused did.
void clearRefused(wxWindow* field, wxStaticText* messageLine);

}  // namespace roundtable::ui
