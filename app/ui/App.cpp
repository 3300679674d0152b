// roundtable: the desktop application. Loads the programme, opens the main window and the
// database named on the command line (or the one used last). No exception ends it: see
// LastResortApp.
#include <wx/cmdline.h>
#include <wx/msgdlg.h>
#include <wx/timer.h>
#include <wx/uilocale.h>

#include "curriculum/ProgrammeLoader.h"
#include "curriculum/ProgrammeLocation.h"
#include "settings/Settings.h"
#include "text/Translate.h"
#include "ui/LastResortApp.h"
#include "ui/MainFrame.h"
#include "ui/Screenshot.h"
#include "ui/StartUp.h"
#include "ui/WxText.h"

namespace roundtable::ui {

class App : public LastResortApp {
  public:
    // Before wx parses the command line, whose help is translated: the environment's language
    // (LANGUAGE, LC_ALL, LANG), which gettext follows, and where the catalogs are.
    App() {
        text::useEnvironmentLanguage();
        text::useCatalogs();
    }

    void OnInitCmdLine(wxCmdLineParser& parser) override {
        wxApp::OnInitCmdLine(parser);
        parser.AddOption("", "db",
                         trWx("database file to open, or a store on a server "
                              "(postgresql://HOST/DATABASE or service=NAME)"),
                         wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "content", trWx("programme folder (default: the shipped programme)"),
                         wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "screenshot",
                         trWx("save a PNG of the window after start-up, then quit (for docs)"),
                         wxCMD_LINE_VAL_STRING);
        // As a file manager launches it (the .desktop file's "roundtable %f").
        parser.AddParam(trWx("database file to open (as --db)"), wxCMD_LINE_VAL_STRING,
                        wxCMD_LINE_PARAM_OPTIONAL);
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        wxString value;
        if (parser.Found("db", &value))
            database_ = fromWx(value);
        if (parser.GetParamCount() > 0) {
            if (!database_.empty()) {
                wxMessageBox(trWx("Name the database once: either FILE or --db FILE."),
                             "Roundtable", wxOK | wxICON_ERROR);
                return false;
            }
            database_ = fromWx(parser.GetParam(0));
        }
        if (parser.Found("content", &value))
            content_ = fromWx(value);
        if (parser.Found("screenshot", &value))
            screenshot_ = fromWx(value);
        return wxApp::OnCmdLineParsed(parser);
    }

    bool OnInit() override {
        if (!wxApp::OnInit())
            return false;
        SetAppName("roundtable");
        wxUILocale::UseDefault();  // dates and numbers as the user's system shows them
        if (content_.empty())
            content_ = curriculum::defaultProgrammeDirectory();
        auto loaded = curriculum::loadProgramme(content_);
        if (!loaded.ok()) {
            auto message =
                text::fill(text::tr("The programme in {1} has errors:"), {content_.string()})
                    .append("\n\n");
            for (const auto& finding : loaded.findings)
                message.append(curriculum::format(finding)).append("\n");
            wxMessageBox(toWx(message), trWx("Roundtable cannot start"), wxOK | wxICON_ERROR);
            return false;
        }
        programme_ = std::move(*loaded.programme);

        settings_ = std::make_unique<settings::IniFileStore>(settings::defaultSettingsPath());
        auto* frame =
            showMainWindow(programme_, *settings_, database_, records::KeyDerivation::standard);
        frame->useShippedProgrammeFrom(content_);
        frame->enablePrinting(*settings_, content_ / "pictures");
        if (!screenshot_.empty()) {
            // Give the window time to be mapped and drawn before copying it.
            timer_.Bind(wxEVT_TIMER, [this, frame](wxTimerEvent&) {
                saveScreenshot(frame, screenshot_);
                frame->Close();
            });
            timer_.StartOnce(1500);
        }
        return true;
    }

  private:
    std::filesystem::path database_;
    std::filesystem::path content_;
    std::string screenshot_;
    curriculum::Programme programme_;
    std::unique_ptr<settings::SettingsStore> settings_;
    wxTimer timer_;
};

}  // namespace roundtable::ui

wxIMPLEMENT_APP(roundtable::ui::App);
