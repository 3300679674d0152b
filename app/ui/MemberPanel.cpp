// The member page: five sections in tabs, each a list and a small form. Handlers hand the
// typed values to practice::Practice and show its refusals at the field they name.
#include "ui/MemberPanel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>

#include "practice/Dates.h"
#include "practice/Wording.h"
#include "printing/PageDocuments.h"
#include "text/Translate.h"
#include "ui/FlowingRow.h"
#include "ui/Guarded.h"
#include "ui/ProgressPanel.h"
#include "ui/ReportDialog.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

constexpr std::array<records::ActionStatus, 3> kActionStatuses = {
    records::ActionStatus::open, records::ActionStatus::done, records::ActionStatus::notNeeded};
constexpr std::array<const char*, 3> kActionStatusLabels = {
    text::trLater("Still open"), text::trLater("Done"), text::trLater("Not needed")};

const char* actionStatusLabel(records::ActionStatus status) {
    for (std::size_t i = 0; i < kActionStatuses.size(); ++i) {
        if (kActionStatuses[i] == status)
            return text::tr(kActionStatusLabels[i]);
    }
    return "";
}

wxTextCtrl* textField(wxWindow* parent, const char* name, const char* hint, int width = 220,
                      long style = 0) {
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                 wxSize(width, style & wxTE_MULTILINE ? 70 : -1), style);
    field->SetName(name);
    // A hint in a field of several lines is drawn by wx as grey text that a draft put into it
    // then took on (it looked like a placeholder): those fields have a label, and the hint is
    // a tooltip.
    if (style & wxTE_MULTILINE)
        field->SetToolTip(toWx(hint));
    else
        field->SetHint(toWx(hint));
    return field;
}

/// Where the selected row of a list above is read in full (showRowsInFull).
wxTextCtrl* readingPane(wxWindow* parent, const char* name) {
    auto* pane = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                wxSize(-1, parent->GetCharHeight() * 4),
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    pane->SetName(name);
    return pane;
}

wxButton* button(wxWindow* parent, const char* label, const char* name) {
    auto* made = new wxButton(parent, wxID_ANY, toWx(label));
    made->SetName(name);
    return made;
}

wxStaticText* label(wxWindow* parent, const char* words) {
    return new wxStaticText(parent, wxID_ANY, toWx(words));
}

// The tabs, in order: their titles, and the names of their damage notices.
constexpr std::array<std::pair<const char*, const char*>, 6> kSections = {{
    {text::trLater("Details"), "details-damage"},
    {text::trLater("Sessions"), "history-damage"},
    {text::trLater("Concerns"), "concerns-damage"},
    {text::trLater("Outcome scores"), "scores-damage"},
    {text::trLater("Relapse-prevention plan"), "plan-damage"},
    {text::trLater("Progress"), "progress-damage"},
}};
// Last, so that the tabs before it keep their places (and their keyboard order).
constexpr int kProgressSection = 5;

long selectedRow(wxListCtrl* list) {
    return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

}  // namespace

MemberPanel::MemberPanel(wxWindow* parent) : wxPanel(parent) {
    // Ellipsized and as wide as the page: GTK measures a bold label on a page not yet shown in
    // the regular font, which cut the text short ("Open a member's record from").
    header_ = new wxStaticText(this, wxID_ANY, trWx("Open a member's record from the Group page."),
                               wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    header_->SetFont(header_->GetFont().Bold().Larger());
    header_->SetName("member-header");
    reportButton_ = button(this, text::tr("Progress &report..."), "open-report");
    reportButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openReport(); });
    memberDamage_ = new DamageNotice(this, "member-damage");
    sections_ = new wxNotebook(this, wxID_ANY);
    sections_->SetName("member-sections");
    for (auto* page : {buildDetailsPage(), buildHistoryPage(), buildConcernsPage(),
                       buildScoresPage(), buildPlanPage(), buildProgressPage()}) {
        const auto& [title, damageName] = kSections.at(sectionDamage_.size());
        // Each page's warning goes at its top, above what it explains.
        auto* notice = new DamageNotice(page, damageName);
        page->GetSizer()->Prepend(notice, wxSizerFlags().Expand().Border(wxALL, 8));
        sectionDamage_.push_back(notice);
        sections_->AddPage(page, trWx(title));
    }
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("member-message");
    // His progress is read (and its look audited) when the tab is opened, not with every change.
    sections_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        event.Skip();
        showProgressIfLooked();
    });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(header_, wxSizerFlags(1).CentreVertical());
    top->Add(reportButton_, wxSizerFlags().Border(wxLEFT, 8));
    sizer->Add(top, wxSizerFlags().Expand().Border(wxALL, 8));
    sizer->Add(memberDamage_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
    sizer->Add(sections_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizer(sizer);
    attach(nullptr);
}

void MemberPanel::showDateOrder() {
    // A date typed as YYYY-MM-DD is read whatever the order: the hints show the person's own.
    const auto pattern = practice::datePattern(practice_ ? practice_->dateOrder()
                                                         : practice::DateOrder::yearMonthDay);
    dateOfBirth_->SetHint(toWx(pattern));
    leftOn_->SetHint(toWx(text::fill(text::tr("Date he left, {1}"), {pattern})));
    actionDue_->SetHint(toWx(text::fill(text::tr("Due, {1}"), {pattern})));
    takenOn_->SetHint(toWx(text::fill(text::tr("Taken on, {1}"), {pattern})));
    if (practice_ && record_.details && record_.details->dateOfBirth) {
        dateOfBirth_->ChangeValue(
            toWx(practice::formatDate(*record_.details->dateOfBirth, practice_->dateOrder())));
    }
}

wxWindow* MemberPanel::buildDetailsPage() {
    auto* page = new wxPanel(sections_);
    dateOfBirth_ = textField(page, "date-of-birth", text::tr("YYYY-MM-DD"));
    localId_ = textField(page, "local-id", text::tr("e.g. the health or social care number"));
    residentialService_ = textField(page, "residential-service", text::tr("Where he lives"), 320);
    careManager_ = textField(page, "care-manager", text::tr("Name, and how to reach them"), 320);
    auto* saveButton = button(page, text::tr("&Save details"), "save-details");
    leavingStatus_ = new wxStaticText(page, wxID_ANY, wxEmptyString);
    leavingStatus_->SetName("leaving-status");
    leftOn_ = textField(page, "left-on", text::tr("Date he left, YYYY-MM-DD"));
    leavingReason_ = textField(page, "leaving-reason", text::tr("Why he left"), 320);
    leavingButton_ = button(page, text::tr("Record &leaving"), "record-leaving");

    auto* grid = new wxFlexGridSizer(2, wxSize(10, 6));
    for (auto [text, field] : std::initializer_list<std::pair<const char*, wxWindow*>>{
             {text::tr("Date of birth"), dateOfBirth_},
             {text::tr("Local identifier"), localId_},
             {text::tr("Residential service"), residentialService_},
             {text::tr("Care manager"), careManager_}}) {
        grid->Add(label(page, text), wxSizerFlags().CenterVertical());
        grid->Add(field);
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label(page, text::tr("Identifying details are encrypted and kept with their "
                                    "history: saving records new details, the earlier ones "
                                    "stay.")),
               wxSizerFlags().Border(wxALL, 8));
    sizer->Add(grid, wxSizerFlags().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(saveButton, wxSizerFlags().Border(wxALL, 8));
    sizer->Add(label(page, text::tr("Leaving the group")),
               wxSizerFlags().Border(wxLEFT | wxTOP, 8));
    sizer->Add(leavingStatus_, wxSizerFlags().Border(wxLEFT | wxTOP, 8));
    sizer->Add(flowingRow({leftOn_, leavingReason_, leavingButton_}),
               wxSizerFlags().Expand().Border(wxALL, 8));
    page->SetSizer(sizer);

    saveButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveDetails(); });
    leavingButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { recordLeaving(); });
    submitOnEnter({dateOfBirth_, localId_, residentialService_, careManager_}, saveButton);
    submitOnEnter({leftOn_, leavingReason_}, leavingButton_);
    return page;
}

wxWindow* MemberPanel::buildHistoryPage() {
    auto* page = new wxPanel(sections_);
    history_ = reportList(page, "member-history",
                          {{text::tr("Date"), 130},
                           {text::tr("Session"), 300},
                           {text::tr("Attendance"), 160},
                           {text::tr("Note"), 320}});
    auto* reading = readingPane(page, "member-history-reading");
    showRowsInFull(history_, reading);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(history_, wxSizerFlags(1).Expand().Border(wxALL, 8));
    sizer->Add(reading, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
    page->SetSizer(sizer);
    return page;
}

wxWindow* MemberPanel::buildConcernsPage() {
    // Scrolled: on a 1024x768 screen the forms wrap onto more lines than the page has room for,
    // and the lists keep a readable height rather than being squeezed away.
    auto* page = new wxScrolledWindow(sections_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                      wxVSCROLL | wxTAB_TRAVERSAL);
    page->SetScrollRate(0, FromDIP(12));
    concerns_ = reportList(
        page, "concerns",
        {{text::tr("Raised"), 130}, {text::tr("Concern"), 440}, {text::tr("Status"), 110}});
    // Several lines: what was said or seen is written in full, as it will be read.
    newConcern_ = textField(page, "concern", text::tr("What was said or seen, and when"), 500,
                            wxTE_MULTILINE | wxTE_WORDWRAP);
    auto* raise = button(page, text::tr("&Raise concern"), "raise-concern");
    actions_ = reportList(page, "concern-actions",
                          {{text::tr("What will be done"), 300},
                           {text::tr("Who"), 150},
                           {text::tr("Due"), 110},
                           {text::tr("Status"), 240}});
    actionText_ = textField(page, "action", text::tr("What will be done"), 260);
    actionOwner_ = textField(page, "action-owner", text::tr("Who will do it"), 160);
    actionDue_ = textField(page, "action-due", text::tr("Due, YYYY-MM-DD"), 130);
    auto* add = button(page, text::tr("Add &action"), "add-action");
    actionStatus_ = new wxChoice(page, wxID_ANY);
    actionStatus_->SetName("action-status");
    for (const char* status : kActionStatusLabels)
        actionStatus_->Append(trWx(status));
    actionStatus_->SetSelection(1);
    actionNote_ =
        textField(page, "action-note", text::tr("What was done, or why it is not needed"), 360);
    auto* update = button(page, text::tr("&Update action"), "update-action");
    // Closing a concern is a decision with an outcome: done actions never close it.
    concernOutcome_ =
        textField(page, "concern-outcome", text::tr("The outcome, or why it is opened again"), 500,
                  wxTE_MULTILINE | wxTE_WORDWRAP);
    closeConcern_ = button(page, text::tr("&Close concern"), "close-concern");

    // The selected concern read in full beside the list: the page has no height to spare.
    concernReading_ = readingPane(page, "concern-reading");
    // Four lines of each list at least; the list's own best width would leave the pane none.
    concerns_->SetMinSize(FromDIP(wxSize(300, 110)));
    concernReading_->SetMinSize(FromDIP(wxSize(200, 110)));
    actions_->SetMinSize(FromDIP(wxSize(300, 100)));
    auto* concernRow = new wxBoxSizer(wxHORIZONTAL);
    concernRow->Add(concerns_, wxSizerFlags(3).Expand().Border(wxRIGHT, 8));
    concernRow->Add(concernReading_, wxSizerFlags(2).Expand());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(concernRow, wxSizerFlags(1).Expand().Border(wxALL, 8));
    // A field of several lines shows no hint on GTK: its label says what to write.
    sizer->Add(label(page, text::tr("A new concern: what was said or seen, and when")),
               wxSizerFlags().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(flowingRow({newConcern_, raise}),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(label(page, text::tr("Actions on the selected concern")),
               wxSizerFlags().Border(wxLEFT | wxTOP, 8));
    sizer->Add(actions_, wxSizerFlags(1).Expand().Border(wxALL, 8));
    sizer->Add(flowingRow({actionText_, actionOwner_, actionDue_, add}),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
    sizer->Add(
        flowingRow({label(page, text::tr("Selected action:")), actionStatus_, actionNote_, update}),
        wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
    sizer->Add(label(page, text::tr("The selected concern's outcome, or why it is opened again")),
               wxSizerFlags().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(flowingRow({concernOutcome_, closeConcern_}),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
    page->SetSizer(sizer);

    raise->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { raiseConcern(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addAction(); });
    update->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { updateAction(); });
    submitOnEnter({actionText_, actionOwner_, actionDue_}, add);
    submitOnEnter({actionNote_}, update);
    closeConcern_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { closeOrReopenConcern(); });
    concerns_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showConcernActions(); });
    // Bound after: handlers bound last run first, and these let the others run.
    showRowsInFull(concerns_, concernReading_);
    showRowsInFull(actions_, nullptr);
    return page;
}

wxWindow* MemberPanel::buildScoresPage() {
    auto* page = new wxPanel(sections_);
    scores_ = reportList(page, "outcome-scores",
                         {{text::tr("Measure"), 260},
                          {text::tr("Time point"), 180},
                          {text::tr("Taken on"), 130},
                          {text::tr("Score"), 80}});
    measure_ = new wxChoice(page, wxID_ANY);
    measure_->SetName("measure");
    timePoint_ = new wxChoice(page, wxID_ANY);
    timePoint_->SetName("time-point");
    takenOn_ = textField(page, "taken-on", text::tr("Taken on, YYYY-MM-DD"), 150);
    score_ = textField(page, "score", text::tr("Score"), 80);
    auto* record = button(page, text::tr("&Record score"), "record-score");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(
        label(page, text::tr("Totals only: the questionnaires themselves stay with the service.")),
        wxSizerFlags().Border(wxALL, 8));
    sizer->Add(scores_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(flowingRow({measure_, timePoint_, takenOn_, score_, record}),
               wxSizerFlags().Expand().Border(wxALL, 8));
    page->SetSizer(sizer);

    measure_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fillTimePoints(); });
    record->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { recordScore(); });
    submitOnEnter({takenOn_, score_}, record);
    return page;
}

wxWindow* MemberPanel::buildPlanPage() {
    auto* page = new wxPanel(sections_);
    planVersion_ = new wxStaticText(page, wxID_ANY, wxEmptyString);
    planVersion_->SetName("plan-version");
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 6));
    grid->AddGrowableCol(1, 1);
    int index = 0;
    for (const auto& heading : practice::relapsePlanHeadings()) {
        auto* section =
            textField(page, "", text::tr("In his own words"), 480, wxTE_MULTILINE | wxTE_WORDWRAP);
        section->SetName(wxString::Format("plan-section-%d", index++));
        grid->Add(label(page, text::tr(heading.c_str())), wxSizerFlags().Top());
        grid->Add(section, wxSizerFlags().Expand());
        planSections_.push_back(section);
    }
    auto* save = button(page, text::tr("&Save as a new version"), "save-plan");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(planVersion_, wxSizerFlags().Border(wxALL, 8));
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(save, wxSizerFlags().Border(wxALL, 8));
    page->SetSizer(sizer);
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { savePlan(); });
    return page;
}

wxWindow* MemberPanel::buildProgressPage() {
    progress_ = new ProgressPanel(sections_);
    return progress_;
}

void MemberPanel::showProgressIfLooked() {
    if (practice_ && member_ != 0 && sections_->GetSelection() == kProgressSection &&
        !progress_->showsMember()) {
        progress_->showMember(*practice_, member_);
    }
}

void MemberPanel::clearFields() {
    for (auto* field :
         {dateOfBirth_, localId_, residentialService_, careManager_, leftOn_, leavingReason_,
          newConcern_, actionText_, actionOwner_, actionDue_, actionNote_, takenOn_, score_}) {
        field->Clear();
    }
    for (auto* section : planSections_)
        section->Clear();
    message_->SetLabel(wxEmptyString);
}

void MemberPanel::attach(practice::Practice* practice) {
    practice_ = practice;
    group_ = 0;
    member_ = 0;
    record_ = {};
    clearFields();  // on lock: nothing of his record stays in the window
    header_->SetLabel(trWx("Open a member's record from the Group page."));
    message_->SetLabel(wxEmptyString);
    measure_->Clear();
    showDateOrder();
    if (practice_) {
        for (const auto& measure : practice_->programme().measures)
            measure_->Append(toWx(std::string(measure.name)));
        measure_->SetSelection(0);
    }
    fillTimePoints();
    reload();
}

void MemberPanel::showMember(records::GroupId group, records::MemberId member) {
    group_ = group;
    member_ = member;
    record_ = practice_->openMemberRecord(member);  // audited as a view of his record
    clearFields();
    reload();
}

void MemberPanel::reload() {
    bool open = practice_ && member_ != 0;
    sections_->Enable(open);
    reportButton_->Enable(open);
    for (auto* list : {history_, concerns_, actions_, scores_})
        list->DeleteAllItems();
    progress_->clear();
    if (!open) {
        planVersion_->SetLabel(wxEmptyString);
        leavingStatus_->SetLabel(wxEmptyString);
        memberDamage_->show({});
        showDamage();
        return;
    }
    shown_ = {};
    for (const auto& candidate : practice_->membersOf(group_)) {
        if (candidate.id == member_)
            shown_ = candidate;
    }
    const auto& member = shown_;
    auto header = member.code + "   " + member.name + "   " +
                  text::fill(text::tr("(joined {1})"), {readableDate(member.joinedOn)});
    if (member.attendanceRequired)
        header.append("   ").append(text::tr("Attendance legally required"));
    header_->SetLabel(toWx(header));
    memberDamage_->show({member.damage});
    showDamage();

    if (record_.details) {
        localId_->ChangeValue(toWx(record_.details->localId));
        residentialService_->ChangeValue(toWx(record_.details->residentialService));
        careManager_->ChangeValue(toWx(record_.details->careManager));
    }
    showDateOrder();  // the date of birth, in the person's order
    bool left = member.leftOn.has_value();
    leavingStatus_->SetLabel(
        left ? toWx(text::fill(text::tr("Left on {1}: {2}"),
                               {readableDate(*member.leftOn), member.leavingReason}))
             : trWx("A member of this group."));
    for (wxWindow* control :
         {static_cast<wxWindow*>(leftOn_), static_cast<wxWindow*>(leavingReason_),
          static_cast<wxWindow*>(leavingButton_)}) {
        control->Enable(!left);
    }

    long rowIndex = 0;
    for (const auto& entry : record_.history) {
        long at = history_->InsertItem(rowIndex++, toWx(readableDate(entry.session.date)));
        history_->SetItem(at, 1, toWx(entry.session.title) + damagedMark({entry.session.damage}));
        history_->SetItem(at, 2,
                          entry.mark ? toWx(practice::markInWords(*entry.mark)) +
                                           damagedMark({entry.mark->damage})
                                     : trWx("not marked"));
        std::string note;
        if (entry.note) {
            // In full: the list shows what fits, the reading pane and tooltip the whole of it.
            note = text::fill(entry.note->state == records::NoteState::signedOff
                                  ? text::tr("signed: {1}")
                                  : text::tr("draft: {1}"),
                              {entry.note->content.text});
            std::replace(note.begin(), note.end(), '\n', ' ');
        }
        history_->SetItem(
            at, 3, toWx(note) + damagedMark({entry.note ? entry.note->damage : std::string()}));
    }

    rowIndex = 0;
    for (const auto& concern : record_.concerns) {
        long at = concerns_->InsertItem(rowIndex++,
                                        toWx(readableDate(practice::dateOf(concern.raisedAt))));
        concerns_->SetItem(at, 1, toWx(concern.description));
        concerns_->SetItem(at, 2,
                           (!concern.isOpen()        ? trWx("Closed: ") + toWx(*concern.closedWith)
                            : concern.readyToClose() ? trWx("Open: actions done")
                                                     : trWx("Open")) +
                               damagedMark({concern.damage}));
    }
    if (!record_.concerns.empty()) {
        concerns_->SetItemState(rowIndex - 1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    showConcernActions();

    rowIndex = 0;
    const auto& programme = practice_->programme();
    for (const auto& score : record_.scores) {
        std::string measureName = score.measureId, pointLabel = score.timePoint;
        for (const auto& measure : programme.measures) {
            if (measure.id == score.measureId)
                measureName = std::string(measure.name);
        }
        for (const auto& point : programme.timePoints) {
            if (point.id == score.timePoint)
                pointLabel = std::string(point.label);
        }
        long at = scores_->InsertItem(rowIndex++, toWx(measureName));
        scores_->SetItem(at, 1, toWx(pointLabel));
        scores_->SetItem(at, 2, toWx(readableDate(score.takenOn)));
        scores_->SetItem(at, 3,
                         wxString(std::to_string(score.score)) + damagedMark({score.damage}));
    }

    const auto& headings = practice::relapsePlanHeadings();
    for (std::size_t i = 0; i < headings.size(); ++i) {
        std::string body;
        if (record_.relapsePlan) {
            for (const auto& section : record_.relapsePlan->sections) {
                if (section.heading == headings[i])
                    body = section.body;
            }
        }
        planSections_[i]->ChangeValue(toWx(body));
    }
    planVersion_->SetLabel(
        record_.relapsePlan
            ? toWx(text::fill(
                  text::tr("Version {1}, saved by {2} on {3}. Saving makes a "
                           "new version; earlier versions are kept."),
                  {std::to_string(record_.relapsePlan->version), record_.relapsePlan->createdBy,
                   readableDate(practice::dateOf(record_.relapsePlan->createdAt))}))
            : trWx("No plan yet. Write it with him, in his own words."));
    showProgressIfLooked();
    Layout();
}

void MemberPanel::showDamage() {
    std::array<std::vector<std::string>, kSections.size()> damages;
    if (record_.details)
        damages[0].push_back(record_.details->damage);
    for (const auto& entry : record_.history) {
        damages[1].push_back(entry.session.damage);
        damages[1].push_back(entry.mark ? entry.mark->damage : std::string());
        damages[1].push_back(entry.note ? entry.note->damage : std::string());
    }
    for (const auto& concern : record_.concerns)
        damages[2].push_back(concern.damage);
    for (const auto& score : record_.scores)
        damages[3].push_back(score.damage);
    if (record_.relapsePlan)
        damages[4].push_back(record_.relapsePlan->damage);
    // His progress is made from his sessions and his scores.
    damages[kProgressSection] = damages[1];
    damages[kProgressSection].insert(damages[kProgressSection].end(), damages[3].begin(),
                                     damages[3].end());
    for (std::size_t i = 0; i < kSections.size(); ++i) {
        sectionDamage_[i]->show(damages[i]);
        sections_->SetPageText(i, trWx(kSections[i].first) + damagedMark(damages[i]));
    }
}

void MemberPanel::showConcernActions() {
    actions_->DeleteAllItems();
    long selected = selectedRow(concerns_);
    if (selected < 0 || selected >= static_cast<long>(record_.concerns.size()))
        return;
    // One button: what can be done with the selected concern.
    closeConcern_->SetLabel(record_.concerns[static_cast<std::size_t>(selected)].isOpen()
                                ? trWx("&Close concern")
                                : trWx("Open a&gain"));
    long rowIndex = 0;
    for (const auto& action : record_.concerns[static_cast<std::size_t>(selected)].actions) {
        long at = actions_->InsertItem(rowIndex++, toWx(action.action));
        actions_->SetItem(at, 1, toWx(action.owner));
        actions_->SetItem(at, 2, toWx(action.dueOn ? readableDate(*action.dueOn) : ""));
        actions_->SetItem(at, 3,
                          toWx(std::string(actionStatusLabel(action.status)) +
                               (action.statusNote.empty() ? "" : ": " + action.statusNote)));
    }
}

void MemberPanel::fillTimePoints() {
    timePoint_->Clear();
    if (!practice_)
        return;
    const auto& programme = practice_->programme();
    int selected = measure_->GetSelection();
    if (selected < 0 || selected >= static_cast<int>(programme.measures.size()))
        return;
    for (const auto& id : programme.measures[static_cast<std::size_t>(selected)].timePoints) {
        std::string text(id);
        for (const auto& point : programme.timePoints) {
            if (point.id == id)
                text = std::string(point.label);
        }
        timePoint_->Append(toWx(text));
    }
    timePoint_->SetSelection(0);
}

void MemberPanel::change(const std::function<void()>& action, const std::string& done) {
    // "plan" is the plan as a whole: point at its first section.
    auto atMemberField = atField(message_, [this](const std::string& field) -> wxWindow* {
        return field == "plan" ? planSections_.front() : fieldNamed(this, field);
    });
    runGuarded(atMemberField, [&] {
        action();
        record_ = practice_->openMemberRecord(member_);
        reload();
        showInfo(message_, done);
    });
}

void MemberPanel::saveDetails() {
    change(
        [this] {
            records::MemberDetails details;
            details.localId = fromWx(localId_->GetValue());
            details.residentialService = fromWx(residentialService_->GetValue());
            details.careManager = fromWx(careManager_->GetValue());
            practice_->recordMemberDetails(member_, fromWx(dateOfBirth_->GetValue()), details);
        },
        text::tr("Details saved. The earlier details are kept as history."));
}

void MemberPanel::recordLeaving() {
    change(
        [this] {
            practice_->recordLeaving(group_, member_, fromWx(leftOn_->GetValue()),
                                     fromWx(leavingReason_->GetValue()));
        },
        text::tr("Recorded that he left the group."));
}

void MemberPanel::raiseConcern() {
    change(
        [this] {
            practice_->raiseConcern(member_, std::nullopt, fromWx(newConcern_->GetValue()));
            newConcern_->Clear();
        },
        text::tr("Concern recorded. Add what will be done about it, and by whom."));
}

void MemberPanel::addAction() {
    long selected = selectedRow(concerns_);
    if (selected < 0 || selected >= static_cast<long>(record_.concerns.size())) {
        showRefused(concerns_, message_, text::tr("Choose the concern first."));
        return;
    }
    auto concern = record_.concerns[static_cast<std::size_t>(selected)].id;
    change(
        [&] {
            practice_->addConcernAction(concern, fromWx(actionText_->GetValue()),
                                        fromWx(actionOwner_->GetValue()),
                                        fromWx(actionDue_->GetValue()));
            for (auto* field : {actionText_, actionOwner_, actionDue_})
                field->Clear();
        },
        text::tr("Action added."));
}

void MemberPanel::updateAction() {
    long concern = selectedRow(concerns_);
    long action = selectedRow(actions_);
    if (concern < 0 || concern >= static_cast<long>(record_.concerns.size()) || action < 0) {
        showRefused(actions_, message_, text::tr("Choose the action first."));
        return;
    }
    const auto& actions = record_.concerns[static_cast<std::size_t>(concern)].actions;
    if (action >= static_cast<long>(actions.size()))
        return;
    auto id = actions[static_cast<std::size_t>(action)].id;
    auto status = kActionStatuses[static_cast<std::size_t>(actionStatus_->GetSelection())];
    change(
        [&] {
            practice_->updateConcernAction(id, status, fromWx(actionNote_->GetValue()));
            actionNote_->Clear();
        },
        text::tr("Action updated."));
}

void MemberPanel::closeOrReopenConcern() {
    long selected = selectedRow(concerns_);
    if (selected < 0 || selected >= static_cast<long>(record_.concerns.size())) {
        showRefused(concerns_, message_, text::tr("Choose the concern first."));
        return;
    }
    const auto& concern = record_.concerns[static_cast<std::size_t>(selected)];
    const bool close = concern.isOpen();
    const auto id = concern.id;
    change(
        [&] {
            auto typed = fromWx(concernOutcome_->GetValue());
            if (close) {
                practice_->closeConcern(id, typed);
            } else {
                practice_->reopenConcern(id, typed);
            }
            concernOutcome_->Clear();
        },
        close ? text::tr("Concern closed, with its outcome.") : text::tr("Concern opened again."));
}

void MemberPanel::recordScore() {
    const auto& programme = practice_->programme();
    int measureIndex = measure_->GetSelection();
    int pointIndex = timePoint_->GetSelection();
    if (measureIndex < 0 || pointIndex < 0)
        return;
    const auto& measure = programme.measures[static_cast<std::size_t>(measureIndex)];
    std::string timePoint(measure.timePoints[static_cast<std::size_t>(pointIndex)]);
    long score = 0;
    if (!score_->GetValue().ToLong(&score)) {
        showRefused(score_, message_, text::tr("The score must be a whole number."));
        return;
    }
    change(
        [&] {
            practice_->recordOutcomeScore(member_, std::string(measure.id), timePoint,
                                          fromWx(takenOn_->GetValue()), static_cast<int>(score));
            takenOn_->Clear();
            score_->Clear();
        },
        text::tr("Score recorded."));
}

void MemberPanel::savePlan() {
    change(
        [this] {
            std::vector<records::PlanSection> sections;
            const auto& headings = practice::relapsePlanHeadings();
            for (std::size_t i = 0; i < headings.size(); ++i)
                sections.push_back({headings[i], fromWx(planSections_[i]->GetValue())});
            practice_->saveRelapsePlan(member_, sections);
        },
        text::tr("Plan saved as a new version."));
}

std::vector<printing::PrintableDocument> MemberPanel::printables() const {
    if (!practice_ || member_ == 0)
        return {};
    return printing::memberDocuments(*practice_, shown_, record_.relapsePlan.has_value());
}

void MemberPanel::openReport() {
    if (!practice_ || member_ == 0 || !showPreview_)
        return;
    ReportDialog dialog(this, *practice_, shown_.code);
    if (dialog.ShowModal() == wxID_OK) {
        showPreview_(printing::memberDocuments(*practice_, shown_, record_.relapsePlan.has_value(),
                                               dialog.choices()));
    }
}

}  // namespace roundtable::ui
