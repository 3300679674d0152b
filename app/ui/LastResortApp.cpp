// The last-resort handler: the message comes from the same place as every handler's
// (currentFailure), so a StoreError reads the same wherever it is caught.
#include "ui/LastResortApp.h"

#include <wx/msgdlg.h>

#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {

bool LastResortApp::OnExceptionInMainLoop() {
    // wx calls this inside its catch block: currentFailure() rethrows to read the exception.
    lastUnexpected_ = currentFailure().message;
    if (!quiet_) {
        wxMessageBox(toWx(lastUnexpected_), "Roundtable", wxOK | wxICON_ERROR, GetTopWindow());
    }
    return true;
}

void LastResortApp::OnUnhandledException() {
    lastUnexpected_ = currentFailure().message;
    // No event loop may be running any more: wxSafeShowMessage works without one.
    wxSafeShowMessage(trWx("Roundtable has to close"), toWx(lastUnexpected_));
}

}  // namespace roundtable::ui
