// What each document built from the curriculum holds, and what it does not, read from the
// document model without rendering anything.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include "curriculum/EasyReadLint.h"
#include "documents/CarersHandout.h"
#include "documents/EasyReadSummary.h"
#include "documents/Fixtures.h"
#include "documents/RecoveryKeySheet.h"
#include "documents/SessionPlan.h"

using namespace roundtable::documents;
using roundtable::test::kContact;
using roundtable::test::shippedProgramme;
using roundtable::test::shippedSession;

namespace {

std::vector<std::string> pointTexts(std::span<const roundtable::curriculum::EasyReadPoint> points) {
    std::vector<std::string> texts;
    for (const auto& point : points)
        texts.emplace_back(point.text);
    return texts;
}

/// What a handout of `session` must hold, in order, and nothing more: its fixed wording, the
/// session's four handout sections under their headings, and the contact details.
std::vector<std::string> expectedHandout(const roundtable::curriculum::Module& module,
                                         const roundtable::curriculum::Session& session) {
    std::vector<std::string> texts = {
        "What the group did", std::string(session.title),
        "This session was part of: " + std::string(module.title) + ".",
        "Please keep this paper somewhere private."};
    auto section = [&](const std::string& heading, const auto& points) {
        if (points.empty())
            return;
        texts.push_back(heading);
        auto each = pointTexts(points);
        texts.insert(texts.end(), each.begin(), each.end());
    };
    section(module.phase == roundtable::curriculum::Phase::carers ? "What this session was about"
                                                                  : "What the men worked on",
            session.handout.covered);
    section("How you can help", session.handout.help);
    section("What to look out for", session.handout.watch);
    section("Things to talk about", session.handout.talk);
    texts.push_back("Who to contact");
    texts.push_back(
        "Northside Group Service\nPhone: 01632 960 123\nEmail: groups@example.org\n12 Mill "
        "Lane\nNorthtown NT1 2AB");
    return texts;
}

/// Every easy-read rule a program can check, on every text of `document`: a line for each
/// problem.
std::string easyReadProblems(const Document& document) {
    std::string problems;
    for (const auto& text : textsOf(document)) {
        roundtable::curriculum::checkEasyReadText(text, {}, [&](const std::string& problem) {
            problems += text + ": " + problem + "\n";
        });
    }
    return problems;
}

template <typename Kind>
std::size_t countOf(const Document& document) {
    return static_cast<std::size_t>(
        std::count_if(document.blocks.begin(), document.blocks.end(),
                      [](const Block& block) { return std::holds_alternative<Kind>(block); }));
}

}  // namespace

TEST_CASE("every carers' handout holds its session's handout points and nothing else") {
    for (const auto& module : shippedProgramme().modules) {
        for (const auto& session : module.sessions) {
            INFO(session.id);
            auto handout = carersHandout(module, session, kContact);
            CHECK(handout.typography == Typography::easyRead);
            CHECK_FALSE(handout.confidential);
            CHECK(handout.title == "What the group did: " + std::string(session.title));
            CHECK(textsOf(handout) == expectedHandout(module, session));
            // The service's own contact details (a postcode) are not easy-read text.
            CHECK(easyReadProblems(carersHandout(module, session, {})) == "");
            // Nothing meant for facilitators: no guidance, objective or material.
            auto texts = textsOf(handout);
            for (const auto& activity : session.activities) {
                for (const auto& paragraph : activity.guidance)
                    CHECK(std::find(texts.begin(), texts.end(), paragraph) == texts.end());
            }
        }
    }
}

TEST_CASE("a handout's points keep their pictures, and every idea has one") {
    auto [module, session] = shippedSession("relationships-01");
    auto handout = carersHandout(*module, *session, kContact);
    std::vector<std::pair<std::string, std::string>> points;
    for (const auto& block : handout.blocks) {
        if (const auto* point = std::get_if<EasyReadPoint>(&block))
            points.emplace_back(point->picture, point->text);
    }
    REQUIRE(points.size() == 10);
    CHECK(points[2] ==
          std::pair<std::string, std::string>(
              "relationship", "The men talked about different kinds of relationships."));
    CHECK(std::all_of(points.begin(), points.end(),
                      [](const auto& point) { return !point.first.empty(); }));
}

TEST_CASE("a handout without contact details leaves space to write them") {
    auto [module, session] = shippedSession("carers-01");
    auto handout = carersHandout(*module, *session, {});
    auto texts = textsOf(handout);
    CHECK(texts.back() == "Write here who to call and their phone number.");
    CHECK(std::holds_alternative<WritingSpace>(handout.blocks.back()));
    CHECK(std::find(texts.begin(), texts.end(), "What this session was about") != texts.end());
}

TEST_CASE("a module's carers' pack has a contents entry and a handout for every session") {
    for (const auto& module : shippedProgramme().modules) {
        INFO(module.id);
        auto pack = carersPack({&module, 1}, kContact);
        CHECK(pack.title == "Handouts for carers");
        const auto* contents = std::get_if<Contents>(&pack.blocks[5]);
        REQUIRE(contents);
        REQUIRE(contents->entries.size() == module.sessions.size());
        CHECK(countOf<PageBreak>(pack) == module.sessions.size());
        CHECK(easyReadProblems(carersPack({&module, 1}, {})) == "");
        for (std::size_t i = 0; i < module.sessions.size(); ++i) {
            const auto& session = module.sessions[i];
            CHECK(contents->entries[i].title == session.title);
            CHECK(contents->entries[i].anchor == session.id);
            // Each handout starts on a new page, headed by its title with the contents' anchor.
            auto heading =
                std::find_if(pack.blocks.begin(), pack.blocks.end(), [&](const Block& b) {
                    const auto* h = std::get_if<Heading>(&b);
                    return h && h->anchor == session.id;
                });
            REQUIRE(heading != pack.blocks.end());
            CHECK(std::get<Heading>(*heading).text == "What the group did");
            CHECK(std::get<Heading>(*(heading + 1)).text == session.title);
            CHECK(std::holds_alternative<PageBreak>(*(heading - 1)));
        }
    }
}

TEST_CASE("the whole programme's pack lists each module's title above its sessions") {
    const auto& modules = shippedProgramme().modules;
    auto pack = carersPack(modules, {});
    const auto* contents = std::get_if<Contents>(&pack.blocks[4]);
    REQUIRE(contents);
    std::size_t sessions = 0;
    for (const auto& module : modules)
        sessions += module.sessions.size();
    CHECK(contents->entries.size() == sessions + modules.size());
    CHECK(contents->entries[0].title == modules[0].title);
    CHECK(contents->entries[0].anchor.empty());
    CHECK(contents->entries[1].anchor == modules[0].sessions[0].id);
    CHECK(countOf<PageBreak>(pack) == sessions);
}

TEST_CASE("the members' summary holds the session's easy-read points in order and nothing else") {
    for (const auto& module : shippedProgramme().modules) {
        for (const auto& session : module.sessions) {
            INFO(session.id);
            auto summary = easyReadSummary(session);
            std::vector<std::string> expected = {"What we did today", std::string(session.title)};
            for (const auto& activity : session.activities) {
                auto points = pointTexts(activity.easyRead);
                expected.insert(expected.end(), points.begin(), points.end());
            }
            CHECK(textsOf(summary) == expected);
            CHECK(summary.typography == Typography::easyRead);
            CHECK(easyReadProblems(summary) == "");
        }
    }
}

TEST_CASE("the session plan's running clock starts at the given time and adds up") {
    for (const auto& module : shippedProgramme().modules) {
        for (const auto& session : module.sessions) {
            INFO(session.id);
            auto plan = sessionPlan(module, session, {*ClockTime::parse("13:30"), {}, {}});
            std::regex span("^(\\d\\d:\\d\\d)\u2013(\\d\\d:\\d\\d)  (.*)$");
            std::vector<std::string> headings;
            for (const auto& block : plan.blocks) {
                if (const auto* heading = std::get_if<Heading>(&block);
                    heading && heading->level == 3)
                    headings.push_back(heading->text);
            }
            REQUIRE(headings.size() == session.activities.size());
            auto clock = *ClockTime::parse("13:30");
            for (std::size_t i = 0; i < headings.size(); ++i) {
                std::smatch match;
                REQUIRE(std::regex_match(headings[i], match, span));
                CHECK(match.str(1) == clock.text());
                clock = clock.plusMinutes(session.activities[i].minutes);
                CHECK(match.str(2) == clock.text());
                CHECK(match.str(3) == session.activities[i].title);
            }
            // The last activity ends when the session does.
            CHECK(clock.text() == ClockTime::parse("13:30")->plusMinutes(session.minutes).text());
        }
    }
}

TEST_CASE("the session plan holds what a facilitator needs, in 11 pt") {
    auto [module, session] = shippedSession("relationships-01");
    auto plan = sessionPlan(*module, *session, {ClockTime(10 * 60), {}, {}});
    CHECK(plan.typography == Typography::standard);
    auto texts = textsOf(plan);
    auto has = [&](const std::string& text) {
        return std::find(texts.begin(), texts.end(), text) != texts.end();
    };
    CHECK(texts[0] == session->title);
    CHECK(has("Module: Human relations and sex education, version 1 (relationships)"));
    CHECK(has("Session: relationships-01, 120 minutes, 10:00\u201312:00"));
    CHECK(has("Date and group"));
    for (const auto& objective : session->objectives)
        CHECK(has(std::string(objective)));
    for (const auto& material : session->materials)
        CHECK(has(std::string(material)));
    const auto& first = session->activities[0];
    CHECK(has("Check-in, " + std::to_string(first.minutes) + " minutes"));
    CHECK(has(std::string(first.guidance[0])));
    CHECK(has("Adapt: " + std::string(first.adapt)));
    CHECK(has("Watch for: " + std::string(first.watch)));
    CHECK(countOf<WritingSpace>(plan) == session->activities.size() + 1);

    auto dated = sessionPlan(*module, *session, {ClockTime(10 * 60), "Tuesday 2 March", "Group A"});
    auto datedTexts = textsOf(dated);
    CHECK(std::find(datedTexts.begin(), datedTexts.end(), "Date: Tuesday 2 March") !=
          datedTexts.end());
    CHECK(std::find(datedTexts.begin(), datedTexts.end(), "Group: Group A") != datedTexts.end());
    CHECK(countOf<WritingSpace>(dated) == session->activities.size());
}

TEST_CASE("a clock time is HH:MM from 00:00 to 23:59, and runs on past midnight") {
    CHECK(ClockTime::parse("09:05")->minutesAfterMidnight() == 9 * 60 + 5);
    CHECK(ClockTime::parse("23:59")->text() == "23:59");
    for (const char* wrong : {"9:05", "24:00", "12:60", "12-00", "ab:cd", "", "12:000", "+1:00"})
        CHECK_MESSAGE(!ClockTime::parse(wrong), wrong);
    CHECK(ClockTime::parse("23:30")->plusMinutes(45).text() == "00:15");
}

TEST_CASE(
    "the recovery key sheet holds the key in lines of four groups, its check key, and nothing "
    "else") {
    const std::string key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-Q";
    const std::string checkKey(64, 'a');
    auto sheet = recoveryKeySheet(key, "service.rtdb", checkKey);
    CHECK(sheet.confidential);
    CHECK(sheet.title == "Recovery key");
    const auto* printed = std::get_if<KeyText>(&sheet.blocks[2]);
    REQUIRE(printed);
    CHECK(printed->text == "ABCD-EFGH-IJKL-MNOP\nQRST-UVWX-YZ23-4567\nABCD-EFGH-IJKL-MNOP\nQ");
    auto texts = textsOf(sheet);
    CHECK(texts[1] == "For the database: service.rtdb");
    CHECK(std::find(texts.begin(), texts.end(), "Where to keep it") != texts.end());
    auto check = std::find(texts.begin(), texts.end(), "Check key");
    REQUIRE(check != texts.end());
    CHECK(check[1].starts_with("Not secret: it lets an administrator confirm later"));
    CHECK(check[2] == checkKeyInGroups(checkKey, 2));
    CHECK(texts.size() == 13);
}

TEST_CASE("a check key is printed in groups of 8 hex digits, so many groups to a line") {
    const std::string checkKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    CHECK(checkKeyInGroups(checkKey, 4) ==
          "01234567 89abcdef 01234567 89abcdef\n01234567 89abcdef 01234567 89abcdef");
    CHECK(checkKeyInGroups(checkKey, 2) ==
          "01234567 89abcdef\n01234567 89abcdef\n01234567 89abcdef\n01234567 89abcdef");
    CHECK(checkKeyInGroups("0123456789", 4) == "01234567 89");
    CHECK(checkKeyInGroups("", 4).empty());
}
