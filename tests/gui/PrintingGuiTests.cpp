// Printing in the real window under Xvfb: the print preview opened from the File menu's
// shortcut on the curriculum page and on a session page, its pages stepped with the keys and
// buttons, Export PDF (read back with pdfinfo and pdftotext), printing through GTK's print
// operation in export mode (its draw-page path writes a real PDF without a printer), the
// recovery key sheet, the service's details, and the audit event of each print and export.
// Screenshots of the preview at 1366x768 and 1024x768 are kept in the build folder.
#include <sys/stat.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/uiaction.h>

#include <algorithm>

#include "documents/PdfTools.h"
#include "gui/GuiDriver.h"
#include "printing/PrintPreferences.h"
#include "support/RawSql.h"
#include "support/SmallService.h"
#include "ui/CurriculumPanel.h"
#include "ui/MemberPanel.h"
#include "ui/PreviewFrame.h"
#include "ui/PrintController.h"
#include "ui/Screenshot.h"
#include "ui/ServiceDetailsDialog.h"
#include "ui/SessionPanel.h"

using namespace roundtable;
using namespace roundtable::test;

namespace {

/// Opens the print preview with its shortcut (Ctrl+Shift+P) and waits for it.
ui::PreviewFrame* openPreview(ui::MainFrame* frame) {
    press('P', wxMOD_CONTROL | wxMOD_SHIFT);
    auto* printing = frame->printing();
    REQUIRE(waitFor(
        [&] { return printing->previewWindow() && printing->previewWindow()->IsShownOnScreen(); }));
    pump(300);
    return printing->previewWindow();
}

/// Export PDF saves to `folder` under the name it suggests, without the file dialog.
void exportInto(ui::MainFrame* frame, const std::filesystem::path& folder) {
    frame->printing()->chooseFilesWith(
        [folder](wxWindow*, const std::string& suggested) { return folder / suggested; });
}

/// Chooses document `index` in the preview with the keyboard: the focus on the choice (as
/// Tab puts it there), then the arrow keys, which step a closed choice through its items.
void chooseDocument(ui::PreviewFrame* preview, int index) {
    auto* choice = find<wxChoice>(preview, "preview-documents");
    choice->SetFocus();
    REQUIRE(waitFor([&] { return wxWindow::FindFocus() == choice; }));
    for (int i = choice->GetSelection(); i != index; i += (i < index ? 1 : -1))
        press(i < index ? WXK_DOWN : WXK_UP);
    CHECK(waitFor([&] { return choice->GetSelection() == index; }));
    pump(200);
}

wxButton* okButton(wxWindow* dialog) {
    auto* ok = dynamic_cast<wxButton*>(dialog->FindWindow(wxID_OK));
    REQUIRE(ok);
    return ok;
}

std::string allText(const std::filesystem::path& pdf) {
    std::string text;
    for (const auto& page : pageTexts(pdf))
        text += page;
    return text;
}

/// Saves the preview at both screen sizes; every command stays inside the window.
void keepScreenshots(ui::PreviewFrame* preview, const std::string& name) {
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        preview->SetSize(size);
        pump(500);
        for (const char* button : {"preview-close", "preview-export", "preview-print"}) {
            auto rect = find<wxButton>(preview, button)->GetScreenRect();
            CHECK(rect.GetRight() <= preview->GetScreenRect().GetRight());
        }
        auto file = std::string(ROUNDTABLE_SCREENSHOT_DIR) + "/gui-print-preview-" + name + "-" +
                    std::to_string(size.x) + "x" + std::to_string(size.y) + ".png";
        CHECK(ui::saveScreenshot(preview, file));
    }
}

}  // namespace

TEST_CASE("the curriculum page's print preview steps pages, exports and prints a PDF") {
    SeededService service({}, "", false);
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(service.path));
    signInToGroupPage(frame);
    auto* tree = find<wxTreeCtrl>(frame, "curriculum-tree");
    clickTreeItem(tree, treeItem(tree, 0, 1));
    REQUIRE(frame->curriculumPanel()->selectedSessionId() == "framework-02");

    // The File menu names what Ctrl+P prints: the first of what the page offers.
    frame->UpdateWindowUI();
    CHECK(frame->GetMenuBar()->FindItem(wxID_PRINT)->GetItemLabelText() ==
          "Print Carers' handout...");
    CHECK(frame->GetMenuBar()->IsEnabled(wxID_PREVIEW));

    auto* preview = openPreview(frame);
    auto* documents = find<wxChoice>(preview, "preview-documents");
    // The curriculum's documents first (it has the keyboard), then the Group page's.
    REQUIRE(documents->GetCount() == 7);
    CHECK(documents->GetString(0) == "Carers' handout: Making our group rules");
    CHECK(documents->GetString(4) == "Carers' pack: the whole programme");
    CHECK(documents->GetString(5) == "Year register: Group");
    CHECK(documents->GetString(6) == "Group outcomes: Group");
    REQUIRE(preview->shown());
    const int pages = preview->shown()->layout.pageCount();
    REQUIRE(pages >= 2);
    auto* pageLabel = find<wxStaticText>(preview, "preview-page-label");
    CHECK(pageLabel->GetLabel() == wxString::Format("Page 1 of %d", pages));
    CHECK_FALSE(find<wxButton>(preview, "preview-previous")->IsEnabled());
    CHECK_FALSE(find<wxStaticText>(preview, "preview-notice")->IsShown());
    keepScreenshots(preview, "handout");

    // PageDown and the Next button turn pages; PageUp comes back.
    press(WXK_PAGEDOWN);
    CHECK(waitFor([&] { return preview->view().page() == 1; }));
    CHECK(pageLabel->GetLabel() == wxString::Format("Page 2 of %d", pages));
    press(WXK_PAGEUP);
    CHECK(waitFor([&] { return preview->view().page() == 0; }));
    click(find<wxButton>(preview, "preview-next"));
    CHECK(waitFor([&] { return preview->view().page() == 1; }));

    // Zoom: real size to begin with, Ctrl+plus and Ctrl+minus step by step, or a fit.
    CHECK(preview->view().mode() == printing::ZoomMode::percent);
    CHECK(preview->view().percent() == 100);
    press('=', wxMOD_CONTROL);
    CHECK(waitFor([&] { return preview->view().percent() == 125; }));
    press('-', wxMOD_CONTROL);
    press('-', wxMOD_CONTROL);
    CHECK(waitFor([&] { return preview->view().percent() == 75; }));
    auto* zoom = find<wxChoice>(preview, "preview-zoom");
    CHECK(zoom->GetStringSelection() == "75%");
    chooseItem(zoom, 0);  // the page's width
    CHECK(preview->view().mode() == printing::ZoomMode::pageWidth);
    chooseItem(zoom, 1);  // the whole page
    CHECK(preview->view().mode() == printing::ZoomMode::wholePage);

    // Export PDF: the file the preview shows, read back by the PDF tools.
    test::TempDir out;
    exportInto(frame, out.path());
    click(find<wxButton>(preview, "preview-export"));
    auto exported = out / "What the group did - Making our group rules.pdf";
    REQUIRE(waitFor([&] { return std::filesystem::exists(exported); }));
    auto info = pdfInfo(exported);
    CHECK(info.pages == pages);
    CHECK(info.title == "What the group did: Making our group rules");
    CHECK(info.width == doctest::Approx(595.28).epsilon(0.01));  // A4
    CHECK(pageTexts(exported).front().find("Roundtable") != std::string::npos);
    CHECK(preview->message().StartsWith("Exported \"Carers' handout: Making our group rules\""));

    // Printing: GTK's print operation in export mode draws every page through draw-page.
    auto printed = out / "printed.pdf";
    preview->print(printed);
    REQUIRE(std::filesystem::exists(printed));
    CHECK(pdfInfo(printed).pages == pages);
    CHECK(pdfInfo(printed).width == doctest::Approx(595.28).epsilon(0.01));
    CHECK(pageTexts(printed).front().find("Roundtable") != std::string::npos);
    CHECK(allText(printed).find("Making our group rules") != std::string::npos);
    CHECK(
        preview->message() ==
        wxString::Format("Printed \"Carers' handout: Making our group rules\" (%d pages).", pages));

    // Another document of the page, chosen in the preview, is what Ctrl+P prints next.
    chooseDocument(preview, 2);
    REQUIRE(preview->shown());
    CHECK(preview->shown()->printable.label() ==
          "Facilitator's session plan: Making our group rules");
    CHECK(preview->view().page() == 0);
    frame->UpdateWindowUI();
    CHECK(frame->GetMenuBar()->FindItem(wxID_PRINT)->GetItemLabelText() ==
          "Print Facilitator's session plan...");
    chooseDocument(preview, 4);  // the whole programme's pack, a long document
    REQUIRE(preview->shown());
    CHECK(preview->view().pageCount() > 50);
    click(find<wxButton>(preview, "preview-export"));
    auto pack = out / "Handouts for carers.pdf";
    REQUIRE(waitFor([&] { return std::filesystem::exists(pack); }));
    CHECK(pdfInfo(pack).pages == preview->view().pageCount());
    keepScreenshots(preview, "pack");

    // The Group page's year register is landscape, and prints landscape.
    chooseDocument(preview, 5);
    REQUIRE(preview->shown());
    auto registerFile = out / "register.pdf";
    preview->print(registerFile);
    REQUIRE(std::filesystem::exists(registerFile));
    CHECK(pdfInfo(registerFile).width == doctest::Approx(841.89).epsilon(0.01));
    CHECK(pdfInfo(registerFile).height == doctest::Approx(595.28).epsilon(0.01));
    CHECK(pageTexts(registerFile).front().find("Roundtable") != std::string::npos);

    // And its outcomes, portrait, naming no member.
    chooseDocument(preview, 6);
    REQUIRE(preview->shown());
    CHECK(preview->shown()->printable.label() == "Group outcomes: Group");
    keepScreenshots(preview, "group-outcomes");

    // Esc closes the preview (clicked first: the progress window took the focus with it).
    click(find<wxWindow>(preview, "preview-page"));
    press(WXK_ESCAPE);
    CHECK(waitFor([&] { return frame->printing()->previewWindow() == nullptr; }));

    // Each print and export is in the audit log: what kind of document, from where, no content.
    CHECK(printsAndExports(service.path) ==
          std::vector<std::string>{"export carers-handout framework-02 0",
                                   "print carers-handout framework-02 0",
                                   "export programme-carers-pack core 0",
                                   "print register " + std::to_string(service.group)});

    // Locking closes an open preview: nothing stays on screen.
    openPreview(frame);
    frame->lock();
    CHECK(waitFor([&] { return frame->printing()->previewWindow() == nullptr; }));
    CHECK(frame->printables().empty());

    // Locking under the file dialog of an export: the preview is hidden at once and closed
    // when the export gives up; nothing is written, nothing recorded.
    signInThroughPage(frame);
    auto* again = openPreview(frame);
    bool hidden = false;
    frame->printing()->chooseFilesWith([&](wxWindow*, const std::string&) {
        frame->lock();
        hidden = !again->IsShown();
        return out / "after locking.pdf";
    });
    click(find<wxButton>(again, "preview-export"));
    CHECK(waitFor([&] { return frame->printing()->previewWindow() == nullptr; }));
    CHECK(hidden);
    CHECK_FALSE(std::filesystem::exists(out / "after locking.pdf"));
    CHECK(printsAndExports(service.path).size() == 4);
    closeFrame(frame);
}

TEST_CASE("a session page's print preview shows the plan with its date, group and start time") {
    test::TempDir dir;
    auto path = dir / "service.rtdb";
    records::SessionId session = 0;
    {
        auto store = createTestStore(path);
        practice::Practice practice(store, programme());
        auto group =
            practice.createGroup("Tuesday group", records::GroupKind::treatment, {2, "13:30", 120});
        practice.addMember(group, "Daniel Hughes", "2026-01-01");
        session = practice.planSession(group, "framework-02", "2026-11-03");
    }
    auto* frame = showFrame();
    openFirstSession(frame, path, 1);
    REQUIRE(frame->pages()->GetCurrentPage() == frame->sessionPanel());
    frame->UpdateWindowUI();
    CHECK(frame->GetMenuBar()->FindItem(wxID_PRINT)->GetItemLabelText() ==
          "Print Facilitator's session plan...");

    auto* preview = openPreview(frame);
    auto* choice = find<wxChoice>(preview, "preview-documents");
    CHECK(choice->GetString(0) == "Facilitator's session plan: Making our group rules");
    CHECK(choice->GetSelection() == 0);
    REQUIRE(preview->shown());
    keepScreenshots(preview, "session-plan");
    CHECK(choice->GetString(1) == "Sign-in sheet: Making our group rules");
    CHECK(choice->GetString(2) == "Carers' pack: the whole programme");

    test::TempDir out;
    exportInto(frame, out.path());
    click(find<wxButton>(preview, "preview-export"));
    auto exported = out / "Session plan - Making our group rules.pdf";
    REQUIRE(waitFor([&] { return std::filesystem::exists(exported); }));
    auto text = allText(exported);
    CHECK(text.find("Date: 2026-11-03") != std::string::npos);
    CHECK(text.find("Tuesday group") != std::string::npos);
    CHECK(text.find("13:30") != std::string::npos);
    CHECK(pdfInfo(exported).title == "Session plan: Making our group rules");
    preview->Close();
    CHECK(waitFor([&] { return frame->printing()->previewWindow() == nullptr; }));
    CHECK(printsAndExports(path) ==
          std::vector<std::string>{"export session-plan " + std::to_string(session)});
    closeFrame(frame);
}

TEST_CASE("a member page's progress report is chosen, previewed and exported, his plan a booklet") {
    test::TempDir dir;
    auto path = dir / "service.rtdb";
    SmallService small;
    {
        auto store = createTestStore(path);
        small = writeSmallService(store, programme());
    }
    auto* frame = showFrame();
    REQUIRE(frame->beginOpen(path));
    signInThroughPage(frame);
    REQUIRE(waitFor([&] { return !frame->isLocked(); }));
    frame->memberPanel()->showMember(small.group, small.owen);
    showPage(frame, frame->memberPanel());
    for (int width : {1024, 1366}) {  // the button in reach beside his name at both sizes
        frame->SetSize(width, 768);
        pump(400);
        CHECK(find<wxButton>(frame, "open-report")->GetScreenRect().GetRight() <=
              frame->GetScreenRect().GetRight());
        CHECK(ui::saveScreenshot(frame, std::string(ROUNDTABLE_SCREENSHOT_DIR) +
                                            "/gui-member-page-" + std::to_string(width) + ".png"));
    }

    // The choices: a date that is not one is refused at its field; then a period from
    // 10 September, his open concerns and a summary.
    bool answered = false;
    whenShown("report-choices", [&](wxWindow* dialog) {
        typeInto(find<wxTextCtrl>(dialog, "report-from"), "2026-09-10");
        find<wxCheckBox>(dialog, "report-concerns")->SetValue(true);
        typeInto(find<wxTextCtrl>(dialog, "report-summary"), "He has settled into the group.");
        CHECK(ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-report-choices.png"));
        typeInto(find<wxTextCtrl>(dialog, "report-to"), "2026-09-31");
        click(okButton(dialog));
        auto* message = find<wxStaticText>(dialog, "report-message");
        CHECK(waitFor([&] { return message->GetLabel().StartsWith("Please type a real date"); }));
        CHECK(find<wxTextCtrl>(dialog, "report-to")->GetToolTip());
        CHECK(dialog->IsShown());
        find<wxTextCtrl>(dialog, "report-to")->Clear();  // to today
        click(okButton(dialog));
        answered = true;
    });
    click(find<wxButton>(frame, "open-report"));
    REQUIRE(answered);
    auto* printing = frame->printing();
    REQUIRE(waitFor([&] { return printing->previewWindow() != nullptr; }));
    auto* preview = printing->previewWindow();
    pump(300);
    auto* choice = find<wxChoice>(preview, "preview-documents");
    CHECK(choice->GetString(0) == "Progress report: R0001");
    CHECK(choice->GetString(1) == "Relapse-prevention plan: R0001");
    CHECK(choice->GetString(2) == "His own easy-read plan: R0001");
    keepScreenshots(preview, "member-report");

    test::TempDir out;
    exportInto(frame, out.path());
    click(find<wxButton>(preview, "preview-export"));
    auto exported = [&](const char* prefix) {
        std::filesystem::path found;
        waitFor([&] {
            for (const auto& entry : std::filesystem::directory_iterator(out.path())) {
                if (entry.path().filename().string().starts_with(prefix))
                    found = entry.path();
            }
            return !found.empty();
        });
        return found;
    };
    auto report = exported("Progress report");
    REQUIRE_FALSE(report.empty());
    struct stat status {};
    REQUIRE(::stat(report.c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
    auto text = allText(report);
    CHECK(text.find("He has settled into the group.") != std::string::npos);
    CHECK(text.find(kOwenOpenConcern) != std::string::npos);
    CHECK(text.find("Callum") == std::string::npos);  // his notes name Callum; it names no one

    // His own plan: the preview says how to print the booklet, and the export is one.
    chooseDocument(preview, 2);
    CHECK(find<wxStaticText>(preview, "preview-notice")->GetLabel().Contains("short edge"));
    keepScreenshots(preview, "easy-read-plan");
    click(find<wxButton>(preview, "preview-export"));
    auto booklet = exported("My plan");
    REQUIRE_FALSE(booklet.empty());
    CHECK(pdfInfo(booklet).width == 842);  // A4 on its side, two A5 pages to a side
    // Printed through GTK's print operation (export mode): the same sheets, turned the same way.
    auto printed = out.path() / "printed.pdf";
    preview->print(printed);
    REQUIRE(std::filesystem::exists(printed));
    CHECK(pdfInfo(printed).width == doctest::Approx(841.89).epsilon(0.01));
    CHECK(pdfInfo(printed).pages == pdfInfo(booklet).pages);
    CHECK(pageTexts(printed).front().find("My plan to stay safe") != std::string::npos);
    preview->Close();
    CHECK(waitFor([&] { return printing->previewWindow() == nullptr; }));
    const auto owen = std::to_string(small.owen);
    CHECK(printsAndExports(path) ==
          std::vector<std::string>{"export member-report " + owen,
                                   "export easy-read-relapse-plan " + owen,
                                   "print easy-read-relapse-plan " + owen});
    closeFrame(frame);
}

TEST_CASE("the recovery key page prints its sheet, with the check key, into a private file") {
    test::TempDir dir;
    auto path = dir / "service.rtdb";
    auto* frame = showFrame();
    frame->beginCreate(path);
    typeInto(find<wxTextCtrl>(frame, "setup-login"), kTestLogin);
    typeInto(find<wxTextCtrl>(frame, "setup-passphrase"), kTestPassphrase);
    typeInto(find<wxTextCtrl>(frame, "setup-repeat"), kTestPassphrase);
    click(find<wxButton>(frame, "setup-create"));
    auto* key = find<wxTextCtrl>(frame, "recovery-key");
    REQUIRE(waitFor([&] { return key->IsShownOnScreen(); }));
    const auto recoveryKey = key->GetValue().utf8_string();
    auto checkKey = find<wxStaticText>(frame, "check-key")->GetLabel().utf8_string();
    std::replace(checkKey.begin(), checkKey.end(), '\n', ' ');

    click(find<wxButton>(frame, "recovery-print"));
    auto* printing = frame->printing();
    REQUIRE(waitFor([&] { return printing->previewWindow() != nullptr; }));
    auto* preview = printing->previewWindow();
    pump(300);
    CHECK(find<wxChoice>(preview, "preview-documents")->GetString(0) ==
          "Recovery key sheet: service.rtdb");
    keepScreenshots(preview, "recovery-key");

    test::TempDir out;
    exportInto(frame, out.path());
    click(find<wxButton>(preview, "preview-export"));
    auto sheet = out / "Recovery key.pdf";
    REQUIRE(waitFor([&] { return std::filesystem::exists(sheet); }));
    struct stat status {};
    REQUIRE(::stat(sheet.c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
    std::string text = allText(sheet);
    std::replace(text.begin(), text.end(), '\n', ' ');
    // The key and the check key as printed, line by line, read back in order.
    CHECK(text.find(recoveryKey.substr(0, 19)) != std::string::npos);
    CHECK(text.find(checkKey.substr(0, 17)) != std::string::npos);
    CHECK(text.find("Not secret") != std::string::npos);
    CHECK(preview->message().EndsWith(", readable by you only."));

    // Continuing closes the sheet's preview with the key. (The preview lies over the page, so
    // the button is pressed as its click would press it.)
    auto* done = find<wxButton>(frame, "recovery-done");
    wxCommandEvent pressed(wxEVT_BUTTON, done->GetId());
    pressed.SetEventObject(done);
    done->ProcessWindowEvent(pressed);
    CHECK(waitFor([&] { return printing->previewWindow() == nullptr; }));
    CHECK(printsAndExports(path) == std::vector<std::string>{"export recovery-key-sheet 0"});
    closeFrame(frame);
}

TEST_CASE("the service's details for printing are checked at their field and kept") {
    settings::MemoryStore store;
    auto* dialog = new ui::ServiceDetailsDialog(nullptr, store);
    dialog->Show();
    pump(500);
    typeInto(find<wxTextCtrl>(dialog, "service-name"), "Northside Group Service");
    typeInto(find<wxTextCtrl>(dialog, "service-email"), "groups at example.org");
    click(okButton(dialog));
    auto* message = find<wxStaticText>(dialog, "service-message");
    CHECK(waitFor([&] { return message->GetLabel().StartsWith("Please check the email"); }));
    CHECK(dialog->IsShown());
    CHECK(find<wxTextCtrl>(dialog, "service-email")->GetToolTip());
    CHECK(settings::serviceName.read(store).empty());  // nothing saved yet
    CHECK(ui::saveScreenshot(dialog, ROUNDTABLE_SCREENSHOT_DIR "/gui-service-details.png"));

    typeInto(find<wxTextCtrl>(dialog, "service-email"), "groups@example.org");
    find<wxTextCtrl>(dialog, "service-address")->ChangeValue("12 Mill Lane\nNorthtown NT1 2AB");
    chooseItem(find<wxChoice>(dialog, "service-paper"), 1);          // US Letter
    chooseItem(find<wxChoice>(dialog, "service-member-naming"), 1);  // by their names
    click(okButton(dialog));
    CHECK(waitFor([&] { return !dialog->IsShown(); }));
    auto kept = printing::readPrintPreferences(store);
    CHECK(kept.contact.name == "Northside Group Service");
    CHECK(kept.contact.email == "groups@example.org");
    CHECK(kept.contact.addressLines ==
          std::vector<std::string>{"12 Mill Lane", "Northtown NT1 2AB"});
    CHECK(kept.paper == documents::Paper::letter);
    CHECK(kept.naming == documents::MemberNaming::names);
    dialog->Destroy();
    pump(100);
}
