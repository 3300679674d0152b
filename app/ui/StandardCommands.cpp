// Cut, Copy, Paste and Select all on the focused text field; the shortcuts list; the About box.
#include "ui/StandardCommands.h"

#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/textentry.h>
#include <wx/utils.h>

#include "curriculum/ProgrammeLocation.h"
#include "practice/Workspace.h"
#include "text/Translate.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

/// The text field that has the keyboard, if the focus is in one.
wxTextEntry* focusedText() {
    return dynamic_cast<wxTextEntry*>(wxWindow::FindFocus());
}

void addShortcuts(const wxMenu& menu, const std::string& menuName, std::vector<Shortcut>& out) {
    for (const auto* item : menu.GetMenuItems()) {
        if (item->IsSeparator())
            continue;
        if (item->IsSubMenu()) {
            addShortcuts(*item->GetSubMenu(), menuName, out);
            continue;
        }
        // The label as the menu shows it: "&Open database...\tCtrl+O".
        const auto label = item->GetItemLabel();
        const auto tab = label.Find('\t');
        if (tab == wxNOT_FOUND)
            continue;
        out.push_back({menuName, fromWx(wxMenuItem::GetLabelText(label.Left(tab))),
                       fromWx(label.Mid(tab + 1))});
    }
}

}  // namespace

void appendClipboardCommands(wxFrame* frame, wxMenu* edit) {
    edit->Append(wxID_CUT, trWx("Cu&t") + "\tCtrl+X");
    edit->Append(wxID_COPY, trWx("&Copy") + "\tCtrl+C");
    edit->Append(wxID_PASTE, trWx("&Paste") + "\tCtrl+V");
    edit->Append(wxID_SELECTALL, trWx("Select &all") + "\tCtrl+A");
    struct Command {
        int id;
        void (wxTextEntry::*run)();
        bool (wxTextEntry::*can)() const;
    };
    static constexpr Command kCommands[] = {
        {wxID_CUT, &wxTextEntry::Cut, &wxTextEntry::CanCut},
        {wxID_COPY, &wxTextEntry::Copy, &wxTextEntry::CanCopy},
        {wxID_PASTE, &wxTextEntry::Paste, &wxTextEntry::CanPaste},
        {wxID_SELECTALL, &wxTextEntry::SelectAll, nullptr},
    };
    for (const auto& command : kCommands) {
        frame->Bind(
            wxEVT_MENU,
            [command](wxCommandEvent& event) {
                if (auto* text = focusedText())
                    (text->*command.run)();
                else
                    event.Skip();
            },
            command.id);
        frame->Bind(
            wxEVT_UPDATE_UI,
            [command](wxUpdateUIEvent& event) {
                auto* text = focusedText();
                event.Enable(text && (!command.can || (text->*command.can)()));
            },
            command.id);
    }
}

std::vector<Shortcut> shortcutsOf(const wxMenuBar& menus) {
    std::vector<Shortcut> shortcuts;
    for (std::size_t i = 0; i < menus.GetMenuCount(); ++i)
        addShortcuts(*menus.GetMenu(i), fromWx(menus.GetMenuLabelText(i)), shortcuts);
    return shortcuts;
}

std::vector<Shortcut> pageShortcuts() {
    const auto session = text::tr("Session page");
    const auto mode = text::tr("Session mode");
    const auto round = text::tr("Notes round");
    return {
        {session, text::tr("Session mode"), "F5"},
        {session, text::tr("Everyone present"), "Alt+V"},
        {session, text::tr("Notes round"), "Alt+O"},
        {session, text::tr("Adapt the plan"), "Alt+D"},
        {text::tr("Adapt the plan"), text::tr("Move the activity up or down"),
         text::tr("Alt+Up, Alt+Down")},
        {text::tr("Adapt the plan"), text::tr("Save the adapted plan"), "Ctrl+Enter"},
        {text::tr("Register"),
         text::tr("Present, late, left early, absent (authorised), absent (unauthorised)"),
         "P, L, E, A, U"},
        {mode, text::tr("Start or pause"), text::tr("Space")},
        {mode, text::tr("Next or previous activity"), text::tr("Right, Left")},
        {mode, text::tr("Go to activity 1 to 9"), "1 ... 9"},
        {mode, text::tr("Dismiss the prompt"), "D"},
        {mode, text::tr("Jot a few words against a man"), "J"},
        {mode, text::tr("Full screen"), "F11"},
        {round, text::tr("Sign and go to the next man"), "Ctrl+Enter"},
        {round, text::tr("Keep a draft and go to the next man"), "Ctrl+S"},
        {round, text::tr("Previous or next man"), text::tr("Page Up, Page Down")},
        {round, text::tr("Keep the ratings carried forward"), "Ctrl+K"},
        {round, text::tr("How he took part"), text::tr("Ctrl+1 to Ctrl+4")},
    };
}

void showShortcuts(wxWindow* parent, const std::vector<Shortcut>& shortcuts) {
    wxDialog dialog(parent, wxID_ANY, trWx("Keyboard shortcuts"), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* list = new wxListCtrl(&dialog, wxID_ANY, wxDefaultPosition,
                                dialog.FromDIP(wxSize(520, 420)), wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName("shortcuts-list");
    list->AppendColumn(trWx("Where"), wxLIST_FORMAT_LEFT, dialog.FromDIP(110));
    list->AppendColumn(trWx("Command"), wxLIST_FORMAT_LEFT, dialog.FromDIP(300));
    list->AppendColumn(trWx("Keys"), wxLIST_FORMAT_LEFT, dialog.FromDIP(130));
    for (const auto& shortcut : shortcuts) {
        const long row = list->InsertItem(list->GetItemCount(), toWx(shortcut.menu));
        list->SetItem(row, 1, toWx(shortcut.command));
        list->SetItem(row, 2, toWx(shortcut.keys));
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list, wxSizerFlags(1).Expand().Border(wxALL, 8));
    sizer->Add(dialog.CreateStdDialogButtonSizer(wxCLOSE),
               wxSizerFlags().Expand().Border(wxALL, 8));
    dialog.SetSizerAndFit(sizer);
    dialog.SetEscapeId(wxID_CLOSE);
    dialog.ShowModal();
}

wxAboutDialogInfo aboutRoundtable() {
    wxAboutDialogInfo info;
    info.SetName("Roundtable");
    info.SetVersion(ROUNDTABLE_VERSION);
    info.SetDescription(
        toWx(text::fill(text::tr("A workbench for structured group-treatment programmes: the "
                                 "curriculum, session plans, the register and progress notes.\n"
                                 "Writes data format {1}."),
                        {std::to_string(practice::Workspace::dataFormat())})));
    info.SetLicence(trWx("Roundtable is built on these libraries, each under its own licence:") +
                    "\n"
                    "  wxWidgets " +
                    wxString(wxVERSION_NUM_DOT_STRING) +
                    " - wxWindows Library Licence\n"
                    "  GTK 3, Pango, librsvg - GNU LGPL 2.1 or later\n"
                    "  cairo - GNU LGPL 2.1 or Mozilla Public Licence 1.1\n"
                    "  SQLite - public domain\n"
                    "  libsodium - ISC licence\n"
                    "  pugixml - MIT licence\n"
                    "  Boost - Boost Software Licence 1.0\n");
    return info;
}

std::optional<std::filesystem::path> userGuidePath() {
    const auto installed = curriculum::installedDataDirectory();
    for (const auto& candidate :
         {installed.empty() ? std::filesystem::path() : installed / "guide/index.html",
          std::filesystem::path(ROUNDTABLE_BUILD_GUIDE),
          std::filesystem::path(ROUNDTABLE_SOURCE_GUIDE)}) {
        std::error_code error;
        if (!candidate.empty() && std::filesystem::is_regular_file(candidate, error))
            return candidate;
    }
    return std::nullopt;
}

}  // namespace roundtable::ui
