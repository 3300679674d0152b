// The PostgreSQL engine, over libpq. Statements are prepared once on the server and run with
// their parameters sent apart from the SQL (text, or binary for blobs); results come back as
// text and are read as SQLite would give them. Writers take one advisory lock for their whole
// transaction, as BEGIN IMMEDIATE does for a file (docs/server-store.md, section c).
#include "records/Postgres.h"

#include <libpq-fe.h>

#include <cctype>
#include <charconv>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "records/Types.h"
#include "text/Translate.h"

namespace roundtable::records::postgres {
namespace {

// The server's type numbers (pg_type.oid) of the values the store reads.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26,
              kNumeric = 1700, kFloat4 = 700, kFloat8 = 701;

/// The lock every write transaction takes first, released when it ends: one writer at a
/// time, as on a file. Any fixed number would do; this one spells "RTBL" in ASCII.
constexpr const char* kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(1381253708)";
/// The channel every write is announced on, so that open windows show it (issue 15, item 4).
constexpr const char* kListen = "LISTEN roundtable_writes";
constexpr const char* kAnnounceAndCommit = "NOTIFY roundtable_writes; COMMIT";

std::string trimmed(std::string message) {
    while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())))
        message.pop_back();
    return message;
}

/// Throws StoreError for a failed command: what failed (`english`, marked with trLater), and
/// the server's own words, said plainly when the cause is one a person can act on.
[[noreturn]] void fail(PGconn* connection, const PGresult* result, const char* english) {
    const std::string what = text::tr(english);
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string detail = primary ? primary : trimmed(PQerrorMessage(connection));
    std::string_view code = state ? state : "";
    // 08: the connection failed; 57P01-57P03: the server is shutting down or starting.
    if (PQstatus(connection) != CONNECTION_OK || code.starts_with("08") ||
        code.starts_with("57P")) {
        // What was being done ("prepare a query") means nothing to the person: only that it
        // was not done, and why.
        throw ConnectionLost(text::fill(
            text::tr("This was not done: the server holding the records cannot be reached ({1})."),
            {detail}));
    }
    if (code == "53100")
        throw StoreError(
            text::fill(text::tr("{1}: the server's disk is full ({2})"), {what, detail}));
    if (code == "55P03" || code == "40P01") {
        throw StoreError(text::fill(
            text::tr("{1}: the server is busy with a change from another computer ({2})"),
            {what, detail}));
    }
    if (code == "42501") {
        throw StoreError(
            text::fill(text::tr("{1}: the server does not allow this account to do that ({2})"),
                       {what, detail}));
    }
    throw StoreError(what + ": " + detail);
}

/// A result, cleared when it goes.
struct Result {
    PGresult* result;
    explicit Result(PGresult* r) : result(r) {}
    ~Result() { PQclear(result); }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    [[nodiscard]] bool succeeded() const {
        auto status = PQresultStatus(result);
        return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    }
};

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

class PostgresStatement final : public db::StatementEngine {
  public:
    /// `connectionNumber` counts the engine's connections: a statement prepared on an
    /// earlier one (lost, then made again) is prepared again before it runs.
    PostgresStatement(PGconn* connection, const std::uint64_t& connectionNumber, std::string name,
                      const std::string& sql)
        : connection_(connection),
          connectionNumber_(connectionNumber),
          name_(std::move(name)),
          sql_(numberedPlaceholders(sql)) {
        prepareOnServer();
        parameters_.resize(static_cast<std::size_t>(PQnparams(description_)));
    }
    ~PostgresStatement() override {
        PQclear(result_);
        PQclear(description_);
        // Ignored when it fails (a connection lost, a transaction aborted): the name is never
        // used again, and the server forgets it with the connection.
        if (preparedOn_ == connectionNumber_)
            PQclear(PQexec(connection_, ("DEALLOCATE " + name_).c_str()));
    }
    PostgresStatement(const PostgresStatement&) = delete;
    PostgresStatement& operator=(const PostgresStatement&) = delete;

    void bind(int index, std::int64_t value) override {
        parameter(index) = Parameter{std::to_string(value), false};
    }
    void bind(int index, std::string_view value) override {
        parameter(index) = Parameter{std::string(value), false};
    }
    void bindBlob(int index, const std::vector<unsigned char>& value) override {
        parameter(index) = Parameter{std::string(value.begin(), value.end()), true};
    }
    void bindNull(int index) override { parameter(index).reset(); }

    bool step() override {
        if (!result_)
            run();
        return ++row_ < PQntuples(result_);
    }
    void reset() override {
        PQclear(result_);
        result_ = nullptr;
        row_ = -1;
        for (auto& value : parameters_)
            value.reset();
    }

    int columnCount() const override { return PQnfields(description_); }
    std::string columnName(int column) const override { return PQfname(description_, column); }
    db::ValueType type(int column) const override {
        if (PQgetisnull(result_, row_, column))
            return db::ValueType::null;
        switch (PQftype(description_, column)) {
            case kBool:
            case kInt2:
            case kInt4:
            case kInt8:
            case kOid:
            case kNumeric:
                return db::ValueType::integer;
            case kFloat4:
            case kFloat8:
                return db::ValueType::real;
            case kBytea:
                return db::ValueType::blob;
            default:
                return db::ValueType::text;
        }
    }
    std::int64_t integer(int column) const override {
        std::string_view value = PQgetvalue(result_, row_, column);
        if (PQftype(description_, column) == kBool)
            return value == "t" ? 1 : 0;
        std::int64_t number = 0;
        std::from_chars(value.data(), value.data() + value.size(), number);
        return number;
    }
    std::string text(int column) const override {
        if (PQgetisnull(result_, row_, column))
            return {};
        if (PQftype(description_, column) == kBool)
            return std::to_string(integer(column));
        return {PQgetvalue(result_, row_, column),
                static_cast<std::size_t>(PQgetlength(result_, row_, column))};
    }
    std::vector<unsigned char> blob(int column) const override {
        auto value = text(column);
        if (PQftype(description_, column) != kBytea)
            return {value.begin(), value.end()};
        // The server writes bytea as text in hex: \x then two digits a byte.
        std::vector<unsigned char> bytes;
        bytes.reserve(value.size() / 2);
        for (std::size_t i = 2; i + 1 < value.size(); i += 2)
            bytes.push_back(
                static_cast<unsigned char>(hexDigit(value[i]) * 16 + hexDigit(value[i + 1])));
        return bytes;
    }

  private:
    struct Parameter {
        std::string value;
        bool binary;
    };
    std::optional<Parameter>& parameter(int index) {
        return parameters_.at(static_cast<std::size_t>(index - 1));
    }
    void prepareOnServer() {
        Result prepared(PQprepare(connection_, name_.c_str(), sql_.c_str(), 0, nullptr));
        if (!prepared.succeeded())
            fail(connection_, prepared.result, text::trLater("Cannot prepare a database query"));
        PQclear(description_);
        description_ = PQdescribePrepared(connection_, name_.c_str());
        if (PQresultStatus(description_) != PGRES_COMMAND_OK)
            fail(connection_, description_, text::trLater("Cannot prepare a database query"));
        preparedOn_ = connectionNumber_;
    }
    void run() {
        if (preparedOn_ != connectionNumber_)
            prepareOnServer();
        std::vector<const char*> values;
        std::vector<int> lengths, formats;
        for (const auto& parameter : parameters_) {
            values.push_back(parameter ? parameter->value.data() : nullptr);
            lengths.push_back(parameter ? static_cast<int>(parameter->value.size()) : 0);
            formats.push_back(parameter && parameter->binary ? 1 : 0);
        }
        result_ = PQexecPrepared(connection_, name_.c_str(), static_cast<int>(values.size()),
                                 values.data(), lengths.data(), formats.data(), 0);
        auto status = PQresultStatus(result_);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
            fail(connection_, result_, text::trLater("The database refused the change"));
        row_ = -1;
    }

    PGconn* connection_;
    const std::uint64_t& connectionNumber_;  ///< the engine's connection now
    std::uint64_t preparedOn_ = 0;           ///< the connection it was prepared on
    std::string name_;
    std::string sql_;                  ///< as the server takes it
    PGresult* description_ = nullptr;  ///< its parameters and columns
    PGresult* result_ = nullptr;       ///< every row, fetched at the first step
    int row_ = -1;
    std::vector<std::optional<Parameter>> parameters_;  ///< none: NULL
};

/// Refuses a connection that cannot be read, or that holds a password: a password given there
/// is seen on screen and kept in shell histories and settings. libpq reads it from ~/.pgpass
/// or the service file instead. So the connection can be shown (a title bar, a recovery sheet).
void refusePassword(const std::string& connection) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(connection.c_str(), &error);
    if (!options) {
        std::string message = error ? trimmed(error) : std::string();
        PQfreemem(error);
        throw StoreError(text::fill(
            text::tr("The connection to the database server cannot be read: {1}"), {message}));
    }
    bool password = false;
    for (auto* option = options; option->keyword; ++option)
        password |= std::string_view(option->keyword) == "password" && option->val && *option->val;
    PQconninfoFree(options);
    if (password) {
        throw StoreError(text::tr(
            "The connection holds a password, where it can be seen and kept. Put the password "
            "in the file ~/.pgpass (or the service file) instead, and leave it out of the "
            "connection."));
    }
}

/// The test hook of testing::dropAtNextCommit, taken by the next commit.
struct CommitDrop {
    bool afterSending = false;
    std::function<void(int)> drop;
};
std::optional<CommitDrop> nextCommitDrop;

/// Connects with libpq's defaults for what `connection` leaves out, plus limits that make a
/// lost network show within seconds rather than the operating system's minutes (they apply
/// to TCP only; `connection` may set them otherwise).
PGconn* connectTo(const std::string& connection) {
    refusePassword(connection);
    const char* keywords[] = {"connect_timeout",
                              "tcp_user_timeout",
                              "keepalives_idle",
                              "keepalives_interval",
                              "keepalives_count",
                              "dbname",
                              nullptr};
    const char* values[] = {"10", "10000", "10", "5", "2", connection.c_str(), nullptr};
    return PQconnectdbParams(keywords, values, 1);
}

class PostgresEngine final : public db::Engine {
  public:
    explicit PostgresEngine(const std::string& connection) : connection_(connectTo(connection)) {
        try {
            startSession();
        } catch (...) {
            PQfinish(connection_);
            throw;
        }
    }
    ~PostgresEngine() override { PQfinish(connection_); }
    PostgresEngine(const PostgresEngine&) = delete;
    PostgresEngine& operator=(const PostgresEngine&) = delete;

    db::Dialect dialect() const override { return db::Dialect::postgresql; }
    void execute(const std::string& sql) override {
        Result result(PQexec(connection_, sql.c_str()));
        if (!result.succeeded())
            fail(connection_, result.result, text::trLater("Database command failed"));
    }
    std::unique_ptr<db::StatementEngine> prepare(const std::string& sql) override {
        return std::make_unique<PostgresStatement>(connection_, connectionNumber_,
                                                   "rt" + std::to_string(++statements_), sql);
    }
    void beginWrite() override {
        execute(kBeginWrite);
        writing_ = true;
    }
    // The snapshot is taken by the first query, at once.
    void beginRead() override {
        execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT 1");
    }
    void commit() override {
        // A write is announced to the computers listening (listenForWrites), in the same
        // round trip: the server delivers it when the commit is done, and never without it.
        const char* commit = std::exchange(writing_, false) ? kAnnounceAndCommit : "COMMIT";
        if (!nextCommitDrop) {
            execute(commit);
            return;
        }
        auto drop = std::exchange(nextCommitDrop, std::nullopt);
        if (!drop->afterSending)
            drop->drop(PQsocket(connection_));
        if (!PQsendQuery(connection_, commit))
            fail(connection_, nullptr, text::trLater("Database command failed"));
        PQflush(connection_);
        if (drop->afterSending) {
            drop->drop(PQsocket(connection_));
            // The reply may be on its way already; a network that lost it is what is tried.
            throw ConnectionLost("the test lost the reply to COMMIT");
        }
        while (PGresult* result = PQgetResult(connection_)) {
            Result read(result);
            if (!read.succeeded())
                fail(connection_, read.result, text::trLater("Database command failed"));
        }
    }
    void rollback() noexcept override {
        writing_ = false;
        PQclear(PQexec(connection_, "ROLLBACK"));
    }
    void reconnect() override {
        PQreset(connection_);
        ++connectionNumber_;
        startSession();
        if (listening_) {
            execute(kListen);
            missedWrites_ = true;  // while away: not heard of, so perhaps some
        }
    }
    void listenForWrites() override {
        execute(kListen);
        listening_ = true;
    }
    bool heardOfWrites() override {
        // Reads what the server has sent without asking anything: no round trip.
        if (!PQconsumeInput(connection_) || PQstatus(connection_) != CONNECTION_OK)
            fail(connection_, nullptr, text::trLater("Database command failed"));
        bool heard = std::exchange(missedWrites_, false);
        while (PGnotify* notice = PQnotifies(connection_)) {
            heard = true;
            PQfreemem(notice);
        }
        return heard;
    }

  private:
    /// Checks a connection just made and sets it up; throws when it cannot be used.
    void startSession() {
        if (PQstatus(connection_) != CONNECTION_OK) {
            throw ConnectionLost(text::fill(text::tr("The database server cannot be reached: {1}"),
                                            {trimmed(PQerrorMessage(connection_))}));
        }
        // Off this computer's own socket, records cross a network: only encrypted (TLS).
        const char* host = PQhost(connection_);
        const bool localSocket = host && (host[0] == '/' || host[0] == '@');
        if (!localSocket && !PQsslInUse(connection_)) {
            throw StoreError(text::fill(
                text::tr("The connection to the database server {1} is not encrypted, so it "
                         "was not used: the records would cross the network readable. Ask the "
                         "server's administrator to turn on TLS, and connect with "
                         "sslmode=verify-full."),
                {host ? host : ""}));
        }
        // The server's notices ("... does not exist, skipping") are not for the person using
        // the app; its errors are thrown.
        PQsetNoticeProcessor(
            connection_, [](void*, const char*) {}, nullptr);
        // Text as UTF-8 whatever the server's default; a commit is on disk before it returns.
        execute("SET client_encoding = 'UTF8'; SET synchronous_commit = on");
    }

    PGconn* connection_;
    bool writing_ = false;                ///< in a write transaction (announced as it commits)
    bool listening_ = false;              ///< see listenForWrites
    bool missedWrites_ = false;           ///< reconnected: writes made meanwhile were not heard of
    std::uint64_t statements_ = 0;        ///< names each prepared statement
    std::uint64_t connectionNumber_ = 1;  ///< counts reconnections (PostgresStatement)
};

}  // namespace

std::unique_ptr<db::Engine> connect(const std::string& connection) {
    return std::make_unique<PostgresEngine>(connection);
}

std::string numberedPlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int next = 0;
    char quote = 0;  // inside '...' or "..." (a doubled quote closes and opens again)
    for (std::size_t i = 0; i < sql.size(); ++i) {
        char c = sql[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?') {
            std::size_t digits = i + 1;
            while (digits < sql.size() && std::isdigit(static_cast<unsigned char>(sql[digits])))
                ++digits;
            out += '$';
            if (digits > i + 1) {
                out.append(sql.substr(i + 1, digits - i - 1));
                i = digits - 1;
            } else {
                out += std::to_string(++next);
            }
            continue;
        }
        out += c;
    }
    return out;
}

namespace testing {

void dropAtNextCommit(bool afterSending, std::function<void(int socket)> drop) {
    nextCommitDrop = CommitDrop{afterSending, std::move(drop)};
}

}  // namespace testing

}  // namespace roundtable::records::postgres
