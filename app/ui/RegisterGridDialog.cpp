// Row 0 names each module once across its sessions (cells spanned); the last row and column
// hold the rates. wxGrid keeps its row and column labels in view while it scrolls.
#include "ui/RegisterGridDialog.h"

#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "practice/Dates.h"
#include "practice/Wording.h"
#include "text/Translate.h"
#include "ui/CsvExportButton.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

constexpr int kModuleRow = 0;
constexpr int kFirstMemberRow = 1;

/// The cell's background: a colour for each kind of mark, beside its letter.
wxColour colourOf(const std::optional<records::AttendanceMark>& mark, const std::string& cell) {
    if (mark) {
        switch (mark->status) {
            case records::Attendance::attended:
                return {214, 240, 214};
            case records::Attendance::late:
            case records::Attendance::leftEarly:
                return {253, 235, 200};
            case records::Attendance::absentAuthorised:
            case records::Attendance::absentUnauthorised:
                return {248, 208, 208};
        }
    }
    if (cell == practice::kUnmarkedMark)
        return {255, 250, 205};
    if (cell == practice::kNotHeldMark)
        return {225, 225, 225};
    return *wxWHITE;
}

std::string rate(int present, int counted) {
    if (counted == 0)
        return "";
    return text::fill(text::tr("{1}/{2} ({3}%)"),
                      {std::to_string(present), std::to_string(counted),
                       std::to_string(practice::ratePercent(present, counted))});
}

}  // namespace

RegisterGridDialog::RegisterGridDialog(wxWindow* parent, practice::Practice& practice,
                                       const practice::GroupYear& year)
    : wxDialog(parent, wxID_ANY,
               toWx(text::fill(text::tr("Register for the year: {1}"), {year.group.name})),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      year_(year) {
    SetName("register-grid-dialog");
    const auto dates = practice.dateOrder();
    const auto sessions = static_cast<int>(year_.sessions.size());
    const auto members = static_cast<int>(year_.members.size());
    const auto counts = practice::attendanceCountsOf(year_);
    grid_ = new wxGrid(this, wxID_ANY);
    grid_->SetName("register-grid");
    grid_->CreateGrid(kFirstMemberRow + members + 1, sessions + 1);
    grid_->EnableEditing(false);
    grid_->SetDefaultCellAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    grid_->SetRowLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTRE);

    // Sessions across: number and date, grouped under their module in row 0.
    grid_->SetRowLabelValue(kModuleRow, trWx("Module"));
    for (int s = 0; s < sessions; ++s) {
        const auto& session = year_.sessions[static_cast<std::size_t>(s)];
        grid_->SetColLabelValue(
            s, toWx(std::to_string(s + 1) + "\n" + practice::formatDate(session.date, dates)));
        const bool startsModule =
            s == 0 || year_.sessions[static_cast<std::size_t>(s) - 1].stamp.moduleId !=
                          session.stamp.moduleId;
        if (!startsModule)
            continue;
        int span = 1;
        while (s + span < sessions &&
               year_.sessions[static_cast<std::size_t>(s + span)].stamp.moduleId ==
                   session.stamp.moduleId)
            ++span;
        grid_->SetCellValue(kModuleRow, s, toWx(session.stamp.moduleId));
        grid_->SetCellSize(kModuleRow, s, 1, span);
    }
    grid_->SetColLabelValue(sessions, trWx("Present"));

    // Members down: his code and name, and when he joined late or left.
    for (int m = 0; m < members; ++m) {
        const auto& member = year_.members[static_cast<std::size_t>(m)];
        auto label = member.code + "  " + member.name;
        if (!year_.sessions.empty() && member.joinedOn > year_.sessions.front().date)
            label += "  " + text::fill(text::tr("(joined {1})"),
                                       {practice::formatDate(member.joinedOn, dates)});
        if (member.leftOn)
            label += "  " + text::fill(text::tr("(left {1})"),
                                       {practice::formatDate(*member.leftOn, dates)});
        const int row = kFirstMemberRow + m;
        grid_->SetRowLabelValue(row, toWx(label));
        for (int s = 0; s < sessions; ++s) {
            const auto& session = year_.sessions[static_cast<std::size_t>(s)];
            const auto& mark =
                year_.marks[static_cast<std::size_t>(m)][static_cast<std::size_t>(s)];
            auto cell = practice::registerCell(session, member, mark);
            // Entered after the session's day (a late entry): starred.
            if (mark && practice::dateOf(mark->recordedAt) > session.date)
                cell += "*";
            grid_->SetCellValue(row, s, toWx(cell));
            grid_->SetCellBackgroundColour(row, s, colourOf(mark, cell));
        }
        grid_->SetCellValue(row, sessions,
                            toWx(rate(counts.presentFor[static_cast<std::size_t>(m)],
                                      counts.countedFor[static_cast<std::size_t>(m)])));
    }
    const int totals = kFirstMemberRow + members;
    grid_->SetRowLabelValue(totals, trWx("Present"));
    for (int s = 0; s < sessions; ++s) {
        const auto at = static_cast<std::size_t>(s);
        if (counts.countedAt[at] > 0)
            grid_->SetCellValue(totals, s,
                                toWx(std::to_string(counts.presentAt[at]) + "/" +
                                     std::to_string(counts.countedAt[at])));
    }
    grid_->AutoSizeColumns(false);
    // Measured once the labels are in: every name and both lines of every date show.
    grid_->SetRowLabelSize(wxGRID_AUTOSIZE);
    grid_->SetColLabelSize(wxGRID_AUTOSIZE);

    auto* key = new wxStaticText(
        this, wxID_ANY,
        toWx(text::tr("P present   L late   E left early   A absent (authorised)   "
                      "U absent (unauthorised)   ? no mark   x not held   * entered after the "
                      "session's day.\nEnter or a double-click on a mark opens the session on "
                      "that member.")));
    key->SetName("register-grid-key");
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("register-grid-message");
    auto* exportButton = new CsvExportButton(
        this, practice, [this] { return practice::registerExport(year_); }, message_);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(exportButton, wxSizerFlags().CentreVertical());
    buttons->Add(printPreviewButton(this, "register-print-preview"),
                 wxSizerFlags().CentreVertical().Border(wxLEFT, 8));
    buttons->AddStretchSpacer();
    buttons->Add(CreateStdDialogButtonSizer(wxCLOSE), wxSizerFlags().CentreVertical());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid_, wxSizerFlags(1).Expand().Border(wxALL, 8));
    sizer->Add(key, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizer(sizer);
    SetEscapeId(wxID_CLOSE);
    // As large as the main window: a year is wide.
    sizeToMainWindow(this, 0.95, 0.9);

    grid_->Bind(wxEVT_GRID_CELL_LEFT_DCLICK,
                [this](wxGridEvent& event) { openCell(event.GetRow(), event.GetCol()); });
    grid_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_RETURN || event.GetKeyCode() == WXK_NUMPAD_ENTER)
            openCell(grid_->GetGridCursorRow(), grid_->GetGridCursorCol());
        else
            event.Skip();
    });
}

void RegisterGridDialog::openCell(int row, int column) {
    const int member = row - kFirstMemberRow;
    if (member < 0 || member >= static_cast<int>(year_.members.size()) || column < 0 ||
        column >= static_cast<int>(year_.sessions.size()))
        return;  // the module row, the rates
    chosen_.emplace(year_.sessions[static_cast<std::size_t>(column)].id,
                    year_.members[static_cast<std::size_t>(member)].id);
    EndModal(wxID_OK);
}

}  // namespace roundtable::ui
