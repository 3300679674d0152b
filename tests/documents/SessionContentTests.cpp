// What the app shows of a curriculum session (documents/SessionContent.h), checked against the
// programme shipped in content-xml/: every activity's guidance, "adapt", "watch for" and easy-read
// points with their pictures, the objectives, materials and the carers' handout, in order and
// from the XML itself (so that a text lost on the way fails here, whatever the XML says).
#include <doctest/doctest.h>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "documents/Fixtures.h"
#include "documents/SessionBlocks.h"
#include "documents/SessionContent.h"

using namespace roundtable;
using namespace roundtable::documents;
using roundtable::test::shippedProgramme;
using roundtable::test::shippedSession;

namespace {

/// The easy-read points of `document` as (picture, text), in order.
std::vector<std::pair<std::string, std::string>> pointsOf(const Document& document) {
    std::vector<std::pair<std::string, std::string>> points;
    for (const auto& block : document.blocks) {
        if (const auto* point = std::get_if<EasyReadPoint>(&block))
            points.emplace_back(point->picture, point->text);
    }
    return points;
}

void addPoints(std::vector<std::pair<std::string, std::string>>& into,
               std::span<const curriculum::EasyReadPoint> points) {
    for (const auto& point : points)
        into.emplace_back(point.picture, point.text);
}

/// Whether `wanted` are all in `texts`, in this order (other texts may come between).
bool inOrder(const std::vector<std::string>& texts, const std::vector<std::string>& wanted) {
    auto at = texts.begin();
    for (const auto& text : wanted) {
        at = std::find(at, texts.end(), text);
        if (at == texts.end()) {
            MESSAGE("missing, or out of order: " << text);
            return false;
        }
        ++at;
    }
    return true;
}

/// What the XML says of `activity` (numbered `number`), in the order the screen shows it.
std::vector<std::string> activityTexts(const curriculum::Activity& activity, std::size_t number) {
    std::vector<std::string> texts{
        std::to_string(number) + ". " + std::string(activity.title),
        kindInWords(activity.kind) + ", " + std::to_string(activity.minutes) + " minutes"};
    texts.insert(texts.end(), activity.guidance.begin(), activity.guidance.end());
    if (!activity.adapt.empty())
        texts.push_back("Adapt: " + std::string(activity.adapt));
    if (!activity.watch.empty())
        texts.push_back("Watch for: " + std::string(activity.watch));
    for (const auto& point : activity.easyRead)
        texts.emplace_back(point.text);
    return texts;
}

}  // namespace

TEST_CASE("a session's content holds everything its XML says, in order, for every session") {
    int sessions = 0;
    for (const auto& module : shippedProgramme().modules) {
        for (const auto& session : module.sessions) {
            CAPTURE(session.id);
            ++sessions;
            const auto document = sessionContent(module, session);
            const auto texts = textsOf(document);
            std::vector<std::string> wanted{std::string(session.title)};
            wanted.insert(wanted.end(), session.objectives.begin(), session.objectives.end());
            wanted.insert(wanted.end(), session.materials.begin(), session.materials.end());
            std::size_t number = 0;
            for (const auto& activity : session.activities) {
                auto more = activityTexts(activity, ++number);
                wanted.insert(wanted.end(), more.begin(), more.end());
            }
            for (const auto& section : {session.handout.covered, session.handout.help,
                                        session.handout.watch, session.handout.talk}) {
                for (const auto& point : section)
                    wanted.emplace_back(point.text);
            }
            CHECK(inOrder(texts, wanted));
            // Every point keeps its own picture: the activities' first, then the handout's.
            std::vector<std::pair<std::string, std::string>> points;
            for (const auto& activity : session.activities)
                addPoints(points, activity.easyRead);
            addPoints(points, session.handout.covered);
            addPoints(points, session.handout.help);
            addPoints(points, session.handout.watch);
            addPoints(points, session.handout.talk);
            CHECK(pointsOf(document) == points);
        }
    }
    CHECK(sessions > 40);  // the whole programme was looked at, not an empty one
}

TEST_CASE("a session's content names its parts under headings, the handout last") {
    const auto [module, session] = shippedSession("framework-01");
    const auto texts = textsOf(sessionContent(*module, *session));
    CHECK(texts.front() == std::string(session->title));
    CHECK(inOrder(texts, {"Module: " + std::string(module->title) + ", version " +
                              std::to_string(module->version) + " (treatment)",
                          "Length: " + std::to_string(session->minutes) + " minutes", "Objectives",
                          "Materials", "Activities", "For the men, in easy read", "Carers' handout",
                          "What the men worked on", "How you can help"}));
}

TEST_CASE("one activity's content: its number, kind in words, guidance and easy-read points") {
    const auto [module, session] = shippedSession("framework-01");
    REQUIRE(session->activities.size() > 2);
    const auto& activity = session->activities[1];
    REQUIRE_FALSE(activity.adapt.empty());
    REQUIRE_FALSE(activity.watch.empty());
    REQUIRE_FALSE(activity.easyRead.empty());
    const auto document = activityContent(activity, 2);
    const auto texts = textsOf(document);
    CHECK(texts.front() == "2. " + std::string(activity.title));
    CHECK(inOrder(texts, activityTexts(activity, 2)));
    std::vector<std::pair<std::string, std::string>> points;
    addPoints(points, activity.easyRead);
    CHECK(pointsOf(document) == points);
    // Nothing of the other activities, nor of the handout.
    for (const auto& other : session->activities) {
        if (&other != &activity)
            CHECK(std::find(texts.begin(), texts.end(), "Adapt: " + std::string(other.adapt)) ==
                  texts.end());
    }
    CHECK(std::find(texts.begin(), texts.end(), "Carers' handout") == texts.end());
}

TEST_CASE("an activity adapted for the group: the guidance added comes after the curriculum's") {
    const auto [module, session] = shippedSession("framework-01");
    auto activity = session->activities[1];
    activity.minutes = 45;  // as adapted
    const auto texts = textsOf(activityContent(activity, 1, "Use the picture cards."));
    auto wanted = activityTexts(activity, 1);
    const auto afterGuidance = wanted.begin() + 2 + static_cast<long>(activity.guidance.size());
    wanted.insert(afterGuidance, "For this group: Use the picture cards.");
    CHECK(inOrder(texts, wanted));
    CHECK(wanted[1] == kindInWords(activity.kind) + ", 45 minutes");
    CHECK(std::count(texts.begin(), texts.end(), "For this group: Use the picture cards.") == 1);
}

TEST_CASE("a session's overview has its objectives, materials and handout but no activity") {
    const auto [module, session] = shippedSession("framework-02");
    const auto document = sessionOverview(*module, *session);
    const auto texts = textsOf(document);
    CHECK(inOrder(texts, {std::string(session->title), std::string(session->objectives.front()),
                          std::string(session->materials.front()), "Carers' handout",
                          std::string(session->handout.covered.front().text)}));
    for (const auto& activity : session->activities) {
        for (const auto& paragraph : activity.guidance)
            CHECK(std::find(texts.begin(), texts.end(), std::string(paragraph)) == texts.end());
    }
    CHECK(pointsOf(document).size() ==
          session->handout.covered.size() + session->handout.help.size() +
              session->handout.watch.size() + session->handout.talk.size());
}

TEST_CASE("activity kinds in words, and a kind the list does not know") {
    CHECK(kindInWords("check-in") == "Check-in");
    CHECK(kindInWords("role-play") == "Role-play");
    CHECK(kindInWords("between-sessions") == "Between sessions");
    CHECK(kindInWords("walk") == "Walk");
    CHECK(kindInWords("") == "");
}

TEST_CASE("a planned activity the curriculum no longer holds shows what its record kept") {
    const records::PlannedActivity kept{"role-play", 25, "Saying no", "Practise saying no."};
    const auto texts = textsOf(plannedActivityContent(kept, 4));
    REQUIRE(texts.size() == 4);
    CHECK(texts[0] == "4. Saying no");
    CHECK(texts[1] == "Role-play, 25 minutes");
    CHECK(texts[2] == "Practise saying no.");
    CHECK(texts[3].find("no longer holds this activity") != std::string::npos);
}

TEST_CASE("a module's content: version, summary, aims and its sessions numbered") {
    const auto& module = shippedProgramme().modules.front();
    const auto texts = textsOf(moduleContent(module));
    CHECK(texts.front() == std::string(module.title));
    CHECK(texts[1] == "Version " + std::to_string(module.version) + " (treatment)");
    CHECK(texts[2] == std::string(module.summary));
    CHECK(inOrder(texts, {"Aims", std::string(module.aims.front()), "Sessions",
                          "1. " + std::string(module.sessions.front().title) + " (" +
                              std::to_string(module.sessions.front().minutes) + " minutes)"}));
}
