// Picture names come from documents, which may be built from a service's own curriculum:
// a name is a plain word, never a path, so a picture cannot be read from outside the folder.
#include "documents/Pictograms.h"
#include "text/Translate.h"

#include <librsvg/rsvg.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

namespace roundtable::documents {
namespace {

bool isPlainName(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
}

}  // namespace

PictureSource::PictureSource(std::filesystem::path folder) : folder_(std::move(folder)) {}

PictureSource::PictureSource(std::map<std::string, Picture> pictures)
    : pictures_(std::move(pictures)), inMemory_(true) {}

PictureSource::Picture PictureSource::read(const std::string& name) const {
    if (!isPlainName(name))
        throw DocumentError(text::fill(text::tr("\"{1}\" is not a picture name."), {name}));
    if (inMemory_) {
        auto found = pictures_.find(name);
        if (found == pictures_.end())
            throw DocumentError(
                text::fill(text::tr("There is no picture \"{1}\" in the programme."), {name}));
        return found->second;
    }
    auto file = folder_ / (name + ".svg");
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in)
        throw DocumentError(text::fill(text::tr("Cannot read the picture {1}."), {file.string()}));
    return {"svg", std::move(bytes).str()};
}

namespace {

/// Reads a PNG held in memory for cairo, which reads through a callback.
struct PngReader {
    const std::string& bytes;
    std::size_t at = 0;
    static cairo_status_t read(void* closure, unsigned char* data, unsigned int length) {
        auto* reader = static_cast<PngReader*>(closure);
        if (reader->bytes.size() - reader->at < length)
            return CAIRO_STATUS_READ_ERROR;
        std::memcpy(data, reader->bytes.data() + reader->at, length);
        reader->at += length;
        return CAIRO_STATUS_SUCCESS;
    }
};

}  // namespace

Pictograms::Pictograms(PictureSource source) : source_(std::move(source)) {}

void Pictograms::load(const std::string& name) {
    if (pictures_.contains(name))
        return;
    auto picture = source_.read(name);
    Loaded loaded;
    if (picture.type == "png") {
        PngReader reader{picture.bytes};
        loaded.png.reset(cairo_image_surface_create_from_png_stream(&PngReader::read, &reader));
        if (cairo_surface_status(loaded.png.get()) != CAIRO_STATUS_SUCCESS)
            throw DocumentError(text::fill(
                text::tr("Cannot read the picture {1}: it is not a usable PNG."), {name}));
    } else {
        GError* error = nullptr;
        loaded.svg.reset(rsvg_handle_new_from_data(
            reinterpret_cast<const guint8*>(picture.bytes.data()), picture.bytes.size(), &error));
        ErrorPtr owned(error);
        if (!loaded.svg) {
            throw DocumentError(
                text::fill(text::tr("Cannot read the picture {1}: {2}"),
                           {name, owned ? owned->message : text::tr("unknown error")}));
        }
    }
    pictures_.emplace(name, std::move(loaded));
}

void Pictograms::draw(cairo_t* cr, const std::string& name, const Box& box) const {
    auto found = pictures_.find(name);
    if (found == pictures_.end())
        throw DocumentError(
            text::fill(text::tr("The picture {1} was not loaded before drawing."), {name}));
    // Some pictures run off their edge on purpose (a body cut off at the bottom), as a
    // browser would show them, clipped to the picture's square.
    cairo_save(cr);
    cairo_rectangle(cr, box.x, box.y, box.width, box.height);
    cairo_clip(cr);
    if (auto* image = found->second.png.get()) {
        // Scaled to fit the box, keeping its shape, centred.
        const double width = cairo_image_surface_get_width(image);
        const double height = cairo_image_surface_get_height(image);
        const double scale = std::min(box.width / width, box.height / height);
        cairo_translate(cr, box.x + (box.width - width * scale) / 2,
                        box.y + (box.height - height * scale) / 2);
        cairo_scale(cr, scale, scale);
        cairo_set_source_surface(cr, image, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        return;
    }
    RsvgRectangle viewport{box.x, box.y, box.width, box.height};
    GError* error = nullptr;
    bool drawn = rsvg_handle_render_document(found->second.svg.get(), cr, &viewport, &error);
    cairo_restore(cr);
    ErrorPtr owned(error);
    if (!drawn) {
        throw DocumentError(text::fill(text::tr("Cannot draw the picture {1}: {2}"),
                                       {name, owned ? owned->message : text::tr("unknown error")}));
    }
}

}  // namespace roundtable::documents
