// The curriculum as the rest of the application sees it: plain, immutable value types
// built by ProgrammeLoader from the XML in content-xml/.
//
// Every text is a std::string_view, and every list below the Programme's list of modules a
// std::span, into storage that the Programme and each of its Modules share: the files' parsed
// bytes and a few blocks for the whole programme instead of one allocation per text or list.
// A view or span stays valid while the Programme, or the Module it belongs to, or any copy of
// either, is alive; copy it (into a std::string, a std::vector) to keep it longer.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace roundtable::curriculum {

struct ParsedXml;  // XmlFile.h: a file's bytes and the document parsed from them

enum class Phase { treatment, maintenance, carers };

/// One idea in easy-read text: a short sentence with the picture shown on its left.
struct EasyReadPoint {
    std::string_view picture;  ///< picture name, a file in content-xml/pictures/
    std::string_view text;
};

/// A reminder for the facilitators, written in the programme's XML (never in code) and shown in
/// session mode while an activity it applies to runs: how to listen, what a check-in is for.
struct Prompt {
    std::string_view title;
    std::span<const std::string_view> lines;  ///< what the facilitators read, one idea a line
    /// The activity kinds it applies to; empty: every activity of the programme or module that
    /// defines it (an activity's own prompts name no kind).
    std::span<const std::string_view> kinds;

    [[nodiscard]] bool appliesTo(std::string_view activityKind) const;
};

/// A phrase the programme offers for progress notes, typed as its shortcut: written in the
/// manifest (for one module or the whole programme) or in a module file. A shortcut means one
/// phrase in the whole programme.
struct Phrase {
    std::string_view shortcut;
    std::string_view text;
    std::string_view module;  ///< the id of the module it belongs to; empty: the whole programme
};

struct Activity {
    std::string_view kind;  ///< check-in, teaching, discussion, ... (see content-xml/README.md)
    int minutes = 0;
    std::string_view title;
    std::span<const std::string_view> guidance;  ///< paragraphs for the facilitator
    std::string_view adapt;                      ///< how to adapt it for a man who is struggling
    std::string_view watch;                      ///< what to watch for
    std::string_view picture;                    ///< optional
    std::span<const EasyReadPoint> easyRead;
    std::span<const Prompt> prompts;  ///< optional: this activity's own
};

/// The carers' handout section of a session.
struct Handout {
    std::span<const EasyReadPoint> covered, help, watch, talk;
};

struct Session {
    std::string_view id;
    std::string_view title;
    int minutes = 0;
    std::span<const std::string_view> objectives;
    std::span<const std::string_view> materials;
    std::span<const Activity> activities;
    Handout handout;
};

/// Something a facilitator rates for each member, e.g. "Keeps to the group rules" 0-3.
struct Indicator {
    std::string_view id;
    std::string_view label;
    std::string_view description;
    int scaleMin = 0;
    int scaleMax = 0;
};

struct Module {
    std::string_view id;
    int version = 0;
    Phase phase = Phase::treatment;
    std::string_view title;
    std::string_view summary;
    std::span<const std::string_view> aims;
    std::span<const Indicator> indicators;
    std::span<const Session> sessions;
    std::span<const Prompt> prompts;  ///< optional: for the activities of this module
    std::span<const Phrase> phrases;  ///< optional: offered in notes
    std::string file;                 ///< path relative to the programme folder
    /// The file as parsed, kept so the content hash describes exactly this content.
    std::shared_ptr<const ParsedXml> parsed;
    /// Keeps the texts and lists of this module (and of the whole programme) alive.
    std::shared_ptr<const void> texts;

    /// Stable hash (SHA-256, hex) of the module's canonical content: comments and layout do
    /// not count. Computed when asked (planning a session), not on every load.
    [[nodiscard]] std::string contentHash() const;
};

/// When a time point falls due for a member, counted from his own treatment year.
enum class DueFrom {
    never,        ///< not listed as due (no `due` given)
    joining,      ///< the day he joins the group
    yearEnd,      ///< the end of his treatment year (Delivery::weeks after joining), or his leaving
    eachSession,  ///< after every session he attends: a session rating
};

struct TimePoint {
    std::string_view id;
    std::string_view label;
    DueFrom due = DueFrom::never;
    int monthsAfter = 0;  ///< months after `due` (a follow-up); joining and yearEnd only
};

/// An outcome measure: name, time points and score range only, never questionnaire items.
struct Measure {
    std::string_view id;
    std::string_view name;
    std::string_view purpose;
    int min = 0;
    int max = 0;
    bool higherIsBetter = true;
    std::span<const std::string_view> timePoints;
};

/// A step in a member's progress the programme names, recorded with the day he reached it
/// (for example, his account of his offending against the four steps completed).
struct Milestone {
    std::string_view id;
    std::string_view label;
};

struct Delivery {
    int weeks = 0;
    int sessionMinutes = 0;
    int maxMembers = 0;
    int facilitators = 0;
};

struct Programme {
    std::string_view id;
    int version = 0;
    std::string_view title;
    Delivery delivery;
    std::span<const TimePoint> timePoints;
    std::span<const Measure> measures;
    std::span<const Milestone> milestones;
    std::span<const Prompt> prompts;  ///< optional: for the activities of every module
    std::span<const Phrase> phrases;  ///< optional: the manifest's own
    std::vector<Module> modules;
    /// Keeps the texts and lists of the programme alive.
    std::shared_ptr<const void> texts;

    /// The session with this id and the module it belongs to, if there is one.
    struct SessionRef {
        const Module* module;
        const Session* session;
    };
    [[nodiscard]] std::optional<SessionRef> findSession(std::string_view sessionId) const;
    [[nodiscard]] const Module* findModule(std::string_view moduleId) const;
    [[nodiscard]] const Milestone* findMilestone(std::string_view milestoneId) const;
};

[[nodiscard]] const char* toText(Phase phase);

/// The most characters a phrase's shortcut may have, and a phrase's text.
inline constexpr std::size_t kMostShortcutCharacters = 20;
inline constexpr std::size_t kMostPhraseCharacters = 400;

/// How many characters (not bytes) the UTF-8 `text` has.
[[nodiscard]] std::size_t characterCount(std::string_view text);
/// Whether `shortcut` can name a phrase: 1 to 20 of a-z, 0-9 and '-', starting with a letter.
[[nodiscard]] bool isPhraseShortcut(std::string_view shortcut);

/// Every phrase the programme offers for notes: the manifest's, then each module's, in the
/// programme's module order. Pointers into `programme`.
[[nodiscard]] std::vector<const Phrase*> phrasesOf(const Programme& programme);

/// The prompts that apply while an activity of kind `activityKind` runs: the programme's, then
/// the module's (either may be null), then the activity's own (null: none), each kept when it
/// names that kind or none. Pointers into the models given.
[[nodiscard]] std::vector<const Prompt*> promptsFor(const Programme* programme,
                                                    const Module* module, const Activity* activity,
                                                    std::string_view activityKind);

}  // namespace roundtable::curriculum
