// Owned SQLite handles: a connection, prepared statements and a transaction that rolls
// back unless committed. Internal to the records library.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace roundtable::records::sqlite {

class Statement;

class Connection {
  public:
    /// Opens (or, with `create`, creates) the file. Throws StoreError.
    Connection(const std::filesystem::path& path, bool create);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void execute(const std::string& sql);
    Statement prepare(const std::string& sql);
    [[nodiscard]] std::int64_t lastInsertId() const;
    [[nodiscard]] std::int64_t pragmaInteger(const std::string& name);
    [[nodiscard]] std::string pragmaText(const std::string& name);
    sqlite3* handle() { return db_; }

  private:
    sqlite3* db_ = nullptr;
};

class Statement {
  public:
    Statement(sqlite3* db, const std::string& sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind(int index, const std::string& value);
    Statement& bindNull(int index);
    Statement& bindBlob(int index, const std::vector<unsigned char>& value);
    /// Steps once; true while there is a row to read.
    bool step();
    /// Runs a statement that returns no rows.
    void run();
    void reset();
    sqlite3_stmt* handle() { return statement_; }

    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::vector<unsigned char> blob(int column) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
};

/// BEGIN IMMEDIATE (or, for a read snapshot, BEGIN plus a first read) in the constructor;
/// ROLLBACK in the destructor unless commit() ran.
class Transaction {
  public:
    enum class Kind { write, read };
    explicit Transaction(Connection& connection, Kind kind = Kind::write);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Connection& connection_;
    bool done_ = false;
};

/// Throws StoreError with `what` and SQLite's message when `code` is an error.
void check(sqlite3* db, int code, const std::string& what);

}  // namespace roundtable::records::sqlite
