// CSV written by hand: RFC 4180 is a few lines, and the one rule that matters (quote a field
// holding a comma, quote or line break, doubling its quotes) is pinned by a test.
#include "practice/Exports.h"

#include "text/Translate.h"

namespace roundtable::practice {

std::string csvRecord(const std::vector<std::string>& fields) {
    std::string record;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            record += ',';
        const auto& field = fields[i];
        if (field.find_first_of(",\"\r\n") == std::string::npos) {
            record += field;
            continue;
        }
        record += '"';
        for (char c : field) {
            if (c == '"')
                record += '"';
            record += c;
        }
        record += '"';
    }
    return record + "\r\n";
}

std::string registerCsv(const GroupYear& year) {
    std::vector<std::string> header{"code", "joined", "left", "present", "counted"};
    for (const auto& session : year.sessions)
        header.push_back(session.date.iso() + " " + session.stamp.sessionId);
    std::string csv = csvRecord(header);
    const auto counts = attendanceCountsOf(year);
    for (std::size_t m = 0; m < year.members.size(); ++m) {
        const auto& member = year.members[m];
        std::vector<std::string> row{
            member.code, member.joinedOn.iso(), member.leftOn ? member.leftOn->iso() : "",
            std::to_string(counts.presentFor[m]), std::to_string(counts.countedFor[m])};
        for (std::size_t s = 0; s < year.sessions.size(); ++s)
            row.push_back(registerCell(year.sessions[s], member, year.marks[m][s]));
        csv += csvRecord(row);
    }
    return csv;
}

GroupOutcomes groupOutcomes(records::RecordStore& store, records::GroupId group) {
    GroupOutcomes outcomes{groupWithId(store, group), {}};
    std::vector<std::string> damages{outcomes.group.damage};
    for (auto& member : store.membersOf(group)) {
        auto scores = store.outcomeScoresOf(member.id);
        damages.push_back(member.damage);
        for (const auto& score : scores)
            damages.push_back(score.damage);
        outcomes.members.emplace_back(std::move(member), std::move(scores));
    }
    refuseDamaged(damages, "group", text::tr("The outcome scores"));
    return outcomes;
}

std::string outcomesCsv(const GroupOutcomes& outcomes) {
    std::string csv = csvRecord({"code", "measure", "time_point", "taken_on", "score"});
    for (const auto& [member, scores] : outcomes.members) {
        for (const auto& score : scores) {
            csv += csvRecord({member.code, score.measureId, score.timePoint, score.takenOn.iso(),
                              std::to_string(score.score)});
        }
    }
    return csv;
}

CsvExport registerExport(const GroupYear& year) {
    return {year.group, "register", registerCsv(year)};
}

CsvExport outcomesExport(const GroupOutcomes& outcomes) {
    return {outcomes.group, "outcomes", outcomesCsv(outcomes)};
}

}  // namespace roundtable::practice
