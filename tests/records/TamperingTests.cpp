// The tampering suite (RELIABILITY.md promise 15): for every clinical table and every column,
// a person with a copy of the file and the sqlite3 shell changes the value (triggers dropped),
// swaps it with another row's, deletes the row, replaces it with INSERT OR REPLACE and inserts
// a forged copy. verify() must name the record every time, and reading the records through
// the store must mark it damaged. Each case starts from the same pristine file.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "records/RecordStore.h"
#include "support/EveryRecord.h"
#include "support/RawSql.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::records;
using namespace roundtable::test;

namespace {

constexpr const char* kSecondAdmin = "second-admin";
constexpr const char* kSecondPassphrase = "another admin's passphrase";

struct Column {
    std::string name;
    bool key = false;
};

/// The ledgered tables with their columns, read from the schema itself (so a column added
/// later is tampered with too); the key columns are those the log names rows by.
struct Table {
    std::string name;
    std::vector<Column> columns;
};

std::vector<std::string> rawColumn(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
    std::vector<std::string> values;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(statement, 0);
        values.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return values;
}

const std::vector<std::pair<std::string, std::vector<std::string>>> kLedgered = {
    {"users", {"id"}},
    {"signing_keys", {"user_id"}},
    {"user_certificates", {"id"}},
    {"groups", {"id"}},
    {"members", {"id"}},
    {"member_details", {"id"}},
    {"memberships", {"group_id", "member_id"}},
    {"sessions", {"id"}},
    {"session_activities", {"session_id", "position"}},
    {"session_facilitator_records", {"id"}},
    {"attendance_marks", {"id"}},
    {"progress_notes", {"id"}},
    {"note_ratings", {"note_id", "indicator_id"}},
    {"note_amendments", {"id"}},
    {"concerns", {"id"}},
    {"concern_actions", {"id"}},
    {"concern_action_updates", {"id"}},
    {"outcome_scores", {"id"}},
    {"relapse_plans", {"id"}},
    {"relapse_plan_sections", {"plan_id", "position"}},
    {"programme_manifests", {"id"}},
    {"programme_pictures", {"id"}},
    {"module_revisions", {"id"}},
    {"module_steps", {"id"}},
    {"record_settings", {"id"}},
    {"catch_up_members", {"id"}},
    {"milestones", {"id"}},
    {"note_reviews", {"id"}},
    {"jottings", {"id"}},
    {"plan_adaptations", {"id"}},
    {"adapted_activities", {"adaptation_id", "position"}},
    {"shared_sections", {"id"}},
    {"check_ins", {"id"}},
    {"member_tasks", {"id"}},
    {"task_reviews", {"id"}},
    {"session_status_corrections", {"id"}},
    {"concern_outcomes", {"id"}},
    {"session_rating_scores", {"score_id"}},
    {"user_phrases", {"id"}},
};

std::vector<Table> ledgeredTables(const std::filesystem::path& path) {
    std::vector<Table> tables;
    for (const auto& [name, keys] : kLedgered) {
        Table table{name, {}};
        for (const auto& column :
             rawColumn(path, "SELECT name FROM pragma_table_info('" + name + "') ORDER BY cid")) {
            bool key = std::find(keys.begin(), keys.end(), column) != keys.end();
            table.columns.push_back({column, key});
        }
        tables.push_back(std::move(table));
    }
    return tables;
}

/// Plain SQL with every trigger dropped first, as someone determined would.
std::string tamper(const std::filesystem::path& path, const std::string& sql) {
    std::string dropAll;
    for (const auto& trigger :
         rawColumn(path, "SELECT name FROM sqlite_schema WHERE type = 'trigger'"))
        dropAll += "DROP TRIGGER " + trigger + "; ";
    return rawSql(path, dropAll + sql);
}

/// The value of a column as SQL text, to see whether a change took.
std::string quoted(const std::filesystem::path& path, const std::string& table,
                   const std::string& column, std::int64_t rowid) {
    auto values = rawColumn(path, "SELECT quote(" + column + ") FROM " + table +
                                      " WHERE rowid = " + std::to_string(rowid));
    return values.empty() ? "(no row)" : values.front();
}

/// Changes one column of one row to some other value its constraints accept; returns false
/// when no candidate could be written.
bool changeColumn(const std::filesystem::path& path, const std::string& table,
                  const std::string& column, std::int64_t rowid) {
    auto before = quoted(path, table, column, rowid);
    const std::string c = column;
    std::vector<std::string> candidates = {
        "(SELECT " + c + " FROM " + table + " WHERE " + c + " IS NOT (SELECT " + c + " FROM " +
            table + " WHERE rowid = " + std::to_string(rowid) + ") LIMIT 1)",
        c + " + 1000",
        c + " + 1",
        c + " - 1",
        "1 - " + c,
        "1",
        "2",
        c + " || 'x'",
        "x'00' || " + c,
        "'draft'",
        "'signed'",
        "'administrator'",
        "'absent-unauthorised'",
        "'did-not-take-place'",
        "'full'",
        "'none'",
        "'done'",
        "'maintenance'",
        "'2000-01-01'",
        "NULL"};
    for (const auto& value : candidates) {
        auto error = tamper(path, "UPDATE " + table + " SET " + c + " = " + value +
                                      " WHERE rowid = " + std::to_string(rowid));
        if (error.empty() && quoted(path, table, column, rowid) != before)
            return true;
    }
    return false;
}

/// Reads every record the pages show and collects what the store says of damage.
std::vector<std::string> readEverything(RecordStore& store) {
    std::vector<std::string> found;
    auto add = [&](const std::string& damage) {
        if (!damage.empty())
            found.push_back(damage);
    };
    for (const auto& user : store.users())
        add(user.damage);
    for (const auto& group : store.groups()) {
        add(group.damage);
        for (const auto& member : store.membersOf(group.id)) {
            add(member.damage);
            if (auto details = store.memberDetails(member.id))
                add(details->damage);
            for (const auto& concern : store.concernsOf(member.id))
                add(concern.damage);
            for (const auto& score : store.outcomeScoresOf(member.id))
                add(score.damage);
            for (int version = 1; auto plan = store.relapsePlan(member.id, version); ++version)
                add(plan->damage);
            for (const auto& milestone : store.milestonesOf(member.id))
                add(milestone.damage);
            for (const auto& task : store.tasksOf(member.id)) {
                add(task.damage);
                if (task.review)
                    add(task.review->damage);
            }
            for (const auto& checkIn : store.checkInsOf(member.id))
                add(checkIn.damage);
        }
        for (const auto& listed : store.sessionsOf(group.id)) {
            add(store.session(listed.id).damage);
            for (const auto& mark : store.registerOf(listed.id))
                add(mark.damage);
            for (const auto& note : store.notesOf(listed.id))
                add(note.damage);
            for (const auto& jotting : store.jottingsOf(listed.id))
                add(jotting.damage);
            if (auto section = store.sharedSectionOf(listed.id))
                add(section->damage);
        }
    }
    // The programme (format 7): its manifest refuses to be used when damaged; the rest says so.
    try {
        (void)store.programmeManifest();
    } catch (const StoreError& error) {
        found.push_back(error.what());
    }
    for (const auto& picture : store.programmePictures())
        add(picture.damage);
    for (const auto& moduleId : store.moduleIds()) {
        auto history = store.moduleHistory(moduleId);
        for (const auto& revision : history.revisions)
            add(revision.damage);
        for (const auto& step : history.steps)
            add(step.damage);
    }
    if (auto setting = store.recordSetting("service", RecordStore::kPublishOwnWork))
        add(setting->damage);
    for (const auto& phrase : store.myPhrases())
        add(phrase.damage);
    return found;
}

struct Tally {
    int tried = 0;
    int prevented = 0;  ///< the schema refused the change even with its triggers dropped
    int byVerify = 0;
    int byReading = 0;
    int readingExpected = 0;
    std::vector<std::string> missed;
    std::vector<std::string> verifyOnly;
};

/// Where a page can still find the changed row: reading it must mark it damaged. A deleted
/// row, or one moved to another parent or key, is no longer where any page looks: verify
/// names it.
enum class Reach { readable, verifyOnly };

/// Runs one tampering case on a fresh copy and checks both ways of noticing it.
void check(const std::filesystem::path& pristine, const std::filesystem::path& dir,
           const std::string& table, const std::string& description,
           const std::function<bool(const std::filesystem::path&)>& apply, Tally& tally,
           Reach reach) {
    auto path = dir / "case.rtdb";
    std::filesystem::remove(path);
    std::filesystem::copy_file(pristine, path);
    if (!apply(path)) {
        ++tally.prevented;
        return;
    }
    ++tally.tried;
    auto store = RecordStore::open(path);
    bool readingSaw = false;
    try {
        store.unlock(kTestLogin, kTestPassphrase);
    } catch (const StoreError& error) {
        // The administrator's own row was changed: she is refused, and says why.
        readingSaw = std::string(error.what()).find("changed outside") != std::string::npos;
        store.unlock(kSecondAdmin, kSecondPassphrase);
    }
    for (const auto& damage : readEverything(store))
        readingSaw = readingSaw || damage.find("(" + table + " ") != std::string::npos;
    if (table == "signing_keys" || table == "user_certificates") {
        // No page shows them: signing in reads them. The rows tampered with are the second
        // administrator's and (swapped) the clinical lead's: one of them is refused.
        auto again = RecordStore::open(path);
        for (const auto& [login, passphrase] :
             {std::pair{kSecondAdmin, kSecondPassphrase},
              std::pair{"lead", "a clinical lead's passphrase"}}) {
            try {
                again.unlock(login, passphrase);
                again.lock();
            } catch (const StoreError& error) {
                std::string why = error.what();
                readingSaw = readingSaw || why.find("changed outside") != std::string::npos ||
                             why.find("damaged") != std::string::npos;
            }
        }
    }
    auto report = store.verify();
    bool verifySaw =
        std::any_of(report.damaged.begin(), report.damaged.end(),
                    [&](const DamagedRecord& record) { return record.table == table; });
    tally.byVerify += verifySaw ? 1 : 0;
    tally.byReading += readingSaw ? 1 : 0;
    if (!verifySaw)
        tally.missed.push_back(description + ": not reported by verify");
    if (reach == Reach::readable) {
        ++tally.readingExpected;
        if (!readingSaw)
            tally.missed.push_back(description + ": not marked damaged when read");
    } else if (!readingSaw) {
        tally.verifyOnly.push_back(description);
    }
}

/// A column that places a row under another record (or is its key): changing it moves the
/// row out of sight of the page that showed it.
bool placesTheRow(const std::string& table, const Column& column) {
    // A setting is found by its scope and name.
    return column.key || column.name.ends_with("_id") || column.name == "version" ||
           (table == "record_settings" && (column.name == "scope" || column.name == "name"));
}

}  // namespace

TEST_CASE("every change, swap, deletion, replacement and forged row of a clinical table is found") {
    TempDir dir;
    auto pristine = dir / "pristine.rtdb";
    {
        auto store = createTestStore(pristine);
        writeEveryKindOfRecord(store);
        // A second record of the kinds the fixture has once, so rows can be swapped.
        store.addUser(kSecondAdmin, Role::administrator, kSecondPassphrase);
        auto plan = plannedSession(1, "2026-11-10"_date);
        plan.activities = {{"check-in", 60, "Arriving", "Greet."}, {"talk", 60, "Talk", "Listen."}};
        auto session = store.addSession(plan);
        auto second = store.membersOf(1).size() == 1
                          ? store.addMember(1, "Second", "2026-11-01"_date)
                          : store.membersOf(1).at(1).id;
        store.markAttendance(session, {1, Attendance::attended, "", {}, {}});
        store.markAttendance(session, {second, Attendance::late, "Traffic", {}, {}});
        NoteContent rated("Second note.");
        rated.ratings = {{"keeps-rules", 3}, {"listens", 1}};
        store.saveAndSignNote(session, 1, rated);
        store.saveAndSignNote(session, second, NoteContent("Third note."));
        store.amendNote(store.note(session, 1)->id, "Second amendment.", "Another reason.");
        store.recordMemberDetails(second, {"1980-02-02"_date, "FX-2", "", "", ""});
        auto concern = store.raiseConcern({second, std::nullopt, "Second concern."});
        auto action = store.addConcernAction(concern, "Meet", "Lead", std::nullopt);
        store.updateConcernAction(action, ActionStatus::notNeeded, "Not needed.");
        OutcomeScore score;
        score.memberId = second;
        score.measureId = "sexual-knowledge";
        score.timePoint = "before";
        score.takenOn = "2026-11-02"_date;
        score.score = 25;
        store.recordOutcomeScore(score);
        store.saveRelapsePlan(1, {{"Signs", "Second version."}, {"Help", "Who helps."}});
        auto catchUp = plan;
        catchUp.date = "2026-11-12"_date;
        catchUp.catchUpFor = {1, second};
        store.addSession(catchUp);
        store.recordMilestone(second, "plan-written", "2026-11-11"_date, "Second milestone.");
        store.lock();
        store.unlock("lead", "a clinical lead's passphrase");
        store.reviewNote(store.note(session, second)->id, ReviewOutcome::coSigned, "Clear.");
        store.lock();
        store.unlock(kTestLogin, kTestPassphrase);
        auto planned = store.addSession(plan);
        store.adaptPlan(planned, {{2, 50, ""}, {1, 20, "Slowly."}}, "Second adaptation.");
        store.addJotting(planned, second, "Second jotting.");
        store.saveSharedSection(session, "Second shared section.");
        store.recordCheckIn(session, second, 2, "Second check-in.");
        store.closeConcern(concern, "Second outcome.");
        auto task = store.setTask(session, second, 2, "Second task.");
        store.reviewTask(task, planned, TaskOutcome::done, "Second review.");
        store.setSessionStatus(session, SessionStatus::tookPlace);
        store.correctSessionStatus(session, SessionStatus::didNotTakePlace, "Second correction.");
        OutcomeScore rating = score;
        rating.measureId = "session-rating";
        rating.timePoint = "each-session";
        rating.forSession = session;
        store.recordOutcomeScore(rating);
        REQUIRE(store.verify().intact());
    }
    // Every table is either clinical (tampered with below) or named here as not: a table added
    // later must be placed in one list or the other.
    // (log_signatures needs no tag: each row is a signature; see SignatureTests.cpp.)
    const std::vector<std::string> notClinical = {"audit_events",     "audit_pending",
                                                  "service_state",    "key_recovery",
                                                  "sign_in_failures", "log_signatures"};
    for (const auto& name : rawColumn(pristine,
                                      "SELECT name FROM sqlite_schema WHERE type = "
                                      "'table' AND name NOT LIKE 'sqlite_%'")) {
        bool listed = std::any_of(kLedgered.begin(), kLedgered.end(),
                                  [&](const auto& table) { return table.first == name; }) ||
                      std::find(notClinical.begin(), notClinical.end(), name) != notClinical.end();
        CHECK_MESSAGE(listed, name << " is neither tampered with nor named as not clinical");
    }
    auto tables = ledgeredTables(pristine);
    Tally tally;
    for (const auto& table : tables) {
        auto rowids = rawColumn(pristine, "SELECT rowid FROM " + table.name + " ORDER BY rowid");
        REQUIRE_MESSAGE(!rowids.empty(), table.name);
        // The newest row: the one pages show (older marks, updates and plan versions are
        // history that only verify reads).
        auto first = std::stoll(rowids.back());
        for (const auto& column : table.columns) {
            check(
                pristine, dir.path(), table.name, table.name + "." + column.name + " changed",
                [&](const auto& path) {
                    return changeColumn(path, table.name, column.name, first);
                },
                tally, placesTheRow(table.name, column) ? Reach::verifyOnly : Reach::readable);
            if (rowids.size() < 2 || column.key)
                continue;
            auto second = rowids.at(rowids.size() - 2);
            bool differ = quoted(pristine, table.name, column.name, first) !=
                          quoted(pristine, table.name, column.name, std::stoll(second));
            if (!differ)
                continue;
            check(
                pristine, dir.path(), table.name, table.name + "." + column.name + " swapped",
                [&](const auto& path) {
                    auto a = std::to_string(first);
                    return tamper(path, "UPDATE " + table.name + " SET " + column.name +
                                            " = CASE rowid WHEN " + a + " THEN (SELECT " +
                                            column.name + " FROM " + table.name +
                                            " WHERE rowid = " + second + ") ELSE (SELECT " +
                                            column.name + " FROM " + table.name +
                                            " WHERE rowid = " + a + ") END WHERE rowid IN (" + a +
                                            ", " + second + ")")
                        .empty();
                },
                tally, placesTheRow(table.name, column) ? Reach::verifyOnly : Reach::readable);
        }
        auto where = " WHERE rowid = " + std::to_string(first);
        // A deleted row is gone from every page that would show it: verify names it.
        check(
            pristine, dir.path(), table.name, table.name + " row deleted",
            [&](const auto& path) {
                return tamper(path, "DELETE FROM " + table.name + where).empty();
            },
            tally, Reach::verifyOnly);
        // The whole row replaced, with one column different (a signed note made a draft again).
        // (A table whose every column places the row, such as who a catch-up is for, has its
        // last column changed: the replaced row moves out of sight.)
        auto changed =
            std::find_if(table.columns.begin(), table.columns.end(),
                         [&](const Column& column) { return !placesTheRow(table.name, column); });
        const auto replacedReach =
            changed == table.columns.end() ? Reach::verifyOnly : Reach::readable;
        if (changed == table.columns.end())
            changed = std::prev(table.columns.end());
        check(
            pristine, dir.path(), table.name, table.name + " row replaced (INSERT OR REPLACE)",
            [&](const auto& path) {
                auto temporary = dir / "changed.rtdb";
                std::filesystem::remove(temporary);
                std::filesystem::copy_file(path, temporary);
                if (!changeColumn(temporary, table.name, changed->name, first))
                    return false;
                auto value = quoted(temporary, table.name, changed->name, first);
                std::string columns, values;
                for (const auto& column : table.columns) {
                    columns += (columns.empty() ? "" : ", ") + column.name;
                    values += (values.empty() ? "" : ", ") +
                              (column.name == changed->name ? value : column.name);
                }
                return rawSql(path, "INSERT OR REPLACE INTO " + table.name + " (" + columns +
                                        ") SELECT " + values + " FROM " + table.name + where)
                    .empty();
            },
            tally, replacedReach);
        // A forged row: a copy of a real one under a new key.
        check(
            pristine, dir.path(), table.name, table.name + " forged row inserted",
            [&](const auto& path) {
                const auto& key = *std::find_if(table.columns.begin(), table.columns.end(),
                                                [](const Column& column) { return column.key; });
                std::string values;
                for (const auto& column : table.columns) {
                    values += (values.empty() ? "" : ", ") +
                              (column.name == key.name ? column.name + " + 1000" : column.name);
                }
                return tamper(path, "INSERT INTO " + table.name + " SELECT " + values + " FROM " +
                                        table.name + where)
                    .empty();
            },
            tally, Reach::verifyOnly);
    }
    MESSAGE("tampering cases tried: "
            << tally.tried << " (" << tally.prevented
            << " more refused by the schema itself); reported by verify: " << tally.byVerify
            << "; marked damaged when read: " << tally.byReading << " (" << tally.readingExpected
            << " where a page still shows the row)");
    for (const auto& description : tally.verifyOnly)
        MESSAGE("found by verify only (no page shows the row any more): " << description);
    for (const auto& missed : tally.missed)
        MESSAGE(missed);
    CHECK(tally.missed.empty());
    CHECK(tally.byVerify == tally.tried);
    CHECK(tally.tried > 150);
}

TEST_CASE("an untouched database verifies clean, and its report counts every record") {
    TempDir dir;
    auto store = createTestStore(dir / "clean.rtdb");
    writeEveryKindOfRecord(store);
    auto report = store.verify();
    CHECK(report.intact());
    CHECK(report.damaged.empty());
    std::int64_t rows = 0;
    for (const auto& [table, keys] : kLedgered)
        rows += rawCount(dir / "clean.rtdb", "SELECT COUNT(*) FROM " + table);
    CHECK(report.recordsChecked == rows);
}

TEST_CASE("a draft rewritten many times, its ratings replaced, still verifies clean") {
    TempDir dir;
    auto store = createTestStore(dir / "drafts.rtdb");
    auto group = store.addGroup("G", GroupKind::treatment);
    auto member = store.addMember(group, "M", "2026-11-01"_date);
    auto session = store.addSession(plannedSession(group));
    for (int round = 0; round < 5; ++round) {
        NoteContent draft("Draft " + std::to_string(round));
        draft.ratings = {{round % 2 ? "a" : "b", round}};
        store.saveNoteDraft(session, member, draft);
    }
    store.signNote(session, member);
    CHECK(store.verify().intact());
    CHECK(store.note(session, member)->damage.empty());
}

TEST_CASE("a page's rows checked in one query still name the one changed and the one added") {
    TempDir dir;
    auto path = dir / "ahead.rtdb";
    SessionId session = 0;
    std::vector<MemberId> members;
    {
        auto store = createTestStore(path);
        auto group = store.addGroup("Tuesday group", GroupKind::treatment);
        for (const char* name : {"Sam Clarke", "Dev Patel", "Lee Jones"})
            members.push_back(store.addMember(group, name, "2026-11-01"_date));
        session = store.addSession(plannedSession(group));
        for (auto member : members)
            store.markAttendance(session, {member, Attendance::attended, "", {}, {}});
    }
    // The second man's mark changed, and a mark for the third added, outside the store.
    CHECK(tamper(path,
                 "UPDATE attendance_marks SET status = 'absent-unauthorised' WHERE "
                 "member_id = " +
                     std::to_string(members[1]) +
                     "; INSERT INTO attendance_marks SELECT id + 10, session_id, member_id, "
                     "'late', reason, recorded_by, recorded_at, minutes_present FROM "
                     "attendance_marks WHERE member_id = " +
                     std::to_string(members[2])) == "");
    auto store = openTestStore(path);
    auto marks = store.registerOf(session);
    REQUIRE(marks.size() == 3);
    CHECK(marks[0].damage.empty());
    CHECK(marks[1].damage.find("was changed outside Roundtable") != std::string::npos);
    CHECK(marks[2].damage.find("is not in the audit log") != std::string::npos);
    CHECK(marks[2].status == Attendance::late);
}
