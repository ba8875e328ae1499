// Word tokens, byte offsets, normal forms and sentences, as search and statistics rely on them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace {
std::vector<std::string> Norms(std::string_view s, text::TokenizerOptions o = {}) {
    std::vector<std::string> out;
    for (const text::Token& t : text::Tokenize(s, o)) out.push_back(t.norm);
    return out;
}
}  // namespace

TEST_SUITE("text") {

TEST_CASE("tokens are words only, with utf-8 byte offsets into the text") {
    std::string_view s = "Сергей Лавров said: «Hello, world!»";
    std::vector<text::Token> tokens = text::Tokenize(s);
    REQUIRE(tokens.size() == 5);
    CHECK(tokens[0].byte_offset == 0);
    CHECK(tokens[0].byte_length == 12);  // 6 Cyrillic letters × 2 bytes
    CHECK(s.substr(tokens[1].byte_offset, tokens[1].byte_length) == "Лавров");
    CHECK(s.substr(tokens[2].byte_offset, tokens[2].byte_length) == "said");
    CHECK(s.substr(tokens[4].byte_offset, tokens[4].byte_length) == "world");
    CHECK(tokens[0].word_class == text::WordClass::Letter);
}

TEST_CASE("normal forms are NFKC_Casefold") {
    CHECK(Norms("СЕРГЕЙ Сергей") == std::vector<std::string>{"сергей", "сергей"});
    CHECK(Norms("Straße STRASSE") == std::vector<std::string>{"strasse", "strasse"});
    CHECK(Norms("ﬁnal Ｆｕｌｌ") == std::vector<std::string>{"final", "full"});       // ligature, full-width
    CHECK(Norms("ΣΟΦΙΑ σοφια") == std::vector<std::string>{"σοφια", "σοφια"});        // final sigma folded
    CHECK(Norms("Café") == Norms("Cafe\xcc\x81"));                                     // composed = decomposed
}

TEST_CASE("exact case keeps letters' case but still applies NFKC") {
    text::TokenizerOptions exact;
    exact.fold_case = false;
    CHECK(Norms("Lavrov ﬁnal", exact) == std::vector<std::string>{"Lavrov", "final"});
}

TEST_CASE("words keep apostrophes, decimals and hyphen-free compounds as UAX #29 says") {
    CHECK(Norms("can't 3.14 e-mail") == std::vector<std::string>{"can't", "3.14", "e", "mail"});
    CHECK(text::Tokenize("— … !! ,").empty());
}

TEST_CASE("number and ideograph tokens are classified") {
    auto tokens = text::Tokenize("2018 中");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].word_class == text::WordClass::Number);
    CHECK(tokens[1].word_class == text::WordClass::Ideographic);
}

TEST_CASE("the tokenizer restarts cleanly on a new text") {
    text::Tokenizer tok;
    REQUIRE(tok.valid());
    text::Token t;
    tok.Reset("first text");
    REQUIRE(tok.Next(&t));
    tok.Reset("Второй");
    REQUIRE(tok.Next(&t));
    CHECK(t.norm == "второй");
    CHECK(t.byte_offset == 0);
    CHECK_FALSE(tok.Next(&t));
}

TEST_CASE("sentences are split per UAX #29 and cover the whole text") {
    std::string_view s = "MOSCOW, November 30. /TASS/. Mr. Lavrov spoke. Did he? Yes!";
    text::Segmenter seg(text::SegmentKind::Sentence);
    REQUIRE(seg.valid());
    seg.Reset(s);
    text::Segment g;
    std::vector<std::string> sentences;
    uint32_t covered = 0;
    while (seg.Next(&g)) {
        CHECK(g.byte_offset == covered);
        covered += g.byte_length;
        sentences.emplace_back(s.substr(g.byte_offset, g.byte_length));
    }
    CHECK(covered == s.size());
    CHECK(sentences.back() == "Yes!");
    CHECK(sentences.size() >= 4);
}

TEST_CASE("normalizing a phrase joins token normal forms") {
    CHECK(text::NormalizeForMatch("  Sergey   LAVROV!! ") == "sergey lavrov");
    CHECK(text::NormalizeForMatch("...").empty());
}


TEST_CASE("a lower-case word and a capitalised word glued at a full stop are two tokens") {
    CHECK(Norms("defend our Constitution.I am greatly honored") ==
          std::vector<std::string>{"defend", "our", "constitution", "i", "am", "greatly", "honored"});
    CHECK(Norms("the people.It's time") == std::vector<std::string>{"the", "people", "it's", "time"});
    CHECK(Norms("Конституции.Я рад") == std::vector<std::string>{"конституции", "я", "рад"});   // through ICU
    CHECK(Norms("naïve.The end") == std::vector<std::string>{"naïve", "the", "end"});
    // Offsets point at each half
    std::vector<text::Token> t = text::Tokenize("Constitution.I am");
    REQUIRE(t.size() == 3);
    CHECK(t[0].byte_offset == 0);
    CHECK(t[0].byte_length == 12);
    CHECK(t[1].byte_offset == 13);
    CHECK(t[1].byte_length == 1);
    CHECK(t[1].word_class == text::WordClass::Letter);
}

TEST_CASE("abbreviations, numbers, domain names and all-caps words at a full stop stay whole") {
    for (const char* whole : {"U.S.", "e.g.", "i.e.", "3.14", "example.com", "Gov.UK", "www.Example.com", "a.The",
                              "U.S.A", "node.JS", "v2.Beta"}) {
        CAPTURE(whole);
        CHECK(text::FullStopSplit(whole) == std::string_view::npos);
    }
    CHECK(Norms("the U.S. economy, e.g. 3.14 at example.com or Gov.UK") ==
          std::vector<std::string>{"the", "u.s", "economy", "e.g", "3.14", "at", "example.com", "or", "gov.uk"});
    CHECK(text::FullStopSplit("Constitution.I") == 12);
    CHECK(text::FullStopSplit("iPhone.The") == 6);
    CHECK(text::FullStopSplit("one.Two.Three") == std::string_view::npos);   // at most one split, to the end
}

TEST_CASE("the split is the same on the ascii fast path and through ICU") {
    // The same words after a non-ASCII character (which hands the segmenting to ICU nearby) and without one.
    std::vector<std::string> ascii = Norms("x defend our Constitution.I am people.It's");
    std::vector<std::string> icu = Norms("\xC3\xA9 defend our Constitution.I am people.It's");
    REQUIRE(ascii.size() == icu.size());
    for (size_t i = 1; i < ascii.size(); ++i) CHECK(ascii[i] == icu[i]);
}

TEST_CASE("the import notes count glued full stops the tokenizer splits") {
    text::FullStopSplits s = text::CountFullStopSplits("We defend our Constitution.I am honored.Thank you. The U.S. and e.g. example.com.");
    CHECK(s.count == 2);
    CHECK(s.first == "Constitution.I");
    CHECK(text::CountFullStopSplits("Nothing glued here. U.S. and 3.14.").count == 0);
    // The count agrees with the tokens
    const std::string text = "a people.The end.Again e.g.The Constitution.I";
    size_t extra = 0;
    for (const auto& token : text::Tokenize(text)) extra += token.norm == "the" || token.norm == "again" || token.norm == "i";
    CHECK(text::CountFullStopSplits(text).count == 3);
    CHECK(extra == 3);
}

}  // TEST_SUITE
