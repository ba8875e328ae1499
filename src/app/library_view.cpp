// LibraryView: columns from the document list, the filter over every metadata value, and the sort.
#include "app/library_view.h"

#include <algorithm>
#include <cstdlib>

#include "app/app_state.h"
#include "app/job.h"
#include "core/deadline.h"
#include "text/fold.h"

namespace app {

namespace {

// Folding every document's metadata for the filter costs ~2.5 µs a document natively (100,000 documents of
// the multilingual demo: 0.25 s; ICU's path for non-ASCII values is most of it): Update folds for this long,
// and a job does the rest of a long list.
constexpr double kFoldInlineMs = 3.0;

// Extra fields shown without asking: at most this many (more would crowd the title out at 1024 px).
constexpr size_t kDefaultExtraColumns = 3;

// Whether an extra field only repeats the date (the State of the Union's "year", kept by import next to the
// date read from it): then its column adds nothing and stays hidden unless asked for.
bool RepeatsDate(const std::vector<store::DocumentSummary>& documents, const std::string& name) {
    for (const store::DocumentSummary& doc : documents) {
        std::string_view value = ExtraFieldValue(doc, name);
        if (!value.empty() && doc.date.compare(0, value.size(), value) != 0) return false;
    }
    return true;
}

bool AnyValue(const std::vector<store::DocumentSummary>& documents, FixedField field) {
    for (const store::DocumentSummary& doc : documents)
        if (!FixedFieldValue(doc, field).empty()) return true;
    return false;
}

void MakeColumns(AppState& state) {
    LibraryView& view = state.library;
    view.field_names = ExtraFieldNames(state.documents);
    view.columns.clear();
    for (FixedField field : kAllFixedFields) {
        if (field == FixedField::Words) continue;   // last, after the extra fields
        LibraryColumn column{.id = FixedFieldId(field), .label = FixedFieldLabel(field), .fixed = field};
        // Author when some document has one; a URL is long and rarely worth its width.
        column.shown_by_default = field == FixedField::Author ? AnyValue(state.documents, field) : field != FixedField::Url;
        view.columns.push_back(std::move(column));
    }
    size_t extra_shown = 0;
    for (const std::string& name : view.field_names) {
        LibraryColumn column{.id = "field:" + name, .label = ExtraFieldLabel(name), .extra = true, .name = name};
        column.shown_by_default = extra_shown < kDefaultExtraColumns && !RepeatsDate(state.documents, name);
        extra_shown += column.shown_by_default;
        view.columns.push_back(std::move(column));
    }
    view.columns.push_back({.id = "words", .label = "Words", .fixed = FixedField::Words, .shown_by_default = true});
    view.columns_version = state.documents_version;
}

// Every metadata value of a document, one per line (a filter cannot match across two values), folded in one
// call (line breaks fold to themselves; one call per value cost 6× as much in ICU's set-up).
std::string FoldedMetadata(const store::DocumentSummary& doc) {
    std::string all;
    for (const std::string* value : {&doc.title, &doc.source, &doc.date, &doc.lang, &doc.author, &doc.url}) {
        all += *value;
        all += '\n';
    }
    for (const auto& [name, value] : doc.fields) {
        all += value;
        all += '\n';
    }
    return text::FoldForFilter(all);
}

// A value as a number when it is one ("1861", "-3.5"); false for anything else, including "".
bool AsNumber(const std::string& value, double* number) {
    if (value.empty()) return false;
    char* end = nullptr;
    *number = std::strtod(value.c_str(), &end);
    return end == value.c_str() + value.size();
}

struct SortKey {
    std::string text;       // folded
    double number = 0;
    bool empty = false;
};

void SortRows(const AppState& state, const LibraryColumn& column, bool ascending, std::vector<uint32_t>& rows) {
    const auto& docs = state.documents;
    const bool words = !column.extra && column.fixed == FixedField::Words;
    const bool by_date = !column.extra && column.fixed == FixedField::Date;   // ISO dates sort as they are
    bool all_numbers = column.extra;   // an extra field whose every value is a number sorts as numbers
    std::vector<SortKey> keys(docs.size());
    for (uint32_t row : rows) {
        SortKey& key = keys[row];
        if (words) { key.number = static_cast<double>(docs[row].word_count); continue; }
        std::string value = column.extra ? std::string(ExtraFieldValue(docs[row], column.name)) : FixedFieldValue(docs[row], column.fixed);
        key.empty = value.empty();
        if (!key.empty && !AsNumber(value, &key.number)) all_numbers = false;
        key.text = by_date ? std::move(value) : text::FoldForFilter(value);
    }
    const bool numeric = words || all_numbers;
    std::sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
        const SortKey &x = keys[a], &y = keys[b];
        if (x.empty != y.empty) return y.empty;   // documents without a value last, either way
        if (numeric) {
            if (x.number != y.number) return ascending ? x.number < y.number : x.number > y.number;
        } else if (int c = x.text.compare(y.text); c != 0) {
            return ascending ? c < 0 : c > 0;
        }
        return docs[a].id < docs[b].id;
    });
}

// Folds documents from folded.size() on until `deadline` (checked every 64 documents); true when all are.
bool FoldSome(AppState& state, core::Deadline deadline) {
    LibraryView& view = state.library;
    if (view.folded_version != state.documents_version) {
        view.folded.clear();
        view.folded_version = state.documents_version;
    }
    while (view.folded.size() < state.documents.size()) {
        view.folded.push_back(FoldedMetadata(state.documents[view.folded.size()]));
        if (view.folded.size() % 64 == 0 && deadline.Expired()) break;
    }
    return view.folded.size() == state.documents.size();
}

// Folds the rest of a long document list for the filter, a piece per step; UpdateLibraryView filters again
// as pieces land. Jobs are stepped on the frame loop, between Updates, so the list it reads stays put during
// a step (a change of the list starts the folding over).
class FoldJob : public Job {
public:
    explicit FoldJob(AppState* state) : Job("Preparing the Library filter"), State(state) {}
    JobState Step(core::Deadline deadline) override {
        const bool done = FoldSome(*State, deadline);
        Progress = {static_cast<int64_t>(State->library.folded.size()), static_cast<int64_t>(State->documents.size()),
                    "folding case and accents"};
        return done ? JobState::Done : JobState::Running;
    }
    void Finish(AppState& state) override { state.library.fold_job = 0; }
    void Abandon() override { State->library.fold_job = 0; }

private:
    AppState* State;   // owns the queue this job is in, so it outlives the job
};

}  // namespace

bool ColumnShown(const LibraryView& view, const LibraryColumn& column) {
    if (!column.extra && column.fixed == FixedField::Title) return true;
    auto choice = view.column_choice.find(column.id);
    return choice != view.column_choice.end() ? choice->second : column.shown_by_default;
}

const LibraryColumn* FindLibraryColumn(const LibraryView& view, const std::string& id) {
    for (const LibraryColumn& column : view.columns)
        if (column.id == id) return &column;
    return nullptr;
}

void UpdateLibraryView(AppState& state) {
    LibraryView& view = state.library;
    if (view.columns_version != state.documents_version) MakeColumns(state);
    const bool want_folded = !view.filter.empty();
    if (want_folded && (view.folded_version != state.documents_version || view.folded.size() < state.documents.size()) &&
        !FoldSome(state, core::Deadline::In(kFoldInlineMs)) && view.fold_job == 0)
        view.fold_job = state.jobs.Add(std::make_unique<FoldJob>(&state));
    const bool folded_current = view.folded_version == state.documents_version;
    const size_t folded = want_folded && folded_current ? view.folded.size() : 0;
    view.filtering = want_folded && folded < state.documents.size();
    std::string key = std::to_string(state.documents_version) + '\x1f' + view.filter + '\x1f' + view.sort_column +
                      (view.sort_ascending ? "\x1f+" : "\x1f-") + std::to_string(folded);
    if (key == view.rows_key) return;
    view.rows_key = std::move(key);
    view.rows.clear();
    const std::string needle = text::FoldForFilter(view.filter);
    for (uint32_t i = 0; i < state.documents.size(); ++i) {
        if (needle.empty()) view.rows.push_back(i);
        else if (i < folded && view.folded[i].find(needle) != std::string::npos) view.rows.push_back(i);
    }
    if (const LibraryColumn* column = FindLibraryColumn(view, view.sort_column))
        SortRows(state, *column, view.sort_ascending, view.rows);
}

}  // namespace app
