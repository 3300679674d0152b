// Builds the demo database through the same use cases a facilitator uses, so the demo
// also exercises the real code path. Every name and note here is invented.
#include "practice/DemoData.h"

#include <algorithm>
#include <array>

#include "practice/Dates.h"
#include "practice/Practice.h"
#include "practice/ServiceProgramme.h"

namespace roundtable::practice {
namespace {

constexpr int kDemoSessions = 10;

const std::array<const char*, 8> kMembers = {"Daniel Hughes",  "Tom\xC3\xA1s \xC3\x93 Briain",
                                             "Ayodele Bakare", "Piotr Wi\xC5\x9Bniewski",
                                             "Gareth Pryce",   "Imran Qureshi",
                                             "Kevin O'Neill",  "Ravi Chandra"};

// Each note is built from a participation line and a progress line, so that the notes vary
// the way real ones do without pretending to describe real people.
const std::array<const char*, 4> kParticipation = {
    "Took a full part and listened well to others.",
    "Quiet at first; joined in after the break when asked directly.",
    "Spoke a lot and needed reminders to let others finish.",
    "Engaged well in the practice activity and helped another member with the worksheet."};
// How much each of the texts above says he took part, in the same order.
const std::array<records::Participation, 4> kParticipationLevel = {
    records::Participation::full, records::Participation::some, records::Participation::full,
    records::Participation::full};
const std::array<const char*, 4> kProgress = {
    "Could say the main idea of today's session in his own words.",
    "Needed the easy-read summary read with him; understood it with support.",
    "Said he found the topic hard. Agreed to talk to his key worker about it this week.",
    "Gave a helpful example from his own week. No concerns raised."};

records::Attendance attendanceFor(int session, int member) {
    // A realistic but fixed pattern: most men attend, a few are late or absent.
    int pattern = (session * 3 + member * 5) % 17;
    if (pattern == 0)
        return records::Attendance::absentAuthorised;
    if (pattern == 7)
        return records::Attendance::absentUnauthorised;
    if (pattern == 11)
        return records::Attendance::late;
    if (pattern == 13)
        return records::Attendance::leftEarly;
    return records::Attendance::attended;
}

const char* reasonFor(records::Attendance status) {
    switch (status) {
        case records::Attendance::absentAuthorised:
            return "Hospital appointment, staff phoned ahead.";
        case records::Attendance::absentUnauthorised:
            return "Did not come; staff could not say why.";
        case records::Attendance::late:
            return "Transport arrived late.";
        case records::Attendance::leftEarly:
            return "Collected early for a family visit.";
        case records::Attendance::attended:
            break;
    }
    return "";
}

}  // namespace

DemoSummary createDemoDatabase(const std::filesystem::path& path,
                               const curriculum::Programme& programme,
                               const std::filesystem::path& programmeFolder) {
    // The group is called "Tuesday group", so its sessions fall on Tuesdays, the last one
    // at most a week ago.
    constexpr unsigned kTuesday = 2;
    const auto lastSession = weekdayOnOrBefore(today().plusDays(-1), kTuesday);
    const auto firstSession = lastSession.plusDays(-7 * (kDemoSessions - 1));
    // The service's year as it happened: set up the day before the first session, each
    // session's register taken and notes signed on its day (none is a late entry).
    records::SetClock clock(localTimeOn(firstSession.plusDays(-1), 9, 0));
    auto store = records::RecordStore::create(
                     path, {kDemoLogin, kDemoPassphrase, records::KeyDerivation::standard, &clock})
                     .store;
    storeShippedProgrammeIfMissing(store, programmeFolder);
    Practice practice(store, programme);
    DemoSummary summary;
    auto group = practice.createGroup("Tuesday group", records::GroupKind::treatment,
                                      {static_cast<int>(kTuesday), "10:30", 120});
    std::vector<records::MemberId> members;
    for (const char* name : kMembers) {
        members.push_back(practice.addMember(group, name, firstSession.iso()));
    }
    summary.members = static_cast<int>(members.size());

    std::vector<const curriculum::Session*> curriculumSessions;
    for (const auto& module : programme.modules) {
        if (module.phase != curriculum::Phase::treatment)
            continue;
        for (const auto& session : module.sessions)
            curriculumSessions.push_back(&session);
    }
    for (int week = 0; week < kDemoSessions && week < int(curriculumSessions.size()); ++week) {
        const auto date = firstSession.plusDays(7 * week);
        clock.set(localTimeOn(date, 9, 30));
        auto session =
            practice.planSession(group, std::string(curriculumSessions[week]->id), date.iso());
        ++summary.sessions;
        clock.set(localTimeOn(date, 13, 15));  // after the session, its register and notes
        for (int m = 0; m < int(members.size()); ++m) {
            auto status = attendanceFor(week, m);
            practice.recordAttendance(session, members[m], status, reasonFor(status));
            if (!records::wasPresent(status))
                continue;
            records::NoteContent note(std::string(kParticipation[(week + m) % 4]) + " " +
                                      kProgress[(week * 2 + m) % 4]);
            note.participation = kParticipationLevel[(week + m) % 4];
            // Ratings that rise slowly over the weeks, as they do for most men.
            for (const auto& indicator : practice.indicatorsFor(session)) {
                int span = indicator.scaleMax - indicator.scaleMin;
                int rating = indicator.scaleMin + std::min(span, (week + m % 3) * span / 8);
                note.ratings.push_back({std::string(indicator.id), rating});
            }
            practice.signNote(session, members[m], note);
            ++summary.notes;
        }
        practice.markDelivered(session);
        practice.recordFacilitators(session, {store.currentUser()->id});
    }
    return summary;
}

}  // namespace roundtable::practice
