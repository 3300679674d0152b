// The easy-read pictures, read once each (from PICTURE.svg in the pictures folder, or from the
// service's programme in memory) and drawn onto whatever cairo context the page is drawn on:
// SVG by librsvg as vector paths, PNG as an image scaled to fit.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "documents/Document.h"
#include "documents/Handles.h"
#include "documents/PictureSource.h"

typedef struct _RsvgHandle RsvgHandle;

namespace roundtable::documents {

class Pictograms {
  public:
    explicit Pictograms(PictureSource source);

    /// Reads the picture `name` if it has not been read; DocumentError when it cannot be.
    void load(const std::string& name);
    /// Draws a picture loaded before, scaled to fit `box` and centred in it.
    void draw(cairo_t* cr, const std::string& name, const Box& box) const;

  private:
    /// One loaded picture: an SVG as vectors, or a PNG as an image.
    struct Loaded {
        GObjectPtr<RsvgHandle> svg;
        SurfacePtr png;
    };
    PictureSource source_;
    std::map<std::string, Loaded> pictures_;
};

}  // namespace roundtable::documents
