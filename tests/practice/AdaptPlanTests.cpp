// Adapting a session's plan for its group (issue 14, item 4) through the use case, against a real
// database file and the shipped curriculum: what is refused and at which field, what the plan
// then is (order, minutes, guidance added) in the record and in session mode, and that the
// curriculum and the plan as first made stay as they were.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "practice/Practice.h"
#include "practice/SessionRun.h"
#include "support/PracticeGroup.h"
#include "support/Refusal.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using records::AdaptedActivity;
using roundtable::test::fieldOf;
using roundtable::test::shippedProgramme;

namespace {

struct PlannedSession : test::PracticeGroup {
    records::SessionId session = practice.planSession(group, "framework-02", "2026-11-03");
    const curriculum::Session& curriculum =
        *shippedProgramme().findSession("framework-02")->session;

    /// The plan as made, each activity in its place with its own minutes.
    [[nodiscard]] std::vector<AdaptedActivity> asMade() const {
        std::vector<AdaptedActivity> plan;
        for (std::size_t i = 0; i < curriculum.activities.size(); ++i)
            plan.push_back({static_cast<int>(i) + 1, curriculum.activities[i].minutes, ""});
        return plan;
    }
};

}  // namespace

TEST_CASE("a plan is adapted only as a new order, minutes and guidance, with a reason") {
    PlannedSession p;
    REQUIRE(p.curriculum.activities.size() == 6);
    const std::string why = "Two men read little: the worksheet first, while they are fresh.";
    auto adapt = [&](const std::vector<AdaptedActivity>& plan, const std::string& reason) {
        return fieldOf([&] { p.practice.adaptPlan(p.session, plan, reason); });
    };
    auto plan = p.asMade();
    CHECK(adapt(plan, why) ==
          "adapt-plan: The plan is as it was: change the order, an activity's minutes or its "
          "guidance.");
    plan[4].minutes = 40;
    CHECK(adapt(plan, "  ") == "adapt-reason: Please say why the plan is adapted for this group.");
    plan[4].minutes = 0;
    CHECK(adapt(plan, why) == "adapt-minutes: An activity takes from 1 to 180 minutes.");
    plan[4].minutes = 181;
    CHECK(adapt(plan, why) == "adapt-minutes: An activity takes from 1 to 180 minutes.");
    plan[4].minutes = 40;
    const std::string notEachOnce =
        "adapt-plan: An adapted plan keeps each of the session's activities once.";
    auto leftOut = plan;
    leftOut.pop_back();
    CHECK(adapt(leftOut, why) == notEachOnce);
    auto twice = plan;
    twice[3].plannedPosition = 5;
    CHECK(adapt(twice, why) == notEachOnce);
    auto unknown = plan;
    unknown[4].plannedPosition = 7;
    CHECK(adapt(unknown, why) == notEachOnce);
    CHECK(adapt({}, why) == notEachOnce);
    CHECK_FALSE(p.store.session(p.session).adaptation);  // nothing refused was written

    // The worksheet moved to second place, longer, with a word for this group; trimmed.
    std::vector<AdaptedActivity> adapted{{1, 15, ""}, {5, 40, "  Read each question aloud.  "},
                                         {2, 30, ""}, {3, 20, ""},
                                         {4, 15, ""}, {6, 15, ""}};
    CHECK(adapt(adapted, "  " + why + " ") == "accepted");
    const auto session = p.store.session(p.session);
    REQUIRE(session.adaptation);
    CHECK(session.adaptation->reason == why);
    CHECK(session.adaptation->madeBy == test::kTestLogin);
    adapted[1].addedGuidance = "Read each question aloud.";
    CHECK(session.adaptation->activities == adapted);
    const auto now = session.planNow();
    REQUIRE(now.size() == 6);
    CHECK(now[1].title == std::string(p.curriculum.activities[4].title));
    CHECK(now[1].minutes == 40);
    CHECK(now[1].guidance.ends_with("\n\nRead each question aloud."));
    CHECK(now[2].title == std::string(p.curriculum.activities[1].title));
    // The plan as made and the curriculum are as they were.
    REQUIRE(session.activities.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(session.activities[i].title == std::string(p.curriculum.activities[i].title));
        CHECK(session.activities[i].minutes == p.curriculum.activities[i].minutes);
    }
    CHECK(p.curriculum.activities[4].minutes == 25);
    // The same again changes nothing; adapted once more, the newest counts.
    CHECK(adapt(adapted, "Again") ==
          "adapt-plan: The plan is as it was: change the order, an activity's minutes or its "
          "guidance.");
    adapted[1].minutes = 35;
    CHECK(adapt(adapted, "Five minutes for the break back.") == "accepted");
    CHECK(p.store.session(p.session).planNow()[1].minutes == 35);
}

TEST_CASE("only the plan of a session not yet delivered is adapted") {
    PlannedSession p;
    auto plan = p.asMade();
    std::swap(plan[0], plan[1]);
    const std::string refused =
        "adapt-plan: Only the plan of a session not yet delivered can be adapted.";
    p.practice.markNotHeld(p.session, "The centre was closed.");
    CHECK(fieldOf([&] { p.practice.adaptPlan(p.session, plan, "Why"); }) == refused);
    p.practice.correctSessionStatus(p.session, records::SessionStatus::tookPlace,
                                    "It did take place.");
    CHECK(fieldOf([&] { p.practice.adaptPlan(p.session, plan, "Why"); }) == refused);
    CHECK_FALSE(p.store.session(p.session).adaptation);
}

TEST_CASE("session mode runs the plan as adapted, the curriculum's guidance before the group's") {
    PlannedSession p;
    p.practice.adaptPlan(p.session,
                         {{2, 35, "Use the picture cards."},
                          {1, 10, ""},
                          {3, 20, ""},
                          {4, 15, ""},
                          {5, 25, ""},
                          {6, 15, ""}},
                         "Rules first: the group met a new member last week.");
    const auto plan = p.practice.runPlan(p.practice.openSession(p.session));
    REQUIRE(plan.activities.size() == 6);
    const auto& rules = plan.activities[0];
    const auto& source = p.curriculum.activities[1];
    CHECK(rules.title == std::string(source.title));
    CHECK(rules.minutes == 35);
    REQUIRE(rules.guidance.size() == source.guidance.size() + 1);
    CHECK(rules.guidance.front() == std::string(source.guidance.front()));
    CHECK(rules.guidance.back() == "For this group: Use the picture cards.");
    CHECK(rules.adapt == std::string(source.adapt));
    CHECK(rules.watch == std::string(source.watch));
    const auto& checkIn = plan.activities[1];
    CHECK(checkIn.title == std::string(p.curriculum.activities[0].title));
    CHECK(checkIn.minutes == 10);
    CHECK(checkIn.guidance.size() == p.curriculum.activities[0].guidance.size());
    CHECK_FALSE(checkIn.prompts.empty());  // the check-in's prompts follow it to its new place
    // The run's clock counts the adapted minutes.
    practice::SessionRun run(plan, [] { return std::chrono::milliseconds(0); });
    CHECK(run.clock().minutesOf(0) == 35);
    CHECK(run.clock().remaining() == std::chrono::minutes(35));
}
