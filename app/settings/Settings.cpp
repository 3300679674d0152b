// The INI file store and the settings location.
#include "settings/Settings.h"
#include "text/Translate.h"

#include <boost/property_tree/ini_parser.hpp>

#include <algorithm>
#include <cctype>
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
        problem_ = text::fill(text::tr("The settings file could not be read ({1}). It was kept as "
                                       "{2} and default settings are used."),
                              {error.what(), aside.string()});
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

std::vector<std::string> readRecentDatabases(const SettingsStore& store) {
    std::vector<std::string> paths;
    for (const auto& setting : recentDatabases) {
        auto path = setting.read(store);
        if (!path.empty() && std::find(paths.begin(), paths.end(), path) == paths.end())
            paths.push_back(std::move(path));
    }
    return paths;
}

void rememberRecentDatabase(SettingsStore& store, const std::string& path) {
    auto paths = readRecentDatabases(store);
    std::erase(paths, path);
    paths.insert(paths.begin(), path);
    for (std::size_t i = 0; i < recentDatabases.size(); ++i)
        recentDatabases[i].write(store, i < paths.size() ? paths[i] : std::string());
}

IdleLockChoice checkIdleLockMinutes(const std::string& typed) {
    const auto shortest = std::to_string(kShortestIdleLock);
    const auto longest = std::to_string(kLongestIdleLock);
    const auto first = typed.find_first_not_of(' ');
    const auto last = typed.find_last_not_of(' ');
    const auto digits = first == std::string::npos ? "" : typed.substr(first, last - first + 1);
    if (digits.empty() || digits.size() > 4 ||
        !std::all_of(digits.begin(), digits.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; }))
        return {std::nullopt,
                text::fill(text::tr("Type the minutes as a whole number from {1} to {2}."),
                           {shortest, longest})};
    const int minutes = std::stoi(digits);
    if (minutes < kShortestIdleLock || minutes > kLongestIdleLock)
        return {
            std::nullopt,
            text::fill(text::tr("The window must lock after a number of minutes from {1} to {2}."),
                       {shortest, longest})};
    return {minutes, ""};
}

int readIdleLockMinutes(const SettingsStore& store) {
    const int minutes = idleLockMinutes.read(store);
    return minutes >= kShortestIdleLock && minutes <= kLongestIdleLock
               ? minutes
               : idleLockMinutes.defaultValue();
}

}  // namespace roundtable::settings
