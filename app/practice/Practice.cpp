// The facilitator's use cases over the record store and the loaded programme.
#include "practice/Practice.h"

#include <algorithm>
#include <numeric>
#include <span>

#include "curriculum/ModuleComparison.h"
#include "curriculum/ModuleDocument.h"
#include "practice/Dates.h"
#include "practice/RecordsToPrint.h"
#include "practice/ScopeExit.h"
#include "practice/ServiceProgramme.h"
#include "practice/Wording.h"
#include "text/Translate.h"

namespace roundtable::practice {
namespace {

constexpr std::size_t kMaxNameLength = 120;

using records::trimmed;

std::string requireName(const std::string& field, const std::string& value, const char* what) {
    auto name = trimmed(value);
    if (name.empty())
        throw ValidationError(field, text::fill(text::tr("Please enter {1}."), {text::tr(what)}));
    if (name.size() > kMaxNameLength) {
        throw ValidationError(field, text::tr("The name is too long (at most 120 characters)."));
    }
    return name;
}

/// Refuses to write over a record that was changed outside Roundtable: writing would hide
/// the change from `roundtable-cli verify`, and the record cannot be relied on anyway.
void refuseIfDamaged(const std::string& damage, const std::string& field, const char* refused) {
    if (!damage.empty())
        throw ValidationError(field,
                              std::string(refused).append(" ").append(damageWarning({damage})));
}

curriculum::Phase phaseFor(records::GroupKind kind) {
    switch (kind) {
        case records::GroupKind::maintenance:
            return curriculum::Phase::maintenance;
        case records::GroupKind::carers:
            return curriculum::Phase::carers;
        case records::GroupKind::treatment:
            break;
    }
    return curriculum::Phase::treatment;
}

}  // namespace

std::string damageWarning(const std::vector<std::string>& damages) {
    std::string sentences;
    std::size_t count = 0;
    for (const auto& damage : damages) {
        if (damage.empty())
            continue;
        sentences.append(" ").append(damage);
        ++count;
    }
    if (count == 0)
        return {};
    return std::string(text::tr("Damaged:"))
        .append(sentences)
        .append(" ")
        .append(count == 1 ? text::tr("Do not rely on this record.")
                           : text::tr("Do not rely on these records."))
        .append(" ")
        .append(text::tr("An administrator can check the whole database with roundtable-cli "
                         "verify."));
}

std::optional<std::string> backupReminder(const std::optional<std::string>& lastBackupAt,
                                          Date today) {
    constexpr int kBackupDays = 7;
    if (!lastBackupAt)
        return text::tr("No backup of this database has been made yet.");
    int days = dateOf(*lastBackupAt).daysUntil(today);
    if (days <= kBackupDays)
        return std::nullopt;
    return text::fill(text::tr("The last backup of this database was made {1} days ago."),
                      {std::to_string(days)});
}

std::string guidanceText(const curriculum::Activity& activity) {
    std::string text;
    for (const auto& paragraph : activity.guidance) {
        text.append(text.empty() ? "" : "\n\n").append(paragraph);
    }
    if (!activity.adapt.empty())
        text.append("\n\n").append(text::tr("Adapt:")).append(" ").append(activity.adapt);
    if (!activity.watch.empty())
        text.append("\n\n").append(text::tr("Watch for:")).append(" ").append(activity.watch);
    return text;
}

const std::vector<std::string>& relapsePlanHeadings() {
    static const std::vector<std::string> headings = {
        // Stored as the plan's headings in English; shown through text::tr.
        text::trLater("My warning signs"),        text::trLater("Risky situations for me"),
        text::trLater("What I will do"),          text::trLater("People who help me"),
        text::trLater("What I want for my life"), text::trLater("If things go wrong")};
    return headings;
}

records::GroupId Practice::createGroup(const std::string& name, records::GroupKind kind,
                                       const records::GroupSchedule& schedule,
                                       std::optional<records::GroupId> linkedGroup) {
    auto cleanName = requireName("group-name", name, text::trLater("the group's name"));
    if (schedule.weekday < 0 || schedule.weekday > 7)
        throw ValidationError("weekday", text::tr("Choose the day the group meets."));
    if (!schedule.startsAt.empty() && !isClockTime(schedule.startsAt))
        throw ValidationError("starts-at",
                              text::tr("The start time must be a time such as 10:30."));
    if (schedule.sessionMinutes != 0 &&
        (schedule.sessionMinutes < 15 || schedule.sessionMinutes > 300)) {
        throw ValidationError("session-minutes",
                              text::tr("A session lasts between 15 and 300 minutes."));
    }
    if (linkedGroup) {
        auto groups = store_.groups();
        auto linked = std::find_if(groups.begin(), groups.end(),
                                   [&](const records::Group& g) { return g.id == *linkedGroup; });
        if (kind != records::GroupKind::carers || linked == groups.end() ||
            linked->kind != records::GroupKind::treatment) {
            throw ValidationError(
                "linked-group",
                text::tr("Only a carers' group is linked, and only to a treatment group."));
        }
    }
    return store_.addGroup(cleanName, kind, schedule, linkedGroup);
}

Date Practice::typedDate(const char* field, const std::string& text,
                         const std::string& refusal) const {
    auto date = readTypedDate(text, dateOrder_);
    if (!date)
        throw ValidationError(field, refusal);
    return *date;
}

AskedPeriod Practice::typedPeriod(const std::string& from, const std::string& to) const {
    const auto refusal = text::fill(text::tr("Please type a real date ({1}), or leave it empty."),
                                    {datePattern(dateOrder_)});
    AskedPeriod period;
    if (auto text = trimmed(from); !text.empty())
        period.from = typedDate("report-from", text, refusal);
    if (auto text = trimmed(to); !text.empty())
        period.to = typedDate("report-to", text, refusal);
    if (period.from && period.to && *period.from > *period.to)
        throw ValidationError("report-to", text::tr("The period ends before it begins."));
    return period;
}

records::MemberId Practice::addMember(records::GroupId group, const std::string& name,
                                      const std::string& joinedOn, bool attendanceRequired) {
    auto cleanName = requireName("member-name", name, text::trLater("the member's name"));
    const auto joined = typedDate("joined-on", joinedOn,
                                  text::fill(text::tr("The date joined must be a real date ({1})."),
                                             {datePattern(dateOrder_)}));
    return store_.addMember(group, cleanName, joined, attendanceRequired);
}

void Practice::recordLeaving(records::GroupId group, records::MemberId member,
                             const std::string& typedLeftOn, const std::string& reason) {
    const auto leftOn =
        typedDate("left-on", typedLeftOn, text::tr("The date he left must be a real date."));
    auto members = store_.membersOf(group);
    auto found = std::find_if(members.begin(), members.end(),
                              [&](const records::Member& m) { return m.id == member; });
    if (found == members.end())
        throw ValidationError("member", text::tr("Choose a member of this group."));
    if (found->leftOn)
        throw ValidationError("left-on", text::tr("His leaving is already recorded."));
    if (leftOn < found->joinedOn)
        throw ValidationError("left-on", text::tr("He cannot leave before the day he joined."));
    if (trimmed(reason).empty())
        throw ValidationError("leaving-reason", text::tr("Please give the reason he left."));
    store_.recordLeaving(group, member, leftOn, trimmed(reason));
}

void Practice::recordMemberDetails(records::MemberId member, const std::string& typedDateOfBirth,
                                   const records::MemberDetails& details) {
    auto clean = details;
    clean.dateOfBirth.reset();
    clean.localId = trimmed(details.localId);
    clean.residentialService = trimmed(details.residentialService);
    clean.careManager = trimmed(details.careManager);
    if (!trimmed(typedDateOfBirth).empty()) {
        const std::string refusal = text::tr("The date of birth must be a real date in the past.");
        clean.dateOfBirth = typedDate("date-of-birth", typedDateOfBirth, refusal);
        if (clean.dateOfBirth >= today())
            throw ValidationError("date-of-birth", refusal);
    }
    store_.recordMemberDetails(member, clean);
}

Date Practice::nextMeetingDay(const records::Group& group, Date from) {
    // The schedule counts Monday 1 ... Sunday 7; the calendar, Sunday 0 ... Saturday 6.
    int weekday = group.schedule.weekday;
    return weekday < 1 || weekday > 7 ? from
                                      : weekdayOnOrAfter(from, static_cast<unsigned>(weekday % 7));
}

void Practice::useServiceProgramme(const std::filesystem::path& shippedDirectory) {
    // Unlocked with the recovery key, no one can store it: the programme stays as it was.
    if (!store_.currentUser() && !store_.hasProgramme())
        return;
    programme_ = serviceProgramme(store_, shippedDirectory);
    phrases_.reset();  // the service's programme may offer others
}

records::SessionId Practice::planSession(records::GroupId group,
                                         const std::string& curriculumSessionId,
                                         const std::string& typedOn) {
    return store_.addSession(sessionFromCurriculum(group, curriculumSessionId, typedOn));
}

std::string Practice::questionBeforePlanning(records::GroupId group, const std::string& typedOn) {
    auto date = readTypedDate(typedOn, dateOrder_);
    if (!date)
        return {};  // planSession says what is wrong with the date
    for (const auto& session : store_.sessionsOf(group)) {
        if (session.date == *date && !session.isCatchUp()) {
            return text::fill(text::tr("The group already has a session on {1}: {2}. Plan "
                                       "another on the same day?"),
                              {dateInWords(*date), session.title});
        }
    }
    return {};
}

std::string Practice::questionBeforeMarkingHeld(records::SessionId session) {
    if (!store_.session(session).facilitators.empty())
        return {};
    return text::tr(
        "Nobody is recorded as running this session. Tick who ran it, or record "
        "that it took place without saying who?");
}

std::string Practice::questionBeforeSigning(const records::NoteContent& content) {
    if (content.participation != records::Participation::notRecorded || !content.ratings.empty())
        return {};
    return text::tr(
        "This note records neither how he took part nor any rating. Sign it as "
        "it is?");
}

records::SessionId Practice::planCatchUp(records::GroupId group,
                                         const std::string& curriculumSessionId,
                                         const std::vector<records::MemberId>& members,
                                         const std::string& typedOn) {
    auto plan = sessionFromCurriculum(group, curriculumSessionId, typedOn);
    if (members.empty())
        throw ValidationError("catch-up-members", text::tr("Choose who the catch-up is for."));
    auto groupMembers = store_.membersOf(group);
    for (auto id : members) {
        auto member = std::find_if(groupMembers.begin(), groupMembers.end(),
                                   [&](const records::Member& m) { return m.id == id; });
        if (member == groupMembers.end() || !onRegisterOn(*member, plan.date)) {
            throw ValidationError("catch-up-members",
                                  text::tr("A catch-up is for members of the group who have not "
                                           "left by its day."));
        }
    }
    plan.catchUpFor = members;
    std::sort(plan.catchUpFor.begin(), plan.catchUpFor.end());
    plan.catchUpFor.erase(std::unique(plan.catchUpFor.begin(), plan.catchUpFor.end()),
                          plan.catchUpFor.end());
    return store_.addSession(plan);
}

records::NewSession Practice::sessionFromCurriculum(records::GroupId group,
                                                    const std::string& curriculumSessionId,
                                                    const std::string& typedOn) {
    auto found = programme_.findSession(curriculumSessionId);
    if (!found) {
        throw ValidationError("curriculum-session",
                              text::tr("Choose a session from the curriculum to plan."));
    }
    const auto date =
        typedDate("session-date", typedOn, text::tr("The session date must be a real date."));
    // A year typed with two digits into a date picker reads as the first century ("12/03/26"
    // is 0026-12-03).
    if (date.year() < 2000) {
        throw ValidationError("session-date",
                              text::fill(text::tr("The date reads as the year {1}: type the year "
                                                  "in full, such as 2026."),
                                         {date.iso().substr(0, 4)}));
    }
    auto groups = store_.groups();
    auto groupIt = std::find_if(groups.begin(), groups.end(),
                                [&](const records::Group& g) { return g.id == group; });
    if (groupIt == groups.end())
        throw ValidationError("group", text::tr("Choose a group first."));
    // A group set to stay on the versions it started with plans from the version its first
    // session of this module was planned from.
    const curriculum::Module* kept = nullptr;
    if (staysOnModuleVersions(group)) {
        for (const auto& earlier : store_.sessionsOf(group)) {
            if (earlier.stamp.moduleId != found->module->id)
                continue;
            kept = moduleOf(earlier.stamp);
            break;
        }
    }
    const auto& module = kept ? *kept : *found->module;
    const curriculum::Session* session = found->session;
    if (kept) {
        auto inKept =
            std::find_if(kept->sessions.begin(), kept->sessions.end(),
                         [&](const curriculum::Session& s) { return s.id == curriculumSessionId; });
        if (inKept == kept->sessions.end()) {
            throw ValidationError(
                "curriculum-session",
                text::fill(text::tr("This group stays on version {1} of \"{2}\", which has no "
                                    "such session."),
                           {std::to_string(kept->version), kept->title}));
        }
        session = &*inKept;
    }
    if (module.phase != phaseFor(groupIt->kind)) {
        throw ValidationError(
            "curriculum-session",
            text::fill(text::tr("\"{1}\" is for {2} groups, and {3} is a {4} group."),
                       {module.title, curriculum::toText(module.phase), groupIt->name,
                        records::toText(groupIt->kind)}));
    }
    records::NewSession plan;
    plan.groupId = group;
    plan.startsAt = groupIt->schedule.startsAt;
    plan.date = date;
    plan.title = std::string(session->title);
    plan.minutes = session->minutes;
    plan.stamp = {std::string(session->id), std::string(module.id), module.version,
                  module.contentHash()};
    for (const auto& activity : session->activities) {
        plan.activities.push_back({std::string(activity.kind), activity.minutes,
                                   std::string(activity.title), guidanceText(activity)});
    }
    return plan;
}

const curriculum::Module* Practice::moduleOf(const records::CurriculumStamp& stamp) {
    const auto* current = programme_.findModule(stamp.moduleId);
    if (current && current->version == stamp.moduleVersion &&
        current->contentHash() == stamp.contentHash)
        return current;
    if (auto known = stampedModules_.find(stamp.contentHash); known != stampedModules_.end())
        return &known->second;
    if (store_.hasProgramme()) {
        if (auto revision = store_.moduleRevisionWithHash(stamp.moduleId, stamp.contentHash)) {
            auto loaded = loadModuleRevision(store_, *revision);
            if (loaded.ok()) {
                return &stampedModules_.emplace(stamp.contentHash, std::move(*loaded.module))
                            .first->second;
            }
        }
    }
    // Planned before the programme was kept in the database (or its text is damaged): the
    // module as the programme has it now is the nearest there is.
    return current;
}

std::optional<PlannedFrom> Practice::plannedFrom(const records::Session& session) {
    const auto* planned = moduleOf(session.stamp);
    const auto* newest = programme_.findModule(session.stamp.moduleId);
    if (!planned || !newest)
        return std::nullopt;
    PlannedFrom result{
        std::string(newest->title), session.stamp.moduleVersion, newest->version, {}};
    if (planned != newest)
        result.differences = curriculum::compareModules(*planned, *newest);
    return result;
}

bool Practice::staysOnModuleVersions(records::GroupId group) {
    auto setting = store_.recordSetting("group:" + std::to_string(group), kStaysOnVersions);
    return setting && setting->damage.empty() && setting->value == "yes";
}

void Practice::setStaysOnModuleVersions(records::GroupId group, bool stays) {
    store_.setRecordSetting("group:" + std::to_string(group), kStaysOnVersions,
                            stays ? "yes" : "no");
}

std::vector<MemberCatchUps> Practice::catchUps(records::GroupId group) {
    return catchUpsOf(store_, group);
}

int Practice::servicePercent(const PercentSetting& setting) {
    return percentSetting(store_, setting);
}

void Practice::setServicePercent(const PercentSetting& setting, int percent) {
    setPercentSetting(store_, setting, percent);
}

void Practice::recordMilestone(records::MemberId member, const std::string& milestoneId,
                               const std::string& typedOn, const std::string& note) {
    if (!programme_.findMilestone(milestoneId))
        throw ValidationError("milestone", text::tr("Choose one of the programme's milestones."));
    const auto day = typedDate("milestone-date", typedOn,
                               text::tr("The day he reached it must be a real date."));
    if (today() < day) {
        throw ValidationError("milestone-date",
                              text::tr("A milestone is recorded once he has reached it, not "
                                       "before."));
    }
    store_.recordMilestone(member, milestoneId, day, trimmed(note));
}

void Practice::withdrawMilestone(records::MemberId member, std::int64_t recordId,
                                 const std::string& reason) {
    const auto why = trimmed(reason);
    if (why.empty()) {
        throw ValidationError("milestone-reason",
                              text::tr("Say why the record is withdrawn (it is kept, marked as "
                                       "withdrawn)."));
    }
    auto records = store_.milestonesOf(member);
    auto found = std::find_if(records.begin(), records.end(),
                              [&](const records::Milestone& m) { return m.id == recordId; });
    if (found == records.end() || found->withdrawnBecause) {
        throw ValidationError("milestone-reason",
                              text::tr("Choose one of his milestones that stands."));
    }
    store_.recordMilestone(member, found->milestoneId, found->reachedOn, why, recordId);
}

bool Practice::canReview(const records::ProgressNote& note) {
    const auto user = store_.currentUser();
    const auto since = reviewsRequiredSince(store_);
    return user && since && user->role == records::Role::clinicalLead &&
           note.author != user->login && note.signedAt >= *since && note.damage.empty() &&
           awaitsReview(note);
}

void Practice::reviewNote(const records::ProgressNote& note, records::ReviewOutcome outcome,
                          const std::string& comment) {
    if (!canReview(note))
        throw ValidationError("review-comment", text::tr("This note is not awaiting your review."));
    const auto clean = trimmed(comment);
    if (outcome == records::ReviewOutcome::returned && clean.empty()) {
        throw ValidationError("review-comment",
                              text::tr("Say what the author should look at again."));
    }
    store_.reviewNote(note.id, outcome, clean);
}

namespace {
/// A session is said to have taken place only once its day has come.
void refuseBeforeItsDay(const records::Session& session, records::Date today) {
    if (session.date > today) {
        throw ValidationError(
            "session-status",
            text::fill(text::tr("This session is planned for {1}: it can be marked as having "
                                "taken place on that day or later."),
                       {session.date.iso()}));
    }
}
}  // namespace

void Practice::markDelivered(records::SessionId session) {
    const auto planned = store_.session(session);
    refuseIfDamaged(planned.damage, "session-status",
                    text::tr("This session's record cannot be changed."));
    refuseBeforeItsDay(planned, today());
    store_.setSessionStatus(session, records::SessionStatus::tookPlace);
}

void Practice::correctSessionStatus(records::SessionId session, records::SessionStatus status,
                                    const std::string& reason) {
    if (trimmed(reason).empty())
        throw ValidationError("not-held-reason",
                              text::tr("Please say why the record is corrected."));
    const auto recorded = store_.session(session);
    refuseIfDamaged(recorded.damage, "session-status",
                    text::tr("This session's record cannot be changed."));
    if (status == records::SessionStatus::tookPlace)
        refuseBeforeItsDay(recorded, today());
    store_.correctSessionStatus(session, status, trimmed(reason));
}

void Practice::markNotHeld(records::SessionId session, const std::string& reason) {
    if (trimmed(reason).empty())
        throw ValidationError("not-held-reason",
                              text::tr("Please say why the session did not take place."));
    refuseIfDamaged(store_.session(session).damage, "session-status",
                    text::tr("This session's record cannot be changed."));
    store_.setSessionStatus(session, records::SessionStatus::didNotTakePlace, trimmed(reason));
}

void Practice::adaptPlan(records::SessionId session,
                         std::vector<records::AdaptedActivity> activities,
                         const std::string& reason) {
    const auto planned = store_.session(session);
    if (planned.status != records::SessionStatus::planned)
        throw ValidationError("adapt-plan", text::tr("Only the plan of a session not yet "
                                                     "delivered can be adapted."));
    refuseIfDamaged(planned.damage, "adapt-plan",
                    text::tr("This session's plan cannot be adapted."));
    // Order, minutes and guidance only: every activity of the plan as made, each once.
    std::vector<int> positions;
    for (const auto& activity : activities)
        positions.push_back(activity.plannedPosition);
    std::sort(positions.begin(), positions.end());
    std::vector<int> eachOnce(planned.activities.size());
    std::iota(eachOnce.begin(), eachOnce.end(), 1);
    if (positions != eachOnce || positions.empty())
        throw ValidationError("adapt-plan", text::tr("An adapted plan keeps each of the session's "
                                                     "activities once."));
    for (auto& activity : activities) {
        if (activity.minutes < 1 || activity.minutes > kMostActivityMinutes)
            throw ValidationError("adapt-minutes",
                                  text::fill(text::tr("An activity takes from 1 to {1} minutes."),
                                             {std::to_string(kMostActivityMinutes)}));
        activity.addedGuidance = trimmed(activity.addedGuidance);
    }
    std::vector<records::AdaptedActivity> now;
    for (const auto& step : planned.planSteps())
        now.push_back(
            {static_cast<int>(step.madePlace) + 1, step.activity.minutes, step.addedGuidance});
    if (activities == now)
        throw ValidationError("adapt-plan", text::tr("The plan is as it was: change the order, "
                                                     "an activity's minutes or its guidance."));
    if (trimmed(reason).empty())
        throw ValidationError("adapt-reason",
                              text::tr("Please say why the plan is adapted for this group."));
    store_.adaptPlan(session, activities, trimmed(reason));
}

void Practice::recordFacilitators(records::SessionId session,
                                  const std::vector<records::UserId>& facilitators) {
    auto users = store_.users();
    for (auto id : facilitators) {
        if (std::none_of(users.begin(), users.end(),
                         [&](const records::User& user) { return user.id == id; })) {
            throw ValidationError(
                "session-facilitators",
                text::tr("Only people who can sign in to this database can be recorded "
                         "as running a session."));
        }
    }
    store_.setFacilitatorsPresent(session, facilitators);
}

records::Session Practice::sessionWithMember(records::SessionId sessionId,
                                             records::MemberId member) {
    auto session = store_.session(sessionId);
    auto members = store_.membersOf(session.groupId);
    auto found = std::find_if(members.begin(), members.end(),
                              [&](const records::Member& m) { return m.id == member; });
    if (found == members.end())
        throw ValidationError("member", text::tr("Choose a member of this session's group."));
    if (!onRegisterOf(*found, session) && session.isCatchUp())
        throw ValidationError("member", text::tr("This catch-up session is not for him."));
    return session;
}

void Practice::recordAttendance(records::SessionId session, records::MemberId member,
                                records::Attendance status, const std::string& reason,
                                std::optional<int> minutesPresent) {
    auto planned = sessionWithMember(session, member);
    if (planned.status == records::SessionStatus::didNotTakePlace) {
        throw ValidationError("attendance",
                              text::tr("This session did not take place, so it has no "
                                       "register."));
    }
    auto cleanReason = trimmed(reason);
    if (!records::wasPresent(status) && cleanReason.empty()) {
        throw ValidationError("reason",
                              text::tr("Please give a reason when a member did not attend."));
    }
    if (minutesPresent && (*minutesPresent < 0 || *minutesPresent > planned.minutes)) {
        throw ValidationError("minutes-present",
                              text::fill(text::tr("Minutes present must be between 0 and {1}."),
                                         {std::to_string(planned.minutes)}));
    }
    records::AttendanceMark mark;
    mark.memberId = member;
    mark.status = status;
    mark.reason = cleanReason;
    mark.minutesPresent = minutesPresent;
    store_.markAttendance(session, mark);
}

int Practice::markEveryonePresent(records::SessionId session) {
    int marked = 0;
    for (const auto& line : registerFor(session)) {
        if (line.mark)
            continue;
        recordAttendance(session, line.member.id, records::Attendance::attended, {});
        ++marked;
    }
    return marked;
}

NotesRound Practice::notesRound(records::SessionId session) {
    return notesRoundOf(store_, store_.session(session), registerFor(session),
                        indicatorsFor(session), taskOffer(session));
}

std::optional<TaskOffer> Practice::taskOffer(records::SessionId session) {
    const auto planned = store_.session(session);
    const auto& activities = planned.activities;
    auto activity = std::find_if(activities.begin(), activities.end(),
                                 [](const auto& a) { return a.kind == "between-sessions"; });
    if (activity == activities.end())
        return std::nullopt;
    const auto index = static_cast<std::size_t>(activity - activities.begin());
    TaskOffer offer{static_cast<int>(index) + 1, activity->title};
    // In the programme's plain words for the men (its easy-read points), where it has them.
    const auto* module = moduleOf(planned.stamp);
    if (!module)
        return offer;
    auto from = std::find_if(module->sessions.begin(), module->sessions.end(),
                             [&](const auto& s) { return s.id == planned.stamp.sessionId; });
    if (from == module->sessions.end() || index >= from->activities.size())
        return offer;
    std::string words;
    for (const auto& point : from->activities[index].easyRead)
        words.append(words.empty() ? "" : " ").append(point.text);
    if (!words.empty())
        offer.text = std::move(words);
    return offer;
}

void Practice::setTask(records::SessionId session, records::MemberId member,
                       const std::string& text) {
    const auto offer = taskOffer(session);
    if (!offer)
        throw ValidationError("task", text::tr("This session sets no task between sessions."));
    auto marks = store_.registerOf(session);
    auto mark = std::find_if(marks.begin(), marks.end(), [&](const records::AttendanceMark& m) {
        return m.memberId == member;
    });
    if (mark == marks.end() || !records::wasPresent(mark->status))
        throw ValidationError("task", text::tr("A task is set for a man who was there."));
    if (trimmed(text).empty())
        throw ValidationError("task", text::tr("Please write his task."));
    for (const auto& task : store_.tasksOf(member)) {
        if (task.sessionId == session && task.activityPosition == offer->activityPosition &&
            task.text == trimmed(text))
            return;
    }
    store_.setTask(session, member, offer->activityPosition, trimmed(text));
}

void Practice::reviewTask(const records::MemberTask& task, records::SessionId at,
                          records::TaskOutcome outcome, const std::string& comment) {
    refuseIfDamaged(task.damage, "task-review", text::tr("This task's record cannot be changed."));
    // Compared with the record as it stands, not `task` as read: a screen may show an older one.
    for (const auto& standing : store_.tasksOf(task.memberId)) {
        const auto& said = standing.review;
        if (standing.id == task.id && said && said->sessionId == at && said->outcome == outcome &&
            said->comment == trimmed(comment))
            return;
    }
    store_.reviewTask(task.id, at, outcome, trimmed(comment));
}

Practice::SharedSectionText Practice::sharedSection(records::SessionId session) {
    if (auto written = store_.sharedSectionOf(session)) {
        refuseIfDamaged(written->damage, "shared-section",
                        text::tr("What the group did in this session cannot be read."));
        return {written->text, true};
    }
    std::string titles;
    for (const auto& activity : store_.session(session).planNow()) {
        if (!titles.empty())
            titles.append("; ");
        titles.append(activity.title);
    }
    return {titles.empty() ? std::string{} : text::fill(text::tr("The group did: {1}."), {titles}),
            false};
}

void Practice::saveSharedSection(records::SessionId session, const std::string& text) {
    if (trimmed(text).empty())
        throw ValidationError("shared-section",
                              text::tr("Please write what the group did in this session."));
    store_.saveSharedSection(session, trimmed(text));
}

void Practice::recordCheckIn(records::SessionId session, records::MemberId member, int mood,
                             const std::string& word) {
    if (mood < 1 || mood > static_cast<int>(moodScale().size()))
        throw ValidationError("check-in", text::tr("Choose one of the five pictures."));
    store_.recordCheckIn(session, member, mood, trimmed(word));
}

const std::vector<OfferedPhrase>& Practice::phrases() {
    // Read again for whoever signed in since (the key can be wiped without Practice::lock).
    auto user = store_.currentUser();
    auto login = user ? user->login : std::string();
    if (!phrases_ || phrasesOf_ != login) {
        phrases_ = offeredPhrases(store_, programme_);
        phrasesOf_ = login;
    }
    return *phrases_;
}

void Practice::savePhrase(const std::string& shortcut, const std::string& text) {
    const auto typed = trimmed(text);
    checkPhrase(trimmed(shortcut), typed);
    store_.savePhrase(trimmed(shortcut), typed);
    phrases_.reset();
}

void Practice::removePhrase(const std::string& shortcut) {
    const auto& offered = phrases();
    auto own = std::ranges::find_if(offered, [&](const OfferedPhrase& phrase) {
        return phrase.own && phrase.shortcut == shortcut;
    });
    if (own == offered.end()) {
        throw ValidationError("phrase-shortcut",
                              text::tr("Only your own phrases can be removed: the programme's "
                                       "are changed in its curriculum."));
    }
    store_.savePhrase(shortcut, "");
    phrases_.reset();
}

void Practice::addJotting(records::SessionId session, records::MemberId member,
                          const std::string& text) {
    if (trimmed(text).empty())
        throw ValidationError("jotting", text::tr("Please write a few words to jot down."));
    store_.addJotting(session, member, trimmed(text));
}

int Practice::useJottings(records::SessionId session, records::MemberId member) {
    auto note = store_.note(session, member);
    if (note && note->state == records::NoteState::signedOff)
        return 0;
    return store_.takeJottingsIntoDraft(session, member);
}

void Practice::saveNote(records::SessionId session, records::MemberId member,
                        const records::NoteContent& content) {
    store_.saveNoteDraft(session, member, checkedNote(session, member, content));
}

void Practice::saveUnsaved(UnsavedNote& note) {
    saveNote(note.session, note.member, note.content);
    if (!trimmed(note.concern).empty()) {
        raiseConcern(note.member, note.session, note.concern);
        note.concern.clear();  // recorded: not raised again if the note is kept after all
    }
}

LockOutcome Practice::lock(std::optional<UnsavedNote> unsaved) {
    // Runs however this function ends: nothing below can keep the key in memory.
    ScopeExit wipeKey([this] {
        store_.lock();
        phrases_.reset();  // hers, sealed: not kept in memory while locked
    });
    LockOutcome outcome;
    if (unsaved) {
        try {
            saveUnsaved(*unsaved);
        } catch (const std::exception& error) {
            outcome.problem = error.what();
            outcome.notSaved = std::move(unsaved);
        }
    }
    return outcome;
}

std::vector<curriculum::Indicator> Practice::indicatorsFor(records::SessionId sessionId) {
    auto module = moduleOf(store_.session(sessionId).stamp);
    if (!module)
        return {};
    return {module->indicators.begin(), module->indicators.end()};
}

records::NoteContent Practice::checkedNote(records::SessionId session, records::MemberId member,
                                           const records::NoteContent& content) {
    auto planned = sessionWithMember(session, member);
    auto marks = store_.registerOf(session);
    auto mark = std::find_if(marks.begin(), marks.end(), [&](const records::AttendanceMark& m) {
        return m.memberId == member;
    });
    if (mark == marks.end() || !records::wasPresent(mark->status)) {
        throw ValidationError("note",
                              text::tr("Mark this member as present before writing his note."));
    }
    refuseIfDamaged(
        mark->damage, "note",
        text::tr("Mark his attendance again before writing his note: the mark on record "
                 "cannot be relied on."));
    if (auto written = store_.note(session, member))
        refuseIfDamaged(written->damage, "note",
                        text::tr("This note cannot be changed or signed."));
    auto checked = content;
    checked.text = trimmed(content.text);
    if (checked.text.empty())
        throw ValidationError("note", text::tr("The note is empty."));
    const auto* module = moduleOf(planned.stamp);
    auto indicators = module ? module->indicators : std::span<const curriculum::Indicator>{};
    for (const auto& rating : checked.ratings) {
        auto indicator = std::find_if(
            indicators.begin(), indicators.end(),
            [&](const curriculum::Indicator& i) { return i.id == rating.indicatorId; });
        if (indicator == indicators.end()) {
            throw ValidationError(
                "rating",
                text::fill(text::tr("\"{1}\" is not a progress indicator of this module."),
                           {rating.indicatorId}));
        }
        if (rating.rating < indicator->scaleMin || rating.rating > indicator->scaleMax) {
            throw ValidationError("rating:" + std::string(indicator->id),
                                  text::fill(text::tr("\"{1}\" is rated from {2} to {3}."),
                                             {indicator->label, std::to_string(indicator->scaleMin),
                                              std::to_string(indicator->scaleMax)}));
        }
    }
    return checked;
}

void Practice::signNote(records::SessionId session, records::MemberId member,
                        const records::NoteContent& content) {
    store_.saveAndSignNote(session, member, checkedNote(session, member, content));
}

void Practice::amendNote(records::SessionId session, records::MemberId member,
                         const std::string& text, const std::string& reason) {
    auto note = store_.note(session, member);
    if (!note || note->state != records::NoteState::signedOff)
        throw ValidationError("amendment", text::tr("Only a signed note takes a correction."));
    // A correction beside a note that cannot be relied on would read as a correction of it.
    refuseIfDamaged(note->damage, "amendment", text::tr("This note cannot be corrected."));
    if (trimmed(text).empty())
        throw ValidationError("amendment", text::tr("Please write the correction."));
    if (trimmed(reason).empty())
        throw ValidationError("amendment-reason",
                              text::tr("Please say why the note is being corrected."));
    store_.amendNote(note->id, trimmed(text), trimmed(reason));
}

records::ConcernId Practice::raiseConcern(records::MemberId member,
                                          std::optional<records::SessionId> session,
                                          const std::string& description) {
    if (trimmed(description).empty())
        throw ValidationError("concern", text::tr("Please describe the concern."));
    return store_.raiseConcern({member, session, trimmed(description)});
}

std::vector<records::Concern> Practice::concernsFromNote(records::SessionId session,
                                                         records::MemberId member) {
    auto concerns = store_.concernsOf(member);
    std::erase_if(concerns, [&](const records::Concern& c) { return c.sessionId != session; });
    return concerns;
}

records::ActionId Practice::addConcernAction(records::ConcernId concern, const std::string& action,
                                             const std::string& owner, const std::string& dueOn) {
    if (trimmed(action).empty())
        throw ValidationError("action", text::tr("Please say what will be done."));
    if (trimmed(owner).empty())
        throw ValidationError("action-owner", text::tr("Please say who will do it."));
    std::optional<Date> due;
    if (!trimmed(dueOn).empty())
        due = typedDate("action-due", dueOn, text::tr("The date it is due must be a real date."));
    return store_.addConcernAction(concern, trimmed(action), trimmed(owner), due);
}

void Practice::updateConcernAction(records::ActionId action, records::ActionStatus status,
                                   const std::string& note) {
    if (status != records::ActionStatus::open && trimmed(note).empty())
        throw ValidationError("action-note",
                              text::tr("Please say what was done, or why it is not needed."));
    store_.updateConcernAction(action, status, trimmed(note));
}

void Practice::closeConcern(records::ConcernId concern, const std::string& outcome) {
    if (trimmed(outcome).empty())
        throw ValidationError("concern-outcome",
                              text::tr("Please write the concern's outcome to close it."));
    store_.closeConcern(concern, trimmed(outcome));
}

void Practice::reopenConcern(records::ConcernId concern, const std::string& reason) {
    if (trimmed(reason).empty())
        throw ValidationError("concern-outcome",
                              text::tr("Please say why the concern is opened again."));
    store_.reopenConcern(concern, trimmed(reason));
}

std::int64_t Practice::recordOutcomeScore(records::MemberId member, const std::string& measureId,
                                          const std::string& timePoint, const std::string& typedOn,
                                          int score, std::optional<std::int64_t> replaces) {
    auto measure = std::find_if(programme_.measures.begin(), programme_.measures.end(),
                                [&](const curriculum::Measure& m) { return m.id == measureId; });
    if (measure == programme_.measures.end())
        throw ValidationError("measure",
                              text::tr("Choose one of the programme's outcome measures."));
    if (std::find(measure->timePoints.begin(), measure->timePoints.end(), timePoint) ==
        measure->timePoints.end()) {
        throw ValidationError(
            "time-point",
            text::fill(text::tr("{1} is not taken at that time point."), {measure->name}));
    }
    const std::string refusal =
        text::tr("The date it was taken must be a real date, not later than today.");
    const auto takenOn = typedDate("taken-on", typedOn, refusal);
    if (takenOn > today())
        throw ValidationError("taken-on", refusal);
    if (score < measure->min || score > measure->max) {
        throw ValidationError("score", text::fill(text::tr("{1} scores run from {2} to {3}."),
                                                  {measure->name, std::to_string(measure->min),
                                                   std::to_string(measure->max)}));
    }
    records::OutcomeScore record;
    record.memberId = member;
    record.measureId = measureId;
    record.timePoint = timePoint;
    record.takenOn = takenOn;
    record.score = score;
    record.replaces = replaces;
    return store_.recordOutcomeScore(record);
}

SessionRatingSheet Practice::sessionRatings(records::SessionId session) {
    auto sheet = sessionRatingSheet(store_, session, programme_);
    store_.recordAccess(records::Access::view, "session-ratings", session);
    return sheet;
}

int Practice::recordSessionRatings(records::SessionId session,
                                   const std::vector<SessionRating>& ratings) {
    const auto sheet = sessionRatingSheet(store_, session, programme_);
    refuseIfDamaged(sheet.session.damage, "session-ratings",
                    text::tr("This session's ratings cannot be recorded."));
    if (sheet.session.status == records::SessionStatus::didNotTakePlace)
        throw ValidationError("session-ratings",
                              text::tr("This session did not take place, so it has no ratings."));
    if (sheet.session.status != records::SessionStatus::tookPlace)
        throw ValidationError("session-ratings",
                              text::tr("Record that the session took place before rating it."));
    if (sheet.session.date > today())
        throw ValidationError("session-ratings", text::tr("This session's day has not come yet."));
    const auto& measure = *sessionRatingMeasure(programme_);  // the sheet has found it
    const auto timePoint = std::string(*eachSessionTimePoint(programme_, measure));
    // Every rating is checked before any is written, and all are written in one transaction.
    std::vector<records::OutcomeScore> scores;
    std::vector<records::MemberId> rated;
    for (const auto& [member, rating] : ratings) {
        const auto field = std::string("session-rating:").append(std::to_string(member));
        auto line =
            std::find_if(sheet.lines.begin(), sheet.lines.end(),
                         [&](const SessionRatingLine& each) { return each.member.id == member; });
        if (line == sheet.lines.end() ||
            std::find(rated.begin(), rated.end(), member) != rated.end()) {
            throw ValidationError(field, text::tr("Only a member who was there (present, late or "
                                                  "left early) is rated, once."));
        }
        rated.push_back(member);
        if (!rating) {
            if (line->rating) {
                throw ValidationError(field, text::tr("A rating on record cannot be taken away: "
                                                      "choose the rating that is right instead."));
            }
            continue;
        }
        if (*rating < measure.min || *rating > measure.max) {
            throw ValidationError(
                field, text::fill(text::tr("\"{1}\" is rated from {2} to {3}."),
                                  {std::string(measure.name), std::to_string(measure.min),
                                   std::to_string(measure.max)}));
        }
        if (line->rating && line->rating->score == *rating)
            continue;  // unchanged: nothing to record
        if (line->rating) {
            refuseIfDamaged(line->rating->damage, field,
                            text::tr("His rating on record cannot be corrected."));
        }
        records::OutcomeScore score;
        score.memberId = member;
        score.measureId = std::string(measure.id);
        score.timePoint = timePoint;
        score.takenOn = sheet.session.date;
        score.forSession = sheet.session.id;
        score.score = *rating;
        if (line->rating)
            score.replaces = line->rating->id;
        scores.push_back(std::move(score));
    }
    if (!scores.empty())
        store_.recordOutcomeScores(scores);
    return static_cast<int>(scores.size());
}

int Practice::saveRelapsePlan(records::MemberId member,
                              const std::vector<records::PlanSection>& sections) {
    std::vector<records::PlanSection> written;
    for (const auto& section : sections) {
        if (!trimmed(section.body).empty())
            written.push_back({trimmed(section.heading), trimmed(section.body)});
    }
    if (written.empty())
        throw ValidationError("plan",
                              text::tr("Write at least one part of the plan before saving it."));
    return store_.saveRelapsePlan(member, written);
}

records::Session Practice::openSession(records::SessionId session) {
    auto opened = store_.session(session);
    store_.recordAccess(records::Access::view, "session", session);
    return opened;
}

namespace {
/// A new passphrase and its repetition, checked at their fields `prefix`-passphrase and
/// `prefix`-repeat.
void checkNewPassphrase(const std::string& prefix, const std::string& passphrase,
                        const std::string& repeat) {
    if (auto problem = records::RecordStore::passphraseProblem(passphrase); !problem.empty())
        throw ValidationError(prefix + "-passphrase", problem);
    if (passphrase != repeat)
        throw ValidationError(prefix + "-repeat",
                              text::tr("The two passphrases are not the same. Type it again."));
}
}  // namespace

void Practice::recoverWithKey(const std::string& recoveryKey, const std::string& login,
                              const std::string& passphrase, const std::string& repeat) {
    if (trimmed(recoveryKey).empty())
        throw ValidationError(
            "recover-key",
            text::tr("Type the recovery key from the sheet kept when the database was "
                     "created."));
    store_.unlockWithRecoveryKey(trimmed(recoveryKey));
    ScopeExit relock([this] { store_.lock(); });
    const auto cleanLogin = checkedNewUser("recover", login, passphrase, repeat);
    store_.addUser(cleanLogin, records::Role::administrator, passphrase);
}

std::string Practice::checkedNewUser(const std::string& prefix, const std::string& login,
                                     const std::string& passphrase, const std::string& repeat) {
    auto cleanLogin = trimmed(login);
    if (cleanLogin.empty() || cleanLogin.find_first_of(" \t") != std::string::npos)
        throw ValidationError(prefix + "-login",
                              text::tr("Give the user a name of one word, e.g. jsmith."));
    for (const auto& user : store_.users()) {
        if (user.login == cleanLogin)
            throw ValidationError(
                prefix + "-login",
                text::fill(text::tr("There is already a user called {1}."), {cleanLogin}));
    }
    checkNewPassphrase(prefix, passphrase, repeat);
    return cleanLogin;
}

records::UserId Practice::addUser(const std::string& login, records::Role role,
                                  const std::string& passphrase, const std::string& repeat) {
    return store_.addUser(checkedNewUser("user", login, passphrase, repeat), role, passphrase);
}

void Practice::resetPassphrase(const std::string& login, const std::string& passphrase,
                               const std::string& repeat) {
    checkNewPassphrase("reset", passphrase, repeat);
    store_.resetPassphrase(login, passphrase);
}

void Practice::changeOwnPassphrase(const std::string& current, const std::string& passphrase,
                                   const std::string& repeat) {
    if (current.empty())
        throw ValidationError("own-current", text::tr("Type your current passphrase."));
    checkNewPassphrase("own", passphrase, repeat);
    store_.changeOwnPassphrase(current, passphrase);  // refuses a wrong current passphrase
}

MemberRecord Practice::openMemberRecord(records::MemberId member) {
    MemberRecord record{store_.memberDetails(member), store_.historyOf(member),
                        store_.concernsOf(member), store_.outcomeScoresOf(member),
                        store_.relapsePlan(member)};
    store_.recordAccess(records::Access::view, "member", member);
    return record;
}

std::vector<RegisterLine> Practice::registerFor(records::SessionId sessionId) {
    auto session = store_.session(sessionId);
    auto marks = store_.registerOf(sessionId);
    auto notes = store_.notesOf(sessionId);
    std::vector<RegisterLine> lines;
    for (auto& member : store_.membersOf(session.groupId)) {
        // Someone who had left before the session, or a man a catch-up is not for, is not on its
        // register. (Someone who joined later stays: the app records "joined" as the day he was
        // entered, which may come after sessions that are being written up late.)
        if (!onRegisterOf(member, session))
            continue;
        RegisterLine line{member, std::nullopt, std::nullopt};
        for (const auto& mark : marks) {
            if (mark.memberId == member.id)
                line.mark = mark;
        }
        for (const auto& note : notes) {
            if (note.memberId == member.id)
                line.note = note;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace roundtable::practice
