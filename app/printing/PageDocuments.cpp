// Each offer captures what it needs to be made later: the curriculum's own objects (which live
// as long as the app), or the number of the session the page shows, whose records are read
// (and refused when damaged) only when the document is made.
#include "printing/PageDocuments.h"

#include <algorithm>

#include "documents/EasyReadSummary.h"
#include "documents/GroupOutcomesReport.h"
#include "documents/MemberReport.h"
#include "documents/RecoveryKeySheet.h"
#include "documents/Registers.h"
#include "documents/RelapsePlanDocument.h"
#include "documents/SessionPlan.h"
#include "practice/RecordsToPrint.h"
#include "practice/Wording.h"
#include "text/Translate.h"

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

/// The session plan of a session on record, and what the person printing it should know: that
/// the module was revised since the session was planned from it (the plan says so too).
Printout recordedSessionPlan(practice::Practice& practice, records::SessionId id) {
    auto planned = practice.groupSession(id);
    Printout printout{
        documents::recordedSessionPlan(practice.programme(), planned, practice.dateOrder()), {}};
    const auto& stamp = planned.session.stamp;
    const auto* module = practice.programme().findModule(stamp.moduleId);
    if (module && module->version != stamp.moduleVersion) {
        printout.notice = text::fill(
            text::tr("This session was planned from version {1} of \"{2}\"; the plan shows "
                     "version {3}, the one in use now."),
            {std::to_string(stamp.moduleVersion), module->title, std::to_string(module->version)});
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
            "carers-handout", text::tr("Carers' handout"), session->title, session->id,
            [module, session](const PrintPreferences& preferences) {
                return documents::carersHandout(*module, *session, preferences.contact);
            }));
        offered.push_back(curriculumDocument(
            "easy-read-summary", text::tr("Members' easy-read summary"), session->title,
            session->id,
            [session](const PrintPreferences&) { return documents::easyReadSummary(*session); }));
        offered.push_back(curriculumDocument(
            "session-plan", text::tr("Facilitator's session plan"), session->title, session->id,
            [module, session](const PrintPreferences&) {
                return documents::sessionPlan(*module, *session, {});
            }));
    }
    if (const auto* module = programme.findModule(moduleId)) {
        offered.push_back(
            curriculumDocument("carers-pack", text::tr("Carers' pack"), module->title, module->id,
                               [module](const PrintPreferences& preferences) {
                                   return documents::carersPack({module, 1}, preferences.contact);
                               }));
    }
    offered.push_back(curriculumDocument(
        "programme-carers-pack", text::tr("Carers' pack"), text::tr("the whole programme"),
        programme.id, [&programme](const PrintPreferences& preferences) {
            return documents::carersPack(programme.modules, preferences.contact);
        }));
    return offered;
}

std::vector<PrintableDocument> sessionDocuments(practice::Practice& practice,
                                                const records::Session& session) {
    // Named in the log as roundtable-cli print names them: the kind and the session's number.
    const auto id = session.id;
    return {
        {.kind = "session-plan",
         .name = text::tr("Facilitator's session plan"),
         .subject = session.title,
         .build = [&practice,
                   id](const PrintPreferences&) { return recordedSessionPlan(practice, id); },
         .recordKind = "session-plan",
         .recordId = id},
        {.kind = "sign-in-sheet",
         .name = text::tr("Sign-in sheet"),
         .subject = session.title,
         .build =
             [&practice, id](const PrintPreferences& preferences) {
                 return Printout{documents::signInSheet(practice.sessionSheet(id),
                                                        preferences.naming, practice.dateOrder()),
                                 {}};
             },
         .recordKind = "sign-in-sheet",
         .recordId = id,
         .privateFile = true},  // it lists the members
    };
}

std::vector<PrintableDocument> groupDocuments(practice::Practice& practice,
                                              const records::Group& group) {
    const auto id = group.id;
    return {{.kind = "register",
             .name = text::tr("Year register"),
             .subject = group.name,
             .build =
                 [&practice, id](const PrintPreferences& preferences) {
                     return Printout{
                         documents::yearRegister(practice.groupYear(id), preferences.naming,
                                                 practice.dateOrder()),
                         {}};
                 },
             .recordKind = "register",
             .recordId = id,
             .privateFile = true},  // the members and their attendance
            {.kind = "group-outcomes",
             .name = text::tr("Group outcomes"),
             .subject = group.name,
             .build =
                 [&practice, id](const PrintPreferences&) {
                     return Printout{
                         documents::groupOutcomesReport(practice.groupOutcomeSummary(id),
                                                        practice.today(), practice.dateOrder()),
                         {}};
                 },
             .recordKind = "group-outcomes",
             .recordId = id}};
}

std::vector<PrintableDocument> memberDocuments(practice::Practice& practice,
                                               const records::Member& member, bool hasPlan,
                                               const ReportChoices& choices) {
    // Named in the log as roundtable-cli print names them: the kind and the member's number.
    const auto code = member.code;
    std::vector<PrintableDocument> offered{
        {.kind = "member-report",
         .name = text::tr("Progress report"),
         .subject = code,
         .build =
             [&practice, code, choices](const PrintPreferences&) {
                 auto period = practice.memberPeriod(code, choices.period, choices.openConcerns);
                 auto user = practice.currentUser();
                 documents::MemberReportOptions options{
                     choices.summary,
                     choices.openConcerns,
                     {user ? user->login : "", user ? practice::roleInWords(user->role) : "",
                      practice.today()},
                     practice.dateOrder()};
                 return Printout{documents::memberReport(period, practice.programme(), options),
                                 {}};
             },
         .recordKind = "member-report",
         .recordId = member.id,
         .privateFile = true}};
    if (!hasPlan)
        return offered;
    offered.push_back({.kind = "relapse-plan",
                       .name = text::tr("Relapse-prevention plan"),
                       .subject = code,
                       .build =
                           [&practice, code](const PrintPreferences&) {
                               return Printout{documents::formalRelapsePlan(
                                                   practice.memberPlan(code), practice.dateOrder()),
                                               {}};
                           },
                       .recordKind = "relapse-plan",
                       .recordId = member.id,
                       .privateFile = true});
    offered.push_back(
        {.kind = "easy-read-relapse-plan",
         .name = text::tr("His own easy-read plan"),
         .subject = code,
         .build =
             [&practice, code](const PrintPreferences&) {
                 return Printout{
                     documents::easyReadRelapsePlan(practice.memberPlan(code)),
                     text::tr("Prints as a booklet: print on both sides, flipping on the "
                              "short edge, then fold in half.")};
             },
         .recordKind = "easy-read-relapse-plan",
         .recordId = member.id,
         .privateFile = true});
    return offered;
}

PrintableDocument recoveryKeyDocument(const std::string& key, const std::string& checkKey,
                                      const std::string& databaseName) {
    return {.kind = "recovery-key-sheet",
            .name = text::tr("Recovery key sheet"),
            .subject = databaseName,
            .build =
                [key, checkKey, databaseName](const PrintPreferences&) {
                    return Printout{documents::recoveryKeySheet(key, databaseName, checkKey), {}};
                },
            .recordKind = "recovery-key-sheet",
            .recordId = 0,
            .privateFile = true};
}

}  // namespace roundtable::printing
