// ImportJob: read files step by step, then queue the indexing job that stores them.
#include "app/import_job.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/app_state.h"
#include "app/reimport.h"
#include "core/file.h"
#include "text/jsonl.h"

namespace app {

ImportJob::ImportJob(IndexTarget target, std::vector<ImportFile> files, std::optional<text::Encoding> encoding,
                     std::shared_ptr<const ReimportPlan> reimport)
    : Job("Importing " + target.corpus_name), Where(std::move(target)), Files(std::move(files)),
      Importer(text::ImportOptions{.encoding = encoding, .max_file_bytes = kMaxFileBytes}), Reimport(std::move(reimport)) {
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
            if (bytes.ok()) {
                const size_t before = Importer.documents().size();
                Importer.AddFile(file.name, *bytes);
                for (size_t i = before; i < Importer.documents().size(); ++i) Importer.documents()[i].file_index = static_cast<int>(Next - 1);
                Files[Next - 1].hash = ContentHash(*bytes);
                Files[Next - 1].size = static_cast<int64_t>(bytes->size());
            } else {
                Importer.Refuse(file.name, "the file could not be read");
            }
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
    std::vector<int> document_file;
    for (text::ImportedDocument& doc : Importer.documents()) {
        document_file.push_back(doc.file_index);
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
    if (Reimport) {   // only the plan's documents are replaced; the files at hand stay as they are
        if (!state.corpus || state.corpus.get() != Reimport->corpus) { state.last_error = "re-import: the corpus was closed"; return; }
        std::vector<store::DocumentInput> old;
        for (const store::DocumentSummary& d : Reimport->documents) {
            auto doc = state.corpus->ReadDocumentInput(d.id);
            if (doc.ok()) old.push_back(std::move(*doc));
        }
        auto matched = MatchReimport(*Reimport, old, std::move(documents));
        if (!matched.ok()) { state.last_error = matched.status().message(); return; }
        state.jobs.Add(std::make_unique<IndexJob>(std::move(Where), std::move(*matched)));
        return;
    }
    // Record the files that gave documents, so later imports can tell a file brought again (and a re-import
    // finds the copies of one import).
    std::vector<bool> has_documents(Files.size(), false);
    for (int f : document_file)
        if (f >= 0) has_documents[static_cast<size_t>(f)] = true;
    std::vector<int> record_of(Files.size(), -1);
    for (size_t k = 0; k < Files.size(); ++k) {
        if (!has_documents[k]) continue;
        record_of[k] = static_cast<int>(Where.imports.size());
        Where.imports.push_back({.name = Files[k].name, .size = Files[k].size, .hash = Files[k].hash});
        Where.import_paths.push_back(Files[k].path);
    }
    for (int f : document_file) Where.document_import.push_back(f >= 0 ? record_of[static_cast<size_t>(f)] : -1);
    if (Where.name_from_files) {   // named by what was imported, not by what was given
        std::vector<std::string> imported;
        for (const store::ImportRecord& r : Where.imports) imported.push_back(r.name);
        Where.corpus_name = CorpusNameFor(imported);
    }
    // The files stay (in the scratch file system) until the next import, so one can be read again with
    // another encoding; the previous import's files go now.
    for (const ImportFile& old : state.import_files)
        if (std::none_of(Files.begin(), Files.end(), [&](const ImportFile& f) { return f.path == old.path; }))
            std::remove(old.path.c_str());
    state.import_files = Files;
    if (Where.existing) {   // into the open corpus: a file already in it is added only if the user says so
        DuplicateQuestion question;
        std::vector<store::ImportRecord> files;
        for (const ImportFile& f : Files) files.push_back({.name = f.name, .size = f.size, .hash = f.hash});
        auto ask = FindDuplicateFiles(*Where.existing, files, has_documents, question);
        if (ask.ok() && *ask) {
            question.target = std::move(Where);
            question.documents = std::move(documents);
            question.document_file = std::move(document_file);
            state.reimport.question = std::move(question);
            return;
        }
    }
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

std::string CorpusNameFor(const std::vector<std::string>& imported_names) {
    if (imported_names.empty()) return "Imported files";
    if (imported_names.size() == 1) return imported_names[0];
    return imported_names[0] + " and " + std::to_string(imported_names.size() - 1) + " more";
}

std::vector<std::string> ReportLines(const text::ImportReport& report) {
    std::vector<std::string> lines;
    for (const text::ImportProblem& p : report.refused) lines.push_back("Refused " + p.where + ": " + p.message);
    for (const std::string& d : report.duplicates) lines.push_back("Duplicate " + d);
    for (const std::string& d : report.near_duplicates) lines.push_back("Near duplicates: " + d);
    return lines;
}

}  // namespace app
