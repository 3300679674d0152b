// A document a page of the app offers to print: what it is called, how it is made (only when
// someone previews, prints or exports it), and how the audit log names it. Each page offers
// its own (PageDocuments.h); the print preview, the printer and Export PDF take any of them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "documents/CarersHandout.h"
#include "documents/Document.h"
#include "documents/Registers.h"

namespace roundtable::printing {

/// What the service chose for its printed documents (PrintPreferences.h keeps them).
struct PrintPreferences {
    documents::ServiceContact contact;  ///< on carers' handouts
    documents::Paper paper = documents::Paper::a4;
    /// How sign-in sheets and registers show the members: codes unless the service chose
    /// names (a sheet may be left where others see it).
    documents::MemberNaming naming = documents::MemberNaming::codes;
};

/// A document made for printing, with anything the person printing it should know first.
struct Printout {
    documents::Document document;
    /// E.g. that the programme changed since the session was planned; empty when nothing.
    std::string notice;
};

struct PrintableDocument {
    /// What kind of document, the same on every page ("carers-handout", "session-plan"): the
    /// person's choice is remembered by it, and it begins the audit log's record kind.
    std::string kind;
    std::string name;     ///< the kind in words, for menus: "Carers' handout"
    std::string subject;  ///< which one: "Making our group rules"; may be empty
    /// Makes the document. Only called when it is wanted; may read records, and throws
    /// (documents::DocumentError, records::StoreError) when it cannot be made.
    std::function<Printout(const PrintPreferences&)> build;
    /// How the audit log names what was printed, never its content: "carers-handout
    /// framework-02" with 0 for a document of the curriculum; "session-plan framework-02" with
    /// the session's id for one made from a record.
    std::string recordKind;
    std::int64_t recordId = 0;
    /// Written readable by its owner only (0600): it names a member or holds a key.
    bool privateFile = false;

    /// "Carers' handout: Making our group rules".
    [[nodiscard]] std::string label() const;
};

/// Builds `printable` on the paper of `preferences`.
[[nodiscard]] Printout prepare(const PrintableDocument& printable,
                               const PrintPreferences& preferences);

}  // namespace roundtable::printing
