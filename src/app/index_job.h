// IndexJob: builds a new corpus from documents, in resumable phases:
//   indexing   — word counts and FTS5 entries, a few documents per Step, inside one transaction;
//   committing — the transaction commits (FTS5 writes its last buffered terms);
//   listing    — the document list for the Library is read back in pieces.
// Done: the new corpus replaces the open one. Cancelled or failed: the new corpus is discarded and the open
// one is untouched.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/job.h"
#include "store/corpus.h"
#include "text/tokenizer.h"

namespace app {

class IndexJob : public Job {
public:
    // `corpus_name` is what the app will call the result; `documents` are indexed in order.
    IndexJob(std::string corpus_name, std::vector<store::DocumentInput> documents);

    JobState Step(core::Deadline deadline) override;
    void Finish(AppState& state) override;
    void Abandon() override;

private:
    std::string CorpusName;
    std::vector<store::DocumentInput> Documents;
    enum class Phase { Indexing, Committing, Listing };
    Phase Stage = Phase::Indexing;
    std::unique_ptr<store::Corpus> Target;
    text::Tokenizer Words;      // counts words; kept across steps (opening ICU's rules costs time)
    std::vector<store::DocumentSummary> Listed;
    size_t Next = 0;            // cursor: the next document to add
    double Bytes = 0;
    double StartMs = 0;
};

// The built-in demo texts, `copies` times over (copies > 1: a stress test of indexing and long lists).
std::unique_ptr<IndexJob> MakeDemoIndexJob(int copies);

}  // namespace app
