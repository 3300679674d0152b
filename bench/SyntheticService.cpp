// The synthetic ten-year service (see SyntheticService.h). Only the public RecordStore API
// is used, so the database is exactly what the application would have written.
#include "SyntheticService.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <vector>

#include "records/RecordStore.h"

namespace roundtable::bench {
namespace {

namespace fs = std::filesystem;
namespace records = roundtable::records;
using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

template <std::size_t N>
std::string_view pick(SyntheticRandom& random, const std::array<std::string_view, N>& choices) {
    return choices[random.below(N)];
}

// Invented text for progress notes. Placeholders: {A} an activity, {S} a skill, {F} how the
// week felt, {T} a life event, {P} a plan, {N} a number from 3 to 9.
constexpr std::array<std::string_view, 10> kActivities{
    "opening round",       "thought-record exercise", "role play",        "problem-solving task",
    "relaxation practice", "small-group discussion",  "values card sort", "closing round",
    "video discussion",    "chain analysis"};
constexpr std::array<std::string_view, 10> kSkills{
    "problem solving",   "assertive communication", "managing urges", "noticing thoughts",
    "helpful self-talk", "perspective taking",      "planning ahead", "the calming breath",
    "asking for help",   "consequential thinking"};
constexpr std::array<std::string_view, 8> kFeelings{
    "tiring", "better than last week", "stressful", "calm", "frustrating",
    "mixed",  "quite positive",        "hard going"};
constexpr std::array<std::string_view, 10> kEvents{"a change of accommodation",
                                                   "contact with family",
                                                   "a job interview",
                                                   "money worries",
                                                   "a disagreement with a neighbour",
                                                   "poor sleep",
                                                   "a court date",
                                                   "a new volunteering role",
                                                   "a health appointment",
                                                   "a birthday in the family"};
constexpr std::array<std::string_view, 6> kPlans{
    "practising the skill once a day",
    "writing one thought record before the next session",
    "phoning the support worker on Monday",
    "using the calming breath before difficult conversations",
    "keeping a short diary of triggers",
    "reading the handout again with a family member"};
constexpr std::array<std::string_view, 28> kSentences{
    "Arrived on time and joined the check-in round without prompting.",
    "Arrived a few minutes late and settled quickly once the {A} had started.",
    "Described the week as {F}, mainly because of {T}.",
    "Spoke briefly about {T} and linked it to the work on {S}.",
    "Took an active part in the {A} and offered two examples from home.",
    "Was quieter than usual during the {A}; said afterwards that {T} had been on their mind.",
    "Used the steps of {S} accurately when the facilitator asked for a recent example.",
    "Needed prompting to stay with the {A}, but returned to it after a short break.",
    "Gave helpful feedback to another member about {S}, in a respectful way.",
    "Reported that the home practice on {S} had been done on {N} days out of seven.",
    "Had not done the home practice this week and agreed to try {P}.",
    "Reflected on a situation involving {T} and identified an early warning sign.",
    "Rated their mood as {N} out of ten at the start and {N} out of ten at the end.",
    "Challenged a point made by another member, then accepted a different view when it was "
    "explained.",
    "Showed a good understanding of the link between thoughts, feelings and actions in the {A}.",
    "Found the {A} difficult and said it felt {F}; this was acknowledged and explored.",
    "Agreed a goal for the coming week: {P}.",
    "Mentioned {T} again and was encouraged to raise it at the individual review.",
    "No risk concerns were raised today; the usual check was completed.",
    "Asked for written material on {S}, which was given at the end of the session.",
    "Contributed to the discussion about {T} and listened well to others.",
    "Practised {S} in a role play with the co-facilitator and repeated it with a peer.",
    "Said that {S} had helped in a recent situation involving {T}.",
    "Left the room briefly during the {A} and came back without needing support.",
    "Was able to name three personal strengths when asked in the closing round.",
    "Summarised the main point of the session in their own words at the end.",
    "Linked today's {A} to a goal set earlier in the programme and rated progress as {N} out "
    "of ten.",
    "Offered to share a strategy for {T} with the group next week."};
constexpr std::string_view kPhraseSentence =
    "Mentioned a weekend walk to the harbour lighthouse as something to look forward to.";

constexpr std::size_t kShortestNote = 300;
constexpr std::size_t kLongestNote = 1500;

std::string fillSentence(SyntheticRandom& random, std::string_view pattern) {
    std::string text;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
            switch (pattern[i + 1]) {
                case 'A':
                    text += pick(random, kActivities);
                    break;
                case 'S':
                    text += pick(random, kSkills);
                    break;
                case 'F':
                    text += pick(random, kFeelings);
                    break;
                case 'T':
                    text += pick(random, kEvents);
                    break;
                case 'P':
                    text += pick(random, kPlans);
                    break;
                default:
                    text += std::to_string(random.between(3, 9));
                    break;
            }
            i += 2;
        } else {
            text += pattern[i];
        }
    }
    return text;
}

// Invented names from syllables, so no real person's name is used on purpose.
constexpr std::array<std::string_view, 16> kNameStarts{"Ar",   "Bel", "Cor", "Dav", "Fen", "Gor",
                                                       "Hal",  "Isk", "Jor", "Kel", "Mab", "Orl",
                                                       "Quin", "Ves", "Wyn", "Zel"};
constexpr std::array<std::string_view, 8> kNameEnds{"ion", "ora", "ux",  "ith",
                                                    "oa",  "und", "ari", "eno"};
constexpr std::array<std::string_view, 12> kSurnameParts{"Tavi", "Rolk",  "Mern",  "Such",
                                                         "Pral", "Dovin", "Karth", "Lism",
                                                         "Yorr", "Bexa",  "Nund",  "Olf"};
constexpr std::array<std::string_view, 6> kSurnameEnds{"ane", "ock", "imer", "osse", "ald", "ey"};

std::string inventName(SyntheticRandom& random) {
    std::string name(pick(random, kNameStarts));
    name += pick(random, kNameEnds);
    name += ' ';
    name += pick(random, kSurnameParts);
    name += pick(random, kSurnameEnds);
    return name;
}

constexpr std::array<std::string_view, 12> kSessionTitles{
    "Getting started",       "Goals and values",      "Noticing thoughts",
    "Feelings and the body", "Problem solving",       "Assertive communication",
    "Managing urges",        "Perspective taking",    "Planning ahead",
    "Asking for help",       "Setbacks and recovery", "Looking back, looking forward"};

std::vector<records::PlannedActivity> plannedActivities(std::string_view title) {
    const std::string topic(title);
    return {{"discussion", 20, "Check-in",
             "Each member says in a sentence or two how the week went and whether the home "
             "practice was done. Keep it brief; note anything to follow up afterwards."},
            {"exercise", 40, topic,
             "Introduce the idea with the worked example, then let members try it in pairs on a "
             "situation of their own choosing. Walk round and help where people get stuck."},
            {"discussion", 40, "Sharing and feedback",
             "Pairs report back. Draw out what was easy and what was hard, and link it to the "
             "goals members set at the start of the programme."},
            {"closing", 20, "Home practice and close",
             "Agree one small practice task with each member and check that everyone leaves "
             "settled. Remind the group of the date of the next session."}};
}

records::Date dateOn(std::chrono::sys_days day) {
    std::chrono::year_month_day date{day};
    return *records::Date::fromParts(static_cast<int>(date.year()),
                                     static_cast<unsigned>(date.month()),
                                     static_cast<unsigned>(date.day()));
}

std::string hexHash(SyntheticRandom& random) {
    static constexpr std::string_view digits = "0123456789abcdef";
    std::string hash;
    for (int i = 0; i < 64; ++i)
        hash += digits[random.below(16)];
    return hash;
}

records::AttendanceMark inventMark(SyntheticRandom& random, records::MemberId member) {
    static constexpr std::array<std::string_view, 4> absenceReasons{
        "Unwell", "Hospital appointment", "Family commitment",
        "Work shift changed at short notice"};
    records::AttendanceMark mark;
    mark.memberId = member;
    auto roll = random.below(100);
    if (roll < 80) {
        mark.status = records::Attendance::attended;
    } else if (roll < 86) {
        mark.status = records::Attendance::late;
        mark.reason = "Bus delayed";
    } else if (roll < 90) {
        mark.status = records::Attendance::leftEarly;
        mark.reason = "Left at the break for an appointment";
    } else if (roll < 97) {
        mark.status = records::Attendance::absentAuthorised;
        mark.reason = pick(random, absenceReasons);
    } else {
        mark.status = records::Attendance::absentUnauthorised;
    }
    return mark;
}

/// Adds one group with its members, weekly sessions, register and signed notes.
void addGroup(records::RecordStore& store, SyntheticRandom& random, const std::string& name,
              records::GroupKind kind, std::chrono::sys_days firstSession, int memberCount,
              int sessionCount, GeneratedService& made) {
    auto group = store.addGroup(name, kind);
    ++made.groups;
    std::vector<records::MemberId> members;
    for (int i = 0; i < memberCount; ++i) {
        members.push_back(store.addMember(group, inventName(random), dateOn(firstSession)));
        ++made.members;
    }
    for (int week = 0; week < sessionCount; ++week) {
        auto title = kSessionTitles[static_cast<std::size_t>(week) % kSessionTitles.size()];
        records::NewSession planned;
        planned.groupId = group;
        planned.date = dateOn(firstSession + std::chrono::days(7 * week));
        planned.title = "Session " + std::to_string(week + 1) + ": " + std::string(title);
        planned.minutes = 120;
        char curriculumSession[32];
        std::snprintf(curriculumSession, sizeof curriculumSession, "framework-%02d",
                      week % static_cast<int>(kSessionTitles.size()) + 1);
        planned.stamp = {curriculumSession, "framework", 1, hexHash(random)};
        planned.activities = plannedActivities(title);
        auto session = store.addSession(planned);
        store.setSessionStatus(session, records::SessionStatus::tookPlace);
        ++made.sessions;
        for (auto member : members) {
            store.markAttendance(session, inventMark(random, member));
            ++made.attendanceMarks;
        }
        for (auto member : members) {
            bool withPhrase = random.chance(1, 200);
            auto text = inventNoteText(random, withPhrase);
            store.saveAndSignNote(session, member, text);
            ++made.notes;
            made.notesWithPhrase += withPhrase ? 1 : 0;
            made.noteTextBytes += text.size();
        }
    }
}

constexpr std::array<std::string_view, 6> kTimesOfDay{"Monday evening",   "Tuesday morning",
                                                      "Tuesday evening",  "Wednesday afternoon",
                                                      "Thursday evening", "Friday morning"};

void writeSummary(const fs::path& path, const GeneratedService& made) {
    std::ofstream out(path);
    out << "version=" << kSyntheticServiceVersion << "\ngroups=" << made.groups
        << "\nmembers=" << made.members << "\nsessions=" << made.sessions
        << "\nattendance_marks=" << made.attendanceMarks << "\nnotes=" << made.notes
        << "\nnotes_with_phrase=" << made.notesWithPhrase
        << "\nnote_text_bytes=" << made.noteTextBytes
        << "\nmilliseconds=" << static_cast<long long>(made.seconds * 1000.0) << '\n';
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

std::optional<GeneratedService> readSummary(const fs::path& path) {
    std::ifstream in(path);
    std::map<std::string, std::string, std::less<>> values;
    for (std::string line; std::getline(in, line);) {
        auto equals = line.find('=');
        if (equals != std::string::npos)
            values[line.substr(0, equals)] = line.substr(equals + 1);
    }
    if (values["version"] != kSyntheticServiceVersion)
        return std::nullopt;
    bool ok = true;
    auto number = [&](const char* key) {
        long long value = 0;
        const auto& text = values[key];
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        ok = ok && error == std::errc() && end == text.data() + text.size() && !text.empty();
        return value;
    };
    GeneratedService made;
    made.groups = static_cast<int>(number("groups"));
    made.members = static_cast<int>(number("members"));
    made.sessions = static_cast<int>(number("sessions"));
    made.attendanceMarks = static_cast<int>(number("attendance_marks"));
    made.notes = static_cast<int>(number("notes"));
    made.notesWithPhrase = static_cast<int>(number("notes_with_phrase"));
    made.noteTextBytes = static_cast<std::uint64_t>(number("note_text_bytes"));
    made.seconds = static_cast<double>(number("milliseconds")) / 1000.0;
    if (!ok)
        return std::nullopt;
    return made;
}

void removeDatabase(const fs::path& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(fs::path(path.string() + suffix));
}

/// The data format version and every table, index and trigger definition of a database file.
std::string schemaFingerprint(const fs::path& path) {
    sqlite3* db = nullptr;
    std::string fingerprint;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_stmt* query = nullptr;
        const char* sql =
            "SELECT (SELECT user_version FROM pragma_user_version) || ':' || "
            "group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL "
            "ORDER BY name)";
        if (sqlite3_prepare_v2(db, sql, -1, &query, nullptr) == SQLITE_OK &&
            sqlite3_step(query) == SQLITE_ROW && sqlite3_column_text(query, 0)) {
            fingerprint = reinterpret_cast<const char*>(sqlite3_column_text(query, 0));
        }
        sqlite3_finalize(query);
    }
    sqlite3_close_v2(db);
    return fingerprint;
}

/// True when this build of the store opens the cached file and would create the
/// same schema today: a store whose schema changed (even without a new format number, as
/// happens while a feature is being built) makes the cached service stale.
bool storeAccepts(const fs::path& path) {
    const fs::path probe =
        path.parent_path() / ("schema-probe-" + std::to_string(::getpid()) + ".db");
    try {
        removeDatabase(probe);
        {
            auto created = records::RecordStore::create(
                probe, {kSyntheticLogin, kSyntheticPassphrase, records::KeyDerivation::fast});
        }
        auto current = schemaFingerprint(probe);
        removeDatabase(probe);
        // Compared before opening: opening an older file would migrate the cache in place.
        if (current.empty() || schemaFingerprint(path) != current)
            return false;
        // Opened, not unlocked: signing in would add an audit row to the shared file.
        { auto store = records::RecordStore::open(path); }
        return true;
    } catch (const records::StoreError&) {
        removeDatabase(probe);
        return false;
    }
}

}  // namespace

std::string inventNoteText(SyntheticRandom& random, bool withPhrase) {
    const std::size_t longest = kLongestNote - (withPhrase ? kPhraseSentence.size() + 1 : 0);
    const auto target = static_cast<std::size_t>(
        random.between(static_cast<int>(kShortestNote), static_cast<int>(longest)));
    std::vector<std::string> sentences;
    std::size_t length = 0;
    while (length < target) {
        auto sentence = fillSentence(random, pick(random, kSentences));
        auto grown = length + (sentences.empty() ? 0 : 1) + sentence.size();
        if (grown > longest && length >= kShortestNote)
            break;
        if (grown > longest)
            continue;  // too long to fit; draw another
        sentences.push_back(std::move(sentence));
        length = grown;
    }
    if (withPhrase) {
        auto at = static_cast<std::ptrdiff_t>(random.below(sentences.size() + 1));
        sentences.insert(sentences.begin() + at, std::string(kPhraseSentence));
    }
    std::string text;
    for (const auto& sentence : sentences) {
        if (!text.empty())
            text += ' ';
        text += sentence;
    }
    return text;
}

GeneratedService generateSyntheticService(const fs::path& path, const SyntheticShape& shape,
                                          std::ostream& progress) {
    using namespace std::chrono;
    const auto start = Clock::now();
    SyntheticRandom random(shape.seed);
    auto created = records::RecordStore::create(
        path, {kSyntheticLogin, kSyntheticPassphrase, records::KeyDerivation::fast});
    auto& store = created.store;
    GeneratedService made;

    // Ten years of groups: each runs for about a year of weekly sessions; their start dates are
    // spread evenly, so a few groups run at any one time, as in a real service.
    const sys_days firstDay = year{2016} / January / 5;  // a Tuesday
    constexpr int tenYearsInWeeks = 521;
    const int spreadWeeks = tenYearsInWeeks - std::max(shape.sessionsPerGroup, 1);
    for (int g = 0; g < shape.groups; ++g) {
        auto firstSession = firstDay + days(7 * (g * spreadWeeks / std::max(shape.groups, 1)));
        auto kind = g % 10 < 7   ? records::GroupKind::treatment
                    : g % 10 < 9 ? records::GroupKind::maintenance
                                 : records::GroupKind::carers;
        char name[96];
        std::snprintf(
            name, sizeof name, "Group %02d (%s, from %s)", g + 1,
            std::string(kTimesOfDay[static_cast<std::size_t>(g) % kTimesOfDay.size()]).c_str(),
            dateOn(firstSession).iso().c_str());
        addGroup(store, random, name, kind, firstSession, shape.membersPerGroup,
                 shape.sessionsPerGroup, made);
        if ((g + 1) % 5 == 0) {
            progress << "  generated " << g + 1 << '/' << shape.groups + 1 << " groups ("
                     << static_cast<int>(Seconds(Clock::now() - start).count()) << " s)\n"
                     << std::flush;
        }
    }
    // The register benchmark's group: the last year of the ten.
    addGroup(store, random, kRegisterGroupName, records::GroupKind::treatment,
             firstDay + days(7 * (tenYearsInWeeks - shape.registerGroupSessions)),
             shape.registerGroupMembers, shape.registerGroupSessions, made);
    made.seconds = Seconds(Clock::now() - start).count();
    return made;
}

CachedService ensureSyntheticService(const fs::path& cacheDir, const SyntheticShape& shape,
                                     bool regenerate, std::ostream& progress) {
    fs::create_directories(cacheDir);
    char name[160];
    std::snprintf(name, sizeof name, "%s-%dx%dx%d-%dx%d-seed%llu.db", kSyntheticServiceVersion,
                  shape.groups, shape.membersPerGroup, shape.sessionsPerGroup,
                  shape.registerGroupMembers, shape.registerGroupSessions,
                  static_cast<unsigned long long>(shape.seed));
    const fs::path path = cacheDir / name;
    const fs::path summaryPath = path.string() + ".summary";
    if (!regenerate && fs::exists(path)) {
        if (auto summary = readSummary(summaryPath); summary && storeAccepts(path)) {
            return {path, *summary, false};
        }
        progress << "the cached synthetic service is out of date; generating it again\n";
    }
    removeDatabase(path);
    fs::remove(summaryPath);

    const fs::path partial = path.string() + ".partial-" + std::to_string(::getpid());
    removeDatabase(partial);
    progress << "generating the synthetic service into " << path.string()
             << " (once; reused by later runs)\n"
             << std::flush;
    auto made = generateSyntheticService(partial, shape, progress);
    // The store was closed when generation returned: SQLite checkpointed the WAL into the
    // main file and removed it, so the single file is the whole database.
    if (fs::exists(partial.string() + "-wal")) {
        throw std::runtime_error("the generated database still has a WAL file: " +
                                 partial.string());
    }
    fs::remove(partial.string() + "-shm");
    fs::rename(partial, path);
    writeSummary(summaryPath, made);
    return {path, made, true};
}

}  // namespace roundtable::bench
