// The notes round (NotesRound.h): who is in it, and each man's previous note and carried
// ratings.
#include "practice/NotesRound.h"

#include <algorithm>

#include "practice/Practice.h"

namespace roundtable::practice {
namespace {

std::optional<records::HistoryEntry> previousNote(records::RecordStore& store,
                                                  const records::Session& session,
                                                  records::MemberId member) {
    // Only the one note is read (and checked), not his whole history: the round reads this
    // again after every note signed.
    auto earlier = store.sessionOfNoteBefore(member, session.id);
    if (!earlier)
        return std::nullopt;
    return records::HistoryEntry{store.session(*earlier), std::nullopt,
                                 store.note(*earlier, member)};
}

std::vector<records::IndicatorRating> carriedRatings(
    const records::ProgressNote& previous, const std::vector<curriculum::Indicator>& indicators) {
    std::vector<records::IndicatorRating> carried;
    if (!previous.damage.empty())
        return carried;
    for (const auto& rating : previous.content.ratings) {
        auto indicator = std::find_if(indicators.begin(), indicators.end(),
                                      [&](const auto& i) { return i.id == rating.indicatorId; });
        // An indicator this session does not rate, or whose scale has changed since, offers
        // nothing: a carried value must mean the same thing.
        if (indicator != indicators.end() && rating.rating >= indicator->scaleMin &&
            rating.rating <= indicator->scaleMax)
            carried.push_back(rating);
    }
    return carried;
}

/// His task set at `session`, and his newest task set before it that is to be reviewed there.
void findTasks(records::RecordStore& store, const records::Session& session, RoundLine& line) {
    for (auto& task : store.tasksOf(line.member.id)) {  // oldest session first
        if (task.sessionId == session.id) {
            line.task = task;
            continue;
        }
        const auto setAt = store.session(task.sessionId);
        if (setAt.date > session.date || (setAt.date == session.date && setAt.id > session.id))
            continue;  // set later than this session
        const bool reviewedElsewhere = task.review && task.review->sessionId != session.id;
        if (!reviewedElsewhere)
            line.taskToReview = TaskProgress{setAt.date, std::move(task), std::nullopt};
        else
            line.taskToReview.reset();  // a newer task, already reviewed, is his newest
    }
}

}  // namespace

bool RoundLine::done() const {
    return note && note->state == records::NoteState::signedOff;
}

int NotesRound::doneCount() const {
    return static_cast<int>(std::count_if(lines.begin(), lines.end(),
                                          [](const RoundLine& line) { return line.done(); }));
}

NotesRound notesRoundOf(records::RecordStore& store, const records::Session& session,
                        const std::vector<RegisterLine>& lines,
                        std::vector<curriculum::Indicator> indicators,
                        std::optional<TaskOffer> task) {
    NotesRound round{std::move(indicators), {}, std::move(task)};
    const auto checkIns = store.checkInsAt(session.id);
    for (const auto& line : lines) {
        if (!line.mark || !records::wasPresent(line.mark->status))
            continue;
        RoundLine roundLine{
            line.member, line.note, previousNote(store, session, line.member.id), {}, {}, {}, {}};
        if (roundLine.previous)
            roundLine.carried = carriedRatings(*roundLine.previous->note, round.indicators);
        for (const auto& checkIn : checkIns) {
            if (checkIn.memberId == line.member.id)
                roundLine.checkIn = checkIn;
        }
        findTasks(store, session, roundLine);
        round.lines.push_back(std::move(roundLine));
    }
    return round;
}

}  // namespace roundtable::practice
