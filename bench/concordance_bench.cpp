// Benchmark workload 2: the concordance on a real corpus (the State of the Union addresses), stepped the way the
// app's frame loop steps it (a 6 ms budget per step). Same source natively and in wasm; bench/run.sh runs both.
//
//     corpuslens_concordance_bench DIR [REPEAT]    → one JSON line per measure on stdout
//
// Measures: "first50" (query parsed and steps run until 50 lines of "war" are readable: what the user waits for
// before the first screenful), "build" ("war" and "states" built to the end), "sort" ("states" sorted by R1
// and by L1; then "the", ~10× larger, built and sorted by R1,R2 once). Each reports its total ms (best of REPEAT runs), the Start call's ms, its longest single step and
// how many steps took over 8 ms (worst of the runs): on a loaded machine a step can also lose a scheduler tick.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "analysis/concordance.h"
#include "analysis/query.h"
#include "bench_common.h"
#include "core/deadline.h"
#include "store/corpus.h"

namespace {

constexpr double kStepBudgetMs = 6.0;
constexpr double kSlowStepMs = 8.0;   // a step longer than this is counted as a frame overrun

struct Timing {
    double total_ms = 1e30, setup_ms = 0, longest_step_ms = 0;
    int steps = 0, slow_steps = 0;
    size_t lines = 0;
};

struct Run {
    double ms = 0, setup_ms = 0, longest_step_ms = 0;
    int steps = 0, slow_steps = 0;
};

// Steps `step` with the frame budget until it returns true or `enough` says stop. `setup_ms` (the Start call:
// query parsing and the candidate lookup) counts in the total; it is reported apart from the steps.
template <class StepFn, class EnoughFn>
Run StepAll(double setup_ms, StepFn step, EnoughFn enough) {
    Run run{.ms = setup_ms, .setup_ms = setup_ms};
    double start = core::NowMs();
    for (;;) {
        double step_start = core::NowMs();
        bool done = step(core::Deadline::In(kStepBudgetMs));
        double step_ms = core::NowMs() - step_start;
        run.longest_step_ms = std::max(run.longest_step_ms, step_ms);
        run.slow_steps += step_ms > kSlowStepMs;
        ++run.steps;
        if (done || enough()) break;
    }
    run.ms += core::NowMs() - start;
    return run;
}

// Keeps the best total over repeats, and the worst step and setup of any.
void Keep(Timing* timing, const Run& run, size_t lines) {
    if (run.ms < timing->total_ms) { timing->total_ms = run.ms; timing->steps = run.steps; }
    timing->setup_ms = std::max(timing->setup_ms, run.setup_ms);
    timing->longest_step_ms = std::max(timing->longest_step_ms, run.longest_step_ms);
    timing->slow_steps = std::max(timing->slow_steps, run.slow_steps);
    timing->lines = lines;
}

void Print(const char* target, const char* measure, const char* query, const char* detail, const Timing& t) {
    std::printf("{\"target\":\"%s\",\"workload\":\"concordance\",\"measure\":\"%s\",\"query\":\"%s\",\"detail\":\"%s\","
                "\"lines\":%zu,\"ms\":%.2f,\"setup_ms\":%.2f,\"steps\":%d,\"longest_step_ms\":%.2f,\"slow_steps\":%d}\n",
                target, measure, query, detail, t.lines, t.total_ms, t.setup_ms, t.steps, t.longest_step_ms, t.slow_steps);
}

}  // namespace

int main(int argc, char** argv) {
    const char* target = bench::StartTarget();
    if (!target) return 1;
    if (argc < 2) { std::fprintf(stderr, "usage: corpuslens_concordance_bench DIR [REPEAT]\n"); return 2; }
    int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::vector<std::filesystem::path> files = bench::TextFiles(argv[1]);
    if (files.empty()) return 1;
    auto corpus = store::Corpus::Create(":memory:");
    if (!corpus.ok()) { std::fprintf(stderr, "%s\n", corpus.status().ToString().c_str()); return 1; }
    corpus->Begin();
    for (const auto& file : files) {
        if (auto id = corpus->AddDocument({.title = file.filename().string(), .text = bench::ReadFile(file)}); !id.ok()) {
            std::fprintf(stderr, "%s\n", id.status().ToString().c_str());
            return 1;
        }
    }
    if (core::Status s = corpus->Commit(); !s.ok()) { std::fprintf(stderr, "%s\n", s.ToString().c_str()); return 1; }

    Timing first50, build_war, build_states, sort_r1, sort_l1, build_the, sort_the;
    auto start_build = [&](const char* word, double* setup_ms) {
        double start = core::NowMs();
        auto query = analysis::ParseQuery(word);
        if (!query.ok()) return core::Result<analysis::ConcordanceBuilder>(query.status());
        auto builder = analysis::ConcordanceBuilder::Start(*corpus, *query);
        *setup_ms = core::NowMs() - start;
        return builder;
    };
    for (int r = 0; r < repeat; ++r) {
        for (const char* word : {"war", "states"}) {
            // Time to the first screenful (parsing and the candidate lookup included), then the whole build.
            double setup_ms = 0;
            auto builder = start_build(word, &setup_ms);
            if (!builder.ok()) { std::fprintf(stderr, "%s\n", builder.status().ToString().c_str()); return 1; }
            auto step = [&](core::Deadline d) { return builder->Step(d); };
            bool war = word == std::string("war");
            if (war) {
                Run run = StepAll(setup_ms, step, [&] { return builder->result().lines.size() >= 50; });
                Keep(&first50, run, builder->result().lines.size());
                builder = start_build(word, &setup_ms);
            }
            Run run = StepAll(setup_ms, step, [] { return false; });
            Keep(war ? &build_war : &build_states, run, builder->result().lines.size());
            if (war) continue;
            analysis::Concordance kwic = builder->TakeResult();
            for (auto [key, timing] : {std::pair{analysis::SortKey::R1, &sort_r1}, std::pair{analysis::SortKey::L1, &sort_l1}}) {
                analysis::ConcordanceSort sort(kwic, {key});
                Run sorted = StepAll(0, [&](core::Deadline d) { return sort.Step(d); }, [] { return false; });
                Keep(timing, sorted, sort.order().size());
            }
        }
    }
    // A large concordance (every "the": ~10× the lines of "states"), built and sorted once, for how steps scale.
    {
        double setup_ms = 0;
        auto builder = start_build("the", &setup_ms);
        if (!builder.ok()) { std::fprintf(stderr, "%s\n", builder.status().ToString().c_str()); return 1; }
        Run run = StepAll(setup_ms, [&](core::Deadline d) { return builder->Step(d); }, [] { return false; });
        Keep(&build_the, run, builder->result().lines.size());
        analysis::ConcordanceSort sort(builder->result(), {analysis::SortKey::R1, analysis::SortKey::R2});
        Run sorted = StepAll(0, [&](core::Deadline d) { return sort.Step(d); }, [] { return false; });
        Keep(&sort_the, sorted, sort.order().size());
    }
    Print(target, "first50", "war", "until 50 lines are readable", first50);
    Print(target, "build", "war", "whole concordance", build_war);
    Print(target, "build", "states", "whole concordance", build_states);
    Print(target, "sort", "states", "R1", sort_r1);
    Print(target, "sort", "states", "L1", sort_l1);
    Print(target, "build", "the", "whole concordance", build_the);
    Print(target, "sort", "the", "R1,R2", sort_the);
    return 0;
}
