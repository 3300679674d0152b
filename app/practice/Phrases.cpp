// Phrases for progress notes: the facilitator's own and the programme's, and the expansion of a
// shortcut typed in a note.
#include "practice/Phrases.h"

#include <algorithm>
#include <set>

#include "practice/Practice.h"
#include "text/Translate.h"

namespace roundtable::practice {
namespace {

char lowered(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool inShortcut(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/// In words, where a phrase of the programme comes from: its module's title, or the programme.
std::string fromWhere(const curriculum::Programme& programme, const curriculum::Phrase& phrase) {
    for (const auto& module : programme.modules)
        if (!phrase.module.empty() && module.id == phrase.module)
            return std::string(module.title);
    return text::tr("The programme");
}

}  // namespace

std::vector<OfferedPhrase> offeredPhrases(records::RecordStore& store,
                                          const curriculum::Programme& programme) {
    std::vector<OfferedPhrase> offered;
    std::set<std::string> taken;
    for (auto& own : store.myPhrases()) {
        taken.insert(own.shortcut);
        offered.push_back(
            {std::move(own.shortcut), std::move(own.text), text::tr("Your own"), true, own.damage});
    }
    std::vector<OfferedPhrase> programmes;
    for (const auto* phrase : curriculum::phrasesOf(programme)) {
        if (taken.insert(std::string(phrase->shortcut)).second)
            programmes.push_back({std::string(phrase->shortcut), std::string(phrase->text),
                                  fromWhere(programme, *phrase), false, ""});
    }
    std::ranges::sort(programmes, {}, &OfferedPhrase::shortcut);
    offered.insert(offered.end(), programmes.begin(), programmes.end());
    return offered;
}

std::optional<Expansion> expansionBefore(std::string_view before,
                                         const std::vector<OfferedPhrase>& phrases) {
    auto start = before.size();
    while (start > 0 && inShortcut(before[start - 1]))
        --start;
    if (start == before.size() || start == 0 || before[start - 1] != kShortcutMarker)
        return std::nullopt;
    const auto marker = start - 1;
    if (marker > 0 &&
        std::string_view(" \t\n([").find(before[marker - 1]) == std::string_view::npos)
        return std::nullopt;  // a full stop inside a word or after one, as in "e.g.he"
    std::string typed;
    for (char c : before.substr(start))
        typed += lowered(c);
    for (const auto& phrase : phrases)
        if (phrase.shortcut == typed && phrase.damage.empty())
            return Expansion{before.size() - marker, phrase.text};
    return std::nullopt;
}

void checkPhrase(const std::string& shortcut, const std::string& text) {
    if (!curriculum::isPhraseShortcut(shortcut)) {
        throw ValidationError(
            "phrase-shortcut",
            text::fill(text::tr("A shortcut is one word of up to {1} small letters, digits or "
                                "hyphens, starting with a letter, such as \"rules\"."),
                       {std::to_string(curriculum::kMostShortcutCharacters)}));
    }
    if (records::trimmed(text).empty())
        throw ValidationError("phrase-text", text::tr("Please enter the phrase."));
    if (curriculum::characterCount(text) > curriculum::kMostPhraseCharacters) {
        throw ValidationError("phrase-text",
                              text::fill(text::tr("A phrase has at most {1} characters."),
                                         {std::to_string(curriculum::kMostPhraseCharacters)}));
    }
}

}  // namespace roundtable::practice
