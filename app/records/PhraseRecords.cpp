// A facilitator's own phrases for notes (data format 10, issue 14): each user's, sealed, kept
// forever. The newest row for a shortcut counts; one with no text removes the phrase.
#include <map>

#include "records/StoreImpl.h"
#include "text/Translate.h"

namespace roundtable::records {

void RecordStore::savePhrase(const std::string& shortcut, const std::string& text) {
    auto user = impl_->signedInUser();
    if (trimmed(shortcut).empty())
        throw StoreError(text::tr("A phrase needs a shortcut."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    std::string current;
    for (const auto& phrase : myPhrases())
        if (phrase.shortcut == shortcut)
            current = phrase.text;
    if (current == text)
        return;  // nothing new to keep (or nothing to remove)
    auto id = impl_->nextId("user_phrases");
    db.prepare(
          "INSERT INTO user_phrases (id, user_id, shortcut, text, written_at) "
          "VALUES (?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, user)
        .bindBlob(3, impl_->seal("user_phrases", "shortcut", id, shortcut))
        .bindBlob(4, impl_->seal("user_phrases", "text", id, text))
        .bind(5, impl_->nowUtc())
        .run();
    impl_->audit(text.empty() ? "remove-phrase" : "save-phrase", "phrase", id);
    transaction.commit();
}

std::vector<UserPhrase> RecordStore::myPhrases() {
    auto user = impl_->signedInUser();
    auto query = impl_->db.prepare(
        "SELECT id, shortcut, text FROM user_phrases WHERE user_id = ? ORDER BY id");
    query.bind(1, user);
    // Oldest first, so that each shortcut ends with its newest phrase; a damaged row is kept
    // under its own id, so that it is shown as damaged rather than hiding a good one.
    std::map<std::string, UserPhrase> byShortcut;
    while (query.step()) {
        UserPhrase phrase;
        phrase.id = query.integer(0);
        impl_->noteDamage(phrase.damage, "user_phrases", phrase.id);
        phrase.shortcut =
            impl_->open(phrase.damage, "user_phrases", "shortcut", phrase.id, query.blob(1));
        phrase.text = impl_->open(phrase.damage, "user_phrases", "text", phrase.id, query.blob(2));
        std::string key = phrase.shortcut;
        if (!phrase.damage.empty())  // appended: GCC 12 warns (-Wrestrict) about "#" + text
            key = std::string("#").append(std::to_string(phrase.id));
        byShortcut[key] = std::move(phrase);
    }
    std::vector<UserPhrase> phrases;
    for (auto& [shortcut, phrase] : byShortcut)
        if (!phrase.text.empty() || !phrase.damage.empty())
            phrases.push_back(std::move(phrase));
    return phrases;
}

}  // namespace roundtable::records
