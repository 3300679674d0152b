// What each page of the app offers to print. The curriculum page offers the documents of the
// curriculum alone; a session page the facilitator's plan and the sign-in sheet of the session
// on record; a group page its year register and its outcomes; the recovery key page its sheet.
// A page that gains a document adds it here.
#pragma once

#include <string>
#include <vector>

#include "curriculum/Programme.h"
#include "practice/Practice.h"
#include "printing/Printable.h"

namespace roundtable::printing {

/// For the curriculum session `sessionId` (none when empty): its carers' handout, the members'
/// easy-read summary and the facilitator's session plan (with space to write the date and
/// group); then the carers' pack of the module `moduleId` (none when empty) and of the whole
/// programme. An id the programme does not hold offers nothing.
[[nodiscard]] std::vector<PrintableDocument> curriculumDocuments(
    const curriculum::Programme& programme, const std::string& sessionId,
    const std::string& moduleId);

/// For a session on record (as the session page read it): the facilitator's session plan with
/// its date, its group's name and start time, made from the curriculum session it was planned
/// from (when that module has been revised since, the plan says so, and so does the printout's
/// notice); and the sign-in sheet, by members' codes or names as the service chose
/// (PrintPreferences::naming). Damaged records are not printed from.
[[nodiscard]] std::vector<PrintableDocument> sessionDocuments(practice::Practice& practice,
                                                              const records::Session& session);

/// For a group on record (as the group page read it): its year register, by members' codes or
/// names as the service chose; and its outcomes report (figures for the group, no member named).
[[nodiscard]] std::vector<PrintableDocument> groupDocuments(practice::Practice& practice,
                                                            const records::Group& group);

/// What the facilitator chose for a member's progress report.
struct ReportChoices {
    practice::AskedPeriod period;  ///< an open end: since he joined, or to today
    bool openConcerns = false;     ///< his open concerns included
    std::string summary;           ///< the facilitator's; empty: a space to write one by hand
};

/// For a member's record (as the member page read it): his progress report as `choices` say,
/// with a signature block for whoever is signed in; and, when he has a relapse-prevention plan,
/// its formal version and his own easy-read one (a booklet: the printout says how to print and
/// fold it). Each names him and is written 0600.
[[nodiscard]] std::vector<PrintableDocument> memberDocuments(practice::Practice& practice,
                                                             const records::Member& member,
                                                             bool hasPlan,
                                                             const ReportChoices& choices = {});

/// The recovery key sheet of a new database (documents/RecoveryKeySheet.h): written 0600.
[[nodiscard]] PrintableDocument recoveryKeyDocument(const std::string& key,
                                                    const std::string& checkKey,
                                                    const std::string& databaseName);

}  // namespace roundtable::printing
