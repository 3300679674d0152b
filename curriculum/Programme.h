// The curriculum as the rest of the application sees it: plain, immutable value types
// built by ProgrammeLoader from the XML in content-xml/.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace roundtable::curriculum {

enum class Phase { treatment, maintenance, carers };

/// One idea in easy-read text: a short sentence with the picture shown on its left.
struct EasyReadPoint {
    std::string picture;  ///< picture name, a file in content-xml/pictures/
    std::string text;
};

struct Activity {
    std::string kind;  ///< check-in, teaching, discussion, ... (see content-xml/README.md)
    int minutes = 0;
    std::string title;
    std::vector<std::string> guidance;  ///< paragraphs for the facilitator
    std::string adapt;                  ///< how to adapt it for a man who is struggling
    std::string watch;                  ///< what to watch for
    std::string picture;                ///< optional
    std::vector<EasyReadPoint> easyRead;
};

/// The carers' handout section of a session.
struct Handout {
    std::vector<EasyReadPoint> covered, help, watch, talk;
};

struct Session {
    std::string id;
    std::string title;
    int minutes = 0;
    std::vector<std::string> objectives;
    std::vector<std::string> materials;
    std::vector<Activity> activities;
    Handout handout;
};

/// Something a facilitator rates for each member, e.g. "Keeps to the group rules" 0-3.
struct Indicator {
    std::string id;
    std::string label;
    std::string description;
    int scaleMin = 0;
    int scaleMax = 0;
};

struct Module {
    std::string id;
    int version = 0;
    Phase phase = Phase::treatment;
    std::string title;
    std::string summary;
    std::vector<std::string> aims;
    std::vector<Indicator> indicators;
    std::vector<Session> sessions;
    std::string file;  ///< path relative to the programme folder
    /// The file's bytes as loaded, kept so the content hash describes exactly this content.
    std::shared_ptr<const std::string> source;

    /// Stable hash (SHA-256, hex) of the module's canonical content: comments and layout do
    /// not count. Computed when asked (planning a session), not on every load.
    [[nodiscard]] std::string contentHash() const;
};

struct TimePoint {
    std::string id;
    std::string label;
};

/// An outcome measure: name, time points and score range only, never questionnaire items.
struct Measure {
    std::string id;
    std::string name;
    std::string purpose;
    int min = 0;
    int max = 0;
    bool higherIsBetter = true;
    std::vector<std::string> timePoints;
};

struct Delivery {
    int weeks = 0;
    int sessionMinutes = 0;
    int maxMembers = 0;
    int facilitators = 0;
};

struct Programme {
    std::string id;
    int version = 0;
    std::string title;
    Delivery delivery;
    std::vector<TimePoint> timePoints;
    std::vector<Measure> measures;
    std::vector<Module> modules;

    /// The session with this id and the module it belongs to, if there is one.
    struct SessionRef {
        const Module* module;
        const Session* session;
    };
    [[nodiscard]] std::optional<SessionRef> findSession(const std::string& sessionId) const;
    [[nodiscard]] const Module* findModule(const std::string& moduleId) const;
};

[[nodiscard]] const char* toText(Phase phase);

}  // namespace roundtable::curriculum
