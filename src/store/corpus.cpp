// Corpus: schema creation and migration, document insertion and full-text queries.
#include "store/corpus.h"

#include <algorithm>

#include <sqlite3.h>

#include "store/fts5_tokenizer.h"
#include "text/tokenizer.h"

namespace store {

namespace {

// Schema version 1. Documents hold the text; doc_fts indexes title and text through our tokenizer
// (external content: the text is stored once, in documents). doc_terms.term_id is kept consistent by
// Corpus itself and is deliberately not a declared foreign key: with foreign keys on, every update of a
// terms row would make SQLite look for child rows, which needs an index on doc_terms(term_id) whose upkeep
// costs more than the rest of the bag of words (State of the Union, native: 7.1 MB/s indexed with it,
// 10.8 MB/s without; the commit 253 ms → 38 ms). FTS5 buffers new terms in memory and writes
// them out (with some segment merging) when the buffer exceeds 'hashsize'. That pause lands inside one
// document's insert, so it bounds how far an indexing job's step can overrun its budget. Measured on the
// State of the Union (bench/, native): 1 MB (the default) 26.2 MB/s, slowest insert 17 ms; 512 KB 25.9 MB/s,
// 9.3 ms; 128 KB 22.5 MB/s, 10.7 ms. 512 KB halves the pause for ~1% of throughput. terms/doc_terms are the bag of words that
// statistics and topic models read.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents(
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    word_count INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    imported_from TEXT NOT NULL DEFAULT '',
    import_notes TEXT NOT NULL DEFAULT '',
    original_text TEXT NOT NULL DEFAULT '');
CREATE TABLE fields(
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY(doc_id, position)) WITHOUT ROWID;
CREATE VIRTUAL TABLE doc_fts USING fts5(title, text, content='documents', content_rowid='id', tokenize='icu');
CREATE TABLE terms(
    id INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE,
    df INTEGER NOT NULL DEFAULT 0,
    cf INTEGER NOT NULL DEFAULT 0,
    is_stop INTEGER NOT NULL DEFAULT 0);
CREATE TABLE doc_terms(
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    term_id INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY(doc_id, term_id)) WITHOUT ROWID;
INSERT INTO doc_fts(doc_fts, rank) VALUES ('hashsize', 524288);
INSERT INTO meta(key, value) VALUES ('tokenizer', 'icu nfkc_casefold uax29');
PRAGMA user_version = 1;
)sql";

// The tables a database must have before we use it (checked on every open, so a foreign file is refused
// with a clear message rather than failing later in a view).
constexpr const char* kRequiredTables[] = {"meta", "documents", "fields", "doc_fts", "terms", "doc_terms"};

// A DocumentSummary from a row whose first columns are: id, title, source, date, lang, word_count.
DocumentSummary SummaryFromRow(const Statement& st) {
    return {st.ColumnInt64(0), std::string(st.ColumnText(1)), std::string(st.ColumnText(2)),
            std::string(st.ColumnText(3)), std::string(st.ColumnText(4)), st.ColumnInt64(5)};
}

}  // namespace

core::Result<Corpus> Corpus::Create(const std::string& path) {
    auto db = Database::Open(path, OpenMode::Create);
    if (!db.ok()) return db.status();
    return Init(std::move(*db), true);
}

core::Result<Corpus> Corpus::OpenUntrusted(const std::string& path) {
    auto db = Database::Open(path, OpenMode::Untrusted);
    if (!db.ok()) return db.status();
    return Init(std::move(*db), false);
}

core::Result<Corpus> Corpus::Init(Database db, bool may_create) {
    Corpus corpus;
    corpus.Db = std::make_unique<Database>(std::move(db));
    if (core::Status s = RegisterIcuTokenizer(corpus.Db->handle()); !s.ok()) return s;
    if (core::Status s = corpus.Migrate(may_create); !s.ok()) return s;
    struct { std::unique_ptr<Statement>* target; const char* sql; } statements[] = {
        {&corpus.InsertDocument,
         "INSERT INTO documents(title, source, date, lang, author, url, text, imported_from, word_count, "
         "original_text, import_notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
        {&corpus.InsertFts, "INSERT INTO doc_fts(rowid, title, text) VALUES (?1, ?2, ?3)"},
        {&corpus.InsertField, "INSERT INTO fields(doc_id, position, key, value) VALUES (?1, ?2, ?3, ?4)"},
        {&corpus.InsertDocTerm, "INSERT INTO doc_terms(doc_id, term_id, count) VALUES (?1, ?2, ?3)"},
        {&corpus.UpsertTerm,
         "INSERT INTO terms(id, term, df, cf) VALUES (?1, ?2, ?3, ?4) "
         "ON CONFLICT(id) DO UPDATE SET df = excluded.df, cf = excluded.cf"},
    };
    for (auto& [target, sql] : statements) {
        auto st = corpus.Db->Prepare(sql);
        if (!st.ok()) return st.status();
        *target = std::make_unique<Statement>(std::move(*st));
    }
    return corpus;
}

core::Status Corpus::Migrate(bool may_create) {
    auto version = Db->QueryInt64("PRAGMA user_version");
    if (!version.ok()) return core::Error(core::StatusCode::Corrupt, "not a database: " + version.status().message());
    if (*version > kSchemaVersion)
        return core::Error(core::StatusCode::Unsupported,
                           "this corpus was made by a newer Corpus Lens (schema " + std::to_string(*version) +
                           ", this version reads up to " + std::to_string(kSchemaVersion) + ")");
    if (*version == 0) {
        auto tables = Db->QueryInt64("SELECT count(*) FROM sqlite_schema");
        if (!tables.ok()) return tables.status();
        if (*tables != 0 || !may_create)
            return core::Error(core::StatusCode::Unsupported, "not a Corpus Lens database (no schema version)");
        if (core::Status s = Db->Exec(std::string("BEGIN;") + kSchemaV1 + "COMMIT;"); !s.ok()) {
            Db->Exec("ROLLBACK");
            return core::Error(s.code(), "creating the corpus schema: " + s.message());
        }
    }
    for (const char* table : kRequiredTables) {
        auto st = Db->Prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?1");
        if (!st.ok()) return st.status();
        st->BindText(1, table);
        auto row = st->Step();
        if (!row.ok()) return row.status();
        if (st->ColumnInt64(0) != 1)
            return core::Error(core::StatusCode::Corrupt, std::string("not a Corpus Lens database: table '") +
                                                              table + "' is missing");
    }
    return core::Status::Ok();
}

core::Status Corpus::Begin() { return Db->Exec("BEGIN"); }

core::Status Corpus::Commit() {
    if (core::Status s = FlushTerms(); !s.ok()) return s;
    return Db->Exec("COMMIT");
}

core::Status Corpus::Rollback() {
    // The in-memory term statistics may hold this transaction's counts: read them again when next needed.
    TermTable = std::make_unique<Terms>();
    return Db->Exec("ROLLBACK");
}

core::Status Corpus::LoadTerms() {
    Terms& t = *TermTable;
    if (t.loaded) return core::Status::Ok();
    auto st = Db->Prepare("SELECT id, term, df, cf FROM terms");
    if (!st.ok()) return st.status();
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        int64_t id = st->ColumnInt64(0);
        t.by_term[std::string(st->ColumnText(1))] = {id, st->ColumnInt64(2), st->ColumnInt64(3), false};
        t.next_id = std::max(t.next_id, id + 1);
    }
    t.loaded = true;
    return core::Status::Ok();
}

core::Status Corpus::FlushTerms() {
    Statement& st = *UpsertTerm;
    for (auto& [term, counts] : TermTable->by_term) {
        if (!counts.dirty) continue;
        st.Reset();
        st.BindInt64(1, counts.id);
        st.BindText(2, term);
        st.BindInt64(3, counts.df);
        st.BindInt64(4, counts.cf);
        if (auto row = st.Step(); !row.ok()) return core::Error(row.status().code(), "saving word counts: " + row.status().message());
        counts.dirty = false;
    }
    return core::Status::Ok();
}

core::Result<int64_t> Corpus::AddDocument(const DocumentInput& doc) {
    if (sqlite3_get_autocommit(Db->handle())) {
        // Not inside Begin/Commit: make this document its own transaction.
        if (core::Status s = Begin(); !s.ok()) return s;
        auto id = AddDocument(doc);
        if (!id.ok()) { Rollback(); return id; }
        if (core::Status s = Commit(); !s.ok()) { Rollback(); return s; }
        return id;
    }
    if (core::Status s = LoadTerms(); !s.ok()) return s;
    Statement& st = *InsertDocument;
    st.Reset();
    st.BindText(1, doc.title);
    st.BindText(2, doc.source);
    st.BindText(3, doc.date);
    st.BindText(4, doc.lang);
    st.BindText(5, doc.author);
    st.BindText(6, doc.url);
    st.BindText(7, doc.text);
    st.BindText(8, doc.imported_from);
    st.BindInt64(9, doc.word_count);
    st.BindText(10, doc.original_text);
    st.BindText(11, doc.import_notes);
    if (auto row = st.Step(); !row.ok()) return core::Error(row.status().code(), "adding document: " + row.status().message());
    int64_t id = sqlite3_last_insert_rowid(Db->handle());
    Statement& fts = *InsertFts;
    fts.Reset();
    fts.BindInt64(1, id);
    fts.BindText(2, doc.title);
    fts.BindText(3, doc.text);
    if (auto row = fts.Step(); !row.ok()) return core::Error(row.status().code(), "indexing document: " + row.status().message());

    Statement& field = *InsertField;
    for (size_t i = 0; i < doc.fields.size(); ++i) {
        field.Reset();
        field.BindInt64(1, id);
        field.BindInt64(2, static_cast<int64_t>(i));
        field.BindText(3, doc.fields[i].first);
        field.BindText(4, doc.fields[i].second);
        if (auto row = field.Step(); !row.ok()) return core::Error(row.status().code(), "saving metadata: " + row.status().message());
    }

    // Bag of words: the same tokens FTS5 indexed, counted per document.
    std::unordered_map<std::string, int64_t> counts;
    text::Tokenizer tokenizer;
    tokenizer.Reset(doc.text);
    text::Token token;
    while (tokenizer.Next(&token)) ++counts[token.norm];
    Terms& terms = *TermTable;
    Statement& doc_term = *InsertDocTerm;
    for (const auto& [term, count] : counts) {
        TermCounts& t = terms.by_term[term];
        if (t.id == 0) t.id = terms.next_id++;
        t.df += 1;
        t.cf += count;
        t.dirty = true;
        doc_term.Reset();
        doc_term.BindInt64(1, id);
        doc_term.BindInt64(2, t.id);
        doc_term.BindInt64(3, count);
        if (auto row = doc_term.Step(); !row.ok()) return core::Error(row.status().code(), "saving word counts: " + row.status().message());
    }
    return id;
}

core::Result<std::string> Corpus::Meta(std::string_view key) {
    auto st = Db->Prepare("SELECT value FROM meta WHERE key = ?1");
    if (!st.ok()) return st.status();
    st->BindText(1, key);
    auto row = st->Step();
    if (!row.ok()) return row.status();
    return *row ? std::string(st->ColumnText(0)) : std::string();
}

core::Status Corpus::SetMeta(std::string_view key, std::string_view value) {
    auto st = Db->Prepare("INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st.ok()) return st.status();
    st->BindText(1, key);
    st->BindText(2, value);
    auto row = st->Step();
    return row.ok() ? core::Status::Ok() : row.status();
}

core::Result<std::vector<std::pair<std::string, std::string>>> Corpus::Fields(int64_t doc_id) {
    auto st = Db->Prepare("SELECT key, value FROM fields WHERE doc_id = ?1 ORDER BY position");
    if (!st.ok()) return st.status();
    st->BindInt64(1, doc_id);
    std::vector<std::pair<std::string, std::string>> fields;
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        fields.emplace_back(std::string(st->ColumnText(0)), std::string(st->ColumnText(1)));
    }
    return fields;
}

core::Result<std::string> Corpus::ImportNotes(int64_t doc_id) {
    auto st = Db->Prepare("SELECT import_notes FROM documents WHERE id = ?1");
    if (!st.ok()) return st.status();
    st->BindInt64(1, doc_id);
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return core::Error(core::StatusCode::NotFound, "document " + std::to_string(doc_id) + " does not exist");
    return std::string(st->ColumnText(0));
}

core::Result<int64_t> Corpus::DocumentCount() { return Db->QueryInt64("SELECT count(*) FROM documents"); }

core::Result<Document> Corpus::GetDocument(int64_t id) {
    auto st = Db->Prepare("SELECT id, title, source, date, lang, word_count, text FROM documents WHERE id = ?1");
    if (!st.ok()) return st.status();
    st->BindInt64(1, id);
    auto row = st->Step();
    if (!row.ok()) return core::Error(row.status().code(), "reading document: " + row.status().message());
    if (!*row) return core::Error(core::StatusCode::NotFound, "document " + std::to_string(id) + " does not exist");
    return Document{SummaryFromRow(*st), std::string(st->ColumnText(6))};
}

core::Result<std::vector<DocumentSummary>> Corpus::ListDocuments(int64_t after_id, int64_t limit) {
    auto st = Db->Prepare("SELECT id, title, source, date, lang, word_count FROM documents WHERE id > ?1 "
                          "ORDER BY id LIMIT ?2");
    if (!st.ok()) return st.status();
    st->BindInt64(1, after_id);
    st->BindInt64(2, limit);
    std::vector<DocumentSummary> docs;
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return core::Error(row.status().code(), "listing documents: " + row.status().message());
        if (!*row) break;
        docs.push_back(SummaryFromRow(*st));
    }
    return docs;
}

core::Result<int64_t> Corpus::CountMatches(std::string_view match) {
    auto st = Db->Prepare("SELECT count(*) FROM doc_fts WHERE doc_fts MATCH ?1");
    if (!st.ok()) return st.status();
    st->BindText(1, match);
    auto row = st->Step();
    if (!row.ok()) return core::Error(row.status().code(), "search: " + row.status().message());
    return st->ColumnInt64(0);
}

core::Result<std::vector<SearchHit>> Corpus::Search(std::string_view match, int limit) {
    auto st = Db->Prepare(
        "SELECT rowid, title, snippet(doc_fts, 1, char(2), char(3), '…', 24), bm25(doc_fts, 4.0, 1.0) AS score "
        "FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY score LIMIT ?2");
    if (!st.ok()) return st.status();
    st->BindText(1, match);
    st->BindInt64(2, limit);
    std::vector<SearchHit> hits;
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return core::Error(row.status().code(), "search: " + row.status().message());
        if (!*row) break;
        hits.push_back({st->ColumnInt64(0), std::string(st->ColumnText(1)), std::string(st->ColumnText(2)),
                        st->ColumnDouble(3)});
    }
    return hits;
}

}  // namespace store
