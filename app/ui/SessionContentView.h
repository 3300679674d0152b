// A curriculum session's content on screen (documents/SessionContent.h): headings, text that
// wraps to the pane's width, bullet lists, and each easy-read point with its pictogram on its
// left, in a pane that scrolls. Used by the curriculum preview and the session page, so that the
// programme reads the same in both. Keyboard: Tab reaches it; arrows, Page Up/Down, Home and End
// scroll it.
#pragma once

#include <wx/bmpbndl.h>
#include <wx/scrolwin.h>

#include <map>
#include <string>
#include <vector>

#include "documents/Document.h"
#include "documents/PictureSource.h"

class wxBoxSizer;
class wxSizer;
class wxSizerFlags;
class wxStaticText;

namespace roundtable::ui {

class SessionContentView : public wxScrolledWindow {
  public:
    /// Named `name` (for tests); shows nothing until show(). Pictures come from the shipped
    /// programme's folder until usePictures.
    SessionContentView(wxWindow* parent, const wxString& name);

    /// Where pictograms are read from from now on (the service's, once signed in).
    void usePictures(documents::PictureSource pictures);
    [[nodiscard]] const documents::PictureSource& pictures() const { return pictures_; }
    /// Shows `content` from its top; a block this pane has no form for (a writing space, a
    /// table) is left out.
    void show(const documents::Document& content);
    void clear();
    /// Every text shown, one a line, in reading order, as written (not as wrapped).
    [[nodiscard]] std::string text() const;

  protected:
    /// Its least size: the content wraps to whatever width it is given and scrolls, so it never
    /// asks the page around it for more room (a scrolled window's best size would be the
    /// content's, which holds the page as wide as it last was).
    [[nodiscard]] wxSize DoGetBestSize() const override;

  private:
    /// A text that wraps to the pane's width less `indent` (a picture or bullet on its left).
    wxStaticText* addWrapped(wxSizer* sizer, const std::string& text, int indent,
                             const wxSizerFlags& flags);
    void addPicture(wxSizer* row, const std::string& name);
    /// The picture `name` as a bundle (drawn sharp at any scale); not IsOk() when it cannot be
    /// read or drawn.
    [[nodiscard]] wxBitmapBundle pictogram(const std::string& name);
    /// Wraps every text again when the width changed (`always`: whatever the width).
    void rewrap(bool always);
    void onKey(wxKeyEvent& event);

    struct Wrapped {
        wxStaticText* label;
        wxString text;
        int indent;
    };
    wxBoxSizer* content_ = nullptr;  ///< the blocks, inside the margins
    std::vector<Wrapped> wrapped_;
    std::vector<std::string> texts_;
    documents::PictureSource pictures_;
    std::map<std::string, wxBitmapBundle> drawn_;  ///< pictograms read, by name
    int wrappedAt_ = -1;
    bool wrapWhenShown_ = false;  ///< wrapped while hidden: to be wrapped again once shown
};

}  // namespace roundtable::ui
