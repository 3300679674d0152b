// Built from plain controls (labels and bitmaps in sizers), not an HTML pane: they are read by
// screen readers, take the desktop's fonts and scale, and the GUI tests find them by name. The
// texts are wrapped by hand (wxStaticText::Wrap) to the pane's width whenever it changes, and the
// vertical scroll bar is always there so that wrapping does not make it come and go.
#include "ui/SessionContentView.h"

#include <wx/dcclient.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <algorithm>
#include <type_traits>
#include <variant>

#include "curriculum/ProgrammeLocation.h"
#include "ui/Pictograms.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

constexpr int kPicture = 40;  ///< an easy-read pictogram's side, in DIPs
constexpr int kMargin = 10;   ///< around the content, in DIPs: the focus frame is drawn in it
constexpr int kGap = 8;       ///< between a picture or bullet and its text, in DIPs

}  // namespace

SessionContentView::SessionContentView(wxWindow* parent, const wxString& name)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxVSCROLL | wxTAB_TRAVERSAL | wxBORDER_THEME),
      pictures_(curriculum::defaultProgrammeDirectory() / "pictures") {
    SetName(name);
    // A reading surface, set apart from the page's controls.
    SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
    SetScrollRate(0, FromDIP(16));
    ShowScrollbars(wxSHOW_SB_NEVER, wxSHOW_SB_ALWAYS);
    // Narrow and short at the least: the pages around it decide its size, and it scrolls.
    SetMinSize(FromDIP(wxSize(200, 120)));
    content_ = new wxBoxSizer(wxVERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(content_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(kMargin)));
    SetSizer(sizer);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { rewrap(false); });
    });
    Bind(wxEVT_KEY_DOWN, &SessionContentView::onKey, this);
    Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent& event) {
        event.Skip();
        SetFocus();
    });
    // The frame that shows where the keyboard is; drawn again after each scroll, which moves
    // what was drawn.
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
        wxPaintDC dc(this);
        // Wrapped while hidden (a page behind another), when GTK measures labels wrongly (in
        // the regular font, a line short): wrapped again now that it shows.
        if (wrapWhenShown_) {
            wrapWhenShown_ = false;
            CallAfter([this] { rewrap(true); });
        }
        if (!HasFocus())
            return;
        dc.SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT), FromDIP(2)));
        dc.SetBrush(*wxTRANSPARENT_BRUSH);
        dc.DrawRectangle(wxRect(GetClientSize()).Deflate(FromDIP(1)));
    });
    for (auto type : {wxEVT_SET_FOCUS, wxEVT_KILL_FOCUS}) {
        Bind(type, [this](wxFocusEvent& event) {
            event.Skip();
            Refresh();
        });
    }
    for (auto type : {wxEVT_SCROLLWIN_TOP, wxEVT_SCROLLWIN_BOTTOM, wxEVT_SCROLLWIN_LINEUP,
                      wxEVT_SCROLLWIN_LINEDOWN, wxEVT_SCROLLWIN_PAGEUP, wxEVT_SCROLLWIN_PAGEDOWN,
                      wxEVT_SCROLLWIN_THUMBTRACK, wxEVT_SCROLLWIN_THUMBRELEASE}) {
        Bind(type, [this](wxScrollWinEvent& event) {
            event.Skip();
            CallAfter([this] { Refresh(); });
        });
    }
    Bind(wxEVT_MOUSEWHEEL, [this](wxMouseEvent& event) {
        event.Skip();
        CallAfter([this] { Refresh(); });
    });
}

wxSize SessionContentView::DoGetBestSize() const {
    return GetMinSize();
}

void SessionContentView::usePictures(documents::PictureSource pictures) {
    pictures_ = std::move(pictures);
    drawn_.clear();
}

void SessionContentView::clear() {
    show(documents::Document{});
}

void SessionContentView::show(const documents::Document& content) {
    Freeze();
    content_->Clear(true);
    wrapped_.clear();
    texts_.clear();
    // A sizer item has one border width: the margins are the outer sizer's, and each block
    // says only how far below the one above it starts.
    auto below = [this](int space) {
        return wxSizerFlags().Expand().Border(wxTOP, FromDIP(space));
    };
    bool first = true;
    for (const auto& block : content.blocks) {
        std::visit(
            [&](const auto& part) {
                using Part = std::decay_t<decltype(part)>;
                if constexpr (std::is_same_v<Part, documents::Heading>) {
                    auto* label = addWrapped(content_, part.text, 0,
                                             below(first            ? 0
                                                   : part.level < 3 ? 16
                                                                    : 12));
                    auto font = label->GetFont().Bold();
                    if (part.level == 1)
                        font.SetFractionalPointSize(font.GetFractionalPointSize() * 1.35);
                    else if (part.level == 2)
                        font.SetFractionalPointSize(font.GetFractionalPointSize() * 1.15);
                    label->SetFont(font);
                    // The session's or module's own title is the programme's words; the
                    // headings below it are the app's (the pseudo-locale test tells them apart).
                    label->SetName(part.level == 1 ? "content-title" : "content-heading");
                } else if constexpr (std::is_same_v<Part, documents::Paragraph>) {
                    if (!part.lead.empty()) {
                        // "Adapt:" on a line of its own, bold, above its text: found at a
                        // glance in a narrow pane too.
                        auto* lead = new wxStaticText(this, wxID_ANY, wxEmptyString);
                        lead->SetLabelText(toWx(part.lead));
                        lead->SetFont(lead->GetFont().Bold());
                        lead->SetName("content-lead");
                        texts_.push_back(part.lead);
                        content_->Add(lead, below(first ? 0 : 8));
                    }
                    addWrapped(content_, part.text, 0, below(first || !part.lead.empty() ? 0 : 6))
                        ->SetName("content-text");
                } else if constexpr (std::is_same_v<Part, documents::BulletList>) {
                    for (const auto& item : part.items) {
                        auto* row = new wxBoxSizer(wxHORIZONTAL);
                        auto* bullet =
                            new wxStaticText(this, wxID_ANY, wxString::FromUTF8("\u2022"));
                        bullet->SetName("content-bullet");
                        row->Add(bullet, wxSizerFlags().Border(wxRIGHT, FromDIP(kGap)));
                        addWrapped(row, item, bullet->GetBestSize().x + FromDIP(kGap),
                                   wxSizerFlags(1))
                            ->SetName("content-item");
                        content_->Add(row, below(4));
                    }
                } else if constexpr (std::is_same_v<Part, documents::EasyReadPoint>) {
                    auto* row = new wxBoxSizer(wxHORIZONTAL);
                    addPicture(row, part.picture);
                    addWrapped(row, part.text, FromDIP(kPicture + kGap),
                               wxSizerFlags(1).CenterVertical())
                        ->SetName("content-point");
                    content_->Add(row, below(6));
                }
                first = false;
            },
            block);
    }
    // A click anywhere on the content gives it the keyboard, as in any other reading pane (the
    // labels and pictures themselves take no focus).
    for (auto* child : GetChildren()) {
        child->Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent& event) {
            event.Skip();
            SetFocus();
        });
    }
    rewrap(true);
    Scroll(0, 0);
    Thaw();
    Refresh();
}

wxStaticText* SessionContentView::addWrapped(wxSizer* sizer, const std::string& text, int indent,
                                             const wxSizerFlags& flags) {
    auto* label = new wxStaticText(this, wxID_ANY, wxEmptyString);
    label->SetLabelText(toWx(text));
    sizer->Add(label, flags);
    wrapped_.push_back({label, toWx(text), indent});
    texts_.push_back(text);
    return label;
}

void SessionContentView::addPicture(wxSizer* row, const std::string& name) {
    const auto side = FromDIP(wxSize(kPicture, kPicture));
    auto bundle = pictogram(name);
    if (bundle.IsOk()) {
        auto* picture = new wxStaticBitmap(this, wxID_ANY, bundle);
        picture->SetName(toWx("content-picture-" + name));
        picture->SetMinSize(side);
        row->Add(picture, wxSizerFlags().Top().Border(wxRIGHT, FromDIP(kGap)));
        return;
    }
    // Not to be had (a picture missing from the service's programme): its name in its place, so
    // that the point still reads and the gap is explained.
    auto* missing = new wxStaticText(this, wxID_ANY, toWx("[" + name + "]"), wxDefaultPosition,
                                     side, wxST_NO_AUTORESIZE | wxALIGN_CENTRE_HORIZONTAL);
    missing->SetName("content-missing-picture");
    row->Add(missing, wxSizerFlags().Top().Border(wxRIGHT, FromDIP(kGap)));
}

wxBitmapBundle SessionContentView::pictogram(const std::string& name) {
    if (auto known = drawn_.find(name); known != drawn_.end())
        return known->second;
    auto bundle = pictogramBundle(pictures_, name, kPicture);
    drawn_.emplace(name, bundle);
    return bundle;
}

void SessionContentView::rewrap(bool always) {
    const int width = GetClientSize().x - 2 * FromDIP(kMargin);
    if (width <= 0 || (!always && width == wrappedAt_))
        return;
    wrappedAt_ = width;
    wrapWhenShown_ = !IsShownOnScreen();
    Freeze();
    for (const auto& [label, text, indent] : wrapped_) {
        label->SetLabelText(text);
        label->Wrap(std::max(width - indent, FromDIP(60)));
    }
    FitInside();  // the scrolled area as tall as the content now is
    Layout();
    Thaw();
}

void SessionContentView::onKey(wxKeyEvent& event) {
    int x = 0;
    int y = 0;
    GetViewStart(&x, &y);
    int unitX = 0;
    int unitY = 1;
    GetScrollPixelsPerUnit(&unitX, &unitY);
    const int page = std::max(1, GetClientSize().y / std::max(1, unitY) - 1);
    switch (event.GetKeyCode()) {
        case WXK_DOWN:
            y += 1;
            break;
        case WXK_UP:
            y -= 1;
            break;
        case WXK_PAGEDOWN:
        case WXK_SPACE:
            y += page;
            break;
        case WXK_PAGEUP:
            y -= page;
            break;
        case WXK_HOME:
            y = 0;
            break;
        case WXK_END:
            y = GetVirtualSize().y;
            break;
        default:
            event.Skip();  // Tab and the rest go on
            return;
    }
    Scroll(0, std::max(0, y));
    Refresh();
}

std::string SessionContentView::text() const {
    std::string all;
    for (const auto& text : texts_)
        all.append(text).append("\n");
    return all;
}

}  // namespace roundtable::ui
