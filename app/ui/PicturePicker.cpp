// Thumbnails are made here from the pictures' bytes: SVG through wxBitmapBundle (nanosvg), PNG
// through wxImage, each fitted into a square so the grid stays even.
#include "ui/PicturePicker.h"

#include <wx/bmpbndl.h>
#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/mstream.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include <cctype>

#include "ui/Guarded.h"
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
                             const std::vector<records::ProgrammePicture>& pictures, Add add)
    : wxDialog(parent, wxID_ANY, trWx("Choose a picture"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      add_(std::move(add)) {
    SetName("picture-picker");
    find_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                           wxTE_PROCESS_ENTER);
    find_->SetName("picture-find");
    find_->SetHint(trWx("Type to find a picture by its name or what it shows"));
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 420)),
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("picture-list");
    list_->AppendColumn(trWx("Picture"), wxLIST_FORMAT_LEFT, FromDIP(kThumbnail + 90));
    list_->AppendColumn(trWx("What it shows"), wxLIST_FORMAT_LEFT, FromDIP(440));
    description_ = new wxStaticText(this, wxID_ANY, trWx("Choose a picture to see what it shows."));
    description_->SetName("picture-about");
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showDescription(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(wxID_OK); });
    find_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { narrowTo(fromWx(find_->GetValue())); });
    // Down from the search field goes into the list; Enter there takes the picture selected.
    find_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_DOWN && list_->GetItemCount() > 0) {
            list_->SetFocus();
            return;
        }
        event.Skip();
    });
    find_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (chosen())
            EndModal(wxID_OK);
    });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(find_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, 8));
    sizer->Add(description_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    if (add_) {
        auto* addButton = new wxButton(this, wxID_ANY, trWx("&Add a picture..."));
        addButton->SetName("picture-add");
        addButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { askForPicture(); });
        buttons->Add(addButton, wxSizerFlags().Border(wxLEFT, 8));
    }
    buttons->AddStretchSpacer();
    buttons->Add(CreateButtonSizer(wxOK | wxCANCEL));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizerAndFit(sizer);
    fill(pictures);
    list_->SetFocus();
}

void PicturePicker::fill(const std::vector<records::ProgrammePicture>& pictures) {
    pictures_.clear();
    for (const auto& picture : pictures) {
        if (picture.damage.empty())
            pictures_.push_back(picture);
    }
    auto* images =
        new wxImageList(kThumbnail, kThumbnail, false, static_cast<int>(pictures_.size()));
    for (const auto& picture : pictures_)
        images->Add(thumbnailOf(picture));
    list_->AssignImageList(images, wxIMAGE_LIST_SMALL);
    narrowTo(fromWx(find_->GetValue()));
}

wxString PicturePicker::message() const {
    return description_->GetLabel();
}

bool PicturePicker::addPicture(const std::filesystem::path& file, const std::string& name,
                               const std::string& description) {
    if (!add_)
        return false;
    return runGuarded(
        [this](const Failure& failure) {
            showRefused(nullptr, description_, warned(failure.message));
            description_->Wrap(list_->GetSize().x);
            Layout();
        },
        [&] {
            auto pictures = add_(file, name, description);
            find_->ChangeValue(wxEmptyString);
            fill(pictures);
            select(records::trimmed(name));
        });
}

void PicturePicker::askForPicture() {
    wxFileDialog choose(this, trWx("Add a picture"), wxEmptyString, wxEmptyString,
                        trWx("Pictures (*.svg, *.png)|*.svg;*.png"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (choose.ShowModal() != wxID_OK)
        return;
    const std::filesystem::path file(fromWx(choose.GetPath()));
    // What modules will call it, suggested from the file's name; and what it shows.
    wxTextEntryDialog name(this,
                           trWx("Its name, as modules call it (small letters, digits, hyphens):"),
                           trWx("Add a picture"), toWx(file.stem().string()));
    if (name.ShowModal() != wxID_OK)
        return;
    wxTextEntryDialog description(this, trWx("What it shows, in a few words:"),
                                  trWx("Add a picture"));
    if (description.ShowModal() != wxID_OK)
        return;
    addPicture(file, fromWx(name.GetValue()), fromWx(description.GetValue()));
}

void PicturePicker::narrowTo(const std::string& text) {
    const auto lower = [](std::string value) {
        for (auto& c : value)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return value;
    };
    const auto wanted = lower(text);
    const auto before = chosen();
    list_->DeleteAllItems();
    shown_.clear();
    for (std::size_t i = 0; i < pictures_.size(); ++i) {
        const auto& picture = pictures_[i];
        if (!wanted.empty() && lower(picture.name).find(wanted) == std::string::npos &&
            lower(picture.description).find(wanted) == std::string::npos)
            continue;
        const long row = list_->InsertItem(static_cast<long>(shown_.size()), toWx(picture.name),
                                           static_cast<int>(i));
        list_->SetItem(row, 1, toWx(picture.description));
        shown_.push_back(i);
    }
    // Something is always selected, so that the arrows and Enter work at once.
    if (!(before && select(*before)) && !shown_.empty())
        select(pictures_[shown_.front()].name);
}

std::optional<std::string> PicturePicker::chosen() const {
    long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0 || static_cast<std::size_t>(selected) >= shown_.size())
        return std::nullopt;
    return pictures_.at(shown_[static_cast<std::size_t>(selected)]).name;
}

bool PicturePicker::select(const std::string& name) {
    for (std::size_t row = 0; row < shown_.size(); ++row) {
        if (pictures_[shown_[row]].name != name)
            continue;
        list_->SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->EnsureVisible(static_cast<long>(row));
        showDescription();
        return true;
    }
    return false;
}

void PicturePicker::showDescription() {
    if (auto name = chosen()) {
        for (const auto& picture : pictures_) {
            if (picture.name == *name)
                showInfo(description_, picture.name + ": " + picture.description);
        }
    }
}

}  // namespace roundtable::ui
