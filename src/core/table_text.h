// Tables as text for Copy (TSV, pastes into spreadsheets) and Export (CSV files, RFC 4180).
//
//     std::string out;
//     core::AppendTableField(out, "Budget, 2024", ',');   // "\"Budget, 2024\""
//     core::EndTableRow(out);
#pragma once
#include <string>
#include <string_view>

namespace core {

// Appends one field, preceded by `separator` unless it starts a row. TSV ('\t'): tabs and line breaks
// inside the field become spaces. CSV (','): the field is quoted when it holds a comma, quote or line break.
void AppendTableField(std::string& out, std::string_view field, char separator);
// Ends the current row.
void EndTableRow(std::string& out);

}  // namespace core
