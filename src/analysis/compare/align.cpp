// Passage alignment: seed-and-extend over token keys, then sentence similarity with a monotone chain and strong
// crossing pairs (the method is in align.h). Every sort below has a complete tie-break; sums run in a fixed order.
#include "analysis/compare/align.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <tuple>

namespace analysis::compare {

namespace {

constexpr int kExtendGap = 3;           // tokens skipped on a side when a chain's end is extended
constexpr double kSimScale = 1e6;       // similarities quantised to millionths before the chain sums them
// Aligner::Covered: a sentence with no token in a step-1 passage, some, or at least covered_share of them.
constexpr uint8_t kFree = 0, kPartly = 1, kCovered = 2;

uint64_t Mix(uint64_t h) {   // splitmix64's finaliser
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

// The hash of the n keys at `pos` (no stopword test).
uint64_t GramHash(const AlignSide& side, size_t pos, int n) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int k = 0; k < n; ++k) h = Mix(h ^ (side.tokens[pos + k].key + 0x632be59bd9b4e019ULL));
    return h;
}

// True when the n tokens at `pos` hold at least one non-stopword (a seed may start there).
bool ContentGram(const AlignSide& side, size_t pos, int n) {
    for (int k = 0; k < n; ++k)
        if (!side.tokens[pos + k].stopword) return true;
    return false;
}

bool Overlaps(uint32_t b0, uint32_t e0, uint32_t b1, uint32_t e1) { return b0 < e1 && b1 < e0; }

}  // namespace

const char* PassageKindName(PassageKind kind) {
    switch (kind) {
        case PassageKind::Verbatim: return "verbatim";
        case PassageKind::Close: return "close";
        case PassageKind::Paraphrase: return "paraphrase";
    }
    return "?";
}

Aligner::Aligner(const AlignSide& a, const AlignSide& b, AlignSettings settings, std::span<const double> key_weight)
    : Side{&a, &b}, S(settings), KeyWeight(key_weight) {
    const AlignSettings d;
    if (S.ngram <= 0) S.ngram = d.ngram;
    if (S.max_ngram_occurrences <= 0) S.max_ngram_occurrences = d.max_ngram_occurrences;
    if (S.min_passage_tokens <= 0) S.min_passage_tokens = d.min_passage_tokens;
    if (S.max_gap <= 0) S.max_gap = d.max_gap;
    if (S.max_drift <= 0) S.max_drift = d.max_drift;
    if (S.max_links <= 0) S.max_links = d.max_links;
    if (S.covered_share <= 0) S.covered_share = d.covered_share;
    if (S.min_similarity <= 0) S.min_similarity = d.min_similarity;
    if (S.strong_similarity <= 0) S.strong_similarity = d.strong_similarity;
    if (S.containment_factor <= 0) S.containment_factor = d.containment_factor;
    if (S.min_containment_tokens <= 0) S.min_containment_tokens = d.min_containment_tokens;
    if (S.anchor_gap <= 0) S.anchor_gap = d.anchor_gap;
    if (S.min_shared_keys <= 0) S.min_shared_keys = d.min_shared_keys;
    if (S.max_key_sentences <= 0) S.max_key_sentences = d.max_key_sentences;
    if (S.verbatim_ratio <= 0) S.verbatim_ratio = d.verbatim_ratio;
    if (S.close_ratio <= 0) S.close_ratio = d.close_ratio;
    if (S.lcs_max_cells <= 0) S.lcs_max_cells = d.lcs_max_cells;
    for (int s = 0; s < 2; ++s) {
        const AlignSide& side = *Side[s];
        // First token of each sentence (tokens' sentences never decrease), and the end.
        FirstToken[s].assign(side.sentences.size() + 1, static_cast<uint32_t>(side.tokens.size()));
        for (size_t t = side.tokens.size(); t-- > 0;) {
            assert(side.tokens[t].sentence < side.sentences.size());
            assert(t == 0 || side.tokens[t - 1].sentence <= side.tokens[t].sentence);
            FirstToken[s][side.tokens[t].sentence] = static_cast<uint32_t>(t);
        }
        for (size_t k = side.sentences.size(); k-- > 0;)   // a sentence without tokens starts where the next does
            FirstToken[s][k] = std::min(FirstToken[s][k], FirstToken[s][k + 1]);
    }
}

uint32_t Aligner::Key(int s, uint32_t t) const { return Side[s]->tokens[t].key; }

void Aligner::Peak(size_t items) { Result.stats.peak_items = std::max<uint64_t>(Result.stats.peak_items, items); }

// ---- step 1: seeds, exact matches, chains -------------------------------------------------------------------

// Seeding indexes the side with fewer tokens (its n-grams sorted by hash) and scans the other in slices, so a
// 1 MB side is never sorted: O(n log m) time, O(m + hits) memory.
void Aligner::IndexSmallSide() {
    const AlignSide& small = *Side[SmallSide];
    const size_t n = static_cast<size_t>(S.ngram);
    std::vector<std::pair<uint64_t, uint32_t>> grams;   // (hash, position), sorted
    for (size_t p = 0; p + n <= small.tokens.size(); ++p)
        if (ContentGram(small, p, S.ngram)) grams.push_back({GramHash(small, p, S.ngram), static_cast<uint32_t>(p)});
    std::sort(grams.begin(), grams.end());
    for (size_t k = 0; k < grams.size(); ++k) {
        if (k == 0 || grams[k].first != grams[k - 1].first) {
            GroupHash.push_back(grams[k].first);
            GroupStart.push_back(static_cast<uint32_t>(k));
        }
        GroupPos.push_back(grams[k].second);
    }
    GroupStart.push_back(static_cast<uint32_t>(grams.size()));
    GroupHits.assign(GroupHash.size(), 0);
    Peak(grams.size() * 2);
}

// Scans the large side's n-grams from NextScan until the deadline (at least one block); returns true at the end.
bool Aligner::ScanLargeSide(core::Deadline deadline) {
    const AlignSide& large = *Side[1 - SmallSide];
    const size_t n = static_cast<size_t>(S.ngram), count = large.tokens.size() >= n ? large.tokens.size() - n + 1 : 0;
    const uint32_t cap = static_cast<uint32_t>(S.max_ngram_occurrences);
    do {
        for (size_t end = std::min(count, NextScan + 4096); NextScan < end; ++NextScan) {
            if (!ContentGram(large, NextScan, S.ngram)) continue;
            const uint64_t h = GramHash(large, NextScan, S.ngram);
            auto it = std::lower_bound(GroupHash.begin(), GroupHash.end(), h);
            if (it == GroupHash.end() || *it != h) continue;
            const uint32_t group = static_cast<uint32_t>(it - GroupHash.begin());
            if (++GroupHits[group] <= cap) Hits.push_back({group, static_cast<uint32_t>(NextScan)});
        }
    } while (NextScan < count && !deadline.Expired());
    return NextScan >= count;
}

// Seeds from the hits: n-grams at most max_ngram_occurrences times on each side, keys checked (hash collisions).
void Aligner::FindSeeds() {
    const uint32_t cap = static_cast<uint32_t>(S.max_ngram_occurrences);
    const int small = SmallSide;
    for (const Hit& hit : Hits) {
        const uint32_t group = hit.group, at = hit.at;
        if (GroupHits[group] > cap || GroupStart[group + 1] - GroupStart[group] > cap) continue;
        for (uint32_t g = GroupStart[group]; g < GroupStart[group + 1]; ++g) {
            const uint32_t i = small == 0 ? GroupPos[g] : at, j = small == 0 ? at : GroupPos[g];
            bool same = true;
            for (int k = 0; k < S.ngram && same; ++k) same = Key(0, i + k) == Key(1, j + k);
            if (same) Seeds.push_back({i, j});
        }
    }
    Peak(Hits.size() + Seeds.size());
    std::vector<Hit>().swap(Hits);
    Result.stats.seeds = Seeds.size();
}

void Aligner::FindMatches() {
    // By diagonal (j − i), then i: a seed inside the previous match of its diagonal adds nothing.
    std::sort(Seeds.begin(), Seeds.end(), [](const Seed& x, const Seed& y) {
        int64_t dx = int64_t(x.j) - x.i, dy = int64_t(y.j) - y.i;
        return std::tie(dx, x.i) < std::tie(dy, y.i);
    });
    const uint32_t n = static_cast<uint32_t>(Side[0]->tokens.size()), m = static_cast<uint32_t>(Side[1]->tokens.size());
    int64_t last_diag = INT64_MIN;
    uint32_t last_end = 0;
    for (const Seed& seed : Seeds) {
        const int64_t diag = int64_t(seed.j) - seed.i;
        if (diag == last_diag && seed.i < last_end) continue;
        uint32_t i0 = seed.i, j0 = seed.j;
        while (i0 > 0 && j0 > 0 && Key(0, i0 - 1) == Key(1, j0 - 1)) { --i0; --j0; }
        uint32_t i1 = seed.i + S.ngram, j1 = seed.j + S.ngram;
        while (i1 < n && j1 < m && Key(0, i1) == Key(1, j1)) { ++i1; ++j1; }
        Matches.push_back({i0, j0, i1 - i0});
        last_diag = diag;
        last_end = i1;
    }
    std::vector<Seed>().swap(Seeds);
    std::sort(Matches.begin(), Matches.end(),
              [](const Match& x, const Match& y) { return std::tie(x.i0, x.j0, x.len) < std::tie(y.i0, y.j0, y.len); });
    Result.stats.exact_matches = Matches.size();
    Peak(Matches.size());
}

// Extends a chain's end (dir = +1) or start (dir = −1) over up to kExtendGap skipped tokens per side when at least
// two equal tokens follow, as long as it can; adds the equal tokens to `c.matched`.
void Aligner::Extend(Chain& c, int dir) {
    const int64_t n = static_cast<int64_t>(Side[0]->tokens.size()), m = static_cast<int64_t>(Side[1]->tokens.size());
    auto equal = [&](int64_t i, int64_t j) { return i >= 0 && j >= 0 && i < n && j < m && Key(0, uint32_t(i)) == Key(1, uint32_t(j)); };
    for (;;) {
        // The next token outside the chain on each side.
        const int64_t i = dir > 0 ? c.i1 : int64_t(c.i0) - 1, j = dir > 0 ? c.j1 : int64_t(c.j0) - 1;
        int best_a = -1, best_b = -1;
        for (int total = 0; total <= 2 * kExtendGap && best_a < 0; ++total)
            for (int ga = std::max(0, total - kExtendGap); ga <= std::min(total, kExtendGap) && best_a < 0; ++ga) {
                const int gb = total - ga;
                const int64_t ii = i + dir * ga, jj = j + dir * gb;
                if (equal(ii, jj) && equal(ii + dir, jj + dir)) { best_a = ga; best_b = gb; }
            }
        if (best_a < 0) return;
        int64_t ii = i + dir * best_a, jj = j + dir * best_b;
        while (equal(ii, jj)) {
            ++c.matched;
            ii += dir;
            jj += dir;
        }
        if (dir > 0) { c.i1 = uint32_t(ii); c.j1 = uint32_t(jj); }
        else { c.i0 = uint32_t(ii + 1); c.j0 = uint32_t(jj + 1); }
    }
}

void Aligner::FindChains() {
    const size_t count = Matches.size();
    // Chaining DP over matches in (i0, j0) order: score = matched tokens along the best chain ending here. A
    // predecessor ends at most max_gap tokens before this match starts on A (or overlaps it; the overlap is
    // trimmed from this match's start).
    std::vector<uint32_t> by_end(count);
    for (size_t k = 0; k < count; ++k) by_end[k] = static_cast<uint32_t>(k);
    std::sort(by_end.begin(), by_end.end(), [&](uint32_t x, uint32_t y) {
        uint32_t ex = Matches[x].i0 + Matches[x].len, ey = Matches[y].i0 + Matches[y].len;
        return std::tie(ex, x) < std::tie(ey, y);
    });
    std::vector<uint64_t> score(count);
    std::vector<int64_t> pred(count, -1);
    std::vector<uint32_t> trim(count, 0);
    for (size_t q = 0; q < count; ++q) {
        const Match& y = Matches[q];
        score[q] = y.len;
        const uint32_t lo = y.i0 >= uint32_t(S.max_gap) ? y.i0 - S.max_gap : 0, hi = y.i0 + y.len - 1;
        // Predecessors by A end in [lo, hi], nearest ends first, at most max_links of them.
        auto last = std::upper_bound(by_end.begin(), by_end.end(), hi,
                                     [&](uint32_t v, uint32_t k) { return v < Matches[k].i0 + Matches[k].len; });
        int looked = 0;
        uint64_t best_gap = UINT64_MAX;
        for (auto it = last; it != by_end.begin() && looked < S.max_links;) {
            const uint32_t k = *--it;
            const Match& x = Matches[k];
            const uint32_t xi1 = x.i0 + x.len, xj1 = x.j0 + x.len;
            if (xi1 < lo) break;
            ++looked;
            if (x.i0 >= y.i0 || x.j0 >= y.j0) continue;   // not before on both sides (also: not yet scored)
            const uint32_t ov = std::max({0u, xi1 > y.i0 ? xi1 - y.i0 : 0u, xj1 > y.j0 ? xj1 - y.j0 : 0u});
            if (ov >= y.len) continue;
            const int64_t gap_a = int64_t(y.i0 + ov) - xi1, gap_b = int64_t(y.j0 + ov) - xj1;
            if (gap_a > S.max_gap || gap_b > S.max_gap || std::llabs(gap_a - gap_b) > S.max_drift) continue;
            const uint64_t s = score[k] + y.len - ov, gap = uint64_t(std::max(gap_a, gap_b));
            if (s > score[q] || (s == score[q] && pred[q] >= 0 && gap < best_gap)) {
                score[q] = s;
                pred[q] = k;
                trim[q] = ov;
                best_gap = gap;
            }
        }
    }
    Peak(count * 4);
    // Chains best first (most matched tokens, then the earlier end), each walked back until a match already used.
    std::vector<uint32_t> order(count);
    for (size_t k = 0; k < count; ++k) order[k] = static_cast<uint32_t>(k);
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
        const Match &mx = Matches[x], &my = Matches[y];
        const uint64_t ex = uint64_t(mx.i0) + mx.j0 + 2 * mx.len, ey = uint64_t(my.i0) + my.j0 + 2 * my.len;
        return std::make_tuple(score[y], ex, mx.i0, x) < std::make_tuple(score[x], ey, my.i0, y);
    });
    std::vector<uint8_t> used(count, 0);
    std::vector<Chain> chains;
    for (uint32_t end : order) {
        if (used[end]) continue;
        Chain c{Matches[end].i0, Matches[end].i0 + Matches[end].len, Matches[end].j0, Matches[end].j0 + Matches[end].len, 0};
        int64_t k = end;
        for (;;) {
            used[k] = 1;
            const Match& mk = Matches[k];
            const bool first = pred[k] < 0 || used[pred[k]];
            const uint32_t t = first ? 0 : trim[k];
            c.matched += mk.len - t;
            c.i0 = mk.i0 + t;
            c.j0 = mk.j0 + t;
            if (first) break;
            k = pred[k];
        }
        Extend(c, +1);
        Extend(c, -1);
        if (c.matched >= uint32_t(S.min_passage_tokens)) chains.push_back(c);
    }
    std::vector<Match>().swap(Matches);
    // Taken best first unless both sides already lie in passages taken (a repeat inside each text).
    std::sort(chains.begin(), chains.end(), [](const Chain& x, const Chain& y) {
        return std::make_tuple(y.matched, x.i0 + x.j0, x.i0, x.j0, x.i1, x.j1) <
               std::make_tuple(x.matched, y.i0 + y.j0, y.i0, y.j0, y.i1, y.j1);
    });
    for (const Chain& c : chains) {
        bool a_taken = false, b_taken = false;
        for (const Chain& t : Chains) {
            a_taken |= Overlaps(c.i0, c.i1, t.i0, t.i1);
            b_taken |= Overlaps(c.j0, c.j1, t.j0, t.j1);
        }
        if (!(a_taken && b_taken)) Chains.push_back(c);
    }
    Result.stats.chains = Chains.size();
    // Sentences mostly inside a passage are left out of step 2.
    for (int s = 0; s < 2; ++s) {
        const AlignSide& side = *Side[s];
        std::vector<uint8_t> in(side.tokens.size(), 0);
        Peak(in.size());
        for (const Chain& c : Chains)
            std::fill(in.begin() + (s ? c.j0 : c.i0), in.begin() + (s ? c.j1 : c.i1), 1);
        Covered[s].assign(side.sentences.size(), 0);
        for (size_t k = 0; k < side.sentences.size(); ++k) {
            const uint32_t t0 = FirstToken[s][k], t1 = FirstToken[s][k + 1];
            uint32_t inside = 0;
            for (uint32_t t = t0; t < t1; ++t) inside += in[t];
            Covered[s][k] = t1 > t0 && inside >= S.covered_share * (t1 - t0) ? kCovered : inside > 0 ? kPartly : kFree;
        }
    }
    for (const Chain& c : Chains) {
        AlignedPair p;
        p.tokens[0] = {c.i0, c.i1};
        p.tokens[1] = {c.j0, c.j1};
        p.matched_tokens = c.matched;
        p.score = 2.0 * c.matched / double(c.i1 - c.i0 + c.j1 - c.j0);
        p.from_ngrams = true;
        Result.pairs.push_back(p);
    }
}

// ---- step 2: sentence vectors, candidates, the chain and crossing pairs ------------------------------------

double Aligner::Weight(uint32_t key) const {
    if (key < KeyWeight.size()) return KeyWeight[key];
    return key < DefaultIdf.size() ? DefaultIdf[key] : 0.0;
}

// Sentence vectors in slices, a sentence at a time: first each sentence's sorted content keys and the document
// frequencies (both sides), then the weights, then each sentence's vector, then B's inverted index.
bool Aligner::BuildVectors(core::Deadline deadline) {
    if (VecStage == 0) {   // sizes
        for (int s = 0; s < 2; ++s)
            for (const AlignToken& t : Side[s]->tokens) Keys = std::max(Keys, t.key + 1);
        for (int s = 0; s < 2; ++s) {
            Df[s].assign(Keys, 0);
            SentenceKeys[s].resize(Side[s]->sentences.size());
            Vectors[s].resize(Side[s]->sentences.size());
        }
        Peak(std::max<size_t>(Keys, std::max(Side[0]->tokens.size(), Side[1]->tokens.size())));
        VecStage = 1;
    }
    // Stages 1 (keys and frequencies) and 2 (vectors) walk side A's sentences, then side B's.
    auto walk = [&](auto&& each) {
        do {
            if (VecNext >= SentenceKeys[VecSide].size()) {
                if (VecSide == 1) return true;
                VecSide = 1;
                VecNext = 0;
                continue;
            }
            each(VecSide, VecNext++);
        } while (!deadline.Expired());
        return false;
    };
    if (VecStage == 1) {
        const bool done = walk([&](int s, size_t k) {
            std::vector<uint32_t>& keys = SentenceKeys[s][k];
            for (uint32_t t = FirstToken[s][k]; t < FirstToken[s][k + 1]; ++t)
                if (!Side[s]->tokens[t].stopword) keys.push_back(Side[s]->tokens[t].key);
            std::sort(keys.begin(), keys.end());
            for (size_t x = 0; x < keys.size(); ++x)
                if (x == 0 || keys[x] != keys[x - 1]) ++Df[s][keys[x]];
        });
        if (!done) return false;
        if (KeyWeight.size() < Keys) {
            // idf over both sides' sentences: log(1 + N / df), N all sentences.
            const double total = double(Side[0]->sentences.size() + Side[1]->sentences.size());
            DefaultIdf.assign(Keys, 0.0);
            for (uint32_t k = 0; k < Keys; ++k)
                if (uint32_t df = Df[0][k] + Df[1][k]) DefaultIdf[k] = std::log(1.0 + total / df);
        }
        VecStage = 2;
        VecSide = 0;
        VecNext = 0;
        if (deadline.Expired()) return false;
    }
    if (VecStage == 2) {
        const bool done = walk([&](int s, size_t k) {
            std::vector<uint32_t> keys;
            keys.swap(SentenceKeys[s][k]);
            Vec& v = Vectors[s][k];
            v.content = static_cast<int>(keys.size());
            for (size_t x = 0; x < keys.size();) {
                size_t e = x;
                while (e < keys.size() && keys[e] == keys[x]) ++e;
                const double w = double(e - x) * Weight(keys[x]);
                if (w > 0) v.entries.push_back({keys[x], w});
                x = e;
            }
            Finalise(v);
        });
        if (!done) return false;
        VecStage = 3;
        if (deadline.Expired()) return false;
    }
    // B's postings: key → sentences, ascending.
    PostingStart.assign(Keys + 1, 0);
    for (const Vec& v : Vectors[1])
        for (const Entry& e : v.entries) ++PostingStart[e.key + 1];
    for (uint32_t k = 0; k < Keys; ++k) PostingStart[k + 1] += PostingStart[k];
    Postings.resize(PostingStart[Keys]);
    std::vector<uint32_t> fill(PostingStart.begin(), PostingStart.end() - 1);
    for (uint32_t b = 0; b < Vectors[1].size(); ++b)
        for (const Entry& e : Vectors[1][b].entries) Postings[fill[e.key]++] = b;
    Acc.assign(Vectors[1].size(), 0);
    Peak(Postings.size() + Keys);
    return true;
}

void Aligner::Finalise(Vec& v) {
    double sq = 0, sum = 0;
    for (const Entry& e : v.entries) { sq += e.x * e.x; sum += e.x; }
    v.norm = std::sqrt(sq);
    v.sum = sum;
}

// max(cosine, containment_factor × containment), 0 with fewer than min_shared_keys keys in common (unless both
// hold the same keys); symmetric in x and y, summed in key order.
double Aligner::Similarity(const Vec& x, const Vec& y) const {
    if (x.norm <= 0 || y.norm <= 0) return 0;
    double dot = 0, low = 0;
    size_t shared = 0;
    for (size_t p = 0, q = 0; p < x.entries.size() && q < y.entries.size();) {
        if (x.entries[p].key < y.entries[q].key) ++p;
        else if (y.entries[q].key < x.entries[p].key) ++q;
        else {
            dot += x.entries[p].x * y.entries[q].x;
            low += std::min(x.entries[p].x, y.entries[q].x);
            ++shared;
            ++p;
            ++q;
        }
    }
    // One shared word is chance ("No reason." against any sentence with "reason"), unless it is all either has.
    const bool same_keys = shared == x.entries.size() && shared == y.entries.size();
    if (shared < size_t(S.min_shared_keys) && !same_keys) return 0;
    double sim = dot / (x.norm * y.norm);
    if (std::min(x.content, y.content) >= S.min_containment_tokens)
        sim = std::max(sim, S.containment_factor * low / std::min(x.sum, y.sum));
    return std::min(1.0, sim);
}

Aligner::Vec Aligner::Merged(int side, uint32_t s0, uint32_t s1) const {
    Vec v;
    for (uint32_t k = s0; k < s1; ++k) {
        const Vec& part = Vectors[side][k];
        std::vector<Entry> merged;
        merged.reserve(v.entries.size() + part.entries.size());
        size_t p = 0, q = 0;
        while (p < v.entries.size() || q < part.entries.size()) {
            if (q == part.entries.size() || (p < v.entries.size() && v.entries[p].key < part.entries[q].key)) merged.push_back(v.entries[p++]);
            else if (p == v.entries.size() || part.entries[q].key < v.entries[p].key) merged.push_back(part.entries[q++]);
            else { merged.push_back({v.entries[p].key, v.entries[p].x + part.entries[q].x}); ++p; ++q; }
        }
        v.entries.swap(merged);
        v.content += part.content;
    }
    Finalise(v);
    return v;
}

void Aligner::AddCandidate(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, double sim) {
    ++Result.stats.candidate_pairs;
    if (sim < S.min_similarity) return;
    const int64_t q = std::llround(sim * kSimScale), floor_q = std::llround(S.min_similarity * kSimScale);
    Candidates.push_back({a0, a1, b0, b1, double(q) / kSimScale, q - floor_q + 1});
}

void Aligner::CandidatesOf(uint32_t a) {
    const uint32_t sa = static_cast<uint32_t>(Vectors[0].size()), sb = static_cast<uint32_t>(Vectors[1].size());
    if (Covered[0][a] == kCovered) return;
    const uint32_t cap = static_cast<uint32_t>(S.max_key_sentences);
    for (const Entry& e : Vectors[0][a].entries) {
        if (Df[0][e.key] > cap || Df[1][e.key] > cap) continue;
        for (uint32_t p = PostingStart[e.key]; p < PostingStart[e.key + 1]; ++p) {
            const uint32_t b = Postings[p];
            if (!Acc[b]) { Acc[b] = 1; Touched.push_back(b); }
        }
    }
    std::sort(Touched.begin(), Touched.end());
    auto free = [&](int s, uint32_t k) { return Covered[s][k] != kCovered; };
    auto sim = [&](uint32_t x, uint32_t y) { return Similarity(Vectors[0][x], Vectors[1][y]); };
    for (uint32_t b : Touched) {
        Acc[b] = 0;
        if (!free(1, b)) continue;
        const double single = sim(a, b);
        AddCandidate(a, a + 1, b, b + 1, single);
        // Merges with a neighbour on either side (1–2 and 2–1): kept when better than each single pair. A merge
        // is reached from every member pair sharing a key, so it may be added twice; duplicates are dropped later.
        for (int d = -1; d <= 0; ++d) {
            if (b == 0 && d < 0) continue;
            const uint32_t b0 = b + d;
            if (b0 + 1 >= sb || !free(1, b0) || !free(1, b0 + 1)) continue;
            const double merged = Similarity(Vectors[0][a], Merged(1, b0, b0 + 2));
            if (merged > std::max(sim(a, b0), sim(a, b0 + 1))) AddCandidate(a, a + 1, b0, b0 + 2, merged);
        }
        for (int d = -1; d <= 0; ++d) {
            if (a == 0 && d < 0) continue;
            const uint32_t a0 = a + d;
            if (a0 + 1 >= sa || !free(0, a0) || !free(0, a0 + 1)) continue;
            const double merged = Similarity(Merged(0, a0, a0 + 2), Vectors[1][b]);
            if (merged > std::max(sim(a0, b), sim(a0 + 1, b))) AddCandidate(a0, a0 + 2, b, b + 1, merged);
        }
    }
    Touched.clear();
}

void Aligner::ChooseSentencePairs() {
    auto& c = Candidates;
    std::sort(c.begin(), c.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(x.a0, x.b0, x.a1, x.b1) < std::tie(y.a0, y.b0, y.a1, y.b1);
    });
    c.erase(std::unique(c.begin(), c.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(x.a0, x.b0, x.a1, x.b1) == std::tie(y.a0, y.b0, y.a1, y.b1);
    }), c.end());
    Peak(c.size());
    const size_t count = c.size();
    const uint32_t sb = static_cast<uint32_t>(Vectors[1].size());
    // The monotone chain with the largest Σ weight: candidates in a0 order; a Fenwick tree over B's end holds the
    // best chain value (and its last candidate) among candidates already ended on A.
    struct Best { int64_t value = 0; int64_t last = -1; };
    auto better = [](const Best& x, const Best& y) { return x.value > y.value || (x.value == y.value && x.last >= 0 && (y.last < 0 || x.last < y.last)); };
    std::vector<Best> tree(sb + 1);
    std::vector<int64_t> value(count), pred(count, -1);
    std::vector<uint32_t> by_a_end(count);
    for (size_t k = 0; k < count; ++k) by_a_end[k] = static_cast<uint32_t>(k);
    std::sort(by_a_end.begin(), by_a_end.end(), [&](uint32_t x, uint32_t y) { return std::tie(c[x].a1, x) < std::tie(c[y].a1, y); });
    size_t inserted = 0;
    for (size_t k = 0; k < count; ++k) {
        while (inserted < count && c[by_a_end[inserted]].a1 <= c[k].a0) {
            const uint32_t e = by_a_end[inserted++];
            const Best add{value[e], e};
            for (uint32_t p = c[e].b1; p <= sb; p += p & (~p + 1))
                if (better(add, tree[p])) tree[p] = add;
        }
        Best best;
        for (uint32_t p = c[k].b0; p > 0; p -= p & (~p + 1))
            if (better(tree[p], best)) best = tree[p];
        value[k] = best.value + c[k].weight;
        pred[k] = best.last;
    }
    std::vector<uint8_t> used_a(Vectors[0].size(), 0), used_b(sb, 0);
    std::vector<uint8_t> chosen(count, 0);
    auto take = [&](size_t k) {
        chosen[k] = 1;
        for (uint32_t x = c[k].a0; x < c[k].a1; ++x) used_a[x] = 1;
        for (uint32_t y = c[k].b0; y < c[k].b1; ++y) used_b[y] = 1;
    };
    int64_t end = -1;
    for (size_t k = 0; k < count; ++k)
        if (end < 0 || value[k] > value[end]) end = int64_t(k);
    // The chain's pairs in runs (consecutive pairs at most anchor_gap sentences apart on both sides): a run is
    // kept when it holds a strong pair or at least three pairs; a weak pair alone between unrelated texts is
    // chance, a weak pair among its neighbours is a loose translation.
    std::vector<size_t> chain;
    for (int64_t k = end; k >= 0; k = pred[k]) chain.push_back(size_t(k));
    std::reverse(chain.begin(), chain.end());
    for (size_t run = 0; run < chain.size();) {
        size_t run_end = run + 1;
        while (run_end < chain.size() && c[chain[run_end]].a0 - c[chain[run_end - 1]].a1 <= uint32_t(S.anchor_gap) &&
               c[chain[run_end]].b0 - c[chain[run_end - 1]].b1 <= uint32_t(S.anchor_gap))
            ++run_end;
        bool strong = run_end - run >= 3;
        for (size_t k = run; k < run_end; ++k) strong |= c[chain[k]].sim >= S.strong_similarity;
        if (strong)
            for (size_t k = run; k < run_end; ++k) take(chain[k]);
        run = run_end;
    }
    // Crossing pairs for sentences the chain left free: strong candidates, best first, nearer the diagonal first.
    std::vector<uint32_t> order;
    for (size_t k = 0; k < count; ++k)
        if (!chosen[k] && c[k].sim >= S.strong_similarity) order.push_back(static_cast<uint32_t>(k));
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
        const Candidate &cx = c[x], &cy = c[y];
        return std::make_tuple(-cx.weight, cx.a0 + cx.b0, cx.a0, cx.b0, cx.a1, cx.b1) <
               std::make_tuple(-cy.weight, cy.a0 + cy.b0, cy.a0, cy.b0, cy.a1, cy.b1);
    });
    for (uint32_t k : order) {
        bool free = true;
        for (uint32_t x = c[k].a0; x < c[k].a1; ++x) free &= !used_a[x];
        for (uint32_t y = c[k].b0; y < c[k].b1; ++y) free &= !used_b[y];
        if (free) take(k);
    }
    for (size_t k = 0; k < count; ++k)
        if (chosen[k]) {
            AlignedPair p;
            p.sentences[0] = {c[k].a0, c[k].a1};
            p.sentences[1] = {c[k].b0, c[k].b1};
            p.tokens[0] = {FirstToken[0][c[k].a0], FirstToken[0][c[k].a1]};
            p.tokens[1] = {FirstToken[1][c[k].b0], FirstToken[1][c[k].b1]};
            p.score = c[k].sim;
            Result.pairs.push_back(p);
        }
    for (int s = 0; s < 2; ++s) {
        const std::vector<uint8_t>& used = s ? used_b : used_a;
        for (uint32_t k = 0; k < Vectors[s].size(); ++k)
            if (!used[k] && Covered[s][k] == kFree && FirstToken[s][k + 1] > FirstToken[s][k]) Result.unmatched[s].push_back(k);
    }
    std::vector<Candidate>().swap(Candidates);
}

// Pairs overlapping on both sides are one passage (a sentence pair holding a step-1 passage, a step-1 passage
// across two sentence pairs): merged into the union of their token ranges with the best sentence-pair score (the
// best step-1 score when no part is a sentence pair), from_ngrams only when every part was. Repeated until no two
// pairs overlap on both sides.
void Aligner::MergeOverlapping() {
    auto& pairs = Result.pairs;
    auto by_position = [](const AlignedPair& x, const AlignedPair& y) {
        return std::tie(x.tokens[0].begin, x.tokens[1].begin, x.tokens[0].end, x.tokens[1].end) <
               std::tie(y.tokens[0].begin, y.tokens[1].begin, y.tokens[0].end, y.tokens[1].end);
    };
    for (bool merged = true; merged;) {
        merged = false;
        std::sort(pairs.begin(), pairs.end(), by_position);
        std::vector<AlignedPair> out;
        std::vector<uint8_t> gone(pairs.size(), 0);
        for (size_t x = 0; x < pairs.size(); ++x) {
            if (gone[x]) continue;
            AlignedPair p = pairs[x];
            // Later pairs start at or after p on A; those starting before p's (growing) A end may overlap it.
            for (size_t y = x + 1; y < pairs.size() && pairs[y].tokens[0].begin < p.tokens[0].end; ++y) {
                const AlignedPair& q = pairs[y];
                if (gone[y] || !Overlaps(p.tokens[1].begin, p.tokens[1].end, q.tokens[1].begin, q.tokens[1].end)) continue;
                for (int s = 0; s < 2; ++s)
                    p.tokens[s] = {std::min(p.tokens[s].begin, q.tokens[s].begin), std::max(p.tokens[s].end, q.tokens[s].end)};
                // A sentence pair's similarity speaks for the whole sentences; a step-1 part's Dice only for itself.
                p.score = p.from_ngrams == q.from_ngrams ? std::max(p.score, q.score) : p.from_ngrams ? q.score : p.score;
                p.from_ngrams = p.from_ngrams && q.from_ngrams;
                gone[y] = 1;
                merged = true;
            }
            out.push_back(p);
        }
        pairs.swap(out);
    }
}

// ---- step 3: kinds, ranges ---------------------------------------------------------------------------------

// Length of the longest common subsequence of the keys of A's tokens [i0, i1) and B's [j0, j1): a two-row DP up
// to lcs_max_cells, above that a greedy lower bound (each A token matched to the next equal B token within 16).
uint32_t Aligner::Lcs(uint32_t i0, uint32_t i1, uint32_t j0, uint32_t j1) {
    const uint32_t n = i1 - i0, m = j1 - j0;
    if (n == 0 || m == 0) return 0;
    if (int64_t(n) * m <= S.lcs_max_cells) {
        Result.stats.lcs_cells += uint64_t(n) * m;
        std::vector<uint32_t> prev(m + 1, 0), row(m + 1, 0);
        for (uint32_t x = 0; x < n; ++x) {
            const uint32_t key = Key(0, i0 + x);
            for (uint32_t y = 0; y < m; ++y)
                row[y + 1] = key == Key(1, j0 + y) ? prev[y] + 1 : std::max(prev[y + 1], row[y]);
            prev.swap(row);
        }
        return prev[m];
    }
    uint32_t matched = 0, y = 0;
    for (uint32_t x = 0; x < n && y < m; ++x)
        for (uint32_t z = y; z < m && z < y + 16; ++z)
            if (Key(0, i0 + x) == Key(1, j0 + z)) { ++matched; y = z + 1; break; }
    return matched;
}

void Aligner::Finish(size_t index) {
    AlignedPair& p = Result.pairs[index];
    // A chain's matched count misses equal tokens inside its gaps; the LCS does not (a chain's count stays when it
    // is larger: a greedy LCS on a huge chain).
    p.matched_tokens = std::max(p.from_ngrams ? p.matched_tokens : 0u, Lcs(p.tokens[0].begin, p.tokens[0].end, p.tokens[1].begin, p.tokens[1].end));
    if (p.from_ngrams) p.score = 2.0 * p.matched_tokens / double(p.tokens[0].end - p.tokens[0].begin + p.tokens[1].end - p.tokens[1].begin);
    for (int s = 0; s < 2; ++s) {
        const auto& t = Side[s]->tokens;
        assert(p.tokens[s].end > p.tokens[s].begin);
        p.sentences[s] = {t[p.tokens[s].begin].sentence, t[p.tokens[s].end - 1].sentence + 1};
        p.bytes[s] = {t[p.tokens[s].begin].byte_begin, t[p.tokens[s].end - 1].byte_end};
    }
    const double longer = std::max(p.tokens[0].end - p.tokens[0].begin, p.tokens[1].end - p.tokens[1].begin);
    const double ratio = longer > 0 ? p.matched_tokens / longer : 0;
    p.kind = ratio >= S.verbatim_ratio ? PassageKind::Verbatim : ratio >= S.close_ratio ? PassageKind::Close : PassageKind::Paraphrase;
}

// ---- the job ------------------------------------------------------------------------------------------------

bool Aligner::Step(core::Deadline deadline) {
    while (At != Phase::Done) {
        switch (At) {
            case Phase::Index:
                SmallSide = Side[1]->tokens.size() < Side[0]->tokens.size() ? 1 : 0;
                IndexSmallSide();
                At = Phase::Scan;
                break;
            case Phase::Scan:
                if (ScanLargeSide(deadline)) { FindSeeds(); At = Phase::Matches; }
                break;
            case Phase::Matches: FindMatches(); At = Phase::Chains; break;
            case Phase::Chains: FindChains(); At = Phase::Vectors; break;
            case Phase::Vectors:
                if (BuildVectors(deadline)) At = Phase::Candidates;
                break;
            case Phase::Candidates: {
                const uint32_t sa = static_cast<uint32_t>(Vectors[0].size());
                do {
                    if (NextA < sa) CandidatesOf(NextA++);
                } while (NextA < sa && !deadline.Expired());
                if (NextA >= sa) At = Phase::Choose;
                break;
            }
            case Phase::Choose: ChooseSentencePairs(); MergeOverlapping(); At = Phase::Kinds; break;
            case Phase::Kinds: {
                do {
                    if (NextPair < Result.pairs.size()) Finish(NextPair++);
                } while (NextPair < Result.pairs.size() && !deadline.Expired());
                if (NextPair >= Result.pairs.size()) {
                    std::sort(Result.pairs.begin(), Result.pairs.end(), [](const AlignedPair& x, const AlignedPair& y) {
                        return std::tie(x.tokens[0].begin, x.tokens[1].begin, x.tokens[0].end, x.tokens[1].end) <
                               std::tie(y.tokens[0].begin, y.tokens[1].begin, y.tokens[0].end, y.tokens[1].end);
                    });
                    At = Phase::Done;
                }
                break;
            }
            case Phase::Done: break;
        }
        if (At != Phase::Done && deadline.Expired()) return false;
    }
    return true;
}

double Aligner::Progress() const {
    switch (At) {
        case Phase::Index: return 0.0;
        case Phase::Scan: {
            const size_t large = Side[1 - SmallSide]->tokens.size();
            return 0.1 * (large ? std::min(1.0, double(NextScan) / large) : 1.0);
        }
        case Phase::Matches: return 0.1;
        case Phase::Chains: return 0.2;
        case Phase::Vectors: return 0.3;
        case Phase::Candidates: return 0.35 + 0.5 * (Vectors[0].empty() ? 1.0 : double(NextA) / Vectors[0].size());
        case Phase::Choose: return 0.85;
        case Phase::Kinds: return 0.9 + 0.1 * (Result.pairs.empty() ? 1.0 : double(NextPair) / Result.pairs.size());
        case Phase::Done: return 1.0;
    }
    return 1.0;
}

Alignment Aligner::TakeResult() {
    assert(At == Phase::Done);
    return std::move(Result);
}

Alignment Align(const AlignSide& a, const AlignSide& b, AlignSettings settings, std::span<const double> key_weight) {
    Aligner aligner(a, b, settings, key_weight);
    while (!aligner.Step(core::Deadline::Never())) {}
    return aligner.TakeResult();
}

Alignment Mirrored(const Alignment& r) {
    Alignment m = r;
    for (AlignedPair& p : m.pairs) {
        std::swap(p.sentences[0], p.sentences[1]);
        std::swap(p.tokens[0], p.tokens[1]);
        std::swap(p.bytes[0], p.bytes[1]);
    }
    std::swap(m.unmatched[0], m.unmatched[1]);
    std::sort(m.pairs.begin(), m.pairs.end(), [](const AlignedPair& x, const AlignedPair& y) {
        return std::tie(x.tokens[0].begin, x.tokens[1].begin, x.tokens[0].end, x.tokens[1].end) <
               std::tie(y.tokens[0].begin, y.tokens[1].begin, y.tokens[0].end, y.tokens[1].end);
    });
    return m;
}

}  // namespace analysis::compare
