// The group page: choose or create a group, add members, plan sessions from the
// curriculum and open one to take its register. Groups, members and sessions damaged outside
// Roundtable are marked in their lists; the group's warning is shown here, the others where
// they open. It offers the group's year register for printing (printing/PageDocuments.h), and
// opens the year at a glance and the group's outcomes.
#pragma once

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "practice/Practice.h"
#include "printing/Printable.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

class wxCheckBox;
class wxChoice;
class wxListBox;
class wxListCtrl;
class wxListEvent;
class wxTextCtrl;
class wxButton;
class wxStaticText;
class wxDatePickerCtrl;

namespace roundtable::ui {

class DamageNotice;

class GroupPanel : public wxPanel {
  public:
    struct Callbacks {
        std::function<std::string()> selectedCurriculumSession;
        std::function<void(records::SessionId)> openSession;
        std::function<void(records::GroupId, records::MemberId)> openMember;
        /// Opens a session with a member's line of its register selected.
        std::function<void(records::SessionId, records::MemberId)> openSessionOn;
        /// Opens the print preview on `offers`, the first shown.
        std::function<void(std::vector<printing::PrintableDocument>)> preview;
    };
    GroupPanel(wxWindow* parent, Callbacks callbacks);

    /// Shows the records of `practice` (nullptr when no database is open).
    void attach(practice::Practice* practice);
    [[nodiscard]] records::GroupId currentGroup() const;
    void reload();
    /// Reads the sessions' list again (a session page may have changed one), keeping the
    /// selection and everything typed.
    void refreshSessions();
    /// What can be printed from here: the selected group's year register; nothing when no group
    /// is selected.
    [[nodiscard]] std::vector<printing::PrintableDocument> printables() const;

  private:
    /// The print preview on what the page offers, the document of `kind` first.
    void previewFirst(const std::string& kind);
    void createGroup();
    void addMember();
    void planSession();
    void openSelectedSession();
    void openSelectedMember();
    /// The group's year register as a grid (RegisterGridDialog); a cell chosen opens there.
    void showYear();
    /// The group's catch-ups (CatchUpDialog); a catch-up chosen opens there.
    void showCatchUps();
    /// The group's outcome measures and session ratings (GroupOutcomesDialog).
    void showOutcomes();
    void showMembersAndSessions();
    void showSessions();
    /// A session's title in the list; a catch-up says who it is for.
    [[nodiscard]] std::string titleInList(const records::Session& session) const;
    void enableControls();
    [[nodiscard]] const records::Group* selectedGroup() const;
    void setSessionDate(const wxDateTime& date);

    Callbacks callbacks_;
    practice::Practice* practice_ = nullptr;
    std::vector<records::Group> groups_;
    std::vector<records::Session> sessions_;
    std::vector<records::Member> memberList_;

    wxChoice* groupChoice_;
    wxTextCtrl* newGroupName_;
    wxChoice* newGroupKind_;
    wxButton* createGroupButton_;
    wxChoice* newGroupWeekday_;
    wxTextCtrl* newGroupStartsAt_;
    wxTextCtrl* newGroupMinutes_;
    wxStaticText* schedule_;  ///< when the selected group meets
    DamageNotice* groupDamage_;
    wxListBox* members_;
    wxTextCtrl* newMemberName_;
    wxCheckBox* newMemberRequired_;
    wxCheckBox* staysOnVersions_;
    wxButton* addMemberButton_;
    wxButton* openMemberButton_;
    wxButton* yearButton_;
    wxButton* catchUpButton_;
    wxButton* outcomesButton_;
    wxListCtrl* sessions_list_;
    wxDatePickerCtrl* sessionDate_;
    wxStaticText* sessionDateWords_;  ///< the date written out: 11/12 could be either month
    wxButton* planButton_;
    wxButton* openButton_;
    wxStaticText* message_;
    ShowFailure failure_;  ///< at the field named in a refusal, else in message_
    AskFirst askFirst_;    ///< about a second session on one day
};

}  // namespace roundtable::ui
