// The SQLite layer: read transactions that group a search's statements under one lock.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "store/database.h"

namespace {

bool InTransaction(store::Database& db) { return !sqlite3_get_autocommit(db.handle()); }

}  // namespace

TEST_CASE("a read transaction spans its scope and ends with it") {
    auto db = store::Database::Open(":memory:", store::OpenMode::Create);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("CREATE TABLE t(x)").ok());
    {
        store::ReadTransaction read(*db);
        CHECK(InTransaction(*db));
        CHECK(*db->QueryInt64("SELECT count(*) FROM t") == 0);
    }
    CHECK_FALSE(InTransaction(*db));
}

TEST_CASE("inside a transaction already, a read transaction leaves it open and uncommitted") {
    auto db = store::Database::Open(":memory:", store::OpenMode::Create);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("CREATE TABLE t(x); BEGIN; INSERT INTO t VALUES (1)").ok());
    {
        store::ReadTransaction read(*db);
        CHECK(*db->QueryInt64("SELECT count(*) FROM t") == 1);
    }
    REQUIRE(InTransaction(*db));   // the writer's transaction is still its own
    REQUIRE(db->Exec("ROLLBACK").ok());
    CHECK(*db->QueryInt64("SELECT count(*) FROM t") == 0);
}
