// The progress-note editor: widgets and the mapping between them and records::NoteContent.
#include "ui/NoteEditor.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

#include "practice/Dates.h"
#include "practice/Practice.h"
#include "text/Translate.h"
#include "ui/PhraseExpansion.h"
#include "ui/SpellCheck.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

// In the order of the participation choice; index 0 is "not recorded".
constexpr std::array<records::Participation, 5> kParticipation = {
    records::Participation::notRecorded, records::Participation::full, records::Participation::some,
    records::Participation::little, records::Participation::none};
constexpr std::array<const char*, 5> kParticipationLabels = {
    text::trLater("Not recorded"), text::trLater("Took a full part"),
    text::trLater("Took some part"), text::trLater("Took little part"),
    text::trLater("Did not take part")};

constexpr const char* kNotRated = text::trLater("not rated");

std::string amendmentText(const records::Amendment& amendment) {
    return text::fill(text::tr("Correction by {1}, {2} (reason: {3}):"),
                      {amendment.author, readableDate(practice::dateOf(amendment.createdAt)),
                       amendment.reason})
        .append("\n")
        .append(amendment.text);
}

std::string reviewText(const records::NoteReview& review) {
    const auto when = readableDate(practice::dateOf(review.reviewedAt));
    if (review.outcome == records::ReviewOutcome::returned) {
        return text::fill(text::tr("Returned to its author by {1}, {2}:"), {review.reviewer, when})
            .append("\n")
            .append(review.comment);
    }
    auto line = text::fill(text::tr("Co-signed by {1}, {2}."), {review.reviewer, when});
    return review.comment.empty() ? line : line.append("\n").append(review.comment);
}

}  // namespace

NoteEditor::NoteEditor(wxWindow* parent) : wxPanel(parent) {
    damage_ = new DamageNotice(this, "note-damage");
    participation_ = new wxChoice(this, wxID_ANY);
    participation_->SetName("note-participation");
    for (const char* label : kParticipationLabels)
        participation_->Append(trWx(label));
    concern_ = new wxCheckBox(this, wxID_ANY, trWx("A &concern was raised"));
    concern_->SetName("note-concern");
    concernArea_ = new wxPanel(this);
    concernText_ = new wxTextCtrl(concernArea_, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                  wxSize(-1, 50), wxTE_MULTILINE | wxTE_WORDWRAP);
    concernText_->SetName("note-concern-text");
    concernText_->SetToolTip(
        trWx("Saving the note records it with his concerns, linked to this note."));
    auto* concernSizer = new wxBoxSizer(wxVERTICAL);
    concernSizer->Add(new wxStaticText(concernArea_, wxID_ANY, trWx("What was the concern?")),
                      wxSizerFlags().Border(wxBOTTOM, 2));
    concernSizer->Add(concernText_, wxSizerFlags().Expand());
    concernArea_->SetSizer(concernSizer);
    recordedConcernsLabel_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    recordedConcernsLabel_->SetName("note-concerns-recorded");
    ratingsGrid_ = new wxFlexGridSizer(3, wxSize(12, 4));
    text_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(-1, 120),
                           wxTE_MULTILINE | wxTE_WORDWRAP);
    text_->SetName("note-text");
    // Not a hint: on GTK a multi-line hint's grey stayed on a draft put into the field.
    text_->SetToolTip(trWx("What he said and did, how he took part, anything to follow up."));

    amendmentsHeading_ = heading(this, trWx("Corrections and reviews of the signed note"));
    amendments_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(-1, 90),
                                 wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    amendments_->SetName("note-amendments");

    // Shown only for a signed note: a signed note is corrected, never edited.
    correctionArea_ = new wxPanel(this);
    // A correction may take more than a line: it is read beside the note, as written.
    correction_ = new wxTextCtrl(correctionArea_, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                 wxSize(-1, 50), wxTE_MULTILINE | wxTE_WORDWRAP);
    correction_->SetName("correction-text");
    correctionReason_ = new wxTextCtrl(correctionArea_, wxID_ANY);
    correctionReason_->SetName("correction-reason");
    correctionReason_->SetHint(trWx("Why it is being corrected"));
    addCorrection_ = new wxButton(correctionArea_, wxID_ANY, trWx("&Add correction"));
    addCorrection_->SetName("add-correction");
    auto* correctionSizer = new wxBoxSizer(wxVERTICAL);
    // A field of several lines shows no hint on GTK: its label says what to write.
    correctionSizer->Add(new wxStaticText(correctionArea_, wxID_ANY,
                                          trWx("A correction to add to the signed note:")),
                         wxSizerFlags().Border(wxBOTTOM, 2));
    correctionSizer->Add(correction_, wxSizerFlags().Expand().Border(wxBOTTOM, 4));
    auto* reasonRow = new wxBoxSizer(wxHORIZONTAL);
    reasonRow->Add(correctionReason_, wxSizerFlags(1).Border(wxRIGHT, 4));
    reasonRow->Add(addCorrection_);
    correctionSizer->Add(reasonRow, wxSizerFlags().Expand());
    correctionArea_->SetSizer(correctionSizer);

    // Shown to a clinical lead reviewing the signed note.
    reviewArea_ = new wxPanel(this);
    reviewComment_ = new wxTextCtrl(reviewArea_, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                    wxSize(-1, 50), wxTE_MULTILINE | wxTE_WORDWRAP);
    reviewComment_->SetName("review-comment");
    reviewComment_->SetToolTip(
        trWx("For the author: what to look at again (needed to return the note)"));
    coSign_ = new wxButton(reviewArea_, wxID_ANY, trWx("Co-si&gn"));
    coSign_->SetName("co-sign-note");
    returnNote_ = new wxButton(reviewArea_, wxID_ANY, trWx("Re&turn to author"));
    returnNote_->SetName("return-note");
    auto* reviewSizer = new wxBoxSizer(wxVERTICAL);
    reviewSizer->Add(heading(reviewArea_, trWx("Your review")), wxSizerFlags().Expand());
    reviewSizer->Add(new wxStaticText(reviewArea_, wxID_ANY,
                                      trWx("A comment for the author (needed to return it):")),
                     wxSizerFlags().Border(wxTOP, 2));
    reviewSizer->Add(reviewComment_, wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM, 4));
    auto* reviewButtons = new wxBoxSizer(wxHORIZONTAL);
    reviewButtons->Add(coSign_, wxSizerFlags().Border(wxRIGHT, 4));
    reviewButtons->Add(returnNote_);
    reviewSizer->Add(reviewButtons);
    reviewArea_->SetSizer(reviewSizer);

    auto* choices = new wxBoxSizer(wxHORIZONTAL);
    choices->Add(new wxStaticText(this, wxID_ANY, trWx("Participation:")),
                 wxSizerFlags().CenterVertical().Border(wxRIGHT, 4));
    choices->Add(participation_);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(damage_, wxSizerFlags().Expand().Border(wxBOTTOM, 6));
    sizer->Add(choices, wxSizerFlags().Border(wxBOTTOM, 4));
    sizer->Add(concern_, wxSizerFlags().Border(wxBOTTOM, 6));
    sizer->Add(concernArea_, wxSizerFlags().Expand().Border(wxBOTTOM, 6));
    sizer->Add(recordedConcernsLabel_, wxSizerFlags().Expand().Border(wxBOTTOM, 6));
    sizer->Add(ratingsGrid_, wxSizerFlags().Expand().Border(wxBOTTOM, 4));
    sizer->Add(text_, wxSizerFlags(1).Expand());
    sizer->Add(amendmentsHeading_, wxSizerFlags().Expand().Border(wxTOP, 6));
    sizer->Add(amendments_, wxSizerFlags().Expand().Border(wxTOP, 2));
    sizer->Add(correctionArea_, wxSizerFlags().Expand().Border(wxTOP, 4));
    sizer->Add(reviewArea_, wxSizerFlags().Expand().Border(wxTOP, 6));
    SetSizer(sizer);

    auto changed = [this](wxCommandEvent&) { choicesChanged_ = true; };
    participation_->Bind(wxEVT_CHOICE, changed);
    concern_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        choicesChanged_ = true;
        showConcernPlace();
    });
    submitOnEnter({correctionReason_}, addCorrection_);
    for (auto* field : {text_, concernText_, correction_}) {
        checkSpelling(field);
        expandPhrases(field, [this] { return phrases_ ? phrases_() : nullptr; });
    }
    show(std::nullopt, false);
    showReview(false);
}

void NoteEditor::setIndicators(const std::vector<curriculum::Indicator>& indicators) {
    indicators_ = indicators;
    ratingsGrid_->Clear(true);
    ratings_.clear();
    carriedMarks_.clear();
    carried_.assign(indicators_.size(), false);
    for (const auto& indicator : indicators_) {
        auto* label = new wxStaticText(this, wxID_ANY, toWx(indicator.label));
        label->SetToolTip(toWx(indicator.description));
        auto* choice = new wxChoice(this, wxID_ANY);
        choice->SetName("rating-" + toWx(indicator.id));
        choice->Append(trWx(kNotRated));
        for (int value = indicator.scaleMin; value <= indicator.scaleMax; ++value)
            choice->Append(std::to_string(value));
        choice->SetSelection(0);
        // Words, not only a colour, say that the value is last session's and not yet chosen.
        auto* carriedMark = new wxStaticText(this, wxID_ANY, trWx("carried forward: confirm it"));
        carriedMark->SetName("carried-" + toWx(indicator.id));
        carriedMark->SetForegroundColour(wxColour(0x1f, 0x4e, 0x8c));
        carriedMark->SetFont(carriedMark->GetFont().Italic());
        carriedMark->Hide();
        const auto index = ratings_.size();
        choice->Bind(wxEVT_CHOICE, [this, index](wxCommandEvent&) {
            choicesChanged_ = true;
            setCarried(index, false);  // chosen now: his own rating
        });
        ratingsGrid_->Add(label, wxSizerFlags().CenterVertical());
        ratingsGrid_->Add(choice);
        ratingsGrid_->Add(carriedMark, wxSizerFlags().CenterVertical());
        choice->MoveBeforeInTabOrder(text_);  // created last, laid out above the text
        ratings_.push_back(choice);
        carriedMarks_.push_back(carriedMark);
    }
    Layout();
}

void NoteEditor::show(const std::optional<records::ProgressNote>& note, bool editable) {
    bool damaged = note && !note->damage.empty();
    damage_->show({note ? note->damage : std::string()});
    editable = editable && !damaged;
    fill(note ? note->content : records::NoteContent{});
    text_->SetEditable(editable);
    for (wxWindow* control :
         {static_cast<wxWindow*>(participation_), static_cast<wxWindow*>(concern_)})
        control->Enable(editable);
    for (auto* choice : ratings_)
        choice->Enable(editable);
    bool signedNote = note && note->state == records::NoteState::signedOff;
    showAmendments(signedNote ? &*note : nullptr, !damaged);
    concernText_->Clear();
    hasRecordedConcern_ = false;
    recordedConcernsLabel_->Hide();
    showConcernPlace();
    markSaved();
}

void NoteEditor::restore(const records::NoteContent& content, const std::string& concern) {
    fill(content);
    concernText_->ChangeValue(toWx(concern));
    text_->MarkDirty();
    choicesChanged_ = true;
    showConcernPlace();
}

void NoteEditor::offerCarried(const std::vector<records::IndicatorRating>& ratings) {
    for (std::size_t i = 0; i < indicators_.size(); ++i) {
        if (ratings_[i]->GetSelection() > 0 || !ratings_[i]->IsEnabled())
            continue;  // rated already in this note, or not editable
        for (const auto& rating : ratings) {
            if (rating.indicatorId != indicators_[i].id)
                continue;
            ratings_[i]->SetSelection(rating.rating - indicators_[i].scaleMin + 1);
            setCarried(i, true);
        }
    }
}

void NoteEditor::confirmCarried() {
    for (std::size_t i = 0; i < carried_.size(); ++i) {
        if (carried_[i]) {
            setCarried(i, false);
            choicesChanged_ = true;
        }
    }
}

bool NoteEditor::hasUnconfirmedCarried() const {
    return std::find(carried_.begin(), carried_.end(), true) != carried_.end();
}

void NoteEditor::setCarried(std::size_t index, bool carried) {
    carried_[index] = carried;
    carriedMarks_[index]->Show(carried);
    Layout();
}

void NoteEditor::chooseParticipation(int index) {
    if (!participation_->IsEnabled() || index < 0 ||
        index >= static_cast<int>(kParticipation.size()))
        return;
    participation_->SetSelection(index);
    choicesChanged_ = true;
}

void NoteEditor::fill(const records::NoteContent& content) {
    for (std::size_t i = 0; i < carried_.size(); ++i)
        setCarried(i, false);
    text_->ChangeValue(toWx(content.text));
    int participation = 0;
    for (std::size_t i = 0; i < kParticipation.size(); ++i) {
        if (kParticipation[i] == content.participation)
            participation = static_cast<int>(i);
    }
    participation_->SetSelection(participation);
    concern_->SetValue(content.concernRaised);
    for (std::size_t i = 0; i < indicators_.size(); ++i) {
        int selection = 0;
        for (const auto& rating : content.ratings) {
            if (rating.indicatorId == indicators_[i].id)
                selection = rating.rating - indicators_[i].scaleMin + 1;
        }
        ratings_[i]->SetSelection(selection);
    }
}

void NoteEditor::showAmendments(const records::ProgressNote* note, bool correctable) {
    bool any = note && (!note->amendments.empty() || !note->reviews.empty());
    std::string text;
    if (any) {
        // Corrections and reviews in the order made: a return, then the correction answering it.
        std::vector<std::pair<std::string, std::string>> entries;
        for (const auto& amendment : note->amendments)
            entries.emplace_back(amendment.createdAt, amendmentText(amendment));
        for (const auto& review : note->reviews)
            entries.emplace_back(review.reviewedAt, reviewText(review));
        std::stable_sort(entries.begin(), entries.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [at, entry] : entries)
            text.append(text.empty() ? "" : "\n\n").append(entry);
    }
    amendments_->ChangeValue(toWx(text));
    amendmentsHeading_->Show(any);
    amendments_->Show(any);
    correctionArea_->Show(note != nullptr && correctable);
    Layout();
    if (GetParent())
        GetParent()->Layout();
}

records::NoteContent NoteEditor::content() const {
    records::NoteContent content(fromWx(text_->GetValue()));
    auto participation = participation_->GetSelection();
    if (participation > 0)
        content.participation = kParticipation[static_cast<std::size_t>(participation)];
    content.concernRaised = concern_->GetValue();
    for (std::size_t i = 0; i < indicators_.size(); ++i) {
        int selection = ratings_[i]->GetSelection();
        if (selection > 0 && !carried_[i])  // never an unconfirmed carried rating
            content.ratings.push_back(
                {std::string(indicators_[i].id), indicators_[i].scaleMin + selection - 1});
    }
    return content;
}

bool NoteEditor::isModified() const {
    return text_->IsModified() || concernText_->IsModified() || choicesChanged_;
}

void NoteEditor::markSaved() {
    text_->DiscardEdits();
    concernText_->DiscardEdits();
    choicesChanged_ = false;
}

std::string NoteEditor::correctionText() const {
    return fromWx(correction_->GetValue());
}

std::string NoteEditor::correctionReason() const {
    return fromWx(correctionReason_->GetValue());
}

void NoteEditor::clearCorrection() {
    correction_->Clear();
    correctionReason_->Clear();
}

void NoteEditor::onAddCorrection(std::function<void()> handler) {
    addCorrection_->Bind(wxEVT_BUTTON,
                         [handler = std::move(handler)](wxCommandEvent&) { handler(); });
}

void NoteEditor::showReview(bool reviewable) {
    reviewComment_->Clear();
    reviewArea_->Show(reviewable);
    Layout();
    if (GetParent())
        GetParent()->Layout();
}

std::string NoteEditor::reviewComment() const {
    return fromWx(reviewComment_->GetValue());
}

void NoteEditor::onReview(std::function<void(records::ReviewOutcome)> handler) {
    coSign_->Bind(wxEVT_BUTTON,
                  [handler](wxCommandEvent&) { handler(records::ReviewOutcome::coSigned); });
    returnNote_->Bind(wxEVT_BUTTON,
                      [handler](wxCommandEvent&) { handler(records::ReviewOutcome::returned); });
}

void NoteEditor::showConcernsFromNote(const std::vector<records::Concern>& concerns) {
    std::string said;
    for (const auto& concern : concerns) {
        said.append(said.empty() ? text::tr("Recorded with his concerns:") : "")
            .append("\n- ")
            .append(concern.description);
    }
    recordedConcernsLabel_->SetLabel(toWx(said));
    recordedConcernsLabel_->Show(!concerns.empty());
    hasRecordedConcern_ = !concerns.empty();
    if (hasRecordedConcern_)
        concernText_->Clear();
    showConcernPlace();
}

std::string NoteEditor::concernDescription() const {
    return concernArea_->IsShown() ? fromWx(concernText_->GetValue()) : std::string();
}

void NoteEditor::finishTyping() {
    // Whether or not it still has the focus: the button that saves may have taken it.
    for (auto* field : {text_, concernText_})
        if (field->IsEditable())
            expandShortcutAtCursor(field, phrases_);
}

void NoteEditor::showConcernPlace() {
    concernArea_->Show(concern_->GetValue() && concern_->IsEnabled() && !hasRecordedConcern_);
    Layout();
    if (GetParent())
        GetParent()->Layout();
}

std::string showConcernsFromNote(practice::Practice& practice, NoteEditor& editor,
                                 records::SessionId session, records::MemberId member) {
    const bool ticked = editor.content().concernRaised;
    if (auto description = editor.concernDescription(); !records::trimmed(description).empty())
        practice.raiseConcern(member, session, description);
    const auto recorded = practice.concernsFromNote(session, member);
    editor.showConcernsFromNote(recorded);
    if (!ticked)
        return {};
    return recorded.empty() ? text::tr(
                                  "A concern was raised: record it, and what will be done "
                                  "about it, on his Member page today.")
                            : text::tr(
                                  "The concern is recorded with his concerns: add what "
                                  "will be done about it on his Member page.");
}

wxWindow* NoteEditor::fieldFor(const std::string& field) const {
    if (field == "review-comment")
        return reviewComment_;
    if (field == "concern")
        return concernText_;
    if (field == "amendment")
        return correction_;
    if (field == "amendment-reason")
        return correctionReason_;
    if (field.starts_with("rating:")) {
        for (std::size_t i = 0; i < indicators_.size(); ++i) {
            if ("rating:" + std::string(indicators_[i].id) == field)
                return ratings_[i];
        }
    }
    return text_;
}

}  // namespace roundtable::ui
