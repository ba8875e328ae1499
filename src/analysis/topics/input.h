// From the corpus's stored token sequences to a TopicCorpus (topics/corpus.h): stopwords (built-in lists per
// language, the N most frequent words, a minimum document frequency, the user's own words), tokens without a
// letter dropped, and long documents split into chunks of about N words whose topic mixes roll up to the
// document. Two passes over the documents (count, then emit), each a call per document, so a job can spread
// them over frames; the vocabulary decision between them is O(vocabulary).
//
// The rules, in order: a word without a letter or shorter than min_word_chars goes; the user's words and the
// stop_langs lists go everywhere; each document loses its own language's list (a document whose language is
// unknown loses the lists of every language seen in the corpus); of what is left, words in fewer than
// min_doc_freq documents go, then the drop_most_frequent most frequent (ties: the word's bytes). Documents left
// without words are not in the TopicCorpus. Vocabulary ids follow the words' UTF-8 byte order, so they do not
// depend on document order. A document of n kept words becomes chunks of chunk_words words, the last
// absorbing a tail shorter than chunk_words / 2 (a 1,300-word document at 1,000: one chunk; 1,600: two).
//
//     TopicCorpusBuilder b(settings, &terms);          // terms: store term id → normal form
//     for (auto& [id, lang, seq] : docs) b.Count(lang, seq);
//     b.Plan();
//     for (auto& [id, lang, seq] : docs) b.Add(id, seq);
//     TopicCorpus corpus = b.Finish();                 // b.Dropped() says what the frequency rules removed
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/topics/corpus.h"

namespace analysis::topics {

struct InputSettings {
    bool builtin_stopwords = true;          // the list of each document language seen (text/stopwords.h)
    std::vector<std::string> stop_langs;    // extra built-in lists to apply ("en"), whatever the documents say
    int drop_most_frequent = 0;             // also drop the N most frequent words left (by corpus frequency)
    int min_doc_freq = 2;                   // drop words in fewer documents than this
    std::vector<std::string> user_stopwords;   // the user's own, any case (folded like the tokenizer does)
    int chunk_words = 1000;                 // split documents into chunks of about this many kept words (0: never)
    int min_word_chars = 2;                 // drop shorter words (code points); words without a letter always go
};

class TopicCorpusBuilder {
public:
    // `terms[id]` is store term `id`'s normal form ("" for unused ids); must outlive the builder.
    TopicCorpusBuilder(InputSettings settings, const std::vector<std::string>* terms);
    // Pass 1, one call per document in ascending id order: its language tag ("en-GB", "" unknown) and its
    // stored token sequence (store term ids in text order).
    void Count(std::string_view lang, std::span<const uint32_t> sequence);
    // Decides the vocabulary from pass 1's counts and the settings.
    void Plan();
    // Pass 2: the same documents in the same order.
    void Add(int64_t doc_id, std::span<const uint32_t> sequence);
    TopicCorpus Finish();

    // After Plan: the words removed by each rule (most frequent first, ties by word), for the Vocabulary panel.
    // `stopwords` holds every word a stopword rule removed somewhere (with its removed occurrences' count
    // deciding the order); rare words are only counted (`rare`), and `rare_count_only` stays empty.
    struct Dropped {
        std::vector<std::string> stopwords, most_frequent, rare_count_only;
        size_t rare = 0;
    };
    const Dropped& DroppedWords() const;
    size_t KeptTokens() const;   // after Plan: tokens that will be trained on

private:
    enum : uint8_t { kClassified = 1, kNotWord = 2, kStopEverywhere = 4 };
    static constexpr uint32_t kNone = UINT32_MAX;
    void Classify(uint32_t term);

    InputSettings Settings;
    const std::vector<std::string>* Terms;
    std::vector<std::string> UserStops;      // normal forms, apostrophes straight, sorted
    uint32_t StopLangMask = 0;               // stop_langs as text::StopwordLanguageBit bits
    // Per store term id:
    std::vector<uint8_t> TermFlags;          // k* bits above
    std::vector<uint16_t> TermLangs;         // languages whose built-in list holds the word
    std::vector<uint32_t> Freq, DocFreq;     // kept occurrences and documents (known-language documents)
    std::vector<uint32_t> UnknownFreq, UnknownDocFreq;   // the same in documents of unknown language
    std::vector<uint32_t> StopFreq;          // occurrences removed by a stopword rule
    std::vector<uint32_t> LastDoc;           // pass 1: 1 + the last document counting the word (document frequency)
    std::vector<uint32_t> VocabOf;           // after Plan: term → vocabulary id, kNone if dropped
    // Per document, in Count order:
    std::vector<uint16_t> DocLangs;          // its language's bit, 0 when unknown (or built-in lists are off)
    uint32_t SeenLangs = 0;                  // applied to documents of unknown language
    size_t Added = 0;                        // pass 2's next document
    std::vector<uint32_t> VocabLastDoc;      // pass 2: 1 + the last document index holding the vocabulary word
    TopicCorpus Corpus;
    Dropped DroppedList;
    size_t Kept = 0;
    bool Planned = false;
};

}  // namespace analysis::topics
