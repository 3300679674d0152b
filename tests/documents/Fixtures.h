// What the documents suite builds from: the programme shipped in content-xml/ (loaded once),
// a session of it by id, its pictures, and a service's contact details.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include "curriculum/ProgrammeLoader.h"
#include "documents/CarersHandout.h"
#include "support/ShippedProgramme.h"

namespace roundtable::test {

inline curriculum::Programme::SessionRef shippedSession(const std::string& id) {
    auto found = shippedProgramme().findSession(id);
    if (!found)
        throw std::runtime_error("the shipped programme has no session " + id);
    return *found;
}

inline const std::filesystem::path kShippedPictures =
    std::filesystem::path(ROUNDTABLE_CONTENT) / "pictures";

/// A made-up service (the phone number is from the UK's range for drama).
inline const documents::ServiceContact kContact{"Northside Group Service",
                                                "01632 960 123",
                                                "groups@example.org",
                                                {"12 Mill Lane", "Northtown NT1 2AB"}};

}  // namespace roundtable::test
