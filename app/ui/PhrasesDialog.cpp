// Edit > Phrases for notes...: a list above, the selected phrase's fields below.
#include "ui/PhrasesDialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/SpellCheck.h"
#include "ui/WxText.h"

namespace roundtable::ui {

PhrasesDialog::PhrasesDialog(wxWindow* parent, practice::Practice& practice)
    : wxDialog(parent, wxID_ANY, trWx("Phrases for notes"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      practice_(practice) {
    SetName("phrases-dialog");
    list_ = reportList(
        this, "phrases-list",
        {{text::tr("Shortcut"), 130}, {text::tr("Phrase"), 420}, {text::tr("From"), 170}});
    list_->SetMinSize(FromDIP(wxSize(740, 200)));  // its three columns in full
    shortcut_ = new wxTextCtrl(this, wxID_ANY);
    shortcut_->SetName("phrase-shortcut");
    shortcut_->SetHint(trWx("one word, such as rules"));
    text_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                           wxSize(-1, FromDIP(70)), wxTE_MULTILINE | wxTE_WORDWRAP);
    text_->SetName("phrase-text");
    checkSpelling(text_);
    auto* keep = new wxButton(this, wxID_ANY, trWx("&Keep phrase"));
    keep->SetName("keep-phrase");
    remove_ = new wxButton(this, wxID_ANY, trWx("&Remove phrase"));
    remove_->SetName("remove-phrase");
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("phrases-message");

    auto* form = new wxFlexGridSizer(2, wxSize(FromDIP(8), FromDIP(6)));
    form->AddGrowableCol(1);
    form->Add(new wxStaticText(this, wxID_ANY, trWx("Shortcut:")), wxSizerFlags().CentreVertical());
    form->Add(shortcut_, wxSizerFlags().Expand());
    form->Add(new wxStaticText(this, wxID_ANY, trWx("Phrase:")));
    form->Add(text_, wxSizerFlags().Expand());
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(keep);
    buttons->Add(remove_, wxSizerFlags().Border(wxLEFT, 8));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                trWx("In a note, type a full stop, a shortcut and a space: "
                                     "\".rules \" becomes its phrase.\nYour own phrases are "
                                     "yours alone, and win over the programme's of the same "
                                     "shortcut. Choose a phrase to change it, or type a new "
                                     "shortcut.")),
               wxSizerFlags().Border(wxALL, 12));
    sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 12));
    sizer->Add(form, wxSizerFlags().Expand().Border(wxALL, 12));
    sizer->Add(buttons, wxSizerFlags().Border(wxLEFT | wxRIGHT, 12));
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxALL, 12));
    sizer->Add(CreateStdDialogButtonSizer(wxCLOSE),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 12));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);

    keep->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->keep(); });
    remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->remove(); });
    submitOnEnter({shortcut_}, keep);
    // Ctrl+Enter in the phrase keeps it: Enter there starts a new line.
    text_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        if (event.GetModifiers() == wxMOD_CONTROL && event.GetKeyCode() == WXK_RETURN)
            this->keep();
        else
            event.Skip();
    });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showSelected(); });
    showRowsInFull(list_, nullptr);
    fill("");
    shortcut_->SetFocus();
}

void PhrasesDialog::fill(const std::string& shortcut) {
    list_->DeleteAllItems();
    long row = 0;
    for (const auto& phrase : practice_.phrases()) {
        long at = list_->InsertItem(row++, toWx(practice::kShortcutMarker + phrase.shortcut));
        list_->SetItem(at, 1, toWx(phrase.text) + damagedMark({phrase.damage}));
        list_->SetItem(at, 2, toWx(phrase.from));
        if (phrase.shortcut == shortcut) {
            list_->SetItemState(at, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            list_->EnsureVisible(at);
        }
    }
    remove_->Enable(false);
}

void PhrasesDialog::showSelected() {
    const auto row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const auto& phrases = practice_.phrases();
    if (row < 0 || row >= static_cast<long>(phrases.size()))
        return;
    const auto& phrase = phrases[static_cast<std::size_t>(row)];
    shortcut_->ChangeValue(toWx(phrase.shortcut));
    text_->ChangeValue(toWx(phrase.text));
    remove_->Enable(phrase.own);
    clearRefused(shortcut_, message_);
    if (!phrase.own) {
        showInfo(message_, text::tr("The programme's phrase: keep it changed and it becomes "
                                    "your own, for you alone."));
    }
}

void PhrasesDialog::keep() {
    const auto shortcut = fromWx(shortcut_->GetValue());
    runGuarded(atNamedField(this, message_), [&] {
        practice_.savePhrase(shortcut, fromWx(text_->GetValue()));
        fill(records::trimmed(shortcut));
        showInfo(message_, text::fill(text::tr("Kept. Type .{1} and a space in a note to use it."),
                                      {records::trimmed(shortcut)}));
    });
}

void PhrasesDialog::remove() {
    const auto shortcut = fromWx(shortcut_->GetValue());
    runGuarded(atNamedField(this, message_), [&] {
        practice_.removePhrase(records::trimmed(shortcut));
        fill("");
        shortcut_->Clear();
        text_->Clear();
        showInfo(message_, text::tr("Removed."));
    });
}

}  // namespace roundtable::ui
