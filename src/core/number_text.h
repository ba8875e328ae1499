// Numbers as people read them: counts with thousands separators ("1,234,567") and decimals rounded for
// display ("12.5"). One place, so the status line, tables, chart ticks and tooltips all write numbers alike.
// The separator is a comma whatever the browser's locale (the interface is in English); CSV/TSV exports
// keep plain digits so spreadsheets read them as numbers.
//
//     core::CountText(1234567)          // "1,234,567"
//     core::CountText(3, "document")    // "3 documents"
//     core::DecimalText(1234.5678, 1)   // "1,234.6"
#pragma once
#include <cstdint>
#include <string>

namespace core {

// `n` in digits, grouped by three with commas ("-12,345").
std::string CountText(int64_t n);
// "1 word", "2,000 words": the count and the noun, with an "s" unless the count is 1.
std::string CountText(int64_t n, const char* singular);
// `value` rounded to `decimals` places (0–6), the integer part grouped as CountText does; trailing zeros are
// kept so a column of figures lines up ("0.50"). NaN and infinities are written "–".
std::string DecimalText(double value, int decimals);

}  // namespace core
