// The Search view's charts: what they measure (documents, occurrences, occurrences per million words), what
// the second chart groups by (source, or any metadata field of the corpus: SOTU's president, party), and the
// counts per value of that field. Update (UpdateSearchCharts) reads the corpus's field names when its
// documents change and counts per field value when the search or the choice changes; the panel only draws.
//
//     state.search_charts.group = "party";      // the user picked it; the next Update counts per party
//     double y = app::MeasureValue(count, state.search_charts.measure);
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/corpus.h"

namespace app {

struct AppState;

enum class ChartMeasure { Documents, Occurrences, PerMillionWords };
inline constexpr ChartMeasure kChartMeasures[] = {ChartMeasure::Documents, ChartMeasure::Occurrences,
                                                  ChartMeasure::PerMillionWords};
const char* ChartMeasureId(ChartMeasure measure);      // "documents", "occurrences", "per-million" (test API)
const char* ChartMeasureLabel(ChartMeasure measure);   // "documents", "occurrences", "per million words" (UI)
// The value a chart draws for a key: matching documents, hits in their text, or hits per million words of
// every document under the key that the filters keep (0 when those have no words).
double MeasureValue(const store::KeyCount& count, ChartMeasure measure);

// The group that is not a metadata field: documents' source (counted with the search itself).
inline constexpr const char* kGroupBySource = "source";

struct SearchCharts {
    ChartMeasure measure = ChartMeasure::Occurrences;
    std::string group = kGroupBySource;      // kGroupBySource or a field name
    std::vector<std::string> fields;          // the corpus's field names, the other choices for `group`
    uint64_t fields_version = ~0ull;          // the documents_version `fields` were read for
    std::vector<store::KeyCount> by_group;    // counts per value of `group` when it is a field
    std::string by_group_key;                 // the search and group they are for
    std::string error;                        // why counting per field failed ("" when it worked)
};

// Each frame (from Update, after the search): keeps `fields` and `by_group` in step with the corpus, the
// search and the chosen group. A group the corpus does not have falls back to source.
void UpdateSearchCharts(AppState& state);

// The counts the second chart draws: results.by_source or by_group.
const std::vector<store::KeyCount>& GroupCounts(const AppState& state);

}  // namespace app
