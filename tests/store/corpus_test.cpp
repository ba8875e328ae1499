// The corpus database: schema, FTS5 through our ICU tokenizer, refusal of foreign and damaged files.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "store/corpus.h"

namespace {

store::Corpus MakeCorpus() {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE_MESSAGE(corpus.ok(), corpus.status().ToString());
    REQUIRE(corpus->Begin().ok());
    const store::DocumentInput docs[] = {
        {.title = "Press conference", .text = "Foreign Minister Sergey Lavrov answered questions in Moscow."},
        {.title = "Интервью", .text = "СЕРГЕЙ ЛАВРОВ: Мы готовы к диалогу. Сергей Лавров встретился с коллегами."},
        {.title = "Berlin notes", .text = "The embassy is on the Straße des 17. Juni in Berlin."},
        {.title = "Lavrov in Geneva", .text = "Talks in Geneva continued on Tuesday."},
    };
    for (const auto& d : docs) REQUIRE(corpus->AddDocument(d).ok());
    REQUIRE(corpus->Commit().ok());
    return std::move(*corpus);
}

std::string TempPath(const char* name) {
    return std::string(CL_TEST_TMP_DIR) + "/" + name;
}

}  // namespace

TEST_SUITE("store") {

TEST_CASE("a new corpus has the current schema version and no documents") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    CHECK(*corpus->db().QueryInt64("PRAGMA user_version") == store::kSchemaVersion);
    CHECK(*corpus->DocumentCount() == 0);
    CHECK(*corpus->db().QueryInt64("PRAGMA page_size") == 16384);
}

TEST_CASE("fts5 with the icu tokenizer matches across case and compatibility forms") {
    store::Corpus corpus = MakeCorpus();
    CHECK(*corpus.DocumentCount() == 4);
    CHECK(*corpus.CountMatches("\"сергей\"") == 1);            // «СЕРГЕЙ» and «Сергей» both in one document
    CHECK(*corpus.CountMatches("\"lavrov\"") == 2);            // text of one, title of another
    CHECK(*corpus.CountMatches("\"strasse\"") == 1);           // «Straße»
    CHECK(*corpus.CountMatches("\"лавров\" \"диалогу\"") == 1);
    CHECK(*corpus.CountMatches("\"nothing\"") == 0);
}

TEST_CASE("search ranks title matches first and marks hits in snippets") {
    store::Corpus corpus = MakeCorpus();
    auto hits = corpus.Search("\"lavrov\"", 10);
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 2);
    CHECK((*hits)[0].title == "Lavrov in Geneva");
    CHECK((*hits)[0].score <= (*hits)[1].score);
    const std::string& snippet = (*hits)[1].snippet;
    CHECK(snippet.find(std::string(1, store::kHighlightBegin) + "Lavrov" + store::kHighlightEnd) != std::string::npos);
}

TEST_CASE("an fts5 syntax error is a Status, not a crash") {
    store::Corpus corpus = MakeCorpus();
    auto count = corpus.CountMatches("\"unterminated");
    REQUIRE_FALSE(count.ok());
    CHECK(count.status().code() == core::StatusCode::InvalidInput);
    CHECK(count.status().message().find("search") == 0);
}

TEST_CASE("a rolled-back transaction leaves the corpus as it was") {
    store::Corpus corpus = MakeCorpus();
    REQUIRE(corpus.Begin().ok());
    REQUIRE(corpus.AddDocument({.title = "draft", .text = "temporary words"}).ok());
    REQUIRE(corpus.Rollback().ok());
    CHECK(*corpus.DocumentCount() == 4);
    CHECK(*corpus.CountMatches("\"temporary\"") == 0);
}

TEST_CASE("a saved corpus reopens as an untrusted bundle and still searches") {
    std::string path = TempPath("store_test_bundle.sqlite");
    std::remove(path.c_str());
    {
        auto corpus = store::Corpus::Create(path);
        REQUIRE_MESSAGE(corpus.ok(), corpus.status().ToString());
        REQUIRE(corpus->AddDocument({.title = "t", .text = "Сергей Лавров"}).ok());
    }
    auto reopened = store::Corpus::OpenUntrusted(path);
    REQUIRE_MESSAGE(reopened.ok(), reopened.status().ToString());
    CHECK(*reopened->CountMatches("\"сергей\"") == 1);
    std::remove(path.c_str());
}

TEST_CASE("files that are not corpus databases are refused with a clear message") {
    SUBCASE("a text file") {
        std::string path = TempPath("store_test_not_a_db.sqlite");
        std::ofstream(path) << "this is not a database, just some text that is long enough to look like a header";
        auto corpus = store::Corpus::OpenUntrusted(path);
        REQUIRE_FALSE(corpus.ok());
        CHECK(corpus.status().code() == core::StatusCode::Corrupt);
        std::remove(path.c_str());
    }
    SUBCASE("a sqlite database of something else") {
        std::string path = TempPath("store_test_other.sqlite");
        std::remove(path.c_str());
        {
            auto db = store::Database::Open(path, store::OpenMode::Create);
            REQUIRE(db.ok());
            REQUIRE(db->Exec("CREATE TABLE people(name TEXT)").ok());
        }
        auto corpus = store::Corpus::OpenUntrusted(path);
        REQUIRE_FALSE(corpus.ok());
        CHECK(corpus.status().message().find("not a Corpus Lens database") != std::string::npos);
        std::remove(path.c_str());
    }
    SUBCASE("a corpus from a newer version") {
        std::string path = TempPath("store_test_newer.sqlite");
        std::remove(path.c_str());
        {
            auto db = store::Database::Open(path, store::OpenMode::Create);
            REQUIRE(db.ok());
            REQUIRE(db->Exec("PRAGMA user_version = 99").ok());
        }
        auto corpus = store::Corpus::OpenUntrusted(path);
        REQUIRE_FALSE(corpus.ok());
        CHECK(corpus.status().code() == core::StatusCode::Unsupported);
        CHECK(corpus.status().message().find("newer Corpus Lens") != std::string::npos);
        std::remove(path.c_str());
    }
    SUBCASE("a missing file") {
        auto corpus = store::Corpus::OpenUntrusted(TempPath("does_not_exist.sqlite"));
        REQUIRE_FALSE(corpus.ok());
        CHECK(corpus.status().code() == core::StatusCode::Io);
    }
}

}  // TEST_SUITE

TEST_SUITE("store") {

TEST_CASE("the bag of words counts each normalised term per document and across the corpus") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    REQUIRE(corpus->Begin().ok());
    auto a = corpus->AddDocument({.title = "a", .text = "War and peace. WAR!"});
    auto b = corpus->AddDocument({.title = "b", .text = "Peace talks"});
    REQUIRE((a.ok() && b.ok()));
    REQUIRE(corpus->Commit().ok());
    auto& db = corpus->db();
    CHECK(*db.QueryInt64("SELECT df FROM terms WHERE term = 'war'") == 1);
    CHECK(*db.QueryInt64("SELECT cf FROM terms WHERE term = 'war'") == 2);
    CHECK(*db.QueryInt64("SELECT df FROM terms WHERE term = 'peace'") == 2);
    CHECK(*db.QueryInt64("SELECT count(*) FROM terms") == 4);   // war, and, peace, talks
    CHECK(*db.QueryInt64("SELECT count FROM doc_terms JOIN terms ON terms.id = term_id WHERE term = 'war'") == 2);
    CHECK(*db.QueryInt64("SELECT sum(count) FROM doc_terms") == 6);
}

TEST_CASE("rolled-back documents leave no word counts behind, and counting resumes correctly") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    REQUIRE(corpus->AddDocument({.title = "kept", .text = "alpha beta"}).ok());   // its own transaction
    REQUIRE(corpus->Begin().ok());
    REQUIRE(corpus->AddDocument({.title = "dropped", .text = "alpha gamma"}).ok());
    REQUIRE(corpus->Rollback().ok());
    REQUIRE(corpus->AddDocument({.title = "later", .text = "alpha delta"}).ok());
    auto& db = corpus->db();
    CHECK(*db.QueryInt64("SELECT df FROM terms WHERE term = 'alpha'") == 2);
    CHECK(*db.QueryInt64("SELECT count(*) FROM terms WHERE term = 'gamma'") == 0);
    CHECK(*db.QueryInt64("SELECT count(*) FROM doc_terms WHERE term_id NOT IN (SELECT id FROM terms)") == 0);
}

TEST_CASE("extra fields, import notes and the original text are kept with a document") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    store::DocumentInput doc{.title = "t", .text = "trimmed body"};
    doc.original_text = "All news\ntrimmed body";
    doc.import_notes = "encoding: UTF-8\ntrimmed \"All news\"";
    doc.fields = {{"party", "Federalist"}, {"year", "1790"}};
    auto id = corpus->AddDocument(doc);
    REQUIRE(id.ok());
    auto fields = corpus->Fields(*id);
    REQUIRE(fields.ok());
    CHECK(*fields == std::vector<std::pair<std::string, std::string>>{{"party", "Federalist"}, {"year", "1790"}});
    CHECK(*corpus->ImportNotes(*id) == doc.import_notes);
    CHECK(*corpus->db().QueryInt64("SELECT length(original_text) FROM documents") == 21);
    REQUIRE(corpus->SetMeta("name", "Speeches").ok());
    CHECK(*corpus->Meta("name") == "Speeches");
    CHECK(corpus->Meta("missing")->empty());
}

TEST_CASE("the document list carries every metadata field: author, url and the extra fields, in order") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    REQUIRE(corpus->Begin().ok());
    REQUIRE(corpus->AddDocument({.title = "First", .author = "John Smith", .url = "https://example.org/1", .text = "a",
                                 .fields = {{"president", "George Washington"}, {"party", "Unaffiliated"}}}).ok());
    REQUIRE(corpus->AddDocument({.title = "No fields", .text = "b"}).ok());
    REQUIRE(corpus->AddDocument({.title = "Third", .text = "c", .fields = {{"party", "Whig"}, {"region", "North"}}}).ok());
    REQUIRE(corpus->Commit().ok());
    auto all = corpus->ListDocuments();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 3);
    CHECK((*all)[0].author == "John Smith");
    CHECK((*all)[0].url == "https://example.org/1");
    using Fields = std::vector<std::pair<std::string, std::string>>;
    CHECK((*all)[0].fields == Fields{{"president", "George Washington"}, {"party", "Unaffiliated"}});
    CHECK((*all)[1].fields.empty());
    CHECK((*all)[2].fields == Fields{{"party", "Whig"}, {"region", "North"}});
    // Read in pieces, each piece gets its own documents' fields only.
    auto piece = corpus->ListDocuments((*all)[0].id, 1);
    REQUIRE(piece.ok());
    REQUIRE(piece->size() == 1);
    CHECK((*piece)[0].title == "No fields");
    CHECK((*piece)[0].fields.empty());
    auto last = corpus->ListDocuments((*all)[1].id, 5);
    REQUIRE(last.ok());
    CHECK((*last)[0].fields == Fields{{"party", "Whig"}, {"region", "North"}});
    auto one = corpus->GetDocument((*all)[0].id);
    REQUIRE(one.ok());
    CHECK(one->summary.author == "John Smith");
    CHECK(one->summary.fields.size() == 2);
    CHECK(*corpus->FieldNames() == std::vector<std::string>{"president", "party", "region"});
}

TEST_CASE("a metadata edit saves author, url and extra fields; the fields table keeps (doc_id, key, value)") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    auto id = corpus->AddDocument({.title = "t", .text = "Talks", .fields = {{"president", "Lincoln"}, {"party", "Whig"}}});
    REQUIRE(id.ok());
    auto doc = corpus->GetDocument(*id);
    REQUIRE(doc.ok());
    store::DocumentSummary edited = doc->summary;
    edited.author = "A. Lincoln";
    edited.url = "https://example.org";
    edited.fields[1].second = "Republican";
    REQUIRE(corpus->UpdateMetadata(edited).ok());
    auto again = corpus->GetDocument(*id);
    REQUIRE(again.ok());
    CHECK(again->summary.author == "A. Lincoln");
    CHECK(again->summary.url == "https://example.org");
    CHECK(again->summary.fields == std::vector<std::pair<std::string, std::string>>{{"president", "Lincoln"}, {"party", "Republican"}});
    CHECK(*corpus->db().QueryInt64("SELECT count(*) FROM fields WHERE doc_id = " + std::to_string(*id) +
                                   " AND key = 'party' AND value = 'Republican'") == 1);
}

TEST_CASE("document filters on author, url and extra fields ignore case and accents, any value of one field") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    REQUIRE(corpus->AddDocument({.title = "1", .author = "John Smith", .text = "x", .fields = {{"party", "Démocrate"}}}).ok());
    REQUIRE(corpus->AddDocument({.title = "2", .url = "https://kremlin.ru/1", .text = "x", .fields = {{"Party", "Whig"}}}).ok());
    REQUIRE(corpus->AddDocument({.title = "3", .text = "x", .fields = {{"president", "Whig"}}}).ok());
    auto ids = [&](store::DocFilter filter) {
        auto hits = corpus->SearchDocuments("", std::span<const store::DocFilter>(&filter, 1), 10, false);
        REQUIRE_MESSAGE(hits.ok(), hits.status().ToString());
        std::vector<int64_t> out;
        for (const store::SearchHit& h : *hits) out.push_back(h.doc_id);
        return out;
    };
    using Ids = std::vector<int64_t>;
    CHECK(ids({.fields = {{"author", {"SMITH"}}}}) == Ids{1});
    CHECK(ids({.fields = {{"url", {"kremlin"}}}}) == Ids{2});
    CHECK(ids({.fields = {{"party", {"whig"}}}}) == Ids{2});             // the name ignores case; president: is not party:
    CHECK(ids({.fields = {{"party", {"démocrate", "whig"}}}}) == Ids{1, 2});   // any of the values
    CHECK(ids({.fields = {{"party", {"DÉMOCRATE"}}}}) == Ids{1});
    CHECK(ids({.fields = {{"party", {"whig"}}, {"president", {"whig"}}}}).empty());   // both fields must hold
    CHECK(ids({.fields = {{"colour", {"red"}}}}).empty());
}

TEST_CASE("deleting a document takes it out of search, the bag of words and its fields") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    auto a = corpus->AddDocument({.title = "a", .text = "War and peace", .fields = {{"year", "1869"}}});
    auto b = corpus->AddDocument({.title = "b", .text = "Peace talks"});
    REQUIRE((a.ok() && b.ok()));
    REQUIRE(corpus->DeleteDocument(*a).ok());
    auto& db = corpus->db();
    CHECK(*corpus->CountMatches("\"war\"") == 0);
    CHECK(*corpus->CountMatches("\"peace\"") == 1);
    CHECK(*db.QueryInt64("SELECT df FROM terms WHERE term = 'war'") == 0);
    CHECK(*db.QueryInt64("SELECT df FROM terms WHERE term = 'peace'") == 1);
    CHECK(*db.QueryInt64("SELECT count(*) FROM doc_terms") == 2);
    CHECK(*db.QueryInt64("SELECT count(*) FROM fields") == 0);
    CHECK(*corpus->DocumentCount() == 1);
    CHECK(corpus->DeleteDocument(*a).code() == core::StatusCode::NotFound);
    CHECK(*db.QueryInt64("SELECT count(*) FROM doc_fts WHERE doc_fts MATCH 'peace'") == 1);
    REQUIRE(db.Exec("INSERT INTO doc_fts(doc_fts) VALUES ('integrity-check')").ok());
}

TEST_CASE("editing a title re-indexes it; other metadata edits leave the index alone") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    auto id = corpus->AddDocument({.title = "Untitled", .text = "Talks in Geneva"});
    REQUIRE(id.ok());
    REQUIRE(corpus->UpdateMetadata({.id = *id, .title = "Lavrov in Geneva", .source = "TASS", .date = "2015-12-11", .lang = "en"}).ok());
    CHECK(*corpus->CountMatches("title : \"lavrov\"") == 1);
    CHECK(*corpus->CountMatches("title : \"untitled\"") == 0);
    auto doc = corpus->GetDocument(*id);
    REQUIRE(doc.ok());
    CHECK(doc->summary.source == "TASS");
    CHECK(doc->summary.date == "2015-12-11");
    CHECK(doc->text == "Talks in Geneva");
    CHECK(*corpus->db().QueryInt64("SELECT df FROM terms WHERE term = 'geneva'") == 1);
    CHECK(corpus->UpdateMetadata({.id = 999, .title = "x"}).code() == core::StatusCode::NotFound);
    REQUIRE(corpus->db().Exec("INSERT INTO doc_fts(doc_fts) VALUES ('integrity-check')").ok());
}

TEST_CASE("undoing the trimming of one document restores its text, index and word count") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    store::DocumentInput doc{.title = "t", .text = "trimmed body"};
    doc.original_text = "All news\ntrimmed body";
    auto id = corpus->AddDocument(doc);
    auto plain = corpus->AddDocument({.title = "u", .text = "untouched"});
    REQUIRE((id.ok() && plain.ok()));
    CHECK(corpus->GetDocument(*id)->summary.word_count == 2);   // counted while indexing
    CHECK(corpus->GetDocument(*plain)->summary.word_count == 1);
    CHECK(*corpus->HasOriginalText(*id));
    CHECK_FALSE(*corpus->HasOriginalText(*plain));
    CHECK(*corpus->CountMatches("\"news\"") == 0);
    REQUIRE(corpus->RestoreOriginalText(*id).ok());
    CHECK(*corpus->CountMatches("\"news\"") == 1);
    CHECK(corpus->GetDocument(*id)->text == "All news\ntrimmed body");
    CHECK(corpus->GetDocument(*id)->summary.word_count == 4);
    CHECK_FALSE(*corpus->HasOriginalText(*id));
    CHECK(corpus->ImportNotes(*id)->find("Trimming undone") != std::string::npos);
    CHECK(*corpus->db().QueryInt64("SELECT cf FROM terms WHERE term = 'body'") == 1);
    REQUIRE(corpus->RestoreOriginalText(*plain).ok());   // nothing to undo
    CHECK(corpus->GetDocument(*plain)->text == "untouched");
}

TEST_CASE("a failed edit inside a transaction rolls back with it") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    auto id = corpus->AddDocument({.title = "a", .text = "alpha"});
    REQUIRE(id.ok());
    REQUIRE(corpus->Begin().ok());
    REQUIRE(corpus->DeleteDocument(*id).ok());
    REQUIRE(corpus->Rollback().ok());
    CHECK(*corpus->CountMatches("\"alpha\"") == 1);
    CHECK(*corpus->db().QueryInt64("SELECT df FROM terms WHERE term = 'alpha'") == 1);
    REQUIRE(corpus->AddDocument({.title = "b", .text = "alpha"}).ok());
    CHECK(*corpus->db().QueryInt64("SELECT df FROM terms WHERE term = 'alpha'") == 2);
}


TEST_CASE("a schema 1 corpus is updated to the current schema when opened, keeping its documents") {
    std::string path = TempPath("schema1.sqlite");
    std::remove(path.c_str());
    {
        auto corpus = store::Corpus::Create(path);
        REQUIRE(corpus.ok());
        REQUIRE(corpus->AddDocument({.title = "Old", .text = "An old corpus's text."}).ok());
        // Back to schema 1 as it was
        REQUIRE(corpus->db().Exec("ALTER TABLE documents DROP COLUMN import_id; ALTER TABLE documents DROP COLUMN edited; "
                                  "DROP TABLE imports; DROP TABLE doc_tokens; DROP TABLE topic_models; "
                                  "PRAGMA user_version = 1;").ok());
    }
    auto corpus = store::Corpus::Create(path);
    REQUIRE(corpus.ok());
    CHECK(*corpus->db().QueryInt64("PRAGMA user_version") == store::kSchemaVersion);
    CHECK(*corpus->DocumentCount() == 1);
    CHECK(*corpus->MissingTokenSequences() == 1);
    auto doc = corpus->GetDocument(1);
    REQUIRE(doc.ok());
    CHECK(doc->import_id == 0);
    CHECK(doc->edited == "");
    CHECK(corpus->Imports()->empty());
}

TEST_CASE("edits are remembered per field, and a document can be put back under its own id exactly") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    auto import_id = corpus->AddImport({.name = "a.txt", .size = 12, .hash = "00000000000000ff"});
    REQUIRE(import_id.ok());
    auto id = corpus->AddDocument({.title = "A", .source = "S", .text = "Harbour tariffs rise.", .import_notes = "note",
                                   .fields = {{"president", "X"}}, .import_id = *import_id});
    REQUIRE(id.ok());
    REQUIRE(corpus->AddDocument({.title = "B", .text = "Another harbour."}).ok());
    store::DocumentSummary s = corpus->GetDocument(*id)->summary;
    s.date = "2001";
    s.title = "Title";
    REQUIRE(corpus->UpdateMetadata(s).ok());
    s.date = "2002";
    REQUIRE(corpus->UpdateMetadata(s).ok());
    CHECK(corpus->GetDocument(*id)->edited == "date title");
    CHECK(*corpus->DocumentsOfImport(*import_id) == std::vector<int64_t>{*id});

    auto before = corpus->ReadDocumentInput(*id);
    REQUIRE(before.ok());
    const int64_t df = *corpus->db().QueryInt64("SELECT df FROM terms WHERE term = 'harbour'");
    REQUIRE(corpus->DeleteDocument(*id).ok());
    CHECK(*corpus->db().QueryInt64("SELECT df FROM terms WHERE term = 'harbour'") == df - 1);
    auto again = corpus->AddDocument(*before);
    REQUIRE(again.ok());
    CHECK(*again == *id);
    auto after = corpus->ReadDocumentInput(*id);
    REQUIRE(after.ok());
    CHECK(after->title == "Title");
    CHECK(after->date == "2002");
    CHECK(after->text == before->text);
    CHECK(after->import_notes == "note");
    CHECK(after->edited == "date title");
    CHECK(after->import_id == *import_id);
    CHECK(after->fields == before->fields);
    CHECK(*corpus->db().QueryInt64("SELECT df FROM terms WHERE term = 'harbour'") == df);
    CHECK(*corpus->CountMatches("\"tariffs\"") == 1);
}

}  // TEST_SUITE
