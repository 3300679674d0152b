// The record store: one database file per service. Every clinical write goes through
// here; the rest of the application sees domain types only.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "records/Types.h"

namespace roundtable::records {

class RecordStore {
public:
    /// Creates a new database file; refuses a path that exists or is on a network share.
    static RecordStore create(const std::filesystem::path& path);
    /// Opens an existing database; refuses a newer, foreign or damaged file.
    static RecordStore open(const std::filesystem::path& path);

    RecordStore(RecordStore&&) noexcept;
    RecordStore& operator=(RecordStore&&) noexcept;
    ~RecordStore();

    [[nodiscard]] const std::filesystem::path& path() const;

    GroupId addGroup(const std::string& name, GroupKind kind);
    [[nodiscard]] std::vector<Group> groups();

    /// Adds a new member to a group; the pseudonymous code is generated (R0001, R0002, ...).
    MemberId addMember(GroupId group, const std::string& name, const std::string& joinedOn);
    [[nodiscard]] std::vector<Member> membersOf(GroupId group);

    SessionId addSession(const NewSession& session);
    [[nodiscard]] std::vector<Session> sessionsOf(GroupId group);  ///< without activities
    [[nodiscard]] Session session(SessionId id);                    ///< with activities
    void setSessionStatus(SessionId id, SessionStatus status);

    /// Records a new attendance mark; earlier marks are kept, the newest counts.
    void markAttendance(SessionId session, const AttendanceMark& mark);
    /// The newest mark of each member who has one.
    [[nodiscard]] std::vector<AttendanceMark> registerOf(SessionId session);

    /// Creates or replaces the draft note; a signed note is refused (by the schema too).
    void saveNoteDraft(SessionId session, MemberId member, const std::string& text);
    void signNote(SessionId session, MemberId member);
    [[nodiscard]] std::optional<ProgressNote> note(SessionId session, MemberId member);
    [[nodiscard]] std::vector<ProgressNote> notesOf(SessionId session);

private:
    struct Impl;
    explicit RecordStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace roundtable::records
