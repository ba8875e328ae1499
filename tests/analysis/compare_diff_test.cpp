// The word diff: each cleanup rule, Unicode, empty and identical sides, bounded work on long inputs, A/B
// symmetry, the raw script's minimality against a dynamic-programming LCS, and a fingerprint that native and
// wasm runs must both give.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/compare/diff.h"
#include "text/tokenizer.h"

namespace cmp = analysis::compare;

namespace {

// Two texts tokenised by the app's tokenizer, keys interned from normal forms.
struct Pair {
    std::string text_a, text_b;
    std::vector<cmp::DiffToken> a, b;
    Pair(std::string ta, std::string tb) : text_a(std::move(ta)), text_b(std::move(tb)) {
        std::vector<std::string> norms_a, norms_b;
        const std::vector<text::Token> ta_tokens = text::Tokenize(text_a), tb_tokens = text::Tokenize(text_b);
        for (const text::Token& t : ta_tokens) norms_a.push_back(t.norm);
        for (const text::Token& t : tb_tokens) norms_b.push_back(t.norm);
        std::vector<uint32_t> ka, kb;
        cmp::InternKeys(norms_a, norms_b, &ka, &kb);
        for (size_t i = 0; i < ka.size(); ++i) a.push_back({ka[i], ta_tokens[i].byte_offset, ta_tokens[i].byte_length});
        for (size_t j = 0; j < kb.size(); ++j) b.push_back({kb[j], tb_tokens[j].byte_offset, tb_tokens[j].byte_length});
    }
    cmp::DiffResult Diff(cmp::DiffOptions o = {}, bool with_text = true) const {
        return cmp::DiffTokens({with_text ? text_a : "", a}, {with_text ? text_b : "", b}, o);
    }
    cmp::DiffResult DiffBA(cmp::DiffOptions o = {}) const { return cmp::DiffTokens({text_b, b}, {text_a, a}, o); }
};

// "=the [-red-]{+blue+} =car": each op with the surface words of its byte ranges.
std::string Render(const cmp::DiffResult& d, std::string_view ta, std::string_view tb) {
    std::string out;
    for (const cmp::DiffOp& op : d.ops) {
        const std::string_view sa = ta.substr(op.a_byte_begin, op.a_byte_end - op.a_byte_begin);
        const std::string_view sb = tb.substr(op.b_byte_begin, op.b_byte_end - op.b_byte_begin);
        if (!out.empty()) out += ' ';
        switch (op.kind) {
        case cmp::DiffKind::Equal: out += "=" + std::string(sa); break;
        case cmp::DiffKind::Delete: out += "[-" + std::string(sa) + "-]"; break;
        case cmp::DiffKind::Insert: out += "{+" + std::string(sb) + "+}"; break;
        case cmp::DiffKind::Replace: out += "[-" + std::string(sa) + "-]{+" + std::string(sb) + "+}"; break;
        }
    }
    return out;
}
std::string Render(const Pair& p, cmp::DiffOptions o = {}) { return Render(p.Diff(o), p.text_a, p.text_b); }

cmp::DiffOptions Raw() {
    cmp::DiffOptions o;
    o.cleanup = false;
    return o;
}

// The ops cover both sides in order, without gaps; equal runs hold equal keys; kinds alternate.
void CheckValid(const cmp::DiffResult& d, const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    uint32_t i = 0, j = 0;
    for (size_t k = 0; k < d.ops.size(); ++k) {
        const cmp::DiffOp& op = d.ops[k];
        REQUIRE(op.a_begin == i);
        REQUIRE(op.b_begin == j);
        REQUIRE(op.a_end >= op.a_begin);
        REQUIRE(op.b_end >= op.b_begin);
        if (k > 0) REQUIRE(op.kind != d.ops[k - 1].kind);
        switch (op.kind) {
        case cmp::DiffKind::Equal:
            REQUIRE(op.a_end - op.a_begin == op.b_end - op.b_begin);
            REQUIRE(op.a_end > op.a_begin);
            for (uint32_t t = 0; t < op.a_end - op.a_begin; ++t) REQUIRE(a[op.a_begin + t] == b[op.b_begin + t]);
            break;
        case cmp::DiffKind::Delete: REQUIRE((op.a_end > op.a_begin && op.b_end == op.b_begin)); break;
        case cmp::DiffKind::Insert: REQUIRE((op.b_end > op.b_begin && op.a_end == op.a_begin)); break;
        case cmp::DiffKind::Replace: REQUIRE((op.a_end > op.a_begin && op.b_end > op.b_begin)); break;
        }
        i = op.a_end;
        j = op.b_end;
    }
    REQUIRE(i == a.size());
    REQUIRE(j == b.size());
}

std::vector<cmp::DiffToken> Tokens(const std::vector<uint32_t>& keys) {
    std::vector<cmp::DiffToken> out;
    for (size_t i = 0; i < keys.size(); ++i) out.push_back({keys[i], static_cast<uint32_t>(i * 2), 1});
    return out;
}

cmp::DiffResult DiffKeys(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, cmp::DiffOptions o = {}) {
    const std::vector<cmp::DiffToken> ta = Tokens(a), tb = Tokens(b);
    return cmp::DiffTokens({{}, ta}, {{}, tb}, o);
}

// diff(b, a) must be diff(a, b) with Delete/Insert and the a_/b_ fields swapped.
void CheckSymmetric(const cmp::DiffResult& ab, const cmp::DiffResult& ba) {
    REQUIRE(ab.ops.size() == ba.ops.size());
    for (size_t k = 0; k < ab.ops.size(); ++k) {
        const cmp::DiffOp &x = ab.ops[k], &y = ba.ops[k];
        const cmp::DiffKind swapped = x.kind == cmp::DiffKind::Delete   ? cmp::DiffKind::Insert
                                      : x.kind == cmp::DiffKind::Insert ? cmp::DiffKind::Delete
                                                                        : x.kind;
        CHECK(y.kind == swapped);
        CHECK(y.a_begin == x.b_begin);
        CHECK(y.a_end == x.b_end);
        CHECK(y.b_begin == x.a_begin);
        CHECK(y.b_end == x.a_end);
        CHECK(y.a_byte_begin == x.b_byte_begin);
        CHECK(y.b_byte_end == x.a_byte_end);
    }
}

// A small deterministic generator (no <random>: its distributions differ between standard libraries).
struct Lcg {
    uint64_t state;
    uint32_t Next(uint32_t bound) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<uint32_t>((state >> 33) % bound);
    }
};

size_t LcsLength(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    std::vector<size_t> row(b.size() + 1, 0), prev(b.size() + 1, 0);
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j)
            row[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], row[j - 1]);
        std::swap(row, prev);
    }
    return prev[b.size()];
}

size_t EqualTokens(const cmp::DiffResult& d) {
    size_t n = 0;
    for (const cmp::DiffOp& op : d.ops)
        if (op.kind == cmp::DiffKind::Equal) n += op.a_end - op.a_begin;
    return n;
}

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("diff: empty, one-sided, identical and completely different sides") {
    CHECK(Pair("", "").Diff().ops.empty());
    CHECK(Render(Pair("", "two words")) == "{+two words+}");
    CHECK(Render(Pair("two words", "")) == "[-two words-]");
    CHECK(Render(Pair("Same words, same order.", "same WORDS same order")) == "=Same words, same order");
    CHECK(Render(Pair("alpha beta gamma", "one two")) == "[-alpha beta gamma-]{+one two+}");
    // Punctuation-only sides have no tokens.
    CHECK(Render(Pair("...", "words here")) == "{+words here+}");
}

TEST_CASE("diff: a deletion and an insertion side by side become one Replace (rule d)") {
    const Pair p("the red car stopped", "the blue car stopped");
    CHECK(Render(p) == "=the [-red-]{+blue+} =car stopped");
    // The raw script lists them in the canonical order of the two sides (here B's keys sort first).
    CHECK(Render(p, Raw()) == "=the {+blue+} [-red-] =car stopped");
}

TEST_CASE("diff: one equal word between two changes is absorbed (rule a), two are kept") {
    const Pair one("we saw them there today", "we met them here today");
    CHECK(Render(one, Raw()) == "=we {+met+} [-saw-] =them {+here+} [-there-] =today");
    CHECK(Render(one) == "=we [-saw them there-]{+met them here+} =today");
    const Pair two("we saw all of them there today", "we met all of them here today");
    CHECK(Render(two) == "=we [-saw-]{+met+} =all of them [-there-]{+here+} =today");
    // An equality longer than the change on one side survives.
    const Pair longer("x one two three y z", "p one two three q r");
    CHECK(Render(longer) == "[-x-]{+p+} =one two three [-y z-]{+q r+}");
    // Absorbing cascades: the longer change absorbs the equality before it too.
    const Pair cascade("a k b l c m d", "a x b y c z d");
    CHECK(Render(cascade) == "=a [-k b l c m-]{+x b y c z+} =d");
}

TEST_CASE("diff: overlapping deletion and insertion keep the overlap equal (rule c)") {
    // Absorption first makes one change of "a b c d" → "c d e f"; the overlap "c d" is then an equality again.
    const Pair p("alpha beta gamma delta", "gamma delta epsilon zeta");
    CHECK(Render(p) == "[-alpha beta-] =gamma delta {+epsilon zeta+}");
    CHECK(Render(Pair("gamma delta epsilon zeta", "alpha beta gamma delta")) == "{+alpha beta+} =gamma delta [-epsilon zeta-]");
}

TEST_CASE("diff: a lone edit slides to punctuation and line breaks (rule b)") {
    // Myers deletes "z y" after "y."; sliding to "y. z" is possible (keys repeat), and the sentence end decides.
    const Pair p("x y. z y w", "x y w");
    const cmp::DiffResult with_text = p.Diff();
    REQUIRE(with_text.ops.size() == 3);
    CHECK(with_text.ops[1].kind == cmp::DiffKind::Delete);
    CHECK(with_text.ops[1].a_begin == 2);   // "z y": starts after the full stop
    CHECK(Render(with_text, p.text_a, p.text_b) == "=x y [-z y-] =w");
    // Without the text every gap scores alike and the leftmost place wins.
    const cmp::DiffResult no_text = p.Diff({}, false);
    CHECK(no_text.ops[1].a_begin == 1);
    // A line break beats a space.
    const Pair lines("said the man\nthe man said so", "said the man said so");
    CHECK(Render(lines) == "=said the man [-the man-] =said so");
    const Pair blank("one two\n\ntwo one two end", "one two end");
    CHECK(Render(blank) == "=one two [-two one two-] =end");   // starts after the blank line
}

TEST_CASE("diff: Unicode words compare by normal form; Cyrillic, Greek, combining marks, emoji") {
    CHECK(Render(Pair("Сергей Лавров сказал журналистам", "Сергей Викторович Лавров заявил журналистам"), Raw()) ==
          "=Сергей {+Викторович+} =Лавров [-сказал-] {+заявил+} =журналистам");
    // One equal word between two changes is absorbed (rule a), in Cyrillic as anywhere.
    CHECK(Render(Pair("Сергей Лавров сказал журналистам", "Сергей Викторович Лавров заявил журналистам")) ==
          "=Сергей [-Лавров сказал-]{+Викторович Лавров заявил+} =журналистам");
    CHECK(Render(Pair("ὁ λόγος ἦν", "Ὁ ΛΌΓΟΣ ἦν")) == "=ὁ λόγος ἦν");                  // case folded
    CHECK(Render(Pair("un caf\xC3\xA9 noir", "un cafe\xCC\x81 noir")) == "=un café noir");   // NFC = NFD
    CHECK(Render(Pair("we 👍🏽 agree today", "we agree 🎉 today")) == "=we 👍🏽 agree today");   // emoji are not words
    CHECK(Render(Pair("Москва 2024", "Москва 2025")) == "=Москва [-2024-]{+2025+}");
}

TEST_CASE("diff: character diff inside substituted words works on grapheme clusters") {
    auto render = [](std::string_view a, std::string_view b) {
        return Render(cmp::DiffResult{cmp::DiffCharacters(a, b).ops}, a, b);
    };
    CHECK(render("colour", "color") == "=colo [-u-] =r");
    CHECK(cmp::DiffCharacters("colour", "color").similarity == doctest::Approx(10.0 / 11.0));
    CHECK(render("Russia's", "Russian") == "=Russia [-'s-]{+n+}");
    CHECK(cmp::DiffCharacters("Russia's", "Russian").similarity >= cmp::kSimilarWords);
    CHECK(cmp::DiffCharacters("war", "peace").similarity < cmp::kSimilarWords);
    CHECK(render("λόγος", "λόγοι") == "=λόγο [-ς-]{+ι+}");
    CHECK(render("заявил", "заявила") == "=заявил {+а+}");
    // e + U+0301 is one cluster: replaced whole, never a lone accent inserted.
    CHECK(render("cafe", "cafe\xCC\x81") == "=caf [-e-]{+e\xCC\x81+}");
    // An emoji with a skin tone and a ZWJ family are one cluster each.
    CHECK(render("ok👍🏽", "ok👍") == "=ok [-👍🏽-]{+👍+}");
    const std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
    const cmp::CharacterDiff f = cmp::DiffCharacters("a" + family, "a");
    REQUIRE(f.ops.size() == 2);
    CHECK(f.ops[1].kind == cmp::DiffKind::Delete);
    CHECK(f.ops[1].a_end - f.ops[1].a_begin == 1);   // one cluster
    CHECK(f.ops[1].a_byte_end - f.ops[1].a_byte_begin == family.size());
    CHECK(cmp::DiffCharacters("", "").ops.empty());
    CHECK(cmp::DiffCharacters("", "").similarity == 1.0);
    CHECK(cmp::DiffCharacters("same", "same").similarity == 1.0);
}

TEST_CASE("diff: empty token ranges sit at the end of the token before them") {
    const Pair p("keep this word", "keep word");
    const cmp::DiffResult d = p.Diff();
    REQUIRE(d.ops.size() == 3);
    CHECK(d.ops[1].kind == cmp::DiffKind::Delete);
    CHECK(d.ops[1].b_byte_begin == 4);   // after "keep" in B
    CHECK(d.ops[1].b_byte_end == 4);
    const cmp::DiffResult front = Pair("new start", "start").Diff();
    CHECK(front.ops[0].b_byte_begin == 0);
    CHECK(front.ops[0].b_byte_end == 0);
}

TEST_CASE("diff: the raw script is a shortest edit script (equal tokens = LCS length)") {
    Lcg rng{7};
    for (int round = 0; round < 300; ++round) {
        std::vector<uint32_t> a(rng.Next(40)), b(rng.Next(40));
        const uint32_t vocabulary = 2 + rng.Next(8);
        for (uint32_t& k : a) k = rng.Next(vocabulary);
        for (uint32_t& k : b) k = rng.Next(vocabulary);
        const cmp::DiffResult raw = DiffKeys(a, b, Raw());
        CheckValid(raw, a, b);
        CHECK(raw.exact);
        CHECK(EqualTokens(raw) == LcsLength(a, b));
        CheckValid(DiffKeys(a, b), a, b);
    }
}

TEST_CASE("diff: A/B and B/A are mirror images, with and without cleanup") {
    Lcg rng{11};
    for (int round = 0; round < 300; ++round) {
        const size_t n = rng.Next(30);
        std::vector<uint32_t> a(n), b(round % 3 == 0 ? n : rng.Next(30));   // equal sizes test the tie-break
        for (uint32_t& k : a) k = rng.Next(6);
        for (uint32_t& k : b) k = rng.Next(6);
        CheckSymmetric(DiffKeys(a, b), DiffKeys(b, a));
        CheckSymmetric(DiffKeys(a, b, Raw()), DiffKeys(b, a, Raw()));
    }
    const Pair p("The minister said that talks\nwould resume. They did not.",
                 "The minister said talks would resume soon, but they did not.");
    CheckSymmetric(p.Diff(), p.DiffBA());
    const Pair q("x y. z y w", "x y w");
    CheckSymmetric(q.Diff(), q.DiffBA());
}

TEST_CASE("diff: long inputs take bounded work; a quote inside a long text is found by anchors") {
    // 170,000 tokens (about a 1 MB text) against 170 (about 1 KB), every key distinct: the short side is a
    // passage of the long one with two words changed. Myers alone would need ~170,000² steps.
    std::vector<uint32_t> big(170'000);
    for (uint32_t i = 0; i < big.size(); ++i) big[i] = i;
    std::vector<uint32_t> quote(big.begin() + 90'000, big.begin() + 90'170);
    quote[50] = 500'000;
    quote[120] = 500'001;
    const cmp::DiffResult d = DiffKeys(big, quote);
    CheckValid(d, big, quote);
    CHECK_FALSE(d.exact);   // Myers gave up; the anchors carried it
    CHECK(EqualTokens(d) == 168);
    CHECK(d.work < 4'000'000);   // mostly the anchors' sort: 170,170 × 19
    CheckSymmetric(d, DiffKeys(quote, big));

    // The same sizes with a small vocabulary (no key unique on both sides): the work bound ends it.
    Lcg rng{3};
    std::vector<uint32_t> noisy(170'000), short_side(170);
    for (uint32_t& k : noisy) k = rng.Next(50);
    for (uint32_t& k : short_side) k = rng.Next(50);
    cmp::DiffOptions bounded;
    bounded.max_work = 2'000'000;
    const cmp::DiffResult e = DiffKeys(noisy, short_side, bounded);
    CheckValid(e, noisy, short_side);
    CHECK_FALSE(e.exact);
    CHECK(e.work <= bounded.max_work + bounded.bisect_work + 170'170 * 20);

    // Two 20,000-token sides with nothing in common: one Replace, not 20,000² steps.
    std::vector<uint32_t> left(20'000), right(20'000);
    for (uint32_t i = 0; i < left.size(); ++i) left[i] = i, right[i] = 100'000 + i;
    const cmp::DiffResult r = DiffKeys(left, right);
    REQUIRE(r.ops.size() == 1);
    CHECK(r.ops[0].kind == cmp::DiffKind::Replace);
    CHECK(r.work < 1'000'000);
}

TEST_CASE("diff: the same result natively and in wasm (recorded fingerprint)") {
    // FNV-1a over every op of a few hundred pseudo-random diffs; the same binary built for wasm must match.
    Lcg rng{2024};
    uint64_t hash = 1469598103934665603ull;
    auto mix = [&](uint64_t v) { hash = (hash ^ v) * 1099511628211ull; };
    for (int round = 0; round < 200; ++round) {
        std::vector<uint32_t> a(rng.Next(200)), b(rng.Next(200));
        for (uint32_t& k : a) k = rng.Next(20);
        for (uint32_t& k : b) k = rng.Next(20);
        for (const cmp::DiffOp& op : DiffKeys(a, b).ops)
            for (uint64_t v : {uint64_t(op.kind), uint64_t(op.a_begin), uint64_t(op.a_end), uint64_t(op.b_begin)}) mix(v);
    }
    CHECK(hash == 17182573745597792325ull);
}

}  // TEST_SUITE
