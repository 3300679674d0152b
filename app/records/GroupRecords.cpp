// Groups, members, memberships, sessions and the register.
#include <algorithm>
#include <cstdio>

#include "records/StoreImpl.h"
#include "text/Translate.h"

namespace roundtable::records {

GroupId RecordStore::addGroup(const std::string& name, GroupKind kind,
                              const GroupSchedule& schedule, std::optional<GroupId> linkedGroup) {
    impl_->signedInUser();
    db::Transaction transaction(impl_->db);
    auto id = impl_->nextId("groups");
    auto insert = impl_->db.prepare(
        "INSERT INTO groups (id, name, kind, created_at, meets_on_weekday, starts_at, "
        "session_minutes, linked_group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, id)
        .bindBlob(2, impl_->seal("groups", "name", id, name))
        .bind(3, std::string(toText(kind)))
        .bind(4, impl_->nowUtc());
    if (schedule.weekday != 0)
        insert.bind(5, schedule.weekday);
    if (!schedule.startsAt.empty())
        insert.bind(6, schedule.startsAt);
    if (schedule.sessionMinutes != 0)
        insert.bind(7, schedule.sessionMinutes);
    if (linkedGroup)
        insert.bind(8, *linkedGroup);
    insert.run();
    impl_->audit("add-group", "group", id);
    transaction.commit();
    return id;
}

std::vector<Group> RecordStore::groups() {
    impl_->key();
    std::vector<Group> result;
    auto query = impl_->db.prepare(
        "SELECT id, name, kind, COALESCE(meets_on_weekday, 0), COALESCE(starts_at, ''), "
        "COALESCE(session_minutes, 0), linked_group_id FROM groups ORDER BY id");
    while (query.step()) {
        auto id = query.integer(0);
        Group group;
        group.id = id;
        impl_->noteDamage(group.damage, "groups", id);
        group.name = impl_->open(group.damage, "groups", "name", id, query.blob(1));
        group.kind = groupKindFrom(query.text(2));
        group.schedule = {static_cast<int>(query.integer(3)), query.text(4),
                          static_cast<int>(query.integer(5))};
        if (!query.isNull(6))
            group.linkedGroup = query.integer(6);
        result.push_back(std::move(group));
    }
    return result;
}

MemberId RecordStore::addMember(GroupId group, const std::string& name, Date joinedOn,
                                bool attendanceRequired) {
    impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto member = impl_->nextId("members");
    char code[32];
    std::snprintf(code, sizeof code, "R%04lld", static_cast<long long>(member));
    db.prepare("INSERT INTO members (id, code, name, created_at) VALUES (?, ?, ?, ?)")
        .bind(1, member)
        .bind(2, std::string(code))
        .bindBlob(3, impl_->seal("members", "name", member, name))
        .bind(4, impl_->nowUtc())
        .run();
    db.prepare(
          "INSERT INTO memberships (group_id, member_id, joined_on, attendance_required) "
          "VALUES (?, ?, ?, ?)")
        .bind(1, group)
        .bind(2, member)
        .bind(3, joinedOn)
        .bind(4, attendanceRequired ? 1 : 0)
        .run();
    impl_->audit("add-member", "member", member);
    transaction.commit();
    return member;
}

std::vector<Member> RecordStore::membersOf(GroupId group) {
    impl_->key();
    std::vector<Member> result;
    auto inGroup = [&](db::Statement& rows) { rows.bind(1, group); };
    auto checkedMembers = impl_->checkAhead(
        "members", "t.id IN (SELECT member_id FROM memberships WHERE group_id = ?)", inGroup);
    auto checkedMemberships = impl_->checkAhead("memberships", "t.group_id = ?", inGroup);
    auto rows = impl_->db.cached(
        "SELECT m.id, m.code, m.name, s.joined_on, s.left_on, s.leaving_reason, "
        "s.attendance_required FROM members m JOIN memberships s ON s.member_id = m.id "
        "WHERE s.group_id = ? ORDER BY m.id");
    auto& query = *rows;
    query.bind(1, group);
    while (query.step()) {
        auto id = query.integer(0);
        Member member;
        member.id = id;
        member.code = query.text(1);
        impl_->noteDamage(member.damage, "members", id);
        impl_->noteDamage(member.damage, "memberships", {group, id});
        member.name = impl_->open(member.damage, "members", "name", id, query.blob(2));
        member.joinedOn = impl_->readDate(member.damage, query, 3).value_or(Date{});
        member.leftOn = impl_->readDate(member.damage, query, 4);
        if (!query.isNull(5))
            member.leavingReason =
                impl_->openLeavingReason(member.damage, group, id, query.blob(5));
        member.attendanceRequired = query.integer(6) == 1;
        result.push_back(std::move(member));
    }
    return result;
}

void RecordStore::recordLeaving(GroupId group, MemberId member, Date leftOn,
                                const std::string& reason) {
    impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto find = db.prepare(
        "SELECT left_on IS NOT NULL FROM memberships WHERE group_id = ? AND member_id = ?");
    find.bind(1, group).bind(2, member);
    if (!find.step())
        throw StoreError(text::tr("This member is not in that group."));
    if (find.integer(0) == 1)
        throw StoreError(text::tr("This member's leaving is already recorded."));
    db.prepare(
          "UPDATE memberships SET left_on = ?, leaving_reason = ? "
          "WHERE group_id = ? AND member_id = ?")
        .bind(1, leftOn)
        .bindBlob(2, impl_->seal("memberships", "leaving_reason",
                                 RecordStore::Impl::membershipPlace(group, member), reason))
        .bind(3, group)
        .bind(4, member)
        .run();
    impl_->audit("record-leaving", "member", member);
    transaction.commit();
}

std::int64_t RecordStore::sealLeavingReasonsForServer() {
    impl_->signedInUser();
    if (impl_->onServer())
        return 0;
    auto& db = impl_->db;
    db::Transaction transaction(db);
    struct Reason {
        GroupId group;
        MemberId member;
        std::string text;
    };
    std::vector<Reason> toSeal;
    auto rows = db.prepare(
        "SELECT group_id, member_id, leaving_reason FROM memberships "
        "WHERE leaving_reason IS NOT NULL");
    while (rows.step()) {
        Reason reason{rows.integer(0), rows.integer(1), {}};
        auto sealed = rows.blob(2);
        const auto place = RecordStore::Impl::membershipPlace(reason.group, reason.member);
        if (crypto::open(impl_->key(), sealed,
                         RecordStore::Impl::place("memberships", "leaving_reason", place)))
            continue;  // sealed to its key already
        std::string damage;
        reason.text = impl_->openLeavingReason(damage, reason.group, reason.member, sealed);
        if (damage.empty())  // a damaged one stays as it is, for verify to name
            toSeal.push_back(std::move(reason));
    }
    if (toSeal.empty())
        return 0;
    // The trigger keeps a leaving as it was written. It stands aside for this one rewrite of the
    // seal (not of the text), inside this transaction, and is made again exactly as it was.
    auto trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'leaving_is_kept'");
    if (!trigger.step())
        throw StoreError(
            text::tr("This database is damaged: a check on members who left is "
                     "missing."));
    const auto keepLeaving = trigger.text(0);
    trigger.reset();
    db.execute("DROP TRIGGER leaving_is_kept");
    for (const auto& reason : toSeal) {
        db.prepare("UPDATE memberships SET leaving_reason = ? WHERE group_id = ? AND member_id = ?")
            .bindBlob(1,
                      impl_->seal("memberships", "leaving_reason",
                                  RecordStore::Impl::membershipPlace(reason.group, reason.member),
                                  reason.text))
            .bind(2, reason.group)
            .bind(3, reason.member)
            .run();
        impl_->audit("seal-leaving-reason-again", "member", reason.member);
    }
    db.execute(keepLeaving);
    transaction.commit();
    return static_cast<std::int64_t>(toSeal.size());
}

void RecordStore::recordMemberDetails(MemberId member, const MemberDetails& details) {
    auto user = impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto id = impl_->nextId("member_details");
    auto insert = db.prepare(
        "INSERT INTO member_details (id, member_id, date_of_birth, local_id, residential_service, "
        "care_manager, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, id).bind(2, member).bind(7, user).bind(8, impl_->nowUtc());
    impl_->bindSealed(insert, 3, "member_details", "date_of_birth", id,
                      details.dateOfBirth ? details.dateOfBirth->iso() : "");
    impl_->bindSealed(insert, 4, "member_details", "local_id", id, details.localId);
    impl_->bindSealed(insert, 5, "member_details", "residential_service", id,
                      details.residentialService);
    impl_->bindSealed(insert, 6, "member_details", "care_manager", id, details.careManager);
    insert.run();
    impl_->audit("record-member-details", "member", member);
    transaction.commit();
}

std::optional<MemberDetails> RecordStore::memberDetails(MemberId member) {
    impl_->key();
    auto query = impl_->db.prepare(
        "SELECT id, date_of_birth, local_id, residential_service, care_manager, recorded_at "
        "FROM member_details WHERE member_id = ? ORDER BY id DESC LIMIT 1");
    query.bind(1, member);
    if (!query.step())
        return std::nullopt;
    auto id = query.integer(0);
    MemberDetails details;
    impl_->noteDamage(details.damage, "member_details", id);
    auto sealed = [&](const char* column, int index) {
        return impl_->openOptional(details.damage, "member_details", column, id, query, index);
    };
    if (auto born = sealed("date_of_birth", 1); !born.empty())
        details.dateOfBirth = impl_->dateIn(details.damage, born);
    details.localId = sealed("local_id", 2);
    details.residentialService = sealed("residential_service", 3);
    details.careManager = sealed("care_manager", 4);
    details.recordedAt = query.text(5);
    return details;
}

SessionId RecordStore::addSession(const NewSession& session) {
    impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto id = impl_->nextId("sessions");
    db.prepare(
          "INSERT INTO sessions (group_id, session_date, title, minutes, curriculum_session_id, "
          "module_id, module_version, content_hash, created_at, starts_at, id) "
          "VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, session.groupId)
        .bind(2, session.date)
        .bind(3, session.title)
        .bind(4, session.minutes)
        .bind(5, session.stamp.sessionId)
        .bind(6, session.stamp.moduleId)
        .bind(7, session.stamp.moduleVersion)
        .bind(8, session.stamp.contentHash)
        .bind(9, impl_->nowUtc())
        .bind(10, session.startsAt)
        .bind(11, id)
        .run();
    auto insert = db.prepare(
        "INSERT INTO session_activities (session_id, position, kind, minutes, title, guidance) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    int position = 0;
    for (const auto& activity : session.activities) {
        insert.bind(1, id)
            .bind(2, ++position)
            .bind(3, activity.kind)
            .bind(4, activity.minutes)
            .bind(5, activity.title)
            .bind(6, activity.guidance)
            .run();
        insert.reset();
    }
    auto forMember =
        db.prepare("INSERT INTO catch_up_members (session_id, member_id, id) VALUES (?, ?, ?)");
    for (auto member : session.catchUpFor) {
        forMember.bind(1, id).bind(2, member).bind(3, impl_->nextId("catch_up_members")).run();
        forMember.reset();
    }
    impl_->audit(session.catchUpFor.empty() ? "plan-session" : "plan-catch-up", "session", id);
    transaction.commit();
    return id;
}

Session RecordStore::Impl::readSession(const db::Statement& row) {
    Session session;
    session.id = row.integer(0);
    noteDamage(session.damage, "sessions", session.id);
    session.groupId = row.integer(1);
    session.date = readDate(session.damage, row, 2).value_or(Date{});
    session.title = row.text(3);
    session.minutes = static_cast<int>(row.integer(4));
    session.firstRecordedStatus = sessionStatusFrom(row.text(5));
    session.stamp = {row.text(6), row.text(7), static_cast<int>(row.integer(8)), row.text(9)};
    session.startsAt = row.text(10);
    if (row.isNull(12)) {
        session.status = session.firstRecordedStatus;
        session.notHeldReason =
            openOptional(session.damage, "sessions", "not_held_reason", session.id, row, 11);
    } else {
        // Corrected: the newest correction says whether it took place, and why not.
        auto correction = row.integer(12);
        noteDamage(session.damage, "session_status_corrections", correction);
        session.status = sessionStatusFrom(row.text(13));
        auto reason =
            open(session.damage, "session_status_corrections", "reason", correction, row.blob(14));
        if (session.status == SessionStatus::didNotTakePlace)
            session.notHeldReason = std::move(reason);
    }
    return session;
}

void RecordStore::Impl::addCatchUpMembers(std::vector<Session>& sessions,
                                          const std::string& sessionFilter, std::int64_t value) {
    auto members = db.cached(
        "SELECT c.session_id, c.member_id, c.id FROM catch_up_members c "
        "JOIN sessions s ON s.id = c.session_id WHERE " +
        sessionFilter + " ORDER BY c.id");
    members->bind(1, value);
    while (members->step()) {
        auto found = std::find_if(sessions.begin(), sessions.end(), [&](const Session& session) {
            return session.id == members->integer(0);
        });
        if (found != sessions.end()) {
            noteDamage(found->damage, "catch_up_members", members->integer(2));
            found->catchUpFor.emplace_back(members->integer(1));
        }
    }
}

std::vector<Session> RecordStore::sessionsOf(GroupId group) {
    impl_->key();
    std::vector<Session> result;
    auto inGroup = [&](db::Statement& rows) { rows.bind(1, group); };
    auto checkedSessions = impl_->checkAhead("sessions", "t.group_id = ?", inGroup);
    auto checkedCorrections =
        impl_->checkAhead("session_status_corrections",
                          "t.session_id IN (SELECT id FROM sessions WHERE group_id = ?)", inGroup);
    auto checkedCatchUps =
        impl_->checkAhead("catch_up_members",
                          "t.session_id IN (SELECT id FROM sessions WHERE group_id = ?)", inGroup);
    auto query = impl_->db.cached(std::string(kSessionColumns) +
                                  "WHERE s.group_id = ? ORDER BY s.session_date, s.id");
    query->bind(1, group);
    while (query->step())
        result.push_back(impl_->readSession(*query));
    impl_->addCatchUpMembers(result, "s.group_id = ?", group);
    return result;
}

Session RecordStore::session(SessionId id) {
    impl_->key();
    auto query = impl_->db.prepare(std::string(kSessionColumns) + "WHERE s.id = ?");
    query.bind(1, id);
    if (!query.step())
        throw StoreError(
            text::fill(text::tr("There is no session with id {1}"), {std::to_string(id)}));
    std::vector<Session> found{impl_->readSession(query)};
    impl_->addCatchUpMembers(found, "s.id = ?", id);
    auto session = std::move(found.front());
    auto activities = impl_->db.prepare(
        "SELECT kind, minutes, title, guidance, position FROM session_activities "
        "WHERE session_id = ? ORDER BY position");
    activities.bind(1, id);
    while (activities.step()) {
        impl_->noteDamage(session.damage, "session_activities", {id, activities.integer(4)});
        session.activities.push_back({activities.text(0), static_cast<int>(activities.integer(1)),
                                      activities.text(2), activities.text(3)});
    }
    session.facilitators = impl_->facilitatorsOf(id, &session.damage);
    impl_->addSessionHistory(session);
    return session;
}

std::vector<GroupId> RecordStore::groupsRunBy(UserId user) {
    impl_->key();
    // Someone recorded as present and later taken off is not counted (the newest record counts).
    auto query = impl_->db.prepare(
        "SELECT DISTINCT s.group_id FROM session_facilitator_records r "
        "JOIN sessions s ON s.id = r.session_id WHERE r.user_id = ?1 AND r.present = 1 "
        "AND r.id = (SELECT MAX(id) FROM session_facilitator_records WHERE session_id = "
        "r.session_id AND user_id = ?1) ORDER BY s.group_id");
    query.bind(1, user);
    std::vector<GroupId> groups;
    while (query.step())
        groups.push_back(query.integer(0));
    return groups;
}

std::vector<UserId> RecordStore::Impl::facilitatorsOf(SessionId session, std::string* damage) {
    // The newest record for each person counts.
    auto query = db.prepare(
        "SELECT r.user_id, r.present, r.id FROM session_facilitator_records r "
        "WHERE r.session_id = ?1 AND r.id = (SELECT MAX(id) FROM session_facilitator_records "
        "WHERE session_id = ?1 AND user_id = r.user_id) ORDER BY r.user_id");
    query.bind(1, session);
    std::vector<UserId> present;
    while (query.step()) {
        if (damage)
            noteDamage(*damage, "session_facilitator_records", query.integer(2));
        if (query.integer(1) == 1)
            present.push_back(query.integer(0));
    }
    return present;
}

void RecordStore::setSessionStatus(SessionId id, SessionStatus status,
                                   const std::string& notHeldReason) {
    impl_->signedInUser();
    bool notHeld = status == SessionStatus::didNotTakePlace;
    if (notHeld && notHeldReason.empty())
        throw StoreError(text::tr("Please say why the session did not take place."));
    db::Transaction transaction(impl_->db);
    // Whether a session took place is recorded once: changing it would overwrite what was
    // recorded (and the reason a session did not take place) with nothing left to show it.
    auto current = impl_->db.prepare("SELECT status FROM sessions WHERE id = ?");
    current.bind(1, id);
    if (!current.step())
        throw StoreError(
            text::fill(text::tr("There is no session with id {1}"), {std::to_string(id)}));
    if (sessionStatusFrom(current.text(0)) != SessionStatus::planned) {
        throw StoreError(
            text::tr("Whether this session took place is already recorded, and a record is "
                     "never overwritten."));
    }
    auto update =
        impl_->db.prepare("UPDATE sessions SET status = ?, not_held_reason = ? WHERE id = ?");
    update.bind(1, std::string(toText(status))).bind(3, id);
    impl_->bindSealed(update, 2, "sessions", "not_held_reason", id,
                      notHeld ? notHeldReason : std::string{});
    update.run();
    impl_->audit(std::string("session-") + toText(status), "session", id);
    transaction.commit();
}

void RecordStore::setFacilitatorsPresent(SessionId id, const std::vector<UserId>& facilitators) {
    auto recorder = impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    // Only the changes are written, so the log reads as what was corrected and when.
    auto before = impl_->facilitatorsOf(id);
    auto has = [](const std::vector<UserId>& users, UserId user) {
        return std::find(users.begin(), users.end(), user) != users.end();
    };
    auto insert = db.prepare(
        "INSERT INTO session_facilitator_records (session_id, user_id, present, recorded_by, "
        "recorded_at, id) VALUES (?, ?, ?, ?, ?, ?)");
    auto now = impl_->nowUtc();
    bool changed = false;
    auto record = [&](UserId user, bool present) {
        insert.bind(1, id).bind(2, user).bind(3, present ? 1 : 0).bind(4, recorder).bind(5, now);
        insert.bind(6, impl_->nextId("session_facilitator_records"));
        insert.run();
        insert.reset();
        changed = true;
    };
    for (auto user : before) {
        if (!has(facilitators, user))
            record(user, false);
    }
    for (auto user : facilitators) {
        if (!has(before, user)) {
            before.push_back(user);  // someone listed twice is recorded once
            record(user, true);
        }
    }
    if (!changed)
        return;
    impl_->audit("record-facilitators", "session", id);
    transaction.commit();
}

void RecordStore::markAttendance(SessionId session, const AttendanceMark& mark) {
    auto user = impl_->signedInUser();
    db::Transaction transaction(impl_->db);
    auto id = impl_->nextId("attendance_marks");
    impl_->db
        .prepare(
            "INSERT INTO attendance_marks (id, session_id, member_id, status, reason, "
            "recorded_by, recorded_at, minutes_present) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, session)
        .bind(3, mark.memberId)
        .bind(4, std::string(toText(mark.status)))
        .bindBlob(5, impl_->seal("attendance_marks", "reason", id, mark.reason))
        .bind(6, user)
        .bind(7, impl_->nowUtc())
        .bind(8, mark.minutesPresent ? std::optional<std::int64_t>(*mark.minutesPresent)
                                     : std::nullopt)
        .run();
    impl_->audit("mark-attendance", "member", mark.memberId);
    transaction.commit();
}

std::vector<AttendanceMark> RecordStore::registerOf(SessionId session) {
    impl_->key();
    std::vector<AttendanceMark> result;
    auto checked = impl_->checkAhead("attendance_marks", "t.session_id = ?",
                                     [&](db::Statement& rows) { rows.bind(1, session); });
    auto query = impl_->db.cached(
        "SELECT member_id, status, reason, recorded_at, id, minutes_present "
        "FROM attendance_marks a "
        "WHERE session_id = ?1 AND id = (SELECT MAX(id) FROM attendance_marks b "
        "WHERE b.session_id = ?1 AND b.member_id = a.member_id) ORDER BY member_id");
    query->bind(1, session);
    while (query->step())
        result.push_back(impl_->readMark(*query, query->integer(0)));
    return result;
}

AttendanceMark RecordStore::Impl::readMark(const db::Statement& row, MemberId member) {
    AttendanceMark mark;
    mark.memberId = member;
    noteDamage(mark.damage, "attendance_marks", row.integer(4));
    mark.status = attendanceFrom(row.text(1));
    mark.reason = open(mark.damage, "attendance_marks", "reason", row.integer(4), row.blob(2));
    mark.recordedAt = row.text(3);
    if (!row.isNull(5))
        mark.minutesPresent = static_cast<int>(row.integer(5));
    return mark;
}

}  // namespace roundtable::records
