// Typed settings: each Setting holds its key and its default, so no handler ever spells a
// key or a default again. Stores are swappable (INI file in use, memory in tests).
#pragma once

#include <boost/property_tree/ptree.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace roundtable::settings {

/// Where settings are kept. Values are read and written as text through the ptree.
class SettingsStore {
  public:
    virtual ~SettingsStore() = default;
    boost::property_tree::ptree& tree() { return tree_; }
    const boost::property_tree::ptree& tree() const { return tree_; }
    /// Writes the settings to their lasting place (nothing for the memory store).
    virtual void flush() = 0;

  private:
    boost::property_tree::ptree tree_;
};

class MemoryStore final : public SettingsStore {
  public:
    void flush() override {}
};

/// An INI file. A missing file is an empty store; an unreadable one is set aside (renamed
/// with ".unreadable") so the app still starts, and the problem is reported by problem().
class IniFileStore final : public SettingsStore {
  public:
    explicit IniFileStore(std::filesystem::path path);
    void flush() override;
    [[nodiscard]] const std::string& problem() const { return problem_; }

  private:
    std::filesystem::path path_;
    std::string problem_;
};

template <typename T>
class Setting {
  public:
    Setting(std::string key, T defaultValue)
        : key_(std::move(key)), default_(std::move(defaultValue)) {}
    [[nodiscard]] T read(const SettingsStore& store) const {
        return store.tree().get<T>(key_, default_);
    }
    void write(SettingsStore& store, const T& value) const { store.tree().put(key_, value); }
    [[nodiscard]] const std::string& key() const { return key_; }
    [[nodiscard]] const T& defaultValue() const { return default_; }

  private:
    std::string key_;
    T default_;
};

/// The settings file in the user's configuration folder ($XDG_CONFIG_HOME or ~/.config).
[[nodiscard]] std::filesystem::path defaultSettingsPath();

// Every setting the application has.
inline const Setting<std::string> lastDatabase{"database.last", ""};
/// File > Open Recent: the databases signed in to, the newest first. One key each, as the
/// address lines below.
inline const std::array<Setting<std::string>, 5> recentDatabases{{
    {"database.recent_1", ""},
    {"database.recent_2", ""},
    {"database.recent_3", ""},
    {"database.recent_4", ""},
    {"database.recent_5", ""},
}};
/// The main window as it was left (pixels; 0 when never closed), and where the divider beside
/// the curriculum was dragged (0 when it never was).
inline const Setting<int> windowWidth{"window.width", 0};
inline const Setting<int> windowHeight{"window.height", 0};
inline const Setting<bool> windowMaximized{"window.maximized", false};
inline const Setting<int> curriculumWidth{"window.curriculum_width", 0};
/// Minutes without keyboard or mouse before the window locks itself (Edit > Preferences).
inline const Setting<int> idleLockMinutes{"security.idle_lock_minutes", 10};
inline constexpr int kShortestIdleLock = 1;
inline constexpr int kLongestIdleLock = 240;  // four hours: a working session at most

/// The order dates are typed and shown in ("day-month-year", "month-day-year",
/// "year-month-day"; practice/Dates.h); empty for the order of this computer's language.
inline const Setting<std::string> dateOrder{"display.date_order", ""};

// The service's details printed on carers' handouts, and the paper documents are laid out for
// ("a4" or "letter"). Checked as they are typed (printing/PrintPreferences.h).
inline const Setting<std::string> serviceName{"printing.service_name", ""};
inline const Setting<std::string> servicePhone{"printing.service_phone", ""};
inline const Setting<std::string> serviceEmail{"printing.service_email", ""};
/// One key per line of the postal address: an INI value holds no line breaks.
inline const std::array<Setting<std::string>, 4> serviceAddress{{
    {"printing.service_address_1", ""},
    {"printing.service_address_2", ""},
    {"printing.service_address_3", ""},
    {"printing.service_address_4", ""},
}};
inline const Setting<std::string> paper{"printing.paper", "a4"};
/// How sign-in sheets and registers show the members: "codes" or "names".
inline const Setting<std::string> memberNaming{"printing.member_naming", "codes"};

/// The databases of File > Open Recent, the newest first, without blanks.
[[nodiscard]] std::vector<std::string> readRecentDatabases(const SettingsStore& store);
/// Puts `path` first in File > Open Recent (once; the oldest beyond five falls off).
void rememberRecentDatabase(SettingsStore& store, const std::string& path);

/// The idle lock as typed in Edit > Preferences: the minutes, or why they are refused.
struct IdleLockChoice {
    std::optional<int> minutes;
    std::string problem;  ///< empty when accepted
};
[[nodiscard]] IdleLockChoice checkIdleLockMinutes(const std::string& typed);
/// The idle lock in minutes; a value Preferences would refuse (a hand-edited file) reads as
/// the default.
[[nodiscard]] int readIdleLockMinutes(const SettingsStore& store);

}  // namespace roundtable::settings
