// Session page handlers: the register and notes go through practice::Practice only.
#include "ui/SessionPanel.h"

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <array>

#include "documents/SessionContent.h"
#include "practice/SessionRun.h"
#include "practice/Wording.h"
#include "printing/PageDocuments.h"
#include "text/Translate.h"
#include "ui/AdaptPlanDialog.h"
#include "ui/ComparisonDialog.h"
#include "ui/NoteEditor.h"
#include "ui/NotesRoundDialog.h"
#include "ui/SessionContentView.h"
#include "ui/SessionModeFrame.h"
#include "ui/SessionRatingsDialog.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

struct MarkChoice {
    records::Attendance status;
    const char* button;  // with a mnemonic for keyboard use
    const char* name;
};
constexpr std::array<MarkChoice, 5> kMarks = {{
    {records::Attendance::attended, text::trLater("&Present"), "mark-attended"},
    {records::Attendance::late, text::trLater("La&te"), "mark-late"},
    {records::Attendance::leftEarly, text::trLater("Left &early"), "mark-left-early"},
    {records::Attendance::absentAuthorised, text::trLater("Absent, a&uthorised"),
     "mark-absent-authorised"},
    {records::Attendance::absentUnauthorised, text::trLater("Absent, u&nauthorised"),
     "mark-absent-unauthorised"},
}};

const char* noteLabel(const std::optional<records::ProgressNote>& note) {
    if (!note)
        return "";
    if (note->state == records::NoteState::draft)
        return text::tr("draft");
    if (!note->amendments.empty())
        return note->lateEntry ? text::tr("signed (late), corrected")
                               : text::tr("signed, corrected");
    return note->lateEntry ? text::tr("signed (late)") : text::tr("signed");
}

std::optional<records::Attendance> markForKey(int key) {
    switch (key) {
        case 'P':
            return records::Attendance::attended;
        case 'L':
            return records::Attendance::late;
        case 'E':
            return records::Attendance::leftEarly;
        case 'A':
            return records::Attendance::absentAuthorised;
        case 'U':
            return records::Attendance::absentUnauthorised;
        default:
            return std::nullopt;
    }
}

}  // namespace

SessionPanel::SessionPanel(wxWindow* parent) : wxPanel(parent) {
    // Cut with an ellipsis on a narrow window (the whole of it in the tooltip), rather than
    // widening the page beyond it.
    header_ = new wxStaticText(this, wxID_ANY, trWx("Open a session from the Group page."),
                               wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    header_->SetFont(header_->GetFont().Bold().Larger());
    header_->SetName("session-header");
    sessionDamage_ = new DamageNotice(this, "session-damage");

    plan_ = planList(this, "session-plan");
    // The lists may be narrower than their columns (they scroll): on a 1024-wide window the
    // note column beside them, with any warning about the note, stays in view.
    plan_->SetMinSize(wxSize(240, 80));

    register_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL);
    register_->SetName("register");
    register_->AppendColumn(trWx("Code"), wxLIST_FORMAT_LEFT, 60);
    register_->AppendColumn(trWx("Member"), wxLIST_FORMAT_LEFT, 150);
    register_->AppendColumn(trWx("Attendance"), wxLIST_FORMAT_LEFT, 150);
    register_->AppendColumn(trWx("Note"), wxLIST_FORMAT_LEFT, 200);
    register_->SetMinSize(wxSize(240, 110));
    // The columns share the register's width: no sideways scrolling, and no scroll bar
    // hiding the last member on a narrow window.
    register_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        const int width = register_->GetClientSize().x;
        const int code = FromDIP(60);
        const int rest = std::max(width - code, FromDIP(180));
        register_->SetColumnWidth(0, code);
        // The mark takes the most: it says why he was absent, or how long he was there.
        register_->SetColumnWidth(1, rest * 33 / 100);
        register_->SetColumnWidth(2, rest * 40 / 100);
        register_->SetColumnWidth(3, rest - rest * 33 / 100 - rest * 40 / 100);
    });

    auto* markRow = new wxWrapSizer(wxHORIZONTAL);
    everyoneButton_ = new wxButton(this, wxID_ANY, trWx("E&veryone present"));
    everyoneButton_->SetName("mark-everyone-present");
    everyoneButton_->SetToolTip(
        trWx("Marks everyone not yet marked as present. In the register, "
             "a letter marks the member chosen: P present, L late, E left "
             "early, A absent authorised, U absent unauthorised."));
    everyoneButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { markEveryonePresent(); });
    for (const auto& choice : kMarks) {
        // Fitted to their words: the five in one row at 1366 wide, leaving the register room.
        auto* button = new wxButton(this, wxID_ANY, trWx(choice.button), wxDefaultPosition,
                                    wxDefaultSize, wxBU_EXACTFIT);
        button->SetName(choice.name);
        button->Bind(wxEVT_BUTTON,
                     [this, status = choice.status](wxCommandEvent&) { mark(status); });
        markRow->Add(button, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, 4));
        markButtons_.push_back(button);
    }
    reason_ = new wxTextCtrl(this, wxID_ANY);
    reason_->SetName("absence-reason");
    reason_->SetHint(trWx("Reason (needed when absent)"));
    minutes_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                              wxTE_PROCESS_ENTER);
    minutes_->SetName("minutes-present");
    minutes_->SetMinSize(wxSize(FromDIP(150), -1));
    minutes_->SetHint(trWx("Minutes present"));
    minutes_->SetToolTip(
        trWx("For a member who came late or left early: how many minutes of "
             "the session he was there, when known."));
    reason_->SetWindowStyleFlag(reason_->GetWindowStyleFlag() | wxTE_PROCESS_ENTER);
    // Enter in either field records the mark chosen by a letter in the register.
    for (auto* field : {reason_, minutes_}) {
        field->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent& event) {
            if (!pendingMark_) {
                event.Skip();
                return;
            }
            if (mark(*pendingMark_))
                register_->SetFocus();
        });
    }
    notesRoundButton_ = new wxButton(this, wxID_ANY, trWx("Notes r&ound..."));
    notesRoundButton_->SetName("open-notes-round");
    notesRoundButton_->SetToolTip(
        trWx("The note of every member who was there, one after another, by keyboard"));

    // Beside the plan and the register, two pages: the note of the member chosen in the
    // register, and the curriculum's content of the activity chosen in the plan (or of the whole
    // session). Pages rather than both at once: at 1024x768 either needs the column's height.
    sideBook_ = new wxNotebook(this, wxID_ANY);
    sideBook_->SetName("session-side");
    auto* notePage = new wxPanel(sideBook_);
    notePage->SetName("note-page");
    noteLabel_ = heading(notePage, trWx("Progress note"));
    lineDamage_ = new DamageNotice(notePage, "register-damage");
    editor_ = new NoteEditor(notePage);
    editor_->offerPhrases([this] { return practice_ ? &practice_->phrases() : nullptr; });
    saveNoteButton_ = new wxButton(notePage, wxID_ANY, trWx("&Save note"));
    saveNoteButton_->SetName("save-note");
    signNoteButton_ = new wxButton(notePage, wxID_ANY, trWx("S&ign note"));
    signNoteButton_->SetName("sign-note");
    content_ = new SessionContentView(sideBook_, "session-content");
    sideBook_->AddPage(notePage, trWx("Progress note"));
    sideBook_->AddPage(content_, trWx("Plan in full"));
    deliveredButton_ = new wxButton(this, wxID_ANY, trWx("Session &took place"));
    deliveredButton_->SetName("mark-delivered");
    notHeldReason_ = new wxTextCtrl(this, wxID_ANY);
    notHeldReason_->SetName("not-held-reason");
    notHeldReason_->SetHint(trWx("Why it did not take place"));
    notHeldReason_->SetMinSize(wxSize(200, -1));
    notHeldButton_ = new wxButton(this, wxID_ANY, trWx("Did &not take place"));
    notHeldButton_->SetName("mark-not-held");
    ratingsButton_ = new wxButton(this, wxID_ANY, trWx("Session &ratings..."));
    ratingsButton_->SetName("session-ratings");
    ratingsButton_->SetToolTip(
        trWx("How each member who was there related to the group and its facilitators"));
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("session-message");
    // Filled with one check box per person when a session is shown.
    facilitatorRow_ = new wxWrapSizer(wxHORIZONTAL);
    facilitatorRow_->Add(new wxStaticText(this, wxID_ANY, trWx("Run by:")),
                         wxSizerFlags().CenterVertical().Border(wxRIGHT, 8));

    // Left: the plan above the register (the order of the work in a session); right: the
    // note of the member selected in the register, with room to write.
    auto* sessionColumn = new wxBoxSizer(wxVERTICAL);
    // Which version of its module the plan came from, and how the newest differs (issue 12).
    plannedFrom_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    plannedFrom_->SetName("planned-from");
    compareButton_ = new wxButton(this, wxID_ANY, trWx("Compare with the newest..."));
    compareButton_->SetName("compare-with-newest");
    compareButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        showComparison(this, text::tr("What changed since this session was planned"), differences_);
    });
    // The plan of a session not yet delivered, adapted for this group (issue 14, item 4).
    adaptButton_ = new wxButton(this, wxID_ANY, trWx("A&dapt the plan..."));
    adaptButton_->SetName("adapt-plan-button");
    adaptButton_->SetToolTip(
        trWx("This group's order, minutes and guidance for the activities, with the reason "
             "(Alt+D). The curriculum is not changed."));
    adaptButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { adaptPlan(); });
    sessionModeButton_ = new wxButton(this, wxID_ANY, trWx("Session &mode"));
    sessionModeButton_->SetName("session-mode-button");
    sessionModeButton_->SetToolTip(
        trWx("The plan large, with timers and prompts, for running the "
             "session (F5)"));
    sessionModeButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openSessionMode(); });
    // Wraps on a narrow window (1024 wide), the button under the words, so that the note
    // column beside it keeps its width.
    auto* planHeading = new wxWrapSizer(wxHORIZONTAL);
    auto* planLabel = heading(this, trWx("Plan"));
    // As wide as its bold text, measured here: GTK measures a label on a page not yet shown in
    // the regular font (WxText.h), which cut "Plan" short beside the version.
    planLabel->SetMinSize(planLabel->GetTextExtent(planLabel->GetLabelText()) +
                          FromDIP(wxSize(2, 0)));
    planHeading->Add(planLabel, wxSizerFlags().CenterVertical().Border(wxRIGHT, 10));
    planHeading->Add(plannedFrom_, wxSizerFlags().CenterVertical().Border(wxRIGHT, 10));
    planHeading->Add(compareButton_, wxSizerFlags().CenterVertical());
    sessionColumn->Add(planHeading, wxSizerFlags().Expand().Border(wxBOTTOM, 4));
    sessionColumn->Add(plan_, wxSizerFlags(2).Expand());
    // Wraps on a narrow window (1024 wide), so that the note column beside it stays in view.
    auto* statusRow = new wxWrapSizer(wxHORIZONTAL);
    statusRow->Add(deliveredButton_, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, 6));
    statusRow->Add(notHeldReason_, wxSizerFlags(1).CenterVertical().Border(wxRIGHT | wxBOTTOM, 6));
    statusRow->Add(notHeldButton_, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, 6));
    statusRow->Add(ratingsButton_, wxSizerFlags().Border(wxBOTTOM, 6));
    sessionColumn->Add(statusRow, wxSizerFlags().Expand().Border(wxTOP, 6));
    sessionColumn->Add(facilitatorRow_, wxSizerFlags().Expand().Border(wxTOP, 6));
    // The register's two steps beside its heading, "Everyone present" then the notes round: a
    // row of mark buttons fewer on a 1024x768 screen, and the note column no wider.
    auto* registerHeading = new wxBoxSizer(wxHORIZONTAL);
    registerHeading->Add(heading(this, trWx("Register")), wxSizerFlags(1).CenterVertical());
    registerHeading->Add(everyoneButton_, wxSizerFlags().CenterVertical().Border(wxRIGHT, 6));
    registerHeading->Add(notesRoundButton_, wxSizerFlags().CenterVertical());
    sessionColumn->Add(registerHeading, wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM, 4));
    sessionColumn->Add(register_, wxSizerFlags(3).Expand());
    sessionColumn->Add(markRow, wxSizerFlags().Expand().Border(wxTOP, 6));
    auto* reasonRow = new wxBoxSizer(wxHORIZONTAL);
    reasonRow->Add(reason_, wxSizerFlags(1).Border(wxRIGHT, 6));
    reasonRow->Add(minutes_, wxSizerFlags());
    sessionColumn->Add(reasonRow, wxSizerFlags().Expand().Border(wxTOP, 4));

    auto* noteColumn = new wxBoxSizer(wxVERTICAL);
    noteColumn->Add(noteLabel_, wxSizerFlags().Expand().Border(wxBOTTOM, 4));
    // Above the note: a damaged member record or attendance mark of the selected line (the
    // note column has the height to spare).
    noteColumn->Add(lineDamage_, wxSizerFlags().Expand().Border(wxBOTTOM, 6));
    noteColumn->Add(editor_, wxSizerFlags(1).Expand());
    auto* noteButtons = new wxBoxSizer(wxHORIZONTAL);
    noteButtons->Add(saveNoteButton_, wxSizerFlags().Border(wxRIGHT, 6));
    noteButtons->Add(signNoteButton_);
    noteColumn->Add(noteButtons, wxSizerFlags().Border(wxTOP, 4));
    auto* notePadding = new wxBoxSizer(wxVERTICAL);
    notePadding->Add(noteColumn, wxSizerFlags(1).Expand().Border(wxALL, 6));
    notePage->SetSizer(notePadding);

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(sessionColumn, wxSizerFlags(3).Expand().Border(wxRIGHT, 12));
    columns->Add(sideBook_, wxSizerFlags(2).Expand());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // Session mode's button beside the header, in the height the header's margins took, so
    // that the register below keeps room for the whole group on a 768-high screen.
    auto* headerRow = new wxBoxSizer(wxHORIZONTAL);
    headerRow->Add(header_, wxSizerFlags(1).CenterVertical());
    // Adapting the plan beside it, in the same height: not a row of its own above the plan.
    headerRow->Add(adaptButton_, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
    headerRow->Add(sessionModeButton_, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
    sizer->Add(headerRow, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(sessionDamage_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
    sizer->Add(columns, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 8));
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizer(sizer);

    // Tab follows the layout, top to bottom and left to right (who ran it, added when a session
    // is shown, goes before the register: showFacilitators).
    std::vector<wxWindow*> laidOut{
        adaptButton_,     sessionModeButton_, compareButton_, plan_,
        deliveredButton_, notHeldReason_,     notHeldButton_, ratingsButton_,
        everyoneButton_,  notesRoundButton_,  register_};
    laidOut.insert(laidOut.end(), markButtons_.begin(), markButtons_.end());
    laidOut.insert(laidOut.end(), {reason_, minutes_, sideBook_});
    tabInOrder(laidOut);
    failure_ = atNamedField(this, message_);
    atNoteField_ =
        atField(message_, [this](const std::string& field) { return editor_->fieldFor(field); });
    // A wrap sizer's minimum width is that of its last layout: after the window narrows, lay
    // out once more so that the rows wrap and the note column keeps its share.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { Layout(); });
    });
    register_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        showNotePage();
        showSelectedNote();
    });
    // An activity chosen in the plan: its guidance, adapt, watch for and easy-read points; none
    // chosen: the session's objectives, materials and carers' handout.
    plan_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        showPlanContent();
        sideBook_->SetSelection(1);
    });
    plan_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { showPlanContent(); });
    // A letter alone marks the member chosen; with Ctrl or Alt it is a shortcut and goes on.
    // (The hook sees the key, with its modifiers, on its way up from the list's own window.)
    register_->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        const int modifiers = event.GetModifiers();
        if ((modifiers != wxMOD_NONE && modifiers != wxMOD_SHIFT) || !markByKey(event.GetKeyCode()))
            event.Skip();
    });
    notesRoundButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openNotesRound(); });
    // The two steps of the hour after a session, from anywhere on the page whatever GTK does
    // with the buttons' mnemonics (the same keys).
    const int everyoneId = wxWindow::NewControlId();
    const int roundId = wxWindow::NewControlId();
    const int adaptId = wxWindow::NewControlId();
    std::array<wxAcceleratorEntry, 3> keys{wxAcceleratorEntry(wxACCEL_ALT, 'V', everyoneId),
                                           wxAcceleratorEntry(wxACCEL_ALT, 'O', roundId),
                                           wxAcceleratorEntry(wxACCEL_ALT, 'D', adaptId)};
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(keys.size()), keys.data()));
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (everyoneButton_->IsEnabled())
                markEveryonePresent();
        },
        everyoneId);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (notesRoundButton_->IsEnabled())
                openNotesRound();
        },
        roundId);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { adaptPlan(); }, adaptId);
    saveNoteButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveNote(); });
    signNoteButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { signNote(); });
    deliveredButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { markDelivered(); });
    notHeldButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { markNotHeld(); });
    submitOnEnter({notHeldReason_}, notHeldButton_);
    ratingsButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { rateSession(); });
    editor_->onAddCorrection([this] { addCorrection(); });
    editor_->onReview([this](records::ReviewOutcome outcome) { reviewNote(outcome); });
    compareButton_->Hide();  // until a session planned from an older version is shown
    // F5 anywhere on the page, as the button's tooltip says: seen by the window before the
    // control with the focus, and unbound by wx when this page goes (it is the handler).
    if (auto* window = wxGetTopLevelParent(this))
        window->Bind(wxEVT_CHAR_HOOK, &SessionPanel::onKeyInWindow, this);
    enableControls();
}

void SessionPanel::attach(practice::Practice* practice) {
    if (openAdapt_ && openAdapt_->IsModal())
        openAdapt_->EndModal(wxID_CANCEL);  // locked: nothing of the session stays on screen
    noteMember_ = 0;
    practice_ = practice;
    session_ = 0;
    shown_ = {};
    lines_.clear();
    plan_->DeleteAllItems();
    content_->clear();  // the session's title and plan leave the screen with its records
    showNotePage();
    register_->DeleteAllItems();
    editor_->show(std::nullopt, false);
    editor_->clearCorrection();
    editor_->showReview(false);
    notHeldReason_->Clear();
    reason_->Clear();
    showFacilitators({});
    differences_ = {};  // nothing of the last session's plan stays shown
    plannedFrom_->SetLabel(wxEmptyString);
    compareButton_->Hide();
    plannedFrom_->UnsetToolTip();
    header_->SetLabel(trWx("Open a session from the Group page."));
    sessionDamage_->show({});
    lineDamage_->show({});
    sessionDamaged_ = false;
    enableControls();
}

void SessionPanel::showSession(records::SessionId session) {
    if (!keepUnsavedNote())
        return;  // stay on the note that could not be saved, with the reason shown
    noteMember_ = 0;
    session_ = session;
    auto planned = practice_->openSession(session);
    showHeader(planned);
    showFacilitators(planned);
    editor_->setIndicators(practice_->indicatorsFor(session));
    showPlan(plan_, shown_.planSteps());  // as it stands: adapted for the group, when it was
    showPlanContent();
    reloadRegister();
    if (!lines_.empty())
        selectMember(lines_.front().member.id);
}

std::vector<printing::PrintableDocument> SessionPanel::printables() const {
    if (!practice_ || session_ == 0)
        return {};
    return printing::sessionDocuments(*practice_, shown_);
}

void SessionPanel::showHeader(const records::Session& session) {
    shown_ = session;
    status_ = session.status;
    sessionDamaged_ = !session.damage.empty();
    sessionDamage_->show({session.damage});
    auto header = readableDate(session.date);
    if (!session.startsAt.empty())
        header.append(" ").append(text::fill(text::tr("at {1}"), {session.startsAt}));
    // Its status before its title: on a narrow window the end of the line is cut, and whether
    // it took place matters more there than the title the plan below shows.
    header.append(" (")
        .append(text::fill(text::tr("{1} minutes"), {std::to_string(session.minutes)}))
        .append(", ")
        .append(practice::sessionStatusInWords(session.status));
    if (!session.notHeldReason.empty())
        header.append(": ").append(session.notHeldReason);
    header.append(")");
    // A corrected record says so where it is read; the tooltip tells the whole story.
    std::string story = header + "   " + session.title;
    if (!session.statusCorrections.empty()) {
        const auto& newest = session.statusCorrections.back();
        header.append(" ").append(
            text::fill(text::tr("(corrected on {1}: {2})"),
                       {readableDate(practice::dateOf(newest.correctedAt)), newest.reason}));
        story.append("\n").append(
            text::fill(text::tr("First recorded: {1}"),
                       {practice::sessionStatusInWords(session.firstRecordedStatus)}));
        for (const auto& correction : session.statusCorrections) {
            story.append("\n").append(
                text::fill(text::tr("Corrected to \"{1}\" on {2} by {3}: {4}"),
                           {practice::sessionStatusInWords(correction.status),
                            readableDate(practice::dateOf(correction.correctedAt)),
                            correction.correctedBy, correction.reason}));
        }
    }
    header_->SetLabel(toWx(header.append("   ").append(session.title)));
    header_->SetToolTip(toWx(story));
    std::string planTip =
        text::fill(text::tr("Planned from {1} version {2}"),
                   {session.stamp.moduleId, std::to_string(session.stamp.moduleVersion)});
    differences_ = {};
    std::string from;
    if (auto planned = practice_ ? practice_->plannedFrom(session) : std::nullopt) {
        from = text::fill(text::tr("from version {1}"), {std::to_string(planned->version)});
        if (!planned->differences.same()) {
            from.append(" ").append(text::fill(text::tr("(now version {1})"),
                                               {std::to_string(planned->newestVersion)}));
            differences_ = std::move(planned->differences);
        }
    }
    // Adapted: said beside the version, who adapted it, when and why in the tooltips (a line of
    // its own would take the height the register needs on a 768-high screen).
    if (session.adaptation) {
        const auto& adaptation = *session.adaptation;
        const auto said = practice::adaptationInWords(
            adaptation, readableDate(practice::dateOf(adaptation.madeAt)));
        from = from.empty() ? std::string(text::tr("adapted for this group"))
                            : text::fill(text::tr("{1}, adapted for this group"), {from});
        plannedFrom_->SetToolTip(toWx(said));
        planTip.append("\n").append(said);
    } else {
        plannedFrom_->UnsetToolTip();
    }
    plan_->SetToolTip(toWx(planTip));
    plannedFrom_->SetLabel(toWx(from));
    compareButton_->Show(!differences_.same());
    Layout();
}

void SessionPanel::reloadRegister() {
    long selected = register_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    lines_ = practice_->registerFor(session_);
    register_->DeleteAllItems();
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        register_->InsertItem(static_cast<long>(i), toWx(lines_[i].member.code));
        showLine(static_cast<long>(i));
    }
    if (selected >= 0 && selected < register_->GetItemCount()) {
        register_->SetItemState(selected, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    fitRegisterToGroup();
    enableControls();
}

void SessionPanel::showLine(long row) {
    const auto& line = lines_[static_cast<std::size_t>(row)];
    // Attendance that is a legal requirement (an order) is marked where it is taken.
    register_->SetItem(
        row, 1,
        toWx(line.member.name) +
            (line.member.attendanceRequired ? " " + trWx("(must attend)") : wxString()) +
            damagedMark({line.member.damage}));
    // Marks made before the session was recorded as not taking place stay, said as such.
    const bool heldNot = line.mark && status_ == records::SessionStatus::didNotTakePlace;
    register_->SetItem(
        row, 2,
        line.mark ? toWx(practice::markInWords(*line.mark)) +
                        (heldNot ? " " + trWx("(the session did not take place)") : wxString()) +
                        damagedMark({line.mark->damage})
                  : trWx("not marked"));
    register_->SetItem(
        row, 3,
        toWx(noteLabel(line.note)) + damagedMark({line.note ? line.note->damage : std::string()}));
}

void SessionPanel::showChangesFromElsewhere() {
    if (!practice_ || !session_)
        return;
    auto lines = practice_->registerFor(session_);
    const bool sameMembers = std::equal(
        lines.begin(), lines.end(), lines_.begin(), lines_.end(),
        [](const auto& now, const auto& shown) { return now.member.id == shown.member.id; });
    // Only the lines' words change: the selection, and the note being written, stay as they
    // are. A member added meanwhile shows when the session is opened again.
    if (!sameMembers)
        return;
    lines_ = std::move(lines);
    for (std::size_t i = 0; i < lines_.size(); ++i)
        showLine(static_cast<long>(i));
}

void SessionPanel::fitRegisterToGroup() {
    // The whole group (up to twelve) without scrolling; the plan above gives up the height.
    wxRect first;
    const int rows = std::min(register_->GetItemCount(), 12);
    if (rows == 0 || !register_->GetItemRect(0, first))
        return;
    const int wanted = first.y + rows * first.height + FromDIP(6);
    if (wanted > register_->GetMinSize().y) {
        register_->SetMinSize(wxSize(register_->GetMinSize().x, wanted));
        Layout();
    }
}

void SessionPanel::selectMember(records::MemberId member) {
    showNotePage();
    highlight(member);
    showSelectedNote();
}

void SessionPanel::usePictures(documents::PictureSource pictures) {
    content_->usePictures(std::move(pictures));
    showPlanContent();
}

void SessionPanel::showNotePage() {
    if (sideBook_->GetSelection() != 0)
        sideBook_->SetSelection(0);
}

void SessionPanel::showPlanContent() {
    if (!practice_ || session_ == 0) {
        content_->clear();
        return;
    }
    runGuarded(failure_, [this] {
        // From the module version it was planned from, as session mode and the printed plan.
        const auto* module = practice_->moduleOf(shown_.stamp);
        const auto* session = practice::curriculumSessionOf(shown_, module);
        const long row = plan_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        const auto plan = shown_.planSteps();
        if (row >= 0 && static_cast<std::size_t>(row) < plan.size()) {
            const auto number = static_cast<std::size_t>(row) + 1;
            const auto& step = plan[number - 1];
            const auto activity = practice::curriculumActivityOf(session, step);
            content_->show(activity
                               ? documents::activityContent(*activity, number, step.addedGuidance)
                               : documents::plannedActivityContent(step.activity, number));
            return;
        }
        if (!module || !session) {
            documents::Document missing;
            missing.blocks.push_back(documents::Paragraph{
                text::tr("The curriculum session this was planned from is not in the programme "
                         "Roundtable has loaded: its plan is on the left as it was recorded."),
                {}});
            content_->show(missing);
            return;
        }
        auto overview = documents::sessionOverview(*module, *session);
        overview.blocks.insert(
            overview.blocks.begin() + 1,
            documents::Paragraph{text::tr("Choose an activity in the plan to read its guidance, "
                                          "how to adapt it, what to watch for and its easy-read "
                                          "points."),
                                 {}});
        content_->show(overview);
    });
}

void SessionPanel::highlight(records::MemberId member) {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (lines_[i].member.id == member) {
            register_->SetItemState(static_cast<long>(i),
                                    wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                    wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            register_->EnsureVisible(static_cast<long>(i));
        }
    }
}

const practice::RegisterLine* SessionPanel::selectedLine() const {
    long row = register_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(lines_.size()))
        return nullptr;
    return &lines_[static_cast<std::size_t>(row)];
}

void SessionPanel::showSelectedNote() {
    if (!keepUnsavedNote()) {
        // Not saved (the reason is shown): stay on his note rather than lose what was typed.
        highlight(noteMember_);
        return;
    }
    const auto* line = selectedLine();
    noteMember_ = line ? line->member.id : records::MemberId();
    bool present = line && line->mark && records::wasPresent(line->mark->status);
    bool signedNote = line && line->note && line->note->state == records::NoteState::signedOff;
    editor_->show(line ? line->note : std::nullopt, present && !signedNote);
    if (line)
        editor_->showConcernsFromNote(practice_->concernsFromNote(session_, line->member.id));
    editor_->showReview(signedNote && practice_->canReview(*line->note));
    noteLabel_->SetLabel(
        line ? toWx(text::fill(text::tr("Progress note for {1}"), {line->member.name}))
             : trWx("Progress note"));
    lineDamage_->show({line ? line->member.damage : std::string(),
                       line && line->mark ? line->mark->damage : std::string()});
    enableControls();
}

bool SessionPanel::keepUnsavedNote() {
    if (openRound_)
        return openRound_->keepTyped();
    // Moving to another member must never lose what was typed: keep it as a draft.
    if (noteMember_ == 0)
        return true;
    editor_->finishTyping();
    if (!editor_->isModified())
        return true;
    return runGuarded(atNoteField_, [this] {
        practice_->saveNote(session_, noteMember_, editor_->content());
        showConcernsFromNote(*practice_, *editor_, session_, noteMember_);
        editor_->markSaved();
        reloadRegister();
    });
}

std::optional<practice::UnsavedNote> SessionPanel::takeUnsavedNote() {
    // The page's own editor was saved before the round opened (openNotesRound).
    if (openRound_)
        return openRound_->closeForLock();
    auto note = typedNote();
    if (note)
        editor_->markSaved();
    return note;
}

std::optional<practice::UnsavedNote> SessionPanel::typedNote() const {
    if (openRound_)
        return openRound_->typedNote();
    if (noteMember_ == 0 || !editor_->isModified())
        return std::nullopt;
    return practice::UnsavedNote{session_, noteMember_, editor_->content(),
                                 editor_->concernDescription()};
}

void SessionPanel::restoreUnsavedNote(const practice::UnsavedNote& note) {
    showSession(note.session);
    selectMember(note.member);
    editor_->restore(note.content, note.concern);
    showRefused(editor_->textField(), message_,
                text::tr("This note could not be saved when Roundtable locked. Here it is again: "
                         "save it now."));
}

void SessionPanel::enableControls() {
    const auto* line = selectedLine();
    bool open = practice_ && session_ != 0;
    bool hasRegister = status_ != records::SessionStatus::didNotTakePlace;
    for (auto* button : markButtons_)
        button->Enable(open && line && hasRegister);
    reason_->Enable(open && line);
    minutes_->Enable(open && line);
    const auto anyLine = [this](auto&& test) {
        return std::any_of(lines_.begin(), lines_.end(), test);
    };
    everyoneButton_->Enable(open && hasRegister &&
                            anyLine([](const practice::RegisterLine& l) { return !l.mark; }));
    notesRoundButton_->Enable(open && hasRegister && anyLine([](const practice::RegisterLine& l) {
                                  return l.mark && records::wasPresent(l.mark->status);
                              }));
    bool present = line && line->mark && records::wasPresent(line->mark->status);
    bool signedNote = line && line->note && line->note->state == records::NoteState::signedOff;
    bool damagedNote = line && line->note && !line->note->damage.empty();
    editor_->Enable(open && line);
    saveNoteButton_->Enable(present && !signedNote && !damagedNote);
    signNoteButton_->Enable(present && !signedNote && !damagedNote);
    // Recorded once; after that, the same three controls correct the record, with a reason.
    const bool changeable = open && !sessionDamaged_;
    const bool planned = status_ == records::SessionStatus::planned;
    const bool held = status_ == records::SessionStatus::tookPlace;
    deliveredButton_->SetLabel(planned || held ? trWx("Session &took place")
                                               : trWx("Correct: it &took place"));
    notHeldButton_->SetLabel(held ? trWx("Correct: did &not take place")
                                  : trWx("Did &not take place"));
    notHeldReason_->SetHint(planned ? trWx("Why it did not take place")
                                    : trWx("Why the record is corrected"));
    deliveredButton_->Enable(changeable && !held);
    notHeldReason_->Enable(changeable);
    notHeldButton_->Enable(changeable && (planned || held));
    ratingsButton_->Enable(open && status_ == records::SessionStatus::tookPlace &&
                           !sessionDamaged_);
    adaptButton_->Enable(changeable && planned && !shown_.activities.empty());
    sessionModeButton_->Enable(open && !shown_.activities.empty());
}

void SessionPanel::onKeyInWindow(wxKeyEvent& event) {
    event.Skip();  // every other key goes on to the control with the focus
    if (event.GetKeyCode() == WXK_F5 && event.GetModifiers() == wxMOD_NONE && IsShownOnScreen()) {
        event.Skip(false);
        openSessionMode();
    }
}

void SessionPanel::openSessionMode() {
    if (!sessionModeButton_->IsEnabled())
        return;
    // One at a time: F5 again brings the open one forward.
    if (auto* open = wxWindow::FindWindowByName("session-mode")) {
        open->Raise();
        return;
    }
    runGuarded(failure_, [this] {
        // Jottings name the men by their codes only (session mode may face the room).
        JotTarget jot;
        for (const auto& line : lines_)
            jot.codes.emplace_back(line.member.id, line.member.code);
        jot.jot = [this, session = session_](records::MemberId member, const std::string& words) {
            practice_->addJotting(session, member, words);
        };
        auto* frame = new SessionModeFrame(this, practice_->runPlan(shown_), std::move(jot));
        frame->Show();
        frame->Raise();
    });
}

bool SessionPanel::mark(records::Attendance status) {
    const auto* line = selectedLine();
    if (!line)
        return false;
    auto member = line->member.id;
    clearRefused(reason_, message_);
    clearRefused(minutes_, message_);
    auto atReason = atField(message_, [this](const std::string& field) -> wxWindow* {
        if (field == "reason")
            return reason_;
        return field == "minutes-present" ? minutes_ : nullptr;
    });
    // A refusal at the reason or the minutes leaves the mark waiting there for Enter.
    pendingMark_ = status;
    const bool marked = runGuarded(atReason, [&] {
        practice_->recordAttendance(session_, member, status, fromWx(reason_->GetValue()),
                                    minutesTyped());
        reason_->Clear();
        minutes_->Clear();
        pendingMark_.reset();
        reloadRegister();
        showSelectedNote();
    });
    if (marked)
        message_->SetLabel(wxEmptyString);
    return marked;
}

std::optional<int> SessionPanel::minutesTyped() const {
    const auto typed = fromWx(minutes_->GetValue());
    if (typed.find_first_not_of(" ") == std::string::npos)
        return std::nullopt;
    try {
        std::size_t used = 0;
        int minutes = std::stoi(typed, &used);
        if (typed.find_first_not_of(' ', used) == std::string::npos)
            return minutes;
    } catch (const std::exception&) {
    }
    throw practice::ValidationError("minutes-present",
                                    text::tr("Minutes present are a whole number, such as 45."));
}

bool SessionPanel::markByKey(int key) {
    const auto status = markForKey(key);
    if (!status || !markButtons_.front()->IsEnabled())
        return false;  // arrows and the rest move about the list as usual
    if (records::wasPresent(*status) && *status != records::Attendance::attended) {
        // Late or left early: the minutes he was there, then Enter (empty when not known).
        pendingMark_ = status;
        minutes_->SetFocus();
        showInfo(message_, text::tr("Type the minutes he was there and press Enter (leave it "
                                    "empty when not known)."));
        return true;
    }
    mark(*status);  // without a reason for an absence, the reason field takes the focus
    return true;
}

void SessionPanel::markEveryonePresent() {
    runGuarded(failure_, [&] {
        const int marked = practice_->markEveryonePresent(session_);
        reloadRegister();
        showSelectedNote();
        showInfo(message_, text::fill(text::tr("{1} marked present."), {std::to_string(marked)}));
    });
}

void SessionPanel::openNotesRound() {
    if (!keepUnsavedNote())
        return;
    const auto* line = selectedLine();
    NotesRoundDialog round(this, *practice_, session_, line ? line->member.id : records::MemberId(),
                           content_->pictures());
    openRound_ = &round;
    round.ShowModal();
    openRound_ = nullptr;
    if (!practice_)
        return;  // locked while the round was open: the records have left the page
    reloadRegister();
    if (auto member = round.memberShown())
        selectMember(member);
    showSelectedNote();
}

void SessionPanel::saveNote() {
    const auto* line = selectedLine();
    if (!line)
        return;
    clearRefused(editor_->textField(), message_);
    editor_->finishTyping();
    runGuarded(atNoteField_, [&] {
        practice_->saveNote(session_, line->member.id, editor_->content());
        showConcernsFromNote(*practice_, *editor_, session_, line->member.id);
        editor_->markSaved();
        reloadRegister();
        showInfo(message_, text::tr("Note saved as a draft."));
    });
}

void SessionPanel::signNote() {
    const auto* line = selectedLine();
    if (!line)
        return;
    runGuarded(atNoteField_, [&] {
        // Signs exactly what is in the editor, saved and signed in one step.
        editor_->finishTyping();
        auto content = editor_->content();
        if (!askFirst_.goesOn(practice::Practice::questionBeforeSigning(content),
                              std::to_string(session_) + ':' + std::to_string(line->member.id),
                              message_, text::tr("Press Sign note again to sign it.")))
            return;
        practice_->signNote(session_, line->member.id, content);
        const auto aboutConcern =
            showConcernsFromNote(*practice_, *editor_, session_, line->member.id);
        editor_->markSaved();
        reloadRegister();
        showSelectedNote();
        showInfo(message_, aboutConcern.empty()
                               ? text::tr("Note signed. It can no longer be changed; add a "
                                          "correction if needed.")
                               : text::tr("Note signed.") + (" " + aboutConcern));
    });
}

void SessionPanel::addCorrection() {
    const auto* line = selectedLine();
    if (!line || !line->note)
        return;
    runGuarded(atNoteField_, [&] {
        practice_->amendNote(session_, line->member.id, editor_->correctionText(),
                             editor_->correctionReason());
        editor_->clearCorrection();
        reloadRegister();
        showSelectedNote();
        showInfo(message_,
                 text::tr("Correction added. The signed note and the correction are both kept."));
    });
}

void SessionPanel::reviewNote(records::ReviewOutcome outcome) {
    const auto* line = selectedLine();
    if (!line || !line->note)
        return;
    runGuarded(atNoteField_, [&] {
        practice_->reviewNote(*line->note, outcome, editor_->reviewComment());
        reloadRegister();
        showSelectedNote();
        showInfo(message_, outcome == records::ReviewOutcome::returned
                               ? text::tr("Note returned to its author with your comment. It "
                                          "comes back to you once corrected.")
                               : text::tr("Note co-signed."));
    });
}

void SessionPanel::adaptPlan() {
    if (!adaptButton_->IsEnabled())
        return;
    AdaptPlanDialog dialog(this, *practice_, shown_);
    openAdapt_ = &dialog;
    const int answer = dialog.ShowModal();
    openAdapt_ = nullptr;
    if (answer != wxID_OK || !practice_)
        return;  // left, or locked while it was open
    runGuarded(failure_, [this] {
        showHeader(practice_->session(session_));
        showPlan(plan_, shown_.planSteps());
        showPlanContent();
        enableControls();
        showInfo(message_, text::tr("The plan is adapted for this group. The curriculum is not "
                                    "changed."));
    });
}

void SessionPanel::markDelivered() {
    if (status_ == records::SessionStatus::didNotTakePlace) {
        correctStatus(records::SessionStatus::tookPlace);
        return;
    }
    runGuarded(failure_, [this] {
        if (!askFirst_.goesOn(practice_->questionBeforeMarkingHeld(session_),
                              "held" + std::to_string(session_), message_,
                              text::tr("Press Session took place again to record it.")))
            return;
        practice_->markDelivered(session_);
        showHeader(practice_->session(session_));
        enableControls();
        showInfo(message_, text::tr("Recorded that this session took place."));
    });
}

void SessionPanel::markNotHeld() {
    if (status_ == records::SessionStatus::tookPlace) {
        correctStatus(records::SessionStatus::didNotTakePlace);
        return;
    }
    clearRefused(notHeldReason_, message_);
    auto atReason = atField(message_, [this](const std::string&) { return notHeldReason_; });
    runGuarded(atReason, [this] {
        practice_->markNotHeld(session_, fromWx(notHeldReason_->GetValue()));
        notHeldReason_->Clear();
        showHeader(practice_->session(session_));
        enableControls();
        showInfo(message_,
                 text::tr("Recorded that this session did not take place. Its plan is kept."));
    });
}

void SessionPanel::correctStatus(records::SessionStatus status) {
    clearRefused(notHeldReason_, message_);
    auto atReason = atField(message_, [this](const std::string&) { return notHeldReason_; });
    runGuarded(atReason, [this, status] {
        practice_->correctSessionStatus(session_, status, fromWx(notHeldReason_->GetValue()));
        notHeldReason_->Clear();
        showHeader(practice_->session(session_));
        reloadRegister();
        showInfo(message_,
                 status == records::SessionStatus::tookPlace
                     ? text::tr("Corrected: this session took place. The earlier record is kept.")
                     : text::tr("Corrected: this session did not take place. The earlier record "
                                "and any marks made are kept."));
    });
}

void SessionPanel::rateSession() {
    runGuarded(failure_, [this] {
        SessionRatingsDialog dialog(this, *practice_, practice_->sessionRatings(session_));
        if (dialog.ShowModal() != wxID_OK)
            return;
        showInfo(message_,
                 dialog.written() == 0
                     ? std::string(text::tr("No rating was changed."))
                     : text::fill(text::trn("{1} rating recorded.", "{1} ratings recorded.",
                                            static_cast<unsigned long>(dialog.written())),
                                  {std::to_string(dialog.written())}));
    });
}

void SessionPanel::showFacilitators(const records::Session& session) {
    for (auto& [box, user] : facilitatorBoxes_) {
        facilitatorRow_->Detach(box);
        box->Destroy();
    }
    facilitatorBoxes_.clear();
    if (practice_ && session.id != 0) {
        for (const auto& user : practice_->users()) {
            auto* box = new wxCheckBox(this, wxID_ANY, toWx(user.login));
            box->SetName("facilitator-" + toWx(user.login));
            box->SetValue(std::find(session.facilitators.begin(), session.facilitators.end(),
                                    user.id) != session.facilitators.end());
            box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { recordFacilitators(); });
            box->MoveBeforeInTabOrder(everyoneButton_);
            facilitatorRow_->Add(box, wxSizerFlags().CenterVertical().Border(wxRIGHT, 12));
            facilitatorBoxes_.emplace_back(box, user.id);
        }
    }
    Layout();
}

void SessionPanel::recordFacilitators() {
    std::vector<records::UserId> present;
    for (const auto& [box, user] : facilitatorBoxes_) {
        if (box->GetValue())
            present.push_back(user);
    }
    runGuarded(failure_, [&] {
        practice_->recordFacilitators(session_, present);
        showInfo(message_, present.empty()
                               ? text::tr("No one is recorded as running this session now (what "
                                          "was recorded before is kept).")
                               : text::tr("Recorded who ran this session."));
    });
}

}  // namespace roundtable::ui
