// A row of controls that goes on to a second line when the window is too narrow for it, so
// that no control is cut off or squeezed at 1024 pixels wide (or at 200% scaling). Add it to
// its column with Expand(): it wraps at the width it is given.
#pragma once

#include <initializer_list>

class wxSizer;
class wxWindow;

namespace roundtable::ui {

/// The controls in order, each centred on its line, `gap` pixels (before DPI scaling) apart.
[[nodiscard]] wxSizer* flowingRow(std::initializer_list<wxWindow*> controls, int gap = 6);

}  // namespace roundtable::ui
