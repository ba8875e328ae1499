// Concordance building (candidate documents fetched one at a time and read as a stream of tokens, hits tried
// as the tokens arrive), the stepped merge sort behind ConcordanceSort, and the context-word filter. Context
// strings are cut and whitespace-collapsed here; how lines are drawn, padded or exported is the UI's and CLI's.
#include "analysis/concordance.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <functional>
#include <unordered_map>

#include "analysis/search.h"
#include "text/tokenizer.h"

namespace analysis {

namespace {

// Work done between two looks at the clock: small enough that a step overruns its deadline by well under a
// millisecond, large enough that reading the clock (slow-ish in wasm) costs nothing noticeable.
constexpr uint32_t kTokensPerCheck = 256;
constexpr size_t kItemsPerCheck = 2048;
constexpr size_t kSortRun = 512;

// ---- UTF-8 context cutting -----------------------------------------------------------------------------------

// Bytes in the UTF-8 sequence led by `c` (1 for a stray continuation byte, so a scan always advances).
size_t SequenceLength(unsigned char c) {
    if (c < 0xC0) return 1;
    if (c < 0xE0) return 2;
    if (c < 0xF0) return 3;
    return 4;
}

// Whether the character of `length` bytes at `s` is white space (Unicode White_Space, which includes
// newlines, no-break and ideographic spaces).
bool IsSpace(const char* s, size_t length) {
    const auto* b = reinterpret_cast<const unsigned char*>(s);
    switch (length) {
    case 1: return b[0] == ' ' || (b[0] >= 0x09 && b[0] <= 0x0D);
    case 2: return b[0] == 0xC2 && (b[1] == 0x85 || b[1] == 0xA0);
    case 3:
        if (b[0] == 0xE1) return b[1] == 0x9A && b[2] == 0x80;                            // U+1680
        if (b[0] == 0xE3) return b[1] == 0x80 && b[2] == 0x80;                            // U+3000
        if (b[0] != 0xE2) return false;
        if (b[1] == 0x80) return b[2] <= 0x8A || b[2] == 0xA8 || b[2] == 0xA9 || b[2] == 0xAF;  // U+2000…
        return b[1] == 0x81 && b[2] == 0x9F;                                             // U+205F
    default: return false;
    }
}

// `s` with each run of white space replaced by one ' '.
std::string Collapse(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t length = std::min(SequenceLength(static_cast<unsigned char>(s[i])), s.size() - i);
        if (IsSpace(s.data() + i, length)) {
            if (out.empty() || out.back() != ' ') out += ' ';
        } else {
            out.append(s, i, length);
        }
        i += length;
    }
    return out;
}

// The text after byte `from`: at most `width` characters once white space is collapsed, no trailing space.
std::string RightContext(std::string_view text, size_t from, int width) {
    std::string out;
    int chars = 0;
    for (size_t i = from; i < text.size() && chars < width;) {
        size_t length = std::min(SequenceLength(static_cast<unsigned char>(text[i])), text.size() - i);
        if (IsSpace(text.data() + i, length)) {
            if (out.empty() || out.back() != ' ') { out += ' '; ++chars; }
        } else {
            out.append(text, i, length);
            ++chars;
        }
        i += length;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The text before byte `to`: at most `width` characters once white space is collapsed, no leading space.
std::string LeftContext(std::string_view text, size_t to, int width) {
    size_t begin = to;
    int chars = 0;
    bool after_space = false;   // the character to the right of `begin` (already counted) is white space
    while (begin > 0 && chars < width) {
        size_t start = begin - 1;
        while (start > 0 && begin - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        bool space = IsSpace(text.data() + start, begin - start);
        if (!space || !after_space) ++chars;
        after_space = space;
        begin = start;
    }
    std::string out = Collapse(text.substr(begin, to - begin));
    if (!out.empty() && out.front() == ' ') out.erase(0, 1);
    return out;
}

// ---- matching ------------------------------------------------------------------------------------------------

bool WordMatches(const QueryTerm& term, std::string_view token) {
    return term.prefix ? token.starts_with(term.norm) : token == term.norm;
}

std::string LowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool IsEmpty(const store::DocFilter& f) {
    return f.date_from.empty() && f.date_to.empty() && f.sources.empty() && f.langs.empty() && f.doc_ids.empty();
}

// The ids of the documents matching the query's FTS5 expression, its metadata filters and the subcorpus, in id
// order. Without filters the index alone answers; with filters the store's filtered scan does, so source:,
// lang: and year: mean here what they mean in Search (it reads the candidates' texts: ~10 ms on the State of
// the Union in wasm; a store call returning only ids would spare that).
core::Result<std::vector<int64_t>> CandidateIds(store::Corpus& corpus, const ParsedQuery& query,
                                                const store::DocFilter& subcorpus) {
    std::vector<store::DocFilter> filters;
    for (store::DocFilter f : {subcorpus, QueryFilter(query)})
        if (!IsEmpty(f)) filters.push_back(std::move(f));
    if (filters.empty()) return corpus.MatchingDocumentIds(query.match);
    std::vector<int64_t> ids;
    core::Status s = corpus.ForEachMatchingDocument(query.match, filters,
                                                    [&](int64_t id, std::string_view, std::string_view) { ids.push_back(id); });
    if (!s.ok()) return s;
    return ids;
}

// Hash and equality that let the word table be searched with a string_view (no string made per lookup).
struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

}  // namespace

// ---- ConcordanceBuilder --------------------------------------------------------------------------------------

// A document is read as a stream: tokens go into a ring that holds the kContextWords before a candidate hit
// position, the longest pattern, and the kContextWords after it; a position is tried as soon as the ring holds
// all of that (or the text has ended), so no document's tokens are ever all in memory.
struct ConcordanceBuilder::Cursor {
    enum class Phase { Fetch, Read };

    store::Corpus* corpus = nullptr;
    std::vector<HitPattern> patterns;   // those that can match in the text
    uint32_t longest_pattern = 1;       // in words
    ConcordanceOptions options;
    std::vector<int64_t> candidates;
    size_t next_candidate = 0;
    int64_t documents_done = 0;

    Phase phase = Phase::Fetch;
    std::string text;                   // the document being read (the tokenizers view it)
    text::Tokenizer folded{text::TokenizerOptions{.fold_case = true}};
    std::unique_ptr<text::Tokenizer> exact;     // exact_case only: the same segments, NFKC without folding
    std::vector<text::Token> ring, exact_ring;  // token p is at [p % ring.size()]
    uint32_t token_count = 0;           // tokens of the document read so far
    uint32_t position = 0;              // the next token position to try for a hit
    bool text_ended = false;

    std::unordered_map<std::string, uint32_t, WordHash, std::equal_to<>> word_ids;

    const text::Token& Token(uint32_t p) const { return ring[p % ring.size()]; }
    const text::Token& Compared(uint32_t p) const { return exact ? exact_ring[p % ring.size()] : Token(p); }
    // Whether the ring holds everything a hit at `position` needs.
    bool CanTry() const {
        return position < token_count &&
               (text_ended || position + longest_pattern + kContextWords <= token_count);
    }
};

ConcordanceBuilder::ConcordanceBuilder() : State(std::make_unique<Cursor>()) {}
ConcordanceBuilder::ConcordanceBuilder(ConcordanceBuilder&&) noexcept = default;
ConcordanceBuilder& ConcordanceBuilder::operator=(ConcordanceBuilder&&) noexcept = default;
ConcordanceBuilder::~ConcordanceBuilder() = default;

core::Result<ConcordanceBuilder> ConcordanceBuilder::Start(store::Corpus& corpus, const ParsedQuery& query,
                                                           ConcordanceOptions options) {
    ConcordanceBuilder builder;
    Cursor& c = *builder.State;
    c.corpus = &corpus;
    c.options = options;
    if (c.options.width_chars <= 0) c.options.width_chars = ConcordanceOptions().width_chars;
    if (c.options.max_lines <= 0) c.options.max_lines = ConcordanceOptions().max_lines;
    for (const HitPattern& p : query.patterns) {
        if (p.title_only || p.words.empty()) continue;
        c.patterns.push_back(p);
        c.longest_pattern = std::max(c.longest_pattern, static_cast<uint32_t>(p.words.size()));
    }
    c.ring.resize(2 * kContextWords + c.longest_pattern);
    if (query.options.exact_case) {
        c.exact = std::make_unique<text::Tokenizer>(text::TokenizerOptions{.fold_case = false});
        c.exact_ring.resize(c.ring.size());
    }
    builder.Result.words.push_back("");  // id 0: no word
    if (!c.folded.valid() || (c.exact && !c.exact->valid()))
        return core::Error(core::StatusCode::Internal, "concordance: ICU word rules or normalisation data are missing");
    if (c.patterns.empty() || query.match.empty()) return builder;  // nothing can hit in the text
    store::ReadTransaction read(corpus.db());
    auto ids = CandidateIds(corpus, query, options.subcorpus);
    if (!ids.ok()) return ids.status();
    c.candidates = std::move(*ids);
    return builder;
}

int64_t ConcordanceBuilder::DocumentsDone() const { return State->documents_done; }
int64_t ConcordanceBuilder::DocumentsTotal() const { return static_cast<int64_t>(State->candidates.size()); }

bool ConcordanceBuilder::Step(core::Deadline deadline) {
    Cursor& c = *State;
    if (!Stat.ok()) return true;
    store::ReadTransaction read(c.corpus->db());   // the documents this step fetches, under one lock
    for (;;) {
        if (c.phase == Cursor::Phase::Fetch) {
            if (c.next_candidate >= c.candidates.size()) return true;
            int64_t id = c.candidates[c.next_candidate];
            auto doc = c.corpus->GetDocument(id);
            if (!doc.ok()) {
                Stat = core::Error(doc.status().code(), "concordance: document " + std::to_string(id) + ": " +
                                                            doc.status().message());
                return true;
            }
            ConcordanceDocument entry;
            entry.doc_id = id;
            entry.title = std::move(doc->summary.title);
            entry.date = std::move(doc->summary.date);
            entry.first_line = static_cast<uint32_t>(Result.lines.size());
            Result.documents.push_back(std::move(entry));
            c.text = std::move(doc->text);
            c.folded.Reset(c.text);
            if (c.exact) c.exact->Reset(c.text);
            c.token_count = c.position = 0;
            c.text_ended = false;
            c.phase = Cursor::Phase::Read;
        } else {
            ReadTokens();
            if (c.text_ended && c.position >= c.token_count) {
                ConcordanceDocument& doc = Result.documents.back();
                doc.token_count = c.token_count;
                doc.line_count = static_cast<uint32_t>(Result.lines.size()) - doc.first_line;
                ++c.next_candidate;
                ++c.documents_done;
                c.phase = Cursor::Phase::Fetch;
            }
        }
        if (deadline.Expired()) return c.phase == Cursor::Phase::Fetch && c.next_candidate >= c.candidates.size();
    }
}

// Reads up to kTokensPerCheck tokens of the current document, trying each position as soon as it can be.
void ConcordanceBuilder::ReadTokens() {
    Cursor& c = *State;
    for (uint32_t n = 0; n < kTokensPerCheck && !c.text_ended; ++n) {
        size_t slot = c.token_count % c.ring.size();
        if (!c.folded.Next(&c.ring[slot])) {
            c.text_ended = true;
            break;
        }
        if (c.exact) c.exact->Next(&c.exact_ring[slot]);  // the same segments, so the same token
        ++c.token_count;
        while (c.CanTry()) TryPosition();
    }
    while (c.CanTry()) TryPosition();
}

// Records a hit at the cursor's position if a pattern matches there (the first that does), then moves on.
void ConcordanceBuilder::TryPosition() {
    Cursor& c = *State;
    uint32_t position = c.position++;
    for (const HitPattern& p : c.patterns) {
        uint32_t length = static_cast<uint32_t>(p.words.size());
        if (position + length > c.token_count) continue;
        uint32_t w = 0;
        while (w < length && WordMatches(p.words[w], c.Compared(position + w).norm)) ++w;
        if (w < length) continue;
        Result.documents.back().hit_token_indices.push_back(position);
        ++Result.hit_count;
        if (static_cast<int64_t>(Result.lines.size()) < c.options.max_lines) EmitLine(position, length);
        else Result.truncated = true;
        return;  // a position starts one hit at most
    }
}

void ConcordanceBuilder::EmitLine(uint32_t position, uint32_t length) {
    Cursor& c = *State;
    const text::Token& first = c.Token(position);
    const text::Token& last = c.Token(position + length - 1);
    ConcordanceLine line;
    line.doc_id = Result.documents.back().doc_id;
    line.document = static_cast<uint32_t>(Result.documents.size() - 1);
    line.token_index = position;
    line.token_count = length;
    line.byte_offset = first.byte_offset;
    line.byte_length = last.byte_offset + last.byte_length - first.byte_offset;
    std::string_view text = c.text;
    line.left = LeftContext(text, line.byte_offset, c.options.width_chars);
    line.hit = Collapse(text.substr(line.byte_offset, line.byte_length));
    line.right = RightContext(text, line.byte_offset + line.byte_length, c.options.width_chars);
    for (uint32_t k = 0; k < kContextWords; ++k) {
        if (position > k) line.left_words[k] = Intern(c.Token(position - 1 - k).norm);
        uint32_t right = position + length + k;
        if (right < c.token_count) line.right_words[k] = Intern(c.Token(right).norm);
    }
    Result.lines.push_back(std::move(line));
}

uint32_t ConcordanceBuilder::Intern(std::string_view word) {
    auto& ids = State->word_ids;
    if (auto it = ids.find(word); it != ids.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(Result.words.size());
    Result.words.push_back(std::string(word));
    ids.emplace(std::string(word), id);
    return id;
}

// ---- sorting -------------------------------------------------------------------------------------------------

namespace {

// A merge sort of uint32 items that advances in bounded steps: runs of kSortRun items are sorted with
// std::sort, then merged bottom-up, pass after pass, each merge resumable at any element. `less` must be a
// strict weak order; equal items keep their order (the merges are stable, the runs need not be).
class SteppedSort {
public:
    // Prepares to sort `n` items, which the caller writes to data()[0, n) before the first Step. The buffers
    // are left uninitialised, so their memory is touched as items are written, not all at once here.
    void Reset(size_t n) {
        N = n;
        Items.reset(new uint32_t[n]);
        Scratch.reset(new uint32_t[n]);
        RunBegin = 0;
        Width = 0;
    }
    uint32_t* data() { return Items.get(); }
    std::span<const uint32_t> items() const { return {Items.get(), N}; }

    // Returns true once the items are sorted.
    template <class Less>
    bool Step(const Less& less, core::Deadline deadline) {
        uint32_t* items = Items.get();
        while (RunBegin < N) {
            size_t end = std::min(RunBegin + kSortRun, N);
            std::sort(items + RunBegin, items + end, less);
            RunBegin = end;
            if (RunBegin >= N) { Width = kSortRun; StartPass(); break; }
            if (deadline.Expired()) return false;
        }
        while (Width < N) {
            items = Items.get();
            uint32_t* out = Scratch.get();
            for (size_t stop = std::min(K + kItemsPerCheck, Hi); K < stop; ++K)
                out[K] = (I < Mid && (J >= Hi || !less(items[J], items[I]))) ? items[I++] : items[J++];
            if (K >= Hi) {
                Lo = Hi;
                if (Lo >= N) {   // a pass is over: its output becomes the input of the next
                    std::swap(Items, Scratch);
                    Width *= 2;
                    if (Width >= N) return true;
                    Lo = 0;
                }
                StartPair();
            }
            if (deadline.Expired()) return false;
        }
        return true;
    }

private:
    void StartPass() { Lo = 0; StartPair(); }
    void StartPair() {
        Mid = std::min(Lo + Width, N);
        Hi = std::min(Lo + 2 * Width, N);
        I = Lo;
        J = Mid;
        K = Lo;
    }

    std::unique_ptr<uint32_t[]> Items, Scratch;
    size_t N = 0;
    size_t RunBegin = 0;
    size_t Width = 0;                                       // sorted run length in the current merge pass
    size_t Lo = 0, Mid = 0, Hi = 0, I = 0, J = 0, K = 0;   // the pair being merged and the merge cursors
};

// The context word a sort key looks at (0 for DocumentOrder).
uint32_t KeyWord(const ConcordanceLine& line, SortKey key) {
    switch (key) {
    case SortKey::L3: return line.left_words[2];
    case SortKey::L2: return line.left_words[1];
    case SortKey::L1: return line.left_words[0];
    case SortKey::R1: return line.right_words[0];
    case SortKey::R2: return line.right_words[1];
    case SortKey::R3: return line.right_words[2];
    case SortKey::DocumentOrder: return 0;
    }
    return 0;
}

struct SortKeyInfo { SortKey key; const char* name; };
constexpr SortKeyInfo kSortKeys[] = {
    {SortKey::L3, "L3"}, {SortKey::L2, "L2"}, {SortKey::L1, "L1"}, {SortKey::R1, "R1"},
    {SortKey::R2, "R2"}, {SortKey::R3, "R3"}, {SortKey::DocumentOrder, "doc"},
};

}  // namespace

// Phases: rank the concordance's words (a stepped sort of word ids by their text), compute each line's key
// (the ranks of its key words) and its place in document order, then a stepped sort of line indices by key
// and index. Document order needs the middle phase only.
struct ConcordanceSort::Work {
    enum class Phase { Words, Keys, Lines, Done };
    using Key = std::array<uint32_t, kMaxSortKeys>;

    const Concordance* kwic = nullptr;
    Phase phase = Phase::Keys;
    SteppedSort words, lines;
    std::vector<uint32_t> ranks;    // by word id: 0 for the empty word, else 1 + place in binary order
    std::vector<Key> keys;          // by line
    size_t key_cursor = 0;
};

ConcordanceSort::ConcordanceSort(const Concordance& kwic, std::vector<SortKey> keys)
    : State(std::make_unique<Work>()), Keys(std::move(keys)) {
    assert(Keys.size() <= kMaxSortKeys);
    // Keys after document order can never decide anything.
    if (auto doc = std::find(Keys.begin(), Keys.end(), SortKey::DocumentOrder); doc != Keys.end())
        Keys.erase(doc + 1, Keys.end());
    Work& w = *State;
    w.kwic = &kwic;
    w.lines.Reset(kwic.lines.size());
    if (Keys.empty() || Keys.front() == SortKey::DocumentOrder) return;
    w.keys.reserve(kwic.lines.size());
    w.words.Reset(kwic.words.empty() ? 0 : kwic.words.size() - 1);
    for (uint32_t id = 1; id < kwic.words.size(); ++id) w.words.data()[id - 1] = id;
    w.phase = Work::Phase::Words;
}

ConcordanceSort::ConcordanceSort(ConcordanceSort&&) noexcept = default;
ConcordanceSort& ConcordanceSort::operator=(ConcordanceSort&&) noexcept = default;
ConcordanceSort::~ConcordanceSort() = default;

bool ConcordanceSort::done() const { return State->phase == Work::Phase::Done; }
std::span<const uint32_t> ConcordanceSort::order() const { return State->lines.items(); }

bool ConcordanceSort::Step(core::Deadline deadline) {
    Work& w = *State;
    const Concordance& kwic = *w.kwic;
    if (w.phase == Work::Phase::Words) {
        auto by_text = [&](uint32_t a, uint32_t b) { return kwic.words[a] < kwic.words[b]; };
        if (!w.words.Step(by_text, deadline)) return false;
        w.ranks.assign(std::max<size_t>(kwic.words.size(), 1), 0);
        std::span<const uint32_t> sorted = w.words.items();
        for (size_t i = 0; i < sorted.size(); ++i) w.ranks[sorted[i]] = static_cast<uint32_t>(i + 1);
        w.phase = Work::Phase::Keys;
        if (deadline.Expired()) return false;
    }
    if (w.phase == Work::Phase::Keys) {
        bool by_words = !w.ranks.empty();
        while (w.key_cursor < kwic.lines.size()) {
            size_t end = std::min(w.key_cursor + kItemsPerCheck, kwic.lines.size());
            for (size_t i = w.key_cursor; i < end; ++i) {
                w.lines.data()[i] = static_cast<uint32_t>(i);
                if (!by_words) continue;
                Work::Key key = {};
                for (size_t k = 0; k < Keys.size(); ++k) key[k] = w.ranks[KeyWord(kwic.lines[i], Keys[k])];
                w.keys.push_back(key);
            }
            w.key_cursor = end;
            if (deadline.Expired() && w.key_cursor < kwic.lines.size()) return false;
        }
        w.phase = by_words ? Work::Phase::Lines : Work::Phase::Done;
    }
    if (w.phase == Work::Phase::Lines) {
        auto by_key = [&](uint32_t a, uint32_t b) { return w.keys[a] != w.keys[b] ? w.keys[a] < w.keys[b] : a < b; };
        if (!w.lines.Step(by_key, deadline)) return false;
        w.keys = {};
        w.ranks = {};
        w.phase = Work::Phase::Done;
    }
    return true;
}

const char* SortKeyName(SortKey key) {
    for (const SortKeyInfo& info : kSortKeys) if (info.key == key) return info.name;
    return "?";
}

core::Result<std::vector<SortKey>> ParseSortSpec(std::string_view text) {
    std::vector<SortKey> keys;
    size_t begin = 0;
    while (begin <= text.size()) {
        size_t comma = std::min(text.find(',', begin), text.size());
        std::string name = LowerAscii(text.substr(begin, comma - begin));
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        if (name == "document") name = "doc";
        const SortKeyInfo* found = nullptr;
        for (const SortKeyInfo& info : kSortKeys) if (LowerAscii(info.name) == name) found = &info;
        if (!found)
            return core::Error(core::StatusCode::InvalidInput, "unknown sort key '" + std::string(text.substr(begin, comma - begin)) +
                                                                   "' (use L3, L2, L1, R1, R2, R3 or doc, comma-separated)");
        if (keys.size() == kMaxSortKeys)
            return core::Error(core::StatusCode::InvalidInput, "at most 3 sort keys (\"" + std::string(text) + "\")");
        keys.push_back(found->key);
        begin = comma + 1;
    }
    return keys;
}

// ---- filtering -----------------------------------------------------------------------------------------------

size_t CountChars(std::string_view utf8) {
    size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;   // every byte but continuation bytes starts one
    return n;
}

std::vector<uint32_t> DocumentOrder(const Concordance& kwic) {
    std::vector<uint32_t> order(kwic.lines.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
    return order;
}

std::vector<uint32_t> FilterLines(const Concordance& kwic, std::span<const uint32_t> order, std::string_view word,
                                  int span) {
    QueryTerm term;
    while (!word.empty() && (word.back() == ' ' || word.back() == '*')) {
        term.prefix |= word.back() == '*';
        word.remove_suffix(1);
    }
    term.norm = text::NormalizeForMatch(word);
    if (term.norm.empty()) return {order.begin(), order.end()};
    span = std::clamp(span, 1, kContextWords);
    std::vector<char> matches(kwic.words.size(), 0);
    for (size_t id = 1; id < kwic.words.size(); ++id) matches[id] = WordMatches(term, kwic.words[id]);
    std::vector<uint32_t> kept;
    for (uint32_t i : order) {
        const ConcordanceLine& line = kwic.lines[i];
        for (int k = 0; k < span; ++k) {
            if (matches[line.left_words[k]] || matches[line.right_words[k]]) { kept.push_back(i); break; }
        }
    }
    return kept;
}

}  // namespace analysis
