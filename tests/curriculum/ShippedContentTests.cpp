// The programme shipped in content-xml/ loads cleanly, is complete, and every file
// validates against the XSD that documents the format.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "curriculum/ProgrammeLoader.h"

using namespace roundtable::curriculum;

namespace {
const LoadResult& shipped() {
    static const LoadResult result = loadProgramme(ROUNDTABLE_CONTENT);
    return result;
}
}  // namespace

TEST_CASE("the shipped programme loads with no errors and no warnings") {
    std::string findings;
    for (const auto& finding : shipped().findings)
        findings += format(finding) + "\n";
    INFO(findings);
    REQUIRE(shipped().ok());
    CHECK(shipped().findings.empty());
}

TEST_CASE("the shipped programme has every module in order, with enough sessions") {
    REQUIRE(shipped().ok());
    const auto& modules = shipped().programme->modules;
    std::vector<std::string_view> treatment;
    std::size_t treatmentSessions = 0;
    for (const auto& module : modules) {
        if (module.phase != Phase::treatment)
            continue;
        treatment.push_back(module.id);
        CHECK_MESSAGE(module.sessions.size() >= 3, module.id);
        treatmentSessions += module.sessions.size();
    }
    CHECK(treatment == std::vector<std::string_view>{"framework", "relationships",
                                                     "cognitive-model", "four-steps",
                                                     "victim-empathy", "relapse-prevention"});
    CHECK(treatmentSessions >= 36);
    const auto* maintenance = shipped().programme->findModule("maintenance");
    REQUIRE(maintenance);
    CHECK(maintenance->phase == Phase::maintenance);
    const auto* carers = shipped().programme->findModule("carers");
    REQUIRE(carers);
    CHECK(carers->phase == Phase::carers);
    CHECK(carers->sessions.size() >= 6);
}

TEST_CASE("every shipped session is usable as written") {
    REQUIRE(shipped().ok());
    for (const auto& module : shipped().programme->modules) {
        CHECK_FALSE(module.indicators.empty());
        for (const auto& session : module.sessions) {
            CAPTURE(session.id);
            CHECK_FALSE(session.objectives.empty());
            int substantive = 0;
            for (const auto& activity : session.activities) {
                CHECK_FALSE(activity.easyRead.empty());
                if (!activity.adapt.empty() && !activity.watch.empty())
                    ++substantive;
            }
            CHECK(substantive >= 2);  // guidance says how to adapt and what to watch for
            CHECK_FALSE(session.handout.covered.empty());
            CHECK_FALSE(session.handout.watch.empty());
        }
    }
}

TEST_CASE("outcome measures have time points and score ranges, never items") {
    REQUIRE(shipped().ok());
    std::map<std::string_view, const Measure*> measures;
    for (const auto& measure : shipped().programme->measures)
        measures[measure.id] = &measure;
    for (const char* id :
         {"sexual-knowledge", "cognitive-distortions", "empathy-for-victims", "session-rating"}) {
        CAPTURE(id);
        REQUIRE(measures.contains(id));
        CHECK(measures[id]->max > measures[id]->min);
        CHECK_FALSE(measures[id]->timePoints.empty());
    }
    CHECK(std::ranges::equal(measures["sexual-knowledge"]->timePoints,
                             std::vector<std::string_view>{"before", "after", "follow-up-6m",
                                                           "follow-up-12m", "follow-up-24m"}));
}

TEST_CASE("every shipped XML file validates against the XSD") {
    REQUIRE(shipped().ok());
    REQUIRE_MESSAGE(std::system("command -v xmllint >/dev/null") == 0,
                    "xmllint is needed (package libxml2-utils)");
    auto validate = [](const std::string& schema, const std::string& file) {
        auto command = "xmllint --noout --schema " ROUNDTABLE_SCHEMA "/" + schema + " " +
                       std::string(ROUNDTABLE_CONTENT) + "/" + file + " 2>&1";
        return std::system(command.c_str());
    };
    CHECK(validate("programme.xsd", "programme.xml") == 0);
    for (const auto& module : shipped().programme->modules) {
        CAPTURE(module.file);
        CHECK(validate("module.xsd", module.file) == 0);
    }
}
