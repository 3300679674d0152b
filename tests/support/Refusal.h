// What a use case refused, as the tests of app/practice compare it: "field: message" of the
// ValidationError it threw, so that one CHECK says both where and what.
#pragma once

#include <functional>
#include <string>

#include "practice/Practice.h"

namespace roundtable::test {

/// "field: message" of the ValidationError `action` throws; "accepted" when it throws none.
inline std::string fieldOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const practice::ValidationError& error) {
        return error.field() + ": " + error.what();
    }
    return "accepted";
}

}  // namespace roundtable::test
