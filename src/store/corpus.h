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
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/deadline.h"
#include "core/status.h"
#include "store/database.h"
#include "store/fts5_tokenizer.h"

namespace store {

inline constexpr int kSchemaVersion = 3;

struct DocumentInput {
    std::string title;
    std::string source;
    std::string date;       // ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) or empty
    std::string lang;       // BCP 47 tag or empty
    std::string author;
    std::string url;
    std::string text;       // valid UTF-8
    std::string imported_from;
    std::string original_text;  // the text before import trimmed furniture; empty when nothing was trimmed
    std::string import_notes;   // the import report for this document, one line per note
    std::vector<std::pair<std::string, std::string>> fields;   // other metadata (CSV/JSON columns)
    int64_t id = 0;             // 0: the next free id; else this id, which must be free (undo puts documents back)
    int64_t import_id = 0;      // the file import it came from (AddImport; 0: unknown, e.g. made before schema 2)
    std::string edited;         // the metadata fields the user edited ("date title"; kEditableFields' names)
};

// One file read by an import: documents point at it (DocumentInput::import_id), so two imports of the same
// file stay apart and a file brought again can be recognised (same name, or same size and content hash).
struct ImportRecord {
    int64_t id = 0;
    std::string name;           // as the user saw it ("speeches.zip")
    int64_t size = 0;           // bytes
    std::string hash;           // of the bytes, 16 hex digits (FNV-1a 64; telling files apart, not security)
};

// The metadata fields the Library edits, by the names DocumentInput::edited uses ("fields": the extra fields,
// edited as one set).
inline constexpr const char* kEditableFields[] = {"title", "source", "date", "lang", "author", "url"};

// Highlight markers inside SearchHit::snippet around each matched word (ASCII STX / ETX).
inline constexpr char kHighlightBegin = '\x02';
inline constexpr char kHighlightEnd = '\x03';

struct SearchHit {
    int64_t doc_id = 0;
    std::string title;
    std::string snippet;    // a window of the text around the best match, with highlight markers
    double score = 0;       // bm25 (title weighted 4×); lower is a better match, as in FTS5
};

// One row of the document list: every metadata field, not the text.
struct DocumentSummary {
    int64_t id = 0;
    std::string title, source, date, lang;
    int64_t word_count = 0;
    std::string author, url;
    // Other metadata (the "fields" table: CSV columns, JSON keys), (name, value) in the order they were added.
    std::vector<std::pair<std::string, std::string>> fields;
};

struct Document {
    DocumentSummary summary;
    std::string text;
    std::string imported_from;  // the file (and archive entry or line) it came from
    int64_t import_id = 0;      // its ImportRecord (0: unknown)
    std::string edited;         // fields the user edited (DocumentInput::edited)
};

// One saved topic model (the topic_models table). `data` is analysis/topics/saved.h's bytes (the store does
// not read them); `settings` is JSON for people and other tools reading the bundle.
struct TopicModelRecord {
    int64_t id = 0;             // 0 when saving: the next free id
    std::string name;           // "K 20 · seed 1 · 1,000 sweeps" unless the user renamed it
    std::string created;        // ISO 8601 time (UTC)
    std::string settings;       // JSON: the training and input settings
    int topics = 0, sweeps = 0;
    int64_t documents = 0;      // documents it was trained on
    double log_likelihood_per_token = 0;
    std::string data;           // the saved model (empty in ListTopicModels' rows)
    std::string labels;         // the user's labels, pins and hidden topics (JSON, the app's)
};

// ---- Filtered search: types (the members are in the class's "Filtered search" block, corpus_search.cpp) ----

// A filter on one metadata field: "author", "url" or an extra field's name (names compare ignoring ASCII
// case). Keeps documents whose value contains any of `values`, ignoring case and accents (cl_fold, as source:).
struct FieldFilter {
    std::string name;
    std::vector<std::string> values;
};

// Which documents a search or a view considers: the "subcorpus" shared by all views, and the source:, lang:,
// year: and field filters (party:, author: …) of a query. Every member that is set must hold; an empty member does not restrict.
struct DocFilter {
    // Inclusive bounds compared with the date's prefix of the same length: date_from "1990" and date_to
    // "2000-06" keep 1990-01-01 … 2000-06-30. Documents without a known year (no date, "--MM-DD") are left
    // out when either bound is set.
    std::string date_from, date_to;
    std::vector<std::string> sources;   // any of these, as a substring of the source, ignoring case and accents
    std::vector<std::string> langs;     // any of these, ignoring case; "en" also keeps "en-GB"
    std::vector<int64_t> doc_ids;       // only these documents (empty: no restriction by id)
    std::vector<FieldFilter> fields;    // each must hold
};

// Counts under one key (a year "1990", "" for an unknown year or a missing field, a source, a field's value).
struct KeyCount {
    std::string key;
    int64_t documents = 0;       // matching documents
    int64_t occurrences = 0;     // hits in their text: instances of the query's phrases FTS5 found (titles not
                                 // counted; a query with no text to match counts 0)
    int64_t all_documents = 0;   // documents under this key that pass the filters, matching or not
    int64_t words = 0;           // the words in those (word_count): what relative frequencies divide by
};

struct DocCounts {
    int64_t documents = 0;              // all matching documents
    int64_t occurrences = 0;            // all hits in their text
    std::vector<KeyCount> by_year;      // ascending by year; the unknown year ("") first
    std::vector<KeyCount> by_source;    // most documents first, then by name
};

class Corpus {
public:
    // A new or existing database of our own (":memory:" for a temporary one); migrates an older schema.
    static core::Result<Corpus> Create(const std::string& path);
    // A database from elsewhere (a shared bundle): opened defensively and checked before use.
    static core::Result<Corpus> OpenUntrusted(const std::string& path);

    core::Status Begin();
    core::Status Commit();
    // Whether a transaction is open on the connection (ours, or one a job began and has not ended).
    bool TransactionOpen();
    core::Status Rollback();
    // Writes this transaction's word statistics (which Commit would otherwise write all at once) until
    // `deadline`; true when all are written. Lets a job spread that work over frames before it commits.
    core::Result<bool> SaveWordCounts(core::Deadline deadline);
    // Writes the full-text index's pending entries (which Commit would otherwise write), inside the
    // transaction: another piece of a commit a job can do in a step of its own.
    core::Status FlushIndex();

    // Adds a document and indexes it: full-text search (FTS5) and the bag of words (terms, doc_terms). Its
    // word count is the number of tokens indexed (so every view counts words alike). Returns its id. Inside Begin/Commit many documents cost one transaction; outside, each is its own.
    core::Result<int64_t> AddDocument(const DocumentInput& doc);
    // Edits. Each keeps full-text search and the bag of words consistent; inside Begin/Commit they join the
    // transaction, outside each is its own.
    // Replaces a document's metadata (the Library's metadata editor): title, source, date, language, author,
    // url and its extra fields (all of `doc.fields`, which replace the stored ones; word_count is ignored). The
    // title, source, date and language that change are remembered as the user's edits (Document::edited),
    // which a re-import keeps.
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
    // The names of the extra metadata fields any document has, in order of first appearance (by document id,
    // then position). Reads the whole fields table: for the command line; the app has them from the list.
    core::Result<std::vector<std::string>> FieldNames();
    // Extra metadata fields of a document, in the order they were added.
    core::Result<std::vector<std::pair<std::string, std::string>>> Fields(int64_t doc_id);
    // The import notes of a document (one per line).
    core::Result<std::string> ImportNotes(int64_t doc_id);
    core::Result<int64_t> DocumentCount();
    // The documents imported from the file `name` (its archive entries "name/…" and rows "name, line …" too),
    // by any import.
    core::Result<std::vector<int64_t>> DocumentsImportedFrom(std::string_view name);
    // Records a file an import read; returns its id for DocumentInput::import_id.
    core::Result<int64_t> AddImport(const ImportRecord& record);
    // Every file import recorded, in id order.
    core::Result<std::vector<ImportRecord>> Imports();
    // The documents of one file import, in id order (import_id 0: none).
    core::Result<std::vector<int64_t>> DocumentsOfImport(int64_t import_id);
    // Everything needed to add a document back exactly as it is (text, metadata, notes, fields, id).
    core::Result<DocumentInput> ReadDocumentInput(int64_t id);
    // The largest document id (0 for an empty corpus); documents added later get larger ids.
    core::Result<int64_t> LastDocumentId();
    // One document with its text; NotFound when there is no such id.
    core::Result<Document> GetDocument(int64_t id);
    // Documents in id order with all their metadata but without their text: those with id > after_id, at
    // most `limit` (-1: all), so a long list can be read in pieces.
    core::Result<std::vector<DocumentSummary>> ListDocuments(int64_t after_id = 0, int64_t limit = -1);
    // Number of documents matching an FTS5 MATCH expression.
    core::Result<int64_t> CountMatches(std::string_view match);
    // The best `limit` documents for an FTS5 MATCH expression, best first.
    core::Result<std::vector<SearchHit>> Search(std::string_view match, int limit);
    // The ids of all documents matching an FTS5 MATCH expression, ascending.
    core::Result<std::vector<int64_t>> MatchingDocumentIds(std::string_view match);

    // ---- Filtered search (corpus_search.cpp) ---------------------------------------------------------------
    // What analysis::Search runs for a parsed query. `match` is an FTS5 MATCH expression, "" for every
    // document; `filters` (DocFilter above) must all hold. Errors are InvalidInput for a bad expression.

    // The best `limit` documents, best first (bm25, title weighted 4×) with a snippet around the best match,
    // as Search does; snippets are made for those `limit` documents only (each re-tokenizes its document's
    // text: ~2 ms for a long speech), or not at all with `snippets` false. With no match: the documents in
    // id order, score 0, the snippet the start of the text. `offset` skips that many of the ranked documents
    // (ties are broken by id, so pages of one search never overlap).
    core::Result<std::vector<SearchHit>> SearchDocuments(std::string_view match, std::span<const DocFilter> filters,
                                                         int limit, bool snippets = true, int64_t offset = 0);
    // How many documents match, in all and per year (substr(date, 1, 4)) and per source, with their hits and
    // (KeyCount::all_documents, words) what the filters keep under each key.
    core::Result<DocCounts> CountDocuments(std::string_view match, std::span<const DocFilter> filters);
    // The same counts per value of the metadata field `key` (the fields table): a document with two values
    // counts under each, one without the field under "". Ordered by matching documents (most first), then
    // by value. SOTU, «war», key "party": 6 values, ~1 ms natively.
    core::Result<std::vector<KeyCount>> CountDocumentsByField(std::string_view match, std::span<const DocFilter> filters,
                                                              std::string_view key);
    // The distinct metadata field names in the corpus, in binary order ("party", "president").
    core::Result<std::vector<std::string>> FieldKeys();
    // Calls `visit(id, title, text)` for every matching document in id order (the views are valid during the
    // call only). For re-checking candidates (exact case); costs reading every matching text.
    core::Status ForEachMatchingDocument(
        std::string_view match, std::span<const DocFilter> filters,
        const std::function<void(int64_t id, std::string_view title, std::string_view text)>& visit);

    // ---- Token sequences (doc_tokens) ----------------------------------------------------------------------
    // Each document's tokens in text order as term ids (terms.id): the very tokens the bag of words counts
    // (so their number is the document's word_count), kept by AddDocument and every edit that re-indexes
    // the text. Corpora made before schema 3 have none until the backfill below has filled them.

    // Document `doc_id`'s sequence; NotFound when the document has none (yet).
    core::Result<std::vector<uint32_t>> TokenSequence(int64_t doc_id);
    // Every term's normal form by id (index = terms.id; "" for ids never used): what sequences refer to.
    core::Result<std::vector<std::string>> TermStrings();
    // Documents that have no sequence yet (0 once the backfill is done, and always for new corpora).
    core::Result<int64_t> MissingTokenSequences();
    // Backfill, one document per call: gives the first document with id > `after_id` that has no sequence
    // one, by re-tokenising its text with text::Tokenizer exactly as FTS5 does. Returns that document's id,
    // or 0 when none is left. Joins the current transaction, or commits on its own; resumable from any id.
    core::Result<int64_t> BackfillTokenSequence(int64_t after_id = 0);

    // ---- Saved topic models (topic_models) ------------------------------------------------------------------
    // Stores a model; returns its id. With the id of a stored model, replaces that model's name, settings,
    // figures and data (after "train N more"), keeping its creation time and labels.
    core::Result<int64_t> SaveTopicModel(const TopicModelRecord& model);
    // The same in pieces, so no single call writes megabytes (a job spreads them over frames), inside a
    // transaction the caller holds open from the first call to its Commit (or Rollback, which leaves no row):
    //     corpus.Begin();
    //     auto id = corpus.SaveTopicModelShell(record, bytes.size());   // the row, with `data` that many zero bytes
    //     corpus.WriteTopicModelData(*id, offset, piece) …              // each piece in place (SQLite's blob I/O)
    //     corpus.Commit();
    // `model.data` is ignored. Until every byte is written the row holds zeros: commit only after the last piece.
    core::Result<int64_t> SaveTopicModelShell(const TopicModelRecord& model, size_t data_bytes);
    core::Status WriteTopicModelData(int64_t id, size_t offset, std::string_view bytes);
    // A piece of a stored model's data (ReadTopicModelData: up to `bytes` from `offset`), for reading one in
    // pieces; TopicModelDataSize: its length (NotFound when there is no such id).
    core::Result<int64_t> TopicModelDataSize(int64_t id);
    core::Result<std::string> ReadTopicModelData(int64_t id, size_t offset, size_t bytes);
    // Every saved model without its data, newest (largest id) first.
    core::Result<std::vector<TopicModelRecord>> ListTopicModels();
    // One model with its data; NotFound when there is no such id.
    core::Result<TopicModelRecord> LoadTopicModel(int64_t id);
    core::Status UpdateTopicModelLabels(int64_t id, std::string_view labels);
    core::Status RenameTopicModel(int64_t id, std::string_view name);
    core::Status DeleteTopicModel(int64_t id);

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
        std::vector<std::pair<const std::string*, TermCounts*>> pending;   // SaveWordCounts' work list
        size_t saved = 0;                                                   // … and its cursor
    };
    core::Status LoadTerms();
    core::Status FlushTerms();
    // Runs `body` inside the current transaction, or inside one of its own when none is open.
    template <typename Body> core::Status InTransaction(Body body);
    // Adds a document's title and text to FTS5 and its words to the bag of words; returns the word count.
    // UnindexText takes out what IndexText put in (read back from the stored row).
    core::Result<int64_t> IndexText(int64_t id, std::string_view title, std::string_view text);
    core::Status StoreWordCount(int64_t id, int64_t words);
    core::Status UnindexText(int64_t id);
    // Writes the document's sequence (TextSequence, filled while indexing) into doc_tokens.
    core::Status StoreTokenSequence(int64_t id);
    // A model row's statement runner: `sql` with ?1 = id (and ?2 = `text` when given); NotFound when no row changed.
    core::Status ChangeTopicModel(const char* sql, int64_t id, std::string_view text);
    // The row's insert or upsert, with `data` bound as the bytes or, when null, as `data_bytes` zero bytes.
    core::Result<int64_t> StoreTopicModel(const TopicModelRecord& model, const std::string* data, size_t data_bytes);

    std::unique_ptr<Database> Db;   // heap-held so prepared statements stay valid when Corpus moves
    std::unique_ptr<Statement> InsertDocument, SetWordCount, InsertFts, InsertField, InsertDocTerm, UpsertTerm,
        InsertTokens, SelectTokens;
    std::unique_ptr<Terms> TermTable = std::make_unique<Terms>();
    std::unique_ptr<TokenSink> Sink = std::make_unique<TokenSink>();   // FTS5's tokens, for the bag of words
    std::unordered_map<int64_t, int64_t> TextCounts;                   // scratch: term id → count in one text
    std::vector<uint32_t> TextSequence;                                // scratch: one text's term ids in order
};

}  // namespace store
