// IndexJob: resumable indexing into a fresh in-memory corpus.
#include "app/index_job.h"

#include <cstdio>

#include "app/app_state.h"
#include "app/demo_corpus.h"

namespace app {

IndexJob::IndexJob(std::string corpus_name, std::vector<store::DocumentInput> documents)
    : Job("Indexing " + corpus_name), CorpusName(std::move(corpus_name)), Documents(std::move(documents)) {
    Progress.total = static_cast<int64_t>(Documents.size());
    Progress.phase = "indexing";
}

JobState IndexJob::Step(core::Deadline deadline) {
    if (!Target) {
        StartMs = core::NowMs();
        auto corpus = store::Corpus::Create(":memory:");
        if (!corpus.ok()) { Error = corpus.status(); return JobState::Failed; }
        Target = std::make_unique<store::Corpus>(std::move(*corpus));
        if (core::Status s = Target->Begin(); !s.ok()) { Error = s; return JobState::Failed; }
    }
    if (Stage == Phase::Indexing) {
        text::Token token;
        while (Next < Documents.size() && !deadline.Expired()) {
            store::DocumentInput& doc = Documents[Next];
            if (doc.word_count == 0) {  // import counted them already; the demo texts come uncounted
                Words.Reset(doc.text);
                while (Words.Next(&token)) ++doc.word_count;
            }
            auto id = Target->AddDocument(doc);
            if (!id.ok()) { Error = id.status(); return JobState::Failed; }
            Bytes += static_cast<double>(doc.text.size());
            ++Next;
            Progress.done = static_cast<int64_t>(Next);
        }
        if (Next < Documents.size()) return JobState::Running;
        Stage = Phase::Committing;
        Progress.phase = "committing";
        return JobState::Running;  // commit in a fresh step with a whole budget
    }
    if (Stage == Phase::Committing) {
        if (core::Status s = Target->Commit(); !s.ok()) { Error = s; return JobState::Failed; }
        Stage = Phase::Listing;
        Progress.phase = "listing";
        Progress.done = 0;
        Listed.reserve(Documents.size());
        return JobState::Running;
    }
    constexpr int64_t kListChunk = 2000;
    while (!deadline.Expired()) {
        auto chunk = Target->ListDocuments(Listed.empty() ? 0 : Listed.back().id, kListChunk);
        if (!chunk.ok()) { Error = chunk.status(); return JobState::Failed; }
        Listed.insert(Listed.end(), std::make_move_iterator(chunk->begin()), std::make_move_iterator(chunk->end()));
        Progress.done = static_cast<int64_t>(Listed.size());
        if (static_cast<int64_t>(chunk->size()) < kListChunk) {
            char summary[160];
            bool megabytes = Bytes >= 1e6;
            std::snprintf(summary, sizeof summary, "indexed %zu documents (%.1f %s) in %.2f s", Documents.size(),
                          megabytes ? Bytes / 1e6 : Bytes / 1e3, megabytes ? "MB" : "KB",
                          (core::NowMs() - StartMs) / 1000.0);
            Summary = summary;
            Documents = {};  // the texts live in the corpus now
            return JobState::Done;
        }
    }
    return JobState::Running;
}

void IndexJob::Finish(AppState& state) {
    state.corpus = std::move(Target);
    state.corpus_name = CorpusName;
    state.documents = std::move(Listed);
    state.searched_query.clear();   // re-run the current query against the new corpus
    state.results = {};
    state.reader_doc_id = state.reader_loaded_id = 0;
    state.reader_text.clear();
    state.reader_notes.clear();
}

void IndexJob::Abandon() {
    if (Target) Target->Rollback();
    Target.reset();
}

std::unique_ptr<IndexJob> MakeDemoIndexJob(int copies) {
    std::vector<store::DocumentInput> base = DemoDocuments();
    std::vector<store::DocumentInput> documents;
    documents.reserve(base.size() * static_cast<size_t>(copies));
    for (int c = 0; c < copies; ++c) {
        for (const store::DocumentInput& doc : base) {
            documents.push_back(doc);
            if (copies > 1) documents.back().title += " (copy " + std::to_string(c + 1) + ")";
        }
    }
    std::string name = copies > 1 ? "Demo corpus ×" + std::to_string(copies) : "Demo corpus";
    return std::make_unique<IndexJob>(name, std::move(documents));
}

}  // namespace app
