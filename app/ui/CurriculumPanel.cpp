// Fills the tree from the loaded Programme; each item carries its module's id, and a session
// item its own.
#include "ui/CurriculumPanel.h"

#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/treectrl.h>

#include "documents/SessionContent.h"
#include "printing/PageDocuments.h"
#include "text/Translate.h"
#include "ui/SessionContentView.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

class CurriculumItem : public wxTreeItemData {
  public:
    CurriculumItem(std::string_view moduleId, std::string_view sessionId)
        : moduleId(moduleId), sessionId(sessionId) {}
    std::string moduleId;
    std::string sessionId;  ///< empty for a module's item
};

}  // namespace

CurriculumPanel::CurriculumPanel(wxWindow* parent, const curriculum::Programme& programme)
    : wxPanel(parent), programme_(programme) {
    // The tree above the session's content; the person reading drags the sash to give either
    // more room.
    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxSP_LIVE_UPDATE | wxSP_3DSASH);
    splitter_->SetName("curriculum-splitter");
    splitter_->SetMinimumPaneSize(FromDIP(90));
    splitter_->SetSashGravity(0.4);
    tree_ = new wxTreeCtrl(splitter_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_LINES_AT_ROOT | wxTR_SINGLE);
    tree_->SetName("curriculum-tree");
    preview_ = new SessionContentView(splitter_, "curriculum-preview");
    splitter_->SplitHorizontally(tree_, preview_);
    // Two fifths for the tree once the window has its size (eight modules' titles show in it
    // on a 768-high screen), the rest for the content, which is long and scrolls; placed after
    // the splitter's own handling of its first real size, which would move it again.
    splitter_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        if (!sashPlaced_ && event.GetSize().y > FromDIP(250)) {
            sashPlaced_ = true;
            CallAfter([this] { splitter_->SetSashPosition(splitter_->GetSize().y * 2 / 5); });
        }
    });
    // The sash's events are this splitter's own: the main window's splitter, around this
    // panel, takes a moved sash for its own divider dragged.
    splitter_->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [](wxSplitterEvent& event) {
        event.StopPropagation();
        event.Skip();
    });
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent&) { showPreview(); });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    heading_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    heading_->SetFont(heading_->GetFont().Bold());
    sizer->Add(heading_, wxSizerFlags().Border(wxALL, 6));
    sizer->Add(splitter_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
    SetSizer(sizer);
    fillTree();
}

void CurriculumPanel::showProgramme(const curriculum::Programme& programme) {
    const auto selected = selectedSessionId();
    programme_ = programme;
    fillTree();
    if (!selected.empty())
        selectSession(selected);
}

void CurriculumPanel::fillTree() {
    tree_->DeleteAllItems();
    auto root = tree_->AddRoot(trWx("Programme"));
    int number = 0;
    for (const auto& module : programme_.modules) {
        auto label = std::to_string(++number) + ". " + std::string(module.title);
        auto moduleItem =
            tree_->AppendItem(root, toWx(label), -1, -1, new CurriculumItem(module.id, {}));
        for (const auto& session : module.sessions) {
            tree_->AppendItem(moduleItem, toWx(session.title), -1, -1,
                              new CurriculumItem(module.id, session.id));
        }
    }
    heading_->SetLabel(toWx(programme_.title));
    heading_->Wrap(330);
    showPreview();  // nothing selected any more: what the pane is for
    Layout();
}

namespace {
const CurriculumItem* selectedItem(const wxTreeCtrl* tree) {
    auto item = tree->GetSelection();
    return item.IsOk() ? dynamic_cast<const CurriculumItem*>(tree->GetItemData(item)) : nullptr;
}
}  // namespace

std::string CurriculumPanel::selectedSessionId() const {
    const auto* selected = selectedItem(tree_);
    return selected ? selected->sessionId : std::string{};
}

std::string CurriculumPanel::selectedModuleId() const {
    const auto* selected = selectedItem(tree_);
    return selected ? selected->moduleId : std::string{};
}

std::vector<printing::PrintableDocument> CurriculumPanel::printables() const {
    return printing::curriculumDocuments(programme_, selectedSessionId(), selectedModuleId());
}

bool CurriculumPanel::selectSession(const std::string& sessionId) {
    wxTreeItemIdValue moduleCookie;
    for (auto module = tree_->GetFirstChild(tree_->GetRootItem(), moduleCookie); module.IsOk();
         module = tree_->GetNextChild(tree_->GetRootItem(), moduleCookie)) {
        wxTreeItemIdValue cookie;
        for (auto item = tree_->GetFirstChild(module, cookie); item.IsOk();
             item = tree_->GetNextChild(module, cookie)) {
            auto* data = dynamic_cast<CurriculumItem*>(tree_->GetItemData(item));
            if (data && data->sessionId == sessionId) {
                tree_->EnsureVisible(item);
                tree_->SelectItem(item);
                return true;
            }
        }
    }
    return false;
}

void CurriculumPanel::usePictures(documents::PictureSource pictures) {
    preview_->usePictures(std::move(pictures));
    showPreview();
}

void CurriculumPanel::showPreview() {
    if (auto found = programme_.findSession(selectedSessionId())) {
        preview_->show(documents::sessionContent(*found->module, *found->session));
        return;
    }
    // A module: what it is for and its sessions, so that the pane is never blank.
    const auto* module = programme_.findModule(selectedModuleId());
    if (module) {
        preview_->show(documents::moduleContent(*module));
        return;
    }
    documents::Document hint;
    hint.blocks.push_back(documents::Paragraph{
        text::tr("Choose a session in the programme above to read all of it here: its "
                 "activities with their guidance and easy-read points, and the carers' handout."),
        {}});
    preview_->show(hint);
}

}  // namespace roundtable::ui
