// Saves what a window shows on screen as a PNG (for GUI tests and documentation).
#pragma once

#include <string>

class wxWindow;

namespace roundtable::ui {

/// Returns false when the PNG could not be written.
bool saveScreenshot(wxWindow* window, const std::string& pngPath);

}  // namespace roundtable::ui
