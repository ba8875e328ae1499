// Benchmark workload 4: the app's own import of the shipped State of the Union (24 gzipped JSON Lines files), the
// path a click on the start page takes after the files are fetched: ImportJob (reading, finishing) then
// IndexJob (indexing, listing, saving word counts, committing) into a stored corpus file, pumped in 6 ms
// budgets as the frame loop pumps them. The same source runs natively and in wasm under node; bench/run.sh
// prints both and the ratio, phase by phase (what the browser adds on top is frames and fetching, measured by
// bench/browser_import.mjs).
//
//     corpuslens_import_bench DIR [REPEAT]    → one JSON line: best run's seconds, per-phase ms, longest step
#include <chrono>
#include <filesystem>
#include <map>

#include "app/app_state.h"
#include "app/corpora.h"
#include "bench_common.h"
#include "core/file.h"
#include "text/gzip.h"

int main(int argc, char** argv) {
    const char* target = bench::StartTarget();
    if (!target) return 1;
    if (argc < 2) { std::fprintf(stderr, "usage: corpuslens_import_bench DIR [REPEAT]\n"); return 2; }
    const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::vector<app::ImportFile> files;
    double bytes = 0;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1]))
        if (entry.path().extension() == ".jsonl" || entry.path().filename().string().ends_with(".jsonl.gz")) {
            files.push_back({.name = entry.path().filename().string(), .path = entry.path().string()});
            auto contents = core::ReadFile(entry.path().string());   // MB/s counts the text, not the download
            auto text = contents.ok() && text::LooksGzipped(*contents) ? text::Gunzip(*contents) : contents;
            bytes += text.ok() ? static_cast<double>(text->size()) : 0;
        }
    if (files.empty()) { std::fprintf(stderr, "no .jsonl or .jsonl.gz files in %s\n", argv[1]); return 1; }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    const std::string storage = (std::filesystem::temp_directory_path() / "corpuslens-import-bench").string();

    double best = 1e30, longest = 0;
    std::map<std::string, double> best_phases;
    size_t documents = 0;
    for (int r = 0; r < repeat; ++r) {
        std::filesystem::remove_all(storage);
        app::AppState state;
        app::OpenStorage(state, storage, "");
        auto start = std::chrono::steady_clock::now();
        // ImportJob only reads: the files stay where they are.
        app::ImportFiles(state, files, app::ImportTarget::NewCorpus, "sotu");
        std::map<std::string, double> phases;
        while (state.jobs.Busy()) {
            state.jobs.Pump(6.0, state);
        }
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        for (const app::JobInfo& job : state.jobs.Snapshot()) {
            if (job.state != app::JobState::Done) {
                std::fprintf(stderr, "%s: %s %s\n", job.name.c_str(), app::JobStateName(job.state), job.message.c_str());
                return 1;
            }
            longest = std::max(longest, job.longest_step_ms);
            for (const auto& [phase, ms] : job.phase_ms) phases[phase] += ms;
        }
        documents = state.documents.size();
        if (seconds < best) { best = seconds; best_phases = phases; }
    }
    std::filesystem::remove_all(storage);
    std::printf("{\"target\":\"%s\",\"files\":%zu,\"documents\":%zu,\"mb\":%.2f,\"seconds\":%.3f,\"mb_per_s\":%.2f,"
                "\"longest_step_ms\":%.1f,\"phase_ms\":{", target, files.size(), documents, bytes / 1e6, best,
                bytes / 1e6 / best, longest);
    const char* comma = "";
    for (const auto& [phase, ms] : best_phases) { std::printf("%s\"%s\":%.1f", comma, phase.c_str(), ms); comma = ","; }
    std::printf("}}\n");
    return 0;
}
