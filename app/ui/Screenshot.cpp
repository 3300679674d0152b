// In-app screenshot: copy the window's screen rectangle into a bitmap.
#include "ui/Screenshot.h"

#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/window.h>

#include "ui/WxText.h"

namespace roundtable::ui {

bool saveScreenshot(wxWindow* window, const std::string& pngPath) {
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
    auto rect = window->GetScreenRect();
    wxBitmap bitmap(rect.width, rect.height);
    wxScreenDC screen;
    wxMemoryDC memory(bitmap);
    memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
    memory.SelectObject(wxNullBitmap);
    return bitmap.SaveFile(toWx(pngPath), wxBITMAP_TYPE_PNG);
}

}  // namespace roundtable::ui
