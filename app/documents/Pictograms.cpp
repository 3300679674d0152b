// Picture names come from documents, which may be built from a service's own curriculum:
// a name is a plain word, never a path, so a picture cannot be read from outside the folder.
#include "documents/Pictograms.h"

#include <librsvg/rsvg.h>

#include <algorithm>

namespace roundtable::documents {
namespace {

bool isPlainName(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
}

}  // namespace

Pictograms::Pictograms(std::filesystem::path folder) : folder_(std::move(folder)) {}

void Pictograms::load(const std::string& name) {
    if (pictures_.contains(name))
        return;
    if (!isPlainName(name))
        throw DocumentError("\"" + name + "\" is not a picture name.");
    auto file = folder_ / (name + ".svg");
    GError* error = nullptr;
    GObjectPtr<RsvgHandle> handle(rsvg_handle_new_from_file(file.c_str(), &error));
    ErrorPtr owned(error);
    if (!handle) {
        throw DocumentError("Cannot read the picture " + file.string() + ": " +
                            (owned ? owned->message : "unknown error"));
    }
    pictures_.emplace(name, std::move(handle));
}

void Pictograms::draw(cairo_t* cr, const std::string& name, const Box& box) const {
    auto found = pictures_.find(name);
    if (found == pictures_.end())
        throw DocumentError("The picture " + name + " was not loaded before drawing.");
    RsvgRectangle viewport{box.x, box.y, box.width, box.height};
    // Some pictures run off their edge on purpose (a body cut off at the bottom), as a
    // browser would show them, clipped to the picture's square.
    cairo_save(cr);
    cairo_rectangle(cr, box.x, box.y, box.width, box.height);
    cairo_clip(cr);
    GError* error = nullptr;
    bool drawn = rsvg_handle_render_document(found->second.get(), cr, &viewport, &error);
    cairo_restore(cr);
    ErrorPtr owned(error);
    if (!drawn) {
        throw DocumentError("Cannot draw the picture " + name + ": " +
                            (owned ? owned->message : "unknown error"));
    }
}

}  // namespace roundtable::documents
