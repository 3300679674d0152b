// The facilitator's use cases. Each checks its input and refuses a bad value with a
// ValidationError naming the field, before anything is written.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "curriculum/Programme.h"
#include "records/RecordStore.h"

namespace roundtable::practice {

/// A value the user typed or chose was refused. `field` names the input it concerns so
/// the UI can point at it; the message is written for the user.
class ValidationError : public std::runtime_error {
  public:
    ValidationError(std::string field, const std::string& message)
        : std::runtime_error(message), field_(std::move(field)) {}
    [[nodiscard]] const std::string& field() const { return field_; }

  private:
    std::string field_;
};

/// One line of a session's register: the member, his newest mark and his note, if any.
struct RegisterLine {
    records::Member member;
    std::optional<records::AttendanceMark> mark;
    std::optional<records::ProgressNote> note;
};

class Practice {
  public:
    Practice(records::RecordStore& store, const curriculum::Programme& programme)
        : store_(store), programme_(programme) {}

    records::GroupId createGroup(const std::string& name, records::GroupKind kind);
    records::MemberId addMember(records::GroupId group, const std::string& name,
                                const std::string& joinedOn);

    /// Copies the curriculum session's activities into the record store, stamped with the
    /// module id, version and content hash they came from.
    records::SessionId planSession(records::GroupId group, const std::string& curriculumSessionId,
                                   const std::string& date);
    void markDelivered(records::SessionId session);

    /// A reason is required when the member did not attend.
    void recordAttendance(records::SessionId session, records::MemberId member,
                          records::Attendance status, const std::string& reason);
    /// Notes are written for members marked present.
    void saveNote(records::SessionId session, records::MemberId member, const std::string& text);
    /// Saves `text` and signs it in one step; the same checks as saveNote.
    void signNote(records::SessionId session, records::MemberId member, const std::string& text);

    [[nodiscard]] std::vector<RegisterLine> registerFor(records::SessionId session);
    /// The session with its plan, recording in the audit log that it was opened.
    [[nodiscard]] records::Session openSession(records::SessionId session);

    [[nodiscard]] records::RecordStore& store() { return store_; }
    [[nodiscard]] const curriculum::Programme& programme() const { return programme_; }

  private:
    records::Session sessionWithMember(records::SessionId session, records::MemberId member);
    void requirePresentAndWritten(records::SessionId session, records::MemberId member,
                                  const std::string& text);

    records::RecordStore& store_;
    const curriculum::Programme& programme_;
};

/// What to tell the user about backups, or nothing when the last one is recent enough
/// (a week). `lastBackupAt` is a UTC timestamp as the record store keeps it.
[[nodiscard]] std::optional<std::string> backupReminder(
    const std::optional<std::string>& lastBackupAt, const std::string& today);

/// The facilitator guidance of an activity as one text: paragraphs, then adapt and watch.
[[nodiscard]] std::string guidanceText(const curriculum::Activity& activity);

}  // namespace roundtable::practice
