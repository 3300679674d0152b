// The checks are about what a carer reading the handout needs: a phone number a person can
// dial, an email address that can be written to, lines short enough for the page.
#include "printing/PrintPreferences.h"

#include <algorithm>
#include <cctype>

#include "practice/Practice.h"
#include "text/Translate.h"

namespace roundtable::printing {
namespace {

constexpr std::size_t kLongestLine = 80;
constexpr int kFewestPhoneDigits = 6;

std::string trimmed(const std::string& text) {
    auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

/// A line of text for the page: trimmed, no control characters, not too long.
std::string checkedLine(const std::string& text, const std::string& field,
                        const std::string& what) {
    auto line = trimmed(text);
    if (std::any_of(line.begin(), line.end(),
                    [](char c) { return std::iscntrl(static_cast<unsigned char>(c)); })) {
        throw practice::ValidationError(
            field, text::fill(text::tr("Please type the {1} on one line."), {what}));
    }
    if (line.size() > kLongestLine) {
        throw practice::ValidationError(
            field, text::fill(text::tr("Please shorten the {1} to {2} characters or fewer."),
                              {what, std::to_string(kLongestLine)}));
    }
    return line;
}

void checkPhone(const std::string& phone) {
    if (phone.empty())
        return;
    int digits = 0;
    for (char c : phone) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            ++digits;
        else if (std::string_view(" +()-.").find(c) == std::string_view::npos)
            throw practice::ValidationError(
                "service-phone",
                text::tr("A phone number has only digits, spaces and + ( ) - in it."));
    }
    if (digits < kFewestPhoneDigits)
        throw practice::ValidationError("service-phone",
                                        text::tr("This phone number is too short."));
}

void checkEmail(const std::string& email) {
    if (email.empty())
        return;
    auto at = email.find('@');
    bool wellFormed = at != std::string::npos && at > 0 &&
                      email.find('@', at + 1) == std::string::npos &&
                      email.find('.', at + 2) != std::string::npos && email.back() != '.' &&
                      email.find(' ') == std::string::npos;
    if (!wellFormed) {
        throw practice::ValidationError(
            "service-email",
            text::tr("Please check the email address: it looks like name@example.org."));
    }
}

}  // namespace

std::string paperName(documents::Paper paper) {
    return paper == documents::Paper::letter ? "letter" : "a4";
}

documents::Paper paperNamed(const std::string& name) {
    return name == "letter" ? documents::Paper::letter : documents::Paper::a4;
}

PrintPreferences readPrintPreferences(const settings::SettingsStore& store) {
    PrintPreferences preferences;
    preferences.contact.name = settings::serviceName.read(store);
    preferences.contact.phone = settings::servicePhone.read(store);
    preferences.contact.email = settings::serviceEmail.read(store);
    for (const auto& line : settings::serviceAddress) {
        if (auto text = line.read(store); !text.empty())
            preferences.contact.addressLines.push_back(text);
    }
    preferences.paper = paperNamed(settings::paper.read(store));
    preferences.naming = settings::memberNaming.read(store) == "names"
                             ? documents::MemberNaming::names
                             : documents::MemberNaming::codes;
    return preferences;
}

PrintPreferences checkedPrintPreferences(const PrintPreferences& preferences) {
    PrintPreferences checked;
    checked.paper = preferences.paper;
    checked.naming = preferences.naming;
    auto& contact = checked.contact;
    contact.name =
        checkedLine(preferences.contact.name, "service-name", text::tr("service's name"));
    contact.phone =
        checkedLine(preferences.contact.phone, "service-phone", text::tr("phone number"));
    checkPhone(contact.phone);
    contact.email =
        checkedLine(preferences.contact.email, "service-email", text::tr("email address"));
    checkEmail(contact.email);
    for (const auto& line : preferences.contact.addressLines) {
        if (auto text = checkedLine(line, "service-address", text::tr("address lines"));
            !text.empty())
            contact.addressLines.push_back(text);
    }
    if (contact.addressLines.size() > settings::serviceAddress.size()) {
        throw practice::ValidationError(
            "service-address", text::fill(text::tr("Please fit the address on {1} lines "
                                                   "or fewer."),
                                          {std::to_string(settings::serviceAddress.size())}));
    }
    return checked;
}

void savePrintPreferences(settings::SettingsStore& store, const PrintPreferences& preferences) {
    auto checked = checkedPrintPreferences(preferences);
    settings::serviceName.write(store, checked.contact.name);
    settings::servicePhone.write(store, checked.contact.phone);
    settings::serviceEmail.write(store, checked.contact.email);
    for (std::size_t i = 0; i < settings::serviceAddress.size(); ++i) {
        settings::serviceAddress[i].write(store, i < checked.contact.addressLines.size()
                                                     ? checked.contact.addressLines[i]
                                                     : std::string());
    }
    settings::paper.write(store, paperName(checked.paper));
    settings::memberNaming.write(
        store, checked.naming == documents::MemberNaming::names ? "names" : "codes");
    store.flush();
}

}  // namespace roundtable::printing
