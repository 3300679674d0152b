// The sheet printed when a database is created: the recovery key, what it is for and where to
// keep it, nothing else. Whoever writes it to a file passes privateFile (PdfFile.h): the key
// opens every record.
#pragma once

#include <string>

#include "documents/Document.h"

namespace roundtable::documents {

/// `key` as RecordStore gives it (groups of four characters joined by dashes); `databaseName`
/// the database file's name, so the sheet says which file the key opens.
[[nodiscard]] Document recoveryKeySheet(const std::string& key, const std::string& databaseName);

}  // namespace roundtable::documents
