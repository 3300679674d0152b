// Text at the UI edge: labels, dates and statuses in words, refused input at its field,
// damaged records marked.
#include "ui/WxText.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "practice/Practice.h"

namespace roundtable::ui {
namespace {
// Non-ASCII text goes through FromUTF8 (a narrow literal would become an empty wxString).
const char* const kWarningSign = "\u26A0";
const wxColour kDamageColour(150, 0, 0);
const wxColour kRefusedTint(255, 228, 225);

/// Takes showRefused's tint and tooltip off `field`.
void untint(wxWindow* field) {
    field->SetBackgroundColour(wxNullColour);
    field->UnsetToolTip();
    field->Refresh();
}

/// Untints a refused `field` at the person's first change to it (typing, choosing, ticking),
/// and clears `messageLine` if it still shows the refusal: the error goes once it is mended.
void untintWhenChanged(wxWindow* field, wxStaticText* messageLine, const wxString& message) {
    auto changed = [field, messageLine, message](wxEvent& event) {
        event.Skip();
        if (field->GetBackgroundColour() != kRefusedTint)
            return;
        untint(field);
        if (messageLine->GetLabel() == message) {
            messageLine->SetLabel(wxEmptyString);
            messageLine->SetForegroundColour(wxNullColour);
        }
    };
    // Bound once for each refusal; after the first change the tint is gone and it does nothing.
    field->Bind(wxEVT_TEXT, changed);
    field->Bind(wxEVT_CHOICE, changed);
    field->Bind(wxEVT_CHECKBOX, changed);
    field->Bind(wxEVT_LISTBOX, changed);
    field->Bind(wxEVT_LIST_ITEM_SELECTED, changed);
}
}  // namespace

wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold());
    return label;
}

std::string readableDate(records::Date date) {
    return fromWx(toWx(date).Format("%a %d %b %Y"));
}

records::Date pickedDate(const wxDateTime& day) {
    return records::Date::fromParts(day.GetYear(), static_cast<unsigned>(day.GetMonth()) + 1,
                                    day.GetDay())
        .value_or(records::Date{});
}

wxDateTime toWx(records::Date date) {
    return {static_cast<wxDateTime::wxDateTime_t>(date.day()),
            static_cast<wxDateTime::Month>(date.month() - 1), date.year()};
}

void showRefused(wxWindow* field, wxStaticText* messageLine, const std::string& message) {
    if (field) {
        field->SetBackgroundColour(kRefusedTint);
        // wx keeps a multi-line field's colour as the style of the text typed next, which
        // clearing the tint would not reach: the field is tinted, never the words.
        if (auto* text = dynamic_cast<wxTextCtrl*>(field); text && text->IsMultiLine())
            text->SetDefaultStyle(wxTextAttr());
        field->SetToolTip(toWx(message));
        field->Refresh();
        field->SetFocus();
        untintWhenChanged(field, messageLine, toWx(message));
    }
    messageLine->SetForegroundColour(wxColour(170, 20, 20));
    messageLine->SetLabel(toWx(message));
    messageLine->GetParent()->Layout();
}

void showInfo(wxStaticText* messageLine, const std::string& message) {
    messageLine->SetForegroundColour(wxNullColour);
    messageLine->SetLabel(toWx(message));
}

bool AskFirst::goesOn(const std::string& question, const std::string& subject,
                      wxStaticText* messageLine, const std::string& howToGoOn) {
    if (question.empty())
        return true;
    const auto asking = subject + '\n' + question;
    if (asked_ == asking) {
        asked_.clear();
        return true;
    }
    asked_ = asking;
    showInfo(messageLine, question + " " + howToGoOn);
    return false;
}

namespace {
/// Each column of `row` under its heading, a line each.
wxString rowInFull(wxListCtrl* list, long row) {
    wxString text;
    for (int column = 0; column < list->GetColumnCount(); ++column) {
        wxListItem heading;
        heading.SetMask(wxLIST_MASK_TEXT);
        list->GetColumn(column, heading);
        const auto cell = list->GetItemText(row, column);
        if (!cell.empty())
            text << (text.empty() ? "" : "\n") << heading.GetText() << ": " << cell;
    }
    return text;
}
}  // namespace

void showRowsInFull(wxListCtrl* list, wxTextCtrl* pane) {
    // The rows are drawn by the list's main window (GTK's list is wx's generic one), which
    // sees the mouse; the header, its other child, is left alone.
    for (auto* rows : list->GetChildren()) {
        if (wxString(rows->GetClassInfo()->GetClassName()) != "wxListMainWindow")
            continue;
        rows->Bind(wxEVT_MOTION, [list, rows](wxMouseEvent& event) {
            event.Skip();
            int flags = 0;
            const long row = list->HitTest(event.GetPosition(), flags);
            const auto text = row >= 0 ? rowInFull(list, row) : wxString();
            if (rows->GetToolTipText() != text)
                rows->SetToolTip(text);
        });
    }
    if (!pane)
        return;
    auto showSelected = [list, pane](wxListEvent& event) {
        event.Skip();
        const long row = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        pane->ChangeValue(row >= 0 ? rowInFull(list, row) : wxString());
    };
    list->Bind(wxEVT_LIST_ITEM_SELECTED, showSelected);
    list->Bind(wxEVT_LIST_ITEM_DESELECTED, showSelected);
    list->Bind(wxEVT_LIST_DELETE_ALL_ITEMS, [pane](wxListEvent& event) {
        event.Skip();
        pane->Clear();
    });
}

void tabInOrder(const std::vector<wxWindow*>& windows) {
    wxWindow* previous = nullptr;
    for (auto* window : windows) {
        if (previous)
            window->MoveAfterInTabOrder(previous);
        previous = window;
    }
}

void submitOnEnter(std::initializer_list<wxTextCtrl*> fields, wxButton* button) {
    for (auto* field : fields) {
        // GTK reads the style when Enter is pressed, so it can be added after creation.
        field->SetWindowStyleFlag(field->GetWindowStyleFlag() | wxTE_PROCESS_ENTER);
        field->Bind(wxEVT_TEXT_ENTER, [button](wxCommandEvent&) {
            if (!button->IsEnabled())
                return;
            wxCommandEvent click(wxEVT_BUTTON, button->GetId());
            click.SetEventObject(button);
            button->ProcessWindowEvent(click);
        });
    }
}

wxWindow* fieldNamed(wxWindow* parent, const std::string& field) {
    return field.empty() ? nullptr : wxWindow::FindWindowByName(toWx(field), parent);
}

void clearRefused(wxWindow* field, wxStaticText* messageLine) {
    if (field)
        untint(field);
    messageLine->SetLabel(wxEmptyString);
}

wxString damagedMark(const std::vector<std::string>& damages) {
    for (const auto& damage : damages) {
        if (!damage.empty())
            return "  " + wxString::FromUTF8(kWarningSign) + " " + trWx("damaged");
    }
    return {};
}

DamageNotice::DamageNotice(wxWindow* parent, const wxString& name)
    // No auto-resize: wrapping must not resize the control, or the next size event would
    // wrap it narrower again, without end. The sizer gives it its width.
    : wxStaticText(parent, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                   wxST_NO_AUTORESIZE) {
    SetName(name);
    SetForegroundColour(kDamageColour);
    SetFont(GetFont().Bold());
    // Narrow minimum width: the sizer decides the width and the text wraps to it, instead of
    // one long line widening the whole column.
    SetMinSize(wxSize(40, -1));
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        wrapTo(event.GetSize().x);
    });
    Hide();
}

void DamageNotice::show(const std::vector<std::string>& damages) {
    auto warning = practice::damageWarning(damages);
    text_ = warning.empty() ? wxString() : toWx(warned(warning));
    wrappedAt_ = -1;
    SetLabel(text_);
    InvalidateBestSize();
    Show(!text_.empty());
    wrapTo(GetSize().x);
    GetParent()->Layout();
}

void DamageNotice::wrapTo(int width) {
    if (text_.empty() || width <= 40 || width == wrappedAt_)
        return;
    wrappedAt_ = width;
    SetLabel(text_);
    Wrap(width);
    InvalidateBestSize();
    // The wrapped text needs a different height: lay the parent out again once this size
    // event is over.
    CallAfter([this] { GetParent()->Layout(); });
}

std::string warned(const std::string& message) {
    std::string text(kWarningSign);
    text.append(" ").append(message);
    return text;
}

wxListCtrl* reportList(wxWindow* parent, const char* name,
                       std::initializer_list<std::pair<const char*, int>> columns) {
    auto* made = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxLC_REPORT | wxLC_SINGLE_SEL);
    made->SetName(name);
    for (const auto& [title, width] : columns)
        made->AppendColumn(toWx(title), wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return made;
}

void fitListToRows(wxListCtrl* list, int mostRows, int leastWidth) {
    const int rows = std::clamp(list->GetItemCount(), 1, mostRows);
    wxRect row;
    const int rowHeight = list->GetItemCount() > 0 && list->GetItemRect(0, row)
                              ? row.height
                              : list->GetCharHeight() * 2;
    list->SetMinSize(wxSize(leastWidth, (rows + 1) * rowHeight + rowHeight / 2 + 8));
}

wxButton* printPreviewButton(wxDialog* dialog, const wxString& name) {
    auto* button = new wxButton(dialog, wxID_PREVIEW, trWx("Print pre&view..."));
    button->SetName(name);
    button->Bind(wxEVT_BUTTON, [dialog](wxCommandEvent&) { dialog->EndModal(wxID_PREVIEW); });
    return button;
}

void sizeToMainWindow(wxDialog* dialog, double widthShare, double heightShare, wxSize most) {
    auto size = wxGetTopLevelParent(dialog->GetParent())->GetSize().Scale(widthShare, heightShare);
    if (most != wxDefaultSize)
        size.DecTo(dialog->FromDIP(most));
    dialog->SetSize(size);
    dialog->CentreOnParent();
}

void layOutFormDialog(wxDialog* dialog, const wxString& intro, wxSizer* form, wxStaticText* message,
                      const wxString& okLabel) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(dialog, wxID_ANY, intro), wxSizerFlags().Border(wxALL, 12));
    sizer->Add(form, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 12));
    sizer->Add(message, wxSizerFlags().Expand().Border(wxALL, 12));
    auto* buttons = dialog->CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = buttons->GetAffirmativeButton(); ok && !okLabel.empty())
        ok->SetLabel(okLabel);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 12));
    dialog->SetSizerAndFit(sizer);
}

}  // namespace roundtable::ui
