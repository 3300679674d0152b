// Comparing two versions of a module: every list (sessions, activities, paragraphs, points) is
// aligned with a longest common subsequence, so that one entry put in or taken out shows as
// that and not as every later entry changed; changed text is compared word by word the same way.
#include "curriculum/ModuleComparison.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>

#include "text/Translate.h"

namespace roundtable::curriculum {
namespace {

using Words = std::vector<std::string_view>;
using IndexPairs = std::vector<std::pair<std::size_t, std::size_t>>;

constexpr std::size_t kAbsent = SIZE_MAX;
/// Unchanged words kept on each side of a change when describe() shortens a long unchanged run.
constexpr std::size_t kContextWords = 6;
/// Words of a moved entry's text shown to recognise it (the text itself did not change).
constexpr std::size_t kMovedEntryWords = 10;

bool isLayout(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

Words splitWords(std::string_view text) {
    Words words;
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && isLayout(text[at]))
            ++at;
        auto end = at;
        while (end < text.size() && !isLayout(text[end]))
            ++end;
        if (end > at)
            words.push_back(text.substr(at, end - at));
        at = end;
    }
    return words;
}

/// The index pairs of a longest common subsequence of two sequences of `olderCount` and
/// `newerCount` elements, where `equal(i, j)` says whether older element i matches newer
/// element j; in order. Common ends are matched before the quadratic table, which is then
/// built for the changed middle only (a one-word edit of a long paragraph costs next to nothing).
template <typename Equal>
IndexPairs commonSubsequence(std::size_t olderCount, std::size_t newerCount, Equal&& equal) {
    IndexPairs pairs;
    std::size_t prefix = 0;
    while (prefix < olderCount && prefix < newerCount && equal(prefix, prefix)) {
        pairs.emplace_back(prefix, prefix);
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < olderCount - prefix && suffix < newerCount - prefix &&
           equal(olderCount - 1 - suffix, newerCount - 1 - suffix)) {
        ++suffix;
    }
    const std::size_t rows = olderCount - prefix - suffix;
    const std::size_t columns = newerCount - prefix - suffix;
    if (rows > 0 && columns > 0) {
        // Each comparison once: `equal` may itself be a comparison of texts.
        std::vector<char> matches(rows * columns);
        for (std::size_t i = 0; i < rows; ++i) {
            for (std::size_t j = 0; j < columns; ++j)
                matches[i * columns + j] = equal(prefix + i, prefix + j) ? 1 : 0;
        }
        // longest[i][j]: the length of a longest common subsequence of the rest of each side
        // from i and j on, so the walk below can go forward choosing as it goes.
        std::vector<std::uint32_t> longest((rows + 1) * (columns + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
            return longest[i * (columns + 1) + j];
        };
        for (std::size_t i = rows; i-- > 0;) {
            for (std::size_t j = columns; j-- > 0;) {
                at(i, j) = matches[i * columns + j] ? at(i + 1, j + 1) + 1
                                                    : std::max(at(i + 1, j), at(i, j + 1));
            }
        }
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < rows && j < columns) {
            if (matches[i * columns + j]) {
                pairs.emplace_back(prefix + i, prefix + j);
                ++i;
                ++j;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                ++i;
            } else {
                ++j;
            }
        }
    }
    for (std::size_t k = 0; k < suffix; ++k)
        pairs.emplace_back(olderCount - suffix + k, newerCount - suffix + k);
    return pairs;
}

/// True when at least half of the two texts' words are common to both, in order: the same
/// entry edited rather than one entry replaced by another.
bool mostlyTheSame(const Words& older, const Words& newer) {
    if (older.empty() && newer.empty())
        return true;
    auto common = commonSubsequence(older.size(), newer.size(), [&](std::size_t i, std::size_t j) {
                      return older[i] == newer[j];
                  }).size();
    return 4 * common >= older.size() + newer.size();
}

/// One entry of two aligned lists: its index in each (kAbsent on the side where it is not).
struct Aligned {
    ChangeKind kind = ChangeKind::changed;
    std::size_t older = kAbsent;
    std::size_t newer = kAbsent;
};

/// Aligns two lists. Entries that are `same` (the same id, title or text) are matched first
/// by a longest common subsequence; those left that are `same` as one on the other side were
/// moved; then in each stretch between two matched entries, those left are matched in order
/// when `similar` (an entry edited in place). The rest were added or removed. The result is
/// in the newer list's order, each removed entry where it stood, before the added ones.
template <typename Same, typename Similar>
std::vector<Aligned> align(std::size_t olderCount, std::size_t newerCount, Same&& same,
                           Similar&& similar) {
    std::vector<std::size_t> partnerOfOlder(olderCount, kAbsent);
    std::vector<std::size_t> partnerOfNewer(newerCount, kAbsent);
    std::vector<char> moved(newerCount, 0);
    auto link = [&](std::size_t i, std::size_t j) {
        partnerOfOlder[i] = j;
        partnerOfNewer[j] = i;
    };

    auto anchors = commonSubsequence(olderCount, newerCount, same);
    for (auto [i, j] : anchors)
        link(i, j);
    for (std::size_t j = 0; j < newerCount; ++j) {
        for (std::size_t i = 0; i < olderCount && partnerOfNewer[j] == kAbsent; ++i) {
            if (partnerOfOlder[i] == kAbsent && same(i, j)) {
                link(i, j);
                moved[j] = 1;
            }
        }
    }
    // The stretches between anchors: before the first, between each two, after the last.
    anchors.emplace_back(olderCount, newerCount);
    std::size_t olderFrom = 0;
    std::size_t newerFrom = 0;
    for (auto [olderTo, newerTo] : anchors) {
        std::vector<std::size_t> olderLeft;
        std::vector<std::size_t> newerLeft;
        for (auto i = olderFrom; i < olderTo; ++i) {
            if (partnerOfOlder[i] == kAbsent)
                olderLeft.push_back(i);
        }
        for (auto j = newerFrom; j < newerTo; ++j) {
            if (partnerOfNewer[j] == kAbsent)
                newerLeft.push_back(j);
        }
        if (!olderLeft.empty() && !newerLeft.empty()) {
            auto edited = commonSubsequence(
                olderLeft.size(), newerLeft.size(),
                [&](std::size_t a, std::size_t b) { return similar(olderLeft[a], newerLeft[b]); });
            for (auto [a, b] : edited)
                link(olderLeft[a], newerLeft[b]);
        }
        olderFrom = olderTo + 1;
        newerFrom = newerTo + 1;
    }

    // Both sides walked together. Entries matched in order form a matching without crossings,
    // so once the removed, added and moved ones are passed the two next ones are partners.
    std::vector<Aligned> aligned;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < olderCount || j < newerCount) {
        if (i < olderCount && partnerOfOlder[i] == kAbsent) {
            aligned.push_back({ChangeKind::removed, i++, kAbsent});
        } else if (i < olderCount && moved[partnerOfOlder[i]]) {
            ++i;  // shown where it is now
        } else if (j < newerCount && partnerOfNewer[j] == kAbsent) {
            aligned.push_back({ChangeKind::added, kAbsent, j++});
        } else if (j < newerCount && moved[j]) {
            aligned.push_back({ChangeKind::moved, partnerOfNewer[j], j});
            ++j;
        } else {
            aligned.push_back({ChangeKind::changed, i++, j++});
        }
    }
    return aligned;
}

int position(std::size_t index) {
    return index == kAbsent ? 0 : static_cast<int>(index) + 1;
}

std::string pointText(const EasyReadPoint& point) {
    std::string text = "[";
    text += point.picture;
    text += "] ";
    text += point.text;
    return text;
}

/// A prompt as one text, so that prompts compare as a list of texts: its title, its lines and
/// the kinds it is for, e.g. "Check-in: Let each man speak. (kinds: check-in)".
std::vector<std::string> promptTexts(std::span<const Prompt> prompts) {
    std::vector<std::string> texts;
    for (const auto& prompt : prompts) {
        std::string text(prompt.title);
        text += ":";
        for (auto line : prompt.lines)
            text.append(" ").append(line);
        if (!prompt.kinds.empty()) {
            text += " (kinds:";
            for (auto kind : prompt.kinds)
                text.append(" ").append(kind);
            text += ")";
        }
        texts.push_back(std::move(text));
    }
    return texts;
}

/// A phrase as one text, so that phrases compare as a list of texts: its shortcut, then what it
/// stands for, e.g. "rules: He kept to the group's rules.".
std::vector<std::string> phraseTexts(std::span<const Phrase> phrases) {
    std::vector<std::string> texts;
    for (const auto& phrase : phrases) {
        std::string text(phrase.shortcut);
        text.append(": ").append(phrase.text);
        texts.push_back(std::move(text));
    }
    return texts;
}

/// The differences of one thing (the module, an indicator, a session, an activity), field by
/// field, appended to `changes`.
class FieldComparer {
  public:
    explicit FieldComparer(std::vector<FieldChange>& changes) : changes_(changes) {}

    /// A text: word by word.
    void text(const char* field, std::string_view older, std::string_view newer) {
        if (older == newer)
            return;
        auto& change = add(field, ChangeKind::changed);
        change.older = older;
        change.newer = newer;
        change.words = compareWords(older, newer);
    }

    /// A number or a name: replaced whole.
    void value(const char* field, std::string_view older, std::string_view newer) {
        if (older == newer)
            return;
        auto& change = add(field, ChangeKind::changed);
        change.older = older;
        change.newer = newer;
    }
    void number(const char* field, int older, int newer) {
        value(field, std::to_string(older), std::to_string(newer));
    }

    /// A list of texts (aims, objectives, materials, guidance paragraphs); `entry` names one.
    void textList(const char* entry, std::span<const std::string_view> older,
                  std::span<const std::string_view> newer) {
        if (std::ranges::equal(older, newer))
            return;
        auto olderWords = wordsOf(older, [](std::string_view text) { return text; });
        auto newerWords = wordsOf(newer, [](std::string_view text) { return text; });
        auto aligned = align(
            older.size(), newer.size(),
            [&](std::size_t i, std::size_t j) { return older[i] == newer[j]; },
            [&](std::size_t i, std::size_t j) {
                return mostlyTheSame(olderWords[i], newerWords[j]);
            });
        for (const auto& where : aligned) {
            std::string_view before = where.older == kAbsent ? "" : older[where.older];
            std::string_view after = where.newer == kAbsent ? "" : newer[where.newer];
            if (where.kind == ChangeKind::changed && before == after)
                continue;
            auto& change = add(entry, where.kind, where);
            change.older = before;
            change.newer = after;
            if (where.kind == ChangeKind::changed)
                change.words = compareWords(before, after);
        }
    }

    /// The prompts of the module or an activity, as a list of texts (promptTexts).
    void promptList(std::span<const Prompt> older, std::span<const Prompt> newer) {
        const auto olderTexts = promptTexts(older), newerTexts = promptTexts(newer);
        const std::vector<std::string_view> olderViews(olderTexts.begin(), olderTexts.end());
        const std::vector<std::string_view> newerViews(newerTexts.begin(), newerTexts.end());
        textList(text::trLater("prompt"), olderViews, newerViews);
    }

    /// The phrases a module offers for notes, as a list of texts (phraseTexts).
    void phraseList(std::span<const Phrase> older, std::span<const Phrase> newer) {
        const auto olderTexts = phraseTexts(older), newerTexts = phraseTexts(newer);
        const std::vector<std::string_view> olderViews(olderTexts.begin(), olderTexts.end());
        const std::vector<std::string_view> newerViews(newerTexts.begin(), newerTexts.end());
        textList(text::trLater("phrase"), olderViews, newerViews);
    }

    /// A list of easy-read points; a point whose text is mostly the same is one point edited:
    /// its picture and its text are compared apart.
    void pointList(const char* entry, std::span<const EasyReadPoint> older,
                   std::span<const EasyReadPoint> newer) {
        auto samePoint = [](const EasyReadPoint& a, const EasyReadPoint& b) {
            return a.picture == b.picture && a.text == b.text;
        };
        if (std::ranges::equal(older, newer, samePoint))
            return;
        auto textOf = [](const EasyReadPoint& point) { return point.text; };
        auto olderWords = wordsOf(older, textOf);
        auto newerWords = wordsOf(newer, textOf);
        auto aligned = align(
            older.size(), newer.size(),
            [&](std::size_t i, std::size_t j) { return samePoint(older[i], newer[j]); },
            [&](std::size_t i, std::size_t j) {
                return mostlyTheSame(olderWords[i], newerWords[j]);
            });
        for (const auto& where : aligned) {
            if (where.kind != ChangeKind::changed) {
                auto& change = add(entry, where.kind, where);
                if (where.older != kAbsent)
                    change.older = pointText(older[where.older]);
                if (where.newer != kAbsent)
                    change.newer = pointText(newer[where.newer]);
                continue;
            }
            const auto& before = older[where.older];
            const auto& after = newer[where.newer];
            if (before.picture != after.picture) {
                auto& change = add(entry, ChangeKind::changed, where);
                change.part = text::trLater("picture");
                change.older = before.picture;
                change.newer = after.picture;
            }
            if (before.text != after.text) {
                auto& change = add(entry, ChangeKind::changed, where);
                change.part = text::trLater("text");
                change.older = before.text;
                change.newer = after.text;
                change.words = compareWords(before.text, after.text);
            }
        }
    }

  private:
    FieldChange& add(const char* field, ChangeKind kind, const Aligned& where = {}) {
        auto& change = changes_.emplace_back();
        change.field = field;
        change.kind = kind;
        change.olderPosition = position(where.older);
        change.newerPosition = position(where.newer);
        return change;
    }

    template <typename Entry, typename TextOf>
    static std::vector<Words> wordsOf(std::span<const Entry> entries, TextOf&& textOf) {
        std::vector<Words> words;
        words.reserve(entries.size());
        for (const auto& entry : entries)
            words.push_back(splitWords(textOf(entry)));
        return words;
    }

    std::vector<FieldChange>& changes_;
};

/// Every word of an activity a facilitator or a man reads, to tell an activity edited in place
/// (a new title, some guidance rewritten) from one replaced by another.
Words activityWords(const Activity& activity) {
    auto words = splitWords(activity.title);
    auto append = [&](std::string_view text) {
        auto more = splitWords(text);
        words.insert(words.end(), more.begin(), more.end());
    };
    for (auto paragraph : activity.guidance)
        append(paragraph);
    append(activity.adapt);
    append(activity.watch);
    for (const auto& point : activity.easyRead)
        append(point.text);
    return words;
}

std::vector<FieldChange> compareActivity(const Activity& older, const Activity& newer) {
    std::vector<FieldChange> changes;
    FieldComparer compare(changes);
    compare.text(text::trLater("title"), older.title, newer.title);
    compare.value(text::trLater("kind"), older.kind, newer.kind);
    compare.number(text::trLater("minutes"), older.minutes, newer.minutes);
    compare.value(text::trLater("picture"), older.picture, newer.picture);
    compare.textList(text::trLater("guidance paragraph"), older.guidance, newer.guidance);
    compare.text(text::trLater("adapt"), older.adapt, newer.adapt);
    compare.text(text::trLater("watch"), older.watch, newer.watch);
    compare.pointList(text::trLater("easy-read point"), older.easyRead, newer.easyRead);
    compare.promptList(older.prompts, newer.prompts);
    return changes;
}

ActivityComparison describedActivity(ChangeKind kind, const Aligned& where, const Activity& shown) {
    ActivityComparison activity;
    activity.kind = kind;
    activity.olderPosition = position(where.older);
    activity.newerPosition = position(where.newer);
    activity.title = shown.title;
    activity.activityKind = shown.kind;
    activity.minutes = shown.minutes;
    return activity;
}

std::vector<ActivityComparison> compareActivities(std::span<const Activity> older,
                                                  std::span<const Activity> newer) {
    std::vector<Words> olderWords;
    std::vector<Words> newerWords;
    // Words only for activities the titles do not match, and only when needed.
    auto wordsOf = [](std::vector<Words>& cache, std::span<const Activity> activities,
                      std::size_t index) -> const Words& {
        if (cache.empty())
            cache.resize(activities.size());
        if (cache[index].empty())
            cache[index] = activityWords(activities[index]);
        return cache[index];
    };
    auto aligned = align(
        older.size(), newer.size(),
        [&](std::size_t i, std::size_t j) { return older[i].title == newer[j].title; },
        [&](std::size_t i, std::size_t j) {
            return mostlyTheSame(wordsOf(olderWords, older, i), wordsOf(newerWords, newer, j));
        });
    std::vector<ActivityComparison> activities;
    for (const auto& where : aligned) {
        const auto& shown = where.newer != kAbsent ? newer[where.newer] : older[where.older];
        if (where.older == kAbsent || where.newer == kAbsent) {
            activities.push_back(describedActivity(where.kind, where, shown));
            continue;
        }
        auto changes = compareActivity(older[where.older], newer[where.newer]);
        if (where.kind == ChangeKind::changed && changes.empty())
            continue;
        activities.push_back(describedActivity(where.kind, where, shown));
        activities.back().changes = std::move(changes);
    }
    return activities;
}

SessionComparison describedSession(ChangeKind kind, const Aligned& where, const Session& shown) {
    SessionComparison session;
    session.kind = kind;
    session.id = shown.id;
    session.olderPosition = position(where.older);
    session.newerPosition = position(where.newer);
    session.title = shown.title;
    session.minutes = shown.minutes;
    session.activityCount = shown.activities.size();
    return session;
}

std::vector<SessionComparison> compareSessions(std::span<const Session> older,
                                               std::span<const Session> newer) {
    // A session is known by its id: one whose id changed is another session.
    auto aligned = align(
        older.size(), newer.size(),
        [&](std::size_t i, std::size_t j) { return older[i].id == newer[j].id; },
        [](std::size_t, std::size_t) { return false; });
    std::vector<SessionComparison> sessions;
    for (const auto& where : aligned) {
        const auto& shown = where.newer != kAbsent ? newer[where.newer] : older[where.older];
        auto session = describedSession(where.kind, where, shown);
        if (where.older != kAbsent && where.newer != kAbsent) {
            const auto& before = older[where.older];
            const auto& after = newer[where.newer];
            FieldComparer compare(session.changes);
            compare.text(text::trLater("title"), before.title, after.title);
            compare.number(text::trLater("minutes"), before.minutes, after.minutes);
            compare.textList(text::trLater("objective"), before.objectives, after.objectives);
            compare.textList(text::trLater("material"), before.materials, after.materials);
            session.activities = compareActivities(before.activities, after.activities);
            FieldComparer handout(session.handout);
            handout.pointList(text::trLater("handout covered point"), before.handout.covered,
                              after.handout.covered);
            handout.pointList(text::trLater("handout help point"), before.handout.help,
                              after.handout.help);
            handout.pointList(text::trLater("handout watch point"), before.handout.watch,
                              after.handout.watch);
            handout.pointList(text::trLater("handout talk point"), before.handout.talk,
                              after.handout.talk);
            if (where.kind == ChangeKind::changed && session.changes.empty() &&
                session.activities.empty() && session.handout.empty()) {
                continue;
            }
        }
        sessions.push_back(std::move(session));
    }
    return sessions;
}

std::string scaleText(const Indicator& indicator) {
    std::string scale = std::to_string(indicator.scaleMin);
    scale += '-';
    scale += std::to_string(indicator.scaleMax);
    return scale;
}

std::vector<IndicatorComparison> compareIndicators(std::span<const Indicator> older,
                                                   std::span<const Indicator> newer) {
    auto aligned = align(
        older.size(), newer.size(),
        [&](std::size_t i, std::size_t j) { return older[i].id == newer[j].id; },
        [](std::size_t, std::size_t) { return false; });
    std::vector<IndicatorComparison> indicators;
    for (const auto& where : aligned) {
        const auto& shown = where.newer != kAbsent ? newer[where.newer] : older[where.older];
        IndicatorComparison indicator;
        indicator.kind = where.kind;
        indicator.id = shown.id;
        indicator.olderPosition = position(where.older);
        indicator.newerPosition = position(where.newer);
        indicator.label = shown.label;
        indicator.scale = scaleText(shown);
        if (where.older != kAbsent && where.newer != kAbsent) {
            const auto& before = older[where.older];
            const auto& after = newer[where.newer];
            FieldComparer compare(indicator.changes);
            compare.text(text::trLater("label"), before.label, after.label);
            compare.text(text::trLater("description"), before.description, after.description);
            compare.value(text::trLater("scale"), scaleText(before), scaleText(after));
            if (where.kind == ChangeKind::changed && indicator.changes.empty())
                continue;
        }
        indicators.push_back(std::move(indicator));
    }
    return indicators;
}

/// A stretch of two texts compared word by word: words both have (kept, in `removed`), or the
/// words of one in place of the other's (either list may be empty).
struct Stretch {
    bool kept = false;
    Words removed;
    Words added;
};

/// Takes short runs of common words that stand between larger changes into the change around
/// them: two rewritten sentences share "the" and "and", and "[-a b the c-]{+x the y z+}" reads
/// better than "[-a b-]{+x+} the [-c-]{+y z+}". The rule is diff-match-patch's semantic
/// clean-up: a kept run goes when it is no longer than the larger side of the change on each
/// side of it.
void absorbShortCommonRuns(std::vector<Stretch>& stretches) {
    std::size_t k = 1;
    while (k + 1 < stretches.size()) {
        auto& before = stretches[k - 1];
        const auto& common = stretches[k];
        const auto& after = stretches[k + 1];
        const auto size = common.removed.size();
        if (!common.kept || size > std::max(before.removed.size(), before.added.size()) ||
            size > std::max(after.removed.size(), after.added.size())) {
            ++k;
            continue;
        }
        before.removed.insert(before.removed.end(), common.removed.begin(), common.removed.end());
        before.removed.insert(before.removed.end(), after.removed.begin(), after.removed.end());
        before.added.insert(before.added.end(), common.removed.begin(), common.removed.end());
        before.added.insert(before.added.end(), after.added.begin(), after.added.end());
        stretches.erase(stretches.begin() + static_cast<std::ptrdiff_t>(k),
                        stretches.begin() + static_cast<std::ptrdiff_t>(k + 2));
        // The change grew: the kept run before it may now be short beside it.
        k = k > 2 ? k - 2 : 1;
    }
}

// ---- Plain text ------------------------------------------------------------------------

void appendWords(std::string& out, std::span<const std::string_view> words) {
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (k > 0)
            out += ' ';
        out += words[k];
    }
}

/// An unchanged run of words, shortened to its ends when long: only the words next to a
/// change help to find it.
void appendKept(std::string& out, std::string_view run, bool first, bool last) {
    auto words = splitWords(run);
    const std::span<const std::string_view> all(words);
    const auto context = kContextWords;
    if (first && !last && words.size() > context) {
        out += "... ";
        appendWords(out, all.last(context));
    } else if (last && !first && words.size() > context) {
        appendWords(out, all.first(context));
        out += " ...";
    } else if (!first && !last && words.size() > 2 * context + 1) {
        appendWords(out, all.first(context));
        out += " ... ";
        appendWords(out, all.last(context));
    } else {
        appendWords(out, all);
    }
}

/// "a text" with its first words only, to recognise an entry that moved.
std::string beginningOf(std::string_view text) {
    auto words = splitWords(text);
    std::string out;
    appendWords(out, std::span<const std::string_view>(words).first(
                         std::min(words.size(), kMovedEntryWords)));
    if (words.size() > kMovedEntryWords)
        out += " ...";
    return out;
}

std::string shownValue(const std::string& value) {
    return value.empty() ? text::tr("(none)") : value;
}

/// What changed, in the reader's language: "title", or "aim 3" for a list entry.
std::string changeName(const FieldChange& change) {
    const std::string field = text::tr(change.field.c_str());
    if (!change.isListEntry())
        return field;
    const auto place =
        change.kind == ChangeKind::removed ? change.olderPosition : change.newerPosition;
    // TRANSLATORS: an entry of a list and its place in it: "aim 3", "easy-read point 2".
    return text::fill(text::tr("{1} {2}"), {field, std::to_string(place)});
}

void appendChange(std::string& out, const std::string& prefix, const FieldChange& change) {
    out += prefix;
    if (change.kind == ChangeKind::moved) {
        // TRANSLATORS: {1} is an entry of a list ("aim"), {2} and {3} its places, {4} its
        // first words.
        out += text::fill(text::tr("{1} moved from {2} to {3}: {4}"),
                          {text::tr(change.field.c_str()), std::to_string(change.olderPosition),
                           std::to_string(change.newerPosition), beginningOf(change.newer)});
        out += '\n';
        return;
    }
    const auto name = changeName(change);
    if (change.kind == ChangeKind::added) {
        out += text::fill(text::tr("{1} added: {2}"), {name, change.newer});
    } else if (change.kind == ChangeKind::removed) {
        out += text::fill(text::tr("{1} removed: {2}"), {name, change.older});
    } else if (change.words.empty()) {
        out += name;
        if (!change.part.empty()) {
            out += ' ';
            out += text::tr(change.part.c_str());
        }
        out += ' ';
        out += shownValue(change.older);
        out += " -> ";
        out += shownValue(change.newer);
    } else {
        out += name;
        out += ": ";
        out += describeWords(change.words);
    }
    out += '\n';
}

/// "moved from 2 to 3", or with `sessions` "moved from session 2 to 3".
void appendMoved(std::string& out, const std::string& prefix, bool sessions, int from, int to) {
    out += prefix;
    out += text::fill(
        sessions ? text::tr("moved from session {1} to {2}") : text::tr("moved from {1} to {2}"),
        {std::to_string(from), std::to_string(to)});
    out += '\n';
}

std::string inQuotes(std::string_view text) {
    std::string out = "\"";
    out += text;
    out += '"';
    return out;
}

std::string minutesText(int minutes) {
    return text::fill(text::trn("{1} minute", "{1} minutes", static_cast<unsigned long>(minutes)),
                      {std::to_string(minutes)});
}

void appendActivity(std::string& out, const std::string& sessionPrefix,
                    const ActivityComparison& activity) {
    std::string prefix =
        sessionPrefix +
        // TRANSLATORS: an activity of a session by its place and its quoted title.
        text::fill(text::tr("activity {1} {2}"),
                   {std::to_string(activity.kind == ChangeKind::removed ? activity.olderPosition
                                                                        : activity.newerPosition),
                    inQuotes(activity.title)}) +
        ": ";
    if (activity.kind == ChangeKind::added || activity.kind == ChangeKind::removed) {
        out += prefix;
        // TRANSLATORS: "added (teaching, 10 minutes)": {2} is the activity's kind as the
        // curriculum names it.
        out += text::fill(text::tr("{1} ({2}, {3})"),
                          {text::tr(toText(activity.kind)), activity.activityKind,
                           minutesText(activity.minutes)});
        out += '\n';
        return;
    }
    if (activity.kind == ChangeKind::moved)
        appendMoved(out, prefix, false, activity.olderPosition, activity.newerPosition);
    for (const auto& change : activity.changes)
        appendChange(out, prefix, change);
}

void appendSession(std::string& out, const SessionComparison& session) {
    const std::string prefix =
        // TRANSLATORS: a session by its quoted id and its title.
        text::fill(text::tr("Session {1} ({2})"), {inQuotes(session.id), session.title}) + ": ";
    if (session.kind == ChangeKind::added) {
        out += prefix;
        const auto activities =
            text::fill(text::trn("{1} activity", "{1} activities", session.activityCount),
                       {std::to_string(session.activityCount)});
        out += text::fill(
            text::tr("added as session {1} ({2}, {3})"),
            {std::to_string(session.newerPosition), activities, minutesText(session.minutes)});
        out += '\n';
        return;
    }
    if (session.kind == ChangeKind::removed) {
        out += prefix;
        out += text::fill(text::tr("removed (it was session {1})"),
                          {std::to_string(session.olderPosition)});
        out += '\n';
        return;
    }
    if (session.kind == ChangeKind::moved)
        appendMoved(out, prefix, true, session.olderPosition, session.newerPosition);
    // In the order of the file: the session's own fields, its activities, its handout.
    for (const auto& change : session.changes)
        appendChange(out, prefix, change);
    for (const auto& activity : session.activities)
        appendActivity(out, prefix, activity);
    for (const auto& change : session.handout)
        appendChange(out, prefix, change);
}

void appendIndicator(std::string& out, const std::string& modulePrefix,
                     const IndicatorComparison& indicator) {
    const std::string prefix =
        modulePrefix +
        // TRANSLATORS: a progress indicator by its quoted id and its label.
        text::fill(text::tr("indicator {1} ({2})"), {inQuotes(indicator.id), indicator.label}) +
        ": ";
    if (indicator.kind == ChangeKind::added || indicator.kind == ChangeKind::removed) {
        out += prefix;
        // TRANSLATORS: "added (scale 0-3)".
        out += text::fill(text::tr("{1} (scale {2})"),
                          {text::tr(toText(indicator.kind)), indicator.scale});
        out += '\n';
        return;
    }
    if (indicator.kind == ChangeKind::moved)
        appendMoved(out, prefix, false, indicator.olderPosition, indicator.newerPosition);
    for (const auto& change : indicator.changes)
        appendChange(out, prefix, change);
}

}  // namespace

std::vector<WordRun> compareWords(std::string_view older, std::string_view newer) {
    const auto olderWords = splitWords(older);
    const auto newerWords = splitWords(newer);
    auto common = commonSubsequence(
        olderWords.size(), newerWords.size(),
        [&](std::size_t i, std::size_t j) { return olderWords[i] == newerWords[j]; });
    std::vector<Stretch> stretches;
    std::size_t i = 0;
    std::size_t j = 0;
    common.emplace_back(olderWords.size(), newerWords.size());
    for (auto [olderKept, newerKept] : common) {
        if (i < olderKept || j < newerKept) {
            auto& change = stretches.emplace_back();
            change.removed.assign(olderWords.begin() + static_cast<std::ptrdiff_t>(i),
                                  olderWords.begin() + static_cast<std::ptrdiff_t>(olderKept));
            change.added.assign(newerWords.begin() + static_cast<std::ptrdiff_t>(j),
                                newerWords.begin() + static_cast<std::ptrdiff_t>(newerKept));
        }
        if (olderKept == olderWords.size())
            break;
        if (stretches.empty() || !stretches.back().kept)
            stretches.emplace_back().kept = true;
        stretches.back().removed.push_back(olderWords[olderKept]);
        i = olderKept + 1;
        j = newerKept + 1;
    }
    absorbShortCommonRuns(stretches);

    std::vector<WordRun> runs;
    auto appendRun = [&](WordRun::Kind kind, const Words& words) {
        if (words.empty())
            return;
        auto& run = runs.emplace_back();
        run.kind = kind;
        appendWords(run.words, words);
    };
    for (const auto& stretch : stretches) {
        if (stretch.kept) {
            appendRun(WordRun::Kind::kept, stretch.removed);
        } else {
            // Removed words first, then added ones, as git shows them: [-old-]{+new+}.
            appendRun(WordRun::Kind::removed, stretch.removed);
            appendRun(WordRun::Kind::added, stretch.added);
        }
    }
    return runs;
}

ModuleComparison compareModules(const Module& older, const Module& newer) {
    ModuleComparison comparison;
    comparison.moduleId = newer.id;
    comparison.title = newer.title;
    FieldComparer compare(comparison.changes);
    compare.value(text::trLater("id"), older.id, newer.id);
    compare.number(text::trLater("version"), older.version, newer.version);
    compare.value(text::trLater("phase"), toText(older.phase), toText(newer.phase));
    compare.text(text::trLater("title"), older.title, newer.title);
    compare.text(text::trLater("summary"), older.summary, newer.summary);
    compare.textList(text::trLater("aim"), older.aims, newer.aims);
    compare.promptList(older.prompts, newer.prompts);
    compare.phraseList(older.phrases, newer.phrases);
    comparison.indicators = compareIndicators(older.indicators, newer.indicators);
    comparison.sessions = compareSessions(older.sessions, newer.sessions);
    return comparison;
}

std::string describeWords(const std::vector<WordRun>& words) {
    std::string out;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const auto& run = words[k];
        // A space between runs, except between removed words and the added ones that replace
        // them, which git writes together: [-old-]{+new+}.
        if (k > 0 &&
            !(run.kind == WordRun::Kind::added && words[k - 1].kind == WordRun::Kind::removed)) {
            out += ' ';
        }
        switch (run.kind) {
            case WordRun::Kind::kept:
                appendKept(out, run.words, k == 0, k + 1 == words.size());
                break;
            case WordRun::Kind::removed:
                out += "[-";
                out += run.words;
                out += "-]";
                break;
            case WordRun::Kind::added:
                out += "{+";
                out += run.words;
                out += "+}";
                break;
        }
    }
    return out;
}

std::string describe(const ModuleComparison& comparison) {
    std::string out;
    const std::string modulePrefix =
        // TRANSLATORS: a module by its quoted id.
        text::fill(text::tr("Module {1}"), {inQuotes(comparison.moduleId)}) + ": ";
    for (const auto& change : comparison.changes)
        appendChange(out, modulePrefix, change);
    for (const auto& indicator : comparison.indicators)
        appendIndicator(out, modulePrefix, indicator);
    for (const auto& session : comparison.sessions)
        appendSession(out, session);
    return out;
}

const char* toText(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::changed:
            return text::trLater("changed");
        case ChangeKind::added:
            return text::trLater("added");
        case ChangeKind::removed:
            return text::trLater("removed");
        case ChangeKind::moved:
            return text::trLater("moved");
    }
    return text::trLater("changed");
}

}  // namespace roundtable::curriculum
