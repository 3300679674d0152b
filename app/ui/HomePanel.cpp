// Each list is as tall as its lines (up to a few, then it scrolls), so that every kind of work
// is in view at once on a laptop's screen; the page itself scrolls when they do not fit.
#include "ui/HomePanel.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <cmath>
#include <cstdio>

#include "text/Translate.h"
#include "ui/Guarded.h"
#include "ui/WxText.h"

namespace roundtable::ui {
namespace {

constexpr int kVisibleRows = 6;  // a longer list scrolls inside itself

std::string daysInWords(int days) {
    return text::fill(text::trn("{1} day", "{1} days", static_cast<unsigned long>(std::abs(days))),
                      {std::to_string(std::abs(days))});
}

/// "overdue by 3 days", "due today", "due in 2 days".
std::string dueInWords(int daysLeft) {
    if (daysLeft < 0)
        return text::fill(text::tr("overdue by {1}"), {daysInWords(daysLeft)});
    if (daysLeft == 0)
        return text::tr("due today");
    return text::fill(text::tr("due in {1}"), {daysInWords(daysLeft)});
}

std::string memberInWords(const records::Member& member) {
    return member.code + "  " + member.name;
}

std::string oneDecimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

}  // namespace

HomePanel::HomePanel(wxWindow* parent, Callbacks callbacks)
    : wxScrolledWindow(parent, wxID_ANY), callbacks_(std::move(callbacks)) {
    SetName("home");
    title_ = heading(this, wxEmptyString);
    title_->SetName("home-title");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title_, wxSizerFlags().Border(wxALL, 8));
    sessions_ =
        addSection(sizer, "home-sessions",
                   {{text::tr("When"), 200}, {text::tr("Group"), 180}, {text::tr("Session"), 320}});
    notes_ = addSection(sizer, "home-notes",
                        {{text::tr("Session"), 150},
                         {text::tr("Member"), 190},
                         {text::tr("Note"), 260},
                         {text::tr("Group"), 150}});
    returned_ = addSection(sizer, "home-returned",
                           {{text::tr("Session"), 150},
                            {text::tr("Member"), 190},
                            {text::tr("Returned by"), 260},
                            {text::tr("Comment"), 300}});
    reviews_ = addSection(sizer, "home-reviews",
                          {{text::tr("Session"), 150},
                           {text::tr("Member"), 190},
                           {text::tr("Note"), 260},
                           {text::tr("Group"), 150}});
    actions_ = addSection(sizer, "home-actions",
                          {{text::tr("Due"), 160},
                           {text::tr("Member"), 200},
                           {text::tr("Action"), 260},
                           {text::tr("By"), 140}});
    measures_ = addSection(sizer, "home-measures",
                           {{text::tr("Due"), 160},
                            {text::tr("Member"), 200},
                            {text::tr("Measure"), 240},
                            {text::tr("Time point"), 220}});
    alerts_ =
        addSection(sizer, "home-alerts",
                   {{text::tr("Taken"), 160}, {text::tr("Member"), 200}, {text::tr("What"), 420}});
    SetSizer(sizer);
    SetScrollRate(0, FromDIP(16));
}

HomePanel::Section HomePanel::addSection(
    wxSizer* sizer, const char* name, std::initializer_list<std::pair<const char*, int>> columns) {
    Section section{new wxStaticText(this, wxID_ANY, wxEmptyString),
                    reportList(this, name, columns)};
    section.heading->SetFont(section.heading->GetFont().Bold());
    showRowsInFull(section.list, nullptr);  // a long action or comment, over its row
    section.list->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                       [this, section](wxListEvent& event) { open(section, event.GetIndex()); });
    sizer->Add(section.heading, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    sizer->Add(section.list, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    return section;
}

void HomePanel::attach(practice::Practice* practice) {
    practice_ = practice;
    refresh();
}

void HomePanel::refresh() {
    page_ = {};
    std::string title;
    if (practice_) {
        auto user = practice_->currentUser();
        title = text::fill(text::tr("{1}, {2}"),
                           {user ? user->login : std::string(), readableDate(practice_->today())});
        // A page that cannot be gathered says why where the lists would be.
        runGuarded([&title](const Failure& failure) { title = failure.message; },
                   [this] { page_ = practice_->homePage(); });
    }
    title_->SetLabel(toWx(title));

    std::vector<std::vector<std::string>> rows;
    for (const auto& line : page_.sessions) {
        const auto when = readableDate(line.session.date) + "  " + line.session.startsAt;
        rows.push_back({line.notRecorded ? text::fill(text::tr("{1}: not recorded"), {when}) : when,
                        line.group.name,
                        line.session.isCatchUp()
                            ? text::fill(text::tr("Catch-up: {1}"), {line.session.title})
                            : line.session.title});
    }
    fill(sessions_, text::tr("Sessions to record, and the next of each group"), rows);

    rows.clear();
    for (const auto& line : page_.notes) {
        rows.push_back({readableDate(line.session.date), memberInWords(line.member),
                        !line.damage.empty() ? text::tr("damaged: open to see why")
                        : line.draftBy       ? text::fill(text::tr("draft by {1}, {2}"),
                                                          {*line.draftBy, dueInWords(-line.daysOverdue)})
                                             : text::fill(text::tr("not begun, {1}"),
                                                          {dueInWords(-line.daysOverdue)}),
                        line.group.name});
    }
    fill(notes_, text::tr("Notes to write or sign"), rows);

    rows.clear();
    for (const auto& line : page_.returned) {
        const auto& review = line.note.review;
        rows.push_back(
            {readableDate(line.session.date), memberInWords(line.member),
             text::fill(text::tr("{1}, {2}"),
                        {review.reviewer, readableDate(practice::dateOf(review.reviewedAt))}),
             review.comment});
    }
    fill(returned_, text::tr("Notes returned to you: answer with a correction"), rows);

    rows.clear();
    for (const auto& line : page_.reviews) {
        rows.push_back({readableDate(line.session.date), memberInWords(line.member),
                        line.note.answered
                            ? text::fill(text::tr("by {1}, corrected since you returned it"),
                                         {line.note.author})
                            : text::fill(text::tr("by {1}, signed {2}"),
                                         {line.note.author,
                                          readableDate(practice::dateOf(line.note.signedAt))}),
                        line.group.name});
    }
    fill(reviews_, text::tr("Notes awaiting your review"), rows);
    // Only a clinical lead reviews, and only while the service asks for reviews.
    const auto user = practice_ ? practice_->currentUser() : std::nullopt;
    const bool reviews =
        user && user->role == records::Role::clinicalLead && practice_->reviewsRequired();
    reviews_.heading->Show(reviews);
    reviews_.list->Show(reviews && !page_.reviews.empty());

    rows.clear();
    for (const auto& line : page_.actions) {
        rows.push_back({dueInWords(line.daysLeft), memberInWords(line.member), line.action.action,
                        line.action.owner});
    }
    fill(actions_, text::tr("Concern actions due"), rows);

    rows.clear();
    for (const auto& line : page_.measures) {
        rows.push_back({readableDate(line.dueOn), memberInWords(line.member), line.measureName,
                        line.timePointLabel});
    }
    fill(measures_, text::tr("Outcome measures due"), rows);

    rows.clear();
    for (const auto& line : page_.alerts) {
        const auto rated =
            text::fill(text::tr("{1}: {2}"), {line.measureName, std::to_string(line.rating.score)});
        rows.push_back({readableDate(line.rating.takenOn), memberInWords(line.member),
                        line.recentMean ? text::fill(text::tr("{1}, down from an average of {2}"),
                                                     {rated, oneDecimal(*line.recentMean)})
                                        : text::fill(text::tr("{1}, low"), {rated})});
    }
    fill(alerts_, text::tr("Alerts: session ratings"), rows);
    Layout();
    FitInside();
}

void HomePanel::fill(const Section& section, const char* title,
                     const std::vector<std::vector<std::string>>& rows) {
    section.heading->SetLabel(
        toWx(text::fill(text::tr("{1} ({2})"), {title, std::to_string(rows.size())})));
    auto* list = section.list;
    list->DeleteAllItems();
    for (const auto& cells : rows) {
        const long row = list->InsertItem(list->GetItemCount(), toWx(cells.at(0)));
        for (std::size_t column = 1; column < cells.size(); ++column)
            list->SetItem(row, static_cast<int>(column), toWx(cells[column]));
    }
    list->Show(!rows.empty());
    // As tall as its lines, up to kVisibleRows: the header and each row.
    wxRect rowRect;
    const int rowHeight = list->GetItemCount() > 0 && list->GetItemRect(0, rowRect)
                              ? rowRect.height
                              : list->GetCharHeight() + FromDIP(8);
    const int shown = std::min<int>(static_cast<int>(rows.size()), kVisibleRows);
    // Narrow at least: the page's width decides, and the columns scroll inside it.
    list->SetMinSize(wxSize(FromDIP(240), rowHeight * (shown + 1) + FromDIP(12)));
}

void HomePanel::open(const Section& section, long row) {
    if (row < 0)
        return;
    const auto index = static_cast<std::size_t>(row);
    if (section.list == sessions_.list && index < page_.sessions.size()) {
        callbacks_.openSession(page_.sessions[index].session.id);
    } else if (section.list == notes_.list && index < page_.notes.size()) {
        const auto& line = page_.notes[index];
        callbacks_.openSessionOn(line.session.id, line.member.id);
    } else if (section.list == returned_.list && index < page_.returned.size()) {
        const auto& line = page_.returned[index];
        callbacks_.openSessionOn(line.session.id, line.member.id);
    } else if (section.list == reviews_.list && index < page_.reviews.size()) {
        const auto& line = page_.reviews[index];
        callbacks_.openSessionOn(line.session.id, line.member.id);
    } else if (section.list == actions_.list && index < page_.actions.size()) {
        const auto& line = page_.actions[index];
        callbacks_.openMember(line.group.id, line.member.id, MemberTab::concerns);
    } else if (section.list == measures_.list && index < page_.measures.size()) {
        const auto& line = page_.measures[index];
        callbacks_.openMember(line.group.id, line.member.id, MemberTab::scores);
    } else if (section.list == alerts_.list && index < page_.alerts.size()) {
        const auto& line = page_.alerts[index];
        callbacks_.openMember(line.group.id, line.member.id, MemberTab::scores);
    }
}

}  // namespace roundtable::ui
