// Checks as a psychologist types in the module editor: the loader's findings on a draft's
// text, each attached to the field it concerns, the easy-read checks on what members and
// carers read, and each session's activity minutes against the session's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "curriculum/EasyReadLint.h"
#include "curriculum/Finding.h"
#include "curriculum/ModuleEditing.h"
#include "curriculum/ProgrammeLoader.h"

namespace roundtable::curriculum {

/// A finding attached to a field. `finding` holds the line and column in the draft's text as it
/// was checked (ModuleDraft::xml()), the severity and the message.
struct DraftFinding {
    FieldAddress field;
    Finding finding;
};

struct DraftCheckOptions {
    std::string displayName = "module";  ///< how findings name the draft
    /// The programme's picture names; pictures are not checked when null.
    const PictureNames* pictures = nullptr;
    EasyReadRules easyRead;
};

struct DraftCheck {
    /// In the order of the text (findings about the module as a whole first): the loader's and
    /// the editor's own (easy-read, minutes).
    std::vector<DraftFinding> findings;
    /// For each session, by position: its minutes and the sum of its activities'.
    std::vector<SessionMinutes> minutes;

    /// Whether any finding is an error: a draft with errors cannot be sent for review.
    [[nodiscard]] bool hasErrors() const;
    /// The findings attached to exactly this field.
    [[nodiscard]] std::vector<DraftFinding> at(const FieldAddress& field) const;
    /// The findings attached to this field or to any inside it (isInside): for a tree item.
    [[nodiscard]] std::vector<DraftFinding> inside(const FieldAddress& whole) const;
};

/// Checks the draft as it is now. Findings the loader reports at a place that is no field of
/// the editor's (an element the format does not know) go to the nearest field around it; those
/// it reports for the whole text, to the module.
[[nodiscard]] DraftCheck checkDraft(const ModuleDraft& draft,
                                    const DraftCheckOptions& options = {});
/// The same for a module's text.
[[nodiscard]] DraftCheck checkModuleText(std::string_view xml,
                                         const DraftCheckOptions& options = {});

}  // namespace roundtable::curriculum
