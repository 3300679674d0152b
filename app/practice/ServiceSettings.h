// The service's own settings that are kept with its records (not with one computer's
// preferences), because they decide what the records show everyone: how much of a session a
// man must stay for it to count as had, when a falling session rating is an alert (whole
// percentages, read with a default until an administrator sets them), and whether signed notes
// need a clinical lead's review.
#pragma once

#include <optional>
#include <string>

#include "records/RecordStore.h"

namespace roundtable::practice {

struct PercentSetting {
    const char* name;    ///< as the records keep it
    int defaultPercent;  ///< until set
    const char* field;   ///< where a form shows a refusal
};

/// The share of a session's minutes a man who left early must have stayed for it to count as
/// had (CatchUps.h).
inline constexpr PercentSetting kCatchUpShare{"catch-up-share-percent", 50, "catch-up-share"};
/// A session rating below this share of its scale is an alert (HomePage.h).
inline constexpr PercentSetting kRatingAlertBelow{"rating-alert-below-percent", 40,
                                                  "rating-alert-below"};
/// A session rating this share of its scale below the mean of his previous ones is an alert.
inline constexpr PercentSetting kRatingAlertDrop{"rating-alert-drop-percent", 30,
                                                 "rating-alert-drop"};

/// The setting's percentage: its default when never set, or damaged outside Roundtable.
[[nodiscard]] int percentSetting(records::RecordStore& store, const PercentSetting& setting);
/// Sets it (recorded and audited like every record); ValidationError at the setting's field
/// for anything but 1 to 100.
void setPercentSetting(records::RecordStore& store, const PercentSetting& setting, int percent);

/// Since when (UTC, ISO 8601) signed notes need a clinical lead's review: the moment an
/// administrator last turned it on (notes signed before are not asked for). Nothing while it is
/// off, as it is until turned on, or when the setting was damaged outside Roundtable.
[[nodiscard]] std::optional<std::string> reviewsRequiredSince(records::RecordStore& store);
void setReviewsRequired(records::RecordStore& store, bool required);

/// Whether a signed `note` awaits review: never reviewed, or returned and amended since (the
/// rule RecordStore::notesAwaitingReview applies in the database).
[[nodiscard]] bool awaitsReview(const records::ProgressNote& note);

}  // namespace roundtable::practice
