// The summary keeps the curriculum's points as they are: they were written for the men.
#include "documents/EasyReadSummary.h"
#include "text/Translate.h"

namespace roundtable::documents {

Document easyReadSummary(const curriculum::Session& session) {
    Document document;
    document.title = text::fill(text::tr("What we did today: {1}"), {session.title});
    document.blocks.push_back(Heading{text::tr("What we did today"), 1, {}});
    document.blocks.push_back(Heading{std::string(session.title), 2, {}});
    for (const auto& activity : session.activities) {
        for (const auto& point : activity.easyRead)
            document.blocks.push_back(
                EasyReadPoint{std::string(point.picture), std::string(point.text)});
    }
    return document;
}

}  // namespace roundtable::documents
