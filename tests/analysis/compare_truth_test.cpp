// Compare's ground truth checked on its own, before any aligner: the hand-written Lavrov pairs (each quote found
// exactly once, every word of the report in one row, in order), the Jonah/Philemon verses read with diatheke
// (counts, no verse numbers or markup), the scorers of tests/compare_truth.h (they pass the truth and fail
// wrong alignments), and the synthetic reuse generator (exact copies, edit rates, reordering, determinism).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/compare/synthetic.h"
#include "compare_truth.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace {

using analysis::compare::MakeSyntheticCases;
using analysis::compare::Obfuscation;
using analysis::compare::OffsetRange;
using analysis::compare::SyntheticCase;
using analysis::compare::SyntheticOptions;
using compare_truth::AlignedPassage;
using compare_truth::LavrovKind;

// Small documents of our own: `count` documents of 9 sentences, 11–14 words each, words differing by document
// and sentence so copies are recognisable.
std::vector<std::string> MadeUpDocuments(int count) {
    static const char* nouns[] = {"harbour", "river", "council", "budget", "railway", "school", "treaty", "harvest"};
    std::vector<std::string> docs;
    for (int d = 0; d < count; ++d) {
        std::string text;
        for (int s = 0; s < 9; ++s) {
            text += "In year " + std::to_string(1900 + d * 10 + s) + " the " + nouns[(d + s) % 8] + " of town " +
                    std::to_string(d) + " met the " + nouns[(d * 3 + s) % 8] + " and the people cheered";
            for (int extra = 0; extra < s % 4; ++extra) text += " again";
            text += s % 3 == 2 ? ".\n\n" : ". ";
        }
        docs.push_back(text);
    }
    return docs;
}

std::vector<std::string_view> Views(const std::vector<std::string>& texts) {
    return std::vector<std::string_view>(texts.begin(), texts.end());
}

std::string_view Slice(std::string_view s, OffsetRange r) { return s.substr(r.begin, r.length()); }

// `count` cases of `kind` from `docs` drawn with `seed`, the other options at their defaults.
std::vector<SyntheticCase> Cases(const std::vector<std::string>& docs, Obfuscation kind, uint64_t seed, uint32_t count) {
    SyntheticOptions options;
    options.seed = seed;
    options.count = count;
    options.obfuscation = kind;
    return MakeSyntheticCases(Views(docs), options);
}

// Where ICU's sentences start in `text` (after leading white space), plus the text's end.
std::vector<uint32_t> SentenceStarts(std::string_view text) {
    std::vector<uint32_t> starts;
    text::Segmenter seg(text::SegmentKind::Sentence);
    seg.Reset(text);
    text::Segment s;
    while (seg.Next(&s)) {
        uint32_t at = s.byte_offset;
        while (at < s.byte_offset + s.byte_length && (text[at] == ' ' || text[at] == '\n')) ++at;
        if (at < s.byte_offset + s.byte_length) starts.push_back(at);
    }
    starts.push_back(uint32_t(text.size()));
    return starts;
}

uint64_t Fnv(uint64_t h, std::string_view bytes) {
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
    return h;
}

uint64_t HashCases(const std::vector<SyntheticCase>& cases) {
    uint64_t h = 14695981039346656037ULL;
    for (const SyntheticCase& c : cases) {
        std::string fields = std::to_string(c.source_doc) + " " + std::to_string(c.target_doc) + " " +
                             std::to_string(c.source.begin) + " " + std::to_string(c.source.end) + " " +
                             std::to_string(c.inserted.begin) + " " + std::to_string(c.inserted.end) + " " +
                             std::to_string(c.words) + " " + std::to_string(c.words_edited) + "|";
        h = Fnv(Fnv(h, fields), c.text);
    }
    return h;
}

// Checks that hold for every case of every kind; `docs` are the documents the cases were made from.
void CheckCaseShape(const SyntheticCase& c, const std::vector<std::string>& docs) {
    REQUIRE(c.source_doc < docs.size());
    REQUIRE(c.target_doc < docs.size());
    CHECK(c.source_doc != c.target_doc);
    const std::string& a = docs[c.source_doc];
    const std::string& b = docs[c.target_doc];
    REQUIRE(c.source.end <= a.size());
    REQUIRE(c.inserted.end <= c.text.size());
    CHECK(c.source.length() > 0);
    CHECK(c.inserted.length() > 0);
    CHECK(c.sentences >= 1);
    CHECK(c.sentences <= 5);
    // The passage is whole sentences of A: it starts where one starts.
    std::vector<uint32_t> starts = SentenceStarts(a);
    CHECK(std::find(starts.begin(), starts.end(), c.source.begin) != starts.end());
    // B is unchanged around the insertion, which is at one of B's sentence starts (or its end).
    std::vector<uint32_t> b_starts = SentenceStarts(b);
    CHECK(std::find(b_starts.begin(), b_starts.end(), c.insert_at) != b_starts.end());
    CHECK(std::string_view(c.text).substr(0, c.insert_at) == std::string_view(b).substr(0, c.insert_at));
    CHECK(std::string_view(c.text).substr(c.text.size() - (b.size() - c.insert_at)) == std::string_view(b).substr(c.insert_at));
    CHECK(c.text.size() - b.size() - c.inserted.length() <= 2);   // at most a space on each side
}

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("the Lavrov ground truth finds each quoted text exactly once in the report and the transcript") {
    compare_truth::LavrovTruth truth = compare_truth::LoadLavrov();
    if (truth.missing) {
        MESSAGE(truth.error << ": skipped");
        return;
    }
    CHECK_MESSAGE(truth.error.empty(), truth.error);
    int pairs = 0, summaries = 0, none = 0;
    for (const compare_truth::LavrovRow& row : truth.rows) {
        if (row.kind == LavrovKind::Quote || row.kind == LavrovKind::Paraphrase) ++pairs;
        if (row.kind == LavrovKind::Summary) ++summaries;
        if (row.kind == LavrovKind::None) ++none;
        if (row.kind == LavrovKind::None) CHECK(row.transcript.length() == 0);
        else CHECK(row.transcript.length() > 0);
    }
    CHECK(pairs == 35);        // the issue asks for at least 15
    CHECK(summaries == 8);
    CHECK(none == 16);
    // Spot checks that the escapes decode to the files' bytes: a no-break space, a paragraph break, curly quotes.
    bool saw_nbsp = false, saw_paragraph = false;
    for (const compare_truth::LavrovRow& row : truth.rows) {
        std::string_view passage = Slice(truth.transcript, row.transcript);
        saw_nbsp = saw_nbsp || passage.find("\xC2\xA0Russia haters") != std::string_view::npos;
        saw_paragraph = saw_paragraph || passage.find("liberated.\n\nAt this point") != std::string_view::npos;
    }
    CHECK(saw_nbsp);
    CHECK(saw_paragraph);
}

TEST_CASE("the Lavrov ground truth has every word of the report in exactly one row, in the report's order") {
    compare_truth::LavrovTruth truth = compare_truth::LoadLavrov();
    if (truth.missing) {
        MESSAGE(truth.error << ": skipped");
        return;
    }
    REQUIRE(truth.error.empty());
    for (size_t i = 1; i < truth.rows.size(); ++i)
        CHECK_MESSAGE(truth.rows[i - 1].report.end <= truth.rows[i].report.begin, "line " << truth.rows[i].line);
    int outside = 0;
    for (const text::Token& t : text::Tokenize(truth.report)) {
        bool inside = false;
        for (const compare_truth::LavrovRow& row : truth.rows)
            inside = inside || (t.byte_offset >= row.report.begin && t.byte_offset + t.byte_length <= row.report.end);
        if (inside) continue;
        ++outside;
        MESSAGE("not in any row: '" << t.norm << "' at byte " << t.byte_offset);
    }
    CHECK(outside == 0);
}

TEST_CASE("the Lavrov scorer passes the ground truth itself and fails shifted, empty and over-eager alignments") {
    compare_truth::LavrovTruth truth = compare_truth::LoadLavrov();
    if (truth.missing) {
        MESSAGE(truth.error << ": skipped");
        return;
    }
    REQUIRE(truth.error.empty());
    std::vector<AlignedPassage> exact, shifted, everything;
    std::vector<OffsetRange> partners;
    for (const compare_truth::LavrovRow& row : truth.rows) {
        if (row.kind == LavrovKind::None) continue;
        exact.push_back({row.report, row.transcript});
        partners.push_back(row.transcript);
    }
    for (size_t i = 0; i < exact.size(); ++i) shifted.push_back({exact[i].a, partners[(i + 7) % partners.size()]});
    compare_truth::TruthScore s = compare_truth::ScoreLavrov(truth, exact);
    CHECK_MESSAGE(s.ok(), s.Describe());
    CHECK(s.required == 35);
    CHECK(s.unmatched == 16);
    compare_truth::TruthScore wrong = compare_truth::ScoreLavrov(truth, shifted);
    CHECK_FALSE(wrong.ok());
    CHECK(wrong.found < 10);
    CHECK(wrong.optional_wrong > 0);
    compare_truth::TruthScore nothing = compare_truth::ScoreLavrov(truth, {});
    CHECK(nothing.found == 0);
    CHECK(nothing.kept_unmatched == 16);
    // Aligning every report row, the "none" ones too, to the transcript's first passage: those 16 are not kept.
    for (const compare_truth::LavrovRow& row : truth.rows) everything.push_back({row.report, partners[0]});
    CHECK(compare_truth::ScoreLavrov(truth, everything).kept_unmatched == 0);
}

TEST_CASE("diatheke's Jonah and Philemon: 48 and 25 verses in KJV and WEB, no verse numbers or markup left") {
    struct Expect { const char* book; size_t verses; size_t chapters; const char* kjv_start; const char* web_start; };
    for (const Expect& e : {Expect{"jonah", 48, 4, "Now the word of the LORD came unto Jonah the son of Amittai, saying,",
                                   "Now Yahweh’s word came to Jonah the son of Amittai, saying,"},
                            Expect{"philemon", 25, 1, "Paul, a prisoner of Jesus Christ, and Timothy our brother,",
                                   "Paul, a prisoner of Christ Jesus, and Timothy our brother,"}}) {
        CAPTURE(e.book);
        compare_truth::BibleBook book = compare_truth::LoadBible(e.book);
        if (book.missing) {
            MESSAGE(book.error << ": skipped");
            return;
        }
        REQUIRE_MESSAGE(book.error.empty(), book.error);
        for (const compare_truth::VerseText* t : {&book.kjv, &book.web}) {
            CHECK(t->verses.size() == e.verses);
            CHECK(t->refs.front() == "1:1");
            size_t blank_lines = 0;
            for (size_t i = 0; i < t->verses.size(); ++i) {
                CHECK(t->verses[i].length() > 0);
                std::string_view verse = Slice(t->text, t->verses[i]);
                CHECK(verse.front() != ' ');
                CHECK(verse.back() != ' ');
                if (i == 0) { CHECK(t->verses[i].begin == 0); continue; }
                // Between verses: one space in a chapter, a blank line between chapters.
                std::string_view between = std::string_view(t->text).substr(t->verses[i - 1].end,
                                                                            t->verses[i].begin - t->verses[i - 1].end);
                bool new_chapter = t->refs[i].substr(0, t->refs[i].find(':')) != t->refs[i - 1].substr(0, t->refs[i - 1].find(':'));
                CHECK(between == (new_chapter ? "\n\n" : " "));
                if (new_chapter) ++blank_lines;
            }
            CHECK(blank_lines + 1 == e.chapters);
            CHECK(t->text.find('<') == std::string::npos);
            CHECK(t->text.find('\\') == std::string::npos);
            CHECK(t->text.find("¶") == std::string::npos);
            CHECK(t->text.find(":1") == std::string::npos);   // no "1:1"-style verse numbers
            CHECK(t->text.find("  ") == std::string::npos);
        }
        CHECK(book.kjv.text.rfind(e.kjv_start, 0) == 0);
        CHECK(book.web.text.rfind(e.web_start, 0) == 0);
    }
}

TEST_CASE("the verse scorer passes verse-to-verse alignment and fails one shifted by a verse") {
    compare_truth::BibleBook book = compare_truth::LoadBible("jonah");
    if (book.missing) {
        MESSAGE(book.error << ": skipped");
        return;
    }
    REQUIRE(book.error.empty());
    std::vector<AlignedPassage> exact, shifted, merged;
    for (size_t i = 0; i < book.kjv.verses.size(); ++i) {
        exact.push_back({book.kjv.verses[i], book.web.verses[i]});
        shifted.push_back({book.kjv.verses[i], book.web.verses[(i + 1) % book.web.verses.size()]});
    }
    compare_truth::TruthScore s = compare_truth::ScoreVerses(book.kjv, book.web, exact);
    CHECK_MESSAGE(s.ok(), s.Describe());
    CHECK(s.required == 96);
    CHECK(compare_truth::ScoreVerses(book.kjv, book.web, shifted).found == 0);
    // Two verses aligned as one passage to both partners still counts each verse as found.
    merged.push_back({{book.kjv.verses[0].begin, book.kjv.verses[1].end}, {book.web.verses[0].begin, book.web.verses[1].end}});
    CHECK(compare_truth::ScoreVerses(book.kjv, book.web, merged).found == 4);
}

TEST_CASE("synthetic verbatim cases copy whole sentences of A into B at a sentence boundary") {
    std::vector<std::string> docs = MadeUpDocuments(5);
    SyntheticOptions options;
    options.seed = 11;
    options.count = 40;
    std::vector<SyntheticCase> cases = MakeSyntheticCases(Views(docs), options);
    REQUIRE(cases.size() == 40);
    std::vector<int> lengths(6, 0);
    for (const SyntheticCase& c : cases) {
        CheckCaseShape(c, docs);
        CHECK(Slice(c.text, c.inserted) == Slice(docs[c.source_doc], c.source));
        CHECK(c.words_edited == 0);
        CHECK(c.words >= options.min_words);
        ++lengths[c.sentences];
        // Taking the copy out leaves B and at most the one space that separated it.
        std::string rest = c.text.substr(0, c.inserted.begin) + c.text.substr(c.inserted.end);
        CHECK(rest.size() - docs[c.target_doc].size() <= 1);
    }
    for (int k = 2; k <= 5; ++k) CHECK_MESSAGE(lengths[k] > 0, k << " sentences never drawn");
    // Nothing to draw from: no cases, no endless loop.
    CHECK(MakeSyntheticCases(Views(std::vector<std::string>{docs[0]}), options).empty());
    CHECK(MakeSyntheticCases(Views(std::vector<std::string>{"One. Two.", "Three. Four."}), options).empty());
}

TEST_CASE("synthetic light cases edit about 10% of words, heavy ones about 30% and reorder the sentences") {
    std::vector<std::string> docs = MadeUpDocuments(6);
    for (Obfuscation kind : {Obfuscation::Light, Obfuscation::Heavy}) {
        CAPTURE(analysis::compare::ObfuscationName(kind));
        std::vector<SyntheticCase> cases = Cases(docs, kind, 5, 120);
        REQUIRE(cases.size() == 120);
        uint32_t words = 0, edited = 0;
        int reordered = 0, multi = 0;
        for (const SyntheticCase& c : cases) {
            CheckCaseShape(c, docs);
            words += c.words;
            edited += c.words_edited;
            if (c.words_edited > 0) CHECK(Slice(c.text, c.inserted) != Slice(docs[c.source_doc], c.source));
            if (c.sentences < 2) continue;
            ++multi;
            // The copy's first sentence (its first 8 bytes, before edits could reach far) is not A's first one.
            std::string_view copy = Slice(c.text, c.inserted), original = Slice(docs[c.source_doc], c.source);
            if (copy.substr(0, 12) != original.substr(0, 12)) ++reordered;
        }
        double rate = double(edited) / words;
        if (kind == Obfuscation::Light) {
            CHECK(rate > 0.07);
            CHECK(rate < 0.13);
        } else {
            CHECK(rate > 0.25);
            CHECK(rate < 0.35);
            CHECK(reordered > multi * 3 / 4);   // every multi-sentence copy is reordered; edits may blur the test
        }
    }
}

TEST_CASE("synthetic cases are the same for the same seed, natively and in wasm, and differ for another seed") {
    std::vector<std::string> docs = MadeUpDocuments(5);
    uint64_t first = HashCases(Cases(docs, Obfuscation::Heavy, 3, 12));
    CHECK(first == HashCases(Cases(docs, Obfuscation::Heavy, 3, 12)));
    // Recorded once; the wasm build must draw the same cases (same PCG32 stream, same ICU sentences).
    CHECK(first == 0xeaccfa580d894d37ULL);
    CHECK(first != HashCases(Cases(docs, Obfuscation::Heavy, 4, 12)));
}

TEST_CASE("synthetic reuse on the State of the Union: verbatim copies exact, light and heavy edits at their rates") {
    std::vector<std::string> sotu = compare_truth::LoadSotu();
    if (sotu.empty()) {
        MESSAGE("State of the Union texts missing (" << CL_SOTU_DIR << "): skipped");
        return;
    }
    for (Obfuscation kind : {Obfuscation::Verbatim, Obfuscation::Light, Obfuscation::Heavy}) {
        CAPTURE(analysis::compare::ObfuscationName(kind));
        std::vector<SyntheticCase> cases = Cases(sotu, kind, 2024, 30);
        REQUIRE(cases.size() == 30);
        uint32_t words = 0, edited = 0;
        for (const SyntheticCase& c : cases) {
            CheckCaseShape(c, sotu);
            words += c.words;
            edited += c.words_edited;
            if (kind == Obfuscation::Verbatim) CHECK(Slice(c.text, c.inserted) == Slice(sotu[c.source_doc], c.source));
        }
        double rate = double(edited) / words;
        double expected = kind == Obfuscation::Verbatim ? 0 : kind == Obfuscation::Light ? 0.10 : 0.30;
        CHECK(std::abs(rate - expected) <= 0.03);   // within 3 percentage points
    }
}

}  // TEST_SUITE
