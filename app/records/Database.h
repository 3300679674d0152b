// The record store's connection to its database, whichever engine holds it: prepared
// statements, a cache of them, and a transaction that rolls back unless committed. The SQL
// handed to it is written once for every engine (docs/server-store.md); what differs between
// engines lives behind Engine. Internal to the records library.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "records/Types.h"

namespace roundtable::records::db {

/// The kind of a value read, numbered as SQLite numbers its storage classes: a row's tag
/// hashes this number (RowLedger.cpp), so it must not change.
enum class ValueType : unsigned char { integer = 1, real = 2, text = 3, blob = 4, null = 5 };

/// One engine's prepared statement. Indexes of parameters count from 1, of columns from 0.
class StatementEngine {
  public:
    virtual ~StatementEngine() = default;
    virtual void bind(int index, std::int64_t value) = 0;
    virtual void bind(int index, std::string_view value) = 0;
    virtual void bindBlob(int index, const std::vector<unsigned char>& value) = 0;
    virtual void bindNull(int index) = 0;
    /// Steps once; true while there is a row to read.
    virtual bool step() = 0;
    /// Back to the start, with the bindings cleared.
    virtual void reset() = 0;
    [[nodiscard]] virtual int columnCount() const = 0;
    [[nodiscard]] virtual std::string columnName(int column) const = 0;
    [[nodiscard]] virtual ValueType type(int column) const = 0;
    [[nodiscard]] virtual std::int64_t integer(int column) const = 0;
    /// The value as text; an integer as its decimal digits, NULL as "".
    [[nodiscard]] virtual std::string text(int column) const = 0;
    [[nodiscard]] virtual std::vector<unsigned char> blob(int column) const = 0;
};

/// Which engine: the few parts of the store that differ between them ask (docs/server-store.md).
enum class Dialect { sqlite, postgresql };

/// One engine's connection. Errors are thrown as StoreError, written for a person.
class Engine {
  public:
    virtual ~Engine() = default;
    [[nodiscard]] virtual Dialect dialect() const = 0;
    /// Runs SQL without parameters, perhaps several statements.
    virtual void execute(const std::string& sql) = 0;
    [[nodiscard]] virtual std::unique_ptr<StatementEngine> prepare(const std::string& sql) = 0;
    /// Begins a write transaction that no other writer can interleave with.
    virtual void beginWrite() = 0;
    /// Begins a read transaction and takes its snapshot at once.
    virtual void beginRead() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    /// Connects again after the connection was lost (ConnectionLost), with the same
    /// parameters; statements prepared before stay usable (prepared again when next run).
    /// Throws ConnectionLost while the database still cannot be reached. A file is never
    /// lost, so there is nothing to do for one.
    virtual void reconnect() {}
    /// From now on, hears when another connection commits a write (heardOfWrites). A file's
    /// engine cannot: its callers look for themselves.
    virtual void listenForWrites() {}
    /// Whether a write was committed (here or elsewhere) since last asked, as far as the
    /// engine can tell without a query; true when it cannot tell. Throws ConnectionLost.
    virtual bool heardOfWrites() { return true; }
};

class CachedStatement;

class Statement {
  public:
    explicit Statement(std::unique_ptr<StatementEngine> engine) : engine_(std::move(engine)) {}
    Statement(Statement&&) noexcept = default;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value) {
        engine_->bind(index, value);
        return *this;
    }
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind(int index, const std::string& value) {
        engine_->bind(index, std::string_view(value));
        return *this;
    }
    Statement& bindNull(int index) {
        engine_->bindNull(index);
        return *this;
    }
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
    Statement& bindBlob(int index, const std::vector<unsigned char>& value) {
        engine_->bindBlob(index, value);
        return *this;
    }
    /// Steps once; true while there is a row to read.
    bool step() { return engine_->step(); }
    /// Runs a statement that returns no rows.
    void run() {
        while (step()) {
        }
    }
    void reset() { engine_->reset(); }

    [[nodiscard]] int columnCount() const { return engine_->columnCount(); }
    [[nodiscard]] std::string columnName(int column) const { return engine_->columnName(column); }
    [[nodiscard]] ValueType type(int column) const { return engine_->type(column); }
    [[nodiscard]] bool isNull(int column) const { return type(column) == ValueType::null; }
    [[nodiscard]] std::int64_t integer(int column) const { return engine_->integer(column); }
    [[nodiscard]] std::string text(int column) const { return engine_->text(column); }
    [[nodiscard]] std::vector<unsigned char> blob(int column) const {
        return engine_->blob(column);
    }

  private:
    friend class Connection;
    friend class CachedStatement;
    std::unique_ptr<StatementEngine> engine_;
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

class Connection {
  public:
    explicit Connection(std::unique_ptr<Engine> engine) : engine_(std::move(engine)) {}
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void execute(const std::string& sql) { engine_->execute(sql); }
    Statement prepare(const std::string& sql) { return Statement(engine_->prepare(sql)); }
    /// The prepared statement for `sql`, prepared on first use and kept for the life of the
    /// connection (preparing is most of the cost of a small write). Borrowed for one use.
    CachedStatement cached(const std::string& sql);
    /// The engine, for the code that belongs to one (a file's pragmas, a server's settings).
    Engine& engine() { return *engine_; }
    [[nodiscard]] Dialect dialect() const { return engine_->dialect(); }
    /// Work every write transaction does last, inside it, when it commits (the record store
    /// authenticates the rows the transaction wrote). Throwing from it rolls back.
    void setBeforeCommit(std::function<void()> hook) { beforeCommit_ = std::move(hook); }
    /// Work run just after a write transaction begins (e.g. forgetting what the last one did).
    void setAfterBegin(std::function<void()> hook) { afterBegin_ = std::move(hook); }
    /// Work run when the connection was lost while a write transaction committed, so that
    /// nobody is left guessing: it returns when the commit happened after all, and throws
    /// (StoreError, or ConnectionLost while that cannot be known yet) when it did not.
    void setAfterLostCommit(std::function<void()> hook) { afterLostCommit_ = std::move(hook); }
    /// Connects again (Engine::reconnect); statements prepared before stay usable.
    void reconnect() { engine_->reconnect(); }

  private:
    friend class Transaction;
    std::unique_ptr<Engine> engine_;
    std::function<void()> beforeCommit_;
    std::function<void()> afterBegin_;
    std::function<void()> afterLostCommit_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

/// A write transaction (no other writer between its beginning and its end) or a read
/// snapshot, begun in the constructor; rolled back in the destructor unless commit() ran.
class Transaction {
  public:
    enum class Kind { write, read };
    explicit Transaction(Connection& connection, Kind kind = Kind::write);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    /// Runs the connection's before-commit work, then commits. When the connection is lost
    /// during the commit itself, the connection's after-lost-commit work says what happened.
    void commit();

  private:
    Connection& connection_;
    Kind kind_;
    bool done_ = false;
};

}  // namespace roundtable::records::db
