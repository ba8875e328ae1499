// From the corpus's stored token sequences to a TopicCorpus (topics/corpus.h): stopwords (built-in lists per
// language, the N most frequent words, a minimum document frequency, the user's own words), tokens without a
// letter dropped, and long documents split into chunks of about N words whose topic mixes roll up to the
// document. Two passes over the documents (count, then emit), each a call per document, so a job can spread
// them over frames; the vocabulary decision between them is O(vocabulary).
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

    // After Plan: the words removed by each rule (most frequent first), for the Vocabulary panel.
    struct Dropped {
        std::vector<std::string> stopwords, most_frequent, rare_count_only;   // rare: only how many (below)
        size_t rare = 0;
    };
    const Dropped& DroppedWords() const;
    size_t KeptTokens() const;   // after Plan: tokens that will be trained on

private:
    // (members are the implementer's)
};

}  // namespace analysis::topics
