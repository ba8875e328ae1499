// The corpora the app keeps: one SQLite database file each, in a storage directory. The web build mirrors
// that directory in the browser's IndexedDB and saves it there after every committed change, so corpora
// survive a reload (platform/web/storage.cpp); native runs and tests may keep none (in memory).
// This file lists, opens, renames and deletes stored corpora and knows the corpora shipped with the app.
//
//     app::OpenStorage(state, "/corpora", "");   // after the platform loaded the directory
//     app::OpenShipped(state, "sotu");            // one click on the start page
//
// Every change that commits calls NoteCommitted(), which the platform watches to start a sync.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/corpus.h"

namespace app {

struct AppState;

struct StoredCorpus {
    std::string path;           // the database file
    std::string name;
    std::string shipped_id;     // "sotu" … for a corpus that came with the app, else ""
    int64_t documents = 0;
};

// A corpus that ships with the app and opens in one click from the start page.
struct ShippedCorpus {
    const char* id;             // "demo", "sotu", "lavrov" (also ?corpus=ID in the page's URL)
    const char* name;
    const char* description;
    bool built_in;              // its texts are compiled into the app (else the page fetches them)
};
const std::vector<ShippedCorpus>& ShippedCorpora();
const ShippedCorpus* FindShipped(std::string_view id);

// Starts using `dir` for corpora (the platform has loaded it): lists them, then opens the shipped corpus
// `requested` (when not empty; stored copy first), else the corpus opened last, else nothing (start page).
void OpenStorage(AppState& state, std::string dir, std::string_view requested);
// Re-reads the list of stored corpora (AppState::corpora), newest first.
void ScanCorpora(AppState& state);
// A fresh file name for a new corpus in the storage directory; "" when corpora are not stored.
std::string NewCorpusPath(const AppState& state);
// Opens a stored corpus (a job reads its document list); it replaces the open one when done.
void OpenStoredCorpus(AppState& state, const std::string& path);
// Opens a shipped corpus: its stored copy if there is one, else builds it (demo) or asks the platform to
// fetch its files (AppState::request_fetch). The platform answers at once with an "import-shipped" command
// whose files are still arriving (the import reads each as it lands), or ShippedDownloadFailed.
void OpenShipped(AppState& state, std::string_view id);
// A shipped corpus's download failed (`message` says which file and why): its import stops, leaving every
// corpus as it was, and the message is shown.
void ShippedDownloadFailed(AppState& state, std::string message);
core::Status RenameCorpus(AppState& state, const std::string& path, const std::string& name);
// Deletes a stored corpus; when it is the open one, the app goes back to the start page.
core::Status DeleteCorpus(AppState& state, const std::string& path);
// Makes `corpus` the open corpus (shown in every view; remembered as the one to open next time);
// `documents` is its document list. A null corpus closes it.
void ShowCorpus(AppState& state, std::shared_ptr<store::Corpus> corpus, std::string path, std::string name,
                std::vector<store::DocumentSummary> documents);
// Closes the open corpus (the start page shows).
void CloseCorpus(AppState& state);
// Records that something was committed to `path`: the platform syncs storage after it.
void NoteCommitted(AppState& state, const std::string& path);

}  // namespace app
