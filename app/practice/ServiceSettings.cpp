// Kept as record settings in the scope "service", so they are authenticated and audited like
// the records they change the reading of.
#include "practice/ServiceSettings.h"

#include <algorithm>
#include <charconv>

#include "practice/Practice.h"  // ValidationError
#include "text/Translate.h"

namespace roundtable::practice {

int percentSetting(records::RecordStore& store, const PercentSetting& setting) {
    auto kept = store.recordSetting("service", setting.name);
    if (!kept || !kept->damage.empty())
        return setting.defaultPercent;
    const auto& value = kept->value;
    int percent = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), percent);
    const bool read = error == std::errc() && end == value.data() + value.size();
    return read && percent >= 1 && percent <= 100 ? percent : setting.defaultPercent;
}

void setPercentSetting(records::RecordStore& store, const PercentSetting& setting, int percent) {
    if (percent < 1 || percent > 100)
        throw ValidationError(setting.field, text::tr("Please give a percentage from 1 to 100."));
    store.setRecordSetting("service", setting.name, std::to_string(percent));
}

namespace {
constexpr const char* kReviewsRequired = "notes-need-review";
}

std::optional<std::string> reviewsRequiredSince(records::RecordStore& store) {
    auto kept = store.recordSetting("service", kReviewsRequired);
    if (!kept || !kept->damage.empty() || kept->value != "yes")
        return std::nullopt;
    return kept->setAt;
}

void setReviewsRequired(records::RecordStore& store, bool required) {
    store.setRecordSetting("service", kReviewsRequired, required ? "yes" : "no");
}

bool awaitsReview(const records::ProgressNote& note) {
    if (note.state != records::NoteState::signedOff)
        return false;
    if (note.reviews.empty())
        return true;
    const auto& newest = note.reviews.back();
    return newest.outcome == records::ReviewOutcome::returned &&
           std::any_of(note.amendments.begin(), note.amendments.end(), [&](const auto& amendment) {
               return amendment.createdAt >= newest.reviewedAt;
           });
}

}  // namespace roundtable::practice
