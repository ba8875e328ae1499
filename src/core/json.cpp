// JsonWriter: comma placement and string escaping (RFC 8259).
#include "core/json.h"

#include <cassert>
#include <cmath>
#include <cstdio>

namespace core {

void JsonWriter::BeforeValue() {
    if (AfterKey) { AfterKey = false; return; }
    if (!HasElement.empty()) {
        if (HasElement.back()) Out += ',';
        HasElement.back() = true;
    }
}

void JsonWriter::BeginObject() { BeforeValue(); Out += '{'; HasElement.push_back(false); }
void JsonWriter::EndObject() { assert(!HasElement.empty() && !AfterKey); HasElement.pop_back(); Out += '}'; }
void JsonWriter::BeginArray() { BeforeValue(); Out += '['; HasElement.push_back(false); }
void JsonWriter::EndArray() { assert(!HasElement.empty() && !AfterKey); HasElement.pop_back(); Out += ']'; }

void JsonWriter::Key(std::string_view key) {
    assert(!AfterKey);
    BeforeValue();
    WriteEscaped(key);
    Out += ':';
    AfterKey = true;
}

void JsonWriter::String(std::string_view value) { BeforeValue(); WriteEscaped(value); }

void JsonWriter::Int(int64_t value) { BeforeValue(); Out += std::to_string(value); }

void JsonWriter::Double(double value) {
    BeforeValue();
    if (!std::isfinite(value)) { Out += "null"; return; }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    Out += buf;
}

void JsonWriter::Bool(bool value) { BeforeValue(); Out += value ? "true" : "false"; }
void JsonWriter::Null() { BeforeValue(); Out += "null"; }

void JsonWriter::WriteEscaped(std::string_view s) {
    Out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': Out += "\\\""; break;
        case '\\': Out += "\\\\"; break;
        case '\n': Out += "\\n"; break;
        case '\r': Out += "\\r"; break;
        case '\t': Out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                Out += buf;
            } else {
                Out += static_cast<char>(c);
            }
        }
    }
    Out += '"';
}

}  // namespace core
