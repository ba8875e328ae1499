// Re-import acts on exactly the documents the user confirmed (one document, or one import's copies of a file),
// keeps the user's metadata edits, is undone exactly; a file brought to a corpus that has it is asked about.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "app/app_state.h"
#include "app/corpora.h"
#include "app/document_edits.h"
#include "app/reimport.h"

namespace {

std::string StorageDir(const char* name) {
    std::string dir = std::string(CL_TEST_TMP_DIR) + "/reimport-" + name;
    std::filesystem::remove_all(dir);
    std::filesystem::remove_all(dir + "-scratch");
    return dir;
}

void RunJobs(app::AppState& state) {
    for (int frames = 0; (state.jobs.Busy() || !state.deferred.empty()) && frames < 100000; ++frames) app::Update(state, 5.0);
    app::Update(state, 5.0);
}

// A file the platform wrote for an import (each import gets its own scratch path, as in the browser).
app::ImportFile Scratch(const std::string& dir, const std::string& name, const std::string& bytes) {
    static int batch = 0;
    std::string folder = dir + "-scratch/" + std::to_string(++batch);
    std::filesystem::create_directories(folder);
    std::string path = folder + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return {.name = name, .path = path};
}

// «Привет, мир. Проверка связи.» in windows-1251: read as KOI8-R it is nonsense.
const std::string kCp1251 = "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0. \xCF\xF0\xEE\xE2\xE5\xF0\xEA\xE0 \xF1\xE2\xFF\xE7\xE8.";

// Everything a user could tell a document by.
std::string Snapshot(store::Corpus& corpus, int64_t id) {
    auto d = corpus.ReadDocumentInput(id);
    REQUIRE(d.ok());
    std::string out = std::to_string(d->id) + "|" + d->title + "|" + d->source + "|" + d->date + "|" + d->lang + "|" +
                      d->text + "|" + d->import_notes + "|" + d->original_text + "|" + d->edited;
    for (auto& [k, v] : d->fields) out += "|" + k + "=" + v;
    return out;
}

int64_t Df(store::Corpus& corpus, const char* term) {
    auto df = corpus.db().QueryInt64(std::string("SELECT coalesce(max(df), 0) FROM terms WHERE term = '") + term + "'");
    REQUIRE(df.ok());
    return *df;
}

}  // namespace

TEST_SUITE("app") {

TEST_CASE("re-import of one copy of a file imported twice replaces that copy only, under its id, and undo restores it") {
    std::string dir = StorageDir("copy");
    app::AppState state;
    app::OpenStorage(state, dir, "demo");
    RunJobs(state);
    REQUIRE(state.documents.size() == 8);
    app::ImportFiles(state, {Scratch(dir, "letter.txt", kCp1251)}, app::ImportTarget::OpenCorpus);
    RunJobs(state);
    app::ImportFiles(state, {Scratch(dir, "letter.txt", kCp1251)}, app::ImportTarget::OpenCorpus);
    RunJobs(state);
    REQUIRE(state.reimport.question.has_value());   // the same file again: asked, not added
    CHECK(state.documents.size() == 9);
    REQUIRE(app::RunCommand(state, "duplicates", "add").ok());
    RunJobs(state);
    REQUIRE(state.documents.size() == 10);
    const int64_t first = state.documents[8].id, second = state.documents[9].id;
    const std::string second_before = Snapshot(*state.corpus, second);
    CHECK(state.corpus->GetDocument(first)->import_id != state.corpus->GetDocument(second)->import_id);

    // The user fixed the first copy's title; then re-reads it as KOI8-R
    store::DocumentSummary edited = state.corpus->GetDocument(first)->summary;
    edited.title = "My letter";
    edited.author = "Anna";                                // the Library edits author and extra fields too
    edited.fields = {{"recipient", "Boris"}};
    REQUIRE(app::UpdateDocument(state, edited).ok());
    const std::string first_before = Snapshot(*state.corpus, first);
    const int64_t df_before = Df(*state.corpus, "привет");
    REQUIRE(df_before == 2);

    REQUIRE(app::RunCommand(state, "reimport", "koi8-r " + std::to_string(first)).ok());
    REQUIRE(state.reimport.plan.has_value());
    REQUIRE(state.reimport.plan->documents.size() == 1);   // what the dialog lists: this document only
    CHECK(state.reimport.plan->documents[0].id == first);
    CHECK(state.documents.size() == 10);                   // nothing happens before the user confirms
    REQUIRE(app::RunCommand(state, "reimport-confirm", "").ok());
    RunJobs(state);
    CHECK(state.last_error == "");
    REQUIRE(state.documents.size() == 10);
    CHECK(state.documents[8].id == first);                 // replaced under its own id, in its place
    auto now = state.corpus->GetDocument(first);
    REQUIRE(now.ok());
    CHECK(now->text.find("Привет") == std::string::npos);
    CHECK(now->summary.title == "My letter");              // the user's edits are kept
    CHECK(now->summary.author == "Anna");
    CHECK(now->summary.fields == std::vector<std::pair<std::string, std::string>>{{"recipient", "Boris"}});
    CHECK(state.documents[8].title == "My letter");
    CHECK(state.corpus->ImportNotes(first)->find("KOI8-R") != std::string::npos);
    CHECK(Snapshot(*state.corpus, second) == second_before);   // the other copy is untouched
    CHECK(Df(*state.corpus, "привет") == 1);
    REQUIRE(state.reimport.undo.has_value());

    REQUIRE(app::RunCommand(state, "reimport-undo", "").ok());
    RunJobs(state);
    CHECK(state.last_error == "");
    REQUIRE(state.documents.size() == 10);
    CHECK(Snapshot(*state.corpus, first) == first_before);     // text, metadata, notes, id: as before
    CHECK(Snapshot(*state.corpus, second) == second_before);
    CHECK(Df(*state.corpus, "привет") == df_before);
    CHECK(*state.corpus->CountMatches("\"привет\"") == 2);
    CHECK(!state.reimport.undo.has_value());
}

TEST_CASE("re-import of a whole file replaces exactly that import's documents and keeps each one's edits") {
    std::string dir = StorageDir("file");
    app::AppState state;
    app::OpenStorage(state, dir, "demo");
    RunJobs(state);
    // Three speeches in windows-1252 (é as 0xE9), so they are read right only as windows-1252
    const std::string jsonl = "{\"title\": \"One\", \"text\": \"Caf\xE9 one.\"}\n{\"title\": \"Two\", \"text\": \"Caf\xE9 two.\"}\n"
                              "{\"title\": \"Three\", \"text\": \"Caf\xE9 three.\"}\n";
    app::ImportFiles(state, {Scratch(dir, "speeches.jsonl", jsonl), Scratch(dir, "other.txt", "Another text entirely.")},
                     app::ImportTarget::OpenCorpus);
    RunJobs(state);
    REQUIRE(state.documents.size() == 12);
    const int64_t one = state.documents[8].id;
    const int64_t other = state.documents[11].id;
    const std::string other_before = Snapshot(*state.corpus, other);
    state.library_doc_id = one;
    app::Update(state);
    REQUIRE(state.reimport.choice.available);
    CHECK(state.reimport.choice.file_documents == 3);
    REQUIRE(state.reimport.choice.encoding.has_value());
    CHECK(*state.reimport.choice.encoding == text::Encoding::Windows1252);   // offered as detected
    CHECK(!state.reimport.choice.encoding_chosen);

    store::DocumentSummary edited = state.corpus->GetDocument(one + 1)->summary;
    edited.date = "2001-02-03";
    REQUIRE(app::UpdateDocument(state, edited).ok());
    REQUIRE(app::RunCommand(state, "reimport", "utf-8 " + std::to_string(one) + " file").ok());
    REQUIRE(state.reimport.plan.has_value());
    CHECK(state.reimport.plan->documents.size() == 3);
    REQUIRE(app::RunCommand(state, "reimport-confirm", "").ok());
    RunJobs(state);
    REQUIRE(state.documents.size() == 12);
    for (int64_t id = one; id < one + 3; ++id) CHECK(state.corpus->GetDocument(id)->text.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(state.corpus->GetDocument(one + 1)->summary.date == "2001-02-03");
    CHECK(Snapshot(*state.corpus, other) == other_before);
    CHECK(state.reimport.undo->previous.size() == 3);
    // The choice now says the text was read as UTF-8 because the user chose it
    state.library_loaded_id = -1;
    app::Update(state);
    CHECK(*state.reimport.choice.encoding == text::Encoding::Utf8);
    CHECK(state.reimport.choice.encoding_chosen);
}

TEST_CASE("adding files already in the corpus asks; skipping adds the others only and says what was skipped") {
    std::string dir = StorageDir("duplicates");
    app::AppState state;
    app::OpenStorage(state, dir, "demo");
    RunJobs(state);
    app::ImportFiles(state, {Scratch(dir, "a.txt", "The first text here."), Scratch(dir, "b.txt", "The second text here.")},
                     app::ImportTarget::OpenCorpus);
    RunJobs(state);
    REQUIRE(state.documents.size() == 10);
    // a.txt again under another name, b.txt's name with new content, and a new file
    app::ImportFiles(state, {Scratch(dir, "copy of a.txt", "The first text here."), Scratch(dir, "b.txt", "A changed second text."),
                             Scratch(dir, "c.txt", "A third text.")},
                     app::ImportTarget::OpenCorpus);
    RunJobs(state);
    REQUIRE(state.reimport.question.has_value());
    CHECK(state.documents.size() == 10);
    REQUIRE(state.reimport.question->lines.size() == 2);
    CHECK(state.reimport.question->lines[0].find("same size and content") != std::string::npos);
    CHECK(state.reimport.question->lines[0].find("as «a.txt»") != std::string::npos);
    CHECK(state.reimport.question->lines[1].find("content differs") != std::string::npos);
    CHECK(state.reimport.question->other_files == 1);
    REQUIRE(app::RunCommand(state, "duplicates", "skip").ok());
    RunJobs(state);
    REQUIRE(state.documents.size() == 11);
    CHECK(state.documents.back().title == "A third text.");   // c.txt
    CHECK(state.import_report.size() == 2);
    CHECK(state.import_report[0].rfind("Skipped «copy of a.txt»", 0) == 0);
}

TEST_CASE("the encoding the notes name is read back, detected or chosen") {
    bool chosen = true;
    auto e = app::EncodingInNotes("title from the first line\nencoding: windows-1251 (Cyrillic letters fit it best)", &chosen);
    REQUIRE(e.has_value());
    CHECK(*e == text::Encoding::Windows1251);
    CHECK(!chosen);
    e = app::EncodingInNotes("encoding: KOI8-R (chosen by the user); text from field \"text\"", &chosen);
    REQUIRE(e.has_value());
    CHECK(*e == text::Encoding::Koi8R);
    CHECK(chosen);
    CHECK(!app::EncodingInNotes("no encoding: here", &chosen).has_value());
}

}  // TEST_SUITE
