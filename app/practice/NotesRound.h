// The notes round: after the register, the notes of a session written one member after
// another. Each line carries what the facilitator needs beside the note: his previous note
// (read-only) and the ratings it gave the indicators this session rates, offered to carry
// forward. An offered rating is never saved until the facilitator confirms it (NoteEditor).
#pragma once

#include <optional>
#include <vector>

#include "curriculum/Programme.h"
#include "practice/MemberProgress.h"
#include "records/RecordStore.h"

namespace roundtable::practice {

struct RegisterLine;

/// One member of the round: a man marked present, late or left early.
struct RoundLine {
    records::Member member;
    std::optional<records::ProgressNote> note;  ///< his note of this session, if written
    /// His newest note of an earlier session (any group, any state), with that session.
    std::optional<records::HistoryEntry> previous;
    /// The previous note's ratings of the indicators this session rates, within their scales;
    /// none when that note cannot be relied on (damaged).
    std::vector<records::IndicatorRating> carried;
    /// His mood at this session's check-in, if recorded (the newest).
    std::optional<records::CheckIn> checkIn;
    /// The between-sessions task set for him at this session, if set.
    std::optional<records::MemberTask> task;
    /// His newest task from an earlier session, to say at this check-in how it went: not yet
    /// reviewed, or reviewed at this session.
    std::optional<TaskProgress> taskToReview;
    /// His note of this session is signed.
    [[nodiscard]] bool done() const;
};

/// The between-sessions task a session sets: from the first activity of kind
/// "between-sessions" in its plan, in the programme's words until changed for a man.
struct TaskOffer {
    int activityPosition = 0;  ///< in the plan as made, from 1
    std::string text;
};

struct NotesRound {
    std::vector<curriculum::Indicator> indicators;  ///< what a note of this session rates
    std::vector<RoundLine> lines;                   ///< in the register's order
    std::optional<TaskOffer> task;                  ///< none when the session sets no task
    [[nodiscard]] int doneCount() const;
};

/// The round of `session` from its register lines (Practice::registerFor): the members who
/// were there, each with his previous note, what it offers to carry forward and his tasks.
[[nodiscard]] NotesRound notesRoundOf(records::RecordStore& store, const records::Session& session,
                                      const std::vector<RegisterLine>& lines,
                                      std::vector<curriculum::Indicator> indicators,
                                      std::optional<TaskOffer> task);

}  // namespace roundtable::practice
