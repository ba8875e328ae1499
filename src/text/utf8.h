// UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
#pragma once
#include <cstddef>
#include <string_view>

namespace text {

// Byte offset of the first invalid sequence, or std::string_view::npos when `bytes` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view bytes);

}  // namespace text
