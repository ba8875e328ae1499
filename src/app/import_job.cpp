// ImportJob: read files step by step, then queue the indexing job that stores them.
#include "app/import_job.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/app_state.h"
#include "core/file.h"
#include "text/jsonl.h"

namespace app {

ImportJob::ImportJob(IndexTarget target, std::vector<ImportFile> files, std::optional<text::Encoding> encoding)
    : Job("Importing " + target.corpus_name), Where(std::move(target)), Files(std::move(files)),
      Importer(text::ImportOptions{.encoding = encoding, .max_file_bytes = kMaxFileBytes}) {
    TargetPath = Where.path;
    Progress.total = static_cast<int64_t>(Files.size());
    Progress.phase = "reading";
}

JobState ImportJob::Step(core::Deadline deadline) {
    while (Next < Files.size() && !deadline.Expired()) {
        const ImportFile& file = Files[Next];
        std::error_code error;
        // Files are read in the order given (document ids follow it), each as soon as it is there.
        Waiting = file.arriving && !std::filesystem::exists(file.path, error);
        if (Waiting) {
            Progress.phase = "downloading";
            return JobState::Running;
        }
        Progress.phase = "reading";
        ++Next;
        const uintmax_t size = std::filesystem::file_size(file.path, error);
        if (error || !Importer.RefuseIfTooLarge(file.name, size)) {   // too large: refused unread
            auto bytes = core::ReadFile(file.path);
            if (bytes.ok()) Importer.AddFile(file.name, *bytes);
            else Importer.Refuse(file.name, "the file could not be read");
        }
        Progress.done = static_cast<int64_t>(Next);
    }
    if (Next < Files.size()) return JobState::Running;
    Progress.phase = "finishing";
    if (!Importer.FinishStep(deadline)) return JobState::Running;
    if (Importer.documents().empty()) {
        std::string why = Importer.report().refused.empty() ? "no documents" : Importer.report().refused.front().where +
                                                                                   ": " + Importer.report().refused.front().message;
        Error = core::Error(core::StatusCode::InvalidInput, "nothing could be imported (" + why + ")");
        return JobState::Failed;
    }
    Summary = "read " + std::to_string(Files.size()) + (Files.size() == 1 ? " file" : " files") + ", " +
              std::to_string(Importer.documents().size()) + " documents";
    return JobState::Done;
}

void ImportJob::Finish(AppState& state) {
    std::vector<store::DocumentInput> documents;
    for (text::ImportedDocument& doc : Importer.documents()) {
        for (const ImportFile& file : Files)
            if (!file.title.empty() && doc.imported_from == file.name) {
                doc.title = file.title;
                doc.notes.push_back("title given when pasted");
            }
        std::string notes;
        for (const std::string& n : doc.notes) notes += (notes.empty() ? "" : "\n") + n;
        documents.push_back({.title = doc.title, .source = doc.source, .date = doc.date, .lang = doc.lang,
                             .author = doc.author, .url = doc.url, .text = std::move(doc.text),
                             .imported_from = doc.imported_from,
                             .original_text = std::move(doc.original_text), .import_notes = std::move(notes),
                             .fields = std::move(doc.fields)});
    }
    state.import_report = ReportLines(Importer.report());
    // The files stay (in the scratch file system) until the next import, so one can be read again with
    // another encoding; the previous import's files go now.
    for (const ImportFile& old : state.import_files)
        if (std::none_of(Files.begin(), Files.end(), [&](const ImportFile& f) { return f.path == old.path; }))
            std::remove(old.path.c_str());
    state.import_files = Files;
    state.jobs.Add(std::make_unique<IndexJob>(std::move(Where), std::move(documents)));
}

void ImportJob::Abandon() {
    for (const ImportFile& file : Files) std::remove(file.path.c_str());   // cancelled: nothing to read again
}

core::Result<std::vector<ImportFile>> ParseImportFiles(std::string_view jsonl) {
    auto records = text::ParseJsonLines(jsonl);
    if (!records.ok()) return records.status();
    std::vector<ImportFile> files;
    for (const text::JsonRecord& r : *records) {
        ImportFile file;
        for (const text::JsonField& f : r.fields) {
            if (f.key == "name") file.name = f.value;
            if (f.key == "path") file.path = f.value;
            if (f.key == "arriving") file.arriving = f.value == "true";
        }
        if (file.name.empty() || file.path.empty())
            return core::Error(core::StatusCode::InvalidInput, "every file needs a name and a path");
        files.push_back(std::move(file));
    }
    if (files.empty()) return core::Error(core::StatusCode::InvalidInput, "no files");
    return files;
}

std::vector<std::string> ReportLines(const text::ImportReport& report) {
    std::vector<std::string> lines;
    for (const text::ImportProblem& p : report.refused) lines.push_back("Refused " + p.where + ": " + p.message);
    for (const std::string& d : report.duplicates) lines.push_back("Duplicate " + d);
    for (const std::string& d : report.near_duplicates) lines.push_back("Near duplicates: " + d);
    return lines;
}

}  // namespace app
