// The lists are refilled from the records after every catch-up planned, so what they show is
// what the catch-up list says (nothing is worked out here).
#include "ui/CatchUpDialog.h"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "practice/RecordsToPrint.h"
#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

std::string joined(const std::vector<std::string>& words) {
    std::string result;
    for (const auto& word : words)
        result += (result.empty() ? "" : ", ") + word;
    return result;
}

long selectedRow(wxListCtrl* list) {
    return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

}  // namespace

CatchUpDialog::CatchUpDialog(wxWindow* parent, practice::Practice& practice, records::GroupId group)
    : wxDialog(parent, wxID_ANY, trWx("Catch-ups"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      practice_(practice),
      group_(group) {
    SetName("catch-up-dialog");
    views_ = new wxNotebook(this, wxID_ANY);
    views_->SetName("catch-up-views");
    byMember_ = reportList(views_, "catch-ups-by-member",
                           {{text::tr("Member"), 90},
                            {text::tr("Session"), 300},
                            {text::tr("Missed"), 130},
                            {text::tr("Why"), 120},
                            {text::tr("Catch-up"), 300}});
    bySession_ = reportList(
        views_, "catch-ups-by-session",
        {{text::tr("Session"), 340}, {text::tr("First held"), 130}, {text::tr("Not had by"), 420}});
    views_->AddPage(byMember_, trWx("By member"));
    views_->AddPage(bySession_, trWx("By session"));

    date_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
    date_->SetName("catch-up-date");
    planButton_ = new wxButton(this, wxID_ANY, trWx("&Plan a catch-up for this line"));
    planButton_->SetName("plan-catch-up");
    planButton_->SetToolTip(
        trWx("By member: a catch-up for him. By session: one for everyone who has not had it."));
    openButton_ = new wxButton(this, wxID_ANY, trWx("&Open its catch-up"));
    openButton_->SetName("open-catch-up");
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("catch-up-message");

    auto* planRow = new wxBoxSizer(wxHORIZONTAL);
    planRow->Add(new wxStaticText(this, wxID_ANY, trWx("Catch-up on:")),
                 wxSizerFlags().CenterVertical().Border(wxRIGHT, 6));
    planRow->Add(date_, wxSizerFlags().CenterVertical().Border(wxRIGHT, 6));
    planRow->Add(planButton_, wxSizerFlags().Border(wxRIGHT, 6));
    planRow->Add(openButton_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        trWx("Sessions the group has had that a member has not: he was absent, left early before "
             "the service's share of it, or had not joined. A catch-up he attends takes the "
             "session off his list."));
    sizer->Add(intro, wxSizerFlags().Expand().Border(wxALL, 12));
    sizer->Add(views_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 12));
    sizer->Add(planRow, wxSizerFlags().Expand().Border(wxALL, 12));
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 12));
    sizer->Add(CreateStdDialogButtonSizer(wxCLOSE), wxSizerFlags().Expand().Border(wxALL, 12));
    SetSizer(sizer);
    // Up to what the lists need.
    sizeToMainWindow(this, 0.95, 0.85, wxSize(980, 560));
    intro->Wrap(GetClientSize().x - FromDIP(24));
    Layout();

    planButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { planCatchUp(); });
    openButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openCatchUp(); });
    for (auto* list : {byMember_, bySession_}) {
        list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { enableButtons(); });
        list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { enableButtons(); });
        list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
            const auto* line = selectedLine();
            if (line && line->catchUp)
                openCatchUp();
            else
                planCatchUp();
        });
    }
    views_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent&) { enableButtons(); });
    SetEscapeId(wxID_CLOSE);
    refresh();
}

void CatchUpDialog::refresh() {
    const auto dates = practice_.dateOrder();
    const auto list = practice_.catchUps(group_);
    byMember_->DeleteAllItems();
    byMemberLines_.clear();
    auto addRow = [&](const std::vector<std::string>& cells, Line line) {
        long row = byMember_->InsertItem(byMember_->GetItemCount(), toWx(cells[0]));
        for (std::size_t c = 1; c < cells.size(); ++c)
            byMember_->SetItem(row, static_cast<int>(c), toWx(cells[c]));
        byMemberLines_.push_back(std::move(line));
    };
    for (const auto& member : list) {
        for (const auto& miss : member.missed) {
            std::string catchUp = "-";
            if (miss.plannedCatchUp) {
                catchUp = text::fill(text::tr("planned for {1}"),
                                     {practice::formatDate(miss.plannedCatchUp->date, dates)});
            }
            addRow({member.member.code, miss.title, practice::formatDate(miss.deliveredOn, dates),
                    practice::missReasonInWords(miss.reason), catchUp},
                   {miss.curriculumSessionId,
                    {member.member},
                    miss.plannedCatchUp ? std::optional(miss.plannedCatchUp->id) : std::nullopt});
        }
        for (const auto& caught : member.caughtUp) {
            addRow({member.member.code, caught.title, "", text::tr("caught up"),
                    caught.by.empty()
                        ? text::fill(text::tr("held {1}"), {practice::formatDate(caught.on, dates)})
                        : text::fill(text::tr("held {1}, run by {2}"),
                                     {practice::formatDate(caught.on, dates), joined(caught.by)})},
                   {caught.curriculumSessionId, {member.member}, caught.catchUp, true});
        }
    }
    bySession_->DeleteAllItems();
    bySessionLines_.clear();
    for (const auto& gap : practice::gapsBySession(list)) {
        std::vector<std::string> codes;
        for (const auto& member : gap.notHad)
            codes.push_back(member.code);
        long row = bySession_->InsertItem(bySession_->GetItemCount(), toWx(gap.title));
        bySession_->SetItem(row, 1, toWx(practice::formatDate(gap.firstDelivered, dates)));
        bySession_->SetItem(row, 2, toWx(joined(codes)));
        bySessionLines_.push_back({gap.curriculumSessionId, gap.notHad, std::nullopt});
    }
    if (list.empty() || (byMemberLines_.empty() && bySessionLines_.empty()))
        showInfo(message_, text::tr("Every member has had every session the group has had."));
    enableButtons();
}

const CatchUpDialog::Line* CatchUpDialog::selectedLine() const {
    const bool byMember = views_->GetSelection() == 0;
    const auto& lines = byMember ? byMemberLines_ : bySessionLines_;
    long row = selectedRow(byMember ? byMember_ : bySession_);
    if (row < 0 || row >= static_cast<long>(lines.size()))
        return nullptr;
    return &lines[static_cast<std::size_t>(row)];
}

void CatchUpDialog::enableButtons() {
    const auto* line = selectedLine();
    planButton_->Enable(line && !line->caughtUp);
    openButton_->Enable(line && line->catchUp);
}

void CatchUpDialog::planCatchUp() {
    const auto* line = selectedLine();
    if (!line || line->caughtUp)
        return;
    clearRefused(nullptr, message_);
    runGuarded(atNamedField(this, message_), [&] {
        const auto day = pickedDate(date_->GetValue());
        // Everyone who has not had it and is still on the group's list that day.
        std::vector<records::MemberId> members;
        std::vector<std::string> codes;
        for (const auto& member : line->members) {
            if (practice::onRegisterOn(member, day)) {
                members.push_back(member.id);
                codes.push_back(member.code);
            }
        }
        const auto session = line->curriculumSessionId;
        practice_.planCatchUp(group_, session, members, day.iso());
        refresh();
        // The line again (now with its catch-up), ready to open.
        for (std::size_t row = 0; row < byMemberLines_.size(); ++row) {
            const auto& each = byMemberLines_[row];
            if (each.curriculumSessionId == session && !members.empty() &&
                each.members.front().id == members.front()) {
                views_->SetSelection(0);
                byMember_->SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED,
                                        wxLIST_STATE_SELECTED);
                enableButtons();
                break;
            }
        }
        showInfo(message_, text::fill(text::tr("Catch-up planned for {1} on {2}. Open it to take "
                                               "its register."),
                                      {joined(codes), readableDate(day)}));
    });
}

void CatchUpDialog::openCatchUp() {
    const auto* line = selectedLine();
    if (!line || !line->catchUp)
        return;
    chosen_ = {*line->catchUp, line->members.front().id};
    EndModal(wxID_OK);
}

}  // namespace roundtable::ui
