// Marks are letters, never colours alone: a register is photocopied and read in black and
// white, and a letter can be said aloud. The key explains each one on the first page.
#include "documents/Registers.h"

#include <algorithm>

#include "documents/RecordText.h"
#include "practice/Wording.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

/// Sessions across one landscape page: each column stays wide enough for "52" in 11 pt.
constexpr std::size_t kSessionsPerPage = 26;

std::string shownAs(const records::Member& member, MemberNaming naming) {
    return naming == MemberNaming::names ? member.name + " (" + member.code + ")" : member.code;
}

Table keyTable() {
    Table key{{{text::tr("Mark"), 1.0, true}, {text::tr("Meaning"), 10.0, false}}, {}, false};
    for (auto status :
         {records::Attendance::attended, records::Attendance::late, records::Attendance::leftEarly,
          records::Attendance::absentAuthorised, records::Attendance::absentUnauthorised}) {
        key.rows.push_back(
            {practice::attendanceLetter(status), practice::attendanceInWords(status)});
    }
    key.rows.push_back({practice::kUnmarkedMark,
                        text::tr("The session took place; no mark was recorded for him")});
    key.rows.push_back({practice::kNotHeldMark, text::tr("The session did not take place")});
    key.rows.push_back({text::tr("(empty)"),
                        text::tr("He was not a member then, or the session has not taken place")});
    return key;
}

/// A member's label down the side: who he is, and when he joined after the first session or
/// left.
std::string labelFor(const practice::GroupYear& year, const records::Member& member,
                     MemberNaming naming, practice::DateOrder dates) {
    auto label = shownAs(member, naming);
    if (!year.sessions.empty() && member.joinedOn > year.sessions.front().date) {
        label.append("\n").append(
            text::fill(text::tr("joined {1}"), {practice::formatDate(member.joinedOn, dates)}));
    }
    if (member.leftOn) {
        label.append("\n").append(
            text::fill(text::tr("left {1}"), {practice::formatDate(*member.leftOn, dates)}));
    }
    return label;
}

/// Sessions [first, last) across, members down, and a last row of how many were present.
Table gridOf(const practice::GroupYear& year, const practice::AttendanceCounts& counts,
             std::size_t first, std::size_t last, MemberNaming naming, practice::DateOrder dates) {
    Table grid;
    grid.columns.push_back({text::tr("Member"), 5.0, false});
    for (std::size_t s = first; s < last; ++s)
        grid.columns.push_back({std::to_string(s + 1), 1.0, true});
    for (std::size_t m = 0; m < year.members.size(); ++m) {
        std::vector<std::string> row{labelFor(year, year.members[m], naming, dates)};
        for (std::size_t s = first; s < last; ++s)
            row.push_back(
                practice::registerCell(year.sessions[s], year.members[m], year.marks[m][s]));
        grid.rows.push_back(std::move(row));
    }
    std::vector<std::string> present{text::tr("Present")};
    for (std::size_t s = first; s < last; ++s)
        present.push_back(counts.countedAt[s] == 0 ? "" : std::to_string(counts.presentAt[s]));
    grid.rows.push_back(std::move(present));
    return grid;
}

}  // namespace

Document signInSheet(const practice::SessionSheet& sheet, MemberNaming naming,
                     practice::DateOrder dates) {
    const auto& [group, session] = sheet.planned;
    const auto date = practice::formatDate(session.date, dates);
    Document document;
    document.typography = Typography::standard;
    document.confidential = true;
    document.title = text::fill(text::tr("Sign-in sheet: {1}"), {date});
    auto& blocks = document.blocks;
    blocks.push_back(Heading{text::tr("Sign-in sheet"), 1, {}});
    blocks.push_back(Paragraph{session.title, text::tr("Session:")});
    blocks.push_back(Paragraph{group.name, text::tr("Group:")});
    blocks.push_back(
        Paragraph{session.startsAt.empty()
                      ? date
                      : text::fill(text::tr("{1}, starting at {2}"), {date, session.startsAt}),
                  text::tr("Date:")});
    if (sheet.members.empty()) {
        blocks.push_back(Paragraph{text::tr("No one is on this session's register."), {}});
        return document;
    }
    Table table{{{text::tr("Member"), 3.0, false},
                 {text::tr("Here"), 1.0, true},
                 {text::tr("Signature"), 6.0, false}},
                {},
                true};
    for (const auto& member : sheet.members)
        table.rows.push_back({shownAs(member, naming), "\u2610", ""});
    blocks.push_back(std::move(table));
    blocks.push_back(Paragraph{naming == MemberNaming::codes
                                   ? text::tr("Members are shown by their codes, so the sheet "
                                              "names no one.")
                                   : text::tr("This sheet names the members: keep it private."),
                               {}});
    return document;
}

Document yearRegister(const practice::GroupYear& year, MemberNaming naming,
                      practice::DateOrder dates) {
    const auto shown = [dates](records::Date date) { return practice::formatDate(date, dates); };
    Document document;
    document.typography = Typography::standard;
    document.confidential = true;
    document.orientation = Orientation::landscape;
    document.title = text::fill(text::tr("Register: {1}"), {year.group.name});
    auto& blocks = document.blocks;
    blocks.push_back(Heading{text::fill(text::tr("Register: {1}"), {year.group.name}), 1, {}});
    const auto counts = practice::attendanceCountsOf(year);
    if (year.sessions.empty()) {
        blocks.push_back(
            Paragraph{text::tr("No sessions have been planned for this group yet."), {}});
        return document;
    }
    const auto held = std::count_if(year.sessions.begin(), year.sessions.end(), [](auto& s) {
        return s.status == records::SessionStatus::tookPlace;
    });
    blocks.push_back(Paragraph{
        text::fill(text::tr("{1} from {2} to {3}; {4} took place"),
                   {std::to_string(year.sessions.size()), shown(year.sessions.front().date),
                    shown(year.sessions.back().date), std::to_string(held)}),
        text::tr("Sessions:")});
    blocks.push_back(Paragraph{std::to_string(year.members.size()), text::tr("Members:")});

    // The grid first, from the first page (each further part of the year on a page of its
    // own), then the key under it: what a reader came for, with nothing before it.
    for (std::size_t first = 0; first < year.sessions.size(); first += kSessionsPerPage) {
        const auto last = std::min(first + kSessionsPerPage, year.sessions.size());
        if (first > 0)
            blocks.emplace_back(std::in_place_type<PageBreak>);
        blocks.push_back(Heading{
            text::fill(text::tr("Sessions {1} to {2} ({3} to {4})"),
                       {std::to_string(first + 1), std::to_string(last),
                        shown(year.sessions[first].date), shown(year.sessions[last - 1].date)}),
            2,
            {}});
        blocks.push_back(gridOf(year, counts, first, last, naming, dates));
    }
    blocks.push_back(Heading{text::tr("Key"), 2, {}});
    blocks.push_back(keyTable());

    blocks.push_back(PageBreak{});
    blocks.push_back(Heading{text::tr("Attendance by member"), 2, {}});
    Table byMember{{{text::tr("Member"), 4.0, false},
                    {text::tr("Joined"), 2.0, false},
                    {text::tr("Left"), 2.0, false},
                    {text::tr("Present at sessions held while a member"), 4.0, false}},
                   {},
                   false};
    for (std::size_t m = 0; m < year.members.size(); ++m) {
        const auto& member = year.members[m];
        byMember.rows.push_back({shownAs(member, naming), shown(member.joinedOn),
                                 member.leftOn ? shown(*member.leftOn) : "",
                                 rateText(counts.presentFor[m], counts.countedFor[m])});
    }
    blocks.push_back(std::move(byMember));

    blocks.push_back(Heading{text::tr("Attendance by session"), 2, {}});
    Table bySession{{{text::tr("No."), 1.0, true},
                     {text::tr("Date"), 2.0, false},
                     {text::tr("Session"), 8.0, false},
                     {text::tr("Status"), 3.0, false},
                     {text::tr("Present"), 3.0, false}},
                    {},
                    false};
    for (std::size_t s = 0; s < year.sessions.size(); ++s) {
        const auto& session = year.sessions[s];
        bySession.rows.push_back(
            {std::to_string(s + 1), shown(session.date), session.title,
             practice::sessionStatusInWords(session.status),
             counts.countedAt[s] == 0 ? "" : rateText(counts.presentAt[s], counts.countedAt[s])});
    }
    blocks.push_back(std::move(bySession));
    return document;
}

}  // namespace roundtable::documents
