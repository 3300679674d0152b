// The application object's last-resort handler (STYLE.md 15). Handlers catch what they
// expect through runGuarded; an exception that escapes one all the same is a bug, but it
// must not end the app and lose what the person was doing: it is shown as a message and the
// app carries on.
#pragma once

#include <wx/app.h>

#include <string>

namespace roundtable::ui {

class LastResortApp : public wxApp {
  public:
    /// An exception escaped an event handler: shows it and carries on (returns true).
    bool OnExceptionInMainLoop() override;
    /// An exception escaped start-up or the main loop itself: says so before the app ends.
    void OnUnhandledException() override;

    /// The message shown for the last exception caught here (tests read it).
    [[nodiscard]] const std::string& lastUnexpected() const { return lastUnexpected_; }
    /// Tests set this so the message is only recorded, without a modal dialog.
    void setQuietErrors(bool quiet) { quiet_ = quiet; }

  private:
    std::string lastUnexpected_;
    bool quiet_ = false;
};

}  // namespace roundtable::ui
