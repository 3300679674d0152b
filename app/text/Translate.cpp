// tr/trn over glibc's gettext, fill's placeholders, and where the catalogs are found.
#include "text/Translate.h"

#include <libintl.h>

#include <clocale>
#include <cstdlib>

namespace roundtable::text {
namespace {
constexpr const char* kDomain = "roundtable";
}

const char* tr(const char* english) {
    return dgettext(kDomain, english);
}

const char* trn(const char* singular, const char* plural, unsigned long n) {
    return dngettext(kDomain, singular, plural, n);
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> values) {
    std::string filled;
    filled.reserve(pattern.size());
    std::size_t at = 0;
    while (at < pattern.size()) {
        const auto open = pattern.find('{', at);
        if (open == std::string_view::npos)
            break;
        const auto close = pattern.find('}', open);
        if (close == std::string_view::npos)
            break;
        filled.append(pattern.substr(at, open - at));
        const auto digits = pattern.substr(open + 1, close - open - 1);
        std::size_t number = 0;
        bool isNumber = !digits.empty() && digits.size() < 4;
        for (char digit : digits) {
            if (digit < '0' || digit > '9')
                isNumber = false;
            else
                number = number * 10 + static_cast<std::size_t>(digit - '0');
        }
        if (isNumber && number >= 1 && number <= values.size()) {
            filled.append(*(values.begin() + (number - 1)));
            at = close + 1;
        } else {
            // Not ours, or no value for it: kept as written, and the search goes on after '{'.
            filled.push_back('{');
            at = open + 1;
        }
    }
    filled.append(pattern.substr(at));
    return filled;
}

Said said(const char* english, std::initializer_list<std::string_view> values) {
    return {fill(english, values), fill(tr(english), values)};
}

std::filesystem::path catalogDirectory() {
    if (const char* fromEnvironment = std::getenv("ROUNDTABLE_LOCALEDIR");
        fromEnvironment && *fromEnvironment) {
        return fromEnvironment;
    }
    // As curriculum::installedDataDirectory finds the shipped programme: <prefix>/bin/program.
    std::error_code error;
    const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error)
        return executable.parent_path().parent_path() / ROUNDTABLE_LOCALEDIR_FROM_PREFIX;
    return ROUNDTABLE_INSTALLED_LOCALEDIR;
}

void useEnvironmentLanguage() {
    std::setlocale(LC_CTYPE, "");
    std::setlocale(LC_MESSAGES, "");
    std::setlocale(LC_TIME, "");
}

void useCatalogs(const std::filesystem::path& localeDirectory) {
    bindtextdomain(kDomain, localeDirectory.c_str());
    bind_textdomain_codeset(kDomain, "UTF-8");
}

}  // namespace roundtable::text
