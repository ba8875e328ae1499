// Metadata columns: names, values and table cells for the fixed and the extra fields of documents.
#include "app/document_fields.h"

#include <algorithm>
#include <unordered_set>

#include "core/table_text.h"

namespace app {

namespace {
struct FixedNames { const char* id; const char* header; const char* label; };
constexpr FixedNames kFixedNames[] = {
    {"title", "title", "Title"},    {"source", "source", "Source"}, {"date", "date", "Date"},
    {"lang", "language", "Language"}, {"author", "author", "Author"}, {"url", "url", "URL"},
    {"words", "words", "Words"},
};
}  // namespace

const char* FixedFieldId(FixedField field) { return kFixedNames[static_cast<int>(field)].id; }
const char* FixedFieldHeader(FixedField field) { return kFixedNames[static_cast<int>(field)].header; }
const char* FixedFieldLabel(FixedField field) { return kFixedNames[static_cast<int>(field)].label; }

std::vector<std::string> ExtraFieldNames(const std::vector<store::DocumentSummary>& documents) {
    std::vector<std::string> names;
    std::unordered_set<std::string_view> seen;   // views into `documents`, which outlive this call
    for (const store::DocumentSummary& doc : documents)
        for (const auto& [name, value] : doc.fields)
            if (seen.insert(name).second) names.push_back(name);
    return names;
}

std::string ExtraFieldLabel(std::string_view name) {
    std::string label(name);
    if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
    return label;
}

std::string FixedFieldValue(const store::DocumentSummary& doc, FixedField field) {
    switch (field) {
    case FixedField::Title: return doc.title;
    case FixedField::Source: return doc.source;
    case FixedField::Date: return doc.date;
    case FixedField::Lang: return doc.lang;
    case FixedField::Author: return doc.author;
    case FixedField::Url: return doc.url;
    case FixedField::Words: return std::to_string(doc.word_count);
    }
    return "";
}

std::string_view ExtraFieldValue(const store::DocumentSummary& doc, std::string_view name) {
    for (const auto& [key, value] : doc.fields)
        if (key == name) return value;
    return {};
}

void AppendMetadataHeader(std::string& out, std::span<const FixedField> fixed, const std::vector<std::string>& extra,
                          char separator) {
    for (FixedField field : fixed) core::AppendTableField(out, FixedFieldHeader(field), separator);
    for (const std::string& name : extra) core::AppendTableField(out, name, separator);
}

void AppendMetadataRow(std::string& out, const store::DocumentSummary* doc, std::span<const FixedField> fixed,
                       const std::vector<std::string>& extra, char separator) {
    for (FixedField field : fixed) core::AppendTableField(out, doc ? FixedFieldValue(*doc, field) : "", separator);
    for (const std::string& name : extra) core::AppendTableField(out, doc ? ExtraFieldValue(*doc, name) : "", separator);
}

}  // namespace app
