// Names of the module editor's fields for menus and messages, and the minutes of a session.
#include "curriculum/ModuleFields.h"
#include "text/Translate.h"

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
            return text::tr("module");
        case Field::moduleTitle:
            return text::tr("module title");
        case Field::moduleSummary:
            return text::tr("summary");
        case Field::aims:
            return text::tr("aims");
        case Field::indicators:
            return text::tr("indicators");
        case Field::indicatorLabel:
            return text::tr("indicator label");
        case Field::indicatorDescription:
            return text::tr("indicator description");
        case Field::indicatorScale:
            return text::tr("indicator scale");
        case Field::sessions:
            return text::tr("sessions");
        case Field::session:
            return text::tr("session");
        case Field::sessionTitle:
            return text::tr("session title");
        case Field::sessionMinutes:
            return text::tr("session minutes");
        case Field::objectives:
            return text::tr("objectives");
        case Field::materials:
            return text::tr("materials");
        case Field::activities:
            return text::tr("activities");
        case Field::handout:
            return text::tr("handout");
        case Field::handoutCovered:
            return text::tr("handout: what we covered");
        case Field::handoutCoveredText:
            return text::tr("handout point");
        case Field::handoutCoveredPicture:
            return text::tr("handout picture");
        case Field::handoutHelp:
            return text::tr("handout: how to help");
        case Field::handoutHelpText:
            return text::tr("handout point");
        case Field::handoutHelpPicture:
            return text::tr("handout picture");
        case Field::handoutWatch:
            return text::tr("handout: what to watch for");
        case Field::handoutWatchText:
            return text::tr("handout point");
        case Field::handoutWatchPicture:
            return text::tr("handout picture");
        case Field::handoutTalk:
            return text::tr("handout: what to talk about");
        case Field::handoutTalkText:
            return text::tr("handout point");
        case Field::handoutTalkPicture:
            return text::tr("handout picture");
        case Field::activity:
            return text::tr("activity");
        case Field::activityTitle:
            return text::tr("activity title");
        case Field::activityKind:
            return text::tr("activity kind");
        case Field::activityMinutes:
            return text::tr("activity minutes");
        case Field::activityPicture:
            return text::tr("activity picture");
        case Field::guidance:
            return text::tr("guidance");
        case Field::activityAdapt:
            return text::tr("how to adapt");
        case Field::activityWatch:
            return text::tr("what to watch for");
        case Field::easyRead:
            return text::tr("easy-read");
        case Field::easyReadText:
            return text::tr("easy-read point");
        case Field::easyReadPicture:
            return text::tr("easy-read picture");
    }
    return text::tr("field");
}

std::string describe(const FieldAddress& address) {
    std::string text;
    auto add = [&text](const char* what, std::size_t position) {
        text.append(text.empty() ? "" : ", ").append(what).append(" ");
        text.append(std::to_string(position + 1));
    };
    if (address.session)
        add(text::tr("session"), *address.session);
    if (address.activity)
        add(text::tr("activity"), *address.activity);
    if (address.item)
        add(isIndicatorField(address.field) ? text::tr("indicator") : text::tr("item"),
            *address.item);
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
