// Translation of the app's and the CLI's own words (GNU gettext, text domain "roundtable"):
// tr() and trn() mark a string for xgettext and look it up in the user's catalog; with no
// catalog they return the English they were given, so English needs none. The curriculum's
// text is never passed through them: its language is the XML's own (xml:lang).
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

namespace roundtable::text {

/// The translation of `english` in the user's language, or `english` itself.
[[nodiscard]] const char* tr(const char* english);
/// The translation of `singular` or `plural`, chosen by `n` as the user's language counts.
[[nodiscard]] const char* trn(const char* singular, const char* plural, unsigned long n);

/// A message both in English and in the user's language: for messages that code reads as well
/// as people (the module editor places the curriculum loader's findings at their fields by
/// their English words), so that translating what is shown changes nothing that is read.
struct Said {
    std::string english;
    std::string shown;
};

/// Marks `english` for translation where it cannot be translated yet (a table of constants);
/// tr() translates it where it is used.
[[nodiscard]] constexpr const char* trLater(const char* english) {
    return english;
}

/// `pattern` with "{1}", "{2}", ... replaced by the values in order, so that a whole sentence is
/// translated with its words in the language's order: fill(tr("{1} was not opened. {2}"),
/// {path, problem}). A placeholder with no value is left as it is; extra values are unused.
[[nodiscard]] std::string fill(std::string_view pattern,
                               std::initializer_list<std::string_view> values);

/// Follows the environment's language for messages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): sets
/// the LC_MESSAGES and LC_CTYPE categories from it, and LC_TIME, whose date format gives the
/// order dates are typed and printed in (practice::localeDateOrder; stored timestamps are
/// written with numeric formats only). Numbers keep the "C" conventions a program starts with,
/// so that parsing (sscanf, strtod) does not change with the language. Under the plain "C"
/// locale gettext ignores LANGUAGE: call this before translating anything.
void useEnvironmentLanguage();

/// `english` filled with `values` (as fill), and its translation filled with them. A keyword of
/// xgettext, like tr.
[[nodiscard]] Said said(const char* english, std::initializer_list<std::string_view> values = {});

/// Where the catalogs are: $ROUNDTABLE_LOCALEDIR when set, otherwise <prefix>/share/locale of the
/// running program (bin/ beside share/), or the configured prefix's when that cannot be read.
[[nodiscard]] std::filesystem::path catalogDirectory();
/// Looks for the catalogs (<dir>/<language>/LC_MESSAGES/roundtable.mo) in `localeDirectory` and
/// returns them as UTF-8. Call once at start, after setlocale(LC_ALL, "").
void useCatalogs(const std::filesystem::path& localeDirectory = catalogDirectory());

}  // namespace roundtable::text
