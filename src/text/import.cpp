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
#include "text/gzip.h"
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

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// A text read with runs of white space collapsed to one space and none at either end: what "the same text"
// means for exact duplicates. Reads in place, a byte at a time (no copy of the text).
class CollapsedText {
public:
    explicit CollapsedText(std::string_view text) : Text(text) {}
    // The next byte, or -1 at the end.
    int Next() {
        while (At < Text.size()) {
            char c = Text[At];
            if (IsSpaceByte(c)) { Space = Started; ++At; continue; }
            if (Space) { Space = false; return ' '; }
            ++At;
            Started = true;
            return static_cast<unsigned char>(c);
        }
        return -1;
    }
private:
    std::string_view Text;
    size_t At = 0;
    bool Space = false, Started = false;
};

constexpr uint64_t kFnvOffset = 1469598103934665603ull, kFnvPrime = 1099511628211ull;

uint64_t CollapsedHash(std::string_view text) {
    CollapsedText t(text);
    uint64_t h = kFnvOffset;
    for (int c = t.Next(); c >= 0; c = t.Next()) h = (h ^ static_cast<uint64_t>(c)) * kFnvPrime;
    return h;
}

bool SameCollapsed(std::string_view a, std::string_view b) {
    CollapsedText x(a), y(b);
    for (;;) {
        int c = x.Next();
        if (c != y.Next()) return false;
        if (c < 0) return true;
    }
}

uint64_t Mix(uint64_t h) {   // splitmix64's finaliser: min-hashing needs every bit well spread
    h ^= h >> 30; h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27; h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

// The k smallest hashes of a document's 5-word shingles: two sketches' overlap estimates the documents'
// Jaccard similarity (Broder's bottom-k MinHash). Words here are runs of ASCII letters and digits and of
// non-ASCII bytes, ASCII folded to lower case: cruder than the tokenizer, and enough to see that two texts
// share their wording, at a fraction of its cost (the texts are tokenized properly once, when indexed).
constexpr size_t kSketchSize = 64;
std::vector<uint64_t> Sketch(std::string_view text) {
    std::vector<uint64_t> hashes;
    uint64_t window[5] = {}, word = kFnvOffset;
    size_t words = 0;
    bool in_word = false;
    auto end_word = [&] {
        window[words++ % 5] = word;
        word = kFnvOffset;
        if (words < 5) return;
        uint64_t shingle = kFnvOffset;
        for (size_t k = words - 5; k < words; ++k) shingle = (shingle ^ window[k % 5]) * kFnvPrime;
        hashes.push_back(Mix(shingle));
    };
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) {
            if (u >= 'A' && u <= 'Z') u = static_cast<unsigned char>(u + ('a' - 'A'));
            word = (word ^ u) * kFnvPrime;
            in_word = true;
        } else if (in_word) {
            end_word();
            in_word = false;
        }
    }
    if (in_word) end_word();
    // The smallest few times k first (linear), sorted; all of them only if repeats leave fewer than k distinct.
    auto bottom = [](std::vector<uint64_t> v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        if (v.size() > kSketchSize) v.resize(kSketchSize);
        return v;
    };
    if (hashes.size() > 4 * kSketchSize) {
        std::nth_element(hashes.begin(), hashes.begin() + 4 * kSketchSize, hashes.end());
        std::vector<uint64_t> smallest = bottom({hashes.begin(), hashes.begin() + 4 * kSketchSize});
        if (smallest.size() == kSketchSize) return smallest;
    }
    return bottom(std::move(hashes));
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

constexpr size_t kNearDuplicateMaxDocuments = 5000;   // the pairs grow with the square: beyond this, too slow

}  // namespace

Importer::Importer(ImportOptions options) : Options(std::move(options)) {}

void Importer::AddFile(std::string_view name, std::string_view bytes) {
    ++Report.files;
    AddText(name, bytes, 0);
}

std::string Importer::TooLarge(uint64_t size) const {
    return "the file is " + FormatBytes(size) + "; the limit is " + FormatBytes(Options.max_file_bytes) +
           " per file (split it into smaller files, e.g. one per document)";
}

bool Importer::RefuseIfTooLarge(std::string_view name, uint64_t size) {
    if (size <= Options.max_file_bytes) return false;
    Refuse(name, TooLarge(size));
    return true;
}

void Importer::Refuse(std::string_view name, std::string message) {
    ++Report.files;
    Report.refused.push_back({std::string(name), std::move(message)});
}

void Importer::AddText(std::string_view name, std::string_view bytes, int depth) {
    std::string where(name);
    if (bytes.size() > Options.max_file_bytes) {
        if (depth == 0) Report.refused.push_back({where, TooLarge(bytes.size())});
        else Report.refused.push_back({where, "the entry is " + FormatBytes(bytes.size()) + "; the limit is " +
                                                  FormatBytes(Options.max_file_bytes)});
        return;
    }
    if (bytes.empty()) { Report.refused.push_back({where, "the file is empty"}); return; }
    std::string extension = LowerAscii(Extension(name));
    if (extension == "gz" || LooksGzipped(bytes)) {
        // "a.jsonl.gz" holds "a.jsonl": read as that, its documents still coming from "a.jsonl.gz".
        std::string inner = extension == "gz" ? std::string(name.substr(0, name.size() - 3)) : std::string(name);
        std::string inner_extension = LowerAscii(Extension(inner));
        if (inner_extension == "tar" || extension == "tgz") {
            Report.refused.push_back({where, "tar archives are not read; unpack it, or pack the files as a .zip"});
            return;
        }
        auto data = Gunzip(bytes, {.max_bytes = Options.max_file_bytes, .max_ratio = Options.zip.max_ratio,
                                   .ratio_min_bytes = Options.zip.ratio_min_bytes});
        if (!data.ok()) { Report.refused.push_back({where, "gzip: " + data.status().message()}); return; }
        if (data->empty()) { Report.refused.push_back({where, "the file is empty once uncompressed"}); return; }
        if (inner_extension == "zip" || data->substr(0, 4) == std::string_view("PK\x03\x04", 4) || LooksGzipped(*data)) {
            Report.refused.push_back({where, "archives inside compressed files are not opened"});
            return;
        }
        auto decoded = DecodeText(*data, Options.encoding);
        if (!decoded.ok()) { Report.refused.push_back({where, decoded.status().message()}); return; }
        AddDecoded(name, inner_extension, std::move(decoded->text), "encoding: " + decoded->note + "; gzip-compressed");
        return;
    }
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
// first, then each trimmed); fingerprints; exact duplicates (skipped); near duplicates (pairs compared, a row
// per step).
bool Importer::FinishStep(core::Deadline deadline) {
    // Pages of one known source are compared with each other; a document whose source is unknown is a site
    // of its own (pooling unknown sources would trim whatever unrelated files happen to share).
    auto site = [](const ImportedDocument& doc) { return doc.source.empty() ? "\x01" + doc.imported_from : doc.source; };
    for (bool worked = false; Phase != FinishPhase::Done; worked = true) {
        if (Cursor >= Documents.size()) {
            NextPhase();
            continue;
        }
        if (worked && deadline.Expired()) return false;   // at least one document per call: always progress
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
        case FinishPhase::Fingerprint: {
            ImportedDocument& doc = Documents[Cursor++];
            Fingerprints.push_back({.text_hash = CollapsedHash(doc.text), .sketch = Sketch(doc.text)});
            // Words glued at a full stop, which the tokenizer reads as two (text/tokenizer.h)
            FullStopSplits splits = CountFullStopSplits(doc.text);
            if (splits.count > 0)
                doc.notes.push_back(std::to_string(splits.count) + (splits.count == 1 ? " place where a full stop has no space after it is"
                                                                                : " places where a full stop has no space after it are") +
                                    " read as two words (\"" + splits.first +
                                    "\" is searched as \"" + splits.first.substr(0, FullStopSplit(splits.first)) + "\" and \"" +
                                    splits.first.substr(FullStopSplit(splits.first) + 1) + "\")");
            break;
        }
        case FinishPhase::Duplicates: {   // the first of equal texts stays; the others are marked, dropped after
            Fingerprint& print = Fingerprints[Cursor];
            std::vector<size_t>& same_hash = ByTextHash[print.text_hash];
            for (size_t kept : same_hash)
                if (SameCollapsed(Documents[kept].text, Documents[Cursor].text)) {
                    Report.duplicates.push_back(Documents[Cursor].imported_from + ": the same text as " +
                                                Documents[kept].imported_from + " (skipped)");
                    print.duplicate = true;
                    break;
                }
            if (!print.duplicate) same_hash.push_back(Cursor);
            ++Cursor;
            break;
        }
        case FinishPhase::NearDuplicates: {   // flagged, not removed
            const size_t a = Cursor++;
            for (size_t b = a + 1; b < Documents.size(); ++b) {
                double similarity = SketchSimilarity(Fingerprints[a].sketch, Fingerprints[b].sketch);
                if (similarity < 0.5) continue;
                char buf[64];
                std::snprintf(buf, sizeof buf, " share about %.0f%% of their wording", similarity * 100);
                Report.near_duplicates.push_back(Documents[a].imported_from + " and " + Documents[b].imported_from + buf);
                Documents[a].notes.push_back("near duplicate of " + Documents[b].imported_from);
                Documents[b].notes.push_back("near duplicate of " + Documents[a].imported_from);
            }
            break;
        }
        case FinishPhase::Done: break;
        }
    }
    return true;
}

void Importer::NextPhase() {
    if (Phase == FinishPhase::Duplicates) {   // drop the duplicates found
        size_t kept = 0;
        for (size_t d = 0; d < Documents.size(); ++d) {
            if (Fingerprints[d].duplicate) continue;
            if (kept != d) {
                Documents[kept] = std::move(Documents[d]);
                Fingerprints[kept] = std::move(Fingerprints[d]);
            }
            ++kept;
        }
        Documents.resize(kept);
        Fingerprints.resize(kept);
        ByTextHash.clear();
    }
    Phase = static_cast<FinishPhase>(static_cast<int>(Phase) + 1);
    Cursor = 0;
    if (Phase == FinishPhase::AddToTrimmer && !Options.trim_furniture) Phase = FinishPhase::Fingerprint;
    if (Phase == FinishPhase::NearDuplicates && Documents.size() > kNearDuplicateMaxDocuments) {
        Report.near_duplicates.push_back("not checked: more than " + std::to_string(kNearDuplicateMaxDocuments) + " documents");
        Phase = FinishPhase::Done;
    }
    if (Phase == FinishPhase::Done) {
        HasTitle.clear(); HasDate.clear(); HasSource.clear(); HasLang.clear();
        Fingerprints.clear();
    }
}

}  // namespace text
