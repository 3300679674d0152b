// The module editor's Module > Versions: every published version of the module (and the
// draft), the newest first, with who wrote it, who published it, when and what it changes;
// any two of them compared (Ctrl+click to choose two; one alone is compared with the
// version before it).
#pragma once

#include <wx/dialog.h>

#include <functional>
#include <string>
#include <vector>

#include "curriculum/ModuleComparison.h"
#include "practice/ServiceProgramme.h"

class wxListCtrl;
class wxStaticText;

namespace roundtable::ui {

class VersionsDialog : public wxDialog {
  public:
    /// What Compare shows, for tests; showComparison when unset.
    using Show = std::function<void(const std::string& title,
                                    const curriculum::ModuleComparison& comparison)>;

    VersionsDialog(wxWindow* parent, practice::CurriculumChanges changes, std::string moduleId,
                   bool hasDraft);

    /// Compares the two rows selected, the older first, or the one selected with the version
    /// before it; says why not in the dialog when it cannot.
    void compareSelected();
    void showWith(Show show) { show_ = std::move(show); }
    [[nodiscard]] wxListCtrl* list() const { return list_; }
    [[nodiscard]] wxString message() const;

  private:
    practice::CurriculumChanges changes_;
    std::string moduleId_;
    /// The rows: the draft (if there is one) then each published version, newest first.
    std::vector<practice::ModuleVersion> rows_;
    wxListCtrl* list_ = nullptr;
    wxStaticText* message_ = nullptr;
    Show show_;
};

}  // namespace roundtable::ui
