// Menus and wiring. Each handler is a few lines that hand over to a panel or a use case.
#include "ui/MainFrame.h"

#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>

#include "ui/CurriculumPanel.h"
#include "ui/GroupPanel.h"
#include "ui/SessionPanel.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {
constexpr const char* kProductName = "Roundtable";
constexpr const char* kDatabaseWildcard = "Roundtable databases (*.rtdb)|*.rtdb|All files|*";
}  // namespace

MainFrame::MainFrame(const curriculum::Programme& programme)
    : wxFrame(nullptr, wxID_ANY, kProductName, wxDefaultPosition, wxSize(1360, 840)),
      programme_(programme) {
    auto* splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxSP_LIVE_UPDATE | wxSP_3D);
    splitter->SetMinimumPaneSize(220);
    curriculum_ = new CurriculumPanel(splitter, programme_);
    pages_ = new wxNotebook(splitter, wxID_ANY);
    groups_ = new GroupPanel(pages_, {[this] { return curriculum_->selectedSessionId(); },
                                      [this](records::SessionId id) { showSession(id); }});
    session_ = new SessionPanel(pages_);
    pages_->AddPage(groups_, "Group");
    pages_->AddPage(session_, "Session");
    splitter->SplitVertically(curriculum_, pages_, 380);

    buildMenus();
    CreateStatusBar();
    SetStatusText("No database open. Use File > New or File > Open.");
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        session_->keepUnsavedNote();
        event.Skip();
    });
}

MainFrame::~MainFrame() = default;

void MainFrame::buildMenus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, "&New database...\tCtrl+N");
    file->Append(wxID_OPEN, "&Open database...\tCtrl+O");
    file->AppendSeparator();
    file->Append(wxID_EXIT, "&Quit\tCtrl+Q");
    auto* menuBar = new wxMenuBar;
    menuBar->Append(file, "&File");
    SetMenuBar(menuBar);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { chooseDatabase(true); }, wxID_NEW);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { chooseDatabase(false); }, wxID_OPEN);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
}

void MainFrame::chooseDatabase(bool create) {
    wxFileDialog dialog(this, create ? "Create a new database" : "Open a database",
                        wxEmptyString, create ? "service.rtdb" : wxString(), kDatabaseWildcard,
                        create ? wxFD_SAVE | wxFD_OVERWRITE_PROMPT : wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    openDatabase(std::filesystem::path(fromWx(dialog.GetPath())), create);
}

bool MainFrame::openDatabase(const std::filesystem::path& path, bool create) {
    try {
        auto store = std::make_unique<records::RecordStore>(
            create ? records::RecordStore::create(path) : records::RecordStore::open(path));
        session_->keepUnsavedNote();
        auto practice = std::make_unique<practice::Practice>(*store, programme_);
        groups_->attach(practice.get());
        session_->attach(practice.get());
        practice_ = std::move(practice);
        store_ = std::move(store);
        SetTitle(toWx(std::string(kProductName) + " - " + path.filename().string()));
        SetStatusText(toWx("Database: " + path.string()));
        pages_->SetSelection(0);
        lastError_.clear();
        if (onDatabaseOpened_) onDatabaseOpened_(path);
        return true;
    } catch (const records::StoreError& error) {
        lastError_ = error.what();
        if (!quietErrors_) {
            wxMessageBox(toWx(lastError_), "The database was not opened", wxOK | wxICON_ERROR,
                         this);
        }
        return false;
    }
}

void MainFrame::showSession(records::SessionId session) {
    session_->showSession(session);
    pages_->SetSelection(1);
}

}  // namespace roundtable::ui
