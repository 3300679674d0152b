// Running a session and the notes round (data format 9, issue 14): corrections of whether a
// session took place, plans adapted for a group, jottings, the shared section of a session's
// notes, check-ins and between-sessions tasks. Everything but jottings is append-only: a change
// is a new row and the newest counts.
#include <algorithm>

#include "records/StoreImpl.h"
#include "text/Translate.h"

namespace roundtable::records {

void RecordStore::correctSessionStatus(SessionId id, SessionStatus status,
                                       const std::string& reason) {
    auto user = impl_->signedInUser();
    if (status == SessionStatus::planned)
        throw StoreError(
            text::tr("A session is corrected to \"took place\" or \"did not take "
                     "place\"."));
    if (reason.empty())
        throw StoreError(text::tr("Please say why whether the session took place is corrected."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto current = session(id);
    if (current.status == SessionStatus::planned) {
        throw StoreError(
            text::tr("Whether this session took place is not recorded yet: record "
                     "it, there is nothing to correct."));
    }
    if (current.status == status)
        throw StoreError(text::tr("The session is already recorded that way."));
    auto row = impl_->nextId("session_status_corrections");
    db.prepare(
          "INSERT INTO session_status_corrections (id, session_id, status, reason, "
          "corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, row)
        .bind(2, id)
        .bind(3, std::string(toText(status)))
        .bindBlob(4, impl_->seal("session_status_corrections", "reason", row, reason))
        .bind(5, user)
        .bind(6, impl_->nowUtc())
        .run();
    impl_->audit(std::string("correct-session-") + toText(status), "session", id);
    transaction.commit();
}

void RecordStore::Impl::addSessionHistory(Session& session) {
    auto corrections = db.prepare(
        "SELECT c.id, c.status, c.reason, COALESCE(u.login, ''), c.corrected_at FROM "
        "session_status_corrections c LEFT JOIN users u ON u.id = c.corrected_by "
        "WHERE c.session_id = ? ORDER BY c.id");
    corrections.bind(1, session.id);
    while (corrections.step()) {
        StatusCorrection correction;
        correction.id = corrections.integer(0);
        noteDamage(correction.damage, "session_status_corrections", correction.id);
        correction.status = sessionStatusFrom(corrections.text(1));
        correction.reason = open(correction.damage, "session_status_corrections", "reason",
                                 correction.id, corrections.blob(2));
        correction.correctedBy = corrections.text(3);
        correction.correctedAt = corrections.text(4);
        if (session.damage.empty())
            session.damage = correction.damage;  // its history cannot be relied on either
        session.statusCorrections.push_back(std::move(correction));
    }
    auto adaptation = db.prepare(
        "SELECT a.id, a.reason, COALESCE(u.login, ''), a.made_at FROM plan_adaptations a "
        "LEFT JOIN users u ON u.id = a.made_by WHERE a.session_id = ? ORDER BY a.id DESC LIMIT 1");
    adaptation.bind(1, session.id);
    if (!adaptation.step())
        return;
    PlanAdaptation newest;
    newest.id = adaptation.integer(0);
    noteDamage(newest.damage, "plan_adaptations", newest.id);
    newest.reason =
        open(newest.damage, "plan_adaptations", "reason", newest.id, adaptation.blob(1));
    newest.madeBy = adaptation.text(2);
    newest.madeAt = adaptation.text(3);
    auto activities = db.prepare(
        "SELECT position, planned_position, minutes, added_guidance FROM "
        "adapted_activities WHERE adaptation_id = ? ORDER BY position");
    activities.bind(1, newest.id);
    while (activities.step()) {
        noteDamage(newest.damage, "adapted_activities", {newest.id, activities.integer(0)});
        auto place = std::to_string(newest.id) + "." + activities.text(0);
        newest.activities.push_back({static_cast<int>(activities.integer(1)),
                                     static_cast<int>(activities.integer(2)),
                                     open(newest.damage, "adapted_activities", "added_guidance",
                                          place, activities.blob(3))});
    }
    if (session.damage.empty())
        session.damage = newest.damage;  // the plan as it stands cannot be relied on
    session.adaptation = std::move(newest);
}

void RecordStore::adaptPlan(SessionId id, const std::vector<AdaptedActivity>& activities,
                            const std::string& reason) {
    auto user = impl_->signedInUser();
    if (reason.empty())
        throw StoreError(text::tr("Please say why the plan is adapted for this group."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto current = session(id);
    if (current.status != SessionStatus::planned)
        throw StoreError(text::tr("Only the plan of a session not yet delivered is adapted."));
    // Each planned activity once, at most: an adaptation reorders, times and adds guidance; it
    // does not invent activities the curriculum does not have.
    std::vector<int> seen;
    for (const auto& activity : activities) {
        bool known = activity.plannedPosition >= 1 &&
                     activity.plannedPosition <= static_cast<int>(current.activities.size());
        if (!known || std::find(seen.begin(), seen.end(), activity.plannedPosition) != seen.end())
            throw StoreError(text::tr("An adapted plan has each planned activity once at most."));
        if (activity.minutes <= 0)
            throw StoreError(text::tr("Each activity of an adapted plan takes a minute or more."));
        seen.push_back(activity.plannedPosition);
    }
    if (activities.empty())
        throw StoreError(text::tr("An adapted plan keeps at least one activity."));
    auto row = impl_->nextId("plan_adaptations");
    db.prepare(
          "INSERT INTO plan_adaptations (id, session_id, reason, made_by, made_at) "
          "VALUES (?, ?, ?, ?, ?)")
        .bind(1, row)
        .bind(2, id)
        .bindBlob(3, impl_->seal("plan_adaptations", "reason", row, reason))
        .bind(4, user)
        .bind(5, impl_->nowUtc())
        .run();
    auto insert = db.prepare(
        "INSERT INTO adapted_activities (adaptation_id, position, planned_position, minutes, "
        "added_guidance) VALUES (?, ?, ?, ?, ?)");
    int position = 0;
    for (const auto& activity : activities) {
        ++position;
        auto place = std::to_string(row) + "." + std::to_string(position);
        insert.bind(1, row)
            .bind(2, position)
            .bind(3, activity.plannedPosition)
            .bind(4, activity.minutes)
            .bindBlob(5, impl_->seal("adapted_activities", "added_guidance", place,
                                     activity.addedGuidance))
            .run();
        insert.reset();
    }
    impl_->audit("adapt-plan", "session", id);
    transaction.commit();
}

std::int64_t RecordStore::addJotting(SessionId session, MemberId member, const std::string& text) {
    auto user = impl_->signedInUser();
    if (trimmed(text).empty())
        throw StoreError(text::tr("Please write a few words to jot down."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto id = impl_->nextId("jottings");
    db.prepare(
          "INSERT INTO jottings (id, session_id, member_id, text, written_by, written_at) "
          "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, session)
        .bind(3, member)
        .bindBlob(4, impl_->seal("jottings", "text", id, text))
        .bind(5, user)
        .bind(6, impl_->nowUtc())
        .run();
    impl_->audit("jot", "session", session);
    transaction.commit();
    return id;
}

std::vector<Jotting> RecordStore::jottingsOf(SessionId session) {
    impl_->key();
    std::vector<Jotting> result;
    auto query = impl_->db.prepare(
        "SELECT id, member_id, text, written_at FROM jottings WHERE session_id = ? "
        "ORDER BY member_id, id");
    query.bind(1, session);
    while (query.step()) {
        Jotting jotting;
        jotting.id = query.integer(0);
        impl_->noteDamage(jotting.damage, "jottings", jotting.id);
        jotting.memberId = query.integer(1);
        jotting.text = impl_->open(jotting.damage, "jottings", "text", jotting.id, query.blob(2));
        jotting.writtenAt = query.text(3);
        result.push_back(std::move(jotting));
    }
    return result;
}

int RecordStore::takeJottingsIntoDraft(SessionId session, MemberId member) {
    auto user = impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    std::vector<Jotting> jottings = jottingsOf(session);
    std::erase_if(jottings, [&](const Jotting& j) { return j.memberId != member; });
    if (jottings.empty())
        return 0;
    for (const auto& jotting : jottings) {
        if (!jotting.damage.empty())
            throw StoreError(jotting.damage);
    }
    auto existing = note(session, member);
    if (existing && existing->state == NoteState::signedOff)
        throw StoreError(text::tr("His note is signed: the jottings stay where they are."));
    if (existing && !existing->damage.empty())
        throw StoreError(existing->damage);
    NoteContent content = existing ? existing->content : NoteContent{};
    for (const auto& jotting : jottings) {
        if (!content.text.empty())
            content.text += "\n";
        content.text += jotting.text;
    }
    auto noteId = impl_->writeNote(session, member, content, user, false);
    auto remove = db.prepare("DELETE FROM jottings WHERE id = ?");
    for (const auto& jotting : jottings) {
        remove.bind(1, jotting.id).run();
        remove.reset();
    }
    impl_->audit("use-jottings", "progress-note", noteId);
    transaction.commit();
    return static_cast<int>(jottings.size());
}

void RecordStore::saveSharedSection(SessionId session, const std::string& text) {
    auto user = impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto current = sharedSectionOf(session);
    if (current ? current->text == text : trimmed(text).empty())
        return;  // nothing new to keep
    auto id = impl_->nextId("shared_sections");
    db.prepare(
          "INSERT INTO shared_sections (id, session_id, text, written_by, written_at) "
          "VALUES (?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, session)
        .bindBlob(3, impl_->seal("shared_sections", "text", id, text))
        .bind(4, user)
        .bind(5, impl_->nowUtc())
        .run();
    impl_->audit("write-shared-section", "session", session);
    transaction.commit();
}

std::optional<SharedSection> RecordStore::sharedSectionOf(SessionId session) {
    impl_->key();
    auto query = impl_->db.prepare(
        "SELECT s.id, s.text, COALESCE(u.login, ''), s.written_at FROM shared_sections s "
        "LEFT JOIN users u ON u.id = s.written_by WHERE s.session_id = ? "
        "ORDER BY s.id DESC LIMIT 1");
    query.bind(1, session);
    if (!query.step())
        return std::nullopt;
    SharedSection section;
    section.id = query.integer(0);
    impl_->noteDamage(section.damage, "shared_sections", section.id);
    section.text =
        impl_->open(section.damage, "shared_sections", "text", section.id, query.blob(1));
    section.writtenBy = query.text(2);
    section.writtenAt = query.text(3);
    return section;
}

void RecordStore::recordCheckIn(SessionId session, MemberId member, int mood,
                                const std::string& word) {
    auto user = impl_->signedInUser();
    if (mood < 1 || mood > 5)
        throw StoreError(text::tr("A check-in's mood is one of the five pictures."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto id = impl_->nextId("check_ins");
    db.prepare(
          "INSERT INTO check_ins (id, session_id, member_id, mood, word, recorded_by, "
          "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, session)
        .bind(3, member)
        .bind(4, mood)
        .bindBlob(5, impl_->seal("check_ins", "word", id, word))
        .bind(6, user)
        .bind(7, impl_->nowUtc())
        .run();
    impl_->audit("record-check-in", "member", member);
    transaction.commit();
}

std::vector<CheckIn> RecordStore::Impl::readCheckIns(const std::string& where, std::int64_t value) {
    // The newest check-in of each member at each session counts: an earlier one was corrected.
    auto query = db.prepare(
        "SELECT c.id, c.session_id, c.member_id, c.mood, c.word, c.recorded_at FROM check_ins c "
        "JOIN sessions s ON s.id = c.session_id WHERE " +
        where +
        " AND c.id = (SELECT MAX(id) FROM check_ins d WHERE d.session_id = c.session_id AND "
        "d.member_id = c.member_id) ORDER BY s.session_date, s.id, c.member_id");
    query.bind(1, value);
    std::vector<CheckIn> result;
    while (query.step()) {
        CheckIn checkIn;
        checkIn.id = query.integer(0);
        noteDamage(checkIn.damage, "check_ins", checkIn.id);
        checkIn.sessionId = query.integer(1);
        checkIn.memberId = query.integer(2);
        checkIn.mood = static_cast<int>(query.integer(3));
        checkIn.word = open(checkIn.damage, "check_ins", "word", checkIn.id, query.blob(4));
        checkIn.recordedAt = query.text(5);
        result.push_back(std::move(checkIn));
    }
    return result;
}

std::vector<CheckIn> RecordStore::checkInsAt(SessionId session) {
    impl_->key();
    return impl_->readCheckIns("c.session_id = ?", session);
}

std::vector<CheckIn> RecordStore::checkInsOf(MemberId member) {
    impl_->key();
    return impl_->readCheckIns("c.member_id = ?", member);
}

std::int64_t RecordStore::setTask(SessionId session, MemberId member, int activityPosition,
                                  const std::string& text) {
    auto user = impl_->signedInUser();
    if (trimmed(text).empty())
        throw StoreError(text::tr("Please write the task."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    // The same task set again for him (a changed text) replaces the one standing.
    auto standing = db.prepare(
        "SELECT t.id FROM member_tasks t WHERE t.session_id = ? AND t.member_id = ? AND "
        "t.activity_position = ? AND NOT EXISTS (SELECT 1 FROM member_tasks r WHERE "
        "r.replaces_id = t.id)");
    standing.bind(1, session).bind(2, member).bind(3, activityPosition);
    std::optional<std::int64_t> replaces;
    if (standing.step())
        replaces = standing.integer(0);
    auto id = impl_->nextId("member_tasks");
    db.prepare(
          "INSERT INTO member_tasks (id, session_id, member_id, activity_position, text, "
          "replaces_id, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, session)
        .bind(3, member)
        .bind(4, activityPosition)
        .bindBlob(5, impl_->seal("member_tasks", "text", id, text))
        .bind(6, replaces)
        .bind(7, user)
        .bind(8, impl_->nowUtc())
        .run();
    impl_->audit(replaces ? "change-task" : "set-task", "member", member);
    transaction.commit();
    return id;
}

void RecordStore::reviewTask(std::int64_t task, SessionId at, TaskOutcome outcome,
                             const std::string& comment) {
    auto user = impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto found = db.prepare(
        "SELECT member_id FROM member_tasks t WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "
        "member_tasks r WHERE r.replaces_id = t.id)");
    found.bind(1, task);
    if (!found.step())
        throw StoreError(text::tr("There is no such task standing."));
    auto member = found.integer(0);
    auto id = impl_->nextId("task_reviews");
    db.prepare(
          "INSERT INTO task_reviews (id, task_id, session_id, outcome, comment, recorded_by, "
          "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, task)
        .bind(3, at)
        .bind(4, std::string(toText(outcome)))
        .bindBlob(5, impl_->seal("task_reviews", "comment", id, comment))
        .bind(6, user)
        .bind(7, impl_->nowUtc())
        .run();
    impl_->audit("review-task", "member", member);
    transaction.commit();
}

std::vector<MemberTask> RecordStore::tasksOf(MemberId member) {
    impl_->key();
    auto& db = impl_->db;
    std::vector<MemberTask> result;
    auto tasks = db.prepare(
        "SELECT t.id, t.session_id, t.activity_position, t.text, t.set_at FROM member_tasks t "
        "JOIN sessions s ON s.id = t.session_id WHERE t.member_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM member_tasks r WHERE r.replaces_id = t.id) "
        "ORDER BY s.session_date, s.id, t.activity_position");
    tasks.bind(1, member);
    while (tasks.step()) {
        MemberTask task;
        task.id = tasks.integer(0);
        impl_->noteDamage(task.damage, "member_tasks", task.id);
        task.sessionId = tasks.integer(1);
        task.memberId = member;
        task.activityPosition = static_cast<int>(tasks.integer(2));
        task.text = impl_->open(task.damage, "member_tasks", "text", task.id, tasks.blob(3));
        task.setAt = tasks.text(4);
        result.push_back(std::move(task));
    }
    auto reviews = db.prepare(
        "SELECT v.id, v.task_id, v.session_id, v.outcome, v.comment, v.recorded_at FROM "
        "task_reviews v JOIN member_tasks t ON t.id = v.task_id WHERE t.member_id = ? "
        "ORDER BY v.id");
    reviews.bind(1, member);
    while (reviews.step()) {
        auto task = std::find_if(result.begin(), result.end(),
                                 [&](const MemberTask& t) { return t.id == reviews.integer(1); });
        if (task == result.end())
            continue;  // a review of a task since replaced
        TaskReview review;
        review.id = reviews.integer(0);
        impl_->noteDamage(review.damage, "task_reviews", review.id);
        review.sessionId = reviews.integer(2);
        review.outcome = taskOutcomeFrom(reviews.text(3));
        review.comment =
            impl_->open(review.damage, "task_reviews", "comment", review.id, reviews.blob(4));
        review.recordedAt = reviews.text(5);
        task->review = std::move(review);  // the newest counts
    }
    return result;
}

}  // namespace roundtable::records
