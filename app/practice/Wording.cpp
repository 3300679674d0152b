// Wording.h: one switch per fact.
#include "practice/Wording.h"

#include "text/Translate.h"

namespace roundtable::practice {

const char* attendanceInWords(records::Attendance status) {
    switch (status) {
        case records::Attendance::attended:
            return text::tr("Present");
        case records::Attendance::late:
            return text::tr("Late");
        case records::Attendance::leftEarly:
            return text::tr("Left early");
        case records::Attendance::absentAuthorised:
            return text::tr("Absent (authorised)");
        case records::Attendance::absentUnauthorised:
            return text::tr("Absent (unauthorised)");
    }
    return text::tr("Unknown");
}

std::string markInWords(const records::AttendanceMark& mark) {
    std::string words = attendanceInWords(mark.status);
    if (mark.minutesPresent)
        words =
            text::fill(text::tr("{1}, {2} minutes"), {words, std::to_string(*mark.minutesPresent)});
    if (!mark.reason.empty())
        words.append(": ").append(mark.reason);
    return words;
}

std::string adaptationInWords(const records::PlanAdaptation& adaptation, const std::string& date) {
    return text::fill(text::tr("Adapted for this group on {1} by {2}: {3}"),
                      {date, adaptation.madeBy, adaptation.reason});
}

const char* attendanceLetter(records::Attendance status) {
    switch (status) {
        case records::Attendance::attended:
            return "P";
        case records::Attendance::late:
            return "L";
        case records::Attendance::leftEarly:
            return "E";
        case records::Attendance::absentAuthorised:
            return "A";
        case records::Attendance::absentUnauthorised:
            return "U";
    }
    return "";
}

const char* sessionStatusInWords(records::SessionStatus status) {
    switch (status) {
        case records::SessionStatus::tookPlace:
            return text::tr("Took place");
        case records::SessionStatus::didNotTakePlace:
            return text::tr("Did not take place");
        case records::SessionStatus::planned:
            break;
    }
    return text::tr("Planned");
}

const std::array<MoodPoint, 5>& moodScale() {
    static const std::array<MoodPoint, 5> kScale{{{1, "sad", text::trLater("Sad")},
                                                  {2, "worried", text::trLater("Worried")},
                                                  {3, "feelings", text::trLater("Mixed")},
                                                  {4, "relax", text::trLater("Calm")},
                                                  {5, "happy", text::trLater("Happy")}}};
    return kScale;
}

std::string moodInWords(int mood) {
    for (const auto& point : moodScale()) {
        if (point.value == mood)
            return text::tr(point.words);
    }
    return {};
}

const char* taskOutcomeInWords(records::TaskOutcome outcome) {
    switch (outcome) {
        case records::TaskOutcome::done:
            return text::tr("Done");
        case records::TaskOutcome::partly:
            return text::tr("Partly");
        case records::TaskOutcome::notDone:
            return text::tr("Not done");
    }
    return "";
}

const char* roleInWords(records::Role role) {
    switch (role) {
        case records::Role::clinicalLead:
            return text::tr("Clinical lead");
        case records::Role::administrator:
            return text::tr("Administrator");
        case records::Role::facilitator:
            break;
    }
    return text::tr("Facilitator");
}

}  // namespace roundtable::practice
