// The Concordance view's session and job: start on a query change, build and sort in steps, filter once sorted.
#include "app/concordance_job.h"

#include <algorithm>
#include <unordered_map>

#include "app/app_state.h"
#include "app/document_fields.h"
#include "core/number_text.h"
#include "core/table_text.h"

namespace app {

size_t KwicSession::RowCount() const {
    if (sorted) return shown.size();
    return builder ? builder->result().lines.size() : 0;
}

uint32_t KwicSession::LineAt(size_t row) const { return sorted ? shown[row] : static_cast<uint32_t>(row); }

const std::vector<uint32_t>& KwicSession::StripHits(const Strip& strip) const {
    return strips_filtered ? strip.token_indices : builder->result().documents[strip.document].hit_token_indices;
}

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
    Summary = core::CountText(kwic.hit_count, "hit") + " in " +
              core::CountText(static_cast<int64_t>(kwic.documents.size()), "document");
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

// Keeps the dispersion strips in step with the lines shown (see KwicSession::strips).
void UpdateStrips(KwicSession& k) {
    if (!k.builder) return;
    const analysis::Concordance& kwic = k.builder->result();
    const bool filtered = k.sorted && !k.filtered_word.empty();
    if (filtered) {
        if (k.strips_filtered && k.strips_word == k.filtered_word) return;
        k.strips.clear();
        k.strips_filtered = true;
        k.strips_word = k.filtered_word;
        std::vector<std::vector<uint32_t>> hits(kwic.documents.size());
        for (uint32_t line : k.shown) hits[kwic.lines[line].document].push_back(kwic.lines[line].token_index);
        for (uint32_t d = 0; d < hits.size(); ++d) {
            if (hits[d].empty()) continue;
            std::sort(hits[d].begin(), hits[d].end());
            k.strips.push_back({d, std::move(hits[d])});
        }
        return;
    }
    if (k.strips_filtered) {
        k.strips.clear();
        k.strips_filtered = false;
        k.strips_word.clear();
        k.strips_documents = 0;
    }
    // The last document may still be being read while the build runs: it joins once finished.
    const size_t finished = k.built ? kwic.documents.size() : (kwic.documents.empty() ? 0 : kwic.documents.size() - 1);
    for (; k.strips_documents < finished; ++k.strips_documents)
        if (!kwic.documents[k.strips_documents].hit_token_indices.empty())
            k.strips.push_back({static_cast<uint32_t>(k.strips_documents), {}});
}

}  // namespace

void UpdateConcordance(AppState& state) {
    if (state.view != View::Concordance && !state.kwic) return;   // built only once the view is wanted
    std::string key = state.search_key + '\x1f' + std::to_string(state.kwic_width_chars);
    if (!state.kwic || state.kwic->key != key) StartSession(state, std::move(key));
    KwicSession& k = *state.kwic;
    UpdateStrips(k);
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
        UpdateStrips(k);
    }
}

void OpenConcordanceLine(AppState& state, const analysis::ConcordanceLine& line) {
    OpenInReader(state, line.doc_id, line.byte_offset);
}

namespace {

// The year of a document's date ("" when the date does not start with one).
std::string Year(const analysis::ConcordanceDocument& document) {
    const bool dated = document.date.size() >= 4 && std::all_of(document.date.begin(), document.date.begin() + 4,
                                                                [](char c) { return c >= '0' && c <= '9'; });
    return dated ? document.date.substr(0, 4) : "";
}

}  // namespace

std::string DocumentColumnLabel(const analysis::ConcordanceDocument& document) {
    const std::string year = Year(document);
    if (year.empty()) return document.title;
    std::string title = document.title;
    for (const std::string& suffix : {", " + year, " (" + year + ")", " " + year})
        if (title.size() > suffix.size() && title.ends_with(suffix)) {
            title.resize(title.size() - suffix.size());
            break;
        }
    return title.empty() || title == year ? year : year + " · " + title;
}

std::string DocumentLabel(const analysis::ConcordanceDocument& document) {
    const std::string year = Year(document);
    if (year.empty()) return document.title;
    if (document.title.find(year) != std::string::npos) return document.title;
    return document.title.empty() ? year : document.title + " (" + year + ")";
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
