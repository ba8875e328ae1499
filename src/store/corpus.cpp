// Corpus: schema creation and migration, document insertion and full-text queries.
#include "store/corpus.h"

#include <algorithm>
#include <cassert>

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

// Schema 2 (from 1): which file import each document came from (so re-import acts on one import's copies
// and a file brought twice is recognised), and which metadata fields the user edited (kept by re-import).
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE documents ADD COLUMN import_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN edited TEXT NOT NULL DEFAULT '';
CREATE TABLE imports(id INTEGER PRIMARY KEY, name TEXT NOT NULL, size INTEGER NOT NULL, hash TEXT NOT NULL);
PRAGMA user_version = 2;
)sql";

// Schema 3 (from 2): each document's token sequence (term ids in text order, varint-coded: see
// EncodeSequence), for topic models, and the saved topic models. A corpus from schema 2 gets the tables
// empty; its sequences are filled by BackfillTokenSequence when a view first needs them.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE doc_tokens(
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    tokens BLOB NOT NULL);
CREATE TABLE topic_models(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    topics INTEGER NOT NULL,
    sweeps INTEGER NOT NULL,
    documents INTEGER NOT NULL DEFAULT 0,
    ll REAL NOT NULL DEFAULT 0,
    data BLOB NOT NULL,
    labels TEXT NOT NULL DEFAULT '');
PRAGMA user_version = 3;
)sql";

// The steps from each schema version to the next: kMigrations[v - 1] takes version v to v + 1.
constexpr const char* kMigrations[] = {kSchemaV2, kSchemaV3};
static_assert(std::size(kMigrations) + 1 == kSchemaVersion);

// New corpora use 16 KB pages (SQLite's default is 4 KB): a quarter of the page reads and writes, each a call
// into Emscripten's file system in the browser. State of the Union, app import path, native: 0.90 → 0.84 s;
// search p50 1.74 → 1.58 ms. Corpora made with other page sizes open as before.
constexpr const char* kPageSize = "PRAGMA page_size = 16384;";

// The tables a database must have before we use it (checked on every open, so a foreign file is refused
// with a clear message rather than failing later in a view).
constexpr const char* kRequiredTables[] = {"meta", "documents", "fields", "doc_fts", "terms", "doc_terms", "imports",
                                           "doc_tokens", "topic_models"};

// The documents columns a DocumentSummary is read from (SummaryFromRow's order).
constexpr const char* kSummaryColumns = "id, title, source, date, lang, word_count, author, url";

// A DocumentSummary (without its extra fields) from a row whose first columns are kSummaryColumns.
DocumentSummary SummaryFromRow(const Statement& st) {
    return {st.ColumnInt64(0), std::string(st.ColumnText(1)), std::string(st.ColumnText(2)),
            std::string(st.ColumnText(3)), std::string(st.ColumnText(4)), st.ColumnInt64(5),
            std::string(st.ColumnText(6)), std::string(st.ColumnText(7)), {}};
}

// Fills the extra fields of `docs` (ascending ids, from one ListDocuments piece or one document) with one
// range query over the fields table's primary key (doc_id, position).
core::Status ReadFields(Database& db, std::vector<DocumentSummary>& docs) {
    if (docs.empty()) return core::Status::Ok();
    auto st = db.Prepare("SELECT doc_id, key, value FROM fields WHERE doc_id BETWEEN ?1 AND ?2 ORDER BY doc_id, position");
    if (!st.ok()) return st.status();
    st->BindInt64(1, docs.front().id);
    st->BindInt64(2, docs.back().id);
    size_t at = 0;
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return core::Error(row.status().code(), "reading metadata: " + row.status().message());
        if (!*row) return core::Status::Ok();
        int64_t id = st->ColumnInt64(0);
        while (at < docs.size() && docs[at].id < id) ++at;
        if (at == docs.size()) return core::Status::Ok();
        if (docs[at].id == id) docs[at].fields.emplace_back(std::string(st->ColumnText(1)), std::string(st->ColumnText(2)));
    }
}

// "date title" ↔ {"date", "title"}: the edited-fields list, kept sorted and without repeats.
std::vector<std::string> SplitWords(std::string_view text) {
    std::vector<std::string> words;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) words.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string JoinWords(std::vector<std::string> words) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// A token sequence as bytes: each term id as an unsigned LEB128 varint (7 bits a byte, low bits first, the
// high bit set on all but the last byte). Term ids are numbered in order of first appearance, so the
// frequent words have small ids and most tokens take one or two bytes.
std::string EncodeSequence(const std::vector<uint32_t>& ids) {
    std::string bytes;
    bytes.reserve(ids.size() * 2);
    for (uint32_t id : ids) {
        while (id >= 0x80) {
            bytes.push_back(static_cast<char>((id & 0x7f) | 0x80));
            id >>= 7;
        }
        bytes.push_back(static_cast<char>(id));
    }
    return bytes;
}

// The inverse of EncodeSequence; Corrupt for a truncated varint or one wider than 32 bits.
core::Result<std::vector<uint32_t>> DecodeSequence(std::string_view bytes, int64_t doc_id) {
    std::vector<uint32_t> ids;
    ids.reserve(bytes.size());
    uint64_t value = 0;
    int shift = 0;
    for (char c : bytes) {
        const auto byte = static_cast<uint8_t>(c);
        value |= static_cast<uint64_t>(byte & 0x7f) << shift;
        if (byte & 0x80) {
            shift += 7;
            if (shift > 28) break;
            continue;
        }
        if (value > UINT32_MAX) break;
        ids.push_back(static_cast<uint32_t>(value));
        value = 0;
        shift = 0;
    }
    if (shift != 0 || value != 0)
        return core::Error(core::StatusCode::Corrupt, "the stored words of document " + std::to_string(doc_id) + " are damaged");
    return ids;
}

core::Status NotFound(int64_t id) {
    return core::Error(core::StatusCode::NotFound, "document " + std::to_string(id) + " does not exist");
}

// Runs `sql` (one row per id, `?1` the id) and leaves the statement on that row; NotFound without one.
core::Result<Statement> RowById(Database& db, const char* sql, int64_t id) {
    auto st = db.Prepare(sql);
    if (!st.ok()) return st.status();
    st->BindInt64(1, id);
    auto row = st->Step();
    if (!row.ok()) return core::Error(row.status().code(), "reading document: " + row.status().message());
    if (!*row) return NotFound(id);
    return std::move(*st);
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
    if (core::Status s = RegisterIcuTokenizer(corpus.Db->handle(), corpus.Sink.get()); !s.ok()) return s;
    if (core::Status s = corpus.Migrate(may_create); !s.ok()) return s;
    struct { std::unique_ptr<Statement>* target; const char* sql; } statements[] = {
        {&corpus.InsertDocument,
         "INSERT INTO documents(title, source, date, lang, author, url, text, imported_from, "
         "original_text, import_notes, id, import_id, edited) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
         "nullif(?11, 0), ?12, ?13)"},
        {&corpus.SetWordCount, "UPDATE documents SET word_count = ?2 WHERE id = ?1"},
        {&corpus.InsertFts, "INSERT INTO doc_fts(rowid, title, text) VALUES (?1, ?2, ?3)"},
        {&corpus.InsertField, "INSERT INTO fields(doc_id, position, key, value) VALUES (?1, ?2, ?3, ?4)"},
        {&corpus.InsertDocTerm, "INSERT INTO doc_terms(doc_id, term_id, count) VALUES (?1, ?2, ?3)"},
        {&corpus.UpsertTerm,
         "INSERT INTO terms(id, term, df, cf) VALUES (?1, ?2, ?3, ?4) "
         "ON CONFLICT(id) DO UPDATE SET df = excluded.df, cf = excluded.cf"},
        {&corpus.InsertTokens, "INSERT OR REPLACE INTO doc_tokens(doc_id, tokens) VALUES (?1, ?2)"},
        {&corpus.SelectTokens, "SELECT tokens FROM doc_tokens WHERE doc_id = ?1"},
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
        if (core::Status s = Db->Exec(std::string(kPageSize) + "BEGIN;" + kSchemaV1 + kSchemaV2 + kSchemaV3 + "COMMIT;"); !s.ok()) {
            Db->Exec("ROLLBACK");
            return core::Error(s.code(), "creating the corpus schema: " + s.message());
        }
    } else if (*version < kSchemaVersion) {
        // Every step from the file's version on, in one transaction: a failure leaves the file as it was.
        std::string sql = "BEGIN;";
        for (int64_t v = *version; v < kSchemaVersion; ++v) sql += kMigrations[v - 1];
        if (core::Status s = Db->Exec(sql + "COMMIT;"); !s.ok()) {
            Db->Exec("ROLLBACK");
            return core::Error(s.code(), "updating the corpus to schema " + std::to_string(kSchemaVersion) + ": " + s.message());
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

bool Corpus::TransactionOpen() { return !sqlite3_get_autocommit(Db->handle()); }

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
    // Twice: the first call finishes a list SaveWordCounts may have started, the second takes what
    // changed since (documents added between its steps).
    for (int pass = 0; pass < 2; ++pass)
        if (auto done = SaveWordCounts(core::Deadline::Never()); !done.ok()) return done.status();
    return core::Status::Ok();
}

core::Result<bool> Corpus::SaveWordCounts(core::Deadline deadline) {
    Terms& terms = *TermTable;
    if (terms.pending.empty()) {
        for (auto& [term, counts] : terms.by_term)
            if (counts.dirty) terms.pending.emplace_back(&term, &counts);
        terms.saved = 0;
    }
    Statement& st = *UpsertTerm;
    const size_t first = terms.saved;   // each call saves something, even with its deadline already past
    while (terms.saved < terms.pending.size()) {
        if (terms.saved != first && (terms.saved & 255) == 0 && deadline.Expired()) return false;
        auto [term, counts] = terms.pending[terms.saved++];
        if (!counts->dirty) continue;
        st.Reset();
        st.BindInt64(1, counts->id);
        st.BindText(2, *term);
        st.BindInt64(3, counts->df);
        st.BindInt64(4, counts->cf);
        if (auto row = st.Step(); !row.ok()) return core::Error(row.status().code(), "saving word counts: " + row.status().message());
        counts->dirty = false;
    }
    terms.pending.clear();
    terms.saved = 0;
    return true;
}

core::Status Corpus::FlushIndex() {
    // FTS5 writes what it holds in memory whenever a savepoint opens (fts5SavepointMethod).
    return Db->Exec("SAVEPOINT flush_index; RELEASE flush_index;");
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
    st.BindText(9, doc.original_text);
    st.BindText(10, doc.import_notes);
    st.BindInt64(11, doc.id);
    st.BindInt64(12, doc.import_id);
    st.BindText(13, doc.edited);
    if (auto row = st.Step(); !row.ok()) return core::Error(row.status().code(), "adding document: " + row.status().message());
    int64_t id = sqlite3_last_insert_rowid(Db->handle());
    auto words = IndexText(id, doc.title, doc.text);
    if (!words.ok()) return words.status();
    if (core::Status s = StoreWordCount(id, *words); !s.ok()) return s;

    Statement& field = *InsertField;
    for (size_t i = 0; i < doc.fields.size(); ++i) {
        field.Reset();
        field.BindInt64(1, id);
        field.BindInt64(2, static_cast<int64_t>(i));
        field.BindText(3, doc.fields[i].first);
        field.BindText(4, doc.fields[i].second);
        if (auto row = field.Step(); !row.ok()) return core::Error(row.status().code(), "saving metadata: " + row.status().message());
    }
    return id;
}

core::Status Corpus::StoreWordCount(int64_t id, int64_t words) {
    Statement& st = *SetWordCount;
    st.Reset();
    st.BindInt64(1, id);
    st.BindInt64(2, words);
    auto row = st.Step();
    return row.ok() ? core::Status::Ok() : core::Error(row.status().code(), "saving the word count: " + row.status().message());
}

core::Result<int64_t> Corpus::IndexText(int64_t id, std::string_view title, std::string_view text) {
    if (core::Status s = LoadTerms(); !s.ok()) return s;
    // FTS5 tokenizes the text once; the sink counts those same tokens into TextCounts (term id → count) and
    // lists them in order in TextSequence (the document's token sequence).
    TextCounts.clear();
    TextSequence.clear();
    int64_t words = 0;
    struct Counting { Corpus* corpus; int64_t* words; };
    Counting counting{this, &words};
    Sink->user = &counting;
    Sink->emit = [](void* user, const std::string& norm) {
        auto* c = static_cast<Counting*>(user);
        Terms& terms = *c->corpus->TermTable;
        auto it = terms.by_term.find(norm);
        if (it == terms.by_term.end()) it = terms.by_term.emplace(norm, TermCounts{terms.next_id++, 0, 0, false}).first;
        c->corpus->TextSequence.push_back(static_cast<uint32_t>(it->second.id));
        auto [count, first] = c->corpus->TextCounts.try_emplace(it->second.id, 0);
        ++count->second;
        if (first) ++it->second.df;
        ++it->second.cf;
        it->second.dirty = true;
        ++*c->words;
    };
    Sink->watch = text;
    Sink->seen = false;
    Statement& fts = *InsertFts;
    fts.Reset();
    fts.BindInt64(1, id);
    fts.BindText(2, title);
    fts.BindText(3, text);
    auto row = fts.Step();
    Sink->watch = {};
    if (!row.ok()) return core::Error(row.status().code(), "indexing document: " + row.status().message());
    if (!Sink->seen && !text.empty()) {
        // FTS5 did not show us the text (it never has so far): count it ourselves.
        text::Tokenizer tokenizer;
        tokenizer.Reset(text);
        text::Token token;
        while (tokenizer.Next(&token))
            if (!token.norm.empty()) Sink->emit(&counting, token.norm);
    }

    // One doc_terms row per distinct term.
    Statement& doc_term = *InsertDocTerm;
    for (const auto& [term_id, count] : TextCounts) {
        doc_term.Reset();
        doc_term.BindInt64(1, id);
        doc_term.BindInt64(2, term_id);
        doc_term.BindInt64(3, count);
        if (auto r = doc_term.Step(); !r.ok()) return core::Error(r.status().code(), "saving word counts: " + r.status().message());
    }
    if (core::Status s = StoreTokenSequence(id); !s.ok()) return s;
    return words;
}

core::Status Corpus::StoreTokenSequence(int64_t id) {
    Statement& st = *InsertTokens;
    st.Reset();
    st.BindInt64(1, id);
    st.BindBlob(2, EncodeSequence(TextSequence));
    auto row = st.Step();
    return row.ok() ? core::Status::Ok() : core::Error(row.status().code(), "saving the word sequence: " + row.status().message());
}

core::Status Corpus::UnindexText(int64_t id) {
    if (core::Status s = LoadTerms(); !s.ok()) return s;
    auto fts = Db->Prepare("INSERT INTO doc_fts(doc_fts, rowid, title, text) "
                           "SELECT 'delete', id, title, text FROM documents WHERE id = ?1");
    if (!fts.ok()) return fts.status();
    fts->BindInt64(1, id);
    if (auto row = fts->Step(); !row.ok()) return core::Error(row.status().code(), "updating the index: " + row.status().message());
    auto counts = Db->Prepare("SELECT t.term, d.count FROM doc_terms d JOIN terms t ON t.id = d.term_id WHERE d.doc_id = ?1");
    if (!counts.ok()) return counts.status();
    counts->BindInt64(1, id);
    for (;;) {
        auto row = counts->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        auto it = TermTable->by_term.find(std::string(counts->ColumnText(0)));
        if (it == TermTable->by_term.end()) continue;   // cannot happen: terms rows are never deleted
        it->second.df -= 1;
        it->second.cf -= counts->ColumnInt64(1);
        it->second.dirty = true;
    }
    for (const char* sql : {"DELETE FROM doc_terms WHERE doc_id = ?1", "DELETE FROM doc_tokens WHERE doc_id = ?1"}) {
        auto remove = Db->Prepare(sql);
        if (!remove.ok()) return remove.status();
        remove->BindInt64(1, id);
        if (auto row = remove->Step(); !row.ok()) return row.status();
    }
    return core::Status::Ok();
}

template <typename Body>
core::Status Corpus::InTransaction(Body body) {
    if (!sqlite3_get_autocommit(Db->handle())) return body();
    if (core::Status s = Begin(); !s.ok()) return s;
    core::Status s = body();
    if (s.ok()) s = Commit();
    if (!s.ok()) Rollback();
    return s;
}

core::Status Corpus::UpdateMetadata(const DocumentSummary& doc) {
    return InTransaction([&]() -> core::Status {
        auto old = GetDocument(doc.id);
        if (!old.ok()) return old.status();
        const bool title_changed = old->summary.title != doc.title;
        if (title_changed) {   // the title is indexed: take the old entry out before the row changes
            if (core::Status s = UnindexText(doc.id); !s.ok()) return s;
        }
        // The user's edits so far, plus the fields changed now (a re-import keeps them).
        std::vector<std::string> edited = SplitWords(old->edited);
        const std::string* now[] = {&doc.title, &doc.source, &doc.date, &doc.lang, &doc.author, &doc.url};
        const std::string* before[] = {&old->summary.title, &old->summary.source, &old->summary.date,
                                       &old->summary.lang, &old->summary.author, &old->summary.url};
        static_assert(std::size(now) == std::size(kEditableFields));
        for (size_t i = 0; i < std::size(kEditableFields); ++i)
            if (*now[i] != *before[i]) edited.push_back(kEditableFields[i]);
        if (doc.fields != old->summary.fields) edited.push_back("fields");
        auto st = Db->Prepare("UPDATE documents SET title = ?2, source = ?3, date = ?4, lang = ?5, author = ?6, url = ?7, "
                              "edited = ?8 WHERE id = ?1");
        if (!st.ok()) return st.status();
        st->BindInt64(1, doc.id);
        st->BindText(2, doc.title);
        st->BindText(3, doc.source);
        st->BindText(4, doc.date);
        st->BindText(5, doc.lang);
        st->BindText(6, doc.author);
        st->BindText(7, doc.url);
        st->BindText(8, JoinWords(std::move(edited)));
        if (auto row = st->Step(); !row.ok()) return core::Error(row.status().code(), "saving metadata: " + row.status().message());
        if (old->summary.fields != doc.fields) {
            auto clear = Db->Prepare("DELETE FROM fields WHERE doc_id = ?1");
            if (!clear.ok()) return clear.status();
            clear->BindInt64(1, doc.id);
            if (auto row = clear->Step(); !row.ok()) return core::Error(row.status().code(), "saving metadata: " + row.status().message());
            Statement& field = *InsertField;
            for (size_t i = 0; i < doc.fields.size(); ++i) {
                field.Reset();
                field.BindInt64(1, doc.id);
                field.BindInt64(2, static_cast<int64_t>(i));
                field.BindText(3, doc.fields[i].first);
                field.BindText(4, doc.fields[i].second);
                if (auto row = field.Step(); !row.ok()) return core::Error(row.status().code(), "saving metadata: " + row.status().message());
            }
        }
        if (title_changed) {
            if (auto words = IndexText(doc.id, doc.title, old->text); !words.ok()) return words.status();
        }
        return core::Status::Ok();
    });
}

core::Status Corpus::DeleteDocument(int64_t id) {
    return InTransaction([&]() -> core::Status {
        auto exists = Db->Prepare("SELECT 1 FROM documents WHERE id = ?1");
        if (!exists.ok()) return exists.status();
        exists->BindInt64(1, id);
        auto found = exists->Step();
        if (!found.ok()) return found.status();
        if (!*found) return NotFound(id);
        if (core::Status s = UnindexText(id); !s.ok()) return s;
        auto st = Db->Prepare("DELETE FROM documents WHERE id = ?1");   // fields go with it (ON DELETE CASCADE)
        if (!st.ok()) return st.status();
        st->BindInt64(1, id);
        auto row = st->Step();
        return row.ok() ? core::Status::Ok() : core::Error(row.status().code(), "deleting: " + row.status().message());
    });
}

core::Result<bool> Corpus::HasOriginalText(int64_t id) {
    auto st = Db->Prepare("SELECT original_text <> '' FROM documents WHERE id = ?1");
    if (!st.ok()) return st.status();
    st->BindInt64(1, id);
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return NotFound(id);
    return st->ColumnInt64(0) != 0;
}

core::Status Corpus::RestoreOriginalText(int64_t id) {
    return InTransaction([&]() -> core::Status {
        auto st = Db->Prepare("SELECT title, original_text FROM documents WHERE id = ?1");
        if (!st.ok()) return st.status();
        st->BindInt64(1, id);
        auto row = st->Step();
        if (!row.ok()) return row.status();
        if (!*row) return NotFound(id);
        std::string title(st->ColumnText(0)), original(st->ColumnText(1));
        if (original.empty()) return core::Status::Ok();
        if (core::Status s = UnindexText(id); !s.ok()) return s;
        auto update = Db->Prepare("UPDATE documents SET text = original_text, original_text = '', "
                                  "import_notes = import_notes || char(10) || 'Trimming undone: the text is as imported.' "
                                  "WHERE id = ?1");
        if (!update.ok()) return update.status();
        update->BindInt64(1, id);
        if (auto r = update->Step(); !r.ok()) return r.status();
        auto words = IndexText(id, title, original);
        if (!words.ok()) return words.status();
        return StoreWordCount(id, *words);
    });
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

core::Result<std::vector<std::string>> Corpus::FieldNames() {
    auto st = Db->Prepare("SELECT key FROM fields ORDER BY doc_id, position");
    if (!st.ok()) return st.status();
    std::vector<std::string> names;
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return core::Error(row.status().code(), "reading metadata: " + row.status().message());
        if (!*row) return names;
        std::string_view key = st->ColumnText(0);
        if (std::find(names.begin(), names.end(), key) == names.end()) names.emplace_back(key);
    }
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
    if (!*row) return NotFound(doc_id);
    return std::string(st->ColumnText(0));
}

core::Result<int64_t> Corpus::DocumentCount() { return Db->QueryInt64("SELECT count(*) FROM documents"); }

core::Result<std::vector<int64_t>> Corpus::DocumentsImportedFrom(std::string_view name) {
    auto st = Db->Prepare("SELECT id FROM documents WHERE imported_from = ?1 OR "
                          "substr(imported_from, 1, length(?1) + 1) IN (?1 || '/', ?1 || ',') ORDER BY id");
    if (!st.ok()) return st.status();
    st->BindText(1, name);
    std::vector<int64_t> ids;
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        ids.push_back(st->ColumnInt64(0));
    }
    return ids;
}

core::Result<int64_t> Corpus::AddImport(const ImportRecord& record) {
    auto st = Db->Prepare("INSERT INTO imports(name, size, hash) VALUES (?1, ?2, ?3)");
    if (!st.ok()) return st.status();
    st->BindText(1, record.name);
    st->BindInt64(2, record.size);
    st->BindText(3, record.hash);
    if (auto row = st->Step(); !row.ok()) return core::Error(row.status().code(), "recording the import: " + row.status().message());
    return static_cast<int64_t>(sqlite3_last_insert_rowid(Db->handle()));
}

core::Result<std::vector<ImportRecord>> Corpus::Imports() {
    auto st = Db->Prepare("SELECT id, name, size, hash FROM imports ORDER BY id");
    if (!st.ok()) return st.status();
    std::vector<ImportRecord> records;
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        records.push_back({st->ColumnInt64(0), std::string(st->ColumnText(1)), st->ColumnInt64(2), std::string(st->ColumnText(3))});
    }
    return records;
}

core::Result<std::vector<int64_t>> Corpus::DocumentsOfImport(int64_t import_id) {
    std::vector<int64_t> ids;
    if (import_id == 0) return ids;
    auto st = Db->Prepare("SELECT id FROM documents WHERE import_id = ?1 ORDER BY id");
    if (!st.ok()) return st.status();
    st->BindInt64(1, import_id);
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        ids.push_back(st->ColumnInt64(0));
    }
    return ids;
}

core::Result<DocumentInput> Corpus::ReadDocumentInput(int64_t id) {
    auto st = RowById(*Db, "SELECT title, source, date, lang, author, url, text, imported_from, original_text, "
                           "import_notes, import_id, edited FROM documents WHERE id = ?1", id);
    if (!st.ok()) return st.status();
    DocumentInput doc;
    std::string* columns[] = {&doc.title, &doc.source, &doc.date, &doc.lang, &doc.author, &doc.url, &doc.text,
                              &doc.imported_from, &doc.original_text, &doc.import_notes};
    for (int i = 0; i < static_cast<int>(std::size(columns)); ++i) *columns[i] = std::string(st->ColumnText(i));
    doc.id = id;
    doc.import_id = st->ColumnInt64(10);
    doc.edited = std::string(st->ColumnText(11));
    auto fields = Fields(id);
    if (!fields.ok()) return fields.status();
    doc.fields = std::move(*fields);
    return doc;
}

core::Result<int64_t> Corpus::LastDocumentId() { return Db->QueryInt64("SELECT coalesce(max(id), 0) FROM documents"); }

core::Result<Document> Corpus::GetDocument(int64_t id) {
    auto st = RowById(*Db, (std::string("SELECT ") + kSummaryColumns +
                            ", text, imported_from, import_id, edited FROM documents WHERE id = ?1").c_str(), id);
    if (!st.ok()) return st.status();
    std::vector<DocumentSummary> one = {SummaryFromRow(*st)};
    if (core::Status s = ReadFields(*Db, one); !s.ok()) return s;
    return Document{std::move(one[0]), std::string(st->ColumnText(8)), std::string(st->ColumnText(9)),
                    st->ColumnInt64(10), std::string(st->ColumnText(11))};
}

core::Result<std::vector<DocumentSummary>> Corpus::ListDocuments(int64_t after_id, int64_t limit) {
    auto st = Db->Prepare(std::string("SELECT ") + kSummaryColumns + " FROM documents WHERE id > ?1 ORDER BY id LIMIT ?2");
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
    if (core::Status s = ReadFields(*Db, docs); !s.ok()) return s;
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

core::Result<std::vector<int64_t>> Corpus::MatchingDocumentIds(std::string_view match) {
    auto st = Db->Prepare("SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rowid");
    if (!st.ok()) return st.status();
    st->BindText(1, match);
    std::vector<int64_t> ids;
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return core::Error(row.status().code(), "search: " + row.status().message());
        if (!*row) break;
        ids.push_back(st->ColumnInt64(0));
    }
    return ids;
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

// ---- Token sequences ----------------------------------------------------------------------------------------

core::Result<std::vector<uint32_t>> Corpus::TokenSequence(int64_t doc_id) {
    Statement& st = *SelectTokens;
    st.Reset();
    st.BindInt64(1, doc_id);
    auto row = st.Step();
    if (!row.ok()) return core::Error(row.status().code(), "reading the word sequence: " + row.status().message());
    if (!*row)
        return core::Error(core::StatusCode::NotFound, "document " + std::to_string(doc_id) + " has no stored word sequence");
    auto ids = DecodeSequence(st.ColumnBlob(0), doc_id);
    st.Reset();   // lets go of the row (and of the read lock outside a transaction)
    return ids;
}

core::Result<std::vector<std::string>> Corpus::TermStrings() {
    auto st = Db->Prepare("SELECT id, term FROM terms WHERE id > 0 ORDER BY id");
    if (!st.ok()) return st.status();
    std::vector<std::string> terms;
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return core::Error(row.status().code(), "reading the vocabulary: " + row.status().message());
        if (!*row) return terms;
        const int64_t id = st->ColumnInt64(0);
        if (id > UINT32_MAX) return core::Error(core::StatusCode::Corrupt, "the vocabulary holds an impossible word id");
        terms.resize(static_cast<size_t>(id) + 1);
        terms.back() = std::string(st->ColumnText(1));
    }
}

core::Result<int64_t> Corpus::MissingTokenSequences() {
    return Db->QueryInt64("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM doc_tokens t WHERE t.doc_id = d.id)");
}

core::Result<int64_t> Corpus::BackfillTokenSequence(int64_t after_id) {
    int64_t done = 0;
    core::Status s = InTransaction([&]() -> core::Status {
        auto st = Db->Prepare("SELECT id, text FROM documents d WHERE id > ?1 AND "
                              "NOT EXISTS (SELECT 1 FROM doc_tokens t WHERE t.doc_id = d.id) ORDER BY id LIMIT 1");
        if (!st.ok()) return st.status();
        st->BindInt64(1, after_id);
        auto row = st->Step();
        if (!row.ok()) return core::Error(row.status().code(), "reading a document: " + row.status().message());
        if (!*row) return core::Status::Ok();
        done = st->ColumnInt64(0);
        if (core::Status loaded = LoadTerms(); !loaded.ok()) return loaded;
        // The same tokens FTS5's "icu" tokenizer emits (fts5_tokenizer.cpp: empty normal forms skipped). A word
        // the terms table lacks (a text indexed by an older tokenizer) gets an id with no counts of its own.
        Terms& terms = *TermTable;
        TextSequence.clear();
        text::Tokenizer tokenizer;
        tokenizer.Reset(st->ColumnText(1));
        text::Token token;
        while (tokenizer.Next(&token)) {
            if (token.norm.empty()) continue;
            auto it = terms.by_term.find(token.norm);
            if (it == terms.by_term.end())
                it = terms.by_term.emplace(token.norm, TermCounts{terms.next_id++, 0, 0, true}).first;
            TextSequence.push_back(static_cast<uint32_t>(it->second.id));
        }
        return StoreTokenSequence(done);
    });
    if (!s.ok()) return s;
    return done;
}

// ---- Saved topic models -------------------------------------------------------------------------------------

core::Result<int64_t> Corpus::SaveTopicModel(const TopicModelRecord& model) { return StoreTopicModel(model, &model.data, 0); }

core::Result<int64_t> Corpus::SaveTopicModelShell(const TopicModelRecord& model, size_t data_bytes) {
    assert(!sqlite3_get_autocommit(Db->handle()));   // the caller's transaction holds the zeros until the last piece
    return StoreTopicModel(model, nullptr, data_bytes);
}

core::Result<int64_t> Corpus::StoreTopicModel(const TopicModelRecord& model, const std::string* data, size_t data_bytes) {
    auto st = Db->Prepare("INSERT INTO topic_models(id, name, created, settings, topics, sweeps, documents, ll, data, labels) "
                          "VALUES (nullif(?1, 0), ?2, coalesce(nullif(?3, ''), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
                          "?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                          "settings = excluded.settings, topics = excluded.topics, sweeps = excluded.sweeps, "
                          "documents = excluded.documents, ll = excluded.ll, data = excluded.data");
    if (!st.ok()) return st.status();
    st->BindInt64(1, model.id);
    st->BindText(2, model.name);
    st->BindText(3, model.created);
    st->BindText(4, model.settings.empty() ? std::string_view("{}") : std::string_view(model.settings));
    st->BindInt64(5, model.topics);
    st->BindInt64(6, model.sweeps);
    st->BindInt64(7, model.documents);
    st->BindDouble(8, model.log_likelihood_per_token);
    if (data) st->BindBlob(9, *data);
    else st->BindZeroBlob(9, static_cast<int64_t>(data_bytes));
    st->BindText(10, model.labels);
    if (auto row = st->Step(); !row.ok()) return core::Error(row.status().code(), "saving the topic model: " + row.status().message());
    return model.id != 0 ? model.id : static_cast<int64_t>(sqlite3_last_insert_rowid(Db->handle()));
}

namespace {

// One model's `data` BLOB opened for incremental I/O, closed at the end of the scope.
class ModelBlob {
public:
    ModelBlob(sqlite3* db, int64_t id, bool write) {
        Rc = sqlite3_blob_open(db, "main", "topic_models", "data", id, write ? 1 : 0, &Blob);
    }
    ~ModelBlob() { sqlite3_blob_close(Blob); }
    ModelBlob(const ModelBlob&) = delete;
    ModelBlob& operator=(const ModelBlob&) = delete;
    // Ok, NotFound for a missing row, or what SQLite said.
    core::Status Opened(sqlite3* db, int64_t id) const {
        if (Rc == SQLITE_OK) return core::Status::Ok();
        if (Rc == SQLITE_ERROR && std::string_view(sqlite3_errmsg(db)) == "no such rowid: " + std::to_string(id))
            return core::Error(core::StatusCode::NotFound, "topic model " + std::to_string(id) + " does not exist");
        return StatusFromSqlite(Rc, "opening the topic model's data", sqlite3_errmsg(db));
    }
    sqlite3_blob* Blob = nullptr;
    int Rc = SQLITE_OK;
};

}  // namespace

core::Status Corpus::WriteTopicModelData(int64_t id, size_t offset, std::string_view bytes) {
    ModelBlob blob(Db->handle(), id, true);
    if (core::Status s = blob.Opened(Db->handle(), id); !s.ok()) return s;
    if (offset + bytes.size() > static_cast<size_t>(sqlite3_blob_bytes(blob.Blob)))
        return core::Error(core::StatusCode::InvalidInput, "a piece of the topic model lies beyond its stored size");
    const int rc = sqlite3_blob_write(blob.Blob, bytes.data(), static_cast<int>(bytes.size()), static_cast<int>(offset));
    if (rc != SQLITE_OK) return StatusFromSqlite(rc, "saving the topic model", sqlite3_errmsg(Db->handle()));
    return core::Status::Ok();
}

core::Result<int64_t> Corpus::TopicModelDataSize(int64_t id) {
    ModelBlob blob(Db->handle(), id, false);
    if (core::Status s = blob.Opened(Db->handle(), id); !s.ok()) return s;
    return static_cast<int64_t>(sqlite3_blob_bytes(blob.Blob));
}

core::Result<std::string> Corpus::ReadTopicModelData(int64_t id, size_t offset, size_t bytes) {
    ModelBlob blob(Db->handle(), id, false);
    if (core::Status s = blob.Opened(Db->handle(), id); !s.ok()) return s;
    const size_t size = static_cast<size_t>(sqlite3_blob_bytes(blob.Blob));
    std::string out(offset < size ? std::min(bytes, size - offset) : 0, '\0');
    const int rc = sqlite3_blob_read(blob.Blob, out.data(), static_cast<int>(out.size()), static_cast<int>(offset));
    if (rc != SQLITE_OK) return StatusFromSqlite(rc, "reading the topic model", sqlite3_errmsg(Db->handle()));
    return out;
}

namespace {
constexpr const char* kModelColumns = "id, name, created, settings, topics, sweeps, documents, ll, labels";

TopicModelRecord ModelFromRow(const Statement& st) {
    TopicModelRecord m;
    m.id = st.ColumnInt64(0);
    m.name = std::string(st.ColumnText(1));
    m.created = std::string(st.ColumnText(2));
    m.settings = std::string(st.ColumnText(3));
    m.topics = static_cast<int>(st.ColumnInt64(4));
    m.sweeps = static_cast<int>(st.ColumnInt64(5));
    m.documents = st.ColumnInt64(6);
    m.log_likelihood_per_token = st.ColumnDouble(7);
    m.labels = std::string(st.ColumnText(8));
    return m;
}
}  // namespace

core::Result<std::vector<TopicModelRecord>> Corpus::ListTopicModels() {
    auto st = Db->Prepare(std::string("SELECT ") + kModelColumns + " FROM topic_models ORDER BY id DESC");
    if (!st.ok()) return st.status();
    std::vector<TopicModelRecord> models;
    for (;;) {
        auto row = st->Step();
        if (!row.ok()) return core::Error(row.status().code(), "listing topic models: " + row.status().message());
        if (!*row) return models;
        models.push_back(ModelFromRow(*st));
    }
}

core::Result<TopicModelRecord> Corpus::LoadTopicModel(int64_t id) {
    auto st = Db->Prepare(std::string("SELECT ") + kModelColumns + ", data FROM topic_models WHERE id = ?1");
    if (!st.ok()) return st.status();
    st->BindInt64(1, id);
    auto row = st->Step();
    if (!row.ok()) return core::Error(row.status().code(), "reading the topic model: " + row.status().message());
    if (!*row) return core::Error(core::StatusCode::NotFound, "topic model " + std::to_string(id) + " does not exist");
    TopicModelRecord m = ModelFromRow(*st);
    m.data = std::string(st->ColumnBlob(9));
    return m;
}

core::Status Corpus::ChangeTopicModel(const char* sql, int64_t id, std::string_view text) {
    auto st = Db->Prepare(sql);
    if (!st.ok()) return st.status();
    st->BindInt64(1, id);
    if (std::string_view(sql).find("?2") != std::string_view::npos) st->BindText(2, text);
    if (auto row = st->Step(); !row.ok()) return core::Error(row.status().code(), "saving the topic model: " + row.status().message());
    if (sqlite3_changes(Db->handle()) == 0)
        return core::Error(core::StatusCode::NotFound, "topic model " + std::to_string(id) + " does not exist");
    return core::Status::Ok();
}

core::Status Corpus::UpdateTopicModelLabels(int64_t id, std::string_view labels) {
    return ChangeTopicModel("UPDATE topic_models SET labels = ?2 WHERE id = ?1", id, labels);
}

core::Status Corpus::RenameTopicModel(int64_t id, std::string_view name) {
    return ChangeTopicModel("UPDATE topic_models SET name = ?2 WHERE id = ?1", id, name);
}

core::Status Corpus::DeleteTopicModel(int64_t id) {
    return ChangeTopicModel("DELETE FROM topic_models WHERE id = ?1", id, {});
}

}  // namespace store
