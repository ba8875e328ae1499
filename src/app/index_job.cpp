// IndexJob: resumable indexing into a new corpus (a file written as .partial, then renamed) or the open one.
#include "app/index_job.h"

#include <algorithm>
#include <cassert>
#include <cstdio>

#include "app/app_state.h"
#include "app/corpora.h"
#include "app/demo_corpus.h"

namespace app {

IndexTarget AddToOpenCorpus(const AppState& state) {
    return {.corpus_name = state.corpus_name, .path = state.corpus_path, .existing = state.corpus};
}

IndexJob::IndexJob(IndexTarget target, std::vector<store::DocumentInput> documents)
    : Job((target.existing ? "Adding to " : "Indexing ") + target.corpus_name), Where(std::move(target)),
      Documents(std::move(documents)) {
    TargetPath = Where.path;
    Progress.total = static_cast<int64_t>(Documents.size());
    Progress.phase = "indexing";
}

core::Status IndexJob::Open() {
    StartMs = core::NowMs();
    if (Where.existing) {
        Target = Where.existing;
        if (core::Status s = Target->Begin(); !s.ok()) return s;
        for (int64_t id : Where.replace_doc_ids)
            if (core::Status s = Target->DeleteDocument(id); !s.ok()) return s;
        auto last = Target->LastDocumentId();   // after the deletions: new ids may reuse theirs
        if (!last.ok()) return last.status();
        ListAfterId = *last;
        return core::Status::Ok();
    }
    std::string file = Where.path.empty() ? ":memory:" : Where.path + ".partial";
    if (!Where.path.empty()) std::remove(file.c_str());   // a leftover of an import that never finished
    auto corpus = store::Corpus::Create(file);
    if (!corpus.ok()) return corpus.status();
    Target = std::make_shared<store::Corpus>(std::move(*corpus));
    // A small page cache makes SQLite write pages out as indexing goes, step by step, instead of all of
    // them in the commit step (in the browser every page written is a call into JavaScript).
    if (core::Status s = Target->db().Exec("PRAGMA cache_size=-4096"); !s.ok()) return s;
    if (core::Status s = Target->Begin(); !s.ok()) return s;
    if (core::Status s = Target->SetMeta("name", Where.corpus_name); !s.ok()) return s;
    if (!Where.shipped_id.empty())
        if (core::Status s = Target->SetMeta("shipped", Where.shipped_id); !s.ok()) return s;
    return core::Status::Ok();
}

core::Status IndexJob::CommitAndReopen() {
    if (core::Status s = Target->Commit(); !s.ok()) return s;
    if (Where.existing || Where.path.empty()) return core::Status::Ok();
    // Complete on disk: only now does the file get its real name (the storage scan ignores .partial).
    Target.reset();
    std::string partial = Where.path + ".partial";
    if (std::rename(partial.c_str(), Where.path.c_str()) != 0)
        return core::Error(core::StatusCode::Io, "could not store the new corpus as " + Where.path);
    auto corpus = store::Corpus::Create(Where.path);
    if (!corpus.ok()) return corpus.status();
    Target = std::make_shared<store::Corpus>(std::move(*corpus));
    return core::Status::Ok();
}

JobState IndexJob::Step(core::Deadline deadline) {
    if (!Target) {
        if (core::Status s = Open(); !s.ok()) { Error = s; return JobState::Failed; }
    }
    if (Stage == Phase::Indexing) {
        while ((Endless || Next < Documents.size()) && !deadline.Expired()) {
            const store::DocumentInput& doc = Documents[Next % Documents.size()];
            auto id = Target->AddDocument(doc);
            if (!id.ok()) { Error = id.status(); return JobState::Failed; }
            Bytes += static_cast<double>(doc.text.size());
            ++Next;
            Progress.done = static_cast<int64_t>(Next);
        }
        if (Endless || Next < Documents.size()) return JobState::Running;
        Stage = Phase::Listing;
        Progress.phase = "listing";
        Progress.done = 0;
        Listed.reserve(Documents.size());
        return JobState::Running;
    }
    if (Stage == Phase::Listing) {
        // Inside the transaction still, so that a Cancel now also leaves everything as it was.
        auto complete = ListDocumentsStep(*Target, Listed, ListAfterId, deadline);
        if (!complete.ok()) { Error = complete.status(); return JobState::Failed; }
        Progress.done = static_cast<int64_t>(Listed.size());
        if (!*complete) return JobState::Running;
        Stage = Phase::WritingIndex;
        Progress.phase = "writing the index";
        return JobState::Running;   // in a fresh step: writing the index costs about as much as a commit
    }
    if (Stage == Phase::WritingIndex) {
        if (core::Status s = Target->FlushIndex(); !s.ok()) { Error = s; return JobState::Failed; }
        Stage = Phase::SavingWordCounts;
        Progress.phase = "saving word counts";
        return JobState::Running;
    }
    if (Stage == Phase::SavingWordCounts) {
        auto saved = Target->SaveWordCounts(deadline);
        if (!saved.ok()) { Error = saved.status(); return JobState::Failed; }
        if (!*saved) return JobState::Running;
        Stage = Phase::Committing;
        Progress.phase = "committing";
        return JobState::Running;  // commit in a fresh step with a whole budget
    }
    if (core::Status s = CommitAndReopen(); !s.ok()) { Error = s; return JobState::Failed; }
    char summary[200];
    bool megabytes = Bytes >= 1e6;
    std::snprintf(summary, sizeof summary, "%s %zu document%s (%.1f %s) in %.2f s", Where.existing ? "added" : "indexed",
                  Documents.size(), Documents.size() == 1 ? "" : "s", megabytes ? Bytes / 1e6 : Bytes / 1e3, megabytes ? "MB" : "KB",
                  (core::NowMs() - StartMs) / 1000.0);
    Summary = summary;
    Documents = {};  // the texts live in the corpus now
    return JobState::Done;
}

void IndexJob::Finish(AppState& state) {
    NoteCommitted(state, Where.path);
    if (Where.existing) {
        if (state.corpus == Target) {
            const auto& gone = Where.replace_doc_ids;
            std::erase_if(state.documents, [&](const store::DocumentSummary& d) {
                return std::find(gone.begin(), gone.end(), d.id) != gone.end();
            });
            if (std::find(gone.begin(), gone.end(), state.library_doc_id) != gone.end()) state.library_doc_id = 0;
            if (std::find(gone.begin(), gone.end(), state.reader_doc_id) != gone.end()) state.reader_doc_id = 0;
            state.documents.insert(state.documents.end(), std::make_move_iterator(Listed.begin()),
                                   std::make_move_iterator(Listed.end()));
            ++state.documents_version;
            state.searched_query.clear();   // re-run the current query: there is more to find
        }
        ScanCorpora(state);
        return;
    }
    ShowCorpus(state, std::move(Target), Where.path, Where.corpus_name, std::move(Listed));
    ScanCorpora(state);
}

void IndexJob::RepeatUntilCancelled() {
    assert(!Documents.empty());
    Endless = true;
    Progress.total = 0;
}

void IndexJob::Abandon() {
    if (Target) Target->Rollback();
    Target.reset();
    if (!Where.existing && !Where.path.empty()) {
        std::string partial = Where.path + ".partial";
        std::remove(partial.c_str());
    }
}

core::Result<bool> ListDocumentsStep(store::Corpus& corpus, std::vector<store::DocumentSummary>& listed,
                                     int64_t after_id, core::Deadline deadline) {
    constexpr int64_t kListChunk = 2000;
    while (!deadline.Expired()) {
        auto chunk = corpus.ListDocuments(listed.empty() ? after_id : listed.back().id, kListChunk);
        if (!chunk.ok()) return chunk.status();
        listed.insert(listed.end(), std::make_move_iterator(chunk->begin()), std::make_move_iterator(chunk->end()));
        if (static_cast<int64_t>(chunk->size()) < kListChunk) return true;
    }
    return false;
}

std::unique_ptr<IndexJob> MakeDemoIndexJob(const AppState& state, int copies) {
    std::vector<store::DocumentInput> base = DemoDocuments();
    std::vector<store::DocumentInput> documents;
    const bool endless = copies == 0;
    documents.reserve(base.size() * static_cast<size_t>(std::max(copies, 1)));
    for (int c = 0; c < std::max(copies, 1); ++c) {
        for (const store::DocumentInput& doc : base) {
            documents.push_back(doc);
            if (copies > 1) documents.back().title += " (copy " + std::to_string(c + 1) + ")";
        }
    }
    IndexTarget target{.corpus_name = endless ? "Demo corpus, endless" : copies > 1 ? "Demo corpus ×" + std::to_string(copies) : "Demo corpus",
                       .path = NewCorpusPath(state), .shipped_id = copies == 1 ? "demo" : ""};
    auto job = std::make_unique<IndexJob>(std::move(target), std::move(documents));
    if (endless) job->RepeatUntilCancelled();
    return job;
}

}  // namespace app
