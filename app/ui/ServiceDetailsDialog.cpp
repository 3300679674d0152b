// The controls are named after the fields printing::checkedPrintPreferences refuses, so that a
// refusal is shown at its control (Guarded.h, atNamedField).
#include "ui/ServiceDetailsDialog.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

#include "printing/PrintPreferences.h"
#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

wxTextCtrl* field(wxWindow* parent, const char* name, long style = 0, int lines = 1) {
    auto* control = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                   wxSize(parent->FromDIP(360), -1), style);
    control->SetName(name);
    if (lines > 1)
        control->SetMinSize(wxSize(-1, control->GetCharHeight() * (lines + 1)));
    return control;
}

}  // namespace

ServiceDetailsDialog::ServiceDetailsDialog(wxWindow* parent, settings::SettingsStore& settings)
    : wxDialog(parent, wxID_ANY, trWx("Service details for printing"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      settings_(settings) {
    SetName("service-details");
    name_ = field(this, "service-name");
    phone_ = field(this, "service-phone");
    email_ = field(this, "service-email");
    address_ = field(this, "service-address", wxTE_MULTILINE, 4);
    paper_ = new wxChoice(this, wxID_ANY);
    paper_->SetName("service-paper");
    paper_->Append("A4");
    paper_->Append(trWx("US Letter"));
    naming_ = new wxChoice(this, wxID_ANY);
    naming_->SetName("service-member-naming");
    naming_->Append(trWx("By their codes"));
    naming_->Append(trWx("By their names"));
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("service-message");

    auto* form = new wxFlexGridSizer(2, wxSize(FromDIP(12), FromDIP(8)));
    form->AddGrowableCol(1, 1);
    form->AddGrowableRow(3, 1);
    auto addRow = [&](const char* label, wxWindow* control) {
        form->Add(new wxStaticText(this, wxID_ANY, toWx(label)), wxSizerFlags().Border(wxTOP, 4));
        form->Add(control, wxSizerFlags().Expand());
    };
    addRow(text::tr("Service's name"), name_);
    addRow(text::tr("Phone"), phone_);
    addRow(text::tr("Email"), email_);
    addRow(text::tr("Address\n(up to 4 lines)"), address_);
    addRow(text::tr("Paper"), paper_);
    addRow(text::tr("Members on sign-in\nsheets and registers"), naming_);

    layOutFormDialog(this,
                     trWx("Carers' handouts tell carers whom to contact. Leave it empty to print "
                          "a space to write it in."),
                     form, message_);
}

bool ServiceDetailsDialog::TransferDataToWindow() {
    auto preferences = printing::readPrintPreferences(settings_);
    const auto& contact = preferences.contact;
    name_->ChangeValue(toWx(contact.name));
    phone_->ChangeValue(toWx(contact.phone));
    email_->ChangeValue(toWx(contact.email));
    std::string lines;
    for (const auto& line : contact.addressLines)
        lines += (lines.empty() ? "" : "\n") + line;
    address_->ChangeValue(toWx(lines));
    paper_->SetSelection(preferences.paper == documents::Paper::letter ? 1 : 0);
    naming_->SetSelection(preferences.naming == documents::MemberNaming::names ? 1 : 0);
    return true;
}

bool ServiceDetailsDialog::TransferDataFromWindow() {
    printing::PrintPreferences typed;
    typed.contact.name = fromWx(name_->GetValue());
    typed.contact.phone = fromWx(phone_->GetValue());
    typed.contact.email = fromWx(email_->GetValue());
    for (const auto& line : wxStringTokenize(address_->GetValue(), "\n", wxTOKEN_RET_EMPTY_ALL))
        typed.contact.addressLines.push_back(fromWx(line));
    typed.paper = paper_->GetSelection() == 1 ? documents::Paper::letter : documents::Paper::a4;
    typed.naming = naming_->GetSelection() == 1 ? documents::MemberNaming::names
                                                : documents::MemberNaming::codes;
    if (runGuarded(atNamedField(this, message_),
                   [&] { printing::savePrintPreferences(settings_, typed); })) {
        return true;
    }
    message_->Wrap(GetClientSize().x - FromDIP(24));  // within the dialog's width
    Layout();
    return false;
}

}  // namespace roundtable::ui
