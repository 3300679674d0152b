// Session mode's use cases without a display: the clock of a run (countdowns, overrun, moving
// between activities, the session's clock against its planned end) driven by a hand-set clock,
// and the plan it shows, built from a real planned session and the shipped curriculum, with its
// prompts and nothing about the members.
#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>
#include <string>

#include "practice/Practice.h"
#include "practice/SessionClock.h"
#include "practice/SessionRun.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using namespace std::chrono_literals;
using practice::SessionClock;
using roundtable::test::shippedProgramme;

namespace {

/// A clock the test sets: starts at an arbitrary moment, moves only when told.
struct HandClock {
    std::chrono::milliseconds at{1'000'000};
    practice::MonotonicClock clock() {
        return [this] { return at; };
    }
    void advance(std::chrono::milliseconds by) { at += by; }
};

}  // namespace

TEST_CASE("an activity's countdown runs only while started and shows its overrun calmly") {
    HandClock hand;
    SessionClock clock({10, 20, 15}, 45, hand.clock());
    CHECK(clock.current() == 0);
    CHECK_FALSE(clock.running());
    CHECK_FALSE(clock.started());
    CHECK(clock.remaining() == 600s);
    hand.advance(30s);  // nothing runs before Space
    CHECK(clock.remaining() == 600s);
    CHECK(clock.sessionElapsed() == 0s);

    clock.start();
    CHECK(clock.running());
    hand.advance(65s);
    CHECK(clock.remaining() == 535s);
    CHECK(practice::countdownText(clock.remaining()) == "8:55");
    clock.startOrPause();  // paused: the countdown stops, the session's clock runs on
    CHECK_FALSE(clock.running());
    hand.advance(100s);
    CHECK(clock.remaining() == 535s);
    CHECK(clock.sessionElapsed() == 165s);
    clock.startOrPause();
    hand.advance(535s + 130s);  // 2:10 past its ten minutes
    CHECK(clock.remaining() == -130s);
    CHECK(practice::countdownText(clock.remaining()) == "+2:10 over");
    // Parts of a second are not shown as a second gone.
    hand.advance(999ms);
    CHECK(clock.remaining() == -130s);
}

TEST_CASE("next and back keep each activity's own time, and a running countdown runs on") {
    HandClock hand;
    SessionClock clock({10, 20, 15}, 45, hand.clock());
    CHECK_FALSE(clock.back());  // at the first
    clock.start();
    hand.advance(4min);
    CHECK(clock.next());
    CHECK(clock.current() == 1);
    CHECK(clock.running());
    CHECK(clock.remaining() == 20min);
    hand.advance(3min);
    CHECK(clock.remaining() == 17min);
    CHECK(clock.back());
    CHECK(clock.current() == 0);
    CHECK(clock.remaining() == 6min);  // its four minutes are kept
    hand.advance(1min);
    CHECK(clock.elapsed(0) == 5min);
    CHECK(clock.elapsed(1) == 3min);
    clock.pause();
    clock.jumpTo(2);
    CHECK_FALSE(clock.running());  // moving does not start a paused countdown
    hand.advance(1min);
    CHECK(clock.remaining() == 15min);
    CHECK_FALSE(clock.next());  // at the last
    CHECK(clock.current() == 2);
    CHECK_THROWS_AS(clock.jumpTo(3), std::out_of_range);
    CHECK(clock.sessionElapsed() == 9min);
}

TEST_CASE("the session's clock counts towards its planned end and says how far behind it is") {
    HandClock hand;
    SessionClock clock({10, 20, 15}, 45, hand.clock());
    CHECK(clock.untilPlannedEnd() == 45min);
    CHECK(clock.behindPlan() == 0s);
    clock.start();
    hand.advance(10min);
    CHECK(clock.behindPlan() == 0s);  // on time: the first activity just ended
    hand.advance(3min);               // it runs three minutes over
    CHECK(clock.behindPlan() == 3min);
    clock.next();
    hand.advance(15min);  // the second finished five minutes early
    clock.next();
    CHECK(clock.behindPlan() == -2min);  // ahead
    hand.advance(20min);
    CHECK(clock.untilPlannedEnd() == -3min);
    CHECK(practice::clockText(clock.sessionElapsed()) == "48:00");
    CHECK(practice::clockText(2h + 3min + 4s) == "2:03:04");
    CHECK(practice::clockText(-(9s)) == "0:09");
}

TEST_CASE("a clock needs an activity") {
    HandClock hand;
    CHECK_THROWS_AS(SessionClock({}, 60, hand.clock()), std::invalid_argument);
    CHECK_THROWS_AS(practice::SessionRun({"Empty", 60, {}}, hand.clock()), std::invalid_argument);
}

TEST_CASE("session mode's plan is the planned session's with its guidance and prompts") {
    test::TempDir dir;
    auto store = test::createTestStore(dir / "service.rtdb");
    practice::Practice practice(store, shippedProgramme());
    auto group = practice.createGroup("Tuesday group", records::GroupKind::treatment);
    auto member = practice.addMember(group, "Daniel Hughes", "2026-01-01");
    auto id = practice.planSession(group, "framework-01", "2026-11-03");
    practice.recordAttendance(id, member, records::Attendance::attended, "");
    const auto session = practice.openSession(id);

    const auto plan = practice.runPlan(session);
    const auto source = shippedProgramme().findSession("framework-01");
    REQUIRE(source);
    CHECK(plan.title == source->session->title);
    CHECK(plan.minutes == 120);
    REQUIRE(plan.activities.size() == source->session->activities.size());
    for (std::size_t i = 0; i < plan.activities.size(); ++i) {
        const auto& shown = plan.activities[i];
        const auto& curriculum = source->session->activities[i];
        CAPTURE(shown.title);
        CHECK(shown.title == curriculum.title);
        CHECK(shown.kind == curriculum.kind);
        CHECK(shown.minutes == curriculum.minutes);
        REQUIRE(shown.guidance.size() == curriculum.guidance.size());
        CHECK(shown.guidance.front() == curriculum.guidance.front());
        CHECK(shown.adapt == curriculum.adapt);
        CHECK(shown.watch == curriculum.watch);
    }
    // framework-01 opens with a check-in: the LISTEN reminders, then the check-in prompt, both
    // from the shipped programme.xml.
    const auto& checkIn = plan.activities.front();
    REQUIRE(checkIn.kind == "check-in");
    REQUIRE(checkIn.prompts.size() == 2);
    CHECK(checkIn.prompts[0].title == "Listening well: LISTEN");
    REQUIRE(checkIn.prompts[0].lines.size() == 6);
    CHECK(checkIn.prompts[0].lines[0].starts_with("Look:"));
    CHECK(checkIn.prompts[0].lines[5].starts_with("Not about solving problems:"));
    CHECK(checkIn.prompts[1].title == "Check-in");
    // A break has none.
    for (const auto& activity : plan.activities) {
        if (activity.kind == "break")
            CHECK(activity.prompts.empty());
    }
    // Nothing about the members: his name and code appear nowhere in what session mode shows.
    const auto code = practice.registerFor(id).front().member.code;
    auto mentions = [&](const std::string& text) {
        return text.find("Daniel") != std::string::npos || text.find(code) != std::string::npos;
    };
    CHECK_FALSE(mentions(plan.title));
    for (const auto& activity : plan.activities) {
        CHECK_FALSE(mentions(activity.title));
        for (const auto& paragraph : activity.guidance)
            CHECK_FALSE(mentions(paragraph));
        for (const auto& prompt : activity.prompts) {
            CHECK_FALSE(mentions(prompt.title));
            for (const auto& line : prompt.lines)
                CHECK_FALSE(mentions(line));
        }
    }
}

TEST_CASE("a planned activity the curriculum no longer has keeps the plan's guidance") {
    records::Session session;
    session.title = "Adapted";
    session.minutes = 30;
    session.stamp.sessionId = "framework-01";
    session.activities = {{"check-in", 10, "A check-in of our own", "Ask how the week went."},
                          {"teaching", 20, "Something new", "Teach it."}};
    const auto& programme = shippedProgramme();
    const auto* module = programme.findModule("framework");
    const auto plan = practice::runPlanOf(session, programme, module);
    REQUIRE(plan.activities.size() == 2);
    CHECK(plan.activities[0].guidance == std::vector<std::string>{"Ask how the week went."});
    CHECK(plan.activities[0].adapt.empty());
    // The programme's prompts for its kind still apply.
    REQUIRE(plan.activities[0].prompts.size() == 2);
    CHECK(plan.activities[1].prompts.empty());
}

TEST_CASE("a dismissed prompt stays dismissed for that activity in that run only") {
    HandClock hand;
    practice::RunPlan plan{"Session", 30, {}};
    plan.activities.push_back({"Check-in",
                               "check-in",
                               10,
                               {"Go round."},
                               "",
                               "",
                               {{"Listening", {"Look."}}, {"Check-in", {"Each a turn."}}}});
    plan.activities.push_back({"Teach", "teaching", 10, {"Teach."}, "", "", {}});
    plan.activities.push_back(
        {"Check-out", "check-out", 10, {"Go round."}, "", "", {{"Listening", {"Look."}}}});
    practice::SessionRun run(plan, hand.clock());
    CHECK(run.next()->title == "Teach");
    CHECK(run.promptsShown() == std::vector<std::size_t>{0, 1});
    CHECK(run.dismissPrompt());
    CHECK(run.promptsShown() == std::vector<std::size_t>{1});
    run.clock().next();
    CHECK(run.promptsShown().empty());
    CHECK_FALSE(run.dismissPrompt());
    run.clock().next();
    CHECK(run.next() == nullptr);
    CHECK(run.promptsShown() == std::vector<std::size_t>{0});  // the same prompt, another activity
    run.clock().jumpTo(0);
    CHECK(run.promptsShown() == std::vector<std::size_t>{1});  // still dismissed here
    CHECK(run.dismissPrompt());
    CHECK(run.promptsShown().empty());
    practice::SessionRun again(plan, hand.clock());  // the next run shows them all
    CHECK(again.promptsShown() == std::vector<std::size_t>{0, 1});
}
