// The record store's domain types: what callers read and write, with no SQL in sight.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "records/Date.h"

namespace roundtable::records {

/// A record's id, of one kind of record, so that one kind cannot be passed where another is
/// wanted (a member's id for a session's), nor compared with another kind. The database's row
/// id (0 is no record), to and from which it converts (SQL, text, a list's item data): two
/// conversions in a row are not made implicitly, so a MemberId never becomes a SessionId.
template <class Kind>
class Id {
  public:
    constexpr Id() = default;
    constexpr Id(std::int64_t value) : value_(value) {}  // NOLINT: made from the row id
    [[nodiscard]] constexpr std::int64_t value() const { return value_; }
    constexpr operator std::int64_t() const { return value_; }  // NOLINT: reads as a number
    constexpr bool operator==(const Id&) const = default;
    constexpr auto operator<=>(const Id&) const = default;
    template <std::integral Number>
    friend constexpr bool operator==(const Id& id, Number number) {
        return id.value_ == number;
    }
    template <class OtherKind>
    bool operator==(const Id<OtherKind>&) const = delete;

  private:
    std::int64_t value_ = 0;
};

using GroupId = Id<struct GroupIds>;
using MemberId = Id<struct MemberIds>;
using SessionId = Id<struct SessionIds>;
using UserId = Id<struct UserIds>;
using NoteId = Id<struct NoteIds>;
using ConcernId = Id<struct ConcernIds>;
using ActionId = Id<struct ActionIds>;

/// A problem with the database itself (cannot open, newer version, damaged, refused write).
/// The message is written for the person using the app.
class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The server holding the records could not be reached, or the connection to it was lost
/// (issue 15): what was asked was not done. RecordStore::reconnect tries again.
class ConnectionLost : public StoreError {
  public:
    using StoreError::StoreError;
};

/// A record that does not match what the audit log says was written: changed, added or
/// deleted outside Roundtable (see RecordStore::verify).
struct DamagedRecord {
    std::string table;        ///< e.g. "progress_notes"
    std::string key;          ///< the row as the log names it, e.g. "12", or "3/7"
    std::string description;  ///< a sentence for a person, naming the record
};

/// A point of a database's audit log: its newest event when read. Written "EVENT:CHAIN" to be
/// printed, kept and compared later (verify --expect-head).
struct LogHead {
    std::int64_t event = 0;
    std::string chain;  ///< the event's chain value (it covers every event before it)
    std::string at;     ///< when the event was written (UTC, ISO 8601)
    [[nodiscard]] std::string text() const { return std::to_string(event) + ":" + chain; }
    /// Parses "EVENT:CHAIN"; nullopt when it is not in that form.
    [[nodiscard]] static std::optional<LogHead> fromText(const std::string& text);
};

enum class Role { facilitator, clinicalLead, administrator };

struct User {
    UserId id;
    std::string login;
    Role role = Role::facilitator;
    /// Empty while the user's record is as it was written (see Member::damage).
    std::string damage{};
};

/// How costly deriving a key from a passphrase is (Argon2id). Both meet the promise of at
/// least 64 MiB; `fast` exists so that tests can create many databases quickly.
enum class KeyDerivation { standard, fast };

enum class GroupKind { treatment, maintenance, carers };

/// When a group usually meets: the defaults for planning its sessions. 0 / empty: not set.
struct GroupSchedule {
    int weekday = 0;       ///< 1 = Monday ... 7 = Sunday
    std::string startsAt;  ///< HH:MM, local time
    int sessionMinutes = 0;
};

struct Group {
    GroupId id;
    std::string name;
    GroupKind kind = GroupKind::treatment;
    GroupSchedule schedule;
    std::optional<GroupId> linkedGroup;  ///< a carers' group's treatment group
    /// Empty while the record is as it was written; otherwise why it cannot be relied on
    /// (changed, added or removed outside Roundtable, or unreadable).
    std::string damage{};
};

/// A member as seen from one group: who he is and his membership of that group.
struct Member {
    MemberId id;
    std::string code;  ///< pseudonymous code, safe to show in lists and reports
    std::string name;
    Date joinedOn;
    std::optional<Date> leftOn;  ///< none while he is a member
    std::string leavingReason;
    bool attendanceRequired = false;  ///< attendance is a legal requirement (e.g. an order)
    /// Empty while the record is as it was written; otherwise why it cannot be relied on
    /// (changed, added or removed outside Roundtable, or unreadable).
    std::string damage{};
};

/// Identifying details of a member, encrypted. Empty strings and no date: not recorded.
struct MemberDetails {
    std::optional<Date> dateOfBirth;
    std::string localId;
    std::string residentialService;
    std::string careManager;  ///< name and how to reach them
    std::string recordedAt;   ///< when these details were recorded (read only)
    /// Empty while the record is as it was written; otherwise why it cannot be relied on
    /// (changed, added or removed outside Roundtable, or unreadable).
    std::string damage{};
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
    GroupId groupId;
    Date date;
    std::string startsAt;  ///< HH:MM, optional
    std::string title;
    int minutes = 0;
    CurriculumStamp stamp;
    std::vector<PlannedActivity> activities;
    /// A catch-up for these men only (an individual or small-group session going over what
    /// they missed); empty: a session of the whole group.
    std::vector<MemberId> catchUpFor;
};

/// An activity of a plan adapted for a group: which planned activity (its position in the plan
/// as made from the curriculum, from 1), its minutes here, and any guidance added for this group.
struct AdaptedActivity {
    int plannedPosition = 0;
    int minutes = 0;
    std::string addedGuidance;
    friend bool operator==(const AdaptedActivity&, const AdaptedActivity&) = default;
};

/// A session's plan adapted for its group before it was delivered: the activities in their new
/// order, who adapted it and why. The curriculum and the plan as first made stay unchanged.
struct PlanAdaptation {
    std::int64_t id = 0;
    std::vector<AdaptedActivity> activities;
    std::string reason;
    std::string madeBy;  ///< login
    std::string madeAt;  ///< UTC, ISO 8601
    std::string damage{};
};

/// One activity of a session's plan as it stands (Session::planSteps).
struct PlanStep {
    std::size_t madePlace = 0;  ///< its place in the plan as made from the curriculum, from 0
    PlannedActivity activity;   ///< with its minutes here, any guidance added after its own
    std::string addedGuidance;  ///< the guidance added for this group (adapted plans only)
};

/// A correction of whether a session took place (a mistaken click, either way).
struct StatusCorrection {
    std::int64_t id = 0;
    SessionStatus status = SessionStatus::tookPlace;
    std::string reason;
    std::string correctedBy;  ///< login
    std::string correctedAt;  ///< UTC, ISO 8601
    std::string damage{};
};

struct Session {
    SessionId id;
    GroupId groupId;
    Date date;
    std::string startsAt;
    std::string title;
    int minutes = 0;
    SessionStatus status = SessionStatus::planned;
    std::string notHeldReason;         ///< why a session did not take place
    std::vector<UserId> facilitators;  ///< who ran it (read by session(id) only)
    CurriculumStamp stamp;
    std::vector<PlannedActivity> activities;
    std::vector<MemberId> catchUpFor;  ///< as NewSession::catchUpFor
    [[nodiscard]] bool isCatchUp() const { return !catchUpFor.empty(); }
    /// Whether it took place as first recorded, before any correction (status is the newest).
    SessionStatus firstRecordedStatus = SessionStatus::planned;
    /// The corrections of whether it took place, oldest first (read by session(id) only).
    std::vector<StatusCorrection> statusCorrections;
    /// The plan as adapted for the group, if it was (read by session(id) only).
    std::optional<PlanAdaptation> adaptation;
    /// The plan as it stands: the activities as made from the curriculum, or as adapted (in the
    /// adapted order, minutes, and the added guidance after the curriculum's).
    [[nodiscard]] std::vector<PlannedActivity> planNow() const;
    /// planNow with where each activity was in the plan as made, so that what is shown of it can
    /// be found in the curriculum, and the guidance added for the group on its own.
    [[nodiscard]] std::vector<PlanStep> planSteps() const;
    /// Empty while the record is as it was written; otherwise why it cannot be relied on
    /// (changed, added or removed outside Roundtable, or unreadable).
    std::string damage{};
};

/// A few words jotted against a member during a session, not yet taken into his note.
struct Jotting {
    std::int64_t id = 0;
    MemberId memberId;
    std::string text;
    std::string writtenAt;  ///< UTC, ISO 8601
    std::string damage{};
};

/// What the group did in a session, shown in every member's note of it.
struct SharedSection {
    std::int64_t id = 0;
    std::string text;
    std::string writtenBy;  ///< login
    std::string writtenAt;  ///< UTC, ISO 8601
    std::string damage{};
};

/// One of the signed-in user's own phrases for notes, typed as its shortcut.
struct UserPhrase {
    std::int64_t id = 0;
    std::string shortcut;
    std::string text;
    std::string damage{};
};

/// A member's mood at a session's check-in (1, very low, to 5, very good) and an optional word.
struct CheckIn {
    std::int64_t id = 0;
    SessionId sessionId;
    MemberId memberId;
    int mood = 0;
    std::string word;
    std::string recordedAt;  ///< UTC, ISO 8601
    std::string damage{};
};

/// How a between-sessions task went, recorded at a later session's check-in.
enum class TaskOutcome { done, partly, notDone };

struct TaskReview {
    std::int64_t id = 0;
    SessionId sessionId;  ///< the session where it was recorded
    TaskOutcome outcome = TaskOutcome::done;
    std::string comment;
    std::string recordedAt;  ///< UTC, ISO 8601
    std::string damage{};
};

/// A between-sessions task set for a member at a session, from one of its activities.
struct MemberTask {
    std::int64_t id = 0;
    SessionId sessionId;
    MemberId memberId;
    int activityPosition = 0;  ///< in the session's plan as made, from 1
    std::string text;
    std::string setAt;                 ///< UTC, ISO 8601
    std::optional<TaskReview> review;  ///< the newest, if any
    std::string damage{};
};

enum class Attendance { attended, late, leftEarly, absentAuthorised, absentUnauthorised };

struct AttendanceMark {
    MemberId memberId;
    Attendance status = Attendance::attended;
    std::string reason;
    std::string recordedAt;  ///< UTC, ISO 8601
    std::optional<int> minutesPresent;
    /// Empty while the record is as it was written; otherwise why it cannot be relied on
    /// (changed, added or removed outside Roundtable, or unreadable).
    std::string damage{};
};

enum class NoteState { draft, signedOff };

/// How much a member took part in a session, as the facilitator judged it.
enum class Participation { notRecorded, full, some, little, none };

/// A rating of one of the module's progress indicators (ids and scales: the curriculum).
struct IndicatorRating {
    std::string indicatorId;
    int rating = 0;
    bool operator==(const IndicatorRating&) const = default;
};

/// What a facilitator writes in a progress note.
struct NoteContent {
    NoteContent() = default;
    /// A note that is only text (what most tests and the demo write).
    NoteContent(std::string noteText) : text(std::move(noteText)) {}  // NOLINT: implicit
    NoteContent(const char* noteText) : text(noteText) {}             // NOLINT: implicit
    std::string text;
    Participation participation = Participation::notRecorded;
    std::vector<IndicatorRating> ratings;
    bool concernRaised = false;
    bool operator==(const NoteContent&) const = default;
};

/// A correction to a signed note, shown beside it.
struct Amendment {
    std::int64_t id = 0;
    std::string text;
    std::string reason;
    std::string author;  ///< login
    std::string createdAt;
};

/// A clinical lead's review of a signed note.
enum class ReviewOutcome { coSigned, returned };

struct NoteReview {
    std::int64_t id = 0;
    ReviewOutcome outcome = ReviewOutcome::coSigned;
    std::string comment;   ///< for the author; may be empty when co-signed
    std::string reviewer;  ///< login
    std::string reviewedAt;
};

struct ProgressNote {
    NoteId id;
    SessionId sessionId;
    MemberId memberId;
    NoteContent content;
    NoteState state = NoteState::draft;
    std::string author;  ///< login of who last wrote it
    std::string updatedAt;
    std::string signedAt;               ///< UTC, ISO 8601; empty while a draft
    bool lateEntry = false;             ///< signed on a later day than the session's date
    std::vector<Amendment> amendments;  ///< oldest first
    std::vector<NoteReview> reviews;    ///< oldest first
    /// Empty while the record is as it was written; otherwise why it cannot be relied on
    /// (changed, added or removed outside Roundtable, or unreadable).
    std::string damage{};
};

/// A note the register says is owed: a member marked present (on time, late or leaving early)
/// at a session that took place, with no signed note there yet.
struct OwedNote {
    SessionId session = 0;
    MemberId member = 0;
    std::optional<std::string> draftBy;  ///< who saved the draft there is; none: not begun
    /// Empty while the records read are as they were written; otherwise why they cannot be
    /// relied on.
    std::string damage{};
};

/// A signed note waiting for a clinical lead's review: never reviewed, or returned to its
/// author and answered with an amendment since.
struct NoteAwaitingReview {
    NoteId note;
    SessionId session;
    MemberId member;
    GroupId group;
    Date sessionDate;
    std::string author;     ///< login
    std::string signedAt;   ///< UTC, ISO 8601
    bool answered = false;  ///< returned before, and amended since
    std::string damage{};
};

/// A signed note its reviewer returned, with no amendment from its author since.
struct ReturnedNote {
    NoteId note;
    SessionId session;
    MemberId member;
    GroupId group;
    Date sessionDate;
    NoteReview review;
    std::string damage{};
};

/// One session of a member's history: the session, his newest mark and his note, if any.
struct HistoryEntry {
    Session session;  ///< without activities
    std::optional<AttendanceMark> mark;
    std::optional<ProgressNote> note;
};

/// A concern about a member and what is being done about it.
enum class ActionStatus { open, done, notNeeded };

struct ConcernAction {
    ActionId id;
    std::string action;
    std::string owner;  ///< who will do it (may be outside the service)
    std::optional<Date> dueOn;
    ActionStatus status = ActionStatus::open;
    std::string statusNote;  ///< what the newest update said
    std::string updatedAt;
};

struct NewConcern {
    MemberId memberId;
    std::optional<SessionId> sessionId;
    std::string description;
};

struct Concern {
    ConcernId id;
    MemberId memberId;
    std::optional<SessionId> sessionId;
    std::string description;
    std::string raisedBy;  ///< login
    std::string raisedAt;
    std::vector<ConcernAction> actions;
    /// Set while it is closed: the outcome the facilitator recorded, by whom and when. (A
    /// concern stays open when its actions are done, until someone closes it.)
    std::optional<std::string> closedWith;
    std::string closedBy;  ///< login
    std::string closedAt;  ///< UTC, ISO 8601
    [[nodiscard]] bool isOpen() const { return !closedWith; }
    /// Open, and every action it has is done or not needed: waiting for someone to close it.
    [[nodiscard]] bool readyToClose() const;
    /// Empty while the record is as it was written; otherwise why it cannot be relied on
    /// (changed, added or removed outside Roundtable, or unreadable).
    std::string damage{};
};

/// A score on one of the programme's outcome measures at one time point.
struct OutcomeScore {
    std::int64_t id = 0;  ///< set by the store
    MemberId memberId;
    std::string measureId;
    std::string timePoint;
    Date takenOn;
    int score = 0;
    std::optional<std::int64_t> replaces;  ///< the score this one corrects
    /// For a session rating: the session it rates (recorded since format 9; older ratings are
    /// found by the session's day).
    std::optional<SessionId> forSession;
    std::string recordedAt;
    /// Empty while the record is as it was written; otherwise why it cannot be relied on
    /// (changed, added or removed outside Roundtable, or unreadable).
    std::string damage{};
};

/// A milestone of the programme (its id from programme.xml) that a member reached.
struct Milestone {
    std::int64_t id = 0;
    MemberId memberId;
    std::string milestoneId;
    Date reachedOn;
    std::string note;
    std::string recordedBy;  ///< login
    std::string recordedAt;
    /// Set when the record was withdrawn as a mistake: why, by whom and when.
    std::optional<std::string> withdrawnBecause;
    std::string withdrawnBy;
    std::string withdrawnAt;
    std::string damage{};  ///< as OutcomeScore::damage
};

/// A relapse-prevention plan: each change is a new version; old versions stay readable.
struct PlanSection {
    std::string heading;
    std::string body;
    bool operator==(const PlanSection&) const = default;
};

struct RelapsePlan {
    MemberId memberId;
    int version = 0;
    std::string createdBy;  ///< login
    std::string createdAt;
    std::vector<PlanSection> sections;
    /// Empty while the record is as it was written; otherwise why it cannot be relied on
    /// (changed, added or removed outside Roundtable, or unreadable).
    std::string damage{};
};

/// A pictogram of the service's programme (an SVG or PNG file's bytes).
struct ProgrammePicture {
    std::string name;      ///< without the extension; what module XML names it by
    std::string fileType;  ///< "svg" or "png"
    std::string bytes;
    std::string description;
    std::string damage{};  ///< as RelapsePlan::damage
};

/// A setting kept with the records (RecordStore::recordSetting).
struct RecordSetting {
    std::string value;
    std::string setAt;     ///< UTC, ISO 8601
    std::string damage{};  ///< a damaged setting counts as never set
};

/// A module's XML as written in format 1, with what the store files it under.
struct ModuleText {
    std::string moduleId;
    std::string file;  ///< as the programme's manifest names it, e.g. modules/01-framework.xml
    int version = 0;   ///< the module's version attribute
    std::string xml;
    std::string contentHash;  ///< curriculum::Module::contentHash() of the XML
};

/// One saved text of a module: a draft's save, or the text a version was published as.
struct ModuleRevision {
    std::int64_t id = 0;
    ModuleText text;
    std::string savedBy;  ///< login
    UserId savedById;
    std::string savedAt;
    std::string damage{};  ///< as RelapsePlan::damage
};

enum class ModuleStep { sentForReview, returned, published, withdrawn };

struct ModuleStepRecord {
    std::int64_t id = 0;
    int version = 0;
    std::int64_t revisionId = 0;
    ModuleStep step = ModuleStep::sentForReview;
    std::string summary;  ///< of the change; or why it was withdrawn, returned or self-published
    std::string takenBy;  ///< login
    UserId takenById;
    std::string takenAt;
    std::string damage{};
};

/// Where a module's change control stands (RecordStore::moduleState).
struct ModuleState {
    std::string moduleId;
    std::optional<ModuleRevision> published;  ///< the newest published version's text
    /// The version being worked on (newest published + 1), if there is one: its newest text.
    std::optional<ModuleRevision> draft;
    bool inReview = false;             ///< the draft was sent for review and not returned
    std::vector<std::string> authors;  ///< logins of everyone who saved the draft's texts
    std::vector<UserId> authorIds;
};

/// Every text a module has had and every step of its change control, oldest first.
struct ModuleHistory {
    std::vector<ModuleRevision> revisions;
    std::vector<ModuleStepRecord> steps;
};

/// `text` without spaces, tabs and line breaks at either end: what a reason, summary or name
/// is checked and kept as.
[[nodiscard]] std::string trimmed(const std::string& text);

[[nodiscard]] const char* toText(ModuleStep step);
[[nodiscard]] const char* toText(Role role);
[[nodiscard]] const char* toText(GroupKind kind);
[[nodiscard]] const char* toText(SessionStatus status);
[[nodiscard]] const char* toText(Attendance status);
[[nodiscard]] const char* toText(NoteState state);
[[nodiscard]] const char* toText(Participation participation);
[[nodiscard]] const char* toText(ActionStatus status);
[[nodiscard]] const char* toText(ReviewOutcome outcome);
[[nodiscard]] const char* toText(TaskOutcome outcome);
/// Parse the strings above; throw StoreError for an unknown value (a damaged row).
[[nodiscard]] Role roleFrom(const std::string& text);
[[nodiscard]] GroupKind groupKindFrom(const std::string& text);
[[nodiscard]] SessionStatus sessionStatusFrom(const std::string& text);
[[nodiscard]] Attendance attendanceFrom(const std::string& text);
[[nodiscard]] NoteState noteStateFrom(const std::string& text);
[[nodiscard]] Participation participationFrom(const std::string& text);
[[nodiscard]] ActionStatus actionStatusFrom(const std::string& text);
[[nodiscard]] ReviewOutcome reviewOutcomeFrom(const std::string& text);
[[nodiscard]] TaskOutcome taskOutcomeFrom(const std::string& text);
/// True for the statuses after which a progress note is written (the member was there).
[[nodiscard]] bool wasPresent(Attendance status);

}  // namespace roundtable::records
