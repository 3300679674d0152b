// wxWrapSizer without its default of stretching the last control of each line (a button
// as wide as the window).
#include "ui/FlowingRow.h"

#include <wx/window.h>
#include <wx/wrapsizer.h>

namespace roundtable::ui {

wxSizer* flowingRow(std::initializer_list<wxWindow*> controls, int gap) {
    auto* row = new wxWrapSizer(wxHORIZONTAL, wxREMOVE_LEADING_SPACES);
    for (auto* control : controls) {
        row->Add(control,
                 wxSizerFlags().CenterVertical().Border(wxRIGHT | wxBOTTOM, control->FromDIP(gap)));
    }
    return row;
}

}  // namespace roundtable::ui
