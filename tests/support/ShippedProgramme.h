// The programme shipped in content-xml/, loaded once per test program, for every suite that
// works from the real curriculum.
#pragma once

#include <stdexcept>

#include "curriculum/ProgrammeLoader.h"

namespace roundtable::test {

inline const curriculum::Programme& shippedProgramme() {
    static const curriculum::LoadResult loaded = curriculum::loadProgramme(ROUNDTABLE_CONTENT);
    if (!loaded.ok())
        throw std::runtime_error("the shipped programme does not load: run the curriculum tests");
    return *loaded.programme;
}

}  // namespace roundtable::test
