// The SQLite engine. Errors become StoreError with a message a person can act on.
#include "records/Sqlite.h"

#include <stdexcept>

#include "records/PrivateFile.h"
#include "records/Types.h"
#include "text/Translate.h"

namespace roundtable::records::sqlite {

void check(sqlite3* db, int code, const char* english) {
    if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE)
        return;
    const std::string what = text::tr(english);
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    switch (code & 0xff) {
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            throw StoreError(text::fill(
                text::tr("{1}: the file is damaged or is not a Roundtable database ({2})"),
                {what, detail}));
        case SQLITE_FULL:
            throw StoreError(text::fill(text::tr("{1}: the disk is full ({2})"), {what, detail}));
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw StoreError(text::fill(
                text::tr("{1}: the database is busy in another program ({2})"), {what, detail}));
        default:
            throw StoreError(what + ": " + detail);
    }
}

namespace {

class SqliteStatement final : public db::StatementEngine {
  public:
    SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
        check(db_, sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement_, nullptr),
              text::trLater("Cannot prepare a database query"));
    }
    ~SqliteStatement() override { sqlite3_finalize(statement_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    void bind(int index, std::int64_t value) override {
        checkBind(sqlite3_bind_int64(statement_, index, value));
    }
    void bind(int index, std::string_view value) override {
        checkBind(sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                                    SQLITE_TRANSIENT));
    }
    void bindBlob(int index, const std::vector<unsigned char>& value) override {
        // An empty vector has no data pointer, which SQLite would take for NULL.
        if (value.empty())
            return checkBind(sqlite3_bind_zeroblob(statement_, index, 0));
        checkBind(sqlite3_bind_blob(statement_, index, value.data(), static_cast<int>(value.size()),
                                    SQLITE_TRANSIENT));
    }
    void bindNull(int index) override { checkBind(sqlite3_bind_null(statement_, index)); }
    bool step() override {
        int code = sqlite3_step(statement_);
        if (code == SQLITE_ROW)
            return true;
        if (code == SQLITE_DONE)
            return false;
        check(db_, code, text::trLater("The database refused the change"));
        return false;
    }
    void reset() override {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
    int columnCount() const override { return sqlite3_column_count(statement_); }
    std::string columnName(int column) const override {
        return sqlite3_column_name(statement_, column);
    }
    db::ValueType type(int column) const override {
        return static_cast<db::ValueType>(sqlite3_column_type(statement_, column));
    }
    std::int64_t integer(int column) const override {
        return sqlite3_column_int64(statement_, column);
    }
    std::string text(int column) const override {
        // The bytes before their size: asking for them may convert the value.
        auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
        return bytes
                   ? std::string(bytes,
                                 static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                   : std::string{};
    }
    std::vector<unsigned char> blob(int column) const override {
        const auto* bytes =
            static_cast<const unsigned char*>(sqlite3_column_blob(statement_, column));
        return bytes ? std::vector<unsigned char>(bytes,
                                                  bytes + sqlite3_column_bytes(statement_, column))
                     : std::vector<unsigned char>{};
    }

  private:
    void checkBind(int code) { check(db_, code, text::trLater("Cannot bind a value")); }
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
};

class SqliteEngine final : public db::Engine {
  public:
    SqliteEngine(const std::string& name, const std::filesystem::path& path, int flags) {
        int code = sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
        if (code != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
            sqlite3_close(db_);
            throw StoreError(text::fill(text::tr("Cannot open the database {1}: {2}"),
                                        {path.string(), message}));
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, 5000);
    }
    // Statements are finalised first (db::Connection's cache), so this closes at once.
    ~SqliteEngine() override { sqlite3_close_v2(db_); }
    SqliteEngine(const SqliteEngine&) = delete;
    SqliteEngine& operator=(const SqliteEngine&) = delete;

    db::Dialect dialect() const override { return db::Dialect::sqlite; }
    void execute(const std::string& sql) override {
        char* error = nullptr;
        int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
        if (error)
            sqlite3_free(error);
        check(db_, code, text::trLater("Database command failed"));
    }
    std::unique_ptr<db::StatementEngine> prepare(const std::string& sql) override {
        return std::make_unique<SqliteStatement>(db_, sql);
    }
    void beginWrite() override { execute("BEGIN IMMEDIATE"); }
    // A deferred transaction takes its snapshot at the first read.
    void beginRead() override { execute("BEGIN; SELECT COUNT(*) FROM sqlite_schema;"); }
    void commit() override { execute("COMMIT"); }
    void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
    sqlite3* handle() { return db_; }

  private:
    sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<db::Engine> openFile(const std::filesystem::path& path, bool create) {
    // SQLite would create the file with mode 0644 (less the umask); records are for their
    // owner only. Its -wal and -shm files take the mode of this file.
    if (create)
        createPrivateFile(path);
    return std::make_unique<SqliteEngine>(
        path.string(), path, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
}

std::unique_ptr<db::Engine> openFileToRead(const std::filesystem::path& path) {
    // The file name as a URI, so that it can say "immutable": SQLite decodes %HH in the
    // path and ends it at '?' or '#', so those three are encoded.
    std::string uri = "file:";
    for (char c : path.string()) {
        switch (c) {
            case '%':
                uri += "%25";
                break;
            case '?':
                uri += "%3F";
                break;
            case '#':
                uri += "%23";
                break;
            default:
                uri += c;
        }
    }
    // Read-only, SQLite still creates an empty -wal (and -shm) beside a WAL-mode file that has
    // none. With no -wal there is no log to read, and "immutable" makes it read the file alone.
    if (!std::filesystem::exists(path.string() + "-wal"))
        uri += "?immutable=1";
    return std::make_unique<SqliteEngine>(uri, path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
}

std::unique_ptr<db::Engine> openInMemory() {
    return std::make_unique<SqliteEngine>(":memory:", ":memory:", SQLITE_OPEN_READWRITE);
}

sqlite3* handle(db::Connection& connection) {
    auto* engine = dynamic_cast<SqliteEngine*>(&connection.engine());
    if (!engine)
        throw std::logic_error("a file's handle asked of a connection to a server");
    return engine->handle();
}

std::int64_t pragmaInteger(db::Connection& connection, const std::string& name) {
    auto statement = connection.prepare("PRAGMA " + name);
    return statement.step() ? statement.integer(0) : 0;
}

std::string pragmaText(db::Connection& connection, const std::string& name) {
    auto statement = connection.prepare("PRAGMA " + name);
    return statement.step() ? statement.text(0) : std::string{};
}

}  // namespace roundtable::records::sqlite
