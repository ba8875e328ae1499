// Importer: dispatch by file type, structured metadata columns, then one pass over all documents for guessed
// metadata, furniture, word counts and duplicates (bottom-k MinHash sketches of 5-word shingles for near ones).
#include "text/import.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <unordered_map>

#include "text/csv.h"
#include "text/furniture.h"
#include "text/html.h"
#include "text/jsonl.h"
#include "text/metadata.h"
#include "text/tokenizer.h"

namespace text {

namespace {

std::string LowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view Extension(std::string_view name) {
    size_t slash = name.find_last_of('/');
    size_t dot = name.find_last_of('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
    return name.substr(dot + 1);
}

std::string Stem(std::string_view name) {
    size_t slash = name.find_last_of('/');
    std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
    size_t dot = base.find_last_of('.');
    std::string stem(dot == std::string_view::npos || dot == 0 ? base : base.substr(0, dot));
    for (char& c : stem) if (c == '_') c = ' ';
    return stem;
}

std::string FormatBytes(uint64_t bytes) {
    char buf[32];
    if (bytes >= (1ull << 20)) std::snprintf(buf, sizeof buf, "%.0f MB", static_cast<double>(bytes) / (1 << 20));
    else std::snprintf(buf, sizeof buf, "%.0f KB", static_cast<double>(bytes) / 1024);
    return buf;
}

// Which document field a CSV column or JSON key fills, by its name; "" for "keep as an extra field".
std::string KnownField(std::string_view column) {
    std::string name = LowerAscii(column);
    struct Alias { const char* name; const char* field; };
    static const Alias kAliases[] = {
        {"title", "title"}, {"headline", "title"}, {"name", "title"}, {"subject", "title"},
        {"date", "date"}, {"published", "date"}, {"published_at", "date"}, {"pubdate", "date"}, {"year", "date"},
        {"created", "date"}, {"datetime", "date"}, {"time", "date"},
        {"source", "source"}, {"publisher", "source"}, {"site", "source"}, {"outlet", "source"}, {"newspaper", "source"},
        {"author", "author"}, {"speaker", "author"}, {"byline", "author"},
        {"lang", "lang"}, {"language", "lang"}, {"url", "url"}, {"link", "url"},
    };
    for (const Alias& a : kAliases)
        if (name == a.name) return a.field;
    return "";
}

// A date column's value as ISO when it reads as one ("1790", "2015-12-11", "11 December 2015"); else as given.
std::string NormalizeDate(std::string_view value) {
    std::string_view v = value;
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
    if (v.size() == 4 && std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return std::string(v);
    FoundDate d = FindDate(v);
    return d.has_year ? d.iso : std::string(v);
}

void SetField(ImportedDocument& doc, const std::string& field, std::string value) {
    if (field == "title") doc.title = std::move(value);
    else if (field == "date") doc.date = NormalizeDate(value);
    else if (field == "source") doc.source = std::move(value);
    else if (field == "author") doc.author = std::move(value);
    else if (field == "lang") doc.lang = std::move(value);
    else if (field == "url") doc.url = std::move(value);
}

// Text with runs of white space collapsed: what "the same text" means for exact duplicates.
std::string Collapsed(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) { space = !out.empty(); continue; }
        if (space) out += ' ';
        out += c;
        space = false;
    }
    return out;
}

// The k smallest hashes of a document's 5-word shingles: two sketches' overlap estimates the documents'
// Jaccard similarity (Broder's bottom-k MinHash).
// Counts the words on the way (one tokenizer pass serves both).
constexpr size_t kSketchSize = 64;
std::vector<uint64_t> Sketch(std::string_view text, Tokenizer& tok, int64_t* word_count) {
    std::vector<std::string> words;
    tok.Reset(text);
    Token t;
    while (tok.Next(&t)) words.push_back(t.norm);
    *word_count = static_cast<int64_t>(words.size());
    std::vector<uint64_t> hashes;
    for (size_t i = 0; i + 5 <= words.size(); ++i) {
        uint64_t h = 1469598103934665603ull;
        for (size_t k = i; k < i + 5; ++k) {
            for (char c : words[k]) { h ^= static_cast<unsigned char>(c); h *= 1099511628211ull; }
            h ^= 0xff; h *= 1099511628211ull;
        }
        hashes.push_back(h);
    }
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    if (hashes.size() > kSketchSize) hashes.resize(kSketchSize);
    return hashes;
}

double SketchSimilarity(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
    if (a.size() < 8 || b.size() < 8) return 0;  // too short to say
    // Bottom-k of the union, and how many of those are in both.
    size_t i = 0, j = 0, seen = 0, both = 0;
    size_t k = std::min(a.size(), b.size());
    while (seen < k && (i < a.size() || j < b.size())) {
        if (j >= b.size() || (i < a.size() && a[i] < b[j])) ++i;
        else if (i >= a.size() || b[j] < a[i]) ++j;
        else { ++both; ++i; ++j; }
        ++seen;
    }
    return static_cast<double>(both) / static_cast<double>(seen);
}

constexpr size_t kNearDuplicateMaxDocuments = 5000;   // pairwise comparison beyond this is left to a job

}  // namespace

Importer::Importer(ImportOptions options) : Options(std::move(options)) {}

void Importer::AddFile(std::string_view name, std::string_view bytes) {
    ++Report.files;
    AddText(name, bytes, 0);
}

bool Importer::RefuseIfTooLarge(std::string_view name, uint64_t size) {
    if (size <= Options.max_file_bytes) return false;
    Report.refused.push_back({std::string(name), "the file is " + FormatBytes(size) + "; the limit is " +
                                                     FormatBytes(Options.max_file_bytes) +
                                                     " per file (split it into smaller files, e.g. one per document)"});
    return true;
}

void Importer::AddText(std::string_view name, std::string_view bytes, int depth) {
    std::string where(name);
    if (bytes.size() > Options.max_file_bytes) {
        if (depth == 0) RefuseIfTooLarge(name, bytes.size());
        else Report.refused.push_back({where, "the entry is " + FormatBytes(bytes.size()) + "; the limit is " +
                                                  FormatBytes(Options.max_file_bytes)});
        return;
    }
    if (bytes.empty()) { Report.refused.push_back({where, "the file is empty"}); return; }
    std::string extension = LowerAscii(Extension(name));
    if (extension == "zip" || bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        if (depth > 0) { Report.refused.push_back({where, "archives inside archives are not opened"}); return; }
        auto zip = ZipReader::Open(bytes, Options.zip);
        if (!zip.ok()) { Report.refused.push_back({where, zip.status().message()}); return; }
        int files = 0;
        for (size_t i = 0; i < zip->EntryCount(); ++i) {
            const ZipEntryInfo& entry = zip->Entry(i);
            std::string entry_where = where + "/" + entry.name;
            if (entry.is_directory) continue;
            std::string base = entry.name.substr(entry.name.find_last_of('/') + 1);
            if (base.empty() || base[0] == '.' || entry.name.rfind("__MACOSX/", 0) == 0) continue;  // system files
            if (!entry.refusal.empty()) { Report.refused.push_back({entry_where, entry.refusal}); continue; }
            auto data = zip->Extract(i);
            if (!data.ok()) { Report.refused.push_back({entry_where, data.status().message()}); continue; }
            ++files;
            AddText(entry_where, *data, depth + 1);
        }
        if (files == 0) Report.refused.push_back({where, "the archive holds no files"});
        return;
    }
    auto decoded = DecodeText(bytes, Options.encoding);
    if (!decoded.ok()) { Report.refused.push_back({where, decoded.status().message()}); return; }
    AddDecoded(name, extension, std::move(decoded->text), "encoding: " + decoded->note);
}

void Importer::AddDecoded(std::string_view name, std::string_view extension, std::string utf8, std::string encoding_note) {
    std::string where(name);
    if (extension == "csv" || extension == "tsv") {
        CsvOptions csv;
        if (extension == "tsv") csv.delimiter = '\t';
        auto table = ParseCsv(utf8, csv);
        if (!table.ok()) { Report.refused.push_back({where, table.status().message()}); return; }
        int column = -1;
        if (!Options.text_field.empty()) {
            for (size_t c = 0; c < table->header.size(); ++c)
                if (table->header[c] == Options.text_field) column = static_cast<int>(c);
            if (column < 0) { Report.refused.push_back({where, "no column named \"" + Options.text_field + "\""}); return; }
        } else {
            column = GuessTextColumn(*table);
        }
        if (column < 0) { Report.refused.push_back({where, "no column holds text"}); return; }
        size_t before = Documents.size();
        AddTable(name, table->header, table->rows, table->row_lines, column, "line");
        for (size_t i = before; i < Documents.size(); ++i)
            Documents[i].notes.insert(Documents[i].notes.begin(),
                                      encoding_note + "; text from column \"" + table->header[static_cast<size_t>(column)] + "\"");
        return;
    }
    if (extension == "jsonl" || extension == "ndjson") {
        auto records = ParseJsonLines(utf8);
        if (!records.ok()) { Report.refused.push_back({where, records.status().message()}); return; }
        std::string key = Options.text_field.empty() ? GuessTextField(*records) : Options.text_field;
        if (key.empty()) { Report.refused.push_back({where, "no field holds text"}); return; }
        // Records may differ in their keys: the header is the union, in first-seen order.
        std::vector<std::string> header;
        for (const JsonRecord& r : *records)
            for (const JsonField& f : r.fields)
                if (std::find(header.begin(), header.end(), f.key) == header.end()) header.push_back(f.key);
        std::vector<std::vector<std::string>> rows;
        std::vector<int> lines;
        for (const JsonRecord& r : *records) {
            std::vector<std::string> row(header.size());
            for (const JsonField& f : r.fields)
                row[static_cast<size_t>(std::find(header.begin(), header.end(), f.key) - header.begin())] = f.value;
            rows.push_back(std::move(row));
            lines.push_back(r.line);
        }
        int column = static_cast<int>(std::find(header.begin(), header.end(), key) - header.begin());
        if (column >= static_cast<int>(header.size())) { Report.refused.push_back({where, "no field named \"" + key + "\""}); return; }
        size_t before = Documents.size();
        AddTable(name, header, rows, lines, column, "line");
        for (size_t i = before; i < Documents.size(); ++i)
            Documents[i].notes.insert(Documents[i].notes.begin(), encoding_note + "; text from field \"" + key + "\"");
        return;
    }

    ImportedDocument doc;
    doc.imported_from = where;
    doc.notes.push_back(encoding_note);
    bool has_title = false, has_date = false, has_source = false, has_lang = false;
    bool looks_html = extension == "html" || extension == "htm" || extension == "xhtml" ||
                      (extension.empty() && utf8.find("<html") != std::string::npos);
    if (looks_html) {
        auto html = ExtractHtml(utf8);
        if (!html.ok()) { Report.refused.push_back({where, html.status().message()}); return; }
        doc.text = std::move(html->text);
        if (!html->title.empty()) { doc.title = html->title; has_title = true; doc.notes.push_back("title from the page's <title>"); }
        for (const HtmlMeta& m : html->meta) {
            if (!has_source && m.key == "og:site_name") { doc.source = m.value; has_source = true; doc.notes.push_back("source from og:site_name"); }
            if (!has_date && (m.key == "article:published_time" || m.key == "date" || m.key == "dc.date" || m.key == "citation_date")) {
                std::string date = NormalizeDate(m.value.substr(0, std::min<size_t>(m.value.size(), 10)));
                if (!date.empty()) { doc.date = date; has_date = true; doc.notes.push_back("date from <meta " + m.key + ">"); }
            }
            if (doc.author.empty() && m.key == "author") doc.author = m.value;
        }
        if (!html->lang.empty()) { doc.lang = LowerAscii(html->lang.substr(0, html->lang.find('-'))); has_lang = true; }
        if (!html->dropped.empty()) {
            std::string dropped = "HTML: dropped";
            for (const std::string& d : html->dropped) dropped += " " + d + ",";
            dropped.pop_back();
            doc.notes.push_back(dropped);
        }
    } else {
        if (!extension.empty() && extension != "txt" && extension != "text" && extension != "md" && extension != "markdown")
            doc.notes.push_back("unknown file type ." + std::string(extension) + ": read as plain text");
        doc.text = std::move(utf8);
    }
    if (doc.text.find_first_not_of(" \t\r\n\f") == std::string::npos) {
        Report.refused.push_back({where, looks_html ? "the page holds no readable text" : "the file holds only white space"});
        return;
    }
    if (!has_title) doc.title = Stem(name);  // replaced in Finish by a headline from the text, if one reads as such
    Documents.push_back(std::move(doc));
    HasTitle.push_back(has_title);
    HasDate.push_back(has_date);
    HasSource.push_back(has_source);
    HasLang.push_back(has_lang);
}

void Importer::AddTable(std::string_view name, const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows, const std::vector<int>& lines,
                        int text_column, const char* line_word) {
    std::vector<std::string> known(header.size());
    for (size_t c = 0; c < header.size(); ++c) known[c] = KnownField(header[c]);
    for (size_t r = 0; r < rows.size(); ++r) {
        const std::vector<std::string>& row = rows[r];
        std::string where = std::string(name) + ", " + line_word + " " + std::to_string(r < lines.size() ? lines[r] : 0);
        if (static_cast<size_t>(text_column) >= row.size() ||
            row[static_cast<size_t>(text_column)].find_first_not_of(" \t\r\n") == std::string::npos) {
            Report.refused.push_back({where, "the text column is empty"});
            continue;
        }
        ImportedDocument doc;
        doc.imported_from = where;
        doc.text = row[static_cast<size_t>(text_column)];
        bool has[4] = {};
        for (size_t c = 0; c < header.size() && c < row.size(); ++c) {
            if (static_cast<int>(c) == text_column) continue;
            if (!known[c].empty() && !row[c].empty()) {
                SetField(doc, known[c], row[c]);
                if (known[c] == "title") has[0] = true;
                if (known[c] == "date") has[1] = true;
                if (known[c] == "source") has[2] = true;
                if (known[c] == "lang") has[3] = true;
            }
            if (known[c].empty() || known[c] == "date") doc.fields.emplace_back(header[c], row[c]);
        }
        if (!has[0]) doc.title = Stem(name) + " " + std::to_string(r + 1);
        Documents.push_back(std::move(doc));
        HasTitle.push_back(has[0]);
        HasDate.push_back(has[1]);
        HasSource.push_back(has[2]);
        HasLang.push_back(has[3]);
    }
}

void Importer::Finish() {
    while (!FinishStep(core::Deadline::Never())) {}
}

// Phases, each a loop over the documents from a cursor: guessed metadata; furniture (every page of a site
// first, then each trimmed); word counts and sketches; then duplicates, at once (comparing fingerprints).
bool Importer::FinishStep(core::Deadline deadline) {
    // Pages of one known source are compared with each other; a document whose source is unknown is a site
    // of its own (pooling unknown sources would trim whatever unrelated files happen to share).
    auto site = [](const ImportedDocument& doc) { return doc.source.empty() ? "\x01" + doc.imported_from : doc.source; };
    auto next_phase = [&](FinishPhase phase) { Phase = phase; Cursor = 0; };
    while (!deadline.Expired()) {
        if (Phase != FinishPhase::Duplicates && Cursor >= Documents.size()) {
            next_phase(static_cast<FinishPhase>(static_cast<int>(Phase) + 1));
            if (Phase == FinishPhase::AddToTrimmer && !Options.trim_furniture) next_phase(FinishPhase::Sketch);
            continue;
        }
        switch (Phase) {
        case FinishPhase::Guess: {   // guessed metadata, for what the file did not say
            ImportedDocument& doc = Documents[Cursor];
            GuessedMetadata guess = GuessMetadata(doc.text);
            if (!HasTitle[Cursor] && !guess.title.empty()) { doc.title = guess.title; doc.notes.push_back("title: " + guess.title_note); }
            if (!HasDate[Cursor] && !guess.date.empty()) { doc.date = guess.date; doc.notes.push_back("date " + guess.date_note); }
            if (!HasSource[Cursor] && !guess.source.empty()) { doc.source = guess.source; doc.notes.push_back("source from the " + guess.source_note); }
            if (!HasLang[Cursor] && !guess.lang.empty()) { doc.lang = guess.lang; doc.notes.push_back("language: " + guess.lang_note); }
            ++Cursor;
            break;
        }
        case FinishPhase::AddToTrimmer:
            Trimmer.AddDocument(Documents[Cursor].text, site(Documents[Cursor]));
            ++Cursor;
            break;
        case FinishPhase::Trim: {
            ImportedDocument& doc = Documents[Cursor++];
            TrimResult r = Trimmer.Trim(doc.text, site(doc));
            if (r.removed.empty()) break;
            for (const RemovedLine& line : r.removed) doc.notes.push_back("trimmed \"" + line.line + "\" (" + line.reason + ")");
            doc.original_text = std::move(doc.text);
            doc.text = std::move(r.text);
            break;
        }
        case FinishPhase::Sketch: {   // word counts and near-duplicate sketches, in one tokenizer pass
            ImportedDocument& doc = Documents[Cursor++];
            Sketches.push_back(Sketch(doc.text, Words, &doc.word_count));
            break;
        }
        case FinishPhase::Duplicates:
            FinishDuplicates();
            return true;
        }
    }
    return false;
}

void Importer::FinishDuplicates() {
    std::vector<std::vector<uint64_t>>& sketches = Sketches;
    // Exact duplicates are skipped (the first one stays); near duplicates are flagged.
    std::unordered_map<size_t, std::vector<size_t>> by_hash;
    std::vector<ImportedDocument> kept;
    std::vector<std::vector<uint64_t>> kept_sketches;
    std::vector<std::string> kept_collapsed;
    for (size_t d = 0; d < Documents.size(); ++d) {
        ImportedDocument& doc = Documents[d];
        std::string collapsed = Collapsed(doc.text);
        size_t h = std::hash<std::string>()(collapsed);
        bool duplicate = false;
        for (size_t k : by_hash[h])
            if (kept_collapsed[k] == collapsed) {
                Report.duplicates.push_back(doc.imported_from + ": the same text as " + kept[k].imported_from + " (skipped)");
                duplicate = true;
                break;
            }
        if (duplicate) continue;
        by_hash[h].push_back(kept.size());
        kept_collapsed.push_back(std::move(collapsed));
        kept.push_back(std::move(doc));
        kept_sketches.push_back(std::move(sketches[d]));
    }
    Documents = std::move(kept);
    sketches = std::move(kept_sketches);
    if (Documents.size() <= kNearDuplicateMaxDocuments) {
        for (size_t a = 0; a < Documents.size(); ++a)
            for (size_t b = a + 1; b < Documents.size(); ++b) {
                double similarity = SketchSimilarity(sketches[a], sketches[b]);
                if (similarity < 0.5) continue;
                char buf[64];
                std::snprintf(buf, sizeof buf, " share about %.0f%% of their wording", similarity * 100);
                std::string line = Documents[a].imported_from + " and " + Documents[b].imported_from + buf;
                Report.near_duplicates.push_back(line);
                Documents[a].notes.push_back("near duplicate of " + Documents[b].imported_from);
                Documents[b].notes.push_back("near duplicate of " + Documents[a].imported_from);
            }
    } else {
        Report.near_duplicates.push_back("not checked: more than " + std::to_string(kNearDuplicateMaxDocuments) + " documents");
    }
    HasTitle.clear(); HasDate.clear(); HasSource.clear(); HasLang.clear();
    Sketches.clear();
}

}  // namespace text
