// ICU data registration and the start-up check of what the tokenizer needs.
#include "text/icu_data.h"

#include <cstdio>
#include <vector>

#include <unicode/ubrk.h>
#include <unicode/udata.h>
#include <unicode/unorm2.h>
#include <unicode/uvernum.h>

namespace text {

namespace {
std::vector<char>& IcuDataBytes() {
    static std::vector<char> bytes;  // must outlive every ICU call: ICU reads from it in place
    return bytes;
}
}  // namespace

core::Status LoadIcuData(const std::string& path) {
    std::vector<char>& bytes = IcuDataBytes();
    if (!bytes.empty()) return core::Status::Ok();
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return core::Error(core::StatusCode::NotFound, "ICU data file not found: " + path);
    std::vector<char> data;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.insert(data.end(), buf, buf + n);
    std::fclose(f);
    // ICU wants the package 16-byte aligned; std::vector's allocation is (malloc alignment ≥ 16 on our targets).
    bytes = std::move(data);
    UErrorCode status = U_ZERO_ERROR;
    udata_setCommonData(bytes.data(), &status);
    if (U_FAILURE(status)) {
        bytes.clear();
        return core::Error(core::StatusCode::Corrupt,
                           "ICU data " + path + " was refused: " + u_errorName(status));
    }
    return core::Status::Ok();
}

const char* IcuVersion() { return U_ICU_VERSION; }

core::Status CheckIcuData() {
    UErrorCode status = U_ZERO_ERROR;
    unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status))
        return core::Error(core::StatusCode::Internal, std::string("ICU NFKC_Casefold data missing: ") + u_errorName(status));
    unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status))
        return core::Error(core::StatusCode::Internal, std::string("ICU NFKC data missing: ") + u_errorName(status));
    for (UBreakIteratorType type : {UBRK_WORD, UBRK_SENTENCE}) {
        UBreakIterator* bi = ubrk_open(type, "", nullptr, 0, &status);
        if (U_FAILURE(status))
            return core::Error(core::StatusCode::Internal,
                               std::string("ICU break rules missing: ") + u_errorName(status));
        ubrk_close(bi);
    }
    return core::Status::Ok();
}

}  // namespace text
