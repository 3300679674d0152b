// A member's progress report for his care manager or probation officer: confidential on every
// page, naming him and no one else, made from the signed records of a period the facilitator
// chooses. Standard print: it is for staff of other services.
#pragma once

#include <string>

#include "curriculum/Programme.h"
#include "documents/Document.h"
#include "practice/Dates.h"
#include "practice/RecordsToPrint.h"

namespace roundtable::documents {

/// Who signs the report, printed above the line for the signature.
struct ReportSigner {
    std::string name;
    std::string role;
    records::Date date;
};

struct MemberReportOptions {
    /// The facilitator's summary; paragraphs are separated by a blank line. Empty: a space to
    /// write one by hand.
    std::string summary;
    /// Whether the facilitator chose to include his open concerns (`MemberPeriod::openConcerns`
    /// holds them only then).
    bool openConcerns = false;
    ReportSigner signer;
    practice::DateOrder dates = practice::DateOrder::yearMonthDay;  ///< how dates are written
};

/// His details and the period; attendance and its rate; the modules and sessions he attended and
/// those he missed (with a bar chart of the rates by module); the progress indicators' ratings by
/// session (labels from `programme`), each module's also as a line chart; his outcome scores at
/// their time points (measure names from `programme`, no questionnaire items), each measure's
/// also as a line chart; the programme's milestones he had reached by the period's end; open
/// concerns when chosen; the summary; and a signature block.
[[nodiscard]] Document memberReport(const practice::MemberPeriod& period,
                                    const curriculum::Programme& programme,
                                    const MemberReportOptions& options);

}  // namespace roundtable::documents
