// The easy-read pictures, read once each from PICTURE.svg in the pictures folder and drawn
// by librsvg as vector paths onto whatever cairo context the page is drawn on.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "documents/Document.h"
#include "documents/Handles.h"

typedef struct _RsvgHandle RsvgHandle;

namespace roundtable::documents {

class Pictograms {
  public:
    explicit Pictograms(std::filesystem::path folder);

    /// Reads the picture `name` if it has not been read; DocumentError when it cannot be.
    void load(const std::string& name);
    /// Draws a picture loaded before, scaled to fit `box` and centred in it.
    void draw(cairo_t* cr, const std::string& name, const Box& box) const;

  private:
    std::filesystem::path folder_;
    std::map<std::string, GObjectPtr<RsvgHandle>> pictures_;
};

}  // namespace roundtable::documents
