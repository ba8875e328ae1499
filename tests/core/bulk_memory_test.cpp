// memcpy, memmove and memset (in wasm: our bulk-memory definitions, which the whole program links against).
#include <doctest/doctest.h>

#include <cstring>
#include <vector>

namespace {

std::vector<unsigned char> Pattern(size_t n) {
    std::vector<unsigned char> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<unsigned char>(i * 7 + 3);
    return v;
}

}  // namespace

TEST_CASE("memcpy copies every size, below and above the 512 bytes libc once sent to JavaScript") {
    for (size_t n : {0, 1, 3, 63, 64, 511, 512, 513, 4096, 16384, 100003}) {
        std::vector<unsigned char> src = Pattern(n + 8), dst(n + 8, 0xEE);
        void* result = std::memcpy(dst.data() + 3, src.data() + 5, n);
        CHECK(result == dst.data() + 3);
        CHECK(std::memcmp(dst.data() + 3, src.data() + 5, n) == 0);
        CHECK(dst[2] == 0xEE);
        CHECK(dst[n + 3] == 0xEE);
    }
}

TEST_CASE("memmove handles overlap in both directions") {
    for (size_t n : {1, 100, 600, 20000}) {
        std::vector<unsigned char> buf = Pattern(n + 50), expected = buf;
        std::memmove(buf.data() + 17, buf.data(), n);            // forward overlap
        std::vector<unsigned char> original = Pattern(n + 50);
        CHECK(std::memcmp(buf.data() + 17, original.data(), n) == 0);
        buf = expected;
        std::memmove(buf.data(), buf.data() + 17, n);            // backward overlap
        CHECK(std::memcmp(buf.data(), original.data() + 17, n) == 0);
    }
}

TEST_CASE("memset fills exactly the bytes asked for") {
    for (size_t n : {0, 5, 512, 70000}) {
        std::vector<unsigned char> buf(n + 2, 1);
        std::memset(buf.data() + 1, 0xAB, n);
        CHECK(buf.front() == 1);
        CHECK(buf.back() == 1);
        for (size_t i = 1; i <= n; ++i) REQUIRE(buf[i] == 0xAB);
    }
}
