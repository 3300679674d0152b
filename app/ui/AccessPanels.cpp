// Layout and transfer only: each page reads its fields and hands them to MainFrame.
#include "ui/AccessPanels.h"

#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "documents/RecoveryKeySheet.h"
#include "printing/Output.h"
#include "printing/PageDocuments.h"
#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

wxStaticText* title(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold().Scaled(1.4f));
    return label;
}

wxTextCtrl* field(wxWindow* parent, const char* name, long style = 0) {
    auto* control = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                   wxSize(320, -1), style | wxTE_PROCESS_ENTER);
    control->SetName(name);
    return control;
}

/// A field under its label, in a page's column.
void addLabelled(wxSizer* column, const wxString& label, wxWindow* field) {
    column->Add(new wxStaticText(field->GetParent(), wxID_ANY, label));
    column->Add(field, wxSizerFlags().Expand().Border(wxBOTTOM, 8));
}

/// A centred column: the pages are short forms in the middle of the window.
wxSizer* centred(wxSizer* column) {
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->AddStretchSpacer(1);
    outer->Add(column, wxSizerFlags().Center());
    outer->AddStretchSpacer(2);
    return outer;
}

}  // namespace

WelcomePanel::WelcomePanel(wxWindow* parent, std::function<void()> onOpen,
                           std::function<void()> onCreate)
    : wxPanel(parent) {
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(title(this, "Roundtable"), wxSizerFlags().Border(wxBOTTOM, 12));
    column->Add(new wxStaticText(this, wxID_ANY,
                                 trWx("Open your service's database, or create a new one.")),
                wxSizerFlags().Border(wxBOTTOM, 12));
    auto* open = new wxButton(this, wxID_ANY, trWx("&Open a database..."));
    open->SetName("welcome-open");
    auto* create = new wxButton(this, wxID_ANY, trWx("&Create a new database..."));
    create->SetName("welcome-create");
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("welcome-message");
    column->Add(open, wxSizerFlags().Expand().Border(wxBOTTOM, 6));
    column->Add(create, wxSizerFlags().Expand());
    column->Add(message_, wxSizerFlags().Expand().Border(wxTOP, 12));
    SetSizer(centred(column));
    open->Bind(wxEVT_BUTTON, [onOpen](wxCommandEvent&) { onOpen(); });
    create->Bind(wxEVT_BUTTON, [onCreate](wxCommandEvent&) { onCreate(); });
}

void WelcomePanel::showProblem(const std::string& text) {
    showRefused(nullptr, message_, text);
    // Wide enough for a long path, narrow enough for a 1024-pixel screen.
    message_->Wrap(FromDIP(600));
    Layout();
}

SignInPanel::SignInPanel(wxWindow* parent, SignIn onSignIn, std::function<void()> onLostPassphrase)
    : wxPanel(parent), onSignIn_(std::move(onSignIn)) {
    heading_ = title(this, trWx("Sign in"));
    login_ = field(this, "sign-in-login");
    passphrase_ = field(this, "sign-in-passphrase", wxTE_PASSWORD);
    auto* button = new wxButton(this, wxID_ANY, trWx("&Sign in"));
    button->SetName("sign-in");
    button->SetDefault();
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("sign-in-message");

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(heading_, wxSizerFlags().Border(wxBOTTOM, 12));
    addLabelled(column, trWx("User name"), login_);
    addLabelled(column, trWx("Passphrase"), passphrase_);
    column->Add(button, wxSizerFlags().Right());
    column->Add(message_, wxSizerFlags().Expand().Border(wxTOP, 8));
    auto* lost =
        new wxButton(this, wxID_ANY, trWx("No administrator can sign in? Use the &recovery key..."),
                     wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT | wxBORDER_NONE);
    lost->SetName("sign-in-lost");
    column->Add(lost, wxSizerFlags().Border(wxTOP, 24));
    SetSizer(centred(column));

    lost->Bind(wxEVT_BUTTON, [onLostPassphrase](wxCommandEvent&) { onLostPassphrase(); });
    button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { signIn(); });
    login_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { passphrase_->SetFocus(); });
    passphrase_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { signIn(); });
}

void SignInPanel::prepare(const std::string& databaseName, const std::string& lastLogin) {
    heading_->SetLabel(toWx(text::fill(text::tr("Sign in to {1}"), {databaseName})));
    login_->ChangeValue(toWx(lastLogin));
    passphrase_->Clear();
    message_->SetLabel(wxEmptyString);
    Layout();
    (lastLogin.empty() ? login_ : passphrase_)->SetFocus();
}

void SignInPanel::signIn() {
    auto problem = onSignIn_(fromWx(login_->GetValue()), fromWx(passphrase_->GetValue()));
    passphrase_->Clear();  // never keep a passphrase on screen or in a control longer than needed
    if (!problem.empty())
        showRefused(passphrase_, message_, problem);
}

RecoverAccessPanel::RecoverAccessPanel(wxWindow* parent, Recover onRecover,
                                       std::function<void()> onBack)
    : wxPanel(parent), onRecover_(std::move(onRecover)) {
    heading_ = title(this, trWx("Use the recovery key"));
    // Named as practice::Practice::recoverWithKey names its fields: a refusal finds its field.
    key_ = field(this, "recover-key");
    key_->SetHint("XXXX-XXXX-...");
    login_ = field(this, "recover-login");
    passphrase_ = field(this, "recover-passphrase", wxTE_PASSWORD);
    repeat_ = field(this, "recover-repeat", wxTE_PASSWORD);
    auto* button = new wxButton(this, wxID_ANY, trWx("&Add the administrator and sign in"));
    button->SetName("recover");
    auto* back = new wxButton(this, wxID_ANY, trWx("&Back to sign in"));
    back->SetName("recover-back");
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("recover-message");

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(heading_, wxSizerFlags().Border(wxBOTTOM, 6));
    column->Add(
        new wxStaticText(this, wxID_ANY,
                         trWx("When no administrator can sign in, the recovery key printed or\n"
                              "saved when the database was created adds a new administrator.\n"
                              "Every record stays as it is; the use of the key is recorded.")),
        wxSizerFlags().Border(wxBOTTOM, 12));
    addLabelled(column, trWx("The recovery key"), key_);
    addLabelled(column, trWx("The new administrator's user name"), login_);
    addLabelled(column, trWx("Their passphrase"), passphrase_);
    addLabelled(column, trWx("The same passphrase again"), repeat_);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(back, wxSizerFlags().Border(wxRIGHT, 8));
    buttons->Add(button);
    column->Add(buttons, wxSizerFlags().Right());
    column->Add(message_, wxSizerFlags().Expand().Border(wxTOP, 8));
    SetSizer(centred(column));
    button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { recover(); });
    repeat_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { recover(); });
    back->Bind(wxEVT_BUTTON, [onBack](wxCommandEvent&) { onBack(); });
}

void RecoverAccessPanel::prepare(const std::string& databaseName) {
    heading_->SetLabel(toWx(text::fill(text::tr("Use the recovery key of {1}"), {databaseName})));
    for (auto* control : {key_, login_, passphrase_, repeat_})
        control->Clear();
    message_->SetLabel(wxEmptyString);
    Layout();
    key_->SetFocus();
}

void RecoverAccessPanel::recover() {
    const bool done = runGuarded(atNamedField(this, message_), [this] {
        onRecover_(fromWx(key_->GetValue()), fromWx(login_->GetValue()),
                   fromWx(passphrase_->GetValue()), fromWx(repeat_->GetValue()));
    });
    // Passphrases are never kept in a control longer than needed; the key stays while it is
    // being put right (a slip in 52 characters), and goes when it has been used.
    for (auto* control : {passphrase_, repeat_})
        control->Clear();
    if (done)
        key_->Clear();
}

NewDatabasePanel::NewDatabasePanel(wxWindow* parent, Create onCreate)
    : wxPanel(parent), onCreate_(std::move(onCreate)) {
    heading_ = title(this, trWx("New database"));
    login_ = field(this, "setup-login");
    passphrase_ = field(this, "setup-passphrase", wxTE_PASSWORD);
    repeat_ = field(this, "setup-repeat", wxTE_PASSWORD);
    auto* button = new wxButton(this, wxID_ANY, trWx("C&reate the database"));
    button->SetName("setup-create");
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("setup-message");

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(heading_, wxSizerFlags().Border(wxBOTTOM, 6));
    column->Add(
        new wxStaticText(this, wxID_ANY,
                         trWx("You will be its administrator. Choose a passphrase of at least\n"
                              "10 characters: a few words you will remember are best.")),
        wxSizerFlags().Border(wxBOTTOM, 12));
    addLabelled(column, trWx("Your user name"), login_);
    addLabelled(column, trWx("Passphrase"), passphrase_);
    addLabelled(column, trWx("The same passphrase again"), repeat_);
    column->Add(button, wxSizerFlags().Right());
    column->Add(message_, wxSizerFlags().Expand().Border(wxTOP, 8));
    SetSizer(centred(column));
    button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { create(); });
    repeat_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { create(); });
}

void NewDatabasePanel::prepare(const std::string& databaseName) {
    heading_->SetLabel(toWx(text::fill(text::tr("New database: {1}"), {databaseName})));
    for (auto* control : {login_, passphrase_, repeat_})
        control->Clear();
    message_->SetLabel(wxEmptyString);
    Layout();
    login_->SetFocus();
}

void NewDatabasePanel::create() {
    if (passphrase_->GetValue() != repeat_->GetValue()) {
        repeat_->Clear();
        showRefused(repeat_, message_,
                    text::tr("The two passphrases are not the same. Type it again."));
        return;
    }
    // A refusal is shown at the field it names (the controls are named as the fields), whatever
    // the language of its words.
    const bool created = runGuarded(atNamedField(this, message_), [this] {
        onCreate_(fromWx(login_->GetValue()), fromWx(passphrase_->GetValue()));
    });
    if (created) {
        passphrase_->Clear();
        repeat_->Clear();
    }
}

RecoveryKeyPanel::RecoveryKeyPanel(wxWindow* parent, std::function<void()> onDone,
                                   std::function<void()> onPrint)
    : wxPanel(parent), onDone_(std::move(onDone)) {
    key_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                          wxTE_READONLY | wxTE_CENTRE);
    key_->SetName("recovery-key");
    key_->SetFont(wxFontInfo(14).Family(wxFONTFAMILY_TELETYPE));
    // Wide enough for the whole key (13 groups): a key cut off on screen is copied short.
    key_->SetMinSize(wxSize(key_->GetTextExtent(wxString('W', 52) + wxString('-', 12)).x + 24, -1));
    auto* copy = new wxButton(this, wxID_ANY, trWx("Cop&y"));
    auto* saveButton = new wxButton(this, wxID_ANY, trWx("Save to a &file..."));
    auto* print = new wxButton(this, wxID_ANY, trWx("&Print..."));
    print->SetName("recovery-print");
    auto* done = new wxButton(this, wxID_ANY, trWx("I have stored it safely: &continue"));
    done->SetName("recovery-done");
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    checkKey_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    checkKey_->SetName("check-key");
    checkKey_->SetFont(wxFontInfo(10).Family(wxFONTFAMILY_TELETYPE));

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(title(this, trWx("Your recovery key")), wxSizerFlags().Border(wxBOTTOM, 8));
    column->Add(
        new wxStaticText(
            this, wxID_ANY,
            trWx("If every passphrase is lost, this key is the only way to open the records.\n"
                 "It is shown only now. Print it or write it down, and keep it locked away,\n"
                 "apart from the computer.")),
        wxSizerFlags().Border(wxBOTTOM, 12));
    column->Add(key_, wxSizerFlags().Expand().Border(wxBOTTOM, 8));
    column->Add(new wxStaticText(this, wxID_ANY,
                                 trWx("Keep this check key with it. It is not secret: it lets an "
                                      "administrator confirm\nlater that the database's users are "
                                      "still the ones this key certified.")),
                wxSizerFlags().Border(wxBOTTOM, 4));
    column->Add(checkKey_, wxSizerFlags().Border(wxBOTTOM, 12));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(copy, wxSizerFlags().Border(wxRIGHT, 6));
    buttons->Add(saveButton, wxSizerFlags().Border(wxRIGHT, 6));
    buttons->Add(print, wxSizerFlags().Border(wxRIGHT, 18));
    buttons->Add(done);
    column->Add(buttons, wxSizerFlags().Right());
    column->Add(message_, wxSizerFlags().Expand().Border(wxTOP, 8));
    SetSizer(centred(column));

    copy->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (wxTheClipboard->Open()) {
            wxTheClipboard->SetData(new wxTextDataObject(key_->GetValue()));
            wxTheClipboard->Close();
            showInfo(message_,
                     text::tr("Copied. Paste it somewhere safe, then clear the clipboard."));
        }
    });
    saveButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    print->Bind(wxEVT_BUTTON, [onPrint = std::move(onPrint)](wxCommandEvent&) { onPrint(); });
    done->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        key_->Clear();
        checkKey_->SetLabel(wxEmptyString);
        recoveryKey_.clear();
        checkKeyText_.clear();
        practice_ = nullptr;
        onDone_();
    });
}

void RecoveryKeyPanel::show(const std::string& recoveryKey, const std::string& checkKey,
                            const std::string& databaseName, practice::Practice& practice) {
    practice_ = &practice;
    recoveryKey_ = recoveryKey;
    checkKeyText_ = checkKey;
    databaseName_ = databaseName;
    key_->ChangeValue(toWx(recoveryKey));
    // 64 hex digits in groups of 8, two lines: readable aloud and comparable by eye.
    checkKey_->SetLabel(toWx(documents::checkKeyInGroups(checkKey, 4)));
    message_->SetLabel(wxEmptyString);
    Layout();
}

std::vector<printing::PrintableDocument> RecoveryKeyPanel::printables() const {
    if (recoveryKey_.empty())
        return {};
    return {printing::recoveryKeyDocument(recoveryKey_, checkKeyText_, databaseName_)};
}

void RecoveryKeyPanel::save() {
    wxFileDialog dialog(this, trWx("Save the recovery key"), wxEmptyString, "recovery-key.txt",
                        trWx("Text files (*.txt)|*.txt"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK || !practice_)
        return;
    runGuarded(atNamedField(this, message_), [&] {
        printing::exportRecoveryKeyText(*practice_, recoveryKey_, checkKeyText_,
                                        std::filesystem::path(fromWx(dialog.GetPath())));
        showInfo(message_,
                 text::tr("Saved. Move the file to a safe place away from this computer."));
    });
}

}  // namespace roundtable::ui
