// Concordance (keyword in context): every hit of a query's patterns in the text of its candidate documents, as
// a line of left context, hit and right context, sortable by the words around the hit, filterable by a word in
// context, with the hit positions of each document for a dispersion plot. Building and sorting are resumable
// (Step(deadline) from a cursor), so the app shows the first screenful after one frame and sorts 100,000 lines
// without freezing; the CLI (`corpuslens kwic`) runs the same code to completion. Drawing is the UI's business.
//
//     auto query = analysis::ParseQuery("\"foreign minister\" OR lavr*");
//     auto build = analysis::ConcordanceBuilder::Start(corpus, *query);   // corpus must outlive the builder
//     while (!build->Step(core::Deadline::In(6))) ShowSoFar(build->result());   // one frame each
//     if (!build->status().ok()) Show(build->status().message());
//     const analysis::Concordance& kwic = build->result();
//     analysis::ConcordanceSort sort(kwic, {analysis::SortKey::R1, analysis::SortKey::R2});
//     while (!sort.Step(core::Deadline::In(6))) {}                      // again one frame each
//     for (uint32_t i : sort.order()) Print(kwic.lines[i]);
//     auto shown = analysis::FilterLines(kwic, sort.order(), "peace*");   // the lines with peace… nearby
//
// Words are compared in their tokenizer normal form (NFKC_Casefold, text/tokenizer.h), the form FTS5 indexes,
// so a concordance counts exactly the hits a search finds. Nothing here grows by copying everything it holds
// (lines live in fixed-size chunks, documents are read as a stream of tokens), so no step pays for a
// reallocation of megabytes, which costs tens of milliseconds in fresh memory.
#pragma once
#include <cstdint>
#include <cstddef>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/query.h"
#include "core/deadline.h"
#include "core/status.h"
#include "store/corpus.h"

namespace analysis {

// Normalised words kept on each side of a hit: enough for the sort keys (3) and the context filter (up to 5).
inline constexpr int kContextWords = 5;

// A vector that grows in chunks of kChunk elements, so appending never moves what it already holds. Read-only
// outside the builder: index, size, iterate.
template <class T, size_t kChunk = 4096>
class ChunkedVector {
public:
    size_t size() const { return Size; }
    bool empty() const { return Size == 0; }
    const T& operator[](size_t i) const { return Chunks[i / kChunk][i % kChunk]; }
    T& operator[](size_t i) { return Chunks[i / kChunk][i % kChunk]; }
    const T& back() const { return (*this)[Size - 1]; }
    T& back() { return (*this)[Size - 1]; }
    void push_back(T value) {
        if (Size % kChunk == 0) {
            Chunks.emplace_back();
            Chunks.back().reserve(kChunk);   // address space only: pages are touched as elements arrive
        }
        Chunks.back().push_back(std::move(value));
        ++Size;
    }

    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T*;
        using reference = const T&;
        const_iterator(const ChunkedVector* v, size_t i) : V(v), I(i) {}
        const T& operator*() const { return (*V)[I]; }
        const T* operator->() const { return &(*V)[I]; }
        const_iterator& operator++() { ++I; return *this; }
        const_iterator operator++(int) { const_iterator old = *this; ++I; return old; }
        bool operator==(const const_iterator& o) const { return I == o.I; }
        bool operator!=(const const_iterator& o) const { return I != o.I; }
    private:
        const ChunkedVector* V;
        size_t I;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, Size}; }

private:
    std::vector<std::vector<T>> Chunks;
    size_t Size = 0;
};

// Zero (or less, or empty) means the default.
struct ConcordanceOptions {
    int width_chars = 60;           // context kept on each side of a hit, in characters (code points)
    int64_t max_lines = 1000000;    // lines kept at most; beyond it hits are still counted and placed (dispersion)
    store::DocFilter subcorpus;     // the documents to look in, as for analysis::Search (empty: all of them)
};

// One hit in context. Lines are made in document order: by document id, then position in the document.
struct ConcordanceLine {
    int64_t doc_id = 0;
    uint32_t document = 0;      // index into Concordance::documents
    uint32_t token_index = 0;   // the hit's first token, counted from 0 in its document
    uint32_t token_count = 1;   // tokens in the hit (more than one for a phrase)
    uint32_t byte_offset = 0;   // the hit in the document's text, UTF-8 bytes: from its first token's start…
    uint32_t byte_length = 0;   // …to its last token's end (a phrase includes the spaces and punctuation inside)
    // The text just before and after the hit, at most `width_chars` characters each, cut at whole characters,
    // every run of whitespace (newlines included) shown as one space, so left + hit + right reads as the text
    // does and lines align in a monospace font. `hit` is the hit's own text, whitespace collapsed the same way.
    std::string left, hit, right;
    // The normalised words around the hit, nearest first: left_words[0] is L1, right_words[0] is R1. They are
    // ids into Concordance::words; 0 (the empty word) past the start or end of the document.
    uint32_t left_words[kContextWords] = {};
    uint32_t right_words[kContextWords] = {};
};

// A candidate document: one strip of the dispersion plot, a tick per hit.
struct ConcordanceDocument {
    int64_t doc_id = 0;
    std::string title;
    std::string date;                           // as stored (ISO 8601 or empty): lines show its year
    uint32_t token_count = 0;                   // tokens in its text (the strip's length)
    std::vector<uint32_t> hit_token_indices;    // each hit's first token, ascending (every hit, even past max_lines)
    uint32_t first_line = 0;                    // its lines are lines[first_line, first_line + line_count)
    uint32_t line_count = 0;
};

struct Concordance {
    ChunkedVector<ConcordanceLine> lines;           // in document order
    ChunkedVector<ConcordanceDocument> documents;   // candidates processed so far, in id order, hits or not
    ChunkedVector<std::string> words;               // normalised context words by id; words[0] is ""
    int64_t hit_count = 0;                          // hits found; more than lines.size() when truncated
    bool truncated = false;                         // max_lines was reached

    std::string_view Word(uint32_t id) const { return words[id]; }
};

// Builds a concordance a few documents at a time. The candidates are the documents matching the query's
// `match` (FTS5), its metadata filters (analysis::QueryFilter) and options.subcorpus, in id order; hits are
// runs of consecutive tokens equal to one of the query's `patterns`, word by word (a prefix word matches tokens
// starting with it; title-only patterns never match in the text). A token position starts at most one hit: the first pattern, left to right, that matches
// there. With query.options.exact_case, pattern words are compared with tokens normalised without case
// folding (NFKC, as ParseQuery writes them in that mode); context words stay folded either way.
class ConcordanceBuilder {
public:
    // Finds the candidate documents (one query; with filters it reads their texts once). Fails with the
    // store's message when the match expression does not run (only "fts:" queries can be malformed by then).
    // `corpus` must outlive the builder and stay open.
    static core::Result<ConcordanceBuilder> Start(store::Corpus& corpus, const ParsedQuery& query,
                                                  ConcordanceOptions options = {});
    ConcordanceBuilder(ConcordanceBuilder&&) noexcept;
    ConcordanceBuilder& operator=(ConcordanceBuilder&&) noexcept;
    ~ConcordanceBuilder();

    // Works until `deadline` (at least one small unit of work) and returns true when the build is over:
    // finished, or failed (status() says why; the lines so far stay readable). A document is read as a stream
    // of tokens, a few hundred per look at the clock, so a step overruns its deadline by a fraction of a
    // millisecond (plus, once per document, reading its text from the database).
    bool Step(core::Deadline deadline);
    // Ok unless reading a document failed; then Step returns true and the build stops where it was.
    const core::Status& status() const { return Stat; }
    // The lines and documents so far: readable (not to be changed) between steps, complete once Step returned
    // true. Steps only append, and what they made never moves, so references to lines stay valid while the
    // builder lives; move the result out with TakeResult when done.
    const Concordance& result() const { return Result; }
    Concordance TakeResult() { return std::move(Result); }

    // Progress in documents: done counts candidates fully processed, of total.
    int64_t DocumentsDone() const;
    int64_t DocumentsTotal() const;

private:
    struct Cursor;
    ConcordanceBuilder();
    void ReadTokens();
    void TryPosition();
    void EmitLine(uint32_t position, uint32_t length);
    uint32_t Intern(std::string_view word);

    std::unique_ptr<Cursor> State;  // heap-held: the tokenizer keeps a view of the document being read
    Concordance Result;
    core::Status Stat;
};

// What a concordance can be sorted by: the words to the left (L1 nearest the hit) or right of the hit, or
// document order (document id, then position).
enum class SortKey { L3, L2, L1, R1, R2, R3, DocumentOrder };

inline constexpr size_t kMaxSortKeys = 3;

// "L3" … "R3", "doc".
const char* SortKeyName(SortKey key);
// A sort spec as the CLI and shared links write it: up to 3 comma-separated names, case-insensitive
// ("R1,R2"; "doc" or "document" for document order). An error names the bad key and lists the good ones.
core::Result<std::vector<SortKey>> ParseSortSpec(std::string_view text);

// Sorts a concordance's lines by up to kMaxSortKeys keys, ties broken by document then position, in steps.
// Words compare in binary UTF-8 order of their normal forms (that is, by code point): the same in every
// browser and locale, and fast; a missing word (the document's edge) sorts first. Word ranks, line keys and
// the merge sort itself all advance from a cursor, so no step does more than about a thousand comparisons
// past its deadline.
class ConcordanceSort {
public:
    // `kwic` must stay alive and unchanged (its build finished) until the sort is done. An empty `keys` (or one
    // starting with DocumentOrder) is document order: no comparisons, but the order is still filled in steps.
    ConcordanceSort(const Concordance& kwic, std::vector<SortKey> keys);
    ConcordanceSort(ConcordanceSort&&) noexcept;
    ConcordanceSort& operator=(ConcordanceSort&&) noexcept;
    ~ConcordanceSort();

    // Works until `deadline` and returns true once the order is complete.
    bool Step(core::Deadline deadline);
    bool done() const;
    // Line indices in sorted order; complete once Step returned true (in between: unspecified). Valid while
    // the sort lives.
    std::span<const uint32_t> order() const;
    const std::vector<SortKey>& keys() const { return Keys; }

private:
    struct Work;
    std::unique_ptr<Work> State;
    std::vector<SortKey> Keys;
};

// The lines (indices from `order`, kept in that order) with a context word equal to `word` among the `span`
// nearest words on either side (1…kContextWords). `word` is what a user typed: normalised as the tokenizer
// does; a trailing '*' makes it a prefix («peac*»). An empty `word` keeps every line. Cheap: one pass over the
// concordance's words and one over the lines, no text.
std::vector<uint32_t> FilterLines(const Concordance& kwic, std::span<const uint32_t> order, std::string_view word,
                                  int span = kContextWords);

// Characters (code points) in UTF-8 text: what `width_chars` counts, and the columns a context takes in a
// monospace font (wide East Asian characters aside), e.g. to right-align left contexts.
size_t CountChars(std::string_view utf8);

// Line indices 0 … lines.size()-1: document order, as an `order` for FilterLines before any sort.
std::vector<uint32_t> DocumentOrder(const Concordance& kwic);

}  // namespace analysis
