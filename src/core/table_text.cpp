// Table fields for TSV and CSV text.
#include "core/table_text.h"

namespace core {

void AppendTableField(std::string& out, std::string_view field, char separator) {
    if (!out.empty() && out.back() != '\n') out += separator;
    if (separator == '\t') {
        for (char c : field) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
        return;
    }
    if (field.find_first_of(",\"\n\r") == std::string_view::npos) { out += field; return; }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void EndTableRow(std::string& out) { out += '\n'; }

}  // namespace core
