// Row authentication for data format 5: which tables are ledgered, how a row is encoded and
// tagged, and the per-connection triggers that note which rows a transaction wrote.
#include "records/RowLedger.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <stdexcept>

#include "text/Translate.h"

namespace roundtable::records::ledger {

const std::vector<LedgeredTable>& tables() {
    // The kinds of record (`what`) are translated where a report names one (StoreLedger.cpp).
    static const std::vector<LedgeredTable> kTables = {
        {"users", text::trLater("user"), {"id"}},
        {"signing_keys", text::trLater("user's signing key"), {"user_id"}},
        {"user_certificates", text::trLater("certificate of a user's key and role"), {"id"}},
        {"groups", text::trLater("group"), {"id"}},
        {"members", text::trLater("member"), {"id"}},
        {"member_details", text::trLater("member's details"), {"id"}, "recorded_by"},
        {"memberships", text::trLater("membership"), {"group_id", "member_id"}},
        {"sessions", text::trLater("session"), {"id"}},
        {"session_activities", text::trLater("planned activity"), {"session_id", "position"}},
        {"session_facilitator_records",
         text::trLater("record of who ran a session"),
         {"id"},
         "recorded_by"},
        {"attendance_marks", text::trLater("attendance mark"), {"id"}, "recorded_by"},
        {"progress_notes", text::trLater("progress note"), {"id"}, "author"},
        {"note_ratings", text::trLater("progress rating"), {"note_id", {"indicator_id", true}}},
        {"note_amendments", text::trLater("amendment"), {"id"}, "author"},
        {"concerns", text::trLater("concern"), {"id"}, "raised_by"},
        {"concern_actions", text::trLater("concern action"), {"id"}, "recorded_by"},
        {"concern_action_updates",
         text::trLater("update of a concern action"),
         {"id"},
         "recorded_by"},
        {"outcome_scores", text::trLater("outcome score"), {"id"}, "recorded_by"},
        {"relapse_plans", text::trLater("relapse-prevention plan"), {"id"}, "created_by"},
        {"relapse_plan_sections",
         text::trLater("section of a relapse-prevention plan"),
         {"plan_id", "position"}},
        {"programme_manifests", text::trLater("programme manifest"), {"id"}, "saved_by"},
        {"programme_pictures", text::trLater("pictogram"), {"id"}, "added_by"},
        {"module_revisions", text::trLater("module revision"), {"id"}, "saved_by"},
        {"module_steps", text::trLater("module change-control step"), {"id"}, "taken_by"},
        {"record_settings", text::trLater("setting"), {"id"}, "set_by"},
        {"catch_up_members", text::trLater("member of a catch-up session"), {"id"}},
        {"milestones", text::trLater("milestone"), {"id"}, "recorded_by"},
        {"note_reviews", text::trLater("review of a progress note"), {"id"}, "reviewed_by"},
        {"jottings", text::trLater("jotting"), {"id"}, "written_by"},
        {"plan_adaptations", text::trLater("adaptation of a session's plan"), {"id"}, "made_by"},
        {"adapted_activities",
         text::trLater("activity of an adapted plan"),
         {"adaptation_id", "position"}},
        {"shared_sections",
         text::trLater("shared section of a session's notes"),
         {"id"},
         "written_by"},
        {"check_ins", text::trLater("check-in"), {"id"}, "recorded_by"},
        {"member_tasks", text::trLater("between-sessions task"), {"id"}, "set_by"},
        {"task_reviews", text::trLater("record of how a task went"), {"id"}, "recorded_by"},
        {"session_status_corrections",
         text::trLater("correction of whether a session took place"),
         {"id"},
         "corrected_by"},
        {"concern_outcomes", text::trLater("outcome of a concern"), {"id"}, "recorded_by"},
        {"session_rating_scores", text::trLater("session of a session rating"), {"score_id"}},
        {"user_phrases", text::trLater("phrase for notes"), {"id"}, "user_id"},
    };
    return kTables;
}

const LedgeredTable& table(std::string_view name) {
    for (const auto& candidate : tables()) {
        if (name == candidate.name)
            return candidate;
    }
    throw std::out_of_range("not a ledgered table: " + std::string(name));
}

void hashRow(crypto::Hasher& hasher, const db::Statement& row, int columns, bool withNames) {
    for (int c = 0; c < columns; ++c) {
        if (withNames) {
            auto name = row.columnName(c);
            hasher.update(name.c_str(), name.size() + 1);
        }
        auto type = row.type(c);
        // A value as SQLite gives it: a blob's bytes, anything else as text (an integer's
        // decimal digits; NULL, nothing).
        auto update = [&](const auto& bytes) {
            auto size = static_cast<std::uint64_t>(bytes.size());
            hasher.update(&type, 1);
            hasher.update(&size, sizeof size);
            if (size)
                hasher.update(bytes.data(), size);
        };
        if (type == db::ValueType::blob)
            update(row.blob(c));
        else
            update(row.text(c));
    }
}

std::string tagOf(const crypto::SecretKey& rowKey, const LedgeredTable& table,
                  const db::Statement& row, int columns) {
    crypto::Hasher hasher(&rowKey);
    hasher.update(table.name, std::strlen(table.name) + 1);
    hashRow(hasher, row, columns < 0 ? row.columnCount() : columns, true);
    return hasher.hex();
}

std::string keyOf(const LedgeredTable& table, const db::Statement& row) {
    std::string key;
    int columns = row.columnCount();
    for (const auto& column : table.keyColumns) {
        if (!key.empty())
            key += '/';
        for (int c = 0; c < columns; ++c) {
            if (row.columnName(c) == column.name) {
                key += row.text(c);
                break;
            }
        }
    }
    return key;
}

std::string keyText(const RowKey& key) {
    std::string text;
    for (const auto& value : key) {
        if (!text.empty())
            text += '/';
        if (const auto* number = std::get_if<std::int64_t>(&value))
            text += std::to_string(*number);
        else
            text += std::get<std::string>(value);
    }
    return text;
}

std::string keySql(const LedgeredTable& table, const char* which) {
    std::string expression;
    for (const auto& column : table.keyColumns) {
        if (!expression.empty())
            expression += " || '/' || ";
        expression += std::string("CAST(") + which + "." + column.name + " AS TEXT)";
    }
    return expression;
}

std::string keyCondition(const LedgeredTable& table, const char* alias) {
    std::string condition;
    for (const auto& column : table.keyColumns) {
        if (!condition.empty())
            condition += " AND ";
        condition += std::string(alias) + "." + column.name + " = ?";
    }
    return condition;
}

void bindKey(db::Statement& statement, int index, const RowKey& key) {
    for (const auto& value : key) {
        std::visit([&](const auto& v) { statement.bind(index++, v); }, value);
    }
}

RowKey keyFromLog(const LedgeredTable& table, const std::string& key) {
    RowKey values;
    std::string_view rest = key;
    for (std::size_t c = 0; c < table.keyColumns.size(); ++c) {
        // Only the last column may be text, so a '/' in it is its own.
        bool last = c + 1 == table.keyColumns.size();
        auto end = last ? rest.size() : rest.find('/');
        auto part = rest.substr(0, end);
        if (table.keyColumns[c].isText) {
            values.emplace_back(std::string(part));
        } else {
            std::int64_t number = 0;
            auto [after, error] = std::from_chars(part.data(), part.data() + part.size(), number);
            if (error != std::errc() || after != part.data() + part.size())
                throw std::invalid_argument("not a key of " + std::string(table.name) + ": " + key);
            values.emplace_back(number);
        }
        rest = last || end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    return values;
}

std::string keyOrder(const LedgeredTable& table, const char* alias) {
    std::string order;
    for (const auto& column : table.keyColumns) {
        if (!order.empty())
            order += ", ";
        order += std::string(alias) + "." + column.name;
    }
    return order;
}

namespace {

/// The statement noting the row `which` (NEW or OLD) of `table` as changed.
std::string noteChange(const LedgeredTable& table, const char* which) {
    return std::string("INSERT INTO changed_rows (table_name, row_key) VALUES ('") + table.name +
           "', " + keySql(table, which) + ") ON CONFLICT DO NOTHING;";
}

}  // namespace

void captureChanges(db::Connection& connection) {
    // One row per record: a record written twice in a transaction is tagged once, as it ends.
    if (connection.dialect() == db::Dialect::postgresql) {
        connection.execute(
            "CREATE TEMP TABLE IF NOT EXISTS changed_rows (seq bigint GENERATED ALWAYS AS "
            "IDENTITY PRIMARY KEY, table_name text NOT NULL, row_key text NOT NULL, "
            "UNIQUE (table_name, row_key))");
        return;
    }
    connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS changed_rows (seq INTEGER PRIMARY KEY, "
        "table_name TEXT NOT NULL, row_key TEXT NOT NULL, UNIQUE (table_name, row_key))");
    for (const auto& table : tables()) {
        std::string name = table.name;
        connection.execute("CREATE TEMP TRIGGER IF NOT EXISTS ledger_" + name +
                           "_insert AFTER INSERT ON main." + name + " BEGIN " +
                           noteChange(table, "NEW") + " END;");
        connection.execute("CREATE TEMP TRIGGER IF NOT EXISTS ledger_" + name +
                           "_update AFTER UPDATE ON main." + name + " BEGIN " +
                           noteChange(table, "OLD") + noteChange(table, "NEW") + " END;");
        connection.execute("CREATE TEMP TRIGGER IF NOT EXISTS ledger_" + name +
                           "_delete AFTER DELETE ON main." + name + " BEGIN " +
                           noteChange(table, "OLD") + " END;");
    }
}

std::string serverCapture() {
    std::string sql;
    for (const auto& table : tables()) {
        // changed_rows is the session's own: the store's schema has none, and pg_temp is next.
        std::string name = std::string("ledger_") + table.name;
        sql += "CREATE FUNCTION " + name +
               "() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $body$ "
               "BEGIN IF TG_OP <> 'INSERT' THEN " +
               noteChange(table, "OLD") + " END IF; IF TG_OP <> 'DELETE' THEN " +
               noteChange(table, "NEW") + " END IF; RETURN NULL; END $body$;\n" +
               "CREATE TRIGGER " + name + " AFTER INSERT OR UPDATE OR DELETE ON " + table.name +
               " FOR EACH ROW EXECUTE FUNCTION " + name + "();\n";
    }
    return sql;
}

std::vector<ChangedRow> takeChangedRows(db::Connection& connection) {
    std::vector<ChangedRow> changed;
    {
        auto rows = connection.cached("SELECT table_name, row_key FROM changed_rows ORDER BY seq");
        while (rows->step())
            changed.push_back({&table(rows->text(0)), rows->text(1)});
    }
    if (!changed.empty())
        connection.cached("DELETE FROM changed_rows")->run();
    return changed;
}

}  // namespace roundtable::records::ledger
