// The group's catch-ups (practice/CatchUps.h) in two views: by member (each session he has not
// had, why, and the catch-up planned for it; then what he has caught up, when and with whom) and
// by session (who has not had each one: "who has not had the consent session?"). A facilitator
// plans a catch-up from a line for the day chosen: for that man, or for everyone who has not had
// that session. A line with a catch-up opens it on that man's line of its register.
#pragma once

#include <wx/dialog.h>

#include <optional>
#include <utility>
#include <vector>

#include "practice/Practice.h"

class wxDatePickerCtrl;
class wxListCtrl;
class wxNotebook;
class wxButton;
class wxStaticText;

namespace roundtable::ui {

class CatchUpDialog : public wxDialog {
  public:
    CatchUpDialog(wxWindow* parent, practice::Practice& practice, records::GroupId group);
    /// The catch-up session and member of the line opened (the dialog then closed with wxID_OK).
    [[nodiscard]] std::optional<std::pair<records::SessionId, records::MemberId>> chosen() const {
        return chosen_;
    }

  private:
    /// What a line of either list stands for.
    struct Line {
        std::string curriculumSessionId;
        std::vector<records::Member> members;       ///< who a catch-up planned from it is for
        std::optional<records::SessionId> catchUp;  ///< planned or held for members.front()
        bool caughtUp = false;                      ///< nothing left to plan
    };
    void refresh();
    [[nodiscard]] const Line* selectedLine() const;
    void planCatchUp();
    void openCatchUp();
    void enableButtons();

    practice::Practice& practice_;
    records::GroupId group_;
    std::optional<std::pair<records::SessionId, records::MemberId>> chosen_;
    std::vector<Line> byMemberLines_;
    std::vector<Line> bySessionLines_;
    wxNotebook* views_;
    wxListCtrl* byMember_;
    wxListCtrl* bySession_;
    wxDatePickerCtrl* date_;
    wxButton* planButton_;
    wxButton* openButton_;
    wxStaticText* message_;
};

}  // namespace roundtable::ui
