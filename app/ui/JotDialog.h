// Jottings during a session (issue 14, item 3): from session mode, J opens this small window: the
// members' codes (never their names: session mode may be on a screen the room can see), a
// digit picks one, a few words, Enter keeps them. They are sealed like notes and wait for his
// note (practice::Practice::useJottings).
#pragma once

#include <wx/dialog.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "records/Types.h"
#include "ui/Guarded.h"

class wxListBox;
class wxStaticText;
class wxTextCtrl;

namespace roundtable::ui {

/// Who can be jotted against and how a jotting is kept (it throws when refused).
struct JotTarget {
    std::vector<std::pair<records::MemberId, std::string>> codes;  ///< id and code, in order
    std::function<void(records::MemberId, const std::string&)> jot;
};

class JotDialog : public wxDialog {
  public:
    JotDialog(wxWindow* parent, JotTarget target);

  private:
    void onKey(wxKeyEvent& event);
    /// Keeps the words for the member chosen; closes when kept, stays with the reason if not.
    void keep();

    JotTarget target_;
    wxListBox* members_;
    wxTextCtrl* words_;
    wxStaticText* message_;
    ShowFailure atWords_;
};

}  // namespace roundtable::ui
