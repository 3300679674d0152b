// Progress notes: drafts with their structured fields and ratings, signing (with late-entry
// stamping), amendments to signed notes, and reading them back.
#include <algorithm>

#include "records/StoreImpl.h"
#include "text/Translate.h"

namespace roundtable::records {

bool RecordStore::Impl::signingIsLate(SessionId session) {
    auto date = db.cached("SELECT session_date FROM sessions WHERE id = ?");
    date->bind(1, session);
    if (!date->step())
        return false;
    auto sessionDate = Date::fromIso(date->text(0));
    return sessionDate && localDate(*clock) > *sessionDate;
}

NoteId RecordStore::Impl::writeNote(SessionId session, MemberId member, const NoteContent& content,
                                    UserId author, bool sign) {
    std::optional<NoteId> existing;
    {
        auto find = db.cached(
            "SELECT id, state FROM progress_notes WHERE session_id = ? AND member_id = ?");
        find->bind(1, session).bind(2, member);
        if (find->step()) {
            if (find->text(1) == "signed")
                throw StoreError(
                    text::tr("This progress note is signed, so it cannot be changed."));
            existing = find->integer(0);
        }
    }
    const NoteId id = existing ? *existing : NoteId(nextId("progress_notes"));
    // Ratings can only be written while the note is a draft (a trigger guards signed notes),
    // so a note with ratings is written as a draft first and signed after them.
    bool signNow = sign && content.ratings.empty();
    auto now = nowUtc();
    auto write =
        existing ? db.cached(
                       "UPDATE progress_notes SET text = ?1, author = ?2, updated_at = ?3, "
                       "participation = ?4, concern_raised = ?5, state = ?6, signed_at = ?7, "
                       "late_entry = ?8 WHERE id = ?9")
                 : db.cached(
                       "INSERT INTO progress_notes (text, author, updated_at, participation, "
                       "concern_raised, state, signed_at, late_entry, id, session_id, member_id) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    write->bindBlob(1, seal("progress_notes", "text", id, content.text))
        .bind(2, author)
        .bind(3, now)
        .bind(5, content.concernRaised ? 1 : 0)
        .bind(6, std::string(signNow ? "signed" : "draft"))
        .bind(8, signNow && signingIsLate(session) ? 1 : 0)
        .bind(9, id);
    if (content.participation != Participation::notRecorded)
        write->bind(4, std::string(toText(content.participation)));
    if (signNow)
        write->bind(7, now);
    if (!existing)
        write->bind(10, session).bind(11, member);
    write->run();

    if (existing)
        db.cached("DELETE FROM note_ratings WHERE note_id = ?")->bind(1, id).run();
    for (const auto& rating : content.ratings) {
        db.cached("INSERT INTO note_ratings (note_id, indicator_id, rating) VALUES (?, ?, ?)")
            ->bind(1, id)
            .bind(2, rating.indicatorId)
            .bind(3, rating.rating)
            .run();
    }
    if (sign && !signNow)
        markSigned(id, session);
    return id;
}

void RecordStore::Impl::markSigned(NoteId id, SessionId session) {
    auto now = nowUtc();
    db.cached(
          "UPDATE progress_notes SET state = 'signed', updated_at = ?, signed_at = ?, "
          "late_entry = ? WHERE id = ?")
        ->bind(1, now)
        .bind(2, now)
        .bind(3, signingIsLate(session) ? 1 : 0)
        .bind(4, id)
        .run();
}

ProgressNote RecordStore::Impl::readNote(const db::Statement& row) {
    ProgressNote note;
    note.id = row.integer(5);
    note.sessionId = row.integer(0);
    note.memberId = row.integer(1);
    noteDamage(note.damage, "progress_notes", note.id);
    note.content.text = open(note.damage, "progress_notes", "text", note.id, row.blob(2));
    note.content.participation = participationFrom(row.text(8));
    note.content.concernRaised = row.integer(9) == 1;
    note.state = noteStateFrom(row.text(3));
    note.author = row.text(10);
    note.updatedAt = row.text(4);
    note.signedAt = row.text(6);
    note.lateEntry = row.integer(7) == 1;
    return note;
}

void RecordStore::saveNoteDraft(SessionId session, MemberId member, const NoteContent& content) {
    auto user = impl_->signedInUser();
    db::Transaction transaction(impl_->db);
    auto id = impl_->writeNote(session, member, content, user, false);
    impl_->audit("save-note", "progress-note", id);
    transaction.commit();
}

void RecordStore::signNote(SessionId session, MemberId member) {
    impl_->signedInUser();
    db::Transaction transaction(impl_->db);
    auto find = impl_->db.prepare(
        "SELECT id FROM progress_notes WHERE session_id = ? AND member_id = ? AND state = 'draft'");
    find.bind(1, session).bind(2, member);
    if (!find.step())
        throw StoreError(text::tr("There is no draft note to sign for this member."));
    auto id = find.integer(0);
    impl_->markSigned(id, session);
    impl_->audit("sign-note", "progress-note", id);
    transaction.commit();
}

void RecordStore::saveAndSignNote(SessionId session, MemberId member, const NoteContent& content) {
    auto user = impl_->signedInUser();
    // One transaction (one fsync) for the text, the signature and the audit row.
    db::Transaction transaction(impl_->db);
    auto id = impl_->writeNote(session, member, content, user, true);
    impl_->audit("sign-note", "progress-note", id);
    transaction.commit();
}

void RecordStore::amendNote(NoteId note, const std::string& text, const std::string& reason) {
    auto user = impl_->signedInUser();
    if (text.empty())
        throw StoreError(text::tr("Please write the correction."));
    if (reason.empty())
        throw StoreError(text::tr("Please say why the note is being corrected."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto state = db.prepare("SELECT state FROM progress_notes WHERE id = ?");
    state.bind(1, note);
    if (!state.step())
        throw StoreError(text::tr("There is no such progress note."));
    if (state.text(0) != "signed")
        throw StoreError(text::tr("This note is still a draft: change it instead of amending it."));
    auto id = impl_->nextId("note_amendments");
    db.prepare(
          "INSERT INTO note_amendments (id, note_id, text, reason, author, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, note)
        .bindBlob(3, impl_->seal("note_amendments", "text", id, text))
        .bindBlob(4, impl_->seal("note_amendments", "reason", id, reason))
        .bind(5, user)
        .bind(6, impl_->nowUtc())
        .run();
    impl_->audit("amend-note", "progress-note", note);
    transaction.commit();
}

void RecordStore::reviewNote(NoteId note, ReviewOutcome outcome, const std::string& comment) {
    auto user = impl_->signedInUser();
    if (impl_->user->role != Role::clinicalLead)
        throw StoreError(text::tr("Notes are reviewed by a clinical lead."));
    if (outcome == ReviewOutcome::returned && comment.empty())
        throw StoreError(text::tr("Say what the author should look at again."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto found = db.prepare("SELECT state, author FROM progress_notes WHERE id = ?");
    found.bind(1, note);
    if (!found.step())
        throw StoreError(text::tr("There is no such progress note."));
    if (found.text(0) != "signed")
        throw StoreError(text::tr("Only a signed note is reviewed."));
    if (found.integer(1) == user)
        throw StoreError(text::tr("A note is reviewed by someone other than its author."));
    auto id = impl_->nextId("note_reviews");
    db.prepare(
          "INSERT INTO note_reviews (id, note_id, outcome, comment, reviewed_by, reviewed_at) "
          "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, note)
        .bind(3, std::string(toText(outcome)))
        .bindBlob(4, impl_->seal("note_reviews", "comment", id, comment))
        .bind(5, user)
        .bind(6, impl_->nowUtc())
        .run();
    impl_->audit(outcome == ReviewOutcome::returned ? "return-note" : "co-sign-note",
                 "progress-note", note);
    transaction.commit();
}

namespace {
// A note's newest review, and whether its author amended the note after it (an amendment made in
// the same second counts as after: the author cannot answer before reading the return).
constexpr const char* kNewestReview =
    "r.id = (SELECT MAX(id) FROM note_reviews WHERE note_id = n.id)";
constexpr const char* kAmendedSince =
    "EXISTS (SELECT 1 FROM note_amendments a WHERE a.note_id = n.id AND a.created_at >= "
    "r.reviewed_at)";
}  // namespace

std::vector<NoteAwaitingReview> RecordStore::notesAwaitingReview(const std::string& signedSince) {
    impl_->key();
    auto query = impl_->db.prepare(
        std::string("SELECT n.id, n.session_id, n.member_id, s.group_id, s.session_date, "
                    "COALESCE(u.login, ''), n.signed_at, r.id FROM progress_notes n "
                    "JOIN sessions s ON s.id = n.session_id "
                    "LEFT JOIN users u ON u.id = n.author "
                    "LEFT JOIN note_reviews r ON r.note_id = n.id AND ") +
        kNewestReview +
        " WHERE n.state = 'signed' AND n.signed_at >= ? AND (r.id IS NULL OR "
        "(r.outcome = 'returned' AND " +
        kAmendedSince + ")) ORDER BY n.signed_at, n.id");
    query.bind(1, signedSince);
    std::vector<NoteAwaitingReview> result;
    while (query.step()) {
        NoteAwaitingReview note{
            query.integer(0), query.integer(1), query.integer(2), query.integer(3), {},
            query.text(5),    query.text(6),    !query.isNull(7)};
        impl_->noteDamage(note.damage, "progress_notes", note.note);
        impl_->noteDamage(note.damage, "sessions", note.session);
        note.sessionDate = impl_->readDate(note.damage, query, 4).value_or(Date{});
        if (note.answered)
            impl_->noteDamage(note.damage, "note_reviews", query.integer(7));
        result.push_back(std::move(note));
    }
    return result;
}

std::vector<ReturnedNote> RecordStore::notesReturnedTo(UserId author) {
    impl_->key();
    auto query = impl_->db.prepare(
        // From the reviews (few) to their notes, not through every note of the service: this
        // is asked at every look at the home page. SQLite keeps a CROSS JOIN's order; the join's
        // terms are in WHERE, where PostgreSQL accepts them too.
        std::string("SELECT n.id, n.session_id, n.member_id, s.group_id, s.session_date, r.id, "
                    "r.comment, COALESCE(u.login, ''), r.reviewed_at FROM note_reviews r "
                    "CROSS JOIN progress_notes n "
                    "JOIN sessions s ON s.id = n.session_id "
                    "LEFT JOIN users u ON u.id = r.reviewed_by WHERE n.id = r.note_id AND ") +
        kNewestReview + " AND n.author = ? AND r.outcome = 'returned' AND NOT " + kAmendedSince +
        " ORDER BY r.reviewed_at, r.id");
    query.bind(1, author);
    std::vector<ReturnedNote> result;
    while (query.step()) {
        ReturnedNote note{
            query.integer(0), query.integer(1), query.integer(2), query.integer(3), {}, {}};
        auto reviewId = query.integer(5);
        impl_->noteDamage(note.damage, "progress_notes", note.note);
        impl_->noteDamage(note.damage, "note_reviews", reviewId);
        note.sessionDate = impl_->readDate(note.damage, query, 4).value_or(Date{});
        note.review = {reviewId, ReviewOutcome::returned,
                       impl_->open(note.damage, "note_reviews", "comment", reviewId, query.blob(6)),
                       query.text(7), query.text(8)};
        result.push_back(std::move(note));
    }
    return result;
}

void RecordStore::Impl::addRatingsAndAmendments(std::vector<ProgressNote>& notes,
                                                const std::string& noteFilter, std::int64_t value) {
    // Two queries for all the notes, not two per note: reading every note of a service (a
    // search) calls this for each of its thousands of sessions.
    auto find = [&](NoteId id) -> ProgressNote* {
        for (auto& note : notes) {
            if (note.id == id)
                return &note;
        }
        return nullptr;
    };
    {
        auto ratings = db.cached(
            "SELECT r.note_id, r.indicator_id, r.rating FROM note_ratings r "
            "JOIN progress_notes n "
            "ON n.id = r.note_id WHERE " +
            noteFilter + " ORDER BY r.note_id, r.indicator_id");
        ratings->bind(1, value);
        while (ratings->step()) {
            if (auto* note = find(ratings->integer(0))) {
                noteDamage(note->damage, "note_ratings", {ratings->integer(0), ratings->text(1)});
                note->content.ratings.push_back(
                    {ratings->text(1), static_cast<int>(ratings->integer(2))});
            }
        }
    }
    auto amendments = db.cached(
        "SELECT a.note_id, a.id, a.text, a.reason, COALESCE(u.login, ''), a.created_at "
        "FROM note_amendments a JOIN progress_notes n ON n.id = a.note_id "
        "LEFT JOIN users u ON u.id = a.author WHERE " +
        noteFilter + " ORDER BY a.id");
    amendments->bind(1, value);
    while (amendments->step()) {
        if (auto* note = find(amendments->integer(0))) {
            auto id = amendments->integer(1);
            auto& damage = note->damage;
            noteDamage(damage, "note_amendments", id);
            note->amendments.push_back(
                {id, open(damage, "note_amendments", "text", id, amendments->blob(2)),
                 open(damage, "note_amendments", "reason", id, amendments->blob(3)),
                 amendments->text(4), amendments->text(5)});
        }
    }
    auto reviews = db.cached(
        "SELECT r.note_id, r.id, r.outcome, r.comment, COALESCE(u.login, ''), r.reviewed_at "
        "FROM note_reviews r JOIN progress_notes n ON n.id = r.note_id "
        "LEFT JOIN users u ON u.id = r.reviewed_by WHERE " +
        noteFilter + " ORDER BY r.id");
    reviews->bind(1, value);
    while (reviews->step()) {
        if (auto* note = find(reviews->integer(0))) {
            auto id = reviews->integer(1);
            noteDamage(note->damage, "note_reviews", id);
            note->reviews.push_back(
                {id, reviewOutcomeFrom(reviews->text(2)),
                 open(note->damage, "note_reviews", "comment", id, reviews->blob(3)),
                 reviews->text(4), reviews->text(5)});
        }
    }
}

std::optional<ProgressNote> RecordStore::note(SessionId session, MemberId member) {
    impl_->key();
    auto query =
        impl_->db.prepare(std::string(kNoteColumns) + "WHERE n.session_id = ? AND n.member_id = ?");
    query.bind(1, session).bind(2, member);
    if (!query.step())
        return std::nullopt;
    std::vector<ProgressNote> found{impl_->readNote(query)};
    impl_->addRatingsAndAmendments(found, "n.session_id = ?", session);
    return std::move(found.front());
}

std::optional<SessionId> RecordStore::sessionOfNoteBefore(MemberId member, SessionId session) {
    impl_->key();
    auto query = impl_->db.prepare(
        "SELECT n.session_id FROM progress_notes n JOIN sessions s ON s.id = n.session_id "
        "JOIN sessions cur ON cur.id = ? WHERE n.member_id = ? AND (s.session_date < "
        "cur.session_date OR (s.session_date = cur.session_date AND s.id < cur.id)) "
        "ORDER BY s.session_date DESC, s.id DESC LIMIT 1");
    query.bind(1, session).bind(2, member);
    if (!query.step())
        return std::nullopt;
    return SessionId(query.integer(0));
}

std::vector<ProgressNote> RecordStore::notesOf(SessionId session) {
    impl_->key();
    std::vector<ProgressNote> result;
    auto query = impl_->db.prepare(std::string(kNoteColumns) +
                                   "WHERE n.session_id = ? ORDER BY n.member_id");
    query.bind(1, session);
    while (query.step())
        result.push_back(impl_->readNote(query));
    impl_->addRatingsAndAmendments(result, "n.session_id = ?", session);
    return result;
}

std::vector<OwedNote> RecordStore::notesOwed(GroupId group) {
    impl_->key();
    std::vector<OwedNote> owed;
    auto query = impl_->db.prepare(
        "SELECT s.id, a.member_id, a.id, n.id, COALESCE(u.login, '') FROM sessions s "
        "JOIN attendance_marks a ON a.session_id = s.id AND a.id = (SELECT MAX(b.id) FROM "
        "attendance_marks b WHERE b.session_id = s.id AND b.member_id = a.member_id) "
        "LEFT JOIN progress_notes n ON n.session_id = s.id AND n.member_id = a.member_id "
        "LEFT JOIN users u ON u.id = n.author "
        "WHERE s.group_id = ? AND " +
        std::string(kSessionStatusNow) +
        " = 'took-place' "
        "AND a.status IN ('attended', 'late', 'left-early') "
        "AND (n.id IS NULL OR n.state = 'draft') ORDER BY s.session_date, s.id, a.member_id");
    query.bind(1, group);
    while (query.step()) {
        OwedNote note{query.integer(0), query.integer(1), std::nullopt};
        impl_->noteDamage(note.damage, "sessions", note.session);
        impl_->noteDamage(note.damage, "attendance_marks", query.integer(2));
        if (!query.isNull(3)) {
            impl_->noteDamage(note.damage, "progress_notes", query.integer(3));
            note.draftBy = query.text(4);
        }
        owed.push_back(std::move(note));
    }
    return owed;
}

std::vector<HistoryEntry> RecordStore::historyOf(MemberId member) {
    impl_->key();
    auto& db = impl_->db;
    std::vector<HistoryEntry> history;
    {
        auto sessions = db.prepare(std::string(kSessionColumns) +
                                   "JOIN memberships m ON m.group_id = s.group_id "
                                   "WHERE m.member_id = ? ORDER BY s.session_date, s.id");
        sessions.bind(1, member);
        std::vector<Session> found;
        while (sessions.step())
            found.push_back(impl_->readSession(sessions));
        impl_->addCatchUpMembers(
            found, "s.group_id IN (SELECT group_id FROM memberships WHERE member_id = ?)", member);
        // A catch-up for other men is not part of his history.
        for (auto& session : found) {
            if (!session.isCatchUp() ||
                std::find(session.catchUpFor.begin(), session.catchUpFor.end(), member) !=
                    session.catchUpFor.end())
                history.push_back({std::move(session), std::nullopt, std::nullopt});
        }
    }
    auto entryFor = [&](SessionId session) -> HistoryEntry* {
        // Sessions are few (a year is about 52); a linear search keeps this simple.
        for (auto& entry : history) {
            if (entry.session.id == session)
                return &entry;
        }
        return nullptr;
    };
    {
        auto marks = db.prepare(
            "SELECT session_id, status, reason, recorded_at, id, minutes_present "
            "FROM attendance_marks a WHERE member_id = ?1 AND id = (SELECT MAX(id) FROM "
            "attendance_marks b WHERE b.session_id = a.session_id AND b.member_id = ?1)");
        marks.bind(1, member);
        while (marks.step()) {
            if (auto* entry = entryFor(marks.integer(0)))
                entry->mark = impl_->readMark(marks, member);
        }
    }
    std::vector<ProgressNote> notes;
    auto query = db.prepare(std::string(kNoteColumns) + "WHERE n.member_id = ?");
    query.bind(1, member);
    while (query.step())
        notes.push_back(impl_->readNote(query));
    impl_->addRatingsAndAmendments(notes, "n.member_id = ?", member);
    for (auto& note : notes) {
        if (auto* entry = entryFor(note.sessionId))
            entry->note = std::move(note);
    }
    return history;
}

}  // namespace roundtable::records
