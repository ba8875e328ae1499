// Metadata usable everywhere in the app: the Library's columns (every field, the corpus's own too), its filter
// over every value (case and accents ignored) and its sort; every export of documents carries every field; the
// metadata editor reads dates or refuses them, saving nothing.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/app_state.h"
#include "app/document_edits.h"
#include "app/index_job.h"
#include "app/library_view.h"
#include "app/search_export.h"
#include "text/csv.h"

namespace {

void RunJobs(app::AppState& state) {
    for (int frames = 0; (state.jobs.Busy() || !state.deferred.empty()) && frames < 100000; ++frames) app::Update(state, 5.0);
    app::Update(state, 5.0);
}

// Six speeches shaped like the shipped State of the Union (year, president, party as extra fields).
void OpenSpeeches(app::AppState& state) {
    auto speech = [](const char* year, const char* president, const char* party, const char* text) {
        return store::DocumentInput{.title = std::string(president) + ", " + year, .source = "State of the Union",
                                    .date = year, .lang = "en", .text = text,
                                    .fields = {{"year", year}, {"president", president}, {"party", party}}};
    };
    std::vector<store::DocumentInput> docs = {
        speech("1801", "Thomas Jefferson", "Democratic-Republican", "Peace and commerce."),
        speech("1861", "Abraham Lincoln", "Republican", "The war for the union."),
        speech("1914", "Woodrow Wilson", "Democratic", "War in Europe."),
        speech("1862", "Abraham Lincoln", "Republican", "The war goes on."),
        speech("1850", "Millard Fillmore", "Whig", "Compromise."),
        speech("2001", "José Martí", "", "An invented speech with an accented name."),
    };
    state.jobs.Add(std::make_unique<app::IndexJob>(app::IndexTarget{.corpus_name = "Speeches"}, std::move(docs)));
    RunJobs(state);
    REQUIRE(state.documents.size() == 6);
}

std::vector<std::string> RowTitles(const app::AppState& state) {
    std::vector<std::string> titles;
    for (uint32_t row : state.library.rows) titles.push_back(state.documents[row].title);
    return titles;
}

using Titles = std::vector<std::string>;

}  // namespace

TEST_SUITE("app") {

TEST_CASE("the Library offers every field as a column, the corpus's own shown unless they repeat the date") {
    app::AppState state;
    OpenSpeeches(state);
    const app::LibraryView& view = state.library;
    CHECK(view.field_names == std::vector<std::string>{"year", "president", "party"});
    std::vector<std::string> ids, shown;
    for (const app::LibraryColumn& column : view.columns) {
        ids.push_back(column.id);
        if (column.shown_by_default) shown.push_back(column.id);
    }
    CHECK(ids == std::vector<std::string>{"title", "source", "date", "lang", "author", "url", "field:year",
                                          "field:president", "field:party", "words"});
    // No document has an author or a URL; "year" only repeats the date.
    CHECK(shown == std::vector<std::string>{"title", "source", "date", "lang", "field:president", "field:party", "words"});
    CHECK(app::FindLibraryColumn(view, "field:party")->label == "Party");
}

TEST_CASE("the Library filter matches every field's value, ignoring case and accents") {
    app::AppState state;
    OpenSpeeches(state);
    CHECK(state.library.rows.size() == 6);
    state.library.filter = "Republican";
    app::Update(state);
    CHECK(RowTitles(state) == Titles{"Thomas Jefferson, 1801", "Abraham Lincoln, 1861", "Abraham Lincoln, 1862"});
    state.library.filter = "WHIG";
    app::Update(state);
    CHECK(RowTitles(state) == Titles{"Millard Fillmore, 1850"});
    state.library.filter = "jose marti";   // typed without accents
    app::Update(state);
    CHECK(RowTitles(state) == Titles{"José Martí, 2001"});
    state.library.filter = "MARTÍ";
    app::Update(state);
    CHECK(RowTitles(state).size() == 1);
    state.library.filter = "1850";         // the date and the year field
    app::Update(state);
    CHECK(RowTitles(state) == Titles{"Millard Fillmore, 1850"});
    state.library.filter = "nowhere";
    app::Update(state);
    CHECK(state.library.rows.empty());
    state.library.filter.clear();
    app::Update(state);
    CHECK(state.library.rows.size() == 6);
}

TEST_CASE("a long list is folded for the filter by a job; rows follow as it goes") {
    app::AppState state;
    for (int i = 0; i < 50000; ++i) {
        store::DocumentSummary doc{.id = i + 1, .title = (i % 2 ? "Séance " : "Meeting ") + std::to_string(i),
                                   .source = "Archive"};
        doc.fields = {{"party", i % 1000 == 0 ? "Républicain" : "Other"}};
        state.documents.push_back(std::move(doc));
    }
    state.documents_version = 1;
    state.library.filter = "republicain";
    app::UpdateLibraryView(state);
    CHECK(state.library.filtering);          // not every document is folded after Update's few ms …
    REQUIRE(state.library.fold_job != 0);    // … a job folds the rest
    CHECK(state.library.rows.size() < 50);
    for (int frames = 0; state.jobs.Busy() && frames < 100000; ++frames) {
        state.jobs.Pump(2.0, state);
        app::UpdateLibraryView(state);
    }
    CHECK_FALSE(state.library.filtering);
    CHECK(state.library.fold_job == 0);
    CHECK(state.library.rows.size() == 50);
    CHECK(state.documents[state.library.rows[1]].title == "Meeting 1000");
    state.library.filter = "séance 4999";    // folded already: no job this time
    app::UpdateLibraryView(state);
    CHECK(state.library.fold_job == 0);
    CHECK(state.library.rows.size() == 6);   // 4999 and the odd ones of 49990 … 49999
}

TEST_CASE("sorting by a field column is stable: ties by id, documents without a value last either way") {
    app::AppState state;
    OpenSpeeches(state);
    state.library.sort_column = "field:party";
    state.library.sort_ascending = true;
    app::Update(state);
    CHECK(RowTitles(state) == Titles{"Woodrow Wilson, 1914", "Thomas Jefferson, 1801", "Abraham Lincoln, 1861",
                                     "Abraham Lincoln, 1862", "Millard Fillmore, 1850", "José Martí, 2001"});
    state.library.sort_ascending = false;
    app::Update(state);
    CHECK(RowTitles(state) == Titles{"Millard Fillmore, 1850", "Abraham Lincoln, 1861", "Abraham Lincoln, 1862",
                                     "Thomas Jefferson, 1801", "Woodrow Wilson, 1914", "José Martí, 2001"});
    state.library.sort_column = "field:year";   // every value a number: numeric order
    state.library.sort_ascending = true;
    app::Update(state);
    CHECK(RowTitles(state).front() == "Thomas Jefferson, 1801");
    CHECK(RowTitles(state).back() == "José Martí, 2001");
    state.library.filter = "lincoln";           // filter and sort together
    state.library.sort_column = "date";
    state.library.sort_ascending = false;
    app::Update(state);
    CHECK(RowTitles(state) == Titles{"Abraham Lincoln, 1862", "Abraham Lincoln, 1861"});
}

TEST_CASE("search and concordance exports carry every metadata field") {
    app::AppState state;
    OpenSpeeches(state);
    state.query = "war";
    app::Update(state);
    REQUIRE(state.results.hits.size() == 3);
    auto search = text::ParseCsv(app::SearchHitsTable(state.results.hits, state.documents, ','), {.delimiter = ','});
    REQUIRE(search.ok());
    CHECK(search->header == std::vector<std::string>{"rank", "title", "date", "source", "snippet", "language", "author",
                                                     "url", "year", "president", "party"});
    for (const auto& row : search->rows) {
        CHECK(row[5] == "en");
        CHECK(row[10] == (row[9] == "Woodrow Wilson" ? "Democratic" : "Republican"));
    }
    state.view = app::View::Concordance;
    app::Update(state);   // starts the concordance job
    RunJobs(state);
    REQUIRE(state.kwic != nullptr);
    auto kwic = text::ParseCsv(app::ConcordanceTable(*state.kwic, state.documents, ','), {.delimiter = ','});
    REQUIRE(kwic.ok());
    CHECK(kwic->header == std::vector<std::string>{"document", "left", "hit", "right", "source", "date", "language",
                                                   "author", "url", "year", "president", "party"});
    REQUIRE(kwic->rows.size() == 3);
    for (const auto& row : kwic->rows) CHECK(row[10] == (row[0] == "Woodrow Wilson, 1914" ? "Woodrow Wilson" : "Abraham Lincoln"));
}

TEST_CASE("a party: search runs in the app with the corpus's fields; an unknown field names them") {
    app::AppState state;
    OpenSpeeches(state);
    state.query = "war party:democratic";
    app::Update(state);
    CHECK(state.query_error == "");
    CHECK(state.results.document_count == 1);
    state.query = "party:republican president:lincoln";
    app::Update(state);
    CHECK(state.results.document_count == 2);
    state.query = "war colour:red";
    app::Update(state);
    CHECK(state.query_error.find("the fields are title:, source:, lang:, year:, author:, url:, president: and party:") !=
          std::string::npos);
}

TEST_CASE("the metadata editor saves only dates it can read, and extra fields") {
    CHECK(*app::EditedDate("1861") == "1861");
    CHECK(*app::EditedDate("1861-03") == "1861-03");
    CHECK(*app::EditedDate(" 1861-03-04 ") == "1861-03-04");
    CHECK(*app::EditedDate("4 March 1861") == "1861-03-04");
    CHECK(*app::EditedDate("04.03.1861") == "1861-03-04");
    CHECK(*app::EditedDate("March 4, 1861.") == "1861-03-04");
    CHECK(*app::EditedDate("--03-04") == "--03-04");
    CHECK(app::EditedDate("")->empty());
    for (const char* bad : {"1861-13", "1861-02-30", "1861-3-4x", "soon", "4 March", "March 4, 1861 at noon", "186"}) {
        INFO(bad);
        auto date = app::EditedDate(bad);
        REQUIRE(!date.ok());
        CHECK(date.status().code() == core::StatusCode::InvalidInput);
        CHECK(date.status().message().find("is not a date Corpus Lens can read") != std::string::npos);
    }

    app::AppState state;
    OpenSpeeches(state);
    store::DocumentSummary doc = state.documents[1];
    const store::DocumentSummary before = doc;
    doc.date = "the fourth of March";
    doc.title = "Changed too";
    CHECK(app::UpdateDocument(state, doc).code() == core::StatusCode::InvalidInput);
    auto stored = state.corpus->GetDocument(doc.id);
    REQUIRE(stored.ok());
    CHECK(stored->summary.title == before.title);   // nothing saved
    CHECK(stored->summary.date == before.date);

    doc.date = "4 March 1861";
    doc.fields[2].second = "National Union";
    doc.author = "A. Lincoln";
    REQUIRE(app::UpdateDocument(state, doc).ok());
    app::Update(state);
    CHECK(state.documents[1].date == "1861-03-04");
    CHECK(state.documents[1].author == "A. Lincoln");
    CHECK(app::ExtraFieldValue(state.documents[1], "party") == "National Union");
    state.library.filter = "national union";   // the list, and so the filter, follow the edit
    app::Update(state);
    CHECK(RowTitles(state) == Titles{"Changed too"});
}

}  // TEST_SUITE
