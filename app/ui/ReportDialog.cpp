// The controls are named after the fields Practice::typedPeriod refuses ("report-from",
// "report-to"), so that a refusal is shown at its control (Guarded.h, atNamedField).
#include "ui/ReportDialog.h"

#include <wx/checkbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "practice/Dates.h"
#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

wxTextCtrl* field(wxWindow* parent, const char* name, const std::string& hint, long style = 0) {
    auto* control = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                   wxSize(parent->FromDIP(style ? 420 : 300), -1), style);
    control->SetName(name);
    // GTK has no hint in a multi-line field: wx would put the hint in as text.
    if (style & wxTE_MULTILINE)
        control->SetMinSize(wxSize(-1, control->GetCharHeight() * 7));
    else
        control->SetHint(toWx(hint));
    return control;
}

}  // namespace

ReportDialog::ReportDialog(wxWindow* parent, const practice::Practice& practice,
                           const std::string& code)
    : wxDialog(parent, wxID_ANY, toWx(text::fill(text::tr("Progress report for {1}"), {code})),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      practice_(practice) {
    SetName("report-choices");
    const auto pattern = practice::datePattern(practice.dateOrder());
    from_ = field(this, "report-from",
                  text::fill(text::tr("{1}, or empty: since he joined"), {pattern}));
    to_ = field(this, "report-to", text::fill(text::tr("{1}, or empty: today"), {pattern}));
    concerns_ = new wxCheckBox(this, wxID_ANY, trWx("Include his open &concerns"));
    concerns_->SetName("report-concerns");
    summary_ = field(this, "report-summary", "", wxTE_MULTILINE);
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("report-message");

    auto* form = new wxFlexGridSizer(2, wxSize(FromDIP(12), FromDIP(8)));
    form->AddGrowableCol(1, 1);
    form->AddGrowableRow(3, 1);
    auto addRow = [&](const char* label, wxWindow* control, bool grows = false) {
        form->Add(new wxStaticText(this, wxID_ANY, toWx(label)), wxSizerFlags().Border(wxTOP, 4));
        form->Add(control, grows ? wxSizerFlags(1).Expand() : wxSizerFlags());
    };
    addRow(text::tr("&From"), from_);
    addRow(text::tr("&To"), to_);
    addRow("", concerns_);
    addRow(text::tr("&Summary"), summary_, true);
    addRow("", new wxStaticText(this, wxID_ANY,
                                trWx("Your summary for the reader. Leave it empty to write one "
                                     "by hand on the paper.")));

    layOutFormDialog(this,
                     trWx("The report is made from his signed notes only. It names no one else "
                          "and prints no note's text."),
                     form, message_, trWx("&Preview..."));
}

bool ReportDialog::TransferDataFromWindow() {
    if (runGuarded(atNamedField(this, message_), [&] {
            choices_.period =
                practice_.typedPeriod(fromWx(from_->GetValue()), fromWx(to_->GetValue()));
            choices_.openConcerns = concerns_->GetValue();
            choices_.summary = fromWx(summary_->GetValue());
        })) {
        return true;
    }
    message_->Wrap(GetClientSize().x - FromDIP(24));  // within the dialog's width
    Layout();
    return false;
}

}  // namespace roundtable::ui
