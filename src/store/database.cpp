// Database and Statement: SQLite calls and their error translation.
#include "store/database.h"

#include <sqlite3.h>

namespace store {

// ---- Statement --------------------------------------------------------------------------------------------

Statement::~Statement() { sqlite3_finalize(Stmt); }

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(Stmt);
        Stmt = other.Stmt;
        other.Stmt = nullptr;
    }
    return *this;
}

void Statement::BindInt64(int index, int64_t value) { sqlite3_bind_int64(Stmt, index, value); }
void Statement::BindDouble(int index, double value) { sqlite3_bind_double(Stmt, index, value); }
void Statement::BindText(int index, std::string_view value) {
    sqlite3_bind_text64(Stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}
void Statement::BindBlob(int index, std::string_view bytes) {
    sqlite3_bind_blob64(Stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
}

void Statement::BindZeroBlob(int index, int64_t bytes) { sqlite3_bind_zeroblob64(Stmt, index, static_cast<sqlite3_uint64>(bytes)); }
void Statement::BindNull(int index) { sqlite3_bind_null(Stmt, index); }

core::Result<bool> Statement::Step() {
    int rc = sqlite3_step(Stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3* db = sqlite3_db_handle(Stmt);
    core::Status status = StatusFromSqlite(rc, "", sqlite3_errmsg(db));
    sqlite3_reset(Stmt);
    return status;
}

void Statement::Reset() {
    sqlite3_reset(Stmt);
    sqlite3_clear_bindings(Stmt);
}

int64_t Statement::ColumnInt64(int column) const { return sqlite3_column_int64(Stmt, column); }
double Statement::ColumnDouble(int column) const { return sqlite3_column_double(Stmt, column); }
std::string_view Statement::ColumnText(int column) const {
    const unsigned char* text = sqlite3_column_text(Stmt, column);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(Stmt, column))};
}
std::string_view Statement::ColumnBlob(int column) const {
    const void* bytes = sqlite3_column_blob(Stmt, column);
    if (!bytes) return {};
    return {static_cast<const char*>(bytes), static_cast<size_t>(sqlite3_column_bytes(Stmt, column))};
}
bool Statement::ColumnIsNull(int column) const { return sqlite3_column_type(Stmt, column) == SQLITE_NULL; }

// ---- Database ---------------------------------------------------------------------------------------------

Database::~Database() { sqlite3_close_v2(Db); }

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(Db);
        Db = other.Db;
        other.Db = nullptr;
    }
    return *this;
}

const char* SqliteVersion() { return sqlite3_libversion(); }

core::Status StatusFromSqlite(int rc, std::string_view what, std::string_view detail) {
    core::StatusCode code = core::StatusCode::Internal;
    switch (rc & 0xff) {
    case SQLITE_CORRUPT: case SQLITE_NOTADB: code = core::StatusCode::Corrupt; break;
    case SQLITE_FULL: case SQLITE_IOERR: case SQLITE_CANTOPEN: case SQLITE_READONLY: case SQLITE_PERM:
        code = core::StatusCode::Io; break;
    case SQLITE_INTERRUPT: code = core::StatusCode::Cancelled; break;
    case SQLITE_ERROR: case SQLITE_TOOBIG: case SQLITE_RANGE: case SQLITE_CONSTRAINT:
        code = core::StatusCode::InvalidInput; break;
    default: break;
    }
    std::string message(what);
    if (!message.empty()) message += ": ";
    message += detail.empty() ? std::string_view(sqlite3_errstr(rc)) : detail;
    return core::Error(code, message);
}

core::Status Database::LastError(std::string_view what) const {
    return StatusFromSqlite(sqlite3_extended_errcode(Db), what, sqlite3_errmsg(Db));
}

core::Result<Database> Database::Open(const std::string& path, OpenMode mode) {
    sqlite3* raw = nullptr;
    int flags = mode == OpenMode::Create ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READWRITE;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOFOLLOW, nullptr);
    Database db(raw);  // closes `raw` on every early return
    if (rc != SQLITE_OK) return StatusFromSqlite(rc, "opening " + path, raw ? sqlite3_errmsg(raw) : "");
    sqlite3_extended_result_codes(raw, 1);
    if (core::Status s = db.Harden(); !s.ok()) return s;
    if (mode == OpenMode::Untrusted) {
        // A bundle from elsewhere may be crafted: cap what one value or statement may cost, then check the
        // file's structure before any other use.
        sqlite3_limit(raw, SQLITE_LIMIT_LENGTH, 256 << 20);
        sqlite3_limit(raw, SQLITE_LIMIT_SQL_LENGTH, 1 << 20);
        sqlite3_limit(raw, SQLITE_LIMIT_COLUMN, 200);
        sqlite3_limit(raw, SQLITE_LIMIT_EXPR_DEPTH, 100);
        sqlite3_limit(raw, SQLITE_LIMIT_COMPOUND_SELECT, 10);
        sqlite3_limit(raw, SQLITE_LIMIT_VDBE_OP, 250000000);
        sqlite3_limit(raw, SQLITE_LIMIT_FUNCTION_ARG, 16);
        sqlite3_limit(raw, SQLITE_LIMIT_ATTACHED, 0);
        sqlite3_limit(raw, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
        sqlite3_limit(raw, SQLITE_LIMIT_TRIGGER_DEPTH, 10);
        // Checks every b-tree cell as it is read: a crafted page cannot make SQLite read out of bounds. Costs
        // ~10% on writes, so only files from elsewhere pay it.
        if (core::Status s = db.Exec("PRAGMA cell_size_check=ON"); !s.ok()) return s;
        auto check = db.Prepare("PRAGMA quick_check");
        if (!check.ok()) return core::Error(core::StatusCode::Corrupt, path + " is not a Corpus Lens database: " + check.status().message());
        auto row = check->Step();
        if (!row.ok()) return core::Error(core::StatusCode::Corrupt, path + " is damaged: " + row.status().message());
        if (!*row || check->ColumnText(0) != "ok")
            return core::Error(core::StatusCode::Corrupt,
                               path + " is damaged: " + std::string(*row ? check->ColumnText(0) : "no result"));
    }
    return db;
}

// Settings for every connection: no schema-defined functions run with our privileges, no writes to the
// schema through SQL, no triggers or views (we use none).
core::Status Database::Harden() {
    sqlite3_db_config(Db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(Db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(Db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(Db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    // A 64 MB page cache (the default is 2 MB): an import writes the documents, the FTS5 index and the bag of
    // words in one transaction, and with a small cache SQLite spends most of its time re-reading pages.
    return Exec("PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
}

core::Status Database::Exec(std::string_view sql) {
    std::string copy(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(Db, copy.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return core::Status::Ok();
    core::Status status = StatusFromSqlite(rc, "", message ? message : "");
    sqlite3_free(message);
    return status;
}

ReadTransaction::ReadTransaction(Database& db) {
    if (sqlite3_get_autocommit(db.handle()) && db.Exec("BEGIN").ok()) Db = &db;
}

ReadTransaction::~ReadTransaction() {
    if (Db && !sqlite3_get_autocommit(Db->handle()) && !Db->Exec("COMMIT").ok()) Db->Exec("ROLLBACK");
}

core::Result<Statement> Database::Prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(Db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return LastError("preparing query");
    return Statement(stmt);
}

core::Result<int64_t> Database::QueryInt64(std::string_view sql) {
    auto st = Prepare(sql);
    if (!st.ok()) return st.status();
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return core::Error(core::StatusCode::Internal, "query returned no row: " + std::string(sql));
    return st->ColumnInt64(0);
}

}  // namespace store
