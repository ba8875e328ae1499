// The Concordance view's data: a KwicSession (the concordance of the searched query, built and sorted by a
// ConcordanceJob a few milliseconds per frame) and UpdateConcordance, which Update calls each frame to start,
// restart, sort and filter it as the query, width, sort keys and filter word change. Drawing is the UI's.
//
// The session is shared: AppState::kwic holds it for the panel, the job holds it while it builds or sorts.
// Lines appear as the build goes (document order); once it is done, the sort runs as a job too, then the
// context-word filter (cheap) gives `shown`. A query change replaces the session and cancels its job.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/concordance.h"
#include "app/job.h"
#include "store/corpus.h"

namespace app {

struct AppState;

struct KwicSession {
    std::string key;                                  // what it was built for (query, options, corpus version)
    std::shared_ptr<store::Corpus> corpus;            // kept open while the builder reads it
    std::unique_ptr<analysis::ConcordanceBuilder> builder;   // null when the query did not start
    core::Status status;                              // why the build failed or did not start
    uint64_t job_id = 0;                              // the job building or sorting it (0: none)
    bool built = false;                               // the build finished (lines are complete)
    bool cancelled = false;                           // the user cancelled the build: lines are partial
    double started_ms = 0, first_lines_ms = -1, built_ms = -1;   // timings (core::NowMs) for the test API
    double sort_started_ms = 0, sorted_ms = -1;       // the latest re-sort's duration (-1 while it runs)

    // Sorting: `sort` runs (in the job) towards `sorting_keys`; `order` is complete for `sorted_keys`.
    std::vector<analysis::SortKey> sorting_keys, sorted_keys;
    std::unique_ptr<analysis::ConcordanceSort> sort;
    bool sorted = false;
    bool sort_cancelled = false;                      // a re-sort was cancelled (Update restores the keys)
    std::vector<uint32_t> order;

    // Filtering: `shown` is `order` kept by `filtered_word` (valid once sorted).
    std::string filtered_word;
    std::vector<uint32_t> shown;

    // The dispersion plot's rows: the documents with hits among the lines shown, in document order. While no
    // context filter applies a strip shows its document's hit_token_indices (every hit, even past max_lines);
    // filtered, `token_indices` holds the positions of the lines the filter kept (ascending). Kept by Update:
    // grown as the build finishes documents, remade when the filter changes.
    struct Strip {
        uint32_t document = 0;                  // index into Concordance::documents
        std::vector<uint32_t> token_indices;    // filtered: the hits shown; else empty
    };
    std::vector<Strip> strips;
    bool strips_filtered = false;               // `strips` follow filtered_word
    std::string strips_word;                    // … the word they were made for
    size_t strips_documents = 0;                // unfiltered: documents looked at so far

    const analysis::Concordance* Lines() const { return builder ? &builder->result() : nullptr; }
    // A strip's hit positions (token indices, ascending).
    const std::vector<uint32_t>& StripHits(const Strip& strip) const;
    // Rows the view lists: lines so far in document order while building, else `shown`.
    size_t RowCount() const;
    uint32_t LineAt(size_t row) const;
};

// Builds (then sorts) a session's concordance in steps; on cancel the lines so far stay readable.
class ConcordanceJob : public Job {
public:
    explicit ConcordanceJob(std::shared_ptr<KwicSession> session);
    JobState Step(core::Deadline deadline) override;
    void Abandon() override;

private:
    std::shared_ptr<KwicSession> Session;
};

// Each frame (from Update): keeps state.kwic in step with the searched query, state.kwic_width_chars,
// state.kwic_sort and state.kwic_filter, while the Concordance view shows (or a session exists).
void UpdateConcordance(AppState& state);

// Opens the Reader at a concordance line's hit.
void OpenConcordanceLine(AppState& state, const analysis::ConcordanceLine& line);

// How a line's document is named in the view and exports: its title, with its year in parentheses unless the
// title holds it already ("George Washington, 1790"; "Interview (2016)"; "Notes" without a date).
std::string DocumentLabel(const analysis::ConcordanceDocument& document);
// The same, year first, for a narrow column whose end may be cut: "1790 · George Washington" (a year at the
// end of the title is not repeated); the title alone when the document has no year.
std::string DocumentColumnLabel(const analysis::ConcordanceDocument& document);

// The rows shown, as a table with a header: document, left, hit, right, then the document's metadata from
// `documents` (source, date, language, author, url and every extra field); TSV with `separator` '\t', else
// CSV with quoting.
std::string ConcordanceTable(const KwicSession& session, const std::vector<store::DocumentSummary>& documents,
                             char separator);

// "R1,R2" for the test API; "doc" for document order.
std::string SortSpec(const std::vector<analysis::SortKey>& keys);

}  // namespace app
