// A corpus is one SQLite database (the file is also the shareable bundle). This class owns the connection,
// creates or migrates the schema (versioned with PRAGMA user_version, see docs/ARCHITECTURE.md "Data"), and
// offers typed queries. It does no text processing of its own beyond what the FTS5 "icu" tokenizer does.
//
//     auto corpus = store::Corpus::Create(":memory:");
//     corpus->Begin();
//     corpus->AddDocument({.title = "Press conference", .text = "…"});
//     corpus->Commit();
//     auto hits = corpus->Search("\"lavrov\"", 20);   // an FTS5 MATCH expression; see analysis/search.h
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/database.h"
#include "store/fts5_tokenizer.h"

namespace store {

inline constexpr int kSchemaVersion = 1;

struct DocumentInput {
    std::string title;
    std::string source;
    std::string date;       // ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) or empty
    std::string lang;       // BCP 47 tag or empty
    std::string author;
    std::string url;
    std::string text;       // valid UTF-8
    int64_t word_count = 0; // tokens in text, as counted by text::Tokenizer (the caller counts)
    std::string imported_from;
    std::string original_text;  // the text before import trimmed furniture; empty when nothing was trimmed
    std::string import_notes;   // the import report for this document, one line per note
    std::vector<std::pair<std::string, std::string>> fields;   // other metadata (CSV/JSON columns)
};

// Highlight markers inside SearchHit::snippet around each matched word (ASCII STX / ETX).
inline constexpr char kHighlightBegin = '\x02';
inline constexpr char kHighlightEnd = '\x03';

struct SearchHit {
    int64_t doc_id = 0;
    std::string title;
    std::string snippet;    // a window of the text around the best match, with highlight markers
    double score = 0;       // bm25 (title weighted 4×); lower is a better match, as in FTS5
};

// One row of the document list (everything but the text).
struct DocumentSummary {
    int64_t id = 0;
    std::string title, source, date, lang;
    int64_t word_count = 0;
};

struct Document {
    DocumentSummary summary;
    std::string text;
};

class Corpus {
public:
    // A new or existing database of our own (":memory:" for a temporary one); migrates an older schema.
    static core::Result<Corpus> Create(const std::string& path);
    // A database from elsewhere (a shared bundle): opened defensively and checked before use.
    static core::Result<Corpus> OpenUntrusted(const std::string& path);

    core::Status Begin();
    core::Status Commit();
    core::Status Rollback();

    // Adds a document and indexes it: full-text search (FTS5) and the bag of words (terms, doc_terms).
    // Returns its id. Inside Begin/Commit many documents cost one transaction; outside, each is its own.
    core::Result<int64_t> AddDocument(const DocumentInput& doc);
    // Edits. Each keeps full-text search and the bag of words consistent; inside Begin/Commit they join the
    // transaction, outside each is its own.
    // Replaces a document's title, source, date and language (the Library's metadata editor).
    core::Status UpdateMetadata(const DocumentSummary& doc);
    // Deletes a document with its fields, index entries and word counts.
    core::Status DeleteDocument(int64_t id);
    // Puts back the text as it was before import trimmed page furniture (no-op when nothing was trimmed).
    core::Status RestoreOriginalText(int64_t id);
    // Whether import trimmed this document (so RestoreOriginalText would change it).
    core::Result<bool> HasOriginalText(int64_t id);

    // A meta value ("name", "created" …), "" when not set.
    core::Result<std::string> Meta(std::string_view key);
    core::Status SetMeta(std::string_view key, std::string_view value);
    // Extra metadata fields of a document, in the order they were added.
    core::Result<std::vector<std::pair<std::string, std::string>>> Fields(int64_t doc_id);
    // The import notes of a document (one per line).
    core::Result<std::string> ImportNotes(int64_t doc_id);
    core::Result<int64_t> DocumentCount();
    // One document with its text; NotFound when there is no such id.
    core::Result<Document> GetDocument(int64_t id);
    // Documents in id order, without their text: those with id > after_id, at most `limit` (-1: all), so a
    // long list can be read in pieces.
    core::Result<std::vector<DocumentSummary>> ListDocuments(int64_t after_id = 0, int64_t limit = -1);
    // Number of documents matching an FTS5 MATCH expression.
    core::Result<int64_t> CountMatches(std::string_view match);
    // The best `limit` documents for an FTS5 MATCH expression, best first.
    core::Result<std::vector<SearchHit>> Search(std::string_view match, int limit);
    // The ids of all documents matching an FTS5 MATCH expression, ascending.
    core::Result<std::vector<int64_t>> MatchingDocumentIds(std::string_view match);

    Database& db() { return *Db; }

private:
    Corpus() = default;
    static core::Result<Corpus> Init(Database db, bool may_create);
    core::Status Migrate(bool may_create);

    // Bag-of-words statistics for terms touched in the current transaction, written at Commit; the terms
    // table is read into `TermIds` on first use. Heap-held with the statements (Corpus moves).
    struct TermCounts { int64_t id = 0, df = 0, cf = 0; bool dirty = false; };
    struct Terms {
        bool loaded = false;
        int64_t next_id = 1;
        std::unordered_map<std::string, TermCounts> by_term;
    };
    core::Status LoadTerms();
    core::Status FlushTerms();
    // Runs `body` inside the current transaction, or inside one of its own when none is open.
    template <typename Body> core::Status InTransaction(Body body);
    // Adds a document's title and text to FTS5 and its words to the bag of words; returns the word count.
    // UnindexText takes out what IndexText put in (read back from the stored row).
    core::Result<int64_t> IndexText(int64_t id, std::string_view title, std::string_view text);
    core::Status UnindexText(int64_t id);

    std::unique_ptr<Database> Db;   // heap-held so prepared statements stay valid when Corpus moves
    std::unique_ptr<Statement> InsertDocument, InsertFts, InsertField, InsertDocTerm, UpsertTerm;
    std::unique_ptr<Terms> TermTable = std::make_unique<Terms>();
    std::unique_ptr<TokenSink> Sink = std::make_unique<TokenSink>();   // FTS5's tokens, for the bag of words
    std::unordered_map<int64_t, int64_t> DocCounts;                    // scratch: term id → count in one text
};

}  // namespace store
