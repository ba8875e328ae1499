// The query language: what each construct compiles to in FTS5, the filters and patterns it yields, and the
// error message (with its column) for each kind of mistake.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "analysis/query.h"

namespace {

std::string Match(std::string_view text) {
    auto q = analysis::ParseQuery(text);
    REQUIRE_MESSAGE(q.ok(), q.status().ToString());
    return q->match;
}

// The extra fields of the shipped State of the Union corpus (QueryOptions::fields).
const std::vector<std::string> kSotuFields = {"year", "president", "party"};

std::string ErrorOf(std::string_view text, analysis::QueryOptions options = {}) {
    auto q = analysis::ParseQuery(text, options);
    REQUIRE_MESSAGE(!q.ok(), "parsed: ", q.ok() ? q->match : "");
    CHECK(q.status().code() == core::StatusCode::InvalidInput);
    return q.status().message();
}

// The patterns of a query as text: «a» for a word, «a b*» for a phrase ending in a prefix, «title:a».
std::vector<std::string> Patterns(std::string_view text, analysis::QueryOptions options = {}) {
    auto q = analysis::ParseQuery(text, options);
    REQUIRE_MESSAGE(q.ok(), q.status().ToString());
    std::vector<std::string> out;
    for (const analysis::HitPattern& p : q->patterns) {
        std::string s = p.title_only ? "title:" : "";
        for (size_t i = 0; i < p.words.size(); ++i) s += (i ? " " : "") + p.words[i].norm + (p.words[i].prefix ? "*" : "");
        out.push_back(s);
    }
    return out;
}

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("words are folded, quoted and joined with an explicit AND") {
    CHECK(Match("lavrov") == "\"lavrov\"");
    CHECK(Match("Straße  LAVROV") == "\"strasse\" AND \"lavrov\"");
    CHECK(Match("СЕРГЕЙ") == "\"сергей\"");
    CHECK(Match("a AND b") == "\"a\" AND \"b\"");
}

TEST_CASE("phrases, prefixes and phrase prefixes compile to FTS5 strings") {
    CHECK(Match("\"foreign minister\"") == "\"foreign minister\"");
    CHECK(Match("\"Foreign  MINISTER\"") == "\"foreign minister\"");
    CHECK(Match("minist*") == "\"minist\" *");
    CHECK(Match("\"foreign minis\"*") == "\"foreign minis\" *");
    CHECK(Match("\"foreign minis*\"") == "\"foreign minis\" *");
    CHECK(Match("lavrov\"press conference\"") == "\"lavrov\" AND \"press conference\"");
}

TEST_CASE("a word the tokenizer splits becomes a phrase of its tokens") {
    CHECK(Match("tokio::spawn") == "\"tokio spawn\"");
    CHECK(Match("e-mail") == "\"e mail\"");
    CHECK(Match("10:30") == "\"10 30\"");
    CHECK(Match("U.S.A") == "\"u.s.a\"");   // one UAX #29 word, as in the index
    CHECK(Match("foreign-minis*") == "\"foreign minis\" *");
    CHECK(Patterns("tokio::spawn") == std::vector<std::string>{"tokio spawn"});
}

TEST_CASE("OR, NOT and parentheses compile with explicit parentheses") {
    CHECK(Match("russia OR ukraine") == "\"russia\" OR \"ukraine\"");
    CHECK(Match("a OR b c") == "\"a\" OR (\"b\" AND \"c\")");
    CHECK(Match("(a OR b) c") == "(\"a\" OR \"b\") AND \"c\"");
    CHECK(Match("a (b (c OR d))") == "\"a\" AND (\"b\" AND (\"c\" OR \"d\"))");
    CHECK(Match("sanctions NOT oil") == "\"sanctions\" NOT \"oil\"");
    CHECK(Match("a -b c") == "(\"a\" AND \"c\") NOT \"b\"");
    CHECK(Match("a -b -c") == "\"a\" NOT (\"b\" OR \"c\")");
    CHECK(Match("a -(b OR c)") == "\"a\" NOT (\"b\" OR \"c\")");
    CHECK(Match("a AND NOT b") == "\"a\" NOT \"b\"");
    CHECK(Match("a -\"b c\" OR d") == "(\"a\" NOT \"b c\") OR \"d\"");
}

TEST_CASE("operators are upper case; lower-case operator words are words") {
    CHECK(Match("war or peace") == "\"war\" AND \"or\" AND \"peace\"");
    CHECK(Match("near not and") == "\"near\" AND \"not\" AND \"and\"");
    CHECK(Match("NEAR me") == "\"near\" AND \"me\"");   // NEAR is an operator only right before '('
    CHECK(Match("\"OR\"") == "\"or\"");
}

TEST_CASE("NEAR groups words, phrases and prefixes with a distance") {
    CHECK(Match("NEAR(russia europe)") == "NEAR(\"russia\" \"europe\", 10)");
    CHECK(Match("NEAR(russia europe, 5)") == "NEAR(\"russia\" \"europe\", 5)");
    CHECK(Match("NEAR(\"foreign minister\" lavr* geneva,3)") == "NEAR(\"foreign minister\" \"lavr\" * \"geneva\", 3)");
    CHECK(Match("talks NEAR(a b, 2)") == "\"talks\" AND NEAR(\"a\" \"b\", 2)");
}

TEST_CASE("title: filters the title column") {
    CHECK(Match("title:lavrov") == "title : \"lavrov\"");
    CHECK(Match("title:\"press conference\"") == "title : \"press conference\"");
    CHECK(Match("title:(lavrov OR putin) geneva") == "title : (\"lavrov\" OR \"putin\") AND \"geneva\"");
    CHECK(Match("title:(a -b)") == "title : (\"a\" NOT \"b\")");
    CHECK(Match("title:a -b") == "title : \"a\" NOT \"b\"");
    CHECK(Match("Title:NEAR(a b, 4)") == "title : NEAR(\"a\" \"b\", 4)");
    CHECK(Patterns("x title:(y z)") == std::vector<std::string>{"x", "title:y", "title:z"});
}

TEST_CASE("source:, lang: and year: become filters, not match terms") {
    auto q = analysis::ParseQuery("lavrov source:tass lang:EN source:\"new york times\" year:1990..2000");
    REQUIRE(q.ok());
    CHECK(q->match == "\"lavrov\"");
    CHECK(q->sources == std::vector<std::string>{"tass", "new york times"});
    CHECK(q->langs == std::vector<std::string>{"en"});
    CHECK(q->year_from == 1990);
    CHECK(q->year_to == 2000);

    auto check_years = [](std::string_view text, int from, int to) {
        auto y = analysis::ParseQuery(text);
        REQUIRE_MESSAGE(y.ok(), y.status().ToString());
        CHECK(y->year_from == from);
        CHECK(y->year_to == to);
    };
    check_years("x year:2001", 2001, 2001);
    check_years("x year:>=1990", 1990, 0);
    check_years("x year:<=1990", 0, 1990);
    check_years("x year:>1990", 1991, 0);
    check_years("x year:<1990", 0, 1989);
    check_years("x year:1990..", 1990, 0);
    check_years("x year:..1990", 0, 1990);
    check_years("x year:>=1990 year:<=1995 year:1980..1993", 1990, 1993);   // they narrow each other
    check_years("x (year:1990 y)", 1990, 1990);                              // under AND: still the whole query
}

TEST_CASE("a query of filters only has no match expression") {
    auto q = analysis::ParseQuery("year:1990 source:tass");
    REQUIRE(q.ok());
    CHECK_FALSE(q->has_root);
    CHECK(q->match.empty());
    CHECK(q->patterns.empty());
}

TEST_CASE("patterns are the positive ones, left to right") {
    CHECK(Patterns("a -b \"c d\" NOT e f* OR NEAR(g h)") == std::vector<std::string>{"a", "c d", "f*", "g", "h"});
}

TEST_CASE("exact case keeps the written forms in patterns but matches folded") {
    auto q = analysis::ParseQuery("Straße LAVROV", {.exact_case = true});
    REQUIRE(q.ok());
    CHECK(q->match == "\"strasse\" AND \"lavrov\"");
    CHECK(q->root.children[0].pattern.words[0].norm == "strasse");
    CHECK(Patterns("Straße LAVROV Éte*", {.exact_case = true}) == std::vector<std::string>{"Straße", "LAVROV", "Éte*"});
    CHECK(Patterns("Straße LAVROV") == std::vector<std::string>{"strasse", "lavrov"});
}

TEST_CASE("fts: passes the rest to FTS5 verbatim") {
    auto q = analysis::ParseQuery("fts:lavrov NEAR/3 \"x");
    REQUIRE(q.ok());
    CHECK(q->raw);
    CHECK(q->match == "lavrov NEAR/3 \"x");
    CHECK(q->patterns.empty());
    CHECK(ErrorOf("fts:  ") == "type an FTS5 expression after fts:");
}

TEST_CASE("an empty query asks for a word") {
    CHECK(ErrorOf("") == "type a word to search for");
    CHECK(ErrorOf("  \t ") == "type a word to search for");
}

TEST_CASE("unbalanced quotes and parentheses name their column") {
    CHECK(ErrorOf("\"foreign minister") == "unbalanced quote: the phrase starting at column 1 has no closing quote");
    CHECK(ErrorOf("lavrov \"x") == "unbalanced quote: the phrase starting at column 8 has no closing quote");
    CHECK(ErrorOf("(a OR b") == "missing ')' for the '(' at column 1");
    CHECK(ErrorOf("a (b (c)") == "missing ')' for the '(' at column 3");
    CHECK(ErrorOf("a)") == "unexpected ')' at column 2: there is no '(' before it to close");
    CHECK(ErrorOf(")") == "unexpected ')' at column 1: there is nothing before it to close");
    CHECK(ErrorOf("a ()") == "empty parentheses at column 3");
    CHECK(ErrorOf("\"\"") == "empty phrase at column 1");
}

TEST_CASE("deep nesting is refused before it can exhaust the stack") {
    CHECK(Match(std::string(20, '(') + "a" + std::string(20, ')')) == "\"a\"");
    CHECK(ErrorOf(std::string(5000, '(') + "a") == "too many nested parentheses at column 21 (at most 20 levels)");
}

TEST_CASE("columns count characters, not bytes") {
    CHECK(ErrorOf("Лавров \"x") == "unbalanced quote: the phrase starting at column 8 has no closing quote");
    CHECK(ErrorOf("Straße OR") == "OR at column 8 needs a word after it");
}

TEST_CASE("a lone operator says what it is missing") {
    CHECK(ErrorOf("OR") == "OR at column 1 needs a word before it");
    CHECK(ErrorOf("OR a") == "OR at column 1 needs a word before it");
    CHECK(ErrorOf("a OR") == "OR at column 3 needs a word after it");
    CHECK(ErrorOf("a OR OR b") == "OR at column 3 needs a word after it");
    CHECK(ErrorOf("NOT") == "NOT at column 1 needs a word after it");
    CHECK(ErrorOf("a NOT") == "NOT at column 3 needs a word after it");
    CHECK(ErrorOf("AND b") == "AND at column 1 needs a word before it");
    CHECK(ErrorOf("a AND") == "AND at column 3 needs a word after it");
    CHECK(ErrorOf("(OR a)") == "OR at column 2 needs a word before it");
    CHECK(ErrorOf("a - b") == "a '-' at column 3 excludes the word right after it: write -oil (no space), or drop the '-'");
}

TEST_CASE("a query that only excludes is refused with a way out") {
    CHECK(ErrorOf("-oil") == "the query only excludes (at column 1): add a word to search for, e.g. sanctions -oil");
    CHECK(ErrorOf("NOT oil") == "the query only excludes (at column 1): add a word to search for, e.g. sanctions -oil");
    CHECK(ErrorOf("a OR -b") == "the query only excludes (at column 6): add a word to search for, e.g. sanctions -oil");
}

TEST_CASE("NEAR mistakes") {
    CHECK(ErrorOf("NEAR()") == "empty NEAR() at column 1: put two or more words in it, e.g. NEAR(russia europe, 10)");
    CHECK(ErrorOf("x NEAR(a)") == "NEAR( at column 3 needs two or more words or phrases, e.g. NEAR(russia europe, 10)");
    CHECK(ErrorOf("NEAR(a b, x)") == "bad NEAR distance at column 11: after the comma give a number of words, e.g. NEAR(russia europe, 10)");
    CHECK(ErrorOf("NEAR(a b, -3)").find("bad NEAR distance at column 11") == 0);
    CHECK(ErrorOf("NEAR(a b,") == "bad NEAR distance at column 9: after the comma give a number of words, e.g. NEAR(russia europe, 10)");
    CHECK(ErrorOf("NEAR(a b") == "missing ')' for the NEAR( at column 1");
    CHECK(ErrorOf("NEAR(a (b c))").find("NEAR( at column 1 takes only words, phrases and prefixes") == 0);
}

TEST_CASE("fields: unknown names list the known ones; colons inside words are not fields") {
    CHECK(ErrorOf("foo:bar") == "unknown field 'foo:' at column 1: the fields are title:, source:, lang:, year:, author: "
                                "and url: (to search for the words, put them in quotes: \"foo:bar\")");
    CHECK(Match("\"foo:bar\"") == "\"foo bar\"");
    CHECK(Match("Lavrov: yes") == "\"lavrov\" AND \"yes\"");   // a colon at the end of a word is punctuation
    CHECK(ErrorOf("title: lavrov").find("nothing after 'title:' at column 1") == 0);
    CHECK(Match("title:OR") == "title : \"or\"");   // right after a field, OR is a word
}

TEST_CASE("any field of the corpus is a filter: party:democratic, president:\"john adams\", author:, url:") {
    auto q = analysis::ParseQuery("war party:democratic President:\"John Adams\" author:\"john smith\" url:gov party:whig",
                                  {.fields = kSotuFields});
    REQUIRE_MESSAGE(q.ok(), q.status().ToString());
    CHECK(q->match == "\"war\"");
    REQUIRE(q->fields.size() == 5);
    CHECK(q->fields[0].name == "party");
    CHECK(q->fields[0].value == "democratic");
    CHECK(q->fields[1].name == "president");   // the name as stored, whatever case was typed
    CHECK(q->fields[1].value == "John Adams");
    CHECK(q->fields[2].name == "author");
    CHECK(q->fields[2].value == "john smith");
    CHECK(q->fields[3].name == "url");
    CHECK(q->fields[4].name == "party");
    // Filters only: the documents that pass them are listed.
    auto only = analysis::ParseQuery("party:republican", {.fields = kSotuFields});
    REQUIRE(only.ok());
    CHECK(!only->has_root);
    CHECK(only->fields.size() == 1);
    // A field of another corpus is unknown here, and the message names the fields there are.
    CHECK(ErrorOf("party:democratic") == "unknown field 'party:' at column 1: the fields are title:, source:, lang:, "
                                         "year:, author: and url: (to search for the words, put them in quotes: "
                                         "\"party:democratic\")");
    CHECK(ErrorOf("x colour:red", {.fields = kSotuFields}) ==
          "unknown field 'colour:' at column 3: the fields are title:, source:, lang:, year:, author:, url:, president: "
          "and party: (to search for the words, put them in quotes: \"colour:red\")");
    // Filters apply to the whole query, as source: does.
    CHECK(ErrorOf("party:whig OR war", {.fields = kSotuFields}).find("party: at column 1 filters the whole query") == 0);
    CHECK(ErrorOf("war -party:whig", {.fields = kSotuFields}).find("party: at column 6 cannot be excluded") == 0);
    CHECK(ErrorOf("war party:\"\"", {.fields = kSotuFields}) == "party: at column 5 needs a value, e.g. party:something or party:\"two words\"");
    // Names that are not ASCII letters are fields when the corpus has them.
    auto other = analysis::ParseQuery("first_name:ann Партия:яблоко", {.fields = {"first_name", "Партия"}});
    REQUIRE_MESSAGE(other.ok(), other.status().ToString());
    REQUIRE(other->fields.size() == 2);
    CHECK(other->fields[0].name == "first_name");
    CHECK(other->fields[1].name == "Партия");   // non-ASCII names compare exactly
    CHECK(Match("first_name:ann") == "\"first_name ann\"");   // not a field without that corpus: words
}

TEST_CASE("year:1900-1950 is a range like year:1900..1950") {
    auto q = analysis::ParseQuery("war year:1900-1950");
    REQUIRE_MESSAGE(q.ok(), q.status().ToString());
    CHECK(q->year_from == 1900);
    CHECK(q->year_to == 1950);
    auto open_end = analysis::ParseQuery("war year:1990-");
    REQUIRE(open_end.ok());
    CHECK(open_end->year_from == 1990);
    CHECK(open_end->year_to == 0);
    CHECK(ErrorOf("x year:1950-1900") == "bad year range at column 3: 1950 is after 1900 (write the earlier year first)");
    CHECK(ErrorOf("x year:1900-19x") == "bad year at column 3: write year:2001, year:1990..2000, year:>=1990 or year:<=1990");
}

TEST_CASE("filters must apply to the whole query") {
    CHECK(ErrorOf("source:tass OR lavrov") == "source: at column 1 filters the whole query, so it cannot be one side of an OR; move it out of the OR");
    CHECK(ErrorOf("lavrov -year:1990").find("year: at column 9 cannot be excluded") == 0);
    CHECK(ErrorOf("title:(a source:x)") == "source: at column 10 cannot stand inside title:(…)");
    CHECK(ErrorOf("x source:").find("nothing after 'source:' at column 3") == 0);
    CHECK(ErrorOf("x lang:e_n") == "lang: at column 3 takes a language code such as en, ru or pt-BR");
}

TEST_CASE("bad years say what a year filter looks like") {
    CHECK(ErrorOf("x year:abc") == "bad year at column 3: write year:2001, year:1990..2000, year:>=1990 or year:<=1990");
    CHECK(ErrorOf("x year:19900") == "bad year at column 3: write year:2001, year:1990..2000, year:>=1990 or year:<=1990");
    CHECK(ErrorOf("x year:..") == "bad year at column 3: write year:2001, year:1990..2000, year:>=1990 or year:<=1990");
    CHECK(ErrorOf("x year:2000..1990") == "bad year range at column 3: 2000 is after 1990 (write the earlier year first)");
    CHECK(ErrorOf("x year:2000 year:1990") == "the year: filters leave no year: 2000 is after 1990");
}

TEST_CASE("input holding no word is an error naming it, as are misplaced stars") {
    CHECK(ErrorOf("::") == "'::' at column 1 holds no word to search for (punctuation and symbols are not indexed)");
    CHECK(ErrorOf("lavrov ?!") == "'?!' at column 8 holds no word to search for (punctuation and symbols are not indexed)");
    CHECK(ErrorOf("\" ,; \"") == "the phrase at column 1 holds no word to search for (punctuation and symbols are not indexed)");
    CHECK(ErrorOf("*") == "a '*' at column 1 can only end a word: lavr* finds lavrov, lavrova …");
    CHECK(ErrorOf("x *ov") == "a '*' at column 3 can only end a word: lavr* finds lavrov, lavrova …");
}

TEST_CASE("the error table of docs/QUERIES.md is what the parser says") {
    std::ifstream in(std::string(CL_TEST_DATA_DIR) + "/../../docs/QUERIES.md");
    REQUIRE(in.good());
    std::string line;
    bool in_errors = false;
    int rows = 0;
    while (std::getline(in, line)) {
        if (line.starts_with("## ")) in_errors = line == "## Errors";
        if (!in_errors || !line.starts_with("| ") || line.starts_with("| Query") || line.starts_with("|---")) continue;
        // | `query`, `query` | message |
        size_t split = line.find(" | ");
        REQUIRE(split != std::string::npos);
        std::string queries = line.substr(2, split - 2), message = line.substr(split + 3);
        REQUIRE(message.ends_with(" |"));
        message.resize(message.size() - 2);
        std::vector<std::string> examples;
        for (size_t open = queries.find('`'); open != std::string::npos; open = queries.find('`', open + 1)) {
            size_t close = queries.find('`', open + 1);
            examples.push_back(queries.substr(open + 1, close - open - 1));
            open = close;
        }
        if (queries == "*(nothing)*") examples.push_back("");
        REQUIRE(!examples.empty());
        analysis::QueryOptions options;
        if (queries.ends_with(" in the State of the Union")) options.fields = kSotuFields;
        for (const std::string& example : examples) {
            INFO("query: " << example);
            CHECK(ErrorOf(example, options) == message);
            ++rows;
        }
    }
    CHECK(rows > 25);
}

}  // TEST_SUITE
