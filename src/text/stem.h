// Snowball stemmers: a word's stem, so «running» and «runs» count as «run» and «договорились» and «договор»
// group together: for views that group the forms of a word (Words' optional stemming, Compare's sentence
// similarity). It is not applied to the stored index: search and concordance keep exact normal forms.
//
// The algorithms are Snowball 2.2.0's (Debian's `snowball` source package, compiled to C at build time by
// deps/CMakeLists.txt, the same generated C natively and in wasm, so stems are bit-identical in both). One
// per language the importer detects (text/metadata.h), except Ukrainian: Snowball 2.2 has no Ukrainian
// stemmer, so "uk" is left unstemmed. Input is the tokenizer's normal form (Token::norm: NFKC_Casefold UTF-8,
// «Straße» → «strasse»); the algorithms lower-case and strip Greek accents themselves where they need to.
//
//     text::Stemmer stem("en");
//     std::string_view s = stem.Stem("generously");     // "generous", valid until the next Stem call
//     text::Stemmer none("uk");                          // no algorithm: none.stems() is false
//     none.Stem("мови");                                 // "мови", the input itself
//
// One Stemmer holds one Snowball environment (its working buffer), so it is not thread-safe: use one per
// thread. The buffer grows to the longest word stemmed and is kept until the Stemmer is destroyed.
#pragma once
#include <span>
#include <string_view>

struct SN_env;  // Snowball's working state (<snowball/api.h>)

namespace text {

struct StemAlgorithm;  // one Snowball algorithm: its language tag and entry points (stem.cpp)

// The languages with a stemmer, as BCP 47 primary tags in a fixed order: en, ru, de, fr, es, it, el.
std::span<const std::string_view> StemmerLanguages();

class Stemmer {
public:
    // The stemmer for a language tag ("en", "en-GB", "RU_ru": the primary tag decides, as for stopword
    // lists); a language without an algorithm ("uk", "", "xx") gives the identity, which stems() reports.
    explicit Stemmer(std::string_view lang);
    ~Stemmer();
    Stemmer(Stemmer&& other) noexcept;
    Stemmer& operator=(Stemmer&& other) noexcept;
    Stemmer(const Stemmer&) = delete;
    Stemmer& operator=(const Stemmer&) = delete;

    // True when this language has an algorithm (and its environment could be allocated).
    bool stems() const { return Env != nullptr; }
    // The algorithm's language ("en" for "en-GB"); empty for the identity.
    std::string_view language() const;

    // The stem of one word in the tokenizer's normal form. The result points into this Stemmer's buffer and
    // stays valid until the next Stem call, a move or destruction; for the identity (and for an empty word,
    // or one Snowball cannot take: over 1 GiB, or out of memory) it is `folded_word` itself. Any bytes are
    // safe; invalid UTF-8 gives an unspecified stem, not a crash.
    std::string_view Stem(std::string_view folded_word);

private:
    const StemAlgorithm* Algorithm = nullptr;
    ::SN_env* Env = nullptr;
};

}  // namespace text
