// Case- and accent-blind forms of short texts (metadata values, a filter the user types), for "contains"
// filters such as the Library's: «République» and «REPUBLIQUE» both fold to «republique», «Straße» to
// «strasse», «Ёлка» to «елка». Unlike the tokenizer's normal form, punctuation and spaces are kept, so a
// filter may hold them ("1990-05", "pt-BR").
//
//     bool hit = text::FoldForFilter(value).find(text::FoldForFilter(typed)) != std::string::npos;
#pragma once
#include <string>
#include <string_view>

namespace text {

// Canonical decomposition with the combining marks (general category Mn) dropped, then NFKC_Casefold. ASCII
// text takes a fast path (lower-casing, which is the same result). Invalid UTF-8 becomes U+FFFD. Marks that
// carry meaning in some scripts (Devanagari vowel signs, the Cyrillic breve of «й») go too, on both sides of
// a comparison alike, so a filter matches more, never less.
std::string FoldForFilter(std::string_view utf8);

}  // namespace text
