// The home page, what the app opens on after sign-in: for the person signed in, the sessions
// of her groups to record and the next of each, the notes still to write or sign (with how
// overdue), notes returned to her by a reviewer and (a clinical lead's) notes awaiting her
// review, concern actions due, outcome measures due, and session-rating alerts. A list per
// kind; Enter or a double-click on a line opens what it names. What is shown is
// practice::homePage's; this is its layout only.
#pragma once

#include <wx/scrolwin.h>

#include <functional>
#include <vector>

#include "practice/Practice.h"

class wxListCtrl;
class wxListEvent;
class wxStaticText;

namespace roundtable::ui {

class HomePanel : public wxScrolledWindow {
  public:
    /// The member page's tabs a line can open on.
    enum class MemberTab { concerns = 2, scores = 3 };
    struct Callbacks {
        std::function<void(records::SessionId)> openSession;
        std::function<void(records::SessionId, records::MemberId)> openSessionOn;
        std::function<void(records::GroupId, records::MemberId, MemberTab)> openMember;
    };

    HomePanel(wxWindow* parent, Callbacks callbacks);

    /// Shows the home page of the person signed in to `practice`; none: empties it (locked).
    void attach(practice::Practice* practice);
    /// Gathers the page again (it is recorded in the audit log as a view).
    void refresh();
    [[nodiscard]] const practice::HomePage& page() const { return page_; }

  private:
    /// One kind of line: its heading and list.
    struct Section {
        wxStaticText* heading;
        wxListCtrl* list;
    };
    Section addSection(wxSizer* sizer, const char* name,
                       std::initializer_list<std::pair<const char*, int>> columns);
    /// Fills `section` with `rows` (a cell per column), or says there is nothing.
    void fill(const Section& section, const char* title,
              const std::vector<std::vector<std::string>>& rows);
    void open(const Section& section, long row);

    Callbacks callbacks_;
    practice::Practice* practice_ = nullptr;
    practice::HomePage page_;
    wxStaticText* title_;
    Section sessions_, notes_, returned_, reviews_, actions_, measures_, alerts_;
};

}  // namespace roundtable::ui
