// A rating belongs to a session by its day: the record store keeps outcome scores by member,
// measure, time point and date, and a group meets at most once a day.
#include "practice/SessionRatings.h"

#include "practice/Practice.h"  // ValidationError
#include "practice/RecordsToPrint.h"
#include "text/Translate.h"

namespace roundtable::practice {

std::optional<std::string_view> eachSessionTimePoint(const curriculum::Programme& programme,
                                                     const curriculum::Measure& measure) {
    for (auto id : measure.timePoints) {
        for (const auto& point : programme.timePoints) {
            if (point.id == id && point.due == curriculum::DueFrom::eachSession)
                return id;
        }
    }
    return std::nullopt;
}

const curriculum::Measure* sessionRatingMeasure(const curriculum::Programme& programme) {
    for (const auto& measure : programme.measures) {
        if (eachSessionTimePoint(programme, measure))
            return &measure;
    }
    return nullptr;
}

bool isRatingOn(const records::OutcomeScore& score, const curriculum::Measure& measure,
                std::string_view timePoint, const records::Session& session) {
    return score.measureId == measure.id && score.timePoint == timePoint &&
           (score.forSession ? *score.forSession == session.id : score.takenOn == session.date);
}

SessionRatingSheet sessionRatingSheet(records::RecordStore& store, records::SessionId sessionId,
                                      const curriculum::Programme& programme) {
    const auto* measure = sessionRatingMeasure(programme);
    if (!measure) {
        throw ValidationError("session-ratings",
                              text::tr("The programme has no rating taken after every session."));
    }
    const auto timePoint = *eachSessionTimePoint(programme, *measure);
    SessionRatingSheet sheet{store.session(sessionId),
                             std::string(measure->name),
                             measure->min,
                             measure->max,
                             measure->higherIsBetter,
                             {}};
    const auto marks = store.registerOf(sessionId);
    for (auto& member : store.membersOf(sheet.session.groupId)) {
        if (!onRegisterOn(member, sheet.session.date))
            continue;
        std::optional<records::AttendanceMark> mark;
        for (const auto& each : marks) {
            if (each.memberId == member.id)
                mark = each;  // the newest is last
        }
        if (!mark || !records::wasPresent(mark->status))
            continue;
        SessionRatingLine line{std::move(member), std::nullopt};
        // The newest of his ratings that day (the store leaves out those corrected).
        for (auto& score : store.outcomeScoresOf(line.member.id)) {
            if (isRatingOn(score, *measure, timePoint, sheet.session) &&
                (!line.rating || score.id > line.rating->id))
                line.rating = std::move(score);
        }
        sheet.lines.push_back(std::move(line));
    }
    return sheet;
}

}  // namespace roundtable::practice
