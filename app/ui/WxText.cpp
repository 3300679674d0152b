// Showing refused input at its field.
#include "ui/WxText.h"

#include <wx/stattext.h>

namespace roundtable::ui {

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

void clearRefused(wxWindow* field, wxStaticText* messageLine) {
    if (field) {
        field->SetBackgroundColour(wxNullColour);
        field->UnsetToolTip();
        field->Refresh();
    }
    messageLine->SetLabel(wxEmptyString);
}

}  // namespace roundtable::ui
