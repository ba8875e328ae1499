// Corpus: full-text search restricted by document filters (the subcorpus and a query's source:, lang:,
// year: and field filters), with counts per year, per source and per metadata field (documents, hits, and the words they are
// relative to). The query language itself is analysis/query.h's; this file
// only runs FTS5 MATCH expressions and SQL over the documents table.
#include <algorithm>
#include <map>
#include <unordered_map>

#include <sqlite3.h>

#include "store/corpus.h"
#include "text/tokenizer.h"

namespace store {

namespace {

// cl_fold(text): the tokenizer's normal form (NFKC_Casefold, punctuation dropped, words joined by single
// spaces), so source filters ignore case and accents in every script. Sources repeat across documents, so
// each distinct value is folded once per connection (the cache is dropped when it grows large).
struct FoldCache {
    std::unordered_map<std::string, std::string> folded;
};

void FoldFunction(sqlite3_context* context, int, sqlite3_value** args) {
    auto* cache = static_cast<FoldCache*>(sqlite3_user_data(context));
    const unsigned char* text = sqlite3_value_text(args[0]);
    std::string key(text ? reinterpret_cast<const char*>(text) : "", static_cast<size_t>(sqlite3_value_bytes(args[0])));
    auto it = cache->folded.find(key);
    if (it == cache->folded.end()) {
        if (cache->folded.size() > 50000) cache->folded.clear();
        it = cache->folded.emplace(key, text::NormalizeForMatch(key)).first;
    }
    sqlite3_result_text(context, it->second.data(), static_cast<int>(it->second.size()), SQLITE_TRANSIENT);
}

// Registers cl_fold on the connection unless it is there already (checked by preparing a call to it, which
// is cheaper than registering again: that would expire every prepared statement).
core::Status EnsureFoldFunction(Database& db) {
    sqlite3_stmt* probe = nullptr;
    if (sqlite3_prepare_v2(db.handle(), "SELECT cl_fold('')", -1, &probe, nullptr) == SQLITE_OK) {
        sqlite3_finalize(probe);
        return core::Status::Ok();
    }
    sqlite3_finalize(probe);
    auto* cache = new FoldCache();
    int rc = sqlite3_create_function_v2(db.handle(), "cl_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        cache, FoldFunction, nullptr, nullptr,
                                        [](void* p) { delete static_cast<FoldCache*>(p); });
    if (rc != SQLITE_OK) return db.LastError("registering cl_fold");
    return core::Status::Ok();
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

// The SQL of a set of filters: " AND …" clauses over documents `d`, with their parameters, numbered from
// `first_param` (?1 and ?2 are the match expression and the limit).
struct FilterSql {
    std::string where;
    std::vector<std::string> params;
    bool uses_fold = false;
};

FilterSql BuildFilterSql(std::span<const DocFilter> filters, int first_param) {
    FilterSql sql;
    auto param = [&](std::string value) {
        sql.params.push_back(std::move(value));
        return "?" + std::to_string(first_param + static_cast<int>(sql.params.size()) - 1);
    };
    for (const DocFilter& f : filters) {
        if (!f.date_from.empty() || !f.date_to.empty()) sql.where += " AND d.date GLOB '[0-9][0-9][0-9][0-9]*'";
        if (!f.date_from.empty()) {
            std::string p = param(f.date_from);
            sql.where += " AND substr(d.date, 1, length(" + p + ")) >= " + p;
        }
        if (!f.date_to.empty()) {
            std::string p = param(f.date_to);
            sql.where += " AND substr(d.date, 1, length(" + p + ")) <= " + p;
        }
        if (!f.sources.empty()) {
            sql.where += " AND (";
            for (size_t i = 0; i < f.sources.size(); ++i) {
                if (i) sql.where += " OR ";
                std::string folded = text::NormalizeForMatch(f.sources[i]);
                if (folded.empty()) {  // only punctuation: compare as typed
                    sql.where += "instr(d.source, " + param(f.sources[i]) + ") > 0";
                } else {
                    sql.where += "instr(cl_fold(d.source), " + param(folded) + ") > 0";
                    sql.uses_fold = true;
                }
            }
            sql.where += ")";
        }
        if (!f.langs.empty()) {
            sql.where += " AND (";
            for (size_t i = 0; i < f.langs.size(); ++i) {
                std::string lang = f.langs[i];
                std::transform(lang.begin(), lang.end(), lang.begin(),
                               [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; });
                std::string p = param(lang);
                if (i) sql.where += " OR ";
                sql.where += "lower(d.lang) = " + p + " OR substr(lower(d.lang), 1, length(" + p + ") + 1) = " + p + " || '-'";
            }
            sql.where += ")";
        }
        for (const FieldFilter& field : f.fields) {
            if (field.values.empty()) continue;
            // author and url are documents columns; any other name is an extra field (fields table).
            const bool fixed = EqualsIgnoringAsciiCase(field.name, "author") || EqualsIgnoringAsciiCase(field.name, "url");
            std::string value_sql = fixed ? (EqualsIgnoringAsciiCase(field.name, "author") ? "d.author" : "d.url") : "x.value";
            std::string any;
            for (size_t i = 0; i < field.values.size(); ++i) {
                if (i) any += " OR ";
                std::string folded = text::NormalizeForMatch(field.values[i]);
                if (folded.empty()) {  // only punctuation: compare as typed
                    any += "instr(" + value_sql + ", " + param(field.values[i]) + ") > 0";
                } else {
                    any += "instr(cl_fold(" + value_sql + "), " + param(folded) + ") > 0";
                    sql.uses_fold = true;
                }
            }
            if (fixed) sql.where += " AND (" + any + ")";
            else sql.where += " AND EXISTS (SELECT 1 FROM fields x WHERE x.doc_id = d.id AND x.key = " + param(field.name) +
                              " COLLATE NOCASE AND (" + any + "))";
        }
        if (!f.doc_ids.empty()) {
            std::string ids = "[";
            for (size_t i = 0; i < f.doc_ids.size(); ++i) {
                if (i) ids += ',';
                ids += std::to_string(f.doc_ids[i]);
            }
            ids += ']';
            sql.where += " AND d.id IN (SELECT value FROM json_each(" + param(ids) + "))";
        }
    }
    return sql;
}

// The FROM/WHERE part shared by every query here: matching documents `d` (joined with doc_fts `f` when there
// is a match expression, bound at ?1) that pass the filters.
// `join` adds a join to the documents (" LEFT JOIN … ON … d.id").
std::string FromWhere(bool has_match, const FilterSql& filter, const std::string& join = "") {
    if (has_match)
        return " FROM doc_fts f JOIN documents d ON d.id = f.rowid" + join + " WHERE doc_fts MATCH ?1" + filter.where;
    return " FROM documents d" + join + " WHERE 1" + filter.where;
}

// A document's year as the charts group it: the date's first four digits, "" when it has none.
constexpr const char* kYearSql = "CASE WHEN d.date GLOB '[0-9][0-9][0-9][0-9]*' THEN substr(d.date, 1, 4) ELSE '' END";

// The matching documents as a table m(id, year, source, hits): hits are the match's instances in the text
// column (cl_hits, fts5_tokenizer.h), 0 without a match expression. Materialised: an auxiliary function must
// run while FTS5's cursor is on the row; evaluated inside a GROUP BY, its argument would first be copied into
// a sorter, which drops the cursor pointer ("unable to use function cl_hits in the requested context").
std::string MatchedTable(bool has_match, const FilterSql& filter) {
    return std::string("WITH m AS MATERIALIZED (SELECT d.id AS id, ") + kYearSql + " AS year, d.source AS source, " +
           (has_match ? "cl_hits(doc_fts, 1)" : "0") + " AS hits" + FromWhere(has_match, filter) + ") ";
}

// Prepares `sql` with the match (?1), the limit (?2) and the filter parameters bound. A statement that does
// not use ?1 or ?2 ignores them (SQLite refuses the binding with SQLITE_RANGE and changes nothing).
core::Result<Statement> PrepareFiltered(Database& db, const std::string& sql, std::string_view match,
                                        int64_t limit, const FilterSql& filter) {
    if (filter.uses_fold)
        if (core::Status s = EnsureFoldFunction(db); !s.ok()) return s;
    auto st = db.Prepare(sql);
    if (!st.ok()) return st.status();
    st->BindText(1, match);
    st->BindInt64(2, limit);
    for (size_t i = 0; i < filter.params.size(); ++i) st->BindText(3 + static_cast<int>(i), filter.params[i]);
    return st;
}

// Steps `st` to its end, calling `row()` while a row is ready; a failure is reported as the search's.
template <typename Row>
core::Status EachRow(Statement& st, Row row) {
    for (;;) {
        auto more = st.Step();
        if (!more.ok()) return core::Error(more.status().code(), "search: " + more.status().message());
        if (!*more) return core::Status::Ok();
        row();
    }
}

}  // namespace

core::Result<std::vector<SearchHit>> Corpus::SearchDocuments(std::string_view match, std::span<const DocFilter> filters,
                                                             int limit, bool snippets, int64_t offset) {
    FilterSql filter = BuildFilterSql(filters, 3);
    const std::string page = " LIMIT ?2 OFFSET " + std::to_string(std::max<int64_t>(offset, 0));
    std::vector<SearchHit> hits;
    if (match.empty()) {
        // No text to match: the filtered documents in id order, each with the start of its text.
        auto st = PrepareFiltered(*Db, "SELECT d.id, d.title, substr(d.text, 1, 200), length(d.text) > 200" +
                                           FromWhere(false, filter) + " ORDER BY d.id" + page,
                                  match, limit, filter);
        if (!st.ok()) return st.status();
        core::Status s = EachRow(*st, [&] {
            std::string snippet(st->ColumnText(2));
            if (st->ColumnInt64(3)) snippet += "…";
            hits.push_back({st->ColumnInt64(0), std::string(st->ColumnText(1)), std::move(snippet), 0});
        });
        if (!s.ok()) return s;
        return hits;
    }
    // Ranked in two steps: FTS5's snippet() re-tokenizes a document's whole text, so it runs for the `limit`
    // best documents only, not for every match the ORDER BY has to rank.
    auto ranked = PrepareFiltered(*Db, "SELECT d.id, d.title, bm25(doc_fts, 4.0, 1.0) AS score" +
                                           FromWhere(true, filter) + " ORDER BY score, d.id" + page,
                                  match, limit, filter);
    if (!ranked.ok()) return ranked.status();
    core::Status s = EachRow(*ranked, [&] {
        hits.push_back({ranked->ColumnInt64(0), std::string(ranked->ColumnText(1)), "", ranked->ColumnDouble(2)});
    });
    if (!s.ok()) return s;
    if (hits.empty() || !snippets) return hits;
    auto snippet = Db->Prepare("SELECT snippet(doc_fts, 1, char(2), char(3), '…', 24) FROM doc_fts "
                               "WHERE doc_fts MATCH ?1 AND rowid = ?2");
    if (!snippet.ok()) return snippet.status();
    for (SearchHit& hit : hits) {
        snippet->Reset();
        snippet->BindText(1, match);
        snippet->BindInt64(2, hit.doc_id);
        core::Status step = EachRow(*snippet, [&] { hit.snippet = std::string(snippet->ColumnText(0)); });
        if (!step.ok()) return step;
    }
    return hits;
}

core::Result<DocCounts> Corpus::CountDocuments(std::string_view match, std::span<const DocFilter> filters) {
    FilterSql filter = BuildFilterSql(filters, 3);
    const bool has_match = !match.empty();
    // One pass grouped by (year, source); the totals per year and per source are summed here.
    auto st = PrepareFiltered(*Db,
                              MatchedTable(has_match, filter) +
                                  "SELECT year, source, count(*), sum(hits) FROM m GROUP BY year, source",
                              match, -1, filter);
    if (!st.ok()) return st.status();
    DocCounts counts;
    std::map<std::string, KeyCount> years, sources;
    core::Status s = EachRow(*st, [&] {
        const int64_t n = st->ColumnInt64(2), hits = st->ColumnInt64(3);
        counts.documents += n;
        counts.occurrences += hits;
        for (KeyCount* k : {&years[std::string(st->ColumnText(0))], &sources[std::string(st->ColumnText(1))]}) {
            k->documents += n;
            k->occurrences += hits;
        }
    });
    if (!s.ok()) return s;
    // What the filters keep under each key, matching or not (the denominators of relative frequencies).
    if (!years.empty()) {
        auto all = PrepareFiltered(*Db,
                                   std::string("SELECT ") + kYearSql + " AS year, d.source, count(*), sum(d.word_count)" +
                                       FromWhere(false, filter) + " GROUP BY year, d.source",
                                   match, -1, filter);
        if (!all.ok()) return all.status();
        s = EachRow(*all, [&] {
            auto year = years.find(std::string(all->ColumnText(0)));
            auto source = sources.find(std::string(all->ColumnText(1)));
            for (auto* k : {year == years.end() ? nullptr : &year->second, source == sources.end() ? nullptr : &source->second}) {
                if (!k) continue;
                k->all_documents += all->ColumnInt64(2);
                k->words += all->ColumnInt64(3);
            }
        });
        if (!s.ok()) return s;
    }
    for (auto& [year, k] : years) counts.by_year.push_back({year, k.documents, k.occurrences, k.all_documents, k.words});
    for (auto& [source, k] : sources) counts.by_source.push_back({source, k.documents, k.occurrences, k.all_documents, k.words});
    std::stable_sort(counts.by_source.begin(), counts.by_source.end(),
                     [](const KeyCount& a, const KeyCount& b) { return a.documents > b.documents; });
    return counts;
}

core::Result<std::vector<KeyCount>> Corpus::CountDocumentsByField(std::string_view match,
                                                                  std::span<const DocFilter> filters, std::string_view key) {
    FilterSql filter = BuildFilterSql(filters, 3);
    const bool has_match = !match.empty();
    const int key_param = 3 + static_cast<int>(filter.params.size());
    // Each (document, value) once, however often the value is repeated in the document's fields.
    const std::string values_of_key =
        "(SELECT DISTINCT doc_id, value FROM fields WHERE key = ?" + std::to_string(key_param) + ") fl";
    const std::string join = " LEFT JOIN " + values_of_key + " ON fl.doc_id = d.id";
    std::map<std::string, KeyCount> values;
    auto matching = PrepareFiltered(*Db,
                                    MatchedTable(has_match, filter) + "SELECT coalesce(fl.value, '') AS v, count(*), "
                                        "sum(m.hits) FROM m LEFT JOIN " + values_of_key + " ON fl.doc_id = m.id GROUP BY v",
                                    match, -1, filter);
    if (!matching.ok()) return matching.status();
    matching->BindText(key_param, key);
    core::Status s = EachRow(*matching, [&] {
        KeyCount& k = values[std::string(matching->ColumnText(0))];
        k.documents = matching->ColumnInt64(1);
        k.occurrences = matching->ColumnInt64(2);
    });
    if (!s.ok()) return s;
    if (!values.empty()) {
        auto all = PrepareFiltered(*Db,
                                   "SELECT coalesce(fl.value, '') AS v, count(*), sum(d.word_count)" +
                                       FromWhere(false, filter, join) + " GROUP BY v",
                                   match, -1, filter);
        if (!all.ok()) return all.status();
        all->BindText(key_param, key);
        s = EachRow(*all, [&] {
            auto it = values.find(std::string(all->ColumnText(0)));
            if (it == values.end()) return;
            it->second.all_documents = all->ColumnInt64(1);
            it->second.words = all->ColumnInt64(2);
        });
        if (!s.ok()) return s;
    }
    std::vector<KeyCount> counts;
    for (auto& [value, k] : values) counts.push_back({value, k.documents, k.occurrences, k.all_documents, k.words});
    std::stable_sort(counts.begin(), counts.end(), [](const KeyCount& a, const KeyCount& b) { return a.documents > b.documents; });
    return counts;
}

core::Result<std::vector<std::string>> Corpus::FieldKeys() {
    auto st = Db->Prepare("SELECT DISTINCT key FROM fields ORDER BY key");
    if (!st.ok()) return st.status();
    std::vector<std::string> keys;
    core::Status s = EachRow(*st, [&] { keys.emplace_back(st->ColumnText(0)); });
    if (!s.ok()) return s;
    return keys;
}

core::Status Corpus::ForEachMatchingDocument(
    std::string_view match, std::span<const DocFilter> filters,
    const std::function<void(int64_t id, std::string_view title, std::string_view text)>& visit) {
    FilterSql filter = BuildFilterSql(filters, 3);
    auto st = PrepareFiltered(*Db, "SELECT d.id, d.title, d.text" + FromWhere(!match.empty(), filter) + " ORDER BY d.id",
                              match, -1, filter);
    if (!st.ok()) return st.status();
    return EachRow(*st, [&] { visit(st->ColumnInt64(0), st->ColumnText(1), st->ColumnText(2)); });
}

}  // namespace store
