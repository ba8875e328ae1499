// Hands ICU its data. The wasm build links ICU without data and loads a subset (word/sentence break rules,
// NFKC, NFKC_Casefold, a few converters; see assets/icu-data-items.txt) at start-up. The native build uses
// the system's ICU with its full data, so calling these there is optional.
#pragma once
#include <string>

#include "core/status.h"

namespace text {

// Reads an ICU common-data package (.dat) from `path` and registers it with udata_setCommonData. The bytes
// are kept for the life of the process. Call once, before any other ICU use; later calls are no-ops.
core::Status LoadIcuData(const std::string& path);

// Checks that the break rules and normalisers the tokenizer needs can be opened, so a missing data item is
// reported at start-up with its name instead of failing later inside a view.
core::Status CheckIcuData();

// "72.1": the ICU this build uses.
const char* IcuVersion();

}  // namespace text
