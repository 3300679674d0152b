// The words match the app's register (ui/WxText.cpp attendanceLabel), which this library
// cannot use: it has no wx.
#include "documents/RecordText.h"

namespace roundtable::documents {

std::string attendanceInWords(records::Attendance status) {
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

std::string rateText(int present, int of) {
    if (of <= 0)
        return "none held";
    return std::to_string(present) + " of " + std::to_string(of) + " (" +
           std::to_string((present * 200 + of) / (2 * of)) + "%)";
}

}  // namespace roundtable::documents
