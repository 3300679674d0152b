// The carers' handout of a curriculum session, and the carers' pack (the handouts of one or
// more modules with a contents page). Built from the curriculum alone: they cannot name a
// member or say how many men are in a group, because nothing here knows.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "curriculum/Programme.h"
#include "documents/Document.h"

namespace roundtable::documents {

/// Whom carers should contact: the service's details, a setting of the service.
struct ServiceContact {
    std::string name;
    std::string phone;
    std::string email;
    std::vector<std::string> addressLines;

    [[nodiscard]] bool empty() const;
};

/// "What the group did: SESSION TITLE": what the session covered, how carers can help, what
/// to look out for, things to talk about, and whom to contact (space to write it in when
/// `contact` is empty). Easy-read.
[[nodiscard]] Document carersHandout(const curriculum::Module& module,
                                     const curriculum::Session& session,
                                     const ServiceContact& contact);

/// The handouts of every session of `modules`, each starting on a new page, after a contents
/// page that gives the page each one starts on. Easy-read.
[[nodiscard]] Document carersPack(std::span<const curriculum::Module> modules,
                                  const ServiceContact& contact);

}  // namespace roundtable::documents
