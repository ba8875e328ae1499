// Search: plain words (BuildMatchQuery, quoted terms joined with FTS5's implicit AND) and parsed queries
// within a subcorpus, with the exact-case re-check and our own snippets. The SQL is store/corpus_search.cpp's.
#include "analysis/search.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <optional>
#include <span>

#include "text/tokenizer.h"

namespace analysis {

namespace {

// ---- snippets ----------------------------------------------------------------------------------------------
// FTS5's snippet() picks the best window but re-tokenizes a document's whole text (State of the Union: ~2 ms a
// document natively, so 50 hits cost ~100 ms). Ours shows the first place a positive pattern occurs, found by
// a byte search for the pattern's first word (ASCII words; case-insensitive unless exact case) that the
// tokenizer then confirms in a small window, so a snippet costs about as much as the text before its hit.
// In a non-ASCII text where the byte search finds nothing (other scripts, or surfaces like «ﬁ» that fold to
// ASCII) we tokenize from the start. The exact-case re-check uses the same search.

constexpr int kSnippetTokensBefore = 8, kSnippetTokens = 24;
constexpr size_t kLookbackBytes = 256;

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }
bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool IsAsciiAlnum(char c) { c = AsciiLower(c); return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// A place before `byte_offset` where tokenizing can start without splitting a word: the last ASCII space
// within kLookbackBytes, else a UTF-8 character start that far back.
size_t SafeStart(std::string_view text, size_t byte_offset) {
    size_t limit = byte_offset > kLookbackBytes ? byte_offset - kLookbackBytes : 0;
    for (size_t i = byte_offset; i > limit; --i)
        if (IsAsciiSpace(text[i - 1])) return i;
    while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
    return limit;
}

// Whether `tokens[i…]` hold `pattern` (false when the tokens run out first).
bool PatternAt(const std::vector<text::Token>& tokens, size_t i, const HitPattern& pattern) {
    if (i + pattern.words.size() > tokens.size()) return false;
    for (size_t k = 0; k < pattern.words.size(); ++k) {
        const QueryTerm& want = pattern.words[k];
        const std::string& have = tokens[i + k].norm;
        if (want.prefix ? !have.starts_with(want.norm) : have != want.norm) return false;
    }
    return true;
}

// Tokens of text[start…) until one starts at or after `until` and `after` more have been read.
std::vector<text::Token> TokensFrom(text::Tokenizer& tokenizer, std::string_view text, size_t start, size_t until,
                                    size_t after) {
    std::vector<text::Token> tokens;
    tokenizer.Reset(text.substr(start));
    text::Token token;
    size_t extra = 0;
    while (tokenizer.Next(&token)) {
        token.byte_offset += static_cast<uint32_t>(start);
        bool past = token.byte_offset >= until;
        tokens.push_back(token);
        if (past && extra++ >= after) break;
    }
    return tokens;
}

// Finds an ASCII word in a text, one candidate after another: with `fold`, in any mix of case (memchr for the
// first letter's two cases, then a case-insensitive compare of the rest); without, as written.
class AsciiFinder {
public:
    AsciiFinder(std::string_view text, std::string_view word, bool fold)
        : Text(text), Word(word), Lower(word[0]), Upper(fold ? static_cast<char>(std::toupper(word[0])) : word[0]),
          Fold(fold) {
        NextLower = Find(Lower, 0);
        NextUpper = Upper == Lower ? std::string_view::npos : Find(Upper, 0);
    }

    // The next place the word's bytes stand (npos when there is none before `end`).
    size_t Next(size_t end) {
        for (;;) {
            size_t at = std::min(NextLower, NextUpper);
            if (at == std::string_view::npos || at + Word.size() > end) return std::string_view::npos;
            if (at == NextLower) NextLower = Find(Lower, at + 1);
            else NextUpper = Find(Upper, at + 1);
            size_t k = 1;
            while (k < Word.size() && (Fold ? AsciiLower(Text[at + k]) : Text[at + k]) == Word[k]) ++k;
            if (k == Word.size()) return at;
        }
    }

private:
    size_t Find(char c, size_t from) const {
        if (from >= Text.size()) return std::string_view::npos;
        const void* p = std::memchr(Text.data() + from, c, Text.size() - from);
        return p ? static_cast<size_t>(static_cast<const char*>(p) - Text.data()) : std::string_view::npos;
    }

    std::string_view Text, Word;
    char Lower, Upper;
    bool Fold;
    size_t NextLower = 0, NextUpper = 0;
};

// The byte offset of the first occurrence of a pattern found by searching for its first word's bytes
// (npos when none is confirmed or the word is not ASCII).
size_t FindByBytes(std::string_view text, const std::vector<const HitPattern*>& patterns, bool fold,
                   text::Tokenizer& tokenizer) {
    size_t best = std::string_view::npos;
    for (const HitPattern* p : patterns) {
        const std::string& word = p->words[0].norm;
        if (word.empty() || std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            continue;
        AsciiFinder finder(text, word, fold);
        for (size_t at; (at = finder.Next(std::min(best, text.size()))) != std::string_view::npos;) {
            // A letter or digit right before (or, for a whole word, right after) joins the same token (UAX #29).
            if (at > 0 && IsAsciiAlnum(text[at - 1])) continue;
            size_t after = at + word.size();
            if (!p->words[0].prefix && after < text.size() && IsAsciiAlnum(text[after])) continue;
            // Confirm with the tokenizer: a token must start here and the pattern's words follow.
            std::vector<text::Token> tokens = TokensFrom(tokenizer, text, SafeStart(text, at), at, p->words.size());
            auto it = std::find_if(tokens.begin(), tokens.end(), [&](const text::Token& t) { return t.byte_offset >= at; });
            if (it != tokens.end() && it->byte_offset == at && PatternAt(tokens, it - tokens.begin(), *p)) {
                best = at;
                break;
            }
        }
    }
    return best;
}

// The byte offset of the first token where a pattern occurs, tokenizing from the start (npos when none).
size_t FindByTokens(std::string_view text, const std::vector<const HitPattern*>& patterns, text::Tokenizer& tokenizer) {
    size_t longest = 1;
    for (const HitPattern* p : patterns) longest = std::max(longest, p->words.size());
    std::vector<text::Token> window;   // the last `longest` tokens
    tokenizer.Reset(text);
    text::Token token;
    while (tokenizer.Next(&token)) {
        window.push_back(token);
        if (window.size() > longest) window.erase(window.begin());
        for (const HitPattern* p : patterns) {
            if (window.size() < p->words.size()) continue;
            size_t first = window.size() - p->words.size();
            if (PatternAt(window, first, *p)) return window[first].byte_offset;
        }
    }
    return std::string_view::npos;
}

// The byte offset of the first token where a pattern occurs (npos when none; `tokenizer` folds case when
// `fold`, as the patterns are). The byte search finds every occurrence in an ASCII text (NFKC and case folding
// keep ASCII ASCII, and UAX #29 decides ASCII word boundaries from nearby characters only), so only other
// texts where it finds nothing are tokenized whole.
size_t FindFirst(std::string_view text, const std::vector<const HitPattern*>& patterns, bool fold,
                 text::Tokenizer& tokenizer) {
    if (patterns.empty()) return std::string_view::npos;
    size_t hit = FindByBytes(text, patterns, fold, tokenizer);
    bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (hit == std::string_view::npos && !ascii) hit = FindByTokens(text, patterns, tokenizer);
    return hit;
}

// About kSnippetTokens tokens of `text` around the first occurrence of a pattern (the start of the text when
// there is none), every occurrence in it between store::kHighlightBegin and kHighlightEnd.
std::string MakeSnippet(std::string_view text, const std::vector<const HitPattern*>& patterns, bool fold,
                        text::Tokenizer& tokenizer) {
    const size_t npos = std::string_view::npos;
    size_t hit = FindFirst(text, patterns, fold, tokenizer);
    size_t start = hit == npos ? 0 : SafeStart(text, hit > 200 ? hit - 200 : 0);
    std::vector<text::Token> tokens = TokensFrom(tokenizer, text, start, hit == npos ? 0 : hit, kSnippetTokens);
    if (tokens.empty()) return "";   // a text without words
    size_t hit_index = 0;
    if (hit != npos)
        while (hit_index < tokens.size() && tokens[hit_index].byte_offset < hit) ++hit_index;
    size_t first = hit_index > kSnippetTokensBefore ? hit_index - kSnippetTokensBefore : 0;
    size_t last = std::min(tokens.size(), first + kSnippetTokens);   // one past
    std::vector<bool> marked(tokens.size(), false);
    for (size_t i = first; i < last; ++i)
        for (const HitPattern* p : patterns)
            if (PatternAt(tokens, i, *p))
                for (size_t k = 0; k < p->words.size(); ++k) marked[i + k] = true;
    std::string snippet;
    if (tokens[first].byte_offset > 0) snippet += "…";
    size_t at = tokens[first].byte_offset;
    for (size_t i = first; i < last; ++i) {
        const text::Token& t = tokens[i];
        snippet.append(text.substr(at, t.byte_offset - at));
        bool open = marked[i] && (i == first || !marked[i - 1]);
        bool close = marked[i] && (i + 1 == last || !marked[i + 1]);
        if (open) snippet += store::kHighlightBegin;
        snippet.append(text.substr(t.byte_offset, t.byte_length));
        if (close) snippet += store::kHighlightEnd;
        at = t.byte_offset + t.byte_length;
    }
    if (last < tokens.size()) snippet += "…";
    return snippet;
}

// ---- exact case ---------------------------------------------------------------------------------------------

// The ids of the candidate documents that hold a positive pattern exactly as written (see Search).
core::Result<std::vector<int64_t>> ExactCaseMatches(store::Corpus& corpus, const ParsedQuery& query,
                                                    std::span<const store::DocFilter> filters) {
    std::vector<const HitPattern*> anywhere, in_title;
    for (const HitPattern& p : query.patterns) {
        in_title.push_back(&p);
        if (!p.title_only) anywhere.push_back(&p);
    }
    text::Tokenizer tokenizer({.fold_case = false});
    std::vector<int64_t> kept;
    core::Status s = corpus.ForEachMatchingDocument(
        query.match, filters, [&](int64_t id, std::string_view title, std::string_view body) {
            if (FindByTokens(title, in_title, tokenizer) != std::string_view::npos ||
                FindFirst(body, anywhere, /*fold=*/false, tokenizer) != std::string_view::npos)
                kept.push_back(id);
        });
    if (!s.ok()) return s;
    return kept;
}

std::string YearText(int year) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d", year);
    return buf;
}

}  // namespace

std::string BuildMatchQuery(std::string_view user_text) {
    std::string match;
    for (const text::Token& token : text::Tokenize(user_text)) {
        if (!match.empty()) match += ' ';
        match += '"';
        for (char c : token.norm) {
            if (c == '"') match += '"';  // FTS5 string escape: a doubled quote
            match += c;
        }
        match += '"';
    }
    return match;
}

core::Result<SearchResults> Search(store::Corpus& corpus, std::string_view user_text, int limit) {
    SearchResults results;
    results.match = BuildMatchQuery(user_text);
    if (results.match.empty()) return results;
    auto count = corpus.CountMatches(results.match);
    if (!count.ok()) return count.status();
    results.document_count = *count;
    auto hits = corpus.Search(results.match, limit);
    if (!hits.ok()) return hits.status();
    results.hits = std::move(*hits);
    return results;
}

store::DocFilter QueryFilter(const ParsedQuery& query) {
    store::DocFilter filter;
    filter.sources = query.sources;
    filter.langs = query.langs;
    if (query.year_from) filter.date_from = YearText(query.year_from);
    if (query.year_to) filter.date_to = YearText(query.year_to);
    for (const FieldMatch& match : query.fields) {   // several values for one field: any of them
        auto same = std::find_if(filter.fields.begin(), filter.fields.end(),
                                 [&](const store::FieldFilter& f) { return f.name == match.name; });
        if (same == filter.fields.end()) filter.fields.push_back({match.name, {match.value}});
        else same->values.push_back(match.value);
    }
    return filter;
}

namespace {

// The filters a parsed query runs under: the subcorpus, its own source:/lang:/year:, and (exact case) the ids
// of the documents that hold a positive pattern as written. Nothing (std::nullopt) when exact case leaves no
// document (an empty doc_ids list would not restrict).
core::Result<std::optional<std::vector<store::DocFilter>>> SearchFilters(store::Corpus& corpus, const ParsedQuery& query,
                                                                        const store::DocFilter& subcorpus) {
    std::vector<store::DocFilter> filters = {subcorpus, QueryFilter(query)};
    if (query.options.exact_case && !query.raw && !query.patterns.empty()) {
        auto kept = ExactCaseMatches(corpus, query, filters);
        if (!kept.ok()) return kept.status();
        if (kept->empty()) return std::optional<std::vector<store::DocFilter>>();
        filters.push_back({.doc_ids = std::move(*kept)});
    }
    return std::optional<std::vector<store::DocFilter>>(std::move(filters));
}

// `limit` ranked hits from `offset` on, with snippets: ours when the query has patterns (see MakeSnippet),
// FTS5's for "fts:" queries.
core::Result<std::vector<store::SearchHit>> RankedHits(store::Corpus& corpus, const ParsedQuery& query,
                                                       std::span<const store::DocFilter> filters, int64_t offset, int limit) {
    bool own_snippets = !query.raw && query.has_root;
    auto hits = corpus.SearchDocuments(query.match, filters, limit, !own_snippets, offset);
    if (!hits.ok() || !own_snippets) return hits;
    std::vector<const HitPattern*> in_text;
    for (const HitPattern& p : query.patterns)
        if (!p.title_only) in_text.push_back(&p);
    bool fold = !query.options.exact_case;
    text::Tokenizer tokenizer({.fold_case = fold});
    for (store::SearchHit& hit : *hits) {
        auto doc = corpus.GetDocument(hit.doc_id);
        if (!doc.ok()) return doc.status();
        hit.snippet = MakeSnippet(doc->text, in_text, fold, tokenizer);
    }
    return hits;
}

}  // namespace

core::Result<SearchResults> Search(store::Corpus& corpus, const ParsedQuery& query, const store::DocFilter& subcorpus,
                                   int limit) {
    SearchResults results;
    results.match = query.match;
    store::ReadTransaction read(corpus.db());
    auto filters = SearchFilters(corpus, query, subcorpus);
    if (!filters.ok()) return filters.status();
    if (!*filters) return results;
    auto counts = corpus.CountDocuments(query.match, **filters);
    if (!counts.ok()) return counts.status();
    results.document_count = counts->documents;
    results.occurrences = counts->occurrences;
    results.occurrences_exact = !query.options.exact_case;
    results.by_year = std::move(counts->by_year);
    results.by_source = std::move(counts->by_source);
    if (results.document_count == 0) return results;
    auto hits = RankedHits(corpus, query, **filters, 0, limit);
    if (!hits.ok()) return hits.status();
    results.hits = std::move(*hits);
    return results;
}

core::Result<std::vector<store::KeyCount>> CountByField(store::Corpus& corpus, const ParsedQuery& query,
                                                        const store::DocFilter& subcorpus, std::string_view key) {
    store::ReadTransaction read(corpus.db());
    auto filters = SearchFilters(corpus, query, subcorpus);
    if (!filters.ok()) return filters.status();
    if (!*filters) return std::vector<store::KeyCount>();
    return corpus.CountDocumentsByField(query.match, **filters, key);
}

core::Result<std::vector<store::SearchHit>> SearchPage(store::Corpus& corpus, const ParsedQuery& query,
                                                       const store::DocFilter& subcorpus, int64_t offset, int limit) {
    store::ReadTransaction read(corpus.db());
    auto filters = SearchFilters(corpus, query, subcorpus);
    if (!filters.ok()) return filters.status();
    if (!*filters) return std::vector<store::SearchHit>();
    return RankedHits(corpus, query, **filters, offset, limit);
}

}  // namespace analysis
