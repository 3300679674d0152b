// A curriculum session as the app shows it on screen (the curriculum preview and the session
// page): what it is for, what to bring, each activity with everything the XML says about it
// (guidance, adapt, watch for, the men's easy-read points with their pictures) and the carers'
// handout. Plain Document values (Document.h), so that what is shown is tested without a
// display and is made of the same pieces as the printed plan and handout (SessionBlocks.h).
#pragma once

#include <cstddef>
#include <string_view>

#include "curriculum/Programme.h"
#include "documents/Document.h"
#include "records/Types.h"

namespace roundtable::documents {

/// The whole session: its title, the module it is from, its objectives and materials, every
/// activity (activityBlocks) and the carers' handout. Standard typography: it is for staff.
[[nodiscard]] Document sessionContent(const curriculum::Module& module,
                                      const curriculum::Session& session);

/// The session without its activities: title, module, objectives, materials and the carers'
/// handout (the session page with no activity chosen in its plan).
[[nodiscard]] Document sessionOverview(const curriculum::Module& module,
                                       const curriculum::Session& session);

/// One activity, `number` being its place in the session from 1: "2. TITLE" as a heading,
/// "Teaching, 30 minutes", its guidance (then `addedGuidance`, added for the group), "Adapt:",
/// "Watch for:", then "For the men" and its easy-read points, each with its picture.
[[nodiscard]] Document activityContent(const curriculum::Activity& activity, std::size_t number,
                                       std::string_view addedGuidance = {});

/// An activity of a plan on record that the curriculum it was planned from no longer holds:
/// what the record kept of it (title, kind, minutes and guidance text).
[[nodiscard]] Document plannedActivityContent(const records::PlannedActivity& activity,
                                              std::size_t number);

/// A module: its title, version and phase, summary, aims and its sessions with their minutes
/// (the curriculum preview with a module chosen).
[[nodiscard]] Document moduleContent(const curriculum::Module& module);

}  // namespace roundtable::documents
