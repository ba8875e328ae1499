// IndexJob: stores and indexes documents, into a new corpus or added to an existing one, in resumable phases:
//   indexing   — word counts and FTS5 entries, a few documents per Step, inside one transaction;
//   listing    — the new documents' list for the Library is read back in pieces (still in the transaction);
//   saving word counts — the bag of words' corpus-wide statistics are written in pieces;
//   committing — the transaction commits (FTS5 writes its last buffered terms); a new corpus is written to
//                NAME.partial and renamed only now, so storage never holds half a corpus.
// Done: a new corpus replaces the open one; added documents join it. Cancelled or failed: the transaction
// is rolled back (a new corpus's file deleted) and everything is as it was.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/job.h"
#include "store/corpus.h"

namespace app {

struct AppState;

// Where an IndexJob puts its documents.
struct IndexTarget {
    std::string corpus_name;                    // a new corpus's name, or the existing corpus's name
    std::string path;                           // its database file ("" for a new corpus kept in memory)
    std::string shipped_id;                     // a new corpus that came with the app: ShippedCorpus::id
    bool name_from_files = false;               // a new corpus named by the files that gave documents (ImportJob)
    std::shared_ptr<store::Corpus> existing;    // set: add to this (open) corpus instead of creating one
    std::vector<int64_t> replace_doc_ids;       // existing documents the new ones replace (same transaction;
                                                // ids already gone are passed over)
    // Files this import read, recorded in the corpus (store::ImportRecord): documents[i] came from
    // imports[document_import[i]] (-1 or missing: none). import_paths[k] is where imports[k] is at hand, so
    // Finish can tell AppState::import_files their import ids.
    std::vector<store::ImportRecord> imports;
    std::vector<std::string> import_paths;
    std::vector<int> document_import;
    // Set for a re-import: the replaced documents are read before they go, and Finish offers them back
    // (AppState::reimport.undo) under this label.
    std::string undo_label;
};

// The target that adds to the open corpus.
IndexTarget AddToOpenCorpus(const AppState& state);

class IndexJob : public Job {
public:
    // `documents` are indexed in order.
    IndexJob(IndexTarget target, std::vector<store::DocumentInput> documents);

    JobState Step(core::Deadline deadline) override;
    void Finish(AppState& state) override;
    void Abandon() override;
    // Indexes the documents over and over, never finishing: only Cancel ends the job.
    void RepeatUntilCancelled();

private:
    core::Status Open();
    core::Status CommitAndReopen();
    core::Status RecordImports();
    void NoteImportIds(AppState& state) const;

    IndexTarget Where;
    std::vector<store::DocumentInput> Documents;
    enum class Phase { Indexing, Listing, WritingIndex, SavingWordCounts, Committing };
    Phase Stage = Phase::Indexing;
    std::shared_ptr<store::Corpus> Target;
    int64_t ListAfterId = 0;    // documents with larger ids are the ones this job added
    std::vector<store::DocumentSummary> Listed;
    std::vector<int64_t> Added;                     // ids of the documents this job added, in order
    std::vector<int64_t> ImportIds;                 // ids of Where.imports' records
    std::vector<store::DocumentInput> Previous;     // a re-import's replaced documents, as they were
    size_t Next = 0;            // cursor: the next document to add (an endless job wraps round Documents)
    bool Endless = false;       // index Documents over and over until cancelled (MakeDemoIndexJob with 0)
    double Bytes = 0;
    double StartMs = 0;
};

// The built-in demo texts, `copies` times over (copies > 1: a stress test of indexing and long lists), as a
// new corpus (stored when the app stores corpora). With `copies` 0 the job indexes copies without end until it
// is cancelled (its total is unknown): a load that lasts as long as a test needs, however fast the machine.
std::unique_ptr<IndexJob> MakeDemoIndexJob(const AppState& state, int copies);

// Reads the document list in pieces, continuing after `listed`'s last id, until `deadline`; returns true
// when the list is complete.
core::Result<bool> ListDocumentsStep(store::Corpus& corpus, std::vector<store::DocumentSummary>& listed,
                                     int64_t after_id, core::Deadline deadline);

}  // namespace app
