// Benchmark workload 1: tokenizing and FTS5-indexing a real corpus (the State of the Union addresses).
// The same source runs natively and in wasm under node; bench/run.sh runs both and prints the ratio.
//
//     corpuslens_bench DIR [REPEAT]    → one JSON line per phase on stdout
//
// Phases: "tokenize" (text::Tokenizer over every text) and "index" (documents inserted into an in-memory
// corpus, FTS5 with the icu tokenizer, one transaction). Each phase runs REPEAT times (default 3); the best
// run is reported, as MB/s of UTF-8 input; "index" also reports the slowest single document insert and commit
// (what bounds how long one step of an indexing job can overrun its budget).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "store/corpus.h"
#include "text/icu_data.h"
#include "text/tokenizer.h"

namespace {

struct Text { std::string name, body; };

std::vector<Text> ReadTexts(const std::string& dir) {
    std::vector<Text> texts;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".txt") continue;
        std::ifstream f(entry.path(), std::ios::binary);
        std::ostringstream s;
        s << f.rdbuf();
        texts.push_back({entry.path().filename().string(), s.str()});
    }
    std::sort(texts.begin(), texts.end(), [](const Text& a, const Text& b) { return a.name < b.name; });
    return texts;
}

double Seconds(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
#ifdef CL_BENCH_ICU_DATA
    if (core::Status s = text::LoadIcuData(CL_BENCH_ICU_DATA); !s.ok()) { std::fprintf(stderr, "%s\n", s.ToString().c_str()); return 1; }
    const char* target = "wasm";
#else
    const char* target = "native";
#endif
    if (argc < 2) { std::fprintf(stderr, "usage: corpuslens_bench DIR [REPEAT]\n"); return 2; }
    int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::vector<Text> texts = ReadTexts(argv[1]);
    if (texts.empty()) { std::fprintf(stderr, "no .txt files in %s\n", argv[1]); return 1; }
    double bytes = 0;
    for (const Text& t : texts) bytes += static_cast<double>(t.body.size());
    double mb = bytes / 1e6;

    double best_tokenize = 1e30, best_index = 1e30, worst_document_ms = 0, worst_commit_ms = 0;
    size_t tokens = 0;
    for (int r = 0; r < repeat; ++r) {
        auto start = std::chrono::steady_clock::now();
        text::Tokenizer tok;
        text::Token t;
        tokens = 0;
        for (const Text& text : texts) {
            tok.Reset(text.body);
            while (tok.Next(&t)) ++tokens;
        }
        best_tokenize = std::min(best_tokenize, Seconds(start));
    }
    for (int r = 0; r < repeat; ++r) {
        auto start = std::chrono::steady_clock::now();
        auto corpus = store::Corpus::Create(":memory:");
        if (!corpus.ok()) { std::fprintf(stderr, "%s\n", corpus.status().ToString().c_str()); return 1; }
        corpus->Begin();
        for (const Text& text : texts) {
            double doc_start = core::NowMs();
            auto id = corpus->AddDocument({.title = text.name, .text = text.body});
            if (!id.ok()) { std::fprintf(stderr, "%s\n", id.status().ToString().c_str()); return 1; }
            worst_document_ms = std::max(worst_document_ms, core::NowMs() - doc_start);
        }
        double commit_start = core::NowMs();
        corpus->Commit();
        worst_commit_ms = std::max(worst_commit_ms, core::NowMs() - commit_start);
        best_index = std::min(best_index, Seconds(start));
    }
    std::printf("{\"target\":\"%s\",\"phase\":\"tokenize\",\"documents\":%zu,\"mb\":%.2f,\"tokens\":%zu,"
                "\"seconds\":%.3f,\"mb_per_s\":%.2f}\n", target, texts.size(), mb, tokens, best_tokenize, mb / best_tokenize);
    std::printf("{\"target\":\"%s\",\"phase\":\"index\",\"documents\":%zu,\"mb\":%.2f,\"tokens\":%zu,"
                "\"seconds\":%.3f,\"mb_per_s\":%.2f,\"worst_document_ms\":%.2f,\"worst_commit_ms\":%.2f}\n",
                target, texts.size(), mb, tokens, best_index, mb / best_index, worst_document_ms, worst_commit_ms);
    return 0;
}
