// Snowball stemmers behind text::Stemmer: the table of generated algorithms (deps/CMakeLists.txt compiles them
// into the prefix's libstemmer.a with Snowball's runtime) and the calls into Snowball's C API. Language tags are
// read as the stopword lists read them (text/stopwords.h), so a tag means the same language in both.
#include "text/stem.h"

#include <bit>
#include <climits>
#include <cstdint>
#include <utility>

#include <snowball/api.h>
#include <snowball/stem_UTF_8_english.h>
#include <snowball/stem_UTF_8_french.h>
#include <snowball/stem_UTF_8_german.h>
#include <snowball/stem_UTF_8_greek.h>
#include <snowball/stem_UTF_8_italian.h>
#include <snowball/stem_UTF_8_russian.h>
#include <snowball/stem_UTF_8_spanish.h>

#include "text/stopwords.h"

namespace text {

struct StemAlgorithm {
    std::string_view lang;              // BCP 47 primary tag
    SN_env* (*create)();
    void (*close)(SN_env*);
    int (*stem)(SN_env*);               // < 0 when Snowball ran out of memory
};

namespace {

constexpr StemAlgorithm kAlgorithms[] = {
    {"en", english_UTF_8_create_env, english_UTF_8_close_env, english_UTF_8_stem},
    {"ru", russian_UTF_8_create_env, russian_UTF_8_close_env, russian_UTF_8_stem},
    {"de", german_UTF_8_create_env, german_UTF_8_close_env, german_UTF_8_stem},
    {"fr", french_UTF_8_create_env, french_UTF_8_close_env, french_UTF_8_stem},
    {"es", spanish_UTF_8_create_env, spanish_UTF_8_close_env, spanish_UTF_8_stem},
    {"it", italian_UTF_8_create_env, italian_UTF_8_close_env, italian_UTF_8_stem},
    {"el", greek_UTF_8_create_env, greek_UTF_8_close_env, greek_UTF_8_stem},
};
constexpr std::string_view kLanguages[] = {"en", "ru", "de", "fr", "es", "it", "el"};
static_assert(std::size(kLanguages) == std::size(kAlgorithms));

// Snowball measures words in int bytes and doubles its buffer as it edits; 1 GiB keeps that far from INT_MAX.
constexpr size_t kMaxWordBytes = size_t{1} << 30;

// The algorithm for a tag, by its primary language as text::Stopwords reads it; nullptr when there is none.
const StemAlgorithm* FindAlgorithm(std::string_view tag) {
    uint32_t bit = StopwordLanguageBit(tag);
    if (bit == 0) return nullptr;
    std::string_view primary = StopwordLanguageList()[static_cast<size_t>(std::countr_zero(bit))];
    for (const StemAlgorithm& algorithm : kAlgorithms)
        if (algorithm.lang == primary) return &algorithm;
    return nullptr;
}

}  // namespace

std::span<const std::string_view> StemmerLanguages() { return kLanguages; }

Stemmer::Stemmer(std::string_view lang) : Algorithm(FindAlgorithm(lang)) {
    if (Algorithm) Env = Algorithm->create();   // nullptr when out of memory: the identity then
}

Stemmer::~Stemmer() {
    if (Env) Algorithm->close(Env);
}

Stemmer::Stemmer(Stemmer&& other) noexcept
    : Algorithm(std::exchange(other.Algorithm, nullptr)), Env(std::exchange(other.Env, nullptr)) {}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
    if (this != &other) {
        if (Env) Algorithm->close(Env);
        Algorithm = std::exchange(other.Algorithm, nullptr);
        Env = std::exchange(other.Env, nullptr);
    }
    return *this;
}

std::string_view Stemmer::language() const { return Env ? Algorithm->lang : std::string_view(); }

std::string_view Stemmer::Stem(std::string_view folded_word) {
    if (!Env || folded_word.empty() || folded_word.size() > kMaxWordBytes) return folded_word;
    // SN_set_current copies the word into the environment's buffer and rewinds the cursor; a failure (memory)
    // leaves the buffer consistent for the next word, as libstemmer's sb_stemmer_stem relies on.
    if (SN_set_current(Env, static_cast<int>(folded_word.size()),
                       reinterpret_cast<const symbol*>(folded_word.data())) != 0)
        return folded_word;
    if (Algorithm->stem(Env) < 0) return folded_word;
    return {reinterpret_cast<const char*>(Env->p), static_cast<size_t>(Env->l)};
}

}  // namespace text
