// The word diff: a bounded Myers core with patience anchors as its fallback, then the readability cleanup.
// diff.h says what each stage does and what it costs; the bisection follows Myers (1986) in the form
// diff-match-patch's diff_bisect gives it (diagonals that leave the grid are dropped from the search).
#include "analysis/compare/diff.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "text/graphemes.h"

namespace analysis::compare {

namespace {

// A run of the edit script while it is built: Equal, or a change with a range on either side or both (a
// Delete has b0 == b1, an Insert a0 == a1, both non-empty make a Replace).
struct Run {
    bool equal = false;
    uint32_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
    uint32_t a_size() const { return a1 - a0; }
    uint32_t b_size() const { return b1 - b0; }
};

// Appends a run, joining it to the last one when both are equal or both are changes (they are contiguous).
void Append(std::vector<Run>* runs, const Run& r) {
    if (r.a0 == r.a1 && r.b0 == r.b1) return;
    if (!runs->empty() && runs->back().equal == r.equal) {
        runs->back().a1 = r.a1;
        runs->back().b1 = r.b1;
        return;
    }
    runs->push_back(r);
}

// ---- the edit script ------------------------------------------------------------------------------------

class Script {
public:
    Script(std::span<const uint32_t> a, std::span<const uint32_t> b, const DiffOptions& options)
        : A(a), B(b), Options(options) {}

    std::vector<Run> Build();
    uint64_t work = 0;
    bool exact = true;

private:
    struct Task {
        bool equal;   // emit an equal run (a snake or an anchor); else diff the ranges
        uint32_t a0, a1, b0, b1;
    };
    bool Spent() const { return work > Options.max_work; }
    void Solve(const Task& t);
    enum class Split { Found, Disjoint, TooCostly };
    Split Bisect(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, uint32_t* split_a, uint32_t* split_b);
    bool Anchor(const Task& t);
    void GiveUp(const Task& t) {
        exact = false;
        Append(&Out, {false, t.a0, t.a1, t.b0, t.b0});
        Append(&Out, {false, t.a1, t.a1, t.b0, t.b1});
    }

    std::span<const uint32_t> A, B;
    const DiffOptions& Options;
    std::vector<Task> Stack;
    std::vector<Run> Out;
    std::vector<int64_t> Forward, Backward;   // the bisection's furthest x per diagonal, reused
};

std::vector<Run> Script::Build() {
    Stack.push_back({false, 0, static_cast<uint32_t>(A.size()), 0, static_cast<uint32_t>(B.size())});
    while (!Stack.empty()) {
        Task t = Stack.back();
        Stack.pop_back();
        if (t.equal) Append(&Out, {true, t.a0, t.a1, t.b0, t.b1});
        else Solve(t);
    }
    return std::move(Out);
}

// Diffs one range. Everything before it has been emitted, so its common prefix is emitted at once; the
// common suffix waits on the stack under the middle's tasks.
void Script::Solve(const Task& task) {
    Task t = task;
    if (Spent()) return GiveUp(t);
    uint32_t prefix = 0;
    while (t.a0 + prefix < t.a1 && t.b0 + prefix < t.b1 && A[t.a0 + prefix] == B[t.b0 + prefix]) ++prefix;
    Append(&Out, {true, t.a0, t.a0 + prefix, t.b0, t.b0 + prefix});
    t.a0 += prefix;
    t.b0 += prefix;
    uint32_t suffix = 0;
    while (t.a0 < t.a1 - suffix && t.b0 < t.b1 - suffix && A[t.a1 - suffix - 1] == B[t.b1 - suffix - 1]) ++suffix;
    work += prefix + suffix + 1;
    if (suffix > 0) Stack.push_back({true, t.a1 - suffix, t.a1, t.b1 - suffix, t.b1});
    t.a1 -= suffix;
    t.b1 -= suffix;
    if (t.a0 == t.a1 || t.b0 == t.b1) {   // one side left: a plain deletion or insertion
        Append(&Out, {false, t.a0, t.a1, t.b0, t.b1});
        return;
    }
    if (Spent()) return GiveUp(t);
    uint32_t split_a = 0, split_b = 0;
    const Split split = Bisect(t.a0, t.a1, t.b0, t.b1, &split_a, &split_b);
    if (split == Split::Disjoint) {   // no key in common: the shortest script deletes all and inserts all
        Append(&Out, {false, t.a0, t.a1, t.b0, t.b0});
        Append(&Out, {false, t.a1, t.a1, t.b0, t.b1});
        return;
    }
    if (split == Split::Found) {
        // The split lies strictly inside (the range's ends differ on the two sides), so both halves shrink.
        assert((split_a > t.a0 || split_b > t.b0) && (split_a < t.a1 || split_b < t.b1));
        Stack.push_back({false, split_a, t.a1, split_b, t.b1});
        Stack.push_back({false, t.a0, split_a, t.b0, split_b});
        return;
    }
    exact = false;
    if (!Anchor(t)) GiveUp(t);
}

// Myers' middle snake for a range whose first and last tokens differ on the two sides: a point that an
// optimal path passes through, strictly inside the range (Found). Disjoint when the two searches never meet
// (the sides share no key), TooCostly when the search would need more than bisect_work steps (or max_work
// runs out).
Script::Split Script::Bisect(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, uint32_t* split_a, uint32_t* split_b) {
    const int64_t n = a1 - a0, m = b1 - b0;
    const int64_t max_d = (n + m + 1) / 2;
    // Step d costs at least 2d + 1 diagonal steps, so d stays below √bisect_work: no need for larger arrays.
    const int64_t d_limit = std::min<int64_t>(max_d, static_cast<int64_t>(std::sqrt(double(Options.bisect_work))) + 2);
    const int64_t offset = d_limit + 1, length = 2 * d_limit + 3;
    Forward.assign(static_cast<size_t>(length), -1);
    Backward.assign(static_cast<size_t>(length), -1);
    Forward[offset + 1] = 0;
    Backward[offset + 1] = 0;
    const int64_t delta = n - m;
    const bool front = (delta & 1) != 0;   // odd: the forward search meets the backward one
    int64_t k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
    const uint64_t budget_end = work + Options.bisect_work;
    work += static_cast<uint64_t>(length);
    for (int64_t d = 0; d < d_limit; ++d) {
        if (work > budget_end || Spent()) return Split::TooCostly;
        for (int64_t k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2) {
            const int64_t i = offset + k1;
            int64_t x = (k1 == -d || (k1 != d && Forward[i - 1] < Forward[i + 1])) ? Forward[i + 1] : Forward[i - 1] + 1;
            int64_t y = x - k1;
            const int64_t x_start = x;
            while (x < n && y < m && A[a0 + x] == B[b0 + y]) ++x, ++y;
            work += static_cast<uint64_t>(x - x_start) + 1;
            Forward[i] = x;
            if (x > n) {
                k1_end += 2;    // ran off the right edge
            } else if (y > m) {
                k1_start += 2;  // ran off the bottom edge
            } else if (front) {
                const int64_t j = offset + delta - k1;
                if (j >= 0 && j < length && Backward[j] != -1 && x >= n - Backward[j]) {
                    *split_a = a0 + static_cast<uint32_t>(x);
                    *split_b = b0 + static_cast<uint32_t>(y);
                    return Split::Found;
                }
            }
        }
        for (int64_t k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2) {
            const int64_t i = offset + k2;
            int64_t x = (k2 == -d || (k2 != d && Backward[i - 1] < Backward[i + 1])) ? Backward[i + 1] : Backward[i - 1] + 1;
            int64_t y = x - k2;
            const int64_t x_start = x;
            while (x < n && y < m && A[a1 - 1 - x] == B[b1 - 1 - y]) ++x, ++y;
            work += static_cast<uint64_t>(x - x_start) + 1;
            Backward[i] = x;
            if (x > n) {
                k2_end += 2;
            } else if (y > m) {
                k2_start += 2;
            } else if (!front) {
                const int64_t j = offset + delta - k2;
                if (j >= 0 && j < length && Forward[j] != -1) {
                    const int64_t fx = Forward[j], fy = fx - (j - offset);
                    if (fx >= n - x) {
                        *split_a = a0 + static_cast<uint32_t>(fx);
                        *split_b = b0 + static_cast<uint32_t>(fy);
                        return Split::Found;
                    }
                }
            }
        }
    }
    return d_limit == max_d ? Split::Disjoint : Split::TooCostly;
}

// Cuts a range at patience anchors: keys found exactly once on each side of the range, kept where their
// positions increase on both sides (the longest such run). Pushes the gaps and the anchors as tasks; false
// when there is no anchor.
bool Script::Anchor(const Task& t) {
    const uint32_t n = t.a1 - t.a0, m = t.b1 - t.b0;
    // Integer log, so the count (and where max_work runs out) is the same natively and in wasm.
    work += uint64_t{n + m} * (1 + std::bit_width(n + m));
    // (key, position) sorted: equal keys side by side, in text order.
    std::vector<std::pair<uint32_t, uint32_t>> as, bs;
    as.reserve(n);
    bs.reserve(m);
    for (uint32_t i = t.a0; i < t.a1; ++i) as.emplace_back(A[i], i);
    for (uint32_t j = t.b0; j < t.b1; ++j) bs.emplace_back(B[j], j);
    std::sort(as.begin(), as.end());
    std::sort(bs.begin(), bs.end());
    auto unique_at = [](const auto& v, size_t i) {
        return (i == 0 || v[i - 1].first != v[i].first) && (i + 1 == v.size() || v[i + 1].first != v[i].first);
    };
    std::vector<std::pair<uint32_t, uint32_t>> pairs;   // (a position, b position) of keys unique on both sides
    for (size_t i = 0, j = 0; i < as.size() && j < bs.size();) {
        if (as[i].first < bs[j].first) ++i;
        else if (bs[j].first < as[i].first) ++j;
        else {
            if (unique_at(as, i) && unique_at(bs, j)) pairs.emplace_back(as[i].second, bs[j].second);
            const uint32_t key = as[i].first;
            while (i < as.size() && as[i].first == key) ++i;
            while (j < bs.size() && bs[j].first == key) ++j;
        }
    }
    if (pairs.empty()) return false;
    std::sort(pairs.begin(), pairs.end());
    // Longest increasing run of b positions (patience sorting; b positions are distinct, so no ties).
    std::vector<size_t> tops, back(pairs.size(), SIZE_MAX);
    for (size_t p = 0; p < pairs.size(); ++p) {
        auto it = std::lower_bound(tops.begin(), tops.end(), pairs[p].second,
                                   [&](size_t q, uint32_t b) { return pairs[q].second < b; });
        if (it != tops.begin()) back[p] = *(it - 1);
        if (it == tops.end()) tops.push_back(p);
        else *it = p;
    }
    std::vector<size_t> chain;
    for (size_t p = tops.back(); p != SIZE_MAX; p = back[p]) chain.push_back(p);
    // chain runs from the last anchor to the first: push the last gap first, so the first gap pops first.
    uint32_t a_end = t.a1, b_end = t.b1;
    for (size_t p : chain) {
        const auto [a, b] = pairs[p];
        Stack.push_back({false, a + 1, a_end, b + 1, b_end});
        Stack.push_back({true, a, a + 1, b, b + 1});
        a_end = a;
        b_end = b;
    }
    Stack.push_back({false, t.a0, a_end, t.b0, b_end});
    return true;
}

// ---- cleanup --------------------------------------------------------------------------------------------

// How good a place the gap before token `i` of a side is for an edit to start or end (diff-match-patch's
// semantic score, for the text between words): blank line 5, line break 4, sentence end 3, other
// punctuation 2, space 1, nothing 0; the start and end of the text count as a line break.
int GapScore(const DiffSide& side, uint32_t i) {
    if (i == 0 || i >= side.tokens.size()) return 4;
    if (side.text.empty()) return 1;
    const DiffToken& before = side.tokens[i - 1];
    const uint32_t from = before.byte_offset + before.byte_length, to = side.tokens[i].byte_offset;
    if (to <= from || to > side.text.size()) return 0;
    const std::string_view gap = side.text.substr(from, to - from);
    int score = 1;
    bool blank_so_far = false;   // only spaces since the last line break
    for (size_t k = 0; k < gap.size(); ++k) {
        const char c = gap[k];
        if (c == '\n') {
            if (blank_so_far) return 5;
            blank_so_far = true;
            score = std::max(score, 4);
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') continue;
        if (gap.compare(k, 2, "\xC2\xA0") == 0) {   // no-break space
            ++k;
            continue;
        }
        blank_so_far = false;
        const bool sentence_end = c == '.' || c == '!' || c == '?' || gap.compare(k, 3, "\xE2\x80\xA6") == 0;
        score = std::max(score, sentence_end ? 3 : 2);
    }
    return score;
}

// Rule a: an equality no longer than the larger side of the change before it and of the change after it is
// absorbed into them. A stack pass: absorbing makes the change longer, which may absorb the equality before.
std::vector<Run> AbsorbShortEqualities(const std::vector<Run>& runs) {
    std::vector<Run> out;
    for (const Run& r : runs) {
        Append(&out, r);
        while (out.size() >= 3 && !out.back().equal) {
            const Run& after = out[out.size() - 1];
            const Run& eq = out[out.size() - 2];
            const Run& before = out[out.size() - 3];
            const uint32_t len = eq.a_size();
            if (len > std::max(before.a_size(), before.b_size()) || len > std::max(after.a_size(), after.b_size())) break;
            Run merged{false, before.a0, after.a1, before.b0, after.b1};
            out.resize(out.size() - 3);
            Append(&out, merged);
        }
    }
    return out;
}

// Rule b: a lone deletion or insertion between two equalities slides to the place with the best gap scores
// at its two edges; ties go to the place that starts on the stronger boundary, then to the leftmost. It can
// slide while the word leaving one end equals the word joining the other; an equality it empties disappears.
std::vector<Run> ShiftLoneEdits(std::vector<Run> runs, const DiffSide& a, const DiffSide& b) {
    for (size_t i = 1; i + 1 < runs.size(); ++i) {
        Run& eq1 = runs[i - 1];
        Run& edit = runs[i];
        Run& eq2 = runs[i + 1];
        if (!eq1.equal || edit.equal || !eq2.equal) continue;
        const bool deletion = edit.b_size() == 0;
        if (!deletion && edit.a_size() != 0) continue;
        const DiffSide& side = deletion ? a : b;
        const uint32_t start = deletion ? edit.a0 : edit.b0;
        const uint32_t size = deletion ? edit.a_size() : edit.b_size();
        const uint32_t left_room = eq1.a_size(), right_room = eq2.a_size();
        auto key = [&](uint32_t k) { return side.tokens[k].key; };
        uint32_t left = 0, right = 0;   // how far it can slide each way
        while (left < left_room && key(start - left - 1) == key(start + size - left - 1)) ++left;
        while (right < right_room && key(start + right) == key(start + size + right)) ++right;
        if (left == 0 && right == 0) continue;
        int best_score = -1, best_left = -1;
        int64_t best_shift = 0;
        for (int64_t shift = -static_cast<int64_t>(left); shift <= static_cast<int64_t>(right); ++shift) {
            const uint32_t s = static_cast<uint32_t>(start + shift);
            const int left_score = GapScore(side, s), score = left_score + GapScore(side, s + size);
            if (score > best_score || (score == best_score && left_score > best_left))
                best_score = score, best_left = left_score, best_shift = shift;
        }
        if (best_shift == 0) continue;
        const auto move = [&](uint32_t& v) { v = static_cast<uint32_t>(v + best_shift); };
        move(eq1.a1), move(eq1.b1), move(edit.a0), move(edit.a1), move(edit.b0), move(edit.b1), move(eq2.a0),
            move(eq2.b0);
    }
    std::vector<Run> out;
    for (const Run& r : runs) Append(&out, r);
    return out;
}

// The longest k with the last k keys of x equal to the first k keys of y (KMP's failure function on y).
uint32_t Overlap(std::span<const uint32_t> x, std::span<const uint32_t> y) {
    if (x.empty() || y.empty()) return 0;
    std::vector<uint32_t> fail(y.size(), 0);
    for (size_t i = 1, k = 0; i < y.size(); ++i) {
        while (k > 0 && y[i] != y[k]) k = fail[k - 1];
        if (y[i] == y[k]) ++k;
        fail[i] = static_cast<uint32_t>(k);
    }
    size_t k = 0;
    for (size_t i = x.size() > y.size() ? x.size() - y.size() : 0; i < x.size(); ++i) {
        while (k > 0 && x[i] != y[k]) k = fail[k - 1];
        if (x[i] == y[k]) ++k;
        if (k == y.size() && i + 1 < x.size()) k = fail[k - 1];
    }
    return static_cast<uint32_t>(k);
}

// Rule c: a change whose deleted words end with what its inserted words start with (or the other way round),
// over at least half of either, keeps that overlap as an equality.
std::vector<Run> SplitOverlaps(const std::vector<Run>& runs, std::span<const uint32_t> a, std::span<const uint32_t> b) {
    std::vector<Run> out;
    for (const Run& r : runs) {
        if (r.equal || r.a_size() == 0 || r.b_size() == 0) {
            Append(&out, r);
            continue;
        }
        const auto del = a.subspan(r.a0, r.a_size()), ins = b.subspan(r.b0, r.b_size());
        const uint32_t ov1 = Overlap(del, ins), ov2 = Overlap(ins, del);
        auto enough = [&](uint32_t ov) { return 2 * ov >= del.size() || 2 * ov >= ins.size(); };
        if (ov1 >= ov2 && ov1 > 0 && enough(ov1)) {
            Append(&out, {false, r.a0, r.a1 - ov1, r.b0, r.b0});
            Append(&out, {true, r.a1 - ov1, r.a1, r.b0, r.b0 + ov1});
            Append(&out, {false, r.a1, r.a1, r.b0 + ov1, r.b1});
        } else if (ov2 > ov1 && enough(ov2)) {
            Append(&out, {false, r.a0, r.a0, r.b0, r.b1 - ov2});
            Append(&out, {true, r.a0, r.a0 + ov2, r.b1 - ov2, r.b1});
            Append(&out, {false, r.a0 + ov2, r.a1, r.b1, r.b1});
        } else {
            Append(&out, r);
        }
    }
    return out;
}

// Byte range of tokens [begin, end) of a side; an empty range sits at the end of the token before it.
std::pair<uint32_t, uint32_t> Bytes(const DiffSide& side, uint32_t begin, uint32_t end) {
    if (begin == end) {
        if (begin == 0) return {0, 0};
        const DiffToken& t = side.tokens[begin - 1];
        return {t.byte_offset + t.byte_length, t.byte_offset + t.byte_length};
    }
    const DiffToken& last = side.tokens[end - 1];
    return {side.tokens[begin].byte_offset, last.byte_offset + last.byte_length};
}

// The sides in canonical order: fewer tokens first, then the smaller key sequence.
bool InOrder(std::span<const uint32_t> a, std::span<const uint32_t> b) {
    if (a.size() != b.size()) return a.size() < b.size();
    return !std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end());
}

}  // namespace

DiffResult DiffTokens(const DiffSide& side_a, const DiffSide& side_b, const DiffOptions& options) {
    std::vector<uint32_t> keys_a(side_a.tokens.size()), keys_b(side_b.tokens.size());
    for (size_t i = 0; i < keys_a.size(); ++i) keys_a[i] = side_a.tokens[i].key;
    for (size_t j = 0; j < keys_b.size(); ++j) keys_b[j] = side_b.tokens[j].key;
    const bool swapped = !InOrder(keys_a, keys_b);
    const DiffSide& x = swapped ? side_b : side_a;
    const DiffSide& y = swapped ? side_a : side_b;
    const std::span<const uint32_t> kx = swapped ? keys_b : keys_a, ky = swapped ? keys_a : keys_b;

    Script script(kx, ky, options);
    std::vector<Run> runs = script.Build();
    if (options.cleanup) {
        runs = AbsorbShortEqualities(runs);
        runs = ShiftLoneEdits(std::move(runs), x, y);
        runs = SplitOverlaps(runs, kx, ky);
    }

    DiffResult result;
    result.exact = script.exact;
    result.work = script.work;
    result.ops.reserve(runs.size());
    // A run is in the canonical order's terms (x, y); the ops are in the caller's (a, b).
    const DiffKind x_only = swapped ? DiffKind::Insert : DiffKind::Delete;
    const DiffKind y_only = swapped ? DiffKind::Delete : DiffKind::Insert;
    auto emit = [&](DiffKind kind, const Run& r) {
        DiffOp op;
        op.kind = kind;
        op.a_begin = swapped ? r.b0 : r.a0, op.a_end = swapped ? r.b1 : r.a1;
        op.b_begin = swapped ? r.a0 : r.b0, op.b_end = swapped ? r.a1 : r.b1;
        result.ops.push_back(op);
    };
    for (const Run& r : runs) {
        if (r.equal) emit(DiffKind::Equal, r);
        else if (r.b_size() == 0) emit(x_only, r);
        else if (r.a_size() == 0) emit(y_only, r);
        else if (options.cleanup) emit(DiffKind::Replace, r);
        else {   // the raw script: deletion from x, then insertion from y
            emit(x_only, {false, r.a0, r.a1, r.b0, r.b0});
            emit(y_only, {false, r.a1, r.a1, r.b0, r.b1});
        }
    }
    for (DiffOp& op : result.ops) {
        std::tie(op.a_byte_begin, op.a_byte_end) = Bytes(side_a, op.a_begin, op.a_end);
        std::tie(op.b_byte_begin, op.b_byte_end) = Bytes(side_b, op.b_begin, op.b_end);
    }
    return result;
}

void InternKeys(std::span<const std::string> a, std::span<const std::string> b, std::vector<uint32_t>* out_a,
                std::vector<uint32_t>* out_b) {
    std::map<std::string_view, uint32_t> ids;
    for (const std::string& s : a) ids.emplace(s, 0);
    for (const std::string& s : b) ids.emplace(s, 0);
    uint32_t next = 0;
    for (auto& [s, id] : ids) id = next++;
    out_a->clear();
    out_b->clear();
    for (const std::string& s : a) out_a->push_back(ids.find(s)->second);
    for (const std::string& s : b) out_b->push_back(ids.find(s)->second);
}

CharacterDiff DiffCharacters(std::string_view a, std::string_view b) {
    const std::vector<uint32_t> bounds_a = text::GraphemeBoundaries(a), bounds_b = text::GraphemeBoundaries(b);
    std::vector<std::string> clusters_a, clusters_b;
    for (size_t i = 0; i + 1 < bounds_a.size(); ++i)
        clusters_a.emplace_back(a.substr(bounds_a[i], bounds_a[i + 1] - bounds_a[i]));
    for (size_t j = 0; j + 1 < bounds_b.size(); ++j)
        clusters_b.emplace_back(b.substr(bounds_b[j], bounds_b[j + 1] - bounds_b[j]));
    std::vector<uint32_t> keys_a, keys_b;
    InternKeys(clusters_a, clusters_b, &keys_a, &keys_b);
    std::vector<DiffToken> tokens_a(keys_a.size()), tokens_b(keys_b.size());
    for (size_t i = 0; i < keys_a.size(); ++i) tokens_a[i] = {keys_a[i], bounds_a[i], bounds_a[i + 1] - bounds_a[i]};
    for (size_t j = 0; j < keys_b.size(); ++j) tokens_b[j] = {keys_b[j], bounds_b[j], bounds_b[j + 1] - bounds_b[j]};

    CharacterDiff out;
    out.ops = DiffTokens({{}, tokens_a}, {{}, tokens_b}).ops;
    size_t equal = 0;
    for (const DiffOp& op : out.ops)
        if (op.kind == DiffKind::Equal) equal += op.a_end - op.a_begin;
    const size_t total = keys_a.size() + keys_b.size();
    out.similarity = total == 0 ? 1.0 : 2.0 * double(equal) / double(total);
    return out;
}

}  // namespace analysis::compare
