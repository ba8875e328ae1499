// Re-import and the duplicate-file question: plans, matching, undo (app/reimport.h).
#include "app/reimport.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "app/app_state.h"

namespace app {

namespace {

core::Status NoCorpus() { return core::Error(core::StatusCode::InvalidInput, "no corpus is open"); }

std::string Plural(size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// The file a document came from, if it is still at hand: the one its import read, else one with the same
// bytes (the same file brought again), else — for documents made before imports were recorded — one whose
// name starts its `imported_from` ("speeches.zip/1790.txt", "speeches.csv, line 12").
const ImportFile* FileAtHand(AppState& state, int64_t import_id, const std::string& imported_from) {
    if (import_id != 0) {
        for (const ImportFile& f : state.import_files)
            if (f.import_id == import_id) return &f;
        auto records = state.corpus->Imports();
        if (!records.ok()) return nullptr;
        for (const store::ImportRecord& r : *records)
            if (r.id == import_id)
                for (const ImportFile& f : state.import_files)
                    if (!f.hash.empty() && f.hash == r.hash && f.size == r.size) return &f;
        return nullptr;
    }
    for (const ImportFile& f : state.import_files) {
        const std::string& from = imported_from;
        if (from == f.name || (from.size() > f.name.size() && from.compare(0, f.name.size(), f.name) == 0 &&
                               (from[f.name.size()] == '/' || from[f.name.size()] == ',')))
            return &f;
    }
    return nullptr;
}

// The documents of the same import of `file` as a document of import `import_id`.
core::Result<std::vector<int64_t>> FileScope(store::Corpus& corpus, int64_t import_id, const std::string& file_name) {
    if (import_id != 0) return corpus.DocumentsOfImport(import_id);
    return corpus.DocumentsImportedFrom(file_name);   // made before imports were recorded: by name
}

std::vector<std::string> SplitWords(std::string_view text) {
    std::vector<std::string> words;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) words.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string* EditableField(store::DocumentInput& doc, std::string_view name) {
    if (name == "title") return &doc.title;
    if (name == "source") return &doc.source;
    if (name == "date") return &doc.date;
    if (name == "lang") return &doc.lang;
    if (name == "author") return &doc.author;
    if (name == "url") return &doc.url;
    return nullptr;
}

}  // namespace

std::string ContentHash(std::string_view bytes) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

std::optional<text::Encoding> EncodingInNotes(std::string_view notes, bool* chosen) {
    constexpr std::string_view kLead = "encoding: ";
    size_t at = notes.find(kLead);
    if (at == std::string_view::npos || (at > 0 && notes[at - 1] != '\n')) return std::nullopt;
    std::string_view rest = notes.substr(at + kLead.size());
    rest = rest.substr(0, rest.find('\n'));
    std::string_view name = rest.substr(0, rest.find_first_of(" ;"));
    text::Encoding encoding;
    if (!text::EncodingFromName(name, &encoding)) return std::nullopt;
    if (chosen) *chosen = rest.find("(chosen by the user)") != std::string_view::npos;
    return encoding;
}

void LoadReimportChoice(AppState& state, int64_t import_id, const std::string& imported_from) {
    ReimportChoice& choice = state.reimport.choice;
    choice = {};
    if (!state.corpus) return;
    const ImportFile* file = FileAtHand(state, import_id, imported_from);
    if (!file) return;
    auto scope = FileScope(*state.corpus, import_id, file->name);
    if (!scope.ok()) return;
    choice.available = true;
    choice.file_name = file->name;
    choice.file_documents = static_cast<int64_t>(scope->size());
    choice.encoding = EncodingInNotes(state.library_notes, &choice.encoding_chosen);
}

core::Status PlanReimport(AppState& state, int64_t doc_id, ReimportScope scope, text::Encoding encoding) {
    if (!state.corpus) return NoCorpus();
    auto doc = state.corpus->GetDocument(doc_id);
    if (!doc.ok()) return doc.status();
    const ImportFile* file = FileAtHand(state, doc->import_id, doc->imported_from);
    if (!file)
        return core::Error(core::StatusCode::NotFound,
                           "the file of «" + doc->summary.title + "» is not at hand any more (files are kept until the page is "
                           "reloaded): bring it in again and choose the encoding");
    std::vector<int64_t> ids{doc_id};
    if (scope == ReimportScope::File) {
        auto in_file = FileScope(*state.corpus, doc->import_id, file->name);
        if (!in_file.ok()) return in_file.status();
        ids = std::move(*in_file);
    }
    ReimportPlan plan{.scope = scope, .encoding = encoding, .file = *file, .corpus = state.corpus.get()};
    for (int64_t id : ids) {
        auto d = state.corpus->GetDocument(id);
        if (!d.ok()) return d.status();
        plan.documents.push_back(std::move(d->summary));
    }
    state.reimport.plan = std::move(plan);
    return core::Status::Ok();
}

core::Status ConfirmReimport(AppState& state) {
    if (!state.reimport.plan) return core::Error(core::StatusCode::InvalidInput, "no re-import to confirm");
    auto plan = std::make_shared<ReimportPlan>(std::move(*state.reimport.plan));
    state.reimport.plan.reset();
    if (!state.corpus || state.corpus.get() != plan->corpus) return core::Error(core::StatusCode::InvalidInput, "the corpus was closed");
    IndexTarget where = AddToOpenCorpus(state);
    for (const store::DocumentSummary& d : plan->documents) where.replace_doc_ids.push_back(d.id);
    where.undo_label = plan->file.name + " read as " + text::EncodingName(plan->encoding) + " (" +
                       Plural(plan->documents.size(), "document") + ")";
    state.reimport.undo.reset();   // its ids may be among those replaced now
    state.jobs.Add(std::make_unique<ImportJob>(std::move(where), std::vector<ImportFile>{plan->file}, plan->encoding, plan));
    return core::Status::Ok();
}

core::Status UndoReimport(AppState& state) {
    if (!state.reimport.undo) return core::Error(core::StatusCode::InvalidInput, "no re-import to undo");
    ReimportUndo undo = std::move(*state.reimport.undo);
    state.reimport.undo.reset();
    if (!state.corpus || state.corpus.get() != undo.corpus) return core::Error(core::StatusCode::InvalidInput, "the corpus was closed");
    IndexTarget where = AddToOpenCorpus(state);
    where.replace_doc_ids = std::move(undo.added);
    state.jobs.Add(std::make_unique<IndexJob>(std::move(where), std::move(undo.previous)));
    return core::Status::Ok();
}

core::Status AnswerDuplicates(AppState& state, bool add_anyway) {
    if (!state.reimport.question) return core::Error(core::StatusCode::InvalidInput, "no question to answer");
    DuplicateQuestion q = std::move(*state.reimport.question);
    state.reimport.question.reset();
    if (!add_anyway) {
        std::vector<store::DocumentInput> kept;
        std::vector<int> kept_import;
        for (size_t i = 0; i < q.documents.size(); ++i) {
            int f = q.document_file[i];
            if (f >= 0 && q.duplicate_file[static_cast<size_t>(f)]) continue;
            kept.push_back(std::move(q.documents[i]));
            kept_import.push_back(i < q.target.document_import.size() ? q.target.document_import[i] : -1);
        }
        for (const std::string& line : q.lines) state.import_report.push_back("Skipped " + line);
        if (kept.empty()) return core::Status::Ok();   // every file was in the corpus already: nothing to add
        q.documents = std::move(kept);
        q.target.document_import = std::move(kept_import);
    }
    state.jobs.Add(std::make_unique<IndexJob>(std::move(q.target), std::move(q.documents)));
    return core::Status::Ok();
}

core::Result<std::vector<store::DocumentInput>> MatchReimport(const ReimportPlan& plan,
                                                             const std::vector<store::DocumentInput>& old,
                                                             std::vector<store::DocumentInput> fresh) {
    std::vector<store::DocumentInput> out;
    std::vector<bool> used(fresh.size(), false);
    const std::string how = std::string("read again as ") + text::EncodingName(plan.encoding);
    for (const store::DocumentInput& o : old) {
        size_t j = 0;
        while (j < fresh.size() && (used[j] || fresh[j].imported_from != o.imported_from)) ++j;
        if (j == fresh.size()) {
            if (plan.scope == ReimportScope::Document)
                return core::Error(core::StatusCode::NotFound, "reading " + plan.file.name + " as " +
                                                                   text::EncodingName(plan.encoding) + " gives no «" +
                                                                   o.imported_from + "» any more: nothing was changed");
            continue;   // the whole file: gone from the new reading, so it goes
        }
        used[j] = true;
        store::DocumentInput d = std::move(fresh[j]);
        d.id = o.id;
        d.import_id = o.import_id;
        d.edited = o.edited;
        std::string kept;
        for (const std::string& name : SplitWords(o.edited)) {
            if (name == "fields") {   // the extra fields were edited: the user's set stands as a whole
                d.fields = o.fields;
                kept += (kept.empty() ? "" : ", ") + std::string("other fields");
                continue;
            }
            std::string* to = EditableField(d, name);
            const std::string* from = EditableField(const_cast<store::DocumentInput&>(o), name);
            if (!to || !from) continue;
            *to = *from;
            kept += (kept.empty() ? "" : ", ") + name;
        }
        d.import_notes += "\n" + how + (kept.empty() ? "" : "; your edits kept: " + kept);
        out.push_back(std::move(d));
    }
    if (plan.scope == ReimportScope::File) {
        const int64_t import_id = old.empty() ? 0 : old.front().import_id;
        for (size_t j = 0; j < fresh.size(); ++j) {
            if (used[j]) continue;
            fresh[j].import_id = import_id;
            fresh[j].import_notes += "\n" + how + "; new in this reading";
            out.push_back(std::move(fresh[j]));
        }
    }
    return out;
}

core::Result<bool> FindDuplicateFiles(store::Corpus& corpus, const std::vector<store::ImportRecord>& files,
                                      const std::vector<bool>& has_documents, DuplicateQuestion& question) {
    auto records = corpus.Imports();
    if (!records.ok()) return records.status();
    question.duplicate_file.assign(files.size(), false);
    for (size_t k = 0; k < files.size(); ++k) {
        if (k >= has_documents.size() || !has_documents[k]) continue;
        const store::ImportRecord& f = files[k];
        std::string line;
        bool same_name_recorded = false;
        for (const store::ImportRecord& r : *records) {
            same_name_recorded = same_name_recorded || r.name == f.name;
            if (f.hash.empty() || r.hash != f.hash || r.size != f.size) continue;
            auto ids = corpus.DocumentsOfImport(r.id);
            if (!ids.ok()) return ids.status();
            if (ids->empty()) continue;   // its documents were deleted since
            line = "«" + f.name + "»: the same file (same size and content) is in this corpus already" +
                   (r.name == f.name ? "" : " as «" + r.name + "»") + " (" + Plural(ids->size(), "document") + ")";
            break;
        }
        if (line.empty()) {
            auto ids = corpus.DocumentsImportedFrom(f.name);
            if (!ids.ok()) return ids.status();
            if (!ids->empty())
                line = "«" + f.name + "»: a file of this name is in this corpus already (" + Plural(ids->size(), "document") +
                       (same_name_recorded ? "; this one's content differs)" : ")");
        }
        question.duplicate_file[k] = !line.empty();
        if (line.empty()) ++question.other_files;
        else question.lines.push_back(std::move(line));
    }
    return !question.lines.empty();
}

void WriteReimportJson(core::JsonWriter& w, const AppState& state) {
    const ReimportState& r = state.reimport;
    w.BeginObject();
    w.Key("selected"); w.Int(state.library_doc_id);   // the Library's selected document
    w.Key("choice"); w.BeginObject();
    w.Key("available"); w.Bool(r.choice.available);
    w.Key("file"); w.String(r.choice.file_name);
    w.Key("file_documents"); w.Int(r.choice.file_documents);
    w.Key("encoding"); w.String(r.choice.encoding ? text::EncodingName(*r.choice.encoding) : "");
    w.Key("encoding_chosen"); w.Bool(r.choice.encoding_chosen);
    w.EndObject();
    w.Key("plan");
    if (!r.plan) {
        w.Null();
    } else {
        w.BeginObject();
        w.Key("scope"); w.String(r.plan->scope == ReimportScope::File ? "file" : "document");
        w.Key("encoding"); w.String(text::EncodingName(r.plan->encoding));
        w.Key("file"); w.String(r.plan->file.name);
        w.Key("documents"); w.BeginArray();
        for (const store::DocumentSummary& d : r.plan->documents) w.Int(d.id);
        w.EndArray();
        w.EndObject();
    }
    w.Key("undo");
    if (!r.undo || r.undo->corpus != state.corpus.get()) {
        w.Null();
    } else {
        w.BeginObject();
        w.Key("label"); w.String(r.undo->label);
        w.Key("previous"); w.BeginArray();
        for (const store::DocumentInput& d : r.undo->previous) w.Int(d.id);
        w.EndArray();
        w.EndObject();
    }
    w.Key("question");
    if (!r.question) {
        w.Null();
    } else {
        w.BeginObject();
        w.Key("lines"); w.BeginArray();
        for (const std::string& line : r.question->lines) w.String(line);
        w.EndArray();
        w.Key("other_files"); w.Int(static_cast<int64_t>(r.question->other_files));
        w.EndObject();
    }
    w.EndObject();
}

bool RunReimportCommand(AppState& state, std::string_view name, std::string_view arg, core::Status* result) {
    *result = core::Status::Ok();
    if (name == "reimport") {
        // ENCODING DOC-ID [file]
        std::vector<std::string> words = SplitWords(arg);
        text::Encoding encoding;
        if (words.size() < 2 || !text::EncodingFromName(words[0], &encoding))
            *result = core::Error(core::StatusCode::InvalidInput, "reimport: expected ENCODING DOC-ID [file], not '" + std::string(arg) + "'");
        else
            *result = PlanReimport(state, std::strtoll(words[1].c_str(), nullptr, 10), words.size() > 2 && words[2] == "file"
                                                                                     ? ReimportScope::File : ReimportScope::Document, encoding);
    } else if (name == "reimport-confirm") {
        *result = ConfirmReimport(state);
    } else if (name == "reimport-cancel") {
        state.reimport.plan.reset();
    } else if (name == "reimport-undo") {
        *result = UndoReimport(state);
    } else if (name == "duplicates") {
        if (arg != "add" && arg != "skip") *result = core::Error(core::StatusCode::InvalidInput, "duplicates: add or skip");
        else *result = AnswerDuplicates(state, arg == "add");
    } else {
        return false;
    }
    return true;
}

}  // namespace app
