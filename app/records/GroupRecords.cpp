// Groups, members, memberships, sessions and the register.
#include <cstdio>

#include "records/StoreImpl.h"

namespace roundtable::records {

GroupId RecordStore::addGroup(const std::string& name, GroupKind kind) {
    impl_->signedInUser();
    sqlite::Transaction transaction(impl_->db);
    auto id = impl_->nextId("groups");
    impl_->db.prepare("INSERT INTO groups (id, name, kind, created_at) VALUES (?, ?, ?, ?)")
        .bind(1, id)
        .bindBlob(2, impl_->seal("groups", "name", id, name))
        .bind(3, std::string(toText(kind)))
        .bind(4, nowUtc())
        .run();
    impl_->audit("add-group", "group", id);
    transaction.commit();
    return id;
}

std::vector<Group> RecordStore::groups() {
    impl_->key();
    std::vector<Group> result;
    auto query = impl_->db.prepare("SELECT id, name, kind FROM groups ORDER BY id");
    while (query.step()) {
        auto id = query.integer(0);
        result.push_back(
            {id, impl_->open("groups", "name", id, query.blob(1)), groupKindFrom(query.text(2))});
    }
    return result;
}

MemberId RecordStore::addMember(GroupId group, const std::string& name,
                                const std::string& joinedOn) {
    impl_->signedInUser();
    auto& db = impl_->db;
    sqlite::Transaction transaction(db);
    auto member = impl_->nextId("members");
    char code[32];
    std::snprintf(code, sizeof code, "R%04lld", static_cast<long long>(member));
    db.prepare("INSERT INTO members (id, code, name, created_at) VALUES (?, ?, ?, ?)")
        .bind(1, member)
        .bind(2, std::string(code))
        .bindBlob(3, impl_->seal("members", "name", member, name))
        .bind(4, nowUtc())
        .run();
    db.prepare("INSERT INTO memberships (group_id, member_id, joined_on) VALUES (?, ?, ?)")
        .bind(1, group)
        .bind(2, member)
        .bind(3, joinedOn)
        .run();
    impl_->audit("add-member", "member", member);
    transaction.commit();
    return member;
}

std::vector<Member> RecordStore::membersOf(GroupId group) {
    impl_->key();
    std::vector<Member> result;
    auto query = impl_->db.prepare(
        "SELECT m.id, m.code, m.name FROM members m JOIN memberships s ON s.member_id = m.id "
        "WHERE s.group_id = ? ORDER BY m.id");
    query.bind(1, group);
    while (query.step()) {
        auto id = query.integer(0);
        result.push_back({id, query.text(1), impl_->open("members", "name", id, query.blob(2))});
    }
    return result;
}

SessionId RecordStore::addSession(const NewSession& session) {
    impl_->signedInUser();
    auto& db = impl_->db;
    sqlite::Transaction transaction(db);
    db.prepare(
          "INSERT INTO sessions (group_id, session_date, title, minutes, curriculum_session_id, "
          "module_id, module_version, content_hash, created_at) VALUES (?,?,?,?,?,?,?,?,?)")
        .bind(1, session.groupId)
        .bind(2, session.date)
        .bind(3, session.title)
        .bind(4, session.minutes)
        .bind(5, session.stamp.sessionId)
        .bind(6, session.stamp.moduleId)
        .bind(7, session.stamp.moduleVersion)
        .bind(8, session.stamp.contentHash)
        .bind(9, nowUtc())
        .run();
    auto id = db.lastInsertId();
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
    impl_->audit("plan-session", "session", id);
    transaction.commit();
    return id;
}

namespace {
constexpr const char* kSessionColumns =
    "SELECT id, group_id, session_date, title, minutes, status, curriculum_session_id, "
    "module_id, module_version, content_hash FROM sessions ";

Session readSessionRow(const sqlite::Statement& row) {
    Session session;
    session.id = row.integer(0);
    session.groupId = row.integer(1);
    session.date = row.text(2);
    session.title = row.text(3);
    session.minutes = static_cast<int>(row.integer(4));
    session.status = sessionStatusFrom(row.text(5));
    session.stamp = {row.text(6), row.text(7), static_cast<int>(row.integer(8)), row.text(9)};
    return session;
}
}  // namespace

std::vector<Session> RecordStore::sessionsOf(GroupId group) {
    impl_->key();
    std::vector<Session> result;
    auto query = impl_->db.prepare(std::string(kSessionColumns) +
                                   "WHERE group_id = ? ORDER BY session_date, id");
    query.bind(1, group);
    while (query.step())
        result.push_back(readSessionRow(query));
    return result;
}

Session RecordStore::session(SessionId id) {
    impl_->key();
    auto query = impl_->db.prepare(std::string(kSessionColumns) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.step())
        throw StoreError("There is no session with id " + std::to_string(id));
    auto session = readSessionRow(query);
    auto activities = impl_->db.prepare(
        "SELECT kind, minutes, title, guidance FROM session_activities WHERE session_id = ? "
        "ORDER BY position");
    activities.bind(1, id);
    while (activities.step()) {
        session.activities.push_back({activities.text(0), static_cast<int>(activities.integer(1)),
                                      activities.text(2), activities.text(3)});
    }
    return session;
}

void RecordStore::setSessionStatus(SessionId id, SessionStatus status) {
    impl_->signedInUser();
    sqlite::Transaction transaction(impl_->db);
    impl_->db.prepare("UPDATE sessions SET status = ? WHERE id = ?")
        .bind(1, std::string(toText(status)))
        .bind(2, id)
        .run();
    impl_->audit(std::string("session-") + toText(status), "session", id);
    transaction.commit();
}

void RecordStore::markAttendance(SessionId session, const AttendanceMark& mark) {
    auto user = impl_->signedInUser();
    sqlite::Transaction transaction(impl_->db);
    auto id = impl_->nextId("attendance_marks");
    impl_->db
        .prepare(
            "INSERT INTO attendance_marks (id, session_id, member_id, status, reason, "
            "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, session)
        .bind(3, mark.memberId)
        .bind(4, std::string(toText(mark.status)))
        .bindBlob(5, impl_->seal("attendance_marks", "reason", id, mark.reason))
        .bind(6, user)
        .bind(7, nowUtc())
        .run();
    impl_->audit("mark-attendance", "member", mark.memberId);
    transaction.commit();
}

std::vector<AttendanceMark> RecordStore::registerOf(SessionId session) {
    impl_->key();
    std::vector<AttendanceMark> result;
    auto query = impl_->db.prepare(
        "SELECT member_id, status, reason, recorded_at, id FROM attendance_marks a "
        "WHERE session_id = ?1 AND id = (SELECT MAX(id) FROM attendance_marks b "
        "WHERE b.session_id = ?1 AND b.member_id = a.member_id) ORDER BY member_id");
    query.bind(1, session);
    while (query.step()) {
        result.push_back(
            {query.integer(0), attendanceFrom(query.text(1)),
             impl_->open("attendance_marks", "reason", query.integer(4), query.blob(2)),
             query.text(3)});
    }
    return result;
}

}  // namespace roundtable::records
