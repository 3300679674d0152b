// Session mode's window: layout, keys and the once-a-second refresh; the timing and the plan are
// practice::SessionRun's.
#include "ui/SessionModeFrame.h"

#include <wx/button.h>
#include <wx/dcclient.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "text/Translate.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

/// The window's font at `scale` times its size: the room reads the texts from a distance.
wxFont scaled(const wxWindow* window, double scale, bool bold = false) {
    wxFont font = window->GetFont();
    font.SetFractionalPointSize(font.GetFractionalPointSize() * scale);
    if (bold)
        font.MakeBold();
    return font;
}

wxStaticText* text(wxWindow* parent, const char* name, double scale, bool bold = false,
                   long style = 0) {
    auto* label =
        new wxStaticText(parent, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, style);
    label->SetName(name);
    label->SetFont(scaled(parent, scale, bold));
    return label;
}

/// "about 4 min": whole minutes, rounded.
std::string wholeMinutes(std::chrono::seconds time) {
    const auto seconds = time.count() < 0 ? -time.count() : time.count();
    return std::to_string((seconds + 30) / 60);
}

}  // namespace

SessionModeFrame::SessionModeFrame(wxWindow* parent, practice::RunPlan plan, JotTarget jot,
                                   practice::MonotonicClock now)
    : wxFrame(parent, wxID_ANY, toWx(text::fill(text::tr("Session mode: {1}"), {plan.title})),
              wxDefaultPosition, wxDefaultSize, wxDEFAULT_FRAME_STYLE, "session-mode"),
      jot_(std::move(jot)),
      now_(std::move(now)),
      run_(std::move(plan), [this] { return now_(); }),
      timer_(this) {
    page_ = new wxPanel(this, wxID_ANY);
    page_->SetName("session-mode-page");
    position_ = text(page_, "session-mode-position", 1.3);
    title_ = text(page_, "session-mode-title", 2.4, true);
    // Right-aligned in a column as wide as their widest text, so that the layout stays put as
    // the seconds change.
    constexpr long kFixed = wxALIGN_RIGHT | wxST_NO_AUTORESIZE;
    countdown_ = text(page_, "session-mode-countdown", 4.2, true, kFixed);
    state_ = text(page_, "session-mode-state", 1.3, false, kFixed);
    const wxString states[] = {trWx("Press Space to start"), trWx("Paused: Space goes on"),
                               trWx("Over its time: Right moves on"), trWx("Running")};
    int columnWidth =
        countdown_->GetTextExtent(toWx(practice::countdownText(-std::chrono::seconds(3599)))).x;
    for (const auto& state : states)
        columnWidth = std::max(columnWidth, state_->GetTextExtent(state).x);
    columnWidth += FromDIP(8);
    countdown_->SetMinSize(wxSize(columnWidth, countdown_->GetTextExtent("0").y));
    state_->SetMinSize(wxSize(columnWidth, state_->GetTextExtent("0").y));

    guidance_ = new wxScrolledWindow(page_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxVSCROLL | wxTAB_TRAVERSAL);
    guidance_->SetName("session-mode-guidance");
    guidance_->SetScrollRate(0, FromDIP(20));
    // Its texts wrap to the width it is given: it asks for none of its own.
    guidance_->SetMinSize(FromDIP(wxSize(200, 100)));
    guidanceSizer_ = new wxBoxSizer(wxVERTICAL);
    guidance_->SetSizer(guidanceSizer_);

    // The prompt stands apart from the guidance, in the colours of a note (the system's
    // tooltip colours), and goes when dismissed.
    promptBox_ = new wxPanel(page_, wxID_ANY);
    promptBox_->SetName("session-mode-prompt");
    promptBox_->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_INFOBK));
    promptBox_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_INFOTEXT));
    promptCount_ = text(promptBox_, "session-mode-prompt-count", 1.0);
    promptTitle_ = text(promptBox_, "session-mode-prompt-title", 1.5, true);
    // A long prompt scrolls rather than being cut off on a small screen.
    promptScroll_ =
        new wxScrolledWindow(promptBox_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    promptScroll_->SetName("session-mode-prompt-scroll");
    promptScroll_->SetScrollRate(0, FromDIP(20));
    promptScroll_->SetMinSize(FromDIP(wxSize(150, 60)));
    promptText_ = text(promptScroll_, "session-mode-prompt-text", 1.35);
    auto* scrollSizer = new wxBoxSizer(wxVERTICAL);
    scrollSizer->Add(promptText_, wxSizerFlags().Expand());
    promptScroll_->SetSizer(scrollSizer);
    dismissButton_ = new wxButton(promptBox_, wxID_ANY, trWx("&Dismiss (D)"));
    dismissButton_->SetName("session-mode-dismiss");
    auto* promptSizer = new wxBoxSizer(wxVERTICAL);
    promptSizer->Add(promptCount_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 12));
    promptSizer->Add(promptTitle_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 12));
    promptSizer->Add(promptScroll_, wxSizerFlags(1).Expand().Border(wxALL, 12));
    promptSizer->Add(dismissButton_, wxSizerFlags().Right().Border(wxALL, 12));
    promptBox_->SetSizer(promptSizer);
    promptBox_->SetMinSize(wxSize(FromDIP(200), -1));

    next_ = text(page_, "session-mode-next", 1.5);
    sessionClock_ = text(page_, "session-mode-clock", 1.3);
    strip_ = new wxPanel(page_, wxID_ANY);
    strip_->SetName("session-mode-strip");
    auto* stripSizer = new wxGridSizer(1, static_cast<int>(run_.plan().activities.size()), 0, 6);
    for (std::size_t i = 0; i < run_.plan().activities.size(); ++i) {
        auto* button = new wxButton(strip_, wxID_ANY, wxEmptyString);
        button->SetName("session-mode-activity-" + std::to_string(i + 1));
        button->SetToolTip(toWx(run_.plan().activities[i].title));
        // Narrow at least: the strip shares the window's width, each label shortened to fit.
        button->SetMinSize(wxSize(FromDIP(40), -1));
        button->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) { jumpTo(i); });
        stripSizer->Add(button, wxSizerFlags().Expand());
        stripButtons_.push_back(button);
    }
    strip_->SetSizer(stripSizer);
    auto* keys = text(page_, "session-mode-keys", 1.0);
    keys->SetLabel(
        trWx("Space: start or pause     Right: next     Left: back     1 to 8: go to "
             "an activity     D: dismiss the prompt     Esc: leave"));

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    auto* heading = new wxBoxSizer(wxVERTICAL);
    heading->Add(position_, wxSizerFlags().Expand());
    heading->Add(title_, wxSizerFlags().Expand().Border(wxTOP, 4));
    top->Add(heading, wxSizerFlags(1).Expand().Border(wxRIGHT, 20));
    auto* clock = new wxBoxSizer(wxVERTICAL);
    clock->Add(countdown_, wxSizerFlags().Right());
    clock->Add(state_, wxSizerFlags().Right());
    top->Add(clock, wxSizerFlags().Top());

    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    // Halves: the prompts are read as much as the guidance while they are shown.
    middle->Add(guidance_, wxSizerFlags(1).Expand());
    middle->Add(promptBox_, wxSizerFlags(1).Expand().Border(wxLEFT, 16));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, wxSizerFlags().Expand().Border(wxALL, 16));
    sizer->Add(middle, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 16));
    sizer->Add(next_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 16));
    sizer->Add(sessionClock_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 16));
    sizer->Add(strip_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 16));
    sizer->Add(keys, wxSizerFlags().Expand().Border(wxALL, 16));
    page_->SetSizer(sizer);
    auto* frameSizer = new wxBoxSizer(wxVERTICAL);
    frameSizer->Add(page_, wxSizerFlags(1).Expand());
    SetSizer(frameSizer);

    // Over the main window, at its size: the view replaces it while the session runs.
    if (auto* window = wxGetTopLevelParent(parent))
        SetSize(window->GetScreenRect());
    SetMinSize(FromDIP(wxSize(800, 560)));

    Bind(wxEVT_CHAR_HOOK, &SessionModeFrame::onKey, this);
    dismissButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { dismissPrompt(); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { refreshClocks(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { wrapTexts(); });
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        timer_.Stop();
        // Back to the session page, where the facilitators were.
        if (auto* owner = wxGetTopLevelParent(GetParent()))
            owner->Raise();
        event.Skip();
    });
    showActivity();
    timer_.Start(1000);
}

SessionModeFrame::~SessionModeFrame() {
    timer_.Stop();
}

void SessionModeFrame::onKey(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const bool plain = event.GetModifiers() == wxMOD_NONE;
    if (key == WXK_ESCAPE) {
        Close();
    } else if (key == WXK_SPACE && plain) {
        startOrPause();
    } else if (key == WXK_RIGHT && plain) {
        next();
    } else if (key == WXK_LEFT && plain) {
        back();
    } else if ((key == 'D' || key == 'd') && plain) {
        dismissPrompt();
    } else if ((key == 'J' || key == 'j') && plain && jot_.jot) {
        JotDialog jotting(this, jot_);
        jotting.ShowModal();
    } else if (key >= '1' && key <= '9' && plain &&
               static_cast<std::size_t>(key - '1') < run_.plan().activities.size()) {
        jumpTo(static_cast<std::size_t>(key - '1'));
    } else if ((key == WXK_PAGEDOWN || key == WXK_PAGEUP) && plain) {
        int x = 0, y = 0;
        guidance_->GetViewStart(&x, &y);
        const int page = std::max(1, guidance_->GetClientSize().y / FromDIP(20) - 1);
        guidance_->Scroll(x, std::max(0, y + (key == WXK_PAGEDOWN ? page : -page)));
    } else if (key == WXK_F11) {
        ShowFullScreen(!IsFullScreen());
    } else {
        event.Skip();  // Tab between the buttons, Enter on one
    }
}

void SessionModeFrame::startOrPause() {
    run_.clock().startOrPause();
    refreshClocks();
}

void SessionModeFrame::next() {
    if (run_.clock().next())
        showActivity();
}

void SessionModeFrame::back() {
    if (run_.clock().back())
        showActivity();
}

void SessionModeFrame::jumpTo(std::size_t activity) {
    run_.clock().jumpTo(activity);
    showActivity();
}

void SessionModeFrame::dismissPrompt() {
    if (!run_.dismissPrompt())
        return;
    showPrompt();
    wrapTexts();
}

void SessionModeFrame::showActivity() {
    Freeze();
    const auto& activity = run_.current();
    const auto& clock = run_.clock();
    setText(position_, toWx(text::fill(text::tr("Activity {1} of {2}: {3}, {4} minutes"),
                                       {std::to_string(clock.current() + 1),
                                        std::to_string(clock.activityCount()), activity.kind,
                                        std::to_string(activity.minutes)})));
    setText(title_, toWx(activity.title));

    // The guidance's texts are made again for each activity; those outside it stay.
    std::erase_if(wrapped_,
                  [this](const auto& entry) { return entry.first->GetParent() == guidance_; });
    guidance_->DestroyChildren();
    guidanceSizer_->Clear();
    auto paragraph = [this](const std::string& words, bool bold, int above) {
        auto* label =
            text(guidance_, bold ? "session-mode-guidance-heading" : "session-mode-guidance-text",
                 1.45, bold);
        guidanceSizer_->Add(label, wxSizerFlags().Expand().Border(wxTOP, FromDIP(above)));
        setText(label, toWx(words));
    };
    for (std::size_t i = 0; i < activity.guidance.size(); ++i)
        paragraph(activity.guidance[i], false, i == 0 ? 0 : 10);
    if (!activity.adapt.empty()) {
        paragraph(text::tr("Adapt"), true, 18);
        paragraph(activity.adapt, false, 4);
    }
    if (!activity.watch.empty()) {
        paragraph(text::tr("Watch for"), true, 18);
        paragraph(activity.watch, false, 4);
    }
    guidance_->Scroll(0, 0);

    if (const auto* following = run_.next()) {
        setText(next_, toWx(text::fill(text::tr("Next: {1} ({2} minutes)"),
                                       {following->title, std::to_string(following->minutes)})));
    } else {
        setText(next_, trWx("This is the last activity."));
    }
    showPrompt();
    refreshClocks();
    wrapTexts();
    Thaw();
}

void SessionModeFrame::showPrompt() {
    const auto shown = run_.promptsShown();
    promptBox_->Show(!shown.empty());
    if (shown.empty())
        return;
    const auto& prompts = run_.current().prompts;
    const auto& prompt = prompts[shown.front()];
    promptCount_->SetLabelText(
        toWx(text::fill(text::tr("For the facilitators: prompt {1} of {2}"),
                        {std::to_string(shown.front() + 1), std::to_string(prompts.size())})));
    setText(promptTitle_, toWx(prompt.title));
    std::string lines;
    for (const auto& line : prompt.lines)
        lines.append(lines.empty() ? "" : "\n").append(line);
    setText(promptText_, toWx(lines));
    promptScroll_->Scroll(0, 0);
}

void SessionModeFrame::showStrip() {
    const auto current = run_.clock().current();
    const int count = static_cast<int>(stripButtons_.size());
    const int width = std::max(
        FromDIP(40), strip_->GetClientSize().x / std::max(count, 1) - FromDIP(6) - FromDIP(24));
    for (std::size_t i = 0; i < stripButtons_.size(); ++i) {
        auto* button = stripButtons_[i];
        const bool isCurrent = i == current;
        button->SetFont(scaled(strip_, 1.0, isCurrent));
        // The current activity is marked in words too, not by the font alone.
        auto label =
            std::to_string(i + 1) + (isCurrent ? " > " : "  ") + run_.plan().activities[i].title;
        wxClientDC dc(button);
        dc.SetFont(button->GetFont());
        button->SetLabelText(wxControl::Ellipsize(toWx(label), dc, wxELLIPSIZE_END, width));
    }
    strip_->Layout();
}

void SessionModeFrame::refreshClocks() {
    const auto& clock = run_.clock();
    const auto remaining = clock.remaining();
    countdown_->SetLabelText(toWx(practice::countdownText(remaining)));
    if (!clock.started()) {
        state_->SetLabelText(trWx("Press Space to start"));
    } else if (!clock.running()) {
        state_->SetLabelText(trWx("Paused: Space goes on"));
    } else if (remaining.count() < 0) {
        state_->SetLabelText(trWx("Over its time: Right moves on"));
    } else {
        state_->SetLabelText(trWx("Running"));
    }
    countdown_->Refresh();
    state_->Refresh();
    std::string session;
    if (!clock.started()) {
        session = text::fill(text::tr("Session: {1} planned, not started"),
                             {practice::clockText(std::chrono::minutes(clock.sessionMinutes()))});
    } else {
        const auto untilEnd = clock.untilPlannedEnd();
        const auto behind = clock.behindPlan();
        session = text::fill(text::tr("Session clock {1} of {2}"),
                             {practice::clockText(clock.sessionElapsed()),
                              practice::clockText(std::chrono::minutes(clock.sessionMinutes()))});
        session.append(", ").append(
            untilEnd.count() >= 0
                ? text::fill(text::tr("{1} to the planned end"), {practice::clockText(untilEnd)})
                : text::fill(text::tr("{1} past the planned end"),
                             {practice::clockText(untilEnd)}));
        session.append(", ");
        if (behind < std::chrono::minutes(1) && behind > -std::chrono::minutes(1))
            session.append(text::tr("on time"));
        else if (behind.count() > 0)
            session.append(
                text::fill(text::tr("about {1} min behind the plan"), {wholeMinutes(behind)}));
        else
            session.append(
                text::fill(text::tr("about {1} min ahead of the plan"), {wholeMinutes(behind)}));
    }
    setText(sessionClock_, toWx(session));
}

void SessionModeFrame::setText(wxStaticText* label, const wxString& words) {
    auto entry = std::find_if(wrapped_.begin(), wrapped_.end(),
                              [label](const auto& known) { return known.first == label; });
    if (entry == wrapped_.end()) {
        wrapped_.emplace_back(label, words);
    } else if (entry->second == words) {
        return;  // unchanged: no new layout
    } else {
        entry->second = words;
    }
    wrap(label, words);
}

int SessionModeFrame::widthFor(const wxStaticText* label) const {
    if (label->GetParent() == guidance_)
        return guidance_->GetClientSize().x - FromDIP(8);
    if (label->GetParent() == promptBox_)
        return promptBox_->GetClientSize().x - FromDIP(24);
    if (label->GetParent() == promptScroll_)
        return promptScroll_->GetClientSize().x - FromDIP(8);
    const int page = page_->GetClientSize().x - FromDIP(32);
    if (label == title_ || label == position_)
        return page - countdown_->GetMinSize().x - FromDIP(20);
    return page;
}

void SessionModeFrame::wrap(wxStaticText* label, const wxString& words) {
    // Set again before wrapping, so that a wider window joins the lines a narrower one broke.
    label->SetLabelText(words);
    const int width = widthFor(label);
    if (width > FromDIP(50))
        label->Wrap(width);
}

void SessionModeFrame::wrapTexts() {
    // Laid out first, so that each column has its width; then again for the wrapped heights.
    Layout();
    page_->Layout();
    for (const auto& [label, words] : wrapped_)
        wrap(label, words);
    page_->Layout();
    for (auto* scrolled : {guidance_, promptScroll_}) {
        scrolled->FitInside();
        scrolled->Layout();
    }
    showStrip();  // its labels shortened to the buttons' new width
}

}  // namespace roundtable::ui
