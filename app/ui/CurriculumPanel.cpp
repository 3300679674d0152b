// Fills the tree from the loaded Programme; each item carries its module's id, and a session
// item its own.
#include "ui/CurriculumPanel.h"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include "printing/PageDocuments.h"
#include "text/Translate.h"
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
    tree_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_LINES_AT_ROOT | wxTR_SINGLE);
    tree_->SetName("curriculum-tree");
    preview_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(-1, 190),
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    preview_->SetName("curriculum-preview");
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent&) { showPreview(); });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    heading_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    heading_->SetFont(heading_->GetFont().Bold());
    sizer->Add(heading_, wxSizerFlags().Border(wxALL, 6));
    sizer->Add(tree_, wxSizerFlags(3).Expand().Border(wxLEFT | wxRIGHT, 6));
    sizer->Add(preview_, wxSizerFlags(2).Expand().Border(wxALL, 6));
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
    preview_->Clear();
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

void CurriculumPanel::showPreview() {
    auto found = programme_.findSession(selectedSessionId());
    if (!found) {
        // A module: what it is for and its sessions, so that the pane is never blank.
        const auto* module = programme_.findModule(selectedModuleId());
        preview_->ChangeValue(module ? toWx(moduleOverview(*module)) : wxString());
        return;
    }
    const auto& session = *found->session;
    const auto& module = *found->module;
    std::string text(session.title);
    text.append(" (")
        .append(text::fill(text::tr("{1} minutes"), {std::to_string(session.minutes)}))
        .append(")\n")
        .append(text::fill(
            text::tr("From: {1}, version {2} ({3})"),
            {module.title, std::to_string(module.version), curriculum::toText(module.phase)}))
        .append("\n\n");
    for (const auto& objective : session.objectives)
        text.append("  - ").append(objective).append("\n");
    text += "\n";
    for (const auto& activity : session.activities) {
        text.append(text::fill(text::tr("{1} min"), {std::to_string(activity.minutes)}))
            .append("  ")
            .append(activity.title)
            .append("  (")
            .append(activity.kind)
            .append(")\n");
    }
    preview_->ChangeValue(toWx(text));
}

std::string CurriculumPanel::moduleOverview(const curriculum::Module& module) {
    std::string text(module.title);
    text.append("\n")
        .append(text::fill(text::tr("Version {1} ({2})"),
                           {std::to_string(module.version), curriculum::toText(module.phase)}))
        .append("\n\n")
        .append(module.summary)
        .append("\n");
    if (!module.aims.empty()) {
        text.append("\n").append(text::tr("Aims:")).append("\n");
        for (const auto& aim : module.aims)
            text.append("  - ").append(aim).append("\n");
    }
    text.append("\n").append(text::tr("Sessions:")).append("\n");
    int number = 0;
    for (const auto& session : module.sessions) {
        text.append("  ")
            .append(std::to_string(++number))
            .append(". ")
            .append(session.title)
            .append(" (")
            .append(text::fill(text::tr("{1} minutes"), {std::to_string(session.minutes)}))
            .append(")\n");
    }
    return text;
}

}  // namespace roundtable::ui
