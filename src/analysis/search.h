// Full-text search over a corpus from what a user typed. For now a query is a list of words that must all
// occur (in any order); each word is normalised by the tokenizer and quoted, so no user input can be an FTS5
// syntax error. The full query language (phrases, prefixes, OR/NOT, NEAR, fields) comes with the Search view.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
};

// Runs a search; an empty query gives empty results, not an error.
core::Result<SearchResults> Search(store::Corpus& corpus, std::string_view user_text, int limit);

}  // namespace analysis
