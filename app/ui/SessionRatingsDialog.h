// The session page's "Session ratings...": after a session that took place, a quick rating of
// how each member who was there related to the group and its facilitators, on the programme's
// session-rating scale (practice/SessionRatings.h). One field per member, filled with the rating
// on record; empty is "not rated". Tab moves between the fields and Enter saves. Layout and
// transfer only: the checks are Practice::recordSessionRatings', shown at the refused field.
#pragma once

#include <wx/dialog.h>

#include <vector>

#include "practice/Practice.h"

class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class SessionRatingsDialog : public wxDialog {
  public:
    /// `sheet` is what Practice::sessionRatings read; `practice` records the ratings.
    SessionRatingsDialog(wxWindow* parent, practice::Practice& practice,
                         practice::SessionRatingSheet sheet);

    bool TransferDataToWindow() override;
    /// Records the ratings typed; false (the dialog stays open) with the reason at its field.
    bool TransferDataFromWindow() override;
    /// How many ratings were written when OK closed the dialog (unchanged ones are not).
    [[nodiscard]] int written() const { return written_; }

  private:
    practice::Practice& practice_;
    practice::SessionRatingSheet sheet_;
    std::vector<wxTextCtrl*> fields_;  ///< one per line of the sheet
    wxStaticText* message_;
    int written_ = 0;
};

}  // namespace roundtable::ui
