// The curriculum navigator: modules and their sessions in a tree, and a preview of the
// selected session (objectives and timed activities) below it. It offers the selected
// session's and module's printed documents (printing/PageDocuments.h).
#pragma once

#include <wx/panel.h>
#include <wx/stattext.h>

#include <functional>
#include <string>
#include <vector>

#include "curriculum/Programme.h"
#include "printing/Printable.h"

class wxTreeCtrl;
class wxTextCtrl;

namespace roundtable::ui {

class CurriculumPanel : public wxPanel {
  public:
    CurriculumPanel(wxWindow* parent, const curriculum::Programme& programme);

    /// Shows `programme` instead (the service's, once signed in), keeping the selected session.
    void showProgramme(const curriculum::Programme& programme);

    /// The id of the curriculum session selected in the tree; empty when none is.
    [[nodiscard]] std::string selectedSessionId() const;
    /// The id of the module selected, or of the selected session's; empty when none is.
    [[nodiscard]] std::string selectedModuleId() const;
    /// What can be printed from here: the selected session's papers, its module's carers'
    /// pack, and the whole programme's.
    [[nodiscard]] std::vector<printing::PrintableDocument> printables() const;
    /// Selects the session with this id (for keyboard users and tests); false if unknown.
    bool selectSession(const std::string& sessionId);
    [[nodiscard]] wxTreeCtrl* tree() const { return tree_; }

  private:
    void fillTree();
    /// The selected session's plan, or the selected module's overview, below the tree.
    void showPreview();
    /// A module's title, version, summary, aims and sessions, for the pane below the tree.
    [[nodiscard]] static std::string moduleOverview(const curriculum::Module& module);

    /// A copy (it shares the programme's texts): the programme shown outlives any one database.
    curriculum::Programme programme_;
    wxStaticText* heading_ = nullptr;
    wxTreeCtrl* tree_;
    wxTextCtrl* preview_;
};

}  // namespace roundtable::ui
