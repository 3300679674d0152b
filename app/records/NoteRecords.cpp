// Progress notes: drafts, signing (with late-entry stamping) and reading.
#include "records/StoreImpl.h"

namespace roundtable::records {

void RecordStore::saveNoteDraft(SessionId session, MemberId member, const std::string& text) {
    auto user = impl_->signedInUser();
    sqlite::Transaction transaction(impl_->db);
    auto id = impl_->writeDraft(session, member, text, user);
    impl_->audit("save-note", "progress-note", id);
    transaction.commit();
}

void RecordStore::signNote(SessionId session, MemberId member) {
    impl_->signedInUser();
    sqlite::Transaction transaction(impl_->db);
    auto find = impl_->db.prepare(
        "SELECT id FROM progress_notes WHERE session_id = ? AND member_id = ? AND state = 'draft'");
    find.bind(1, session).bind(2, member);
    if (!find.step())
        throw StoreError("There is no draft note to sign for this member.");
    auto id = find.integer(0);
    impl_->markSigned(id, session);
    impl_->audit("sign-note", "progress-note", id);
    transaction.commit();
}

void RecordStore::saveAndSignNote(SessionId session, MemberId member, const std::string& text) {
    auto user = impl_->signedInUser();
    // One transaction (one fsync) for the text, the signature and the audit row.
    sqlite::Transaction transaction(impl_->db);
    auto id = impl_->writeDraft(session, member, text, user);
    impl_->markSigned(id, session);
    impl_->audit("sign-note", "progress-note", id);
    transaction.commit();
}

namespace {
constexpr const char* kNoteColumns =
    "SELECT session_id, member_id, text, state, updated_at, id, COALESCE(signed_at, ''), "
    "late_entry FROM progress_notes ";
}  // namespace

std::optional<ProgressNote> RecordStore::note(SessionId session, MemberId member) {
    impl_->key();
    auto query =
        impl_->db.prepare(std::string(kNoteColumns) + "WHERE session_id = ? AND member_id = ?");
    query.bind(1, session).bind(2, member);
    if (!query.step())
        return std::nullopt;
    return impl_->readNote(query);
}

std::vector<ProgressNote> RecordStore::notesOf(SessionId session) {
    impl_->key();
    std::vector<ProgressNote> result;
    auto query =
        impl_->db.prepare(std::string(kNoteColumns) + "WHERE session_id = ? ORDER BY member_id");
    query.bind(1, session);
    while (query.step()) {
        result.push_back(impl_->readNote(query));
    }
    return result;
}

}  // namespace roundtable::records
