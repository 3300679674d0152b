// What every engine's connection shares: the statement cache and transactions with the
// record store's hooks.
#include "records/Database.h"

#include <stdexcept>

namespace roundtable::records::db {

Connection::~Connection() {
    cache_.clear();  // every statement goes before its connection
}

CachedStatement Connection::cached(const std::string& sql) {
    auto& slot = cache_[sql];
    if (!slot)
        slot = std::make_unique<Statement>(engine_->prepare(sql));
    if (slot->borrowed_) {
        // Two borrows of one statement would reset each other's rows: a programming error.
        throw std::logic_error("cached statement used twice at once: " + sql);
    }
    return CachedStatement(*slot);
}

Transaction::Transaction(Connection& connection, Kind kind) : connection_(connection), kind_(kind) {
    if (kind == Kind::write) {
        connection_.engine_->beginWrite();
        if (connection_.afterBegin_)
            connection_.afterBegin_();
    } else {
        connection_.engine_->beginRead();
    }
}

Transaction::~Transaction() {
    if (!done_)
        connection_.engine_->rollback();
}

void Transaction::commit() {
    if (kind_ == Kind::write && connection_.beforeCommit_)
        connection_.beforeCommit_();
    try {
        connection_.engine_->commit();
    } catch (const ConnectionLost&) {
        done_ = true;  // nothing is left to roll back: the server ended the transaction
        if (kind_ != Kind::write || !connection_.afterLostCommit_)
            throw;
        connection_.afterLostCommit_();
    }
    done_ = true;
}

}  // namespace roundtable::records::db
