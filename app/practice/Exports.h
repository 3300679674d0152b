// A group's register and its outcome scores as CSV (RFC 4180, UTF-8), for service evaluation:
// members by their codes only, dates as YYYY-MM-DD, marks as the register's letters, so that a
// spreadsheet or a statistics package reads them the same in every language and order.
#pragma once

#include <string>
#include <vector>

#include "practice/RecordsToPrint.h"

namespace roundtable::practice {

/// One CSV record: each field quoted when it holds a comma, a double quote, CR or LF (a quote
/// doubled inside), the record ended by CRLF.
[[nodiscard]] std::string csvRecord(const std::vector<std::string>& fields);

/// A row per member: code, joined, left, sessions present at, sessions counted for him
/// (attendanceCounts), then his cell at each session (registerCell). The header names each
/// session as "YYYY-MM-DD curriculum-session-id".
[[nodiscard]] std::string registerCsv(const GroupYear& year);

/// Each member of a group with his outcome scores (corrections applied).
struct GroupOutcomes {
    records::Group group;
    std::vector<std::pair<records::Member, std::vector<records::OutcomeScore>>> members;
};
/// ValidationError for an unknown group ("group"), or when a record it would use was damaged
/// outside Roundtable.
[[nodiscard]] GroupOutcomes groupOutcomes(records::RecordStore& store, records::GroupId group);

/// A row per score: code, measure id, time point id, date taken, score.
[[nodiscard]] std::string outcomesCsv(const GroupOutcomes& outcomes);

/// One of a group's tables as a CSV file's text, and what its export is recorded as.
struct CsvExport {
    records::Group group;
    std::string table;  ///< "register" or "outcomes"; the audit log records "<table>-csv"
    std::string text;
};
[[nodiscard]] CsvExport registerExport(const GroupYear& year);
[[nodiscard]] CsvExport outcomesExport(const GroupOutcomes& outcomes);

}  // namespace roundtable::practice
