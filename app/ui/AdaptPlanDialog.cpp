// The controls are named after the fields Practice::adaptPlan refuses ("adapt-plan",
// "adapt-minutes", "adapt-reason"), so that a refusal is shown at its control (Guarded.h,
// atNamedField). The rows are the plan as it stands (records::Session::planSteps): what was
// adapted before is where the facilitator starts from.
#include "ui/AdaptPlanDialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "documents/SessionBlocks.h"
#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {

wxListCtrl* planList(wxWindow* parent, const char* name) {
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName(name);
    list->AppendColumn(trWx("Min"), wxLIST_FORMAT_RIGHT, parent->FromDIP(45));
    list->AppendColumn(trWx("Activity"), wxLIST_FORMAT_LEFT, parent->FromDIP(300));
    list->AppendColumn(trWx("Kind"), wxLIST_FORMAT_LEFT, parent->FromDIP(100));
    return list;
}

void showPlan(wxListCtrl* list, const std::vector<records::PlanStep>& plan) {
    list->DeleteAllItems();
    for (std::size_t i = 0; i < plan.size(); ++i) {
        const auto& activity = plan[i].activity;
        long row = list->InsertItem(static_cast<long>(i), std::to_string(activity.minutes));
        list->SetItem(row, 1, toWx(activity.title));
        list->SetItem(row, 2, toWx(documents::kindInWords(activity.kind)));
    }
}

AdaptPlanDialog::AdaptPlanDialog(wxWindow* parent, practice::Practice& practice,
                                 const records::Session& session)
    : wxDialog(parent, wxID_ANY, toWx(text::fill(text::tr("Adapt the plan: {1}"), {session.title})),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      practice_(practice),
      session_(session.id),
      sessionMinutes_(session.minutes),
      rows_(session.planSteps()) {
    SetName("adapt-plan-dialog");
    list_ = planList(this, "adapt-plan");
    list_->SetMinSize(FromDIP(wxSize(460, 170)));
    up_ = new wxButton(this, wxID_ANY, trWx("Move &up"));
    up_->SetName("adapt-move-up");
    up_->SetToolTip(trWx("The activity chosen one place earlier (Alt+Up)"));
    down_ = new wxButton(this, wxID_ANY, trWx("Move &down"));
    down_->SetName("adapt-move-down");
    down_->SetToolTip(trWx("The activity chosen one place later (Alt+Down)"));
    minutes_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                              wxSP_ARROW_KEYS, 1, practice::Practice::kMostActivityMinutes, 1);
    minutes_->SetName("adapt-minutes");
    // GTK has no hint in a multi-line field: the labels above them say what they are for.
    guidance_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                               wxTE_MULTILINE | wxTE_WORDWRAP);
    guidance_->SetName("adapt-guidance");
    guidance_->SetMinSize(wxSize(-1, guidance_->GetCharHeight() * 4));
    total_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                              wxST_NO_AUTORESIZE);  // as wide as the dialog gives it
    total_->SetName("adapt-total");
    showTotal();
    reason_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                             wxTE_MULTILINE | wxTE_WORDWRAP);
    reason_->SetName("adapt-reason");
    reason_->SetMinSize(wxSize(-1, reason_->GetCharHeight() * 3));
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("adapt-message");

    auto* form = new wxBoxSizer(wxVERTICAL);
    form->Add(list_, wxSizerFlags(1).Expand());
    auto* chosenRow = new wxBoxSizer(wxHORIZONTAL);
    chosenRow->Add(up_, wxSizerFlags().Border(wxRIGHT, 6));
    chosenRow->Add(down_, wxSizerFlags().Border(wxRIGHT, 18));
    chosenRow->Add(new wxStaticText(this, wxID_ANY, trWx("&Minutes:")),
                   wxSizerFlags().CenterVertical().Border(wxRIGHT, 6));
    chosenRow->Add(minutes_, wxSizerFlags().CenterVertical());
    // Under the list, the whole line its own: it is as long as its words.
    form->Add(total_, wxSizerFlags().Expand().Border(wxTOP, 6));
    form->Add(chosenRow, wxSizerFlags().Expand().Border(wxTOP, 6));
    form->Add(new wxStaticText(this, wxID_ANY,
                               trWx("&Guidance added for this group (after the curriculum's):")),
              wxSizerFlags().Border(wxTOP, 10));
    form->Add(guidance_, wxSizerFlags().Expand().Border(wxTOP, 4));
    form->Add(new wxStaticText(this, wxID_ANY, trWx("&Why the plan is adapted:")),
              wxSizerFlags().Border(wxTOP, 10));
    form->Add(reason_, wxSizerFlags().Expand().Border(wxTOP, 4));
    layOutFormDialog(this,
                     trWx("This session's plan for this group: the order of its activities, their "
                          "minutes and guidance of your own.\nThe curriculum is not changed. "
                          "Ctrl+Enter saves."),
                     form, message_, trWx("&Save adapted plan"));
    CentreOnParent();

    // The titles take the width the minutes and the kind leave: long ones are read whole.
    list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        const int rest =
            list_->GetClientSize().x - list_->GetColumnWidth(0) - list_->GetColumnWidth(2);
        list_->SetColumnWidth(1, std::max(rest, FromDIP(200)));
    });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showChosen(); });
    up_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move(-1); });
    down_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move(+1); });
    minutes_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { takeMinutes(); });
    minutes_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { takeMinutes(); });
    guidance_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (const long row = chosen(); row >= 0)
            rows_[static_cast<std::size_t>(row)].addedGuidance = fromWx(guidance_->GetValue());
    });
    Bind(wxEVT_CHAR_HOOK, &AdaptPlanDialog::onKey, this);
    showRows(0);
    list_->SetFocus();
}

long AdaptPlanDialog::chosen() const {
    return list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void AdaptPlanDialog::showRows(long place) {
    showPlan(list_, rows_);
    if (place >= 0 && place < list_->GetItemCount()) {
        list_->SetItemState(place, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->EnsureVisible(place);
    }
    showChosen();
}

void AdaptPlanDialog::showChosen() {
    const long row = chosen();
    const bool any = row >= 0;
    up_->Enable(any && row > 0);
    down_->Enable(any && row + 1 < list_->GetItemCount());
    minutes_->Enable(any);
    guidance_->Enable(any);
    if (!any)
        return;
    const auto& step = rows_[static_cast<std::size_t>(row)];
    minutes_->SetValue(step.activity.minutes);
    guidance_->ChangeValue(toWx(step.addedGuidance));
}

void AdaptPlanDialog::takeMinutes() {
    const long row = chosen();
    if (row < 0)
        return;
    auto& activity = rows_[static_cast<std::size_t>(row)].activity;
    activity.minutes = minutes_->GetValue();
    list_->SetItem(row, 0, std::to_string(activity.minutes));
    showTotal();
}

void AdaptPlanDialog::showTotal() {
    int total = 0;
    for (const auto& step : rows_)
        total += step.activity.minutes;
    const auto length = std::to_string(sessionMinutes_);
    std::string said;
    if (total == sessionMinutes_)
        said = text::fill(text::tr("In all {1} minutes, the session's length."), {length});
    else if (total > sessionMinutes_)
        said = text::fill(text::tr("In all {1} minutes: {2} over the session's {3}."),
                          {std::to_string(total), std::to_string(total - sessionMinutes_), length});
    else
        said = text::fill(text::tr("In all {1} minutes: {2} short of the session's {3}."),
                          {std::to_string(total), std::to_string(sessionMinutes_ - total), length});
    total_->SetLabel(toWx(said));
}

void AdaptPlanDialog::move(int by) {
    const long row = chosen();
    const long to = row + by;
    if (row < 0 || to < 0 || to >= static_cast<long>(rows_.size()))
        return;
    std::swap(rows_[static_cast<std::size_t>(row)], rows_[static_cast<std::size_t>(to)]);
    showRows(to);
}

void AdaptPlanDialog::onKey(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const int modifiers = event.GetModifiers();
    if (modifiers == wxMOD_ALT && (key == WXK_UP || key == WXK_DOWN)) {
        move(key == WXK_UP ? -1 : +1);
    } else if (modifiers == wxMOD_CONTROL && (key == WXK_RETURN || key == WXK_NUMPAD_ENTER)) {
        // As OK: Enter alone is a new line in the guidance and the reason.
        if (Validate() && TransferDataFromWindow())
            EndModal(wxID_OK);
    } else {
        event.Skip();
    }
}

bool AdaptPlanDialog::TransferDataFromWindow() {
    takeMinutes();  // typed and not yet taken by the field (no Enter, no Tab)
    std::vector<records::AdaptedActivity> plan;
    for (const auto& step : rows_) {
        plan.push_back({.plannedPosition = static_cast<int>(step.madePlace) + 1,
                        .minutes = step.activity.minutes,
                        .addedGuidance = step.addedGuidance});
    }
    for (wxWindow* field : std::initializer_list<wxWindow*>{list_, minutes_, reason_})
        clearRefused(field, message_);
    if (runGuarded(atNamedField(this, message_),
                   [&] { practice_.adaptPlan(session_, plan, fromWx(reason_->GetValue())); })) {
        return true;
    }
    message_->Wrap(GetClientSize().x - FromDIP(24));  // within the dialog's width
    Layout();
    return false;
}

}  // namespace roundtable::ui
