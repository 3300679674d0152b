// The report names only its member: it prints his name and code, and of the records nothing
// but dates, session titles, marks, ratings, scores and (when chosen) his own concerns. The text
// of progress notes is left out, since a note may mention someone else in the group.
#include "documents/MemberReport.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "documents/ProgressCharts.h"
#include "documents/RecordText.h"
#include "practice/Dates.h"
#include "practice/Wording.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

/// What the curriculum calls a module, or its id when the curriculum no longer has it.
std::string moduleTitle(const curriculum::Programme& programme, const std::string& moduleId) {
    const auto* module = programme.findModule(moduleId);
    return module ? std::string(module->title) : moduleId;
}

void addDetails(std::vector<Block>& blocks, const practice::MemberPeriod& period,
                practice::DateOrder dates) {
    const auto shown = [dates](records::Date date) { return practice::formatDate(date, dates); };
    blocks.push_back(Heading{text::tr("Progress report"), 1, {}});
    blocks.push_back(
        Paragraph{text::fill(text::tr("{1} (code {2})"), {period.member.name, period.member.code}),
                  text::tr("Member:")});
    for (const auto& [group, membership] : period.memberships) {
        blocks.push_back(Paragraph{
            !membership.leftOn
                ? text::fill(text::tr("{1}, joined {2}"), {group.name, shown(membership.joinedOn)})
                : text::fill(text::tr("{1}, joined {2}, left {3}"),
                             {group.name, shown(membership.joinedOn), shown(*membership.leftOn)}),
            text::tr("Group:")});
    }
    // TRANSLATORS: a report's period: {1} its first day, {2} its last.
    blocks.push_back(Paragraph{
        text::fill(text::tr("{1} to {2}"), {shown(period.period.from), shown(period.period.to)}),
        text::tr("Period:")});
    blocks.push_back(
        Paragraph{text::tr("This report is confidential. It is made from the records that the "
                           "group's facilitators have signed, for the people responsible for his "
                           "care and supervision."),
                  {}});
}

void addAttendance(std::vector<Block>& blocks, const practice::MemberPeriod& period) {
    blocks.push_back(Heading{text::tr("Attendance"), 2, {}});
    std::map<records::Attendance, int> byStatus;
    int present = 0;
    int unmarked = 0;
    int held = 0;
    int catchUps = 0;  // his own catch-ups are not more sessions of the group
    for (const auto& session : period.sessions) {
        if (session.session.isCatchUp()) {
            catchUps += session.mark && records::wasPresent(session.mark->status) ? 1 : 0;
            continue;
        }
        ++held;
        if (!session.mark) {
            ++unmarked;
            continue;
        }
        ++byStatus[session.mark->status];
        present += records::wasPresent(session.mark->status) ? 1 : 0;
    }
    blocks.push_back(
        Paragraph{text::fill(text::tr("present at {1} of the sessions held in the period"),
                             {rateText(present, held)}),
                  text::tr("Attendance:")});
    Table table{{{text::tr("Mark"), 3.0, false}, {text::tr("Sessions"), 1.0, true}}, {}, false};
    for (const auto& [status, count] : byStatus)
        table.rows.push_back({practice::attendanceInWords(status), std::to_string(count)});
    if (unmarked > 0)
        table.rows.push_back({text::tr("No mark recorded"), std::to_string(unmarked)});
    table.rows.push_back({text::tr("Sessions held"), std::to_string(held)});
    if (catchUps > 0)
        table.rows.push_back({text::tr("Catch-up sessions attended"), std::to_string(catchUps)});
    blocks.push_back(std::move(table));
}

/// Sessions by date, title, module and his mark; shares that fit a date on one line and "Absent
/// (unauthorised)" on two.
Table sessionTable(const std::string& markHeading) {
    return {{{text::tr("Date"), 3.2, false},
             {text::tr("Session"), 7.0, false},
             {text::tr("Module"), 6.0, false},
             {markHeading, 3.8, false}},
            {},
            false};
}

void addSessions(std::vector<Block>& blocks, const practice::MemberPeriod& period,
                 const curriculum::Programme& programme, practice::DateOrder dates) {
    blocks.push_back(Heading{text::tr("Modules and sessions attended"), 2, {}});
    // Modules in the order he first met them, each with how many of its sessions he was at.
    std::vector<std::pair<std::string, int>> modules;  // id, version
    std::map<std::string, std::pair<int, int>> attendance;
    Table attended = sessionTable(text::tr("Mark"));
    Table missed = sessionTable(text::tr("Why"));
    for (const auto& [session, mark, note] : period.sessions) {
        const auto& stamp = session.stamp;
        const bool present = mark && records::wasPresent(mark->status);
        // A catch-up goes over a session the group had: listed, not counted as one more.
        if (!session.isCatchUp()) {
            if (!attendance.contains(stamp.moduleId))
                modules.emplace_back(stamp.moduleId, stamp.moduleVersion);
            auto& [at, of] = attendance[stamp.moduleId];
            at += present ? 1 : 0;
            of += 1;
        }
        std::vector<std::string> row{
            practice::formatDate(session.date, dates),
            session.isCatchUp() ? text::fill(text::tr("Catch-up: {1}"), {session.title})
                                : session.title,
            moduleTitle(programme, stamp.moduleId),
            mark ? practice::attendanceInWords(mark->status) : text::tr("No mark recorded")};
        (present ? attended : missed).rows.push_back(std::move(row));
    }
    Table byModule{{{text::tr("Module"), 6.0, false},
                    {text::tr("Version"), 1.6, true},
                    {text::tr("Present at"), 3.0, false}},
                   {},
                   false};
    for (const auto& [id, version] : modules) {
        const auto& [at, of] = attendance[id];
        byModule.rows.push_back(
            {moduleTitle(programme, id), std::to_string(version), rateText(at, of)});
    }
    blocks.push_back(std::move(byModule));
    if (!modules.empty())
        blocks.push_back(attendanceChart(practice::attendanceByModule(period.sessions, programme)));
    blocks.push_back(Heading{text::tr("Sessions attended"), 3, {}});
    if (attended.rows.empty())
        blocks.push_back(
            Paragraph{text::tr("He was not present at any session in this period."), {}});
    else
        blocks.push_back(std::move(attended));
    blocks.push_back(Heading{text::tr("Sessions missed"), 2, {}});
    if (missed.rows.empty())
        blocks.push_back(Paragraph{text::tr("None in this period."), {}});
    else
        blocks.push_back(std::move(missed));
}

/// For each module, a table of the signed notes' ratings: a row per session date, a column per
/// indicator (its label and scale from the curriculum).
void addRatings(std::vector<Block>& blocks, const practice::MemberPeriod& period,
                const curriculum::Programme& programme, practice::DateOrder dates) {
    blocks.push_back(Heading{text::tr("Progress indicators"), 2, {}});
    blocks.push_back(
        Paragraph{text::tr("Facilitators rate each module's progress indicators in their "
                           "signed note of every session he attends. The ratings by date:"),
                  {}});
    std::vector<std::string> order;
    std::map<std::string, std::vector<const practice::PeriodSession*>> rated;
    for (const auto& session : period.sessions) {
        if (!session.signedNote || session.signedNote->content.ratings.empty())
            continue;
        const auto& module = session.session.stamp.moduleId;
        if (!rated.contains(module))
            order.push_back(module);
        rated[module].push_back(&session);
    }
    if (order.empty()) {
        blocks.push_back(Paragraph{text::tr("No indicators were rated in this period."), {}});
        return;
    }
    const auto progress = practice::ratingsByIndicator(period.sessions, programme);
    for (const auto& moduleId : order) {
        // The module's indicators, then any rated that the curriculum no longer has.
        std::vector<std::pair<std::string, std::string>> indicators;  // id, heading
        if (const auto* module = programme.findModule(moduleId)) {
            for (const auto& indicator : module->indicators) {
                indicators.emplace_back(
                    std::string(indicator.id),
                    text::fill(text::tr("{1} ({2} to {3})"),
                               {indicator.label, std::to_string(indicator.scaleMin),
                                std::to_string(indicator.scaleMax)}));
            }
        }
        for (const auto* session : rated[moduleId]) {
            for (const auto& rating : session->signedNote->content.ratings) {
                if (std::none_of(indicators.begin(), indicators.end(), [&](const auto& known) {
                        return known.first == rating.indicatorId;
                    }))
                    indicators.emplace_back(rating.indicatorId, rating.indicatorId);
            }
        }
        blocks.push_back(Heading{moduleTitle(programme, moduleId), 3, {}});
        Table table{{{text::tr("Date"), 2.4, false}}, {}, false};
        for (const auto& [id, heading] : indicators)
            table.columns.push_back({heading, 3.0, true});
        for (const auto* session : rated[moduleId]) {
            std::vector<std::string> row{practice::formatDate(session->session.date, dates)};
            for (const auto& [id, heading] : indicators) {
                const auto& ratings = session->signedNote->content.ratings;
                auto found = std::find_if(ratings.begin(), ratings.end(), [&](const auto& rating) {
                    return rating.indicatorId == id;
                });
                row.push_back(found == ratings.end() ? "" : std::to_string(found->rating));
            }
            table.rows.push_back(std::move(row));
        }
        blocks.push_back(std::move(table));
        // The same ratings over time, a line (marker and dash) for each indicator.
        std::vector<practice::IndicatorProgress> ofModule;
        std::copy_if(progress.begin(), progress.end(), std::back_inserter(ofModule),
                     [&](const auto& indicator) { return indicator.moduleId == moduleId; });
        if (!ofModule.empty())
            blocks.push_back(indicatorChart(ofModule, dates));
    }
}

void addScores(std::vector<Block>& blocks, const practice::MemberPeriod& period,
               const curriculum::Programme& programme, practice::DateOrder dates) {
    blocks.push_back(Heading{text::tr("Outcome measures"), 2, {}});
    if (period.scores.empty()) {
        blocks.push_back(
            Paragraph{text::fill(text::tr("No outcome scores were recorded up to {1}."),
                                 {practice::formatDate(period.period.to, dates)}),
                      {}});
        return;
    }
    auto timePointLabel = [&](const std::string& id) {
        for (const auto& point : programme.timePoints) {
            if (point.id == id)
                return std::string(point.label);
        }
        return id;
    };
    Table table{{{text::tr("Measure"), 5.0, false},
                 {text::tr("Time point"), 4.0, false},
                 {text::tr("Date"), 2.4, false},
                 {text::tr("Score"), 1.4, true}},
                {},
                false};
    // The programme's measures in its order; a score on a measure it no longer has, after them.
    auto rank = [&](const std::string& id) {
        auto found = std::find_if(programme.measures.begin(), programme.measures.end(),
                                  [&](const auto& measure) { return measure.id == id; });
        return found - programme.measures.begin();
    };
    auto scores = period.scores;
    std::stable_sort(scores.begin(), scores.end(), [&](const auto& a, const auto& b) {
        return std::pair(rank(a.measureId), a.takenOn) < std::pair(rank(b.measureId), b.takenOn);
    });
    for (const auto& score : scores) {
        std::string measure = score.measureId;
        auto found = rank(score.measureId);
        if (found < static_cast<std::ptrdiff_t>(programme.measures.size())) {
            const auto& known = programme.measures[static_cast<std::size_t>(found)];
            measure =
                text::fill(known.higherIsBetter ? text::tr("{1} ({2} to {3}, higher is better)")
                                                : text::tr("{1} ({2} to {3}, higher is worse)"),
                           {known.name, std::to_string(known.min), std::to_string(known.max)});
        }
        table.rows.push_back({measure, timePointLabel(score.timePoint),
                              practice::formatDate(score.takenOn, dates),
                              std::to_string(score.score)});
    }
    blocks.push_back(std::move(table));
    for (const auto& measure : practice::scoresByMeasure(period.scores, programme))
        blocks.push_back(scoreChart(measure, dates));
}

void addMilestones(std::vector<Block>& blocks, const practice::MemberPeriod& period,
                   const curriculum::Programme& programme, practice::DateOrder dates) {
    if (programme.milestones.empty() && period.milestones.empty())
        return;
    blocks.push_back(Heading{text::tr("Milestones"), 2, {}});
    if (period.milestones.empty()) {
        blocks.push_back(
            Paragraph{text::fill(text::tr("No milestone of the programme was recorded up to {1}."),
                                 {practice::formatDate(period.period.to, dates)}),
                      {}});
        return;
    }
    Table table{
        {{text::tr("Milestone"), 4.0, false}, {text::tr("Reached on"), 1.4, false}}, {}, false};
    for (const auto& milestone : period.milestones) {
        const auto* defined = programme.findMilestone(milestone.milestoneId);
        table.rows.push_back({defined ? std::string(defined->label) : milestone.milestoneId,
                              practice::formatDate(milestone.reachedOn, dates)});
    }
    blocks.push_back(std::move(table));
}

void addConcerns(std::vector<Block>& blocks, const practice::MemberPeriod& period,
                 practice::DateOrder dates) {
    blocks.push_back(Heading{text::tr("Open concerns"), 2, {}});
    if (period.openConcerns.empty()) {
        blocks.push_back(Paragraph{text::tr("None."), {}});
        return;
    }
    for (const auto& concern : period.openConcerns) {
        blocks.push_back(Paragraph{
            concern.description,
            text::fill(text::tr("Raised {1}:"),
                       {practice::formatDate(practice::dateOf(concern.raisedAt), dates)})});
        BulletList actions;
        for (const auto& action : concern.actions) {
            if (action.status != records::ActionStatus::open)
                continue;
            actions.items.push_back(
                !action.dueOn ? text::fill(text::tr("{1} ({2})"), {action.action, action.owner})
                              : text::fill(text::tr("{1} ({2}, by {3})"),
                                           {action.action, action.owner,
                                            practice::formatDate(*action.dueOn, dates)}));
        }
        if (!actions.items.empty())
            blocks.push_back(std::move(actions));
    }
}

void addSummaryAndSignature(std::vector<Block>& blocks, const MemberReportOptions& options) {
    blocks.push_back(Heading{text::tr("Summary"), 2, {}});
    if (options.summary.empty())
        blocks.push_back(WritingSpace{{}, 8});
    std::string::size_type start = 0;
    while (start < options.summary.size()) {
        auto end = options.summary.find("\n\n", start);
        auto paragraph =
            options.summary.substr(start, end == std::string::npos ? end : end - start);
        if (paragraph.find_first_not_of(" \n") != std::string::npos)
            blocks.push_back(Paragraph{paragraph, {}});
        start = end == std::string::npos ? options.summary.size() : end + 2;
    }
    // One table row, tall enough to sign in: a row is never split, so the name, role, date
    // and signature stay together on one page (as separate lines they could be parted).
    blocks.push_back(Heading{text::tr("Signed"), 2, {}});
    blocks.push_back(Table{{{text::tr("Name"), 3.0, false},
                            {text::tr("Role"), 3.0, false},
                            {text::tr("Date"), 2.0, false},
                            {text::tr("Signature"), 4.0, false}},
                           {{options.signer.name, options.signer.role,
                             practice::formatDate(options.signer.date, options.dates), ""}},
                           true});
}

}  // namespace

Document memberReport(const practice::MemberPeriod& period, const curriculum::Programme& programme,
                      const MemberReportOptions& options) {
    Document document;
    document.typography = Typography::standard;
    document.confidential = true;
    document.title = text::fill(text::tr("Progress report: {1}"), {period.member.code});
    auto& blocks = document.blocks;
    addDetails(blocks, period, options.dates);
    addAttendance(blocks, period);
    addSessions(blocks, period, programme, options.dates);
    addRatings(blocks, period, programme, options.dates);
    addScores(blocks, period, programme, options.dates);
    addMilestones(blocks, period, programme, options.dates);
    if (options.openConcerns)
        addConcerns(blocks, period, options.dates);
    addSummaryAndSignature(blocks, options);
    return document;
}

}  // namespace roundtable::documents
