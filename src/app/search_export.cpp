#include "app/search_export.h"

#include <unordered_map>

#include "app/app_state.h"
#include "app/document_fields.h"
#include "core/table_text.h"

namespace app {

std::string SearchHitsTable(const std::vector<store::SearchHit>& hits, const std::vector<store::DocumentSummary>& documents,
                            char separator) {
    static constexpr FixedField kMore[] = {FixedField::Lang, FixedField::Author, FixedField::Url};
    std::unordered_map<int64_t, const store::DocumentSummary*> by_id;
    for (const store::DocumentSummary& d : documents) by_id[d.id] = &d;
    const std::vector<std::string> extra = ExtraFieldNames(documents);
    std::string out;
    for (const char* name : {"rank", "title", "date", "source", "snippet"}) core::AppendTableField(out, name, separator);
    AppendMetadataHeader(out, kMore, extra, separator);
    core::EndTableRow(out);
    int64_t rank = 0;
    for (const store::SearchHit& hit : hits) {
        std::string snippet;
        for (char c : hit.snippet)
            if (c != store::kHighlightBegin && c != store::kHighlightEnd) snippet += c;
        auto found = by_id.find(hit.doc_id);
        const store::DocumentSummary* doc = found == by_id.end() ? nullptr : found->second;
        core::AppendTableField(out, std::to_string(++rank), separator);
        core::AppendTableField(out, hit.title, separator);
        core::AppendTableField(out, doc ? doc->date : "", separator);
        core::AppendTableField(out, doc ? doc->source : "", separator);
        core::AppendTableField(out, snippet, separator);
        AppendMetadataRow(out, doc, kMore, extra, separator);
        core::EndTableRow(out);
    }
    return out;
}

void ShowMoreHits(AppState& state) {
    if (!state.corpus || !state.query_parsed) return;
    auto more = analysis::SearchPage(*state.corpus, state.parsed_query, state.subcorpus,
                                     static_cast<int64_t>(state.results.hits.size()), kSearchHitLimit);
    if (!more.ok()) { state.last_error = more.status().message(); return; }
    state.results.hits.insert(state.results.hits.end(), more->begin(), more->end());
}

void ExportSearchResults(AppState& state) {
    if (!state.corpus || !state.query_parsed || state.results.hits.empty()) return;
    if (static_cast<int64_t>(state.results.hits.size()) >= state.results.document_count) {
        RequestDownload(state, "search.csv", "text/csv", SearchHitsTable(state.results.hits, state.documents, ','));
        return;
    }
    state.jobs.Add(std::make_unique<SearchExportJob>(state.corpus, state.parsed_query, state.subcorpus,
                                                     state.results.hits, state.results.document_count));
}

SearchExportJob::SearchExportJob(std::shared_ptr<store::Corpus> corpus, analysis::ParsedQuery query,
                                 store::DocFilter subcorpus, std::vector<store::SearchHit> first, int64_t total)
    : Job("Exporting search results"), Corpus(std::move(corpus)), Query(std::move(query)),
      Subcorpus(std::move(subcorpus)), Hits(std::move(first)), Total(total) {
    Progress.phase = "making snippets";
    Progress.total = Total;
    Progress.done = static_cast<int64_t>(Hits.size());
}

JobState SearchExportJob::Step(core::Deadline deadline) {
    while (static_cast<int64_t>(Hits.size()) < Total) {   // at least one page per step
        auto page = analysis::SearchPage(*Corpus, Query, Subcorpus, static_cast<int64_t>(Hits.size()), kPageHits);
        if (!page.ok()) { Error = page.status(); return JobState::Failed; }
        if (page->empty()) break;   // fewer matches than counted (cannot happen: the search holds the corpus)
        Hits.insert(Hits.end(), page->begin(), page->end());
        Progress.done = static_cast<int64_t>(Hits.size());
        if (deadline.Expired() && static_cast<int64_t>(Hits.size()) < Total) return JobState::Running;
    }
    Summary = "exported " + std::to_string(Hits.size()) + " matching documents to search.csv";
    return JobState::Done;
}

void SearchExportJob::Finish(AppState& state) {
    RequestDownload(state, "search.csv", "text/csv", SearchHitsTable(Hits, state.documents, ','));
}

}  // namespace app
