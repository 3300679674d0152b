// The idle lock is checked by settings::checkIdleLockMinutes as each key is typed; the
// problem shows under the field with a warning sign (never colour alone).
#include "ui/PreferencesDialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "practice/Dates.h"
#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {

PreferencesDialog::PreferencesDialog(wxWindow* parent, settings::SettingsStore& settings,
                                     std::function<void(wxWindow*)> editServiceDetails)
    : wxDialog(parent, wxID_ANY, trWx("Preferences"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      settings_(settings) {
    SetName("preferences");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto addHeading = [&](const wxString& text) {
        sizer->Add(heading(this, text),
                   wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 12));
    };

    addHeading(trWx("Security"));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, trWx("Lock the window after")),
             wxSizerFlags().CenterVertical());
    idleLock_ = new wxTextCtrl(this, wxID_ANY);
    idleLock_->SetName("preferences-idle-lock");
    idleLock_->SetMinSize(wxSize(FromDIP(70), -1));
    row->Add(idleLock_, wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, 6));
    row->Add(new wxStaticText(this, wxID_ANY, trWx("minutes without use")),
             wxSizerFlags().CenterVertical());
    sizer->Add(row, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 12));
    idleLockProblem_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    idleLockProblem_->SetName("preferences-idle-lock-problem");
    idleLockProblem_->SetForegroundColour(wxColour(170, 20, 20));
    sizer->Add(idleLockProblem_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 12));
    idleLock_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { showIdleLockCheck(); });

    addHeading(trWx("Dates"));
    auto* dateRow = new wxBoxSizer(wxHORIZONTAL);
    dateRow->Add(new wxStaticText(this, wxID_ANY, trWx("Type and show dates as")),
                 wxSizerFlags().CenterVertical());
    dateOrder_ = new wxChoice(this, wxID_ANY);
    dateOrder_->SetName("preferences-date-order");
    dateOrder_->Append(toWx(text::fill(text::tr("this computer's language has them ({1})"),
                                       {practice::datePattern(practice::localeDateOrder())})));
    const auto example = records::Date::fromParts(2026, 11, 3).value();  // day and month differ
    for (auto order : practice::kDateOrders) {
        dateOrder_->Append(
            toWx(text::fill(text::tr("{1}, e.g. {2}"),
                            {practice::datePattern(order), practice::formatDate(example, order)})));
    }
    dateRow->Add(dateOrder_, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
    sizer->Add(dateRow, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 12));

    if (editServiceDetails) {
        addHeading(trWx("Printing"));
        sizer->Add(new wxStaticText(this, wxID_ANY,
                                    trWx("Whom carers should contact, printed on their "
                                         "handouts, and the paper documents are laid out on.")),
                   wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 12));
        auto* details = new wxButton(this, wxID_ANY, trWx("Service details and paper..."));
        details->SetName("preferences-service-details");
        details->Bind(wxEVT_BUTTON,
                      [this, editServiceDetails](wxCommandEvent&) { editServiceDetails(this); });
        sizer->Add(details, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 12));
    }
    sizer->AddStretchSpacer();
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL),
               wxSizerFlags().Expand().Border(wxALL, 12));
    SetSizerAndFit(sizer);
    SetMinSize(FromDIP(wxSize(440, -1)));
}

bool PreferencesDialog::TransferDataToWindow() {
    idleLock_->ChangeValue(std::to_string(settings::readIdleLockMinutes(settings_)));
    showIdleLockCheck();
    const auto chosen = practice::dateOrderNamed(settings::dateOrder.read(settings_));
    dateOrder_->SetSelection(0);
    for (std::size_t i = 0; i < practice::kDateOrders.size(); ++i) {
        if (chosen == practice::kDateOrders[i])
            dateOrder_->SetSelection(static_cast<int>(i) + 1);
    }
    return true;
}

std::optional<int> PreferencesDialog::showIdleLockCheck() {
    auto choice = settings::checkIdleLockMinutes(fromWx(idleLock_->GetValue()));
    idleLockProblem_->SetLabel(choice.minutes ? wxString() : toWx(warned(choice.problem)));
    Layout();
    return choice.minutes;
}

bool PreferencesDialog::TransferDataFromWindow() {
    const auto minutes = showIdleLockCheck();
    if (!minutes) {
        idleLock_->SetFocus();
        return false;
    }
    return runGuarded(
        [this](const Failure& failure) {
            idleLockProblem_->SetLabel(toWx(warned(
                text::fill(text::tr("The settings could not be saved: {1}"), {failure.message}))));
            Layout();
        },
        [&] {
            settings::idleLockMinutes.write(settings_, *minutes);
            const int order = dateOrder_->GetSelection();
            settings::dateOrder.write(
                settings_, order < 1 ? std::string()
                                     : practice::dateOrderName(practice::kDateOrders[order - 1]));
            settings_.flush();
        });
}

}  // namespace roundtable::ui
