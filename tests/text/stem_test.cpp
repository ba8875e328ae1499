// Snowball stemmers: every word of Snowball's published test vocabulary (Debian's snowball-data: voc.txt and
// the expected output.txt per algorithm) stems as published, natively and in wasm; hand-checked examples;
// language tags; the identity for languages without an algorithm; empty, 1 MB and arbitrary-byte words.
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "text/stem.h"
#include "text/tokenizer.h"

namespace {

struct Vocabulary { const char* lang; const char* algorithm; };
constexpr Vocabulary kVocabularies[] = {
    {"en", "english"}, {"ru", "russian"}, {"de", "german"}, {"fr", "french"},
    {"es", "spanish"}, {"it", "italian"}, {"el", "greek"},
};

std::vector<std::string> ReadLines(const std::string& path) {
    std::ifstream file(path);
    REQUIRE_MESSAGE(file.good(), "missing " << path << " (Debian package snowball-data)");
    std::vector<std::string> lines;
    for (std::string line; std::getline(file, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_SUITE("text") {

TEST_CASE("stemmers give Snowball's published stems for its whole test vocabulary") {
    REQUIRE(text::StemmerLanguages().size() == std::size(kVocabularies));
    for (const Vocabulary& v : kVocabularies) {
        CAPTURE(v.algorithm);
        std::string dir = std::string(CL_SNOWBALL_DATA_DIR) + "/" + v.algorithm;
        std::vector<std::string> words = ReadLines(dir + "/voc.txt");
        std::vector<std::string> stems = ReadLines(dir + "/output.txt");
        REQUIRE(words.size() == stems.size());
        CHECK(words.size() > 20000);
        text::Stemmer stemmer(v.lang);
        REQUIRE(stemmer.stems());
        CHECK(stemmer.language() == v.lang);
        size_t differing = 0;
        for (size_t i = 0; i < words.size(); ++i) {
            std::string_view stem = stemmer.Stem(words[i]);
            if (stem != stems[i] && ++differing <= 5)
                FAIL_CHECK(words[i] << " → " << std::string(stem) << ", published " << stems[i]);
        }
        CHECK(differing == 0);
    }
}

TEST_CASE("stems of hand-checked words in each language") {
    struct Case { const char* lang; const char* word; const char* stem; };
    const Case cases[] = {
        {"en", "running", "run"}, {"en", "generously", "generous"}, {"en", "consignment", "consign"},
        {"en", "knightly", "knight"}, {"en", "generate", "generat"},
        {"ru", "договорились", "договор"}, {"ru", "вагонов", "вагон"}, {"ru", "важностью", "важност"},
        {"ru", "ёлки", "елк"},
        {"de", "aufeinanderfolgenden", "aufeinanderfolg"}, {"de", "kategorischen", "kategor"},
        {"de", "strasse", "strass"}, {"de", "aufeinanderschlügen", "aufeinanderschlug"},
        {"fr", "continuellement", "continuel"}, {"fr", "maintenant", "mainten"}, {"fr", "continué", "continu"},
        {"es", "comiéramos", "com"}, {"es", "libertades", "libertad"}, {"es", "chiquillos", "chiquill"},
        {"it", "abbandonerà", "abbandon"}, {"it", "abbassamento", "abbass"}, {"it", "libertà", "libert"},
        {"el", "ανθρώπων", "ανθρωπ"}, {"el", "δρόμος", "δρομ"}, {"el", "πόλης", "πολ"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.word);
        text::Stemmer stemmer(c.lang);
        CHECK(stemmer.Stem(c.word) == c.stem);
    }
}

TEST_CASE("stemming the tokenizer's normal form gives the stem of the written word") {
    struct Case { const char* lang; const char* text; const char* stem; };
    const Case cases[] = {
        {"el", "ΑΝΘΡΏΠΩΝ", "ανθρωπ"}, {"el", "ΠΌΛΗΣ", "πολ"},   // capitals, accents, final sigma folded to σ
        {"de", "Straße", "strass"}, {"ru", "ДОГОВОРИЛИСЬ", "договор"}, {"en", "Generously", "generous"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        auto tokens = text::Tokenize(c.text);
        REQUIRE(tokens.size() == 1);
        text::Stemmer stemmer(c.lang);
        CHECK(stemmer.Stem(tokens[0].norm) == c.stem);
    }
}

TEST_CASE("language tags choose a stemmer by their primary language; others give the identity") {
    CHECK(text::Stemmer("en-GB").language() == "en");
    CHECK(text::Stemmer("RU_ru").language() == "ru");
    CHECK(text::Stemmer("EL").stems());
    for (const char* lang : {"uk", "", "xx", "pt", "english", "e"}) {
        CAPTURE(lang);
        text::Stemmer none(lang);
        CHECK_FALSE(none.stems());
        CHECK(none.language().empty());
        std::string_view word = "мовами";
        std::string_view out = none.Stem(word);
        CHECK(out.data() == word.data());
        CHECK(out.size() == word.size());
    }
}

TEST_CASE("an empty word stems to itself and a moved-from stemmer is the identity") {
    text::Stemmer en("en");
    CHECK(en.Stem("").empty());
    CHECK(en.Stem("running") == "run");
    text::Stemmer moved(std::move(en));
    CHECK(moved.Stem("running") == "run");
    CHECK_FALSE(en.stems());   // NOLINT(bugprone-use-after-move): the documented moved-from state
    CHECK(en.Stem("running") == "running");
    en = std::move(moved);
    CHECK(en.Stem("generously") == "generous");
}

TEST_CASE("1 MB words stem without trouble in every language, and the stemmer goes on working") {
    struct Case { const char* lang; const char* unit; const char* suffix; const char* short_word; const char* short_stem; };
    const Case cases[] = {
        {"en", "consign", "ments", "running", "run"},   {"ru", "договор", "ились", "вагонов", "вагон"},
        {"de", "kategor", "ischen", "katzen", "katz"},  {"fr", "continu", "ellement", "maintenant", "mainten"},
        {"es", "libert", "ades", "libertades", "libertad"}, {"it", "abbass", "amento", "libertà", "libert"},
        {"el", "ανθρωπ", "ων", "δρόμος", "δρομ"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.lang);
        std::string word;
        while (word.size() < (size_t{1} << 20)) word += c.unit;
        word += c.suffix;
        text::Stemmer stemmer(c.lang);
        std::string_view stem = stemmer.Stem(word);
        CHECK(stem.size() < word.size());
        CHECK(stem.size() > (size_t{1} << 20) - 64);
        CHECK(word.compare(0, stem.size() - 16, stem.substr(0, stem.size() - 16)) == 0);
        CHECK(stemmer.Stem(c.short_word) == c.short_stem);
    }
}

TEST_CASE("arbitrary bytes, invalid UTF-8 included, never crash a stemmer and stem the same way twice") {
    uint32_t seed = 12345;   // a fixed linear congruential sequence: the same bytes natively and in wasm
    auto next = [&seed] { seed = seed * 1664525u + 1013904223u; return seed >> 24; };
    for (std::string_view lang : text::StemmerLanguages()) {
        CAPTURE(lang);
        text::Stemmer a(lang), b(lang);
        for (int i = 0; i < 2000; ++i) {
            std::string word(next() % 24, '\0');
            for (char& ch : word) {   // letters, UTF-8 continuation bytes and any byte at all, mixed
                uint32_t kind = next();
                ch = static_cast<char>(kind < 96 ? 'a' + next() % 26 : kind < 192 ? 0x80 + next() % 0x40 : next());
            }
            std::string first(a.Stem(word));
            CHECK(b.Stem(word) == first);
        }
    }
}

}  // TEST_SUITE
