// IndexJob: resumable indexing into a new corpus (a file written as .partial, then renamed) or the open one.
#include "app/index_job.h"

#include <algorithm>
#include <cassert>
#include <cstdio>

#include "app/app_state.h"
#include "app/corpora.h"
#include "app/demo_corpus.h"
#include "app/reimport.h"

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

// Records the files read (imports table) and points the documents at them. Documents with an id of their
// own (a re-import's replacements, an undo's originals) go first, so a new document given the next free id
// cannot take an id one of them needs.
core::Status IndexJob::RecordImports() {
    for (const store::ImportRecord& record : Where.imports) {
        auto id = Target->AddImport(record);
        if (!id.ok()) return id.status();
        ImportIds.push_back(*id);
    }
    for (size_t i = 0; i < Documents.size() && i < Where.document_import.size(); ++i)
        if (int k = Where.document_import[i]; k >= 0 && static_cast<size_t>(k) < ImportIds.size())
            Documents[i].import_id = ImportIds[static_cast<size_t>(k)];
    std::stable_partition(Documents.begin(), Documents.end(), [](const store::DocumentInput& d) { return d.id != 0; });
    return core::Status::Ok();
}

core::Status IndexJob::Open() {
    StartMs = core::NowMs();
    if (Where.existing) {
        Target = Where.existing;
        if (core::Status s = Target->Begin(); !s.ok()) return s;
        for (int64_t id : Where.replace_doc_ids) {
            if (!Where.undo_label.empty()) {   // a re-import: keep what it replaces, for Undo
                auto doc = Target->ReadDocumentInput(id);
                if (!doc.ok() && doc.status().code() == core::StatusCode::NotFound) continue;
                if (!doc.ok()) return doc.status();
                Previous.push_back(std::move(*doc));
            }
            core::Status s = Target->DeleteDocument(id);
            if (!s.ok() && s.code() != core::StatusCode::NotFound) return s;
        }
        auto last = Target->LastDocumentId();   // after the deletions: new ids may reuse theirs
        if (!last.ok()) return last.status();
        ListAfterId = *last;
        return RecordImports();
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
    return RecordImports();
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
            Added.push_back(*id);
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
        // Documents put back under ids at or below ListAfterId (a re-import's, an undo's) are listed too.
        for (int64_t id : Added) {
            if (id > ListAfterId) continue;
            auto doc = Target->GetDocument(id);
            if (!doc.ok()) { Error = doc.status(); return JobState::Failed; }
            Listed.push_back(std::move(doc->summary));
        }
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
            auto in = [](const std::vector<int64_t>& ids, int64_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
            const auto& gone = Where.replace_doc_ids;
            std::erase_if(state.documents, [&](const store::DocumentSummary& d) { return in(gone, d.id); });
            // A document replaced under its own id stays selected and open; its details and text are reloaded.
            for (int64_t* shown : {&state.library_doc_id, &state.reader_doc_id})
                if (in(gone, *shown) && !in(Added, *shown)) *shown = 0;
            state.library_loaded_id = -1;   // also: what can be re-imported changed
            if (in(gone, state.reader_doc_id)) state.reader_loaded_id = -1;
            const bool reused_ids = std::any_of(Listed.begin(), Listed.end(), [&](const auto& d) { return d.id <= ListAfterId; });
            state.documents.insert(state.documents.end(), std::make_move_iterator(Listed.begin()),
                                   std::make_move_iterator(Listed.end()));
            if (reused_ids)   // keep the list in id order (the Library's corpus order)
                std::sort(state.documents.begin(), state.documents.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
            ++state.documents_version;
            state.searched_query.clear();   // re-run the current query: there is more to find
            if (!Where.undo_label.empty())
                state.reimport.undo = ReimportUndo{Where.undo_label, std::move(Previous), Added, Target.get()};
        }
        NoteImportIds(state);
        ScanCorpora(state);
        return;
    }
    NoteImportIds(state);
    ShowCorpus(state, std::move(Target), Where.path, Where.corpus_name, std::move(Listed));
    ScanCorpora(state);
}

void IndexJob::RepeatUntilCancelled() {
    assert(!Documents.empty());
    Endless = true;
    Progress.total = 0;
}

void IndexJob::NoteImportIds(AppState& state) const {
    for (size_t k = 0; k < ImportIds.size() && k < Where.import_paths.size(); ++k)
        for (ImportFile& file : state.import_files)
            if (file.path == Where.import_paths[k]) {
                file.import_id = ImportIds[k];
                file.hash = Where.imports[k].hash;
                file.size = Where.imports[k].size;
            }
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
