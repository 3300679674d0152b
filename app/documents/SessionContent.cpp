// The session's content for the screen, built from the same pieces as the printed plan and the
// carers' handout (SessionBlocks.h), so that the three cannot drift apart. Headings are nested
// (session, its parts, each activity) because the screen shows them as a hierarchy.
#include "documents/SessionContent.h"

#include <array>
#include <utility>

#include "documents/SessionBlocks.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

/// The kinds content-xml/README.md lists, each with its words.
constexpr std::array<std::pair<std::string_view, const char*>, 10> kKinds{{
    {"check-in", text::trLater("Check-in")},
    {"review", text::trLater("Review")},
    {"teaching", text::trLater("Teaching")},
    {"discussion", text::trLater("Discussion")},
    {"role-play", text::trLater("Role-play")},
    {"worksheet", text::trLater("Worksheet")},
    {"relaxation", text::trLater("Relaxation")},
    {"break", text::trLater("Break")},
    {"between-sessions", text::trLater("Between sessions")},
    {"check-out", text::trLater("Check-out")},
}};

std::string numbered(std::size_t number, std::string_view title) {
    return text::fill(text::tr("{1}. {2}"), {std::to_string(number), title});
}

/// "Teaching, 30 minutes".
Paragraph kindAndMinutes(std::string_view kind, int minutes) {
    return Paragraph{
        text::fill(text::tr("{1}, {2} minutes"), {kindInWords(kind), std::to_string(minutes)}), {}};
}

/// An activity under a heading of `level`: its guidance, then the men's easy-read points.
void addActivityBlocks(std::vector<Block>& blocks, const curriculum::Activity& activity,
                       std::size_t number, int level, std::string_view addedGuidance = {}) {
    blocks.push_back(Heading{numbered(number, activity.title), level, {}});
    addGuidanceBlocks(blocks, activity, addedGuidance);
    if (activity.easyRead.empty())
        return;
    blocks.push_back(Heading{text::tr("For the men, in easy read"), level + 1, {}});
    for (const auto& point : activity.easyRead)
        blocks.push_back(EasyReadPoint{std::string(point.picture), std::string(point.text)});
}

/// The session's title and where it comes from, what it is for and what to bring.
Document sessionHead(const curriculum::Module& module, const curriculum::Session& session) {
    Document document;
    document.typography = Typography::standard;
    document.title = std::string(session.title);
    auto& blocks = document.blocks;
    blocks.push_back(Heading{std::string(session.title), 1, {}});
    blocks.push_back(Paragraph{text::fill(text::tr("{1}, version {2} ({3})"),
                                          {module.title, std::to_string(module.version),
                                           curriculum::toText(module.phase)}),
                               text::tr("Module:")});
    blocks.push_back(
        Paragraph{text::fill(text::tr("{1} minutes"), {std::to_string(session.minutes)}),
                  text::tr("Length:")});
    addListBlocks(blocks, text::tr("Objectives"), 2, session.objectives);
    addListBlocks(blocks, text::tr("Materials"), 2, session.materials);
    return document;
}

void addHandout(std::vector<Block>& blocks, const curriculum::Module& module,
                const curriculum::Session& session) {
    blocks.push_back(Heading{text::tr("Carers' handout"), 2, {}});
    addHandoutBlocks(blocks, module, session, 3);
}

}  // namespace

std::string kindInWords(std::string_view kind) {
    for (const auto& [known, words] : kKinds) {
        if (known == kind)
            return text::tr(words);
    }
    std::string text(kind);
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

void addListBlocks(std::vector<Block>& blocks, const std::string& heading, int level,
                   std::span<const std::string_view> items) {
    if (items.empty())
        return;
    blocks.push_back(Heading{heading, level, {}});
    blocks.push_back(BulletList{{items.begin(), items.end()}});
}

void addGuidanceBlocks(std::vector<Block>& blocks, const curriculum::Activity& activity,
                       std::string_view addedGuidance) {
    blocks.push_back(kindAndMinutes(activity.kind, activity.minutes));
    for (const auto& paragraph : activity.guidance)
        blocks.push_back(Paragraph{std::string(paragraph), {}});
    // After the curriculum's, marked as the group's own: the curriculum itself is unchanged.
    if (!addedGuidance.empty())
        blocks.push_back(Paragraph{std::string(addedGuidance), text::tr("For this group:")});
    if (!activity.adapt.empty())
        blocks.push_back(Paragraph{std::string(activity.adapt), text::tr("Adapt:")});
    if (!activity.watch.empty())
        blocks.push_back(Paragraph{std::string(activity.watch), text::tr("Watch for:")});
}

void addHandoutBlocks(std::vector<Block>& blocks, const curriculum::Module& module,
                      const curriculum::Session& session, int level) {
    auto addPoints = [&](const std::string& heading,
                         std::span<const curriculum::EasyReadPoint> points) {
        if (points.empty())
            return;
        blocks.push_back(Heading{heading, level, {}});
        for (const auto& point : points)
            blocks.push_back(EasyReadPoint{std::string(point.picture), std::string(point.text)});
    };
    // In the carers' own group the session is about what carers learned, not the men.
    addPoints(module.phase == curriculum::Phase::carers ? text::tr("What this session was about")
                                                        : text::tr("What the men worked on"),
              session.handout.covered);
    addPoints(text::tr("How you can help"), session.handout.help);
    addPoints(text::tr("What to look out for"), session.handout.watch);
    addPoints(text::tr("Things to talk about"), session.handout.talk);
}

Document sessionContent(const curriculum::Module& module, const curriculum::Session& session) {
    auto document = sessionHead(module, session);
    document.blocks.push_back(Heading{text::tr("Activities"), 2, {}});
    std::size_t number = 0;
    for (const auto& activity : session.activities)
        addActivityBlocks(document.blocks, activity, ++number, 3);
    addHandout(document.blocks, module, session);
    return document;
}

Document sessionOverview(const curriculum::Module& module, const curriculum::Session& session) {
    auto document = sessionHead(module, session);
    addHandout(document.blocks, module, session);
    return document;
}

void addPlannedGuidanceBlocks(std::vector<Block>& blocks,
                              const records::PlannedActivity& activity) {
    blocks.push_back(kindAndMinutes(activity.kind, activity.minutes));
    if (!activity.guidance.empty())
        blocks.push_back(Paragraph{activity.guidance, {}});
}

Document activityContent(const curriculum::Activity& activity, std::size_t number,
                         std::string_view addedGuidance) {
    Document document;
    document.typography = Typography::standard;
    document.title = std::string(activity.title);
    addActivityBlocks(document.blocks, activity, number, 2, addedGuidance);
    return document;
}

Document plannedActivityContent(const records::PlannedActivity& activity, std::size_t number) {
    Document document;
    document.typography = Typography::standard;
    document.title = activity.title;
    auto& blocks = document.blocks;
    blocks.push_back(Heading{numbered(number, activity.title), 2, {}});
    addPlannedGuidanceBlocks(blocks, activity);
    // Said, so that no one looks for the rest of its guidance and thinks it lost.
    blocks.push_back(Paragraph{text::tr("The curriculum this session was planned from no longer "
                                        "holds this activity: this is what the plan kept of it."),
                               {}});
    return document;
}

Document moduleContent(const curriculum::Module& module) {
    Document document;
    document.typography = Typography::standard;
    document.title = std::string(module.title);
    auto& blocks = document.blocks;
    blocks.push_back(Heading{std::string(module.title), 1, {}});
    blocks.push_back(
        Paragraph{text::fill(text::tr("Version {1} ({2})"),
                             {std::to_string(module.version), curriculum::toText(module.phase)}),
                  {}});
    blocks.push_back(Paragraph{std::string(module.summary), {}});
    addListBlocks(blocks, text::tr("Aims"), 2, module.aims);
    BulletList sessions;
    std::size_t number = 0;
    for (const auto& session : module.sessions) {
        sessions.items.push_back(
            numbered(++number, session.title) + " (" +
            text::fill(text::tr("{1} minutes"), {std::to_string(session.minutes)}) + ")");
    }
    if (!sessions.items.empty()) {
        blocks.push_back(Heading{text::tr("Sessions"), 2, {}});
        blocks.push_back(std::move(sessions));
    }
    return document;
}

}  // namespace roundtable::documents
