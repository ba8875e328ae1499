// Benchmark workload: passage alignment (analysis/compare/align.h) of two ~10,000-word documents made from the
// State of the Union addresses — A the first addresses, B the last ones with every 12th sentence of A copied in
// (every other copy with one word changed) — and of a ~1 MB document against a ~1 KB one. Stepped as the app
// steps a job (6 ms budgets). Tokenising and sentence splitting (a plain split at ". ", "? ", "! " and blank
// lines, until text/sentences is used) are not timed.
//
//     corpuslens_compare_bench DIR [REPEAT]    → one JSON line per measure on stdout
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "analysis/compare/align.h"
#include "bench_common.h"
#include "core/deadline.h"
#include "text/stopwords.h"
#include "text/tokenizer.h"

namespace {

using analysis::compare::AlignSide;

// Sentence ends: after ". ", "? ", "! " and at blank lines; byte offsets one past each end.
std::vector<size_t> SentenceEnds(const std::string& t) {
    std::vector<size_t> ends;
    for (size_t k = 0; k + 1 < t.size(); ++k) {
        if ((t[k] == '.' || t[k] == '?' || t[k] == '!') && (t[k + 1] == ' ' || t[k + 1] == '\n')) ends.push_back(k + 1);
        else if (t[k] == '\n' && t[k + 1] == '\n') ends.push_back(k + 1);
    }
    ends.push_back(t.size());
    return ends;
}

AlignSide SideOf(const std::string& t, std::map<std::string, uint32_t>* keys) {
    AlignSide side;
    const uint32_t en = text::StopwordLanguageBit("en");
    text::Tokenizer tokenizer;
    tokenizer.Reset(t);
    text::Token token;
    bool more = tokenizer.Next(&token);
    size_t begin = 0;
    for (size_t end : SentenceEnds(t)) {
        const uint32_t index = static_cast<uint32_t>(side.sentences.size());
        bool any = false;
        for (; more && token.byte_offset < end; more = tokenizer.Next(&token)) {
            const uint32_t key = keys->emplace(token.norm, static_cast<uint32_t>(keys->size())).first->second;
            side.tokens.push_back({token.byte_offset, token.byte_offset + token.byte_length, index, key,
                                   (text::StopwordLanguages(token.norm) & en) != 0});
            any = true;
        }
        if (any) side.sentences.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end), 0});
        begin = end;
    }
    return side;
}

size_t Words(const std::string& t) { return text::Tokenize(t).size(); }

// Wall and process CPU time (on a shared machine the CPU time is the steadier figure).
struct Timing {
    double ms = 1e30, cpu_ms = 0, longest_step_ms = 0, longest_step_cpu_ms = 0;
    int steps = 0;
    size_t pairs = 0, copies_found = 0;
};

// `copies`: byte ranges of B copied from A; a copy counts as found when one pair's B bytes hold most of it.
Timing Measure(const AlignSide& a, const AlignSide& b, const std::vector<std::pair<size_t, size_t>>& copies, int repeat) {
    Timing best;
    for (int r = 0; r < repeat; ++r) {
        analysis::compare::Aligner aligner(a, b);
        Timing run;
        run.ms = 0;
        const double start = core::NowMs();
        const std::clock_t cpu_start = std::clock();
        for (bool done = false; !done;) {
            const double step_start = core::NowMs();
            const std::clock_t step_cpu = std::clock();
            done = aligner.Step(core::Deadline::In(6.0));
            run.longest_step_ms = std::max(run.longest_step_ms, core::NowMs() - step_start);
            run.longest_step_cpu_ms = std::max(run.longest_step_cpu_ms, 1000.0 * double(std::clock() - step_cpu) / CLOCKS_PER_SEC);
            ++run.steps;
        }
        run.ms = core::NowMs() - start;
        run.cpu_ms = 1000.0 * double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        const analysis::compare::Alignment result = aligner.TakeResult();
        run.pairs = result.pairs.size();
        for (auto [begin, end] : copies) {
            bool found = false;
            for (const auto& p : result.pairs) {
                const size_t inside_begin = std::max<size_t>(begin, p.bytes[1].begin), inside_end = std::min<size_t>(end, p.bytes[1].end);
                found |= inside_end > inside_begin && 2 * (inside_end - inside_begin) >= end - begin;
            }
            run.copies_found += found;
        }
        if (run.ms < best.ms) best = run;
    }
    return best;
}

void Print(const char* target, const char* measure, const AlignSide& a, const AlignSide& b, size_t copies, const Timing& t) {
    std::printf("{\"target\":\"%s\",\"workload\":\"compare\",\"measure\":\"%s\",\"tokens_a\":%zu,\"tokens_b\":%zu,"
                "\"sentences_a\":%zu,\"sentences_b\":%zu,\"pairs\":%zu,\"copies\":%zu,\"copies_found\":%zu,\"ms\":%.2f,\"cpu_ms\":%.2f,\"steps\":%d,\"longest_step_ms\":%.2f,\"longest_step_cpu_ms\":%.2f}\n",
                target, measure, a.tokens.size(), b.tokens.size(), a.sentences.size(), b.sentences.size(), t.pairs, copies, t.copies_found, t.ms,
                t.cpu_ms, t.steps, t.longest_step_ms, t.longest_step_cpu_ms);
}

}  // namespace

int main(int argc, char** argv) {
    const char* target = bench::StartTarget();
    if (!target) return 1;
    if (argc < 2) { std::fprintf(stderr, "usage: corpuslens_compare_bench DIR [REPEAT]\n"); return 2; }
    const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::vector<std::filesystem::path> files = bench::TextFiles(argv[1]);
    if (files.size() < 4) return 1;
    // A: the first addresses up to 10,000 words; B: the last ones up to 10,000 words, A's sentences copied in.
    std::string a, b;
    for (size_t k = 0; k < files.size() && Words(a) < 10000; ++k) a += bench::ReadFile(files[k]) + "\n\n";
    std::vector<std::string> copies;
    size_t begin = 0;
    const std::vector<size_t> ends = SentenceEnds(a);
    for (size_t k = 0; k < ends.size(); begin = ends[k++])
        if (k % 12 == 5) {
            std::string s = a.substr(begin, ends[k] - begin);
            if (copies.size() % 2 && s.find(" the ") != std::string::npos) s.replace(s.find(" the "), 5, " this ");
            copies.push_back(s);
        }
    size_t b_words = 0;
    std::vector<std::pair<size_t, size_t>> copied;   // byte ranges in B
    for (size_t k = files.size(); k-- > 0 && b_words < 10000;) {
        const std::string speech = bench::ReadFile(files[k]);
        const std::vector<size_t> speech_ends = SentenceEnds(speech);
        size_t from = 0;
        for (size_t e = 0; e < speech_ends.size() && b_words < 10000; from = speech_ends[e++]) {
            b_words += Words(speech.substr(from, speech_ends[e] - from));
            b += speech.substr(from, speech_ends[e] - from);
            if (e % 10 == 9 && !copies.empty()) {
                b_words += Words(copies.back());
                b += " ";
                copied.push_back({b.size(), b.size() + copies.back().size()});
                b += copies.back();
                copies.pop_back();
            }
        }
        b += "\n\n";
    }
    std::map<std::string, uint32_t> keys;
    const AlignSide side_a = SideOf(a, &keys), side_b = SideOf(b, &keys);
    Print(target, "10k_words", side_a, side_b, copied.size(), Measure(side_a, side_b, copied, repeat));
    // ~1 MB (the first addresses) against ~1 KB (one paragraph of the last address).
    std::string big, small = bench::ReadFile(files.back()).substr(0, 1024);
    for (size_t k = 0; k < files.size() && big.size() < (1u << 20); ++k) big += bench::ReadFile(files[k]) + "\n\n";
    const AlignSide side_big = SideOf(big, &keys), side_small = SideOf(small, &keys);
    Print(target, "1mb_vs_1kb", side_big, side_small, 0, Measure(side_big, side_small, {}, repeat));
    return 0;
}
