// The notes round's between-sessions rows: widgets, and keeping what they hold.
#include "ui/TaskRow.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

#include "practice/Dates.h"
#include "practice/Wording.h"
#include "text/Translate.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

// In the order of the outcome choice, after "How did it go?" (nothing said yet).
constexpr std::array<records::TaskOutcome, 3> kOutcomes = {
    records::TaskOutcome::done, records::TaskOutcome::partly, records::TaskOutcome::notDone};

}  // namespace

TaskRow::TaskRow(wxWindow* parent) : wxPanel(parent) {
    reviewLabel_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                    wxST_ELLIPSIZE_END);
    reviewLabel_->SetName("task-to-review");
    outcome_ = new wxChoice(this, wxID_ANY);
    outcome_->SetName("task-outcome");
    outcome_->Append(trWx("How did it go?"));
    for (auto outcome : kOutcomes)
        outcome_->Append(toWx(practice::taskOutcomeInWords(outcome)));
    comment_ = new wxTextCtrl(this, wxID_ANY);
    comment_->SetName("task-comment");
    comment_->SetHint(trWx("A few words (if any)"));
    taskLabel_ = new wxStaticText(this, wxID_ANY, trWx("His task until next time:"));
    task_ = new wxTextCtrl(this, wxID_ANY);
    task_->SetName("task-text");

    auto* review = new wxBoxSizer(wxHORIZONTAL);
    review->Add(reviewLabel_, wxSizerFlags(1).CenterVertical().Border(wxRIGHT, 8));
    review->Add(outcome_, wxSizerFlags().CenterVertical().Border(wxRIGHT, 8));
    review->Add(comment_, wxSizerFlags(1).CenterVertical());
    auto* task = new wxBoxSizer(wxHORIZONTAL);
    task->Add(taskLabel_, wxSizerFlags().CenterVertical().Border(wxRIGHT, 8));
    task->Add(task_, wxSizerFlags(1).CenterVertical());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(review, wxSizerFlags().Expand().Border(wxBOTTOM, 4));
    sizer->Add(task, wxSizerFlags().Expand());
    SetSizer(sizer);
    clear();
}

void TaskRow::show(const practice::RoundLine& line,
                   const std::optional<practice::TaskOffer>& offer) {
    toReview_ = line.taskToReview;
    offered_ = offer.has_value();
    if (toReview_) {
        const auto& task = toReview_->task;
        const auto said = text::fill(text::tr("His task from {1}: {2}"),
                                     {practice::dateInWords(toReview_->setOn), task.text});
        reviewLabel_->SetLabel(toWx(said));
        reviewLabel_->SetToolTip(toWx(said));
        int chosen = 0;
        for (std::size_t i = 0; i < kOutcomes.size(); ++i) {
            if (task.review && task.review->outcome == kOutcomes[i])
                chosen = static_cast<int>(i) + 1;
        }
        outcome_->SetSelection(chosen);
        comment_->ChangeValue(task.review ? toWx(task.review->comment) : wxString());
    }
    task_->ChangeValue(line.task ? toWx(line.task->text) : offer ? toWx(offer->text) : wxString());
    for (wxWindow* control : {static_cast<wxWindow*>(reviewLabel_),
                              static_cast<wxWindow*>(outcome_), static_cast<wxWindow*>(comment_)})
        control->Show(toReview_.has_value());
    taskLabel_->Show(offered_);
    task_->Show(offered_);
    Show(toReview_ || offered_);
    Layout();
}

void TaskRow::clear() {
    show(practice::RoundLine{}, std::nullopt);
}

bool TaskRow::keep(practice::Practice& practice, records::SessionId session,
                   records::MemberId member, const ShowFailure& failure) {
    return runGuarded(failure, [&] {
        if (toReview_ && outcome_->GetSelection() > 0) {
            practice.reviewTask(
                toReview_->task, session,
                kOutcomes.at(static_cast<std::size_t>(outcome_->GetSelection() - 1)),
                fromWx(comment_->GetValue()));
        }
        if (offered_)
            practice.setTask(session, member, fromWx(task_->GetValue()));
    });
}

wxWindow* TaskRow::fieldFor(const std::string& field) const {
    if (field == "task")
        return task_;
    if (field == "task-review")
        return outcome_;
    return nullptr;
}

}  // namespace roundtable::ui
