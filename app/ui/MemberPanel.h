// A member's record: his details and membership, his session history, concerns and what is
// being done about them, outcome-measure scores, his relapse-prevention plan and his progress
// (ProgressPanel.h). Every change goes through practice::Practice; opening the record is
// audited as a view. Parts damaged outside Roundtable are marked on their tab and explained at
// the top of it.
#pragma once

#include <wx/panel.h>

#include <string>
#include <vector>

#include "practice/Practice.h"
#include "printing/Printable.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

class DamageNotice;
class ProgressPanel;

class MemberPanel : public wxPanel {
  public:
    explicit MemberPanel(wxWindow* parent);

    void attach(practice::Practice* practice);
    /// Shows dates in the fields, and their hints, in the practice's date order (after
    /// Preferences changed it).
    void showDateOrder();
    /// Shows the record of `member` as a member of `group`.
    void showMember(records::GroupId group, records::MemberId member);
    [[nodiscard]] wxNotebook* sections() const { return sections_; }
    /// His progress report and, when he has one, his relapse-prevention plan.
    [[nodiscard]] std::vector<printing::PrintableDocument> printables() const;
    /// "Progress report..." shows its choices' report in the print preview with `showPreview`.
    using ShowPreview = std::function<void(std::vector<printing::PrintableDocument>)>;
    void previewWith(ShowPreview showPreview) { showPreview_ = std::move(showPreview); }

  private:
    wxWindow* buildDetailsPage();
    wxWindow* buildHistoryPage();
    wxWindow* buildConcernsPage();
    wxWindow* buildScoresPage();
    wxWindow* buildPlanPage();
    wxWindow* buildProgressPage();
    /// Reads and shows his progress when its tab is the one shown and it is not shown yet.
    void showProgressIfLooked();

    void reload();
    /// Shows on each tab the damage of the records it holds, and marks the tab.
    void showDamage();
    /// Empties every field the user can type in.
    void clearFields();
    void showConcernActions();
    void fillTimePoints();
    void saveDetails();
    void recordLeaving();
    void raiseConcern();
    void addAction();
    void updateAction();
    /// Closes the selected concern with the outcome typed, or opens a closed one again.
    void closeOrReopenConcern();
    void recordScore();
    void savePlan();
    /// Asks for the report's period, concerns and summary, then previews it.
    void openReport();
    /// Runs a change; shows a refusal at the field it names, or the success message.
    void change(const std::function<void()>& action, const std::string& done);

    practice::Practice* practice_ = nullptr;
    records::GroupId group_ = 0;
    records::MemberId member_ = 0;
    records::Member shown_;  ///< his membership of group_, as the header shows it
    ShowPreview showPreview_;
    practice::MemberRecord record_;

    wxStaticText* header_;
    wxButton* reportButton_;
    DamageNotice* memberDamage_;
    wxNotebook* sections_;
    /// One per tab, in the order of the tabs.
    std::vector<DamageNotice*> sectionDamage_;
    wxStaticText* message_;

    wxTextCtrl* dateOfBirth_;
    wxTextCtrl* localId_;
    wxTextCtrl* residentialService_;
    wxTextCtrl* careManager_;
    wxStaticText* leavingStatus_;
    wxTextCtrl* leftOn_;
    wxTextCtrl* leavingReason_;
    wxButton* leavingButton_;

    wxListCtrl* history_;

    wxListCtrl* concerns_;
    wxTextCtrl* concernReading_;  ///< the selected concern in full
    wxTextCtrl* newConcern_;
    wxListCtrl* actions_;
    wxTextCtrl* actionText_;
    wxTextCtrl* actionOwner_;
    wxTextCtrl* actionDue_;
    wxChoice* actionStatus_;
    wxTextCtrl* actionNote_;
    wxTextCtrl* concernOutcome_;
    wxButton* closeConcern_;

    wxListCtrl* scores_;
    wxChoice* measure_;
    wxChoice* timePoint_;
    wxTextCtrl* takenOn_;
    wxTextCtrl* score_;

    wxStaticText* planVersion_;
    std::vector<wxTextCtrl*> planSections_;

    ProgressPanel* progress_;
};

}  // namespace roundtable::ui
