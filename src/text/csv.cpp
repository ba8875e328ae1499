// CSV/TSV parsing: one record reader (a small state machine over bytes; every byte that matters — quote,
// delimiter, CR, LF — is ASCII, so UTF-8 passes through untouched), delimiter detection that reuses it on a
// sample, and the text-column guess. Field names are case-folded with ICU.
#include "text/csv.h"

#include <unicode/stringoptions.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>

namespace text {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::array<char, 4> kDelimiterCandidates = {',', '\t', ';', '|'};  // in order of preference
constexpr size_t kDetectSampleBytes = 64 << 10;
constexpr int kDetectSampleRecords = 20;

core::Status LineError(int line, const std::string& what) {
    return core::Error(core::StatusCode::InvalidInput, "line " + std::to_string(line) + ": " + what);
}

// "64 MiB" when the limit is a whole number of MiB, else "1000 bytes".
std::string SizeText(size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

// Reads records one at a time. Line numbers are 1-based and advance at each CRLF, LF or lone CR, inside
// quoted fields too, so they match what a text editor shows.
class RecordReader {
public:
    RecordReader(std::string_view text, char delimiter, const CsvOptions& options)
        : Text(text), Delimiter(delimiter), Options(options) {}

    // Reads the next record that is not a blank line into *fields (cleared first) and the line it starts on
    // into *start_line. False at the end of the input or on an error; status() tells which.
    bool Next(std::vector<std::string>* fields, int* start_line);
    const core::Status& status() const { return Stat; }
    bool AtEnd() const { return Pos >= Text.size(); }

private:
    bool ReadQuoted(std::string* field);
    bool ReadUnquoted(std::string* field);
    bool CheckFieldSize(const std::string& field);
    void SkipLineBreak();  // at CR or LF
    bool Fail(core::Status status) { Stat = std::move(status); return false; }

    std::string_view Text;
    char Delimiter;
    const CsvOptions& Options;
    size_t Pos = 0;   // byte offset into Text
    int Line = 1;
    core::Status Stat;
};

bool IsLineBreak(char c) { return c == '\r' || c == '\n'; }

// Spaces around a quoted field are layout, not content. A tab is a space unless it is the delimiter.
bool IsPadding(char c, char delimiter) { return c == ' ' || (c == '\t' && delimiter != '\t'); }

void RecordReader::SkipLineBreak() {
    if (Text[Pos] == '\r' && Pos + 1 < Text.size() && Text[Pos + 1] == '\n') ++Pos;
    ++Pos;
    ++Line;
}

bool RecordReader::CheckFieldSize(const std::string& field) {
    if (field.size() <= Options.max_field_bytes) return true;
    return Fail(LineError(Line, "a field is longer than " + SizeText(Options.max_field_bytes) +
                                    " (a quote that never closes can cause this)"));
}

// At the byte after an opening quote; leaves Pos after the closing quote and any padding that follows it.
bool RecordReader::ReadQuoted(std::string* field) {
    int open_line = Line;
    for (;;) {
        size_t stop = Text.find_first_of("\"\r\n", Pos);
        if (stop == std::string_view::npos) {
            Pos = Text.size();
            // A final line break belongs to the line before it; report the last line that has text.
            int last_line = Line - (IsLineBreak(Text.back()) ? 1 : 0);
            std::string where = last_line == open_line
                                    ? "the field that opens here never closes"
                                    : "the field opened on line " + std::to_string(open_line) + " never closes";
            return Fail(LineError(last_line, "unterminated quote (" + where + ")"));
        }
        field->append(Text.substr(Pos, stop - Pos));
        Pos = stop;
        if (Text[Pos] == '"') {
            if (Pos + 1 < Text.size() && Text[Pos + 1] == '"') {
                *field += '"';
                Pos += 2;
                continue;
            }
            ++Pos;
            break;
        }
        *field += '\n';
        SkipLineBreak();
        if (!CheckFieldSize(*field)) return false;
    }
    if (!CheckFieldSize(*field)) return false;
    while (Pos < Text.size() && IsPadding(Text[Pos], Delimiter)) ++Pos;
    if (Pos < Text.size() && Text[Pos] != Delimiter && !IsLineBreak(Text[Pos]))
        return Fail(LineError(Line, "text after a closing quote (inside a quoted field, write a quote as \"\")"));
    return true;
}

// Up to the next delimiter or line break; quotes in here are literal text.
bool RecordReader::ReadUnquoted(std::string* field) {
    size_t end = Pos;
    while (end < Text.size() && Text[end] != Delimiter && !IsLineBreak(Text[end])) ++end;
    field->assign(Text.substr(Pos, end - Pos));
    Pos = end;
    return CheckFieldSize(*field);
}

bool RecordReader::Next(std::vector<std::string>* fields, int* start_line) {
    if (!Stat.ok()) return false;
    while (Pos < Text.size()) {
        fields->clear();
        *start_line = Line;
        bool any_quoted = false;
        for (;;) {
            std::string field;
            size_t first = Pos;  // a quote after leading spaces still opens a quoted field
            while (first < Text.size() && Text[first] == ' ' && Delimiter != ' ') ++first;
            if (first < Text.size() && Text[first] == '"') {
                any_quoted = true;
                Pos = first + 1;
                if (!ReadQuoted(&field)) return false;
            } else if (!ReadUnquoted(&field)) {
                return false;
            }
            fields->push_back(std::move(field));
            if (fields->size() > Options.max_columns)
                return Fail(LineError(*start_line, "more than " + std::to_string(Options.max_columns) +
                                                       " fields (is the delimiter right?)"));
            if (Pos >= Text.size()) break;
            if (Text[Pos] == Delimiter) { ++Pos; continue; }
            SkipLineBreak();
            break;
        }
        const std::string& only = (*fields)[0];
        bool blank = fields->size() == 1 && !any_quoted &&
                     std::all_of(only.begin(), only.end(), [](char c) { return c == ' ' || c == '\t'; });
        if (!blank) return true;
    }
    return false;
}

// The delimiter that splits the header into the most columns without any sampled row having more fields than
// the header. Each candidate parses the same sample, so quoted delimiters and newlines are not miscounted.
char DetectDelimiter(std::string_view text, const CsvOptions& options) {
    bool truncated = text.size() > kDetectSampleBytes;
    std::string_view sample = text.substr(0, kDetectSampleBytes);
    char best = ',';
    size_t best_columns = 1;
    for (char candidate : kDelimiterCandidates) {
        RecordReader reader(sample, candidate, options);
        std::vector<std::string> fields;
        int line = 0, records = 0;
        size_t header_columns = 0;
        bool fits = true;
        while (records < kDetectSampleRecords && reader.Next(&fields, &line)) {
            if (records++ == 0) header_columns = fields.size();
            else fits &= fields.size() <= header_columns;
        }
        // An error where the sample was cut (a quoted field running past it) is no fault of the candidate.
        // A record cut short needs no care either: it can only have fewer fields than it should.
        if (!reader.status().ok() && !(truncated && reader.AtEnd())) continue;
        if (fits && header_columns > best_columns) {
            best = candidate;
            best_columns = header_columns;
        }
    }
    return best;
}

// Unicode default case folding ("ТЕКСТ" → "текст", "Straße" → "strasse"), with surrounding spaces trimmed.
// ICU's case data is compiled into the library, so this needs no data file.
std::string FoldName(std::string_view name) {
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    if (name.empty()) return {};
    UErrorCode status = U_ZERO_ERROR;
    int32_t utf16_length = 0;
    std::u16string utf16(name.size(), u'\0');  // UTF-16 never needs more units than UTF-8 has bytes
    u_strFromUTF8(reinterpret_cast<UChar*>(utf16.data()), static_cast<int32_t>(utf16.size()), &utf16_length,
                  name.data(), static_cast<int32_t>(name.size()), &status);
    if (U_FAILURE(status)) return std::string(name);
    std::u16string folded(utf16_length * 3 + 1, u'\0');  // folding expands a unit into at most 3
    int32_t folded_length =
        u_strFoldCase(reinterpret_cast<UChar*>(folded.data()), static_cast<int32_t>(folded.size()),
                      reinterpret_cast<const UChar*>(utf16.data()), utf16_length, U_FOLD_CASE_DEFAULT, &status);
    if (U_FAILURE(status)) return std::string(name);
    std::string out(static_cast<size_t>(folded_length) * 3, '\0');  // a UTF-16 unit is at most 3 UTF-8 bytes
    int32_t out_length = 0;
    u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_length,
                reinterpret_cast<const UChar*>(folded.data()), folded_length, &status);
    if (U_FAILURE(status)) return std::string(name);
    out.resize(out_length);
    return out;
}

// Names under which corpora keep their documents' text, in the languages corpora commonly come in. Each is
// written case-folded (lower case, "ß" as "ss"), as FoldName would give it, so names compare directly.
constexpr std::string_view kTextFieldNames[] = {
    // English
    "text", "body", "content", "contents", "speech", "transcript", "transcription", "article", "fulltext",
    "message", "story",
    // French, Spanish, Portuguese, Italian
    "texte", "contenu", "corps", "discours", "texto", "contenido", "cuerpo", "discurso", "artículo",
    "transcripción", "conteúdo", "corpo", "artigo", "transcrição", "testo", "contenuto", "discorso", "articolo",
    "trascrizione",
    // German, Dutch, Scandinavian
    "inhalt", "rede", "artikel", "volltext", "fliesstext", "tekst", "inhoud", "toespraak", "innhold", "innehåll",
    // Polish, Czech, Turkish
    "treść", "zawartość", "przemówienie", "artykuł", "obsah", "projev", "článek", "metin", "içerik",
    // Russian, Ukrainian
    "текст", "содержание", "содержимое", "речь", "выступление", "статья", "стенограмма", "расшифровка",
    "зміст", "вміст", "промова", "стаття",
    // Greek, Arabic, Chinese, Japanese
    "κείμενο", "περιεχόμενο", "ομιλία", "άρθρο", "نص", "محتوى", "文本", "正文", "内容", "全文", "本文", "テキスト",
};

bool IsTextFieldName(std::string_view folded) {
    for (std::string_view name : kTextFieldNames)
        if (folded == name) return true;
    return false;
}

// Code points, not bytes: a Cyrillic letter takes 2 bytes but is one letter like a Latin one.
size_t CountCodePoints(std::string_view utf8) {
    size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

core::Result<CsvTable> ParseCsv(std::string_view utf8, const CsvOptions& options) {
    if (utf8.starts_with(kUtf8Bom)) utf8.remove_prefix(kUtf8Bom.size());
    CsvTable table;
    table.delimiter = options.delimiter != 0 ? options.delimiter : DetectDelimiter(utf8, options);
    assert(table.delimiter != '"' && !IsLineBreak(table.delimiter) &&
           "a delimiter cannot be a quote or a line break");

    RecordReader reader(utf8, table.delimiter, options);
    int line = 0;
    if (!reader.Next(&table.header, &line)) {
        if (!reader.status().ok()) return reader.status();
        return core::Error(core::StatusCode::InvalidInput, "no header row (the file is empty)");
    }
    std::vector<std::string> fields;
    while (reader.Next(&fields, &line)) {
        if (fields.size() > table.header.size())
            return LineError(line, std::to_string(fields.size()) + " fields, but the header has " +
                                       std::to_string(table.header.size()));
        fields.resize(table.header.size());
        table.rows.push_back(std::move(fields));
        table.row_lines.push_back(line);
        fields = {};
    }
    if (!reader.status().ok()) return reader.status();
    return table;
}

int TextFieldNameScore(std::string_view name) {
    std::string folded = FoldName(name);
    if (folded.empty()) return 0;
    if (IsTextFieldName(folded)) return 2;
    // The last word after ASCII separators: "full_text", "speech text", "clean-body".
    size_t cut = folded.find_last_of(" _-.:/");
    if (cut == std::string::npos || cut + 1 == folded.size()) return 0;
    return IsTextFieldName(std::string_view(folded).substr(cut + 1)) ? 1 : 0;
}

int GuessTextColumn(const CsvTable& table) {
    int best = -1;
    bool best_filled = false;
    int best_score = 0;
    size_t best_total = 0;
    for (size_t column = 0; column < table.header.size(); ++column) {
        // Totals stand for averages: every column has the same number of rows.
        size_t total = 0;
        for (const std::vector<std::string>& row : table.rows)
            if (column < row.size()) total += CountCodePoints(row[column]);
        bool filled = total > 0;
        int score = TextFieldNameScore(table.header[column]);
        bool better = best < 0 || filled > best_filled ||
                      (filled == best_filled &&
                       (score > best_score || (score == best_score && total > best_total)));
        if (better) {
            best = static_cast<int>(column);
            best_filled = filled;
            best_score = score;
            best_total = total;
        }
    }
    return best;
}

}  // namespace text
