// The saved-model format: a round trip keeps every setting and the whole corpus bit for bit; damaged bytes and
// models from a newer version are refused with a message.
#include <doctest/doctest.h>

#include <string>

#include "analysis/topics/saved.h"

namespace {

using analysis::topics::SavedModel;

SavedModel Sample() {
    SavedModel s;
    s.train.topics = 7;
    s.train.seed = 0xfedcba9876543210ULL;
    s.train.sweeps = 1234;
    s.train.alpha_sum = 0.1 + 0.2;          // not a round number: the bits must survive
    s.train.beta = 0.0137;
    s.train.optimize = false;
    s.train.burn_in = 0;
    s.train.optimize_interval = 25;
    s.train.sampler = analysis::topics::SamplerKind::Dense;
    s.input.builtin_stopwords = false;
    s.input.stop_langs = {"en", "ru"};
    s.input.drop_most_frequent = 30;
    s.input.min_doc_freq = 3;
    s.input.user_stopwords = {"mr", "Straße"};
    s.input.chunk_words = 0;
    s.input.min_word_chars = 1;
    analysis::topics::TopicCorpus& c = s.corpus;
    c.vocab = {"peace", "war", "treaty", "мир"};
    c.vocab_df = {2, 2, 1, 1};
    c.tokens = {0, 1, 0, 2, 2, 3, 1, 0};
    c.chunk_start = {0, 3, 5, 8};
    c.chunk_doc = {0, 0, 1};
    c.doc_ids = {17, 400000};
    c.token_position = {0, 2, 5, 6, 9, 1, 300, 301};   // positions in each document's stored sequence
    s.model = std::string("\x00\x01\x02 sampler state \xff", 19);
    return s;
}

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("a saved topic model loads back with every setting and the corpus unchanged") {
    const SavedModel s = Sample();
    const std::string bytes = analysis::topics::SaveModel(s);
    auto back = analysis::topics::LoadModel(bytes);
    REQUIRE_MESSAGE(back.ok(), back.status().ToString());
    CHECK(back->train.topics == 7);
    CHECK(back->train.seed == 0xfedcba9876543210ULL);
    CHECK(back->train.sweeps == 1234);
    CHECK(back->train.alpha_sum == s.train.alpha_sum);
    CHECK(back->train.beta == s.train.beta);
    CHECK_FALSE(back->train.optimize);
    CHECK(back->train.burn_in == 0);
    CHECK(back->train.optimize_interval == 25);
    CHECK(back->train.sampler == analysis::topics::SamplerKind::Dense);
    CHECK_FALSE(back->input.builtin_stopwords);
    CHECK(back->input.stop_langs == s.input.stop_langs);
    CHECK(back->input.drop_most_frequent == 30);
    CHECK(back->input.min_doc_freq == 3);
    CHECK(back->input.user_stopwords == s.input.user_stopwords);
    CHECK(back->input.chunk_words == 0);
    CHECK(back->input.min_word_chars == 1);
    CHECK(back->corpus.vocab == s.corpus.vocab);
    CHECK(back->corpus.vocab_df == s.corpus.vocab_df);
    CHECK(back->corpus.tokens == s.corpus.tokens);
    CHECK(back->corpus.chunk_start == s.corpus.chunk_start);
    CHECK(back->corpus.chunk_doc == s.corpus.chunk_doc);
    CHECK(back->corpus.doc_ids == s.corpus.doc_ids);
    CHECK(back->corpus.token_position == s.corpus.token_position);
    CHECK(back->model == s.model);
    CHECK(analysis::topics::SaveModel(*back) == bytes);
}

TEST_CASE("a saved topic model of an empty corpus round-trips too") {
    SavedModel s;
    s.corpus.chunk_start = {0};
    auto back = analysis::topics::LoadModel(analysis::topics::SaveModel(s));
    REQUIRE_MESSAGE(back.ok(), back.status().ToString());
    CHECK(back->corpus.Chunks() == 0);
    CHECK(back->corpus.tokens.empty());
}

TEST_CASE("a model saved by a newer version is refused as such; damaged bytes are refused as damaged") {
    std::string bytes = analysis::topics::SaveModel(Sample());
    std::string newer = bytes;
    newer[4] = static_cast<char>(analysis::topics::kSavedModelVersion + 1);   // the version varint
    auto refused = analysis::topics::LoadModel(newer);
    CHECK(refused.status().code() == core::StatusCode::Unsupported);
    CHECK(refused.status().message().find("saved by a newer Corpus Lens") != std::string::npos);

    for (size_t at : {size_t(5), bytes.size() / 2, bytes.size() - 12}) {
        std::string flipped = bytes;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x40);
        auto damaged = analysis::topics::LoadModel(flipped);
        CHECK(damaged.status().code() == core::StatusCode::Corrupt);
        CHECK(damaged.status().message().find("damaged") != std::string::npos);
    }
    CHECK(analysis::topics::LoadModel(bytes.substr(0, bytes.size() - 1)).status().code() == core::StatusCode::Corrupt);
    CHECK(analysis::topics::LoadModel("").status().code() == core::StatusCode::Corrupt);
    CHECK(analysis::topics::LoadModel("CLTM").status().code() == core::StatusCode::Corrupt);
}

TEST_CASE("the settings are also written as JSON for readers of the bundle") {
    const SavedModel s = Sample();
    const std::string json = analysis::topics::SettingsJson(s.train, s.input);
    CHECK(json.find("\"topics\":7") != std::string::npos);
    CHECK(json.find("\"sampler\":\"dense\"") != std::string::npos);
    CHECK(json.find("\"user_stopwords\":[\"mr\",\"Straße\"]") != std::string::npos);
}

}  // TEST_SUITE
