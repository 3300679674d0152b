// The parts of a module that the module editor shows as fields, lists and tree items, and the
// small value that says where one is: the editor keeps it in tree items and forms, edits
// through it (ModuleEditing.h) and is shown findings at it (DraftChecks.h).
#pragma once

#include <pugixml.hpp>

#include <compare>
#include <cstddef>
#include <optional>
#include <string>

namespace roundtable::curriculum {

/// Every part of a module the editor shows as a field, a list or a tree item. Where each lives
/// in the XML is in content-xml/README.md; FieldAddress says which session, activity or item.
enum class Field {
    module,  ///< the module as a whole
    moduleTitle,
    moduleSummary,
    aims,                  ///< list of aims; with an item, that aim's text
    indicators,            ///< list of indicators; with an item, that indicator as a whole
    indicatorLabel,        ///< item: which indicator
    indicatorDescription,  ///< item: which indicator
    indicatorScale,        ///< item: which indicator; the text is "min-max", such as "0-3"
    sessions,              ///< list of sessions (a session is addressed by FieldAddress::session)
    session,               ///< the session as a whole
    sessionTitle,
    sessionMinutes,
    objectives,      ///< list; with an item, that objective's text
    materials,       ///< list; with an item, that material's text
    activities,      ///< the session's list of activities
    handout,         ///< the session's carers' handout as a whole
    handoutCovered,  ///< list of points; with an item, that point as a whole
    handoutCoveredText,
    handoutCoveredPicture,
    handoutHelp,
    handoutHelpText,
    handoutHelpPicture,
    handoutWatch,
    handoutWatchText,
    handoutWatchPicture,
    handoutTalk,
    handoutTalkText,
    handoutTalkPicture,
    activity,  ///< the activity as a whole
    activityTitle,
    activityKind,
    activityMinutes,
    activityPicture,  ///< optional: an empty text removes it
    guidance,         ///< list of paragraphs; with an item, that paragraph's text
    activityAdapt,    ///< optional: an empty text removes it
    activityWatch,    ///< optional: an empty text removes it
    easyRead,         ///< list of points; with an item, that point as a whole
    easyReadText,
    easyReadPicture,
};

/// Where a field is: which session (its position in <sessions>), which activity (its position
/// in that session's <activities>), which item of a list (or which indicator). A plain value
/// that the editor can keep in a tree item or a form. Positions, not ids, so that it is valid
/// for the draft as it is now: after an edit that adds, removes or moves something, ask again.
struct FieldAddress {
    Field field = Field::module;
    std::optional<std::size_t> session;
    std::optional<std::size_t> activity;
    /// The item of a list field, or the indicator of an indicator field. A list field without
    /// an item means the list as a whole.
    std::optional<std::size_t> item;

    friend bool operator==(const FieldAddress&, const FieldAddress&) = default;
    friend auto operator<=>(const FieldAddress&, const FieldAddress&) = default;

    [[nodiscard]] static FieldAddress ofModule(Field field, std::optional<std::size_t> item = {}) {
        return {field, std::nullopt, std::nullopt, item};
    }
    [[nodiscard]] static FieldAddress ofSession(std::size_t session, Field field,
                                                std::optional<std::size_t> item = {}) {
        return {field, session, std::nullopt, item};
    }
    [[nodiscard]] static FieldAddress ofActivity(std::size_t session, std::size_t activity,
                                                 Field field,
                                                 std::optional<std::size_t> item = {}) {
        return {field, session, activity, item};
    }
};

/// Whether `field` is `whole` or lies inside it: every field is inside the module, a session's
/// and its activities' fields are inside the session, an activity's inside the activity. For
/// the editor's tree, which marks a session or an activity that has findings somewhere in it.
[[nodiscard]] bool isInside(const FieldAddress& field, const FieldAddress& whole);

/// What a field is called in the Edit menu ("session minutes") and in messages.
[[nodiscard]] const char* describe(Field field);
/// "session 2, activity 3, item 1: easy-read picture" (counted from 1), for messages and tests.
[[nodiscard]] std::string describe(const FieldAddress& address);

/// A session's minutes beside the sum of its activities' minutes, for the editor to show next
/// to the session's minutes field while a person types.
struct SessionMinutes {
    std::optional<int> session;  ///< absent when the session's minutes are not a whole number
    int activities = 0;          ///< the sum of the activities' minutes that are whole numbers
    int activitiesWithoutMinutes = 0;  ///< activities whose minutes are missing or not a number

    [[nodiscard]] bool addUp() const {
        return session && activitiesWithoutMinutes == 0 && *session == activities;
    }
};

/// The minutes of a <session> element of a module and of its activities.
[[nodiscard]] SessionMinutes minutesOf(const pugi::xml_node& session);

}  // namespace roundtable::curriculum
