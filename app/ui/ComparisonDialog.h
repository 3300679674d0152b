// A comparison of two versions of a module to read: grouped under the module, its progress
// indicators, sessions and activities, each difference on its own wrapped line, changed text
// word by word with removed words struck through and added words underlined (and coloured:
// never colour alone). Used by the module editor and the session page.
#pragma once

#include <string>

#include "curriculum/ModuleComparison.h"

class wxTextCtrl;
class wxWindow;

namespace roundtable::ui {

/// Writes `comparison` into `view` (a multi-line, rich text control), replacing its text.
void writeComparison(wxTextCtrl* view, const curriculum::ModuleComparison& comparison);

/// Shows `comparison` in a window of its own, titled `title`, until it is closed (Esc).
void showComparison(wxWindow* parent, const std::string& title,
                    const curriculum::ModuleComparison& comparison);

}  // namespace roundtable::ui
