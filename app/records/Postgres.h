// The PostgreSQL engine of the record store's database (Database.h), through libpq: a
// server that a team's computers share (issue 15, docs/server-store.md). Values come back as
// SQLite gives them (an integer as INTEGER with its decimal text, a boolean as 0 or 1), so a
// row's tag is the same on both engines. Internal to the records library.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "records/Database.h"

namespace roundtable::records::postgres {

/// Connects to a server: `connection` is anything libpq accepts (a connection string such as
/// "service=clinic dbname=roundtable", or a URI "postgresql:///roundtable?service=clinic");
/// what it leaves out comes from libpq's usual places (PG* variables, the service file,
/// .pgpass). Throws StoreError, or ConnectionLost when the server cannot be reached. A lost
/// network shows within seconds: connecting gives up after 10 s, a connection whose server
/// stops answering is dropped after 10 s (TCP; the connection may say otherwise).
[[nodiscard]] std::unique_ptr<db::Engine> connect(const std::string& connection);

/// `sql` with SQLite's placeholders written as the server's: each `?` becomes $1, $2 ... in
/// order, `?N` becomes $N. Quoted text and names are left as they are.
[[nodiscard]] std::string numberedPlaceholders(std::string_view sql);

namespace testing {
/// For the tests of a connection lost while a transaction commits: the next commit (in this
/// process) calls `drop` with its connection's socket, just before sending COMMIT, or just
/// after (`afterSending`), when the server will commit but the reply cannot arrive.
void dropAtNextCommit(bool afterSending, std::function<void(int socket)> drop);
}  // namespace testing

}  // namespace roundtable::records::postgres
