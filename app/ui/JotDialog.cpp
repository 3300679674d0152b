// The jottings window (JotDialog.h).
#include "ui/JotDialog.h"

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "text/Translate.h"
#include "ui/WxText.h"

namespace roundtable::ui {

JotDialog::JotDialog(wxWindow* parent, JotTarget target)
    : wxDialog(parent, wxID_ANY, trWx("Jot a few words")), target_(std::move(target)) {
    SetName("jot");
    members_ = new wxListBox(this, wxID_ANY);
    members_->SetName("jot-members");
    int number = 0;
    for (const auto& [id, code] : target_.codes) {
        ++number;
        // A digit picks one of the first nine; the arrows reach the rest.
        members_->Append(number <= 9 ? wxString::Format("%d   %s", number, toWx(code))
                                     : "    " + toWx(code));
    }
    if (!target_.codes.empty())
        members_->SetSelection(0);
    words_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                            FromDIP(wxSize(320, -1)), wxTE_PROCESS_ENTER);
    words_->SetName("jotting");
    words_->SetHint(trWx("A few words, for his note"));
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("jot-message");
    atWords_ = atField(message_, [this](const std::string&) { return words_; });
    auto* help = new wxStaticText(
        this, wxID_ANY, trWx("A number picks the man; type, then Enter keeps it. Esc leaves."));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(help, wxSizerFlags().Border(wxALL, 10));
    sizer->Add(members_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 10));
    sizer->Add(words_, wxSizerFlags().Expand().Border(wxALL, 10));
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 10));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL),
               wxSizerFlags().Expand().Border(wxALL, 10));
    SetSizerAndFit(sizer);
    CentreOnParent();

    Bind(wxEVT_CHAR_HOOK, &JotDialog::onKey, this);
    words_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { keep(); });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { keep(); }, wxID_OK);
    members_->SetFocus();
}

void JotDialog::onKey(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    // A digit in the list picks that man and moves to the words; in the words it is typing.
    if (wxWindow::FindFocus() == members_ && event.GetModifiers() == wxMOD_NONE && key >= '1' &&
        key <= '9' && static_cast<std::size_t>(key - '1') < target_.codes.size()) {
        members_->SetSelection(key - '1');
        words_->SetFocus();
        return;
    }
    if (wxWindow::FindFocus() == members_ && (key == WXK_RETURN || key == WXK_NUMPAD_ENTER)) {
        words_->SetFocus();
        return;
    }
    event.Skip();
}

void JotDialog::keep() {
    const int chosen = members_->GetSelection();
    if (chosen == wxNOT_FOUND)
        return;
    const auto member = target_.codes[static_cast<std::size_t>(chosen)].first;
    clearRefused(words_, message_);
    if (runGuarded(atWords_, [&] { target_.jot(member, fromWx(words_->GetValue())); })) {
        words_->Clear();  // nothing typed stays on a screen the room may see
        EndModal(wxID_OK);
    }
}

}  // namespace roundtable::ui
