// Session mode: the current activity of a session's plan, large enough to read across a room or
// on a laptop beside the facilitators (title, kind, minutes, guidance, "adapt" and "watch for"),
// its countdown and the session's clock, the next activity, the prompts for the facilitators
// that apply (dismissable), and the whole plan as a strip to jump to. Worked by keyboard alone:
// Space starts or pauses, Right and Left move, D dismisses a prompt, J jots a few words against
// a member (JotDialog), Esc leaves. It shows the
// curriculum's content only, never anything about the members. A thin layer over
// practice::SessionRun, refreshed once a second.
#pragma once

#include <wx/frame.h>
#include <wx/timer.h>

#include <utility>
#include <vector>

#include "practice/SessionRun.h"
#include "ui/JotDialog.h"

#include <wx/string.h>

class wxButton;
class wxPanel;
class wxScrolledWindow;
class wxSizer;
class wxStaticText;

namespace roundtable::ui {

class SessionModeFrame : public wxFrame {
  public:
    /// Covers `parent`'s top-level window; `plan` must have at least one activity.
    /// With `jot` (its `jot` set), J opens the jottings window.
    SessionModeFrame(wxWindow* parent, practice::RunPlan plan, JotTarget jot = {},
                     practice::MonotonicClock now = practice::steadyClock());
    ~SessionModeFrame() override;

    /// The clock the run reads from now on (tests set a hand-set one before starting).
    void useClock(practice::MonotonicClock now) { now_ = std::move(now); }
    [[nodiscard]] const practice::SessionRun& run() const { return run_; }

    // The commands the keys give (public for the keyboard's sake and for tests).
    void startOrPause();
    void next();
    void back();
    void jumpTo(std::size_t activity);
    void dismissPrompt();
    /// Shows the clocks as they are now; the timer calls it once a second.
    void refreshClocks();

  private:
    void onKey(wxKeyEvent& event);
    /// Shows the current activity: its texts, the next one, the prompts, the strip.
    void showActivity();
    void showPrompt();
    void showStrip();
    /// Shows `words` in `label`, wrapped to the width of its column (and again when that
    /// changes).
    void setText(wxStaticText* label, const wxString& words);
    void wrap(wxStaticText* label, const wxString& words);
    [[nodiscard]] int widthFor(const wxStaticText* label) const;
    /// Wraps every text to the width it has now.
    void wrapTexts();

    JotTarget jot_;
    practice::MonotonicClock now_;
    practice::SessionRun run_;
    wxTimer timer_;

    wxPanel* page_;
    wxStaticText* position_;
    wxStaticText* title_;
    wxStaticText* countdown_;
    wxStaticText* state_;
    wxScrolledWindow* guidance_;
    wxSizer* guidanceSizer_;
    wxPanel* promptBox_;
    wxStaticText* promptCount_;
    wxStaticText* promptTitle_;
    wxScrolledWindow* promptScroll_;
    wxStaticText* promptText_;
    wxButton* dismissButton_;
    wxStaticText* next_;
    wxStaticText* sessionClock_;
    wxPanel* strip_;
    std::vector<wxButton*> stripButtons_;
    /// The texts that wrap to the width of their column, as they were before wrapping.
    std::vector<std::pair<wxStaticText*, wxString>> wrapped_;
};

}  // namespace roundtable::ui
