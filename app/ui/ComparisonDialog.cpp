// The comparison as text, unwrapped: each line is one difference, and long lines scroll.
#include "ui/ComparisonDialog.h"

#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "ui/WxText.h"

namespace roundtable::ui {

void showComparison(wxWindow* parent, const std::string& title, const std::string& text) {
    wxDialog dialog(parent, wxID_ANY, toWx(title), wxDefaultPosition, wxSize(900, 600),
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* view = new wxTextCtrl(&dialog, wxID_ANY, toWx(text), wxDefaultPosition, wxDefaultSize,
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    view->SetName("compare-text");
    sizer->Add(view, wxSizerFlags(1).Expand().Border(wxALL, 8));
    sizer->Add(dialog.CreateButtonSizer(wxCLOSE), wxSizerFlags().Expand().Border(wxALL, 8));
    dialog.SetSizer(sizer);
    dialog.SetEscapeId(wxID_CLOSE);
    dialog.ShowModal();
}

}  // namespace roundtable::ui
