// Words for recorded facts that the app's pages and the printed documents both show, written
// once so that a register on screen and one on paper say the same thing the same way.
#pragma once

#include <array>
#include <string>

#include "records/Types.h"

namespace roundtable::practice {

/// "Present", "Late", "Left early", "Absent (authorised)", "Absent (unauthorised)", translated.
[[nodiscard]] const char* attendanceInWords(records::Attendance status);
/// "Absent (authorised): unwell", "Late, 90 minutes": a mark with what was said about it.
[[nodiscard]] std::string markInWords(const records::AttendanceMark& mark);
/// A register's letter for a mark: P present, L late, E left early, A absent (authorised), U
/// absent (unauthorised). The same in every language: a register's key explains them.
[[nodiscard]] const char* attendanceLetter(records::Attendance status);
/// A register's marks for a session that took place with no mark for him, and one not held.
inline constexpr const char* kUnmarkedMark = "?";
inline constexpr const char* kNotHeldMark = "x";
/// "Planned", "Took place", "Did not take place".
[[nodiscard]] const char* sessionStatusInWords(records::SessionStatus status);
/// "Adapted for this group on DATE by LOGIN: reason", `date` being the day it was adapted as
/// the page or paper writes dates.
[[nodiscard]] std::string adaptationInWords(const records::PlanAdaptation& adaptation,
                                            const std::string& date);
/// One point of the check-in's pictorial mood scale: the pictogram shipped for that feeling
/// and its words.
struct MoodPoint {
    int value;            ///< 1 (lowest) to 5
    const char* picture;  ///< a pictogram of the programme: "sad", "worried", ...
    const char* words;    ///< untranslated: text::tr(words) when shown
};
/// The five points, lowest first: sad, worried, mixed, calm, happy.
[[nodiscard]] const std::array<MoodPoint, 5>& moodScale();
/// "Calm", translated; "" outside the scale.
[[nodiscard]] std::string moodInWords(int mood);
/// "Facilitator", "Clinical lead", "Administrator", translated.
[[nodiscard]] const char* roleInWords(records::Role role);
/// How a between-sessions task went, in words: "Done", "Partly", "Not done".
[[nodiscard]] const char* taskOutcomeInWords(records::TaskOutcome outcome);

}  // namespace roundtable::practice
