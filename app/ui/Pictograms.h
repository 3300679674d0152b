// The programme's pictograms on screen: one drawn at a given size from wherever the service's
// pictures come from (the shipped folder or its database), sharp at any display scale.
#pragma once

#include <wx/bmpbndl.h>

#include <string>

#include "documents/PictureSource.h"

namespace roundtable::ui {

/// The pictogram `name` from `pictures`, `side` pixels square at 100% (an SVG drawn at any scale,
/// a PNG fitted at 100% and 200%); an empty bundle when it cannot be had, for the caller to show
/// its name instead.
[[nodiscard]] wxBitmapBundle pictogramBundle(const documents::PictureSource& pictures,
                                             const std::string& name, int side);

}  // namespace roundtable::ui
