// The key is printed four groups to a line so that it fits the page in large type and is
// easy to copy group by group; the line breaks do not matter when it is typed back in
// (the record store ignores dashes, spaces and line breaks in a recovery key). The check key
// is printed in the same large type, in groups of 8 hex digits (two to a line, as four do not
// fit the width), because it is compared by eye.
#include "documents/RecoveryKeySheet.h"
#include "text/Translate.h"

namespace roundtable::documents {
namespace {

constexpr int kGroupsPerLine = 4;
constexpr std::size_t kCheckKeyGroup = 8;
constexpr int kCheckGroupsPerLine = 2;

std::string keyInLines(const std::string& key) {
    std::string lines;
    int groups = 0;
    for (char c : key) {
        if (c == '-' && ++groups % kGroupsPerLine == 0) {
            lines += '\n';
            continue;
        }
        lines += c;
    }
    return lines;
}

}  // namespace

std::string checkKeyInGroups(const std::string& checkKey, int groupsPerLine) {
    std::string grouped;
    for (std::size_t i = 0; i < checkKey.size(); i += kCheckKeyGroup) {
        if (i > 0)
            grouped +=
                (i / kCheckKeyGroup) % static_cast<std::size_t>(groupsPerLine) == 0 ? '\n' : ' ';
        grouped += checkKey.substr(i, kCheckKeyGroup);
    }
    return grouped;
}

Document recoveryKeySheet(const std::string& key, const std::string& databaseName,
                          const std::string& checkKey) {
    Document document;
    document.typography = Typography::standard;
    document.confidential = true;
    document.title = text::tr("Recovery key");
    auto& blocks = document.blocks;
    blocks.push_back(Heading{text::tr("Recovery key"), 1, {}});
    blocks.push_back(Paragraph{databaseName, text::tr("For the database:")});
    blocks.push_back(KeyText{keyInLines(key)});
    blocks.push_back(Heading{text::tr("What it is for"), 2, {}});
    blocks.push_back(
        Paragraph{text::tr("If every passphrase is lost or forgotten, this key is the only way to "
                           "open the records in this database. An administrator types it in to "
                           "unlock the database and then gives users new passphrases."),
                  {}});
    blocks.push_back(
        Paragraph{text::tr("Anyone who has this key and a copy of the database can read every "
                           "record in it. Roundtable does not keep the key: if it is lost as well "
                           "as every passphrase, the records cannot be opened."),
                  {}});
    blocks.push_back(Heading{text::tr("Check key"), 2, {}});
    blocks.push_back(
        Paragraph{text::tr("Not secret: it lets an administrator confirm later that the users are "
                           "the ones this key certified. Keep it with the key."),
                  {}});
    blocks.push_back(KeyText{checkKeyInGroups(checkKey, kCheckGroupsPerLine)});
    blocks.push_back(Heading{text::tr("Where to keep it"), 2, {}});
    blocks.push_back(BulletList{{
        text::tr("In a locked place, such as a safe or a locked drawer, that only the people "
                 "responsible for the records can open."),
        text::tr("Away from the computer and away from any copy or backup of the database."),
        text::tr("Not photographed, scanned or saved on a computer, phone or shared drive."),
    }});
    return document;
}

}  // namespace roundtable::documents
