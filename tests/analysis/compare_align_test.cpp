// The passage aligner (analysis/compare/align.h) on sides written by hand — words separated by spaces, "." ends a
// sentence, keys from one shared dictionary — and on the two Lavrov texts of the Libero interview tokenised by
// the repo's tokenizer: verbatim and close reuse with exact token ranges, crossing pairs, a split sentence,
// unmatched sentences, empty and identical sides, symmetry, slice independence, and the bounds of a 1 MB side.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/compare/align.h"
#include "core/deadline.h"
#include "core/file.h"
#include "text/import.h"
#include "text/stopwords.h"
#include "text/tokenizer.h"

namespace {

using namespace analysis::compare;

// Keys shared by the sides of a test.
struct Dictionary {
    std::map<std::string, uint32_t> ids;
    uint32_t Id(const std::string& word) { return ids.emplace(word, static_cast<uint32_t>(ids.size())).first->second; }
};

const std::set<std::string> kStop = {"the", "a", "of", "and", "to", "in", "is", "it", "that", "was", "he", "we", "on", "for", "with", "as", "at", "by"};

// A side from "w w w . w w ." (each "." ends a sentence; a missing final "." still closes the last one).
AlignSide MakeSide(Dictionary& dict, std::string_view text) {
    AlignSide side;
    uint32_t sentence_begin = 0;
    bool open = false;
    size_t pos = 0;
    while (pos < text.size()) {
        if (text[pos] == ' ') { ++pos; continue; }
        size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string word(text.substr(pos, end - pos));
        if (word == ".") {
            if (open) side.sentences.push_back({sentence_begin, static_cast<uint32_t>(end), 0});
            open = false;
        } else {
            if (!open) sentence_begin = static_cast<uint32_t>(pos);
            open = true;
            side.tokens.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(end),
                                   static_cast<uint32_t>(side.sentences.size()), dict.Id(word), kStop.count(word) > 0});
        }
        pos = end;
    }
    if (open) side.sentences.push_back({sentence_begin, static_cast<uint32_t>(text.size()), 0});
    return side;
}

// `count` words no other call produces: "<prefix>1 <prefix>2 …", a sentence end every `per_sentence` words.
std::string Filler(const std::string& prefix, int count, int per_sentence = 10) {
    std::string s;
    for (int k = 1; k <= count; ++k) {
        s += prefix + std::to_string(k) + " ";
        if (k % per_sentence == 0 || k == count) s += ". ";
    }
    return s;
}

const std::string kPassage =   // 20 tokens, one sentence
    "the minister said that the sanctions imposed by brussels have boomeranged against european producers "
    "who lost their positions on markets . ";

// The token index of the first token of `needle` (space-separated words) in `side`'s text.
uint32_t TokenAt(const AlignSide& side, const std::string& text, const std::string& needle) {
    size_t byte = text.find(needle);
    REQUIRE(byte != std::string::npos);
    for (uint32_t t = 0; t < side.tokens.size(); ++t)
        if (side.tokens[t].byte_begin == byte) return t;
    FAIL("no token at the needle");
    return 0;
}

bool SameResult(const Alignment& x, const Alignment& y) {
    return x.pairs == y.pairs && x.unmatched[0] == y.unmatched[0] && x.unmatched[1] == y.unmatched[1];
}

// Aligns two texts written as MakeSide reads them, keys from one dictionary.
Alignment AlignTexts(const std::string& a, const std::string& b) {
    Dictionary dict;
    return Align(MakeSide(dict, a), MakeSide(dict, b));
}

// The pair whose A tokens hold token `a`, or nullptr.
const AlignedPair* PairWithA(const Alignment& r, uint32_t a) {
    for (const AlignedPair& p : r.pairs)
        if (p.tokens[0].begin <= a && a < p.tokens[0].end) return &p;
    return nullptr;
}

// The Lavrov pages as the corpus stores them (imported together, page furniture such as the transcript page's
// dated news teasers trimmed): the report (000_…), the transcript (002_…) and every page's text. Empty, with a
// message, without the pages.
struct LavrovTexts { std::string report, transcript; std::vector<std::string> all; };
LavrovTexts LoadLavrov() {
    std::vector<std::filesystem::path> files;
#ifdef CL_LAVROV_DIR
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(CL_LAVROV_DIR, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec))
        if (it->path().extension() == ".txt") files.push_back(it->path());
    std::sort(files.begin(), files.end());
#endif
    text::Importer importer;
    for (const auto& f : files)
        if (auto bytes = core::ReadFile(f.string()); bytes.ok()) importer.AddFile(f.filename().string(), *bytes);
    importer.Finish();
    LavrovTexts texts;
    for (const text::ImportedDocument& d : importer.documents()) {
        if (d.imported_from.starts_with("000_2e68e11fb7565ebc")) texts.report = d.text;
        if (d.imported_from.starts_with("002_32fd38b04ff4d163")) texts.transcript = d.text;
        texts.all.push_back(d.text);
    }
    if (texts.report.empty() || texts.transcript.empty()) MESSAGE("Lavrov pages missing (CL_LAVROV_DIR): skipped");
    return texts;
}

// Prints the Lavrov pairs (kind, score, source, ranges, both passages) and the report's unmatched sentences.
void PrintLavrov(const std::string& report, const std::string& transcript, const AlignSide& a, const Alignment& r) {
    auto passage = [](const std::string& t, uint32_t begin, uint32_t end) {
        std::string out = t.substr(begin, end - begin);
        for (char& c : out) if (c == '\n') c = ' ';
        return out;
    };
    for (const AlignedPair& p : r.pairs)
        std::printf("%-10s %.2f %s sentences A[%u,%u) B[%u,%u) tokens A[%u,%u) B[%u,%u)\n  A: %s\n  B: %s\n", PassageKindName(p.kind),
                    p.score, p.from_ngrams ? "n-grams " : "sentence", p.sentences[0].begin, p.sentences[0].end, p.sentences[1].begin,
                    p.sentences[1].end, p.tokens[0].begin, p.tokens[0].end, p.tokens[1].begin, p.tokens[1].end,
                    passage(report, p.bytes[0].begin, p.bytes[0].end).c_str(), passage(transcript, p.bytes[1].begin, p.bytes[1].end).c_str());
    for (uint32_t k : r.unmatched[0])
        std::printf("unmatched A[%u]: %s\n", k, passage(report, a.sentences[k].byte_begin, a.sentences[k].byte_end).c_str());
}

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("align finds a verbatim copy with its exact token ranges and lists the rest as unmatched") {
    const std::string a = Filler("a", 30) + kPassage + Filler("c", 20);
    Alignment r = AlignTexts(a, Filler("b", 15) + kPassage + Filler("d", 10));
    REQUIRE(r.pairs.size() == 1);
    const AlignedPair& p = r.pairs[0];
    CHECK(p.from_ngrams);
    CHECK(p.kind == PassageKind::Verbatim);
    CHECK(p.score == 1.0);
    CHECK(p.matched_tokens == 20);
    CHECK(p.tokens[0] == IndexRange{30, 50});
    CHECK(p.tokens[1] == IndexRange{15, 35});
    CHECK(p.sentences[0] == IndexRange{3, 4});
    CHECK(p.sentences[1] == IndexRange{2, 3});
    CHECK(p.bytes[0].begin == a.find(kPassage));
    CHECK(p.bytes[0].end == a.find(" . ", a.find(kPassage)));
    CHECK(r.unmatched[0] == std::vector<uint32_t>{0, 1, 2, 4, 5});
    CHECK(r.unmatched[1] == std::vector<uint32_t>{0, 1, 3});
}

TEST_CASE("align finds a copied passage with two words changed as one close passage") {
    std::string changed = kPassage;
    changed.replace(changed.find("imposed"), 7, "levied");
    changed.replace(changed.find("lost"), 4, "forfeited");
    Alignment r = AlignTexts(Filler("a", 20) + kPassage + Filler("c", 20), Filler("b", 10) + changed + Filler("d", 10));
    REQUIRE(r.pairs.size() == 1);
    const AlignedPair& p = r.pairs[0];
    CHECK(p.from_ngrams);
    CHECK(p.kind == PassageKind::Close);
    CHECK(p.matched_tokens == 18);
    CHECK(p.tokens[0] == IndexRange{20, 40});
    CHECK(p.tokens[1] == IndexRange{10, 30});
    CHECK(p.score == doctest::Approx(0.9));
}

TEST_CASE("align keeps a change two words before a passage's end inside the passage") {
    std::string changed = kPassage;
    changed.replace(changed.find("positions"), 9, "places");   // "… places on markets": 2 equal tokens after it
    Alignment r = AlignTexts(Filler("a", 10) + kPassage, Filler("b", 10) + changed);
    REQUIRE(r.pairs.size() == 1);
    CHECK(r.pairs[0].tokens[0] == IndexRange{10, 30});
    CHECK(r.pairs[0].tokens[1] == IndexRange{10, 30});
    CHECK(r.pairs[0].matched_tokens == 19);
}

TEST_CASE("align finds reordered quotes and reordered paraphrases as crossing pairs") {
    Dictionary dict;
    const std::string q1 = "russia is ready to continue cooperation with the european union on migration issues and terrorism . ";
    const std::string q2 = "western partners began to develop awareness of the importance of fighting terrorism by pooling resources . ";
    // Paraphrases: the same content words in another order with other function words (no shared 3-gram).
    const std::string p1 = "moscow welcomes talks about grain exports across black sea ports . ";
    const std::string p1r = "grain exports via sea ports of the black sea welcomes moscow talks . ";
    const std::string p2 = "inflation hurt farmers harvest prices during winter drought . ";
    const std::string p2r = "during the drought of winter prices of harvest hurt farmers and inflation . ";
    const std::string a = q1 + Filler("a", 20) + q2 + p1 + Filler("c", 10) + p2;
    const std::string b = p2r + q2 + Filler("b", 20) + p1r + q1;
    AlignSide sa = MakeSide(dict, a), sb = MakeSide(dict, b);
    Alignment r = Align(sa, sb);
    const uint32_t aq1 = TokenAt(sa, a, q1), aq2 = TokenAt(sa, a, q2), ap1 = TokenAt(sa, a, p1), ap2 = TokenAt(sa, a, p2);
    const uint32_t bq1 = TokenAt(sb, b, q1), bq2 = TokenAt(sb, b, q2), bp1 = TokenAt(sb, b, p1r), bp2 = TokenAt(sb, b, p2r);
    REQUIRE(r.pairs.size() == 4);
    const AlignedPair *x1 = PairWithA(r, aq1), *x2 = PairWithA(r, aq2), *y1 = PairWithA(r, ap1), *y2 = PairWithA(r, ap2);
    REQUIRE(x1);
    REQUIRE(x2);
    REQUIRE(y1);
    REQUIRE(y2);
    CHECK(x1->tokens[1].begin == bq1);
    CHECK(x1->kind == PassageKind::Verbatim);
    CHECK(x2->tokens[1].begin == bq2);
    CHECK(y1->tokens[1].begin == bp1);
    CHECK(y1->kind == PassageKind::Paraphrase);
    CHECK_FALSE(y1->from_ngrams);
    CHECK(y2->tokens[1].begin == bp2);
    CHECK(y2->kind == PassageKind::Paraphrase);
}

TEST_CASE("align pairs a sentence with the two sentences it was split into") {
    Dictionary dict;
    const std::string whole = "inspectors counted missiles tanks artillery radars bunkers depots convoys airfields hangars bridges . ";
    const std::string half1 = "the radars and the tanks and the missiles were counted by inspectors . ";
    const std::string half2 = "convoys bunkers hangars bridges depots airfields artillery also . ";
    const std::string a = Filler("a", 10) + whole + Filler("c", 10);
    const std::string b = Filler("b", 10) + half1 + half2 + Filler("d", 10);
    AlignSide sa = MakeSide(dict, a), sb = MakeSide(dict, b);
    Alignment r = Align(sa, sb);
    REQUIRE(r.pairs.size() == 1);
    CHECK(r.pairs[0].sentences[0] == IndexRange{1, 2});
    CHECK(r.pairs[0].sentences[1] == IndexRange{1, 3});
    CHECK(r.pairs[0].kind == PassageKind::Paraphrase);
    CHECK(r.unmatched[0] == std::vector<uint32_t>{0, 2});
    CHECK(r.unmatched[1] == std::vector<uint32_t>{0, 3});
    // And the other way round: 2–1.
    Alignment m = Align(sb, sa);
    REQUIRE(m.pairs.size() == 1);
    CHECK(m.pairs[0].sentences[0] == IndexRange{1, 3});
    CHECK(m.pairs[0].sentences[1] == IndexRange{1, 2});
}

TEST_CASE("align leaves a sentence sharing a single word with another unpaired") {
    // "reason" against "committee reason": cosine ~0.57 from one word, chance.
    Alignment r = AlignTexts(Filler("a", 10) + "reason . " + Filler("c", 10), Filler("b", 10) + "committee reason . ");
    CHECK(r.pairs.empty());
    CHECK(r.unmatched[0] == std::vector<uint32_t>{0, 1, 2});
}

TEST_CASE("align keeps weak sentence pairs in a run of the monotone chain and drops a lone one") {
    // Each pair shares three of six content words, in another order (similarity ~0.37: above min_similarity,
    // below strong_similarity).
    const std::string a1 = "alpha beta gamma delta epsilon zeta . ", b1 = "alpha kappa beta lambda gamma sigma . ";
    const std::string a2 = "red green blue cyan magenta yellow . ", b2 = "red black green white blue purple . ";
    const std::string a3 = "oak elm ash birch pine yew . ", b3 = "oak fir elm larch ash maple . ";
    Alignment lone = AlignTexts(Filler("a", 20) + a1 + Filler("c", 20), Filler("b", 20) + b1 + Filler("d", 20));
    CHECK(lone.pairs.empty());
    Alignment run = AlignTexts(Filler("a", 20) + a1 + a2 + Filler("x", 10) + a3 + Filler("c", 20),
                               Filler("b", 20) + b1 + b2 + b3 + Filler("d", 20));
    REQUIRE(run.pairs.size() == 3);
    for (const AlignedPair& p : run.pairs) {
        CHECK(p.score >= 0.25);
        CHECK(p.score < 0.4);
        CHECK(p.kind == PassageKind::Paraphrase);
    }
    CHECK(run.pairs[0].sentences[0] == IndexRange{2, 3});
    CHECK(run.pairs[0].sentences[1] == IndexRange{2, 3});
    CHECK(run.pairs[2].sentences[0] == IndexRange{5, 6});
    CHECK(run.pairs[2].sentences[1] == IndexRange{4, 5});
}

TEST_CASE("align on an empty side lists every sentence of the other as unmatched") {
    Dictionary dict;
    AlignSide empty, sb = MakeSide(dict, Filler("b", 25));
    Alignment r = Align(empty, sb);
    CHECK(r.pairs.empty());
    CHECK(r.unmatched[0].empty());
    CHECK(r.unmatched[1] == std::vector<uint32_t>{0, 1, 2});
    Alignment both = Align(empty, empty);
    CHECK(both.pairs.empty());
    CHECK(both.unmatched[0].empty());
    CHECK(both.unmatched[1].empty());
    AlignSide one = MakeSide(dict, "word");
    CHECK(Align(one, one).pairs.size() == 1);   // one identical word: a verbatim sentence pair
}

TEST_CASE("align on identical documents gives one verbatim passage, even when the text repeats a phrase") {
    Dictionary dict;
    const std::string text = Filler("a", 20) + kPassage + Filler("c", 20) + kPassage + Filler("e", 7);
    AlignSide s = MakeSide(dict, text);
    Alignment r = Align(s, s);
    REQUIRE(r.pairs.size() == 1);
    CHECK(r.pairs[0].tokens[0] == IndexRange{0, uint32_t(s.tokens.size())});
    CHECK(r.pairs[0].tokens[1] == IndexRange{0, uint32_t(s.tokens.size())});
    CHECK(r.pairs[0].kind == PassageKind::Verbatim);
    CHECK(r.pairs[0].score == 1.0);
    CHECK(r.unmatched[0].empty());
    CHECK(r.unmatched[1].empty());
}

// A mix of every case, used by the symmetry and slicing tests.
struct Mixed {
    Dictionary dict;
    AlignSide a, b;
    Mixed() {
        std::string changed = kPassage;
        changed.replace(changed.find("imposed"), 7, "levied");
        const std::string q = "western partners began to develop awareness of the importance of fighting terrorism by pooling resources . ";
        a = MakeSide(dict, Filler("a", 40) + kPassage + "moscow welcomes talks about grain exports across black sea ports . " +
                               Filler("c", 30) + q + "inspectors counted missiles tanks artillery radars bunkers depots convoys airfields hangars bridges . ");
        b = MakeSide(dict, q + Filler("b", 25) + "grain exports via sea ports of the black sea welcomes moscow talks . " + changed +
                               "the radars and the tanks and the missiles were counted by inspectors . " +
                               "convoys bunkers hangars bridges depots airfields artillery also . " + Filler("d", 12));
    }
};

TEST_CASE("align is symmetric: Align(B, A) is Align(A, B) mirrored") {
    Mixed m;
    Alignment ab = Align(m.a, m.b), ba = Align(m.b, m.a);
    CHECK(ab.pairs.size() == 4);
    CHECK(SameResult(Mirrored(ab), ba));
    Dictionary dict;   // and on the crossing-quotes sides with paraphrases, through the identical case
    AlignSide x = MakeSide(dict, Filler("x", 30) + kPassage + kPassage), y = MakeSide(dict, kPassage + Filler("y", 9));
    CHECK(SameResult(Mirrored(Align(x, y)), Align(y, x)));
}

TEST_CASE("align gives the same result whatever the slices of its Step calls") {
    Mixed m;
    const Alignment whole = Align(m.a, m.b);
    Aligner aligner(m.a, m.b);
    int steps = 0;
    double progress = 0;
    while (!aligner.Step(core::Deadline::In(0.0))) {   // a spent deadline: one bounded slice per call
        ++steps;
        CHECK(aligner.Progress() >= progress);
        progress = aligner.Progress();
        REQUIRE(steps < 10000);
    }
    CHECK(steps >= 6);
    CHECK(aligner.Progress() == 1.0);
    Alignment sliced = aligner.TakeResult();
    CHECK(SameResult(sliced, whole));
    CHECK(sliced.stats.candidate_pairs == whole.stats.candidate_pairs);
}

TEST_CASE("align of a 1 MB side against a 1 KB side stays within linear sizes and finds the shared passage") {
    Dictionary dict;
    // A: ~1 MB of words drawn from 5,000 (a fixed linear congruential sequence), 15 words a sentence.
    std::string big;
    uint64_t state = 12345;
    while (big.size() < (1u << 20)) {
        for (int k = 0; k < 15; ++k) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            big += "w" + std::to_string((state >> 33) % 5000) + " ";
        }
        big += ". ";
    }
    const size_t quote_at = big.size() / 2;
    const size_t quote_begin = big.find(". ", quote_at) + 2, quote_end = big.find(". ", quote_begin + 200) + 2;
    // … and one sentence of A with its words reversed (no shared n-gram: a paraphrase for step 2).
    const size_t other_begin = big.find(". ", big.size() / 4) + 2, other_end = big.find(" . ", other_begin);
    std::string reversed;
    for (size_t end = other_end; end > other_begin;) {
        const size_t space = big.rfind(' ', end - 1);
        const size_t begin = space == std::string::npos || space < other_begin ? other_begin : space + 1;
        reversed += big.substr(begin, end - begin) + " ";
        end = begin > other_begin ? begin - 1 : other_begin;
    }
    const std::string small = Filler("s", 60) + big.substr(quote_begin, quote_end - quote_begin) + reversed + ". " + Filler("t", 20);
    REQUIRE(small.size() < 1500);
    AlignSide sa = MakeSide(dict, big), sb = MakeSide(dict, small);
    const uint64_t n = sa.tokens.size(), m = sb.tokens.size();
    Alignment r = Align(sa, sb);
    uint32_t quote_token = 0;
    while (sa.tokens[quote_token].byte_begin < quote_begin) ++quote_token;
    const AlignedPair* p = PairWithA(r, quote_token);
    REQUIRE(p);
    CHECK(p->from_ngrams);
    CHECK(p->kind == PassageKind::Verbatim);
    CHECK(p->bytes[0].begin == quote_begin);
    uint32_t other_token = 0;
    while (sa.tokens[other_token].byte_begin < other_begin) ++other_token;
    const AlignedPair* q = PairWithA(r, other_token);
    REQUIRE(q);
    CHECK_FALSE(q->from_ngrams);
    CHECK(q->score == doctest::Approx(1.0));
    // Sizes: seeds bounded by the small side, working arrays linear in the two sides, candidates linear in the
    // big side's sentences, no dense DP.
    CHECK(r.stats.seeds <= 32 * m);
    CHECK(r.stats.candidate_pairs > 0);
    CHECK(r.stats.peak_items <= 2 * (n + m));
    CHECK(r.stats.candidate_pairs <= 10 * sa.sentences.size());
    CHECK(r.stats.lcs_cells <= 100 * m * m);
    MESSAGE("1 MB vs 1 KB: " << n << " × " << m << " tokens, seeds " << r.stats.seeds << ", candidates "
            << r.stats.candidate_pairs << ", peak items " << r.stats.peak_items << ", LCS cells " << r.stats.lcs_cells);
}

// The Lavrov pair: a TASS report of the Libero interview (A) against the ministry's full transcript (B). The
// real ground truth is tests/data's; this checks that the report's quotes find plausible partners.
TEST_CASE("align pairs the TASS report's quotes with the Libero interview transcript") {
    const LavrovTexts lavrov = LoadLavrov();
    if (lavrov.report.empty() || lavrov.transcript.empty()) return;
    const std::string *report = &lavrov.report, *transcript = &lavrov.transcript;
    Dictionary dict;
    const uint32_t en = text::StopwordLanguageBit("en");
    // Sentences end after ". ", "? ", "! " (and a closing quote after them) and at blank lines.
    auto side_of = [&](const std::string& t) {
        AlignSide side;
        uint32_t begin = 0, paragraph = 0;
        std::vector<uint32_t> ends;
        for (size_t k = 0; k + 1 < t.size(); ++k) {
            const char c = t[k];
            if ((c == '.' || c == '?' || c == '!') && (t[k + 1] == ' ' || t[k + 1] == '"' || t[k + 1] == '\n')) ends.push_back(uint32_t(k + 1));
            if (c == '\n' && t[k + 1] == '\n') ends.push_back(uint32_t(k));
        }
        ends.push_back(uint32_t(t.size()));
        std::vector<text::Token> tokens = text::Tokenize(t);
        size_t next = 0;
        for (uint32_t end : ends) {
            if (end <= begin) continue;
            if (t.substr(begin, end - begin).find("\n\n") != std::string::npos) ++paragraph;
            const uint32_t index = static_cast<uint32_t>(side.sentences.size());
            bool any = false;
            while (next < tokens.size() && tokens[next].byte_offset < end) {
                const text::Token& tok = tokens[next++];
                side.tokens.push_back({tok.byte_offset, tok.byte_offset + tok.byte_length, index, dict.Id(tok.norm),
                                       (text::StopwordLanguages(text::StraightApostrophes(tok.norm)) & en) != 0});
                any = true;
            }
            if (any) side.sentences.push_back({begin, end, paragraph});
            begin = end;
        }
        return side;
    };
    AlignSide a = side_of(*report), b = side_of(*transcript);
    // Report sentence (by a phrase in it) → the transcript passage it translates (by a phrase in it).
    const std::pair<const char*, const char*> expected[] = {
        {"ready to continue cooperation with the EU", "ready to continue cooperating with the EU"},
        {"contacts within the Russia-EU Dialogue", "contacts within the Russia-EU immigration dialogue"},
        {"We hope that the EU agencies", "We hope that the EU structures"},
        {"sanctions imposed by Brussels bureaucrats", "which the Brussels bureaucrats have built up"},
        {"positions on the Russian market", "positions on the Russian market"},
        {"As for America, it has not suffered damage", "America, for its part, has suffered no damage"},
        {"Their position is unequivocal", "Their stance is unequivocal"},
        {"telephone conversation that Vladimir Putin", "telephone conversation between President Putin"},
        {"Over the two years of the operation", "Over the two years since the Russian Aerospace Forces"},
        {"About a thousand cities", "Some 1,000 cities and towns have been liberated"},
        {"1.12 million people", "1.12 million refugees"},
        {"strict abidance by the principles", "strict compliance with international law"},
        {"We believe that countries which actively", "we believe that countries that were actively"},
        {"domestic affairs of sovereign states in the Middle East", "domestic affairs of sovereign states, primarily"},
        {"Such short-sighted steps", "These short-sighted actions"},
        {"double efforts to find political solutions", "redouble efforts for resolving crises"},
        {"regional countries in restoring", "assist regional countries"},
        {"forces seeking to spread ethnic", "forces inciting ethnic"},
        {"new militants be recruited", "recruiting and training militants"},
        {"xenophobia, racism and intolerance towards migrants", "xenophobia, racism and intolerance towards immigrants"},
    };
    auto found = [&](const Alignment& r) {
        std::vector<std::string> missed;
        for (const auto& quote : expected) {
            const char *in_a = quote.first, *in_b = quote.second;   // not a structured binding: clang 14 cannot capture one
            const size_t byte_a = report->find(in_a), byte_b = transcript->find(in_b);
            REQUIRE_MESSAGE(byte_a != std::string::npos, in_a);
            REQUIRE_MESSAGE(byte_b != std::string::npos, in_b);
            bool ok = false;
            for (const AlignedPair& p : r.pairs)
                ok |= p.bytes[0].begin <= byte_a && byte_a < p.bytes[0].end && p.bytes[1].begin <= byte_b && byte_b < p.bytes[1].end;
            if (!ok) missed.push_back(in_a);
        }
        return missed;
    };
    // Key weights as the app may give them: idf over the corpus's five pages, log(1 + D / df) (coarser than the
    // default, idf over the two texts' sentences).
    std::vector<double> idf(dict.ids.size() + 1, 0.0);
    for (const std::string& page : lavrov.all) {
        std::set<uint32_t> seen;
        for (const text::Token& t : text::Tokenize(page)) seen.insert(dict.Id(t.norm));
        for (uint32_t k : seen) {
            if (k >= idf.size()) idf.resize(k + 1, 0.0);
            idf[k] += 1;
        }
    }
    for (double& w : idf) w = w > 0 ? std::log(1.0 + double(lavrov.all.size()) / w) : 0;
    for (std::span<const double> weights : {std::span<const double>(), std::span<const double>(idf)}) {
        const double start = core::NowMs();
        const Alignment r = Align(a, b, {}, weights);
        const std::vector<std::string> missed = found(r);
        MESSAGE("Lavrov, " << std::string(weights.empty() ? "idf over the two texts' sentences" : "idf over the corpus") << ": "
                << a.sentences.size() << " report sentences, " << b.sentences.size() << " transcript sentences, "
                << r.pairs.size() << " pairs, " << r.unmatched[0].size() << " report sentences unmatched, in "
                << core::NowMs() - start << " ms; " << std::size(expected) - missed.size() << " of " << std::size(expected)
                << " expected quotes paired");
        for (const std::string& m : missed) MESSAGE("not paired: " << m);
        CHECK(missed.size() <= (weights.empty() ? 0u : 2u));
        if (!weights.empty()) continue;
        PrintLavrov(*report, *transcript, a, r);
        // Real text keeps the properties the hand-made sides test.
        CHECK(SameResult(Mirrored(r), Align(b, a)));
        Aligner sliced(a, b);
        while (!sliced.Step(core::Deadline::In(0.0))) {}
        CHECK(SameResult(sliced.TakeResult(), r));
    }
}

}  // TEST_SUITE
