// The Concordance view's session and job: start on a query change, build and sort in steps, filter once sorted.
#include "app/concordance_job.h"

#include <unordered_map>

#include "app/app_state.h"
#include "app/document_fields.h"
#include "core/table_text.h"

namespace app {

size_t KwicSession::RowCount() const {
    if (sorted) return shown.size();
    return builder ? builder->result().lines.size() : 0;
}

uint32_t KwicSession::LineAt(size_t row) const { return sorted ? shown[row] : static_cast<uint32_t>(row); }

ConcordanceJob::ConcordanceJob(std::shared_ptr<KwicSession> session)
    : Job("Concordance"), Session(std::move(session)) {}

JobState ConcordanceJob::Step(core::Deadline deadline) {
    KwicSession& k = *Session;
    if (!k.built) {
        const bool over = k.builder->Step(deadline);
        Progress = {k.builder->DocumentsDone(), k.builder->DocumentsTotal(), "reading documents"};
        if (k.first_lines_ms < 0 && !k.builder->result().lines.empty()) k.first_lines_ms = core::NowMs() - k.started_ms;
        if (!over) return JobState::Running;
        if (!k.builder->status().ok()) {
            Error = k.status = k.builder->status();
            return JobState::Failed;
        }
        k.built = true;
        k.built_ms = core::NowMs() - k.started_ms;
        k.sort = std::make_unique<analysis::ConcordanceSort>(k.builder->result(), k.sorting_keys);
        if (deadline.Expired()) return JobState::Running;
    }
    Progress.phase = "sorting";
    if (!k.sort->Step(deadline)) return JobState::Running;
    k.order.assign(k.sort->order().begin(), k.sort->order().end());
    k.sort.reset();
    k.sorted_keys = k.sorting_keys;
    k.sorted = true;
    if (k.sort_started_ms > 0) k.sorted_ms = core::NowMs() - k.sort_started_ms;
    k.shown = k.order;
    k.filtered_word.clear();   // Update filters the new order again
    k.job_id = 0;
    const analysis::Concordance& kwic = k.builder->result();
    Summary = std::to_string(kwic.hit_count) + (kwic.hit_count == 1 ? " hit" : " hits") + " in " +
              std::to_string(kwic.documents.size()) + " documents";
    return JobState::Done;
}

void ConcordanceJob::Abandon() {
    KwicSession& k = *Session;
    if (!k.built && k.status.ok()) k.cancelled = true;   // the lines so far stay on screen, marked partial
    if (k.sort) {                                          // a re-sort stopped: keep the order we had
        k.sort.reset();
        k.sorting_keys = k.sorted_keys;
        k.sort_cancelled = k.built;
    }
    k.job_id = 0;
}

namespace {

void StartSession(AppState& state, std::string key) {
    if (state.kwic && state.kwic->job_id != 0) state.jobs.Cancel(state.kwic->job_id);
    auto k = std::make_shared<KwicSession>();
    k->key = std::move(key);
    k->corpus = state.corpus;
    k->started_ms = core::NowMs();
    k->sorting_keys = k->sorted_keys = state.kwic_sort;
    state.kwic = k;
    if (!state.query_parsed) return;   // no query, or query_error says what is wrong
    if (state.parsed_query.raw) {
        k->status = core::Error(core::StatusCode::InvalidInput,
                                "an fts: query has no words to show in context; write it in the query language");
        return;
    }
    analysis::ConcordanceOptions options{.width_chars = state.kwic_width_chars, .subcorpus = state.subcorpus};
    auto build = analysis::ConcordanceBuilder::Start(*state.corpus, state.parsed_query, options);
    if (!build.ok()) { k->status = build.status(); return; }
    k->builder = std::make_unique<analysis::ConcordanceBuilder>(std::move(*build));
    auto job = std::make_unique<ConcordanceJob>(k);
    job->Name = "Concordance of «" + state.searched_query + "»";
    k->job_id = state.jobs.Add(std::move(job));
}

}  // namespace

void UpdateConcordance(AppState& state) {
    if (state.view != View::Concordance && !state.kwic) return;   // built only once the view is wanted
    std::string key = state.search_key + '\x1f' + std::to_string(state.kwic_width_chars);
    if (!state.kwic || state.kwic->key != key) StartSession(state, std::move(key));
    KwicSession& k = *state.kwic;
    if (!k.built || k.job_id != 0) return;
    if (k.sort_cancelled) {   // the user stopped a re-sort: the view goes back to the order it shows
        k.sort_cancelled = false;
        state.kwic_sort = k.sorted_keys;
    }
    if (state.kwic_sort.size() > analysis::kMaxSortKeys) state.kwic_sort.resize(analysis::kMaxSortKeys);
    if (k.sorting_keys != state.kwic_sort) {
        k.sorting_keys = state.kwic_sort;
        k.sort = std::make_unique<analysis::ConcordanceSort>(k.builder->result(), k.sorting_keys);
        k.sort_started_ms = core::NowMs();
        k.sorted_ms = -1;
        auto job = std::make_unique<ConcordanceJob>(state.kwic);
        job->Name = "Sorting the concordance";
        k.job_id = state.jobs.Add(std::move(job));
        return;
    }
    if (k.sorted && k.filtered_word != state.kwic_filter) {
        k.filtered_word = state.kwic_filter;
        k.shown = analysis::FilterLines(k.builder->result(), k.order, k.filtered_word);
    }
}

void OpenConcordanceLine(AppState& state, const analysis::ConcordanceLine& line) {
    OpenInReader(state, line.doc_id, line.byte_offset);
}

std::string ConcordanceTable(const KwicSession& session, const std::vector<store::DocumentSummary>& documents,
                             char separator) {
    static constexpr FixedField kMore[] = {FixedField::Source, FixedField::Date, FixedField::Lang, FixedField::Author,
                                           FixedField::Url};
    const std::vector<std::string> extra = ExtraFieldNames(documents);
    std::string out;
    for (const char* name : {"document", "left", "hit", "right"}) core::AppendTableField(out, name, separator);
    AppendMetadataHeader(out, kMore, extra, separator);
    core::EndTableRow(out);
    const analysis::Concordance* kwic = session.Lines();
    if (!kwic) return out;
    std::unordered_map<int64_t, const store::DocumentSummary*> by_id;
    for (const store::DocumentSummary& d : documents) by_id[d.id] = &d;
    for (size_t row = 0; row < session.RowCount(); ++row) {
        const analysis::ConcordanceLine& line = kwic->lines[session.LineAt(row)];
        const analysis::ConcordanceDocument& from = kwic->documents[line.document];
        core::AppendTableField(out, from.title, separator);
        for (const std::string* field : {&line.left, &line.hit, &line.right}) core::AppendTableField(out, *field, separator);
        auto doc = by_id.find(from.doc_id);
        AppendMetadataRow(out, doc == by_id.end() ? nullptr : doc->second, kMore, extra, separator);
        core::EndTableRow(out);
    }
    return out;
}

std::string SortSpec(const std::vector<analysis::SortKey>& keys) {
    if (keys.empty()) return "doc";
    std::string spec;
    for (analysis::SortKey key : keys) {
        if (!spec.empty()) spec += ',';
        spec += analysis::SortKeyName(key);
    }
    return spec;
}

}  // namespace app
