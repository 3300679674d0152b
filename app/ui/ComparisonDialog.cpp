// The headings name sessions and activities by their place and title as a facilitator sees
// them (never by id); the styles are wxTextAttr's, which GTK shows in a rich text control.
#include "ui/ComparisonDialog.h"

#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "text/Translate.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

using curriculum::ChangeKind;
using curriculum::FieldChange;
using curriculum::WordRun;

const wxColour kRemovedColour(150, 20, 20);
const wxColour kAddedColour(20, 100, 30);

class Writer {
  public:
    explicit Writer(wxTextCtrl* view)
        : view_(view), plain_(view->GetDefaultStyle()), bold_(plain_) {
        bold_.SetFontWeight(wxFONTWEIGHT_BOLD);
    }

    /// A blank line before every heading but the first.
    void heading(const std::string& text) {
        write(toWx((first_ ? "" : "\n") + text + "\n"), bold_);
        first_ = false;
    }
    void subheading(const std::string& text) {
        write(toWx(std::string("  ").append(text).append("\n")), bold_);
    }

    void changes(const std::vector<FieldChange>& changes, const std::string& indent) {
        for (const auto& each : changes)
            change(each, indent);
    }

  private:
    void change(const FieldChange& change, const std::string& indent) {
        std::string name = text::tr(change.field.c_str());
        if (change.isListEntry()) {
            const int position = change.newerPosition ? change.newerPosition : change.olderPosition;
            name.append(" ").append(std::to_string(position));
        }
        if (!change.part.empty())
            name.append(" (").append(text::tr(change.part.c_str())).append(")");
        write(toWx(indent + "\u2022 " + name), plain_);
        switch (change.kind) {
            case ChangeKind::added:
                write(toWx(std::string(" ").append(text::tr("added:")).append(" ")), plain_);
                run(change.newer, true);
                break;
            case ChangeKind::removed:
                write(toWx(std::string(" ").append(text::tr("removed:")).append(" ")), plain_);
                run(change.older, false);
                break;
            case ChangeKind::moved:
                write(toWx(std::string(" ")
                               .append(text::fill(text::tr("moved from place {1} to {2}:"),
                                                  {std::to_string(change.olderPosition),
                                                   std::to_string(change.newerPosition)}))
                               .append(" ")
                               .append(change.newer)),
                      plain_);
                break;
            case ChangeKind::changed:
                write(": ", plain_);
                if (change.words.empty()) {
                    run(change.older.empty() ? text::tr("(nothing)") : change.older, false);
                    write(toWx(" \u2192 "), plain_);
                    run(change.newer.empty() ? text::tr("(nothing)") : change.newer, true);
                } else {
                    for (const auto& words : change.words) {
                        if (words.kind == WordRun::Kind::kept)
                            write(toWx(words.words), plain_);
                        else
                            run(words.words, words.kind == WordRun::Kind::added);
                        write(" ", plain_);
                    }
                }
                break;
        }
        write("\n", plain_);
    }

    /// Removed words struck through, added words underlined: the colour is not the only sign.
    void run(const std::string& words, bool added) {
        wxTextAttr style(plain_);
        style.SetTextColour(added ? kAddedColour : kRemovedColour);
        if (added)
            style.SetFontUnderlined(true);
        else
            style.SetFontStrikethrough(true);
        write(toWx(words), style);
    }
    void write(const wxString& text, const wxTextAttr& style) {
        view_->SetDefaultStyle(style);
        view_->AppendText(text);
    }

    wxTextCtrl* view_;
    wxTextAttr plain_;
    wxTextAttr bold_;
    bool first_ = true;
};

/// "Session 3: Saying no (added)" from `what` "Session {1}: {2}".
std::string titled(const std::string& what, int older, int newer, const std::string& title,
                   ChangeKind kind) {
    std::string text = text::fill(what, {std::to_string(newer ? newer : older), title});
    switch (kind) {
        case ChangeKind::added:
            return text.append(" ").append(text::tr("(added)"));
        case ChangeKind::removed:
            return text.append(" ").append(text::tr("(removed)"));
        case ChangeKind::moved:
            return text.append(" ").append(
                text::fill(text::tr("(moved from place {1})"), {std::to_string(older)}));
        case ChangeKind::changed:
            break;
    }
    return text;
}

}  // namespace

void writeComparison(wxTextCtrl* view, const curriculum::ModuleComparison& comparison) {
    view->Clear();
    Writer writer(view);
    if (!comparison.changes.empty()) {
        writer.heading(text::tr("The module"));
        writer.changes(comparison.changes, "  ");
    }
    for (const auto& indicator : comparison.indicators) {
        writer.heading(titled(text::tr("Progress indicator {1}: {2}"), indicator.olderPosition,
                              indicator.newerPosition, indicator.label, indicator.kind));
        writer.changes(indicator.changes, "  ");
    }
    for (const auto& session : comparison.sessions) {
        writer.heading(titled(text::tr("Session {1}: {2}"), session.olderPosition,
                              session.newerPosition, session.title, session.kind));
        writer.changes(session.changes, "  ");
        for (const auto& activity : session.activities) {
            writer.subheading(titled(text::tr("Activity {1}: {2}"), activity.olderPosition,
                                     activity.newerPosition, activity.title, activity.kind));
            writer.changes(activity.changes, "    ");
        }
        if (!session.handout.empty()) {
            writer.subheading(text::tr("Carers' handout"));
            writer.changes(session.handout, "    ");
        }
    }
    if (comparison.same())
        view->AppendText(trWx("The two versions have the same content."));
    view->ShowPosition(0);
}

void showComparison(wxWindow* parent, const std::string& title,
                    const curriculum::ModuleComparison& comparison) {
    wxDialog dialog(parent, wxID_ANY, toWx(title), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    dialog.SetName("comparison");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* view = new wxTextCtrl(&dialog, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                dialog.FromDIP(wxSize(760, 520)),
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxTE_WORDWRAP);
    view->SetName("compare-text");
    writeComparison(view, comparison);
    sizer->Add(view, wxSizerFlags(1).Expand().Border(wxALL, 8));
    sizer->Add(dialog.CreateButtonSizer(wxCLOSE), wxSizerFlags().Expand().Border(wxALL, 8));
    dialog.SetSizerAndFit(sizer);
    dialog.SetEscapeId(wxID_CLOSE);
    dialog.ShowModal();
}

}  // namespace roundtable::ui
