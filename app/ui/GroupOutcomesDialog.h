// The group page's "Outcomes...": the group's outcomes at a glance (practice/OutcomeSummary.h).
// A table of each measure at each of its time points (how many were scored, their mean and
// range) and a chart per measure of the mean with its range; then the session rating, the
// group's mean at each session and the trend of a member chosen beside it. "Export CSV..." saves
// the scores behind it (CsvExportButton.h). "Print preview..." ends the dialog with wxID_PREVIEW:
// the Group page then opens the print preview on the outcomes report.
#pragma once

#include <wx/dialog.h>

#include <vector>

#include "practice/Practice.h"

class wxChoice;
class wxListCtrl;
class wxStaticText;

namespace roundtable::ui {

class ChartView;

class GroupOutcomesDialog : public wxDialog {
  public:
    /// `summary` is what Practice::groupOutcomeSummary read; `practice` records an export and
    /// must outlive the dialog.
    GroupOutcomesDialog(wxWindow* parent, practice::Practice& practice,
                        practice::GroupOutcomeSummary summary);

  private:
    /// The member chosen's ratings beside the group's.
    void showMember();

    practice::GroupOutcomeSummary summary_;
    practice::DateOrder dates_;
    wxChoice* member_ = nullptr;
    ChartView* memberChart_ = nullptr;
};

}  // namespace roundtable::ui
