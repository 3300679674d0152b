// A window showing how two versions of a module differ, in words (the comparison of
// curriculum/ModuleComparison.h), for the module editor and the session page.
#pragma once

#include <wx/window.h>

#include <string>

namespace roundtable::ui {

/// Shows `text` read-only in a resizable modal dialog titled `title`; Esc or Close ends it.
void showComparison(wxWindow* parent, const std::string& title, const std::string& text);

}  // namespace roundtable::ui
