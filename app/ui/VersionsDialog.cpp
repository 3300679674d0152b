// Rows are read once, as the dialog opens; the comparison is made on demand through
// practice::CurriculumChanges (which loads each text as the loader checks it).
#include "ui/VersionsDialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "text/Translate.h"
#include "ui/ComparisonDialog.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

std::string joinedLogins(const std::vector<std::string>& logins) {
    std::string text;
    for (const auto& login : logins)
        text.append(text.empty() ? "" : ", ").append(login);
    return text;
}

/// "2026-12-01 15:01 UTC" from "2026-12-01T15:01:07Z".
std::string readableTime(std::string at) {
    at = at.substr(0, 16);
    if (at.size() > 10 && at[10] == 'T')
        at[10] = ' ';
    return at + " UTC";
}

std::string nameOf(const practice::ModuleVersion& version) {
    return version.draft ? std::string(text::tr("the draft"))
                         : text::fill(text::tr("version {1}"), {std::to_string(*version.version)});
}

}  // namespace

VersionsDialog::VersionsDialog(wxWindow* parent, practice::CurriculumChanges changes,
                               std::string moduleId, bool hasDraft)
    : wxDialog(parent, wxID_ANY, trWx("Versions of the module"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      changes_(changes),
      moduleId_(std::move(moduleId)) {
    SetName("module-versions");
    list_ =
        new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(820, 300)), wxLC_REPORT);
    list_->SetName("versions-list");
    list_->AppendColumn(trWx("Version"), wxLIST_FORMAT_LEFT, FromDIP(80));
    list_->AppendColumn(trWx("Published"), wxLIST_FORMAT_LEFT, FromDIP(150));
    list_->AppendColumn(trWx("By"), wxLIST_FORMAT_LEFT, FromDIP(100));
    list_->AppendColumn(trWx("Written by"), wxLIST_FORMAT_LEFT, FromDIP(120));
    list_->AppendColumn(trWx("What it changes"), wxLIST_FORMAT_LEFT, FromDIP(360));
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("versions-message");

    auto add = [this](const practice::ModuleVersion& which, const std::vector<std::string>& cells) {
        const long row = list_->InsertItem(list_->GetItemCount(), toWx(cells[0]));
        for (std::size_t column = 1; column < cells.size(); ++column)
            list_->SetItem(row, static_cast<long>(column), toWx(cells[column]));
        rows_.push_back(which);
    };
    runGuarded(atNamedField(this, message_), [&] {
        if (hasDraft)
            add({{}, true}, {text::tr("draft"), text::tr("not yet"), "", "", ""});
        for (const auto& version : changes_.publishedVersions(moduleId_)) {
            add({version.version, false},
                {std::to_string(version.version), readableTime(version.publishedAt),
                 version.publishedBy, joinedLogins(version.authors),
                 version.summary.empty() ? text::tr("(as shipped)") : version.summary});
        }
    });
    if (!rows_.empty())
        list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);

    auto* compare = new wxButton(this, wxID_ANY, trWx("&Compare"));
    compare->SetName("versions-compare");
    compare->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { compareSelected(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { compareSelected(); });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                trWx("Choose one version to see what it changed, or two "
                                     "(Ctrl+click) to compare them.")),
               wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, 8));
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(compare, wxSizerFlags().Border(wxRIGHT, 8));
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, trWx("Close")));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);
}

wxString VersionsDialog::message() const {
    return message_->GetLabel();
}

void VersionsDialog::compareSelected() {
    std::vector<std::size_t> chosen;
    for (long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); row >= 0;
         row = list_->GetNextItem(row, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        chosen.push_back(static_cast<std::size_t>(row));
    if (chosen.size() == 1 && chosen[0] + 1 < rows_.size())
        chosen.push_back(chosen[0] + 1);  // the version before it
    if (chosen.size() != 2) {
        showRefused(nullptr, message_,
                    chosen.size() > 2 ? text::tr("Choose two versions to compare, not more.")
                                      : text::tr("This is the first version: there is nothing "
                                                 "before it to compare it with."));
        return;
    }
    // Rows are the newest first: the lower row is the older text.
    const auto& older = rows_[std::max(chosen[0], chosen[1])];
    const auto& newer = rows_[std::min(chosen[0], chosen[1])];
    runGuarded(atNamedField(this, message_), [&] {
        auto comparison = changes_.compare(moduleId_, older, newer);
        const auto title = text::fill(text::tr("From {1} to {2}"), {nameOf(older), nameOf(newer)});
        message_->SetLabel(wxEmptyString);
        if (show_)
            show_(title, comparison);
        else
            showComparison(this, title, comparison);
    });
}

}  // namespace roundtable::ui
