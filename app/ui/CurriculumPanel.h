// The curriculum navigator: modules and their sessions in a tree, and a preview of the
// selected session (objectives and timed activities) below it.
#pragma once

#include <wx/panel.h>

#include <functional>
#include <string>

#include "curriculum/Programme.h"

class wxTreeCtrl;
class wxTextCtrl;

namespace roundtable::ui {

class CurriculumPanel : public wxPanel {
  public:
    CurriculumPanel(wxWindow* parent, const curriculum::Programme& programme);

    /// The id of the curriculum session selected in the tree; empty when none is.
    [[nodiscard]] std::string selectedSessionId() const;
    /// Selects the session with this id (for keyboard users and tests); false if unknown.
    bool selectSession(const std::string& sessionId);
    [[nodiscard]] wxTreeCtrl* tree() const { return tree_; }

  private:
    void showPreview();

    const curriculum::Programme& programme_;
    wxTreeCtrl* tree_;
    wxTextCtrl* preview_;
};

}  // namespace roundtable::ui
