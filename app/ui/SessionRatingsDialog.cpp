// Typed, not picked: a facilitator rating eight men types eight numbers with Tab between them.
// Each field is named as Practice names it ("session-rating:<member id>"), so that a refusal is
// shown at its field (Guarded.h, atNamedField).
#include "ui/SessionRatingsDialog.h"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <climits>

#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

/// "0 to 10"
std::string scaleOf(const practice::SessionRatingSheet& sheet) {
    return text::fill(text::tr("{1} to {2}"),
                      {std::to_string(sheet.min), std::to_string(sheet.max)});
}

}  // namespace

SessionRatingsDialog::SessionRatingsDialog(wxWindow* parent, practice::Practice& practice,
                                           practice::SessionRatingSheet sheet)
    : wxDialog(
          parent, wxID_ANY,
          toWx(text::fill(text::tr("Session ratings: {1}"), {readableDate(sheet.session.date)})),
          wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      practice_(practice),
      sheet_(std::move(sheet)) {
    SetName("session-ratings-dialog");
    auto* form = new wxFlexGridSizer(2, wxSize(FromDIP(12), FromDIP(6)));
    for (const auto& line : sheet_.lines) {
        auto* field = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                     wxSize(FromDIP(110), -1));
        field->SetName(toWx(std::string("session-rating:").append(std::to_string(line.member.id))));
        field->SetHint(trWx("not rated"));
        form->Add(new wxStaticText(this, wxID_ANY,
                                   toWx(line.member.code + "  " + line.member.name) +
                                       damagedMark({line.member.damage})),
                  wxSizerFlags().CentreVertical());
        form->Add(field);
        fields_.push_back(field);
    }
    if (sheet_.lines.empty()) {
        form->Add(new wxStaticText(this, wxID_ANY,
                                   trWx("No one is marked present, late or left early at this "
                                        "session: take its register first.")));
    }
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("session-ratings-message");
    layOutFormDialog(
        this,
        toWx(text::fill(
            text::tr("{1}: how each member related to the group and its facilitators "
                     "in this session.\nType a rating from {2} ({3}), or leave it "
                     "empty if he was not rated."),
            {sheet_.measureName, scaleOf(sheet_),
             sheet_.higherIsBetter ? text::tr("higher is better") : text::tr("higher is worse")})),
        form, message_, trWx("&Save ratings"));
    if (!fields_.empty())
        fields_.front()->SetFocus();
}

bool SessionRatingsDialog::TransferDataToWindow() {
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        const auto& rating = sheet_.lines[i].rating;
        fields_[i]->ChangeValue(rating ? wxString::Format("%d", rating->score) : wxString());
    }
    return true;
}

bool SessionRatingsDialog::TransferDataFromWindow() {
    std::vector<practice::SessionRating> ratings;
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        clearRefused(fields_[i], message_);
        const auto typed = fields_[i]->GetValue().Strip(wxString::both);
        long value = 0;
        if (!typed.empty() && !typed.ToLong(&value)) {
            showRefused(fields_[i], message_,
                        text::fill(text::tr("Type a whole number from {1}, or leave it empty."),
                                   {scaleOf(sheet_)}));
            return false;
        }
        // A number too large for an int stays off the scale, for Practice to refuse.
        const auto rating = static_cast<int>(std::clamp<long>(value, INT_MIN, INT_MAX));
        ratings.push_back(
            {sheet_.lines[i].member.id, typed.empty() ? std::nullopt : std::optional(rating)});
    }
    return runGuarded(atNamedField(this, message_), [&] {
        written_ = practice_.recordSessionRatings(sheet_.session.id, ratings);
    });
}

}  // namespace roundtable::ui
