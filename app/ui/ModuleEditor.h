// The module editor: one module of the service's programme in its own window, for clinical
// leads to change and facilitators to read. A tree of the module's sessions and activities on
// the left, a form for the one selected on the right, each check's finding under its field and
// all of them in a list below, and the change control's steps (save, send for review, publish,
// return to author, withdraw) in its menu and buttons. A thin layer: every edit goes through
// curriculum::ModuleDraft (so it can be undone), every check through curriculum::checkDraft,
// every step through practice::CurriculumChanges (which decides who may do what).
#pragma once

#include <wx/frame.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "curriculum/DraftChecks.h"
#include "curriculum/ModuleEditing.h"
#include "practice/ServiceProgramme.h"
#include "printing/Printable.h"

class wxChoice;
class wxListBox;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;
class wxTreeCtrl;
class wxTreeItemId;
class wxScrolledWindow;

namespace roundtable::ui {

class ModuleEditor : public wxFrame {
  public:
    /// Asks the user for a text (a summary, a reason) with `title` and `prompt`; nullopt when
    /// cancelled. Tests replace the dialog with an answer.
    using AskText = std::function<std::optional<std::string>(const std::string& title,
                                                             const std::string& prompt)>;
    /// Asks whether unsaved changes are saved before the window closes, answering as
    /// wxMessageBox does: wxYES to save, wxNO to discard, wxCANCEL to keep the window open.
    using AskSave = std::function<int()>;
    /// Shows a long text (the comparison) with a title; tests read it instead.
    using ShowText = std::function<void(const std::string& title, const std::string& text)>;
    /// Shows documents in the print preview (the main window's).
    using ShowPreview = std::function<void(std::vector<printing::PrintableDocument>)>;

    /// Opens the editor on `moduleId`: its open draft, or its newest published version (which
    /// becomes the next version when saved); read-only unless the signed-in user is a clinical
    /// lead. Throws (StoreError, CurriculumFileError) when the module cannot be read; the
    /// window is then not made. `published` is called after this window published a version.
    static ModuleEditor* open(wxWindow* parent, practice::CurriculumChanges changes,
                              const std::string& moduleId, std::function<void()> published);

    /// Replaces the dialogs that ask for a text or about saving (for tests).
    void answerWith(AskText askText) { askText_ = std::move(askText); }
    void answerCloseWith(AskSave askSave) { askSave_ = std::move(askSave); }
    void showTextWith(ShowText showText) { showText_ = std::move(showText); }
    /// Chooses a picture, given the line's picture now ("" when none); nullopt when cancelled.
    /// Tests replace the picker with an answer.
    using ChoosePicture = std::function<std::optional<std::string>(const std::string& current)>;
    void choosePictureWith(ChoosePicture choose) { choosePicture_ = std::move(choose); }
    /// Turns Preview on: the draft as it will print goes to `showPreview`.
    void previewWith(ShowPreview showPreview) { showPreview_ = std::move(showPreview); }

    // The commands of the menu and the buttons; each shows its result or failure in the
    // window's message line.
    bool save();
    void sendForReview();
    void publish();
    void returnToAuthor();
    void withdraw();
    void compareWithPublished();
    /// The draft as it will print (issue 12, item 5): the selected session's plan, members'
    /// easy-read summary and carers' handout, and the module's carers' pack. Refused while the
    /// draft has errors.
    void preview();
    void undo();
    void redo();
    /// Saves unsaved changes if it can (the database is about to lock) and closes the window
    /// without asking.
    void closeForLock();

    [[nodiscard]] const std::string& moduleId() const { return moduleId_; }
    [[nodiscard]] bool editable() const { return editable_; }
    [[nodiscard]] bool hasUnsavedChanges() const { return unsaved_; }
    [[nodiscard]] const curriculum::ModuleDraft& draft() const { return draft_; }
    [[nodiscard]] const curriculum::DraftCheck& check() const { return check_; }
    /// The line saying where the module stands ("Version 2, draft - author: lead").
    [[nodiscard]] wxString stateLine() const;
    /// The last result or failure, as shown at the bottom of the window.
    [[nodiscard]] wxString message() const;
    /// Selects the tree item of a session or an activity (or the module) and shows its form.
    bool selectNode(const curriculum::FieldAddress& whole);

  private:
    /// A text field of a form, bound to a field of the node shown; lists are one item a line,
    /// points (easy-read, the carers' handout) "[picture] text" a line.
    struct Bound {
        wxTextCtrl* control = nullptr;
        curriculum::Field field = curriculum::Field::moduleTitle;
        wxStaticText* findings = nullptr;
        bool list = false;
        /// For a list: the field of an item's text (the list's own for a list of texts), and of
        /// an item's picture for a list of points.
        curriculum::Field itemText = curriculum::Field::moduleTitle;
        std::optional<curriculum::Field> itemPicture;
    };

    ModuleEditor(wxWindow* parent, practice::CurriculumChanges changes, std::string moduleId,
                 practice::ModuleToEdit module, std::function<void()> published);
    void buildMenus();
    /// Sets the picture of the line the cursor is on in a list of points, from the picker.
    void pictureForLine(wxTextCtrl* control);
    /// The picture a person chooses from the service's pictures, `current` first; none if
    /// cancelled.
    std::optional<std::string> pickPicture(const std::string& current);
    wxScrolledWindow* addPage(const char* name);
    Bound& addField(wxScrolledWindow* page, const wxString& label, const char* name,
                    curriculum::Field field, int lines, bool list = false);
    void fillTree();
    void labelTree();
    void showNode(const curriculum::FieldAddress& whole);
    void edited(const Bound& bound);
    Bound& addPoints(wxScrolledWindow* page, const wxString& label, const char* name,
                     curriculum::Field list, curriculum::Field text, curriculum::Field picture);
    [[nodiscard]] std::string listText(const Bound& bound) const;
    void syncList(const Bound& bound, const std::string& text);
    /// After every change: checks the draft again and shows the findings, the sums, the tree's
    /// marks and where the module stands.
    void changed();
    void showFindings();
    void showState();
    void reloadFromStore();
    /// Makes a change that adds, removes or moves a session or an activity, then shows the
    /// tree again with the address `edit` returns selected.
    /// Returns whether the edit was made.
    bool restructure(const std::function<curriculum::FieldAddress()>& edit);
    /// "the session "Welcome"", for messages.
    [[nodiscard]] std::string itemTitle(const curriculum::FieldAddress& whole) const;
    void afterUndoOrRedo();
    [[nodiscard]] bool treeMatchesDraft() const;
    void goToFinding(int index);
    [[nodiscard]] curriculum::FieldAddress addressOf(curriculum::Field field) const;
    [[nodiscard]] std::optional<std::string> ask(const std::string& title,
                                                 const std::string& prompt);
    /// Runs a change-control step, showing its failure in the message line.
    bool step(const std::function<void()>& work);
    void say(const std::string& text);
    void refuse(const std::string& text);
    /// Whether the draft may be changed now: by a clinical lead, and not while it waits for
    /// review (until a reviewer returns it).
    [[nodiscard]] bool canChange() const { return editable_ && !state_.inReview; }
    /// Whether the signed-in clinical lead may publish the draft in review: one who did not
    /// write it, or an author where the service allows it. The store still decides.
    [[nodiscard]] bool mayPublish() const;
    /// The summary the author gave when sending the draft for review ("" if none is found).
    [[nodiscard]] std::string reviewSummary();

    /// Mutable: the reads of mayPublish() go through it.
    mutable practice::CurriculumChanges changes_;
    std::string moduleId_;
    records::ModuleState state_;
    bool editable_ = false;
    curriculum::PictureNames pictures_;
    curriculum::ModuleDraft draft_;
    curriculum::DraftCheck check_;
    std::function<void()> published_;
    AskText askText_;
    AskSave askSave_;
    ShowText showText_;
    ShowPreview showPreview_;
    ChoosePicture choosePicture_;
    bool unsaved_ = false;
    bool saidInfo_ = false;  ///< the message line holds news (not a refusal): cleared on typing
    bool loading_ = false;   ///< filling controls: their events are not edits
    curriculum::FieldAddress node_;  ///< the module, session or activity shown

    wxStaticText* stateText_ = nullptr;
    wxStaticText* summary_ = nullptr;  ///< the author's summary, while the draft is in review
    /// Buttons that change the draft (pictures, indicators): enabled only when it may change.
    std::vector<wxWindow*> changeControls_;
    mutable bool mayPublish_ = false;
    mutable bool mayPublishKnown_ = false;  ///< asked again after each change of state
    wxTreeCtrl* tree_ = nullptr;
    wxSimplebook* forms_ = nullptr;
    std::vector<wxScrolledWindow*> pages_;
    std::vector<Bound> fields_;
    wxChoice* kind_ = nullptr;
    wxChoice* indicatorChoice_ = nullptr;
    std::size_t indicator_ = 0;  ///< the progress indicator shown on the module's form
    wxStaticText* kindFindings_ = nullptr;
    wxStaticText* sessionSum_ = nullptr;
    wxListBox* findings_ = nullptr;
    std::vector<curriculum::FieldAddress> findingPlaces_;
    wxStaticText* message_ = nullptr;
};

}  // namespace roundtable::ui
