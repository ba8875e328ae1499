// Sentences for Compare: ICU's rules with abbreviation lists, blank lines end paragraphs, hard-wrapped lines do
// not split, ranges trimmed, linear on large inputs. Run natively and in wasm (where ICU has only the subset).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/sentences.h"

namespace {
std::vector<std::string> Texts(std::string_view s, std::string_view language = "en") {
    std::vector<std::string> out;
    for (const text::Sentence& x : text::SplitSentences(s, language))
        out.emplace_back(s.substr(x.byte_offset, x.byte_length));
    return out;
}
std::vector<uint32_t> Paragraphs(std::string_view s) {
    std::vector<uint32_t> out;
    for (const text::Sentence& x : text::SplitSentences(s)) out.push_back(x.paragraph);
    return out;
}
using Strings = std::vector<std::string>;
}  // namespace

TEST_SUITE("text") {

TEST_CASE("sentences: English abbreviations from the data do not end a sentence") {
    CHECK(Texts("Mr. Smith went to the U.S. Army base. He stayed.") ==
          Strings{"Mr. Smith went to the U.S. Army base.", "He stayed."});
    CHECK(Texts("Prof. Jones arrived at 10 a.m. Nobody came.") ==
          Strings{"Prof. Jones arrived at 10 a.m. Nobody came."});   // "a.m." is on the list, as CLDR has it
    CHECK(Texts("Mrs. Dalloway said she would buy the flowers herself. Lucy had her work cut out.") ==
          Strings{"Mrs. Dalloway said she would buy the flowers herself.", "Lucy had her work cut out."});
}

TEST_CASE("sentences: quotes, ellipses, decimal numbers, question and exclamation marks") {
    CHECK(Texts("He said, \"Stop.\" Then he left.") == Strings{"He said, \"Stop.\"", "Then he left."});
    CHECK(Texts("«Нет», — сказал он. Потом ушёл.", "ru") == Strings{"«Нет», — сказал он.", "Потом ушёл."});
    CHECK(Texts("Wait... what happened? Nothing!") == Strings{"Wait... what happened?", "Nothing!"});
    CHECK(Texts("It ended... Then it began again.") == Strings{"It ended...", "Then it began again."});
    CHECK(Texts("Growth was 3.5 percent in 2.0 years. Prices rose 1,000.25 dollars.") ==
          Strings{"Growth was 3.5 percent in 2.0 years.", "Prices rose 1,000.25 dollars."});
    CHECK(Texts("Really?! Yes. (And more.) Done") == Strings{"Really?!", "Yes.", "(And more.)", "Done"});
}

TEST_CASE("sentences: Russian, with Russian abbreviations") {
    CHECK(Texts("Выступил проф. Иванов. Все слушали! Вы согласны?", "ru") ==
          Strings{"Выступил проф. Иванов.", "Все слушали!", "Вы согласны?"});
    CHECK(Texts("Цена 3,5 тыс. рублей. Дорого.", "ru-RU") == Strings{"Цена 3,5 тыс. рублей.", "Дорого."});
    text::SentenceSplitter ru("RU");
    CHECK(ru.abbreviation_language() == "ru");
    CHECK(ru.valid());
}

TEST_CASE("sentences: other languages get English's list, so native and web agree") {
    CHECK(text::SentenceSplitter("de").abbreviation_language() == "en");
    CHECK(text::SentenceSplitter("en-GB").abbreviation_language() == "en");
    CHECK(text::SentenceSplitter("").abbreviation_language() == "en");
    CHECK(Texts("Mr. Brown kam. Er ging.", "de") == Strings{"Mr. Brown kam.", "Er ging."});
}

TEST_CASE("sentences: a text without final punctuation, empty text, white space only") {
    CHECK(Texts("no punctuation at all") == Strings{"no punctuation at all"});
    CHECK(Texts("One. two without a stop") == Strings{"One. two without a stop"});   // lower case goes on
    CHECK(Texts("One. Two without a stop  ") == Strings{"One.", "Two without a stop"});
    CHECK(Texts("").empty());
    CHECK(Texts(" \n\n \t\r\n \xC2\xA0").empty());
}

TEST_CASE("sentences: hard-wrapped lines stay one sentence, a blank line ends one") {
    const std::string_view wrapped = "This sentence was\nwrapped by a scraper\r\nat forty columns. Next one.";
    CHECK(Texts(wrapped) == Strings{"This sentence was\nwrapped by a scraper\r\nat forty columns.", "Next one."});
    CHECK(Paragraphs(wrapped) == std::vector<uint32_t>{0, 0});
    const std::string_view headed = "\n\nA heading without a stop\n\nBody text here. More text\n \t\nLast";
    CHECK(Texts(headed) == Strings{"A heading without a stop", "Body text here.", "More text", "Last"});
    CHECK(Paragraphs(headed) == std::vector<uint32_t>{0, 1, 1, 2});
    // U+2029 ends a paragraph, U+2028 and U+0085 are line breaks inside one.
    CHECK(Texts("first part\xE2\x80\xA9second\xE2\x80\xA8part\xC2\x85still") ==
          Strings{"first part", "second\xE2\x80\xA8part\xC2\x85still"});
    CHECK(Paragraphs("a\xE2\x80\xA9\xE2\x80\xA9 b") == std::vector<uint32_t>{0, 1});
}

TEST_CASE("sentences: ranges are trimmed of spaces, no-break spaces and zero-width spaces") {
    const std::string_view s = "  \xC2\xA0" "First one.\xE2\x80\x8B Second one. \xE3\x80\x80";
    const std::vector<text::Sentence> got = text::SplitSentences(s);
    REQUIRE(got.size() == 2);
    CHECK(got[0].byte_offset == 4);
    CHECK(s.substr(got[0].byte_offset, got[0].byte_length) == "First one.");
    CHECK(s.substr(got[1].byte_offset, got[1].byte_length) == "Second one.");
}

TEST_CASE("sentences: a 1 MB single line is split in one linear pass") {
    // Many sentences on one line: every one found, offsets exact.
    const std::string sentence = "The committee met again on Tuesday. ";
    std::string line;
    while (line.size() < (1u << 20)) line += sentence;
    const std::vector<text::Sentence> got = text::SplitSentences(line);
    REQUIRE(got.size() == line.size() / sentence.size());
    CHECK(got.back().byte_offset == line.size() - sentence.size());
    CHECK(got.back().byte_length == sentence.size() - 1);
    // One sentence of 1 MB without any punctuation or line break.
    std::string words;
    while (words.size() < (1u << 20)) words += "word ";
    const std::vector<text::Sentence> one = text::SplitSentences(words);
    REQUIRE(one.size() == 1);
    CHECK(one[0].byte_length == words.size() - 1);
    // 1 MB of hard-wrapped lines: one paragraph, a copy of it made once.
    std::string wrapped;
    while (wrapped.size() < (1u << 20)) wrapped += "short line of text\n";
    CHECK(text::SplitSentences(wrapped).size() == 1);
}

TEST_CASE("sentences: the splitter is reusable across texts") {
    text::SentenceSplitter split("en");
    text::Sentence s;
    split.Reset("One. Two.");
    int n = 0;
    while (split.Next(&s)) ++n;
    CHECK(n == 2);
    split.Reset("Three.\n\nFour.");
    REQUIRE(split.Next(&s));
    CHECK(s.byte_offset == 0);
    REQUIRE(split.Next(&s));
    CHECK(s.byte_offset == 8);
    CHECK(s.paragraph == 1);
    CHECK_FALSE(split.Next(&s));
}

}  // TEST_SUITE
