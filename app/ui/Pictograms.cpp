// Pictograms on screen (Pictograms.h).
#include "ui/Pictograms.h"

#include <wx/image.h>
#include <wx/mstream.h>

#include <algorithm>

namespace roundtable::ui {
namespace {

/// A PNG fitted into a square of `side` pixels.
wxBitmap fitted(const wxImage& original, int side) {
    wxImage image = original.Copy();
    const double scale =
        std::min(double(side) / image.GetWidth(), double(side) / image.GetHeight());
    image.Rescale(std::max(1, int(image.GetWidth() * scale)),
                  std::max(1, int(image.GetHeight() * scale)), wxIMAGE_QUALITY_HIGH);
    image.Resize(wxSize(side, side),
                 wxPoint((side - image.GetWidth()) / 2, (side - image.GetHeight()) / 2));
    return wxBitmap(image);
}

}  // namespace

wxBitmapBundle pictogramBundle(const documents::PictureSource& pictures, const std::string& name,
                               int side) {
    try {
        const auto picture = pictures.read(name);
        if (picture.type == "svg")
            return wxBitmapBundle::FromSVG(picture.bytes.c_str(), wxSize(side, side));
        wxMemoryInputStream in(picture.bytes.data(), picture.bytes.size());
        wxImage image(in, wxBITMAP_TYPE_PNG);
        // At 100% and at 200%: the larger one is drawn on a high-resolution screen.
        if (image.IsOk())
            return wxBitmapBundle::FromBitmaps(fitted(image, side), fitted(image, 2 * side));
    } catch (const std::exception&) {
        // Not to be had: the caller shows the picture's name instead.
    }
    return {};
}

}  // namespace roundtable::ui
