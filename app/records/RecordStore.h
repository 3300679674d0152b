// The record store: one encrypted database file per service. Every clinical write goes
// through here; the rest of the application sees domain types only. A store opens locked:
// nothing can be read until a user signs in (or the recovery key is given).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "records/Backup.h"
#include "records/Clock.h"
#include "records/Types.h"

namespace roundtable::records {

/// What creating a database needs: its first administrator.
struct NewDatabase {
    std::string adminLogin;
    std::string adminPassphrase;
    KeyDerivation keyDerivation = KeyDerivation::standard;
    /// The store's clock from its first record on (see useClock); it must outlive the store.
    const Clock* clock = &systemClock();
};

struct CreatedDatabase;

enum class Access { view, exportFile, print };

struct AuditCheck {
    std::int64_t rowsChecked = 0;
    std::optional<std::int64_t> firstBrokenRow;  ///< empty when the whole chain is intact
    std::string problem;
    [[nodiscard]] bool intact() const { return !firstBrokenRow; }
};

/// What `verify` found: the audit log's chain, and every record against the tags the log
/// holds for it.
struct VerifyReport {
    AuditCheck log;
    std::int64_t recordsChecked = 0;
    std::vector<DamagedRecord> damaged;
    /// The signed log (SignedLog.cpp): how many transactions' signatures were checked, and
    /// what was written in someone else's name: a forged certificate or role, events signed by
    /// no one or by the wrong key, a record naming a writer the log does not show writing it.
    std::int64_t signaturesChecked = 0;
    std::vector<std::string> forgeries;
    /// Users of a database from before format 6 who have signed in since (and so have a key)
    /// but whose key no administrator has certified yet: what they signed is not yet proven.
    /// Certified at an administrator's next sign-in.
    std::vector<std::string> awaitingCertification;
    /// A database brought from an older format whose records no administrator has signed in
    /// to authenticate yet: its records could not be checked.
    bool notYetAuthenticated = false;
    [[nodiscard]] bool intact() const {
        return log.intact() && damaged.empty() && forgeries.empty() && !notYetAuthenticated;
    }
};

/// What a restore did.
struct RestoreResult {
    /// The file it replaced, kept beside the database as "<database>.before-restore-<time>"
    /// (with its own "-wal" when its log could not be folded into it); empty when there was none.
    std::filesystem::path kept;
    std::int64_t recordsChecked = 0;  ///< in the backup, against its audit log
};

class RecordStore {
  public:
    /// Creates a new database file with its administrator, signed in. Refuses a path that
    /// exists or is on a network share, and a passphrase that is too short.
    static CreatedDatabase create(const std::filesystem::path& path, const NewDatabase& setup);
    /// Opens an existing database, locked; refuses a newer, older, foreign or damaged file.
    static RecordStore open(const std::filesystem::path& path);
    /// The same on a PostgreSQL server (issue 15, being built): `connection` is what libpq
    /// takes, e.g. "postgresql:///roundtable?service=clinic". create gives a store that the
    /// server's owner has just made (server::install, ServerSetup.h) its first administrator;
    /// open refuses a database that is not a store of this format.
    static CreatedDatabase createOnServer(const std::string& connection, const NewDatabase& setup);
    static RecordStore openOnServer(const std::string& connection);
    /// Opens what --db names: a store on a server (server::isServerLocation), or a file.
    static RecordStore openLocation(const std::string& location);
    /// The data format this build writes (a current database's PRAGMA user_version).
    [[nodiscard]] static std::int64_t dataFormat();

    RecordStore(RecordStore&&) noexcept;
    RecordStore& operator=(RecordStore&&) noexcept;
    ~RecordStore();

    /// The file; on a server, the connection it was opened with.
    [[nodiscard]] const std::filesystem::path& path() const;
    /// On a server: backed up and restored there, with the server's own tools.
    [[nodiscard]] bool isOnServer() const;
    /// After ConnectionLost: connects to the server again, as the same session (signed in
    /// still). When a change was being committed as the connection dropped, says whether it
    /// was saved (nullopt: none was in doubt). Throws ConnectionLost while the server still
    /// cannot be reached. A file store is never lost: nothing to do.
    std::optional<bool> reconnect();
    /// `text` sealed to be kept on this computer's disk for a while (what is typed while the
    /// server cannot be reached): only someone signed in to this store can open it, and only
    /// as `purpose` of this store. Needs the store unlocked, but not the server.
    [[nodiscard]] std::vector<unsigned char> sealToKeep(const std::string& purpose,
                                                        const std::string& text);
    /// What sealToKeep sealed; nullopt when it was altered, or sealed for another purpose or
    /// another store.
    [[nodiscard]] std::optional<std::string> openKept(const std::string& purpose,
                                                      const std::vector<unsigned char>& sealed);
    /// When open() brought an older database up to date: the verified copy of the file as it
    /// was, kept beside it. Empty otherwise.
    [[nodiscard]] std::optional<std::filesystem::path> migrationBackup() const;

    /// Signs a user in and unlocks the data; throws StoreError (the same message whether
    /// the name or the passphrase was wrong).
    void unlock(const std::string& login, const std::string& passphrase);
    /// Unlocks with the recovery key shown when the database was created. No one is signed
    /// in afterwards: records can be read and an administrator added, nothing else.
    void unlockWithRecoveryKey(const std::string& recoveryKey);
    /// Wipes the data key from memory; everything needs unlock() again.
    void lock();
    /// Stamps records and events from now on with `clock`'s time, which must outlive the
    /// store (tests; the demo, whose notes are signed on the day of their session). The
    /// computer's clock until then.
    void useClock(const Clock& clock);
    [[nodiscard]] const Clock& clock() const;
    [[nodiscard]] bool isUnlocked() const;
    [[nodiscard]] std::optional<User> currentUser() const;

    /// Administrators only (or after unlocking with the recovery key).
    UserId addUser(const std::string& login, Role role, const std::string& passphrase);
    /// Administrators only: gives a user a new passphrase (re-wrapping the data key).
    void resetPassphrase(const std::string& login, const std::string& newPassphrase);
    /// The signed-in user changes their own passphrase.
    void changeOwnPassphrase(const std::string& oldPassphrase, const std::string& newPassphrase);
    [[nodiscard]] std::vector<User> users();
    /// Why a passphrase would be refused ("" when it is acceptable), so a form can say so
    /// at the field before anything is tried.
    [[nodiscard]] static std::string passphraseProblem(const std::string& passphrase);

    /// A carers' group may be linked to the treatment group whose men its carers support
    /// (the schema refuses any other link).
    GroupId addGroup(const std::string& name, GroupKind kind, const GroupSchedule& schedule = {},
                     std::optional<GroupId> linkedGroup = std::nullopt);
    [[nodiscard]] std::vector<Group> groups();

    /// Adds a new member to a group; the pseudonymous code is generated (R0001, R0002, ...).
    MemberId addMember(GroupId group, const std::string& name, Date joinedOn,
                       bool attendanceRequired = false);
    /// Everyone who has been a member of the group, including those who left.
    [[nodiscard]] std::vector<Member> membersOf(GroupId group);
    /// Records that a member left the group, when and why; kept as it was written.
    void recordLeaving(GroupId group, MemberId member, Date leftOn, const std::string& reason);
    /// Seals again, to the membership's key, the leaving reasons that builds before the server
    /// store sealed to the row's place in the file, which a server does not have (the text
    /// stays as it was; each rewrite is logged). For moving a file to a server
    /// (server::importFile); nothing to do on a server. Returns how many were sealed again.
    std::int64_t sealLeavingReasonsForServer();
    /// Records new identifying details; the earlier ones stay as history.
    void recordMemberDetails(MemberId member, const MemberDetails& details);
    [[nodiscard]] std::optional<MemberDetails> memberDetails(MemberId member);

    SessionId addSession(const NewSession& session);
    [[nodiscard]] std::vector<Session> sessionsOf(GroupId group);  ///< without activities
    [[nodiscard]] Session session(SessionId id);  ///< with activities and facilitators
    /// `notHeldReason` is required for didNotTakePlace and ignored otherwise. Recorded once:
    /// a session that is no longer planned is refused (StoreError).
    void setSessionStatus(SessionId id, SessionStatus status,
                          const std::string& notHeldReason = {});
    /// Corrects whether a session took place (a mistaken click, either way), with the reason.
    /// The first record and every correction stay; the newest counts. Audited.
    void correctSessionStatus(SessionId id, SessionStatus status, const std::string& reason);
    /// Adapts the plan of a session not yet delivered for its group (order, minutes, guidance
    /// added), saying why. The plan as made from the curriculum is kept; the newest counts.
    void adaptPlan(SessionId id, const std::vector<AdaptedActivity>& activities,
                   const std::string& reason);
    /// Who ran the session. Each difference from the current list is written as a new record
    /// (nothing recorded before is removed) and audited; the same list again writes nothing.
    void setFacilitatorsPresent(SessionId id, const std::vector<UserId>& facilitators);

    /// Records a new attendance mark; earlier marks are kept, the newest counts.
    void markAttendance(SessionId session, const AttendanceMark& mark);
    /// The newest mark of each member who has one.
    [[nodiscard]] std::vector<AttendanceMark> registerOf(SessionId session);

    /// Creates or replaces the draft note; a signed note is refused (by the schema too).
    void saveNoteDraft(SessionId session, MemberId member, const NoteContent& content);
    void signNote(SessionId session, MemberId member);
    /// Saves the content and signs it in one step (one transaction): what "Sign" does.
    void saveAndSignNote(SessionId session, MemberId member, const NoteContent& content);
    /// Adds a correction to a signed note, with the reason for it. Both stay on record.
    void amendNote(NoteId note, const std::string& text, const std::string& reason);
    [[nodiscard]] std::optional<ProgressNote> note(SessionId session, MemberId member);
    [[nodiscard]] std::vector<ProgressNote> notesOf(SessionId session);
    /// The notes owed at the group's sessions, oldest session first (one query).
    [[nodiscard]] std::vector<OwedNote> notesOwed(GroupId group);
    /// The groups at whose sessions `user` is recorded as a facilitator (one query).
    [[nodiscard]] std::vector<GroupId> groupsRunBy(UserId user);
    /// Every session of every group the member belongs to, oldest first, with his mark and
    /// note (three queries, whatever the length of the history).
    [[nodiscard]] std::vector<HistoryEntry> historyOf(MemberId member);
    /// The session of `member`'s newest note before `session` (held on an earlier day, or
    /// planned earlier on the same day), in any group; nullopt when he has none. Read it with
    /// session() and note(), which check the records.
    [[nodiscard]] std::optional<SessionId> sessionOfNoteBefore(MemberId member, SessionId session);

    /// Jots a few words against a member during a session (sealed like a note; not part of
    /// the record until taken into his note).
    std::int64_t addJotting(SessionId session, MemberId member, const std::string& text);
    /// The session's jottings not yet taken into a note, by member, oldest first.
    [[nodiscard]] std::vector<Jotting> jottingsOf(SessionId session);
    /// Adds the member's jottings to the end of his note's draft (made if he has none) and
    /// removes them, in one transaction; returns how many. With his note signed: refused, and
    /// the jottings stay.
    int takeJottingsIntoDraft(SessionId session, MemberId member);
    /// Keeps a new version of what the group did in the session (the same text again, or an
    /// empty first one, writes nothing).
    void saveSharedSection(SessionId session, const std::string& text);
    /// Its newest version, if written.
    [[nodiscard]] std::optional<SharedSection> sharedSectionOf(SessionId session);
    /// Keeps the signed-in user's phrase for `shortcut` (replacing the one it had; an empty
    /// text removes it; the same text again writes nothing). Only she sees her phrases.
    void savePhrase(const std::string& shortcut, const std::string& text);
    /// The signed-in user's phrases as they now stand, by shortcut (a damaged one under its
    /// own row, marked).
    [[nodiscard]] std::vector<UserPhrase> myPhrases();
    /// A member's mood (1-5) and optional word at the session's check-in; a later one for the
    /// same session corrects it.
    void recordCheckIn(SessionId session, MemberId member, int mood, const std::string& word);
    /// The newest check-in of each member at the session.
    [[nodiscard]] std::vector<CheckIn> checkInsAt(SessionId session);
    /// His newest check-in at each session, oldest session first.
    [[nodiscard]] std::vector<CheckIn> checkInsOf(MemberId member);
    /// Sets a between-sessions task for a member from the session's activity at
    /// `activityPosition`; set again, the new text replaces the one standing. Returns its id.
    std::int64_t setTask(SessionId session, MemberId member, int activityPosition,
                         const std::string& text);
    /// Records how a standing task went, at session `at`; a later record counts.
    void reviewTask(std::int64_t task, SessionId at, TaskOutcome outcome,
                    const std::string& comment);
    /// His standing tasks, oldest session first, each with how it went (the newest record).
    [[nodiscard]] std::vector<MemberTask> tasksOf(MemberId member);

    /// A clinical lead co-signs a signed note of someone else, or returns it to its author with
    /// a comment (required). Append-only, audited.
    void reviewNote(NoteId note, ReviewOutcome outcome, const std::string& comment);
    /// Signed notes, signed at or after `signedSince` (UTC, ISO 8601), that await review.
    [[nodiscard]] std::vector<NoteAwaitingReview> notesAwaitingReview(
        const std::string& signedSince);
    /// Notes of `author` returned by a reviewer and not yet answered with an amendment.
    [[nodiscard]] std::vector<ReturnedNote> notesReturnedTo(UserId author);

    ConcernId raiseConcern(const NewConcern& concern);
    ActionId addConcernAction(ConcernId concern, const std::string& action,
                              const std::string& owner, std::optional<Date> dueOn);
    /// A new status for an action, with a note of what happened; earlier updates are kept.
    void updateConcernAction(ActionId action, ActionStatus status, const std::string& note);
    /// Closes an open concern with its outcome (required): the facilitator's decision, never
    /// the actions'. Audited; the concern and its actions stay.
    void closeConcern(ConcernId concern, const std::string& outcome);
    /// Opens a closed concern again, with the reason; the outcome recorded before stays.
    void reopenConcern(ConcernId concern, const std::string& reason);
    [[nodiscard]] std::vector<Concern> concernsOf(MemberId member);
    /// Every concern still open, across the service, oldest first.
    [[nodiscard]] std::vector<Concern> openConcerns();

    /// Records a score (or, with `replaces` set, a correction of an earlier one).
    std::int64_t recordOutcomeScore(const OutcomeScore& score);
    /// Records several scores (each as recordOutcomeScore) in one transaction: all of them or,
    /// when one is refused or the disk fails, none. Returns their ids in order.
    std::vector<std::int64_t> recordOutcomeScores(const std::vector<OutcomeScore>& scores);
    /// A member's scores, without those that were corrected, by measure and date.
    [[nodiscard]] std::vector<OutcomeScore> outcomeScoresOf(MemberId member);

    /// Records that `member` reached one of the programme's milestones; or, with `withdraws`,
    /// withdraws that standing record of his as a mistake (`note` then says why). Audited.
    std::int64_t recordMilestone(MemberId member, const std::string& milestoneId, Date reachedOn,
                                 const std::string& note,
                                 std::optional<std::int64_t> withdraws = {});
    /// His milestone records, oldest first; a withdrawn one says so.
    [[nodiscard]] std::vector<Milestone> milestonesOf(MemberId member);

    /// Saves a new version of a member's relapse-prevention plan; returns its number.
    int saveRelapsePlan(MemberId member, const std::vector<PlanSection>& sections);
    /// The newest version, or the one asked for.
    [[nodiscard]] std::optional<RelapsePlan> relapsePlan(MemberId member,
                                                         std::optional<int> version = {});

    // The service's programme (format 7, ProgrammeRecords.cpp). Kept in clear (it is not
    // clinical) and authenticated like every record.

    /// Whether the programme has been stored (at the first sign-in; see practice/Curriculum.h).
    [[nodiscard]] bool hasProgramme();
    /// Stores a whole programme, each module published as the version its XML gives, in the
    /// signed-in user's name. Refused when the database already holds one.
    void storeProgramme(const std::string& manifest, const std::vector<ModuleText>& modules,
                        const std::vector<ProgrammePicture>& pictures, const std::string& summary);
    /// The newest manifest (programme.xml); throws StoreError when it was changed outside
    /// Roundtable.
    [[nodiscard]] std::string programmeManifest();
    /// Every pictogram, by name, each with its damage (if any).
    [[nodiscard]] std::vector<ProgrammePicture> programmePictures();
    /// Clinical leads only; a name is given once.
    void addPicture(const ProgrammePicture& picture);
    /// The modules the programme has ever held, in the order they were first stored.
    [[nodiscard]] std::vector<std::string> moduleIds();
    [[nodiscard]] ModuleHistory moduleHistory(const std::string& moduleId);
    [[nodiscard]] ModuleState moduleState(const std::string& moduleId);
    /// The first text of the module with this content hash: what a session stamped with it
    /// was planned from.
    [[nodiscard]] std::optional<ModuleRevision> moduleRevisionWithHash(
        const std::string& moduleId, const std::string& contentHash);
    /// Saves a new text of the module's draft (clinical leads only): its version must be the
    /// newest published + 1, and a draft waiting for review cannot change. `imported` records
    /// it as imported from a file. Returns the revision's id.
    std::int64_t saveModuleDraft(const ModuleText& text, bool imported = false);
    /// A step of the draft's change control (clinical leads only), with its summary or reason:
    /// sending for review needs a summary; returning and withdrawing, a reason; publishing is
    /// refused to an author of the draft unless the service allows it (kPublishOwnWork), and
    /// then needs a reason. Whether the draft's content may be sent is checked by the caller.
    void takeModuleStep(const std::string& moduleId, ModuleStep step, const std::string& summary);

    /// A service setting ("yes"): its one clinical lead may publish her own work.
    static constexpr const char* kPublishOwnWork = "clinical-leads-publish-own-work";
    /// Settings kept with the records (scope "service", administrators only; or
    /// "group:<id>"), each change a new row; the newest counts.
    void setRecordSetting(const std::string& scope, const std::string& name,
                          const std::string& value);
    [[nodiscard]] std::optional<RecordSetting> recordSetting(const std::string& scope,
                                                             const std::string& name);

    /// Makes a verified backup (see Backup.h), records it in the audit log and remembers
    /// when it was made. Needs a signed-in user.
    BackupResult backupTo(const std::filesystem::path& destination);
    /// When the last backup was made (UTC, ISO 8601), if ever.
    [[nodiscard]] std::optional<std::string> lastBackupAt();
    /// Puts a backup in place of the database at `database` (Restore.cpp). An administrator of
    /// the backup signs in to it with `login` and `passphrase`; the backup must pass
    /// integrity_check and verify(). Refused while any process has the database open, and when
    /// the backup is the database itself. The backup is copied beside the database, brought up
    /// to the current format if it is older, given a "restore-from-backup" event in its audit
    /// log, and renamed over the database only when complete: there is a whole database at the
    /// path at every moment. Throws StoreError and leaves the database as it was.
    static RestoreResult restore(const std::filesystem::path& backup,
                                 const std::filesystem::path& database, const std::string& login,
                                 const std::string& passphrase);

    /// Records in the audit log that a record was viewed, exported or printed.
    void recordAccess(Access access, const std::string& recordKind, std::int64_t recordId);
    /// A random id given to the database when it was created (copies of it share it): what
    /// this computer's memory of the newest log head it has seen is kept under.
    [[nodiscard]] std::string databaseId();
    /// The newest event of the audit log (readable while locked).
    [[nodiscard]] LogHead logHead();
    /// From now on mayHaveChanged hears of writes committed on other computers (a server
    /// announces each; a file cannot).
    void listenForChanges();
    /// Whether records may have been written since last asked, here or elsewhere, known
    /// without a query: on a server listening, whether a write was announced; otherwise
    /// always true (look at logHead). Throws ConnectionLost.
    [[nodiscard]] bool mayHaveChanged();
    /// Whether the log still reaches `seen` (a head read from it earlier, here or printed):
    /// "" when it does; otherwise a warning for the person, with the dates involved, that
    /// records are missing (an older copy was put back, or the log was cut). The warning is
    /// also recorded in the log (at the next sign-in, when the store is locked).
    [[nodiscard]] std::string checkReaches(const LogHead& seen);

    /// The public keys (hex) that every user's certificate leads back to: the recovery key's,
    /// and, in a database from before format 6, the key of the administrator who began its
    /// signed log. Each computer remembers them (practice/SeenLogHeads), so that keys put in
    /// their place are noticed. Readable while locked.
    [[nodiscard]] std::vector<std::string> trustRoots();

    /// Recomputes the audit chain: reports the first row that was altered, removed or
    /// reordered. Needs the store unlocked (the chain is keyed by the data key).
    [[nodiscard]] AuditCheck verifyAudit();
    /// Checks the whole database: the audit log's chain, and every record (each column of
    /// each row of every clinical table) against the newest tag the log holds for it, so a
    /// record changed, moved, replaced, added or deleted outside Roundtable is named.
    [[nodiscard]] VerifyReport verify();

    /// The memory that holds the data key (valid while the store lives), so tests can show
    /// that lock() zeroes it. Empty when no key was ever loaded.
    [[nodiscard]] std::span<const unsigned char> keyMemoryForTests() const;

    /// What a modified client run by the signed-in user could do, for the tests that show it
    /// is noticed: runs `sql` as her write, tagged, logged and signed in her name like any.
    void writeForTests(const std::string& sql);
    /// What someone holding the data key could do after deleting events (triggers dropped):
    /// numbers the log's events afresh and recomputes its whole chain, so the chain is intact.
    void rechainLogForTests();

  private:
    struct Impl;
    explicit RecordStore(std::unique_ptr<Impl> impl);
    /// A new store's first transaction, after `makeSchema`: keys, the signed log and the first
    /// administrator, signed in.
    static CreatedDatabase begin(std::unique_ptr<Impl> impl, const NewDatabase& setup,
                                 void (*makeSchema)(Impl&));
    std::unique_ptr<Impl> impl_;
};

struct CreatedDatabase {
    RecordStore store;
    /// Shown once to the person creating the database; it is not stored anywhere.
    std::string recoveryKey;
    /// The recovery key's public signing key (hex): printed with it, so that the key every
    /// certificate leads back to can be checked on paper (trustRoots()).
    std::string recoveryPublicKey;
};

}  // namespace roundtable::records
