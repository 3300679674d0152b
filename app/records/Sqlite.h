// Owned SQLite handles: a connection, prepared statements and a transaction that rolls
// back unless committed. Internal to the records library.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "records/Types.h"

namespace roundtable::records::sqlite {

class Statement;
class CachedStatement;

class Connection {
  public:
    /// Opens (or, with `create`, creates) the file. Throws StoreError.
    Connection(const std::filesystem::path& path, bool create);
    struct ReadOnly {};
    /// Opens an existing file only to read it: nothing is written to the file or its -wal
    /// (no recovery, no checkpoint). Throws StoreError.
    Connection(const std::filesystem::path& path, ReadOnly);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void execute(const std::string& sql);
    Statement prepare(const std::string& sql);
    /// The prepared statement for `sql`, prepared on first use and kept for the life of the
    /// connection (preparing is most of the cost of a small write). Borrowed for one use.
    CachedStatement cached(const std::string& sql);
    [[nodiscard]] std::int64_t pragmaInteger(const std::string& name);
    [[nodiscard]] std::string pragmaText(const std::string& name);
    sqlite3* handle() { return db_; }
    /// Work every write transaction does last, inside it, when it commits (the record store
    /// authenticates the rows the transaction wrote). Throwing from it rolls back.
    void setBeforeCommit(std::function<void()> hook) { beforeCommit_ = std::move(hook); }
    /// Work run just after a write transaction begins (e.g. forgetting what the last one did).
    void setAfterBegin(std::function<void()> hook) { afterBegin_ = std::move(hook); }

  private:
    void open(const std::string& name, const std::filesystem::path& path, int flags);
    friend class Transaction;
    sqlite3* db_ = nullptr;
    std::function<void()> beforeCommit_;
    std::function<void()> afterBegin_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
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
    /// Binds the value, or NULL when there is none.
    template <class Kind>
    Statement& bind(int index, Id<Kind> id) {
        return bind(index, id.value());
    }
    template <class Kind>
    Statement& bind(int index, std::optional<Id<Kind>> id) {
        return id ? bind(index, id->value()) : bindNull(index);
    }
    Statement& bind(int index, std::optional<std::int64_t> value) {
        return value ? bind(index, *value) : bindNull(index);
    }
    /// A date is kept as YYYY-MM-DD text.
    Statement& bind(int index, Date date) { return bind(index, date.iso()); }
    Statement& bind(int index, std::optional<Date> date) {
        return date ? bind(index, *date) : bindNull(index);
    }
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
    friend class Connection;
    friend class CachedStatement;
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
    bool borrowed_ = false;  ///< a cached statement in use (see Connection::cached)
};

/// A cached statement borrowed for one use. Reset, with its bindings cleared, when the borrow
/// ends, so that an unfinished read never keeps a snapshot open.
class CachedStatement {
  public:
    explicit CachedStatement(Statement& statement) : statement_(&statement) {
        statement_->borrowed_ = true;
    }
    ~CachedStatement() {
        statement_->reset();
        statement_->borrowed_ = false;
    }
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;
    Statement* operator->() { return statement_; }
    Statement& operator*() { return *statement_; }

  private:
    Statement* statement_;
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
    /// Runs the connection's before-commit work, then COMMIT.
    void commit();

  private:
    Connection& connection_;
    Kind kind_;
    bool done_ = false;
};

/// Throws StoreError with what failed (`english`, marked with text::trLater: it is translated
/// only when it is said) and SQLite's message when `code` is an error.
void check(sqlite3* db, int code, const char* english);

}  // namespace roundtable::records::sqlite
