// Reading a whole file into memory in one call (a stream copy costs several times more in wasm, where every
// small read is a call into the JavaScript file system).
//
//     auto bytes = core::ReadFile("speech.txt");
//     if (!bytes.ok()) report(bytes.status());
#pragma once
#include <string>

#include "core/status.h"

namespace core {

// The file's bytes; an Io error naming the file when it cannot be opened or read.
Result<std::string> ReadFile(const std::string& path);

}  // namespace core
