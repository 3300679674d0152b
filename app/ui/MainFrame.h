// The main window: wires the curriculum navigator, the group page and the session page
// together and owns the open database. Features live in the panels, not here.
#pragma once

#include <wx/frame.h>

#include <filesystem>
#include <functional>
#include <memory>

#include "curriculum/Programme.h"
#include "practice/Practice.h"
#include "records/RecordStore.h"

class wxNotebook;

namespace roundtable::ui {

class CurriculumPanel;
class GroupPanel;
class SessionPanel;

class MainFrame : public wxFrame {
public:
    explicit MainFrame(const curriculum::Programme& programme);
    ~MainFrame() override;

    /// Opens (or with `create`, creates) a database. Returns false, after telling the user
    /// why, when it cannot; the database open before stays open in that case.
    bool openDatabase(const std::filesystem::path& path, bool create);

    [[nodiscard]] CurriculumPanel* curriculumPanel() const { return curriculum_; }
    [[nodiscard]] GroupPanel* groupPanel() const { return groups_; }
    [[nodiscard]] SessionPanel* sessionPanel() const { return session_; }
    [[nodiscard]] wxNotebook* pages() const { return pages_; }
    /// The error shown by the last failed openDatabase (tests read it instead of a dialog).
    [[nodiscard]] const std::string& lastError() const { return lastError_; }
    /// Called after every successful open, e.g. to remember the file for the next start.
    void onDatabaseOpened(std::function<void(const std::filesystem::path&)> callback) {
        onDatabaseOpened_ = std::move(callback);
    }
    /// Tests set this so failures are recorded in lastError() without a modal dialog.
    void setQuietErrors(bool quiet) { quietErrors_ = quiet; }

private:
    void buildMenus();
    void chooseDatabase(bool create);
    void showSession(records::SessionId session);

    const curriculum::Programme& programme_;
    std::unique_ptr<records::RecordStore> store_;
    std::unique_ptr<practice::Practice> practice_;
    CurriculumPanel* curriculum_;
    wxNotebook* pages_;
    GroupPanel* groups_;
    SessionPanel* session_;
    std::string lastError_;
    bool quietErrors_ = false;
    std::function<void(const std::filesystem::path&)> onDatabaseOpened_;
};

}  // namespace roundtable::ui
