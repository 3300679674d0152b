// SeenLogHeads: keys per database id holding the newest log point and the root keys seen.
#include "practice/SeenLogHeads.h"
#include "text/Translate.h"

#include <algorithm>
#include <sstream>

namespace roundtable::practice {
namespace {

std::string keyFor(const std::string& databaseId, const char* part) {
    return "seen_log." + databaseId + "_" + part;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

}  // namespace

std::string SeenLogHeads::warningFor(records::RecordStore& store) {
    auto id = store.databaseId();
    auto seenRoots = split(settings_.tree().get<std::string>(keyFor(id, "roots"), ""));
    auto roots = store.trustRoots();
    bool rootReplaced =
        !seenRoots.empty() && std::any_of(roots.begin(), roots.end(), [&](const auto& root) {
            return std::find(seenRoots.begin(), seenRoots.end(), root) == seenRoots.end();
        });
    if (rootReplaced) {
        return text::tr(
            "The keys that prove who wrote this database's records are not the ones "
            "this computer saw before. Unless its recovery key was used on purpose, add "
            "nothing and ask an administrator to verify it.");
    }
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
    // The roots are learnt once, the first time there are any: a key that appears later is
    // warned about at every opening, however often the database is used here.
    if (settings_.tree().get<std::string>(keyFor(id, "roots"), "").empty()) {
        std::string joined;
        for (const auto& root : store.trustRoots())
            joined += (joined.empty() ? "" : " ") + root;
        settings_.tree().put(keyFor(id, "roots"), joined);
    }
    settings_.flush();
}

}  // namespace roundtable::practice
