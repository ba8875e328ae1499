// `corpuslens search`: a query in the Search view's language (analysis/query.h) run against a corpus database:
// the number of matching documents, the best hits with snippets, and the matches per year and per source.
// Parsing and running the query are analysis/'s; this file reads arguments and formats the results.
#include <cstdlib>
#include <iostream>

#include "analysis/query.h"
#include "analysis/search.h"
#include "cli/commands.h"
#include "core/json.h"
#include "store/corpus.h"

namespace cli {

namespace {

constexpr int kDefaultLimit = 20;

// A snippet on one line, the highlight markers shown as [brackets].
std::string PlainSnippet(std::string_view snippet) {
    std::string line;
    for (char c : snippet) {
        if (c == store::kHighlightBegin) line += '[';
        else if (c == store::kHighlightEnd) line += ']';
        else if (c == '\n' || c == '\r' || c == '\t') line += ' ';
        else line += c;
    }
    return line;
}

void WriteCountsJson(core::JsonWriter& w, const char* key, const char* name, const std::vector<store::KeyCount>& counts) {
    w.Key(key);
    w.BeginArray();
    for (const store::KeyCount& c : counts) {
        w.BeginObject();
        w.Key(name); w.String(c.key);
        w.Key("documents"); w.Int(c.documents);
        w.EndObject();
    }
    w.EndArray();
}

void PrintCounts(std::ostream& out, const char* label, const std::vector<store::KeyCount>& counts, const char* unknown) {
    if (counts.empty()) return;
    out << label << ':';
    for (const store::KeyCount& c : counts) out << "  " << (c.key.empty() ? unknown : c.key) << ' ' << c.documents;
    out << '\n';
}

}  // namespace

int RunSearch(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    std::string path, query_text;
    bool json = false, have_query = false;
    int limit = kDefaultLimit;
    analysis::QueryOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") json = true;
        else if (a == "--exact-case") options.exact_case = true;
        else if (a == "--limit") {
            char* end = nullptr;
            long n = i + 1 < args.size() ? std::strtol(args[i + 1].c_str(), &end, 10) : -1;
            if (i + 1 >= args.size() || *end != '\0' || n < 0 || n > 100000) {
                err << "corpuslens search: --limit needs a number of hits from 0 to 100000\n";
                return 2;
            }
            limit = static_cast<int>(n);
            ++i;
        }
        else if (a.size() > 1 && a[0] == '-' && a[1] == '-') { err << "corpuslens search: unknown option '" << a << "'\n"; return 2; }
        else if (path.empty()) path = a;
        else if (!have_query) { query_text = a; have_query = true; }
        else { err << "corpuslens search: one query at a time (quote it: corpuslens search C.sqlite \"a b\")\n"; return 2; }
    }
    if (path.empty() || !have_query) { err << "usage: corpuslens search CORPUS.sqlite QUERY [--json] [--limit N] [--exact-case]\n"; return 2; }

    // The corpus first, so a query may name its fields (party:…); a bad query is still reported before a bad file.
    auto corpus = store::Corpus::OpenUntrusted(path);
    if (corpus.ok()) {
        auto fields = corpus->FieldNames();
        if (fields.ok()) options.fields = std::move(*fields);
    }
    auto query = analysis::ParseQuery(query_text, options);
    if (!query.ok()) { err << "corpuslens search: " << query.status().message() << '\n'; return 1; }
    if (!corpus.ok()) { err << "corpuslens search: " << corpus.status().message() << '\n'; return 1; }
    auto results = analysis::Search(*corpus, *query, {}, limit);
    if (!results.ok()) { err << "corpuslens search: " << results.status().message() << '\n'; return 1; }

    if (json) {
        core::JsonWriter w;
        w.BeginObject();
        w.Key("query"); w.String(query_text);
        w.Key("match"); w.String(results->match);
        w.Key("documents"); w.Int(results->document_count);
        w.Key("hits"); w.BeginArray();
        for (const store::SearchHit& h : results->hits) {
            w.BeginObject();
            w.Key("id"); w.Int(h.doc_id);
            w.Key("title"); w.String(h.title);
            w.Key("score"); w.Double(h.score);
            w.Key("snippet"); w.String(h.snippet);
            w.EndObject();
        }
        w.EndArray();
        WriteCountsJson(w, "by_year", "year", results->by_year);
        WriteCountsJson(w, "by_source", "source", results->by_source);
        w.EndObject();
        out << w.str() << '\n';
        return 0;
    }
    int64_t n = results->document_count;
    out << n << (n == 1 ? " document matches" : " documents match");
    if (!results->hits.empty() && static_cast<int64_t>(results->hits.size()) < n) out << "; the best " << results->hits.size();
    out << '\n';
    for (const store::SearchHit& h : results->hits)
        out << h.doc_id << '\t' << h.score << '\t' << h.title << "\n\t" << PlainSnippet(h.snippet) << '\n';
    PrintCounts(out, "by year", results->by_year, "(no year)");
    PrintCounts(out, "by source", results->by_source, "(no source)");
    return 0;
}

}  // namespace cli
