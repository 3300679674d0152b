// SQL for every record-store operation. Multi-row writes run in one transaction.
#include "records/RecordStore.h"

#include <array>
#include <cstdio>
#include <ctime>

#include "records/Schema.h"
#include "records/Sqlite.h"

namespace roundtable::records {
namespace {

std::string nowUtc() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

template <typename Enum, std::size_t N>
Enum parseEnum(const std::string& text, const std::array<Enum, N>& values, const char* what) {
    for (auto value : values) {
        if (text == toText(value)) return value;
    }
    throw StoreError(std::string("The database holds an unknown ") + what + " \"" + text +
                     "\"; it may be damaged.");
}

void refuseNetworkShare(const std::filesystem::path& path) {
    if (schema::isOnNetworkFilesystem(path)) {
        throw StoreError("The database " + path.string() +
                         " is on a network drive. Roundtable keeps its database on a local "
                         "disk, because network drives can corrupt it. Choose a local folder.");
    }
}

}  // namespace

const char* toText(GroupKind kind) {
    switch (kind) {
        case GroupKind::treatment: return "treatment";
        case GroupKind::maintenance: return "maintenance";
        case GroupKind::carers: return "carers";
    }
    return "treatment";
}
const char* toText(SessionStatus status) {
    switch (status) {
        case SessionStatus::planned: return "planned";
        case SessionStatus::tookPlace: return "took-place";
        case SessionStatus::didNotTakePlace: return "did-not-take-place";
    }
    return "planned";
}
const char* toText(Attendance status) {
    switch (status) {
        case Attendance::attended: return "attended";
        case Attendance::late: return "late";
        case Attendance::leftEarly: return "left-early";
        case Attendance::absentAuthorised: return "absent-authorised";
        case Attendance::absentUnauthorised: return "absent-unauthorised";
    }
    return "attended";
}
const char* toText(NoteState state) { return state == NoteState::signedOff ? "signed" : "draft"; }

GroupKind groupKindFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{GroupKind::treatment, GroupKind::maintenance, GroupKind::carers},
                     "group kind");
}
SessionStatus sessionStatusFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{SessionStatus::planned, SessionStatus::tookPlace,
                                SessionStatus::didNotTakePlace},
                     "session status");
}
Attendance attendanceFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{Attendance::attended, Attendance::late, Attendance::leftEarly,
                                Attendance::absentAuthorised, Attendance::absentUnauthorised},
                     "attendance status");
}
NoteState noteStateFrom(const std::string& text) {
    return parseEnum(text, std::array{NoteState::draft, NoteState::signedOff}, "note state");
}
bool wasPresent(Attendance status) {
    return status == Attendance::attended || status == Attendance::late ||
           status == Attendance::leftEarly;
}

struct RecordStore::Impl {
    Impl(std::filesystem::path p, bool create) : path(std::move(p)), db(path, create) {}
    std::filesystem::path path;
    sqlite::Connection db;
};

RecordStore::RecordStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RecordStore::RecordStore(RecordStore&&) noexcept = default;
RecordStore& RecordStore::operator=(RecordStore&&) noexcept = default;
RecordStore::~RecordStore() = default;

RecordStore RecordStore::create(const std::filesystem::path& path) {
    if (std::filesystem::exists(path)) {
        throw StoreError("A file called " + path.string() +
                         " already exists; a new database needs a new file name.");
    }
    refuseNetworkShare(path);
    auto impl = std::make_unique<Impl>(path, true);
    schema::configure(impl->db);
    schema::createFresh(impl->db);
    return RecordStore(std::move(impl));
}

RecordStore RecordStore::open(const std::filesystem::path& path) {
    if (!std::filesystem::is_regular_file(path)) {
        throw StoreError("The database " + path.string() + " does not exist.");
    }
    refuseNetworkShare(path);
    auto impl = std::make_unique<Impl>(path, false);
    // Check what the file is before changing anything in it (such as the journal mode).
    schema::checkAndMigrate(impl->db);
    schema::configure(impl->db);
    return RecordStore(std::move(impl));
}

const std::filesystem::path& RecordStore::path() const { return impl_->path; }

GroupId RecordStore::addGroup(const std::string& name, GroupKind kind) {
    impl_->db.prepare("INSERT INTO groups (name, kind, created_at) VALUES (?, ?, ?)")
        .bind(1, name)
        .bind(2, std::string(toText(kind)))
        .bind(3, nowUtc())
        .run();
    return impl_->db.lastInsertId();
}

std::vector<Group> RecordStore::groups() {
    std::vector<Group> result;
    auto query = impl_->db.prepare("SELECT id, name, kind FROM groups ORDER BY id");
    while (query.step()) {
        result.push_back({query.integer(0), query.text(1), groupKindFrom(query.text(2))});
    }
    return result;
}

MemberId RecordStore::addMember(GroupId group, const std::string& name,
                                const std::string& joinedOn) {
    auto& db = impl_->db;
    sqlite::Transaction transaction(db);
    auto next = db.prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM members");
    next.step();
    char code[16];
    std::snprintf(code, sizeof code, "R%04lld", static_cast<long long>(next.integer(0)));
    db.prepare("INSERT INTO members (code, name, created_at) VALUES (?, ?, ?)")
        .bind(1, std::string(code))
        .bind(2, name)
        .bind(3, nowUtc())
        .run();
    auto member = db.lastInsertId();
    db.prepare("INSERT INTO memberships (group_id, member_id, joined_on) VALUES (?, ?, ?)")
        .bind(1, group)
        .bind(2, member)
        .bind(3, joinedOn)
        .run();
    transaction.commit();
    return member;
}

std::vector<Member> RecordStore::membersOf(GroupId group) {
    std::vector<Member> result;
    auto query = impl_->db.prepare(
        "SELECT m.id, m.code, m.name FROM members m JOIN memberships s ON s.member_id = m.id "
        "WHERE s.group_id = ? ORDER BY m.id");
    query.bind(1, group);
    while (query.step()) result.push_back({query.integer(0), query.text(1), query.text(2)});
    return result;
}

SessionId RecordStore::addSession(const NewSession& session) {
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
    std::vector<Session> result;
    auto query = impl_->db.prepare(std::string(kSessionColumns) +
                                   "WHERE group_id = ? ORDER BY session_date, id");
    query.bind(1, group);
    while (query.step()) result.push_back(readSessionRow(query));
    return result;
}

Session RecordStore::session(SessionId id) {
    auto query = impl_->db.prepare(std::string(kSessionColumns) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.step()) throw StoreError("There is no session with id " + std::to_string(id));
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
    impl_->db.prepare("UPDATE sessions SET status = ? WHERE id = ?")
        .bind(1, std::string(toText(status)))
        .bind(2, id)
        .run();
}

void RecordStore::markAttendance(SessionId session, const AttendanceMark& mark) {
    impl_->db
        .prepare("INSERT INTO attendance_marks (session_id, member_id, status, reason, "
                 "recorded_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, session)
        .bind(2, mark.memberId)
        .bind(3, std::string(toText(mark.status)))
        .bind(4, mark.reason)
        .bind(5, nowUtc())
        .run();
}

std::vector<AttendanceMark> RecordStore::registerOf(SessionId session) {
    std::vector<AttendanceMark> result;
    auto query = impl_->db.prepare(
        "SELECT member_id, status, reason, recorded_at FROM attendance_marks a "
        "WHERE session_id = ?1 AND id = (SELECT MAX(id) FROM attendance_marks b "
        "WHERE b.session_id = ?1 AND b.member_id = a.member_id) ORDER BY member_id");
    query.bind(1, session);
    while (query.step()) {
        result.push_back(
            {query.integer(0), attendanceFrom(query.text(1)), query.text(2), query.text(3)});
    }
    return result;
}

void RecordStore::saveNoteDraft(SessionId session, MemberId member, const std::string& text) {
    auto existing = note(session, member);
    if (existing && existing->state == NoteState::signedOff) {
        throw StoreError("This progress note is signed, so it cannot be changed.");
    }
    impl_->db
        .prepare("INSERT INTO progress_notes (session_id, member_id, text, state, updated_at) "
                 "VALUES (?1, ?2, ?3, 'draft', ?4) ON CONFLICT (session_id, member_id) "
                 "DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at")
        .bind(1, session)
        .bind(2, member)
        .bind(3, text)
        .bind(4, nowUtc())
        .run();
}

void RecordStore::signNote(SessionId session, MemberId member) {
    impl_->db
        .prepare("UPDATE progress_notes SET state = 'signed', updated_at = ? "
                 "WHERE session_id = ? AND member_id = ? AND state = 'draft'")
        .bind(1, nowUtc())
        .bind(2, session)
        .bind(3, member)
        .run();
}

namespace {
constexpr const char* kNoteColumns =
    "SELECT session_id, member_id, text, state, updated_at FROM progress_notes ";
ProgressNote readNoteRow(const sqlite::Statement& row) {
    return {row.integer(0), row.integer(1), row.text(2), noteStateFrom(row.text(3)), row.text(4)};
}
}  // namespace

std::optional<ProgressNote> RecordStore::note(SessionId session, MemberId member) {
    auto query =
        impl_->db.prepare(std::string(kNoteColumns) + "WHERE session_id = ? AND member_id = ?");
    query.bind(1, session).bind(2, member);
    if (!query.step()) return std::nullopt;
    return readNoteRow(query);
}

std::vector<ProgressNote> RecordStore::notesOf(SessionId session) {
    std::vector<ProgressNote> result;
    auto query = impl_->db.prepare(std::string(kNoteColumns) +
                                   "WHERE session_id = ? ORDER BY member_id");
    query.bind(1, session);
    while (query.step()) result.push_back(readNoteRow(query));
    return result;
}

}  // namespace roundtable::records
