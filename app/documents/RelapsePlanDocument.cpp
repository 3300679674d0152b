// Each of the plan's usual headings has its own picture, chosen from the curriculum's
// pictures by what the heading is about; a heading of the facilitator's own has the plan's.
#include "documents/RelapsePlanDocument.h"

#include <array>

#include "practice/Dates.h"
#include "practice/Practice.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

/// The pictures of practice::relapsePlanHeadings(), in the same order.
constexpr std::array<const char*, 6> kHeadingPictures = {
    "warning-sign",    // My warning signs
    "risky-place",     // Risky situations for me
    "strategy",        // What I will do
    "support-worker",  // People who help me
    "goal",            // What I want for my life
    "ask-help",        // If things go wrong
};
constexpr const char* kPlanPicture = "plan";

const char* pictureFor(const std::string& heading) {
    const auto& headings = practice::relapsePlanHeadings();
    for (std::size_t i = 0; i < headings.size() && i < kHeadingPictures.size(); ++i) {
        if (headings[i] == heading)
            return kHeadingPictures[i];
    }
    return kPlanPicture;
}

}  // namespace

Document easyReadRelapsePlan(const practice::MemberPlan& plan) {
    Document document;
    document.title = text::tr("My plan to stay safe");
    document.booklet = true;  // A5 pages, folded from A4: small enough to carry
    auto& blocks = document.blocks;
    blocks.push_back(Heading{text::tr("My plan to stay safe"), 1, {}});
    blocks.push_back(EasyReadPoint{
        kPlanPicture, text::fill(text::tr("This is the plan of {1}."), {plan.member.name})});
    blocks.push_back(EasyReadPoint{
        "calendar", text::fill(text::tr("We made it on {1}."),
                               {practice::dateInWords(practice::dateOf(plan.plan.createdAt))})});
    blocks.push_back(EasyReadPoint{"private", text::tr("Keep it with you. It is private.")});
    for (const auto& section : plan.plan.sections) {
        blocks.push_back(Heading{text::tr(section.heading.c_str()), 2, {}});  // stored in English
        blocks.push_back(EasyReadPoint{pictureFor(section.heading), section.body});
    }
    return document;
}

Document formalRelapsePlan(const practice::MemberPlan& plan, practice::DateOrder dates) {
    Document document;
    document.typography = Typography::standard;
    document.confidential = true;
    document.title = text::fill(text::tr("Relapse-prevention plan: {1}"), {plan.member.code});
    auto& blocks = document.blocks;
    blocks.push_back(Heading{text::tr("Relapse-prevention plan"), 1, {}});
    blocks.push_back(
        Paragraph{text::fill(text::tr("{1} (code {2})"), {plan.member.name, plan.member.code}),
                  text::tr("Member:")});
    blocks.push_back(
        Paragraph{text::fill(text::tr("{1}, written {2} by {3}"),
                             {std::to_string(plan.plan.version),
                              practice::formatDate(practice::dateOf(plan.plan.createdAt), dates),
                              plan.plan.createdBy}),
                  text::tr("Version:")});
    blocks.push_back(
        Paragraph{text::tr("This plan is confidential. It was written with him, in his own words; "
                           "he keeps an easy-read copy of it. It is for the people who support him "
                           "day to day: his residential service and his care manager."),
                  {}});
    for (const auto& section : plan.plan.sections) {
        blocks.push_back(Heading{text::tr(section.heading.c_str()), 2, {}});  // stored in English
        blocks.push_back(Paragraph{section.body, {}});
    }
    return document;
}

}  // namespace roundtable::documents
