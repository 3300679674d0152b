// Text at the UI edge: labels, dates and statuses in words, refused input at its field.
#include "ui/WxText.h"

#include <wx/datetime.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace roundtable::ui {

wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold());
    return label;
}

std::string readableDate(const std::string& isoDate) {
    wxDateTime date;
    if (!date.ParseISODate(toWx(isoDate)))
        return isoDate;
    return fromWx(date.Format("%a %d %b %Y"));
}

const char* sessionStatusLabel(records::SessionStatus status) {
    switch (status) {
        case records::SessionStatus::tookPlace:
            return "Took place";
        case records::SessionStatus::didNotTakePlace:
            return "Did not take place";
        case records::SessionStatus::planned:
            break;
    }
    return "Planned";
}

const char* attendanceLabel(records::Attendance status) {
    switch (status) {
        case records::Attendance::attended:
            return "Present";
        case records::Attendance::late:
            return "Late";
        case records::Attendance::leftEarly:
            return "Left early";
        case records::Attendance::absentAuthorised:
            return "Absent (authorised)";
        case records::Attendance::absentUnauthorised:
            return "Absent (unauthorised)";
    }
    return "";
}

void showRefused(wxWindow* field, wxStaticText* messageLine, const std::string& message) {
    if (field) {
        field->SetBackgroundColour(wxColour(255, 228, 225));
        field->SetToolTip(toWx(message));
        field->Refresh();
        field->SetFocus();
    }
    messageLine->SetForegroundColour(wxColour(170, 20, 20));
    messageLine->SetLabel(toWx(message));
    messageLine->GetParent()->Layout();
}

void showInfo(wxStaticText* messageLine, const std::string& message) {
    messageLine->SetForegroundColour(wxNullColour);
    messageLine->SetLabel(toWx(message));
}

void clearTintWhenEdited(wxTextCtrl* field) {
    field->Bind(wxEVT_TEXT, [field](wxCommandEvent& event) {
        field->SetBackgroundColour(wxNullColour);
        field->UnsetToolTip();
        field->Refresh();
        event.Skip();
    });
}

wxWindow* fieldNamed(wxWindow* parent, const std::string& field) {
    return field.empty() ? nullptr : wxWindow::FindWindowByName(toWx(field), parent);
}

void clearRefused(wxWindow* field, wxStaticText* messageLine) {
    if (field) {
        field->SetBackgroundColour(wxNullColour);
        field->UnsetToolTip();
        field->Refresh();
    }
    messageLine->SetLabel(wxEmptyString);
}

}  // namespace roundtable::ui
