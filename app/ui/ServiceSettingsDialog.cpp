// Each spin control is named after its setting's field (ServiceSettings.h), so that a refusal
// is shown at it (Guarded.h, atNamedField).
#include "ui/ServiceSettingsDialog.h"

#include <wx/checkbox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

struct Shown {
    const practice::PercentSetting& setting;
    const char* label;
    const char* explanation;
};

const std::array<Shown, 3> kSettings{{
    {practice::kCatchUpShare, text::trLater("A session counts as had after"),
     text::trLater("percent of it, for a man who left early. Less, and it is listed among his "
                   "catch-ups.")},
    {practice::kRatingAlertBelow, text::trLater("A session rating is low below"),
     text::trLater("percent of its scale: the home page shows an alert.")},
    {practice::kRatingAlertDrop, text::trLater("A session rating has dropped by"),
     text::trLater("percent of its scale or more below his recent ratings: an alert too.")},
}};

}  // namespace

ServiceSettingsDialog::ServiceSettingsDialog(wxWindow* parent, practice::Practice& practice)
    : wxDialog(parent, wxID_ANY, trWx("Service settings"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      practice_(practice) {
    SetName("service-settings");
    auto* form = new wxFlexGridSizer(3, wxSize(FromDIP(8), FromDIP(10)));
    form->AddGrowableCol(2, 1);
    for (std::size_t i = 0; i < kSettings.size(); ++i) {
        const auto& shown = kSettings[i];
        percents_[i] =
            new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                           wxSP_ARROW_KEYS, 1, 100, shown.setting.defaultPercent);
        percents_[i]->SetName(shown.setting.field);
        form->Add(new wxStaticText(this, wxID_ANY, trWx(shown.label)),
                  wxSizerFlags().CentreVertical());
        form->Add(percents_[i]);
        auto* explanation = new wxStaticText(this, wxID_ANY, trWx(shown.explanation));
        explanation->Wrap(FromDIP(360));
        form->Add(explanation, wxSizerFlags().CentreVertical());
    }
    reviewsRequired_ =
        new wxCheckBox(this, wxID_ANY, trWx("Signed notes need a clinical lead's review"));
    reviewsRequired_->SetName("service-notes-need-review");
    reviewsRequired_->SetToolTip(
        trWx("From when this is turned on, every signed note is listed for the clinical leads "
             "to co-sign, or to return to its author with a comment."));
    form->Add(reviewsRequired_);
    form->AddSpacer(0);
    form->AddSpacer(0);
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("service-settings-message");

    layOutFormDialog(this,
                     trWx("These settings are kept with the records: they apply to everyone who "
                          "uses this database, and each change is recorded."),
                     form, message_);
}

bool ServiceSettingsDialog::TransferDataToWindow() {
    for (std::size_t i = 0; i < kSettings.size(); ++i)
        percents_[i]->SetValue(practice_.servicePercent(kSettings[i].setting));
    reviewsRequired_->SetValue(practice_.reviewsRequired());
    return true;
}

bool ServiceSettingsDialog::TransferDataFromWindow() {
    return runGuarded(atNamedField(this, message_), [&] {
        for (std::size_t i = 0; i < kSettings.size(); ++i) {
            const auto& setting = kSettings[i].setting;
            // Only what changed: each change is a record of who changed what, and when.
            if (percents_[i]->GetValue() != practice_.servicePercent(setting))
                practice_.setServicePercent(setting, percents_[i]->GetValue());
        }
        if (reviewsRequired_->GetValue() != practice_.reviewsRequired())
            practice_.setReviewsRequired(reviewsRequired_->GetValue());
    });
}

}  // namespace roundtable::ui
