// The service's programme in its database (issue 12): stored from the shipped content at the
// first sign-in, read back from the database, authenticated like every record, and changed only
// through draft -> in review -> published, with each refusal the change control promises.
// Real database files and the real content-xml/.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "curriculum/ProgrammeFolder.h"
#include "practice/PictureCheck.h"
#include "practice/Practice.h"
#include "practice/ServiceProgramme.h"
#include "records/Schema.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable;
using practice::ValidationError;
using records::StoreError;

namespace {

const std::filesystem::path kShipped = ROUNDTABLE_CONTENT;

/// A database with the shipped programme stored, an administrator and two clinical leads.
struct Service {
    test::TempDir dir;
    std::filesystem::path path = dir / "service.rtdb";
    records::RecordStore store = test::createTestStore(path);
    Service() {
        store.addUser("lead", records::Role::clinicalLead, "lead's long passphrase");
        store.addUser("reviewer", records::Role::clinicalLead, "reviewer's long passphrase");
        store.addUser("facilitator", records::Role::facilitator, "facilitator's passphrase");
        REQUIRE(practice::storeShippedProgrammeIfMissing(store, kShipped));
    }
    void signInAs(const std::string& login, const std::string& passphrase) {
        store.lock();
        store.unlock(login, passphrase);
    }
    void asLead() { signInAs("lead", "lead's long passphrase"); }
    void asReviewer() { signInAs("reviewer", "reviewer's long passphrase"); }
    void asFacilitator() { signInAs("facilitator", "facilitator's passphrase"); }
    void asAdministrator() { signInAs(test::kTestLogin, test::kTestPassphrase); }
};

/// The framework module's draft with one activity's minutes changed from `from` to `to`.
std::string withMinutesChanged(const std::string& xml, const std::string& from,
                               const std::string& to) {
    auto text = xml;
    auto at = text.find("minutes=\"" + from + "\"", text.find("<activity"));
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size() + 10, "minutes=\"" + to + "\"");
    return text;
}

int publishedVersion(records::RecordStore& store, const std::string& moduleId) {
    auto state = store.moduleState(moduleId);
    REQUIRE(state.published);
    return state.published->text.version;
}

}  // namespace

TEST_CASE("a new database holds the shipped programme, read back with the same content") {
    Service service;
    auto fromDatabase = practice::loadServiceProgramme(service.store);
    auto shipped = curriculum::loadProgramme(kShipped);
    REQUIRE(fromDatabase.ok());
    REQUIRE(shipped.ok());
    REQUIRE(fromDatabase.programme->modules.size() == shipped.programme->modules.size());
    for (std::size_t i = 0; i < shipped.programme->modules.size(); ++i) {
        CHECK(fromDatabase.programme->modules[i].contentHash() ==
              shipped.programme->modules[i].contentHash());
        CHECK(publishedVersion(service.store, std::string(shipped.programme->modules[i].id)) == 1);
    }
    const auto pictures = service.store.programmePictures();
    CHECK(pictures.size() == curriculum::readProgrammeFolder(kShipped).pictures.size());
    // Each described as its SVG's title says, for the picture picker.
    auto group = std::find_if(pictures.begin(), pictures.end(),
                              [](const auto& picture) { return picture.name == "group"; });
    REQUIRE(group != pictures.end());
    CHECK(group->description == "A group of adults sitting together round a table");
    // Once stored, it is not stored again.
    CHECK_FALSE(practice::storeShippedProgrammeIfMissing(service.store, kShipped));
    CHECK(service.store.verify().intact());
}

TEST_CASE("the programme is read from the database, not from the installation's folder") {
    test::TempDir dir;
    auto copy = dir / "shipped";
    std::filesystem::copy(kShipped, copy, std::filesystem::copy_options::recursive);
    Service service;
    practice::Practice practice(service.store, *curriculum::loadProgramme(copy).programme);
    // The installation's folder changes (an upgrade): the service keeps its own programme.
    {
        std::ofstream manifest(copy / "programme.xml", std::ios::trunc);
        manifest << "not a programme";
    }
    practice.useServiceProgramme(copy);
    CHECK(practice.programme().modules.size() == 8);
    CHECK(practice.programme().findSession("framework-01"));
}

TEST_CASE("a module version changed in the file is detected, and the programme refuses it") {
    Service service;
    REQUIRE(test::rawSql(service.path,
                         "DROP TRIGGER module_revisions_are_kept_update;"
                         "UPDATE module_revisions SET xml = replace(xml, 'minutes=\"10\"', "
                         "'minutes=\"11\"') WHERE module_id = 'framework'") == "");
    auto report = service.store.verify();
    CHECK_FALSE(report.intact());
    bool named = false;
    for (const auto& damaged : report.damaged)
        named |= damaged.description.find("module revision") != std::string::npos;
    CHECK(named);
    auto loaded = practice::loadServiceProgramme(service.store);
    CHECK_FALSE(loaded.ok());
    practice::Practice practice(service.store, *curriculum::loadProgramme(kShipped).programme);
    CHECK_THROWS_AS(practice.useServiceProgramme(kShipped), ValidationError);
}

TEST_CASE("change control: draft, review by another clinical lead, publish, and planning uses it") {
    Service service;
    service.asLead();
    practice::CurriculumChanges changes(service.store);
    auto draft = changes.draftText("framework");
    CHECK(draft.find("version=\"2\"") != std::string::npos);
    // Unknown content is kept as written.
    draft.insert(draft.find("<title>"), "<!-- a note for the reviewer --><extra>kept</extra>");
    changes.saveDraft(draft);
    CHECK(changes.draftText("framework") == draft);
    CHECK_THROWS_WITH_AS(changes.sendForReview("framework", "  "),
                         doctest::Contains("Say what changed"), StoreError);
    changes.sendForReview("framework", "Clearer guidance for the check-in.");
    auto state = service.store.moduleState("framework");
    CHECK(state.inReview);
    CHECK(state.authors == std::vector<std::string>{"lead"});
    // In review: the text cannot change.
    CHECK_THROWS_AS(changes.saveDraft(draft), StoreError);
    // The author cannot publish alone, and the editor does not offer it to her.
    CHECK_THROWS_WITH_AS(changes.publish("framework"), doctest::Contains("did not write it"),
                         StoreError);
    CHECK(changes.wroteDraft(state));
    CHECK_FALSE(changes.mayPublish(state));
    // As the editor opens it: the draft, editable, with the ids version 1 used kept from reuse.
    auto opened = changes.openForEditing("framework");
    CHECK(opened.editable);
    CHECK(opened.text == draft);
    CHECK(opened.usedSessionIds.count("framework-01") == 1);
    CHECK(opened.pictures.count("agree") == 1);

    service.asReviewer();
    CHECK_FALSE(changes.wroteDraft(state));
    CHECK(changes.mayPublish(state));
    CHECK(changes.reviewSummary("framework") == "Clearer guidance for the check-in.");
    changes.publish("framework");
    CHECK(publishedVersion(service.store, "framework") == 2);
    CHECK_FALSE(service.store.moduleState("framework").draft);
    auto history = service.store.moduleHistory("framework");
    REQUIRE(history.steps.size() == 3);
    CHECK(history.steps[1].summary == "Clearer guidance for the check-in.");
    CHECK(history.steps[2].takenBy == "reviewer");
    CHECK(service.store.verify().intact());
    // The versions as a reviewer lists them: the newest first, who wrote and who published
    // each, and what it changes.
    const auto versions = changes.publishedVersions("framework");
    REQUIRE(versions.size() == 2);
    CHECK(versions[0].version == 2);
    CHECK(versions[0].authors == std::vector<std::string>{"lead"});
    CHECK(versions[0].publishedBy == "reviewer");
    CHECK(versions[0].summary == "Clearer guidance for the check-in.");
    CHECK(versions[0].publishedAt == history.steps[2].takenAt);
    CHECK(versions[1].version == 1);
    CHECK(versions[1].summary.empty());

    practice::Practice practice(service.store, *curriculum::loadProgramme(kShipped).programme);
    practice.useServiceProgramme(kShipped);
    CHECK(practice.programme().findModule("framework")->version == 2);
}

TEST_CASE("change control refuses what it must") {
    Service service;
    practice::CurriculumChanges changes(service.store);
    const auto draft = changes.draftText("framework");

    SUBCASE("a facilitator can read a draft but not change the programme") {
        service.asLead();
        changes.saveDraft(draft);
        service.asFacilitator();
        CHECK(changes.draftText("framework") == draft);
        // The editor shows a facilitator the published version, to read.
        auto opened = changes.openForEditing("framework");
        CHECK_FALSE(opened.editable);
        CHECK(opened.text == changes.moduleState("framework").published->text.xml);
        CHECK(opened.usedSessionIds.empty());
        CHECK_THROWS_WITH_AS(changes.saveDraft(draft), doctest::Contains("Only a clinical lead"),
                             StoreError);
        CHECK_THROWS_AS(changes.sendForReview("framework", "x"), StoreError);
    }
    SUBCASE("a draft with errors can be saved but not sent for review") {
        service.asLead();
        auto wrong = withMinutesChanged(draft, "10", "13");
        auto found = changes.check(wrong);
        REQUIRE(found.hasErrors());
        changes.saveDraft(wrong);
        CHECK_THROWS_WITH_AS(changes.sendForReview("framework", "Longer check-in"),
                             doctest::Contains("to put right"), ValidationError);
        CHECK_FALSE(service.store.moduleState("framework").inReview);
    }
    SUBCASE("the easy-read checker's findings count as errors") {
        service.asLead();
        auto shouting = draft;
        auto point = shouting.find("<point", shouting.find("<easy-read"));
        REQUIRE(point != std::string::npos);
        auto text = shouting.find('>', point) + 1;
        shouting.insert(text, "PLEASE LISTEN NOW. ");
        auto found = changes.check(shouting);
        CHECK(found.hasErrors());
        CHECK(found.findings.front().field.session.has_value());
    }
    SUBCASE("a draft must be the next version of a module the programme has") {
        service.asLead();
        auto skipped = draft;
        skipped.replace(skipped.find("version=\"2\""), 11, "version=\"5\"");
        CHECK_THROWS_WITH_AS(changes.saveDraft(skipped), doctest::Contains("must be version 2"),
                             StoreError);
        auto unknown = draft;
        unknown.replace(unknown.find("id=\"framework\""), 14, "id=\"elsewhere\"");
        CHECK_THROWS_AS(changes.saveDraft(unknown), ValidationError);
        CHECK_THROWS_AS(changes.saveDraft("<notes/>"), ValidationError);
    }
    SUBCASE("publishing own work needs the service's setting and a reason") {
        service.asLead();
        changes.saveDraft(draft);
        changes.sendForReview("framework", "A change");
        CHECK_THROWS_AS(
            service.store.setRecordSetting("service", records::RecordStore::kPublishOwnWork, "yes"),
            StoreError);
        service.asAdministrator();
        service.store.setRecordSetting("service", records::RecordStore::kPublishOwnWork, "yes");
        service.asLead();
        CHECK_THROWS_WITH_AS(changes.publish("framework"), doctest::Contains("Say why"),
                             StoreError);
        changes.publish("framework", "We have one clinical lead.");
        CHECK(publishedVersion(service.store, "framework") == 2);
    }
    SUBCASE("a published version never changes, and a new draft starts from the newest") {
        service.asLead();
        changes.saveDraft(withMinutesChanged(draft, "10", "10"));
        changes.sendForReview("framework", "Version two");
        service.asReviewer();
        changes.publish("framework");
        CHECK(test::rawSql(service.path, "UPDATE module_revisions SET xml = 'x' WHERE id = 1")
                  .find("never changed") != std::string::npos);
        auto next = changes.draftText("framework");
        CHECK(next.find("version=\"3\"") != std::string::npos);
        CHECK_THROWS_AS(changes.publish("framework"), StoreError);  // nothing in review
    }
    SUBCASE("withdrawing and returning a draft are recorded with their reasons") {
        service.asLead();
        changes.saveDraft(draft);
        changes.sendForReview("framework", "A change");
        service.asReviewer();
        CHECK_THROWS_AS(changes.returnToAuthor("framework", ""), StoreError);
        changes.returnToAuthor("framework", "The role-play needs more time.");
        service.asLead();
        CHECK_FALSE(service.store.moduleState("framework").inReview);
        changes.saveDraft(draft);  // a returned draft can change again
        changes.withdraw("framework", "Not needed after all.");
        CHECK_FALSE(service.store.moduleState("framework").draft);
        CHECK(publishedVersion(service.store, "framework") == 1);
        auto steps = service.store.moduleHistory("framework").steps;
        CHECK(records::toText(steps.back().step) == std::string("withdrawn"));
        CHECK(steps.back().summary == "Not needed after all.");
    }
}

TEST_CASE("a module is exported to a file and imported from one as the next draft") {
    Service service;
    service.asLead();
    practice::CurriculumChanges changes(service.store);
    auto file = service.dir / "framework.xml";
    changes.exportModule("framework", {}, file);
    auto exported = curriculum::readWholeFile(file);
    CHECK(exported == curriculum::readWholeFile(kShipped / "modules/01-framework.xml"));
    auto edited = withMinutesChanged(exported, "10", "10");
    edited.insert(edited.find("<title>"), "<!-- from the psychologists' meeting -->");
    {
        std::ofstream out(file, std::ios::trunc);
        out << edited;
    }
    CHECK(changes.importModule(file) == "framework");
    auto draft = service.store.moduleState("framework").draft;
    REQUIRE(draft);
    CHECK(draft->text.version == 2);
    CHECK(draft->text.xml.find("<!-- from the psychologists' meeting -->") != std::string::npos);
    CHECK_THROWS_AS(changes.importModule(service.dir / "no-such-file.xml"), ValidationError);
    CHECK_THROWS_AS(changes.exportModule("framework", {7, false}, file), ValidationError);
}

namespace {

/// A copy of the fixture database `name` (an older format), opened, so migrated (a copy of
/// it as it was kept beside it), and signed in to as its administrator.
records::RecordStore openMigratedCopy(const test::TempDir& dir, const std::string& name) {
    auto path = dir / name;
    std::filesystem::copy_file(ROUNDTABLE_FIXTURES "/databases/" + name, path);
    auto store = records::RecordStore::open(path);
    CHECK(store.migrationBackup());
    store.unlock(test::kTestLogin, test::kTestPassphrase);
    return store;
}

}  // namespace

TEST_CASE("a format-4 database gains the shipped programme as version 1 of each module") {
    test::TempDir dir;
    auto store = openMigratedCopy(dir, "format-4.rtdb");
    CHECK_FALSE(store.hasProgramme());  // the tables start empty: the rows need the data key
    const auto shipped = *curriculum::loadProgramme(kShipped).programme;
    practice::Practice practice(store, shipped);
    practice.useServiceProgramme(kShipped);
    CHECK(store.hasProgramme());
    for (const auto& module : shipped.modules) {
        const std::string id(module.id);
        CHECK_MESSAGE(publishedVersion(store, id) == 1, id);
        CHECK(practice.programme().findModule(id)->contentHash() == module.contentHash());
    }
    CHECK(store.verify().intact());
}

TEST_CASE("a format-6 database gains the shipped programme, and stamped sessions keep their text") {
    test::TempDir dir;
    auto store = openMigratedCopy(dir, "format-6-planned.rtdb");
    practice::Practice practice(store, *curriculum::loadProgramme(kShipped).programme);
    practice.useServiceProgramme(kShipped);
    CHECK(publishedVersion(store, "framework") == 1);
    for (const auto& group : store.groups()) {
        for (const auto& summary : store.sessionsOf(group.id)) {
            auto revision =
                store.moduleRevisionWithHash(summary.stamp.moduleId, summary.stamp.contentHash);
            REQUIRE_MESSAGE(revision, summary.stamp.moduleId);
            auto module = practice::loadModuleRevision(store, *revision);
            REQUIRE(module.ok());
            CHECK(module.module->contentHash() == summary.stamp.contentHash);
            CHECK(module.module->version == summary.stamp.moduleVersion);
        }
    }
    CHECK(store.verify().intact());
}

namespace {

/// Publishes version 2 of "framework" with its first indicator's label changed to `label`.
void publishFrameworkVersionTwo(Service& service, const std::string& label) {
    practice::CurriculumChanges changes(service.store);
    service.asLead();
    auto draft = changes.draftText("framework");
    const std::string from = "<label>";
    auto at = draft.find(from);
    REQUIRE(at != std::string::npos);
    auto end = draft.find("</label>", at);
    draft.replace(at + from.size(), end - at - from.size(), label);
    changes.saveDraft(draft);
    changes.sendForReview("framework", "A clearer label");
    service.asReviewer();
    changes.publish("framework");
    service.asAdministrator();
}

}  // namespace

TEST_CASE("a group plans from the newest version unless it stays on the version it started with") {
    Service service;
    auto shipped = *curriculum::loadProgramme(kShipped).programme;
    practice::Practice practice(service.store, shipped);
    practice.useServiceProgramme(kShipped);
    auto moving = practice.createGroup("Moves on", records::GroupKind::treatment);
    auto staying = practice.createGroup("Stays", records::GroupKind::treatment);
    CHECK_FALSE(practice.staysOnModuleVersions(staying));
    practice.setStaysOnModuleVersions(staying, true);
    CHECK(practice.staysOnModuleVersions(staying));
    auto movingFirst = practice.planSession(moving, "framework-01", "2026-09-01");
    practice.planSession(staying, "framework-01", "2026-09-01");

    publishFrameworkVersionTwo(service, "Keeps to the rules the group made");
    practice.useServiceProgramme(kShipped);
    auto movingSecond = practice.planSession(moving, "framework-02", "2026-09-08");
    auto stayingSecond = practice.planSession(staying, "framework-02", "2026-09-08");
    CHECK(service.store.session(movingSecond).stamp.moduleVersion == 2);
    CHECK(service.store.session(stayingSecond).stamp.moduleVersion == 1);
    CHECK(service.store.session(movingFirst).stamp.moduleVersion == 1);

    // Each session's note rates the indicators of the version it was planned from.
    CHECK(practice.indicatorsFor(movingSecond).front().label ==
          "Keeps to the rules the group made");
    CHECK(practice.indicatorsFor(movingFirst).front().label != "Keeps to the rules the group made");
    CHECK(practice.indicatorsFor(stayingSecond).front().label ==
          practice.indicatorsFor(movingFirst).front().label);
    // Each session shows the version it came from, and how the newest differs from it.
    auto before = practice.plannedFrom(service.store.session(movingFirst));
    REQUIRE(before);
    CHECK(before->version == 1);
    CHECK(before->newestVersion == 2);
    const auto described = curriculum::describe(before->differences);
    INFO(described);
    CHECK(described.find("[-group rules-]{+rules the group made+}") != std::string::npos);
    practice::CurriculumChanges changes(service.store);
    CHECK(curriculum::describe(changes.compare("framework", {1, false}, {2, false})) == described);
    CHECK(changes.compare("framework", {2, false}, {}).same());
    CHECK_THROWS_AS((void)changes.compare("framework", {1, false}, {{}, true}), ValidationError);
    auto after = practice.plannedFrom(service.store.session(movingSecond));
    REQUIRE(after);
    CHECK(after->version == 2);
    CHECK(after->differences.same());
    CHECK(service.store.verify().intact());
}

namespace {

std::filesystem::path writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    return path;
}

/// A PNG's signature and header (enough for the checks) with the given size.
std::string pngHeader(std::uint32_t width, std::uint32_t height) {
    std::string bytes("\x89PNG\r\n\x1a\n", 8);
    bytes += std::string("\0\0\0\x0d", 4) + "IHDR";
    for (auto side : {width, height}) {
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes += static_cast<char>((side >> shift) & 0xff);
    }
    return bytes + std::string("\x08\x06\0\0\0", 5);
}

const std::string kGoodSvg =
    R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><defs><linearGradient id="g"/></defs>)svg"
    R"svg(<circle cx="50" cy="50" r="40" fill="url(#g)"/></svg>)svg";

}  // namespace

TEST_CASE("a new pictogram is checked, then every module can use it") {
    Service service;
    practice::CurriculumChanges changes(service.store);
    const auto dir = service.dir.path();
    auto good = writeFile(dir / "bus-stop.svg", kGoodSvg);

    service.asFacilitator();
    CHECK_THROWS_AS(changes.addPicture(good, "bus-stop", "A bus stop"), StoreError);
    service.asLead();
    auto refusedWith = [&](const std::filesystem::path& file, const std::string& name,
                           const std::string& field) {
        try {
            changes.addPicture(file, name, "A description");
        } catch (const ValidationError& error) {
            CHECK_MESSAGE(error.field() == field, error.what());
            return std::string(error.what());
        }
        FAIL("accepted " << file << " as " << name);
        return std::string();
    };
    CHECK(refusedWith(good, "Bus Stop", "picture-name").find("small letters") != std::string::npos);
    auto scripted = writeFile(
        dir / "scripted.svg",
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><script>alert(1)</script></svg>)svg");
    CHECK(refusedWith(scripted, "scripted", "picture-file").find("<script>") != std::string::npos);
    auto handler = writeFile(
        dir / "handler.svg",
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" onload="x()"/>)svg");
    CHECK(refusedWith(handler, "handler", "picture-file").find("onload") != std::string::npos);
    auto external = writeFile(
        dir / "external.svg",
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100"><image xlink:href="http://example.org/a.png"/></svg>)svg");
    CHECK(refusedWith(external, "external", "picture-file").find("outside it") !=
          std::string::npos);
    auto styled = writeFile(
        dir / "styled.svg",
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect style="fill:url('file:///etc/x')"/></svg>)svg");
    refusedWith(styled, "styled", "picture-file");
    auto entity =
        writeFile(dir / "entity.svg",
                  "<!DOCTYPE svg [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + kGoodSvg);
    refusedWith(entity, "entity", "picture-file");
    auto tiny =
        writeFile(dir / "tiny.svg",
                  R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>)svg");
    CHECK(refusedWith(tiny, "tiny", "picture-file").find("between") != std::string::npos);
    auto notPng = writeFile(dir / "fake.png", kGoodSvg);
    refusedWith(notPng, "fake", "picture-file");
    auto hugePng = writeFile(dir / "huge.png", pngHeader(10000, 200));
    refusedWith(hugePng, "huge", "picture-file");
    auto large =
        writeFile(dir / "large.svg", kGoodSvg + std::string(practice::kLargestPictureBytes, ' '));
    CHECK(refusedWith(large, "large", "picture-file").find("KB") != std::string::npos);
    CHECK(refusedWith(dir / "missing.svg", "missing", "picture-file").find("Could not read") !=
          std::string::npos);

    changes.addPicture(good, "bus-stop", "A bus stop");
    changes.addPicture(writeFile(dir / "wave.png", pngHeader(128, 128)), "wave", "Waving");
    CHECK_THROWS_WITH_AS(changes.addPicture(good, "bus-stop", "Again"),
                         doctest::Contains("already a pictogram"), StoreError);
    // A module may now name it: the draft's checks know the new picture.
    auto draft = changes.draftText("framework");
    auto picture = draft.find("picture=\"", draft.find("<easy-read"));
    REQUIRE(picture != std::string::npos);
    auto end = draft.find('"', picture + 9);
    draft.replace(picture + 9, end - picture - 9, "bus-stop");
    CHECK_FALSE(changes.check(draft).hasErrors());
    draft.replace(picture + 9, 8, "bus-sto");
    CHECK(changes.check(draft).hasErrors());
    CHECK(service.store.verify().intact());
}
