// Built-in stopword lists: one per detected language, every word already in the tokenizer's normal form (so
// it can match a token at all), tags with regions accepted, and the word-shape tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "text/metadata.h"
#include "text/stopwords.h"
#include "text/tokenizer.h"

TEST_SUITE("text") {

TEST_CASE("every stopword is one token whose normal form is itself") {
    auto langs = text::StopwordLanguageList();
    REQUIRE(langs.size() == 8);
    for (std::string_view lang : langs) {
        auto words = text::Stopwords(lang);
        CAPTURE(lang);
        CHECK(words.size() >= 120);
        CHECK(words.size() <= 250);
        CHECK(std::is_sorted(words.begin(), words.end()));
        CHECK(std::adjacent_find(words.begin(), words.end()) == words.end());
        for (std::string_view w : words) {
            auto tokens = text::Tokenize(w);
            CAPTURE(w);
            REQUIRE(tokens.size() == 1);
            CHECK(tokens[0].norm == w);
        }
    }
}

TEST_CASE("stopword lists match the tokens of ordinary text in each language") {
    struct Sample { const char* lang; const char* text; };
    const Sample samples[] = {
        {"en", "But THEY don't know what it's for."},
        {"de", "Daß wir über die Straße gehen, wäre für uns gut."},
        {"fr", "C'est à nous qu'il parle, mais où est-il ?"},
        {"el", "Αυτός είναι ο δρόμος της ΠΟΛΗΣ και των ανθρώπων."},
        {"ru", "Её здесь нет, и ЕЩЁ он не знает."},
        {"uk", "Її тут немає, і він ще не знає."},
        {"es", "Él está aquí, pero ¿dónde están ellos?"},
        {"it", "C'è più di quanto sembra, perché è così."},
    };
    const std::string_view expected[][4] = {
        {"but", "they", "don't", "it's"},
        {"dass", "wir", "über", "für"},
        {"c'est", "à", "qu'il", "où"},
        {"αυτόσ", "είναι", "τησ", "των"},
        {"её", "здесь", "нет", "ещё"},
        {"її", "тут", "і", "він"},
        {"él", "está", "dónde", "están"},
        {"c'è", "più", "perché", "così"},
    };
    for (size_t i = 0; i < std::size(samples); ++i) {
        uint32_t bit = text::StopwordLanguageBit(samples[i].lang);
        REQUIRE(bit != 0);
        std::vector<std::string> stopped;
        for (const auto& t : text::Tokenize(samples[i].text))
            if (text::StopwordLanguages(t.norm) & bit) stopped.push_back(t.norm);
        CAPTURE(samples[i].text);
        for (std::string_view w : expected[i])
            CHECK(std::find(stopped.begin(), stopped.end(), w) != stopped.end());
    }
    // Content words are not stopwords in any language.
    for (const char* w : {"peace", "treaty", "frieden", "guerre", "мир", "πόλεμοσ", "guerra"})
        CHECK(text::StopwordLanguages(w) == 0);
}

TEST_CASE("stopword lookups accept region tags, typographic apostrophes and shared words") {
    CHECK(text::Stopwords("en-GB").data() == text::Stopwords("en").data());
    CHECK(text::Stopwords("EN_us").size() == text::Stopwords("en").size());
    CHECK(text::Stopwords("").empty());
    CHECK(text::Stopwords("zh").empty());
    CHECK(text::Stopwords("eng").empty());
    CHECK(text::StopwordLanguageBit("xx") == 0);
    CHECK(text::StopwordLanguages("don\u2019t") == text::StopwordLanguageBit("en"));
    // «la» is an article in French, Spanish and Italian.
    uint32_t la = text::StopwordLanguages("la");
    CHECK((la & text::StopwordLanguageBit("fr")) != 0);
    CHECK((la & text::StopwordLanguageBit("es")) != 0);
    CHECK((la & text::StopwordLanguageBit("it")) != 0);
    CHECK((la & text::StopwordLanguageBit("en")) == 0);
    // Every language import can detect has a list.
    for (const char* text : {"the and of to in is that for with as was on are this we not",
                             "der die und das ist nicht zu den mit von sich des auf für ein eine"}) {
        std::string lang = text::GuessLanguage(text);
        CHECK(!text::Stopwords(lang).empty());
    }
}

TEST_CASE("word shapes: letters in any script, digits alone are not words") {
    CHECK(text::HasLetter("peace"));
    CHECK(text::HasLetter("1990s"));
    CHECK(text::HasLetter("мир"));
    CHECK(text::HasLetter("戦争"));
    CHECK(text::HasLetter("カタカナ"));
    CHECK_FALSE(text::HasLetter("1990"));
    CHECK_FALSE(text::HasLetter("3.14"));
    CHECK_FALSE(text::HasLetter("1,000"));
    CHECK_FALSE(text::HasLetter("\u0663\u0664"));   // Arabic-Indic digits
    CHECK_FALSE(text::HasLetter(""));
    CHECK(text::CodePoints("état") == 4);
    CHECK(text::CodePoints("τησ") == 3);
    CHECK(text::CodePoints("") == 0);
}

}  // TEST_SUITE
