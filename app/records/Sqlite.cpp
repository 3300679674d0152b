// Owned SQLite handles. Errors become StoreError with a message a person can act on.
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

Connection::Connection(const std::filesystem::path& path, bool create) {
    // SQLite would create the file with mode 0644 (less the umask); records are for their
    // owner only. Its -wal and -shm files take the mode of this file.
    if (create)
        createPrivateFile(path);
    open(path.string(), path, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
}

Connection::Connection(const std::filesystem::path& path, ReadOnly) {
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
    open(uri, path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
}

void Connection::open(const std::string& name, const std::filesystem::path& path, int flags) {
    int code = sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (code != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(
            text::fill(text::tr("Cannot open the database {1}: {2}"), {path.string(), message}));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
}

Connection::~Connection() {
    cache_.clear();  // finalise every statement before closing
    sqlite3_close_v2(db_);
}

void Connection::execute(const std::string& sql) {
    char* error = nullptr;
    int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (error)
        sqlite3_free(error);
    check(db_, code, text::trLater("Database command failed"));
}

Statement Connection::prepare(const std::string& sql) {
    return Statement(db_, sql);
}

CachedStatement Connection::cached(const std::string& sql) {
    auto& slot = cache_[sql];
    if (!slot)
        slot = std::make_unique<Statement>(db_, sql);
    if (slot->borrowed_) {
        // Two borrows of one statement would reset each other's rows: a programming error.
        throw std::logic_error("cached statement used twice at once: " + sql);
    }
    return CachedStatement(*slot);
}

std::int64_t Connection::pragmaInteger(const std::string& name) {
    auto statement = prepare("PRAGMA " + name);
    return statement.step() ? statement.integer(0) : 0;
}

std::string Connection::pragmaText(const std::string& name) {
    auto statement = prepare("PRAGMA " + name);
    return statement.step() ? statement.text(0) : std::string{};
}

Statement::Statement(sqlite3* db, const std::string& sql) : db_(db) {
    check(db_, sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement_, nullptr),
          text::trLater("Cannot prepare a database query"));
}

Statement::~Statement() {
    sqlite3_finalize(statement_);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), statement_(other.statement_) {
    other.statement_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(db_, sqlite3_bind_int64(statement_, index, value), text::trLater("Cannot bind a value"));
    return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
    check(db_,
          sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT),
          text::trLater("Cannot bind a value"));
    return *this;
}

Statement& Statement::bindBlob(int index, const std::vector<unsigned char>& value) {
    check(db_,
          sqlite3_bind_blob(statement_, index, value.data(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT),
          text::trLater("Cannot bind a value"));
    return *this;
}

Statement& Statement::bindNull(int index) {
    check(db_, sqlite3_bind_null(statement_, index), text::trLater("Cannot bind a value"));
    return *this;
}

bool Statement::step() {
    int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    check(db_, code, text::trLater("The database refused the change"));
    return false;
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(statement_, column);
}

std::string Statement::text(int column) const {
    auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return bytes ? std::string(bytes,
                               static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                 : std::string{};
}

std::vector<unsigned char> Statement::blob(int column) const {
    const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(statement_, column));
    return bytes
               ? std::vector<unsigned char>(bytes, bytes + sqlite3_column_bytes(statement_, column))
               : std::vector<unsigned char>{};
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

Transaction::Transaction(Connection& connection, Kind kind) : connection_(connection), kind_(kind) {
    if (kind == Kind::write) {
        connection_.execute("BEGIN IMMEDIATE");
        if (connection_.afterBegin_)
            connection_.afterBegin_();
    } else {
        // A deferred transaction takes its snapshot at the first read.
        connection_.execute("BEGIN; SELECT COUNT(*) FROM sqlite_schema;");
    }
}

Transaction::~Transaction() {
    if (!done_)
        sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    if (kind_ == Kind::write && connection_.beforeCommit_)
        connection_.beforeCommit_();
    connection_.execute("COMMIT");
    done_ = true;
}

}  // namespace roundtable::records::sqlite
