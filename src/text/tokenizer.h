// Words of a text with their UTF-8 byte offsets and normalised forms. One tokenizer feeds FTS5, the bag of
// words, concordances and comparison, so a word means the same thing in every view.
//
// A token is a UAX #29 word segment that holds letters, digits, kana or ideographs (spaces, punctuation and
// symbols are skipped). Its normal form is NFKC_Casefold: «СЕРГЕЙ» → «сергей», «Straße» → «strasse»,
// «ﬁ» → «fi». With fold_case off it is NFKC only (the "exact case" search option).
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

    Segmenter Words;
    TokenizerOptions Options;
    const ::UNormalizer2* Normalizer = nullptr;
    std::string_view Text;
    std::u16string Utf16, Normalized;  // scratch buffers reused across tokens
};

// The normal form of one word or phrase as the tokenizer would produce it, tokens joined by single spaces.
std::string NormalizeForMatch(std::string_view utf8, TokenizerOptions options = {});

// All tokens of a text (convenience for tests and small inputs; views use Tokenizer directly).
std::vector<Token> Tokenize(std::string_view utf8, TokenizerOptions options = {});

}  // namespace text
