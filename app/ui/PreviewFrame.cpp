// The page is rendered at the zoom (printing::renderPage) and shown as one bitmap, on grey, in
// a scrolled window; it is rendered again only when the page, the zoom or (for a fitted zoom)
// the room for it changes. Keys are caught at the frame (wxEVT_CHAR_HOOK) so that PageUp and
// PageDown turn pages whichever control has the focus.
#include "ui/PreviewFrame.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/display.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {

/// The page on a grey desk, with a shadow, centred when it is narrower than the window.
class PageCanvas : public wxScrolledWindow {
  public:
    explicit PageCanvas(wxWindow* parent)
        : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxVSCROLL | wxHSCROLL | wxFULL_REPAINT_ON_RESIZE) {
        SetName("preview-page");
        SetBackgroundColour(wxColour(128, 128, 128));
        SetScrollRate(FromDIP(20), FromDIP(20));
        // Always there, so that fitting the page's width does not make it appear and disappear.
        ShowScrollbars(wxSHOW_SB_DEFAULT, wxSHOW_SB_ALWAYS);
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
    }

    void show(const wxBitmap& page) {
        page_ = page;
        const int margin = this->margin();
        SetVirtualSize(page.IsOk()
                           ? wxSize(page.GetWidth() + 2 * margin, page.GetHeight() + 2 * margin)
                           : wxSize(0, 0));
        Scroll(0, 0);
        Refresh();
    }

    /// The room a page has: the window less a margin round the page.
    [[nodiscard]] wxSize room() const {
        auto size = GetClientSize();
        return {std::max(1, size.x - 2 * margin()), std::max(1, size.y - 2 * margin())};
    }
    [[nodiscard]] const wxBitmap& page() const { return page_; }

  private:
    [[nodiscard]] int margin() const { return FromDIP(16); }

    void paint() {
        wxPaintDC dc(this);
        DoPrepareDC(dc);
        if (!page_.IsOk())
            return;
        const int margin = this->margin();
        const int x = std::max(margin, (GetClientSize().x - page_.GetWidth()) / 2);
        const int shadow = FromDIP(4);
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(wxColour(70, 70, 70)));
        dc.DrawRectangle(x + shadow, margin + shadow, page_.GetWidth(), page_.GetHeight());
        dc.DrawBitmap(page_, x, margin);
    }

    wxBitmap page_;
};

namespace {

/// The zoom choice: two fits, then the steps.
constexpr int kPageWidthItem = 0;
constexpr int kWholePageItem = 1;
constexpr int kFirstStepItem = 2;

wxButton* button(wxWindow* parent, const wxString& label, const char* name) {
    auto* made = new wxButton(parent, wxID_ANY, label);
    made->SetName(name);
    return made;
}

}  // namespace

PreviewFrame::PreviewFrame(wxWindow* parent, PrintController& controller,
                           std::vector<printing::PrintableDocument> offers, std::size_t chosen)
    : wxFrame(parent, wxID_ANY, trWx("Print preview"), wxDefaultPosition, wxDefaultSize,
              wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT),
      controller_(controller),
      offers_(std::move(offers)) {
    SetName("print-preview");
    auto* panel = new wxPanel(this);
    documents_ = new wxChoice(panel, wxID_ANY);
    documents_->SetName("preview-documents");
    for (const auto& printable : offers_)
        documents_->Append(toWx(printable.label()));
    // One line, cut short with "..." when longer than the window: the whole text is in its
    // tooltip, and printed on the document itself.
    notice_ = new wxStaticText(panel, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                               wxST_ELLIPSIZE_END);
    notice_->SetName("preview-notice");
    notice_->SetFont(notice_->GetFont().Bold());
    previous_ = button(panel, trWx("< P&revious"), "preview-previous");
    pageLabel_ = new wxStaticText(
        panel, wxID_ANY, toWx(text::fill(text::tr("Page {1} of {2}"), {"99", "99"})),
        wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE);
    pageLabel_->SetName("preview-page-label");
    pageLabel_->SetMinSize(pageLabel_->GetBestSize());
    next_ = button(panel, trWx("&Next >"), "preview-next");
    zoom_ = new wxChoice(panel, wxID_ANY);
    zoom_->SetName("preview-zoom");
    zoom_->Append(trWx("Page width"));
    zoom_->Append(trWx("Whole page"));
    for (int step : printing::PreviewView::zoomSteps())
        zoom_->Append(wxString::Format("%d%%", step));
    auto* print = button(panel, trWx("&Print..."), "preview-print");
    auto* setup = button(panel, trWx("Page &setup..."), "preview-page-setup");
    auto* exportButton = button(panel, trWx("&Export PDF..."), "preview-export");
    auto* close = button(panel, trWx("&Close"), "preview-close");
    canvas_ = new PageCanvas(panel);
    message_ = new wxStaticText(panel, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                wxST_ELLIPSIZE_MIDDLE);
    message_->SetName("preview-message");

    // Two rows of commands, so that all of them fit a 1024-pixel-wide screen.
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(panel, wxID_ANY, trWx("Document:")),
             wxSizerFlags().CenterVertical().Border(wxRIGHT, 6));
    top->Add(documents_, wxSizerFlags().CenterVertical());
    auto* commands = new wxBoxSizer(wxHORIZONTAL);
    commands->Add(previous_, wxSizerFlags().CenterVertical());
    commands->Add(pageLabel_, wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, 8));
    commands->Add(next_, wxSizerFlags().CenterVertical().Border(wxRIGHT, 18));
    commands->Add(new wxStaticText(panel, wxID_ANY, trWx("Zoom:")),
                  wxSizerFlags().CenterVertical().Border(wxRIGHT, 6));
    commands->Add(zoom_, wxSizerFlags().CenterVertical());
    commands->AddStretchSpacer(1);
    for (auto* command : {print, setup, exportButton})
        commands->Add(command, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
    commands->Add(close, wxSizerFlags().CenterVertical().Border(wxLEFT, 18));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(notice_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(commands, wxSizerFlags().Expand().Border(wxALL, 8));
    sizer->Add(canvas_, wxSizerFlags(1).Expand());
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxALL, 6));
    panel->SetSizer(sizer);

    // As large as the window it previews for, within the screen.
    auto size = parent ? parent->GetSize() : wxSize(1024, 740);
    size.DecTo(wxDisplay(parent ? wxDisplay::GetFromWindow(parent) : 0).GetClientArea().GetSize());
    SetMinSize(FromDIP(wxSize(640, 480)));
    SetSize(size);
    if (parent)
        CentreOnParent();

    documents_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const auto index = static_cast<std::size_t>(documents_->GetSelection());
        controller_.choose(offers_[index].kind);
        showDocument(index);
    });
    previous_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { previousPage(); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { nextPage(); });
    zoom_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int item = zoom_->GetSelection();
        if (item == kPageWidthItem || item == kWholePageItem) {
            zoomTo(item == kPageWidthItem ? printing::ZoomMode::pageWidth
                                          : printing::ZoomMode::wholePage);
            return;
        }
        view_.setPercent(printing::PreviewView::zoomSteps()[item - kFirstStepItem]);
        showPage();
    });
    print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->print(); });
    setup->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { pageSetup(); });
    exportButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { exportPdf(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    for (auto* needsDocument : {print, exportButton}) {
        needsDocument->Bind(wxEVT_UPDATE_UI,
                            [this](wxUpdateUIEvent& event) { event.Enable(shown_ != nullptr); });
    }
    canvas_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        if (view_.mode() != printing::ZoomMode::percent)
            CallAfter([this] { showPage(); });  // once the new size is laid out
    });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        const int key = event.GetKeyCode();
        if (key == WXK_PAGEDOWN || key == WXK_NUMPAD_PAGEDOWN) {
            nextPage();
        } else if (key == WXK_PAGEUP || key == WXK_NUMPAD_PAGEUP) {
            previousPage();
        } else if (key == WXK_ESCAPE) {
            Close();
        } else if (event.ControlDown() && (key == '+' || key == '=' || key == WXK_NUMPAD_ADD)) {
            zoomIn();
        } else if (event.ControlDown() && (key == '-' || key == WXK_NUMPAD_SUBTRACT)) {
            zoomOut();
        } else {
            event.Skip();
        }
    });

    documents_->SetSelection(static_cast<int>(chosen));
    showDocument(chosen);
    canvas_->SetFocus();  // the keys turn and zoom the pages from the start
}

PreviewFrame::~PreviewFrame() = default;

void PreviewFrame::showDocument(std::size_t index) {
    shown_.reset();
    notice_->SetLabel(wxEmptyString);
    showInfo(message_, "");
    const auto& printable = offers_.at(index);
    SetTitle(toWx(text::fill(text::tr("Print preview: {1}"), {printable.label()})));
    runGuarded([this](const Failure& failure) { showRefused(nullptr, message_, failure.message); },
               [&] {
                   shown_ =
                       std::make_unique<PrintController::LaidOut>(controller_.layOut(printable));
                   notice_->SetLabel(toWx(shown_->printout.notice));
                   notice_->SetToolTip(toWx(shown_->printout.notice));
               });
    notice_->Show(!notice_->GetLabel().empty());
    view_.showDocument(shown_ ? shown_->layout.pageCount() : 0);
    notice_->GetParent()->Layout();
    showPage();
}

void PreviewFrame::layOutAgain() {
    const int page = view_.page();
    showDocument(static_cast<std::size_t>(std::max(0, documents_->GetSelection())));
    view_.goTo(page);  // the same page number, or the last on the new paper
    showPage();
}

bool PreviewFrame::nextPage() {
    if (!view_.next())
        return false;
    showPage();
    return true;
}

bool PreviewFrame::previousPage() {
    if (!view_.previous())
        return false;
    showPage();
    return true;
}

void PreviewFrame::zoomTo(printing::ZoomMode mode) {
    view_.fit(mode);
    showPage();
}

void PreviewFrame::zoomIn() {
    view_.zoomIn(printing::PreviewView::shownPercent(scale_, screenPixelsPerPoint()));
    showPage();
}

void PreviewFrame::zoomOut() {
    view_.zoomOut(printing::PreviewView::shownPercent(scale_, screenPixelsPerPoint()));
    showPage();
}

double PreviewFrame::screenPixelsPerPoint() const {
    return FromDIP(96) / 72.0;  // a point is 1/72 inch; the screen shows 96 DIPs an inch
}

void PreviewFrame::showPage() {
    pageLabel_->SetLabel(toWx(view_.pageLabel()));
    for (auto [button, enable] : {std::pair{previous_, view_.page() > 0},
                                  std::pair{next_, view_.page() + 1 < view_.pageCount()}}) {
        // A disabled button with the focus would take the keys (PageUp, Esc...) with it.
        if (!enable && FindFocus() == button)
            canvas_->SetFocus();
        button->Enable(enable);
    }
    showZoom();
    if (!shown_) {
        canvas_->show(wxBitmap());
        return;
    }
    const auto room = canvas_->room();
    scale_ =
        view_.pixelsPerPoint(shown_->layout.pageSize(), room.x, room.y, screenPixelsPerPoint());
    runGuarded([this](const Failure& failure) { showRefused(nullptr, message_, failure.message); },
               [&] {
                   auto page = printing::renderPage(shown_->layout, view_.page(), scale_);
                   wxImage image(page.width, page.height, false);
                   std::copy(page.rgb.begin(), page.rgb.end(), image.GetData());
                   canvas_->show(wxBitmap(image));
               });
}

void PreviewFrame::showZoom() {
    switch (view_.mode()) {
        case printing::ZoomMode::pageWidth:
            zoom_->SetSelection(kPageWidthItem);
            return;
        case printing::ZoomMode::wholePage:
            zoom_->SetSelection(kWholePageItem);
            return;
        case printing::ZoomMode::percent:
            break;
    }
    const auto& steps = printing::PreviewView::zoomSteps();
    auto step = std::find(steps.begin(), steps.end(), view_.percent());
    zoom_->SetSelection(step == steps.end()
                            ? wxNOT_FOUND
                            : kFirstStepItem + static_cast<int>(step - steps.begin()));
}

void PreviewFrame::print(const std::filesystem::path& exportTo) {
    if (shown_)
        report([&] { return controller_.print(this, *shown_, exportTo); });
}

void PreviewFrame::exportPdf() {
    if (shown_)
        report([&] { return controller_.exportPdf(this, *shown_); });
}

void PreviewFrame::pageSetup() {
    report([&] { return controller_.pageSetup(this); });
}

void PreviewFrame::report(const std::function<std::string()>& work) {
    runGuarded([this](const Failure& failure) { showRefused(nullptr, message_, failure.message); },
               [&] {
                   auto said = work();
                   if (!said.empty())
                       showInfo(message_, said);
                   message_->SetToolTip(toWx(said));
               });
}

wxString PreviewFrame::message() const {
    return message_->GetLabel();
}

}  // namespace roundtable::ui
