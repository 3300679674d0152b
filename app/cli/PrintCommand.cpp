// Each kind of document takes its own options; any other option is a wrong command line, so a
// mistyped --sesion is reported rather than quietly printing the wrong thing. A document made
// from records is recorded in the audit log as an export (its kind and record, who and when;
// never its content) once it is made and before its file is written, and a file that names a
// member is created readable by its owner only.
#include "cli/PrintCommand.h"

#include <charconv>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <span>
#include <sstream>

#include "cli/CommandLine.h"
#include "cli/SignIn.h"
#include "documents/CarersHandout.h"
#include "documents/EasyReadSummary.h"
#include "documents/GroupOutcomesReport.h"
#include "documents/MemberReport.h"
#include "documents/PdfFile.h"
#include "documents/Registers.h"
#include "documents/RelapsePlanDocument.h"
#include "documents/SessionPlan.h"
#include "practice/Dates.h"
#include "practice/OutcomeSummary.h"
#include "practice/RecordsToPrint.h"
#include "practice/ServiceProgramme.h"
#include "practice/Wording.h"
#include "printing/Output.h"
#include "text/Translate.h"

namespace roundtable::cli {

const char* const kPrintUsage = text::trLater(
    "       roundtable-cli print handout --session ID --out FILE.pdf [PRINT OPTIONS]\n"
    "       roundtable-cli print carers-pack [--module ID] --out FILE.pdf [PRINT OPTIONS]\n"
    "       roundtable-cli print easy-read-summary --session ID --out FILE.pdf [PRINT OPTIONS]\n"
    "       roundtable-cli print session-plan --session ID [--start HH:MM] --out FILE.pdf\n"
    "                      [PRINT OPTIONS]   (sessions and modules of the curriculum)\n"
    "       From the records (--db PATH --user NAME, passphrase on standard input; audited):\n"
    "       roundtable-cli print session-plan --session SESSION_NO [--start HH:MM] RECORD OPTIONS\n"
    "       roundtable-cli print sign-in-sheet --session SESSION_NO [--names] RECORD OPTIONS\n"
    "       roundtable-cli print register --group GROUP_NO [--names] RECORD OPTIONS\n"
    "       roundtable-cli print group-outcomes --group GROUP_NO RECORD OPTIONS   (no member\n"
    "                      named: the group's figures)\n"
    "       roundtable-cli print member-report --member CODE [--from DATE] [--to DATE]\n"
    "                      [--concerns] [--summary TEXT | --summary-file FILE] RECORD OPTIONS\n"
    "       roundtable-cli print relapse-plan --member CODE [--easy-read] RECORD OPTIONS\n"
    "         PRINT OPTIONS: --content DIR, --paper a4|letter, --date-order day-month-year|\n"
    "                        month-day-year|year-month-day (default: the language's), and\n"
    "                        for carers' documents\n"
    "                        --contact-name, --contact-phone, --contact-email TEXT and\n"
    "                        --contact-address LINE (once for each line)\n"
    "         RECORD OPTIONS: --db PATH --user NAME --out FILE.pdf [PRINT OPTIONS]\n");

namespace {

namespace documents = roundtable::documents;

const std::set<std::string> kPrintOptions = {"--out", "--content", "--paper", "--date-order"};
const std::set<std::string> kContactOptions = {"--contact-name", "--contact-phone",
                                               "--contact-email", "--contact-address"};
const std::set<std::string> kRecordOptions = {"--db", "--user"};
/// Options that are given alone, without a value.
const std::set<std::string> kFlags = {"--names", "--concerns", "--easy-read"};

/// The options a kind takes besides kPrintOptions.
const std::map<std::string, std::set<std::string>>& kindOptions() {
    static const std::map<std::string, std::set<std::string>> kinds = {
        {"handout", {"--session"}},
        {"carers-pack", {"--module"}},
        {"easy-read-summary", {"--session"}},
        {"session-plan", {"--session", "--start", "--db", "--user"}},
        {"sign-in-sheet", {"--session", "--names", "--db", "--user"}},
        {"register", {"--group", "--names", "--db", "--user"}},
        {"group-outcomes", {"--group", "--db", "--user"}},
        {"member-report",
         {"--member", "--from", "--to", "--concerns", "--summary", "--summary-file", "--db",
          "--user"}},
        {"relapse-plan", {"--member", "--easy-read", "--db", "--user"}},
    };
    return kinds;
}

bool isCarersDocument(const std::string& kind) {
    return kind == "handout" || kind == "carers-pack";
}

/// Every option given, each with its values in order (a flag's value is empty); a wrong option
/// or a missing value is a UsageError.
std::map<std::string, std::vector<std::string>> readOptions(
    const std::vector<std::string>& arguments) {
    const auto& kind = arguments[1];
    const auto& own = kindOptions().at(kind);
    std::map<std::string, std::vector<std::string>> given;
    for (std::size_t i = 2; i < arguments.size(); i += 2) {
        const auto& name = arguments[i];
        bool known = kPrintOptions.contains(name) || own.contains(name) ||
                     (isCarersDocument(kind) && kContactOptions.contains(name));
        if (!known)
            throw UsageError(text::fill(text::tr("print {1} does not take {2}"), {kind, name}));
        if (kFlags.contains(name)) {
            given[name].emplace_back();
            --i;
            continue;
        }
        if (i + 1 >= arguments.size())
            throw UsageError(text::fill(text::tr("{1} needs a value"), {name}));
        given[name].push_back(arguments[i + 1]);
    }
    return given;
}

std::string single(const std::map<std::string, std::vector<std::string>>& given,
                   const std::string& name) {
    auto found = given.find(name);
    if (found == given.end())
        return {};
    if (found->second.size() > 1)
        throw UsageError(text::fill(text::tr("{1} is given more than once"), {name}));
    return found->second.front();
}

std::string required(const std::map<std::string, std::vector<std::string>>& given,
                     const std::string& kind, const std::string& name, const std::string& what) {
    auto value = single(given, name);
    if (value.empty())
        throw UsageError(text::fill(text::tr("print {1} needs {2} {3}"), {kind, name, what}));
    return value;
}

documents::Paper paperFrom(const std::string& text) {
    if (text.empty() || text == "a4")
        return documents::Paper::a4;
    if (text == "letter")
        return documents::Paper::letter;
    throw UsageError(text::tr("--paper takes a4 or letter"));
}

practice::DateOrder dateOrderFrom(const std::string& text) {
    if (text.empty())
        return practice::localeDateOrder();
    if (auto order = practice::dateOrderNamed(text))
        return *order;
    throw UsageError(
        text::tr("--date-order takes day-month-year, month-day-year or year-month-day"));
}

documents::ServiceContact contactFrom(
    const std::map<std::string, std::vector<std::string>>& given) {
    documents::ServiceContact contact;
    contact.name = single(given, "--contact-name");
    contact.phone = single(given, "--contact-phone");
    contact.email = single(given, "--contact-email");
    if (auto lines = given.find("--contact-address"); lines != given.end())
        contact.addressLines = lines->second;
    return contact;
}

std::optional<records::Date> dateOption(
    const std::map<std::string, std::vector<std::string>>& given, const std::string& name) {
    auto typed = single(given, name);
    if (typed.empty())
        return std::nullopt;
    auto date = records::Date::fromIso(typed);
    if (!date)
        throw UsageError(
            text::fill(text::tr("{1} takes a date as YYYY-MM-DD, such as 2027-03-31"), {name}));
    return date;
}

/// The facilitator's summary: given as text, or read from a file (exit 1 when it cannot be).
std::string summaryFrom(const std::map<std::string, std::vector<std::string>>& given) {
    auto text = single(given, "--summary");
    auto file = single(given, "--summary-file");
    if (!text.empty() && !file.empty())
        throw UsageError(text::tr("give --summary or --summary-file, not both"));
    if (file.empty())
        return text;
    std::ifstream in(file);
    std::ostringstream read;
    read << in.rdbuf();
    if (!in)
        throw std::runtime_error(text::fill(text::tr("Cannot read the summary file {1}."), {file}));
    return read.str();
}

/// What to print, read and checked from the command line before anything is loaded.
struct Request {
    std::string kind;
    std::string file;
    documents::Paper paper = documents::Paper::a4;
    practice::DateOrder dates = practice::DateOrder::yearMonthDay;
    bool fromRecords = false;  ///< --db given: every kind but the curriculum's three
    std::string sessionId;     ///< a curriculum session's id, or a recorded session's number
    std::string moduleId;      ///< the pack's, when it is of one module
    std::int64_t groupId = 0;
    std::string memberCode;
    practice::AskedPeriod period;
    bool openConcerns = false;
    bool easyRead = false;
    std::string summary;
    documents::MemberNaming naming = documents::MemberNaming::codes;
    std::optional<documents::ClockTime> start;
    documents::ServiceContact contact;
};

Request requestFrom(const std::vector<std::string>& arguments) {
    Request request;
    request.kind = arguments[1];
    const auto& kind = request.kind;
    auto given = readOptions(arguments);
    request.file = required(given, kind, "--out", "FILE.pdf");
    request.paper = paperFrom(single(given, "--paper"));
    request.dates = dateOrderFrom(single(given, "--date-order"));
    const bool onlyFromRecords = kindOptions().at(kind).contains("--db") && kind != "session-plan";
    request.fromRecords = given.contains("--db");
    if (onlyFromRecords || request.fromRecords) {
        if (!given.contains("--db") || !given.contains("--user"))
            throw UsageError(
                text::fill(text::tr("print {1} needs --db PATH and --user NAME"), {kind}));
        request.fromRecords = true;
    }
    if (kind == "carers-pack")
        request.moduleId = single(given, "--module");
    else if (kind == "register" || kind == "group-outcomes")
        request.groupId = recordNumber(required(given, kind, "--group", "GROUP_NO"), "--group");
    else if (kind == "member-report" || kind == "relapse-plan")
        request.memberCode = required(given, kind, "--member", "CODE");
    else
        request.sessionId = required(given, kind, "--session", "ID");
    // A recorded session's number is checked now, before anything is opened.
    if (request.fromRecords && !request.sessionId.empty())
        (void)recordNumber(request.sessionId, "--session");
    if (auto start = single(given, "--start"); !start.empty()) {
        request.start = documents::ClockTime::parse(start);
        if (!request.start)
            throw UsageError(text::tr("--start takes a time of day as HH:MM, such as 10:00"));
    }
    request.period = {dateOption(given, "--from"), dateOption(given, "--to")};
    if (request.period.from && request.period.to && *request.period.from > *request.period.to) {
        throw UsageError(text::tr("--from must not come after --to"));
    }
    request.openConcerns = given.contains("--concerns");
    request.easyRead = given.contains("--easy-read");
    if (given.contains("--names"))
        request.naming = documents::MemberNaming::names;
    request.summary = summaryFrom(given);
    request.contact = contactFrom(given);
    return request;
}

curriculum::Programme::SessionRef sessionIn(const Content& content, const std::string& id) {
    auto found = content.programme.findSession(id);
    if (!found) {
        throw std::runtime_error(text::fill(text::tr("There is no session \"{1}\" in the programme "
                                                     "in {2}."),
                                            {id, content.folder.string()}));
    }
    return *found;
}

documents::Document fromCurriculum(const Request& request, const Content& content) {
    if (request.kind == "carers-pack") {
        std::span<const curriculum::Module> modules = content.programme.modules;
        if (!request.moduleId.empty()) {
            const auto* module = content.programme.findModule(request.moduleId);
            if (!module) {
                throw std::runtime_error(
                    text::fill(text::tr("There is no module \"{1}\" in the programme in {2}."),
                               {request.moduleId, content.folder.string()}));
            }
            modules = {module, 1};
        }
        return documents::carersPack(modules, request.contact);
    }
    auto session = sessionIn(content, request.sessionId);
    if (request.kind == "handout")
        return documents::carersHandout(*session.module, *session.session, request.contact);
    if (request.kind == "easy-read-summary")
        return documents::easyReadSummary(*session.session);
    documents::SessionPlanOptions options;
    if (request.start)
        options.start = *request.start;
    return documents::sessionPlan(*session.module, *session.session, options);
}

/// A document made from records, with what the audit log records of it.
struct RecordDocument {
    documents::Document document;
    std::string recordKind;  ///< the kind of document, as the audit log names it
    std::int64_t recordId = 0;
    bool namesMembers = true;
};

RecordDocument fromRecords(const Request& request, const Content& content,
                           records::RecordStore& store) {
    if (request.kind == "session-plan") {
        const auto id = recordNumber(request.sessionId, "--session");
        return {documents::recordedSessionPlan(content.programme, practice::groupSession(store, id),
                                               request.dates, request.start),
                request.kind, id, false};
    }
    if (request.kind == "sign-in-sheet") {
        const auto id = recordNumber(request.sessionId, "--session");
        return {documents::signInSheet(practice::sessionSheet(store, id), request.naming,
                                       request.dates),
                request.kind, id};
    }
    if (request.kind == "register") {
        return {documents::yearRegister(practice::groupYear(store, request.groupId), request.naming,
                                        request.dates),
                request.kind, request.groupId};
    }
    if (request.kind == "group-outcomes") {
        return {documents::groupOutcomesReport(
                    practice::groupOutcomeSummary(store, request.groupId, content.programme),
                    practice::today(), request.dates),
                request.kind, request.groupId, false};
    }
    if (request.kind == "member-report") {
        auto period = practice::memberPeriod(store, request.memberCode, request.period,
                                             practice::today(), request.openConcerns);
        auto user = store.currentUser();
        documents::MemberReportOptions options{
            request.summary,
            request.openConcerns,
            {user ? user->login : "", user ? practice::roleInWords(user->role) : "",
             practice::today()},
            request.dates};
        auto id = period.member.id;
        return {documents::memberReport(period, content.programme, options), request.kind, id};
    }
    auto plan = practice::memberPlan(store, request.memberCode);
    auto id = plan.member.id;
    if (request.easyRead)
        return {documents::easyReadRelapsePlan(plan), "easy-read-relapse-plan", id};
    return {documents::formalRelapsePlan(plan, request.dates), request.kind, id};
}

}  // namespace

int print(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out,
          std::ostream& err) {
    if (arguments.size() < 2 || !kindOptions().contains(arguments[1])) {
        throw UsageError(
            text::tr("print needs a kind of document: handout, carers-pack, easy-read-summary, "
                     "session-plan, sign-in-sheet, register, group-outcomes, member-report or "
                     "relapse-plan"));
    }
    auto request = requestFrom(arguments);
    auto content = loadContent(arguments, err, text::tr("nothing was printed"));
    if (!content)
        return 1;
    documents::PdfOptions options{content->folder / "pictures", false};
    documents::Document document;
    if (request.fromRecords) {
        auto store = signedIn(arguments, in, out, err);
        // The service's own programme: what its sessions were planned from.
        content->programme = practice::serviceProgramme(store, content->folder);
        options.pictures = printing::servicePictures(store, content->folder / "pictures");
        auto made = fromRecords(request, *content, store);
        store.recordAccess(records::Access::exportFile, made.recordKind, made.recordId);
        document = std::move(made.document);
        options.privateFile = made.namesMembers;
    } else {
        document = fromCurriculum(request, *content);
    }
    document.paper = request.paper;
    auto written = documents::writePdf(document, request.file, options);
    out << text::fill(text::trn("Wrote {1} ({2} page).", "Wrote {1} ({2} pages).",
                                static_cast<unsigned long>(written.pages)),
                      {request.file, std::to_string(written.pages)})
        << "\n";
    return 0;
}

}  // namespace roundtable::cli
