// The Search view's list beyond its first page, and Export CSV of every match. ShowMoreHits appends the next
// page of the searched query's hits (with snippets) to AppState::results; ExportSearchResults downloads
// search.csv at once when every match is listed, else queues a SearchExportJob that makes the rest page by
// page (each page a ranked query and its snippets: a few ms) and downloads the file when done.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/search.h"
#include "app/job.h"

namespace app {

struct AppState;

// Hits as a table: rank, title, date, source, snippet (highlight markers removed), then the rest of each
// document's metadata (language, author, url and every extra field of `documents`); TSV ('\t') or CSV (',').
std::string SearchHitsTable(const std::vector<store::SearchHit>& hits, const std::vector<store::DocumentSummary>& documents,
                            char separator);

// Appends up to kSearchHitLimit more hits of the searched query to state.results (the list's "Show more").
void ShowMoreHits(AppState& state);

// Export CSV: search.csv with every matching document, best first.
void ExportSearchResults(AppState& state);

class SearchExportJob : public Job {
public:
    SearchExportJob(std::shared_ptr<store::Corpus> corpus, analysis::ParsedQuery query, store::DocFilter subcorpus,
                    std::vector<store::SearchHit> first, int64_t total);
    JobState Step(core::Deadline deadline) override;
    void Finish(AppState& state) override;

    static constexpr int kPageHits = 10;

private:
    std::shared_ptr<store::Corpus> Corpus;
    analysis::ParsedQuery Query;
    store::DocFilter Subcorpus;
    std::vector<store::SearchHit> Hits;
    int64_t Total = 0;
};

}  // namespace app
