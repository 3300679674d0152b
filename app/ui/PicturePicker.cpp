// Thumbnails are made here from the pictures' bytes: SVG through wxBitmapBundle (nanosvg), PNG
// through wxImage, each fitted into a square so the grid stays even.
#include "ui/PicturePicker.h"

#include <wx/bmpbndl.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/mstream.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

constexpr int kThumbnail = 64;

wxBitmap thumbnailOf(const records::ProgrammePicture& picture) {
    const wxSize size(kThumbnail, kThumbnail);
    if (picture.fileType == "svg") {
        auto bundle = wxBitmapBundle::FromSVG(picture.bytes.c_str(), size);
        if (bundle.IsOk())
            return bundle.GetBitmap(size);
    } else {
        wxMemoryInputStream in(picture.bytes.data(), picture.bytes.size());
        wxImage image(in, wxBITMAP_TYPE_PNG);
        if (image.IsOk()) {
            const double scale = std::min(double(kThumbnail) / image.GetWidth(),
                                          double(kThumbnail) / image.GetHeight());
            image.Rescale(std::max(1, int(image.GetWidth() * scale)),
                          std::max(1, int(image.GetHeight() * scale)), wxIMAGE_QUALITY_HIGH);
            image.Resize(size, wxPoint((kThumbnail - image.GetWidth()) / 2,
                                       (kThumbnail - image.GetHeight()) / 2));
            return wxBitmap(image);
        }
    }
    // A picture that cannot be drawn still shows its name: an empty square.
    wxImage blank(size);
    blank.SetRGB(wxRect(size), 255, 255, 255);
    return wxBitmap(blank);
}

}  // namespace

PicturePicker::PicturePicker(wxWindow* parent,
                             const std::vector<records::ProgrammePicture>& pictures)
    : wxDialog(parent, wxID_ANY, "Choose a picture", wxDefaultPosition, wxSize(760, 560),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    for (const auto& picture : pictures) {
        if (picture.damage.empty())
            pictures_.push_back(picture);
    }
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_ICON | wxLC_SINGLE_SEL | wxLC_AUTOARRANGE);
    list_->SetName("picture-list");
    auto* images =
        new wxImageList(kThumbnail, kThumbnail, false, static_cast<int>(pictures_.size()));
    for (std::size_t i = 0; i < pictures_.size(); ++i) {
        images->Add(thumbnailOf(pictures_[i]));
        list_->InsertItem(static_cast<long>(i), toWx(pictures_[i].name), static_cast<int>(i));
    }
    list_->AssignImageList(images, wxIMAGE_LIST_NORMAL);
    description_ = new wxStaticText(this, wxID_ANY, "Choose a picture to see what it shows.");
    description_->SetName("picture-description");
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showDescription(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(wxID_OK); });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, 8));
    sizer->Add(description_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(CreateButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizer(sizer);
}

std::optional<std::string> PicturePicker::chosen() const {
    long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0)
        return std::nullopt;
    return pictures_.at(static_cast<std::size_t>(selected)).name;
}

bool PicturePicker::select(const std::string& name) {
    for (std::size_t i = 0; i < pictures_.size(); ++i) {
        if (pictures_[i].name != name)
            continue;
        list_->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->EnsureVisible(static_cast<long>(i));
        showDescription();
        return true;
    }
    return false;
}

void PicturePicker::showDescription() {
    if (auto name = chosen()) {
        for (const auto& picture : pictures_) {
            if (picture.name == *name)
                description_->SetLabel(toWx(picture.name + ": " + picture.description));
        }
    }
}

}  // namespace roundtable::ui
