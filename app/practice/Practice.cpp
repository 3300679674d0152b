// The facilitator's use cases over the record store and the loaded programme.
#include "practice/Practice.h"

#include <algorithm>

#include "practice/Dates.h"

namespace roundtable::practice {
namespace {

constexpr std::size_t kMaxNameLength = 120;

std::string trimmed(const std::string& text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string requireName(const std::string& field, const std::string& value, const char* what) {
    auto name = trimmed(value);
    if (name.empty())
        throw ValidationError(field, std::string("Please enter ") + what + ".");
    if (name.size() > kMaxNameLength) {
        throw ValidationError(field, "The name is too long (at most 120 characters).");
    }
    return name;
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

std::optional<std::string> backupReminder(const std::optional<std::string>& lastBackupAt,
                                          const std::string& today) {
    constexpr int kBackupDays = 7;
    if (!lastBackupAt)
        return "No backup of this database has been made yet.";
    int days = daysBetween(*lastBackupAt, today);
    if (days <= kBackupDays)
        return std::nullopt;
    return "The last backup of this database was made " + std::to_string(days) + " days ago.";
}

std::string guidanceText(const curriculum::Activity& activity) {
    std::string text;
    for (const auto& paragraph : activity.guidance) {
        text.append(text.empty() ? "" : "\n\n").append(paragraph);
    }
    if (!activity.adapt.empty())
        text.append("\n\nAdapt: ").append(activity.adapt);
    if (!activity.watch.empty())
        text.append("\n\nWatch for: ").append(activity.watch);
    return text;
}

records::GroupId Practice::createGroup(const std::string& name, records::GroupKind kind) {
    return store_.addGroup(requireName("group-name", name, "the group's name"), kind);
}

records::MemberId Practice::addMember(records::GroupId group, const std::string& name,
                                      const std::string& joinedOn) {
    auto cleanName = requireName("member-name", name, "the member's name");
    if (!isIsoDate(joinedOn)) {
        throw ValidationError("joined-on", "The date joined must be a real date (YYYY-MM-DD).");
    }
    return store_.addMember(group, cleanName, joinedOn);
}

records::SessionId Practice::planSession(records::GroupId group,
                                         const std::string& curriculumSessionId,
                                         const std::string& date) {
    auto found = programme_.findSession(curriculumSessionId);
    if (!found) {
        throw ValidationError("curriculum-session",
                              "Choose a session from the curriculum to plan.");
    }
    if (!isIsoDate(date)) {
        throw ValidationError("session-date", "The session date must be a real date.");
    }
    auto groups = store_.groups();
    auto groupIt = std::find_if(groups.begin(), groups.end(),
                                [&](const records::Group& g) { return g.id == group; });
    if (groupIt == groups.end())
        throw ValidationError("group", "Choose a group first.");
    const auto& module = *found->module;
    if (module.phase != phaseFor(groupIt->kind)) {
        throw ValidationError("curriculum-session", "\"" + std::string(module.title) +
                                                        "\" is for " +
                                                        curriculum::toText(module.phase) +
                                                        " groups, and " + groupIt->name + " is a " +
                                                        records::toText(groupIt->kind) + " group.");
    }
    records::NewSession plan;
    plan.groupId = group;
    plan.date = date;
    plan.title = std::string(found->session->title);
    plan.minutes = found->session->minutes;
    plan.stamp = {std::string(found->session->id), std::string(module.id), module.version,
                  module.contentHash()};
    for (const auto& activity : found->session->activities) {
        plan.activities.push_back({std::string(activity.kind), activity.minutes,
                                   std::string(activity.title), guidanceText(activity)});
    }
    return store_.addSession(plan);
}

void Practice::markDelivered(records::SessionId session) {
    store_.setSessionStatus(session, records::SessionStatus::tookPlace);
}

records::Session Practice::sessionWithMember(records::SessionId sessionId,
                                             records::MemberId member) {
    auto session = store_.session(sessionId);
    auto members = store_.membersOf(session.groupId);
    if (std::none_of(members.begin(), members.end(),
                     [&](const records::Member& m) { return m.id == member; })) {
        throw ValidationError("member", "Choose a member of this session's group.");
    }
    return session;
}

void Practice::recordAttendance(records::SessionId session, records::MemberId member,
                                records::Attendance status, const std::string& reason) {
    auto planned = sessionWithMember(session, member);
    if (planned.status == records::SessionStatus::didNotTakePlace) {
        throw ValidationError("attendance",
                              "This session did not take place, so it has no "
                              "register.");
    }
    auto cleanReason = trimmed(reason);
    if (!records::wasPresent(status) && cleanReason.empty()) {
        throw ValidationError("reason", "Please give a reason when a member did not attend.");
    }
    store_.markAttendance(session, {member, status, cleanReason, {}});
}

void Practice::saveNote(records::SessionId session, records::MemberId member,
                        const std::string& text) {
    requirePresentAndWritten(session, member, text);
    store_.saveNoteDraft(session, member, text);
}

void Practice::requirePresentAndWritten(records::SessionId session, records::MemberId member,
                                        const std::string& text) {
    sessionWithMember(session, member);
    auto marks = store_.registerOf(session);
    auto mark = std::find_if(marks.begin(), marks.end(), [&](const records::AttendanceMark& m) {
        return m.memberId == member;
    });
    if (mark == marks.end() || !records::wasPresent(mark->status)) {
        throw ValidationError("note", "Mark this member as present before writing his note.");
    }
    if (trimmed(text).empty())
        throw ValidationError("note", "The note is empty.");
}

void Practice::signNote(records::SessionId session, records::MemberId member,
                        const std::string& text) {
    requirePresentAndWritten(session, member, text);
    store_.saveAndSignNote(session, member, text);
}

records::Session Practice::openSession(records::SessionId session) {
    auto opened = store_.session(session);
    store_.recordAccess(records::Access::view, "session", session);
    return opened;
}

std::vector<RegisterLine> Practice::registerFor(records::SessionId sessionId) {
    auto session = store_.session(sessionId);
    auto marks = store_.registerOf(sessionId);
    auto notes = store_.notesOf(sessionId);
    std::vector<RegisterLine> lines;
    for (auto& member : store_.membersOf(session.groupId)) {
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
