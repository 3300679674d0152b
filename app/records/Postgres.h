// The PostgreSQL engine of the record store's database (Database.h), through libpq: a
// server that a team's computers share (issue 15, docs/server-store.md). Values come back as
// SQLite gives them (an integer as INTEGER with its decimal text, a boolean as 0 or 1), so a
// row's tag is the same on both engines. Internal to the records library.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "records/Database.h"

namespace roundtable::records::postgres {

/// Connects to a server: `connection` is anything libpq accepts (a connection string such as
/// "service=clinic dbname=roundtable", or a URI "postgresql:///roundtable?service=clinic");
/// what it leaves out comes from libpq's usual places (PG* variables, the service file,
/// .pgpass). Throws StoreError, saying plainly when the server cannot be reached.
[[nodiscard]] std::unique_ptr<db::Engine> connect(const std::string& connection);

/// `sql` with SQLite's placeholders written as the server's: each `?` becomes $1, $2 ... in
/// order, `?N` becomes $N. Quoted text and names are left as they are.
[[nodiscard]] std::string numberedPlaceholders(std::string_view sql);

}  // namespace roundtable::records::postgres
