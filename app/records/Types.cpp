// Text forms of the record store's enumerations: how they are written in the database.
#include <algorithm>
#include <array>

#include "records/Types.h"
#include "text/Translate.h"

namespace roundtable::records {
namespace {

template <typename Enum, std::size_t N>
Enum parseEnum(const std::string& text, const std::array<Enum, N>& values, const char* what) {
    for (auto value : values) {
        if (text == toText(value))
            return value;
    }
    throw StoreError(
        text::fill(text::tr("The database holds an unknown {1} \"{2}\"; it may be damaged."),
                   {text::tr(what), text}));
}

}  // namespace

std::string trimmed(const std::string& text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

const char* toText(Role role) {
    switch (role) {
        case Role::facilitator:
            return "facilitator";
        case Role::clinicalLead:
            return "clinical-lead";
        case Role::administrator:
            return "administrator";
    }
    return "facilitator";
}

const char* toText(GroupKind kind) {
    switch (kind) {
        case GroupKind::treatment:
            return "treatment";
        case GroupKind::maintenance:
            return "maintenance";
        case GroupKind::carers:
            return "carers";
    }
    return "treatment";
}
const char* toText(SessionStatus status) {
    switch (status) {
        case SessionStatus::planned:
            return "planned";
        case SessionStatus::tookPlace:
            return "took-place";
        case SessionStatus::didNotTakePlace:
            return "did-not-take-place";
    }
    return "planned";
}
const char* toText(Attendance status) {
    switch (status) {
        case Attendance::attended:
            return "attended";
        case Attendance::late:
            return "late";
        case Attendance::leftEarly:
            return "left-early";
        case Attendance::absentAuthorised:
            return "absent-authorised";
        case Attendance::absentUnauthorised:
            return "absent-unauthorised";
    }
    return "attended";
}
const char* toText(NoteState state) {
    return state == NoteState::signedOff ? "signed" : "draft";
}

Role roleFrom(const std::string& text) {
    return parseEnum(text, std::array{Role::facilitator, Role::clinicalLead, Role::administrator},
                     text::trLater("role"));
}

GroupKind groupKindFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{GroupKind::treatment, GroupKind::maintenance, GroupKind::carers},
                     text::trLater("group kind"));
}
SessionStatus sessionStatusFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{SessionStatus::planned, SessionStatus::tookPlace,
                                SessionStatus::didNotTakePlace},
                     text::trLater("session status"));
}
Attendance attendanceFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{Attendance::attended, Attendance::late, Attendance::leftEarly,
                                Attendance::absentAuthorised, Attendance::absentUnauthorised},
                     text::trLater("attendance status"));
}
NoteState noteStateFrom(const std::string& text) {
    return parseEnum(text, std::array{NoteState::draft, NoteState::signedOff},
                     text::trLater("note state"));
}
const char* toText(Participation participation) {
    switch (participation) {
        case Participation::notRecorded:
            return "";
        case Participation::full:
            return "full";
        case Participation::some:
            return "some";
        case Participation::little:
            return "little";
        case Participation::none:
            return "none";
    }
    return "";
}
Participation participationFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{Participation::notRecorded, Participation::full,
                                Participation::some, Participation::little, Participation::none},
                     text::trLater("participation"));
}
const char* toText(ActionStatus status) {
    switch (status) {
        case ActionStatus::open:
            return "open";
        case ActionStatus::done:
            return "done";
        case ActionStatus::notNeeded:
            return "not-needed";
    }
    return "open";
}
ActionStatus actionStatusFrom(const std::string& text) {
    return parseEnum(text,
                     std::array{ActionStatus::open, ActionStatus::done, ActionStatus::notNeeded},
                     text::trLater("action status"));
}
const char* toText(ReviewOutcome outcome) {
    return outcome == ReviewOutcome::returned ? "returned" : "co-signed";
}
ReviewOutcome reviewOutcomeFrom(const std::string& text) {
    return parseEnum(text, std::array{ReviewOutcome::coSigned, ReviewOutcome::returned},
                     text::trLater("review outcome"));
}
const char* toText(TaskOutcome outcome) {
    switch (outcome) {
        case TaskOutcome::done:
            return "done";
        case TaskOutcome::partly:
            return "partly";
        case TaskOutcome::notDone:
            return "not-done";
    }
    return "done";
}
TaskOutcome taskOutcomeFrom(const std::string& text) {
    return parseEnum(text, std::array{TaskOutcome::done, TaskOutcome::partly, TaskOutcome::notDone},
                     text::trLater("task outcome"));
}
std::vector<PlanStep> Session::planSteps() const {
    std::vector<PlanStep> plan;
    if (!adaptation) {
        for (std::size_t place = 0; place < activities.size(); ++place)
            plan.push_back({place, activities[place], ""});
        return plan;
    }
    for (const auto& adapted : adaptation->activities) {
        auto index = static_cast<std::size_t>(adapted.plannedPosition - 1);
        if (index >= activities.size())
            continue;  // not in the plan: only a damaged record says so, and it says it is
        PlanStep step{index, activities[index], adapted.addedGuidance};
        step.activity.minutes = adapted.minutes;
        if (!adapted.addedGuidance.empty()) {
            auto& guidance = step.activity.guidance;
            guidance += (guidance.empty() ? "" : "\n\n") + adapted.addedGuidance;
        }
        plan.push_back(std::move(step));
    }
    return plan;
}
std::vector<PlannedActivity> Session::planNow() const {
    std::vector<PlannedActivity> plan;
    for (auto& step : planSteps())
        plan.push_back(std::move(step.activity));
    return plan;
}
bool Concern::readyToClose() const {
    return isOpen() && !actions.empty() &&
           std::none_of(actions.begin(), actions.end(), [](const ConcernAction& action) {
               return action.status == ActionStatus::open;
           });
}

bool wasPresent(Attendance status) {
    return status == Attendance::attended || status == Attendance::late ||
           status == Attendance::leftEarly;
}

std::optional<LogHead> LogHead::fromText(const std::string& text) {
    auto colon = text.find(':');
    if (colon == 0 || colon == std::string::npos || colon + 65 != text.size())
        return std::nullopt;
    LogHead head;
    for (char c : text.substr(0, colon)) {
        if (c < '0' || c > '9' || head.event > 1'000'000'000'000)
            return std::nullopt;
        head.event = head.event * 10 + (c - '0');
    }
    head.chain = text.substr(colon + 1);
    for (char c : head.chain) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return std::nullopt;
    }
    return head;
}

}  // namespace roundtable::records
