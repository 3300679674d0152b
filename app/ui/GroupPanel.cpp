// Group page handlers: each reads its fields, calls one use case and shows the result.
#include "ui/GroupPanel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <optional>

#include "practice/Wording.h"
#include "printing/PageDocuments.h"
#include "text/Translate.h"
#include "ui/CatchUpDialog.h"
#include "ui/FlowingRow.h"
#include "ui/GroupOutcomesDialog.h"
#include "ui/RegisterGridDialog.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

// In the order of GroupSchedule::weekday (1 Monday ... 7 Sunday; 0 no fixed day).
constexpr const char* kWeekdays[] = {text::trLater("No fixed day"), text::trLater("Monday"),
                                     text::trLater("Tuesday"),      text::trLater("Wednesday"),
                                     text::trLater("Thursday"),     text::trLater("Friday"),
                                     text::trLater("Saturday"),     text::trLater("Sunday")};
// "on Tuesdays": a day's plural is not the day's name plus "s" in every language.
constexpr const char* kOnWeekdays[] = {"",
                                       text::trLater("on Mondays"),
                                       text::trLater("on Tuesdays"),
                                       text::trLater("on Wednesdays"),
                                       text::trLater("on Thursdays"),
                                       text::trLater("on Fridays"),
                                       text::trLater("on Saturdays"),
                                       text::trLater("on Sundays")};

/// "Meets on Tuesdays at 10:30, 120 minutes"; "" when nothing is set.
std::string scheduleText(const records::GroupSchedule& schedule) {
    std::string when;
    if (schedule.weekday >= 1 && schedule.weekday <= 7)
        when.append(" ").append(text::tr(kOnWeekdays[schedule.weekday]));
    if (!schedule.startsAt.empty())
        when.append(" ").append(text::fill(text::tr("at {1}"), {schedule.startsAt}));
    if (schedule.sessionMinutes > 0) {
        when.append(", ").append(
            text::fill(text::tr("{1} minutes"), {std::to_string(schedule.sessionMinutes)}));
    }
    return when.empty() ? when : std::string(text::tr("Meets")).append(when);
}

}  // namespace

GroupPanel::GroupPanel(wxWindow* parent, Callbacks callbacks)
    : wxPanel(parent), callbacks_(std::move(callbacks)) {
    groupChoice_ = new wxChoice(this, wxID_ANY);
    groupChoice_->SetName("group-choice");
    newGroupName_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                   wxSize(190, -1), wxTE_PROCESS_ENTER);
    newGroupName_->SetName("new-group-name");
    newGroupName_->SetHint(trWx("Name of a new group"));
    newGroupKind_ = new wxChoice(this, wxID_ANY);
    newGroupKind_->SetName("new-group-kind");
    for (const char* kind :
         {text::tr("Treatment group"), text::tr("Maintenance group"), text::tr("Carers' group")})
        newGroupKind_->Append(toWx(kind));
    newGroupKind_->SetSelection(0);
    newGroupKind_->SetToolTip(
        trWx("A carers' group is linked to the treatment group selected when it is created."));
    createGroupButton_ = new wxButton(this, wxID_ANY, trWx("Create &group"));
    createGroupButton_->SetName("create-group");
    // Named as practice::Practice names the fields, so a refusal finds its field.
    newGroupWeekday_ = new wxChoice(this, wxID_ANY);
    newGroupWeekday_->SetName("weekday");
    for (const char* day : kWeekdays)
        newGroupWeekday_->Append(trWx(day));
    newGroupWeekday_->SetSelection(0);
    newGroupStartsAt_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                       wxSize(80, -1), wxTE_PROCESS_ENTER);
    newGroupStartsAt_->SetName("starts-at");
    newGroupStartsAt_->SetHint("10:30");
    newGroupMinutes_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                      wxSize(70, -1), wxTE_PROCESS_ENTER);
    newGroupMinutes_->SetName("session-minutes");
    newGroupMinutes_->SetHint("120");
    schedule_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    schedule_->SetName("group-schedule");
    groupDamage_ = new DamageNotice(this, "group-damage");

    members_ = new wxListBox(this, wxID_ANY);
    members_->SetName("members");
    newMemberName_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                    wxSize(200, -1), wxTE_PROCESS_ENTER);
    newMemberName_->SetName("new-member-name");
    newMemberName_->SetHint(trWx("Full name of a new member"));
    newMemberRequired_ = new wxCheckBox(this, wxID_ANY, trWx("Attendance legally required"));
    newMemberRequired_->SetName("new-member-required");
    addMemberButton_ = new wxButton(this, wxID_ANY, trWx("&Add member"));
    addMemberButton_->SetName("add-member");
    openMemberButton_ = new wxButton(this, wxID_ANY, trWx("Member's &record"));
    openMemberButton_->SetName("open-member");

    sessions_list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxLC_REPORT | wxLC_SINGLE_SEL);
    sessions_list_->SetName("sessions");
    sessions_list_->AppendColumn(trWx("Date"), wxLIST_FORMAT_LEFT, 125);
    sessions_list_->AppendColumn(trWx("Session"), wxLIST_FORMAT_LEFT, 270);
    sessions_list_->AppendColumn(trWx("Module"), wxLIST_FORMAT_LEFT, 130);
    sessions_list_->AppendColumn(trWx("Status"), wxLIST_FORMAT_LEFT, 130);
    sessionDate_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
    sessionDate_->SetName("session-date");
    sessionDateWords_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    sessionDateWords_->SetName("session-date-words");
    planButton_ = new wxButton(this, wxID_ANY, trWx("&Plan selected session"));
    planButton_->SetName("plan-session");
    openButton_ = new wxButton(this, wxID_ANY, trWx("&Open register"));
    openButton_->SetName("open-session");
    yearButton_ = new wxButton(this, wxID_ANY, trWx("&Year at a glance..."));
    yearButton_->SetName("open-register-grid");
    yearButton_->SetToolTip(
        trWx("Every member's mark at every session of the year, with the "
             "attendance rates"));
    catchUpButton_ = new wxButton(this, wxID_ANY, trWx("&Catch-ups..."));
    catchUpButton_->SetName("open-catch-ups");
    catchUpButton_->SetToolTip(
        trWx("Who has not had which session, and planning a catch-up with him"));
    outcomesButton_ = new wxButton(this, wxID_ANY, trWx("O&utcomes..."));
    outcomesButton_->SetName("open-group-outcomes");
    outcomesButton_->SetToolTip(
        trWx("The group's outcome measures at each time point, and its session ratings"));
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("group-message");
    staysOnVersions_ = new wxCheckBox(this, wxID_ANY, trWx("Stay on the versions it began with"));
    staysOnVersions_->SetName("stays-on-versions");
    staysOnVersions_->SetToolTip(
        trWx("When a clinical lead publishes a new version of a module, this group goes on "
             "planning from the version its first session of that module came from."));
    staysOnVersions_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        runGuarded(failure_, [this] {
            practice_->setStaysOnModuleVersions(currentGroup(), staysOnVersions_->GetValue());
        });
    });

    auto* groupRow = new wxBoxSizer(wxHORIZONTAL);
    groupRow->Add(new wxStaticText(this, wxID_ANY, trWx("Group:")),
                  wxSizerFlags().CenterVertical());
    groupRow->Add(groupChoice_, wxSizerFlags(1).Border(wxLEFT | wxRIGHT, 6));
    groupRow->Add(schedule_, wxSizerFlags(1).CenterVertical());
    // A new group: its name and kind, when it usually meets (the defaults for planning).
    auto label = [&](const char* words) { return new wxStaticText(this, wxID_ANY, toWx(words)); };
    auto* newGroupRow =
        flowingRow({newGroupName_, newGroupKind_, label(text::tr("meets")), newGroupWeekday_,
                    label(text::tr("at")), newGroupStartsAt_, label(text::tr("for")),
                    newGroupMinutes_, label(text::tr("minutes")), createGroupButton_});

    auto* memberColumn = new wxBoxSizer(wxVERTICAL);
    memberColumn->Add(heading(this, trWx("Members")), wxSizerFlags().Expand().Border(wxBOTTOM, 4));
    memberColumn->Add(members_, wxSizerFlags(1).Expand());
    auto* memberRow = new wxBoxSizer(wxHORIZONTAL);
    memberRow->Add(newMemberName_, wxSizerFlags(1).Border(wxRIGHT, 6));
    memberRow->Add(addMemberButton_);
    memberColumn->Add(memberRow, wxSizerFlags().Expand().Border(wxTOP, 6));
    memberColumn->Add(newMemberRequired_, wxSizerFlags().Border(wxTOP, 4));
    memberColumn->Add(openMemberButton_, wxSizerFlags().Border(wxTOP, 6));

    auto* sessionColumn = new wxBoxSizer(wxVERTICAL);
    sessionColumn->Add(heading(this, trWx("Sessions")),
                       wxSizerFlags().Expand().Border(wxBOTTOM, 4));
    sessionColumn->Add(sessions_list_, wxSizerFlags(1).Expand());
    auto* planRow =
        flowingRow({label(text::tr("On:")), sessionDate_, sessionDateWords_, planButton_,
                    openButton_, yearButton_, catchUpButton_, outcomesButton_});
    sessionColumn->Add(planRow, wxSizerFlags().Expand().Border(wxTOP, 6));
    sessionColumn->Add(staysOnVersions_, wxSizerFlags().Border(wxTOP, 4));

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(memberColumn, wxSizerFlags(1).Expand().Border(wxRIGHT, 12));
    columns->Add(sessionColumn, wxSizerFlags(3).Expand());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(groupRow, wxSizerFlags().Expand().Border(wxALL, 8));
    sizer->Add(groupDamage_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
    sizer->Add(newGroupRow, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
    sizer->Add(columns, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizer(sizer);

    // Tab follows the layout: the button ends the new group's row.
    createGroupButton_->MoveAfterInTabOrder(newGroupMinutes_);
    failure_ = atNamedField(this, message_);
    groupChoice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        runGuarded(failure_, [this] { showMembersAndSessions(); });
    });
    createGroupButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { createGroup(); });
    for (auto* field : {newGroupName_, newGroupStartsAt_, newGroupMinutes_})
        field->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { createGroup(); });
    addMemberButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addMember(); });
    newMemberName_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { addMember(); });
    planButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { planSession(); });
    sessionDate_->Bind(wxEVT_DATE_CHANGED,
                       [this](wxDateEvent& event) { setSessionDate(event.GetDate()); });
    openMemberButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openSelectedMember(); });
    members_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { openSelectedMember(); });
    members_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { enableControls(); });
    openButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openSelectedSession(); });
    yearButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showYear(); });
    catchUpButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showCatchUps(); });
    outcomesButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showOutcomes(); });
    sessions_list_->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                         [this](wxListEvent&) { openSelectedSession(); });
    enableControls();
}

void GroupPanel::attach(practice::Practice* practice) {
    practice_ = practice;
    // Nothing typed stays when the database is locked or changed (a new member's name is
    // a record about him).
    for (auto* field : {newGroupName_, newGroupStartsAt_, newGroupMinutes_, newMemberName_})
        field->Clear();
    newGroupWeekday_->SetSelection(0);
    newMemberRequired_->SetValue(false);
    reload();
}

records::GroupId GroupPanel::currentGroup() const {
    int index = groupChoice_->GetSelection();
    return index == wxNOT_FOUND ? records::GroupId()
                                : groups_.at(static_cast<std::size_t>(index)).id;
}

void GroupPanel::reload() {
    auto keep = currentGroup();
    groups_ = practice_ ? practice_->groups() : std::vector<records::Group>{};
    groupChoice_->Clear();
    int select = groups_.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < groups_.size(); ++i) {
        std::string linkedTo;
        for (const auto& other : groups_) {
            if (groups_[i].linkedGroup == other.id)
                linkedTo = text::fill(text::tr(", for {1}"), {other.name});
        }
        groupChoice_->Append(
            toWx(groups_[i].name + "  (" + records::toText(groups_[i].kind) + linkedTo + ")") +
            damagedMark({groups_[i].damage}));
        if (groups_[i].id == keep)
            select = static_cast<int>(i);
    }
    groupChoice_->SetSelection(select);
    showMembersAndSessions();
}

void GroupPanel::previewFirst(const std::string& kind) {
    auto offers = printables();
    std::stable_partition(offers.begin(), offers.end(),
                          [&](const auto& offer) { return offer.kind == kind; });
    callbacks_.preview(std::move(offers));
}

std::vector<printing::PrintableDocument> GroupPanel::printables() const {
    const auto* group = selectedGroup();
    if (!practice_ || !group)
        return {};
    return printing::groupDocuments(*practice_, *group);
}

const records::Group* GroupPanel::selectedGroup() const {
    int index = groupChoice_->GetSelection();
    return index == wxNOT_FOUND ? nullptr : &groups_.at(static_cast<std::size_t>(index));
}

void GroupPanel::setSessionDate(const wxDateTime& date) {
    if (sessionDate_->GetValue() != date)
        sessionDate_->SetValue(date);
    sessionDateWords_->SetLabel(toWx(readableDate(pickedDate(date))));
    Layout();
}

void GroupPanel::showMembersAndSessions() {
    members_->Clear();
    sessions_list_->DeleteAllItems();
    sessions_.clear();
    memberList_.clear();
    const auto* selected = selectedGroup();
    schedule_->SetLabel(selected ? toWx(scheduleText(selected->schedule)) : wxString());
    groupDamage_->show({selected ? selected->damage : std::string()});
    if (selected) {
        // Offer the group's next meeting day for planning.
        setSessionDate(
            toWx(practice::Practice::nextMeetingDay(*selected, pickedDate(wxDateTime::Today()))));
    }
    if (auto group = currentGroup(); practice_ && group) {
        memberList_ = practice_->membersOf(group);
        for (const auto& member : memberList_) {
            members_->Append(
                toWx(member.code + "   " + member.name +
                     (member.leftOn ? std::string("   ").append(text::tr("(left)")) : "")) +
                damagedMark({member.damage}));
        }
        staysOnVersions_->SetValue(practice_->staysOnModuleVersions(group));
        showSessions();
    }
    enableControls();
}

void GroupPanel::showSessions() {
    sessions_list_->DeleteAllItems();
    sessions_ = practice_->sessionsOf(currentGroup());
    for (std::size_t i = 0; i < sessions_.size(); ++i) {
        const auto& session = sessions_[i];
        long row =
            sessions_list_->InsertItem(static_cast<long>(i), toWx(readableDate(session.date)));
        sessions_list_->SetItem(row, 1, toWx(titleInList(session)));
        sessions_list_->SetItem(
            row, 2,
            toWx(session.stamp.moduleId + " v" + std::to_string(session.stamp.moduleVersion)));
        sessions_list_->SetItem(
            row, 3,
            toWx(practice::sessionStatusInWords(session.status)) + damagedMark({session.damage}));
    }
}

void GroupPanel::refreshSessions() {
    if (!practice_ || !currentGroup())
        return;
    // What was recorded on the session page meanwhile, keeping the session selected.
    const long selected = sessions_list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    runGuarded(failure_, [this] { showSessions(); });
    if (selected >= 0 && selected < sessions_list_->GetItemCount()) {
        sessions_list_->SetItemState(selected, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                     wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
    enableControls();
}

void GroupPanel::enableControls() {
    bool open = practice_ != nullptr;
    bool group = open && currentGroup() != 0;
    groupChoice_->Enable(open);
    newGroupName_->Enable(open);
    newGroupKind_->Enable(open);
    newGroupWeekday_->Enable(open);
    newGroupStartsAt_->Enable(open);
    newGroupMinutes_->Enable(open);
    createGroupButton_->Enable(open);
    newMemberName_->Enable(group);
    newMemberRequired_->Enable(group);
    addMemberButton_->Enable(group);
    sessionDate_->Enable(group);
    planButton_->Enable(group);
    staysOnVersions_->Enable(group);
    openButton_->Enable(group && !sessions_.empty());
    yearButton_->Enable(group && !sessions_.empty());
    catchUpButton_->Enable(group && !sessions_.empty());
    outcomesButton_->Enable(group);
    openMemberButton_->Enable(group && members_->GetSelection() != wxNOT_FOUND);
}

void GroupPanel::createGroup() {
    for (wxWindow* field : std::initializer_list<wxWindow*>{newGroupName_, newGroupWeekday_,
                                                            newGroupStartsAt_, newGroupMinutes_})
        clearRefused(field, message_);
    // A refused value with no control of its own is shown at the group's name.
    auto atGroupField = atField(message_, [this](const std::string& field) {
        auto* control = fieldNamed(this, field);
        return control ? control : static_cast<wxWindow*>(newGroupName_);
    });
    runGuarded(atGroupField, [&] {
        constexpr records::GroupKind kKinds[] = {records::GroupKind::treatment,
                                                 records::GroupKind::maintenance,
                                                 records::GroupKind::carers};
        auto kind = kKinds[std::max(0, newGroupKind_->GetSelection())];
        // A carers' group supports the men of the treatment group selected now, if any.
        std::optional<records::GroupId> linked;
        std::string linkedName;
        for (const auto& group : groups_) {
            if (kind == records::GroupKind::carers && group.id == currentGroup() &&
                group.kind == records::GroupKind::treatment) {
                linked = group.id;
                linkedName = group.name;
            }
        }
        records::GroupSchedule schedule;
        schedule.weekday = std::max(0, newGroupWeekday_->GetSelection());
        schedule.startsAt = fromWx(newGroupStartsAt_->GetValue().Strip(wxString::both));
        auto minutesText = newGroupMinutes_->GetValue().Strip(wxString::both);
        long minutes = 0;
        if (!minutesText.empty() && !minutesText.ToLong(&minutes)) {
            showRefused(
                newGroupMinutes_, message_,
                text::tr(
                    "The length of a session must be a whole number of minutes, such as 120."));
            return;
        }
        schedule.sessionMinutes = static_cast<int>(minutes);
        auto id = practice_->createGroup(fromWx(newGroupName_->GetValue()), kind, schedule, linked);
        newGroupName_->Clear();
        newGroupWeekday_->SetSelection(0);
        newGroupStartsAt_->Clear();
        newGroupMinutes_->Clear();
        groups_ = practice_->groups();
        reload();
        for (std::size_t i = 0; i < groups_.size(); ++i) {
            if (groups_[i].id == id)
                groupChoice_->SetSelection(static_cast<int>(i));
        }
        showMembersAndSessions();
        showInfo(message_,
                 linked ? text::fill(text::tr("Carers' group created, linked to {1}. Add its "
                                              "members next."),
                                     {linkedName})
                        : std::string(text::tr("Group created. Add its members next.")));
        newMemberName_->SetFocus();
    });
}

void GroupPanel::addMember() {
    clearRefused(newMemberName_, message_);
    auto atName = atField(message_, [this](const std::string&) { return newMemberName_; });
    runGuarded(atName, [&] {
        practice_->addMember(currentGroup(), fromWx(newMemberName_->GetValue()),
                             pickedDate(wxDateTime::Today()).iso(), newMemberRequired_->GetValue());
        newMemberName_->Clear();
        newMemberRequired_->SetValue(false);
        showMembersAndSessions();
        newMemberName_->SetFocus();
    });
}

void GroupPanel::planSession() {
    clearRefused(nullptr, message_);
    const auto day = pickedDate(sessionDate_->GetValue()).iso();
    runGuarded(failure_, [&] {
        const auto curriculumSession = callbacks_.selectedCurriculumSession();
        if (!askFirst_.goesOn(practice_->questionBeforePlanning(currentGroup(), day),
                              std::to_string(currentGroup()) + day + curriculumSession, message_,
                              text::tr("Press Plan selected session again to plan it.")))
            return;
        auto id = practice_->planSession(currentGroup(), curriculumSession, day);
        showMembersAndSessions();
        for (std::size_t i = 0; i < sessions_.size(); ++i) {
            if (sessions_[i].id == id) {
                sessions_list_->SetItemState(static_cast<long>(i),
                                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            }
        }
        showInfo(message_, text::tr("Session planned. Open it to take the register."));
    });
}

void GroupPanel::openSelectedSession() {
    long row = sessions_list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(sessions_.size())) {
        showRefused(sessions_list_, message_, text::tr("Choose a session in the list first."));
        return;
    }
    auto session = sessions_[static_cast<std::size_t>(row)].id;
    runGuarded(failure_, [&] { callbacks_.openSession(session); });
}

void GroupPanel::showYear() {
    runGuarded(failure_, [&] {
        RegisterGridDialog dialog(this, *practice_, practice_->groupYear(currentGroup()));
        const int ended = dialog.ShowModal();
        if (ended == wxID_PREVIEW)
            previewFirst("register");
        else if (ended == wxID_OK && dialog.chosen())
            callbacks_.openSessionOn(dialog.chosen()->first, dialog.chosen()->second);
    });
}

std::string GroupPanel::titleInList(const records::Session& session) const {
    if (!session.isCatchUp())
        return session.title;
    std::string codes;
    for (auto id : session.catchUpFor) {
        for (const auto& member : memberList_) {
            if (member.id == id)
                codes += (codes.empty() ? "" : ", ") + member.code;
        }
    }
    return text::fill(text::tr("Catch-up for {1}: {2}"), {codes, session.title});
}

void GroupPanel::showCatchUps() {
    runGuarded(failure_, [&] {
        CatchUpDialog dialog(this, *practice_, currentGroup());
        const bool opened = dialog.ShowModal() == wxID_OK && dialog.chosen();
        showMembersAndSessions();  // catch-ups planned there are sessions of the group
        if (opened)
            callbacks_.openSessionOn(dialog.chosen()->first, dialog.chosen()->second);
    });
}

void GroupPanel::showOutcomes() {
    runGuarded(failure_, [&] {
        GroupOutcomesDialog dialog(this, *practice_,
                                   practice_->groupOutcomeSummary(currentGroup()));
        if (dialog.ShowModal() == wxID_PREVIEW)
            previewFirst("group-outcomes");
    });
}

void GroupPanel::openSelectedMember() {
    int selected = members_->GetSelection();
    if (selected == wxNOT_FOUND || selected >= static_cast<int>(memberList_.size()))
        return;
    auto member = memberList_[static_cast<std::size_t>(selected)].id;
    runGuarded(failure_, [&] { callbacks_.openMember(currentGroup(), member); });
}

}  // namespace roundtable::ui
