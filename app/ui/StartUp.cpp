// Start-up: the idle lock from the settings, and the last database remembered or forgotten.
#include "ui/StartUp.h"

#include <wx/icon.h>

#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/MainFrame.h"

namespace roundtable::ui {
namespace {

/// Writes the last database used ("" to forget it). The settings file failing to save is
/// told in the notice bar; it must not stop a database opening.
void rememberDatabase(MainFrame* frame, settings::SettingsStore& settings,
                      const std::string& path) {
    auto told = [frame](const Failure& failure) {
        frame->showNotice(
            text::fill(text::tr("The settings could not be saved: {1}"), {failure.message}),
            wxICON_WARNING);
    };
    runGuarded(told, [&] {
        settings::lastDatabase.write(settings, path);
        settings.flush();
    });
}

}  // namespace

MainFrame* showMainWindow(const curriculum::Programme& programme, settings::SettingsStore& settings,
                          std::filesystem::path database, records::KeyDerivation keyDerivation) {
    auto* frame = new MainFrame(programme, keyDerivation);
    frame->useSettings(settings);
    frame->onDatabaseOpened([frame, &settings](const std::filesystem::path& path) {
        const auto absolute = std::filesystem::absolute(path).string();
        settings::rememberRecentDatabase(settings, absolute);
        rememberDatabase(frame, settings, absolute);
    });
    frame->onOpenFailed([frame, &settings](const std::filesystem::path& path) {
        // Otherwise every later start would try it again and fail again. (No throwing here:
        // this runs while a failure is being reported.)
        std::error_code unknown;
        auto absolute = std::filesystem::absolute(path, unknown);
        if (absolute.string() == settings::lastDatabase.read(settings))
            rememberDatabase(frame, settings, "");
    });
    frame->Show();
    if (database.empty())
        database = settings::lastDatabase.read(settings);
    if (!database.empty())
        frame->beginOpen(database);
    return frame;
}

}  // namespace roundtable::ui
