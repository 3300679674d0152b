// SeenLogHeads: one INI section per database id, holding the newest log point seen.
#include "practice/SeenLogHeads.h"

namespace roundtable::practice {
namespace {

std::string keyFor(const std::string& databaseId, const char* part) {
    return "seen_log." + databaseId + "_" + part;
}

}  // namespace

std::string SeenLogHeads::warningFor(records::RecordStore& store) {
    auto id = store.databaseId();
    auto text = settings_.tree().get<std::string>(keyFor(id, "head"), "");
    if (text.empty())
        return {};
    auto seen = records::LogHead::fromText(text);
    if (!seen)
        return {};  // a settings file edited by hand: nothing trustworthy to compare with
    seen->at = settings_.tree().get<std::string>(keyFor(id, "at"), "");
    return store.checkReaches(*seen);
}

void SeenLogHeads::remember(records::RecordStore& store) {
    auto id = store.databaseId();
    auto head = store.logHead();
    settings_.tree().put(keyFor(id, "head"), head.text());
    settings_.tree().put(keyFor(id, "at"), head.at);
    settings_.flush();
}

}  // namespace roundtable::practice
