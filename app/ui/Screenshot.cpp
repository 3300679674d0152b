// Screenshot of a window as it is on screen now. wxScreenDC on GTK 3 kept returning its
// first capture under Xvfb, so the window's own GDK window is read instead.
#include "ui/Screenshot.h"

#include <gtk/gtk.h>
#include <wx/window.h>

namespace roundtable::ui {

bool saveScreenshot(wxWindow* window, const std::string& pngPath) {
    auto* gdkWindow = gtk_widget_get_window(window->GetHandle());
    if (!gdkWindow)
        return false;
    auto size = window->GetSize();
    GdkPixbuf* pixbuf = gdk_pixbuf_get_from_window(gdkWindow, 0, 0, size.x, size.y);
    if (!pixbuf)
        return false;
    GError* error = nullptr;
    bool saved = gdk_pixbuf_save(pixbuf, pngPath.c_str(), "png", &error, nullptr);
    if (error)
        g_error_free(error);
    g_object_unref(pixbuf);
    return saved;
}

}  // namespace roundtable::ui
