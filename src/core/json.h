// A small streaming JSON writer for CLI --json output and the web test API. It writes valid JSON by
// construction (commas and escapes are its job); nesting mistakes are asserts.
//
//     core::JsonWriter w;
//     w.BeginObject(); w.Key("count"); w.Int(3); w.Key("name"); w.String("Лавров"); w.EndObject();
//     std::string s = w.Take();   // {"count":3,"name":"Лавров"}
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

class JsonWriter {
public:
    void BeginObject();
    void EndObject();
    void BeginArray();
    void EndArray();
    void Key(std::string_view key);  // inside an object, before each value
    void String(std::string_view value);  // UTF-8 in; control characters and quotes escaped
    void Int(int64_t value);
    void Double(double value);
    void Bool(bool value);
    void Null();

    const std::string& str() const { return Out; }
    std::string Take() { return std::move(Out); }

private:
    void BeforeValue();
    void WriteEscaped(std::string_view s);

    std::string Out;
    // One entry per open container: true once it holds an element (so the next one needs a comma).
    std::vector<bool> HasElement;
    bool AfterKey = false;
};

}  // namespace core
