// A thin RAII layer over SQLite: a connection, prepared statements, and SQLite's result codes translated to
// core::Status at this boundary. Nothing above store/ includes sqlite3.h.
//
//     auto db = store::Database::Open(":memory:", store::OpenMode::Create);
//     auto st = db->Prepare("SELECT count(*) FROM documents WHERE source = ?1");
//     st->BindText(1, "TASS");
//     if (*st->Step()) count = st->ColumnInt64(0);
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace store {

class Statement {
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* stmt) : Stmt(stmt) {}
    ~Statement();
    Statement(Statement&& other) noexcept : Stmt(other.Stmt) { other.Stmt = nullptr; }
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQL (?1, ?2 …). Text is copied by SQLite.
    void BindInt64(int index, int64_t value);
    void BindDouble(int index, double value);
    void BindText(int index, std::string_view value);
    void BindBlob(int index, std::string_view bytes);   // copied, as text is
    void BindZeroBlob(int index, int64_t bytes);         // a BLOB of `bytes` zero bytes (filled later in place)
    void BindNull(int index);

    // Runs one step: true when a row is ready, false when done; an error Status otherwise.
    core::Result<bool> Step();
    // Ready to run again with new bindings (bindings are cleared).
    void Reset();

    // Columns are 0-based. Text views are valid until the next Step/Reset.
    int64_t ColumnInt64(int column) const;
    double ColumnDouble(int column) const;
    std::string_view ColumnText(int column) const;
    std::string_view ColumnBlob(int column) const;       // the bytes of a BLOB (or of any value, as stored)
    bool ColumnIsNull(int column) const;

private:
    sqlite3_stmt* Stmt = nullptr;
};

enum class OpenMode {
    Create,     // open read-write, create if missing (our own files, ":memory:")
    Untrusted,  // a file from elsewhere: defensive settings, lowered limits, integrity check first
};

class Database {
public:
    Database() = default;
    ~Database();
    Database(Database&& other) noexcept : Db(other.Db) { other.Db = nullptr; }
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    static core::Result<Database> Open(const std::string& path, OpenMode mode);

    core::Status Exec(std::string_view sql);  // one or more statements, no results
    core::Result<Statement> Prepare(std::string_view sql);
    // Runs a query returning one integer (e.g. "PRAGMA user_version").
    core::Result<int64_t> QueryInt64(std::string_view sql);

    // The last error as a Status, prefixed with what we were doing ("adding document: disk is full").
    core::Status LastError(std::string_view what) const;
    sqlite3* handle() const { return Db; }

private:
    explicit Database(sqlite3* db) : Db(db) {}
    core::Status Harden();

    sqlite3* Db = nullptr;
};

// One read transaction over a group of statements (a search, a page of rows). Outside a transaction SQLite
// takes its lock, looks for a hot journal (a stat of the journal's path) and re-reads the file's change
// counter at every statement; in the browser each of those is a call into Emscripten's file system. Inside
// a transaction already (a job writing on this connection) it does nothing.
//
//     store::ReadTransaction read(corpus.db());
//     … statements …                             // the transaction ends with `read`
class ReadTransaction {
public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    Database* Db = nullptr;   // set when this object began the transaction
};

// "3.52.0": the SQLite compiled into this build.
const char* SqliteVersion();

// Translates a SQLite result code into our status list (SQLITE_CORRUPT → Corrupt, SQLITE_FULL → Io …).
core::Status StatusFromSqlite(int rc, std::string_view what, std::string_view detail);

}  // namespace store
