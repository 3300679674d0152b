// Runs a function when a scope ends, however it ends (return or exception): for what must
// happen even after a failure, such as wiping the key when the database is locked
// (STYLE.md 15).
#pragma once

#include <utility>

namespace roundtable::practice {

/// `action` runs in the destructor, so it must not throw.
template <typename Action>
class ScopeExit {
  public:
    explicit ScopeExit(Action action) : action_(std::move(action)) {}
    ~ScopeExit() { action_(); }
    ScopeExit(const ScopeExit&) = delete;
    ScopeExit& operator=(const ScopeExit&) = delete;

  private:
    Action action_;
};

}  // namespace roundtable::practice
