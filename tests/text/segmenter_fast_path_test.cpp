// The Segmenter's ASCII fast path against ICU alone: random ASCII strings, ASCII mixed with characters that
// can join or split ASCII segments (so the hand-over to ICU and back runs), and the bundled corpora. Every
// segment's byte offset, length and word class must be the same.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/gzip.h"
#include "text/segmenter.h"

namespace {

std::vector<text::Segment> Segments(text::Segmenter* seg, std::string_view s) {
    std::vector<text::Segment> out;
    seg->Reset(s);
    text::Segment x;
    while (seg->Next(&x)) out.push_back(x);
    return out;
}

// Index of the first segment that differs (a.size() == b.size() when none does).
size_t FirstDifference(const std::vector<text::Segment>& a, const std::vector<text::Segment>& b) {
    size_t i = 0;
    for (; i < a.size() && i < b.size(); ++i)
        if (a[i].byte_offset != b[i].byte_offset || a[i].byte_length != b[i].byte_length ||
            a[i].word_class != b[i].word_class)
            break;
    return i;
}

// "[a.b]L [ ]- [1]N": segments [from, to) in brackets with their class, for failure messages; bytes outside
// printable ASCII as \xNN so control characters show.
std::string Describe(std::string_view s, const std::vector<text::Segment>& segments, size_t from = 0,
                     size_t to = SIZE_MAX) {
    static const char* kClass[] = {"-", "N", "L", "K", "I"};
    std::string out;
    for (size_t i = from; i < std::min(to, segments.size()); ++i) {
        const text::Segment& x = segments[i];
        out += '[';
        for (unsigned char c : s.substr(x.byte_offset, x.byte_length)) {
            if (c >= 0x20 && c < 0x7F) { out += static_cast<char>(c); continue; }
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
        }
        out += ']';
        out += kClass[static_cast<int>(x.word_class)];
        out += ' ';
    }
    return out;
}

// Compares fast path and ICU alone on each text; reports the first few differences (a few segments either
// side of the first differing one) and counts the texts that differ.
struct Comparison {
    text::Segmenter fast{text::SegmentKind::Word};
    text::Segmenter icu{text::SegmentKind::Word, /*ascii_fast_path=*/false};
    int compared = 0, differing = 0;

    void Compare(std::string_view s) {
        std::vector<text::Segment> a = Segments(&fast, s), b = Segments(&icu, s);
        ++compared;
        size_t i = FirstDifference(a, b);
        if (i == a.size() && i == b.size()) return;
        size_t from = i < 3 ? 0 : i - 3;
        if (++differing <= 10)
            FAIL_CHECK("fast path: " << Describe(s, a, from, i + 4) << "\n      ICU: " << Describe(s, b, from, i + 4));
    }
};

// Characters the ASCII rules treat differently: letters ('@' is one in ICU's root rules), digits, every
// joiner ('.', '\'', ',', ';', and ':' which ICU does not count), '_', space against tab, the line breaks,
// and punctuation that always stands alone.
constexpr std::string_view kTrickyAscii = "aZx09@.,;:'_ \t\n\r\v\f-\"(!$#/\x01\x7F";

// Non-ASCII pieces that interact with ASCII neighbours: letters and digits that join (é, Cyrillic, Arabic
// digit), joiners (’ U+2019 and ․ U+2024 are MidNumLet, ・ is Katakana), Extend/Format/ZWJ that attach to
// the character before (combining acute, soft hyphen, ZWJ), spaces (NBSP is Other, U+3000 is WSegSpace),
// dictionary scripts (Han, Thai), an emoji, and a stray continuation byte (invalid UTF-8).
const std::vector<std::string> kNonAscii = {
    "\xC3\xA9",          // é
    "\xE2\x80\x99",      // ’
    "\xC2\xAB",          // «
    "\xC2\xBB",          // »
    "\xCC\x81",          // U+0301 combining acute
    "\xC2\xA0",          // U+00A0 no-break space
    "\xD0\xB4\xD0\xB0",  // да
    "\xE4\xB8\xAD\xE6\x96\x87",  // 中文
    "\xF0\x9F\x98\x80",  // 😀
    "\xE2\x80\x8D",      // ZWJ
    "\xC2\xAD",          // soft hyphen (Format)
    "\xE3\x80\x80",      // U+3000 ideographic space
    "\xD9\xA1",          // Arabic-Indic digit one
    "\xE2\x80\xA4",      // U+2024 one dot leader
    "\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2",  // ไทย
    "\xE3\x82\xAB",      // カ
    "\x80",              // invalid: lone continuation byte
};

std::string RandomAscii(std::mt19937* rng, size_t length) {
    std::string s;
    for (size_t i = 0; i < length; ++i) s += kTrickyAscii[(*rng)() % kTrickyAscii.size()];
    return s;
}

// The text files under dist/corpora (built by the web build; absent in a fresh clone).
std::vector<std::filesystem::path> CorpusFiles() {
    std::vector<std::filesystem::path> files;
    std::filesystem::path dir = std::filesystem::path(CL_TEST_DATA_DIR).parent_path().parent_path() / "dist" / "corpora";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
        std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".txt" || ext == ".jsonl" || ext == ".gz")) files.push_back(entry.path());
    }
    return files;
}

}  // namespace

TEST_SUITE("text") {

TEST_CASE("the ascii fast path keeps ICU's root-rule tailorings and classes") {
    text::Segmenter seg(text::SegmentKind::Word);
    auto describe = [&](std::string_view s) { return Describe(s, Segments(&seg, s)); };
    CHECK(describe("a@b a:b 1:2") == "[a@b]L [ ]- [a]L [:]- [b]L [ ]- [1]N [:]- [2]N ");
    CHECK(describe("U.S. don't 3.14 1,000;5") == "[U.S]L [.]- [ ]- [don't]L [ ]- [3.14]N [ ]- [1,000;5]N ");
    CHECK(describe("abc123 123abc a1.2 1.2a 1a.2") == "[abc123]N [ ]- [123abc]L [ ]- [a1.2]N [ ]- [1.2a]L [ ]- [1a]L [.]- [2]N ");
    CHECK(describe("_ a_ 1_ _a _1 a_1 1__ _1_") == "[_]- [ ]- [a_]L [ ]- [1_]N [ ]- [_a]L [ ]- [_1]N [ ]- [a_1]N [ ]- [1__]L [ ]- [_1_]N ");
    CHECK(describe("a..b a.1 1.a a_.b") == "[a]L [.]- [.]- [b]L [ ]- [a]L [.]- [1]N [ ]- [1]N [.]- [a]L [ ]- [a_]L [.]- [b]L ");
    CHECK(describe("a   b\t\tc\r\n\r\rd") == "[a]L [   ]- [b]L [\\x09]- [\\x09]- [c]L [\\x0D\\x0A]- [\\x0D]- [\\x0D]- [d]L ");
}

TEST_CASE("the ascii fast path gives ICU's word segments for random ascii text") {
    std::mt19937 rng(29);
    Comparison cmp;
    REQUIRE(cmp.fast.valid());
    for (int i = 0; i < 200000; ++i) cmp.Compare(RandomAscii(&rng, rng() % 25));
    MESSAGE("random ASCII: " << cmp.differing << " of " << cmp.compared << " strings differ");
    CHECK(cmp.differing == 0);
}

TEST_CASE("the ascii fast path hands non-ascii neighbours to ICU and takes over again") {
    std::mt19937 rng(2019);
    Comparison cmp;
    REQUIRE(cmp.fast.valid());
    for (int i = 0; i < 100000; ++i) {
        std::string s;
        for (size_t n = rng() % 25; n > 0; --n) {
            if (rng() % 5 == 0) s += kNonAscii[rng() % kNonAscii.size()];
            else s += kTrickyAscii[rng() % kTrickyAscii.size()];
        }
        cmp.Compare(s);
    }
    // Longer texts, so that ICU restarts after long fast-path stretches, and one Segmenter is reused.
    for (const char* s : {"He said \xE2\x80\x9C""don\xE2\x80\x99t\xE2\x80\x9D, and left. Caf\xC3\xA9 1\xC2\xA0""000 e\xCC\x81t\xC3\xA9.",
                          "\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9 Lavrov, 2018: \xC2\xAB\xD0\xB4\xD0\xB0\xC2\xBB \xE4\xB8\xAD\xE6\x96\x87 ok",
                          "abc \xCC\x81 def ghi\xE2\x80\x8D\xF0\x9F\x98\x80 x.\xCC\x81y 3.\xD9\xA1 a_\xE3\x82\xAB"})
        cmp.Compare(s);
    MESSAGE("mixed: " << cmp.differing << " of " << cmp.compared << " strings differ");
    CHECK(cmp.differing == 0);
}

TEST_CASE("the ascii fast path gives ICU's word segments for the bundled corpora") {
    std::vector<std::filesystem::path> files = CorpusFiles();
    if (files.empty()) {
        MESSAGE("skipped: no dist/corpora (the web build writes it)");
        return;
    }
    Comparison cmp;
    REQUIRE(cmp.fast.valid());
    size_t bytes = 0;
    for (const std::filesystem::path& path : files) {
        std::ifstream file(path, std::ios::binary);
        std::stringstream contents;
        contents << file.rdbuf();
        std::string text = contents.str();
        if (path.extension() == ".gz") {   // the shipped State of the Union (sotu/1790s.jsonl.gz …)
            auto inflated = text::Gunzip(text);
            REQUIRE_MESSAGE(inflated.ok(), path.string());
            text = std::move(*inflated);
        }
        bytes += text.size();
        int before = cmp.differing;
        cmp.Compare(text);
        if (cmp.differing != before) MESSAGE("differs: " << path.string());
    }
    MESSAGE("corpora: " << cmp.differing << " of " << cmp.compared << " files differ (" << bytes << " bytes)");
    CHECK(cmp.differing == 0);
}

}  // TEST_SUITE
