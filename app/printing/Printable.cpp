// The paper is set here, once, for every kind of document: builders never see it.
#include "printing/Printable.h"

namespace roundtable::printing {

std::string PrintableDocument::label() const {
    return subject.empty() ? name : name + ": " + subject;
}

Printout prepare(const PrintableDocument& printable, const PrintPreferences& preferences) {
    auto printout = printable.build(preferences);
    printout.document.paper = preferences.paper;
    return printout;
}

}  // namespace roundtable::printing
