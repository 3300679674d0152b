// Each kind of document takes its own options; any other option is a wrong command line, so a
// mistyped --sesion is reported rather than quietly printing the wrong thing.
#include "cli/PrintCommand.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <span>

#include "cli/CommandLine.h"
#include "documents/CarersHandout.h"
#include "documents/EasyReadSummary.h"
#include "documents/PdfFile.h"
#include "documents/SessionPlan.h"

namespace roundtable::cli {

const char* const kPrintUsage =
    "       roundtable-cli print handout --session ID --out FILE.pdf [PRINT OPTIONS]\n"
    "       roundtable-cli print carers-pack [--module ID] --out FILE.pdf [PRINT OPTIONS]\n"
    "       roundtable-cli print easy-read-summary --session ID --out FILE.pdf [PRINT OPTIONS]\n"
    "       roundtable-cli print session-plan --session ID [--start HH:MM] --out FILE.pdf\n"
    "                      [PRINT OPTIONS]   (sessions and modules of the curriculum)\n"
    "         PRINT OPTIONS: --content DIR, --paper a4|letter, and for carers' documents\n"
    "                        --contact-name, --contact-phone, --contact-email TEXT and\n"
    "                        --contact-address LINE (once for each line)\n";

namespace {

namespace documents = roundtable::documents;

const std::set<std::string> kPrintOptions = {"--out", "--content", "--paper"};
const std::set<std::string> kContactOptions = {"--contact-name", "--contact-phone",
                                               "--contact-email", "--contact-address"};

/// The options a kind takes besides kPrintOptions.
const std::map<std::string, std::set<std::string>>& kindOptions() {
    static const std::map<std::string, std::set<std::string>> kinds = {
        {"handout", {"--session"}},
        {"carers-pack", {"--module"}},
        {"easy-read-summary", {"--session"}},
        {"session-plan", {"--session", "--start"}},
    };
    return kinds;
}

bool isCarersDocument(const std::string& kind) {
    return kind == "handout" || kind == "carers-pack";
}

/// Every option given, each with its values in order; a wrong option or a missing value is a
/// UsageError.
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
            throw UsageError("print " + kind + " does not take " + name);
        if (i + 1 >= arguments.size())
            throw UsageError(name + " needs a value");
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
        throw UsageError(name + " is given more than once");
    return found->second.front();
}

std::string required(const std::map<std::string, std::vector<std::string>>& given,
                     const std::string& kind, const std::string& name, const std::string& what) {
    auto value = single(given, name);
    if (value.empty())
        throw UsageError("print " + kind + " needs " + name + " " + what);
    return value;
}

documents::Paper paperFrom(const std::string& text) {
    if (text.empty() || text == "a4")
        return documents::Paper::a4;
    if (text == "letter")
        return documents::Paper::letter;
    throw UsageError("--paper takes a4 or letter");
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

/// What to print, read and checked from the command line before anything is loaded.
struct Request {
    std::string kind;
    std::string file;
    documents::Paper paper = documents::Paper::a4;
    std::string sessionId;  ///< every kind but the pack
    std::string moduleId;   ///< the pack's, when it is of one module
    documents::SessionPlanOptions plan;
    documents::ServiceContact contact;
};

Request requestFrom(const std::vector<std::string>& arguments) {
    Request request;
    request.kind = arguments[1];
    auto given = readOptions(arguments);
    request.file = required(given, request.kind, "--out", "FILE.pdf");
    request.paper = paperFrom(single(given, "--paper"));
    if (request.kind == "carers-pack")
        request.moduleId = single(given, "--module");
    else
        request.sessionId = required(given, request.kind, "--session", "ID");
    if (auto start = single(given, "--start"); !start.empty()) {
        auto time = documents::ClockTime::parse(start);
        if (!time)
            throw UsageError("--start takes a time of day as HH:MM, such as 10:00");
        request.plan.start = *time;
    }
    request.contact = contactFrom(given);
    return request;
}

curriculum::Programme::SessionRef sessionIn(const Content& content, const std::string& id) {
    auto found = content.programme.findSession(id);
    if (!found) {
        throw std::runtime_error("There is no session \"" + id + "\" in the programme in " +
                                 content.folder.string() + ".");
    }
    return *found;
}

documents::Document build(const Request& request, const Content& content) {
    if (request.kind == "carers-pack") {
        std::span<const curriculum::Module> modules = content.programme.modules;
        if (!request.moduleId.empty()) {
            const auto* module = content.programme.findModule(request.moduleId);
            if (!module) {
                throw std::runtime_error("There is no module \"" + request.moduleId +
                                         "\" in the programme in " + content.folder.string() + ".");
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
    return documents::sessionPlan(*session.module, *session.session, request.plan);
}

}  // namespace

int print(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    if (arguments.size() < 2 || !kindOptions().contains(arguments[1])) {
        throw UsageError(
            "print needs a kind of document: handout, carers-pack, easy-read-summary or "
            "session-plan");
    }
    auto request = requestFrom(arguments);
    auto content = loadContent(arguments, err, "nothing was printed");
    if (!content)
        return 1;
    auto document = build(request, *content);
    document.paper = request.paper;
    auto written =
        documents::writePdf(document, request.file, {content->folder / "pictures", false});
    out << "Wrote " << request.file << " (" << written.pages
        << (written.pages == 1 ? " page" : " pages") << ").\n";
    return 0;
}

}  // namespace roundtable::cli
