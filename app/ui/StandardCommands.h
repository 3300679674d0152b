// The commands every Roundtable window offers after the GNOME and Windows conventions: Cut,
// Copy, Paste and Select all acting on the text field that has the keyboard; the keyboard
// shortcuts, listed from a window's own menus so that the list cannot drift from them; and
// the About box's contents (version, data format, the libraries used and their licences).
#pragma once

#include <wx/aboutdlg.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

class wxFrame;
class wxMenu;
class wxMenuBar;
class wxWindow;

namespace roundtable::ui {

/// Appends Cut, Copy, Paste and Select all to `edit`, acting on the focused text field of
/// `frame` (enabled only when they can), and binds them on `frame`. Undo and Redo are each
/// window's own and come before these.
void appendClipboardCommands(wxFrame* frame, wxMenu* edit);

/// One command that has a keyboard shortcut: in a menu, or on a page or window of its own.
struct Shortcut {
    std::string menu;     ///< "File", or where the keys work: "Notes round"
    std::string command;  ///< "Open database..."
    std::string keys;     ///< "Ctrl+O"
};

/// Every command of `menus` with a shortcut, in menu order (submenus included).
[[nodiscard]] std::vector<Shortcut> shortcutsOf(const wxMenuBar& menus);

/// The keys of the pages and windows that work without a menu (the session page, the register,
/// session mode, the notes round), in the user's language.
[[nodiscard]] std::vector<Shortcut> pageShortcuts();

/// Help > Keyboard shortcuts: a window listing `shortcuts`, closed with Esc.
void showShortcuts(wxWindow* parent, const std::vector<Shortcut>& shortcuts);

/// What Help > About shows: the neutral product name, its version, the data format it writes
/// and the libraries it is built on with their licences.
[[nodiscard]] wxAboutDialogInfo aboutRoundtable();

/// The user guide's page (Help > User guide): the installed one, else the one the build made
/// with its screenshots, else the source's; none when none exists.
[[nodiscard]] std::optional<std::filesystem::path> userGuidePath();

}  // namespace roundtable::ui
