// The input a topic model trains on: documents as sequences of dense word ids (0 … vocab_size-1), already
// without stopwords and split into chunks of about N words. No SQLite here: the app and the CLI read the
// corpus's stored token sequences (store/corpus.h, TokenSequence) and call BuildTopicCorpus (topics/input.h).
//
//     TopicCorpus c;                       // two chunks of one document, vocabulary {peace, war, treaty}
//     c.vocab = {"peace", "war", "treaty"};
//     c.tokens = {0, 1, 0, 2, 2};
//     c.chunk_start = {0, 3, 5};           // chunk i is tokens[chunk_start[i] … chunk_start[i+1])
//     c.chunk_doc = {0, 0};                // both chunks roll up to document 0
//     c.doc_ids = {17};                    // document 0 is the corpus's document 17
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace analysis::topics {

struct TopicCorpus {
    std::vector<std::string> vocab;          // word id → the word's normal form (as search indexes it)
    std::vector<uint32_t> vocab_df;          // word id → documents (not chunks) containing it, after filtering
    std::vector<uint32_t> tokens;            // all chunks' word ids, chunk after chunk, in text order
    std::vector<uint32_t> chunk_start;       // size chunks+1; chunk_start.back() == tokens.size()
    std::vector<uint32_t> chunk_doc;         // chunk → index into doc_ids (chunks of a document are adjacent)
    std::vector<int64_t> doc_ids;            // the corpus's document ids, ascending
    // Where each kept token came from: its index in the document's stored token sequence (for the Reader's
    // colouring). Same length as `tokens`.
    std::vector<uint32_t> token_position;

    size_t Chunks() const { return chunk_doc.size(); }
    size_t Documents() const { return doc_ids.size(); }
    uint32_t VocabSize() const { return static_cast<uint32_t>(vocab.size()); }
};

}  // namespace analysis::topics
