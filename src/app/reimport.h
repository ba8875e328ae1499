// Re-import: a file of the open corpus read again with another encoding. It acts on exactly the documents the
// user confirmed (one document, or one import's copies of a file — never every file of that name), keeps the
// metadata the user edited, and can be undone. Also: the question asked when files brought to the open corpus
// are in it already (same name, or same size and content), before anything is added.
//
//     PlanReimport(state, doc_id, ReimportScope::Document, text::Encoding::Koi8R);   // → state.reimport.plan
//     ConfirmReimport(state);        // the Library's dialog listed plan.documents; an ImportJob + IndexJob run
//     UndoReimport(state);           // an IndexJob puts the previous documents back (texts, metadata, ids)
//
// States (ReimportState): idle → plan shown (confirm / cancel) → jobs running → undo offered (until the
// next re-import, or another corpus is opened). The duplicate question is independent: an import into the open
// corpus parks its documents in `question` until AnswerDuplicates.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/import_job.h"
#include "app/index_job.h"
#include "core/json.h"
#include "core/status.h"
#include "store/corpus.h"
#include "text/decode.h"

namespace app {

struct AppState;

enum class ReimportScope { Document, File };

// What the Library offers for the selected document (loaded with its details, never in Draw).
struct ReimportChoice {
    bool available = false;                 // its file is at hand (files are kept for the session)
    std::string file_name;                  // "speeches.jsonl.gz"
    int64_t file_documents = 0;             // documents of that one import of the file
    std::optional<text::Encoding> encoding; // what the import notes say the text was decoded as
    bool encoding_chosen = false;           // … chosen by the user (a re-import), not detected
};

// A re-import the user is asked to confirm: exactly these documents are replaced.
struct ReimportPlan {
    ReimportScope scope = ReimportScope::Document;
    text::Encoding encoding = text::Encoding::Utf8;
    ImportFile file;                        // the file read again
    std::vector<store::DocumentSummary> documents;   // replaced, in id order
    const store::Corpus* corpus = nullptr;  // the corpus they are in
};

// What "Undo re-import" puts back.
struct ReimportUndo {
    std::string label;                      // "letter.txt read as KOI8-R (1 document)"
    std::vector<store::DocumentInput> previous;   // the replaced documents as they were, with their ids
    std::vector<int64_t> added;             // the ids the re-import wrote
    const store::Corpus* corpus = nullptr;  // identity only: the undo is offered while this corpus is open
};

// Files brought to the open corpus that are in it already: the import waits for the user's answer.
struct DuplicateQuestion {
    std::vector<std::string> lines;         // one per such file, saying why ("same content", "same name")
    std::vector<bool> duplicate_file;       // per file of the import
    size_t other_files = 0;                 // files with documents that are not duplicates
    IndexTarget target;
    std::vector<store::DocumentInput> documents;
    std::vector<int> document_file;         // per document: its file's index
};

struct ReimportState {
    ReimportChoice choice;                  // for state.library_doc_id
    std::optional<ReimportPlan> plan;
    std::optional<ReimportUndo> undo;
    std::optional<DuplicateQuestion> question;
};

// Fills state.reimport.choice for the selected document (called where the Library's details are loaded).
void LoadReimportChoice(AppState& state, int64_t import_id, const std::string& imported_from);

// The encoding the import notes name ("encoding: windows-1251 (…)"), and whether the user had chosen it.
std::optional<text::Encoding> EncodingInNotes(std::string_view notes, bool* chosen);

// Asks to re-read `doc_id`'s file as `encoding`, replacing that document alone or its import's copies of the
// file; fills state.reimport.plan for the user to confirm. Fails when the file is not at hand.
core::Status PlanReimport(AppState& state, int64_t doc_id, ReimportScope scope, text::Encoding encoding);
// Starts the planned re-import (an ImportJob, then an IndexJob in one transaction); clears the plan.
core::Status ConfirmReimport(AppState& state);
// Puts back the documents the last re-import replaced, as an IndexJob (one transaction).
core::Status UndoReimport(AppState& state);
// The user's answer to state.reimport.question: add every file anyway, or skip the duplicates.
core::Status AnswerDuplicates(AppState& state, bool add_anyway);

// ---- Used by the import and index jobs --------------------------------------------------------------------

// A re-import's new reading matched with the documents it replaces (by `imported_from`): each replacing
// document takes the old one's id, import and the metadata the user edited. Scope Document keeps only the
// one matching document (NotFound when the new reading has none). `old` are the replaced documents as stored.
core::Result<std::vector<store::DocumentInput>> MatchReimport(const ReimportPlan& plan,
                                                             const std::vector<store::DocumentInput>& old,
                                                             std::vector<store::DocumentInput> fresh);

// Files of an import into `corpus` that are in it already; fills `question` (lines, duplicate_file,
// other_files) and returns true when there is something to ask. `has_documents`: per file, whether it
// gave documents (a file that gave none adds nothing, so is not asked about).
core::Result<bool> FindDuplicateFiles(store::Corpus& corpus, const std::vector<store::ImportRecord>& files,
                                      const std::vector<bool>& has_documents, DuplicateQuestion& question);

// FNV-1a 64 of `bytes` as 16 hex digits (telling files apart, not security).
std::string ContentHash(std::string_view bytes);

// The test API's view: {"choice": …, "plan": …, "undo": …, "question": …}.
void WriteReimportJson(core::JsonWriter& w, const AppState& state);
// The test API's commands: "reimport" ENCODING DOC-ID [file] (plan), "reimport-confirm", "reimport-cancel",
// "reimport-undo", "duplicates" add|skip. Returns false when `name` is none of them.
bool RunReimportCommand(AppState& state, std::string_view name, std::string_view arg, core::Status* result);

}  // namespace app
