// The curriculum's content on screen (issue 14, item 14), driven as a facilitator would: a
// session chosen in the curriculum tree shows, below it, every activity's guidance, "adapt",
// "watch for" and easy-read points with their pictograms, and the carers' handout; on the
// session page, an activity clicked in the plan shows its own content beside it, and a click in
// the register brings the note back. Texts and pictures are checked against the programme loaded
// from content-xml/, never against copies. Screenshots at 1366x768 and 1024x768 (and 200% under
// GDK_SCALE=2).
#include <doctest/doctest.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/treectrl.h>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "gui/GuiDriver.h"
#include "ui/MainFrame.h"
#include "ui/Screenshot.h"
#include "ui/SessionContentView.h"
#include "ui/SessionPanel.h"
#include "ui/WxText.h"

using namespace roundtable;
using namespace roundtable::test;

namespace {

/// The names of the pictures `view` shows (each "content-picture-NAME"), in order.
std::vector<std::string> picturesShown(wxWindow* view) {
    std::vector<std::string> names;
    for (auto* child : view->GetChildren()) {
        const auto name = ui::fromWx(child->GetName());
        if (!name.starts_with("content-picture-"))
            continue;
        auto* bitmap = dynamic_cast<wxStaticBitmap*>(child);
        // A real picture, drawn and at least as large as a line of text is tall.
        if (bitmap && bitmap->IsShown() && bitmap->GetBitmap().IsOk() &&
            bitmap->GetSize().y >= bitmap->FromDIP(32))
            names.push_back(name.substr(std::string("content-picture-").size()));
    }
    return names;
}

std::vector<std::string> picturesOf(std::span<const curriculum::EasyReadPoint> points) {
    std::vector<std::string> names;
    for (const auto& point : points)
        names.emplace_back(point.picture);
    return names;
}

bool holds(const std::string& text, std::string_view part) {
    return text.find(std::string(part)) != std::string::npos;
}

/// Every label of `view` lies within its width, nothing cut off on the right, and is as tall as
/// its lines: no wrapped line hidden below it.
void checkNothingCut(ui::SessionContentView* view) {
    const int width = view->GetClientSize().x;
    for (auto* child : view->GetChildren()) {
        if (!dynamic_cast<wxStaticText*>(child) && !dynamic_cast<wxStaticBitmap*>(child))
            continue;
        if (auto* label = dynamic_cast<wxStaticText*>(child)) {
            // As tall as its lines set in its own font (a pixel or two either way).
            const auto needed = label->GetTextExtent(label->GetLabelText());
            CHECK_MESSAGE(label->GetSize().y + 3 >= needed.y,
                          "a line of \"" << ui::fromWx(label->GetLabel()) << "\" is cut off ("
                                         << label->GetSize().y << " pixels high for " << needed.y
                                         << ")");
        }
        CHECK_MESSAGE(child->GetRect().GetRight() < width,
                      ui::fromWx(child->GetName()) << " is cut off at the right: \""
                                                   << ui::fromWx(child->GetLabel()) << "\"");
    }
}

/// Scrolls `view` so that its first pictogram is near the top, for a screenshot that shows them.
void scrollToFirstPicture(ui::SessionContentView* view) {
    for (auto* child : view->GetChildren()) {
        if (!ui::fromWx(child->GetName()).starts_with("content-picture-"))
            continue;
        int x = 0;
        int y = 0;
        view->CalcUnscrolledPosition(0, child->GetPosition().y, &x, &y);
        int unitX = 0;
        int unitY = 1;
        view->GetScrollPixelsPerUnit(&unitX, &unitY);
        view->Scroll(0, std::max(0, (y - view->FromDIP(120)) / std::max(1, unitY)));
        pump(200);
        return;
    }
}

/// "-200pct" under GDK_SCALE=2, else nothing: screenshots at each scale kept apart.
std::string scaleSuffix(wxWindow* frame) {
    const auto scale = frame->GetContentScaleFactor();
    std::string suffix;
    if (scale > 1)
        suffix.append("-").append(std::to_string(int(scale * 100))).append("pct");
    return suffix;
}

/// At 1366x768 and 1024x768: nothing of `view` cut off, tall enough to read a few points at a
/// time, and pictured at its top and at its first picture (gui-content-<what>-<width>x768...).
void checkAtBothSizes(wxWindow* frame, ui::SessionContentView* view, const std::string& what) {
    for (auto size : {wxSize(1366, 768), wxSize(1024, 768)}) {
        frame->SetSize(size);
        pump(400);
        CAPTURE(size.x);
        checkNothingCut(view);
        CHECK(view->GetClientSize().y >= view->FromDIP(200));
        const auto name = std::string(ROUNDTABLE_SCREENSHOT_DIR "/gui-content-") + what + "-" +
                          std::to_string(size.x) + "x768" + scaleSuffix(frame);
        CHECK(ui::saveScreenshot(frame, name + ".png"));
        scrollToFirstPicture(view);
        CHECK(ui::saveScreenshot(frame, name + "-pictures.png"));
        view->Scroll(0, 0);
    }
}

}  // namespace

TEST_CASE("the curriculum preview shows a session's whole content with its pictograms") {
    SeededService service({"Daniel Hughes", "Aaron Price"}, "framework-01", true);
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    openFirstSession(frame, service.path, 2);
    const auto found = programme().findSession("framework-02");
    REQUIRE(found);
    const auto& session = *found->session;

    auto* tree = find<wxTreeCtrl>(frame, "curriculum-tree");
    clickTreeItem(tree, treeItem(tree, 0, 1));
    auto* view = find<ui::SessionContentView>(frame, "curriculum-preview");
    REQUIRE(waitFor([&] { return holds(view->text(), session.title); }));
    const auto text = view->text();
    for (const auto& objective : session.objectives)
        CHECK(holds(text, objective));
    for (const auto& material : session.materials)
        CHECK(holds(text, material));
    std::vector<std::string> pictures;
    for (const auto& activity : session.activities) {
        CAPTURE(activity.title);
        CHECK(holds(text, activity.title));
        for (const auto& paragraph : activity.guidance)
            CHECK(holds(text, paragraph));
        CHECK(holds(text, activity.adapt));
        CHECK(holds(text, activity.watch));
        for (const auto& point : activity.easyRead)
            CHECK(holds(text, point.text));
        auto more = picturesOf(activity.easyRead);
        pictures.insert(pictures.end(), more.begin(), more.end());
    }
    for (const auto& section : {session.handout.covered, session.handout.help,
                                session.handout.watch, session.handout.talk}) {
        for (const auto& point : section)
            CHECK(holds(text, point.text));
        auto more = picturesOf(section);
        pictures.insert(pictures.end(), more.begin(), more.end());
    }
    // Every point's own pictogram, drawn, in order; none left as a name in its place.
    REQUIRE(pictures.size() > 5);
    CHECK(picturesShown(view) == pictures);
    CHECK_FALSE(wxWindow::FindWindowByName("content-missing-picture", view));

    // Tab from the tree reaches the content; the keys then scroll it.
    tree->SetFocus();
    pump(100);
    press(WXK_TAB);
    CHECK(waitFor([&] { return wxWindow::FindFocus() == view; }));
    int x = 0;
    int y = 0;
    press(WXK_PAGEDOWN);
    view->GetViewStart(&x, &y);
    CHECK(y > 0);
    const int afterPage = y;
    press(WXK_DOWN);
    view->GetViewStart(&x, &y);
    CHECK(y == afterPage + 1);
    press(WXK_HOME);
    view->GetViewStart(&x, &y);
    CHECK(y == 0);

    checkAtBothSizes(frame, view, "curriculum");
    closeFrame(frame);
}

TEST_CASE("the session page shows the chosen activity's content beside the plan") {
    SeededService service({"Daniel Hughes", "Aaron Price"}, "framework-01", true);
    const auto& session = *programme().findSession("framework-01")->session;
    REQUIRE(session.activities.size() > 2);
    auto* frame = showFrame();
    frame->SetSize(wxSize(1366, 768));
    auto* registerList = openFirstSession(frame, service.path, 2);
    auto* content = find<ui::SessionContentView>(frame, "session-content");
    auto* side = find<wxNotebook>(frame, "session-side");
    auto* notePage = find<wxWindow>(frame, "note-page");
    CHECK(notePage->IsShownOnScreen());  // the note first, as before
    // Nothing chosen in the plan: the session's objectives, materials and carers' handout.
    CHECK(holds(content->text(), session.objectives.front()));
    CHECK(holds(content->text(), session.handout.help.front().text));
    CHECK_FALSE(holds(content->text(), session.activities[1].guidance.front()));

    // Its tab, clicked: that overview, with the pictures of the handout.
    clickTab(side, 1);
    REQUIRE(waitFor([&] { return content->IsShownOnScreen(); }));
    pump(200);
    checkNothingCut(content);
    CHECK(picturesShown(content).size() ==
          session.handout.covered.size() + session.handout.help.size() +
              session.handout.watch.size() + session.handout.talk.size());
    CHECK(ui::saveScreenshot(frame, ROUNDTABLE_SCREENSHOT_DIR
                                        "/gui-content-session-overview-1366x768" +
                                        scaleSuffix(frame) + ".png"));
    // A member chosen in the register: his note again.
    clickListRow(registerList, 1);
    CHECK(waitFor([&] { return notePage->IsShownOnScreen(); }));

    const auto& activity = session.activities[1];
    auto* plan = find<wxListCtrl>(frame, "session-plan");
    clickListRow(plan, 1);
    REQUIRE(waitFor([&] { return content->IsShownOnScreen(); }));
    const auto text = content->text();
    CHECK(text.starts_with("2. " + std::string(activity.title) + "\n"));
    for (const auto& paragraph : activity.guidance)
        CHECK(holds(text, paragraph));
    CHECK(holds(text, activity.adapt));
    CHECK(holds(text, activity.watch));
    for (const auto& point : activity.easyRead)
        CHECK(holds(text, point.text));
    CHECK_FALSE(holds(text, session.activities[0].adapt));  // that activity's only
    CHECK(picturesShown(content) == picturesOf(activity.easyRead));

    checkAtBothSizes(frame, content, "session");

    // Another activity, then the register: its note comes back beside it, ready to write.
    clickListRow(plan, 0);
    CHECK(waitFor([&] { return holds(content->text(), session.activities[0].title); }));
    CHECK(picturesShown(content) == picturesOf(session.activities[0].easyRead));
    clickListRow(registerList, 0);
    CHECK(waitFor([&] { return notePage->IsShownOnScreen(); }));
    CHECK(side->GetSelection() == 0);
    closeFrame(frame);
}
