// ImportJob: files the user brought (file picker, drag and drop, paste, a shipped corpus) become a new
// corpus or join the open one. One file is read per step (decoding, extraction, metadata); then the import
// is finished (trimming, duplicates) and handed to an IndexJob, which stores and indexes it. Cancel at any
// point leaves every corpus as it was. The report (what was refused, skipped, flagged) lands in AppState.import_report.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/index_job.h"
#include "app/job.h"
#include "text/import.h"

namespace app {

struct ImportFile {
    std::string name;   // as the user sees it ("speeches.zip", "folder/a.txt")
    std::string path;   // where the platform put its bytes (web: the in-memory file system)
    std::string title;  // a title the user gave (pasted text); "" lets import find one
    bool arriving = false;  // still downloading: the job reads it once `path` exists (written whole, at once)
    // Once imported: its record in the corpus (store::ImportRecord), so a re-import finds the file at hand
    int64_t import_id = 0;
    std::string hash;       // ContentHash of its bytes ("" until read)
    int64_t size = 0;       // bytes
};

struct ReimportPlan;

class ImportJob : public Job {
public:
    // The largest file the app imports. A file is read in one step, so this bounds that step (~1 s for
    // 64 MB in the browser); larger files are refused before they are read into memory.
    static constexpr uint64_t kMaxFileBytes = 64ull << 20;

    // `encoding`: decode every file with it instead of detecting. `reimport`: the file is read again to
    // replace exactly the plan's documents (app/reimport.h); the files at hand stay as they are.
    ImportJob(IndexTarget target, std::vector<ImportFile> files, std::optional<text::Encoding> encoding = {},
              std::shared_ptr<const ReimportPlan> reimport = nullptr);

    JobState Step(core::Deadline deadline) override;
    void Finish(AppState& state) override;
    void Abandon() override;

private:
    IndexTarget Where;
    std::vector<ImportFile> Files;
    size_t Next = 0;
    text::Importer Importer;
    std::shared_ptr<const ReimportPlan> Reimport;
};

// The files of an "import" command: JSON Lines, one {"name": …, "path": …} per file.
core::Result<std::vector<ImportFile>> ParseImportFiles(std::string_view jsonl);

// A new corpus's name from the files that gave documents: the file's name for one, else the first one's
// and how many more ("speech1.txt and 3 more"). Refused files do not count.
std::string CorpusNameFor(const std::vector<std::string>& imported_names);

// The import report as lines for the Library (refused files, duplicates, near duplicates).
std::vector<std::string> ReportLines(const text::ImportReport& report);

}  // namespace app
