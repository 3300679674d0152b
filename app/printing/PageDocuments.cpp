// Each offer captures what it needs to be made later: the curriculum's own objects (which live
// as long as the app), or the session as the page read it. The session's group is looked up
// when the plan is made, so a renamed group prints under its new name.
#include "printing/PageDocuments.h"

#include <algorithm>

#include "documents/EasyReadSummary.h"
#include "documents/RecoveryKeySheet.h"
#include "documents/SessionPlan.h"
#include "practice/Dates.h"

namespace roundtable::printing {
namespace {

PrintableDocument curriculumDocument(
    std::string kind, std::string name, std::string_view subject, std::string_view curriculumId,
    std::function<documents::Document(const PrintPreferences&)> make) {
    PrintableDocument printable;
    printable.recordKind = kind + " " + std::string(curriculumId);
    printable.kind = std::move(kind);
    printable.name = std::move(name);
    printable.subject = std::string(subject);
    printable.build = [make = std::move(make)](const PrintPreferences& preferences) {
        return Printout{make(preferences), {}};
    };
    return printable;
}

std::string groupName(practice::Practice& practice, records::GroupId id) {
    auto groups = practice.store().groups();
    auto found = std::find_if(groups.begin(), groups.end(),
                              [id](const records::Group& group) { return group.id == id; });
    return found == groups.end() ? std::string() : found->name;
}

/// The session plan of a session on record: its date, group and start time over the curriculum
/// session it was planned from.
Printout recordedSessionPlan(practice::Practice& practice, const records::Session& session) {
    if (!session.damage.empty()) {
        throw documents::DocumentError(
            "This session's record was changed outside Roundtable, so its date and group cannot "
            "be relied on. Print the session plan from the curriculum instead.");
    }
    const auto& stamp = session.stamp;
    auto found = practice.programme().findSession(stamp.sessionId);
    if (!found) {
        throw documents::DocumentError(
            "This session was planned from the session \"" + stamp.sessionId + "\" (" +
            stamp.moduleId + " version " + std::to_string(stamp.moduleVersion) +
            "), which is not in the programme Roundtable has loaded, so its plan cannot be "
            "printed.");
    }
    const auto& [module, curriculumSession] = *found;
    documents::SessionPlanOptions options;
    if (auto start = documents::ClockTime::parse(session.startsAt))
        options.start = *start;
    options.date = practice::longDate(session.date);
    options.group = groupName(practice, session.groupId);
    Printout printout{documents::sessionPlan(*module, *curriculumSession, options), {}};
    if (module->version != stamp.moduleVersion) {
        printout.notice = "This session was planned from version " +
                          std::to_string(stamp.moduleVersion) + " of \"" +
                          std::string(module->title) + "\"; the programme loaded now has version " +
                          std::to_string(module->version) + ", and the plan is printed from it.";
        // On the paper too, under the title: the plan may differ from what the group was given.
        auto& blocks = printout.document.blocks;
        blocks.insert(blocks.begin() + 1, documents::Paragraph{printout.notice, "Note:"});
    }
    return printout;
}

}  // namespace

std::vector<PrintableDocument> curriculumDocuments(const curriculum::Programme& programme,
                                                   const std::string& sessionId,
                                                   const std::string& moduleId) {
    std::vector<PrintableDocument> offered;
    if (auto found = programme.findSession(sessionId)) {
        const auto* module = found->module;
        const auto* session = found->session;
        offered.push_back(curriculumDocument(
            "carers-handout", "Carers' handout", session->title, session->id,
            [module, session](const PrintPreferences& preferences) {
                return documents::carersHandout(*module, *session, preferences.contact);
            }));
        offered.push_back(curriculumDocument(
            "easy-read-summary", "Members' easy-read summary", session->title, session->id,
            [session](const PrintPreferences&) { return documents::easyReadSummary(*session); }));
        offered.push_back(
            curriculumDocument("session-plan", "Facilitator's session plan", session->title,
                               session->id, [module, session](const PrintPreferences&) {
                                   return documents::sessionPlan(*module, *session, {});
                               }));
    }
    if (const auto* module = programme.findModule(moduleId)) {
        offered.push_back(
            curriculumDocument("carers-pack", "Carers' pack", module->title, module->id,
                               [module](const PrintPreferences& preferences) {
                                   return documents::carersPack({module, 1}, preferences.contact);
                               }));
    }
    offered.push_back(
        curriculumDocument("programme-carers-pack", "Carers' pack", "the whole programme",
                           programme.id, [&programme](const PrintPreferences& preferences) {
                               return documents::carersPack(programme.modules, preferences.contact);
                           }));
    return offered;
}

std::vector<PrintableDocument> sessionDocuments(practice::Practice& practice,
                                                const records::Session& session) {
    PrintableDocument plan;
    plan.kind = "session-plan";
    plan.name = "Facilitator's session plan";
    plan.subject = session.title;
    plan.recordKind = "session-plan " + session.stamp.sessionId;
    plan.recordId = session.id;
    plan.build = [&practice, session](const PrintPreferences&) {
        return recordedSessionPlan(practice, session);
    };
    return {std::move(plan)};
}

PrintableDocument recoveryKeyDocument(const std::string& key, const std::string& checkKey,
                                      const std::string& databaseName) {
    PrintableDocument sheet;
    sheet.kind = "recovery-key-sheet";
    sheet.name = "Recovery key sheet";
    sheet.subject = databaseName;
    sheet.recordKind = sheet.kind;
    sheet.privateFile = true;
    sheet.build = [key, checkKey, databaseName](const PrintPreferences&) {
        return Printout{documents::recoveryKeySheet(key, databaseName, checkKey), {}};
    };
    return sheet;
}

}  // namespace roundtable::printing
