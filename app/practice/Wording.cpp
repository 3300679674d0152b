// Wording.h: one switch per fact.
#include "practice/Wording.h"

namespace roundtable::practice {

const char* attendanceInWords(records::Attendance status) {
    switch (status) {
        case records::Attendance::attended:
            return "Present";
        case records::Attendance::late:
            return "Late";
        case records::Attendance::leftEarly:
            return "Left early";
        case records::Attendance::absentAuthorised:
            return "Absent (authorised)";
        case records::Attendance::absentUnauthorised:
            return "Absent (unauthorised)";
    }
    return "Unknown";
}

const char* sessionStatusInWords(records::SessionStatus status) {
    switch (status) {
        case records::SessionStatus::tookPlace:
            return "Took place";
        case records::SessionStatus::didNotTakePlace:
            return "Did not take place";
        case records::SessionStatus::planned:
            break;
    }
    return "Planned";
}

}  // namespace roundtable::practice
