// The module editor's window. Forms are filled with ChangeValue (which sends no event), so only
// what a person types reaches the draft; each keystroke is one setText, which the draft merges
// into one undo step per field until the field loses the focus (endTyping). After every change
// the whole draft is checked again: a module is small, and a check takes a few milliseconds.
#include "ui/ModuleEditor.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/treectrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string_view>
#include <tuple>

#include "curriculum/ModuleComparison.h"
#include "curriculum/ProgrammeLoader.h"
#include "practice/ServiceProgramme.h"
#include "printing/PageDocuments.h"
#include "text/Translate.h"
#include "ui/ComparisonDialog.h"
#include "ui/Guarded.h"
#include "ui/PicturePicker.h"
#include "ui/VersionsDialog.h"
#include "ui/WindowPlacement.h"
#include "ui/WxText.h"

namespace roundtable::ui {

using curriculum::Field;
using curriculum::FieldAddress;

namespace {

constexpr int kSaveId = wxID_SAVE;
constexpr int kSendId = wxID_HIGHEST + 101;
constexpr int kPublishId = wxID_HIGHEST + 102;
constexpr int kReturnId = wxID_HIGHEST + 103;
constexpr int kWithdrawId = wxID_HIGHEST + 104;
constexpr int kCompareId = wxID_HIGHEST + 105;
constexpr int kPreviewId = wxID_HIGHEST + 120;
constexpr int kVersionsId = wxID_HIGHEST + 121;
constexpr int kAddSessionId = wxID_HIGHEST + 106;
constexpr int kAddActivityId = wxID_HIGHEST + 107;
constexpr int kDuplicateId = wxID_HIGHEST + 108;
constexpr int kRemoveId = wxID_HIGHEST + 109;
constexpr int kMoveUpId = wxID_HIGHEST + 110;
constexpr int kMoveDownId = wxID_HIGHEST + 111;

// The kinds content-xml/README.md lists, in its order.
constexpr std::array<const char*, 10> kKinds{
    "check-in",  "review",     "teaching", "discussion",       "role-play",
    "worksheet", "relaxation", "break",    "between-sessions", "check-out"};

enum FormPage { modulePage, sessionPage, activityPage };

/// The tree item's address of the module, a session or an activity.
class NodeData : public wxTreeItemData {
  public:
    explicit NodeData(FieldAddress whole) : whole(whole) {}
    FieldAddress whole;
};

bool isIndicatorField(curriculum::Field field) {
    using curriculum::Field;
    return field == Field::indicatorLabel || field == Field::indicatorScale ||
           field == Field::indicatorDescription;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    if (text.empty())
        return lines;
    std::size_t start = 0;
    while (true) {
        auto end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return lines;
}

/// Whether a finding at `found` belongs under the list field `list` (at one of its items).
bool inList(const FieldAddress& found, const FieldAddress& list) {
    return found.field == list.field && found.session == list.session &&
           found.activity == list.activity;
}

}  // namespace

ModuleEditor* ModuleEditor::open(wxWindow* parent, practice::CurriculumChanges changes,
                                 const std::string& moduleId, std::function<void()> published) {
    auto module = changes.openForEditing(moduleId);
    return new ModuleEditor(parent, changes, moduleId, std::move(module), std::move(published));
}

ModuleEditor::ModuleEditor(wxWindow* parent, practice::CurriculumChanges changes,
                           std::string moduleId, practice::ModuleToEdit module,
                           std::function<void()> published)
    : wxFrame(parent, wxID_ANY, trWx("Module")),
      changes_(changes),
      moduleId_(std::move(moduleId)),
      state_(std::move(module.state)),
      editable_(module.editable),
      pictures_(std::move(module.pictures)),
      draft_(module.text),
      published_(std::move(published)) {
    draft_.reserveIds(module.usedSessionIds);
    SetName("module-editor");
    SetTitle(toWx(
        text::fill(editable_ ? text::tr("{1} - edit module") : text::tr("{1} - module (read only)"),
                   {draft_.text(FieldAddress::ofModule(Field::moduleTitle))})));
    auto* body = new wxPanel(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    stateText_ = new wxStaticText(body, wxID_ANY, "");
    stateText_->SetName("editor-state");
    stateText_->SetFont(stateText_->GetFont().Bold());
    sizer->Add(stateText_, wxSizerFlags().Expand().Border(wxALL, 6));
    summary_ = new wxStaticText(body, wxID_ANY, "");
    summary_->SetName("editor-review-summary");
    summary_->Hide();
    sizer->Add(summary_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));

    auto* splitter = new wxSplitterWindow(body, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxSP_LIVE_UPDATE | wxSP_3D);
    splitter->SetMinimumPaneSize(200);
    auto* left = new wxPanel(splitter);
    auto* leftSizer = new wxBoxSizer(wxVERTICAL);
    tree_ = new wxTreeCtrl(left, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_DEFAULT_STYLE | wxTR_SINGLE);
    tree_->SetName("editor-tree");
    leftSizer->Add(tree_, wxSizerFlags(1).Expand());
    // Wrapped: the buttons take two or three rows when the tree is narrow.
    auto* structure = new wxWrapSizer(wxHORIZONTAL);
    for (auto [id, label, name] :
         {std::tuple{kAddSessionId, text::tr("Add session"), "editor-add-session"},
          {kAddActivityId, text::tr("Add activity"), "editor-add-activity"},
          {kDuplicateId, text::tr("Duplicate"), "editor-duplicate"},
          {kRemoveId, text::tr("Remove"), "editor-remove"},
          {kMoveUpId, text::tr("Move up"), "editor-move-up"},
          {kMoveDownId, text::tr("Move down"), "editor-move-down"}}) {
        auto* button =
            new wxButton(left, id, toWx(label), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        button->SetName(name);
        structure->Add(button, wxSizerFlags().Border(wxTOP | wxRIGHT, 3));
    }
    leftSizer->Add(structure, wxSizerFlags().Expand());
    left->SetSizer(leftSizer);
    forms_ = new wxSimplebook(splitter);
    forms_->SetName("editor-forms");

    // Module: its title, summary, aims and progress indicators.
    auto* page = addPage("module-form");
    addField(page, trWx("Module title"), "module-title", Field::moduleTitle, 1);
    addField(page, trWx("Summary"), "module-summary", Field::moduleSummary, 4);
    addField(page, trWx("Aims (one a line)"), "module-aims", Field::aims, 4, true);
    // Progress indicators: one at a time, chosen above its fields.
    page->GetSizer()->Add(new wxStaticText(page, wxID_ANY, trWx("Progress indicators")),
                          wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 6));
    auto* indicatorRow = new wxBoxSizer(wxHORIZONTAL);
    indicatorChoice_ = new wxChoice(page, wxID_ANY);
    indicatorChoice_->SetName("indicator-choice");
    indicatorChoice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        indicator_ = static_cast<std::size_t>(std::max(indicatorChoice_->GetSelection(), 0));
        showNode(node_);
    });
    indicatorRow->Add(indicatorChoice_, wxSizerFlags(1).CenterVertical().Border(wxRIGHT, 6));
    for (auto [label, name, adding] :
         {std::tuple{text::tr("Add indicator"), "indicator-add", true},
          std::tuple{text::tr("Remove indicator"), "indicator-remove", false}}) {
        auto* button = new wxButton(page, wxID_ANY, toWx(label));
        button->SetName(name);
        changeControls_.push_back(button);
        button->Bind(wxEVT_BUTTON, [this, adding = adding](wxCommandEvent&) {
            const auto count = draft_.itemCount(FieldAddress::ofModule(Field::indicators));
            if (!adding && count == 0)
                return;
            restructure([this, adding, count] {
                if (adding) {
                    indicator_ = count;
                    draft_.addIndicator(count);
                    return FieldAddress::ofModule(Field::module);
                }
                draft_.remove({Field::indicators, std::nullopt, std::nullopt, indicator_});
                indicator_ = indicator_ > 0 ? indicator_ - 1 : 0;
                return FieldAddress::ofModule(Field::module);
            });
        });
        indicatorRow->Add(button, wxSizerFlags().CenterVertical().Border(wxRIGHT, 6));
    }
    page->GetSizer()->Add(indicatorRow, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 6));
    addField(page, trWx("Indicator label"), "indicator-label", Field::indicatorLabel, 1);
    addField(page, trWx("Scale (lowest-highest, such as 0-3)"), "indicator-scale",
             Field::indicatorScale, 1);
    addField(page, trWx("What the scale means"), "indicator-description",
             Field::indicatorDescription, 3);

    // Session: the minutes with the sum of its activities' beside them.
    page = addPage("session-form");
    addField(page, trWx("Session title"), "session-title", Field::sessionTitle, 1);
    auto& minutes = addField(page, trWx("Minutes"), "session-minutes", Field::sessionMinutes, 1);
    sessionSum_ = new wxStaticText(page, wxID_ANY, "");
    sessionSum_->SetName("session-minutes-sum");
    // Beside the field: the row the minutes field sits in is the findings' row's neighbour.
    auto* row = minutes.control->GetContainingSizer();
    row->Add(sessionSum_, wxSizerFlags().CenterVertical().Border(wxLEFT, 10));
    addField(page, trWx("Objectives (one a line)"), "session-objectives", Field::objectives, 4,
             true);
    addField(page, trWx("Materials (one a line)"), "session-materials", Field::materials, 4, true);
    // The carers' handout: points with their pictures, "[picture] text" a line.
    addPoints(page, trWx("Carers' handout - what we covered ([picture] text, one a line)"),
              "handout-covered", Field::handoutCovered, Field::handoutCoveredText,
              Field::handoutCoveredPicture);
    addPoints(page, trWx("Carers' handout - how you can help"), "handout-help", Field::handoutHelp,
              Field::handoutHelpText, Field::handoutHelpPicture);
    addPoints(page, trWx("Carers' handout - what to watch for"), "handout-watch",
              Field::handoutWatch, Field::handoutWatchText, Field::handoutWatchPicture);
    addPoints(page, trWx("Carers' handout - what to talk about"), "handout-talk",
              Field::handoutTalk, Field::handoutTalkText, Field::handoutTalkPicture);

    // Activity: what matters most to whoever runs it.
    page = addPage("activity-form");
    addField(page, trWx("Activity title"), "activity-title", Field::activityTitle, 1);
    auto* pageSizer = page->GetSizer();
    pageSizer->Add(new wxStaticText(page, wxID_ANY, trWx("Kind")),
                   wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 6));
    kind_ = new wxChoice(page, wxID_ANY);
    kind_->SetName("activity-kind");
    for (const char* kind : kKinds)
        kind_->Append(kind);
    pageSizer->Add(kind_, wxSizerFlags().Border(wxLEFT | wxRIGHT, 6));
    kindFindings_ = new wxStaticText(page, wxID_ANY, "");
    kindFindings_->SetName("activity-kind-findings");
    kindFindings_->SetForegroundColour(wxColour(170, 20, 20));
    kindFindings_->Hide();
    pageSizer->Add(kindFindings_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 6));
    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (loading_ || !canChange() || kind_->GetSelection() == wxNOT_FOUND)
            return;
        runGuarded([this](const Failure& failure) { refuse(failure.message); },
                   [this] {
                       draft_.setText(addressOf(Field::activityKind),
                                      kKinds.at(static_cast<std::size_t>(kind_->GetSelection())));
                       draft_.endTyping();
                   });
        unsaved_ = true;
        changed();
    });
    addField(page, trWx("Minutes"), "activity-minutes", Field::activityMinutes, 1);
    // The activity's own picture (a field of the format, checked like every picture), chosen
    // from the service's pictures; an empty name removes it.
    auto* picture =
        addField(page, trWx("Picture (optional)"), "activity-picture", Field::activityPicture, 1)
            .control;
    auto* choosePicture = new wxButton(page, wxID_ANY, trWx("Choose picture..."));
    choosePicture->SetName("activity-picture-choose");
    changeControls_.push_back(choosePicture);
    choosePicture->Bind(wxEVT_BUTTON, [this, picture](wxCommandEvent&) {
        if (auto picked = pickPicture(fromWx(picture->GetValue())))
            picture->SetValue(toWx(*picked));  // an edit like typing: checked, undone in a step
    });
    picture->GetContainingSizer()->Add(choosePicture,
                                       wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
    addField(page, trWx("Guidance for facilitators (a paragraph a line)"), "activity-guidance",
             Field::guidance, 6, true);
    addField(page, trWx("Adapt (optional)"), "activity-adapt", Field::activityAdapt, 3);
    addField(page, trWx("Watch for (optional)"), "activity-watch", Field::activityWatch, 3);
    addPoints(page, trWx("Easy-read points for the members ([picture] text, one a line)"),
              "activity-easy-read", Field::easyRead, Field::easyReadText, Field::easyReadPicture);

    splitter->SplitVertically(left, forms_, 300);
    sizer->Add(splitter, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 6));

    auto* findingsLabel =
        new wxStaticText(body, wxID_ANY, trWx("Findings (double-click to go there)"));
    sizer->Add(findingsLabel, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 6));
    findings_ = new wxListBox(body, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(90)));
    findings_->SetName("editor-findings");
    findings_->Bind(wxEVT_LISTBOX_DCLICK,
                    [this](wxCommandEvent& event) { goToFinding(event.GetSelection()); });
    sizer->Add(findings_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 6));
    message_ = new wxStaticText(body, wxID_ANY, "");
    message_->SetName("editor-message");
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxALL, 6));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto addButton = [&](int id, const char* label, const char* name) {
        auto* button = new wxButton(body, id, toWx(label));
        button->SetName(name);
        buttons->Add(button, wxSizerFlags().Border(wxRIGHT, 6));
        // Its click and its wxEVT_UPDATE_UI reach the frame's handlers for the menu command
        // of the same id (buildMenus), so the button and the menu cannot disagree.
    };
    addButton(kSaveId, text::tr("Save draft"), "editor-save");
    addButton(kSendId, text::tr("Send for review..."), "editor-send");
    addButton(kCompareId, text::tr("Compare with published..."), "editor-compare");
    addButton(kPreviewId, text::tr("Preview..."), "editor-preview");
    addButton(kPublishId, text::tr("Publish..."), "editor-publish");
    addButton(kReturnId, text::tr("Return to author..."), "editor-return");
    addButton(kWithdrawId, text::tr("Withdraw draft..."), "editor-withdraw");
    sizer->Add(buttons, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
    body->SetSizer(sizer);

    // In the tree, as in a file manager: Alt+Up and Alt+Down move the item, Delete removes it
    // (the tree's own use of the keys would only move the highlight).
    tree_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        const int key = event.GetKeyCode();
        int command = wxID_NONE;
        if (event.GetModifiers() == wxMOD_ALT && (key == WXK_UP || key == WXK_DOWN))
            command = key == WXK_UP ? kMoveUpId : kMoveDownId;
        else if (event.GetModifiers() == wxMOD_NONE && key == WXK_DELETE)
            command = kRemoveId;
        if (command == wxID_NONE || !canChange() || node_.field == Field::module) {
            event.Skip();
            return;
        }
        ProcessCommand(command);
    });
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& event) {
        if (loading_ || !event.GetItem().IsOk())
            return;
        if (auto* data = dynamic_cast<NodeData*>(tree_->GetItemData(event.GetItem())))
            showNode(data->whole);
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        if (unsaved_ && editable_ && event.CanVeto()) {
            int answer =
                askSave_ ? askSave_()
                         : wxMessageBox(trWx("Save the changes to this module's draft?"),
                                        GetTitle(), wxYES_NO | wxCANCEL | wxICON_QUESTION, this);
            if (answer == wxCANCEL || (answer == wxYES && !save())) {
                event.Veto();
                return;
            }
        }
        Destroy();
    });

    buildMenus();
    fitToScreen(this, wxSize(1200, 820));  // its buttons and messages never below the screen
    fillTree();
    selectNode(FieldAddress::ofModule(Field::module));  // the module selected, its form shown
    changed();
    unsaved_ = false;
    showState();
}

wxScrolledWindow* ModuleEditor::addPage(const char* name) {
    // Scrolled, so that every field can be reached on a 1024x768 screen.
    auto* page = new wxScrolledWindow(forms_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                      wxVSCROLL | wxTAB_TRAVERSAL);
    page->SetName(name);
    page->SetScrollRate(0, FromDIP(12));
    page->SetSizer(new wxBoxSizer(wxVERTICAL));
    forms_->AddPage(page, name);
    pages_.push_back(page);
    return page;
}

ModuleEditor::Bound& ModuleEditor::addField(wxScrolledWindow* page, const wxString& label,
                                            const char* name, Field field, int lines, bool list) {
    auto* sizer = page->GetSizer();
    sizer->Add(new wxStaticText(page, wxID_ANY, label),
               wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 6));
    long style = lines > 1 ? wxTE_MULTILINE : 0;
    auto* control = new wxTextCtrl(page, wxID_ANY, "", wxDefaultPosition,
                                   wxSize(-1, lines > 1 ? FromDIP(20 * lines + 8) : -1), style);
    control->SetName(name);
    control->SetEditable(canChange());
    // Short fields sit in a row, where a button may join them (see the activity's picture).
    if (field == Field::sessionMinutes || field == Field::activityMinutes ||
        field == Field::activityPicture) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        control->SetMinSize(wxSize(FromDIP(field == Field::activityPicture ? 220 : 80), -1));
        row->Add(control, wxSizerFlags().CenterVertical());
        sizer->Add(row, wxSizerFlags().Border(wxLEFT | wxRIGHT, 6));
    } else {
        sizer->Add(control, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 6));
    }
    auto* findings = new wxStaticText(page, wxID_ANY, "");
    findings->SetName(std::string(name) + "-findings");
    // Dark red, and each line starts with a warning sign: the colour is never the only sign.
    findings->SetForegroundColour(wxColour(170, 20, 20));
    findings->Hide();
    sizer->Add(findings, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 6));
    fields_.push_back({control, field, findings, list, field, std::nullopt});
    const std::size_t index = fields_.size() - 1;
    control->Bind(wxEVT_TEXT, [this, index](wxCommandEvent&) { edited(fields_[index]); });
    control->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
        draft_.endTyping();  // the next keystroke here is a new undo step
        event.Skip();
    });
    return fields_.back();
}

void ModuleEditor::buildMenus() {
    auto* module = new wxMenu;
    module->Append(kSaveId, trWx("&Save draft") + "\tCtrl+S");
    module->Append(kSendId, trWx("Send for &review..."));
    module->Append(kCompareId, trWx("&Compare with published..."));
    module->Append(kVersionsId, trWx("Ve&rsions...") + "\tCtrl+H",
                   trWx("Every published version, compared"));
    module->Append(kPreviewId, trWx("Pre&view as printed...") + "\tCtrl+Shift+P");
    module->AppendSeparator();
    module->Append(kPublishId, trWx("&Publish..."));
    module->Append(kReturnId, trWx("Return to &author..."));
    module->Append(kWithdrawId, trWx("&Withdraw draft..."));
    module->AppendSeparator();
    module->Append(wxID_CLOSE, trWx("&Close") + "\tCtrl+W");
    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, trWx("&Undo") + "\tCtrl+Z");
    edit->Append(wxID_REDO, trWx("&Redo") + "\tCtrl+Shift+Z");
    edit->AppendSeparator();
    edit->Append(kAddSessionId, trWx("Add &session"));
    edit->Append(kAddActivityId, trWx("Add &activity"));
    edit->Append(kDuplicateId, trWx("&Duplicate") + "\tCtrl+D");
    edit->Append(kRemoveId, trWx("Re&move"));
    edit->Append(kMoveUpId, trWx("Move &up") + "\tAlt+Up");
    edit->Append(kMoveDownId, trWx("Move &down") + "\tAlt+Down");
    auto* bar = new wxMenuBar;
    bar->Append(module, trWx("&Module"));
    bar->Append(edit, trWx("&Edit"));
    SetMenuBar(bar);
    // Ctrl+Y redoes too, as on Windows.
    wxAcceleratorEntry redoY(wxACCEL_CTRL, 'Y', wxID_REDO);
    SetAcceleratorTable(wxAcceleratorTable(1, &redoY));

    auto command = [this](int id, std::function<void()> work) {
        Bind(
            wxEVT_MENU, [work](wxCommandEvent&) { work(); }, id);
        Bind(
            wxEVT_BUTTON, [work](wxCommandEvent&) { work(); }, id);
    };
    command(kSaveId, [this] { save(); });
    command(kSendId, [this] { sendForReview(); });
    command(kCompareId, [this] { compareWithPublished(); });
    command(kVersionsId, [this] {
        VersionsDialog versions(this, changes_, moduleId_, state_.draft.has_value());
        versions.ShowModal();
    });
    command(kPreviewId, [this] { preview(); });
    command(kPublishId, [this] { publish(); });
    command(kReturnId, [this] { returnToAuthor(); });
    command(kWithdrawId, [this] { withdraw(); });
    command(wxID_CLOSE, [this] { Close(); });
    command(wxID_UNDO, [this] { undo(); });
    command(wxID_REDO, [this] { redo(); });
    command(kAddSessionId, [this] {
        // After the session selected (or the activity's), else at the end.
        restructure([this] {
            return draft_.addSession(node_.session ? *node_.session + 1 : draft_.sessionCount());
        });
    });
    command(kAddActivityId, [this] {
        restructure([this] {
            const auto session = *node_.session;
            return draft_.addActivity(
                session, node_.activity ? *node_.activity + 1 : draft_.activityCount(session));
        });
    });
    command(kDuplicateId, [this] { restructure([this] { return draft_.duplicate(node_); }); });
    command(kRemoveId, [this] {
        // No question first: the removal is one step of undo, and the message says so.
        const auto removed = itemTitle(node_);
        const bool done = restructure([this] {
            draft_.remove(node_);
            return node_.activity ? FieldAddress::ofSession(*node_.session, Field::session)
                                  : FieldAddress::ofModule(Field::module);
        });
        if (done)
            say(text::fill(text::tr("Removed {1}. Undo (Ctrl+Z) puts it back."), {removed}));
    });
    command(kMoveUpId, [this] { restructure([this] { return draft_.moveUp(node_); }); });
    command(kMoveDownId, [this] { restructure([this] { return draft_.moveDown(node_); }); });

    // What the store would refuse is not offered; the store still decides (a reviewer who
    // wrote the draft is refused there, with its reason).
    auto enable = [this](int id, std::function<bool()> when) {
        Bind(
            wxEVT_UPDATE_UI,
            [when = std::move(when)](wxUpdateUIEvent& event) { event.Enable(when()); }, id);
    };
    enable(kSaveId, [this] { return canChange(); });
    enable(kSendId, [this] { return editable_ && !state_.inReview; });
    enable(kCompareId, [this] { return state_.published.has_value(); });
    enable(kPreviewId, [this] { return static_cast<bool>(showPreview_); });
    enable(kPublishId, [this] { return editable_ && state_.inReview && mayPublish(); });
    enable(kReturnId, [this] { return editable_ && state_.inReview; });
    enable(kWithdrawId, [this] { return editable_ && state_.draft.has_value(); });
    enable(kAddSessionId, [this] { return canChange(); });
    auto part = [this] { return canChange() && node_.field != Field::module; };
    enable(kAddActivityId, part);
    enable(kDuplicateId, part);
    enable(kRemoveId, part);
    enable(kMoveUpId, part);
    enable(kMoveDownId, part);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& event) {
            event.Enable(canChange() && draft_.canUndo());
            event.SetText(toWx(
                text::fill(text::tr("&Undo {1}"), {draft_.undoDescription()}).append("\tCtrl+Z")));
        },
        wxID_UNDO);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& event) {
            event.Enable(canChange() && draft_.canRedo());
            event.SetText(toWx(text::fill(text::tr("&Redo {1}"), {draft_.redoDescription()})
                                   .append("\tCtrl+Shift+Z")));
        },
        wxID_REDO);
}

void ModuleEditor::fillTree() {
    loading_ = true;  // deleting and adding items sends selection events
    // Sessions open before stay open (by position): an edit does not fold the tree up.
    std::vector<std::size_t> expanded;
    if (tree_->GetRootItem().IsOk()) {
        wxTreeItemIdValue cookie;
        std::size_t position = 0;
        for (auto item = tree_->GetFirstChild(tree_->GetRootItem(), cookie); item.IsOk();
             item = tree_->GetNextChild(tree_->GetRootItem(), cookie), ++position) {
            if (tree_->IsExpanded(item))
                expanded.push_back(position);
        }
    }
    tree_->DeleteAllItems();
    auto root = tree_->AddRoot("", -1, -1, new NodeData(FieldAddress::ofModule(Field::module)));
    for (std::size_t s = 0; s < draft_.sessionCount(); ++s) {
        auto session = tree_->AppendItem(root, "", -1, -1,
                                         new NodeData(FieldAddress::ofSession(s, Field::session)));
        for (std::size_t a = 0; a < draft_.activityCount(s); ++a) {
            tree_->AppendItem(session, "", -1, -1,
                              new NodeData(FieldAddress::ofActivity(s, a, Field::activity)));
        }
        if (std::find(expanded.begin(), expanded.end(), s) != expanded.end())
            tree_->Expand(session);
    }
    tree_->Expand(root);
    loading_ = false;
    labelTree();
}

void ModuleEditor::labelTree() {
    // Titles as typed, and a warning sign on every item with a finding inside it.
    std::function<void(const wxTreeItemId&)> label = [&](const wxTreeItemId& item) {
        auto* data = dynamic_cast<NodeData*>(tree_->GetItemData(item));
        if (!data)
            return;
        const auto& whole = data->whole;
        Field title = whole.field == Field::module    ? Field::moduleTitle
                      : whole.field == Field::session ? Field::sessionTitle
                                                      : Field::activityTitle;
        FieldAddress at{title, whole.session, whole.activity, std::nullopt};
        std::string text = draft_.exists(at) ? draft_.text(at) : std::string();
        if (text.empty())
            text = text::tr("(no title)");
        if (whole.field == Field::activity) {
            text = text::fill(
                       text::tr("{1} min"),
                       {draft_.text({Field::activityMinutes, whole.session, whole.activity, {}})})
                       .append("  ")
                       .append(text);
        }
        auto inside =
            whole.field == Field::module ? check_.findings.size() : check_.inside(whole).size();
        tree_->SetItemText(item, toWx(inside ? warned(text) : text));
        wxTreeItemIdValue cookie;
        for (auto child = tree_->GetFirstChild(item, cookie); child.IsOk();
             child = tree_->GetNextChild(item, cookie)) {
            label(child);
        }
    };
    label(tree_->GetRootItem());
}

bool ModuleEditor::selectNode(const FieldAddress& whole) {
    std::function<wxTreeItemId(const wxTreeItemId&)> findItem =
        [&](const wxTreeItemId& item) -> wxTreeItemId {
        auto* data = dynamic_cast<NodeData*>(tree_->GetItemData(item));
        if (data && data->whole == whole)
            return item;
        wxTreeItemIdValue cookie;
        for (auto child = tree_->GetFirstChild(item, cookie); child.IsOk();
             child = tree_->GetNextChild(item, cookie)) {
            if (auto found = findItem(child); found.IsOk())
                return found;
        }
        return {};
    };
    auto item = findItem(tree_->GetRootItem());
    if (!item.IsOk())
        return false;
    tree_->EnsureVisible(item);
    tree_->SelectItem(item);
    // Shown here too: GTK sends no selection event for an item already selected, or before the
    // window is shown.
    showNode(whole);
    return true;
}

void ModuleEditor::showNode(const FieldAddress& whole) {
    draft_.endTyping();
    const bool another = whole != node_;
    node_ = whole;
    const FormPage page = whole.field == Field::module    ? modulePage
                          : whole.field == Field::session ? sessionPage
                                                          : activityPage;
    loading_ = true;
    forms_->SetSelection(page);
    if (another)
        pages_[page]->Scroll(0, 0);  // another item's form starts at its top, not mid-way
    const auto indicators = draft_.itemCount(FieldAddress::ofModule(Field::indicators));
    if (indicator_ >= indicators)
        indicator_ = indicators > 0 ? indicators - 1 : 0;
    if (page == modulePage) {
        indicatorChoice_->Clear();
        for (std::size_t i = 0; i < indicators; ++i) {
            auto label = draft_.text({Field::indicatorLabel, std::nullopt, std::nullopt, i});
            indicatorChoice_->Append(toWx(label.empty() ? text::tr("(no label yet)") : label));
        }
        if (indicators > 0)
            indicatorChoice_->SetSelection(static_cast<int>(indicator_));
    }
    for (auto& bound : fields_) {
        if (bound.control->GetParent() != pages_[page])
            continue;
        if (isIndicatorField(bound.field)) {
            // No indicator yet: nothing to show or type in until one is added.
            bound.control->Enable(indicators > 0);
            bound.control->ChangeValue(indicators > 0 ? toWx(draft_.text(addressOf(bound.field)))
                                                      : wxString());
            continue;
        }
        bound.control->ChangeValue(
            toWx(bound.list ? listText(bound) : draft_.text(addressOf(bound.field))));
    }
    if (page == activityPage) {
        auto kind = draft_.text(addressOf(Field::activityKind));
        auto found = std::find(kKinds.begin(), kKinds.end(), kind);
        kind_->SetSelection(found == kKinds.end() ? wxNOT_FOUND
                                                  : static_cast<int>(found - kKinds.begin()));
    }
    kind_->Enable(canChange());
    loading_ = false;
    showFindings();
}

FieldAddress ModuleEditor::addressOf(Field field) const {
    if (isIndicatorField(field))
        return {field, std::nullopt, std::nullopt, indicator_};
    return {field, node_.session, node_.activity, std::nullopt};
}

void ModuleEditor::edited(const Bound& bound) {
    if (loading_ || !canChange())
        return;
    const auto text = fromWx(bound.control->GetValue());
    const bool done = runGuarded([this](const Failure& failure) { refuse(failure.message); },
                                 [&] {
                                     if (bound.list)
                                         syncList(bound, text);
                                     else
                                         draft_.setText(addressOf(bound.field), text);
                                 });
    if (!done)
        return;
    // The indicator chosen is named by its label: the choice follows the typing.
    if (bound.field == Field::indicatorLabel &&
        indicator_ < static_cast<std::size_t>(indicatorChoice_->GetCount()))
        indicatorChoice_->SetString(static_cast<unsigned>(indicator_),
                                    text.empty() ? trWx("(no label yet)") : toWx(text));
    unsaved_ = true;
    // "Draft saved." or "Undone: ..." no longer describes the draft once it is typed in; a
    // refusal stays until it is put right.
    if (saidInfo_) {
        message_->SetLabel(wxEmptyString);
        saidInfo_ = false;
    }
    changed();
}

ModuleEditor::Bound& ModuleEditor::addPoints(wxScrolledWindow* page, const wxString& label,
                                             const char* name, Field list, Field text,
                                             Field picture) {
    auto& bound = addField(page, label, name, list, 4, true);
    bound.itemText = text;
    bound.itemPicture = picture;
    // The picker puts its picture at the start of the line the cursor is on.
    auto* choose = new wxButton(page, wxID_ANY, trWx("Picture for this line..."));
    choose->SetName(std::string(name) + "-picture");
    changeControls_.push_back(choose);
    auto* control = bound.control;
    choose->Bind(wxEVT_BUTTON, [this, control](wxCommandEvent&) { pictureForLine(control); });
    page->GetSizer()->Add(choose, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
    return bound;
}

void ModuleEditor::pictureForLine(wxTextCtrl* control) {
    long column = 0, row = 0;
    if (!control->PositionToXY(control->GetInsertionPoint(), &column, &row))
        row = 0;
    auto lines = linesOf(fromWx(control->GetValue()));
    if (lines.empty())
        lines.emplace_back();
    const auto index = std::min(static_cast<std::size_t>(std::max(row, 0L)), lines.size() - 1);
    auto& line = lines[index];
    // The line's picture now, if it has one, is the picker's first choice.
    std::string current;
    const auto close = line.find(']');
    if (line.starts_with('[') && close != std::string::npos)
        current = line.substr(1, close - 1);
    const auto picked = pickPicture(current);
    if (!picked)
        return;
    if (line.starts_with('[') && close != std::string::npos)
        line.erase(0, line.find_first_not_of(' ', close + 1));
    line.insert(0, "[" + *picked + "] ");
    std::string text;
    for (std::size_t i = 0; i < lines.size(); ++i)
        text.append(i ? "\n" : "").append(lines[i]);
    control->SetValue(toWx(text));  // an edit like typing: checked, and undone in one step
    control->SetFocus();
}

std::optional<std::string> ModuleEditor::pickPicture(const std::string& current) {
    if (choosePicture_)
        return choosePicture_(current);
    PicturePicker::Add add;
    if (canChange()) {
        add = [this](const std::filesystem::path& file, const std::string& name,
                     const std::string& description) {
            changes_.addPicture(file, name, description);
            pictures_ = changes_.pictureNames();  // the checks know it from now on
            return changes_.pictures();
        };
    }
    PicturePicker picker(this, changes_.pictures(), add);
    picker.select(current);
    if (picker.ShowModal() != wxID_OK)
        return std::nullopt;
    return picker.chosen();
}

std::string ModuleEditor::listText(const Bound& bound) const {
    const auto list = addressOf(bound.field);
    std::string text;
    for (std::size_t i = 0; i < draft_.itemCount(list); ++i) {
        if (i > 0)
            text.push_back('\n');
        if (bound.itemPicture) {
            const auto picture = draft_.text({*bound.itemPicture, list.session, list.activity, i});
            if (!picture.empty())
                text.append("[").append(picture).append("] ");
        }
        text.append(draft_.text({bound.itemText, list.session, list.activity, i}));
    }
    return text;
}

void ModuleEditor::syncList(const Bound& bound, const std::string& text) {
    // One item a line: the items that differ are set, new lines added, lines gone removed. A
    // point's picture is written before its text ("[talking] Say your name"), so it moves with
    // its line.
    const auto list = addressOf(bound.field);
    struct Line {
        std::string text;
        std::string picture;
    };
    std::vector<Line> lines;
    for (auto& line : linesOf(text)) {
        const auto close = line.find(']');
        if (bound.itemPicture && line.starts_with('[') && close != std::string::npos) {
            auto rest = line.substr(close + 1);
            const auto start = rest.find_first_not_of(' ');
            rest.erase(0, start == std::string::npos ? rest.size() : start);
            lines.push_back({std::move(rest), line.substr(1, close - 1)});
        } else {
            lines.push_back({std::move(line), {}});
        }
    }
    const std::size_t count = draft_.itemCount(list);
    auto item = [&](Field field, std::size_t i) {
        return FieldAddress{field, list.session, list.activity, i};
    };
    for (std::size_t i = 0; i < std::min(count, lines.size()); ++i) {
        if (draft_.text(item(bound.itemText, i)) != lines[i].text)
            draft_.setText(item(bound.itemText, i), lines[i].text);
        if (bound.itemPicture && draft_.text(item(*bound.itemPicture, i)) != lines[i].picture)
            draft_.setText(item(*bound.itemPicture, i), lines[i].picture);
    }
    for (std::size_t i = count; i < lines.size(); ++i)
        draft_.addItem(list, i, lines[i].text, lines[i].picture);
    for (std::size_t i = count; i > lines.size(); --i)
        draft_.remove(item(bound.field, i - 1));
}

void ModuleEditor::changed() {
    runGuarded([this](const Failure& failure) { refuse(failure.message); },
               [this] {
                   check_ = curriculum::checkDraft(draft_, {"draft", &pictures_, {}});
               });
    labelTree();
    showFindings();
    showState();
}

void ModuleEditor::showFindings() {
    for (auto& bound : fields_) {
        const auto address = addressOf(bound.field);
        std::string text;
        auto add = [&text](const std::string& line) {
            if (!text.empty())
                text.push_back('\n');
            text.append(warned(line));
        };
        for (const auto& found : check_.findings) {
            const bool ofList =
                bound.list && found.field.item &&
                (inList(found.field, address) ||
                 inList(found.field,
                        {bound.itemText, address.session, address.activity, std::nullopt}) ||
                 (bound.itemPicture && inList(found.field, {*bound.itemPicture, address.session,
                                                            address.activity, std::nullopt})));
            if (ofList) {
                add(text::fill(text::tr("line {1}: {2}"),
                               {std::to_string(*found.field.item + 1), found.finding.message}));
            } else if (found.field == address) {
                add(found.finding.message);
            }
        }
        // An activity's minutes are what makes its session's sum: its finding shows here too.
        if (bound.field == Field::activityMinutes && node_.session) {
            for (const auto& found :
                 check_.at(FieldAddress::ofSession(*node_.session, Field::sessionMinutes)))
                add(found.finding.message);
        }
        bound.findings->SetLabel(toWx(text));
        bound.findings->Show(!text.empty());
    }
    if (node_.session && node_.field != Field::module) {
        auto minutes = draft_.minutesOf(*node_.session);
        auto sum = text::fill(text::tr("Activities add up to {1} minutes"),
                              {std::to_string(minutes.activities)});
        if (minutes.activitiesWithoutMinutes > 0) {
            sum.append(", ").append(text::fill(text::tr("{1} without minutes"),
                                               {std::to_string(minutes.activitiesWithoutMinutes)}));
        }
        if (minutes.addUp())
            sum.append(" ").append(text::tr("(they match)"));
        sessionSum_->SetLabel(toWx(sum));
    }
    std::string kindText;
    if (node_.field == Field::activity) {
        for (const auto& found : check_.at(addressOf(Field::activityKind)))
            kindText.append(kindText.empty() ? "" : "\n").append(warned(found.finding.message));
    }
    kindFindings_->SetLabel(toWx(kindText));
    kindFindings_->Show(!kindText.empty());
    for (auto* page : pages_) {
        page->Layout();
        page->FitInside();
    }

    findings_->Clear();
    findingPlaces_.clear();
    for (const auto& found : check_.findings) {
        std::string line = text::fill(found.finding.severity == curriculum::Severity::error
                                          ? text::tr("Error: {1}: {2}")
                                          : text::tr("Warning: {1}: {2}"),
                                      {curriculum::describe(found.field), found.finding.message});
        findings_->Append(toWx(warned(line)));
        findingPlaces_.push_back(found.field);
    }
}

void ModuleEditor::goToFinding(int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= findingPlaces_.size())
        return;
    const auto& place = findingPlaces_[static_cast<std::size_t>(index)];
    FieldAddress whole =
        place.activity  ? FieldAddress::ofActivity(*place.session, *place.activity, Field::activity)
        : place.session ? FieldAddress::ofSession(*place.session, Field::session)
                        : FieldAddress::ofModule(Field::module);
    selectNode(whole);
    for (auto& bound : fields_) {
        if (bound.field == place.field && bound.control->IsShownOnScreen()) {
            bound.control->SetFocus();
            return;
        }
    }
    if (place.field == Field::activityKind)
        kind_->SetFocus();
}

wxString ModuleEditor::stateLine() const {
    return stateText_->GetLabel();
}

wxString ModuleEditor::message() const {
    return message_->GetLabel();
}

void ModuleEditor::showState() {
    mayPublishKnown_ = false;
    std::string text;
    if (state_.draft) {
        text = text::fill(
            state_.inReview ? text::tr("Version {1}, in review") : text::tr("Version {1}, draft"),
            {std::to_string(state_.draft->text.version)});
        if (!state_.authors.empty()) {
            std::string authors;
            for (std::size_t i = 0; i < state_.authors.size(); ++i)
                authors.append(i ? ", " : "").append(state_.authors[i]);
            text.append(" - ").append(text::fill(
                text::trn("author: {1}", "authors: {1}", state_.authors.size()), {authors}));
        }
    } else if (state_.published) {
        text = text::fill(text::tr("Version {1}, published"),
                          {std::to_string(state_.published->text.version)});
        if (editable_) {
            text.append(" - ").append(
                text::fill(text::tr("saving starts version {1}"),
                           {std::to_string(state_.published->text.version + 1)}));
        }
    }
    if (unsaved_)
        text.append(" - ").append(text::tr("unsaved changes"));
    if (check_.hasErrors())
        text.append(" - ").append(text::tr("has errors"));
    // Why nothing can be typed, where it is always seen (not only in the message line).
    if (!editable_)
        text.append(" - ").append(
            text::tr("read only: only a clinical lead can change the programme"));
    else if (state_.inReview)
        text.append(" - ").append(
            text::tr("waiting for review: return it to its author to change it"));
    stateText_->SetLabel(toWx(text));
    if (state_.inReview) {
        const auto summary = reviewSummary();
        const auto changes =
            summary.empty() ? summary
                            : text::fill(text::tr("What this version changes: {1}"), {summary});
        stateText_->SetToolTip(toWx(changes));
        summary_->SetLabel(toWx(changes));
    }
    summary_->Show(state_.inReview && !summary_->GetLabel().empty());
    // What may be changed follows the state: a draft in review is read until it is returned.
    for (auto& bound : fields_)
        bound.control->SetEditable(canChange());
    for (auto* control : changeControls_)
        control->Enable(canChange());
    kind_->Enable(canChange());
    Layout();
}

std::string ModuleEditor::reviewSummary() {
    std::string summary;
    runGuarded([](const Failure&) {},  // only a help to the reviewer: the state line stands
               [&] { summary = changes_.reviewSummary(moduleId_); });
    return summary;
}

bool ModuleEditor::mayPublish() const {
    if (!mayPublishKnown_) {
        mayPublish_ = true;  // when it cannot be known, the store decides as Publish is pressed
        runGuarded([](const Failure&) {}, [&] { mayPublish_ = changes_.mayPublish(state_); });
        mayPublishKnown_ = true;
    }
    return mayPublish_;
}

std::optional<std::string> ModuleEditor::ask(const std::string& title, const std::string& prompt) {
    if (askText_)
        return askText_(title, prompt);
    wxTextEntryDialog dialog(this, toWx(prompt), toWx(title), "", wxOK | wxCANCEL | wxTE_MULTILINE);
    if (dialog.ShowModal() != wxID_OK)
        return std::nullopt;
    return fromWx(dialog.GetValue());
}

void ModuleEditor::say(const std::string& text) {
    showInfo(message_, text);
    saidInfo_ = true;
}

void ModuleEditor::refuse(const std::string& text) {
    showRefused(nullptr, message_, warned(text));
    saidInfo_ = false;
}

bool ModuleEditor::step(const std::function<void()>& work) {
    return runGuarded([this](const Failure& failure) { refuse(failure.message); },
                      [&] {
                          work();
                          state_ = changes_.moduleState(moduleId_);
                      });
}

bool ModuleEditor::save() {
    if (!canChange())
        return false;
    draft_.endTyping();
    const bool saved = step([this] { changes_.saveDraft(draft_.xml()); });
    if (saved) {
        unsaved_ = false;
        say(check_.hasErrors() ? text::tr("Draft saved. It has errors to put right before review.")
                               : text::tr("Draft saved."));
    }
    showState();
    return saved;
}

void ModuleEditor::sendForReview() {
    if (check_.hasErrors()) {
        refuse(
            text::tr("The draft has errors (see the findings): put them right before sending it "
                     "for review."));
        return;
    }
    auto summary =
        ask(text::tr("Send for review"), text::tr("What does this version change, and why?"));
    if (!summary)
        return;
    if (unsaved_ && !save())
        return;
    if (step([&] { changes_.sendForReview(moduleId_, *summary); }))
        say(text::tr("Sent for review. Another clinical lead can now publish it or return it."));
    showState();
}

void ModuleEditor::publish() {
    // An author publishing her own work (where the service allows it) must say why; anyone
    // else only confirms, having read what the version changes.
    const bool ownWork = changes_.wroteDraft(state_);
    const auto summary = reviewSummary();
    auto question = summary.empty()
                        ? std::string()
                        : text::fill(text::tr("What it changes: {1}"), {summary}).append("\n\n");
    question.append(ownWork ? text::tr("You wrote part of this version. Why is it published "
                                       "without another clinical lead's review?")
                            : text::tr("Publish this version? Sessions planned from now on use "
                                       "it. A note for the record (optional):"));
    auto reason = ask(text::tr("Publish"), question);
    if (!reason)
        return;
    if (!step([&] { changes_.publish(moduleId_, *reason); })) {
        showState();
        return;
    }
    const auto version = state_.published ? state_.published->text.version : 0;
    reloadFromStore();
    say(text::fill(text::tr("Version {1} published: sessions planned from now on use it."),
                   {std::to_string(version)}));
    if (published_)
        published_();
}

void ModuleEditor::returnToAuthor() {
    auto reason = ask(text::tr("Return to author"), text::tr("What should the author change?"));
    if (reason && step([&] { changes_.returnToAuthor(moduleId_, *reason); }))
        say(text::tr("Returned to its author."));
    showState();
}

void ModuleEditor::withdraw() {
    auto reason = ask(text::tr("Withdraw draft"), text::tr("Why is this draft withdrawn?"));
    if (!reason)
        return;
    if (step([&] { changes_.withdraw(moduleId_, *reason); })) {
        reloadFromStore();
        say(text::tr("Draft withdrawn."));
    }
    showState();
}

void ModuleEditor::reloadFromStore() {
    runGuarded([this](const Failure& failure) { refuse(failure.message); },
               [this] {
                   draft_ = curriculum::ModuleDraft(changes_.draftText(moduleId_));
                   state_ = changes_.moduleState(moduleId_);
               });
    unsaved_ = false;
    fillTree();
    selectNode(FieldAddress::ofModule(Field::module));  // the module selected, its form shown
    changed();
}

void ModuleEditor::compareWithPublished() {
    if (!state_.published)
        return;
    std::optional<curriculum::ModuleComparison> comparison;
    runGuarded(
        [this](const Failure& failure) { refuse(failure.message); },
        [&] {
            auto older =
                curriculum::loadModuleText(state_.published->text.xml, "published", &pictures_);
            auto newer = curriculum::loadModuleText(draft_.xml(), "draft", &pictures_);
            if (!older.module || !newer.module) {
                refuse(text::tr(
                    "The draft has errors, so it cannot be compared yet: put them right first."));
                return;
            }
            comparison = curriculum::compareModules(*older.module, *newer.module);
        });
    if (!comparison)
        return;
    if (comparison->same()) {
        say(text::tr("The draft is the same as the published version."));
        return;
    }
    if (showText_) {
        showText_(text::tr("Compare with published"), curriculum::describe(*comparison));
        return;
    }
    showComparison(this, text::tr("Compare with published"), *comparison);
}

void ModuleEditor::preview() {
    if (!showPreview_)
        return;
    runGuarded([this](const Failure& failure) { refuse(failure.message); },
               [&] {
                   auto loaded = curriculum::loadModuleText(draft_.xml(), "draft", &pictures_);
                   if (!loaded.ok()) {
                       refuse(text::tr(
                           "The draft has problems to put right before it can be shown as it "
                           "will print."));
                       return;
                   }
                   // The documents point into the module; the programme lives as long as they do.
                   auto programme = std::make_shared<curriculum::Programme>();
                   programme->modules.push_back(std::move(*loaded.module));
                   const auto& module = programme->modules.front();
                   std::string sessionId;
                   if (node_.session && *node_.session < module.sessions.size())
                       sessionId = std::string(module.sessions[*node_.session].id);
                   auto offers =
                       printing::curriculumDocuments(*programme, sessionId, std::string(module.id));
                   // The whole programme's pack is the published programme's, not this draft's.
                   std::erase_if(offers, [](const printing::PrintableDocument& offer) {
                       return offer.kind == "programme-carers-pack";
                   });
                   for (auto& offer : offers) {
                       offer.build = [programme, build = std::move(offer.build)](
                                         const printing::PrintPreferences& preferences) {
                           return build(preferences);
                       };
                   }
                   showPreview_(std::move(offers));
               });
}

void ModuleEditor::undo() {
    if (!canChange() || !draft_.canUndo())
        return;
    const auto what = draft_.undoDescription();
    draft_.undo();
    afterUndoOrRedo();
    say(text::fill(text::tr("Undone: {1}."), {what}));
}

void ModuleEditor::redo() {
    if (!canChange() || !draft_.canRedo())
        return;
    const auto what = draft_.redoDescription();
    draft_.redo();
    afterUndoOrRedo();
    say(text::fill(text::tr("Redone: {1}."), {what}));
}

bool ModuleEditor::restructure(const std::function<FieldAddress()>& edit) {
    if (!canChange())
        return false;
    FieldAddress select;
    if (!runGuarded([this](const Failure& failure) { refuse(failure.message); },
                    [&] { select = edit(); })) {
        return false;
    }
    unsaved_ = true;
    fillTree();
    if (!selectNode(select))
        selectNode(FieldAddress::ofModule(Field::module));
    changed();
    return true;
}

std::string ModuleEditor::itemTitle(const FieldAddress& whole) const {
    if (whole.field == Field::session)
        return text::fill(text::tr("the session \"{1}\""),
                          {draft_.text({Field::sessionTitle, whole.session, {}, {}})});
    if (whole.field == Field::activity) {
        return text::fill(text::tr("the activity \"{1}\""),
                          {draft_.text({Field::activityTitle, whole.session, whole.activity, {}})});
    }
    return text::tr("the module");
}

void ModuleEditor::afterUndoOrRedo() {
    unsaved_ = true;
    const auto node = node_;
    // The tree is built again only when sessions or activities came or went: its items (and
    // what is expanded) stay as they were after a change of text.
    if (!treeMatchesDraft()) {
        fillTree();
        if (!selectNode(node))
            selectNode(FieldAddress::ofModule(Field::module));
    }
    showNode(node_);  // the form shows the fields as they are now
    changed();
}

bool ModuleEditor::treeMatchesDraft() const {
    const auto root = tree_->GetRootItem();
    if (!root.IsOk() || tree_->GetChildrenCount(root, false) != draft_.sessionCount())
        return false;
    wxTreeItemIdValue cookie;
    std::size_t s = 0;
    for (auto session = tree_->GetFirstChild(root, cookie); session.IsOk();
         session = tree_->GetNextChild(root, cookie), ++s) {
        if (tree_->GetChildrenCount(session, false) != draft_.activityCount(s))
            return false;
    }
    return true;
}

void ModuleEditor::closeForLock() {
    if (unsaved_ && editable_)
        save();  // a failure is lost with the window: the database is locking
    Destroy();
}

}  // namespace roundtable::ui
