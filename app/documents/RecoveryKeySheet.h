// The sheet printed when a database is created: the recovery key, what it is for and where to
// keep it, and the check key that goes with it; nothing else. Whoever writes it to a file
// passes privateFile (PdfFile.h): the key opens every record.
#pragma once

#include <string>

#include "documents/Document.h"

namespace roundtable::documents {

/// `key` as RecordStore gives it (groups of four characters joined by dashes); `databaseName`
/// the database file's name, so the sheet says which file the key opens; `checkKey` the
/// recovery key's public check key (hex, CreatedDatabase::recoveryPublicKey).
[[nodiscard]] Document recoveryKeySheet(const std::string& key, const std::string& databaseName,
                                        const std::string& checkKey);

/// The check key in groups of 8 hex digits, `groupsPerLine` to a line: readable aloud and easy
/// to compare by eye, on paper (two to a line in the sheet's large type) and on screen alike.
[[nodiscard]] std::string checkKeyInGroups(const std::string& checkKey, int groupsPerLine);

}  // namespace roundtable::documents
