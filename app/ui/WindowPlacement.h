// Windows that fit the screen they open on, and a main window that opens as it was left: a
// size asked for (or remembered from a larger monitor) is cut to the screen's work area, so
// that no button row or status line opens below the bottom of a 768-pixel screen.
#pragma once

#include <wx/gdicmn.h>

#include "settings/Settings.h"

class wxTopLevelWindow;

namespace roundtable::ui {

/// Sizes `window` to `wanted` (in pixels before DPI scaling) or the work area of its screen,
/// whichever is smaller, and moves it inside that area.
void fitToScreen(wxTopLevelWindow* window, wxSize wanted);

/// The main window's size and whether it was maximised, as `settings` remember them, applied
/// through fitToScreen; `usual` when nothing is remembered.
void restorePlacement(wxTopLevelWindow* window, const settings::SettingsStore& settings,
                      wxSize usual);
/// Remembers the window's size and maximised state in `settings` (not saved to disk here).
void rememberPlacement(const wxTopLevelWindow* window, settings::SettingsStore& settings);

}  // namespace roundtable::ui
