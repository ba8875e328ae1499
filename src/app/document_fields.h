// The metadata of the document list as columns: the fixed fields every document has (title, source, date,
// language, author, url, words) and the extra fields a CSV or JSON Lines file brought (store "fields":
// president, party …). One place names them, reads a document's value and writes them into tables, so the
// Library's columns, its filter and sort, and every export (Library, Search, Concordance) agree.
//
//     auto extra = app::ExtraFieldNames(state.documents);          // {"year", "president", "party"}
//     app::AppendMetadataHeader(out, app::kExportFields, extra, ',');
//     app::AppendMetadataRow(out, &doc, app::kExportFields, extra, ',');
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/corpus.h"

namespace app {

// A fixed metadata field, by its column id (also the export header: "title", "source", "date", "language",
// "author", "url", "words").
enum class FixedField { Title, Source, Date, Lang, Author, Url, Words };
inline constexpr FixedField kAllFixedFields[] = {FixedField::Title, FixedField::Source, FixedField::Date, FixedField::Lang,
                                                 FixedField::Author, FixedField::Url, FixedField::Words};
const char* FixedFieldId(FixedField field);      // "lang" → also the query's field name where there is one
const char* FixedFieldHeader(FixedField field);  // "language": the export header
const char* FixedFieldLabel(FixedField field);   // "Language": the Library's column title

// The names of the extra fields the documents have, in order of first appearance (document order, then the
// order within a document). Loops over every document: call it when the list changes, not per frame.
std::vector<std::string> ExtraFieldNames(const std::vector<store::DocumentSummary>& documents);

// How an extra field is named on screen: its name with the first letter capitalised ("president" → "President").
std::string ExtraFieldLabel(std::string_view name);

// A document's value of a fixed field (words as decimal digits) or of an extra field ("" when it has none).
std::string FixedFieldValue(const store::DocumentSummary& doc, FixedField field);
std::string_view ExtraFieldValue(const store::DocumentSummary& doc, std::string_view name);

// Columns of metadata for a table of documents: the given fixed fields, then every extra field. A null `doc`
// (a document no longer in the list) gives empty cells. TSV ('\t') or CSV (',').
void AppendMetadataHeader(std::string& out, std::span<const FixedField> fixed, const std::vector<std::string>& extra,
                          char separator);
void AppendMetadataRow(std::string& out, const store::DocumentSummary* doc, std::span<const FixedField> fixed,
                       const std::vector<std::string>& extra, char separator);

}  // namespace app
