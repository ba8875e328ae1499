// Simple word search: tokenizer-normalised, quoted terms joined with FTS5's implicit AND.
#include "analysis/search.h"

#include "text/tokenizer.h"

namespace analysis {

std::string BuildMatchQuery(std::string_view user_text) {
    std::string match;
    for (const text::Token& token : text::Tokenize(user_text)) {
        if (!match.empty()) match += ' ';
        match += '"';
        for (char c : token.norm) {
            if (c == '"') match += '"';  // FTS5 string escape: a doubled quote
            match += c;
        }
        match += '"';
    }
    return match;
}

core::Result<SearchResults> Search(store::Corpus& corpus, std::string_view user_text, int limit) {
    SearchResults results;
    results.match = BuildMatchQuery(user_text);
    if (results.match.empty()) return results;
    auto count = corpus.CountMatches(results.match);
    if (!count.ok()) return count.status();
    results.document_count = *count;
    auto hits = corpus.Search(results.match, limit);
    if (!hits.ok()) return hits.status();
    results.hits = std::move(*hits);
    return results;
}

}  // namespace analysis
