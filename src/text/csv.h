// CSV/TSV for corpus import: RFC 4180 records into a header and rows of UTF-8 strings, the delimiter detected
// when not given, and a guess at which column holds the documents' text. Decoding to UTF-8 happens before;
// which columns become metadata, and how documents are stored, is import's business.
//
//     core::Result<text::CsvTable> table = text::ParseCsv(utf8);
//     if (!table.ok()) return table.status();           // "line 12: unterminated quote (…)"
//     int text_column = text::GuessTextColumn(*table);  // e.g. the column named "speech"
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace text {

struct CsvOptions {
    char delimiter = 0;                 // 0: detect among ',', ';', '\t', '|' (see ParseCsv)
    size_t max_columns = 1000;          // per record; more is almost always a wrong delimiter
    size_t max_field_bytes = 64u << 20; // per field, in bytes; guards against a quote that never closes
};

struct CsvTable {
    char delimiter = ',';                           // the one given or detected
    std::vector<std::string> header;                // the first record, as written
    std::vector<std::vector<std::string>> rows;     // the other records, each exactly header.size() fields
    std::vector<int> row_lines;                     // 1-based line where each row starts (for messages)
};

// Parses CSV/TSV text per RFC 4180, with the leniencies real exports need:
// - A field that starts with '"' (after optional spaces) is quoted: it may hold delimiters, line breaks and
//   doubled quotes (""), and only spaces may follow its closing quote. Line breaks inside it come out as "\n"
//   whatever the file used (CRLF, LF or CR), so a document's text does not depend on the platform that wrote it.
// - A quote inside an unquoted field is literal text (5" floppy → «5" floppy»), as spreadsheets read it.
// - Records end at CRLF, LF or a lone CR; the final line break is optional; a UTF-8 BOM is skipped; lines that
//   are empty or hold only spaces are skipped (and do not count as rows).
// - The first record is the header. A row with fewer fields is padded with ""; one with more is an error.
// - With options.delimiter == 0 the delimiter is the candidate (',', '\t', ';', '|', in that order of
//   preference) that splits the header into the most columns while no sampled row has more fields than the
//   header, judged by parsing the first 20 records with each candidate. A file of one column reads as ','.
// `utf8` must be valid UTF-8 (text::FindInvalidUtf8). Errors are InvalidInput and say where, e.g.
// "line 5: 7 fields, but the header has 4" or "no header row (the file is empty)".
core::Result<CsvTable> ParseCsv(std::string_view utf8, const CsvOptions& options = {});

// The index of the column most likely to hold the documents' text, for import to preselect:
// 1. a column that is not empty in every row beats one that is;
// 2. then a header named for text (TextFieldNameScore: "text", "Body", "speech", "texte", "Текст", …);
// 3. then the longest average value, in code points (so Cyrillic is not favoured for its 2-byte letters);
// ties go to the leftmost column. -1 when the table has no columns.
int GuessTextColumn(const CsvTable& table);

// How strongly a column or key name says "this holds the documents' text", compared case-insensitively
// (Unicode case folding) after trimming spaces: 2 when the name is one of the known names in English and other
// common corpus languages (text, body, content, speech, transcript, article, texte, texto, testo, tekst, Inhalt,
// текст, речь, 文本, …), 1 when only its last word is ("full_text", "Speech Text"), 0 otherwise.
// Shared by GuessTextColumn and GuessTextField so both importers agree.
int TextFieldNameScore(std::string_view name);

}  // namespace text
