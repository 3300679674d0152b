// The record store's domain types: what callers read and write, with no SQL in sight.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace roundtable::records {

using GroupId = std::int64_t;
using MemberId = std::int64_t;
using SessionId = std::int64_t;
using UserId = std::int64_t;

/// A problem with the database itself (cannot open, newer version, damaged, refused write).
/// The message is written for the person using the app.
class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class Role { facilitator, clinicalLead, administrator };

struct User {
    UserId id = 0;
    std::string login;
    Role role = Role::facilitator;
};

/// How costly deriving a key from a passphrase is (Argon2id). Both meet the promise of at
/// least 64 MiB; `fast` exists so that tests can create many databases quickly.
enum class KeyDerivation { standard, fast };

enum class GroupKind { treatment, maintenance, carers };

struct Group {
    GroupId id = 0;
    std::string name;
    GroupKind kind = GroupKind::treatment;
};

struct Member {
    MemberId id = 0;
    std::string code;  ///< pseudonymous code, safe to show in lists and reports
    std::string name;
};

enum class SessionStatus { planned, tookPlace, didNotTakePlace };

/// One timed activity of a planned session, copied from the curriculum when planned.
struct PlannedActivity {
    std::string kind;
    int minutes = 0;
    std::string title;
    std::string guidance;
};

/// What a session was planned from: stamped when planned, never changed afterwards.
struct CurriculumStamp {
    std::string sessionId;  ///< the curriculum session, e.g. "framework-02"
    std::string moduleId;
    int moduleVersion = 0;
    std::string contentHash;
};

struct NewSession {
    GroupId groupId = 0;
    std::string date;  ///< YYYY-MM-DD
    std::string title;
    int minutes = 0;
    CurriculumStamp stamp;
    std::vector<PlannedActivity> activities;
};

struct Session {
    SessionId id = 0;
    GroupId groupId = 0;
    std::string date;
    std::string title;
    int minutes = 0;
    SessionStatus status = SessionStatus::planned;
    CurriculumStamp stamp;
    std::vector<PlannedActivity> activities;
};

enum class Attendance { attended, late, leftEarly, absentAuthorised, absentUnauthorised };

struct AttendanceMark {
    MemberId memberId = 0;
    Attendance status = Attendance::attended;
    std::string reason;
    std::string recordedAt;  ///< UTC, ISO 8601
};

enum class NoteState { draft, signedOff };

struct ProgressNote {
    SessionId sessionId = 0;
    MemberId memberId = 0;
    std::string text;
    NoteState state = NoteState::draft;
    std::string updatedAt;
    std::string signedAt;    ///< UTC, ISO 8601; empty while a draft
    bool lateEntry = false;  ///< signed on a later day than the session's date
};

[[nodiscard]] const char* toText(Role role);
[[nodiscard]] const char* toText(GroupKind kind);
[[nodiscard]] const char* toText(SessionStatus status);
[[nodiscard]] const char* toText(Attendance status);
[[nodiscard]] const char* toText(NoteState state);
/// Parse the strings above; throw StoreError for an unknown value (a damaged row).
[[nodiscard]] Role roleFrom(const std::string& text);
[[nodiscard]] GroupKind groupKindFrom(const std::string& text);
[[nodiscard]] SessionStatus sessionStatusFrom(const std::string& text);
[[nodiscard]] Attendance attendanceFrom(const std::string& text);
[[nodiscard]] NoteState noteStateFrom(const std::string& text);
/// True for the statuses after which a progress note is written (the member was there).
[[nodiscard]] bool wasPresent(Attendance status);

}  // namespace roundtable::records
