// Built-in stopword lists — the common function words (articles, pronouns, auxiliaries, prepositions,
// conjunctions, a few adverbs) of each language import detects (text/metadata.h: en, ru, de, fr, es, it, el,
// uk) — and the word-shape tests Topics and Words apply before counting. Lists are our own, 137–246 words
// each, written in the tokenizer's normal form (NFKC_Casefold: «Straße» → «strasse», Greek final «ς» → «σ»),
// so they compare directly with Token::norm and the store's terms. Apostrophes are written as U+0027; the
// lookups below also accept the typographic U+2019 that ICU keeps («don’t»).
//
//     for (std::string_view w : text::Stopwords("en-GB")) ...        // the English list
//     uint32_t langs = text::StopwordLanguages("die");                 // bit of "de" set
//     bool stop = langs & text::StopwordLanguageBit("de");
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace text {

// The languages with a list, as BCP 47 primary tags, in a fixed order (bit i of StopwordLanguages is
// StopwordLanguageList()[i]).
std::span<const std::string_view> StopwordLanguageList();
// The list for a language tag ("en", "en-GB", "EN_us"): its words sorted by UTF-8 bytes; empty for a
// language without a list. Static storage, valid for the life of the program.
std::span<const std::string_view> Stopwords(std::string_view lang);
// Bit of a language tag in StopwordLanguages' masks; 0 for a language without a list.
uint32_t StopwordLanguageBit(std::string_view lang);
// The languages whose list holds `norm` (a normal form), as a bit mask; 0 for none.
uint32_t StopwordLanguages(std::string_view norm);
// `norm` with each typographic apostrophe U+2019 written as U+0027, the form the lists use («don’t» → «don't»).
std::string StraightApostrophes(std::string_view norm);

// Word shapes. True when the word holds a letter (ICU's alphabetic letters, kana, ideographs): «1990»,
// «3.14» and «٣» have none.
bool HasLetter(std::string_view utf8);
// Code points in valid UTF-8 (lead bytes counted).
int CodePoints(std::string_view utf8);

}  // namespace text
