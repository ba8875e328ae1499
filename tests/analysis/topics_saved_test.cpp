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

TEST_CASE("a large saved model is written and read in slices, with the same bytes and model as in one go") {
    // 300,000 tokens in 300 chunks of 60 documents, 5,000 words, and 600 KB of sampler bytes.
    SavedModel s = Sample();
    analysis::topics::TopicCorpus& c = s.corpus;
    c = {};
    for (uint32_t w = 0; w < 5000; ++w) {
        c.vocab.push_back("w" + std::to_string(w));
        c.vocab_df.push_back(1 + w % 60);
    }
    c.chunk_start = {0};
    uint32_t x = 3;
    for (uint32_t chunk = 0; chunk < 300; ++chunk) {
        for (uint32_t i = 0; i < 1000; ++i) {
            x = x * 1103515245u + 12345u;
            c.tokens.push_back((x >> 8) % 5000);
            c.token_position.push_back((chunk % 5) * 2400 + 2 * i + (x >> 31));   // ascending within a document
        }
        c.chunk_start.push_back(static_cast<uint32_t>(c.tokens.size()));
        c.chunk_doc.push_back(chunk / 5);
    }
    for (int64_t d = 0; d < 60; ++d) c.doc_ids.push_back(10 + 3 * d);
    s.model.assign(600000, '\0');
    for (size_t i = 0; i < s.model.size(); ++i) s.model[i] = static_cast<char>(i * 7 % 251);
    const std::string whole = analysis::topics::SaveModel(s);

    const core::Deadline spent = core::Deadline::In(-1);   // each Step does one piece
    analysis::topics::SavedModelWriter writer(s.train, s.input, s.corpus, s.model);
    int write_steps = 1;
    double progress = 0;
    for (; !writer.Step(spent); ++write_steps) {
        CHECK(writer.Progress() >= progress);
        progress = writer.Progress();
    }
    CHECK(write_steps >= 10);   // settings, 5 + 5 pieces of tokens and positions, the model, the checksum
    CHECK(writer.Take() == whole);

    analysis::topics::SavedModelReader reader(whole);
    int read_steps = 1;
    for (; !reader.Step(spent); ++read_steps) {}
    CHECK(read_steps >= 10);
    auto back = reader.Take();
    REQUIRE_MESSAGE(back.ok(), back.status().ToString());
    CHECK(back->corpus.tokens == c.tokens);
    CHECK(back->corpus.token_position == c.token_position);
    CHECK(back->corpus.chunk_doc == c.chunk_doc);
    CHECK(back->corpus.doc_ids == c.doc_ids);
    CHECK(back->model == s.model);
    CHECK(analysis::topics::SaveModel(*back) == whole);

    // Damage found in slices too: the checksum first.
    std::string flipped = whole;
    flipped[whole.size() / 3] = static_cast<char>(flipped[whole.size() / 3] ^ 1);
    analysis::topics::SavedModelReader damaged(flipped);
    while (!damaged.Step(spent)) {}
    CHECK(damaged.Take().status().message() == "this saved topic model is damaged (checksum)");
}

}  // TEST_SUITE
