// The query language users type in Search and Concordance, parsed by us and compiled to an FTS5 MATCH
// expression, so a typo never reaches the user as an FTS5 syntax error but as a message pointing at the
// problem. docs/QUERIES.md is the user's reference; the in-app help popover shows the same examples.
//
//     lavrov                      a word (case- and accent-insensitive: the tokenizer's NFKC_Casefold form)
//     "foreign minister"          an exact phrase
//     minist*                     a prefix
//     russia OR ukraine           either (AND binds tighter than OR; plain juxtaposition is AND)
//     sanctions NOT oil           NOT / -word exclude documents
//     NEAR(russia europe, 10)     both within 10 words of each other (default 10)
//     (a OR b) c                  grouping
//     title:lavrov  source:tass   field filters; title: searches the title column, source: (also lang:,
//                                 author:, url: and the corpus's own fields: party:democratic) filter
//                                 documents by metadata; year:1990..2000 (or 1990-2000), year:>=1990, year:2001
//
// A query starting with "fts:" is passed to FTS5 verbatim (advanced mode); its errors are FTS5's own.
// Operators are upper case (OR, AND, NOT, NEAR); lower-case "or" is a word. A word the tokenizer splits
// ("tokio::spawn", "e-mail") is a phrase of its tokens; a term that holds no word at all ("::", "?!") is an
// error naming it, because punctuation is not indexed and silently dropping it would search for less than
// the user typed. "fts:" queries have no `patterns`, so exact case does not re-check them.
//
//     auto q = analysis::ParseQuery("\"foreign minister\" OR lavr*");
//     if (!q.ok()) show(q.status().message());   // "unbalanced quote: the phrase starting at column 1 …"
//     corpus.Search(q->match, 50);
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace analysis {

// One word of a query, in the tokenizer's normal form ("Straße" → "strasse"); `prefix` for «lavr*».
struct QueryTerm {
    std::string norm;
    bool prefix = false;
};

// A run of consecutive words a hit must match, in order: one word, a prefix, or a phrase. Concordance and
// the Reader highlight the positive patterns of a query (those not under NOT).
struct HitPattern {
    std::vector<QueryTerm> words;
    bool title_only = false;    // came from title:…; matches in titles only, never in the text
};

enum class QueryNodeKind { Pattern, And, Or, Not, Near };

struct QueryNode {
    QueryNodeKind kind = QueryNodeKind::Pattern;
    HitPattern pattern;                 // Pattern
    std::vector<QueryNode> children;    // And/Or: two or more; Not: [kept, excluded]; Near: two or more patterns
    int near_distance = 10;             // Near
};

struct QueryOptions {
    bool exact_case = false;    // match case and accents as written (FTS5 finds candidates; hits are re-checked)
    // The extra metadata fields of the corpus searched (store::Corpus::FieldNames, as stored), which a query
    // may filter by ("party:democratic"); names compare ignoring ASCII case. A name that is neither one of
    // these nor a fixed field is an error listing the fields there are.
    std::vector<std::string> fields;
};

// A filter on one metadata field other than source:, lang: and year: — author:, url: or an extra field.
struct FieldMatch {
    std::string name;           // "author", "url", or the extra field's name as stored ("party")
    std::string value;          // as typed (a prefix star kept: "dem*")
};

struct ParsedQuery {
    bool raw = false;                   // "fts:" advanced mode: `match` is the user's text, `root` is empty
    bool has_root = false;              // false when the query holds only metadata filters
    QueryNode root;                     // in folded (index) forms, whatever the options
    std::string match;                  // the FTS5 MATCH expression ("" when only filters); always folded
    // The positive patterns (not under NOT), left to right, for highlighting, KWIC and the exact-case
    // re-check: folded forms, or with options.exact_case the forms as written (NFKC, case and accents kept).
    std::vector<HitPattern> patterns;
    // Metadata filters (documents table), all of which must hold:
    std::vector<std::string> sources;   // source: values (any of them, case-insensitive substring)
    std::vector<std::string> langs;     // lang: values (exact, case-insensitive)
    int year_from = 0, year_to = 0;     // inclusive; 0 = open
    std::vector<FieldMatch> fields;     // in query order; values for the same name: any of them
    QueryOptions options;
};

// Parses what a user typed. An error's message names the problem and the 1-based column where it is
// ("missing ')' for the '(' at column 5"); an empty query is an error too ("type a word to search for").
core::Result<ParsedQuery> ParseQuery(std::string_view text, QueryOptions options = {});

}  // namespace analysis
