// Printing without a display: what each page offers and what each offer makes, the audit
// events of prints and exports (read back from the database file), the preview's pages as
// pixels and its zoom, and the service's details as the settings keep them.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "documents/PdfTools.h"
#include "documents/RecoveryKeySheet.h"
#include "practice/Practice.h"
#include "printing/Output.h"
#include "printing/PageDocuments.h"
#include "printing/PagePreview.h"
#include "printing/PrintPreferences.h"
#include "support/RawSql.h"
#include "support/ShippedProgramme.h"
#include "support/SmallService.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using namespace roundtable::printing;
using roundtable::test::shippedProgramme;

namespace {

const std::filesystem::path kPictures = std::filesystem::path(ROUNDTABLE_CONTENT) / "pictures";

const PrintPreferences kPreferences{
    {"Northside Group Service", "01632 960 123", "groups@example.org", {"12 Mill Lane"}},
    documents::Paper::a4};

/// A service with a group that meets at 13:30 and "Making our group rules" planned for it.
struct Service {
    test::TempDir dir;
    std::filesystem::path path = dir / "service.rtdb";
    records::RecordStore store = test::createTestStore(path);
    practice::Practice practice{store, shippedProgramme()};
    records::GroupId group =
        practice.createGroup("Tuesday group", records::GroupKind::treatment, {2, "13:30", 120});
    records::SessionId session = practice.planSession(group, "framework-02", "2026-11-03");
};

std::vector<std::string> kindsOf(const std::vector<PrintableDocument>& offered) {
    std::vector<std::string> kinds;
    for (const auto& printable : offered)
        kinds.push_back(printable.kind);
    return kinds;
}

bool holds(const documents::Document& document, const std::string& text) {
    auto texts = documents::textsOf(document);
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

int modeOf(const std::filesystem::path& file) {
    struct stat status {};
    REQUIRE(::stat(file.c_str(), &status) == 0);
    return static_cast<int>(status.st_mode & 0777);
}

}  // namespace

TEST_CASE("the curriculum page offers a session's papers, its module's pack and the programme's") {
    const auto& programme = shippedProgramme();
    auto offered = curriculumDocuments(programme, "framework-02", "framework");
    CHECK(kindsOf(offered) == std::vector<std::string>{"carers-handout", "easy-read-summary",
                                                       "session-plan", "carers-pack",
                                                       "programme-carers-pack"});
    CHECK(offered[0].label() == "Carers' handout: Making our group rules");
    CHECK(offered[3].label() == "Carers' pack: Social and therapeutic framework");
    CHECK(offered[4].label() == "Carers' pack: the whole programme");
    // How the audit log names each: the kind of document and the curriculum id, no record.
    std::vector<std::string> recordKinds;
    for (const auto& printable : offered) {
        recordKinds.push_back(printable.recordKind);
        CHECK(printable.recordId == 0);
        CHECK_FALSE(printable.privateFile);
    }
    CHECK(recordKinds ==
          std::vector<std::string>{"carers-handout framework-02", "easy-read-summary framework-02",
                                   "session-plan framework-02", "carers-pack framework",
                                   "programme-carers-pack core"});

    // The handout carries the service's details; the plan leaves the date and group to write.
    auto handout = prepare(offered[0], kPreferences).document;
    CHECK(holds(handout,
                "Northside Group Service\nPhone: 01632 960 123\nEmail: "
                "groups@example.org\n12 Mill Lane"));
    auto plan = prepare(offered[2], kPreferences).document;
    CHECK(plan.title == "Session plan: Making our group rules");
    CHECK(holds(plan, "Date and group"));
    auto pack = prepare(offered[4], {kPreferences.contact, documents::Paper::letter});
    CHECK(pack.document.paper == documents::Paper::letter);
    CHECK(pack.notice.empty());

    // Without a selection only the whole programme's pack; an unknown id offers nothing.
    CHECK(kindsOf(curriculumDocuments(programme, "", "")) ==
          std::vector<std::string>{"programme-carers-pack"});
    CHECK(kindsOf(curriculumDocuments(programme, "no-such-session", "no-such-module")) ==
          std::vector<std::string>{"programme-carers-pack"});
    CHECK(kindsOf(curriculumDocuments(programme, "", "relationships")) ==
          std::vector<std::string>{"carers-pack", "programme-carers-pack"});
}

TEST_CASE(
    "a session page offers its plan, with the date, group and start time, and its sign-in sheet") {
    Service service;
    service.practice.addMember(service.group, "Adam Reid", "2026-09-01");
    auto offered = sessionDocuments(service.practice, service.store.session(service.session));
    REQUIRE(kindsOf(offered) == std::vector<std::string>{"session-plan", "sign-in-sheet"});
    const auto& plan = offered[0];
    CHECK(plan.label() == "Facilitator's session plan: Making our group rules");
    // Named in the log as roundtable-cli print names them: the kind and the session's number.
    CHECK(plan.recordKind == "session-plan");
    CHECK(plan.recordId == service.session);
    CHECK_FALSE(plan.privateFile);
    auto printout = prepare(plan, kPreferences);
    CHECK(printout.notice.empty());
    CHECK(holds(printout.document, "Date: 2026-11-03"));
    CHECK(holds(printout.document, "Group: Tuesday group"));
    CHECK(holds(printout.document, "Session: framework-02, 120 minutes, 13:30\u201315:30"));
    CHECK(holds(printout.document, "Planned from: version 1, as printed here"));

    const auto& sheet = offered[1];
    CHECK(sheet.label() == "Sign-in sheet: Making our group rules");
    CHECK(sheet.recordKind == "sign-in-sheet");
    CHECK(sheet.recordId == service.session);
    CHECK(sheet.privateFile);
    auto texts = documents::textsOf(prepare(sheet, kPreferences).document);
    CHECK(std::find(texts.begin(), texts.end(), "R0001") != texts.end());
    CHECK(std::none_of(texts.begin(), texts.end(), [](const std::string& text) {
        return text.find("Adam Reid") != std::string::npos;
    }));
}

TEST_CASE("a group page offers its year register, by members' codes, and its outcomes") {
    Service service;
    service.practice.addMember(service.group, "Adam Reid", "2026-09-01");
    auto offered = groupDocuments(service.practice, service.store.groups().at(0));
    REQUIRE(kindsOf(offered) == std::vector<std::string>{"register", "group-outcomes"});
    CHECK(offered[0].label() == "Year register: Tuesday group");
    CHECK(offered[0].recordKind == "register");
    CHECK(offered[0].recordId == service.group);
    CHECK(offered[0].privateFile);
    auto texts = documents::textsOf(prepare(offered[0], kPreferences).document);
    CHECK(std::find(texts.begin(), texts.end(), "R0001") != texts.end());

    // The outcomes are the group's figures: no member named or given by code.
    CHECK(offered[1].label() == "Group outcomes: Tuesday group");
    CHECK(offered[1].recordKind == "group-outcomes");
    CHECK(offered[1].recordId == service.group);
    auto outcomes = prepare(offered[1], kPreferences).document;
    CHECK(outcomes.confidential);
    texts = documents::textsOf(outcomes);
    CHECK(std::find(texts.begin(), texts.end(), "Outcome measures") != texts.end());
    CHECK(std::none_of(texts.begin(), texts.end(), [](const std::string& text) {
        return text.find("R0001") != std::string::npos || text.find("Adam") != std::string::npos;
    }));
}

TEST_CASE("sign-in sheets and registers name the members when the service chose names") {
    Service service;
    service.practice.addMember(service.group, "Adam Reid", "2026-09-01");
    auto byName = kPreferences;
    byName.naming = documents::MemberNaming::names;
    for (const auto& printable :
         {sessionDocuments(service.practice, service.store.session(service.session))[1],
          groupDocuments(service.practice, service.store.groups().at(0))[0]}) {
        INFO(printable.kind);
        auto texts = documents::textsOf(prepare(printable, byName).document);
        CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& text) {
            return text.find("Adam Reid") != std::string::npos;
        }));
        CHECK(printable.privateFile);
    }
}

TEST_CASE("a member page offers his progress report as chosen, and his plan in two versions") {
    test::TempDir dir;
    auto store = test::createTestStore(dir / "service.rtdb");
    auto small = test::writeSmallService(store, shippedProgramme());
    practice::Practice practice(store, shippedProgramme());
    auto members = practice.membersOf(small.group);
    auto owen = *std::find_if(members.begin(), members.end(),
                              [&](const auto& member) { return member.id == small.owen; });

    // Without a plan, the report alone; with one, both versions of the plan too.
    CHECK(kindsOf(memberDocuments(practice, owen, false)) ==
          std::vector<std::string>{"member-report"});
    auto offered = memberDocuments(practice, owen, true);
    REQUIRE(kindsOf(offered) ==
            std::vector<std::string>{"member-report", "relapse-plan", "easy-read-relapse-plan"});
    for (const auto& printable : offered) {
        INFO(printable.kind);
        // Named in the log as roundtable-cli print names them, by his number; 0600.
        CHECK(printable.recordKind == printable.kind);
        CHECK(printable.recordId == small.owen);
        CHECK(printable.privateFile);
        CHECK(printable.subject == owen.code);
    }
    CHECK(offered[0].label() == "Progress report: " + owen.code);

    // The defaults: since he joined, no concerns, a space for the summary, signed by whoever is
    // signed in.
    auto report = prepare(offered[0], kPreferences).document;
    CHECK(report.confidential);
    CHECK(holds(report, "Period: 2026-09-03 to " + practice.today().iso()));
    CHECK_FALSE(holds(report, test::kOwenOpenConcern));
    // The facilitator's choices: a period, his open concerns and her summary.
    // (Concerns raised by the period's end: his were raised on 2 November.)
    ReportChoices choices{practice.typedPeriod("2026-09-10", ""), true,
                          "He has settled into the group."};
    auto chosen = prepare(memberDocuments(practice, owen, true, choices)[0], kPreferences).document;
    CHECK(holds(chosen, "Period: 2026-09-10 to " + practice.today().iso()));
    CHECK(holds(chosen, "He has settled into the group."));
    auto texts = documents::textsOf(chosen);
    CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& text) {
        return text.find(test::kOwenOpenConcern) != std::string::npos;
    }));

    // The easy-read plan is a booklet, and the printout says how to print and fold it.
    auto own = prepare(offered[2], kPreferences);
    CHECK(own.document.booklet);
    CHECK(own.notice.find("flipping on the short edge") != std::string::npos);
    CHECK_FALSE(prepare(offered[1], kPreferences).document.booklet);
}

TEST_CASE("a report's period is typed in the person's order, and refused at its field") {
    test::TempDir dir;
    auto store = test::createTestStore(dir / "service.rtdb");
    practice::Practice practice(store, shippedProgramme());
    practice.useDateOrder(practice::DateOrder::dayMonthYear);
    auto period = practice.typedPeriod(" 10/09/2026 ", "");
    CHECK(period.from == records::Date::fromParts(2026, 9, 10));
    CHECK_FALSE(period.to);
    CHECK_FALSE(practice.typedPeriod("", "").from);
    auto refusedAt = [&](const std::string& from, const std::string& to) -> std::string {
        try {
            (void)practice.typedPeriod(from, to);
        } catch (const practice::ValidationError& error) {
            return error.field();
        }
        return "";
    };
    CHECK(refusedAt("31/02/2026", "") == "report-from");
    CHECK(refusedAt("", "soon") == "report-to");
    CHECK(refusedAt("10/09/2026", "01/09/2026") == "report-to");
}

TEST_CASE("a plan says when the session was planned from another version of its module") {
    Service service;
    auto older = test::plannedSession(service.group);
    older.stamp.moduleVersion = 7;  // as a session planned before the module was revised
    auto id = service.store.addSession(older);
    auto printout =
        prepare(sessionDocuments(service.practice, service.store.session(id))[0], kPreferences);
    CHECK(printout.notice ==
          "This session was planned from version 7 of \"Social and therapeutic framework\"; the "
          "plan shows version 1, the one in use now.");
    CHECK(
        holds(printout.document,
              "Planned from: version 7; the curriculum now has version 1, which this plan shows"));

    // A curriculum session the programme no longer has prints nothing.
    auto gone = test::plannedSession(service.group);
    gone.stamp.sessionId = "framework-99";
    id = service.store.addSession(gone);
    CHECK_THROWS_WITH_AS(
        prepare(sessionDocuments(service.practice, service.store.session(id))[0], kPreferences),
        doctest::Contains("was planned from \"framework-99\", which is not in the programme"),
        documents::DocumentError);
}

TEST_CASE("every print and export is recorded by kind and record, and an export is a real PDF") {
    Service service;
    const auto& programme = shippedProgramme();
    auto offered = curriculumDocuments(programme, "framework-02", "framework");
    auto plan = sessionDocuments(service.practice, service.store.session(service.session))[0];
    auto sheet = recoveryKeyDocument("ABCD-EFGH", std::string(64, 'f'), "service.rtdb");

    recordPrinted(service.practice, offered[0]);
    recordPrinted(service.practice, plan);
    auto handoutFile =
        service.dir / suggestedFileName(prepare(offered[0], kPreferences).document.title);
    documents::PageLayout handout(prepare(offered[0], kPreferences).document, kPictures);
    auto written = exportPdf(service.practice, offered[0], handout, handoutFile);
    CHECK(written.pages == handout.pageCount());
    CHECK(test::pdfInfo(handoutFile).pages == handout.pageCount());
    CHECK(test::pageTexts(handoutFile).front().find("Roundtable") != std::string::npos);
    CHECK(modeOf(handoutFile) != 0600);
    auto sheetFile = service.dir / "recovery key.pdf";
    exportPdf(service.practice, sheet,
              documents::PageLayout(prepare(sheet, kPreferences).document, kPictures), sheetFile);
    CHECK(modeOf(sheetFile) == 0600);

    CHECK(test::printsAndExports(service.path) ==
          std::vector<std::string>{"print carers-handout framework-02 0",
                                   "print session-plan " + std::to_string(service.session),
                                   "export carers-handout framework-02 0",
                                   "export recovery-key-sheet 0"});
    // Never the content: no text of the documents is in the log.
    CHECK(test::rawCount(service.path,
                         "SELECT COUNT(*) FROM audit_events WHERE record_kind LIKE '%Making%' OR "
                         "record_kind LIKE '%ABCD%'") == 0);
}

TEST_CASE(
    "a cancelled export writes and records nothing, and one that cannot be recorded is removed") {
    Service service;
    auto pack = curriculumDocuments(shippedProgramme(), "", "framework")[0];
    documents::PageLayout layout(prepare(pack, kPreferences).document, kPictures);
    auto file = service.dir / "pack.pdf";
    int reports = 0;
    auto written = exportPdf(service.practice, pack, layout, file, [&](int done, int pages) {
        ++reports;
        CHECK(pages == layout.pageCount());
        return done < 2;
    });
    CHECK(written.cancelled);
    CHECK(reports == 2);
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK(test::printsAndExports(service.path).empty());

    // Locked (the key wiped), the store cannot record the export: no file is left behind.
    service.store.lock();
    CHECK_THROWS(exportPdf(service.practice, pack, layout, file));
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK_THROWS(recordPrinted(service.practice, pack));
}

TEST_CASE("a recovery key saved as text is private and its saving recorded, never the key") {
    Service service;
    const std::string key = "ABCD-EFGH-IJKL-MNOP";
    const std::string checkKey(64, 'c');
    auto file = service.dir / "recovery-key.txt";
    exportRecoveryKeyText(service.practice, key, checkKey, file);
    CHECK(modeOf(file) == 0600);
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find(key) != std::string::npos);
    CHECK(text.find(documents::checkKeyInGroups(checkKey, 4)) != std::string::npos);
    CHECK(test::printsAndExports(service.path) ==
          std::vector<std::string>{"export recovery-key-file 0"});

    // Locked, the saving cannot be recorded: the file is not left behind.
    std::filesystem::remove(file);
    service.store.lock();
    CHECK_THROWS(exportRecoveryKeyText(service.practice, key, checkKey, file));
    CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("a group's table exported as CSV is private, whole and recorded, or not left behind") {
    Service service;
    const records::SetClock clock(practice::localTimeOn("2026-11-03"_date, 12, 0));
    service.store.useClock(clock);
    auto& useCases = service.practice;
    auto member = useCases.addMember(service.group, "Zo\xC3\xAB O'Brien", "2026-11-01");
    useCases.recordAttendance(service.session, member, records::Attendance::attended, "");
    useCases.recordOutcomeScore(member, "sexual-knowledge", "before", "2026-11-01", 47);
    const auto grid = practice::registerExport(useCases.groupYear(service.group));
    CHECK(grid.table == "register");
    CHECK(suggestedCsvName(grid, "2026-11-03"_date) == "Tuesday group-register-2026-11-03.csv");

    // A file already there is replaced whole, and narrowed to its owner.
    const auto file = service.dir / "register.csv";
    std::ofstream(file) << "old";
    std::filesystem::permissions(file, std::filesystem::perms::all);
    exportCsv(useCases, grid, file);
    CHECK(modeOf(file) == 0600);
    std::ifstream in(file, std::ios::binary);
    const std::string written((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    CHECK(written == grid.text);
    CHECK(written.starts_with("code,joined,left,present,counted,2026-11-03 framework-02\r\n"));
    CHECK(written.find("R0001,2026-11-01,,1,1,P\r\n") != std::string::npos);
    CHECK(written.find("Zo") == std::string::npos);  // by code only, never the name
    // The same function for the command line, recording through the store.
    const auto scores =
        practice::outcomesExport(practice::groupOutcomes(service.store, service.group));
    exportCsv(service.store, scores, service.dir / "outcomes.csv");
    CHECK(modeOf(service.dir / "outcomes.csv") == 0600);
    CHECK(test::printsAndExports(service.path) ==
          std::vector<std::string>{"export register-csv " + std::to_string(service.group),
                                   "export outcomes-csv " + std::to_string(service.group)});

    // Locked, the export cannot be recorded: no file is left, nor a partial one beside it.
    service.store.lock();
    const auto refused = service.dir / "refused.csv";
    CHECK_THROWS(exportCsv(useCases, grid, refused));
    CHECK_FALSE(std::filesystem::exists(refused));
    for (const auto& entry : std::filesystem::directory_iterator(service.dir.path()))
        CHECK(entry.path().filename().string().find("partial") == std::string::npos);
}

TEST_CASE("a page is drawn as pixels at the zoom asked, white paper with dark text") {
    auto handout = curriculumDocuments(shippedProgramme(), "framework-02", "")[0];
    documents::PageLayout layout(prepare(handout, kPreferences).document, kPictures);
    for (double scale : {0.5, 1.0, 2.0}) {
        auto image = renderPage(layout, 0, scale);
        CHECK(image.width == static_cast<int>(std::lround(layout.pageSize().width * scale)));
        CHECK(image.height == static_cast<int>(std::lround(layout.pageSize().height * scale)));
        REQUIRE(image.rgb.size() == static_cast<std::size_t>(image.width * image.height * 3));
        CHECK(image.rgb[0] == 255);  // the top-left corner is margin: white
        auto dark = std::count_if(image.rgb.begin(), image.rgb.end(),
                                  [](unsigned char value) { return value < 64; });
        CHECK(dark > image.width * 3);  // text was drawn
    }
    CHECK_THROWS_AS(renderPage(layout, layout.pageCount(), 1.0), documents::DocumentError);
}

TEST_CASE("the preview steps through pages and zooms between fixed steps") {
    PreviewView view;
    view.showDocument(3);
    CHECK(view.pageLabel() == "Page 1 of 3");
    CHECK_FALSE(view.previous());
    CHECK(view.next());
    CHECK(view.next());
    CHECK_FALSE(view.next());
    CHECK(view.pageLabel() == "Page 3 of 3");
    view.goTo(10);
    CHECK(view.page() == 2);
    view.showDocument(1);
    CHECK(view.pageLabel() == "Page 1 of 1");
    view.showDocument(0);
    CHECK(view.pageLabel() == "No pages");

    const documents::PageSize a4 = documents::pageSizeOf(documents::Paper::a4);
    const double screen = 96.0 / 72.0;
    CHECK(view.mode() == ZoomMode::percent);
    CHECK(view.pixelsPerPoint(a4, 600, 400, screen) == doctest::Approx(screen));  // 100%
    view.fit(ZoomMode::pageWidth);
    CHECK(view.pixelsPerPoint(a4, 600, 400, screen) == doctest::Approx(600 / a4.width));
    view.fit(ZoomMode::wholePage);
    CHECK(view.pixelsPerPoint(a4, 600, 400, screen) == doctest::Approx(400 / a4.height));
    view.setPercent(100);
    CHECK(view.pixelsPerPoint(a4, 600, 400, screen) == doctest::Approx(screen));
    view.zoomIn(100.0);
    CHECK(view.percent() == 125);
    view.zoomOut(125.0);
    view.zoomOut(100.0);
    CHECK(view.percent() == 75);
    // From a fitted zoom, to the next step beyond what is shown.
    view.zoomIn(PreviewView::shownPercent(400 / a4.width, screen));  // about 50.4%
    CHECK(view.percent() == 75);
    view.setPercent(1000);
    CHECK(view.percent() == 400);
    view.zoomIn(400.0);
    CHECK(view.percent() == 400);
    view.setPercent(1);
    view.zoomOut(25.0);
    CHECK(view.percent() == 25);
}

TEST_CASE("the service's details are checked, trimmed and kept in the settings") {
    settings::MemoryStore store;
    CHECK(readPrintPreferences(store).contact.empty());
    CHECK(readPrintPreferences(store).paper == documents::Paper::a4);

    PrintPreferences typed{{"  Northside Group Service ",
                            "+44 (0)1632 960-123",
                            "groups@example.org",
                            {"12 Mill Lane", "  ", "Northtown NT1 2AB"}},
                           documents::Paper::letter};
    savePrintPreferences(store, typed);
    auto kept = readPrintPreferences(store);
    CHECK(kept.contact.name == "Northside Group Service");
    CHECK(kept.contact.phone == "+44 (0)1632 960-123");
    CHECK(kept.contact.addressLines ==
          std::vector<std::string>{"12 Mill Lane", "Northtown NT1 2AB"});
    CHECK(kept.paper == documents::Paper::letter);
    CHECK(settings::paper.read(store) == "letter");

    auto refused = [](PrintPreferences preferences) {
        try {
            (void)checkedPrintPreferences(preferences);
        } catch (const practice::ValidationError& error) {
            return error.field() + ": " + error.what();
        }
        return std::string("accepted");
    };
    auto with = [&](auto change) {
        auto preferences = typed;
        change(preferences.contact);
        return refused(preferences);
    };
    CHECK(with([](auto& contact) { contact.phone = "call us"; }) ==
          "service-phone: A phone number has only digits, spaces and + ( ) - in it.");
    CHECK(with([](auto& contact) { contact.phone = "123"; }) ==
          "service-phone: This phone number is too short.");
    for (const char* email : {"groups", "@example.org", "groups@example", "a@b@example.org",
                              "groups @example.org", "groups@example.org."}) {
        CHECK_MESSAGE(with([&](auto& contact) {
                          contact.email = email;
                      }).starts_with("service-email: Please check the email address"),
                      email);
    }
    CHECK(with([](auto& contact) { contact.name = std::string(81, 'x'); }) ==
          "service-name: Please shorten the service's name to 80 characters or fewer.");
    CHECK(with([](auto& contact) { contact.name = "Tab\tinside"; }) ==
          "service-name: Please type the service's name on one line.");
    CHECK(with([](auto& contact) { contact.addressLines.assign(5, "A line"); }) ==
          "service-address: Please fit the address on 4 lines or fewer.");
    CHECK(with([](auto& contact) { contact = {}; }) == "accepted");
    // What was refused was not saved.
    CHECK(readPrintPreferences(store).contact.name == "Northside Group Service");
}

TEST_CASE("a document's file name comes from its title") {
    CHECK(suggestedFileName("Session plan: Making our group rules") ==
          "Session plan - Making our group rules.pdf");
    CHECK(suggestedFileName("What the group did: Feelings/thoughts?") ==
          "What the group did - Feelings thoughts.pdf");
    CHECK(suggestedFileName("Carers' pack") == "Carers pack.pdf");
    CHECK(suggestedFileName("Caf\xC3\xA9 notes") == "Caf\xC3\xA9 notes.pdf");
    CHECK(suggestedFileName("../.hidden") == "hidden.pdf");
    CHECK(suggestedFileName("///") == "document.pdf");
}
