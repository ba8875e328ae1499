// Full-text search over a corpus. Search(corpus, ParsedQuery, subcorpus, limit) runs the query language
// (analysis/query.h) within a subcorpus and counts matches per year and per source; the older
// Search(corpus, user_text, limit) takes plain words that must all occur. Both quote every term, so no user
// input reaches FTS5 as syntax (except "fts:" queries, which ask for exactly that).
//
//     auto q = analysis::ParseQuery("\"foreign minister\" year:1990..2000");
//     if (!q.ok()) return q.status();                       // a message with the column of the problem
//     auto r = analysis::Search(corpus, *q, subcorpus, 50);  // r->document_count, r->hits, r->by_year …
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/query.h"
#include "core/status.h"
#include "store/corpus.h"

namespace analysis {

// The FTS5 MATCH expression for a user's words: «Straße  Lavrov» → "strasse" "lavrov". Empty when the text
// holds no word (only spaces or punctuation).
std::string BuildMatchQuery(std::string_view user_text);

struct SearchResults {
    std::string match;                   // the FTS5 expression that ran
    int64_t document_count = 0;          // documents matching (all of them, not just those listed)
    std::vector<store::SearchHit> hits;  // the best ones, best first
    // Matching documents per year and per source, with their hits and the words under each key (filled by the
    // ParsedQuery Search only; store::KeyCount says what each count means).
    int64_t occurrences = 0;             // hits in the matching documents' text
    std::vector<store::KeyCount> by_year;
    std::vector<store::KeyCount> by_source;
    // Hits are counted in the folded form FTS5 indexes: with exact case they include other cases, so the
    // charts do not offer them (false then).
    bool occurrences_exact = true;
};

// Runs a search; an empty query gives empty results, not an error.
core::Result<SearchResults> Search(store::Corpus& corpus, std::string_view user_text, int limit);

// The document filter that a query's source:, lang:, year: and field filters stand for (year:1990..2000 →
// date_from "1990", date_to "2000"; party:whig party:federalist → one FieldFilter with both values).
store::DocFilter QueryFilter(const ParsedQuery& query);

// Runs a parsed query within `subcorpus` (an empty DocFilter: the whole corpus): the number of matching
// documents, those per year and per source, and the best `limit` hits with snippets. A query with only
// filters lists the documents that pass them (in id order). Errors: an "fts:" query FTS5 refuses.
//
// With query.options.exact_case, FTS5 (whose index is case-folded) finds the candidates and a document is
// kept only when its text or title holds a positive pattern exactly as written (NFKC, case and accents kept;
// excluded words still exclude in any case). That re-check reads every candidate's text: it searches the bytes
// for a pattern's first word and confirms a find with the tokenizer, and tokenizes a text whole when that finds
// nothing and the text is not ASCII. So it costs in proportion to the text the folded query matches: reading
// it always (all 233 State of the Union texts, 10.7 MB: +0.05–0.1 s natively over the same query without
// exact case), tokenizing it in the worst case (about 0.2 s more per 10 MB).
core::Result<SearchResults> Search(store::Corpus& corpus, const ParsedQuery& query, const store::DocFilter& subcorpus,
                                   int limit);

// The counts Search makes per year and per source, per value of the metadata field `key` instead (the
// Search charts' "group by"), for the same documents: the query within `subcorpus`.
core::Result<std::vector<store::KeyCount>> CountByField(store::Corpus& corpus, const ParsedQuery& query,
                                                        const store::DocFilter& subcorpus, std::string_view key);

// The next hits of the same search, ranked as Search ranks them: `limit` hits from `offset` on, with
// snippets (Search's first page is SearchPage(…, 0, limit)). For "Show more" and exporting every match.
core::Result<std::vector<store::SearchHit>> SearchPage(store::Corpus& corpus, const ParsedQuery& query,
                                                       const store::DocFilter& subcorpus, int64_t offset, int limit);

}  // namespace analysis
