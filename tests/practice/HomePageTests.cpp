// The home page on a real database, on a day set by the store's clock (Friday 20 November
// 2026): every list it shows, for an administrator who sees every group and for a facilitator
// who sees the groups she has run.
#include <doctest/doctest.h>

#include <algorithm>

#include "practice/HomePage.h"
#include "practice/Practice.h"
#include "support/RawSql.h"
#include "support/ShippedProgramme.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using roundtable::test::shippedProgramme;

namespace {

// Noon UTC on Friday 20 November 2026: the same day on every computer's calendar in Europe.
constexpr std::time_t kFriday = 1795176000;

struct Service {
    test::TempDir dir;
    records::RecordStore store = test::createTestStore(dir / "service.rtdb");
    records::SetClock clock{kFriday};
    practice::Practice practice{store, shippedProgramme()};
    records::GroupId tuesday = 0, thursday = 0;
    records::MemberId adam = 0, ben = 0, carl = 0, dev = 0;
    std::vector<records::SessionId> sessions;  ///< Tuesday's, in date order
    records::SessionId thursdaySession = 0;
    records::UserId fay = 0;

    Service() {
        using records::Attendance;
        store.useClock(clock);
        REQUIRE(practice.today() == "2026-11-20"_date);
        tuesday =
            practice.createGroup("Tuesday group", records::GroupKind::treatment, {2, "13:30", 120});
        thursday = practice.createGroup("Thursday group", records::GroupKind::treatment,
                                        {4, "10:00", 120});
        practice.createGroup("Carers", records::GroupKind::carers, {3, "18:00", 90}, tuesday);
        adam = practice.addMember(tuesday, "Adam Reid", "2026-09-01");
        ben = practice.addMember(tuesday, "Ben Cole", "2026-09-01");
        carl = practice.addMember(tuesday, "Carl Hart", "2026-09-01");
        dev = practice.addMember(thursday, "Dev Patel", "2026-10-01");
        practice.recordLeaving(tuesday, ben, "2026-10-20", "Moved away.");
        for (const char* date :
             {"2026-11-03", "2026-11-10", "2026-11-17", "2026-11-18", "2026-11-24", "2026-12-01"})
            sessions.push_back(practice.planSession(tuesday, "framework-01", date));
        // 3 November: both there, both notes signed.
        for (auto member : {adam, carl}) {
            practice.recordAttendance(sessions[0], member, Attendance::attended, "");
            practice.signNote(sessions[0], member, {"Took part."});
        }
        practice.markDelivered(sessions[0]);
        // 10 November: Adam late, his note a draft; Carl absent, so no note is owed for him.
        practice.recordAttendance(sessions[1], adam, Attendance::late, "Bus late");
        practice.saveNote(sessions[1], adam, {"Half written."});
        practice.recordAttendance(sessions[1], carl, Attendance::absentAuthorised, "Ill");
        practice.markDelivered(sessions[1]);
        // 17 November: both there, nothing written yet.
        practice.recordAttendance(sessions[2], adam, Attendance::attended, "");
        practice.recordAttendance(sessions[2], carl, Attendance::leftEarly, "Appointment");
        practice.markDelivered(sessions[2]);
        // 18 November is still only planned; 24 November is the next.

        thursdaySession = practice.planSession(thursday, "framework-01", "2026-11-19");
        fay = practice.addUser("fay", records::Role::facilitator, test::kTestPassphrase,
                               test::kTestPassphrase);
        practice.recordFacilitators(thursdaySession, {fay});
    }
};

}  // namespace

TEST_CASE("the home page lists the sessions to record and the next of each group") {
    Service s;
    auto page = s.practice.homePage();
    CHECK(page.groups.size() == 3);  // an administrator sees every group
    REQUIRE(page.sessions.size() == 3);
    // First what is overdue: the 18th, never recorded; then the next of each group by date.
    CHECK(page.sessions[0].session.id == s.sessions[3]);
    CHECK(page.sessions[0].notRecorded);
    CHECK(page.sessions[1].session.id == s.thursdaySession);  // the 19th: passed, not recorded
    CHECK(page.sessions[1].notRecorded);
    CHECK(page.sessions[2].session.id == s.sessions[4]);  // the 24th, not the 1st after it
    CHECK_FALSE(page.sessions[2].notRecorded);
    CHECK(page.sessions[2].group.name == "Tuesday group");
}

TEST_CASE("the home page lists the notes owed, the most overdue first, with any draft") {
    Service s;
    auto page = s.practice.homePage();
    REQUIRE(page.notes.size() == 3);
    CHECK(page.notes[0].session.id == s.sessions[1]);
    CHECK(page.notes[0].member.name == "Adam Reid");
    CHECK(page.notes[0].draftBy == std::optional<std::string>("admin"));
    CHECK(page.notes[0].daysOverdue == 10);
    // The 17th: Adam and Carl (who left early but was there), neither begun.
    CHECK(page.notes[1].daysOverdue == 3);
    CHECK(page.notes[2].daysOverdue == 3);
    CHECK_FALSE(page.notes[1].draftBy);
    std::vector<std::string> names{page.notes[1].member.name, page.notes[2].member.name};
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"Adam Reid", "Carl Hart"});
    for (const auto& note : page.notes)
        CHECK(note.damage.empty());

    // Signed, a note leaves the list.
    s.practice.signNote(s.sessions[1], s.adam, {"Finished."});
    CHECK(s.practice.homePage().notes.size() == 2);
}

TEST_CASE("the home page lists concern actions due within a week or overdue") {
    Service s;
    auto concern =
        s.practice.raiseConcern(s.adam, std::nullopt, "Spoke of missing his bus on purpose.");
    s.practice.addConcernAction(concern, "Tell his care manager", "Group lead", "2026-11-15");
    s.practice.addConcernAction(concern, "Talk with him", "Key worker", "2026-11-22");
    s.practice.addConcernAction(concern, "Review in the new year", "Group lead", "2027-01-10");
    auto done =
        s.practice.addConcernAction(concern, "Check the bus times", "Key worker", "2026-11-19");
    s.practice.updateConcernAction(done, records::ActionStatus::done, "Checked.");
    s.practice.addConcernAction(concern, "No date", "Key worker", "");
    auto page = s.practice.homePage();
    REQUIRE(page.actions.size() == 2);
    CHECK(page.actions[0].action.action == "Tell his care manager");
    CHECK(page.actions[0].daysLeft == -5);
    CHECK(page.actions[1].action.action == "Talk with him");
    CHECK(page.actions[1].daysLeft == 2);
    CHECK(page.actions[1].member.code == page.notes.front().member.code);  // Adam's
}

TEST_CASE("the home page lists the outcome measures due, from the time points' own due days") {
    Service s;
    // Adam joined on 1 September: "before" fell due then (80 days ago); one measure is taken.
    s.practice.recordOutcomeScore(s.adam, "sexual-knowledge", "before", "2026-09-01", 40);
    auto page = s.practice.homePage();
    auto of = [&](records::MemberId member) {
        std::vector<std::string> due;
        for (const auto& line : page.measures) {
            if (line.member.id == member)
                due.push_back(line.measureId + " " + line.timePointId + " " + line.dueOn.iso());
        }
        std::sort(due.begin(), due.end());
        return due;
    };
    CHECK(of(s.adam) == std::vector<std::string>{"cognitive-distortions before 2026-09-01",
                                                 "empathy-for-victims before 2026-09-01"});
    // Ben left on 20 October: his treatment year ended then, so "after" is due too.
    CHECK(of(s.ben) ==
          std::vector<std::string>{
              "cognitive-distortions after 2026-10-20", "cognitive-distortions before 2026-09-01",
              "empathy-for-victims after 2026-10-20", "empathy-for-victims before 2026-09-01",
              "sexual-knowledge after 2026-10-20", "sexual-knowledge before 2026-09-01"});
    // The session rating is taken after each session, never listed as due; the carers' group
    // has no measures. The earliest due comes first.
    for (const auto& line : page.measures) {
        CHECK(line.timePointId != "each-session");
        CHECK(line.group.kind != records::GroupKind::carers);
    }
    CHECK(std::is_sorted(page.measures.begin(), page.measures.end(),
                         [](const auto& a, const auto& b) { return a.dueOn < b.dueOn; }));

    // When a time point falls due: from joining, from the end of his year or his leaving.
    const auto& points = shippedProgramme().timePoints;
    auto point = [&](std::string_view id) {
        return *std::find_if(points.begin(), points.end(),
                             [&](const auto& each) { return each.id == id; });
    };
    const auto joined = "2026-09-01"_date;
    CHECK(practice::dueOn(point("before"), joined, std::nullopt, 52) == joined);
    CHECK(practice::dueOn(point("after"), joined, std::nullopt, 52) == "2027-08-31"_date);
    CHECK(practice::dueOn(point("follow-up-6m"), joined, std::nullopt, 52) == "2028-02-29"_date);
    CHECK(practice::dueOn(point("follow-up-6m"), joined, "2026-10-20"_date, 52) ==
          "2027-04-20"_date);
    CHECK_FALSE(practice::dueOn(point("each-session"), joined, std::nullopt, 52));
}

TEST_CASE("a session rating that is low, or well below his own recent ones, is an alert") {
    Service s;
    auto rate = [&](records::MemberId member, const char* date, int score) {
        s.practice.recordOutcomeScore(member, "session-rating", "each-session", date, score);
    };
    // Adam: 8, 8 and 9, then 5: not below the floor (4 of 10), but 3.3 below his mean.
    for (auto [date, score] :
         {std::pair{"2026-11-03", 8}, {"2026-11-10", 8}, {"2026-11-17", 9}, {"2026-11-19", 5}})
        rate(s.adam, date, score);
    // Carl: 3, below the floor.
    rate(s.carl, "2026-11-17", 3);
    // Dev: 2, but five weeks ago: no longer news.
    rate(s.dev, "2026-10-15", 2);
    auto page = s.practice.homePage();
    REQUIRE(page.alerts.size() == 2);
    auto adam = std::find_if(page.alerts.begin(), page.alerts.end(),
                             [&](const auto& alert) { return alert.member.id == s.adam; });
    REQUIRE(adam != page.alerts.end());
    CHECK_FALSE(adam->belowFloor);
    REQUIRE(adam->recentMean);
    CHECK(*adam->recentMean == doctest::Approx(25.0 / 3.0));
    CHECK(adam->rating.score == 5);
    auto carl = std::find_if(page.alerts.begin(), page.alerts.end(),
                             [&](const auto& alert) { return alert.member.id == s.carl; });
    REQUIRE(carl != page.alerts.end());
    CHECK(carl->belowFloor);
    CHECK_FALSE(carl->recentMean);

    // The service sets the floor and the drop: a floor of 30% and a drop of 40% quiet both.
    s.practice.setServicePercent(practice::kRatingAlertBelow, 30);
    s.practice.setServicePercent(practice::kRatingAlertDrop, 40);
    CHECK(s.practice.homePage().alerts.empty());
    CHECK_THROWS_AS(s.practice.setServicePercent(practice::kRatingAlertDrop, 0),
                    practice::ValidationError);
}

TEST_CASE("a facilitator's home page is drawn from the groups she has run") {
    Service s;
    s.store.lock();
    s.store.unlock("fay", test::kTestPassphrase);
    auto page = s.practice.homePage();
    REQUIRE(page.groups.size() == 1);
    CHECK(page.groups[0].name == "Thursday group");
    REQUIRE(page.sessions.size() == 1);
    CHECK(page.sessions[0].session.id == s.thursdaySession);
    CHECK(page.notes.empty());
    for (const auto& line : page.measures)
        CHECK(line.member.id == s.dev);
}

TEST_CASE("looking at the home page is recorded in the audit log") {
    Service s;
    auto views = [&] {
        return test::rawTexts(s.dir / "service.rtdb",
                              "SELECT login || ' ' || kind || ' ' || record_kind FROM audit_events "
                              "WHERE record_kind = 'home-page'");
    };
    CHECK(views().empty());
    (void)s.practice.homePage();
    CHECK(views() == std::vector<std::string>{"admin view home-page"});
}

TEST_CASE(
    "a clinical lead reviews signed notes from her home page, and the author answers a return") {
    Service s;
    auto lena = s.practice.addUser("lena", records::Role::clinicalLead, test::kTestPassphrase,
                                   test::kTestPassphrase);
    (void)lena;
    auto signInAs = [&](const char* login) {
        s.store.lock();
        s.store.unlock(login, test::kTestPassphrase);
    };
    // Until the service asks for reviews, nothing awaits one.
    signInAs("lena");
    CHECK(s.practice.homePage().reviews.empty());
    CHECK_FALSE(s.practice.canReview(*s.store.note(s.sessions[0], s.adam)));

    // An administrator turns reviews on a minute later; the notes signed before are not asked for.
    signInAs(test::kTestLogin);
    s.clock.set(kFriday + 60);
    s.practice.setReviewsRequired(true);
    CHECK(s.practice.reviewsRequired());
    s.clock.set(kFriday + 120);
    s.practice.signNote(s.sessions[1], s.adam, {"Arrived late, settled quickly."});
    const auto note = [&] { return *s.store.note(s.sessions[1], s.adam); };

    signInAs("lena");
    auto page = s.practice.homePage();
    REQUIRE(page.reviews.size() == 1);
    CHECK(page.reviews[0].member.id == s.adam);
    CHECK(page.reviews[0].session.id == s.sessions[1]);
    CHECK(page.reviews[0].note.author == test::kTestLogin);
    CHECK_FALSE(page.reviews[0].note.answered);
    CHECK(s.practice.canReview(note()));
    CHECK_FALSE(s.practice.canReview(*s.store.note(s.sessions[0], s.adam)));  // signed before
    CHECK_THROWS_WITH_AS(s.practice.reviewNote(note(), records::ReviewOutcome::returned, "  "),
                         "Say what the author should look at again.", practice::ValidationError);
    s.practice.reviewNote(note(), records::ReviewOutcome::returned, "Why was he late?");
    CHECK(s.practice.homePage().reviews.empty());
    CHECK_FALSE(s.practice.canReview(note()));

    // Her return reaches the author's home page, until he answers with an amendment.
    signInAs(test::kTestLogin);
    page = s.practice.homePage();
    REQUIRE(page.returned.size() == 1);
    CHECK(page.returned[0].note.review.comment == "Why was he late?");
    CHECK(page.returned[0].note.review.reviewer == "lena");
    CHECK(page.reviews.empty());  // an administrator does not review
    s.practice.amendNote(s.sessions[1], s.adam, "His bus was cancelled.",
                         "Asked by the clinical lead.");
    CHECK(s.practice.homePage().returned.empty());

    signInAs("lena");
    page = s.practice.homePage();
    REQUIRE(page.reviews.size() == 1);
    CHECK(page.reviews[0].note.answered);
    s.practice.reviewNote(note(), records::ReviewOutcome::coSigned, "");
    CHECK(s.practice.homePage().reviews.empty());
    CHECK(note().reviews.size() == 2);
    CHECK(test::rawCount(s.dir / "service.rtdb",
                         "SELECT COUNT(*) FROM audit_events WHERE kind IN ('return-note', "
                         "'co-sign-note') AND login = 'lena'") == 2);

    // A facilitator never reviews, even a note she did not write.
    signInAs("fay");
    CHECK_FALSE(s.practice.canReview(*s.store.note(s.sessions[0], s.carl)));
}
