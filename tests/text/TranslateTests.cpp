// Translation (app/text): fill's placeholders, where the catalogs are looked for, and tr/trn
// with no catalog (the English itself) and under the pseudo-locale the build makes.
#include <doctest/doctest.h>

#include <clocale>
#include <cstdlib>
#include <optional>
#include <string>

#include "text/Translate.h"

using roundtable::text::fill;
using roundtable::text::tr;
using roundtable::text::trn;

namespace {

// Strings the app marks (app/ui/App.cpp, app/ui/StartUp.cpp), so in the build's catalog.
constexpr const char* kMarkedSentence = "Name the database once: either FILE or --db FILE.";
constexpr const char* kMarkedPattern = "The settings could not be saved: {1}";
constexpr const char* kMarkedPatternFilled = "⟦The settings could not be saved: X⟧";

/// Sets (or, with nullptr, unsets) an environment variable for one test, and puts it back.
class ScopedEnvironment {
  public:
    ScopedEnvironment(const char* name, const char* value) : name_(name) {
        if (const char* was = std::getenv(name))
            previous_ = was;
        set(value);
    }
    ~ScopedEnvironment() { set(previous_ ? previous_->c_str() : nullptr); }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

  private:
    void set(const char* value) {
        if (value)
            setenv(name_, value, 1);
        else
            unsetenv(name_);
        // glibc keeps the translations it found until the locale is set again.
        std::setlocale(LC_ALL, "C.UTF-8");
    }
    const char* name_;
    std::optional<std::string> previous_;
};

}  // namespace

TEST_CASE("fill puts each value at its number, in the pattern's order") {
    CHECK(fill("The database {1} was not opened. {2}", {"a.rtdb", "It is damaged."}) ==
          "The database a.rtdb was not opened. It is damaged.");
    CHECK(fill("{2} before {1}", {"one", "two"}) == "two before one");
    CHECK(fill("{1} and {1} again", {"x"}) == "x and x again");
    CHECK(fill("no placeholders", {"unused"}) == "no placeholders");
    CHECK(fill("", {}) == "");
    CHECK(fill("{1}{2}{3}", {"a", "b", "c"}) == "abc");
    CHECK(fill("{10}", {"1", "2", "3", "4", "5", "6", "7", "8", "9", "ten"}) == "ten");
}

TEST_CASE("fill keeps a placeholder with no value, and braces that are not placeholders") {
    CHECK(fill("{1} of {2}", {"one"}) == "one of {2}");
    CHECK(fill("{0} {1}", {"a"}) == "{0} a");
    CHECK(fill("{name} {1}", {"a"}) == "{name} a");
    CHECK(fill("{} {1", {"a"}) == "{} {1");
    CHECK(fill("{{1}}", {"a"}) == "{a}");
    // A value is put in as it is: its own braces are not filled in turn.
    CHECK(fill("{1} {2}", {"{2}", "b"}) == "{2} b");
}

TEST_CASE("fill ignores values beyond the pattern's placeholders") {
    CHECK(fill("just {1}", {"one", "two", "three"}) == "just one");
}

TEST_CASE("the catalogs are looked for where ROUNDTABLE_LOCALEDIR says, else beside the program") {
    {
        ScopedEnvironment directory("ROUNDTABLE_LOCALEDIR", "/somewhere/locale");
        CHECK(roundtable::text::catalogDirectory() == "/somewhere/locale");
    }
    ScopedEnvironment unset("ROUNDTABLE_LOCALEDIR", nullptr);
    // The test binary is in build/bin: build/share/locale, as an installed program's prefix.
    CHECK(roundtable::text::catalogDirectory().filename() == "locale");
    CHECK(roundtable::text::catalogDirectory().parent_path().filename() == "share");
}

TEST_CASE("with no catalog for the language, tr and trn give the English they were given") {
    ScopedEnvironment language("LANGUAGE", "en");
    roundtable::text::useCatalogs(ROUNDTABLE_BUILD_LOCALE);
    CHECK(std::string(tr(kMarkedSentence)) == kMarkedSentence);
    CHECK(std::string(tr("a sentence no catalog has")) == "a sentence no catalog has");
    CHECK(std::string(trn("{1} member", "{1} members", 1)) == "{1} member");
    CHECK(std::string(trn("{1} member", "{1} members", 2)) == "{1} members");
    CHECK(std::string(trn("{1} member", "{1} members", 0)) == "{1} members");
}

TEST_CASE("under the pseudo-locale a marked string is wrapped, an unmarked one is not") {
    ScopedEnvironment directory("ROUNDTABLE_LOCALEDIR", ROUNDTABLE_BUILD_LOCALE);
    ScopedEnvironment language("LANGUAGE", "en@pseudo");
    roundtable::text::useCatalogs(roundtable::text::catalogDirectory());
    CHECK(std::string(tr(kMarkedSentence)) == std::string("⟦") + kMarkedSentence + "⟧");
    CHECK(std::string(tr("a sentence no catalog has")) == "a sentence no catalog has");
    // Placeholders survive the wrapping, so fill still fills them.
    CHECK(fill(tr(kMarkedPattern), {"X", "Y"}) == kMarkedPatternFilled);
}

TEST_CASE("the environment's language is followed for messages, not for numbers") {
    ScopedEnvironment all("LC_ALL", "C.UTF-8");
    ScopedEnvironment directory("ROUNDTABLE_LOCALEDIR", ROUNDTABLE_BUILD_LOCALE);
    ScopedEnvironment language("LANGUAGE", "en@pseudo");
    std::setlocale(LC_ALL, "C");  // as a program starts
    roundtable::text::useEnvironmentLanguage();
    roundtable::text::useCatalogs(roundtable::text::catalogDirectory());
    CHECK(std::string(tr(kMarkedSentence)) == std::string("⟦") + kMarkedSentence + "⟧");
    CHECK(std::string(std::setlocale(LC_NUMERIC, nullptr)) == "C");
    CHECK(std::string(std::setlocale(LC_MESSAGES, nullptr)) == "C.UTF-8");
}
