// The users page: a list of users and three small forms (add a user, give the selected user
// a new passphrase, change my own). Controls an administrator alone may use are disabled
// for everyone else; the record store refuses them anyway.
#include "ui/UsersPanel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

#include "practice/Wording.h"
#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/ServiceSettingsDialog.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

constexpr std::array<records::Role, 3> kRoles = {
    records::Role::facilitator, records::Role::clinicalLead, records::Role::administrator};
wxTextCtrl* textField(wxWindow* parent, const char* name, const char* hint, bool secret) {
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                 wxSize(220, -1), secret ? wxTE_PASSWORD : 0);
    field->SetName(name);
    field->SetHint(toWx(hint));
    return field;
}

/// A titled box holding a row of controls. In a narrow window the text fields give up width
/// (down to a third of their usual) so that the buttons stay whole.
wxSizer* form(wxWindow* parent, const char* title, std::initializer_list<wxWindow*> controls) {
    auto* box = new wxStaticBoxSizer(wxHORIZONTAL, parent, toWx(title));
    for (auto* control : controls) {
        const bool field = dynamic_cast<wxTextCtrl*>(control) != nullptr;
        if (field)
            control->SetMinSize(wxSize(parent->FromDIP(80), -1));
        box->Add(control, wxSizerFlags(field ? 1 : 0).CenterVertical().Border(wxALL, 4));
    }
    if (controls.size() < 4)
        box->AddStretchSpacer(4 - static_cast<int>(controls.size()));  // fields line up
    return box;
}

}  // namespace

UsersPanel::UsersPanel(wxWindow* parent) : wxPanel(parent) {
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 180),
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("users");
    list_->AppendColumn(trWx("User name"), wxLIST_FORMAT_LEFT, 220);
    list_->AppendColumn(trWx("Role"), wxLIST_FORMAT_LEFT, 160);
    userDamage_ = new DamageNotice(this, "user-damage");

    newLogin_ = textField(this, "user-login", text::tr("User name, e.g. jsmith"), false);
    newRole_ = new wxChoice(this, wxID_ANY);
    newRole_->SetName("user-role");
    for (auto role : kRoles)
        newRole_->Append(toWx(practice::roleInWords(role)));
    newRole_->SetSelection(0);
    newPassphrase_ =
        textField(this, "user-passphrase", text::tr("Passphrase (10 characters or more)"), true);
    newRepeat_ = textField(this, "user-repeat", text::tr("The same passphrase again"), true);
    addButton_ = new wxButton(this, wxID_ANY, trWx("&Add user"));
    addButton_->SetName("add-user");

    resetPassphrase_ =
        textField(this, "reset-passphrase", text::tr("New passphrase for the selected user"), true);
    resetRepeat_ = textField(this, "reset-repeat", text::tr("The same passphrase again"), true);
    resetButton_ = new wxButton(this, wxID_ANY, trWx("&Give new passphrase"));
    resetButton_->SetName("reset-passphrase-button");

    ownCurrent_ = textField(this, "own-current", text::tr("Your current passphrase"), true);
    ownPassphrase_ = textField(this, "own-passphrase", text::tr("Your new passphrase"), true);
    ownRepeat_ = textField(this, "own-repeat", text::tr("The same passphrase again"), true);
    ownButton_ = new wxButton(this, wxID_ANY, trWx("&Change my passphrase"));
    ownButton_->SetName("change-own-passphrase");

    settingsButton_ = new wxButton(this, wxID_ANY, trWx("Service &settings..."));
    settingsButton_->SetName("open-service-settings");
    adminNote_ = new wxStaticText(this, wxID_ANY,
                                  trWx("Only an administrator can add users, give a user a "
                                       "new passphrase or change the service's settings."));
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("users-message");

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading(this, trWx("Who can sign in to this database")),
               wxSizerFlags().Expand().Border(wxALL, 8));
    sizer->Add(list_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(userDamage_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(adminNote_, wxSizerFlags().Border(wxALL, 8));
    sizer->Add(form(this, text::tr("Add a user: name and role"), {newLogin_, newRole_}),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(form(this, text::tr("Add a user: their first passphrase"),
                    {newPassphrase_, newRepeat_, addButton_}),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
    sizer->Add(form(this, text::tr("Give the selected user a new passphrase"),
                    {resetPassphrase_, resetRepeat_, resetButton_}),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
    sizer->Add(form(this, text::tr("Change my own passphrase"),
                    {ownCurrent_, ownPassphrase_, ownRepeat_, ownButton_}),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(settingsButton_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizer(sizer);

    addButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addUser(); });
    resetButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { resetPassphrase(); });
    ownButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { changeOwnPassphrase(); });
    submitOnEnter({newLogin_, newPassphrase_, newRepeat_}, addButton_);
    submitOnEnter({resetPassphrase_, resetRepeat_}, resetButton_);
    submitOnEnter({ownCurrent_, ownPassphrase_, ownRepeat_}, ownButton_);
    settingsButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!practice_)
            return;
        ServiceSettingsDialog dialog(this, *practice_);
        if (dialog.ShowModal() == wxID_OK)
            showInfo(message_, text::tr("The service's settings are saved."));
    });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        runGuarded(atNamedField(this, message_), [this] { reload(); });
    });
    attach(nullptr);
}

void UsersPanel::attach(practice::Practice* practice) {
    practice_ = practice;
    for (auto* field : {newLogin_, newPassphrase_, newRepeat_, resetPassphrase_, resetRepeat_,
                        ownCurrent_, ownPassphrase_, ownRepeat_}) {
        field->Clear();
    }
    message_->SetLabel(wxEmptyString);
    list_->DeleteAllItems();
    users_.clear();
    reload();
}

void UsersPanel::reload() {
    long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (practice_) {
        users_ = practice_->users();
        if (list_->GetItemCount() != static_cast<int>(users_.size())) {
            list_->DeleteAllItems();
            for (std::size_t i = 0; i < users_.size(); ++i) {
                long row = list_->InsertItem(
                    static_cast<long>(i), toWx(users_[i].login) + damagedMark({users_[i].damage}));
                list_->SetItem(row, 1, toWx(practice::roleInWords(users_[i].role)));
            }
        }
    }
    bool chosen = selected >= 0 && selected < static_cast<long>(users_.size());
    userDamage_->show({chosen ? users_[static_cast<std::size_t>(selected)].damage : std::string()});
    auto user = practice_ ? practice_->currentUser() : std::nullopt;
    bool administrator = user && user->role == records::Role::administrator;
    for (wxWindow* control : std::initializer_list<wxWindow*>{newLogin_, newRole_, newPassphrase_,
                                                              newRepeat_, addButton_}) {
        control->Enable(administrator);
    }
    for (wxWindow* control : {resetPassphrase_, resetRepeat_})
        control->Enable(administrator);
    resetButton_->Enable(administrator && selected >= 0);
    settingsButton_->Enable(administrator);
    for (wxWindow* control :
         std::initializer_list<wxWindow*>{ownCurrent_, ownPassphrase_, ownRepeat_, ownButton_})
        control->Enable(user.has_value());
    adminNote_->Show(!administrator);
    Layout();
}

void UsersPanel::addUser() {
    runGuarded(atNamedField(this, message_), [&] {
        auto login = fromWx(newLogin_->GetValue());
        practice_->addUser(login, kRoles[static_cast<std::size_t>(newRole_->GetSelection())],
                           fromWx(newPassphrase_->GetValue()), fromWx(newRepeat_->GetValue()));
        for (auto* field : {newLogin_, newPassphrase_, newRepeat_})
            field->Clear();
        reload();
        showInfo(message_, text::fill(text::tr("Added {1}. Tell them their passphrase in "
                                               "person, not by email."),
                                      {login}));
    });
}

void UsersPanel::resetPassphrase() {
    long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0 || selected >= static_cast<long>(users_.size()))
        return;
    const auto login = users_[static_cast<std::size_t>(selected)].login;
    runGuarded(atNamedField(this, message_), [&] {
        practice_->resetPassphrase(login, fromWx(resetPassphrase_->GetValue()),
                                   fromWx(resetRepeat_->GetValue()));
        resetPassphrase_->Clear();
        resetRepeat_->Clear();
        showInfo(message_, text::fill(text::tr("{1} has a new passphrase. Their old one no "
                                               "longer works."),
                                      {login}));
    });
}

void UsersPanel::changeOwnPassphrase() {
    // The store refuses a wrong current passphrase: that is the field to correct.
    auto atOwnField = [this](const Failure& failure) {
        showRefused(fieldNamed(this, failure.field.empty() ? "own-current" : failure.field),
                    message_, failure.message);
    };
    runGuarded(atOwnField, [&] {
        practice_->changeOwnPassphrase(fromWx(ownCurrent_->GetValue()),
                                       fromWx(ownPassphrase_->GetValue()),
                                       fromWx(ownRepeat_->GetValue()));
        for (auto* field : {ownCurrent_, ownPassphrase_, ownRepeat_})
            field->Clear();
        showInfo(message_,
                 text::tr("Your passphrase is changed. Use the new one next time you sign in."));
    });
}

}  // namespace roundtable::ui
