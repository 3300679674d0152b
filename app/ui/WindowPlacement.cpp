// The work area is the display's client area (without panels and docks), as wxDisplay
// reports it for the screen the window is on.
#include "ui/WindowPlacement.h"

#include <wx/display.h>
#include <wx/toplevel.h>

#include <algorithm>

namespace roundtable::ui {

void fitToScreen(wxTopLevelWindow* window, wxSize wanted) {
    const int index = wxDisplay::GetFromWindow(window);
    const auto area =
        wxDisplay(index == wxNOT_FOUND ? 0u : static_cast<unsigned>(index)).GetClientArea();
    wanted = window->FromDIP(wanted);
    const wxSize size(std::min(wanted.x, area.width), std::min(wanted.y, area.height));
    auto position = window->GetPosition();
    position.x = std::clamp(position.x, area.x, area.GetRight() - size.x + 1);
    position.y = std::clamp(position.y, area.y, area.GetBottom() - size.y + 1);
    window->SetSize(wxRect(position, size));
}

void restorePlacement(wxTopLevelWindow* window, const settings::SettingsStore& settings,
                      wxSize usual) {
    const int width = settings::windowWidth.read(settings);
    const int height = settings::windowHeight.read(settings);
    // Remembered in pixels: back to the unscaled size that fitToScreen scales again.
    fitToScreen(window, width > 0 && height > 0 ? window->ToDIP(wxSize(width, height)) : usual);
    if (settings::windowMaximized.read(settings))
        window->Maximize();
}

void rememberPlacement(const wxTopLevelWindow* window, settings::SettingsStore& settings) {
    settings::windowMaximized.write(settings, window->IsMaximized());
    if (window->IsMaximized())
        return;  // the size to go back to when it is no longer maximised stays as it was
    settings::windowWidth.write(settings, window->GetSize().x);
    settings::windowHeight.write(settings, window->GetSize().y);
}

}  // namespace roundtable::ui
