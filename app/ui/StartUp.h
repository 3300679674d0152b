// What the application does as it starts, kept out of App.cpp so that the GUI tests start
// the window the same way: which database to open, remembering the one signed in to, and
// forgetting a remembered one that can no longer be opened.
#pragma once

#include <filesystem>

#include "curriculum/Programme.h"
#include "records/Types.h"
#include "settings/Settings.h"

namespace roundtable::ui {

class MainFrame;

/// Shows the main window with `database` (from the command line) or, when that is empty,
/// the database used last. Each database signed in to is remembered in `settings`. A
/// database that cannot be opened is reported on the welcome page and, if it is the
/// remembered one, forgotten, so the next start is a normal one. `settings` must outlive the
/// window.
MainFrame* showMainWindow(const curriculum::Programme& programme, settings::SettingsStore& settings,
                          std::filesystem::path database, records::KeyDerivation keyDerivation);

}  // namespace roundtable::ui
