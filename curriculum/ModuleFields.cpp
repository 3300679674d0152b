// Names of the module editor's fields for menus and messages, and the minutes of a session.
#include "curriculum/ModuleFields.h"

#include <charconv>
#include <string_view>

namespace roundtable::curriculum {
namespace {

/// A positive whole number, as the loader reads minutes (it also allows layout around it,
/// which pugixml has made spaces).
std::optional<int> wholeNumber(std::string_view text) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 1)
        return std::nullopt;
    return value;
}

/// The fields whose item is the indicator they belong to.
bool isIndicatorField(Field field) {
    return field == Field::indicatorLabel || field == Field::indicatorDescription ||
           field == Field::indicatorScale;
}

}  // namespace

const char* describe(Field field) {
    switch (field) {
        case Field::module:
            return "module";
        case Field::moduleTitle:
            return "module title";
        case Field::moduleSummary:
            return "summary";
        case Field::aims:
            return "aims";
        case Field::indicators:
            return "indicators";
        case Field::indicatorLabel:
            return "indicator label";
        case Field::indicatorDescription:
            return "indicator description";
        case Field::indicatorScale:
            return "indicator scale";
        case Field::sessions:
            return "sessions";
        case Field::session:
            return "session";
        case Field::sessionTitle:
            return "session title";
        case Field::sessionMinutes:
            return "session minutes";
        case Field::objectives:
            return "objectives";
        case Field::materials:
            return "materials";
        case Field::activities:
            return "activities";
        case Field::handout:
            return "handout";
        case Field::handoutCovered:
            return "handout: what we covered";
        case Field::handoutCoveredText:
            return "handout point";
        case Field::handoutCoveredPicture:
            return "handout picture";
        case Field::handoutHelp:
            return "handout: how to help";
        case Field::handoutHelpText:
            return "handout point";
        case Field::handoutHelpPicture:
            return "handout picture";
        case Field::handoutWatch:
            return "handout: what to watch for";
        case Field::handoutWatchText:
            return "handout point";
        case Field::handoutWatchPicture:
            return "handout picture";
        case Field::handoutTalk:
            return "handout: what to talk about";
        case Field::handoutTalkText:
            return "handout point";
        case Field::handoutTalkPicture:
            return "handout picture";
        case Field::activity:
            return "activity";
        case Field::activityTitle:
            return "activity title";
        case Field::activityKind:
            return "activity kind";
        case Field::activityMinutes:
            return "activity minutes";
        case Field::activityPicture:
            return "activity picture";
        case Field::guidance:
            return "guidance";
        case Field::activityAdapt:
            return "how to adapt";
        case Field::activityWatch:
            return "what to watch for";
        case Field::easyRead:
            return "easy-read";
        case Field::easyReadText:
            return "easy-read point";
        case Field::easyReadPicture:
            return "easy-read picture";
    }
    return "field";
}

std::string describe(const FieldAddress& address) {
    std::string text;
    auto add = [&text](const char* what, std::size_t position) {
        text.append(text.empty() ? "" : ", ").append(what).append(" ");
        text.append(std::to_string(position + 1));
    };
    if (address.session)
        add("session", *address.session);
    if (address.activity)
        add("activity", *address.activity);
    if (address.item)
        add(isIndicatorField(address.field) ? "indicator" : "item", *address.item);
    text.append(text.empty() ? "" : ": ").append(describe(address.field));
    return text;
}

bool isInside(const FieldAddress& field, const FieldAddress& whole) {
    if (field == whole)
        return true;
    switch (whole.field) {
        case Field::module:
            return true;
        case Field::session:
            return whole.session && field.session == whole.session;
        case Field::activity:
            return whole.activity && field.session == whole.session &&
                   field.activity == whole.activity;
        default:
            return false;
    }
}

SessionMinutes minutesOf(const pugi::xml_node& session) {
    SessionMinutes minutes;
    minutes.session = wholeNumber(session.attribute("minutes").value());
    for (auto activity = session.child("activities").child("activity"); activity;
         activity = activity.next_sibling("activity")) {
        if (auto value = wholeNumber(activity.attribute("minutes").value()))
            minutes.activities += *value;
        else
            ++minutes.activitiesWithoutMinutes;
    }
    return minutes;
}

}  // namespace roundtable::curriculum
