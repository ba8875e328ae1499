// The Search charts' state (see search_charts.h): field names per corpus version, counts per field value
// per search.
#include "app/search_charts.h"

#include <algorithm>

#include "app/app_state.h"

namespace app {

const char* ChartMeasureId(ChartMeasure measure) {
    switch (measure) {
    case ChartMeasure::Documents: return "documents";
    case ChartMeasure::Occurrences: return "occurrences";
    case ChartMeasure::PerMillionWords: return "per-million";
    }
    return "";
}

const char* ChartMeasureLabel(ChartMeasure measure) {
    return measure == ChartMeasure::PerMillionWords ? "per million words" : ChartMeasureId(measure);
}

double MeasureValue(const store::KeyCount& count, ChartMeasure measure) {
    switch (measure) {
    case ChartMeasure::Documents: return static_cast<double>(count.documents);
    case ChartMeasure::Occurrences: return static_cast<double>(count.occurrences);
    case ChartMeasure::PerMillionWords:
        return count.words > 0 ? static_cast<double>(count.occurrences) * 1e6 / static_cast<double>(count.words) : 0.0;
    }
    return 0;
}

void UpdateSearchCharts(AppState& state) {
    SearchCharts& c = state.search_charts;
    if (c.fields_version != state.documents_version) {
        c.fields_version = state.documents_version;
        auto fields = state.corpus->FieldKeys();
        c.fields = fields.ok() ? std::move(*fields) : std::vector<std::string>();
    }
    if (c.group != kGroupBySource && std::find(c.fields.begin(), c.fields.end(), c.group) == c.fields.end())
        c.group = kGroupBySource;
    const std::string key = c.group == kGroupBySource ? "" : state.search_key + '\x1f' + c.group;
    if (key == c.by_group_key) return;
    c.by_group_key = key;
    c.by_group.clear();
    c.error.clear();
    if (key.empty() || !state.query_parsed) return;
    auto counts = analysis::CountByField(*state.corpus, state.parsed_query, state.subcorpus, c.group);
    if (!counts.ok()) { c.error = counts.status().message(); return; }
    c.by_group = std::move(*counts);
}

const std::vector<store::KeyCount>& GroupCounts(const AppState& state) {
    return state.search_charts.group == kGroupBySource ? state.results.by_source : state.search_charts.by_group;
}

}  // namespace app
