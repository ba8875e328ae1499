// `corpuslens kwic`: the concordance of a query in a corpus database, sorted, as aligned lines or JSON. The same
// build and sort code as the app's Concordance view (analysis/concordance.h), run to completion.
#include <algorithm>
#include <cstdint>
#include <iostream>

#include "analysis/concordance.h"
#include "analysis/query.h"
#include "cli/commands.h"
#include "core/json.h"
#include "store/corpus.h"

namespace cli {

namespace {

void WriteJson(const analysis::Concordance& kwic, const analysis::ParsedQuery& query, const std::string& query_text,
               const std::vector<analysis::SortKey>& keys, const std::vector<uint32_t>& shown, std::ostream& out) {
    core::JsonWriter w;
    w.BeginObject();
    w.Key("query"); w.String(query_text);
    w.Key("match"); w.String(query.match);
    w.Key("sort"); w.BeginArray();
    for (analysis::SortKey key : keys) w.String(analysis::SortKeyName(key));
    w.EndArray();
    w.Key("documents"); w.Int(static_cast<int64_t>(kwic.documents.size()));
    w.Key("hits"); w.Int(kwic.hit_count);
    w.Key("lines"); w.BeginArray();
    for (uint32_t i : shown) {
        const analysis::ConcordanceLine& line = kwic.lines[i];
        w.BeginObject();
        w.Key("doc_id"); w.Int(line.doc_id);
        w.Key("title"); w.String(kwic.documents[line.document].title);
        w.Key("token_index"); w.Int(line.token_index);
        w.Key("byte_offset"); w.Int(line.byte_offset);
        w.Key("byte_length"); w.Int(line.byte_length);
        w.Key("left"); w.String(line.left);
        w.Key("hit"); w.String(line.hit);
        w.Key("right"); w.String(line.right);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out << w.str() << '\n';
}

// A summary line, then one line per hit: the document id, the left context right-aligned to `width` columns,
// the hit and the right context, so the hits form a column.
void WriteText(const analysis::Concordance& kwic, const std::string& query_text, const std::vector<uint32_t>& shown,
               int width, std::ostream& out) {
    out << query_text << ": " << kwic.hit_count << (kwic.hit_count == 1 ? " hit" : " hits") << " in "
        << std::count_if(kwic.documents.begin(), kwic.documents.end(), [](const auto& d) { return !d.hit_token_indices.empty(); })
        << " of " << kwic.documents.size() << " matching documents";
    if (shown.size() < kwic.lines.size()) out << "; the first " << shown.size() << " shown";
    out << '\n';
    size_t id_width = 1;
    for (uint32_t i : shown) id_width = std::max(id_width, std::to_string(kwic.lines[i].doc_id).size());
    for (uint32_t i : shown) {
        const analysis::ConcordanceLine& line = kwic.lines[i];
        std::string id = std::to_string(line.doc_id);
        size_t left_columns = analysis::CountChars(line.left);
        out << std::string(id_width - id.size(), ' ') << id << "  "
            << std::string(left_columns < static_cast<size_t>(width) ? width - left_columns : 0, ' ') << line.left
            << line.hit << line.right << '\n';
    }
}

}  // namespace

int RunKwic(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    std::string path, query_text;
    int64_t width = analysis::ConcordanceOptions().width_chars, limit = -1;
    std::vector<analysis::SortKey> keys;
    analysis::QueryOptions query_options;
    bool json = false, have_query = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* flag) -> const std::string* {
            if (i + 1 >= args.size()) { err << "corpuslens kwic: " << flag << " needs a value\n"; return nullptr; }
            return &args[++i];
        };
        if (a == "--width") {
            auto v = value("--width");
            if (!v) return 2;
            if (!ParseNumber(*v, 1, 1000, &width)) { err << "corpuslens kwic: --width takes a number of characters from 1 to 1000\n"; return 2; }
        } else if (a == "--limit") {
            auto v = value("--limit");
            if (!v) return 2;
            if (!ParseNumber(*v, 0, INT64_MAX, &limit)) { err << "corpuslens kwic: --limit takes a number of lines\n"; return 2; }
        } else if (a == "--sort") {
            auto v = value("--sort");
            if (!v) return 2;
            auto parsed = analysis::ParseSortSpec(*v);
            if (!parsed.ok()) { err << "corpuslens kwic: --sort: " << parsed.status().message() << '\n'; return 2; }
            keys = std::move(*parsed);
        } else if (a == "--exact-case") {
            query_options.exact_case = true;
        } else if (a == "--json") {
            json = true;
        } else if (a.starts_with("--")) {
            err << "corpuslens kwic: unknown option '" << a << "'\n";
            return 2;
        } else if (path.empty()) {
            path = a;
        } else if (!have_query) {
            query_text = a;
            have_query = true;
        } else {
            err << "corpuslens kwic: one query at a time (quote it: corpuslens kwic CORPUS.sqlite 'war OR peace')\n";
            return 2;
        }
    }
    if (!have_query) { err << "usage: corpuslens kwic CORPUS.sqlite QUERY [--width N] [--sort KEYS] [--limit N] [--json]\n"; return 2; }

    // The corpus first, so a query may name its fields (party:…); a bad query is still reported before a bad file.
    auto corpus = store::Corpus::OpenUntrusted(path);
    if (corpus.ok()) {
        auto fields = corpus->FieldNames();
        if (fields.ok()) query_options.fields = std::move(*fields);
    }
    auto query = analysis::ParseQuery(query_text, query_options);
    if (!query.ok()) { err << "corpuslens kwic: " << query.status().message() << '\n'; return 1; }
    bool has_text_pattern = std::any_of(query->patterns.begin(), query->patterns.end(),
                                        [](const analysis::HitPattern& p) { return !p.title_only && !p.words.empty(); });
    if (!has_text_pattern) {
        err << "corpuslens kwic: the query has no word to show in context (title: words, NOT words, filters and "
               "fts: expressions only select documents)\n";
        return 1;
    }
    if (!corpus.ok()) { err << "corpuslens kwic: " << corpus.status().message() << '\n'; return 1; }

    auto builder = analysis::ConcordanceBuilder::Start(*corpus, *query, {.width_chars = static_cast<int>(width)});
    if (!builder.ok()) { err << "corpuslens kwic: " << builder.status().message() << '\n'; return 1; }
    while (!builder->Step(core::Deadline::Never())) {}
    if (!builder->status().ok()) { err << "corpuslens kwic: " << builder->status().message() << '\n'; return 1; }
    const analysis::Concordance& kwic = builder->result();
    analysis::ConcordanceSort sort(kwic, keys);
    while (!sort.Step(core::Deadline::Never())) {}

    std::vector<uint32_t> shown(sort.order().begin(), sort.order().end());
    if (limit >= 0 && static_cast<size_t>(limit) < shown.size()) shown.resize(static_cast<size_t>(limit));
    if (json) WriteJson(kwic, *query, query_text, sort.keys(), shown, out);
    else WriteText(kwic, query_text, shown, static_cast<int>(width), out);
    return 0;
}

}  // namespace cli
