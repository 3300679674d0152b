// The store's schema on a PostgreSQL server, translated from a new file's: the SQLite schema
// (Schema.cpp) stays the one definition of the format, and the server's cannot drift from it.
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "records/RowLedger.h"
#include "records/Schema.h"

namespace roundtable::records::schema {
namespace {

struct Token {
    enum Kind { word, quoted, space, other } kind;
    std::string text;
};

/// The SQL in tokens: words, quoted text or names, spaces and single characters; comments
/// left out.
std::vector<Token> tokens(std::string_view sql) {
    std::vector<Token> result;
    std::size_t i = 0;
    auto isWordChar = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    };
    while (i < sql.size()) {
        char c = sql[i];
        std::size_t end = i + 1;
        Token::Kind kind = Token::other;
        if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            i = std::min(sql.find('\n', i), sql.size());
            continue;
        }
        if (c == '\'' || c == '"') {
            // To the closing quote; a doubled quote is part of the text.
            while (end < sql.size() &&
                   !(sql[end] == c && (end + 1 >= sql.size() || sql[end + 1] != c)))
                end += sql[end] == c ? 2 : 1;
            end = std::min(end + 1, sql.size());
            kind = Token::quoted;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            while (end < sql.size() && std::isspace(static_cast<unsigned char>(sql[end])))
                ++end;
            kind = Token::space;
        } else if (isWordChar(c)) {
            while (end < sql.size() && isWordChar(sql[end]))
                ++end;
            kind = Token::word;
        }
        result.push_back({kind, std::string(sql.substr(i, end - i))});
        i = end;
    }
    return result;
}

/// SQLite's SQL of a table, an index or a condition, as the server's: the column types, no
/// STRICT, and SQLite's IS between values as IS [NOT] DISTINCT FROM.
std::string serverSql(std::string_view sql) {
    auto all = tokens(sql);
    auto nextWord = [&](std::size_t from) -> std::string {
        for (std::size_t j = from + 1; j < all.size(); ++j) {
            if (all[j].kind != Token::space)
                return all[j].kind == Token::word ? all[j].text : std::string();
        }
        return {};
    };
    static const std::map<std::string, std::string> kTypes = {
        {"INTEGER", "bigint"}, {"TEXT", "text COLLATE \"C\""}, {"BLOB", "bytea"}, {"STRICT", ""}};
    std::string out;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& token = all[i];
        if (token.kind == Token::word) {
            if (auto type = kTypes.find(token.text); type != kTypes.end()) {
                out += type->second;
                continue;
            }
            if (token.text == "IS") {
                auto next = nextWord(i);
                if (next == "NOT") {
                    std::size_t notAt = i + 1;
                    while (all[notAt].kind == Token::space)
                        ++notAt;
                    if (nextWord(notAt) != "NULL") {
                        out += "IS DISTINCT FROM";
                        i = notAt;
                        continue;
                    }
                } else if (next != "NULL") {
                    out += "IS NOT DISTINCT FROM";
                    continue;
                }
            }
        }
        out += token.text;
    }
    return out;
}

/// A refusing trigger (`CREATE TRIGGER name BEFORE event ON table [WHEN condition] BEGIN SELECT
/// RAISE(ABORT, 'message'); END`) as a PL/pgSQL function and a row trigger that runs it.
std::string serverTrigger(const std::string& sql) {
    static const std::regex kShape(
        R"(CREATE TRIGGER (\w+) BEFORE (INSERT|UPDATE|DELETE)( OF [\w, ]+?)? ON (\w+)\s+)"
        R"((?:WHEN ([\s\S]+?)\s+)?BEGIN SELECT RAISE\(ABORT, ('(?:[^']|'')*')\); END;?)");
    std::smatch part;
    if (!std::regex_match(sql, part, kShape))
        throw std::logic_error("a trigger the server's schema cannot translate: " + sql);
    const std::string name = part[1], event = part[2], columns = part[3], table = part[4],
                      message = part[6];
    std::string refuse = "RAISE EXCEPTION USING MESSAGE = " + message + ";";
    if (part[5].matched)
        refuse = "IF " + serverSql(part[5].str()) + " THEN " + refuse + " END IF;";
    // The function runs with the search path it was made with: a table's name always means
    // this store's table, whoever calls it.
    return "CREATE FUNCTION " + name +
           "() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $body$ BEGIN " +
           refuse + " RETURN " + (event == "DELETE" ? "OLD" : "NEW") + "; END $body$;\n" +
           "CREATE TRIGGER " + name + " BEFORE " + event + columns + " ON " + table +
           " FOR EACH ROW EXECUTE FUNCTION " + name + "();\n";
}

/// A value of a row as an SQL literal.
std::string literal(const db::Statement& row, int column) {
    switch (row.type(column)) {
        case db::ValueType::null:
            return "NULL";
        case db::ValueType::integer:
            return row.text(column);
        case db::ValueType::blob: {
            static const char* kHex = "0123456789abcdef";
            std::string hex = "'\\x";
            for (auto byte : row.blob(column)) {
                hex += kHex[byte >> 4];
                hex += kHex[byte & 15];
            }
            return hex + "'::bytea";
        }
        default: {
            std::string quoted = "'";
            for (char c : row.text(column))
                quoted += c == '\'' ? std::string("''") : std::string(1, c);
            return quoted + "'";
        }
    }
}

/// A new file's schema: its tables, indexes and triggers, in the order SQLite made them.
struct Part {
    std::string type, name, sql;
};
std::vector<Part> freshSchema(db::Connection& file) {
    createFresh(file);
    std::vector<Part> parts;
    auto schema = file.prepare(
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid");
    while (schema.step())
        parts.push_back({schema.text(0), schema.text(1), schema.text(2)});
    return parts;
}

/// The tables, each before the tables that refer to it (a server checks a reference as it is
/// made, and a row's reference as it is inserted).
std::vector<const Part*> tablesInOrder(const std::vector<Part>& parts) {
    std::vector<const Part*> tables;
    std::set<std::string> made;
    static const std::regex kReference(R"(REFERENCES (\w+))");
    while (true) {
        bool progressed = false, waiting = false;
        for (const auto& part : parts) {
            if (part.type != "table" || made.count(part.name))
                continue;
            bool ready = true;
            for (std::sregex_iterator it(part.sql.begin(), part.sql.end(), kReference), end;
                 it != end; ++it) {
                auto referred = (*it)[1].str();
                if (referred != part.name && !made.count(referred))
                    ready = false;
            }
            if (ready) {
                tables.push_back(&part);
                made.insert(part.name);
                progressed = true;
            } else {
                waiting = true;
            }
        }
        if (!waiting)
            return tables;
        if (!progressed)
            throw std::logic_error("the schema's tables refer to each other in a circle");
    }
}

}  // namespace

std::vector<std::string> tablesReferredFirst() {
    db::Connection file(sqlite::openInMemory());
    auto parts = freshSchema(file);
    std::vector<std::string> names;
    for (const auto* table : tablesInOrder(parts))
        names.push_back(table->name);
    return names;
}

std::string serverScript() {
    db::Connection file(sqlite::openInMemory());
    auto parts = freshSchema(file);
    auto tables = tablesInOrder(parts);

    // The store's own schema, searched before the session's temporary tables: a trigger's
    // table name cannot be taken over by a client's temporary table of the same name.
    std::string script = std::string("CREATE SCHEMA ") + kServerSchema +
                         ";\nSET search_path = " + kServerSchema + ", pg_temp;\n";
    for (const auto* table : tables)
        script += serverSql(table->sql) + ";\n";
    for (const auto& part : parts) {
        if (part.type == "index")
            script += serverSql(part.sql) + ";\n";
        else if (part.type == "trigger")
            script += serverTrigger(part.sql);
    }
    script += ledger::serverCapture();
    // The rows a new file starts with (its id among them).
    for (const auto* table : tables) {
        auto rows = file.prepare("SELECT * FROM \"" + table->name + "\"");
        while (rows.step()) {
            std::string values;
            for (int c = 0; c < rows.columnCount(); ++c)
                values += (c ? ", " : "") + literal(rows, c);
            script += "INSERT INTO " + table->name + " VALUES (" + values + ");\n";
        }
    }
    // What a file says with its pragmas application_id and user_version.
    script +=
        "CREATE TABLE schema_format (application_id bigint NOT NULL, version bigint NOT "
        "NULL);\nINSERT INTO schema_format VALUES (" +
        std::to_string(kApplicationId) + ", " + std::to_string(kCurrentVersion) + ");\n";
    return script;
}

}  // namespace roundtable::records::schema
