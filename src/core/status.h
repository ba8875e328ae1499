// Status and Result<T>: how expected failures (bad input, encodings, queries, storage) travel up the layers,
// each carrying a message a user can act on. Programmer mistakes are asserts, not Statuses.
//
//     core::Result<int> ParseCount(std::string_view s);
//     auto r = ParseCount("12");
//     if (!r.ok()) return r.status();      // propagate
//     int n = *r;
//
// Library error codes (SQLite, ICU) are translated into these where the libraries are called (store/, text/).
#pragma once
#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace core {

// The one list of failure kinds. A message says what and where; the code says what kind.
enum class StatusCode {
    Ok,
    InvalidInput,   // the user's data or query is malformed
    NotFound,       // a file, document or item does not exist
    Io,             // reading or writing failed
    Corrupt,        // a database or archive is damaged or hostile
    Unsupported,    // a format, encoding or version we do not handle
    Cancelled,      // the user cancelled
    Internal,       // a library failed in a way we did not expect
};

const char* StatusCodeName(StatusCode code);

class Status {
public:
    Status() = default;  // ok
    Status(StatusCode code, std::string message) : Code(code), Message(std::move(message)) {}

    static Status Ok() { return Status(); }
    bool ok() const { return Code == StatusCode::Ok; }
    StatusCode code() const { return Code; }
    const std::string& message() const { return Message; }
    // "invalid input: line 12 of speeches.csv: unterminated quote"
    std::string ToString() const;

private:
    StatusCode Code = StatusCode::Ok;
    std::string Message;
};

inline Status Error(StatusCode code, std::string message) { return Status(code, std::move(message)); }

// A value or the Status saying why there is none.
template <typename T>
class Result {
public:
    Result(T value) : Value(std::move(value)) {}
    Result(Status status) : Stat(std::move(status)) { assert(!Stat.ok() && "Result needs a value or an error"); }

    bool ok() const { return Value.has_value(); }
    const Status& status() const { return Stat; }
    T& operator*() { assert(ok()); return *Value; }
    const T& operator*() const { assert(ok()); return *Value; }
    T* operator->() { assert(ok()); return &*Value; }
    const T* operator->() const { assert(ok()); return &*Value; }

private:
    std::optional<T> Value;
    Status Stat;
};

}  // namespace core
