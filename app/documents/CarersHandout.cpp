// The handout's wording around the curriculum's own points is written for carers: plain
// words, one idea per line, each with a picture, nothing about any man in particular.
#include "documents/CarersHandout.h"
#include "documents/SessionBlocks.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

/// The contact details one to a line, or a line to write them on.
void addContact(std::vector<Block>& blocks, const ServiceContact& contact) {
    blocks.push_back(Heading{text::tr("Who to contact"), 2, {}});
    if (contact.empty()) {
        blocks.push_back(
            EasyReadPoint{"phone", text::tr("Write here who to call and their phone number.")});
        blocks.push_back(WritingSpace{{}, 2});
        return;
    }
    std::string lines;
    auto addLine = [&](const std::string& line) {
        if (line.empty())
            return;
        if (!lines.empty())
            lines += '\n';
        lines += line;
    };
    addLine(contact.name);
    addLine(contact.phone.empty() ? "" : text::fill(text::tr("Phone: {1}"), {contact.phone}));
    addLine(contact.email.empty() ? "" : text::fill(text::tr("Email: {1}"), {contact.email}));
    for (const auto& line : contact.addressLines)
        addLine(line);
    blocks.push_back(EasyReadPoint{"phone", lines});
}

std::string handoutTitle(const curriculum::Session& session) {
    return text::fill(text::tr("What the group did: {1}"), {session.title});
}

/// One handout's blocks; `anchor` lets a contents page point at its title. The title is in
/// two parts, each short enough to read at a glance.
void addHandout(std::vector<Block>& blocks, const curriculum::Module& module,
                const curriculum::Session& session, const ServiceContact& contact,
                const std::string& anchor) {
    blocks.push_back(Heading{text::tr("What the group did"), 1, anchor});
    blocks.push_back(Heading{std::string(session.title), 2, {}});
    blocks.push_back(EasyReadPoint{
        "group", text::fill(text::tr("This session was part of: {1}."), {module.title})});
    blocks.push_back(
        EasyReadPoint{"private", text::tr("Please keep this paper somewhere private.")});
    addHandoutBlocks(blocks, module, session, 2);
    addContact(blocks, contact);
}

}  // namespace

bool ServiceContact::empty() const {
    return name.empty() && phone.empty() && email.empty() && addressLines.empty();
}

Document carersHandout(const curriculum::Module& module, const curriculum::Session& session,
                       const ServiceContact& contact) {
    Document document;
    document.title = handoutTitle(session);
    addHandout(document.blocks, module, session, contact, {});
    return document;
}

Document carersPack(std::span<const curriculum::Module> modules, const ServiceContact& contact) {
    Document document;
    document.title = text::tr("Handouts for carers");
    document.blocks.push_back(Heading{document.title, 1, {}});
    if (modules.size() == 1) {
        document.blocks.push_back(EasyReadPoint{
            "group", text::fill(text::tr("This pack is about: {1}."), {modules[0].title})});
    }
    document.blocks.push_back(
        EasyReadPoint{"worksheet", text::tr("Each handout tells you about one group session.")});
    document.blocks.push_back(
        EasyReadPoint{"private", text::tr("Please keep these papers somewhere private.")});
    document.blocks.push_back(Heading{text::tr("What is in this pack"), 2, {}});

    Contents contents;
    std::vector<Block> handouts;
    for (const auto& module : modules) {
        // A pack of several modules lists each module's title above its sessions.
        if (modules.size() > 1)
            contents.entries.push_back({std::string(module.title), {}});
        for (const auto& session : module.sessions) {
            std::string anchor(session.id);
            contents.entries.push_back({std::string(session.title), anchor});
            handouts.emplace_back(std::in_place_type<PageBreak>);
            addHandout(handouts, module, session, contact, anchor);
        }
    }
    document.blocks.push_back(std::move(contents));
    document.blocks.insert(document.blocks.end(), std::make_move_iterator(handouts.begin()),
                           std::make_move_iterator(handouts.end()));
    return document;
}

}  // namespace roundtable::documents
