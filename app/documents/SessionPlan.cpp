// The running clock is worked out from the activities' minutes, so a plan printed for a
// group that starts at 13:30 shows every activity at its own time.
#include "documents/SessionPlan.h"
#include "documents/SessionBlocks.h"
#include "practice/SessionRun.h"
#include "practice/Wording.h"
#include "text/Translate.h"

#include <charconv>

namespace roundtable::documents {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

std::string span(ClockTime from, ClockTime to) {
    return from.text() + "\u2013" + to.text();  // an en dash, as in printed timetables
}

/// An activity under its time on the clock, what to read of it (`addGuidance`), then room to
/// write.
template <typename AddGuidance>
void addActivity(std::vector<Block>& blocks, std::string_view title, int minutes, ClockTime start,
                 AddGuidance addGuidance) {
    auto end = start.plusMinutes(minutes);
    blocks.push_back(Heading{span(start, end) + "  " + std::string(title), 3, {}});
    addGuidance();
    blocks.push_back(WritingSpace{text::tr("Notes"), 2});
}

}  // namespace

ClockTime::ClockTime(int minutesAfterMidnight)
    : minutes_(((minutesAfterMidnight % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay) {}

std::optional<ClockTime> ClockTime::parse(std::string_view text) {
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    int hours = 0;
    int minutes = 0;
    auto digits = [](std::string_view part, int& value) {
        auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        return error == std::errc() && end == part.data() + part.size();
    };
    if (!digits(text.substr(0, 2), hours) || !digits(text.substr(3, 2), minutes) || hours > 23 ||
        minutes > 59) {
        return std::nullopt;
    }
    return ClockTime(hours * 60 + minutes);
}

ClockTime ClockTime::plusMinutes(int minutes) const {
    return ClockTime(minutes_ + minutes);
}

std::string ClockTime::text() const {
    auto twoDigits = [](int value) {
        return std::string(1, static_cast<char>('0' + value / 10)) +
               static_cast<char>('0' + value % 10);
    };
    return twoDigits(minutes_ / 60) + ":" + twoDigits(minutes_ % 60);
}

Document sessionPlan(const curriculum::Module& module, const curriculum::Session& session,
                     const SessionPlanOptions& options, const AdaptedPlan* adapted) {
    Document document;
    document.typography = Typography::standard;
    document.title = text::fill(text::tr("Session plan: {1}"), {session.title});
    auto& blocks = document.blocks;
    blocks.push_back(Heading{std::string(session.title), 1, {}});
    blocks.push_back(
        Paragraph{text::fill(text::tr("{1}, version {2} ({3})"),
                             {module.title, std::to_string(module.version), module.id}),
                  text::tr("Module:")});
    // A module revised since the session was planned prints as it is now: say so, so that no
    // one takes this for the version the group was given.
    if (options.plannedVersion != 0) {
        blocks.push_back(Paragraph{
            options.plannedVersion == module.version
                ? text::fill(text::tr("version {1}, as printed here"),
                             {std::to_string(module.version)})
                : text::fill(
                      text::tr("version {1}; the curriculum now has version {2}, "
                               "which this plan shows"),
                      {std::to_string(options.plannedVersion), std::to_string(module.version)}),
            text::tr("Planned from:")});
    }
    // Adapted for the group, the plan lasts as long as its activities now do.
    int minutes = session.minutes;
    if (adapted) {
        minutes = 0;
        for (const auto& step : adapted->steps)
            minutes += step.activity.minutes;
    }
    blocks.push_back(
        Paragraph{text::fill(text::tr("{1}, {2} minutes, {3}"),
                             {session.id, std::to_string(minutes),
                              span(options.start, options.start.plusMinutes(minutes))}),
                  text::tr("Session:")});
    if (options.date.empty() && options.group.empty()) {
        blocks.push_back(WritingSpace{text::tr("Date and group"), 1});
    } else {
        if (!options.date.empty())
            blocks.push_back(Paragraph{options.date, text::tr("Date:")});
        if (!options.group.empty())
            blocks.push_back(Paragraph{options.group, text::tr("Group:")});
    }
    if (adapted)
        blocks.push_back(Paragraph{adapted->said, text::tr("Plan:")});
    addListBlocks(blocks, text::tr("Objectives"), 2, session.objectives);
    addListBlocks(blocks, text::tr("Materials"), 2, session.materials);
    blocks.push_back(Heading{text::tr("Activities"), 2, {}});
    auto clock = options.start;
    if (!adapted) {
        for (const auto& activity : session.activities) {
            addActivity(blocks, activity.title, activity.minutes, clock,
                        [&] { addGuidanceBlocks(blocks, activity); });
            clock = clock.plusMinutes(activity.minutes);
        }
        return document;
    }
    // Adapted for the group: its order and minutes, each activity found in the curriculum by its
    // place in the plan as made, with the guidance added; one it no longer holds as recorded.
    for (const auto& step : adapted->steps) {
        const auto& planned = step.activity;
        addActivity(blocks, planned.title, planned.minutes, clock, [&] {
            if (auto activity = practice::curriculumActivityOf(&session, step))
                addGuidanceBlocks(blocks, *activity, step.addedGuidance);
            else
                addPlannedGuidanceBlocks(blocks, planned);
        });
        clock = clock.plusMinutes(planned.minutes);
    }
    return document;
}

Document recordedSessionPlan(const curriculum::Programme& programme,
                             const practice::GroupSession& planned, practice::DateOrder dates,
                             std::optional<ClockTime> start) {
    const auto& [group, session] = planned;
    auto found = programme.findSession(session.stamp.sessionId);
    if (!found) {
        throw DocumentError(text::fill(text::tr("Session {1} was planned from \"{2}\", which is "
                                                "not in the programme Roundtable has loaded."),
                                       {std::to_string(session.id), session.stamp.sessionId}));
    }
    SessionPlanOptions options;
    options.date = practice::formatDate(session.date, dates);
    options.group = group.name;
    options.plannedVersion = session.stamp.moduleVersion;
    if (start)
        options.start = *start;
    else if (auto recorded = ClockTime::parse(session.startsAt))
        options.start = *recorded;
    if (!session.adaptation)
        return sessionPlan(*found->module, *found->session, options);
    const auto& adaptation = *session.adaptation;
    const AdaptedPlan adapted{
        session.planSteps(),
        practice::adaptationInWords(
            adaptation, practice::formatDate(practice::dateOf(adaptation.madeAt), dates))};
    return sessionPlan(*found->module, *found->session, options, &adapted);
}

}  // namespace roundtable::documents
