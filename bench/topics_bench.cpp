// Benchmark workload: topic model training (analysis/topics) on the State of the Union, cut into chunks of
// about 1,000 kept words, and on Debian's `fortunes` (each fortune one document). For K = 20 and 100, the
// sparse sampler (SparseLDA, the app's) against the dense one (jsLDA's algorithm) built from the same code:
// sampled tokens/s in the first sweep and in the steady state, and the log-likelihood per token after S sweeps.
// Same source natively and in wasm; bench/run.sh runs both and prints ratios.
//
//     corpuslens_topics_bench SOTU_DIR FORTUNES_DIR [SWEEPS] [K,K…] [OUT_DIR]   → one JSON line per corpus × K × sampler
//
// With OUT_DIR, each corpus's chunks are also written to OUT_DIR/NAME.tokens.json ({"vocab": V, "chunks":
// [[word id, …], …]}) so a JavaScript peer (bench/browser_topics.mjs runs the npm package `lda` in the same
// Chromium page) samples exactly the same tokens.
//
// The input is built here with a small rule of the bench's own (letters only, at least 2 bytes, a short English
// stopword list, words in at least 2 documents): the app's builder (topics/input.h) is not used, so these
// figures measure the sampler alone. Hyperparameter optimisation is on, as in the app (burn-in 200, every 50:
// the first optimisation is after sweep 250, so shorter runs measure the sampler with the initial α and β).
// Steady state is the sweeps after the first tenth (at least sweep 2), measured in whole sweeps.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/topics/model.h"
#include "bench_common.h"
#include "core/deadline.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace {

using analysis::topics::SamplerKind;
using analysis::topics::TopicCorpus;

constexpr int kChunkWords = 1000;

// Common English function words: enough that the topics are not all "the", "of" and "and".
const char* const kStopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "may", "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same",
    "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "said", "say", "made", "make", "many",
    "much", "every", "well", "yet", "within", "without"};

// Bytes that are not UTF-8 read as Latin-1 (a few old fortunes).
std::string AsUtf8(std::string bytes) {
    if (text::FindInvalidUtf8(bytes) == std::string::npos) return bytes;
    std::string out;
    for (unsigned char c : bytes) {
        if (c < 0x80) out.push_back(static_cast<char>(c));
        else { out.push_back(static_cast<char>(0xc0 | (c >> 6))); out.push_back(static_cast<char>(0x80 | (c & 0x3f))); }
    }
    return out;
}

// The fortunes: every file without an extension in `dir` (art, computers, …), split at lines holding "%".
std::vector<std::string> ReadFortunes(const char* dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec))
        if (it->is_regular_file() && !it->path().has_extension()) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    for (const auto& file : files) {
        std::string all = AsUtf8(bench::ReadFile(file)), current;
        size_t at = 0;
        while (at < all.size()) {
            size_t end = all.find('\n', at);
            if (end == std::string::npos) end = all.size();
            std::string_view line(all.data() + at, end - at);
            if (line == "%") {
                if (!current.empty()) texts.push_back(std::move(current));
                current.clear();
            } else {
                current.append(line).push_back('\n');
            }
            at = end + 1;
        }
        if (!current.empty()) texts.push_back(std::move(current));
    }
    return texts;
}

// Texts → TopicCorpus: kept words, vocabulary in order of first appearance, documents of more than
// `chunk_words` kept words cut into equal chunks of at most that many (0: never cut).
TopicCorpus BuildCorpus(const std::vector<std::string>& texts, int chunk_words) {
    text::Tokenizer tokenizer;
    std::unordered_map<std::string, uint32_t> stop;
    for (const char* w : kStopwords) stop.emplace(w, 0);
    std::unordered_map<std::string, uint32_t> ids;   // lookups only; ids follow first appearance
    std::vector<std::string> words;
    std::vector<uint32_t> df;
    std::vector<std::vector<uint32_t>> docs(texts.size());
    text::Token token;
    for (size_t d = 0; d < texts.size(); ++d) {
        tokenizer.Reset(texts[d]);
        while (tokenizer.Next(&token)) {
            if (token.word_class != text::WordClass::Letter || token.norm.size() < 2 || stop.count(token.norm)) continue;
            auto [it, added] = ids.emplace(token.norm, static_cast<uint32_t>(words.size()));
            if (added) { words.push_back(token.norm); df.push_back(0); }
            docs[d].push_back(it->second);
        }
        std::vector<uint32_t> seen = docs[d];
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (uint32_t w : seen) ++df[w];
    }
    // Words in fewer than 2 documents go; the rest are renumbered in order of first appearance.
    std::vector<uint32_t> renumber(words.size(), UINT32_MAX);
    TopicCorpus corpus;
    for (uint32_t w = 0; w < words.size(); ++w)
        if (df[w] >= 2) {
            renumber[w] = static_cast<uint32_t>(corpus.vocab.size());
            corpus.vocab.push_back(words[w]);
            corpus.vocab_df.push_back(df[w]);
        }
    for (size_t d = 0; d < docs.size(); ++d) {
        std::vector<uint32_t> kept;
        for (uint32_t w : docs[d])
            if (renumber[w] != UINT32_MAX) kept.push_back(renumber[w]);
        if (kept.empty()) continue;
        uint32_t doc = static_cast<uint32_t>(corpus.doc_ids.size());
        corpus.doc_ids.push_back(static_cast<int64_t>(d) + 1);
        size_t pieces = chunk_words > 0 ? (kept.size() + chunk_words - 1) / chunk_words : 1;
        for (size_t p = 0; p < pieces; ++p) {
            size_t begin = kept.size() * p / pieces, end = kept.size() * (p + 1) / pieces;
            corpus.chunk_start.push_back(static_cast<uint32_t>(corpus.tokens.size()));
            corpus.chunk_doc.push_back(doc);
            for (size_t i = begin; i < end; ++i) {
                corpus.tokens.push_back(kept[i]);
                corpus.token_position.push_back(static_cast<uint32_t>(i));
            }
        }
    }
    corpus.chunk_start.push_back(static_cast<uint32_t>(corpus.tokens.size()));
    return corpus;
}

// The corpus's chunks as JSON for a JavaScript peer: {"vocab": V, "chunks": [[word id, …], …]}.
bool WriteTokens(const std::string& path, const TopicCorpus& corpus) {
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (!out) { std::fprintf(stderr, "cannot write %s\n", path.c_str()); return false; }
    std::fprintf(out, "{\"vocab\":%u,\"chunks\":[", corpus.VocabSize());
    for (size_t c = 0; c < corpus.Chunks(); ++c) {
        std::fputs(c ? ",[" : "[", out);
        for (uint32_t i = corpus.chunk_start[c]; i < corpus.chunk_start[c + 1]; ++i)
            std::fprintf(out, i == corpus.chunk_start[c] ? "%u" : ",%u", corpus.tokens[i]);
        std::fputc(']', out);
    }
    std::fputs("]}\n", out);
    return std::fclose(out) == 0;
}

// Trains one model for `sweeps` sweeps, one StepTokens(tokens) call per sweep, and prints its JSON line.
bool Measure(const char* target, const char* name, const TopicCorpus& corpus, int topics, SamplerKind kind, int sweeps) {
    analysis::topics::TrainSettings settings;
    settings.topics = topics;
    settings.sweeps = sweeps;
    settings.sampler = kind;
    double start_ms = core::NowMs();
    auto model = analysis::topics::TopicModel::Start(corpus, settings);
    if (!model.ok()) { std::fprintf(stderr, "%s\n", model.status().ToString().c_str()); return false; }
    double setup_ms = core::NowMs() - start_ms;
    const uint64_t tokens = corpus.tokens.size();
    int steady_from = std::max(2, sweeps / 10);
    double first_ms = 0, steady_ms = 0, steady_cpu_ms = 0;
    int steady_sweeps = 0;
    for (int sweep = 1; sweep <= sweeps; ++sweep) {
        double t0 = core::NowMs();
        std::clock_t c0 = std::clock();
        model->StepTokens(tokens);   // one whole sweep, and the optimisation after it when one is due
        double ms = core::NowMs() - t0, cpu_ms = (std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC;
        if (sweep == 1) first_ms = ms;
        if (sweep >= steady_from) { steady_ms += ms; steady_cpu_ms += cpu_ms; ++steady_sweeps; }
    }
    double ll_start = core::NowMs();
    double ll = model->LogLikelihoodPerToken();
    double ll_ms = core::NowMs() - ll_start;
    double alpha_sum = 0;
    for (double a : model->Alpha()) alpha_sum += a;
    std::printf("{\"target\":\"%s\",\"workload\":\"topics\",\"corpus\":\"%s\",\"documents\":%zu,\"chunks\":%zu,"
                "\"tokens\":%llu,\"vocab\":%u,\"k\":%d,\"sampler\":\"%s\",\"sweeps\":%d,\"setup_ms\":%.1f,"
                "\"first_sweep_tokens_per_s\":%.0f,\"steady_tokens_per_s\":%.0f,\"steady_cpu_tokens_per_s\":%.0f,"
                "\"steady_sweeps\":%d,"
                "\"ll_per_token\":%.5f,\"ll_ms\":%.1f,\"alpha_sum\":%.4f,\"beta\":%.5f,\"hash\":\"%016llx\","
                "\"seconds\":%.2f}\n",
                target, name, corpus.Documents(), corpus.Chunks(), static_cast<unsigned long long>(tokens),
                corpus.VocabSize(), topics, kind == SamplerKind::Sparse ? "sparse" : "dense", sweeps, setup_ms,
                tokens / (first_ms / 1000), tokens * steady_sweeps / (steady_ms / 1000),
                tokens * steady_sweeps / (steady_cpu_ms / 1000), steady_sweeps, ll, ll_ms,
                alpha_sum, model->Beta(), static_cast<unsigned long long>(model->Hash()),
                (core::NowMs() - start_ms) / 1000);
    std::fflush(stdout);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const char* target = bench::StartTarget();
    if (!target) return 1;
    if (argc < 3) { std::fprintf(stderr, "usage: corpuslens_topics_bench SOTU_DIR FORTUNES_DIR [SWEEPS] [K,K…]\n"); return 2; }
    int sweeps = argc > 3 ? std::max(2, std::atoi(argv[3])) : 1000;
    std::vector<int> ks = {20, 100};
    if (argc > 4) {
        ks.clear();
        for (const char* p = argv[4]; *p;) {
            ks.push_back(std::atoi(p));
            while (*p && *p != ',') ++p;
            if (*p == ',') ++p;
        }
    }
    std::vector<std::string> sotu;
    for (const auto& file : bench::TextFiles(argv[1])) sotu.push_back(AsUtf8(bench::ReadFile(file)));
    std::vector<std::string> fortunes = ReadFortunes(argv[2]);
    if (sotu.empty() || fortunes.empty()) { std::fprintf(stderr, "no texts (SOTU %zu, fortunes %zu)\n", sotu.size(), fortunes.size()); return 1; }
    const std::pair<const char*, TopicCorpus> corpora[] = {{"sotu", BuildCorpus(sotu, kChunkWords)},
                                                           {"fortunes", BuildCorpus(fortunes, 0)}};
    for (const auto& [name, corpus] : corpora)
        if (argc > 5 && !WriteTokens(std::string(argv[5]) + "/" + name + ".tokens.json", corpus)) return 1;
    for (const auto& [name, corpus] : corpora)
        for (int k : ks)
            for (SamplerKind kind : {SamplerKind::Sparse, SamplerKind::Dense})
                if (!Measure(target, name, corpus, k, kind, sweeps)) return 1;
    return 0;
}
