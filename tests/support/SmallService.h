// A small service written through the facilitator's use cases, for the documents made from
// records: one group of three men over eight weeks of the shipped programme. Owen joined at the
// start; Callum left after week five (and Owen's notes name him, so a report that leaked note
// text would name him too); Dev joined in week three. Week six's note for Owen is a draft, week
// seven did not take place and week eight is still planned. Each man has scores, concerns and a
// relapse-prevention plan. All names and text are invented.
#pragma once

#include <ctime>
#include <string>
#include <vector>

#include "practice/Practice.h"

namespace roundtable::test {

struct SmallService {
    records::GroupId group = 0;
    records::MemberId owen = 0, callum = 0, dev = 0;
    std::vector<records::SessionId> sessions;  ///< weeks one to eight
};

/// When the small service is written (noon UTC on 2 November 2026, after its eight weeks): its
/// concerns are raised and its plans made then, not on the day the tests run, so that a report
/// of a period ending on a fixed day holds them whatever the date.
inline constexpr std::time_t kSmallServiceWrittenAt = 1793620800;

inline constexpr const char* kOwenDraft = "A draft that must not be reported.";
inline constexpr const char* kOwenOpenConcern = "Spoke about waiting near the school gates.";
inline constexpr const char* kOwenClosedConcern = "Missed his bus home twice.";
inline constexpr const char* kCallumConcern = "Said he had been drinking before the group.";

inline SmallService writeSmallService(records::RecordStore& store,
                                      const curriculum::Programme& programme) {
    using records::Attendance;
    static const records::SetClock writtenAt(kSmallServiceWrittenAt);
    store.useClock(writtenAt);
    practice::Practice practice(store, programme);
    SmallService service;
    service.group =
        practice.createGroup("Thursday group", records::GroupKind::treatment, {4, "13:30", 120});
    service.owen = practice.addMember(service.group, "Owen Marsh", "2026-09-03");
    service.callum = practice.addMember(service.group, "Callum Reid", "2026-09-03");
    service.dev = practice.addMember(service.group, "Dev Patel", "2026-09-17");
    const std::vector<std::pair<const char*, const char*>> weeks = {
        {"framework-01", "2026-09-03"},     {"framework-02", "2026-09-10"},
        {"framework-03", "2026-09-17"},     {"framework-04", "2026-09-24"},
        {"framework-05", "2026-10-01"},     {"relationships-01", "2026-10-08"},
        {"relationships-02", "2026-10-15"}, {"relationships-02", "2026-10-22"}};
    for (const auto& [id, date] : weeks)
        service.sessions.push_back(practice.planSession(service.group, id, date));

    // Each week's marks: Owen, Callum, Dev (nothing where he was not a member).
    struct Mark {
        records::MemberId member;
        Attendance status;
        const char* reason;
    };
    const std::vector<std::vector<Mark>> marks = {
        {{service.owen, Attendance::attended, ""}, {service.callum, Attendance::attended, ""}},
        {{service.owen, Attendance::late, "Bus late"},
         {service.callum, Attendance::absentUnauthorised, "Not known"}},
        {{service.owen, Attendance::attended, ""},
         {service.callum, Attendance::attended, ""},
         {service.dev, Attendance::attended, ""}},
        {{service.owen, Attendance::absentAuthorised, "Dentist"},
         {service.callum, Attendance::attended, ""},
         {service.dev, Attendance::attended, ""}},
        {{service.owen, Attendance::attended, ""},
         {service.callum, Attendance::attended, ""},
         {service.dev, Attendance::absentUnauthorised, "Not known"}},
        {{service.owen, Attendance::leftEarly, "An appointment"},
         {service.dev, Attendance::attended, ""}},
    };
    for (std::size_t week = 0; week < marks.size(); ++week) {
        const auto session = service.sessions[week];
        for (const auto& mark : marks[week]) {
            practice.recordAttendance(session, mark.member, mark.status, mark.reason);
            if (!records::wasPresent(mark.status))
                continue;
            records::NoteContent note(mark.member == service.owen
                                          ? "Helped Callum Reid with the worksheet."
                                          : "Took part and listened.");
            for (const auto& indicator : practice.indicatorsFor(session)) {
                note.ratings.push_back({std::string(indicator.id),
                                        std::min(indicator.scaleMax, static_cast<int>(week) / 2)});
            }
            if (week == 5 && mark.member == service.owen) {
                note.text = kOwenDraft;
                practice.saveNote(session, mark.member, note);
            } else {
                practice.signNote(session, mark.member, note);
            }
        }
        practice.markDelivered(session);
    }
    practice.markNotHeld(service.sessions[6], "The building was closed.");
    practice.recordLeaving(service.group, service.callum, "2026-10-01", "Moved away.");

    practice.recordOutcomeScore(service.owen, "sexual-knowledge", "before", "2026-09-01", 41);
    practice.recordOutcomeScore(service.owen, "session-rating", "each-session", "2026-09-03", 7);
    practice.recordOutcomeScore(service.callum, "sexual-knowledge", "before", "2026-09-01", 35);
    auto open = practice.raiseConcern(service.owen, service.sessions[2], kOwenOpenConcern);
    practice.addConcernAction(open, "Tell his care manager", "Group lead", "2026-09-20");
    auto closed = practice.raiseConcern(service.owen, std::nullopt, kOwenClosedConcern);
    auto done = practice.addConcernAction(closed, "Ask about transport", "Key worker", "");
    practice.updateConcernAction(done, records::ActionStatus::done, "Transport arranged.");
    practice.closeConcern(closed, "Transport arranged; no further worry.");
    practice.raiseConcern(service.callum, std::nullopt, kCallumConcern);

    const auto& headings = practice::relapsePlanHeadings();
    practice.saveRelapsePlan(service.owen, {{headings[0], "I stop sleeping and I feel cross."},
                                            {headings[1], "Parks when children are there."},
                                            {headings[2], "I walk away and phone Sam."},
                                            {headings[3], "Sam, my key worker. My sister Jo."},
                                            {headings[4], "A job at the garden centre."},
                                            {headings[5], "I tell staff straight away."}});
    practice.saveRelapsePlan(service.callum, {{headings[0], "Callum's own warning signs."}});
    store.useClock(records::systemClock());  // what the tests do next happens now
    return service;
}

}  // namespace roundtable::test
