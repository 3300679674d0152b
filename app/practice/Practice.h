// The facilitator's use cases. Each checks its input and refuses a bad value with a
// ValidationError naming the field, before anything is written.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "curriculum/ModuleComparison.h"
#include "curriculum/Programme.h"
#include "practice/CatchUps.h"
#include "practice/Dates.h"
#include "practice/HomePage.h"
#include "practice/MemberProgress.h"
#include "practice/NotesRound.h"
#include "practice/OutcomeSummary.h"
#include "practice/Phrases.h"
#include "practice/RecordsToPrint.h"
#include "practice/ServiceSettings.h"
#include "practice/SessionRatings.h"
#include "practice/SessionRun.h"
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

/// Everything on record about one member, for his page and his reports.
struct MemberRecord {
    std::optional<records::MemberDetails> details;
    std::vector<records::HistoryEntry> history;
    std::vector<records::Concern> concerns;
    std::vector<records::OutcomeScore> scores;
    std::optional<records::RelapsePlan> relapsePlan;
};

/// A progress note typed in the editor but not yet saved.
struct UnsavedNote {
    records::SessionId session = 0;
    records::MemberId member = 0;
    records::NoteContent content;
    /// A concern described under its "concern raised" tick, recorded with his concerns once
    /// the note is saved (empty: none).
    std::string concern;
    bool operator==(const UnsavedNote&) const = default;
};

/// What locking did with the note that was being written.
struct LockOutcome {
    /// The note, when it could not be saved: the caller keeps it so its text is not lost.
    std::optional<UnsavedNote> notSaved;
    std::string problem;  ///< why it could not be saved, for the user
};

/// Which version of its module a session was planned from, against the newest published.
struct PlannedFrom {
    std::string moduleTitle;
    int version = 0;        ///< planned from
    int newestVersion = 0;  ///< the programme's now
    /// The differences from the planned version to the newest; same() when there are none.
    curriculum::ModuleComparison differences;
};

class Practice {
  public:
    /// Works from `programme` (a copy: it shares the programme's texts) until useProgramme.
    Practice(records::RecordStore& store, const curriculum::Programme& programme)
        : store_(store), programme_(programme) {}

    /// After sign-in: works from the service's programme in the database, storing the one in
    /// `shippedDirectory` first when the database holds none (ServiceProgramme.h). Throws
    /// ValidationError ("programme") naming the findings when the database's programme cannot
    /// be loaded; the programme worked from is then unchanged.
    void useServiceProgramme(const std::filesystem::path& shippedDirectory);

    /// A carers' group may be linked to a treatment group (`linkedGroup`).
    records::GroupId createGroup(const std::string& name, records::GroupKind kind,
                                 const records::GroupSchedule& schedule = {},
                                 std::optional<records::GroupId> linkedGroup = std::nullopt);
    records::MemberId addMember(records::GroupId group, const std::string& name,
                                const std::string& joinedOn, bool attendanceRequired = false);
    /// Leaving needs a date (not before he joined) and a reason.
    void recordLeaving(records::GroupId group, records::MemberId member, const std::string& leftOn,
                       const std::string& reason);
    /// `details` with the date of birth as typed (empty: not recorded).
    void recordMemberDetails(records::MemberId member, const std::string& typedDateOfBirth,
                             const records::MemberDetails& details);

    /// The day a session of `group` would be planned for by default: the first day on or
    /// after `from` on which the group meets (`from` itself when it has no meeting day).
    [[nodiscard]] static Date nextMeetingDay(const records::Group& group, Date from);
    /// Copies the curriculum session's activities into the record store, stamped with the
    /// module id, version and content hash they came from, at the group's usual start time.
    records::SessionId planSession(records::GroupId group, const std::string& curriculumSessionId,
                                   const std::string& date);
    // The questions below are asked before an action that is allowed but often a slip; empty
    // when there is nothing to ask.
    /// Before planning a session of the whole group on a day it already has one.
    [[nodiscard]] std::string questionBeforePlanning(records::GroupId group,
                                                     const std::string& typedOn);
    /// Before marking a session as having taken place with nobody recorded as running it.
    [[nodiscard]] std::string questionBeforeMarkingHeld(records::SessionId session);
    /// Before signing a note that records neither how he took part nor any rating.
    [[nodiscard]] static std::string questionBeforeSigning(const records::NoteContent& content);
    /// Plans a catch-up of a curriculum session for some members of `group` (CatchUps.h): a
    /// session like planSession's whose register lists only them. ValidationError at
    /// "catch-up-members" for nobody, or someone not on the group's list on that day.
    records::SessionId planCatchUp(records::GroupId group, const std::string& curriculumSessionId,
                                   const std::vector<records::MemberId>& members,
                                   const std::string& date);
    /// Whether the group plans each module from the version it started that module with
    /// (a setting kept with the records), instead of the newest published version.
    [[nodiscard]] bool staysOnModuleVersions(records::GroupId group);

    /// What the signed-in person has to do (HomePage.h).
    [[nodiscard]] HomePage homePage() { return practice::homePage(store_, programme_, today()); }
    /// Each member's catch-ups (CatchUps.h).
    [[nodiscard]] std::vector<MemberCatchUps> catchUps(records::GroupId group);
    /// The service's settings kept with the records (ServiceSettings.h).
    [[nodiscard]] int servicePercent(const PercentSetting& setting);
    void setServicePercent(const PercentSetting& setting, int percent);
    [[nodiscard]] bool reviewsRequired() { return reviewsRequiredSince(store_).has_value(); }
    void setReviewsRequired(bool required) { practice::setReviewsRequired(store_, required); }
    /// Whether whoever is signed in may review `note` now: the service asks for reviews, she is
    /// a clinical lead and not its author, it was signed since reviews began and awaits review.
    [[nodiscard]] bool canReview(const records::ProgressNote& note);
    /// Co-signs `note`, or returns it to its author with `comment` (ValidationError at
    /// "review-comment" when returning without one, or when canReview is false).
    void reviewNote(const records::ProgressNote& note, records::ReviewOutcome outcome,
                    const std::string& comment);
    /// A member's attendance by module, ratings and scores (MemberProgress.h); audited.
    /// Records that `member` reached one of the programme's milestones on the day typed
    /// (ValidationError at "milestone" for one the programme does not name, at "milestone-date"
    /// for a day that is not real or still to come); `note` is optional.
    void recordMilestone(records::MemberId member, const std::string& milestoneId,
                         const std::string& typedOn, const std::string& note);
    /// Withdraws his record `recordId` of a milestone as a mistake, saying why
    /// ("milestone-reason").
    void withdrawMilestone(records::MemberId member, std::int64_t recordId,
                           const std::string& reason);
    [[nodiscard]] MemberProgress memberProgress(records::MemberId member) {
        return practice::memberProgress(store_, member, programme_);
    }
    void setStaysOnModuleVersions(records::GroupId group, bool stays);
    /// The module version a session was planned from (its stamp's content hash), from the
    /// database's programme; the current programme's module when that text is not there, or
    /// null. Valid until the next useServiceProgramme.
    [[nodiscard]] const curriculum::Module* moduleOf(const records::CurriculumStamp& stamp);
    /// The version a session was planned from and how the newest differs from it; nullopt
    /// when neither is known (a module no longer in the programme).
    [[nodiscard]] std::optional<PlannedFrom> plannedFrom(const records::Session& session);
    /// What session mode shows of `session` (as openSession gave it): its plan with the
    /// guidance and prompts of the module version it was planned from (SessionRun.h).
    [[nodiscard]] RunPlan runPlan(const records::Session& session) {
        return runPlanOf(session, programme_, moduleOf(session.stamp));
    }
    /// A damaged session's status is not changed, nor is a session marked as having taken place
    /// before its day (field "session-status").
    void markDelivered(records::SessionId session);
    /// A session that did not take place keeps its plan; the reason is required.
    void markNotHeld(records::SessionId session, const std::string& reason);
    /// Corrects whether the session took place (a mistaken click, either way), with the reason
    /// (field "not-held-reason"); what was recorded first stays, with every correction.
    void correctSessionStatus(records::SessionId session, records::SessionStatus status,
                              const std::string& reason);
    /// Adapts the plan of a session not yet delivered for its group: `activities` in their new
    /// order, each activity of the plan as made once (by its place in it, from 1; none left out),
    /// with its minutes here and any guidance added; the curriculum is unchanged. Refused at
    /// "adapt-plan" for a session that took place or did not, a damaged one, a plan that is not
    /// each activity once, or one that changes nothing; at "adapt-minutes" for minutes outside
    /// 1 to kMostActivityMinutes; at "adapt-reason" without a reason.
    void adaptPlan(records::SessionId session, std::vector<records::AdaptedActivity> activities,
                   const std::string& reason);
    static constexpr int kMostActivityMinutes = 180;
    /// Who ran the session: people who can sign in to this database (the field
    /// "session-facilitators" when someone is not). Earlier records stay in the store.
    void recordFacilitators(records::SessionId session,
                            const std::vector<records::UserId>& facilitators);

    /// A reason is required when the member did not attend; minutes present, when given,
    /// are between 0 and the session's length.
    void recordAttendance(records::SessionId session, records::MemberId member,
                          records::Attendance status, const std::string& reason,
                          std::optional<int> minutesPresent = std::nullopt);
    /// "Everyone present": marks every member on the register who has no mark yet as present
    /// (the exceptions are marked before or after); returns how many were marked. Refused like
    /// recordAttendance for a session that did not take place.
    int markEveryonePresent(records::SessionId session);
    /// The notes round of a session (NotesRound.h): the members who were there, in the
    /// register's order, each with his previous note and the ratings it offers to carry forward.
    [[nodiscard]] NotesRound notesRound(records::SessionId session);
    /// What the group did in the session, as written for every note of it; until written, a
    /// first draft made from the plan's activities (`written` says which).
    struct SharedSectionText {
        std::string text;
        bool written = false;
    };
    [[nodiscard]] SharedSectionText sharedSection(records::SessionId session);
    /// Keeps what the group did (field "shared-section"); unchanged text writes nothing.
    void saveSharedSection(records::SessionId session, const std::string& text);
    /// His mood at the session's check-in (1-5, moodScale()) and an optional word (field
    /// "check-in"); a later one for the session corrects it.
    void recordCheckIn(records::SessionId session, records::MemberId member, int mood,
                       const std::string& word);
    /// The between-sessions task the session sets, if its plan has one (NotesRound.h).
    [[nodiscard]] std::optional<TaskOffer> taskOffer(records::SessionId session);
    /// Sets his between-sessions task from the session (field "task"): for a man who was there;
    /// unchanged text writes nothing.
    void setTask(records::SessionId session, records::MemberId member, const std::string& text);
    /// How his task went, recorded at session `at` (field "task-review"); the same again
    /// writes nothing.
    void reviewTask(const records::MemberTask& task, records::SessionId at,
                    records::TaskOutcome outcome, const std::string& comment);
    /// Jots a few words against a member during the session (field "jotting").
    void addJotting(records::SessionId session, records::MemberId member, const std::string& text);
    /// Moves the member's jottings into his note's draft (see RecordStore); returns how many.
    /// Nothing happens to a signed note's jottings, which stay.
    int useJottings(records::SessionId session, records::MemberId member);
    /// The phrases on offer in notes (Phrases.h): read once, and again after a change (which
    /// ends the life of the list returned before).
    [[nodiscard]] const std::vector<OfferedPhrase>& phrases();
    /// Keeps the facilitator's own phrase for `shortcut`, replacing hers (fields
    /// "phrase-shortcut" and "phrase-text"); a programme's phrase of that shortcut then gives way.
    void savePhrase(const std::string& shortcut, const std::string& text);
    /// Removes her own phrase: the programme's are changed in the curriculum.
    void removePhrase(const std::string& shortcut);
    /// Notes are written for members marked present. Ratings must be the session module's
    /// progress indicators, within their scales. A damaged note (or attendance mark) is not
    /// written over: that would hide what was changed outside Roundtable.
    void saveNote(records::SessionId session, records::MemberId member,
                  const records::NoteContent& content);
    /// Saves a note from the editor as a draft (saveNote), and records the concern described
    /// under its tick, if any (its `concern` is then cleared).
    void saveUnsaved(UnsavedNote& note);
    /// Saves the note and signs it in one step; the same checks as saveNote.
    void signNote(records::SessionId session, records::MemberId member,
                  const records::NoteContent& content);
    /// A correction to a member's signed note of a session: both texts stay on record.
    void amendNote(records::SessionId session, records::MemberId member, const std::string& text,
                   const std::string& reason);
    /// The progress indicators a note for this session rates: those of the module version it
    /// was planned from.
    [[nodiscard]] std::vector<curriculum::Indicator> indicatorsFor(records::SessionId session);

    records::ConcernId raiseConcern(records::MemberId member,
                                    std::optional<records::SessionId> session,
                                    const std::string& description);
    /// The concerns recorded from his note of the session (raised with the session linked).
    [[nodiscard]] std::vector<records::Concern> concernsFromNote(records::SessionId session,
                                                                 records::MemberId member);
    records::ActionId addConcernAction(records::ConcernId concern, const std::string& action,
                                       const std::string& owner, const std::string& dueOn);
    void updateConcernAction(records::ActionId action, records::ActionStatus status,
                             const std::string& note);
    /// Closes an open concern with its outcome (field "concern-outcome"): a decision, never
    /// made by its actions being done.
    void closeConcern(records::ConcernId concern, const std::string& outcome);
    /// Opens a closed concern again, saying why (field "concern-outcome").
    void reopenConcern(records::ConcernId concern, const std::string& reason);

    /// A score on one of the programme's outcome measures, checked against its time points
    /// and score range.
    std::int64_t recordOutcomeScore(records::MemberId member, const std::string& measureId,
                                    const std::string& timePoint, const std::string& takenOn,
                                    int score, std::optional<std::int64_t> replaces = {});
    /// The session's ratings (SessionRatings.h): who was there and what is on record; the look
    /// is recorded in the audit log ("session-ratings").
    [[nodiscard]] SessionRatingSheet sessionRatings(records::SessionId session);
    /// Records the session ratings chosen, all or none, each taken on the session's day: a new
    /// one as a score, a changed one as a correction of the one on record; one unchanged is not
    /// written again. Refused (ValidationError "session-ratings") unless the session took place
    /// and its day has come; at "session-rating:<member id>" for a member who was not there (not
    /// marked present, late or left early), a rating off the scale, or "not rated" for one with
    /// a rating on record (it can be changed, never taken away). Returns how many were written.
    int recordSessionRatings(records::SessionId session, const std::vector<SessionRating>& ratings);
    /// The group's outcome measures and session ratings at a glance (OutcomeSummary.h); audited.
    [[nodiscard]] GroupOutcomeSummary groupOutcomeSummary(records::GroupId group) {
        return practice::groupOutcomeSummary(store_, group, programme_);
    }

    /// A new version of the plan; sections without text are left out, at least one is needed.
    int saveRelapsePlan(records::MemberId member,
                        const std::vector<records::PlanSection>& sections);

    [[nodiscard]] std::vector<RegisterLine> registerFor(records::SessionId session);
    /// The session with its plan, recording in the audit log that it was opened.
    [[nodiscard]] records::Session openSession(records::SessionId session);
    /// A member's whole record, recording in the audit log that it was viewed.
    [[nodiscard]] MemberRecord openMemberRecord(records::MemberId member);

    /// Administrators add users (the store refuses anyone else); the passphrase is typed
    /// twice. Fields: user-login, user-passphrase, user-repeat.
    records::UserId addUser(const std::string& login, records::Role role,
                            const std::string& passphrase, const std::string& repeat);
    /// Administrators give a user a new passphrase. Fields: reset-passphrase, reset-repeat.
    void resetPassphrase(const std::string& login, const std::string& passphrase,
                         const std::string& repeat);
    /// The signed-in user's own passphrase. Fields: own-current, own-passphrase, own-repeat.
    void changeOwnPassphrase(const std::string& current, const std::string& passphrase,
                             const std::string& repeat);

    /// When no administrator can sign in (every passphrase lost): unlocks the database with
    /// the recovery key it was given when it was created, adds `login` as a new administrator
    /// (recorded in the audit log as done with the recovery key) and locks it again, so that
    /// the new administrator then signs in as anyone does. Fields: recover-key, recover-login,
    /// recover-passphrase, recover-repeat; a wrong key is a StoreError. The database is locked
    /// however it ends.
    void recoverWithKey(const std::string& recoveryKey, const std::string& login,
                        const std::string& passphrase, const std::string& repeat);

    /// Locks the database: saves `unsaved` (the note open in the editor) as a draft, then
    /// wipes the key. The key is wiped whatever happens, also when saving fails (a full or
    /// failing disk, a refused value); the note is then handed back with the reason.
    [[nodiscard]] LockOutcome lock(std::optional<UnsavedNote> unsaved);

    // What the pages and the printed documents read: the window asks the use cases, never
    // the store (issue 16, item 10).
    [[nodiscard]] std::vector<records::Group> groups() { return store_.groups(); }
    [[nodiscard]] std::vector<records::Member> membersOf(records::GroupId group) {
        return store_.membersOf(group);
    }
    [[nodiscard]] std::vector<records::Session> sessionsOf(records::GroupId group) {
        return store_.sessionsOf(group);
    }
    [[nodiscard]] records::Session session(records::SessionId id) { return store_.session(id); }
    [[nodiscard]] std::vector<records::User> users() { return store_.users(); }
    [[nodiscard]] std::optional<records::User> currentUser() const { return store_.currentUser(); }
    /// Whether the database is open to the signed-in person and holds its programme.
    [[nodiscard]] bool hasServiceProgramme() {
        return store_.isUnlocked() && store_.hasProgramme();
    }
    /// The service's pictures (to print them as the programme has them).
    [[nodiscard]] std::vector<records::ProgrammePicture> programmePictures() {
        return store_.programmePictures();
    }
    /// Records in the audit log that a record was printed or exported.
    void recordAccess(records::Access access, const std::string& recordKind,
                      std::int64_t recordId) {
        store_.recordAccess(access, recordKind, recordId);
    }
    [[nodiscard]] GroupSession groupSession(records::SessionId id) {
        return practice::groupSession(store_, id);
    }
    [[nodiscard]] SessionSheet sessionSheet(records::SessionId id) {
        return practice::sessionSheet(store_, id);
    }
    [[nodiscard]] GroupYear groupYear(records::GroupId id) {
        return practice::groupYear(store_, id);
    }
    /// His records over `asked`, an open end being today (RecordsToPrint.h).
    [[nodiscard]] MemberPeriod memberPeriod(const std::string& code, const AskedPeriod& asked,
                                            bool withOpenConcerns) {
        return practice::memberPeriod(store_, code, asked, today(), withOpenConcerns);
    }
    /// A report's period as typed in the date order or as YYYY-MM-DD, an empty end left open;
    /// refused at "report-from" or "report-to" when an end is not a date or the period is back
    /// to front.
    [[nodiscard]] AskedPeriod typedPeriod(const std::string& from, const std::string& to) const;
    [[nodiscard]] MemberPlan memberPlan(const std::string& code) {
        return practice::memberPlan(store_, code);
    }
    [[nodiscard]] const curriculum::Programme& programme() const { return programme_; }
    /// Today by the store's clock.
    [[nodiscard]] Date today() const { return practice::today(store_.clock()); }

    /// The order dates are typed in (Dates.h); YYYY-MM-DD is accepted whatever the order.
    /// Year-month-day until set (the app sets the person's preference or the locale's).
    void useDateOrder(DateOrder order) { dateOrder_ = order; }
    [[nodiscard]] DateOrder dateOrder() const { return dateOrder_; }

  private:
    /// The date `text` typed in the date order or as YYYY-MM-DD; else refused at `field` with
    /// `refusal`, which names the order to type.
    [[nodiscard]] Date typedDate(const char* field, const std::string& text,
                                 const std::string& refusal) const;
    /// A new user's login (trimmed) after the checks addUser makes, fields named
    /// "<prefix>-login", "<prefix>-passphrase" and "<prefix>-repeat".
    std::string checkedNewUser(const std::string& prefix, const std::string& login,
                               const std::string& passphrase, const std::string& repeat);
    static constexpr const char* kStaysOnVersions = "stays-on-module-versions";
    records::Session sessionWithMember(records::SessionId session, records::MemberId member);
    /// The session planSession would plan, not yet stored; its errors.
    records::NewSession sessionFromCurriculum(records::GroupId group,
                                              const std::string& curriculumSessionId,
                                              const std::string& date);
    /// Checks a note before it is saved; returns it with its text trimmed.
    records::NoteContent checkedNote(records::SessionId session, records::MemberId member,
                                     const records::NoteContent& content);

    records::RecordStore& store_;
    curriculum::Programme programme_;
    DateOrder dateOrder_ = DateOrder::yearMonthDay;
    /// Earlier module versions that sessions were planned from, by content hash, loaded once.
    std::map<std::string, curriculum::Module> stampedModules_;
    std::optional<std::vector<OfferedPhrase>> phrases_;  ///< read when first asked for
    std::string phrasesOf_;                              ///< the login they were read for
};

/// What a page says about records changed or damaged outside Roundtable: "Damaged:", each
/// record's sentence as the record store wrote it, then what to do. "" when every entry of
/// `damages` is empty (the records are as they were written).
[[nodiscard]] std::string damageWarning(const std::vector<std::string>& damages);

/// What to tell the user about backups, or nothing when the last one is recent enough
/// (a week). `lastBackupAt` is a UTC timestamp as the record store keeps it.
[[nodiscard]] std::optional<std::string> backupReminder(
    const std::optional<std::string>& lastBackupAt, Date today);

/// The headings of a relapse-prevention plan, in order, as a new plan starts.
[[nodiscard]] const std::vector<std::string>& relapsePlanHeadings();

/// The facilitator guidance of an activity as one text: paragraphs, then adapt and watch.
[[nodiscard]] std::string guidanceText(const curriculum::Activity& activity);

}  // namespace roundtable::practice
