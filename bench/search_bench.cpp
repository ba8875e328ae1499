// Benchmark workload 3: the Search view's queries on a real corpus (the State of the Union addresses). The same
// source runs natively and in wasm under node; bench/run.sh runs both and prints the ratios.
//
//     corpuslens_search_bench DIR [REPEAT]    → one JSON line per query kind, then one for all, on stdout
//
// The corpus is built once (title "State of the Union 1790, george washington", date the year, source the
// president). Then a fixed mix of
// 100 queries (frequent and rare words, phrases, prefixes, OR/NOT, NEAR, filters) runs REPEAT times (default
// 3); one query = ParseQuery + analysis::Search (count, per-year and per-source counts, the best 50 hits with
// snippets). A query's time is its best run; the lines report p50, p95 and max over the queries, in ms.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "analysis/query.h"
#include "analysis/search.h"
#include "bench_common.h"
#include "core/deadline.h"
#include "store/corpus.h"

namespace {

struct BenchQuery { const char* kind; const char* text; };

const BenchQuery kQueries[] = {
    {"frequent", "the"}, {"frequent", "states"}, {"frequent", "government"}, {"frequent", "congress"},
    {"frequent", "people"}, {"frequent", "nation"}, {"frequent", "war"}, {"frequent", "peace"},
    {"frequent", "year"}, {"frequent", "country"}, {"frequent", "public"}, {"frequent", "united"},
    {"frequent", "great"}, {"frequent", "new"}, {"frequent", "american"}, {"frequent", "world"},
    {"frequent", "time"}, {"frequent", "law"}, {"frequent", "power"}, {"frequent", "system"},
    {"rare", "tariff"}, {"rare", "slavery"}, {"rare", "internet"}, {"rare", "terrorism"}, {"rare", "nuclear"},
    {"rare", "railroad"}, {"rare", "bimetallism"}, {"rare", "emancipation"}, {"rare", "depression"},
    {"rare", "inflation"}, {"rare", "vietnam"}, {"rare", "korea"}, {"rare", "mexico"}, {"rare", "texas"},
    {"rare", "cuba"}, {"rare", "philippines"}, {"rare", "panama"}, {"rare", "oil"}, {"rare", "energy"},
    {"rare", "climate"},
    {"phrase", "\"united states\""}, {"phrase", "\"federal government\""}, {"phrase", "\"foreign affairs\""},
    {"phrase", "\"the people\""}, {"phrase", "\"health care\""}, {"phrase", "\"social security\""},
    {"phrase", "\"civil service\""}, {"phrase", "\"public debt\""}, {"phrase", "\"general welfare\""},
    {"phrase", "\"american people\""}, {"phrase", "\"in the world\""}, {"phrase", "\"the congress\""},
    {"phrase", "\"national defense\""}, {"phrase", "\"armed forces\""}, {"phrase", "\"last year\""},
    {"prefix", "terror*"}, {"prefix", "econom*"}, {"prefix", "constitution*"}, {"prefix", "tax*"},
    {"prefix", "immigra*"}, {"prefix", "educat*"}, {"prefix", "indian*"}, {"prefix", "treat*"},
    {"prefix", "revenu*"}, {"prefix", "\"united stat\"*"}, {"prefix", "\"foreign affair\"*"}, {"prefix", "democra*"},
    {"prefix", "milit*"}, {"prefix", "commerc*"}, {"prefix", "agricult*"},
    {"or_not", "war OR peace"}, {"or_not", "slavery OR emancipation"}, {"or_not", "tariff OR tax*"},
    {"or_not", "nuclear OR atomic"}, {"or_not", "oil -gas"}, {"or_not", "war -peace"}, {"or_not", "taxes -tariff"},
    {"or_not", "(iraq OR afghanistan) terror*"}, {"or_not", "congress -senate"}, {"or_not", "\"health care\" OR medicare"},
    {"near", "NEAR(war peace, 5)"}, {"near", "NEAR(tax cut)"}, {"near", "NEAR(foreign policy, 3)"},
    {"near", "NEAR(public debt, 5)"}, {"near", "NEAR(nuclear weapons, 5)"}, {"near", "NEAR(\"united states\" mexico, 10)"},
    {"near", "NEAR(slavery territory, 10)"}, {"near", "NEAR(economy growth, 10)"}, {"near", "NEAR(free trade, 2)"},
    {"near", "NEAR(civil rights, 3)"},
    {"filter", "war year:1900..1950"}, {"filter", "peace year:>=1950"}, {"filter", "tariff year:<=1900"},
    {"filter", "\"united states\" year:1990..2000"}, {"filter", "slavery source:lincoln"}, {"filter", "war source:roosevelt"},
    {"filter", "economy source:obama"}, {"filter", "title:washington"}, {"filter", "year:1800..1850"},
    {"filter", "congress source:\"george washington\""},
};
static_assert(sizeof kQueries / sizeof kQueries[0] == 100, "the mix is 100 queries");

// "1790_george_washington_n.txt" → "george washington" (the last part is a disambiguation letter).
std::string President(const std::string& file_name) {
    std::string name = file_name.size() > 5 ? file_name.substr(5) : "";
    name = name.substr(0, name.rfind('_'));
    std::replace(name.begin(), name.end(), '_', ' ');
    return name;
}

double Percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5)];
}

void Print(const char* target, const char* kind, const std::vector<double>& ms, const std::string& slowest) {
    std::printf("{\"target\":\"%s\",\"workload\":\"search\",\"kind\":\"%s\",\"queries\":%zu,\"p50_ms\":%.2f,"
                "\"p95_ms\":%.2f,\"max_ms\":%.2f,\"slowest\":\"%s\"}\n",
                target, kind, ms.size(), Percentile(ms, 0.5), Percentile(ms, 0.95),
                *std::max_element(ms.begin(), ms.end()), slowest.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    const char* target = bench::StartTarget();
    if (!target) return 1;
    if (argc < 2) { std::fprintf(stderr, "usage: corpuslens_search_bench DIR [REPEAT]\n"); return 2; }
    int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::vector<std::filesystem::path> files = bench::TextFiles(argv[1]);
    if (files.empty()) return 1;

    // The corpus, built once in one transaction.
    auto corpus = store::Corpus::Create(":memory:");
    core::Status s = corpus.ok() ? corpus->Begin() : corpus.status();
    for (size_t i = 0; i < files.size() && s.ok(); ++i) {
        std::string name = files[i].filename().string(), president = President(name), year = name.substr(0, 4);
        auto id = corpus->AddDocument({.title = "State of the Union " + year + ", " + president, .source = president,
                                       .date = year, .text = bench::ReadFile(files[i])});
        if (!id.ok()) s = id.status();
    }
    if (s.ok()) s = corpus->Commit();
    if (!s.ok()) { std::fprintf(stderr, "%s\n", s.ToString().c_str()); return 1; }

    std::vector<double> best(std::size(kQueries), 1e30);
    for (int r = 0; r < repeat; ++r) {
        for (size_t i = 0; i < std::size(kQueries); ++i) {
            double start = core::NowMs();
            auto query = analysis::ParseQuery(kQueries[i].text);
            if (!query.ok()) { std::fprintf(stderr, "%s: %s\n", kQueries[i].text, query.status().ToString().c_str()); return 1; }
            auto results = analysis::Search(*corpus, *query, {}, 50);
            if (!results.ok()) { std::fprintf(stderr, "%s: %s\n", kQueries[i].text, results.status().ToString().c_str()); return 1; }
            if (results->document_count == 0) { std::fprintf(stderr, "%s: no match\n", kQueries[i].text); return 1; }
            best[i] = std::min(best[i], core::NowMs() - start);
        }
    }
    // One line per kind in the order they first appear, then all of them.
    std::vector<std::string> kinds;
    for (const BenchQuery& q : kQueries)
        if (std::find(kinds.begin(), kinds.end(), q.kind) == kinds.end()) kinds.push_back(q.kind);
    kinds.push_back("all");
    for (const std::string& kind : kinds) {
        std::vector<double> ms;
        double slowest_ms = -1;
        std::string slowest;
        for (size_t i = 0; i < std::size(kQueries); ++i) {
            if (kind != "all" && kind != kQueries[i].kind) continue;
            ms.push_back(best[i]);
            if (best[i] > slowest_ms) { slowest_ms = best[i]; slowest = kQueries[i].text; }
        }
        std::string escaped;
        for (char c : slowest) { if (c == '"' || c == '\\') escaped += '\\'; escaped += c; }
        Print(target, kind.c_str(), ms, escaped);
    }
    return 0;
}
