// The progress-note editor of the session page: participation, the module's progress
// indicators, "concern raised", the note's text, and, once it is signed, its corrections
// (amendments) and clinical leads' reviews, in the order made, with a place to add a correction
// and, for a clinical lead reviewing it, to co-sign or return it. A note damaged outside Roundtable
// is shown read-only under a warning, with no place to correct it. It shows and collects values;
// saving goes through practice::Practice in SessionPanel.
#pragma once

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <vector>

#include "curriculum/Programme.h"
#include "records/Types.h"
#include "ui/PhraseExpansion.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxFlexGridSizer;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::practice {
class Practice;
}

namespace roundtable::ui {

class DamageNotice;

class NoteEditor : public wxPanel {
  public:
    explicit NoteEditor(wxWindow* parent);

    /// The indicators a note of the current session rates (one choice each).
    void setIndicators(const std::vector<curriculum::Indicator>& indicators);
    /// Shows a member's note (or an empty one) and whether it can be edited now (a damaged
    /// note never can).
    void show(const std::optional<records::ProgressNote>& note, bool editable);
    /// Offers last session's ratings (practice::RoundLine::carried) for the indicators not yet
    /// rated: each shows its value marked "carried forward" until confirmed (confirmCarried) or
    /// changed; an unconfirmed one is not part of content(), so it is never saved.
    void offerCarried(const std::vector<records::IndicatorRating>& ratings);
    /// Makes every rating carried forward the facilitator's own.
    void confirmCarried();
    [[nodiscard]] bool hasUnconfirmedCarried() const;
    /// Chooses how he took part (index 1 "took a full part" to 4 "did not take part"), as the
    /// notes round's Ctrl+1 to Ctrl+4 do; 0 is "not recorded".
    void chooseParticipation(int index);
    /// Puts `content` (and the concern described under its tick) in the editor as typed but
    /// not saved (isModified() is true).
    void restore(const records::NoteContent& content, const std::string& concern);
    /// What the editor holds now.
    [[nodiscard]] records::NoteContent content() const;
    /// True when anything was changed since show() or markSaved().
    [[nodiscard]] bool isModified() const;
    void markSaved();

    [[nodiscard]] wxTextCtrl* textField() const { return text_; }
    /// The correction and its reason as typed; cleared by clearCorrection().
    [[nodiscard]] std::string correctionText() const;
    [[nodiscard]] std::string correctionReason() const;
    void clearCorrection();
    /// The control a refused field name from practice::Practice belongs to.
    [[nodiscard]] wxWindow* fieldFor(const std::string& field) const;
    /// What "Add correction" does (SessionPanel saves it through practice::Practice).
    void onAddCorrection(std::function<void()> handler);
    /// Shows or hides the place to review the note shown (practice::Practice::canReview).
    void showReview(bool reviewable);
    /// The review comment as typed; cleared by showReview.
    [[nodiscard]] std::string reviewComment() const;
    /// What "Co-sign" and "Return to author" do (SessionPanel saves through practice::Practice).
    void onReview(std::function<void(records::ReviewOutcome)> handler);
    /// The concerns already recorded from this note (practice::Practice::concernsFromNote):
    /// while there are none, ticking "a concern was raised" opens a place to describe it.
    void showConcernsFromNote(const std::vector<records::Concern>& concerns);
    /// The concern as described under the tick (empty: none, or not ticked).
    [[nodiscard]] std::string concernDescription() const;
    /// The phrases a shortcut typed in the note (or a correction) expands to.
    void offerPhrases(PhraseSource source) { phrases_ = std::move(source); }
    /// Expands a shortcut typed last in the note's text, with no space after it yet: call
    /// before saving or signing what content() gives.
    void finishTyping();

  private:
    /// Shows the place to describe a concern while "a concern was raised" is ticked in a note
    /// that can be edited and none is recorded from it yet.
    void showConcernPlace();
    /// Marks the rating of indicator `index` as carried forward (or not).
    void setCarried(std::size_t index, bool carried);
    /// Sets every field to `content`.
    void fill(const records::NoteContent& content);
    /// The amendments of a signed note (nullptr: none), and the place to add one when the
    /// note is `correctable`.
    void showAmendments(const records::ProgressNote* note, bool correctable);

    std::vector<curriculum::Indicator> indicators_;
    bool choicesChanged_ = false;
    PhraseSource phrases_;

    DamageNotice* damage_;
    wxChoice* participation_;
    wxCheckBox* concern_;
    bool hasRecordedConcern_ = false;
    wxPanel* concernArea_;  ///< what the concern was, to record it with his concerns
    wxTextCtrl* concernText_;
    wxStaticText* recordedConcernsLabel_;  ///< those recorded from this note
    wxFlexGridSizer* ratingsGrid_;
    std::vector<wxChoice*> ratings_;
    std::vector<wxStaticText*> carriedMarks_;  ///< "carried forward", beside each rating
    std::vector<bool> carried_;                ///< offered and not yet confirmed, per indicator
    wxTextCtrl* text_;
    wxStaticText* amendmentsHeading_;
    wxTextCtrl* amendments_;
    wxPanel* correctionArea_;
    wxTextCtrl* correction_;
    wxTextCtrl* correctionReason_;
    wxButton* addCorrection_;
    wxPanel* reviewArea_;
    wxTextCtrl* reviewComment_;
    wxButton* coSign_;
    wxButton* returnNote_;
};

/// Records the concern described under the note's tick, if any, linked to the session (call
/// once his note was saved or signed), and shows the concerns recorded from the note. Returns
/// what to tell the facilitator about the concern when the tick is set (empty otherwise).
std::string showConcernsFromNote(practice::Practice& practice, NoteEditor& editor,
                                 records::SessionId session, records::MemberId member);

}  // namespace roundtable::ui
