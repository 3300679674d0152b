// The curriculum navigator: modules and their sessions in a tree, and below it (a splitter
// between them) the whole content of the selected session: objectives, materials, each activity
// with its guidance, adapt, watch for and easy-read points with their pictures, and the carers'
// handout (SessionContentView); or the selected module's overview. It offers the selected
// session's and module's printed documents (printing/PageDocuments.h).
#pragma once

#include <wx/panel.h>
#include <wx/stattext.h>

#include <functional>
#include <string>
#include <vector>

#include "curriculum/Programme.h"
#include "documents/PictureSource.h"
#include "printing/Printable.h"

class wxSplitterWindow;
class wxTreeCtrl;

namespace roundtable::ui {

class SessionContentView;

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
    [[nodiscard]] SessionContentView* preview() const { return preview_; }
    /// Where the preview's pictograms are read from (the service's, once signed in).
    void usePictures(documents::PictureSource pictures);

  private:
    void fillTree();
    /// The selected session's content, or the selected module's overview, below the tree.
    void showPreview();

    /// A copy (it shares the programme's texts): the programme shown outlives any one database.
    curriculum::Programme programme_;
    wxStaticText* heading_ = nullptr;
    wxSplitterWindow* splitter_;
    bool sashPlaced_ = false;  ///< the sash is placed once, when the window first has its size
    wxTreeCtrl* tree_;
    SessionContentView* preview_;
};

}  // namespace roundtable::ui
