// The one edge for failures in the UI (STYLE.md 15): every event handler that calls into
// practice or records runs its work through runGuarded, which turns whatever it throws into a
// plain message on the page, at the refused field when there is one. What escapes a handler
// all the same reaches the application's last-resort handler (see LastResort.h).
#pragma once

#include <functional>
#include <string>

class wxStaticText;
class wxWindow;

namespace roundtable::ui {

/// What went wrong, in words for the user.
struct Failure {
    std::string field;  ///< the input a practice::ValidationError names; empty otherwise
    std::string message;
};

/// The failure the exception being handled describes; call only inside a catch block.
/// A ValidationError keeps its field, a StoreError or DocumentError its message (written for
/// the user); any other exception is described as unexpected.
[[nodiscard]] Failure currentFailure();

using ShowFailure = std::function<void(const Failure&)>;

/// Runs `work`. When it throws a std::exception (a ValidationError, a StoreError or anything
/// else), shows it with `show` instead and returns false.
bool runGuarded(const ShowFailure& show, const std::function<void()>& work);

/// How most pages show a failure: a refused value at its field (tinted and focused, see
/// showRefused), the message in `messageLine`. `fieldFor` finds the control for a field
/// name; it is asked only when a field is named and may return nullptr.
[[nodiscard]] ShowFailure atField(wxStaticText* messageLine,
                                  std::function<wxWindow*(const std::string&)> fieldFor);
/// atField with the control inside `page` named as the field (see fieldNamed).
[[nodiscard]] ShowFailure atNamedField(wxWindow* page, wxStaticText* messageLine);

}  // namespace roundtable::ui
