// Words of a text with their UTF-8 byte offsets and normalised forms. One tokenizer feeds FTS5, the bag of
// words, concordances and comparison, so a word means the same thing in every view.
//
// A token is a UAX #29 word segment that holds letters, digits, kana or ideographs (spaces, punctuation and
// symbols are skipped). Its normal form is NFKC_Casefold: «СЕРГЕЙ» → «сергей», «Straße» → «strasse»,
// «ﬁ» → «fi». With fold_case off it is NFKC only (the "exact case" search option).
//
// One exception to UAX #29, for scraped text that lost the space after a full stop: a word segment made of
// a lower-case word, a full stop and a capitalised word ("Constitution.I", "people.It's") is two tokens,
// split at the full stop (FullStopSplit below has the rule). "U.S.", "e.g.", "3.14", "example.com",
// "Gov.UK" and "www.Example.com" stay whole. The Segmenter itself is unchanged (conformance tests run on it).
//
//     text::Tokenizer tok;
//     tok.Reset("Sergey LAVROV said");
//     text::Token t;
//     while (tok.Next(&t)) printf("%u %s\n", t.byte_offset, t.norm.c_str());   // 0 sergey, 7 lavrov, 14 said
//
// The text passed to Reset must stay alive until the next Reset. `Token::norm` is overwritten by each Next().
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/segmenter.h"

struct UNormalizer2;  // ICU's opaque normaliser handle (<unicode/unorm2.h>)

namespace text {

struct Token {
    uint32_t byte_offset = 0;   // into the text given to Reset
    uint32_t byte_length = 0;
    WordClass word_class = WordClass::None;
    std::string norm;           // normalised form, UTF-8
};

struct TokenizerOptions {
    bool fold_case = true;      // NFKC_Casefold when true, NFKC when false
};

class Tokenizer {
public:
    explicit Tokenizer(TokenizerOptions options = {});

    bool valid() const;         // false when ICU's rules or normalisation data are missing
    void Reset(std::string_view utf8);
    bool Next(Token* out);

private:
    void Normalize(std::string_view surface, std::string* out);
    void Emit(uint32_t byte_offset, uint32_t byte_length, WordClass word_class, Token* out);

    Segmenter Words;
    uint32_t PendingOffset = 0, PendingLength = 0;   // the second half of a split segment, next to emit
    TokenizerOptions Options;
    const ::UNormalizer2* Normalizer = nullptr;
    std::string_view Text;
    std::u16string Utf16, Normalized;  // scratch buffers reused across tokens
};

// Where a word segment is split into two tokens: the byte index of its full stop, or npos. The segment must
// be `before.After` where `before` is at least two letters ending in a lower-case letter and `After` is an
// upper-case letter followed by lower-case letters or apostrophes only, up to the end of the segment (so at
// most one split per segment, and no split inside abbreviations, numbers or domain names).
size_t FullStopSplit(std::string_view segment);

// How many word segments of `text` FullStopSplit splits, and the first one (for the import notes). Segments
// only the stretches around candidate full stops, so it costs little on text without any.
struct FullStopSplits { int count = 0; std::string first; };
FullStopSplits CountFullStopSplits(std::string_view text);

// The normal form of one word or phrase as the tokenizer would produce it, tokens joined by single spaces.
std::string NormalizeForMatch(std::string_view utf8, TokenizerOptions options = {});

// All tokens of a text (convenience for tests and small inputs; views use Tokenizer directly).
std::vector<Token> Tokenize(std::string_view utf8, TokenizerOptions options = {});

}  // namespace text
