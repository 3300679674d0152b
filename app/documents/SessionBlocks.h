// The pieces of a curriculum session that more than one document shows, written once so that the
// printed plan, the carers' handout and the app's session content (SessionContent.h) say the
// same things in the same words: an activity's kind in words and its guidance, a list under its
// heading, and the handout's four sections. Internal to app/documents and its users.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "curriculum/Programme.h"
#include "documents/Document.h"
#include "records/Types.h"

namespace roundtable::documents {

/// "Check-in", "Role-play", "Between sessions": an activity kind (content-xml/README.md lists
/// them) in words, translated; a kind the list does not know with its first letter raised.
[[nodiscard]] std::string kindInWords(std::string_view kind);

/// `items` as a bullet list under a heading of `level`; nothing when there are none.
void addListBlocks(std::vector<Block>& blocks, const std::string& heading, int level,
                   std::span<const std::string_view> items);

/// What the facilitator reads of an activity: "Teaching, 30 minutes", its guidance paragraphs,
/// the guidance added for the group when its plan was adapted ("For this group:"), then "Adapt:"
/// and "Watch for:" with their text (when it has them).
void addGuidanceBlocks(std::vector<Block>& blocks, const curriculum::Activity& activity,
                       std::string_view addedGuidance = {});

/// What a plan on record kept of an activity the curriculum no longer holds: "Teaching, 30
/// minutes" and its guidance text (with any added for the group).
void addPlannedGuidanceBlocks(std::vector<Block>& blocks, const records::PlannedActivity& activity);

/// The carers' handout sections of `session` (what was covered, how to help, what to look out
/// for, things to talk about), each point with its picture, under headings of `level`; a
/// section without points is left out.
void addHandoutBlocks(std::vector<Block>& blocks, const curriculum::Module& module,
                      const curriculum::Session& session, int level);

}  // namespace roundtable::documents
