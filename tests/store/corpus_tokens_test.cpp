// The corpus's token sequences (doc_tokens) and saved topic models (topic_models): kept in step with the bag of
// words through every edit, filled for corpora of schema 2 by the backfill, and refused when damaged.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "store/corpus.h"
#include "text/tokenizer.h"

namespace {

std::string TempPath(const char* name) { return std::string(CL_TEST_TMP_DIR) + "/" + name; }

// The normal forms of `text`'s tokens as FTS5 indexes them (empty ones skipped).
std::vector<std::string> Norms(std::string_view text) {
    std::vector<std::string> norms;
    for (const text::Token& t : text::Tokenize(text))
        if (!t.norm.empty()) norms.push_back(t.norm);
    return norms;
}

// Document `id`'s stored sequence as words.
std::vector<std::string> SequenceWords(store::Corpus& corpus, int64_t id) {
    auto seq = corpus.TokenSequence(id);
    REQUIRE_MESSAGE(seq.ok(), seq.status().ToString());
    auto terms = corpus.TermStrings();
    REQUIRE(terms.ok());
    std::vector<std::string> words;
    for (uint32_t term : *seq) {
        REQUIRE(term < terms->size());
        words.push_back((*terms)[term]);
    }
    return words;
}

// Checks that every document's sequence is its text's tokens and that it counts exactly what the bag of
// words counts (length = word_count, per-term counts = doc_terms).
void CheckSequencesMatchBagOfWords(store::Corpus& corpus) {
    auto docs = corpus.ListDocuments();
    REQUIRE(docs.ok());
    for (const store::DocumentSummary& d : *docs) {
        CAPTURE(d.id);
        auto doc = corpus.GetDocument(d.id);
        REQUIRE(doc.ok());
        auto seq = corpus.TokenSequence(d.id);
        REQUIRE(seq.ok());
        CHECK(static_cast<int64_t>(seq->size()) == d.word_count);
        CHECK(SequenceWords(corpus, d.id) == Norms(doc->text));
        std::map<int64_t, int64_t> counted;
        for (uint32_t term : *seq) ++counted[term];
        auto st = corpus.db().Prepare("SELECT term_id, count FROM doc_terms WHERE doc_id = ?1 ORDER BY term_id");
        REQUIRE(st.ok());
        st->BindInt64(1, d.id);
        std::map<int64_t, int64_t> stored;
        while (*st->Step()) stored[st->ColumnInt64(0)] = st->ColumnInt64(1);
        CHECK(counted == stored);
    }
}

}  // namespace

TEST_SUITE("store") {

TEST_CASE("each document's token sequence is the bag of words' tokens in text order") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    REQUIRE(corpus->Begin().ok());
    const store::DocumentInput docs[] = {
        {.title = "Press conference", .text = "Foreign Minister Sergey Lavrov answered questions in Moscow."},
        {.title = "Интервью", .text = "СЕРГЕЙ ЛАВРОВ: Мы готовы к диалогу. Сергей Лавров встретился с коллегами."},
        {.title = "Berlin notes", .text = "The embassy is on the Straße des 17. Juni in Berlin; the Constitution.It holds."},
        {.title = "Empty", .text = ""},
        {.title = "Punctuation only", .text = "… — !"},
    };
    for (const auto& d : docs) REQUIRE(corpus->AddDocument(d).ok());
    REQUIRE(corpus->Commit().ok());
    CheckSequencesMatchBagOfWords(*corpus);
    CHECK(SequenceWords(*corpus, 2) == std::vector<std::string>{"сергей", "лавров", "мы", "готовы", "к", "диалогу",
                                                                "сергей", "лавров", "встретился", "с", "коллегами"});
    CHECK(corpus->TokenSequence(4)->empty());
    CHECK(*corpus->MissingTokenSequences() == 0);
    // Every document's sequence sums to the corpus's words.
    CHECK(*corpus->db().QueryInt64("SELECT sum(word_count) FROM documents") ==
          *corpus->db().QueryInt64("SELECT sum(cf) FROM terms"));
    CHECK(corpus->TokenSequence(99).status().code() == core::StatusCode::NotFound);
}

TEST_CASE("token sequences follow deletes, restored texts, title edits and documents put back under their id") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    store::DocumentInput trimmed{.title = "t", .text = "trimmed body"};
    trimmed.original_text = "All news today\ntrimmed body";
    auto id = corpus->AddDocument(trimmed);
    auto other = corpus->AddDocument({.title = "u", .text = "war and peace and war"});
    REQUIRE((id.ok() && other.ok()));
    CHECK(SequenceWords(*corpus, *id) == std::vector<std::string>{"trimmed", "body"});

    REQUIRE(corpus->RestoreOriginalText(*id).ok());
    CHECK(SequenceWords(*corpus, *id) == std::vector<std::string>{"all", "news", "today", "trimmed", "body"});

    store::DocumentSummary edited = corpus->GetDocument(*other)->summary;
    edited.title = "a new title";
    REQUIRE(corpus->UpdateMetadata(edited).ok());
    CHECK(SequenceWords(*corpus, *other) == std::vector<std::string>{"war", "and", "peace", "and", "war"});
    CheckSequencesMatchBagOfWords(*corpus);

    // Re-import's path: read the document back, delete it, add the replacement under its id.
    auto input = corpus->ReadDocumentInput(*other);
    REQUIRE(input.ok());
    REQUIRE(corpus->DeleteDocument(*other).ok());
    CHECK(corpus->TokenSequence(*other).status().code() == core::StatusCode::NotFound);
    CHECK(*corpus->db().QueryInt64("SELECT count(*) FROM doc_tokens") == 1);
    input->text = "peace at last";
    REQUIRE(corpus->AddDocument(*input).ok());
    CHECK(SequenceWords(*corpus, *other) == std::vector<std::string>{"peace", "at", "last"});
    CheckSequencesMatchBagOfWords(*corpus);

    // A rolled-back document leaves no sequence.
    REQUIRE(corpus->Begin().ok());
    auto gone = corpus->AddDocument({.title = "x", .text = "rolled back"});
    REQUIRE(gone.ok());
    REQUIRE(corpus->Rollback().ok());
    CHECK(corpus->TokenSequence(*gone).status().code() == core::StatusCode::NotFound);
}

TEST_CASE("a schema 2 corpus made by the previous version migrates to schema 3 and backfills its sequences") {
    const std::string path = TempPath("schema2-migrated.sqlite");
    std::filesystem::remove(path);
    std::filesystem::copy_file(std::filesystem::path(CL_TEST_DATA_DIR) / "schema2.sqlite", path);
    {
        auto corpus = store::Corpus::Create(path);
        REQUIRE_MESSAGE(corpus.ok(), corpus.status().ToString());
        CHECK(*corpus->db().QueryInt64("PRAGMA user_version") == 3);
        CHECK(*corpus->DocumentCount() == 3);
        CHECK(*corpus->MissingTokenSequences() == 3);
        CHECK(corpus->TokenSequence(1).status().code() == core::StatusCode::NotFound);
        CHECK(corpus->ListTopicModels()->empty());
        // One document, then stop (the app's job may be cancelled or the page closed here).
        auto first = corpus->BackfillTokenSequence(0);
        REQUIRE(first.ok());
        CHECK(*first == 1);
        CHECK(*corpus->MissingTokenSequences() == 2);
    }
    auto corpus = store::Corpus::Create(path);
    REQUIRE(corpus.ok());
    CHECK(*corpus->MissingTokenSequences() == 2);
    // Resumes from the start: documents done already are skipped.
    int64_t after = 0;
    std::vector<int64_t> done;
    for (;;) {
        auto next = corpus->BackfillTokenSequence(after);
        REQUIRE(next.ok());
        if (*next == 0) break;
        done.push_back(after = *next);
    }
    CHECK(done == std::vector<int64_t>{2, 3});
    CHECK(*corpus->MissingTokenSequences() == 0);
    CheckSequencesMatchBagOfWords(*corpus);
    // "Constitution.It" is two tokens in the bag of words and in the sequence alike.
    auto words = SequenceWords(*corpus, 2);
    CHECK(std::find(words.begin(), words.end(), "constitution") != words.end());
    CHECK(std::find(words.begin(), words.end(), "it") != words.end());
    // New documents get their sequence at once.
    auto added = corpus->AddDocument({.title = "new", .text = "A new text"});
    REQUIRE(added.ok());
    CHECK(SequenceWords(*corpus, *added) == std::vector<std::string>{"a", "new", "text"});
}

TEST_CASE("saved topic models: save, list newest first, load, labels, rename, delete") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    store::TopicModelRecord model{.name = "K 20 · seed 1 · 1,000 sweeps", .settings = R"({"k":20})", .topics = 20,
                                  .sweeps = 1000, .documents = 233, .log_likelihood_per_token = -8.25};
    model.data = std::string("\x00\x01\xff model bytes", 15);
    auto first = corpus->SaveTopicModel(model);
    REQUIRE(first.ok());
    model.name = "second";
    model.created = "2026-01-02T03:04:05Z";
    auto second = corpus->SaveTopicModel(model);
    REQUIRE(second.ok());
    auto list = corpus->ListTopicModels();
    REQUIRE(list.ok());
    REQUIRE(list->size() == 2);
    CHECK((*list)[0].id == *second);
    CHECK((*list)[0].created == "2026-01-02T03:04:05Z");
    CHECK((*list)[0].data.empty());
    CHECK((*list)[1].name == "K 20 · seed 1 · 1,000 sweeps");
    CHECK((*list)[1].created.size() == 20);   // filled in: YYYY-MM-DDTHH:MM:SSZ
    auto loaded = corpus->LoadTopicModel(*first);
    REQUIRE(loaded.ok());
    CHECK(loaded->data == model.data);
    CHECK(loaded->topics == 20);
    CHECK(loaded->sweeps == 1000);
    CHECK(loaded->documents == 233);
    CHECK(loaded->log_likelihood_per_token == -8.25);
    CHECK(loaded->settings == R"({"k":20})");
    REQUIRE(corpus->UpdateTopicModelLabels(*first, R"([{"label":"war"}])").ok());
    REQUIRE(corpus->RenameTopicModel(*first, "wars").ok());
    loaded = corpus->LoadTopicModel(*first);
    CHECK(loaded->labels == R"([{"label":"war"}])");
    CHECK(loaded->name == "wars");
    REQUIRE(corpus->DeleteTopicModel(*first).ok());
    CHECK(corpus->LoadTopicModel(*first).status().code() == core::StatusCode::NotFound);
    CHECK(corpus->DeleteTopicModel(*first).code() == core::StatusCode::NotFound);
    CHECK(corpus->RenameTopicModel(999, "x").code() == core::StatusCode::NotFound);
    CHECK(corpus->ListTopicModels()->size() == 1);
}

TEST_CASE("a damaged token sequence or a bundle without the schema 3 tables is refused with a message") {
    const std::string path = TempPath("tokens-damaged.sqlite");
    std::remove(path.c_str());
    {
        auto corpus = store::Corpus::Create(path);
        REQUIRE(corpus.ok());
        REQUIRE(corpus->AddDocument({.title = "t", .text = "some words here"}).ok());
        REQUIRE(corpus->db().Exec("UPDATE doc_tokens SET tokens = x'8080' WHERE doc_id = 1").ok());   // truncated varint
        auto seq = corpus->TokenSequence(1);
        CHECK(seq.status().code() == core::StatusCode::Corrupt);
        CHECK(seq.status().message().find("document 1") != std::string::npos);
        REQUIRE(corpus->db().Exec("DROP TABLE topic_models").ok());
    }
    auto opened = store::Corpus::OpenUntrusted(path);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.status().message().find("topic_models") != std::string::npos);
}

}  // TEST_SUITE
