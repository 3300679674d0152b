// The INI file store and the settings location.
#include "settings/Settings.h"

#include <boost/property_tree/ini_parser.hpp>

#include <cstdlib>

namespace roundtable::settings {

IniFileStore::IniFileStore(std::filesystem::path path) : path_(std::move(path)) {
    if (!std::filesystem::exists(path_))
        return;
    try {
        boost::property_tree::read_ini(path_.string(), tree());
    } catch (const boost::property_tree::ini_parser_error& error) {
        auto aside = path_;
        aside += ".unreadable";
        std::error_code ignored;
        std::filesystem::rename(path_, aside, ignored);
        problem_ = "The settings file could not be read (" + std::string(error.what()) +
                   "). It was kept as " + aside.string() + " and default settings are used.";
    }
}

void IniFileStore::flush() {
    std::filesystem::create_directories(path_.parent_path());
    auto temporary = path_;
    temporary += ".new";
    boost::property_tree::write_ini(temporary.string(), tree());
    std::filesystem::rename(temporary, path_);  // replaces the old file only when complete
}

std::filesystem::path defaultSettingsPath() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
        return std::filesystem::path(xdg) / "roundtable" / "settings.ini";
    }
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".config" / "roundtable" / "settings.ini";
}

}  // namespace roundtable::settings
